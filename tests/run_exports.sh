#!/usr/bin/env bash
# run_exports.sh: the exports, end to end (issue 4).
#   - asciicast (`loopscope record`) of every shipped scenario and of
#     tests/exports/wide.py: every line valid JSON, the header's fields
#     (version, size, title, env, theme with 16 colours, no timestamp),
#     event shapes, times that never go back, a marker per step, the
#     cursor hidden first and shown last, the same bytes twice, --speed 2
#     ending at half the time; replayed into a real terminal (tmux) the
#     bytes give exactly `loopscope frame --step LAST`, and so does
#     `asciinema cat` when asciinema is installed (skipped, with a message,
#     when it is not);
#   - SVG (`loopscope frame --svg`): the golden files of tests/svg/MANIFEST
#     byte for byte, each well-formed XML (python3 xml.etree) with no script
#     and no external reference, every <text> held to the grid (textLength);
#   - Chrome trace (`loopscope trace --format chrome`) of every scenario:
#     the shape (traceEvents, ph, required keys, integer ts/dur >= 0, ts
#     never going back within a lane, every lane named, a lane per visible
#     task, an instant per print), the same bytes twice;
#   - files: an existing file is kept without --force (exit 1, unchanged)
#     and replaced with it; a missing folder, an unwritable folder (run as
#     nobody when we are root) and a full disk (a tiny tmpfs, when we may
#     mount one) give "cannot write FILE: reason", exit 1 and no file, not
#     even a temp file; usage mistakes exit 2.
#
#   bash tests/run_exports.sh             # after `make loopscope`
#   bash tests/run_exports.sh --update    # rewrite the SVG goldens (read the diff!)
#
# Prints "exports: N passed, M failed" and exits 1 if anything failed.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${LOOPSCOPE:-./loopscope}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
update=0
[ "${1:-}" = "--update" ] && update=1
export LC_ALL=C.UTF-8
unset NO_COLOR TMUX

if [ ! -x "$bin" ]; then
    echo "exports: $bin not built (make loopscope)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "exports: python3 not found (make deps installs it)" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-exports.XXXXXX") || exit 2
SOCK=loopscope-exports-$$
MNT=""
cleanup() {
    tmux -L "$SOCK" kill-server >/dev/null 2>&1
    [ -n "$MNT" ] && umount "$MNT" 2>/dev/null
    chmod -R u+w "$tmp" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

. tests/check_lib.sh

scenarios=(scenarios/*.py tests/exports/wide.py)

# ---------------------------------------------------------------- asciicast
cast_shape() { # cast_shape FILE W H STEPS: the file's JSON, header, events
    python3 - "$@" <<'EOF'
import json, re, sys
path, w, h, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
raw = open(path, "rb").read()
text = raw.decode("utf-8")          # valid UTF-8 throughout
assert text.endswith("\n"), "ends with a newline"
lines = text.split("\n")[:-1]
head = json.loads(lines[0])
assert head["version"] == 2 and head["width"] == w and head["height"] == h, head
assert isinstance(head["title"], str) and head["title"], "title"
assert head["env"] == {"TERM": "xterm-256color", "SHELL": "/bin/sh"}, head["env"]
assert "timestamp" not in head, "no wall-clock timestamp"
th = head["theme"]
hexc = re.compile(r"^#[0-9a-f]{6}$")
assert hexc.match(th["fg"]) and hexc.match(th["bg"]), th
pal = th["palette"].split(":")
assert len(pal) == 16 and all(hexc.match(c) for c in pal), th["palette"]
last = 0.0
marks = 0
events = []
for n, line in enumerate(lines[1:], 2):
    ev = json.loads(line)
    assert isinstance(ev, list) and len(ev) == 3, (n, ev)
    t, kind, data = ev
    assert isinstance(t, float) and isinstance(data, str), (n, ev)
    assert re.match(r"^\[\d+\.\d{6}, ", line), ("time with 6 decimals", n)
    assert t >= last, ("time goes back", n, t, last)
    last = t
    assert kind in ("o", "m"), (n, kind)
    marks += kind == "m"
    events.append(ev)
assert marks == steps, ("a marker per step", marks, steps)
outs = [e for e in events if e[1] == "o"]
assert outs[0][2].startswith("\x1b[?25l"), "cursor hidden first"
assert events[-1][1] == "o" and events[-1][2] == "\x1b[?25h", "cursor shown last"
print(f"{last:.6f}")
EOF
}

# The "o" bytes of a cast, as asciinema cat writes them.
cast_bytes() {
    python3 -c 'import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()[1:]
sys.stdout.buffer.write("".join(e[2] for e in map(json.loads, lines) if e[1] == "o").encode())' "$1"
}

have_tmux=0
command -v tmux >/dev/null 2>&1 && have_tmux=1
have_asciinema=0
command -v asciinema >/dev/null 2>&1 && have_asciinema=1
[ $have_tmux = 1 ] || echo "exports: tmux not found: replaying into a terminal skipped"
[ $have_asciinema = 1 ] || echo "exports: asciinema not found: the asciinema cat check skipped (apt-get install asciinema)"

# screen_of W H COMMAND: what a W x H terminal shows after COMMAND has run.
screen_of() {
    local w=$1 h=$2 cmd=$3 i
    tmux -L "$SOCK" -f /dev/null kill-server >/dev/null 2>&1
    rm -f "$tmp/done"
    tmux -L "$SOCK" -f /dev/null new-session -d -x "$w" -y "$h" \
        "$cmd; touch '$tmp/done'; sleep 60" || return 1
    for i in $(seq 100); do
        [ -e "$tmp/done" ] && break
        sleep 0.1
    done
    sleep 0.2
    tmux -L "$SOCK" capture-pane -p -t 0
    tmux -L "$SOCK" kill-server >/dev/null 2>&1
}

for s in "${scenarios[@]}"; do
    name=$(basename "$s" .py)
    steps=$("$bin" steps "$s" 2>/dev/null | grep -c '^#[0-9]')
    for size in 100x30 72x20; do
        w=${size%x*} h=${size#*x}
        c=$tmp/$name.$size.cast
        # --markers steps: a scenario with stops marks only them by default
        if ! "$bin" record "$s" --size "$size" --markers steps -o "$c" 2>"$tmp/err"; then
            bad "record $s --size $size: exit $? $(cat "$tmp/err")"
            continue
        fi
        if end=$(cast_shape "$c" "$w" "$h" "$steps" 2>"$tmp/err"); then ok; else
            bad "record $s --size $size: shape: $(tail -n 1 "$tmp/err")"
            continue
        fi
        "$bin" record "$s" --size "$size" --markers steps -o "$c.again" 2>/dev/null
        check "record $s --size $size: the same bytes twice" cmp -s "$c" "$c.again"
        [ $have_tmux = 1 ] || continue
        "$bin" frame "$s" --step "$steps" --size "$size" >"$tmp/want"
        cast_bytes "$c" >"$tmp/bytes"
        screen_of "$w" "$h" "cat '$tmp/bytes'" >"$tmp/got"
        if cmp -s "$tmp/want" "$tmp/got"; then ok; else
            bad "record $s --size $size: the replayed screen is not frame --step $steps:"
            diff "$tmp/want" "$tmp/got" | head -20
        fi
        if [ $have_asciinema = 1 ] && [ "$size" = 100x30 ]; then
            screen_of "$w" "$h" "asciinema cat '$c'" >"$tmp/got"
            if cmp -s "$tmp/want" "$tmp/got"; then ok; else
                bad "asciinema cat $name.$size.cast is not frame --step $steps:"
                diff "$tmp/want" "$tmp/got" | head -20
            fi
        fi
    done
    # twice the speed, half the time (the dwell and the gaps both scale)
    "$bin" record "$s" --speed 2 --markers steps -o "$tmp/$name.2x.cast" 2>/dev/null
    end1=$(cast_shape "$tmp/$name.100x30.cast" 100 30 "$steps" 2>/dev/null)
    end2=$(cast_shape "$tmp/$name.2x.cast" 100 30 "$steps" 2>/dev/null)
    check "record $s --speed 2 ends at half the time ($end2 vs $end1)" \
        python3 -c 'import sys; a, b = map(float, sys.argv[1:]); sys.exit(abs(a / 2 - b) > 0.001 + a * 1e-6)' \
        "${end1:-0}" "${end2:-1}"
done
# a scenario with stops: a marker at each stop, labelled with its note
"$bin" record scenarios/lesson_tasks.py -o "$tmp/stops.cast" 2>/dev/null
check "record: a marker per stop, with its note" python3 -c 'import json, sys
ev = [json.loads(l) for l in open(sys.argv[1]).read().splitlines()[1:]]
marks = [e[2] for e in ev if e[1] == "m"]
assert len(marks) == 6, marks
assert marks[0] == "created is not started", marks
assert marks[5].startswith("stop 6/6: "), marks' "$tmp/stops.cast"

# the title and the theme reach the header
"$bin" record scenarios/gather.py --title 'tab	"quoted" é' --theme light -o "$tmp/title.cast"
check "record --title / --theme light reach the header" python3 -c 'import json, sys
h = json.loads(open(sys.argv[1], encoding="utf-8").readline())
assert h["title"] == "tab\t\"quoted\" é", h["title"]
assert h["theme"]["bg"] == "#fafafa", h["theme"]' "$tmp/title.cast"

# ---------------------------------------------------------------- SVG
svg_shape() {
    python3 - "$1" <<'EOF'
import sys, xml.etree.ElementTree as ET
path = sys.argv[1]
root = ET.parse(path).getroot()
NS = "{http://www.w3.org/2000/svg}"
assert root.tag == NS + "svg", root.tag
for a in ("width", "height", "viewBox"):
    assert a in root.attrib, a
texts = 0
for el in root.iter():
    tag = el.tag.replace(NS, "")
    assert tag in ("svg", "title", "rect", "g", "text"), ("unexpected element", tag)
    for k, v in el.attrib.items():
        assert "href" not in k and "url(" not in v, ("external reference", k, v)
    if tag == "text":
        texts += 1
        assert float(el.get("textLength")) > 0 and el.get("lengthAdjust") == "spacingAndGlyphs", el.attrib
        assert el.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve", el.attrib
assert texts > 10, texts
EOF
}

while read -r golden args; do
    case "$golden" in '' | '#'*) continue ;; esac
    out=$tmp/$golden
    # shellcheck disable=SC2086  # the arguments are words by design
    if ! "$bin" frame $args --svg "$out" 2>"$tmp/err"; then
        bad "frame $args --svg: exit $? $(cat "$tmp/err")"
        continue
    fi
    if svg_shape "$out" 2>"$tmp/err"; then ok; else bad "$golden: $(tail -n 1 "$tmp/err")"; fi
    # shellcheck disable=SC2086
    "$bin" frame $args --svg "$out.again" 2>/dev/null
    check "$golden: the same bytes twice" cmp -s "$out" "$out.again"
    if [ $update = 1 ]; then
        cp "$out" "tests/svg/$golden"
        ok
    elif cmp -s "$out" "tests/svg/$golden"; then
        ok
    else
        bad "$golden differs from tests/svg/$golden (frame $args):"
        diff "tests/svg/$golden" "$out" | head -20
    fi
done <tests/svg/MANIFEST

# text from outside reaches the <title> through the cells' XML filter: a
# docstring with U+FFFF, a --title and a file name that are not UTF-8
printf '"""odd \xef\xbf\xbf title \xe2\x80\xae"""\nimport asyncio\nasync def main():\n    pass\nasyncio.run(main())\n' >"$tmp/doc_ffff.py"
cp scenarios/gather.py "$tmp/name_$(printf '\xff\xfe').py"
for args in "$tmp/doc_ffff.py" "scenarios/gather.py --title $(printf 'bad\xff\xc3(')" \
    "$tmp/name_$(printf '\xff\xfe').py"; do
    rm -f "$tmp/odd.svg"
    # shellcheck disable=SC2086
    if "$bin" frame $args --svg "$tmp/odd.svg" 2>"$tmp/err" && svg_shape "$tmp/odd.svg" 2>"$tmp/err"; then
        ok
    else
        bad "frame $(printf '%q' "$args") --svg: not well-formed: $(tail -n 1 "$tmp/err")"
    fi
done

# ---------------------------------------------------------------- Chrome trace
chrome_shape() { # chrome_shape FILE TASKS PRINTS
    python3 - "$@" <<'EOF'
import json, sys
path, tasks, prints = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
d = json.load(open(path, encoding="utf-8"))
assert set(d) >= {"traceEvents", "displayTimeUnit"}, d.keys()
assert d["displayTimeUnit"] == "ms"
evs = d["traceEvents"]
assert isinstance(evs, list) and evs
named, used, last = set(), set(), {}
nprint = 0
for e in evs:
    assert isinstance(e.get("name"), str) and e["ph"] in ("X", "i", "M") and isinstance(e["pid"], int), e
    if e["ph"] == "M":
        assert e["name"] in ("process_name", "thread_name", "thread_sort_index"), e
        if e["name"] == "thread_name":
            assert isinstance(e["args"]["name"], str) and e["args"]["name"]
            named.add((e["pid"], e["tid"]))
        continue
    lane = (e["pid"], e["tid"])
    used.add(lane)
    assert isinstance(e["ts"], int) and e["ts"] >= 0, e
    assert e["ts"] >= last.get(lane, 0), ("ts goes back in a lane", e)
    last[lane] = e["ts"]
    assert isinstance(e["args"]["step"], int) and e["args"]["step"] >= 1, e
    if e["ph"] == "X":
        assert isinstance(e["dur"], int) and e["dur"] >= 0, e
        assert e["name"].split(":")[0] in ("running", "waiting", "ready", "blocked", "idle"), e["name"]
    else:
        assert e["s"] == "t", e
        nprint += e["cat"] == "print"
assert used <= named, ("lanes without a name", used - named)
workers = sum(1 for e in evs if e["ph"] == "M" and e["name"] == "thread_name"
              and e["args"]["name"].startswith(("thread ", "process ")))  # docs/threads.md
assert len(named) == tasks + 1 + workers, ("a lane per visible task, the loop and each worker", len(named), tasks)
assert nprint == prints, ("an instant per print", nprint, prints)
EOF
}

for s in "${scenarios[@]}"; do
    name=$(basename "$s" .py)
    j=$tmp/$name.json
    "$bin" trace "$s" --format chrome -o "$j" 2>/dev/null
    # visible tasks: the distinct ids the JSON steps listing shows
    tasks=$("$bin" steps "$s" --json 2>/dev/null |
        python3 -c 'import json, sys; print(len({t["id"] for s in json.load(sys.stdin)["steps"] for t in s["tasks"]}))')
    prints=$("$bin" trace "$s" 2>/dev/null | grep -c '^[0-9.]* print ')
    if chrome_shape "$j" "$tasks" "$prints" 2>"$tmp/err"; then ok; else
        bad "trace $s --format chrome: $(tail -n 1 "$tmp/err")"
    fi
    "$bin" trace "$s" --format chrome >"$j.stdout" 2>/dev/null
    check "trace $s --format chrome: -o and stdout, the same bytes" cmp -s "$j" "$j.stdout"
done

# ---------------------------------------------------------------- files
expect_fail() { # expect_fail DESC STATUS PATTERN COMMAND...: exit STATUS, stderr matches
    local desc=$1 want=$2 pat=$3 st
    shift 3
    "$@" >"${EXPECT_OUT:-/dev/null}" 2>"$tmp/err"
    st=$?
    if [ $st = "$want" ] && grep -Eq -- "$pat" "$tmp/err"; then ok; else
        bad "$desc: exit $st (want $want), stderr: $(cat "$tmp/err")"
    fi
}
nothing_in() { [ -z "$(ls -A "$1")" ]; }

d=$tmp/keep
mkdir "$d"
for kind in cast svg json; do
    f=$d/old.$kind
    echo keep >"$f"
    case $kind in
    cast) cmd=("$bin" record scenarios/gather.py -o "$f") ;;
    svg) cmd=("$bin" frame scenarios/gather.py --svg "$f") ;;
    json) cmd=("$bin" trace scenarios/gather.py --format chrome -o "$f") ;;
    esac
    expect_fail "$kind: an existing file is kept" 1 "cannot write $f: it already exists \(--force replaces it\)" "${cmd[@]}"
    check "$kind: the existing file is unchanged" test "$(cat "$f")" = keep
    check "$kind: --force replaces it" "${cmd[@]}" --force
    check "$kind: replaced" test "$(head -c 4 "$f")" != keep
done
check "no temp files left beside the files" test "$(ls -A "$d" | wc -l)" = 3

expect_fail "a missing folder" 1 "cannot write $tmp/nope/x.cast: No such file or directory" \
    "$bin" record scenarios/gather.py -o "$tmp/nope/x.cast"
check "a missing folder: nothing created" test ! -e "$tmp/nope"
expect_fail "a folder as the file" 1 "cannot write $d/: " "$bin" frame scenarios/gather.py --svg "$d/"

ro=$tmp/readonly
mkdir "$ro"
chmod 555 "$ro"
if [ "$(id -u)" != 0 ]; then
    expect_fail "an unwritable folder" 1 "cannot write $ro/x.svg: Permission denied" \
        "$bin" frame scenarios/gather.py --svg "$ro/x.svg"
    check "an unwritable folder: nothing left" nothing_in "$ro"
elif command -v setpriv >/dev/null 2>&1 && chmod 755 "$tmp" &&
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --version >/dev/null 2>&1; then
    cp scenarios/gather.py "$tmp/gather.py"
    chmod 644 "$tmp/gather.py"
    expect_fail "an unwritable folder (as nobody)" 1 "cannot write $ro/x.svg: Permission denied" \
        setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" frame "$tmp/gather.py" --svg "$ro/x.svg"
    check "an unwritable folder: nothing left" nothing_in "$ro"
else
    echo "exports: root, and cannot run as nobody: the unwritable-folder check skipped"
fi

full=$tmp/full
mkdir "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null; then
    MNT=$full
    dd if=/dev/zero of="$full/filler" bs=4k count=64 2>/dev/null
    expect_fail "a full disk" 1 "cannot write $full/x.cast: No space left on device" \
        "$bin" record scenarios/gather.py -o "$full/x.cast"
    check "a full disk: only the filler is left" test "$(ls -A "$full")" = filler
    umount "$full" && MNT=""
else
    echo "exports: cannot mount a tmpfs here: the full-disk check skipped"
fi

# only a regular file is ever replaced (issue 17): as root, --force used to
# rename a plain file over /dev/null; a named pipe or a link is refused too
for dev in /dev/null /dev/full; do
    expect_fail "--svg $dev --force" 1 "cannot write $dev: it is a device, not a file" \
        "$bin" frame scenarios/gather.py --svg "$dev" --force
    expect_fail "-o $dev --force" 1 "cannot write $dev: it is a device, not a file" \
        "$bin" record scenarios/gather.py -o "$dev" --force
    check "$dev is still a device" test -c "$dev"
done
mkfifo "$tmp/fifo"
expect_fail "a named pipe" 1 "cannot write $tmp/fifo: it is a named pipe, not a file" \
    "$bin" trace scenarios/gather.py -o "$tmp/fifo" --force
check "the named pipe is still one" test -p "$tmp/fifo"
ln -s "$tmp/nowhere" "$tmp/dangling"
expect_fail "a dangling link" 1 "cannot write $tmp/dangling: it is a symbolic link to nothing" \
    "$bin" frame scenarios/gather.py --svg "$tmp/dangling" --force
check "nothing made where the link points" test ! -e "$tmp/nowhere"

# every write to standard output is checked: a full device gives exit 1
# and "cannot write standard output: <reason>", never a silent 0
if [ -w /dev/full ]; then
    for cmd in "frame scenarios/gather.py" "frame scenarios/gather.py --ansi" \
        "frame scenarios/gather.py --svg -" "trace scenarios/gather.py" \
        "trace scenarios/gather.py --format chrome" "steps scenarios/gather.py" \
        "steps scenarios/gather.py --json" "record scenarios/gather.py -o -" "--help" "--version"; do
        # shellcheck disable=SC2086  # the arguments are words by design
        EXPECT_OUT=/dev/full expect_fail "$cmd > /dev/full" 1 "^loopscope: cannot write standard output: No space left on device$" \
            "$bin" $cmd
    done 2>/dev/null
fi

# steps has an output limit (issue 17: 3,000 tasks in 13 lines once made a
# 21 GB JSON listing): it stops before the limit, says so, exits 1, and
# what it wrote is still valid JSON saying it was cut
many=tests/exports/many_tasks.py
"$bin" steps --json "$many" --max-output 2 >"$tmp/many.json" 2>"$tmp/err"
st=$?
check "steps --json --max-output 2: exit 1" test "$st" = 1
check "steps --json --max-output 2: says so" grep -q "^loopscope: steps: stopped after [0-9]* of [0-9]* steps: the listing reached its limit of 2 MB (raise it with --max-output MB)$" "$tmp/err"
check "steps --json --max-output 2: within 2 MB" test "$(wc -c <"$tmp/many.json")" -le $((2 << 20))
check "steps --json --max-output 2: valid JSON, marked truncated" python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
t = d["truncated"]
assert t["limit_mb"] == 2 and 0 < t["steps_written"] == len(d["steps"]) < t["steps"], t' "$tmp/many.json"
"$bin" steps "$many" --max-output 1 >"$tmp/many.txt" 2>/dev/null
check "steps --max-output 1 (text): within 1 MB and a last line" test "$(wc -c <"$tmp/many.txt")" -le $(((1 << 20) + 200))
check "steps --max-output 1 (text): the last line says so" grep -q '^\.\.\. stopped after [0-9]* of [0-9]* steps: the listing reached its limit of 1 MB$' "$tmp/many.txt"
check "steps --json: 100 MB by default" test "$("$bin" steps --json "$many" 2>/dev/null | wc -c)" -le $((100 << 20))
expect_fail "--max-output with trace" 2 "does not go with the trace command" "$bin" trace "$many" --max-output 5

expect_fail "record without -o" 2 "record needs -o" "$bin" record scenarios/gather.py
expect_fail "frame --theme without --svg" 2 "goes with frame --svg" "$bin" frame scenarios/gather.py --theme light
expect_fail "--theme blue" 2 "not dark, light or projector" "$bin" frame scenarios/gather.py --svg "$tmp/x.svg" --theme blue
expect_fail "--speed 3" 2 "not one of the speeds 0.25x, 0.5x, 1x, 2x, 4x, 8x, 16x" \
    "$bin" record scenarios/gather.py -o "$tmp/x.cast" --speed 3
expect_fail "--format xml" 2 "not text or chrome" "$bin" trace scenarios/gather.py --format xml
expect_fail "--svg with --ansi" 2 "not both" "$bin" frame scenarios/gather.py --svg "$tmp/x.svg" --ansi
expect_fail "-o with steps" 2 "does not go with the steps command" "$bin" steps scenarios/gather.py -o "$tmp/x"
check "no file from the usage errors" test ! -e "$tmp/x.svg" -a ! -e "$tmp/x.cast" -a ! -e "$tmp/x"

echo "exports: $pass passed, $fail failed$([ $update = 1 ] && echo ' (SVG goldens updated)')"
[ $fail = 0 ]
