#!/usr/bin/env bash
# run_tui.sh: end-to-end tests of the interactive viewer (src/tui) in tmux.
# Each test types keys into a real terminal (a detached tmux pane running an
# interactive bash), then polls `tmux capture-pane` until the expected text
# shows up or a timeout passes; nothing waits on a fixed sleep. Covered: the
# header's step counter under Right/Left/End/Home, moments with ] and [,
# the mouse wheel and clicks, playback (and no wake-ups at all while
# paused), help, focus, the pane toggles 1-5 and 0, the code sideways (< >),
# goto time (and a key that is not part of a time), the loop internals (i),
# the R key (recording a .cast), resizing (to 160x45 with the notes pane, down to "too
# small"), colours (none under NO_COLOR), the ASCII fallback, every shipped
# scenario, and that the terminal comes back usable (stty icanon/echo, no
# UI left on screen) after q, SIGINT, SIGTERM, SIGHUP, a crash (SIGSEGV)
# and while stopped by Ctrl-Z (and fg brings the viewer back); a run that
# never ends (the viewer opens at once, shows progress, End while recording,
# the limit named when it stops, q while recording); also that
# the viewer refuses a non-terminal.
# tests/run_term.sh checks the restore precisely (modes seen by a plain
# sh, tmux's cursor/mouse/alternate-screen flags, echo), more signals,
# EOF, resize storms and garbage input.
#
#   bash tests/run_tui.sh                  # after `make loopscope`
#   LOOPSCOPE=path/to/binary bash tests/run_tui.sh
#   TUI_TIMEOUT=20 bash tests/run_tui.sh   # seconds per wait (default 10)
#   TUI_VERBOSE=1 bash tests/run_tui.sh    # print every passing check too
#
# Prints "tui: N passed, M failed" and exits 1 if anything failed (with the
# last screen captured by the failing check), 0 otherwise (and when tmux is
# missing: skipped, with a message). The private tmux server
# (-L loopscope-test-PID) and its socket are removed on exit.

set -u
cd "$(dirname "$0")/.." || exit 2
SUITE=tui
. tests/tmux_lib.sh

# The main session: keys, mouse, playback, overlays, resizing, q.

# An SGR colour (not the default 39/49) in a capture with attributes.
colored() { printf '%s\n' "$LAST" | grep -Eq $'\e\\[([0-9]+;)*(3[0-7]|9[0-7]|4[0-7]|10[0-7]|38|48)[;m]'; }
nonascii() { printf '%s\n' "$LAST" | LC_ALL=C grep -q '[^ -~]'; }

main_session() {
    new_shell ui 100 30 || return
    run_ui "$SCENARIO"
    wait_until "starts at step 1" hdr_has 'step 1/[0-9]+' || return
    local n
    n=$(header | sed -nE 's/.*step 1\/([0-9]+).*/\1/p')
    if [ "$n" -gt 2 ]; then ok "has steps ($n)"; else bad "has steps ($n)"; return; fi
    if hdr_has 'paused' && hdr_has 't = 0\.00s'; then ok "starts paused at t = 0.00s"; else bad "starts paused at t = 0.00s"; fi
    cap_e
    if colored; then ok "colours on screen"; else bad "colours on screen"; fi

    keys Right
    wait_until "Right: step 2" hdr_has "step 2/$n"
    keys Left
    wait_until "Left: step 1" hdr_has "step 1/$n"
    keys End
    wait_until "End: last step" hdr_has "step $n/$n"
    keys Home
    wait_until "Home: first step" hdr_has "step 1/$n"
    keys ']'
    wait_until "]: next moment (the clock moves)" t_not 0
    local s
    s=$(hdr_step)
    if [ "${s:-0}" -gt 1 ]; then ok "]: several steps at t = 0 skipped (step $s)"; else bad "]: several steps at t = 0 skipped"; fi
    keys '['
    wait_until "[: back to the moment before" hdr_has "step 1/$n"

    mouse 65 50 10
    wait_until "wheel down: next step" hdr_has "step 2/$n"
    mouse 64 50 10
    wait_until "wheel up: previous step" hdr_has "step 1/$n"

    # Playback: space plays, the step moves on; + speeds up until the clock
    # passes 1.00; space pauses, and a paused viewer makes no wake-ups.
    keys Space
    wait_until "space: playing" hdr_has 'playing'
    wait_until "playing: the step advances by itself" step_above 1
    keys + + +
    wait_until "+: 8x" hdr_has ' 8x '
    wait_until "playing: the clock passes t = 1.00" t_at_least 100
    keys Space
    wait_until "space: paused" hdr_has 'paused'
    local pid before after shot
    pid=$(ui_pid)
    cap
    shot=$LAST
    before=$(grep -h ctxt_switches "/proc/$pid/status" 2>/dev/null)
    sleep 1
    after=$(grep -h ctxt_switches "/proc/$pid/status" 2>/dev/null)
    cap
    if same_as "$shot"; then ok "paused: the screen stays still"; else bad "paused: the screen stays still"; fi
    if [ -z "$pid" ] || [ -z "$before" ]; then
        bad "paused: no wake-ups (cannot read /proc/PID/status of the viewer)"
    elif [ "$before" = "$after" ]; then
        ok "paused: no wake-ups in 1 s"
    else
        bad "paused: no wake-ups in 1 s (context switches $(echo $before) -> $(echo $after))"
    fi
    keys -l -- '---'
    wait_until "-: back to 1x" hdr_has ' 1x '

    # Help overlay: ? opens it, ? again closes it.
    keys Home
    wait_until "Home" hdr_has "step 1/$n"
    cap
    shot=$LAST
    keys '?'
    wait_until "?: help overlay shown" has '[Ss]pace.*(play|pause)'
    if has '1-5 0 i +panes, internals'; then ok "?: the i key is listed"; else bad "?: the i key is listed"; fi
    keys '?'
    wait_until "? again: help overlay gone" same_as "$shot"

    # Focus: Tab moves it (the frame styles change), four Tabs go round
    # (tasks, log, output, code at 100x30), Shift-Tab goes back; a click
    # on the code pane focuses it.
    cap_e
    shot=$LAST
    keys Tab
    wait_until "Tab: focus moves" -e differs_from "$shot"
    keys Tab Tab Tab
    wait_until "Tab x4: focus back on the tasks" -e same_as "$shot"
    keys Tab
    wait_until "Tab" -e differs_from "$shot"
    keys BTab
    wait_until "Shift-Tab: focus back" -e same_as "$shot"
    click 5 5
    wait_until "click: focus on the code pane" -e differs_from "$shot"
    keys Tab
    wait_until "Tab after the click: on to the tasks" -e same_as "$shot"

    # Pane toggles: 1-5 hide and show code, tasks, log, output and notes;
    # what stays takes the room; 0 brings back the usual panes.
    wait_until "100x30: code, tasks, log and output" has '┌ gather\.py' && has '┌ tasks' && has '┌ log' && has '┌ output'
    if lacks '┌ notes'; then ok "100x30: no notes pane by default"; else bad "100x30: no notes pane by default"; fi
    keys 4
    wait_until "4: the output pane goes" lacks '┌ output'
    wait_until "4: and says so" has 'output pane hidden'
    keys 5
    wait_until "5: the notes pane comes, with the docstring" has '┌ notes' && has 'Promise\.all'
    keys 3
    wait_until "3: the log goes" lacks '┌ log'
    keys 1
    wait_until "1: the code goes" lacks '┌ gather\.py'
    keys 2
    wait_until "2: the tasks go" lacks '┌ tasks'
    keys 2 1 3 4
    wait_until "2 1 3 4: all back" has '┌ gather\.py' && has '┌ tasks' && has '┌ log' && has '┌ output'
    keys 0
    wait_until "0: the usual panes" lacks '┌ notes'
    keys Escape
    wait_until "Esc: the message goes" lacks 'the usual panes'
    # < and >: the code sideways (gather's lines all fit at 100 columns)
    keys '>'
    wait_until ">: every line fits, says so" has 'nothing to scroll sideways'
    keys Escape
    wait_until "Esc: the message goes" lacks 'nothing to scroll sideways'
    # g with something that is not a time says so
    keys g
    wait_until "g: the prompt" has 'goto time:'
    keys x
    wait_until "g x: not part of a time" has "'x' is not part of a time"
    keys Escape
    wait_until "Esc: the prompt goes" lacks 'goto time:'
    # the help lists the pane keys, from the same table
    keys '?'
    wait_until "?: the pane keys in the help" has '1 code +2 tasks +3 log +4 output +5 notes'
    keys '?'
    wait_until "? again: help gone" lacks '1 code +2 tasks'
    cap_e
    shot=$LAST

    # A click on the timeline seeks: the end of the bar, then its start.
    local row
    cap
    row=$(printf '%s\n' "$LAST" | grep -nE '[0-9.]+ / [0-9.]+s *$' | head -n 1 | cut -d: -f1)
    if [ -z "$row" ]; then
        bad "timeline found (a row ending in its 'T / END s' clock)"
    else
        local bar bar_end
        bar=$(printf '%s\n' "$LAST" | sed -n "${row}p" | sed -E 's/ *[0-9.]+ \/ [0-9.]+s *$//')
        bar_end=$(LC_ALL=C.UTF-8 bash -c 'echo ${#1}' _ "$bar")
        keys End
        wait_until "End" hdr_has "step $n/$n"
        click 1 $((row - 1))
        wait_until "click on the timeline's first column: t = 0" hdr_has 't = 0\.00s'
        click $((bar_end - 1)) $((row - 1))
        wait_until "click on the timeline's last column: the end" t_not 0
    fi

    # Goto time.
    keys g
    keys -l 1.5
    keys Enter
    wait_until "g 1.5 Enter: t = 1.50" hdr_has 't = 1\.50s'
    # i: the loop internals replace the task columns, and come back off.
    keys i
    wait_until "i: the loop internals view" has 'loop internals . iteration [0-9]+'
    if has 'READY QUEUE' && has 'TIMERS' && lacks 'RUNNING [0-9]'; then
        ok "i: ready queue and timers in the columns' place"
    else
        bad "i: ready queue and timers in the columns' place"
    fi
    local at
    at=$(hdr_step)
    keys Right
    wait_until "i: the view stays on the next step" step_above "$at"
    if has 'loop internals'; then ok "i: still shown after a step"; else bad "i: still shown after a step"; fi
    keys Left
    keys i
    wait_until "i again: the task columns are back" has 'RUNNING [0-9]'
    if lacks 'loop internals'; then ok "i again: internals gone"; else bad "i again: internals gone"; fi
    # R records into ./loopscope-gather-N.cast (the pane's folder is the
    # checkout: the file is removed after the checks).
    keys R
    wait_until "R: recording, the file named" has 'recording to \./loopscope-gather-[0-9]+\.cast'
    if hdr_has 'REC'; then ok "R: REC in the header"; else bad "R: REC in the header"; fi
    keys R
    wait_until "R again: saved, where it went" has 'saved \./loopscope-gather-[0-9]+\.cast'
    local castf
    castf=$(printf '%s\n' "$LAST" | grep -oE 'saved \./loopscope-gather-[0-9]+\.cast' | head -n 1)
    castf=${castf#saved ./}
    if [ -n "$castf" ] && [ -f "$castf" ] &&
        python3 -c 'import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert json.loads(lines[0])["version"] == 2
ev = [json.loads(l) for l in lines[1:]]
assert any(e[1] == "o" for e in ev) and any(e[1] == "m" for e in ev)' "$castf"; then
        ok "R: the recording is an asciicast with frames and markers"
    else
        bad "R: the recording is an asciicast with frames and markers ($castf)"
    fi
    [ -n "$castf" ] && rm -f "$castf"
    if ! hdr_has 'REC'; then ok "R again: REC gone"; else bad "R again: REC gone"; fi

    # Resizing relayouts: the header and the last row (the log frame) fit.
    T resize-window -t ui -x 70 -y 20
    wait_until "70x20: relayout" has_layout 70 20
    T resize-window -t ui -x 120 -y 40
    wait_until "120x40: relayout" has_layout 120 40
    T resize-window -t ui -x 160 -y 45
    wait_until "160x45: relayout, with the notes pane" has_layout 160 45 && has '┌ notes'
    if has '┌ gather\.py.*┌ tasks'; then ok "160x45: code beside the tasks"; else bad "160x45: code beside the tasks"; fi
    T resize-window -t ui -x 40 -y 10
    wait_until "40x10: too small" has 'too small'
    T resize-window -t ui -x 100 -y 30
    wait_until "100x30: back to the UI" has_layout 100 30
    if hdr_has 't = 1\.50s'; then ok "resizing kept the position"; else bad "resizing kept the position"; fi

    keys q
    check_restored "q" 0
}

# has_layout W H: the screen is W x H with the header on the first row and
# a drawn last row, and no row is longer than W characters.
has_layout() {
    local w=$1 h=$2 line last="" rows=0 LC_ALL=C.UTF-8
    # the header: the name may give way to the title and the Python version
    hdr_has '^ (loopscope .*|.*py3\.[0-9]+ .*)step [0-9]+/[0-9]+' || return 1
    while IFS= read -r line; do
        rows=$((rows + 1))
        last=$line
        [ "${#line}" -le "$w" ] || return 1
    done <<<"$LAST"
    [ "$rows" -eq "$h" ] && [ -n "${last// /}" ]
}

# ASCII fallback: a C locale gets no UTF-8 on screen.
ascii_session() {
    new_shell ascii 100 30 LC_ALL=C LANG=C || return
    run_ui "$SCENARIO"
    wait_until "C locale: starts" hdr_has 'step 1/[0-9]+' || return
    if ! nonascii && has '^\+[- ]'; then ok "C locale: ASCII only, ASCII frames"; else bad "C locale: ASCII only, ASCII frames"; fi
    keys Right
    wait_until "C locale: Right" hdr_has 'step 2/'
    keys q
    check_restored "C locale, q" 0
}

# NO_COLOR: attributes only, no colour anywhere.
nocolor_session() {
    new_shell nocolor 100 30 NO_COLOR=1 || return
    run_ui "$SCENARIO"
    wait_until "NO_COLOR: starts" hdr_has 'step 1/[0-9]+' || return
    keys End
    wait_until "NO_COLOR: End" hdr_has 'step ([0-9]+)/\1 ' || return
    cap_e
    if ! colored; then ok "NO_COLOR: no colours"; else bad "NO_COLOR: no colours"; fi
    keys q
    wait_until "NO_COLOR, q: exit status 0" has '^EXITED:0$'
}

# Every shipped scenario opens, goes to its last step, plays from the
# start for a moment and quits cleanly, at 80x24.
hdr_recorded() { hdr_has 'step 1/[0-9]+' && ! hdr_has 'recording'; }

scenarios_session() {
    new_shell all 80 24 || return
    local f n
    for f in scenarios/*.py scenarios/*.js; do
        keys -l -- "clear"
        keys Enter
        wait_until "$f: clear" lacks 'EXITED' || return
        run_ui "$f"
        wait_until "$f: starts" hdr_has 'step 1/[0-9]+' || continue
        # the run records on its own thread: count its steps once it is over
        wait_until "$f: recorded" hdr_recorded || continue
        n=$(header | sed -nE 's/.*step 1\/([0-9]+).*/\1/p')
        keys End
        wait_until "$f: End" hdr_has "step $n/$n"
        keys Space
        wait_until "$f: plays" step_above 1
        keys q
        wait_until "$f: q, exit status 0" has '^EXITED:0$'
    done
}

# signal_session NAME HOW STATUS: the viewer ends by a signal and the
# terminal is restored. HOW is "C-c" (typed) or a kill(1) signal name.
signal_session() {
    local name=$1 how=$2 status=$3
    new_shell "$name" 100 30 || return
    run_ui "$SCENARIO"
    wait_until "$name: starts" hdr_has 'step 1/[0-9]+' || return
    keys Right
    wait_until "$name: Right" hdr_has 'step 2/' || return
    if [ "$how" = C-c ]; then
        keys C-c
    else
        local pid
        pid=$(ui_pid)
        if [ -z "$pid" ]; then bad "$name: find the viewer's pid"; return; fi
        kill "-$how" "$pid"
    fi
    check_restored "$name" "$status"
}

# Ctrl-Z gives the terminal back while stopped; fg brings the viewer back
# where it was, with arrow keys still understood.
ctrlz_session() {
    new_shell ctrlz 100 30 || return
    run_ui "$SCENARIO"
    wait_until "ctrl-z: starts" hdr_has 'step 1/[0-9]+' || return
    keys Right
    wait_until "ctrl-z: Right" hdr_has 'step 2/' || return
    keys C-z
    wait_until "ctrl-z: job stopped" has 'Stopped' || return
    check_restored "ctrl-z" 148 || return
    keys -l -- 'fg; echo FG:$?'
    keys Enter
    wait_until "fg: the viewer is back at the same step" hdr_has 'step 2/' || return
    keys Right
    wait_until "fg: arrow keys still work" hdr_has 'step 3/'
    keys q
    wait_until "fg, q: exit status 0" has '^FG:0$'
}

# < and > scroll the code sideways when its lines are wider than the pane
# (producer_consumer's longest line at 100 columns).
sideways_session() {
    new_shell sideways 100 30 || return
    run_ui scenarios/producer_consumer.py
    wait_until "sideways: starts" hdr_has 'step 1/[0-9]+' || return
    keys '>'
    wait_until ">: the code from column 9" has 'producer_consumer\.py . col 9'
    keys '<'
    wait_until "<: back to the left edge" lacks 'col 9'
    keys q
    wait_until "sideways, q: exit status 0" has '^EXITED:0$'
}

# A presenter's stops (scenarios/lesson_tasks.py has six): playback
# pauses at each with its note in a banner, . and , jump between them, the
# header counts them; --pause-on adds event stops; a bad directive is a
# located warning and the viewer still opens.
stops_session() {
    new_shell stops 100 30 || return
    run_ui scenarios/lesson_tasks.py
    wait_until "stops: starts, 6 stops" hdr_has 'stop 0/6' || return
    keys Space
    wait_until "stops: playback pauses at stop 1" hdr_has 'paused.*stop 1/6' || return
    if has 'stop 1/6, line 20: created is not started' && has 'lesson_tasks\.py' && has 'RUNNING'; then
        ok "stops: the banner shows the note beside the code and columns"
    else
        bad "stops: the banner shows the note beside the code and columns"
    fi
    keys Space
    wait_until "stops: Space plays on to stop 2" hdr_has 'paused.*stop 2/6'
    wait_until "stops: stop 2's note" has "line 11: a task's first step starts here"
    keys '.'
    wait_until "stops: . goes to stop 3" has 'stop 3/6, line 12'
    keys ','
    keys ','
    wait_until "stops: , , back to stop 1" has 'stop 1/6, line 20'
    keys ','
    wait_until "stops: no stop before the first" has 'no stop before'
    keys End
    wait_until "stops: no banner off a stop" lacks '■ stop'
    keys q
    wait_until "stops, q: exit status 0" has '^EXITED:0$'
    keys -l -- "clear"
    keys Enter
    printf 'import asyncio\nasync def main():\n    print(1)  # loopscope: paws\nasyncio.run(main())\n' >"$TMPD/bad_stop.py"
    run_ui "$TMPD/bad_stop.py" --pause-on print
    wait_until "--pause-on print: a stop at the print" hdr_has 'stop 0/1' || return
    keys '.'
    wait_until "--pause-on print: the banner says the event" has 'stop 1/1, on print'
    keys q
    wait_until "bad directive: warned, located, viewer ran" has 'bad_stop\.py:3:28: warning: unknown loopscope'
}

# compare: two halves over one clock; ] moves both to the next moment of
# either run, End to the end of the longer, Space plays both, at 80x24.
compare_drawn() {
    has 'pair_sequential\.py' && has 'pair_gather\.py' && has '^ A .*step' && has '^ B .*ends 1\.0s'
}

compare_session() {
    new_shell compare 80 24 || return
    run_ui compare scenarios/pair_sequential.py scenarios/pair_gather.py
    wait_until "compare: both halves and both end times" hdr_has 'A: 2\.2s, B: 1\.0s' || return
    # the header can be drawn before the panes below it: wait for them all
    wait_until "compare: each half its code, one timeline with both runs" compare_drawn
    keys ']'
    wait_until "compare: ] to the next moment of either run (B's 0.50)" hdr_has 't = 0\.50s'
    keys ']'
    wait_until "compare: ] again (B's 0.75)" hdr_has 't = 0\.75s'
    keys '['
    wait_until "compare: [ back" hdr_has 't = 0\.50s'
    keys End
    wait_until "compare: End, the longer run's end" hdr_has 't = 2\.25s'
    keys Home
    wait_until "compare: Home" hdr_has 't = 0\.00s'
    keys Space
    wait_until "compare: Space plays both" hdr_has 'playing'
    wait_until "compare: the shared clock moves" t_at_least 30
    keys q
    wait_until "compare, q: exit status 0" has '^EXITED:0$'
}

# JavaScript: a .js file opens on Node's loop, with the callback cards and
# the internals (call stack, nextTick queue, microtasks, timers,
# immediates) under i; an endless setInterval opens at once and stops at
# the step limit; a Python/JavaScript pair side by side names each
# language, and Right steps both through the same moment.
js_session() {
    new_shell js 100 30 || return
    run_ui scenarios/loop_phases.js
    wait_until "js: opens at step 1" hdr_has 'step 1/[0-9]+' || return
    wait_until "js: the main script's card is RUNNING" has 'RUNNING 1 .*' || return
    keys Right Right Right Right Right Right Right
    wait_until "js: step 8, a nextTick callback's card is READY" has 'nextTick callback \(line 15\)'
    if has 'READY 2' && has 'then callback \(line 14\)'; then ok "js: the then callback's card is READY too"; else bad "js: the then callback's card is READY too"; fi
    keys i
    wait_until "js: i shows Node's loop" has 'event loop · turn 0' || return
    if has 'NEXTTICK QUEUE' && has 'MICROTASKS' && has 'TIMERS' && has 'IMMEDIATES' && has 'CALL STACK'; then
        ok "js internals: call stack, nextTick queue, microtasks, timers, immediates"
    else
        bad "js internals: call stack, nextTick queue, microtasks, timers, immediates"
    fi
    if has '1 then callback \(line 14\)' && has '1 callback \(line 15\)' && has '0\.001 .*setTimeout 1ms \(line 7\)'; then
        ok "js internals: each queue's entries, timers by expiry"
    else
        bad "js internals: each queue's entries, timers by expiry"
    fi
    keys Right
    wait_until "js internals: the nextTick callback runs first, on the call stack" has 'nextTick callback \(line 15\) · runs now' 
    keys Left
    wait_until "js internals: stepping back shows it queued again" has '1 callback \(line 15\)'
    keys i
    wait_until "js: i again, the task columns" has 'RUNNING 0' || return
    keys q
    wait_until "js: q, exit status 0" has '^EXITED:0$'

    local f="$TMPD/interval.js"
    printf '%s\n' '// forever' 'let n = 0;' 'setInterval(() => { n++; if (n % 100 === 0) console.log("tick", n); }, 1000);' > "$f"
    run_ui "$f --max-steps 30000"
    wait_until "js endless: the viewer opens, the run is limited" hdr_has 'step 1/[0-9]+' || return
    keys End
    wait_until "js endless: End reaches the limit, named" has 'step limit' || return
    keys q
    wait_until "js endless: q, exit status 0" has '^EXITED:0$'

    run_ui compare scenarios/pair_a_c_b.py scenarios/pair_a_c_b.js
    wait_until "pair: both halves, each names its language" has 'A Python .*B JavaScript' || return
    keys Right
    wait_until "pair: Right, both sides one step on at t = 0" has 'step 2/[0-9]+ .*step 2/[0-9]+'
    keys End
    wait_until "pair: End, both sides at their last step" has 'step ([0-9]+)/\1 .*step ([0-9]+)/\2' || return
    if has 'asyncio.run\(\) is finished' && has 'Node exits'; then ok "pair: each side's own ending"; else bad "pair: each side's own ending"; fi
    keys q
    wait_until "pair, q: exit status 0" has '^EXITED:0$'
}

# The scenario list: loopscope FOLDER lists the scenarios with their
# titles; Enter opens one (with its stops), Backspace comes back with it
# still chosen, N opens the next; q quits from the list.
picker_session() {
    new_shell picker 80 24 || return
    run_ui scenarios/
    wait_until "picker: the list with titles" has 'gather\.py +Two fetches at once with asyncio\.gather' || return
    local i n
    n=$(ls scenarios/*.py scenarios/*.js | LC_ALL=C sort | grep -n 'lesson_tasks\.py' | cut -d: -f1)
    for ((i = 1; i < n; i++)); do keys Down; done
    wait_until "picker: Down moves the choice" has "▸ lesson_tasks\.py"
    keys Enter
    wait_until "picker: Enter opens it (with its stops)" hdr_has 'stop 0/6' || return
    keys BSpace
    wait_until "picker: Backspace, back to the list, same choice" has "▸ lesson_tasks\.py"
    keys Enter
    wait_until "picker: open again" hdr_has 'stop 0/6' || return
    keys N
    wait_until "picker: N opens the next scenario" hdr_has "$(sed -n 1p "$(ls scenarios/*.py scenarios/*.js | LC_ALL=C sort | sed -n "$((n + 1))p")" | cut -c4-20)"
    keys BSpace
    wait_until "picker: back to the list" has '^ +scenario +what it shows'
    keys q
    wait_until "picker, q: exit status 0" has '^EXITED:0$'
}

# The projector theme: nothing dim on screen (the usual theme dims line
# numbers and borders), bold text; --theme light is refused for the viewer.
dimmed() { printf '%s\n' "$LAST" | grep -Eq $'\e\\[([0-9]+;)*2[;m]'; }
theme_session() {
    new_shell theme 100 30 || return
    run_ui "$SCENARIO"
    wait_until "theme: the usual theme starts" hdr_has 'step 1/[0-9]+' || return
    cap_e
    if dimmed; then ok "theme: the usual theme dims"; else bad "theme: the usual theme dims"; fi
    keys q
    wait_until "theme: q" has '^EXITED:0$' || return
    keys -l -- "clear"
    keys Enter
    run_ui "$SCENARIO" --theme projector
    wait_until "theme: projector starts" hdr_has 'step 1/[0-9]+' || return
    cap_e
    if ! dimmed && colored; then ok "theme: projector, nothing dim, still colours"; else bad "theme: projector, nothing dim, still colours"; fi
    keys q
    wait_until "theme, q: exit status 0" has '^EXITED:0$'
    keys -l -- "clear"
    keys Enter
    run_ui "$SCENARIO" --theme light
    wait_until "theme: --theme light refused for the viewer" has 'takes --theme projector only'
}

# Predict mode: playback stops before each stop of lesson_tasks.py and
# asks; the right answer (from the quiz's answer key) scores, a wrong one
# does not, and both reveal the step; P turns it on from the viewer too.
predict_session() {
    local key r1 r2 w2
    key=$("$LOOPSCOPE" quiz scenarios/lesson_tasks.py | sed -n 's/^Answers: //p')
    r1=$(printf '%s\n' "$key" | tr ' ' '\n' | sed -n 's/^1-//p')
    r2=$(printf '%s\n' "$key" | tr ' ' '\n' | sed -n 's/^2-//p')
    w2=$((r2 == 1 ? 2 : 1))
    new_shell predict 100 30 || return
    run_ui scenarios/lesson_tasks.py --predict
    wait_until "predict: score in the header" hdr_has 'score 0/0' || return
    keys Space
    wait_until "predict: asks before stop 1" has '\? 1/6  What prints next\?' || return
    if lacks 'stop 1/6, line 20'; then ok "predict: the stop is hidden while asking"; else bad "predict: the stop is hidden while asking"; fi
    keys 9
    wait_until "predict: a key that is no choice says so" has 'answer with 1-4'
    keys "$r1"
    wait_until "predict: right answer scores" hdr_has 'score 1/1'
    wait_until "predict: right, and the step revealed" has 'right! '
    wait_until "predict: revealed at stop 1" has 'stop 1/6, line 20'
    keys Space
    wait_until "predict: asks before stop 2" has '\? 2/6' || return
    keys "$w2"
    wait_until "predict: wrong answer does not score" hdr_has 'score 1/2'
    wait_until "predict: wrong, the right one shown" has 'not this time: it was '"$r2"'\)'
    keys q
    wait_until "predict, q: exit status 0" has '^EXITED:0$'
    keys -l -- "clear"
    keys Enter
    run_ui scenarios/gather.py
    wait_until "P: starts" hdr_has 'step 1/' || return
    keys P
    wait_until "P: predict mode on" hdr_has 'score 0/0'
    keys End
    wait_until "P: End stops at the first question (a print)" has '\? 1/[0-9]+  What prints next\?'
    keys q
    wait_until "P, q: exit status 0" has '^EXITED:0$'
}

# Without a terminal the viewer refuses, pointing to the text commands.
no_tty() {
    local out="$TMPD/out" errf="$TMPD/err" rc
    S=""
    "$LOOPSCOPE" "$SCENARIO" >"$out" 2>"$errf" </dev/null
    rc=$?
    LAST=$(cat "$errf")
    if [ "$rc" -eq 2 ] && grep -q 'terminal' "$errf"; then
        ok "stdout not a terminal: exit 2 with a message"
    else
        bad "stdout not a terminal: exit 2 with a message (got $rc: $LAST)"
    fi
}

# A run that never ends (docs/longrun.md): the viewer opens at once with a
# progress line while the run is recorded; End while recording lands on the
# last step recorded so far; when the recording stops at its limit the
# header says which limit; q while recording quits at once.
longrun_session() {
    local f="$TMPD/endless.py"
    cat > "$f" << 'PY'
"""Endless and busy: each second of the clock costs some work."""
import asyncio

async def main():
    n = 0
    while True:
        for i in range(2000):
            n += i
        await asyncio.sleep(1)

asyncio.run(main())
PY
    new_shell longrun 100 30 || return
    run_ui "$f --max-steps 100000 --max-ops 2000000000"
    wait_until "long run: the first frame shows the progress line" \
        hdr_has 'recording… [0-9,]+ steps, t = [0-9,]+\.[0-9]s' || return
    wait_until "long run: steps come while recording" hdr_has 'step 1/[0-9]{3,}  recording…' || return
    keys End
    wait_until "long run: End while recording lands on the last step recorded so far" \
        has 'the last step recorded so far \(still recording\)'
    if step_above 1 && lacks 'nothing was recorded'; then ok "long run: End shows a recorded step"; else bad "long run: End shows a recorded step"; fi
    local saved=$TIMEOUT
    TIMEOUT=$((TIMEOUT * 12))
    wait_until "long run: when the recording stops, the header names the limit" hdr_has 'stopped: step limit'
    TIMEOUT=$saved
    if hdr_has 'recording…'; then bad "long run: no progress line once recorded"; else ok "long run: no progress line once recorded"; fi
    # the progress timer is gone with the recording: paused, no wake-ups
    local pid before after
    pid=$(ui_pid)
    before=$(grep -h ctxt_switches "/proc/$pid/status" 2>/dev/null)
    sleep 1
    after=$(grep -h ctxt_switches "/proc/$pid/status" 2>/dev/null)
    if [ -n "$before" ] && [ "$before" = "$after" ]; then
        ok "long run: recorded and paused, no wake-ups in 1 s"
    else
        bad "long run: recorded and paused, no wake-ups in 1 s ($(echo $before) -> $(echo $after))"
    fi
    keys End
    wait_until "long run: End goes to the limit step" hdr_has 'step 100001/100001'
    wait_until "long run: the last step says the step limit stopped the run" has 'reached its step limit'
    keys q
    wait_until "long run: q, exit status 0" has '^EXITED:0$'

    # q while the run is still being recorded: the viewer quits at once
    run_ui "$f --max-ops 2000000000"
    wait_until "long run 2: opens recording" hdr_has 'recording…' || return
    keys q
    check_restored "long run 2: q while recording" 0
}

main_session
ascii_session
nocolor_session
scenarios_session
sideways_session
stops_session
compare_session
js_session
picker_session
theme_session
predict_session
ctrlz_session
signal_session sigint C-c 130
signal_session sigterm TERM 143
signal_session sighup HUP 129
signal_session sigsegv SEGV 139
no_tty
longrun_session

echo "tui: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
