# bench_lib.sh: what the bench scripts share (sourced, not run): need_exe,
# a missing binary's message and exit, best_s,
# the best wall time of RUNS runs, and rss_kb, the peak memory of one.
# The sourcing script sets RUNS and have_time (1 when /usr/bin/time is there).

# best_s CMD...: the best wall time of RUNS runs, in seconds; fails when CMD does
best_s() {
    local best="" i a b
    for ((i = 0; i < RUNS; i++)); do
        a=$(date +%s%N)
        "$@" > /dev/null 2>&1 || return 1
        b=$(date +%s%N)
        if [ -z "$best" ] || [ $((b - a)) -lt "$best" ]; then best=$((b - a)); fi
    done
    awk -v ns="$best" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
# rss_kb CMD...: peak resident set of one run in kB (empty when unknown)
rss_kb() {
    [ "$have_time" -eq 1 ] || return 0
    /usr/bin/time -v "$@" 2>&1 > /dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
# need_exe SCRIPT PATH: exit 2 with a message when PATH is not an executable
need_exe() {
    [ -x "$2" ] && return 0
    echo "$1: $2 not found (run 'make bench')" >&2
    exit 2
}
