#!/usr/bin/env bash
# bench_tui.sh: what the live viewer costs. Runs ./loopscope in a detached
# tmux pane (200x60) and measures, from /proc, the CPU time it uses while
# paused for SECS seconds (should be ~0: no timer runs while paused) and
# while playing at 1x for SECS seconds, and, through tmux pipe-pane, the
# bytes it writes to the terminal per second of playback.
#   bash bench/bench_tui.sh [SCENARIO]      SECS=10 by default
set -u
cd "$(dirname "$0")/.." || exit 2
bin=${LOOPSCOPE:-./loopscope}
scenario=${1:-scenarios/dashboard.py}
secs=${SECS:-10}
command -v tmux >/dev/null || { echo "bench_tui: tmux not found, skipped"; exit 0; }
sock="loopscope-bench-$$"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-bench-tui.XXXXXX") || exit 2
t() { tmux -L "$sock" -f /dev/null "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

t new-session -d -x 200 -y 60 "env LANG=C.UTF-8 TERM=xterm-256color $bin $scenario"
pid=""
for _ in $(seq 100); do
    pid=$(pgrep -n -f "$bin $scenario" || true)
    [ -n "$pid" ] && t capture-pane -p | grep -q "step 1/" && break
    sleep 0.05
done
[ -n "$pid" ] || { echo "bench_tui: loopscope did not start"; exit 1; }
hz=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }

a=$(cpu); sleep "$secs"; b=$(cpu)
paused=$(awk -v d=$((b - a)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.3f s CPU in %d s (%.2f%%)", d / hz, s, 100 * d / hz / s }')

t pipe-pane -o "cat > $tmp/out"
t send-keys ' '
a=$(cpu); sleep "$secs"; b=$(cpu)
t pipe-pane
bytes=$(wc -c < "$tmp/out")
playing=$(awk -v d=$((b - a)) -v hz="$hz" -v s="$secs" 'BEGIN { printf "%.3f s CPU in %d s (%.2f%%)", d / hz, s, 100 * d / hz / s }')
echo "viewer 200x60 on $scenario:"
echo "  paused:  $paused"
echo "  playing: $playing at 1x"
echo "  output:  $bytes bytes in $secs s of playback ($((bytes / secs)) bytes/s)"
t send-keys q
