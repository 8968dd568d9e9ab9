#!/usr/bin/env bash
# gen.sh DIR: write the hostile inputs that are not stored in git (binary,
# huge, deeply nested, odd files) into DIR, each NAME.py with its NAME.expect
# (the format is in tests/run_bad.sh). run_bad.sh calls it with a temp dir.
set -eu
d=$1
mkdir -p "$d"
# expect NAME EXIT STDERR [TRACE]: STDERR and TRACE may use @FILE@
expect() {
    {
        echo "exit $2"
        echo "stderr $3"
        if [[ $# -gt 3 ]]; then echo "trace $4"; fi
    } >"$d/$1.expect"
}
py() { python3 -c "$2" >"$d/$1.py"; }

nest="too deeply nested (loopscope's limit is 200 levels)"
# 10,000-deep nesting of every kind: a located error, no stack overflow
py deep_paren 'print("x = " + "(" * 10000 + "1" + ")" * 10000)'
expect deep_paren 2 "@FILE@:1:205: error: $nest"
py deep_list 'print("x = " + "[" * 10000 + "]" * 10000)'
expect deep_list 2 "@FILE@:1:205: error: $nest"
py deep_dict 'print("x = " + "{1:" * 10000 + "1" + "}" * 10000)'
expect deep_dict 2 "@FILE@:1:603: error: $nest"
py deep_neg 'print("x = " + "-(" * 10000 + "1" + ")" * 10000)'
expect deep_neg 2 "@FILE@:1:205: error: $nest"
py deep_minus 'print("x = " + "-" * 10000 + "1")'
expect deep_minus 2 "@FILE@:1:204: error: $nest"
py deep_not 'print("x = " + "not " * 10000 + "True")'
expect deep_not 2 "@FILE@:1:801: error: $nest"
py deep_lambda 'print("x = " + "lambda: " * 10000 + "1")'
expect deep_lambda 2 "@FILE@:1:1605: error: $nest"
py deep_attr 'print("x = a" + ".b" * 10000)'
expect deep_attr 2 "@FILE@:1:404: error: $nest"
py deep_call 'print("x = f" + "(" * 10000 + ")" * 10000)'
expect deep_call 2 "@FILE@:1:205: error: $nest"
py deep_subscript 'print("x = a" + "[0]" * 10000)'
expect deep_subscript 2 "@FILE@:1:601: error: $nest"
py deep_ternary 'print("x = " + "1 if True else " * 10000 + "1")'
expect deep_ternary 2 "@FILE@:1:3005: error: $nest"
py deep_pow 'print("x = " + "2**" * 10000 + "1")'
expect deep_pow 2 "@FILE@:1:603: error: $nest"
py deep_unpack 'print("(" * 10000 + "a" + ",)" * 10000 + " = 1")'
expect deep_unpack 2 "@FILE@:1:201: error: $nest"
py deep_sum 'print("x = " + "+".join(["1"] * 100000))'
expect deep_sum 2 "@FILE@:1:404: error: $nest"
# (3.12's grammar, PEP 701, the default; 3.11 says "f-string: expecting '}'")
py deep_fstring 'print("x = " + "f\"{" * 200 + "1" + "}\"" * 200)'
expect deep_fstring 2 "@FILE@:1:5: error: too many nested f-strings"
ind="too deeply nested (loopscope's limit is 100 indentation levels)"
py deep_if 'print("".join(" " * i + "if True:\n" for i in range(1000)) + " " * 1000 + "pass")'
expect deep_if 2 "@FILE@:102:102: error: $ind"
py deep_def 'print("".join(" " * i + "def f():\n" for i in range(1000)) + " " * 1000 + "pass")'
expect deep_def 2 "@FILE@:102:102: error: $ind"
py deep_class 'print("".join(" " * i + "class A:\n" for i in range(1000)) + " " * 1000 + "pass")'
expect deep_class 2 "@FILE@:102:102: error: $ind"
# long but flat: these work
py long_compare 'print("x = " + "1 < " * 10000 + "1\nprint(x)")'
expect long_compare 0 ""
py long_and 'print("x = " + " and ".join(["True"] * 50000) + "\nprint(x)")'
expect long_and 0 ""
py long_strings 'print("x = " + " ".join(["\"a\""] * 100000) + "\nprint(len(x))")'
expect long_strings 0 ""
py long_line 'print("x = 1" + " " * 900000 + "\nprint(x)")'
expect long_line 0 ""

# size: a file over --max-source is refused before it is parsed
big="the file is larger than loopscope's limit of 1048576 bytes for a scenario (raise it with --max-source BYTES)"
head -c 50000000 /dev/zero | tr '\0' '#' >"$d/huge_50mb.py"
expect huge_50mb 2 "@FILE@: error: $big"
py many_lines 'print("x = 1\n" * 1000000, end="")'
expect many_lines 2 "@FILE@: error: $big"

# encodings and odd bytes
: >"$d/empty.py"
expect empty 0 ""
printf '\xef\xbb\xbfprint("bom")\n' >"$d/bom.py"
expect bom 0 "" "0.000 print bom"
printf 'x = 1\r\nprint(x)\r\n' >"$d/crlf.py"
expect crlf 0 "" "0.000 print 1"
printf 'x = 1\rprint(x)\r' >"$d/lone_cr.py"
expect lone_cr 0 "" "0.000 print 1"
printf 'x = 1\n\0\n' >"$d/nul.py"
expect nul 2 "@FILE@:2:1: error: source code cannot contain null bytes"
printf 'x = "a\0b"\n' >"$d/nul_in_string.py"
expect nul_in_string 2 "@FILE@:1:7: error: source code cannot contain null bytes"
printf 'x = "\xff\xfe"\n' >"$d/invalid_utf8.py"
expect invalid_utf8 2 "@FILE@:1:6: error: invalid UTF-8 in source"
printf '# \xc0\xaf overlong\n' >"$d/overlong_utf8.py"
expect overlong_utf8 2 "@FILE@:1:3: error: invalid UTF-8 in source"
printf '\xff\xfep\0r\0i\0n\0t\0' >"$d/utf16.py"
expect utf16 2 "@FILE@:1:1: error: invalid UTF-8 in source"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0' >"$d/garbage_png.py"
expect garbage_png 2 "@FILE@:1:1: error: invalid UTF-8 in source"
head -c 4096 /dev/urandom >"$d/garbage_random.py"
# random bytes: any located load error will do, checked loosely below
printf '\x7fELF\x02\x01\x01' >"$d/garbage_elf.py"
expect garbage_elf 2 "@FILE@:1:1: error: invalid non-printable character U+007F"
rm -f "$d/garbage_random.py"

# not a readable file
mkdir -p "$d/a_directory.py"
expect a_directory 2 "@FILE@: error: cannot read: it is a directory"
expect missing 2 "@FILE@: error: cannot open: No such file or directory"
# unreadable: root reads anything, so only as a normal user
if [[ $(id -u) != 0 ]]; then
    echo 'print(1)' >"$d/unreadable.py"
    chmod 000 "$d/unreadable.py"
    expect unreadable 2 "@FILE@: error: cannot open: Permission denied"
fi
