#!/usr/bin/env bash
# run_cases.sh: the trace tests. For each scenario and test case, `loopscope trace`
# must print exactly the stored expected trace and exit with the stored status;
# when python3 is CPython 3.11, the oracle (tests/oracle/pytrace.py) must still
# print that same trace, which proves the stored expectations against CPython.
#
#   bash tests/run_cases.sh                # scenarios/*.py and tests/cases/*.py
#   bash tests/run_cases.sh FILE...        # only these files
#   LOOPSCOPE=path/to/binary bash tests/run_cases.sh
#   JOBS=4 bash tests/run_cases.sh         # oracle runs in parallel (default 2)
#
# Expected output of X.py is X.trace beside it, except for scenarios/X.py whose
# expectations live in tests/cases/scenarios/X.trace. X.status holds the exit
# status when it is not 0. Regenerate expectations with tests/oracle/regen.sh.

set -u
cd "$(dirname "$0")/.." || exit 2

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-30}
ORACLE=tests/oracle/pytrace.py

if [ $# -gt 0 ]; then
    files=("$@")
else
    files=(scenarios/*.py tests/cases/*.py)
fi

# expect_base FILE: path of the expectations without extension
expect_base() {
    local f=$1 name
    name=$(basename "$f" .py)
    case "$f" in
        scenarios/*|./scenarios/*) echo "tests/cases/scenarios/$name" ;;
        *) echo "$(dirname "$f")/$name" ;;
    esac
}

expect_status() {
    local b
    b=$(expect_base "$1")
    if [ -f "$b.status" ]; then tr -d ' \n' < "$b.status"; else echo 0; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-cases.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

with_timeout=()
if command -v timeout > /dev/null 2>&1; then
    with_timeout=(timeout "$TIMEOUT")
fi

# check LABEL FILE OUT RC ERRFILE: compare one run with the expectations.
# Prints a diff on mismatch; returns 0 when it matches.
check() {
    local label=$1 f=$2 out=$3 rc=$4 err=$5 b want ok=0
    b=$(expect_base "$f")
    want=$(expect_status "$f")
    if [ ! -f "$b.trace" ]; then
        echo "FAIL [$label] $f: no expected trace $b.trace"
        return 1
    fi
    if ! cmp -s "$b.trace" "$out"; then
        echo "FAIL [$label] $f: trace differs"
        diff -u --label "$b.trace" --label "$label output" "$b.trace" "$out" | head -n 60
        ok=1
    fi
    if [ "$rc" != "$want" ]; then
        echo "FAIL [$label] $f: exit status $rc, expected $want"
        ok=1
    fi
    if [ $ok -ne 0 ] && [ -s "$err" ]; then
        echo "--- stderr:"
        head -n 20 "$err"
    fi
    return $ok
}

declare -A failed=()
declare -A checked=()

# ---- loopscope
have_binary=1
if [ ! -x "$LOOPSCOPE" ]; then
    have_binary=0
    echo "loopscope binary $LOOPSCOPE not found: loopscope checks skipped (build it with 'make loopscope')"
else
    i=0
    for f in "${files[@]}"; do
        i=$((i + 1))
        "${with_timeout[@]}" "$LOOPSCOPE" trace --python 3.11 "$f" > "$tmp/ls.out" 2> "$tmp/ls.err"
        rc=$?
        checked[$f]=1
        if ! check loopscope "$f" "$tmp/ls.out" "$rc" "$tmp/ls.err"; then
            failed[$f]=1
        fi
    done
fi

# ---- CPython
pyver=$(python3 -c 'import sys; print(sys.version_info[:2])' 2>/dev/null)
if [ "$pyver" = "(3, 11)" ]; then
    PYTIMEOUT=${with_timeout[*]:-}
    export ORACLE tmp PYTIMEOUT
    # Key each file by its index so that outputs do not collide.
    for i in "${!files[@]}"; do printf '%s\0%s\0' "$i" "${files[$i]}"; done |
        xargs -0 -P "$JOBS" -n 2 bash -c '
            $PYTIMEOUT python3 "$ORACLE" "$2" > "$tmp/py.$1.out" 2> "$tmp/py.$1.err"
            echo $? > "$tmp/py.$1.rc"' _
    agreed=0
    for i in "${!files[@]}"; do
        f=${files[$i]}
        rc=$(cat "$tmp/py.$i.rc" 2>/dev/null || echo missing)
        if check cpython "$f" "$tmp/py.$i.out" "$rc" "$tmp/py.$i.err"; then
            agreed=$((agreed + 1))
        else
            failed[$f]=1
        fi
    done
    echo "cpython: $agreed of ${#files[@]} stored traces confirmed by CPython 3.11"
elif [ -z "$pyver" ]; then
    echo "CPython comparison skipped: python3 not found (the reference is CPython 3.11)"
else
    echo "CPython comparison skipped: python3 is $pyver, the reference is CPython 3.11"
fi

passed=0 nfailed=0 skipped=0
for f in "${files[@]}"; do
    if [ -n "${failed[$f]:-}" ]; then
        nfailed=$((nfailed + 1))
    elif [ -n "${checked[$f]:-}" ]; then
        passed=$((passed + 1))
    else
        skipped=$((skipped + 1))
    fi
done

summary="cases: $passed passed, $nfailed failed"
[ $skipped -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ $nfailed -eq 0 ]
