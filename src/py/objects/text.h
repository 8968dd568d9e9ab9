/* text.h: Python's str methods over UTF-8 byte strings.
 * Owns: UTF-8 decoding and encoding, code-point indexing, the Unicode
 * character data that str methods need (case mappings and the letter,
 * digit, space and printable properties of Unicode 14.0.0, the version
 * CPython 3.11 uses), and the str methods themselves.
 * Leaves to the caller (the interpreter's str type): turning results into
 * objects, raising exceptions, and converting arguments. Misuse that
 * CPython reports with an exception ("empty separator") comes back as a
 * return code; each contract says which.
 *
 * Strings are (pointer, byte length) pairs; they need not be
 * NUL-terminated and may contain NUL. They are expected to be UTF-8 as the
 * interpreter makes them. Lone surrogates (U+D800..U+DFFF) are accepted in
 * their three-byte form, because a Python str can hold them ('\ud800'). A
 * byte that starts no valid sequence counts as one code point (treated as
 * U+FFFD by the predicates) and is copied through unchanged.
 *
 * Indices and widths in the Python sense (find results, slice bounds,
 * center widths) count code points; TextSpan offsets count bytes. */
#ifndef LS_TEXT_H
#define LS_TEXT_H

#include "../../base/base.h"

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

/* A piece of the input string: s[off .. off+len) in bytes. */
typedef struct TextSpan {
    size_t off, len;
} TextSpan;

/* Pass as `end` to mean "to the end of the string" (Python's omitted end). */
#define TEXT_END LONG_MAX
/* Widths above this make the padding functions fail instead of trying to
 * allocate gigabytes for a hostile 'x'.ljust(10**12). */
#define TEXT_WIDTH_MAX 10000000L

/* ---- UTF-8 ---- */

/* Decode one code point from s[0..n). Returns its byte length (1..4) and
 * stores it in *cp; returns 0 (and leaves *cp alone) when n is 0 or the
 * bytes are not valid UTF-8 (overlong, truncated, above U+10FFFF, stray
 * continuation byte). Surrogates are accepted, see the top of this file. */
int text_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Encode cp into out; returns the byte length (1..4), or 0 if cp is above
 * U+10FFFF. */
int text_utf8_encode(uint32_t cp, char out[4]);
/* Append the UTF-8 encoding of cp to out (nothing if cp > U+10FFFF). */
void text_utf8_append(Buf *out, uint32_t cp);
/* Number of code points in s. */
size_t text_length(const char *s, size_t n);
/* Byte offset of code point number i (0-based); n when i >= the length. */
size_t text_offset(const char *s, size_t n, size_t i);
/* 1 if every byte is below 0x80 (str.isascii), else 0. */
int text_is_ascii(const char *s, size_t n);

/* ---- single code points ---- */

int text_cp_isspace(uint32_t cp);      /* str.isspace for one character */
int text_cp_isprintable(uint32_t cp);  /* str.isprintable for one character */
int text_cp_isalpha(uint32_t cp);      /* str.isalpha for one character */
/* The value 0..9 of a Unicode decimal digit (category Nd, what int() and
 * float() accept, e.g. U+0663 ARABIC-INDIC DIGIT THREE), else -1. */
int text_cp_decimal(uint32_t cp);

/* ---- case: each appends the converted string to out ---- */

void text_upper(const char *s, size_t n, Buf *out);
void text_lower(const char *s, size_t n, Buf *out);    /* final sigma too */
void text_casefold(const char *s, size_t n, Buf *out);
void text_swapcase(const char *s, size_t n, Buf *out);
/* A character after a cased one is lowercased, any other is titlecased:
 * "they're bill's".title() == "They'Re Bill'S". */
void text_title(const char *s, size_t n, Buf *out);
/* First character titlecased, the rest lowercased (Python 3.8+ rule). */
void text_capitalize(const char *s, size_t n, Buf *out);

/* ---- strip: return the part of s that remains ----
 * chars == NULL strips Python whitespace (text_cp_isspace); otherwise the
 * code points of chars[0..charsn) are stripped (charsn 0 strips nothing). */

TextSpan text_strip(const char *s, size_t n, const char *chars, size_t charsn);
TextSpan text_lstrip(const char *s, size_t n, const char *chars, size_t charsn);
TextSpan text_rstrip(const char *s, size_t n, const char *chars, size_t charsn);

/* ---- split ----
 * sep == NULL splits on runs of whitespace and drops empty pieces, as
 * str.split() does. maxsplit < 0 means no limit. On success returns 1,
 * stores a malloc'd array of pieces (left to right, also for rsplit) in
 * *out and their number in *count; the caller frees *out (it is allocated
 * even when *count is 0). Returns 0 and stores nothing when sep is given
 * but empty: the caller raises ValueError("empty separator"). */
int text_split(const char *s, size_t n, const char *sep, size_t sepn,
               long maxsplit, TextSpan **out, size_t *count);
int text_rsplit(const char *s, size_t n, const char *sep, size_t sepn,
                long maxsplit, TextSpan **out, size_t *count);
/* str.splitlines: breaks at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028
 * and U+2029; keepends keeps them in the pieces. Returns the number of
 * pieces; *out as for text_split (always allocated, caller frees). */
size_t text_splitlines(const char *s, size_t n, int keepends, TextSpan **out);

/* ---- search ----
 * start and end are Python slice bounds in code points, already converted
 * to integers: negative counts from the end, out of range is clamped the
 * way CPython clamps (use 0 and TEXT_END when the call omits them). */

/* The first (last) byte offset of needle (nn > 0) in h[from..to), or
 * (size_t)-1: linear time whatever the input (bytes.c searches with these). */
size_t text_mem_find(const char *h, size_t from, size_t to, const char *needle, size_t nn);
size_t text_mem_rfind(const char *h, size_t from, size_t to, const char *needle, size_t nn);

/* Lowest code-point index where sub is found in s[start:end], or -1. */
long text_find(const char *s, size_t n, const char *sub, size_t subn,
               long start, long end);
/* Highest such index, or -1. */
long text_rfind(const char *s, size_t n, const char *sub, size_t subn,
                long start, long end);
/* Non-overlapping occurrences of sub in s[start:end] (empty sub: one more
 * than the slice length). */
long text_count(const char *s, size_t n, const char *sub, size_t subn,
                long start, long end);
/* 1 if s[start:end] starts (ends) with prefix (suffix), else 0. */
int text_startswith(const char *s, size_t n, const char *prefix, size_t pn,
                    long start, long end);
int text_endswith(const char *s, size_t n, const char *suffix, size_t sn,
                  long start, long end);
/* Append s with the first `count` occurrences of old replaced by new_
 * (count < 0: all). An empty old matches before every code point and at
 * the end: 'ab'.replace('', '-') == '-a-b-'. */
void text_replace(const char *s, size_t n, const char *old, size_t oldn,
                  const char *new_, size_t newn, long count, Buf *out);
/* str.partition / str.rpartition: parts[0..2] get before, separator and
 * after. Not found: (s, '', '') for partition, ('', '', s) for
 * rpartition (empty spans point at the matching end of s). Returns 1, or 0
 * when sep is empty (the caller raises ValueError("empty separator")). */
int text_partition(const char *s, size_t n, const char *sep, size_t sepn,
                   TextSpan parts[3]);
int text_rpartition(const char *s, size_t n, const char *sep, size_t sepn,
                    TextSpan parts[3]);

/* ---- padding: append s padded to `width` code points with `fill` ----
 * A width not above the length appends s unchanged. Return 1, or 0 (and
 * append nothing) when width > TEXT_WIDTH_MAX: the caller raises
 * MemoryError or similar. center() splits odd padding as CPython does:
 * 'a'.center(4) == ' a  ' but 'ab'.center(5) == '  ab '. */
int text_center(const char *s, size_t n, long width, uint32_t fill, Buf *out);
int text_ljust(const char *s, size_t n, long width, uint32_t fill, Buf *out);
int text_rjust(const char *s, size_t n, long width, uint32_t fill, Buf *out);
/* str.zfill: pad with '0' on the left, after a leading '+' or '-'. */
int text_zfill(const char *s, size_t n, long width, Buf *out);

/* ---- predicates: 1 or 0, as the str methods (all 0 for '') ----
 * Exact for every code point (Unicode 14.0.0 tables) except
 * text_isidentifier, which is exact for ASCII and Latin-1 and beyond that
 * takes letters (isalpha) and U+2160..U+2188 as XID_Start and adds Unicode
 * decimal digits and the combining marks U+0300..U+036F, U+1AB0..U+1AFF,
 * U+1DC0..U+1DFF, U+20D0..U+20FF and U+FE20..U+FE2F as XID_Continue. */
int text_isdigit(const char *s, size_t n);
int text_isdecimal(const char *s, size_t n);
int text_isnumeric(const char *s, size_t n);
int text_isalpha(const char *s, size_t n);
int text_isalnum(const char *s, size_t n);
int text_isspace(const char *s, size_t n);
int text_isupper(const char *s, size_t n);
int text_islower(const char *s, size_t n);
int text_istitle(const char *s, size_t n);
int text_isidentifier(const char *s, size_t n);
int text_isprintable(const char *s, size_t n);  /* 1 for '' */

#endif
