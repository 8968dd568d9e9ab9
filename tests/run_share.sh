#!/usr/bin/env bash
# run_share.sh: sharing a playthrough (issue 18), end to end.
#   - loopscope html: the page is the same bytes twice, keeps an existing
#     file without --force, holds the title, the docstring, the player's
#     licence and version, the .cast as a data: URL whose bytes are exactly
#     `loopscope record`'s, a step in the list per marker, and no external
#     reference; in headless chromium (tests/web/browse.mjs, puppeteer-
#     core): no request but the page itself, no console or page error, the
#     first frame shows the four columns, `]` jumps to the next marker
#     (the next step's screen, drawn whole), and with "pause at each
#     step" ticked, playing stops at the next marker;
#   - record --format svg: the same bytes twice, well-formed XML with no
#     script and no external reference, each distinct row drawn once,
#     later frames only place rows that changed, keyframes in time order;
#     rsvg-convert draws exactly the first frame; in chromium the
#     animations exist, seeking them changes the picture and it plays by
#     itself, also inside an <img> as a README shows it;
#   - record --format gif: the same bytes twice, opens and animates in
#     chromium, a GIF89a (read by
#     tests/share/gifinfo.py) that loops forever, 860x530 at 100x30,
#     frame delays that add up to the recording's time plus the 3 s hold,
#     only colours made from the theme, under 1 MB for the default
#     scenario; a size too big is refused with no file left; giflib is
#     linked into loopscope only (not the Check runner), librsvg and cairo
#     into nothing (src/out/gui.c loads them for the first GIF);
#   - the man page: mandoc -T lint and man --warnings are silent, and
#     every command and option of `loopscope --help` has its entry;
#   - bash completion: commands, options per command, option values and
#     scenario files;
#   - make install DESTDIR=...: the binary, man page and completion.
# Screenshots and frames to look at are left in tests/out/share/.
#
#   bash tests/run_share.sh        # after `make loopscope`
#
# Prints "share: N passed, M failed" and exits 1 if anything failed.
set -u
cd "$(dirname "$0")/.." || exit 2
root=$PWD
bin=${LOOPSCOPE:-./loopscope}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
export LC_ALL=C.UTF-8
unset NO_COLOR

for tool in python3 rsvg-convert mandoc node; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "share: $tool not found (make deps installs it)" >&2
        exit 2
    fi
done
if [ ! -x "$bin" ]; then
    echo "share: $bin not built (make loopscope)" >&2
    exit 2
fi
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
    echo "share: $chromium not found (make deps installs Debian's chromium)" >&2
    exit 2
fi
# puppeteer-core, project-local and git-ignored, from the committed lock file
if [ ! -d tests/web/node_modules/puppeteer-core ]; then
    echo "share: installing puppeteer-core into tests/web/node_modules (npm ci)" >&2
    (cd tests/web && npm ci --no-audit --no-fund --silent) || {
        echo "share: npm ci failed: the browser tests need puppeteer-core" >&2
        exit 2
    }
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-share.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP
shots=tests/out/share
mkdir -p "$shots"

. tests/check_lib.sh
# expect_rc DESC RC COMMAND...: the exit status is RC
expect_rc() {
    local desc=$1 want=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local rc=$?
    if [ "$rc" = "$want" ]; then ok; else bad "$desc: exit $rc, want $want: $(head -c 300 "$tmp/err")"; fi
}

sc=scenarios/gather.py

# ---------------------------------------------------------------- html
page=$tmp/lesson.html
expect_rc "html writes the page" 0 "$bin" html $sc -o "$page"
expect_rc "html again, same options" 0 "$bin" html $sc -o "$tmp/again.html"
check "html: the same bytes twice" cmp -s "$page" "$tmp/again.html"
cp "$page" "$tmp/keep.html"
expect_rc "html keeps an existing file" 1 "$bin" html $sc -o "$page" --speed 2
check "html: the kept file is unchanged" cmp -s "$page" "$tmp/keep.html"
grep -q -- "--force" "$tmp/err" || bad "html: the refusal mentions --force"
expect_rc "html --force replaces it" 0 "$bin" html $sc -o "$page" --speed 2 --force
check "html --force: new bytes" bash -c "! cmp -s '$page' '$tmp/keep.html'"
expect_rc "html without -o" 2 "$bin" html $sc
expect_rc "html --format is refused" 2 "$bin" html $sc -o "$tmp/x.html" --format svg
expect_rc "html to standard output" 0 "$bin" html $sc -o -
check "html -o -: the same page" cmp -s "$tmp/out" "$tmp/again.html"
"$bin" record $sc -o "$tmp/lesson.cast" >/dev/null 2>&1
nsteps=$("$bin" steps $sc --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["steps"]))' 2>/dev/null)
check "html: the page's content" python3 - "$tmp/again.html" "$tmp/lesson.cast" "$nsteps" vendor/asciinema-player <<'PY'
import base64, html.parser, re, sys
page, cast, nsteps, vendor = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
text = open(page, encoding="utf-8").read()
assert "<title>Two fetches at once with asyncio.gather (Python 3.12)</title>" in text, "title"
assert "<h1>Two fetches at once with asyncio.gather (Python 3.12)</h1>" in text, "heading"
assert "gather is Python&apos;s Promise.all" in text, "the docstring's summary"
licence = open(vendor + "/LICENSE", encoding="utf-8").read()
assert "Apache License" in text and "Licensed under the Apache License" in licence, "licence"
assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text, "the whole licence"
version = open(vendor + "/VERSION").read().strip()
assert "asciinema-player " + version in text, "player version"
assert open(vendor + "/asciinema-player.min.js", encoding="utf-8").read() in text, "the player inlined"
m = re.search(r'<a id="cast" download="gather.cast" href="data:application/x-asciicast;base64,([A-Za-z0-9+/=]+)"', text)
assert m, "download link"
assert base64.b64decode(m.group(1)) == open(cast, "rb").read(), "the .cast is loopscope record's, byte for byte"
marks = [l for l in base64.b64decode(m.group(1)).decode().splitlines() if ', "m", ' in l]
steps = re.findall(r'<li value="(\d+)">', text)
assert len(marks) == nsteps == len(steps) and steps == [str(i + 1) for i in range(nsteps)], (len(marks), nsteps, len(steps))
# nothing outside the file: no external src/href, stylesheet link or import
class P(html.parser.HTMLParser):
    def handle_starttag(self, tag, attrs):
        assert tag != "link", "no <link>"
        for k, v in attrs:
            if k in ("src", "href") and v:
                assert v.startswith("data:") or v.startswith("#"), (tag, k, v[:60])
P().feed(text)
assert "@import" not in text and not re.search(r"url\(\s*['\"]?(https?:)?//", text), "no remote CSS"
PY

browse() { # browse MODE FILE OUT: the JSON line tests/web/browse.mjs prints
    (cd "$root" && CHROMIUM=$chromium timeout 120 node tests/web/browse.mjs "$@") 2>"$tmp/browse.err"
}
browse html "$tmp/again.html" "$shots/html.png" >"$tmp/html.json"
check "html in chromium (screenshot: $shots/html.png, $shots/html-next.png)" python3 - "$tmp/html.json" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["requests"] == [], ("network requests", d["requests"])
assert d["errors"] == [], ("console errors", d["errors"])
for col in ("RUNNING", "WAITING", "READY", "DONE"):
    assert col in d["first"], ("first frame shows the column", col)
ms = d["markers"]
assert "step 1/%d" % len(ms) in d["first"], "the first frame is step 1"
nxt = min(t for t in ms if t > d["before"] + 1e-9)
assert abs(d["after"]["time"] - nxt) < 1e-6, ("] jumps to the next marker", d["before"], d["after"]["time"], nxt)
after = d["after"]["text"]
assert "step 2/%d" % len(ms) in after, "the next step's screen"
for col in ("RUNNING", "WAITING", "READY", "DONE", "log"):
    assert col in after, ("after the jump the screen is whole", col)
assert d["steps"] == len(ms), "a list entry per marker"
nxt2 = min(t for t in ms if t > d["after"]["time"] + 1e-9)
assert abs(d["paused"] - nxt2) < 1e-3, ("pause at each step stops at the next marker", d["paused"], nxt2)
PY
[ -s "$tmp/browse.err" ] && head -5 "$tmp/browse.err"

# ---------------------------------------------------------------- animated SVG
anim=$tmp/demo.svg
expect_rc "record --format svg" 0 "$bin" record $sc --format svg -o "$anim"
expect_rc "record FILE.svg chooses svg" 0 "$bin" record $sc -o "$tmp/again.svg"
check "animated SVG: the same bytes twice" cmp -s "$anim" "$tmp/again.svg"
expect_rc "record --format bogus" 2 "$bin" record $sc --format bogus -o "$tmp/x"
grep -q "cast, svg or gif" "$tmp/err" || bad "record --format bogus names the formats"
expect_rc "record --format svg keeps an existing file" 1 "$bin" record $sc --format svg -o "$anim"
check "animated SVG: structure" python3 - "$anim" "$tmp/first.svg" <<'PY'
import re, sys
import xml.etree.ElementTree as ET
path, first = sys.argv[1], sys.argv[2]
raw = open(path, encoding="utf-8").read()
root = ET.fromstring(raw)
NS = "{http://www.w3.org/2000/svg}"
assert root.tag == NS + "svg"
assert not root.iter(NS + "script").__next__ if False else not list(root.iter(NS + "script")), "no script"
for el in root.iter():
    for k, v in el.attrib.items():
        if k.endswith("href"):
            assert v.startswith("#r"), ("only internal references", v)
defs = root.find(NS + "defs")
rows = {g.get("id"): ET.tostring(g).replace(('id="%s"' % g.get("id")).encode(), b"") for g in defs}
assert len(set(rows.values())) == len(rows), "each distinct row drawn once"
screen = [g for g in root if g.tag == NS + "g"][-1]
frames = list(screen)
h = 30
assert len(frames) > 10, "frames"
assert frames[0].get("class") is None and len(frames[0]) == h, "the first frame places every row"
later = 0
for f in frames[1:]:
    assert f.get("class") == "f", "later frames animate"
    ys = [u.get("y") for u in f]
    assert len(ys) == len(set(ys)) and 0 < len(ys) <= h, "one place per row"
    later += len(ys)
    for u in f:
        assert u.get("href")[1:] in rows, "defined row"
assert later < (len(frames) - 1) * h / 2, ("only changed rows", later, len(frames))
style = root.find(NS + "style").text
pcts = [float(p) for p in re.findall(r"@keyframes k\d+\{0%\{opacity:0\}([\d.]+)%", style)]
assert len(pcts) == len(frames) - 1 and pcts == sorted(pcts) and pcts[-1] < 100, "keyframes in time order"
assert "infinite" in style, "loops"
# the first frame alone, for rsvg-convert to compare with
for f in frames[1:]:
    screen.remove(f)
root.remove(root.find(NS + "style"))
ET.register_namespace("", "http://www.w3.org/2000/svg")
open(first, "w", encoding="utf-8").write(ET.tostring(root, encoding="unicode"))
PY
rsvg-convert "$anim" -o "$shots/svg-rsvg.png" 2>"$tmp/rsvg.err" && rsvg-convert "$tmp/first.svg" -o "$tmp/first.png"
check "rsvg-convert draws the animated SVG's first frame ($shots/svg-rsvg.png)" cmp -s "$shots/svg-rsvg.png" "$tmp/first.png"
check "rsvg-convert: no warnings" test ! -s "$tmp/rsvg.err"
browse svg "$anim" "$shots/svg" >"$tmp/svg.json"
check "animated SVG in chromium (screenshots: $shots/svg-*.png)" python3 - "$tmp/svg.json" "$anim" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())
n = open(sys.argv[2]).read().count('class="f"')
assert d["requests"] == [] and d["errors"] == [], d
assert d["animations"] == n, ("an animation per later frame", d["animations"], n)
assert d["seek_differs"], "the picture changes with the animation's time"
assert d["runs_by_itself"], "it plays by itself"
PY

# as a README shows it: in an <img> (here from a data: URL), where no
# script could run, it still plays
python3 -c 'import base64, sys
d = base64.b64encode(open(sys.argv[1], "rb").read()).decode()
open(sys.argv[2], "w").write("<!DOCTYPE html><html><body style=\"margin:0\"><img src=\"data:image/svg+xml;base64," + d + "\"></body></html>")' "$anim" "$tmp/img.html"
browse image "$tmp/img.html" "$shots/svg-img" >"$tmp/img.json"
check "the animated SVG plays in an <img>, as in a README" python3 -c 'import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["requests"] == [] and d["errors"] == [] and d["size"] == [860, 530] and d["runs_by_itself"], d' "$tmp/img.json"

# ---------------------------------------------------------------- GIF
gif=$tmp/demo.gif
expect_rc "record --format gif" 0 "$bin" record $sc --format gif -o "$gif"
expect_rc "record FILE.gif chooses gif" 0 "$bin" record $sc -o "$tmp/again.gif"
check "GIF: the same bytes twice" cmp -s "$gif" "$tmp/again.gif"
cp "$gif" "$tmp/keep.gif"
expect_rc "record --format gif keeps an existing file" 1 "$bin" record $sc --format gif --speed 2 -o "$gif"
check "GIF: the kept file is unchanged" cmp -s "$gif" "$tmp/keep.gif"
expect_rc "record --format gif --force replaces it" 0 "$bin" record $sc --format gif --speed 2 -o "$tmp/again.gif" --force
check "GIF --force: new bytes" bash -c "! cmp -s '$gif' '$tmp/again.gif'"
check "GIF: frames, loop, delays, palette, size ($shots/gif-*.png)" python3 - "$gif" "$tmp/lesson.cast" "$shots" <<'PY'
import json, os, subprocess, sys
gif, cast, shots = sys.argv[1:4]
info = json.loads(subprocess.check_output([sys.executable, "tests/share/gifinfo.py", gif, "--png", "0", shots + "/gif-0.png"]))
assert (info["width"], info["height"]) == (860, 530), "860x530 for 100x30"
assert info["loop"] == 0, "loops forever"
assert info["frames"] > 10, "animated"
d = info["delays"]
assert d[-1] == 300, "the last frame is held 3 s"
assert all(x >= 10 for x in d[:-1]), "no frame shorter than 1/10 s"
lines = open(cast, encoding="utf-8").read().splitlines()
head = json.loads(lines[0])
end = [json.loads(l)[0] for l in lines[1:] if json.loads(l)[1] == "o"][-1]
assert abs(sum(d[:-1]) - round(end * 100)) <= 10, ("the delays add up to the recording's time", sum(d[:-1]), end)
th = head["theme"]
def rgb(c): return int(c[1:], 16)
def mix(a, b, share):
    return sum(((((a >> s) & 255) * share + ((b >> s) & 255) * (100 - share) + 50) // 100) << s for s in (16, 8, 0))
bg = rgb(th["bg"])
base = [bg, rgb(th["fg"])] + [rgb(c) for c in th["palette"].split(":")]
base += [mix(c, bg, 60) for c in base[1:]]
allowed = set(base) | {mix(c, bg, s) for c in base[1:] for s in (25, 50, 75)}
used = {int(c[1:], 16) for c in info["colors"]}
assert used <= allowed, ("colours from the theme", sorted("%06x" % c for c in used - allowed)[:5])
assert th["bg"] in info["colors"] and th["fg"] in info["colors"]
assert os.path.getsize(gif) < 1_000_000, ("small", os.path.getsize(gif))
subprocess.check_call([sys.executable, "tests/share/gifinfo.py", gif, "--png", str(info["frames"] - 1), shots + "/gif-last.png"], stdout=subprocess.DEVNULL)
PY
if command -v script >/dev/null 2>&1; then
    script -qec "'$bin' record $sc --format gif -o -" /dev/null >"$tmp/tty.out" 2>&1
    check "a GIF is not written to a terminal" bash -c "grep -q 'would garble the terminal' '$tmp/tty.out' && ! grep -q GIF89a '$tmp/tty.out'"
fi
browse image "$gif" "$shots/gif-chromium" >"$tmp/gif.json"
check "the GIF opens and animates in chromium ($shots/gif-chromium-*.png)" python3 - "$tmp/gif.json" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d["requests"] == [] and d["errors"] == [], d
assert d["size"] == [860, 530], d["size"]
assert d["runs_by_itself"], "it animates"
PY
expect_rc "a GIF too big is refused" 1 "$bin" record $sc --format gif --size 1000x1000 -o "$tmp/big.gif"
grep -q "too big for a GIF" "$tmp/err" || bad "the refusal says the GIF is too big"
check "a refused GIF leaves no file" bash -c "! ls -A '$tmp' | grep -q big"
b=${LOOPSCOPE_BUILD:-build}
if [ -x "$b/check_runner" ]; then
    check "librsvg and giflib are not in the Check runner" bash -c "! ldd '$b/check_runner' | grep -Eq 'librsvg|libgif|libcairo'"
fi
check "giflib is linked into loopscope, librsvg and cairo are not (loaded at the first GIF)" bash -c "ldd '$bin' | grep -q libgif && ! ldd '$bin' | grep -Eq 'librsvg|libcairo'"

# ---------------------------------------------------------------- man page
mandoc -T lint -W warning man/loopscope.1 >"$tmp/lint" 2>&1
check "mandoc -T lint: no warnings $(head -3 "$tmp/lint")" test ! -s "$tmp/lint"
MANWIDTH=80 man --warnings -l man/loopscope.1 >"$tmp/man.txt" 2>"$tmp/man.err"
check "man --warnings: none $(head -3 "$tmp/man.err")" test ! -s "$tmp/man.err"
"$bin" --help >"$tmp/help"
for opt in $(grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' "$tmp/help" | tr -d ' ,' | sort -u); do
    grep -qF -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" man/loopscope.1 || bad "man page: no entry for $opt"
    ok
done
for cmd in frame record html trace steps view; do
    grep -q "^\.B $cmd " man/loopscope.1 || bad "man page: no entry for the $cmd command"
    ok
done
for sec in COMMANDS OPTIONS KEYS FILES "EXIT STATUS" ENVIRONMENT; do
    grep -q "^\.SH $sec" man/loopscope.1 || bad "man page: no $sec section"
    ok
done
for word in NO_COLOR LANG TERM; do
    grep -q "^$word\b\|^ *$word" "$tmp/man.txt" || grep -q "$word" "$tmp/man.txt" || bad "man page: $word"
    ok
done

# ---------------------------------------------------------------- completion
complete_test() { # complete_test "WORDS..." EXPECTED...: the completions hold each expected word
    local words=$1
    shift
    local got
    got=$(cd "$root" && bash -c 'source completion/loopscope.bash
        read -ra COMP_WORDS <<<"$1"; [[ $1 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _loopscope; printf "%s\n" "${COMPREPLY[@]}"' _ "$words")
    local w
    for w in "$@"; do
        case $w in
            !*) if printf '%s\n' "$got" | grep -qxF -- "${w#!}"; then bad "completion of '$words' offers ${w#!}"; else ok; fi ;;
            *) if printf '%s\n' "$got" | grep -qxF -- "$w"; then ok; else bad "completion of '$words' lacks $w (got: $(echo $got))"; fi ;;
        esac
    done
}
complete_test "loopscope re" record
complete_test "loopscope " frame record html trace steps scenarios
complete_test "loopscope scenarios/ga" scenarios/gather.py
complete_test "loopscope record $sc --f" --format --force
complete_test "loopscope record $sc --format " cast svg gif
complete_test "loopscope trace $sc --format " text chrome '!svg'
complete_test "loopscope html $sc -" -o --speed --theme '!--format' '!--json'
complete_test "loopscope steps $sc --" --json '!--svg'
complete_test "loopscope frame $sc --theme " dark light

# ---------------------------------------------------------------- install
dest=$tmp/root
make --no-print-directory -s install DESTDIR="$dest" PREFIX=/usr >/dev/null 2>"$tmp/install.err"
check "make install: the binary" test -x "$dest/usr/bin/loopscope"
check "make install: the man page" test -s "$dest/usr/share/man/man1/loopscope.1"
check "make install: the completion" test -s "$dest/usr/share/bash-completion/completions/loopscope"
check "installed man page reads" bash -c "MANWIDTH=80 man -l '$dest/usr/share/man/man1/loopscope.1' 2>/dev/null | grep -q 'loopscope html'"

echo "share: $pass passed, $fail failed"
[ "$fail" = 0 ]
