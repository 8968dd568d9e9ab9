#!/usr/bin/env bash
# valgrind.sh: run loopscope under valgrind memcheck on every shipped
# scenario (`trace`, and `frame --step N` at the first, middle and last step)
# and on every file of the bad-input corpora (`trace` on tests/bad/*.py when
# it exists, tests/errors/*.py and tests/cases/*.py). Any memcheck error or
# definite/indirect/possible leak fails; the scenario's own exit status
# (1 for an uncaught exception, 2 for a syntax error...) does not matter.
#
#   bash scripts/valgrind.sh                 # after `make loopscope`
#   LOOPSCOPE=path JOBS=4 bash scripts/valgrind.sh
#   bash scripts/valgrind.sh FILE.py...      # only these files (trace)
#
# Prints "valgrind: N runs clean, M failed" and the log of each failure.
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${LOOPSCOPE:-./loopscope}
JOBS=${JOBS:-2}
VG_TIMEOUT=${VG_TIMEOUT:-300}
command -v valgrind >/dev/null 2>&1 || { echo "valgrind: not installed (make deps)" >&2; exit 2; }
[ -x "$bin" ] || { echo "valgrind: $bin not built (make loopscope)" >&2; exit 2; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-vg.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# One job per line: the loopscope arguments, tab-separated.
jobs=$tmp/jobs
: > "$jobs"
if [ $# -gt 0 ]; then
    for f in "$@"; do printf 'trace\t%s\n' "$f" >> "$jobs"; done
else
    for f in scenarios/*.py; do
        printf 'trace\t%s\n' "$f" >> "$jobs"
        # the number of steps, from the message for a step past the end
        n=$("$bin" frame "$f" --step 999999999 2>&1 | sed -n 's/.*the run has \([0-9]*\) steps.*/\1/p')
        steps="1"
        [ -n "$n" ] && [ "$n" -gt 1 ] && steps="1 $(((n + 1) / 2)) $n"
        for s in $steps; do printf 'frame\t%s\t--step\t%s\n' "$f" "$s" >> "$jobs"; done
    done
    # the bad corpus with its own options (NAME.expect "args"), and smaller
    # step/operation limits: under valgrind the limit paths are what matter,
    # not running a million steps 50 times slower
    for f in tests/bad/*.py; do
        [ -f "$f" ] || continue
        extra=$(sed -n 's/^args //p' "${f%.py}.expect" 2>/dev/null | tr ' ' '\t')
        printf 'trace\t%s\t--max-steps\t20000\t--max-ops\t5000000%s\n' "$f" "${extra:+$'\t'$extra}" >> "$jobs"
    done
    for f in tests/errors/*.py tests/cases/*.py; do
        [ -f "$f" ] && printf 'trace\t%s\n' "$f" >> "$jobs"
    done
fi

export bin tmp VG_TIMEOUT
run_one() {
    local id=$1 line=$2 args
    IFS=$'\t' read -r -a args <<< "$line"
    timeout "$VG_TIMEOUT" valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --show-leak-kinds=definite,indirect,possible --error-exitcode=99 --log-file="$tmp/vg.$id.log" \
        "$bin" "${args[@]}" > /dev/null 2>&1
    local rc=$?
    if [ $rc -eq 99 ] || [ $rc -eq 124 ] || [ $rc -ge 128 ] || [ -s "$tmp/vg.$id.log" ]; then
        { echo "FAIL (exit $rc): loopscope ${args[*]}"; cat "$tmp/vg.$id.log"; } > "$tmp/fail.$id"
    fi
}
export -f run_one
nl -ba -w1 -s$'\t' "$jobs" | tr '\n' '\0' |
    xargs -0 -P "$JOBS" -n 1 bash -c 'run_one "${1%%$'"'\t'"'*}" "${1#*$'"'\t'"'}"' _
total=$(wc -l < "$jobs")
failed=0
for f in "$tmp"/fail.*; do
    [ -f "$f" ] || continue
    failed=$((failed + 1))
    cat "$f"
done
echo "valgrind: $((total - failed)) runs clean, $failed failed"
[ $failed -eq 0 ]
