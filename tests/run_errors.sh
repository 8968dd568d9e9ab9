#!/usr/bin/env bash
# run_errors.sh: the bad-input corpus. Each tests/errors/NAME.py must make
# `loopscope trace` exit with status 2 (or NAME.status) and print NAME.err as
# the first line of stderr: a located "file:line:col: error: ..." message.
set -u
cd "$(dirname "$0")/.."
bin=${LOOPSCOPE:-./loopscope}
pass=0 fail=0
for f in tests/errors/*.py; do
    n=${f%.py}
    want_status=2
    [[ -f $n.status ]] && want_status=$(cat "$n.status")
    got_err=$(timeout 20 "$bin" trace "$f" 2>&1 >/dev/null | head -n 1)
    timeout 20 "$bin" trace "$f" >/dev/null 2>&1
    status=$?
    if [[ $status == "$want_status" && $got_err == "$(cat "$n.err")" ]]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $f: status $status (want $want_status)"
        echo "  got:  $got_err"
        echo "  want: $(cat "$n.err")"
    fi
done
echo "errors: $pass passed, $fail failed"
((fail == 0))
