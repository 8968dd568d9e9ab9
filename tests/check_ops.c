/* check_ops.c: unit tests for src/lang/ops.c and src/lang/iter.c.
 * Owns: the ops suite. Each table row holds operands as Python literals
 * (built with tests/literal.h) and the result that CPython 3.11.7 printed
 * for the same expression, as repr() or "Error: message"; where CPython
 * would build an int beyond 64 bits or a complex number, the row holds
 * loopscope's documented error instead. Iterators, item assignment,
 * attributes and the size limit are tested by hand. */
#include "suites.h"

#include "literal.h"

#include "../src/py/objects/iter.h"
#include "../src/py/objects/ops.h"
#include "../src/py/vm/vm.h"

#include <stdio.h>

typedef struct BinCase {
    const char *a;
    Op op;
    const char *b, *want;
} BinCase;

typedef struct UnCase {
    Op op;
    const char *a, *want;
} UnCase;

typedef struct SubCase {
    const char *obj, *index, *want;
} SubCase;

typedef struct LenCase {
    const char *obj, *want;
} LenCase;

typedef struct FmtCase {
    const char *value, *spec, *want;
} FmtCase;

static const BinCase bin_cases[] = {
    {"7", OP_FLOORDIV, "2", "3"},
    {"-7", OP_FLOORDIV, "2", "-4"},
    {"7", OP_FLOORDIV, "-2", "-4"},
    {"-7", OP_FLOORDIV, "-2", "3"},
    {"7", OP_MOD, "3", "1"},
    {"-7", OP_MOD, "3", "2"},
    {"7", OP_MOD, "-3", "-2"},
    {"-7", OP_MOD, "-3", "-1"},
    {"1", OP_FLOORDIV, "0", "ZeroDivisionError: integer division or modulo by zero"},
    {"1", OP_MOD, "0", "ZeroDivisionError: integer modulo by zero"},
    {"1", OP_DIV, "0", "ZeroDivisionError: division by zero"},
    {"1.0", OP_DIV, "0", "ZeroDivisionError: float division by zero"},
    {"1", OP_DIV, "0.0", "ZeroDivisionError: float division by zero"},
    {"1.0", OP_FLOORDIV, "0", "ZeroDivisionError: float floor division by zero"},
    {"1.0", OP_MOD, "0", "ZeroDivisionError: float modulo"},
    {"7", OP_DIV, "2", "3.5"},
    {"-7", OP_DIV, "2", "-3.5"},
    {"9007199254740993", OP_DIV, "1", "9007199254740992.0"},
    {"9007199254740993", OP_DIV, "3", "3002399751580331.0"},
    {"123456789012345678", OP_DIV, "7", "1.7636684144620812e+16"},
    {"9223372036854775807", OP_DIV, "3", "3.0744573456182584e+18"},
    {"-9223372036854775807", OP_DIV, "9223372036854775807", "-1.0"},
    {"1", OP_DIV, "3", "0.3333333333333333"},
    {"7.5", OP_FLOORDIV, "2", "3.0"},
    {"-7.5", OP_FLOORDIV, "2", "-4.0"},
    {"7.5", OP_MOD, "2", "1.5"},
    {"-7.5", OP_MOD, "2", "0.5"},
    {"7.5", OP_MOD, "-2", "-0.5"},
    {"-0.0", OP_MOD, "5", "0.0"},
    {"0.0", OP_MOD, "-5", "-0.0"},
    {"5", OP_MOD, "-0.5", "-0.0"},
    {"-7.0", OP_FLOORDIV, "0.1", "-70.0"},
    {"1e300", OP_MUL, "1e10", "inf"},
    {"-1e300", OP_MUL, "1e10", "-inf"},
    {"2", OP_POW, "10", "1024"},
    {"2", OP_POW, "62", "4611686018427387904"},
    {"2", OP_POW, "63", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"-2", OP_POW, "63", "-9223372036854775808"},
    {"3", OP_POW, "40", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"-2", OP_POW, "3", "-8"},
    {"2", OP_POW, "-1", "0.5"},
    {"0", OP_POW, "0", "1"},
    {"0", OP_POW, "-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"0.0", OP_POW, "-1", "ZeroDivisionError: 0.0 cannot be raised to a negative power"},
    {"2.0", OP_POW, "0.5", "1.4142135623730951"},
    {"-8", OP_POW, "0.5", "ValueError: complex results are not supported by loopscope"},
    {"-8.0", OP_POW, "-1", "-0.125"},
    {"2.0", OP_POW, "10000", "OverflowError: (34, 'Numerical result out of range')"},
    {"2.0", OP_POW, "-10000", "0.0"},
    {"inf", OP_POW, "2", "inf"},
    {"-inf", OP_POW, "3", "-inf"},
    {"-inf", OP_POW, "-3", "-0.0"},
    {"nan", OP_POW, "0", "1.0"},
    {"1", OP_POW, "nan", "1.0"},
    {"0.0", OP_POW, "3", "0.0"},
    {"-0.0", OP_POW, "3", "-0.0"},
    {"-1", OP_POW, "inf", "1.0"},
    {"0.5", OP_POW, "-inf", "inf"},
    {"9223372036854775807", OP_ADD, "1", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"-9223372036854775807", OP_SUB, "2", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"4611686018427387904", OP_MUL, "2", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"3037000499", OP_MUL, "3037000499", "9223372030926249001"},
    {"3037000500", OP_MUL, "3037000500", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"1", OP_LSHIFT, "62", "4611686018427387904"},
    {"1", OP_LSHIFT, "63", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"-1", OP_LSHIFT, "63", "-9223372036854775808"},
    {"1", OP_LSHIFT, "64", "OverflowError: integer overflow: loopscope integers are 64-bit"},
    {"0", OP_LSHIFT, "100", "0"},
    {"1", OP_LSHIFT, "-1", "ValueError: negative shift count"},
    {"-16", OP_RSHIFT, "2", "-4"},
    {"5", OP_RSHIFT, "100", "0"},
    {"-5", OP_RSHIFT, "100", "-1"},
    {"1", OP_RSHIFT, "-1", "ValueError: negative shift count"},
    {"True", OP_ADD, "True", "2"},
    {"True", OP_MUL, "3", "3"},
    {"True", OP_DIV, "2", "0.5"},
    {"True", OP_BITAND, "False", "False"},
    {"True", OP_BITOR, "False", "True"},
    {"True", OP_BITXOR, "True", "False"},
    {"True", OP_BITAND, "3", "1"},
    {"5", OP_BITAND, "3", "1"},
    {"5", OP_BITOR, "3", "7"},
    {"5", OP_BITXOR, "3", "6"},
    {"1.5", OP_BITAND, "1", "TypeError: unsupported operand type(s) for &: 'float' and 'int'"},
    {"'ab'", OP_ADD, "'cd'", "'abcd'"},
    {"'ab'", OP_MUL, "3", "'ababab'"},
    {"3", OP_MUL, "'ab'", "'ababab'"},
    {"'ab'", OP_MUL, "0", "''"},
    {"'ab'", OP_MUL, "-2", "''"},
    {"'ab'", OP_MUL, "True", "'ab'"},
    {"[1, 2]", OP_ADD, "[3]", "[1, 2, 3]"},
    {"[0]", OP_MUL, "3", "[0, 0, 0]"},
    {"(1,)", OP_MUL, "2", "(1, 1)"},
    {"(1, 2)", OP_ADD, "(3,)", "(1, 2, 3)"},
    {"()", OP_ADD, "()", "()"},
    {"'a'", OP_ADD, "1", "TypeError: can only concatenate str (not \"int\") to str"},
    {"1", OP_ADD, "'a'", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
    {"[1]", OP_ADD, "(1,)", "TypeError: can only concatenate list (not \"tuple\") to list"},
    {"(1,)", OP_ADD, "[1]", "TypeError: can only concatenate tuple (not \"list\") to tuple"},
    {"'a'", OP_MUL, "1.5", "TypeError: can't multiply sequence by non-int of type 'float'"},
    {"1.5", OP_MUL, "'a'", "TypeError: can't multiply sequence by non-int of type 'float'"},
    {"[1]", OP_MUL, "[1]", "TypeError: can't multiply sequence by non-int of type 'list'"},
    {"None", OP_MUL, "'a'", "TypeError: can't multiply sequence by non-int of type 'NoneType'"},
    {"'a'", OP_SUB, "'b'", "TypeError: unsupported operand type(s) for -: 'str' and 'str'"},
    {"1", OP_POW, "'a'", "TypeError: unsupported operand type(s) for ** or pow(): 'int' and 'str'"},
    {"None", OP_ADD, "None", "TypeError: unsupported operand type(s) for +: 'NoneType' and 'NoneType'"},
    {"{'a': 1}", OP_BITOR, "{'b': 2}", "{'a': 1, 'b': 2}"},
    {"{'a': 1}", OP_BITOR, "{'a': 2}", "{'a': 2}"},
    {"{'a': 1}", OP_BITOR, "[1]", "TypeError: unsupported operand type(s) for |: 'dict' and 'list'"},
    {"'%s is %d'", OP_MOD, "('bob', 42)", "'bob is 42'"},
    {"'%.2f%%'", OP_MOD, "12.345", "'12.35%'"},
    {"'%5s|%-5s|'", OP_MOD, "('a', 'b')", "'    a|b    |'"},
    {"'%03d'", OP_MOD, "7", "'007'"},
    {"'%x|%X|%o|%#x'", OP_MOD, "(255, 255, 8, 255)", "'ff|FF|10|0xff'"},
    {"'%s'", OP_MOD, "[1, 2]", "'[1, 2]'"},
    {"'%s'", OP_MOD, "()", "TypeError: not enough arguments for format string"},
    {"'%s %s'", OP_MOD, "(1,)", "TypeError: not enough arguments for format string"},
    {"'%s'", OP_MOD, "(1, 2)", "TypeError: not all arguments converted during string formatting"},
    {"'%d'", OP_MOD, "'a'", "TypeError: %d format: a real number is required, not str"},
    {"'%x'", OP_MOD, "1.5", "TypeError: %x format: an integer is required, not float"},
    {"'%(a)s-%(b)r'", OP_MOD, "{'a': 1, 'b': 'x'}", "\"1-'x'\""},
    {"'%5.1f|%-6.2e|%g'", OP_MOD, "(3.14159, 1234.5, 0.00001)", "'  3.1|1.23e+03|1e-05'"},
    {"'%+d % d %05d'", OP_MOD, "(5, 5, -42)", "'+5  5 -0042'"},
    {"'%c%c'", OP_MOD, "(65, 'b')", "'Ab'"},
    {"'%.3s'", OP_MOD, "'abcdef'", "'abc'"},
    {"'%d'", OP_MOD, "3.99", "'3'"},
    {"'%i'", OP_MOD, "True", "'1'"},
    {"'%s'", OP_MOD, "True", "'True'"},
    {"'abc'", OP_MOD, "5", "TypeError: not all arguments converted during string formatting"},
    {"'100%'", OP_MOD, "()", "ValueError: incomplete format"},
};

static const BinCase cmp_cases[] = {
    {"1", OP_EQ, "1.0", "True"},
    {"9007199254740993", OP_EQ, "9007199254740992.0", "False"},
    {"9007199254740993", OP_LT, "9007199254740994.0", "True"},
    {"9007199254740993", OP_GT, "9007199254740992.0", "True"},
    {"9223372036854775807", OP_LT, "9223372036854775808.0", "True"},
    {"9223372036854775807", OP_EQ, "9223372036854775808.0", "False"},
    {"-9223372036854775807", OP_GT, "-9223372036854775808.0", "True"},
    {"3", OP_LT, "3.5", "True"},
    {"3.5", OP_LT, "4", "True"},
    {"-1", OP_LT, "-0.5", "True"},
    {"nan", OP_EQ, "nan", "False"},
    {"nan", OP_NE, "nan", "True"},
    {"nan", OP_LT, "1", "False"},
    {"1", OP_GE, "nan", "False"},
    {"inf", OP_GT, "9223372036854775807", "True"},
    {"[1, 2]", OP_LT, "[1, 3]", "True"},
    {"[1, 2]", OP_LT, "[1, 2, 0]", "True"},
    {"(1, 'a')", OP_LT, "(1, 'b')", "True"},
    {"[]", OP_LT, "[0]", "True"},
    {"'abc'", OP_LT, "'abd'", "True"},
    {"'é'", OP_GT, "'z'", "True"},
    {"'a'", OP_LT, "'ab'", "True"},
    {"'b'", OP_GE, "'ab'", "True"},
    {"[1, 2]", OP_EQ, "[1, 2]", "True"},
    {"[1, 2]", OP_EQ, "(1, 2)", "False"},
    {"(1, [2])", OP_EQ, "(1, [2])", "True"},
    {"{'a': 1}", OP_EQ, "{'a': 1.0}", "True"},
    {"[nan]", OP_EQ, "[nan]", "False"},
    {"[1, nan]", OP_LT, "[1, 2]", "False"},
    {"[1, 2]", OP_LE, "[1, 2]", "True"},
    {"(2,)", OP_GT, "(1, 5)", "True"},
    {"1", OP_LT, "'a'", "TypeError: '<' not supported between instances of 'int' and 'str'"},
    {"'a'", OP_LT, "1", "TypeError: '<' not supported between instances of 'str' and 'int'"},
    {"[1]", OP_LT, "(1,)", "TypeError: '<' not supported between instances of 'list' and 'tuple'"},
    {"None", OP_LT, "None", "TypeError: '<' not supported between instances of 'NoneType' and 'NoneType'"},
    {"{}", OP_LT, "{}", "TypeError: '<' not supported between instances of 'dict' and 'dict'"},
    {"[1, 2]", OP_LT, "[1, 'a']", "TypeError: '<' not supported between instances of 'int' and 'str'"},
    {"[1]", OP_LT, "[None]", "TypeError: '<' not supported between instances of 'int' and 'NoneType'"},
    {"True", OP_EQ, "1", "True"},
    {"False", OP_LT, "True", "True"},
    {"True", OP_IS, "True", "True"},
    {"None", OP_ISNOT, "None", "False"},
    {"1", OP_IS, "None", "False"},
    {"2", OP_IN, "[1, 2]", "True"},
    {"2.0", OP_IN, "[1, 2]", "True"},
    {"'a'", OP_IN, "{'a': 1}", "True"},
    {"[1]", OP_IN, "{}", "TypeError: unhashable type: 'list'"},
    {"2", OP_IN, "(1, 2)", "True"},
    {"'ell'", OP_IN, "'hello'", "True"},
    {"''", OP_IN, "'abc'", "True"},
    {"'é'", OP_IN, "'café'", "True"},
    {"5", OP_IN, "'abc'", "TypeError: 'in <string>' requires string as left operand, not int"},
    {"'a'", OP_IN, "5", "TypeError: argument of type 'int' is not iterable"},
    {"3", OP_IN, "range(0, 10, 3)", "True"},
    {"4", OP_IN, "range(0, 10, 3)", "False"},
    {"-3", OP_IN, "range(0, -10, -3)", "True"},
    {"0", OP_IN, "range(0, -10, -3)", "True"},
    {"10", OP_IN, "range(10)", "False"},
    {"2.0", OP_IN, "range(5)", "True"},
    {"2.5", OP_IN, "range(5)", "False"},
    {"'a'", OP_IN, "range(5)", "False"},
    {"3", OP_NOTIN, "[1, 2]", "True"},
    {"None", OP_IN, "[None]", "True"},
};

static const UnCase un_cases[] = {
    {OP_NEG, "5", "-5"},
    {OP_NEG, "9223372036854775807", "-9223372036854775807"},
    {OP_NEG, "True", "-1"},
    {OP_POS, "True", "1"},
    {OP_INVERT, "True", "-2"},
    {OP_INVERT, "5", "-6"},
    {OP_NEG, "1.5", "-1.5"},
    {OP_POS, "1.5", "1.5"},
    {OP_NEG, "0.0", "-0.0"},
    {OP_NOT, "0", "True"},
    {OP_NOT, "'x'", "False"},
    {OP_NOT, "[]", "True"},
    {OP_NEG, "'a'", "TypeError: bad operand type for unary -: 'str'"},
    {OP_POS, "'a'", "TypeError: bad operand type for unary +: 'str'"},
    {OP_INVERT, "1.5", "TypeError: bad operand type for unary ~: 'float'"},
    {OP_NOT, "None", "True"},
};

static const SubCase sub_cases[] = {
    {"[10, 20, 30, 40, 50]", "1", "20"},
    {"[10, 20, 30, 40, 50]", "-1", "50"},
    {"[10, 20, 30, 40, 50]", "5", "IndexError: list index out of range"},
    {"[10, 20, 30, 40, 50]", "-6", "IndexError: list index out of range"},
    {"[10, 20, 30, 40, 50]", "True", "20"},
    {"[10, 20]", "'a'", "TypeError: list indices must be integers or slices, not str"},
    {"[10, 20, 30, 40, 50]", "1:3", "[20, 30]"},
    {"[10, 20, 30, 40, 50]", ":2", "[10, 20]"},
    {"[10, 20, 30, 40, 50]", "3:", "[40, 50]"},
    {"[10, 20, 30, 40, 50]", "-2:", "[40, 50]"},
    {"[10, 20, 30, 40, 50]", "::2", "[10, 30, 50]"},
    {"[10, 20, 30, 40, 50]", "::-1", "[50, 40, 30, 20, 10]"},
    {"[10, 20, 30, 40, 50]", "1:-1", "[20, 30, 40]"},
    {"[10, 20, 30, 40, 50]", "-100:100", "[10, 20, 30, 40, 50]"},
    {"[10, 20, 30, 40, 50]", "4:1:-2", "[50, 30]"},
    {"[10, 20, 30, 40, 50]", "::-3", "[50, 20]"},
    {"[10, 20, 30, 40, 50]", "10:", "[]"},
    {"[10, 20, 30, 40, 50]", "3:1", "[]"},
    {"[10, 20, 30, 40, 50]", "::0", "ValueError: slice step cannot be zero"},
    {"[1]", "'a':", "TypeError: slice indices must be integers or None or have an __index__ method"},
    {"(1, 2, 3)", "1:", "(2, 3)"},
    {"(1, 2, 3)", "::-1", "(3, 2, 1)"},
    {"(1, 2, 3)", "3", "IndexError: tuple index out of range"},
    {"(1,)", "'a'", "TypeError: tuple indices must be integers or slices, not str"},
    {"'hello'", "1", "'e'"},
    {"'hello'", "-1", "'o'"},
    {"'hello'", "5", "IndexError: string index out of range"},
    {"'hello'", "1:4", "'ell'"},
    {"'hello'", "::-1", "'olleh'"},
    {"'hello'", "'a'", "TypeError: string indices must be integers, not 'str'"},
    {"'héllo wörld'", "1", "'é'"},
    {"'héllo wörld'", "-4", "'ö'"},
    {"'héllo wörld'", "1:4", "'éll'"},
    {"'héllo wörld'", "::-1", "'dlröw olléh'"},
    {"'héllo wörld'", "::2", "'hlowrd'"},
    {"'héllo wörld'", "-3:", "'rld'"},
    {"'héllo wörld'", "100:", "''"},
    {"range(10)", "2", "2"},
    {"range(10)", "-1", "9"},
    {"range(10)", "10", "IndexError: range object index out of range"},
    {"range(10)", "2:8:2", "range(2, 8, 2)"},
    {"range(10)", "::-1", "range(9, -1, -1)"},
    {"range(0, 20, 3)", "1::2", "range(3, 21, 6)"},
    {"range(0, 20, 3)", "-2", "15"},
    {"range(5, 0, -1)", "1:3", "range(4, 2, -1)"},
    {"range(3)", "'a'", "TypeError: range indices must be integers or slices, not str"},
    {"{'a': 1, 2: 'b'}", "'a'", "1"},
    {"{'a': 1, 2: 'b'}", "2", "'b'"},
    {"{'a': 1, 2: 'b'}", "2.0", "'b'"},
    {"{'a': 1}", "'k'", "KeyError: 'k'"},
    {"{'a': 1}", "[1]", "TypeError: unhashable type: 'list'"},
    {"{(1, 2): 3}", "(1, 2)", "3"},
    {"5", "0", "TypeError: 'int' object is not subscriptable"},
    {"None", "0", "TypeError: 'NoneType' object is not subscriptable"},
    {"1.5", "0", "TypeError: 'float' object is not subscriptable"},
};

static const LenCase len_cases[] = {
    {"'héllo'", "5"},
    {"''", "0"},
    {"(1, 2)", "2"},
    {"[]", "0"},
    {"{'a': 1}", "1"},
    {"range(10)", "10"},
    {"range(0, 10, 3)", "4"},
    {"range(10, 0)", "0"},
    {"range(0, -10, -4)", "3"},
    {"5", "TypeError: object of type 'int' has no len()"},
    {"None", "TypeError: object of type 'NoneType' has no len()"},
    {"1.5", "TypeError: object of type 'float' has no len()"},
};

static const FmtCase fmt_cases[] = {
    {"42", "''", "'42'"},
    {"42", "'>6'", "'    42'"},
    {"42", "'06'", "'000042'"},
    {"-42", "'+d'", "'-42'"},
    {"255", "'#x'", "'0xff'"},
    {"1234567", "','", "'1,234,567'"},
    {"True", "''", "'True'"},
    {"True", "'d'", "'1'"},
    {"True", "'>5'", "'    1'"},
    {"3.14159", "'.2f'", "'3.14'"},
    {"3.14159", "''", "'3.14159'"},
    {"1e6", "',.1f'", "'1,000,000.0'"},
    {"0.5", "'%'", "'50.000000%'"},
    {"'ab'", "''", "'ab'"},
    {"'ab'", "'>5'", "'   ab'"},
    {"'ab'", "'^6'", "'  ab  '"},
    {"'ab'", "'d'", "ValueError: Unknown format code 'd' for object of type 'str'"},
    {"1.5", "'d'", "ValueError: Unknown format code 'd' for object of type 'float'"},
    {"1", "'s'", "ValueError: Unknown format code 's' for object of type 'int'"},
    {"None", "''", "'None'"},
    {"None", "'x'", "TypeError: unsupported format string passed to NoneType.__format__"},
    {"[1]", "''", "'[1]'"},
    {"[1]", "'>3'", "TypeError: unsupported format string passed to list.__format__"},
    {"65", "'c'", "'A'"},
    {"1114112", "'c'", "OverflowError: %c arg not in range(0x110000)"},
    {"(1, 'a')", "''", "\"(1, 'a')\""},
};

/* str_intern remembers names by their C text's address: the same buffer
 * holding another name gets that name's str, and a run's end forgets them
 * all (this fails when the memo trusts the address alone, or outlives the
 * run's table). */
START_TEST(test_intern_memo)
{
    char name[16];
    strcpy(name, "alpha");
    Obj *a = str_intern(name);
    ck_assert_ptr_eq(str_intern(name), a);
    ck_assert_ptr_eq(str_intern("alpha"), a);
    strcpy(name, "beta");
    Obj *b = str_intern(name);
    ck_assert_ptr_ne(a, b);
    ck_assert_str_eq(STR_S(b), "beta");
    strcpy(name, "alpha");
    ck_assert_ptr_eq(str_intern(name), a);
    static const char lit[] = "gamma_name";
    ck_assert_str_eq(STR_S(str_intern(lit)), "gamma_name");
    vm_shutdown();
    vm_init(NULL, NULL);
    Obj *g = str_intern(lit);
    Obj *fresh = str_from("gamma_name");
    ck_assert_ptr_eq(str_intern_str(fresh), g); /* the new run's table's own */
    DECREF(fresh);
}
END_TEST

static void setup(void)
{
    vm_init(NULL, NULL);
}

static void teardown(void)
{
    vm_shutdown();
}

/* A slice object from "a:b:c" (empty parts are None), or NULL when the
 * text has no colon outside quotes. */
static Obj *slice_lit(const char *text)
{
    const char *parts[3] = {text, NULL, NULL};
    int n = 1;
    char q = 0;
    for (const char *p = text; *p; p++) {
        if (q) {
            if (*p == q)
                q = 0;
        } else if (*p == '\'' || *p == '"') {
            q = *p;
        } else if (*p == ':' && n < 3) {
            parts[n++] = p + 1;
        }
    }
    if (n == 1)
        return NULL;
    SliceObj *s = (SliceObj *)obj_alloc(&SliceClass, sizeof(SliceObj));
    Obj **slots[3] = {&s->start, &s->stop, &s->step};
    for (int i = 0; i < n; i++) {
        const char *end = i + 1 < n ? parts[i + 1] - 1 : parts[i] + strlen(parts[i]);
        char buf[64];
        size_t len = (size_t)(end - parts[i]);
        ck_assert_uint_lt(len, sizeof buf);
        memcpy(buf, parts[i], len);
        buf[len] = '\0';
        *slots[i] = len ? lit(buf) : none_new();
    }
    for (int i = n; i < 3; i++)
        *slots[i] = none_new();
    return &s->hdr;
}

static Obj *index_lit(const char *text)
{
    Obj *s = slice_lit(text);
    return s ? s : lit(text);
}

START_TEST(test_binary)
{
    const BinCase *c = &bin_cases[_i];
    Obj *a = lit(c->a), *b = lit(c->b);
    char ctx[256];
    snprintf(ctx, sizeof ctx, "%s op%d %s", c->a, (int)c->op, c->b);
    ck_assert_result(op_binary(c->op, a, b), c->want, ctx);
    DECREF(a);
    DECREF(b);
}
END_TEST

START_TEST(test_compare)
{
    const BinCase *c = &cmp_cases[_i];
    Obj *a = lit(c->a), *b = lit(c->b);
    char ctx[256];
    snprintf(ctx, sizeof ctx, "%s op%d %s", c->a, (int)c->op, c->b);
    /* `is` needs the very same object on both sides for identical literals */
    if ((c->op == OP_IS || c->op == OP_ISNOT) && strcmp(c->a, c->b) == 0) {
        INCREF(a);
        DECREF(b);
        b = a;
    }
    ck_assert_result(op_compare(c->op, a, b), c->want, ctx);
    DECREF(a);
    DECREF(b);
}
END_TEST

START_TEST(test_unary)
{
    const UnCase *c = &un_cases[_i];
    Obj *a = lit(c->a);
    ck_assert_result(op_unary(c->op, a), c->want, c->a);
    DECREF(a);
}
END_TEST

START_TEST(test_getitem)
{
    const SubCase *c = &sub_cases[_i];
    Obj *o = lit(c->obj), *k = index_lit(c->index);
    char ctx[256];
    snprintf(ctx, sizeof ctx, "%s[%s]", c->obj, c->index);
    ck_assert_result(op_getitem(o, k), c->want, ctx);
    DECREF(o);
    DECREF(k);
}
END_TEST

START_TEST(test_len)
{
    const LenCase *c = &len_cases[_i];
    Obj *o = lit(c->obj);
    int64_t n = obj_len(o);
    ck_assert_result(n < 0 ? NULL : int_new(n), c->want, c->obj);
    DECREF(o);
}
END_TEST

START_TEST(test_format)
{
    const FmtCase *c = &fmt_cases[_i];
    Obj *v = lit(c->value), *spec = lit(c->spec);
    char ctx[256];
    snprintf(ctx, sizeof ctx, "format(%s, %s)", c->value, c->spec);
    ck_assert_result(op_format(v, spec), c->want, ctx);
    DECREF(v);
    DECREF(spec);
}
END_TEST

START_TEST(test_inplace)
{
    Obj *l = lit("[1, 2]"), *t = lit("(3,)"), *s = lit("'xy'"), *two = int_new(2), *one = int_new(1);
    Obj *r = op_inplace(OP_ADD, l, t);
    ck_assert_ptr_eq(r, l); /* extended in place */
    DECREF(r);
    r = op_inplace(OP_ADD, l, s);
    DECREF(r);
    r = op_inplace(OP_MUL, l, two);
    ck_assert_ptr_eq(r, l);
    DECREF(r);
    ck_assert_result(l, "[1, 2, 3, 'x', 'y', 1, 2, 3, 'x', 'y']", "list += / *=");
    Obj *none = none_new();
    ck_assert_result(op_inplace(OP_ADD, none, one),
                     "TypeError: unsupported operand type(s) for +=: 'NoneType' and 'int'", "None += 1");
    Obj *l2 = lit("[1]");
    ck_assert_result(op_inplace(OP_ADD, l2, one), "TypeError: 'int' object is not iterable", "list += 1");
    Obj *tup = lit("(1,)");
    r = op_inplace(OP_ADD, tup, t);
    ck_assert_ptr_ne(r, tup); /* tuples make a new one */
    ck_assert_result(r, "(1, 3)", "tuple +=");
    ck_assert_result(op_inplace(OP_ADD, s, one), "TypeError: can only concatenate str (not \"int\") to str",
                     "str += 1");
    ck_assert_result(op_inplace(OP_POW, two, s),
                     "TypeError: unsupported operand type(s) for **=: 'int' and 'str'", "int **= str");
    DECREF(t);
    DECREF(s);
    DECREF(two);
    DECREF(one);
    DECREF(none);
    DECREF(l2);
    DECREF(tup);
}
END_TEST

/* op_setitem / op_delitem, then repr of the container. */
static void check_store(const char *container, const char *index, const char *value, const char *want)
{
    Obj *o = lit(container), *k = index_lit(index);
    char ctx[256];
    snprintf(ctx, sizeof ctx, "%s[%s] = %s", container, index, value ? value : "<del>");
    int rc;
    if (value) {
        Obj *v = lit(value);
        rc = op_setitem(o, k, v);
        DECREF(v);
    } else {
        rc = op_delitem(o, k);
    }
    DECREF(k);
    if (rc < 0) {
        DECREF(o);
        o = NULL;
    }
    ck_assert_result(o, want, ctx);
}

START_TEST(test_store)
{
    /* expectations printed by CPython 3.11.7 */
    check_store("[1, 2, 3]", "0", "'a'", "['a', 2, 3]");
    check_store("[1, 2, 3]", "-1", "'a'", "[1, 2, 'a']");
    check_store("[1, 2, 3]", "3", "'a'", "IndexError: list assignment index out of range");
    check_store("[1, 2, 3]", "'x'", "0", "TypeError: list indices must be integers or slices, not str");
    check_store("[1, 2, 3]", "1:2", "['a', 'b', 'c']", "[1, 'a', 'b', 'c', 3]");
    check_store("[1, 2, 3]", ":", "()", "[]");
    check_store("[1, 2, 3]", "3:", "'xy'", "[1, 2, 3, 'x', 'y']");
    check_store("[1, 2, 3]", "::2", "[8, 9]", "[8, 2, 9]");
    check_store("[1, 2, 3]", "::-1", "[7, 8, 9]", "[9, 8, 7]");
    check_store("[1, 2, 3]", "::2", "[1]", "ValueError: attempt to assign sequence of size 1 to extended slice of size 2");
    check_store("[1, 2]", "0:1", "5", "TypeError: can only assign an iterable");
    check_store("[1, 2, 3]", "::2", "5", "TypeError: must assign iterable to extended slice");
    check_store("{'a': 1}", "'b'", "2", "{'a': 1, 'b': 2}");
    check_store("{'a': 1}", "'a'", "2", "{'a': 2}");
    check_store("{'a': 1}", "[1]", "2", "TypeError: unhashable type: 'list'");
    check_store("(1, 2)", "0", "5", "TypeError: 'tuple' object does not support item assignment");
    check_store("'ab'", "0", "'x'", "TypeError: 'str' object does not support item assignment");
    check_store("[1, 2, 3]", "1", NULL, "[1, 3]");
    check_store("[1, 2, 3]", "-3", NULL, "[2, 3]");
    check_store("[1, 2, 3]", "3", NULL, "IndexError: list assignment index out of range");
    check_store("[0, 1, 2, 3, 4, 5, 6]", "::3", NULL, "[1, 2, 4, 5]");
    check_store("[0, 1, 2, 3, 4, 5, 6]", "::-2", NULL, "[1, 3, 5]");
    check_store("[0, 1, 2, 3, 4, 5, 6]", "1:3", NULL, "[0, 3, 4, 5, 6]");
    check_store("[0, 1, 2]", ":", NULL, "[]");
    check_store("{'a': 1, 'b': 2}", "'a'", NULL, "{'b': 2}");
    check_store("{'a': 1}", "'z'", NULL, "KeyError: 'z'");
    check_store("(1, 2)", "0", NULL, "TypeError: 'tuple' object doesn't support item deletion");
}
END_TEST

/* Drain an iterator into a list repr. */
static void check_iter(Obj *it, const char *want, const char *ctx)
{
    ck_assert_ptr_nonnull(it);
    Obj *l = list_new(4), *v;
    while ((v = obj_next(it)))
        list_append_steal(l, v);
    DECREF(it);
    if (err_occurred()) {
        DECREF(l);
        l = NULL;
    }
    ck_assert_result(l, want, ctx);
}

static void check_iter_lit(const char *src, const char *want)
{
    Obj *o = lit(src);
    check_iter(obj_iter(o), want, src);
    DECREF(o);
}

START_TEST(test_iter)
{
    /* list(x) as printed by CPython 3.11.7 */
    check_iter_lit("[1, 'a', None]", "[1, 'a', None]");
    check_iter_lit("(1, 2)", "[1, 2]");
    check_iter_lit("'héllo'", "['h', 'é', 'l', 'l', 'o']");
    check_iter_lit("''", "[]");
    check_iter_lit("range(5)", "[0, 1, 2, 3, 4]");
    check_iter_lit("range(10, 0, -3)", "[10, 7, 4, 1]");
    check_iter_lit("range(0, 10, 4)", "[0, 4, 8]");
    check_iter_lit("range(5, 5)", "[]");
    check_iter_lit("range(9223372036854775805, 9223372036854775807)", "[9223372036854775805, 9223372036854775806]");
    check_iter_lit("{'b': 1, 'a': 2}", "['b', 'a']");
    Obj *five = int_new(5);
    ck_assert_result(obj_iter(five), "TypeError: 'int' object is not iterable", "iter(5)");
    ck_assert_result(obj_next(five), "TypeError: 'int' object is not an iterator", "next(5)");
    DECREF(five);

    /* an exhausted iterator stays exhausted */
    Obj *l = lit("[1]");
    Obj *it = obj_iter(l);
    Obj *v = obj_next(it);
    DECREF(v);
    ck_assert_ptr_null(obj_next(it));
    list_append_steal(l, int_new(2));
    ck_assert_ptr_null(obj_next(it));
    ck_assert(!err_occurred());
    DECREF(it);
    /* appending during iteration is seen */
    it = obj_iter(l);
    v = obj_next(it);
    DECREF(v);
    list_append_steal(l, int_new(3));
    check_iter(it, "[2, 3]", "list grows while iterating");
    DECREF(l);

    /* a dict that changes size */
    Obj *d = lit("{'a': 1}");
    it = obj_iter(d);
    Obj *k = lit("'b'");
    dict_set(d, k, k);
    ck_assert_result(obj_next(it), "RuntimeError: dictionary changed size during iteration", "dict grows");
    DECREF(k);
    DECREF(it);
    DECREF(d);
}
END_TEST

START_TEST(test_views)
{
    Obj *d = lit("{'a': 1, 'b': 2}");
    Obj *keys = dictview_new(&DictKeysClass, d), *values = dictview_new(&DictValuesClass, d),
        *items = dictview_new(&DictItemsClass, d);
    /* expectations printed by CPython 3.11.7 */
    Obj *r;
    INCREF(keys);
    ck_assert_result(keys, "dict_keys(['a', 'b'])", "keys");
    INCREF(values);
    ck_assert_result(values, "dict_values([1, 2])", "values");
    INCREF(items);
    ck_assert_result(items, "dict_items([('a', 1), ('b', 2)])", "items");
    check_iter(obj_iter(items), "[('a', 1), ('b', 2)]", "list(items)");
    check_iter(reversed_new(keys), "['b', 'a']", "reversed(keys)");
    ck_assert_int_eq(obj_len(values), 2);
    Obj *a = lit("'a'"), *pair = lit("('b', 2)"), *bad = lit("('b', 3)"), *two = int_new(2);
    ck_assert_int_eq(op_contains(keys, a), 1);
    ck_assert_int_eq(op_contains(items, pair), 1);
    ck_assert_int_eq(op_contains(items, bad), 0);
    ck_assert_int_eq(op_contains(values, two), 1);
    ck_assert_int_eq(op_contains(values, a), 0);
    /* views are live */
    dict_set(d, two, two);
    r = keys;
    INCREF(r);
    ck_assert_result(r, "dict_keys(['a', 'b', 2])", "live keys");
    DECREF(a);
    DECREF(pair);
    DECREF(bad);
    DECREF(two);
    DECREF(keys);
    DECREF(values);
    DECREF(items);
    DECREF(d);
}
END_TEST

START_TEST(test_zip_enumerate)
{
    /* expectations printed by CPython 3.11.7 */
    Obj *a = lit("'ab'"), *b = lit("[1, 2, 3]"), *c = lit("(None,)");
    Obj *two[2] = {a, b}, *three[3] = {a, b, c};
    check_iter(zip_new(two, 2, false), "[('a', 1), ('b', 2)]", "zip(ab, 123)");
    check_iter(zip_new(three, 3, false), "[('a', 1, None)]", "zip 3");
    check_iter(zip_new(NULL, 0, false), "[]", "zip()");
    Obj *rev[2] = {b, a};
    check_iter(zip_new(two, 2, true), "ValueError: zip() argument 2 is longer than argument 1", "strict longer");
    check_iter(zip_new(rev, 2, true), "ValueError: zip() argument 2 is shorter than argument 1", "strict shorter");
    check_iter(zip_new(three, 3, true), "ValueError: zip() argument 3 is shorter than arguments 1-2", "strict 3");
    check_iter(enumerate_new(a, 0), "[(0, 'a'), (1, 'b')]", "enumerate");
    check_iter(enumerate_new(b, -1), "[(-1, 1), (0, 2), (1, 3)]", "enumerate(start=-1)");
    check_iter(reversed_new(a), "['b', 'a']", "reversed str");
    Obj *r = lit("range(1, 10, 4)"), *e = lit("'héllo'");
    check_iter(reversed_new(r), "[9, 5, 1]", "reversed range");
    check_iter(reversed_new(e), "['o', 'l', 'l', 'é', 'h']", "reversed non-ASCII str");
    check_iter(reversed_new(c), "[None]", "reversed tuple");
    check_iter(reversed_new(b), "[3, 2, 1]", "reversed list");
    Obj *five = int_new(5);
    ck_assert_result(reversed_new(five), "TypeError: 'int' object is not reversible", "reversed(5)");
    Obj *none = none_new(), *objs[1] = {five};
    ck_assert_result(zip_new(objs, 1, false), "TypeError: 'int' object is not iterable", "zip(5)");
    Obj *mixed = lit("[0, 1, '', 'x', None]");
    check_iter(filter_new(none, mixed), "[1, 'x']", "filter(None, ...)");
    DECREF(a);
    DECREF(b);
    DECREF(c);
    DECREF(r);
    DECREF(e);
    DECREF(five);
    DECREF(none);
    DECREF(mixed);
}
END_TEST

/* Call obj.name(*args) and render the result. */
static Obj *call_method(Obj *o, const char *name, const char *args)
{
    Obj *m = obj_getattr_c(o, name);
    if (!m)
        return NULL;
    Obj *a = lit(args);
    Obj *r = vm_call(m, TUP_ITEMS(a), (int)TUP_N(a), NULL);
    DECREF(a);
    DECREF(m);
    return r;
}

START_TEST(test_getattr)
{
    /* expectations printed by CPython 3.11.7 */
    Obj *s = lit("'Hi There'"), *i = int_new(5), *l = lit("[3, 1]");
    ck_assert_result(call_method(s, "upper", "()"), "'HI THERE'", "s.upper()");
    ck_assert_result(call_method(s, "split", "()"), "['Hi', 'There']", "s.split()");
    ck_assert_result(call_method(l, "append", "(2,)"), "None", "l.append(2)");
    INCREF(l);
    ck_assert_result(l, "[3, 1, 2]", "after append");
    ck_assert_result(obj_getattr_c(i, "foo"), "AttributeError: 'int' object has no attribute 'foo'", "5.foo");
    ck_assert_result(obj_getattr_c(s, "foo"), "AttributeError: 'str' object has no attribute 'foo'", "s.foo");
    ck_assert_result(obj_getattr_c(i, "real"), "5", "(5).real");
    Obj *cls = obj_getattr_c(i, "__class__");
    ck_assert_ptr_eq(cls, (Obj *)&IntClass);
    ck_assert_result(obj_getattr_c(cls, "__name__"), "'int'", "int.__name__");
    DECREF(cls);
    ck_assert_result(obj_getattr_c((Obj *)&StrClass, "upper"), "<method 'upper' of 'str' objects>", "str.upper");
    Obj *upper = obj_getattr_c((Obj *)&StrClass, "upper");
    ck_assert_result(vm_call1(upper, s), "'HI THERE'", "str.upper(s)");
    ck_assert_result(vm_call1(upper, i),
                     "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object",
                     "str.upper(5)");
    ck_assert_result(vm_call0(upper), "TypeError: unbound method str.upper() needs an argument", "str.upper()");
    DECREF(upper);
    ck_assert_result(obj_getattr_c((Obj *)&IntClass, "nope"), "AttributeError: type object 'int' has no attribute 'nope'",
                     "int.nope");
    ck_assert_int_eq(obj_setattr(i, str_intern("x"), i), -1);
    ck_assert_result(NULL, "AttributeError: 'int' object has no attribute 'x'", "5.x = 5");

    /* exception instances: args, attributes set by hand, class methods */
    Obj *args = lit("('bad', 42)");
    Obj *e = exc_new(&ValueErrorClass, args);
    ck_assert_result(obj_getattr_c(e, "args"), "('bad', 42)", "e.args");
    ck_assert_int_eq(obj_setattr(e, str_intern("code"), i), 0);
    ck_assert_result(obj_getattr_c(e, "code"), "5", "e.code");
    ck_assert_result(obj_getattr_c(e, "__cause__"), "None", "e.__cause__");
    ck_assert_result(obj_getattr_c(e, "nope"), "AttributeError: 'ValueError' object has no attribute 'nope'", "e.nope");
    Obj *ec = obj_getattr_c(e, "__class__");
    ck_assert_result(obj_getattr_c(ec, "__name__"), "'ValueError'", "e.__class__.__name__");
    DECREF(ec);
    DECREF(e);
    DECREF(args);
    DECREF(s);
    DECREF(i);
    DECREF(l);
}
END_TEST

/* Every table row once, results dropped. */
static void run_all_rows(void)
{
    for (size_t k = 0; k < sizeof bin_cases / sizeof bin_cases[0]; k++) {
        Obj *a = lit(bin_cases[k].a), *b = lit(bin_cases[k].b);
        free(lit_result(op_binary(bin_cases[k].op, a, b)));
        DECREF(a);
        DECREF(b);
    }
    for (size_t k = 0; k < sizeof cmp_cases / sizeof cmp_cases[0]; k++) {
        Obj *a = lit(cmp_cases[k].a), *b = lit(cmp_cases[k].b);
        free(lit_result(op_compare(cmp_cases[k].op, a, b)));
        DECREF(a);
        DECREF(b);
    }
    for (size_t k = 0; k < sizeof sub_cases / sizeof sub_cases[0]; k++) {
        Obj *o = lit(sub_cases[k].obj), *x = index_lit(sub_cases[k].index);
        free(lit_result(op_getitem(o, x)));
        DECREF(o);
        DECREF(x);
    }
    for (size_t k = 0; k < sizeof fmt_cases / sizeof fmt_cases[0]; k++) {
        Obj *v = lit(fmt_cases[k].value), *spec = lit(fmt_cases[k].spec);
        free(lit_result(op_format(v, spec)));
        DECREF(v);
        DECREF(spec);
    }
}

START_TEST(test_no_leaks)
{
    /* the first pass interns method names for good; a second pass
     * must leave no object behind */
    run_all_rows();
    size_t before = obj_live_count();
    run_all_rows();
    ck_assert_uint_eq(obj_live_count(), before);
}
END_TEST

static void setup_limited(void)
{
    VMLimits lim = {.max_depth = 100, .max_items = 10};
    vm_init(NULL, &lim);
}

START_TEST(test_size_limit)
{
    const char *msg = "LimitError: the scenario built a value of 12 items; loopscope's limit is 10 (raise it with --max-items)";
    Obj *s = lit("'abc'"), *four = int_new(4), *l = lit("[1, 2, 3]"), *l9 = lit("[1, 2, 3, 4, 5, 6, 7, 8, 9]");
    ck_assert_result(op_binary(OP_MUL, s, four), msg, "'abc' * 4");
    ck_assert_result(op_binary(OP_MUL, four, l), msg, "4 * [1, 2, 3]");
    ck_assert_result(op_binary(OP_ADD, l9, l), msg, "[9 items] + [3 items]");
    ck_assert_result(op_inplace(OP_ADD, l9, l), msg, "[9 items] += [3 items]");
    ck_assert(op_check_size(10));
    ck_assert(!op_check_size(11));
    err_clear();
    Obj *three = int_new(3);
    ck_assert_result(op_binary(OP_MUL, s, three), "'abcabcabc'", "'abc' * 3");
    DECREF(s);
    DECREF(four);
    DECREF(three);
    DECREF(l);
    DECREF(l9);
}
END_TEST

#define NROWS(t) ((int)(sizeof(t) / sizeof((t)[0])))

Suite *ops_suite(void)
{
    Suite *s = suite_create("ops");
    TCase *tc = tcase_create("tables");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, test_binary, 0, NROWS(bin_cases));
    tcase_add_loop_test(tc, test_compare, 0, NROWS(cmp_cases));
    tcase_add_loop_test(tc, test_unary, 0, NROWS(un_cases));
    tcase_add_loop_test(tc, test_getitem, 0, NROWS(sub_cases));
    tcase_add_loop_test(tc, test_len, 0, NROWS(len_cases));
    tcase_add_loop_test(tc, test_format, 0, NROWS(fmt_cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("behaviour");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_inplace);
    tcase_add_test(tc, test_store);
    tcase_add_test(tc, test_iter);
    tcase_add_test(tc, test_views);
    tcase_add_test(tc, test_zip_enumerate);
    tcase_add_test(tc, test_getattr);
    tcase_add_test(tc, test_intern_memo);
    tcase_add_test(tc, test_no_leaks);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_add_checked_fixture(tc, setup_limited, teardown);
    tcase_add_test(tc, test_size_limit);
    suite_add_tcase(s, tc);
    return s;
}
