#!/usr/bin/env bash
# bench_longrun.sh: long runs (docs/longrun.md), part of `make bench`, not
# of `make test`. Owns three figures for a scenario that never ends
# (`while True: await asyncio.sleep(1)`):
#   - the time `loopscope trace` takes to reach the 1,000,000-step limit
#     (issue 16's target: under 0.5 s), best of RUNS;
#   - the recording's bytes per step: the peak RSS at 1,000,000 steps
#     less the peak RSS at 10,000, over the 990,000 steps between;
#   - the viewer's time to its first full frame, through a pseudo-terminal
#     (bench/first_frame.py; target: within 100 ms, whatever the length).
# Installs nothing: a missing tool skips its row.
#
#   bash bench/bench_longrun.sh           # after `make loopscope`
#   RUNS=5 LOOPSCOPE=path bash bench/bench_longrun.sh

set -u
cd "$(dirname "$0")/.." || exit 2
LOOPSCOPE=${LOOPSCOPE:-./loopscope}
RUNS=${RUNS:-3}
if [ ! -x "$LOOPSCOPE" ]; then
    echo "bench_longrun: $LOOPSCOPE not found (run 'make loopscope')" >&2
    exit 2
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-longrun.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

endless=bench/scenarios/endless.py

echo "== long runs: an endless sleep loop"
best=""
for ((i = 0; i < RUNS; i++)); do
    a=$(date +%s%N)
    "$LOOPSCOPE" trace "$endless" > "$tmp/trace" 2> /dev/null
    b=$(date +%s%N)
    if [ -z "$best" ] || [ $((b - a)) -lt "$best" ]; then best=$((b - a)); fi
done
if tail -n 1 "$tmp/trace" | grep -q 'step limit'; then
    awk -v ns="$best" 'BEGIN { printf "%-44s %10.3f s   (target < 0.5 s)\n", "trace to the 1,000,000-step limit", ns / 1e9 }'
else
    echo "bench_longrun: the endless run did not end at the step limit" >&2
    exit 1
fi

# peak RSS in kB of one run, or empty
rss_kb() { /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'; }
if [ -x /usr/bin/time ]; then
    big=$(rss_kb "$LOOPSCOPE" trace "$endless")
    small=$(rss_kb "$LOOPSCOPE" trace "$endless" --max-steps 10000)
    if [ -n "$big" ] && [ -n "$small" ]; then
        awk -v b="$big" -v s="$small" 'BEGIN { printf "%-44s %10.0f B   (peak RSS %.1f MB; issue 16 target: 24 B)\n", "bytes per step", (b - s) * 1024 / 990000, b / 1024 }'
    fi
else
    echo "bytes per step: skipped (no /usr/bin/time)"
fi

if command -v python3 > /dev/null 2>&1; then
    for s in "$endless" scenarios/gather.py; do
        ms=$(python3 bench/first_frame.py --runs "$RUNS" -- "$LOOPSCOPE" "$s") || { echo "first frame: $ms" >&2; exit 1; }
        printf '%-44s %12s   (target < 100 ms)\n' "viewer's first frame: $(basename "$s")" "$ms"
    done
else
    echo "first frame: skipped (no python3)"
fi
