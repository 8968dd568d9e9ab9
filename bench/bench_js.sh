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

# best_s and rss_kb
. bench/bench_lib.sh
mb() { awk -v k="$1" 'BEGIN { printf "%.1fMB", k / 1024 }'; }

echo "== JavaScript: loopscope trace vs node $(node --version 2>/dev/null) (tests/oracle/jstrace.js: virtual timers), best of $RUNS"
printf '%-18s %9s %9s %8s %9s %9s %8s\n' scenario loopscope node speedup "RSS ls" "RSS node" "ratio"
status=0
for s in interval_250k promises_10k; do
    f=bench/scenarios/$s.js
    tl=$(best_s "$LOOPSCOPE" trace "$f" --max-steps $BIG) || { echo "bench_js: loopscope failed on $f" >&2; status=1; continue; }
    rl=$(rss_kb "$LOOPSCOPE" trace "$f" --max-steps $BIG)
    if [ $have_node -eq 1 ]; then
        tn=$(best_s node tests/oracle/jstrace.js "$f") || { echo "bench_js: node failed on $f" >&2; status=1; continue; }
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
limited() { "$@"; [ $? -le 1 ]; } # exit status 1: stopped at the step limit, as expected
tl=$(best_s limited "$LOOPSCOPE" trace "$f") || { echo "bench_js: loopscope failed on $f" >&2; status=1; }
rl=$(rss_kb "$LOOPSCOPE" trace "$f")
printf '%-18s %8ss to the 1,000,000-step limit, peak RSS %s\n' endless_interval "$tl" "$([ -n "$rl" ] && mb "$rl" || echo -)"
rm -f "$f"
exit $status
