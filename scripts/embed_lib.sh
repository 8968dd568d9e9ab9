#!/usr/bin/env bash
# embed_lib.sh FILE...: print a C file holding the standard-library modules
# written in the scenario language (src/py/lib/NAME.py, where NAME may be
# dotted: collections.abc.py). For each: its name, its source, and what it
# exports (the names a scenario may import or use as module.NAME): every
# public top-level def, class and assignment, plus the names listed on
# `# export: a b c` lines (re-exported names).
set -euo pipefail
n=0
echo "/* generated from src/py/lib by scripts/embed_lib.sh; do not edit */"
echo "#include <stddef.h>"
for f in "$@"; do
    name=$(basename "$f" .py)
    echo "static const char src_$n[] ="
    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$f"
    echo ";"
    echo "static const char *const exp_$n[] = {"
    {
        sed -n -E 's/^(async def|def|class) ([A-Za-z][A-Za-z0-9_]*).*/\2/p' "$f"
        sed -n -E 's/^([A-Za-z][A-Za-z0-9_]*) *(: *[^=]+)?=[^=].*/\1/p' "$f"
        sed -n -E 's/^# export: *//p' "$f" | tr ' ' '\n'
    } | grep -v '^$' | sort -u | sed -e 's/.*/    "&",/'
    echo "    NULL,"
    echo "};"
    n=$((n + 1))
done
echo "const char *const lib_names[] = {"
for f in "$@"; do echo "    \"$(basename "$f" .py)\","; done
echo "    NULL,"
echo "};"
echo "const char *const lib_sources[] = {"
for ((i = 0; i < n; i++)); do echo "    src_$i,"; done
echo "    NULL,"
echo "};"
echo "const char *const *const lib_exports[] = {"
for ((i = 0; i < n; i++)); do echo "    exp_$i,"; done
echo "    NULL,"
echo "};"
