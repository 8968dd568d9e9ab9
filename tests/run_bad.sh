#!/usr/bin/env bash
# run_bad.sh: the hostile-input corpus. Each tests/bad/NAME.py (and each file
# tests/bad/gen.sh writes into a temp dir: binary, huge and odd files that are
# not stored) has a NAME.expect next to it:
#
#   exit 2                                  required: loopscope's exit status
#   stderr @FILE@:1:5: error: ...           required: the first line of stderr
#   trace 0.000 error NameError             optional: the last line of stdout
#   args --max-ops 100000                   optional: extra options
#   maxrss 640                              optional: peak memory in MB (default 640)
#
# @FILE@ stands for the scenario's path. Every file runs as
# `loopscope trace FILE` under a timeout (a hang fails) and /usr/bin/time
# (more memory than maxrss fails). The memory cap itself is exact (base.h
# counts every byte loopscope allocates and stops a run at --max-memory,
# default 400 MB, ending the process if one C operation passes it by its
# reserve of 58 MB); maxrss is only a safety net over it, with room for
# malloc's own overhead and page granularity, so it holds on any machine. BAD_FILTER=regex runs only matching names.
# BAD_TIMEOUT=seconds (default 30) and BAD_NO_RSS=1 (skip the memory ceilings)
# are for sanitizer builds, which run slower on a larger resident size.
set -u
cd "$(dirname "$0")/.."
bin=${LOOPSCOPE:-./loopscope}
pass=0 fail=0 worst=0 worst_name=""
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
bash tests/bad/gen.sh "$tmp/gen" || { echo "bad: gen.sh failed"; exit 1; }
have_time=0
[[ -x /usr/bin/time ]] && have_time=1

check() { # FILE EXPECT
    local f=$1 e=$2 want_exit="" want_err="" want_trace="" args="" maxrss=640 key val
    while IFS= read -r line || [[ -n $line ]]; do
        key=${line%% *}
        val=${line#* }
        [[ $line == "$key" ]] && val=""
        val=${val//@FILE@/$f}
        case $key in
            exit) want_exit=$val ;;
            stderr) want_err=$val ;;
            trace) want_trace=$val ;;
            args) args=$val ;;
            maxrss) maxrss=$val ;;
        esac
    done <"$e"
    local out=$tmp/out err=$tmp/err tm=$tmp/time status rss=0
    # shellcheck disable=SC2086
    if ((have_time)); then
        /usr/bin/time -f %M -o "$tm" timeout "${BAD_TIMEOUT:-30}" "$bin" trace "$f" $args >"$out" 2>"$err"
        status=$?
        rss=$(($(tail -n 1 "$tm" 2>/dev/null || echo 0) / 1024))
        ((rss > worst)) && worst=$rss worst_name=${f#"$tmp/"}
    else
        timeout "${BAD_TIMEOUT:-30}" "$bin" trace "$f" $args >"$out" 2>"$err"
        status=$?
    fi
    local got_err got_trace why=""
    got_err=$(head -n 1 "$err")
    got_trace=$(tail -n 1 "$out")
    [[ $status == 124 ]] && why+=" timed out;"
    [[ $status == "$want_exit" ]] || why+=" exit $status (want $want_exit);"
    [[ $got_err == "$want_err" ]] || why+=" stderr differs;"
    [[ -z $want_trace || $got_trace == "$want_trace" ]] || why+=" trace differs;"
    [[ -n ${BAD_NO_RSS:-} ]] || ((rss <= maxrss)) || why+=" peak memory ${rss} MB (want <= $maxrss);"
    if [[ -z $why ]]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL ${f#"$tmp/"}:$why"
        echo "  got:  $got_err"
        echo "  want: $want_err"
        [[ -n $want_trace ]] && echo "  trace got:  $got_trace" && echo "  trace want: $want_trace"
    fi
}

# NAME.expect drives the run; NAME.py need not exist (the missing-file case);
# a NAME.js beside it makes it a JavaScript case
for e in tests/bad/*.expect "$tmp"/gen/*.expect; do
    [[ -e $e ]] || continue
    n=$(basename "${e%.expect}")
    [[ -n ${BAD_FILTER:-} && ! $n =~ $BAD_FILTER ]] && continue
    f="${e%.expect}.py"
    [[ -e ${e%.expect}.js ]] && f="${e%.expect}.js"
    check "$f" "$e"
done
# On a terminal, what the scenario prints or raises cannot drive it: control
# characters come out as \xNN (pipes and files keep the bytes, see above).
if [[ -z ${BAD_FILTER:-} ]] && command -v script > /dev/null; then
    printf 'print("\\x1b[2J\\x1b]0;pwned\\x07 hi")\nraise ValueError("\\x1b[31mred")\n' > "$tmp/esc.py"
    out=$(script -qc "$bin trace $tmp/esc.py" /dev/null | tr -d '\r')
    if [[ $out == *'print \x1b[2J\x1b]0;pwned\x07 hi'* && $out == *'ValueError: \x1b[31mred'* && $out != *$'\e'* ]]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL terminal output is not escaped:"
        printf '%s\n' "$out" | cat -v | head -n 12
    fi
fi
((have_time)) && echo "bad: worst peak memory $worst MB ($worst_name)"
# The same for every other way scenario text reaches a terminal: the step
# listing, the loop's default exception handler, an executor callback's
# error, and the source line of a syntax error (a C1 CSI, bidi overrides).
if [[ -z ${BAD_FILTER:-} ]] && command -v script > /dev/null; then
    tty_case() { # NAME COMMAND WANT...: the terminal shows each WANT and no raw ESC, C1 or bidi
        local name=$1 cmd=$2 out w ok=1
        shift 2
        out=$(script -qc "$cmd" /dev/null | tr -d '\r')
        for w in "$@"; do [[ $out == *"$w"* ]] || ok=0; done
        [[ $out == *$'\e'* || $out == *$'\xc2\x9b'* || $out == *$'\u202e'* || $out == *$'\u2066'* ]] && ok=0
        if ((ok)); then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL terminal output is not escaped ($name):"
            printf '%s\n' "$out" | cat -v | head -n 12
        fi
    }
    tty_case steps "$bin steps tests/bad/tty_print.py" 'print: \x1b[2J\u202eevil\u2066 \x9b31m'
    tty_case steps-json "$bin steps --json tests/bad/tty_print.py" '\u202eevil\u2066'
    tty_case handler "$bin trace tests/bad/tty_handler.py" 'msg \x1b]0;pwn\x07 \u2066x' \
        'Unhandled error in exception event handler' 'ValueError: \x1b[31mred\u202e'
    tty_case executor "$bin trace tests/bad/tty_executor.py" 'RuntimeError: \x1b[2J cleared \u202e'
    tty_case syntax "$bin trace tests/bad/tty_syntax.py" 'error: invalid syntax' 'y = "?31m?x" +'
fi
echo "bad: $pass passed, $fail failed"
((fail == 0))
