#!/usr/bin/env bash
# run_term.sh: terminal hardening of the interactive viewer, in tmux (the
# style of run_tui.sh: poll capture-pane with timeouts, no fixed sleeps).
# Checks, precisely, that the terminal is given back after every way out:
# q, Ctrl-C, Ctrl-\\, SIGTERM, SIGHUP, SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
# SIGUSR1, the pty hanging up and stdin closing (EOF): the exit status,
# `stty -a` (icanon, echo) taken right after the viewer ends (by a plain
# sh, not the interactive shell, which would put its own modes back after
# a death by signal), tmux's #{alternate_on} 0, #{cursor_flag} 1,
# #{mouse_any_flag} 0, #{keypad_cursor_flag} 0, and a line typed then
# echoed by the terminal itself; the same while stopped by SIGTSTP, and
# the redraw after SIGCONT (at a size changed meanwhile). Also: 200 random
# resizes from 10x3 to 400x120 (paused and playing) then the screen equal
# to `loopscope frame --size WxH --hints` at the same step, 10x3 and 400x120
# exactly, SIGWINCH storms, SIGPIPE ignored, 1000 keys at once, garbage
# (invalid UTF-8, unknown escape sequences, mouse reports outside the
# window) that must neither quit, nor act, nor garble, and no CPU burnt
# after EOF.
#
#   bash tests/run_term.sh                 # after `make loopscope`
#   TUI_TIMEOUT=20 TUI_VERBOSE=1 bash tests/run_term.sh
#
# Prints "term: N passed, M failed"; exits 1 if anything failed. Its own
# tmux server (-L loopscope-term-PID), removed on exit.

set -u
cd "$(dirname "$0")/.." || exit 2
SUITE=term
. tests/tmux_lib.sh

# The viewer under a plain sh (no job control: it leaves the terminal's
# modes as the viewer left them), which then reports the modes, the exit
# status, and reads a line (typed by the test: it must be echoed). The
# traps keep sh waiting when Ctrl-C / Ctrl-\ reach the whole job; the
# viewer gets the default actions. STDIN_FROM: the viewer's input instead.
WRAP=$TMPD/wrap.sh
cat >"$WRAP" <<'WRAP_EOF'
trap : INT QUIT
if [ -n "${STDIN_FROM:-}" ]; then "$@" <"$STDIN_FROM"; else "$@"; fi
s=$?
echo "STTY:$(stty -a | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')"
echo "EXITED:$s"
read -r l
echo "READ:$l"
WRAP_EOF

# run_w [VAR=VALUE] ARGS...: the viewer through the wrapper.
run_w() {
    local envs=""
    case ${1:-} in *=*) envs=$1; shift ;; esac
    keys -l -- "clear; $envs sh $WRAP $LOOPSCOPE $*"
    keys Enter
}
# The viewer's pid: the child of the wrapper sh, the child of the shell.
vpid() {
    local w
    w=$(ui_pid)
    [ -n "$w" ] && pgrep -P "$w" | head -n 1
}
fmt() { T display-message -p -t "$S" "$1"; }
FLAGS='alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag} kcursor=#{keypad_cursor_flag}'
RESTORED='alt=0 cursor=1 mouse=0 kcursor=0'
flags_restored() { [ "$(fmt "$FLAGS")" = "$RESTORED" ]; }
flags_curses() { [ "$(fmt '#{alternate_on}#{cursor_flag}#{mouse_any_flag}')" = 101 ]; }

# restored WHY STATUS: after the viewer ended with STATUS, precisely.
restored() {
    local why=$1 status=$2
    wait_until "$why: exit status $status" has "^EXITED:$status\$" || return 1
    if has "^STTY:icanon echo *\$"; then ok "$why: stty icanon echo"; else bad "$why: stty icanon echo"; fi
    if flags_restored; then ok "$why: $RESTORED"; else bad "$why: tmux flags $(fmt "$FLAGS")"; fi
    if lacks 'step [0-9]+/[0-9]+' && lacks '[┌└│]'; then ok "$why: UI gone"; else bad "$why: UI gone"; fi
    keys -l -- "typed-$why"
    keys Enter
    wait_until "$why: a typed line is echoed and read" has_echo "typed-$why"
}
# The terminal echoed the line (it stands alone), then sh read it.
has_echo() { has "^$1\$" && has "^READ:$1\$"; }

# start_w NAME [VAR=VALUE] ARGS: a new shell and the viewer, at step 1.
start_w() {
    local name=$1
    shift
    new_shell "$name" 100 30 || return 1
    run_w "$@"
    wait_until "$name: starts" hdr_has 'step 1/[0-9]+' || return 1
    wait_until "$name: curses mode (alternate screen, no cursor, mouse on)" flags_curses
}

# ends_by NAME HOW STATUS: HOW a key (C-c, C-\) or a kill(1) signal name.
ends_by() {
    local name=$1 how=$2 status=$3 pid
    start_w "$name" "$SCENARIO" || return
    keys Right
    wait_until "$name: Right" hdr_has 'step 2/' || return
    case $how in
    q | C-*) keys "$how" ;;
    *)
        pid=$(vpid)
        [ -n "$pid" ] || { bad "$name: the viewer's pid"; return; }
        kill "-$how" "$pid"
        ;;
    esac
    restored "$name" "$status"
    T kill-session -t "$name"
}

# the screen equals `loopscope frame` at this size and step
FRAME=""
frame_is() { [ "$LAST" = "$FRAME" ]; }
expect_frame() {
    local desc=$1 w=$2 h=$3 step=$4
    FRAME=$("$LOOPSCOPE" frame "$SCENARIO" --step "$step" --size "${w}x$h" --hints)
    wait_until "$desc: the screen is \`frame --size ${w}x$h --step $step\`" frame_is
}
alive() { kill -0 "$1" 2>/dev/null; }
dead() { ! kill -0 "$1" 2>/dev/null; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null; }
# every row at most W cells
fits() {
    local w=$1 line LC_ALL=C.UTF-8
    while IFS= read -r line; do [ "${#line}" -le "$w" ] || return 1; done <<<"$LAST"
}
storm() {
    local n=$1 i
    for ((i = 0; i < n; i++)); do
        T resize-window -t "$S" -x $((10 + RANDOM % 391)) -y $((3 + RANDOM % 118))
    done
}

# Resizing: storms paused and playing, 10x3, 400x120, SIGWINCH storms.
resize_session() {
    start_w resize "$SCENARIO" || return
    local pid
    pid=$(vpid)
    keys Right Right Right
    wait_until "resize: step 4" hdr_has 'step 4/'
    storm 200
    if alive "$pid"; then ok "resize: 200 random resizes (10x3..400x120), alive"; else bad "resize: storm killed the viewer"; return; fi
    T resize-window -t resize -x 77 -y 23
    expect_frame "resize: after the storm, 77x23" 77 23 4
    T resize-window -t resize -x 10 -y 3
    expect_frame "resize: 10x3 (too small)" 10 3 4
    if has '^too small$' && has '^need 60x16$'; then ok "resize: 10x3 says too small, need 60x16"; else bad "resize: 10x3 notice"; fi
    T resize-window -t resize -x 400 -y 120
    expect_frame "resize: 400x120" 400 120 4
    T resize-window -t resize -x 100 -y 30
    expect_frame "resize: back to 100x30" 100 30 4
    # SIGWINCH storm while paused: the same screen, no crash
    local i
    for ((i = 0; i < 200; i++)); do kill -WINCH "$pid" 2>/dev/null; done
    if alive "$pid"; then ok "resize: 200 SIGWINCH while paused, alive"; else bad "resize: SIGWINCH storm"; return; fi
    expect_frame "resize: after the SIGWINCH storm" 100 30 4
    # during playback
    keys Space
    wait_until "resize: playing" hdr_has 'playing'
    storm 100
    T resize-window -t resize -x 90 -y 28
    if alive "$pid"; then ok "resize: 100 resizes while playing, alive"; else bad "resize: storm while playing"; return; fi
    wait_until "resize: 90x28 while playing, every row fits" fits 90
    keys Space Home
    expect_frame "resize: paused, Home, 90x28" 90 28 1
    keys q
    restored "resize, q" 0
    T kill-session -t resize
}

# SIGTSTP from outside, the parent not a job-control shell: while stopped
# the terminal is restored and echoes; resized meanwhile, SIGCONT redraws
# at the new size. SIGPIPE is ignored.
stop_session() {
    start_w stop "$SCENARIO" || return
    local pid tty
    pid=$(vpid)
    tty=$(fmt '#{pane_tty}')
    keys Right
    wait_until "stop: Right" hdr_has 'step 2/'
    kill -PIPE "$pid"
    keys Right
    wait_until "stop: SIGPIPE ignored (still stepping)" hdr_has 'step 3/'
    kill -TSTP "$pid"
    wait_until "stop: SIGTSTP: $RESTORED" flags_restored
    local st
    st=$(stty -F "$tty" -a 2>/dev/null | tr ' ;' '\n\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\n' ' ')
    if [ "$st" = "icanon echo " ]; then ok "stop: stopped, stty icanon echo"; else bad "stop: stopped, stty '$st'"; fi
    keys -l -- "xxxx"
    wait_until "stop: stopped, typed keys echo" has 'xxxx'
    T resize-window -t stop -x 80 -y 24
    kill -CONT "$pid"
    expect_frame "stop: SIGCONT redraws at the new size 80x24" 80 24 3
    keys Right
    wait_until "stop: keys work after SIGCONT" hdr_has 'step 4/'
    keys q
    restored "stop, q" 0
    T kill-session -t stop
}

# Input floods: 1000 keys at once, garbage that must do nothing.
input_session() {
    start_w input "$SCENARIO" || return
    local pid c0 c1 i
    pid=$(vpid)
    keys $(for ((i = 0; i < 1000; i++)); do printf 'l '; done)
    wait_until "input: 1000 x l at once: the last step" hdr_has 'step ([0-9]+)/\1 '
    keys $(for ((i = 0; i < 1000; i++)); do printf 'h '; done)
    wait_until "input: 1000 x h at once: the first step" hdr_has 'step 1/[0-9]+ '
    keys Escape
    expect_frame "input: after the key storm" 100 30 1
    # invalid UTF-8, in one write and in 300 small ones
    keys -H $(for ((i = 0; i < 2000; i++)); do printf '%02x ' $((128 + RANDOM % 128)); done)
    for ((i = 0; i < 300; i++)); do keys -H ff; done
    # unknown escape sequences (their letters must not act: q quits, R
    # records, g prompts), mouse reports outside the window and released
    keys -l -- $'\e[<0;500;500M\e[<0;500;500m\e[999;999R\e[?1;2c\e]0;title\a\eP+q\e\\\eOq\eq\e[200~\e[201~\e[1;5Q'
    keys -H 1b 5b 4d 20 ff ff 1b 5b 4d 23 ff ff 1b 5b 4d 20 7f 7f 1b 5b 4d 23 7f 7f c3 28 e2 82 f0 28 8c 28
    if alive "$pid"; then ok "input: garbage, alive"; else bad "input: garbage killed the viewer"; return; fi
    expect_frame "input: garbage changed nothing on screen" 100 30 1
    if ls loopscope-gather-*.cast >/dev/null 2>&1; then
        bad "input: garbage started a recording"
        rm -f loopscope-gather-*.cast
    fi
    keys Right
    wait_until "input: keys still work" hdr_has 'step 2/'
    c0=$(cpu_ticks "$pid")
    sleep 0.5
    c1=$(cpu_ticks "$pid")
    if [ -n "$c0" ] && [ $((c1 - c0)) -le 2 ]; then ok "input: idle afterwards (cpu ticks $c0 -> $c1)"; else bad "input: busy afterwards ($c0 -> $c1)"; fi
    keys q
    restored "input, q" 0
    T kill-session -t input
}

# stdin hangs up (EOF): the viewer's input is another pty, closed.
eof_session() {
    T new-session -d -s eofsrc -x 80 -y 24 "sleep 100000" || { bad "eof: source pty"; return; }
    local tty2 pid
    tty2=$(T display-message -p -t eofsrc '#{pane_tty}')
    start_w eof "STDIN_FROM=$tty2" "$SCENARIO" || return
    pid=$(vpid)
    T kill-session -t eofsrc
    restored "eof-stdin-hangup" 0
    wait_until "eof: the viewer is gone" dead "$pid"
    T kill-session -t eof
}

# The pty itself hangs up (the pane is killed): SIGHUP, the viewer exits.
hangup_session() {
    S=hangup
    T new-session -d -s hangup -x 100 -y 30 -c "$PWD" "env LC_ALL=C.UTF-8 $LOOPSCOPE $SCENARIO" || return
    wait_until "hangup: starts" hdr_has 'step 1/[0-9]+' || return
    local pid
    pid=$(fmt '#{pane_pid}')
    T kill-session -t hangup
    wait_until "hangup: the viewer exits after the pty hangs up" dead "$pid"
    S=""
}

# A terminal the viewer cannot use is said for what it is (issue 17): a
# LINES or COLUMNS that is not a size (curses would take it over the real
# size and fail as a "missing terminfo entry"), TERM=dumb (a blank screen
# before). Exit 1 at once, the message on the terminal, no curses set-up.
env_session() {
    command -v script >/dev/null 2>&1 || { echo "term: no script(1): environment checks skipped"; return; }
    local env want out st
    while IFS='|' read -r env want; do
        timeout 10 script -qec "env $env $LOOPSCOPE $SCENARIO" /dev/null </dev/null >"$TMPD/env.out" 2>&1
        st=$?
        out=$(tr -d '\r' <"$TMPD/env.out")
        if [ "$st" = 1 ] && [[ $out == *"$want"* ]] && [[ $out != *$'\e[?1049h'* ]]; then
            ok "env $env: refused with a message"
        else
            bad "env $env: exit $st, said: $(printf '%s' "$out" | cat -v | head -c 300)"
        fi
    done <<'ENVS'
COLUMNS=-5|loopscope: COLUMNS=-5 is not a screen width (1 to 9999); unset it
LINES=99999999|loopscope: LINES=99999999 is not a screen height (1 to 9999); unset it
TERM=dumb|loopscope: terminal type 'dumb' cannot move the cursor, so the viewer cannot draw on it; `loopscope frame` and `loopscope trace` print instead
ENVS
}

env_session
resize_session
stop_session
input_session
eof_session
hangup_session
ends_by quit q 0
ends_by ctrl-c C-c 130
ends_by ctrl-backslash 'C-\' 131
ends_by sigterm TERM 143
ends_by sighup HUP 129
ends_by sigsegv SEGV 139
ends_by sigabrt ABRT 134
ends_by sigbus BUS 135
ends_by sigfpe FPE 136
ends_by sigusr1 USR1 138

echo "term: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
