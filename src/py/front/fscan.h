/* fscan.h: where the parts of a 3.12+ f-string end (PEP 701). From 3.12
 * a replacement field is ordinary code: it may hold strings in the same
 * quotes as the f-string around it (nested f-strings too), backslashes,
 * comments and newlines. The lexer (lex.c) needs the end of the whole
 * f-string and the parser (parse.c) the end of one field's expression;
 * both ask here, so the two agree. What 3.11 allows stays in lex.c and
 * parse.c; the grammar inside a field is the parser's. */
#ifndef LS_FSCAN_H
#define LS_FSCAN_H

#include <stdbool.h>

/* Does the run follow 3.12's f-string grammar (PEP 701)? */
bool fscan_pep701(void);

/* How an f-string failed to end (fscan_string_end returned NULL). */
typedef struct FScanFail {
    const char *at;     /* where the scan gave up: a newline of a one-line
                           string's text, or the end of the input */
    bool too_deep;      /* nested past FSCAN_MAX_DEPTH or FSCAN_MAX_FSTRINGS */
    bool in_field;      /* a replacement field never closed (3.12: "expecting '}'") */
    const char *quote;  /* then: the quote in that field that opened a string
                           running to the end (where CPython points), or NULL */
} FScanFail;

#define FSCAN_MAX_DEPTH 200     /* strings and fields, one inside another */
#define FSCAN_MAX_FSTRINGS 149  /* f-strings one inside another, as CPython 3.12 */

/* p is at a string's opening quote, within [p, end); fstr says it is an
 * f-string (its replacement fields may hold anything), raw that it is a
 * raw string (a backslash escapes nothing, yet still keeps the next
 * quote from ending it). Returns the first byte after the closing quote,
 * or NULL with *fail filled in when the string does not end. */
const char *fscan_string_end(const char *p, const char *end, bool fstr, bool raw, FScanFail *fail);

/* s is just after a replacement field's '{'. Returns where its expression
 * ends: the first '!', ':', '=' or '}' outside brackets and strings ('!=',
 * '==', '<=', '>=' do not end it), skipping nested strings and comments;
 * end when there is none. */
const char *fscan_expr_end(const char *s, const char *end);

#endif
