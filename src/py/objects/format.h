/* format.h: Python's number and string formatting, and the parsing behind
 * int() and float().
 * Owns: repr() of int, float and str; the format-spec mini-language of
 * format(), f-strings and str.format() for int, float and str values;
 * round() for floats; and string-to-number conversion. Everything works on
 * plain C values and prints exactly what CPython 3.11 prints.
 * Leaves to the caller (obj and the builtins): making objects, raising
 * exceptions from the returned codes and messages, and arbitrary-precision
 * ints (only int64_t is handled here).
 * Independent of the C locale: output always uses '.' and input is read as
 * in the "C" locale, even when the program runs with LC_NUMERIC set to a
 * locale whose decimal point is ','. The 'n' presentation type behaves as
 * in CPython under the "C" locale (no grouping), which is what CPython
 * uses unless the program calls locale.setlocale. */
#ifndef LS_FORMAT_H
#define LS_FORMAT_H

#include "../../base/base.h"

#include <stddef.h>
#include <stdint.h>

/* Return codes of the fmt_format_* functions. */
#define FMT_OK 1
#define FMT_VALUE_ERROR 0      /* err holds CPython's ValueError message */
#define FMT_OVERFLOW_ERROR (-1) /* err holds CPython's OverflowError message */

/* Our own limits, far beyond any real use, so that a hostile spec such as
 * '{:999999999}' fails with a ValueError instead of exhausting memory:
 * widths above FMT_WIDTH_MAX fail with "width too large", float precisions
 * above FMT_PRECISION_MAX with CPython's "precision too big". */
#define FMT_WIDTH_MAX 10000000
#define FMT_PRECISION_MAX 10000000

/* repr(x) (== str(x)) appended to out: shortest round-tripping digits,
 * '1e+16', '1e-05', '100.0', 'inf', '-inf', 'nan', '-0.0'. */
void fmt_float_repr(double x, Buf *out);
/* repr(v) appended to out. */
void fmt_int_repr(int64_t v, Buf *out);
/* repr(s) for the UTF-8 string s[0..len) appended to out: quotes chosen
 * and characters escaped as CPython does ('\n', '\x00', '\u200b', ...).
 * Lone surrogates come out as '\ud800'; bytes that are not UTF-8 (which a
 * str never holds) as '\xNN'. */
void fmt_str_repr(const char *s, size_t len, Buf *out);

/* format(v, spec) for the spec spec[0..n) (UTF-8, need not be
 * NUL-terminated), appended to out. Return FMT_OK; or FMT_VALUE_ERROR /
 * FMT_OVERFLOW_ERROR with CPython's message in err[0..errsz) (always
 * NUL-terminated when errsz > 0, possibly truncated) and nothing appended.
 * An empty spec gives str(v).
 * fmt_format_int: types b c d o x X n and, converting to float first,
 *   e E f F g G %; 'c' outside range(0x110000) is FMT_OVERFLOW_ERROR.
 * fmt_format_float: types e E f F g G n % and none.
 * fmt_format_str: type s and none; s is UTF-8, widths and precision count
 *   code points. */
int fmt_format_int(int64_t v, const char *spec, size_t n, Buf *out,
                   char *err, size_t errsz);
int fmt_format_float(double v, const char *spec, size_t n, Buf *out,
                     char *err, size_t errsz);
int fmt_format_str(const char *s, size_t len, const char *spec, size_t n,
                   Buf *out, char *err, size_t errsz);

/* round(x, ndigits) for a float: correctly rounded, ties to even on exact
 * binary ties (round(2.675, 2) == 2.67, round(0.125, 2) == 0.12); inf and
 * nan come back unchanged. Returns 1 with the result in *out, or 0 when
 * the result overflows (the caller raises OverflowError("rounded value too
 * large to represent")). */
int fmt_round(double x, long ndigits, double *out);
/* round(x) without ndigits: the nearest integer, ties to even, as a
 * double. inf and nan come back unchanged; the caller raises while
 * converting them to int. */
double fmt_round_half_even(double x);

/* int(s, base): base is 0 or 2..36 (the caller checks it). Accepts
 * surrounding whitespace, a sign, single underscores between digits (and
 * after a base prefix), the prefix 0x/0o/0b when base is 0 or matches, and
 * Unicode decimal digits. Returns 1 with *out set; 0 if s is not a valid
 * literal (ValueError "invalid literal for int() with base N: ..."); -1 if
 * it is valid but outside int64_t (*out untouched in both cases). */
int fmt_parse_int(const char *s, size_t len, int base, int64_t *out);
/* float(s): surrounding whitespace, sign, decimal and exponent forms with
 * underscores between digits, 'inf', 'infinity' and 'nan' in any case,
 * Unicode decimal digits. Returns 1 with *out set, or 0 if invalid
 * (ValueError "could not convert string to float: ..."). Overflow gives
 * inf and underflow 0.0, as in CPython. */
int fmt_parse_float(const char *s, size_t len, double *out);
/* strtod of a plain ASCII number, read in the C locale whatever the
 * process's LC_NUMERIC (the lexer and float() must not see "1,5"). */
double fmt_strtod_c(const char *s);

#endif
