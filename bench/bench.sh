#!/usr/bin/env bash
# bench.sh: the benchmarks behind `make bench` (not part of `make test`).
# Owns: running bench/bench_rec (seeking in a 1,000,000-step recording),
# timing `loopscope trace` against the CPython oracle (tests/oracle/pytrace.py)
# on the largest test case and on a generated stress scenario, checking that
# both print the same trace, and measuring peak RSS with /usr/bin/time -v when
# it is there. Installs nothing: a missing tool skips its rows.
#
#   bash bench/bench.sh              # after `make loopscope bench/bench_rec`
#   RUNS=5 bash bench/bench.sh       # best of RUNS wall times (default 3)
#   LOOPSCOPE=path bash bench/bench.sh

set -u
cd "$(dirname "$0")/.." || exit 2

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
BENCH_REC=${BENCH_REC:-bench/bench_rec}
ORACLE=tests/oracle/pytrace.py
RUNS=${RUNS:-3}

for f in "$LOOPSCOPE" "$BENCH_REC"; do
    if [ ! -x "$f" ]; then
        echo "bench: $f not found (run 'make bench')" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

# ---- the recording alone
echo "== recording: rec_task_at over a synthetic recording"
"$BENCH_REC" || exit 1
echo

# ---- loopscope vs CPython
have_py=0
if [ "$(python3 -c 'import sys; print(sys.version_info[:2])' 2>/dev/null)" = "(3, 11)" ]; then
    have_py=1
fi

# now_ns: a monotonic-enough wall clock in nanoseconds (GNU date).
now_ns() { date +%s%N; }

# best_time OUT CMD...: run CMD RUNS times with stdout to OUT; print the best
# wall time in seconds. Returns CMD's exit status (of the last run).
best_time() {
    local out=$1 best="" rc=0 i a b
    shift
    for ((i = 0; i < RUNS; i++)); do
        a=$(now_ns)
        "$@" > "$out" 2> /dev/null
        rc=$?
        b=$(now_ns)
        if [ -z "$best" ] || [ $((b - a)) -lt "$best" ]; then best=$((b - a)); fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
    return $rc
}

# peak_rss CMD...: maximum resident set size of one run, in MB, or "n/a".
peak_rss() {
    if [ ! -x /usr/bin/time ]; then
        echo "n/a"
        return
    fi
    local kb
    kb=$(/usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }')
    if [ -n "$kb" ]; then awk -v kb="$kb" 'BEGIN { printf "%.1f MB", kb / 1024 }'; else echo "n/a"; fi
}

# The stress scenario: 2,000 tasks, each 50 sleeps of 0.01*k seconds with
# some arithmetic between them; one in a hundred prints its sum.
cat > "$tmp/stress.py" << 'EOF'
"""Stress: 2000 tasks, each sleeping 50 times with arithmetic in between."""
import asyncio

async def worker(k):
    acc = 0
    for i in range(50):
        await asyncio.sleep(0.01 * (k % 50 + 1))
        acc += (i * k) % 7 + i // 3
    if k % 100 == 0:
        print(k, acc)
    return acc

async def main():
    tasks = [asyncio.create_task(worker(k)) for k in range(2000)]
    total = 0
    for t in tasks:
        total += await t
    print(total)

asyncio.run(main())
EOF

largest=$(ls -S tests/cases/*.py | head -n 1)

rows=()
# bench_one LABEL FILE: time both, compare traces, add a table row.
bench_one() {
    local label=$1 f=$2 tl tp same ratio rl rp
    tl=$(best_time "$tmp/ls.out" "$LOOPSCOPE" trace "$f")
    rl=$(peak_rss "$LOOPSCOPE" trace "$f")
    if [ $have_py -eq 1 ]; then
        tp=$(best_time "$tmp/py.out" python3 "$ORACLE" "$f")
        rp=$(peak_rss python3 "$ORACLE" "$f")
        if cmp -s "$tmp/ls.out" "$tmp/py.out"; then same="identical"; else same="DIFFER"; fi
        ratio=$(awk -v a="$tl" -v b="$tp" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')
    else
        tp="skipped" rp="-" same="(no CPython 3.11)" ratio="-"
    fi
    rows+=("$(printf '%-34s %10s %10s %8s %11s %11s  %s' "$label" "$tl s" "$tp s" "$ratio" "$rl" "$rp" "$same")")
    [ "$same" != "DIFFER" ]
}

echo "== loopscope trace vs CPython 3.11 (tests/oracle/pytrace.py), best of $RUNS"
status=0
bench_one "largest case: $(basename "$largest")" "$largest" || status=1
bench_one "stress: 2000 tasks x 50 sleeps" "$tmp/stress.py" || status=1
lines=$(wc -l < "$tmp/ls.out")
bench_one "queue+lock+TaskGroup: 20,000 items" bench/queue_lock.py || status=1
printf '%-34s %10s %10s %8s %11s %11s  %s\n' "scenario" "loopscope" "CPython" "speedup" "RSS ls" "RSS py" "traces"
for r in "${rows[@]}"; do echo "$r"; done
echo "(stress trace: $lines lines; speedup = CPython time / loopscope time, process start included)"
if [ $status -ne 0 ]; then
    echo "bench: loopscope and CPython printed different traces" >&2
fi
exit $status
