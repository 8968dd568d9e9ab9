# check_lib.sh: pass/fail counting for the shell suites (run_exports.sh,
# run_share.sh). Source it after cd to the repository root; print the
# summary from $pass and $fail at the end.
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL $*"
}
check() { # check DESC COMMAND...: passes when the command succeeds
    local desc=$1
    shift
    if "$@"; then ok; else bad "$desc"; fi
}
