/* lex.h: the JavaScript tokenizer.
 * Owns: turning a Source into a token array in one pass (the parser needs
 * arbitrary lookahead to tell `(a, b) => ...` from a parenthesised
 * expression), cooked string and template values, numbers, the
 * newline-before flag automatic semicolon insertion needs, and located
 * errors for what cannot be a token. A BigInt literal is a TK_NUM whose
 * str holds its digits; a regular expression literal is TK_REGEXP (str
 * the body, flags in the token's op). Leaves grammar to parse.c. */
#ifndef LS_JS_LEX_H
#define LS_JS_LEX_H

#include "../../base/base.h"
#include "../../base/source.h"

#include <stdbool.h>

typedef enum JsTok {
    TK_EOF,
    TK_NAME,      /* identifiers and keywords (the parser tells them apart) */
    TK_NUM,
    TK_STR,
    TK_TEMPLATE,  /* `...` with no substitution: str is the cooked text */
    TK_THEAD,     /* `...${ */
    TK_TMIDDLE,   /* }...${ */
    TK_TTAIL,     /* }...` */
    TK_PUNCT,     /* op holds the punctuator */
    TK_REGEXP     /* /body/flags: str = body, regexp_flags = flags */
} JsTok;

typedef struct Token {
    JsTok kind;
    int line, col;
    bool nl_before;   /* a line break between this token and the previous one */
    char op[5];       /* TK_PUNCT */
    const char *str;  /* TK_NAME, TK_STR, templates, TK_REGEXP, BigInt TK_NUM: NUL-terminated, arena-owned */
    const char *regexp_flags;
    size_t slen;
    double num;
    const char *src, *src_end;  /* the token's bytes in the source */
} Token;

/* Tokenize src into *toks (arena-allocated). Returns the count (the last
 * token is TK_EOF), or -1 with err filled. */
int js_lex(const Source *src, Arena *a, Token **toks, LangError *err);

#endif
