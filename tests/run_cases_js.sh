#!/usr/bin/env bash
# run_cases_js.sh: the JavaScript trace tests. For each tests/cases-js/NAME.js
# (and each scenarios/NAME.js, whose expectations live in
# tests/cases-js/scenarios/NAME.trace), `loopscope trace` must print exactly
# the stored NAME.trace, and exit 0 when it ends with `end`, 1 otherwise.
# When Node 20 is on the PATH, the reference harness (tests/oracle/jstrace.js)
# must still print that same trace: that proves the stored expectations
# against real Node.
#
#   bash tests/run_cases_js.sh               # every case and JS scenario
#   bash tests/run_cases_js.sh FILE...       # only these
#   bash tests/run_cases_js.sh --regen [FILE...]   # rewrite expectations from node
#   NO_ORACLE=1 bash tests/run_cases_js.sh   # skip the node check
set -u
cd "$(dirname "$0")/.." || exit 2

LOOPSCOPE=${LOOPSCOPE:-./loopscope}
TIMEOUT=${TIMEOUT:-30}
ORACLE=tests/oracle/jstrace.js
regen=0
if [[ ${1:-} == --regen ]]; then
    regen=1
    shift
fi
if [[ $# -gt 0 ]]; then
    files=("$@")
else
    files=(tests/cases-js/*.js)
    for f in scenarios/*.js; do [[ -e $f ]] && files+=("$f"); done
fi

expect_of() {
    local f=$1 name
    name=$(basename "$f" .js)
    case "$f" in
        scenarios/*|./scenarios/*) echo "tests/cases-js/scenarios/$name.trace" ;;
        *) echo "$(dirname "$f")/$name.trace" ;;
    esac
}

have_node=0
if [[ -z ${NO_ORACLE:-} ]] && command -v node > /dev/null 2>&1 && [[ $(node --version) == v20.* ]]; then
    have_node=1
fi
if ((regen && !have_node)); then
    echo "run_cases_js: --regen needs node 20" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-jscases.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 oracle_checked=0
for f in "${files[@]}"; do
    want=$(expect_of "$f")
    if ((regen)); then
        mkdir -p "$(dirname "$want")"
        timeout "$TIMEOUT" node "$ORACLE" "$f" > "$want" 2> /dev/null
        echo "regen $want"
        continue
    fi
    if [[ ! -f $want ]]; then
        echo "FAIL $f: no expected trace $want (make it with --regen)"
        fail=$((fail + 1))
        continue
    fi
    timeout "$TIMEOUT" "$LOOPSCOPE" trace "$f" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    want_rc=1
    [[ $(tail -n 1 "$want") == *" end" ]] && want_rc=0
    ok=1
    if ! cmp -s "$tmp/out" "$want"; then
        echo "FAIL $f: trace differs"
        diff "$want" "$tmp/out" | head -n 12 | sed 's/^/    /'
        ok=0
    elif [[ $rc != "$want_rc" ]]; then
        echo "FAIL $f: exit $rc (want $want_rc)"
        head -n 3 "$tmp/err" | sed 's/^/    /'
        ok=0
    fi
    if ((ok && have_node)); then
        timeout "$TIMEOUT" node "$ORACLE" "$f" > "$tmp/node" 2> /dev/null
        oracle_checked=$((oracle_checked + 1))
        if ! cmp -s "$tmp/node" "$want"; then
            echo "FAIL $f: node's trace no longer matches the stored one"
            diff "$want" "$tmp/node" | head -n 8 | sed 's/^/    /'
            ok=0
        fi
    fi
    if ((ok)); then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
((regen)) && exit 0
echo "js cases: $pass passed, $fail failed (node checked $oracle_checked)"
((fail == 0))
