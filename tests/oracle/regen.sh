#!/usr/bin/env bash
# regen.sh: write the expected traces (and exit statuses) of test cases and
# scenarios by running them under the CPython oracle, once per Python
# version loopscope follows (3.11, 3.12, 3.13; tests/oracle/versions.sh).
# Read the diff before committing: the stored traces are the contract
# loopscope is held to.
#
#   bash tests/oracle/regen.sh              # every scenario and case
#   bash tests/oracle/regen.sh FILE...      # only these
#   JOBS=2 bash tests/oracle/regen.sh       # files in parallel (default 2)
#
# X.py -> X.trace (+ X.status when the exit status is not 0) from 3.12, the
# default version (or the oldest version the case applies to when 3.12 is
# not one of them: `# loopscope-case: python >= 3.13`), and X@3.11.trace /
# X@3.13.trace (+ .status) only for a version whose trace or status differs
# from that; scenarios/X.py -> tests/cases/scenarios/X... Each version runs
# each file three times and regen.sh fails if the runs differ. A version
# whose CPython is not installed keeps its stored files, and regen.sh says so.

set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/oracle/versions.sh

# one FILE: regenerate one file's expectations; prints what it wrote
one() {
    local f=$1 b base v py rc out again st tmp nondet=0
    b=$(expect_base "$f")
    case "$f" in scenarios/*|./scenarios/*) mkdir -p tests/cases/scenarios ;; esac
    base=$(case_base "$f")
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/loopscope-regen.XXXXXX") || return 2
    declare -A have=()
    for v in "${PY_VERSIONS[@]}"; do
        case_applies "$f" "$v" || continue
        py=$(python_for "$v")
        [ -n "$py" ] || continue
        "$py" tests/oracle/pytrace.py "$f" > "$tmp/$v.trace" 2> /dev/null
        rc=$?
        echo "$rc" > "$tmp/$v.rc"
        # Determinism: two more runs must print the same bytes and status
        # (a difference means an order that depends on addresses or hashing).
        for again in 2 3; do
            "$py" tests/oracle/pytrace.py "$f" 2> /dev/null | cmp -s - "$tmp/$v.trace"
            st=("${PIPESTATUS[@]}")
            if [ "${st[0]}" != "$rc" ] || [ "${st[1]}" != 0 ]; then
                echo "regen.sh: $f: python $v: run $again differs from run 1 (nondeterministic)" >&2
                nondet=1
            fi
        done
        have[$v]=1
    done
    if [ -z "${have[$base]:-}" ]; then
        echo "regen.sh: $f: CPython $base is not installed here: nothing written" >&2
        rm -rf "$tmp"
        return 2
    fi
    out="$b.trace (python $base"
    cp "$tmp/$base.trace" "$b.trace"
    if [ "$(cat "$tmp/$base.rc")" != 0 ]; then cp "$tmp/$base.rc" "$b.status"; else rm -f "$b.status"; fi
    for v in "${PY_VERSIONS[@]}"; do
        [ "$v" = "$base" ] && continue
        if ! case_applies "$f" "$v"; then
            rm -f "$b@$v.trace" "$b@$v.status"
            continue
        fi
        if [ -z "${have[$v]:-}" ]; then
            echo "regen.sh: $f: CPython $v is not installed here: its stored expectations are kept" >&2
            continue
        fi
        if cmp -s "$tmp/$v.trace" "$tmp/$base.trace" && cmp -s "$tmp/$v.rc" "$tmp/$base.rc"; then
            rm -f "$b@$v.trace" "$b@$v.status"
            out="$out, $v"
        else
            cp "$tmp/$v.trace" "$b@$v.trace"
            if [ "$(cat "$tmp/$v.rc")" != 0 ]; then cp "$tmp/$v.rc" "$b@$v.status"; else rm -f "$b@$v.status"; fi
            out="$out; $b@$v.trace"
        fi
    done
    echo "$out)"
    rm -rf "$tmp"
    return $nondet
}

if [ "${1:-}" = "--one" ]; then
    one "$2"
    exit $?
fi
for v in "${PY_VERSIONS[@]}"; do
    py=$(python_for "$v")
    if [ -z "$py" ]; then
        echo "regen.sh: CPython $v not found (tried python3, PYENV_VERSION=${PY_PATCH[$v]} python3, python$v): its stored expectations are kept" >&2
    else
        p=$("$py" -c 'import platform; print(platform.python_version())')
        [ "$p" = "${PY_PATCH[$v]}" ] || echo "regen.sh: warning: CPython $v here is $p; the stored traces follow ${PY_PATCH[$v]}" >&2
    fi
done
if [ $# -gt 0 ]; then files=("$@"); else files=(scenarios/*.py tests/cases/*.py); fi
printf '%s\0' "${files[@]}" | xargs -0 -P "${JOBS:-2}" -n 1 bash "$0" --one
