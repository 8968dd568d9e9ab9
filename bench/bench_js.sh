#!/usr/bin/env bash
# bench_js.sh: the JavaScript side's figures (issues 15/16), part of `make
# bench`, not of `make test`. Owns, for bench/scenarios/*.js:
#   - speed: `loopscope trace` against node running the same file under the
#     oracle harness (tests/oracle/jstrace.js: real promises, virtual
#     timers), best wall time of RUNS each, measured side by side in this
#     run, as a ratio (node's time over loopscope's);
#   - peak memory (maximum RSS, /usr/bin/time -v) of both, as a ratio
#     (loopscope's over node's);
# and, for the endless `setInterval(() => {}, 1000)`, the time and peak
# memory to the 1,000,000-step limit. Installs nothing; a missing tool
# skips its rows. Exit status 0 (the figures are for reading), 1 when a
# run fails.
#
#   bash bench/bench_js.sh            # after `make loopscope`
#   RUNS=5 bash bench/bench_js.sh

set -u
cd "$(dirname "$0")/.." || exit 2
LOOPSCOPE=${LOOPSCOPE:-./loopscope}
RUNS=${RUNS:-3}
BIG=100000000   # --max-steps for the finite scenarios: they all end first
if [ ! -x "$LOOPSCOPE" ]; then
    echo "bench_js: $LOOPSCOPE not found (run 'make bench')" >&2
    exit 2
fi
have_node=0
command -v node > /dev/null 2>&1 && have_node=1
have_time=0
[ -x /usr/bin/time ] && have_time=1

# best_s CMD...: the best wall time of RUNS runs, in seconds (any exit status)
best_s() {
    local best="" i a b
    for ((i = 0; i < RUNS; i++)); do
        a=$(date +%s%N)
        "$@" > /dev/null 2>&1
        b=$(date +%s%N)
        if [ -z "$best" ] || [ $((b - a)) -lt "$best" ]; then best=$((b - a)); fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
# rss_kb CMD...: peak resident set of one run in kB (empty when unknown)
rss_kb() {
    [ $have_time -eq 1 ] || return 0
    /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
mb() { awk -v k="$1" 'BEGIN { printf "%.1fMB", k / 1024 }'; }

echo "== JavaScript: loopscope trace vs node $(node --version 2>/dev/null) (tests/oracle/jstrace.js: virtual timers), best of $RUNS"
printf '%-18s %9s %9s %8s %9s %9s %8s\n' scenario loopscope node speedup "RSS ls" "RSS node" "ratio"
status=0
for s in interval_250k promises_10k; do
    f=bench/scenarios/$s.js
    "$LOOPSCOPE" trace "$f" --max-steps $BIG > /dev/null 2>&1 || { echo "bench_js: loopscope failed on $f" >&2; status=1; continue; }
    tl=$(best_s "$LOOPSCOPE" trace "$f" --max-steps $BIG)
    rl=$(rss_kb "$LOOPSCOPE" trace "$f" --max-steps $BIG)
    if [ $have_node -eq 1 ]; then
        node tests/oracle/jstrace.js "$f" > /dev/null 2>&1 || { echo "bench_js: node failed on $f" >&2; status=1; continue; }
        tn=$(best_s node tests/oracle/jstrace.js "$f")
        rn=$(rss_kb node tests/oracle/jstrace.js "$f")
        sp=$(awk -v a="$tl" -v b="$tn" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
    else
        tn=- rn="" sp=-
    fi
    if [ -n "$rl" ] && [ -n "$rn" ]; then
        mr=$(awk -v a="$rl" -v b="$rn" 'BEGIN { printf "%.2f", a / b }')
        rl=$(mb "$rl") rn=$(mb "$rn")
    else
        mr=- rl=${rl:--} rn=${rn:--}
    fi
    printf '%-18s %8ss %8ss %7sx %9s %9s %7sx\n' "$s" "$tl" "$tn" "$sp" "$rl" "$rn" "$mr"
done

# the endless interval: the step limit ends it (exit status 1)
f=$(mktemp --suffix=.js)
echo 'setInterval(() => {}, 1000);' > "$f"
tl=$(best_s "$LOOPSCOPE" trace "$f")
rl=$(rss_kb "$LOOPSCOPE" trace "$f")
printf '%-18s %8ss to the 1,000,000-step limit, peak RSS %s\n' endless_interval "$tl" "$([ -n "$rl" ] && mb "$rl" || echo -)"
rm -f "$f"
exit $status
