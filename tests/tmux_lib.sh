# tmux_lib.sh: what the tmux suites (run_tui.sh, run_term.sh) share: a
# private tmux server (-L loopscope-$SUITE-PID, removed on exit), the tmp
# dir, polling waits with timeouts, captures, pass/fail counting and the
# first session. Source it with SUITE set, after cd to the repository root.

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
TIMEOUT=${TUI_TIMEOUT:-10}
VERBOSE=${TUI_VERBOSE:-0}
SCENARIO=scenarios/gather.py
SOCK=loopscope-$SUITE-$$

if ! command -v tmux >/dev/null 2>&1; then
    echo "$SUITE: tmux not found, skipped (make deps installs it)"
    exit 0
fi
if [ ! -x "$LOOPSCOPE" ]; then
    echo "$SUITE: $LOOPSCOPE not built (make loopscope)" >&2
    exit 2
fi
case $LOOPSCOPE in /*) ;; *) LOOPSCOPE=$PWD/$LOOPSCOPE ;; esac
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-$SUITE.XXXXXX") || exit 2

unset TMUX
T() { tmux -L "$SOCK" -f /dev/null "$@"; }
SOCKPATH=""
cleanup() {
    T kill-server >/dev/null 2>&1
    [ -n "$SOCKPATH" ] && rm -f "$SOCKPATH"
    rm -rf "$TMPD"
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

pass=0
fail=0
LAST=""        # the last capture, shown when a check fails
S=""           # the session the checks talk to

ok() {
    pass=$((pass + 1))
    [ "$VERBOSE" = 1 ] && echo "ok   $1"
    return 0
}
bad() {
    fail=$((fail + 1))
    echo "FAIL $1"
    if [ -n "$S" ]; then
        echo "---- last capture of pane '$S' ----"
        printf '%s\n' "$LAST"
        echo "-----------------------------------"
    fi
    return 1
}

now_us() { local t=${EPOCHREALTIME/./}; echo "${t#0}"; }

cap() { LAST=$(T capture-pane -p -t "$S" 2>/dev/null); }
cap_e() { LAST=$(T capture-pane -e -p -t "$S" 2>/dev/null); }
header() { printf '%s\n' "$LAST" | head -n 1; }

# Predicates on $LAST.
has() { printf '%s\n' "$LAST" | grep -Eq -- "$1"; }
lacks() { ! has "$1"; }
hdr_has() { header | grep -Eq -- "$1"; }
# The header's clock "t = 1.50s" in hundredths, or -1.
hdr_t() {
    local t
    t=$(header | sed -nE 's/.*t = ([0-9]+)\.([0-9]{2})s.*/\1\2/p')
    if [ -n "$t" ]; then echo $((10#$t)); else echo -1; fi
}
hdr_step() { header | sed -nE 's/.*step ([0-9]+)\/[0-9]+.*/\1/p'; }
t_at_least() { [ "$(hdr_t)" -ge "$1" ]; }
t_not() { local t; t=$(hdr_t); [ "$t" -ge 0 ] && [ "$t" -ne "$1" ]; }
step_above() { local s; s=$(hdr_step); [ -n "$s" ] && [ "$s" -gt "$1" ]; }
same_as() { [ "$LAST" = "$1" ]; }
differs_from() { [ -n "$LAST" ] && [ "$LAST" != "$1" ]; }

# wait_until DESC [-e] PREDICATE ARGS...: capture every 0.05 s until the
# predicate holds on the capture (-e: with attributes) or TIMEOUT passes.
wait_until() {
    local desc=$1 capf=cap
    shift
    if [ "$1" = -e ]; then
        capf=cap_e
        shift
    fi
    local deadline=$(($(now_us) + TIMEOUT * 1000000))
    while :; do
        $capf
        if "$@"; then
            ok "$desc"
            return 0
        fi
        if [ "$(now_us)" -gt "$deadline" ]; then
            bad "$desc (waited ${TIMEOUT}s)"
            return 1
        fi
        sleep 0.05
    done
}

keys() { T send-keys -t "$S" "$@"; }
# A mouse event in X10 encoding (what ncurses asks tmux for): button code
# (0 press, 3 release, 64 wheel up, 65 wheel down) at 0-based column x,
# row y. A click is a press and a release, as a terminal sends it.
mouse() {
    keys -H 1b 5b 4d "$(printf '%02x' $((32 + $1)))" "$(printf '%02x' $((33 + $2)))" \
        "$(printf '%02x' $((33 + $3)))"
}
click() {
    mouse 0 "$1" "$2"
    mouse 3 "$1" "$2"
}

# new_shell NAME W H [VAR=VALUE...]: a detached pane running an interactive
# bash with a plain "$ " prompt, the environment given, no core dumps.
new_shell() {
    local name=$1 w=$2 h=$3
    shift 3
    S=$name
    local envs="LC_ALL=C.UTF-8 LANG=C.UTF-8 $*"
    T new-session -d -s "$name" -x "$w" -y "$h" -c "$PWD" \
        "ulimit -c 0; exec env -u NO_COLOR PS1='\$ ' HISTFILE=/dev/null $envs bash --norc --noprofile" ||
        { bad "$name: tmux new-session"; return 1; }
    wait_until "$name: shell prompt" has '^\$$'
}

# run_ui ARGS...: start the viewer in the current pane; the shell prints
# its exit status afterwards as EXITED:N on a line of its own.
run_ui() {
    keys -l -- "$LOOPSCOPE $*; echo EXITED:\$?"
    keys Enter
}

# The pid of the viewer: the child of the pane's shell.
ui_pid() {
    local shell f stat rest
    shell=$(T display-message -p -t "$S" '#{pane_pid}') || return 1
    if command -v pgrep >/dev/null 2>&1; then
        pgrep -P "$shell" | head -n 1
        return
    fi
    for f in /proc/[0-9]*/stat; do
        stat=$(cat "$f" 2>/dev/null) || continue
        rest=${stat##*) }
        set -- $rest
        if [ "$2" = "$shell" ]; then
            f=${f#/proc/}
            echo "${f%/stat}"
            return
        fi
    done
}

# The terminal works again after the viewer exited with status $1: the
# status line, no UI left on the screen (alternate screen left), canonical
# mode and echo back on.
check_restored() {
    local why=$1 status=$2
    wait_until "$why: exit status $status" has "^EXITED:$status\$" || return 1
    if lacks 'step [0-9]+/[0-9]+' && lacks '[┌└│]'; then ok "$why: UI gone from the screen"; else bad "$why: UI gone from the screen"; fi
    keys -l -- "stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo :STTY"
    keys Enter
    wait_until "$why: terminal back in icanon + echo mode" has '^icanon echo :STTY$'
}

# ---------------------------------------------------------------------------

TERMNAME=${TUI_TERM:-}
if [ -z "$TERMNAME" ]; then TERMNAME=screen; infocmp tmux-256color >/dev/null 2>&1 && TERMNAME=tmux-256color; fi
T new-session -d -s keep -x 80 -y 24 "sleep 100000" || { echo "$SUITE: cannot start tmux" >&2; exit 2; }
T set -g default-terminal "$TERMNAME" >/dev/null
SOCKPATH=$(T display-message -p '#{socket_path}' 2>/dev/null)
