#!/usr/bin/env bash
# run_cases.sh: the trace tests. For each scenario and test case, under each
# Python version loopscope follows (3.11, 3.12, 3.13), `loopscope trace
# --python V` must print exactly the stored expected trace for V and exit
# with the stored status; for each version whose CPython is installed, the
# oracle (tests/oracle/pytrace.py) must still print that same trace, which
# proves the stored expectations against that CPython.
#
#   bash tests/run_cases.sh                # scenarios/*.py and tests/cases/*.py
#   bash tests/run_cases.sh FILE...        # only these files
#   LOOPSCOPE=path/to/binary bash tests/run_cases.sh
#   JOBS=4 bash tests/run_cases.sh         # runs in parallel (default 2)
#   VERSIONS="3.12" bash tests/run_cases.sh   # only these versions
#   NO_ORACLE=1 bash tests/run_cases.sh    # skip the CPython runs
#
# Expected output of X.py under V is X@V.trace when V's differs from the
# base version's, else X.trace (tests/oracle/versions.sh, README.md there);
# scenarios/X.py keep theirs in tests/cases/scenarios/. A case with
# `# loopscope-case: python >= 3.12` is checked only under those versions.
# Regenerate expectations with tests/oracle/regen.sh.

set -u
cd "$(dirname "$0")/.." || exit 2
. tests/oracle/versions.sh

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
JOBS=${JOBS:-2}
TIMEOUT=${TIMEOUT:-30}
ORACLE=tests/oracle/pytrace.py
read -r -a versions <<< "${VERSIONS:-${PY_VERSIONS[*]}}"

if [ $# -gt 0 ]; then
    files=("$@")
else
    files=(scenarios/*.py tests/cases/*.py)
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-cases.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

RUN_TIMEOUT=
if command -v timeout > /dev/null 2>&1; then
    RUN_TIMEOUT="timeout $TIMEOUT"
fi

# check LABEL FILE V OUT RC ERRFILE: compare one run with the expectations.
# Prints a diff on mismatch; returns 0 when it matches.
check() {
    local label=$1 f=$2 v=$3 out=$4 rc=$5 err=$6 want_t want ok=0
    want_t=$(expect_trace "$f" "$v")
    want=$(expect_status "$f" "$v")
    if [ ! -f "$want_t" ]; then
        echo "FAIL [$label $v] $f: no expected trace $want_t"
        return 1
    fi
    if ! cmp -s "$want_t" "$out"; then
        echo "FAIL [$label $v] $f: trace differs"
        diff -u --label "$want_t" --label "$label $v output" "$want_t" "$out" | head -n 60
        ok=1
    fi
    if [ "$rc" != "$want" ]; then
        echo "FAIL [$label $v] $f: exit status $rc, expected $want"
        ok=1
    fi
    if [ $ok -ne 0 ] && [ -s "$err" ]; then
        echo "--- stderr:"
        head -n 20 "$err"
    fi
    return $ok
}

# The runs: loopscope, one job per (version, file); then the oracle, per
# version, JOBS batch processes (pytrace.py --batch: one interpreter forks a
# child per file, so the imports are paid once). Each run writes
# $tmp/KIND.V.I.{out,err,rc}, KIND being ls or py.
declare -A pycmd=()
oracle_versions=() skipped_versions=()
if [ -z "${NO_ORACLE:-}" ]; then
    for v in "${versions[@]}"; do
        py=$(python_for "$v")
        if [ -n "$py" ]; then
            pycmd[$v]=$py
            oracle_versions+=("$v")
        else
            skipped_versions+=("$v")
        fi
    done
fi
have_binary=1
[ -x "$LOOPSCOPE" ] || have_binary=0
export LOOPSCOPE tmp RUN_TIMEOUT
if [ $have_binary = 1 ]; then
    for i in "${!files[@]}"; do
        for v in "${versions[@]}"; do
            case_applies "${files[$i]}" "$v" && printf '%s\0%s\0%s\0' "$v" "$i" "${files[$i]}"
        done
    done | xargs -0 -P "$JOBS" -n 3 bash -c '
        o="$tmp/ls.$1.$2"
        $RUN_TIMEOUT "$LOOPSCOPE" trace --python "$1" "$3" > "$o.out" 2> "$o.err"
        echo $? > "$o.rc"' _
fi
for v in "${oracle_versions[@]}"; do
    for ((j = 0; j < JOBS; j++)); do : > "$tmp/list.$v.$j"; done
    n=0
    for i in "${!files[@]}"; do
        case_applies "${files[$i]}" "$v" || continue
        printf 'py.%s.%s\t%s\n' "$v" "$i" "${files[$i]}" >> "$tmp/list.$v.$((n % JOBS))"
        n=$((n + 1))
    done
    for ((j = 0; j < JOBS; j++)); do
        "${pycmd[$v]}" "$ORACLE" --batch "$tmp" "$TIMEOUT" < "$tmp/list.$v.$j" &
    done
    wait
done

declare -A failed=() checked=()
declare -A agreed=() considered=()
for i in "${!files[@]}"; do
    f=${files[$i]}
    for v in "${versions[@]}"; do
        case_applies "$f" "$v" || continue
        if [ $have_binary = 1 ]; then
            checked[$f]=1
            rc=$(cat "$tmp/ls.$v.$i.rc" 2>/dev/null || echo missing)
            check loopscope "$f" "$v" "$tmp/ls.$v.$i.out" "$rc" "$tmp/ls.$v.$i.err" || failed[$f]=1
        fi
        if [ -n "${pycmd[$v]:-}" ]; then
            considered[$v]=$(( ${considered[$v]:-0} + 1 ))
            rc=$(cat "$tmp/py.$v.$i.rc" 2>/dev/null || echo missing)
            if check cpython "$f" "$v" "$tmp/py.$v.$i.out" "$rc" "$tmp/py.$v.$i.err"; then
                agreed[$v]=$(( ${agreed[$v]:-0} + 1 ))
            else
                failed[$f]=1
            fi
        fi
    done
done

[ $have_binary = 1 ] || echo "loopscope binary $LOOPSCOPE not found: loopscope checks skipped (build it with 'make loopscope')"
for v in "${oracle_versions[@]}"; do
    p=$("${pycmd[$v]}" -c 'import platform; print(platform.python_version())')
    note=""
    [ "$p" = "${PY_PATCH[$v]}" ] || note=" (the stored traces follow ${PY_PATCH[$v]})"
    echo "cpython $v: ${agreed[$v]:-0} of ${considered[$v]:-0} stored traces confirmed by CPython $p$note"
done
if [ -n "${NO_ORACLE:-}" ]; then
    echo "CPython comparison skipped (NO_ORACLE): the stored traces are still checked"
elif [ ${#skipped_versions[@]} -gt 0 ]; then
    echo "CPython comparison skipped for ${skipped_versions[*]}: not installed (tried python3, PYENV_VERSION=3.Y.Z python3, python3.Y); their stored traces are still checked"
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

summary="cases: $passed passed, $nfailed failed (under ${versions[*]})"
[ $skipped -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ $nfailed -eq 0 ]
