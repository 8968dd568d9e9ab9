/* parse_int.h: what parse.c, parse_expr.c and parse_fstring.c share inside
 * the parser: the Parser state, the arena list (Vec), error ranks, and the
 * token, node and production functions one file defines and another calls.
 * Internal to src/py/front's parser; everything else uses parse.h. */
#ifndef LS_PARSE_INT_H
#define LS_PARSE_INT_H

#include "parse.h"

#include "lex.h"

#include <setjmp.h>

typedef struct Parser {
    Lexer *lx;              /* the current lexer (an f-string has its own) */
    Lexer *main_lx;         /* the file's lexer */
    Arena *arena;
    LangError *err;
    jmp_buf jb;             /* where a final error unwinds to */
    jmp_buf probe_jb;       /* where a generic failure unwinds to in a probe */
    int probing;            /* inside probe_expression */
    int depth;              /* nesting, checked against PARSE_MAX_DEPTH */
    int fdepth;             /* >0 while parsing an f-string expression */
    int end_line, end_col;  /* end of the last significant token consumed */
} Parser;

/* A growable list of nodes in the Arena. */
typedef struct Vec {
    Node **items;
    int len, cap;
} Vec;

/* Where the current token starts: the start of a node whose first
 * operand is about to be parsed, parentheses included (as CPython). */
typedef struct Pos {
    int line, col;
} Pos;

#define TK (p->lx->t)

/* What target_check checks a target for: assignment or del. */
enum { TGT_STORE, TGT_DEL };

/* ---- errors ---- */

/* How an error ranks: a generic failure only ends a probe; an error from
 * the file's lexer, or CPython's "unexpected indent", is never overridden;
 * an f-string expression's lexical errors keep their plain wording. */
enum { ERR_GENERIC = 1, ERR_FINAL = 2, ERR_NOPREFIX = 4 };

/* ---- defined in one parser file, called from another ---- */

LS_NORETURN void parse_fail(Parser *p, int line, int col, const char *fmt, ...)
    LS_PRINTF(4, 5);
LS_NORETURN void lex_error_raise(Parser *p);
LS_NORETURN void fail_here(Parser *p);
void enter(Parser *p);
void leave(Parser *p);
int starts_expr(TokKind k);
void expect_close(Parser *p, TokKind closer, const Node *last);
Node *node_new(Parser *p, NodeKind k, int line, int col);
Node *node_tok(Parser *p, NodeKind k);
Pos here(const Parser *p);
Node *finish(Parser *p, Node *n);
Node *node_span(Parser *p, NodeKind k, const Node *from, const Node *to);
void vec_push(Parser *p, Vec *v, Node *n);
NodeList vec_list(const Vec *v);
const char *expr_name(const Node *n);
void target_check(Parser *p, Node *t, int ctx);
Node *yield_or_star_expressions(Parser *p);
Node *no_starred(Parser *p, Node *n);
Node *star_expressions(Parser *p);
Node *star_target(Parser *p);
Node *star_targets(Parser *p);
Node *yield_expr(Parser *p);
Node *expression(Parser *p);
Node *bitwise_or(Parser *p);
void call_args(Parser *p, Vec *out, Pos open, int genexp_ok);
Node *strings(Parser *p);
void parameters(Parser *p, Vec *out, TokKind close, int annotations);


/* ---- tokens (inline: every production calls them; "accept" and
 * "advance" are also libc names, so they stay file-local) ---- */

static inline TokKind tk(const Parser *p)
{
    return p->lx->t.kind;
}

static inline void advance(Parser *p)
{
    TokKind k = TK.kind;
    if (k != T_NEWLINE && k != T_INDENT && k != T_DEDENT && k != T_ENDMARKER) {
        p->end_line = TK.end_line;
        p->end_col = TK.end_col;
    }
    if (lex_next(p->lx) == T_ERROR)
        lex_error_raise(p);
}

static inline int accept(Parser *p, TokKind k)
{
    if (tk(p) != k)
        return 0;
    advance(p);
    return 1;
}

static inline void expect(Parser *p, TokKind k)
{
    if (!accept(p, k))
        fail_here(p);
}

#endif
