#!/usr/bin/env bash
# bench.sh: the benchmarks behind `make bench` (not part of `make test`).
# Owns: running bench/bench_rec (seeking in a 1,000,000-step recording),
# timing `loopscope trace` against the CPython oracle (tests/oracle/pytrace.py)
# on the largest test case and on two of bench/scenarios, checking that
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
bench_one "10,000 tasks x 10 sleeps" bench/scenarios/many_sleeps.py || status=1
lines=$(wc -l < "$tmp/ls.out")
bench_one "queue+lock+TaskGroup: 20,000 items" bench/scenarios/mix_lock_queue_group.py || status=1
printf '%-34s %10s %10s %8s %11s %11s  %s\n' "scenario" "loopscope" "CPython" "speedup" "RSS ls" "RSS py" "traces"
for r in "${rows[@]}"; do echo "$r"; done
echo "(10,000-task trace: $lines lines; speedup = CPython time / loopscope time, process start included)"
if [ $status -ne 0 ]; then
    echo "bench: loopscope and CPython printed different traces" >&2
fi
exit $status
