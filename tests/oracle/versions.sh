# versions.sh: the Python versions the trace tests check, and where each
# case keeps its expectations for each (sourced by tests/run_cases.sh and
# tests/oracle/regen.sh; the scheme is in tests/oracle/README.md).
#
#   PY_VERSIONS            the minor versions loopscope follows, oldest first
#   PY_PATCH[V]            the patch level followed (the stored traces' CPython)
#   PY_BASE                the version X.trace holds when the case applies to it
#   case_applies F V       does case F apply to version V ("# loopscope-case:")
#   case_base F            the version whose output X.trace holds for F
#   expect_base F          the expectations' path without extension
#   expect_trace F V       the expected trace file of F under V
#   expect_status F V      the expected exit status of F under V
#   python_for V           prints how to run CPython V here ("" when missing)

PY_VERSIONS=(3.11 3.12 3.13)
declare -A PY_PATCH=([3.11]=3.11.7 [3.12]=3.12.1 [3.13]=3.13.0)
PY_BASE=3.12

# expect_base FILE: scenarios/X.py -> tests/cases/scenarios/X, else dir/X
expect_base() {
    local f=$1 name
    name=$(basename "$f" .py)
    case "$f" in
        scenarios/*|./scenarios/*) echo "tests/cases/scenarios/$name" ;;
        *) echo "$(dirname "$f")/$name" ;;
    esac
}

# "3.12" -> 12
_minor() { echo "${1#3.}"; }

# case_applies FILE V: a line "# loopscope-case: python OP 3.X" (OP one of
# >= > <= < ==; several lines must all hold) limits the versions a case is
# checked under; without one it applies to every version.
case_applies() {
    local f=$1 v line op want m
    v=$(_minor "$2")
    while IFS= read -r line; do
        if [[ $line =~ ^#\ loopscope-case:\ python\ *(\>=|\>|\<=|\<|==)\ *3\.([0-9]+)\ *$ ]]; then
            op=${BASH_REMATCH[1]} want=${BASH_REMATCH[2]}
            case $op in
                '>=') m=$((v >= want)) ;; '>') m=$((v > want)) ;;
                '<=') m=$((v <= want)) ;; '<') m=$((v < want)) ;;
                '==') m=$((v == want)) ;;
            esac
            [ "$m" = 1 ] || return 1
        fi
    done < <(grep '^# loopscope-case:' "$f" 2>/dev/null)
    return 0
}

# case_base FILE: 3.12 when the case applies to it, else the oldest version it applies to
case_base() {
    local v
    if case_applies "$1" "$PY_BASE"; then echo "$PY_BASE"; return; fi
    for v in "${PY_VERSIONS[@]}"; do
        if case_applies "$1" "$v"; then echo "$v"; return; fi
    done
    echo "$PY_BASE"
}

# expect_trace FILE V: X@V.trace when V's output differs from the base's, else X.trace
expect_trace() {
    local b
    b=$(expect_base "$1")
    if [ -f "$b@$2.trace" ]; then echo "$b@$2.trace"; else echo "$b.trace"; fi
}

# expect_status FILE V: from X@V.status beside X@V.trace, else X.status (no file: 0)
expect_status() {
    local b s
    b=$(expect_base "$1")
    if [ -f "$b@$2.trace" ]; then s="$b@$2.status"; else s="$b.status"; fi
    if [ -f "$s" ]; then tr -d ' \n' < "$s"; else echo 0; fi
}

# python_for V: the path of CPython V's executable, found through python3,
# PYENV_VERSION=3.X.Y python3 or python3.X (the executable itself: pyenv's
# shim costs a shell per run); nothing when none runs V here
python_for() {
    local v=$1 cmd out
    for cmd in "python3" "env PYENV_VERSION=${PY_PATCH[$v]} python3" "python$v"; do
        out=$($cmd -c 'import sys; print("%d.%d %s" % (sys.version_info[:2] + (sys.executable,)))' 2>/dev/null)
        if [ "${out%% *}" = "$v" ] && [ -x "${out#* }" ]; then
            echo "${out#* }"
            return
        fi
    done
}
