#!/usr/bin/env bash
# run_realworld.sh: the real-world measurement (issue 13). tests/realworld/
# holds asyncio programs nobody wrote for loopscope: the CPython docs'
# examples, the seed articles' code blocks and tutorial-style programs (each
# file's first line says where it came from). Each program is run by
# loopscope under each Python version and counted as
#   identical  the trace and exit status are CPython's,
#   refused    loopscope turned it away at load time (exit 2, "error:"),
#   different  anything else.
# Memory addresses (0x...) are blanked on both sides before comparing: CPython
# prints real ones, loopscope prints deterministic ones.
#
#   bash tests/run_realworld.sh            # counts under 3.11, 3.12 and 3.13
#   bash tests/run_realworld.sh -v         # also the diff of each different one
#   bash tests/run_realworld.sh --oracle   # also re-run CPython of each version
#                                          # on every program (the stored trace
#                                          # must still be what it prints)
#   bash tests/run_realworld.sh --regen    # rewrite the stored traces from
#                                          # CPython (read the diff first)
#   VERSIONS="3.11" bash tests/run_realworld.sh   # only these versions
#
# Stored traces, as tests/cases keep theirs (tests/oracle/versions.sh):
# X.trace is CPython 3.11's (the version the corpus was first measured
# against); X@3.12.trace / X@3.13.trace (+ .status) exist only for a version
# whose trace or exit status differs from it, compared with addresses
# blanked. Each program runs under `--python V` for every version V.
#
# tests/realworld/KNOWN lists programs expected not to be identical (one
# name per line, then why). The script fails when a program outside KNOWN is
# not identical, or when one in KNOWN has become identical under every
# version (take it out); a reason that starts with "either:" accepts both
# outcomes (an order that depends on CPython's memory addresses matches or
# not by chance).

set -u
cd "$(dirname "$0")/.." || exit 2

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
TIMEOUT=${TIMEOUT:-30}
dir=tests/realworld
verbose=0 oracle=0 regen=0
for a in "$@"; do
    case "$a" in
        -v) verbose=1 ;;
        --oracle) oracle=1 ;;
        --regen) regen=1 ;;
        *) echo "usage: run_realworld.sh [-v] [--oracle] [--regen]" >&2; exit 2 ;;
    esac
done
. tests/oracle/versions.sh
read -r -a versions <<< "${VERSIONS:-${PY_VERSIONS[*]}}"
base=3.11
blank() { sed -E 's/0x[0-9a-f]+/0x?/g' "$1"; }

# need_pythons WHY V...: pys[V] = the executable of CPython V, or stop
declare -A pys=()
need_pythons() {
    local why=$1 v
    shift
    for v in "$@"; do
        pys[$v]=$(python_for "$v")
        if [ -z "${pys[$v]}" ]; then
            echo "run_realworld.sh: $why needs CPython $v (${PY_PATCH[$v]}), which is not installed here" >&2
            exit 2
        fi
    done
}

declare -A known=()
if [ -f "$dir/KNOWN" ]; then
    while read -r name why; do
        case "$name" in ''|'#'*) continue ;; esac
        case "$why" in either:*) known[$name]=either ;; *) known[$name]=1 ;; esac
    done < "$dir/KNOWN"
fi

# --regen: X.trace (+ X.status) from CPython 3.11, X@V.trace (+ .status) from
# each other version whose output differs from that (addresses blanked)
if [ "$regen" = 1 ]; then
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-realworld.XXXXXX") || exit 2
    trap 'rm -rf "$tmp"' EXIT
    need_pythons --regen "${PY_VERSIONS[@]}"
    for f in "$dir"/*.py; do
        b=${f%.py}
        # an "either:" program prints one of several orders: its trace stays
        if [ "${known[$(basename "$b")]:-}" = either ] && [ -f "$b.trace" ]; then
            continue
        fi
        "${pys[$base]}" tests/oracle/pytrace.py "$f" > "$tmp/base" 2> /dev/null
        rc=$?
        # a stored trace that differs only in addresses is kept (no churn)
        if [ ! -f "$b.trace" ] || ! cmp -s <(blank "$tmp/base") <(blank "$b.trace"); then
            cp "$tmp/base" "$b.trace"
            echo "$b.trace"
        fi
        if [ "$rc" != 0 ]; then echo "$rc" > "$b.status"; else rm -f "$b.status"; fi
        for v in "${PY_VERSIONS[@]}"; do
            [ "$v" = "$base" ] && continue
            "${pys[$v]}" tests/oracle/pytrace.py "$f" > "$tmp/out" 2> /dev/null
            vrc=$?
            if [ "$vrc" = "$rc" ] && cmp -s <(blank "$tmp/out") <(blank "$b.trace"); then
                rm -f "$b@$v.trace" "$b@$v.status"
            elif [ ! -f "$b@$v.trace" ] || ! cmp -s <(blank "$tmp/out") <(blank "$b@$v.trace"); then
                cp "$tmp/out" "$b@$v.trace"
                echo "$b@$v.trace"
            fi
            if [ -f "$b@$v.trace" ] && [ "$vrc" != 0 ]; then echo "$vrc" > "$b@$v.status"; else rm -f "$b@$v.status"; fi
        done
    done
    exit 0
fi

if [ ! -x "$LOOPSCOPE" ]; then
    echo "run_realworld.sh: $LOOPSCOPE not found (make loopscope)" >&2
    exit 2
fi
[ "$oracle" = 1 ] && need_pythons --oracle "${versions[@]}"
with_timeout=()
command -v timeout > /dev/null 2>&1 && with_timeout=(timeout "$TIMEOUT")

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-realworld.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

bad=0
declare -A ever_differs=()
for v in "${versions[@]}"; do
    same=0 refused=0 different=0 total=0
    listing=""
    for f in "$dir"/*.py; do
        name=$(basename "$f" .py)
        total=$((total + 1))
        want_t=$(expect_trace "$f" "$v")
        want=$(expect_status "$f" "$v")
        "${with_timeout[@]}" "$LOOPSCOPE" trace --python "$v" "$f" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        if [ "$oracle" = 1 ]; then
            "${pys[$v]}" tests/oracle/pytrace.py "$f" > "$tmp/py" 2> /dev/null
            prc=$?
            # an "either:" program's CPython output varies from run to run
            if [ "${known[$name]:-}" != either ] &&
               { [ "$prc" != "$want" ] || ! cmp -s <(blank "$tmp/py") <(blank "$want_t"); }; then
                echo "ORACLE $v $name: CPython $v no longer prints the stored trace (--regen)"
                bad=$((bad + 1))
            fi
        fi
        if [ "$rc" = "$want" ] && cmp -s <(blank "$tmp/out") <(blank "$want_t"); then
            same=$((same + 1))
            continue
        fi
        ever_differs[$name]=1
        if [ "$rc" = 2 ] && grep -q "error:" "$tmp/err" && [ ! -s "$tmp/out" ]; then
            refused=$((refused + 1))
            why=$(grep -m1 "error:" "$tmp/err")
            listing+="  refused    $name: ${why#*error: }"$'\n'
        else
            different=$((different + 1))
            listing+="  different  $name"$'\n'
            if [ "$verbose" = 1 ]; then
                listing+=$(diff -u --label "CPython $v" --label loopscope <(blank "$want_t") <(blank "$tmp/out") | head -n 30)$'\n'
            fi
        fi
        if [ -z "${known[$name]:-}" ]; then
            echo "UNEXPECTED $name: not identical under $v and not in $dir/KNOWN"
            bad=$((bad + 1))
        fi
    done
    echo "realworld $v: $total programs: $same identical, $refused refused, $different different"
    [ -n "$listing" ] && printf '%s' "$listing"
done
for name in "${!known[@]}"; do
    if [ "${known[$name]}" = 1 ] && [ -z "${ever_differs[$name]:-}" ]; then
        echo "NOW IDENTICAL $name: take it out of $dir/KNOWN"
        bad=$((bad + 1))
    fi
done
[ $bad -eq 0 ]
