#!/usr/bin/env bash
# run_frames.sh: golden frames. Each line of tests/frames/MANIFEST names a
# golden file and the `loopscope frame` arguments that draw it (or a whole
# `compare A B --frame ...` command); the output
# must match the file byte for byte. The goldens were reviewed by eye once;
# after an intended change to the screen, regenerate them with
#     bash tests/run_frames.sh --update
# and read the diff before committing it.
set -u
cd "$(dirname "$0")/.."
bin=${LOOPSCOPE:-./loopscope}
update=0
[ "${1:-}" = "--update" ] && update=1
pass=0 fail=0
tmp=$(mktemp "${TMPDIR:-/tmp}/loopscope-frame.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
while read -r name args; do
    case "$name" in ''|'#'*) continue ;; esac
    # a line whose arguments start with "compare" is a whole command
    # (loopscope compare A B --frame ...), the others frame's arguments
    cmd=frame
    case "$args" in compare\ *) cmd= ;; esac
    # shellcheck disable=SC2086  # the arguments are words by design
    if ! LC_ALL=C.UTF-8 NO_COLOR= timeout 20 "$bin" $cmd $args > "$tmp" 2>&1; then
        echo "FAIL $name: loopscope frame $args exited with $?"
        cat "$tmp"
        fail=$((fail + 1))
        continue
    fi
    if [ $update = 1 ]; then
        cp "$tmp" "tests/frames/$name"
        pass=$((pass + 1))
    elif cmp -s "$tmp" "tests/frames/$name"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name: loopscope frame $args differs from tests/frames/$name:"
        diff "tests/frames/$name" "$tmp" | head -40
        fail=$((fail + 1))
    fi
done < tests/frames/MANIFEST
echo "frames: $pass passed, $fail failed$([ $update = 1 ] && echo ' (updated)')"
[ $fail = 0 ]
