#!/usr/bin/env bash
# embed.sh FILE SYMBOL: print a C file defining `const char SYMBOL[]` with
# FILE's bytes, so the built-in prelude ships inside the binary.
set -euo pipefail
file=$1 sym=$2
echo "/* generated from $file by scripts/embed.sh; do not edit */"
echo "const char $sym[] ="
sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/    "/' -e 's/$/\\n"/' "$file"
echo ";"
echo "extern const char $sym[];"
