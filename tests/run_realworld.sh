#!/usr/bin/env bash
# run_realworld.sh: the real-world measurement (issue 13). tests/realworld/
# holds asyncio programs nobody wrote for loopscope: the CPython docs'
# examples, the seed articles' code blocks and tutorial-style programs (each
# file's first line says where it came from). X.trace is CPython 3.11's
# trace of X.py (tests/oracle/regen.sh). Each program is run by loopscope and
# counted as
#   identical  the trace and exit status are CPython's,
#   refused    loopscope turned it away at load time (exit 2, "error:"),
#   different  anything else.
# Memory addresses (0x...) are blanked on both sides before comparing: CPython
# prints real ones, loopscope prints deterministic ones.
#
#   bash tests/run_realworld.sh            # counts, and the non-identical ones
#   bash tests/run_realworld.sh -v         # also the diff of each different one
#   bash tests/run_realworld.sh --oracle   # also re-run CPython on every program
#                                          # (CPython 3.11.7, the version the
#                                          # corpus was measured against: every
#                                          # program runs with --python 3.11)
#
# tests/realworld/KNOWN lists programs expected not to be identical (one
# name per line, then why). The script fails when a program outside KNOWN is
# not identical, or when one in KNOWN has become identical (take it out);
# a reason that starts with "either:" accepts both outcomes (an order that
# depends on CPython's memory addresses matches or not by chance).

set -u
cd "$(dirname "$0")/.." || exit 2

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
TIMEOUT=${TIMEOUT:-30}
dir=tests/realworld
verbose=0 oracle=0
for a in "$@"; do
    case "$a" in
        -v) verbose=1 ;;
        --oracle) oracle=1 ;;
        *) echo "usage: run_realworld.sh [-v] [--oracle]" >&2; exit 2 ;;
    esac
done
if [ ! -x "$LOOPSCOPE" ]; then
    echo "run_realworld.sh: $LOOPSCOPE not found (make loopscope)" >&2
    exit 2
fi
. tests/oracle/versions.sh
oracle_py=""
if [ "$oracle" = 1 ]; then
    oracle_py=$(python_for 3.11)
    if [ -z "$oracle_py" ]; then
        echo "run_realworld.sh: --oracle needs CPython 3.11 (${PY_PATCH[3.11]}), which is not installed here" >&2
        exit 2
    fi
fi
with_timeout=()
command -v timeout > /dev/null 2>&1 && with_timeout=(timeout "$TIMEOUT")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-realworld.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

blank() { sed -E 's/0x[0-9a-f]+/0x?/g' "$1"; }

declare -A known=()
if [ -f "$dir/KNOWN" ]; then
    while read -r name why; do
        case "$name" in ''|'#'*) continue ;; esac
        case "$why" in either:*) known[$name]=either ;; *) known[$name]=1 ;; esac
    done < "$dir/KNOWN"
fi

same=0 refused=0 different=0 bad=0 total=0
listing=""
for f in "$dir"/*.py; do
    name=$(basename "$f" .py)
    total=$((total + 1))
    want=0
    [ -f "$dir/$name.status" ] && want=$(tr -d ' \n' < "$dir/$name.status")
    "${with_timeout[@]}" "$LOOPSCOPE" trace --python 3.11 "$f" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$oracle" = 1 ]; then
        "$oracle_py" tests/oracle/pytrace.py "$f" > "$tmp/py" 2> /dev/null
        prc=$?
        if [ "$prc" != "$want" ] || ! cmp -s <(blank "$tmp/py") <(blank "$dir/$name.trace"); then
            echo "ORACLE $name: CPython no longer prints the stored trace (regen.sh)"
            bad=$((bad + 1))
        fi
    fi
    if [ "$rc" = "$want" ] && cmp -s <(blank "$tmp/out") <(blank "$dir/$name.trace"); then
        same=$((same + 1))
        if [ "${known[$name]:-}" = 1 ]; then
            echo "NOW IDENTICAL $name: take it out of $dir/KNOWN"
            bad=$((bad + 1))
        fi
        continue
    fi
    if [ "$rc" = 2 ] && grep -q "error:" "$tmp/err" && [ ! -s "$tmp/out" ]; then
        refused=$((refused + 1))
        why=$(grep -m1 "error:" "$tmp/err")
        listing+="  refused    $name: ${why#*error: }"$'\n'
    else
        different=$((different + 1))
        listing+="  different  $name"$'\n'
        if [ "$verbose" = 1 ]; then
            listing+=$(diff -u --label CPython --label loopscope <(blank "$dir/$name.trace") <(blank "$tmp/out") | head -n 30)$'\n'
        fi
    fi
    if [ -z "${known[$name]:-}" ]; then
        echo "UNEXPECTED $name: not identical and not in $dir/KNOWN"
        bad=$((bad + 1))
    fi
done

echo "realworld: $total programs: $same identical, $refused refused, $different different"
[ -n "$listing" ] && printf '%s' "$listing"
[ $bad -eq 0 ]
