#!/usr/bin/env bash
# bench_vm.sh: the Python VM alone, part of `make bench`, not of `make test`.
# Owns the micro programs in bench/vm/ (arithmetic, attribute reads, calls,
# a 3-deep await chain that never suspends, list and dict operations): each
# runs inside one task, so the recording holds a handful of steps and the
# time is the VM's. For each: `loopscope trace` against python3 running the
# same file (bench/pyclock.py), best wall time of RUNS each, side by side in
# this run, and the speed ratio (python3 time / loopscope time; above 1 is
# faster than CPython). The figures are for reading: exit status 0 whatever
# the ratios, 1 when a run fails or the two print different results.
#
#   bash bench/bench_vm.sh            # after `make loopscope`
#   RUNS=5 bash bench/bench_vm.sh

set -u
cd "$(dirname "$0")/.." || exit 2
have_time=0
. bench/bench_lib.sh
RUNS=${RUNS:-3}
need_exe bench_vm "${LOOPSCOPE:=./loopscope}"
command -v python3 > /dev/null 2>&1 || { echo "bench_vm: no python3, skipped"; exit 0; }

echo "== VM micro-bench: loopscope trace vs python3 $(python3 -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])') (bench/pyclock.py), best of $RUNS"
printf '%-14s %9s %9s %8s\n' program loopscope python3 speedup
status=0
for f in bench/vm/*.py; do
    s=$(basename "$f" .py)
    # the same printed result first: a fast wrong answer is no answer
    want=$(python3 bench/pyclock.py "$f" 2>&1)
    got=$("$LOOPSCOPE" trace "$f" 2>&1 | sed -n 's/^[0-9.]* print //p')
    if [ "$want" != "$got" ]; then
        echo "bench_vm: $f prints '$got' under loopscope, '$want' under python3" >&2
        status=1
        continue
    fi
    tl=$(best_s "$LOOPSCOPE" trace "$f") || { echo "bench_vm: loopscope failed on $f" >&2; status=1; continue; }
    tp=$(best_s python3 bench/pyclock.py "$f") || { echo "bench_vm: python3 failed on $f" >&2; status=1; continue; }
    sp=$(awk -v a="$tl" -v b="$tp" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 0) }')
    printf '%-14s %8ss %8ss %7sx\n' "$s" "$tl" "$tp" "$sp"
done
exit $status
