#!/usr/bin/env bash
# bench_targets.sh: issue 16's targets, part of `make bench`, not of `make
# test`. Owns, for each task-heavy scenario in bench/scenarios/:
#   - speed: `loopscope trace` against python3 running the same file under
#     CPython's own asyncio on a virtual clock with no tracing
#     (bench/pyclock.py), best wall time of RUNS each, measured side by side
#     in this run; target: loopscope at least 5x faster;
#   - peak memory (maximum RSS, /usr/bin/time -v) of both; target: at most
#     python3's;
#   - the recording's bytes per step (bench/bench_size: rec_bytes over
#     rec_nsteps), with and without the internals view's snapshot tables
#     ("w/o int"); target: 24 or less (`bench/bench_size --detail F` gives
#     them table by table);
# and, for the endless `while True: await asyncio.sleep(1)`, the time to
# the 1,000,000-step limit; target: under 0.5 s. Then where each
# scenario's peak RSS goes: the start-up baseline (`loopscope trace` of a
# three-line scenario), the recording (bench_size's bytes written) and the
# rest (the interpreter's objects, the loop, malloc's slack); and the
# bytes per task, from many_sleeps with 10,000 and 20,000 tasks, of both. Each figure gets PASS or
# MISS. Installs nothing; a missing tool skips its rows. Exit status 0 even
# on a MISS (the figures are for reading), 1 when a run fails.
#
#   bash bench/bench_targets.sh       # after `make loopscope bench/bench_size`
#   RUNS=5 bash bench/bench_targets.sh

set -u
cd "$(dirname "$0")/.." || exit 2
LOOPSCOPE=${LOOPSCOPE:-./loopscope}
SIZE=${BENCH_SIZE:-bench/bench_size}
RUNS=${RUNS:-3}
BIG=100000000   # --max-steps for the finite scenarios: they all end first
for f in "$LOOPSCOPE" "$SIZE"; do
    if [ ! -x "$f" ]; then
        echo "bench_targets: $f not found (run 'make bench')" >&2
        exit 2
    fi
done
have_py=0
command -v python3 > /dev/null 2>&1 && have_py=1
have_time=0
[ -x /usr/bin/time ] && have_time=1

# best_s and rss_kb
. bench/bench_lib.sh
verdict() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }

echo "== issue 16 targets: loopscope trace vs python3 $(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null) (bench/pyclock.py: CPython's asyncio on a virtual clock, no tracing), best of $RUNS"
printf '%-22s %9s %9s %8s %6s %9s %9s %8s %6s %9s %6s %8s %6s\n' scenario loopscope python3 speedup "≥5x" "RSS ls" "RSS py" "ratio" "≤1" "B/step" "≤24" "w/o int" "≤24"
status=0
declare -A RSS_LS=() REC_B=()
for s in many_sleeps queue_pingpong sleep0_storm mix_lock_queue_group; do
    f=bench/scenarios/$s.py
    tl=$(best_s "$LOOPSCOPE" trace "$f" --max-steps $BIG) || { echo "bench_targets: loopscope failed on $f" >&2; status=1; continue; }
    read -r steps bytes own used < <("$SIZE" "$f" $BIG)
    bps=$(awk -v b="$bytes" -v n="$steps" 'BEGIN { printf "%.0f", (n ? b / n : 0) }')
    obps=$(awk -v b="$own" -v n="$steps" 'BEGIN { printf "%.0f", (n ? b / n : 0) }')
    rl=$(rss_kb "$LOOPSCOPE" trace "$f" --max-steps $BIG)
    RSS_LS[$s]=$rl
    REC_B[$s]=$used
    if [ $have_py -eq 1 ]; then
        tp=$(best_s python3 bench/pyclock.py "$f") || { echo "bench_targets: python3 failed on $f" >&2; status=1; continue; }
        rp=$(rss_kb python3 bench/pyclock.py "$f")
        sp=$(awk -v a="$tl" -v b="$tp" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
        spv=$(verdict "$(awk -v x="$sp" 'BEGIN { print (x >= 5) }')")
    else
        tp=- rp="" sp=- spv=-
    fi
    if [ -n "$rl" ] && [ -n "$rp" ]; then
        mr=$(awk -v a="$rl" -v b="$rp" 'BEGIN { printf "%.2f", a / b }')
        mrv=$(verdict "$(awk -v x="$mr" 'BEGIN { print (x <= 1) }')")
        rl=$(awk -v k="$rl" 'BEGIN { printf "%.1fMB", k / 1024 }')
        rp=$(awk -v k="$rp" 'BEGIN { printf "%.1fMB", k / 1024 }')
    else
        mr=- mrv=- rl=${rl:--} rp=${rp:--}
    fi
    bv=$(verdict "$(awk -v x="$bps" 'BEGIN { print (x <= 24) }')")
    obv=$(verdict "$(awk -v x="$obps" 'BEGIN { print (x <= 24) }')")
    printf '%-22s %8ss %8ss %7sx %6s %9s %9s %7sx %6s %9s %6s %8s %6s\n' "$s" "$tl" "$tp" "$sp" "$spv" "$rl" "$rp" "$mr" "$mrv" "$bps" "$bv" "$obps" "$obv"
    echo "    ($steps steps)"
done

f=bench/scenarios/endless.py
tl=$(best_s "$LOOPSCOPE" trace "$f")
# the step limit ends it with exit status 1: time it anyway
if [ -z "$tl" ]; then
    best=""
    for ((i = 0; i < RUNS; i++)); do
        a=$(date +%s%N)
        "$LOOPSCOPE" trace "$f" > /dev/null 2>&1
        b=$(date +%s%N)
        if [ -z "$best" ] || [ $((b - a)) -lt "$best" ]; then best=$((b - a)); fi
    done
    tl=$(awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }')
fi
read -r steps bytes own _ < <("$SIZE" "$f")
bps=$(awk -v b="$bytes" -v n="$steps" 'BEGIN { printf "%.0f", (n ? b / n : 0) }')
obps=$(awk -v b="$own" -v n="$steps" 'BEGIN { printf "%.0f", (n ? b / n : 0) }')
printf '%-22s %8ss to %s steps (< 0.5 s: %s), %s B/step (≤ 24: %s), %s without internals (≤ 24: %s)\n' endless "$tl" "$steps" \
    "$(verdict "$(awk -v x="$tl" 'BEGIN { print (x < 0.5) }')")" "$bps" "$(verdict "$(awk -v x="$bps" 'BEGIN { print (x <= 24) }')")" \
    "$obps" "$(verdict "$(awk -v x="$obps" 'BEGIN { print (x <= 24) }')")"

# ------------------------------------------------ where the peak RSS goes
if [ $have_time -eq 1 ]; then
    tmpd=$(mktemp -d)
    trap 'rm -rf "$tmpd"' EXIT
    printf 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n' > "$tmpd/tiny.py"
    base=$(rss_kb "$LOOPSCOPE" trace "$tmpd/tiny.py")
    pybase=""
    [ $have_py -eq 1 ] && pybase=$(rss_kb python3 bench/pyclock.py "$tmpd/tiny.py")
    echo "== peak RSS split (MB): start-up baseline (loopscope trace of a 3-line scenario: ${base:-?} kB; python3: ${pybase:-?} kB), recording (bytes written), the rest"
    printf '%-22s %9s %9s %9s %9s\n' scenario "peak" baseline recording rest
    for s in many_sleeps queue_pingpong sleep0_storm mix_lock_queue_group; do
        [ -n "${RSS_LS[$s]:-}" ] && [ -n "$base" ] || continue
        awk -v s="$s" -v p="${RSS_LS[$s]}" -v b="$base" -v r="${REC_B[$s]}" 'BEGIN {
            printf "%-22s %9.1f %9.1f %9.1f %9.1f\n", s, p / 1024, b / 1024, r / 1048576, (p * 1024 - b * 1024 - r) / 1048576 }'
    done
    echo "    (the baseline includes about 1 MB the start-up's parsing frees and the run reuses: a small run's rest can come out below zero)"
    # bytes per task: many_sleeps with twice the tasks, the difference over 10,000
    sed 's/range(10000)/range(20000)/' bench/scenarios/many_sleeps.py > "$tmpd/many_sleeps_20k.py"
    l10=${RSS_LS[many_sleeps]:-}
    l20=$(rss_kb "$LOOPSCOPE" trace "$tmpd/many_sleeps_20k.py" --max-steps $BIG)
    read -r _ _ _ r20 < <("$SIZE" "$tmpd/many_sleeps_20k.py" $BIG)
    if [ -n "$l10" ] && [ -n "$l20" ]; then
        p10="" p20=""
        if [ $have_py -eq 1 ]; then
            p10=$(rss_kb python3 bench/pyclock.py bench/scenarios/many_sleeps.py)
            p20=$(rss_kb python3 bench/pyclock.py "$tmpd/many_sleeps_20k.py")
        fi
        awk -v a="$l10" -v b="$l20" -v ra="${REC_B[many_sleeps]}" -v rb="$r20" -v pa="$p10" -v pb="$p20" 'BEGIN {
            per = (b - a) * 1024 / 10000; rec = (rb - ra) / 10000
            printf "bytes per task (many_sleeps, 20,000 tasks less 10,000): loopscope %.0f (recording %.0f, the rest %.0f)", per, rec, per - rec
            if (pa != "" && pb != "") printf ", python3 %.0f", (pb - pa) * 1024 / 10000
            printf "\n" }'
    fi
fi
exit $status
