#!/usr/bin/env bash
# regen.sh: write the expected trace (and exit status) of test cases and
# scenarios by running them under the CPython oracle. Read the diff before
# committing: the stored traces are the contract loopscope is held to.
#
#   bash tests/oracle/regen.sh              # every scenario and case
#   bash tests/oracle/regen.sh FILE...      # only these
#
# X.py -> X.trace (+ X.status when the exit status is not 0); each file runs
# three times and regen.sh fails if the runs differ;
# scenarios/X.py -> tests/cases/scenarios/X.trace.

set -u
cd "$(dirname "$0")/../.." || exit 2
pyver=$(python3 -c 'import sys; print(sys.version_info[:2])')
if [ "$pyver" != "(3, 11)" ]; then
    echo "regen.sh: python3 is $pyver; expected traces must come from CPython 3.11" >&2
    exit 2
fi
if [ $# -gt 0 ]; then files=("$@"); else files=(scenarios/*.py tests/cases/*.py); fi
nondet=0
for f in "${files[@]}"; do
    name=$(basename "$f" .py)
    case "$f" in
        scenarios/*|./scenarios/*) base=tests/cases/scenarios/$name; mkdir -p tests/cases/scenarios ;;
        *) base=$(dirname "$f")/$name ;;
    esac
    python3 tests/oracle/pytrace.py "$f" > "$base.trace" 2> /dev/null
    rc=$?
    # Determinism: two more runs must print the same bytes and status
    # (a difference means an order that depends on addresses or hashing).
    for again in 2 3; do
        python3 tests/oracle/pytrace.py "$f" 2> /dev/null | cmp -s - "$base.trace"
        st=("${PIPESTATUS[@]}")
        if [ "${st[0]}" != "$rc" ] || [ "${st[1]}" != 0 ]; then
            echo "regen.sh: $f: run $again differs from run 1 (nondeterministic)" >&2
            nondet=1
        fi
    done
    if [ $rc -ne 0 ]; then echo $rc > "$base.status"; else rm -f "$base.status"; fi
    echo "$base.trace ($(wc -l < "$base.trace") lines, status $rc)"
done
[ $nondet -eq 0 ] || exit 1
