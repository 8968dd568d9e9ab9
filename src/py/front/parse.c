/* parse.c: recursive descent over lex.c's tokens, building ast.h's tree.
 * Owns: one function per grammar production (the rule is in the comment
 * above each, in the notation of CPython's Grammar/python.gram), target
 * validation, f-string bodies (split into literal and formatted parts, the
 * expressions parsed by a nested parse over the same Arena), the nesting
 * limit and every syntax error message, all raised through raise_error
 * (parse_fail formats them). Messages and columns follow CPython 3.11,
 * including which of several errors wins (see raise_error and probe).
 * Leaves to the lexer: tokens and lexical errors; to the compiler: checks
 * that need scopes. See parse.h for the contract.
 *
 * Errors unwind with longjmp (as Lua's parser does): everything allocated
 * so far lives in the Arena, so nothing leaks. Lists grow inside the Arena
 * too (Vec), abandoning their old blocks; total waste stays under 2x. */
#include "parse.h"

#include "fscan.h"
#include "lex.h"
#include "pyver.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

#define TK (p->lx->t)

/* ---- errors ---- */

/* How an error ranks: a generic failure only ends a probe; an error from
 * the file's lexer, or CPython's "unexpected indent", is never overridden;
 * an f-string expression's lexical errors keep their plain wording. */
enum { ERR_GENERIC = 1, ERR_FINAL = 2, ERR_NOPREFIX = 4 };

/* Every error ends here: fill err and unwind. Like CPython, an error found
 * by the parser gives way to a lexical error later in the file (a bad
 * string or number, a bracket left open on an earlier line), which usually
 * explains it; so the rest of the file is lexed first. Inside an f-string
 * expression the message gets CPython's "f-string: " prefix. A generic
 * failure while probing (see probe_expression) only ends the probe. */
static LS_NORETURN void raise_error(Parser *p, int line, int col, const char *msg, int how)
{
    if (p->probing && (how & ERR_GENERIC))
        longjmp(p->probe_jb, 1);
    Lexer *lx = p->main_lx;
    if (!(how & ERR_FINAL) && !lx->failed) {
        TokKind k;
        while ((k = lex_next(lx)) != T_ENDMARKER && k != T_ERROR)
            ;
        if (k == T_ERROR && (lx->err_rank == LEX_OUTRANKS ||
                             (lx->err_rank == LEX_OUTRANKS_IF_EARLIER && lx->err.line < line))) {
            lang_error(p->err, lx->err.line, lx->err.col, "%s", lx->err.msg);
            longjmp(p->jb, 1);
        }
    }
    if (p->fdepth > 0 && !(how & ERR_NOPREFIX) && strncmp(msg, "f-string", 8) != 0)
        lang_error(p->err, line, col, "f-string: %s", msg);
    else
        lang_error(p->err, line, col, "%s", msg);
    longjmp(p->jb, 1);
}

static LS_NORETURN void parse_fail(Parser *p, int line, int col, const char *fmt, ...)
    LS_PRINTF(4, 5);

/* The one function syntax errors are raised through (see raise_error). */
static void parse_fail(Parser *p, int line, int col, const char *fmt, ...)
{
    char msg[sizeof p->err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    raise_error(p, line, col, msg, 0);
}

/* Raise the lexer's error (its token is T_ERROR). */
static LS_NORETURN void lex_error_raise(Parser *p)
{
    raise_error(p, p->lx->err.line, p->lx->err.col, p->lx->err.msg,
                p->lx == p->main_lx ? ERR_FINAL : ERR_NOPREFIX);
}

/* A generic failure: "invalid syntax" and its comma variant. */
static LS_NORETURN void fail_generic(Parser *p, int line, int col, const char *msg)
{
    raise_error(p, line, col, msg, ERR_GENERIC);
}

/* "invalid syntax" at the current token. */
static LS_NORETURN void fail_here(Parser *p)
{
    if (TK.kind == T_INDENT)
        raise_error(p, TK.line, TK.col, "unexpected indent", ERR_FINAL);
    if (TK.kind == T_DEDENT)
        raise_error(p, TK.line, TK.col, "unexpected unindent", ERR_FINAL);
    fail_generic(p, TK.line, TK.col, "invalid syntax");
}

static LS_NORETURN void fail_at_node(Parser *p, const Node *n, const char *fmt, const char *arg)
{
    parse_fail(p, n->line, n->col, fmt, arg);
}

/* ---- nesting ---- */

static void enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH)
        parse_fail(p, TK.line, TK.col, "too deeply nested (loopscope's limit is %d levels)",
                   PARSE_MAX_DEPTH);
}

static void leave(Parser *p)
{
    p->depth--;
}

/* ---- tokens ---- */

static TokKind tk(const Parser *p)
{
    return p->lx->t.kind;
}

static void advance(Parser *p)
{
    TokKind k = TK.kind;
    if (k != T_NEWLINE && k != T_INDENT && k != T_DEDENT && k != T_ENDMARKER) {
        p->end_line = TK.end_line;
        p->end_col = TK.end_col;
    }
    if (lex_next(p->lx) == T_ERROR)
        lex_error_raise(p);
}

static int accept(Parser *p, TokKind k)
{
    if (tk(p) != k)
        return 0;
    advance(p);
    return 1;
}

static void expect(Parser *p, TokKind k)
{
    if (!accept(p, k))
        fail_here(p);
}

/* Can kind k begin an expression? */
static int starts_expr(TokKind k)
{
    switch (k) {
    case T_NAME: case T_NUMBER: case T_STRING: case T_FSTRING: case T_LPAR:
    case T_LSQB: case T_LBRACE: case T_MINUS: case T_PLUS: case T_TILDE:
    case T_NOT: case T_LAMBDA: case T_AWAIT: case T_NONE: case T_TRUE:
    case T_FALSE: case T_ELLIPSIS: case T_STAR: case T_BACKTICK:
        return 1;
    default:
        return 0;
    }
}

/* ---- CPython's second pass, approximated ---- */

static Node *expression(Parser *p);
static Node *bitwise_or(Parser *p);

/* Two expressions side by side: before complaining, CPython's second pass
 * reads the second one (rule invalid_expression), so a specific error met
 * there, or a lexical one just after it, is what gets reported. Returns 1
 * if the production parses at the current token, 0 on a generic failure;
 * any other error is final. */
static int probe(Parser *p, Node *(*production)(Parser *))
{
    jmp_buf saved;
    int was_probing = p->probing;
    // cppcheck-suppress uninitvar ; saved is the destination: cppcheck misreads sizeof of a jmp_buf
    memcpy(saved, p->probe_jb, sizeof saved);
    p->probing = 1;
    int ok = 0;
    if (setjmp(p->probe_jb) == 0) {
        production(p);
        ok = 1;
    }
    memcpy(p->probe_jb, saved, sizeof saved);
    p->probing = was_probing;
    return ok;
}

static int probe_expression(Parser *p)
{
    return probe(p, expression);
}

static int probe_bitwise_or(Parser *p)
{
    return probe(p, bitwise_or);
}

/* Read on through what CPython's second pass would try after a second
 * expression: more expressions side by side and "name = value" pairs, so
 * that a lexical error there (typically a bracket never closed) is met. */
static void probe_rest(Parser *p)
{
    for (;;) {
        TokKind k = tk(p);
        if (k == T_EQUAL) {
            advance(p);
            if (!probe_bitwise_or(p))
                return;
        } else if (starts_expr(k) && k != T_STAR && k != T_MINUS && k != T_PLUS) {
            if (!probe_expression(p))
                return;
        } else {
            return;
        }
    }
}

/* After an expression, something that can start another: fail as CPython
 * does (see probe_expression), at the current token. */
static LS_NORETURN void fail_juxtaposed(Parser *p)
{
    int line = TK.line, col = TK.col;
    if (probe_expression(p))
        probe_rest(p);
    fail_generic(p, line, col, "invalid syntax");
}

static const char *expr_name(const Node *n);

static int bitwise_level(const Node *t);

/* A stray '=' after last, where CPython suggests '==' (named_expression
 * contexts: conditions and elements inside brackets), if "last = b" reads
 * as two bitwise_or expressions. Fails if it does; returns if not. */
static void check_stray_equal(Parser *p, const Node *last)
{
    if (tk(p) != T_EQUAL || !last || !bitwise_level(last) || last->kind == N_LIST ||
        last->kind == N_TUPLE || last->kind == N_GENEXP ||
        (last->kind == N_CONST && last->op <= 2))
        return;
    int line = TK.line, col = TK.col;
    advance(p);
    if (!probe_bitwise_or(p) || tk(p) == T_EQUAL || tk(p) == T_COLONEQ)
        fail_generic(p, line, col, "invalid syntax");
    if (last->kind == N_NAME && !(last->flags & F_PAREN))
        parse_fail(p, last->line, last->col,
                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    parse_fail(p, last->line, last->col,
               "cannot assign to %s here. Maybe you meant '==' instead of '='?",
               expr_name(last));
}

/* Can the current token start a second expression right after last, in
 * CPython's invalid_expression sense (a name followed by a string is more
 * likely a mistyped prefix, and is left alone)? */
static int juxtaposed(const Parser *p, const Node *last)
{
    TokKind k = tk(p);
    return last && starts_expr(k) && k != T_STAR && k != T_MINUS && k != T_PLUS &&
           !(last->kind == N_NAME && (k == T_STRING || k == T_FSTRING));
}

/* After an element inside brackets: the closer, or the error CPython gives
 * for two expressions side by side. */
static void expect_close(Parser *p, TokKind closer, const Node *last)
{
    if (accept(p, closer))
        return;
    check_stray_equal(p, last);
    if (juxtaposed(p, last)) {
        int line = TK.line, col = TK.col;
        if (probe_expression(p)) {
            probe_rest(p);
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): juxtaposed() is false for a NULL last */
            fail_generic(p, last->line, last->col, "invalid syntax. Perhaps you forgot a comma?");
        }
        fail_generic(p, line, col, "invalid syntax");
    }
    fail_here(p);
}

/* The ':' that opens a block: CPython says "expected ':'" when the line
 * ends without one, "invalid syntax" when something else is in the way,
 * except after def, try, else and finally (forced: always "expected"). */
static void expect_colon(Parser *p)
{
    if (accept(p, T_COLON))
        return;
    if (tk(p) == T_NEWLINE)
        parse_fail(p, TK.line, TK.col, "expected ':'");
    if (starts_expr(tk(p)) && tk(p) != T_STAR && tk(p) != T_MINUS && tk(p) != T_PLUS)
        fail_juxtaposed(p);
    fail_here(p);
}

static void expect_colon_forced(Parser *p)
{
    if (!accept(p, T_COLON))
        parse_fail(p, TK.line, TK.col, "expected ':'");
}

static int is_name(const Parser *p, const char *s)
{
    return tk(p) == T_NAME && strcmp(TK.str, s) == 0;
}

/* ---- nodes and lists ---- */

static Node *node_new(Parser *p, NodeKind k, int line, int col)
{
    Node *n = arena_alloc(p->arena, sizeof *n);
    n->kind = k;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

/* A node starting at the current token. */
static Node *node_tok(Parser *p, NodeKind k)
{
    return node_new(p, k, TK.line, TK.col);
}

/* Where the current token starts: the start of a node whose first
 * operand is about to be parsed, parentheses included (as CPython). */
typedef struct Pos {
    int line, col;
} Pos;

static Pos here(const Parser *p)
{
    Pos s = {TK.line, TK.col};
    return s;
}

/* End n where the last consumed token ended. */
static Node *finish(Parser *p, Node *n)
{
    n->end_line = p->end_line;
    n->end_col = p->end_col;
    return n;
}

static Node *node_span(Parser *p, NodeKind k, const Node *from, const Node *to)
{
    Node *n = node_new(p, k, from->line, from->col);
    n->end_line = to->end_line;
    n->end_col = to->end_col;
    return n;
}

static void vec_push(Parser *p, Vec *v, Node *n)
{
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        Node **items = arena_alloc(p->arena, (size_t)cap * sizeof *items);
        if (v->len)
            memcpy(items, v->items, (size_t)v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = n;
}

static NodeList vec_list(const Vec *v)
{
    NodeList l = {v->items, v->len};
    return l;
}

/* End a compound statement where its last body statement ends. */
static Node *finish_block(Node *n, const NodeList *l)
{
    if (l->len > 0) {
        n->end_line = l->items[l->len - 1]->end_line;
        n->end_col = l->items[l->len - 1]->end_col;
    }
    return n;
}

/* ---- assignment targets ---- */

/* How CPython names an expression in "cannot assign to %s". */
static const char *expr_name(const Node *n)
{
    switch (n->kind) {
    case N_NAME: return "name";
    case N_ATTR: return "attribute";
    case N_SUBSCRIPT: return "subscript";
    case N_STARRED: return "starred";
    case N_LIST: return "list";
    case N_TUPLE: return "tuple";
    case N_LAMBDA: return "lambda";
    case N_CALL: return "function call";
    case N_BINOP: case N_UNARYOP: case N_BOOLOP: return "expression";
    case N_GENEXP: return "generator expression";
    case N_YIELD: case N_YIELDFROM: return "yield expression";
    case N_AWAIT: return "await expression";
    case N_LISTCOMP: return "list comprehension";
    case N_SETCOMP: return "set comprehension";
    case N_DICTCOMP: return "dict comprehension";
    case N_DICT: return "dict literal";
    case N_SET: return "set display";
    case N_FSTRING: case N_FORMATTED: return "f-string expression";
    case N_COMPARE: return "comparison";
    case N_IFEXP: return "conditional expression";
    case N_NAMEDEXPR: return "named expression";
    case N_CONST:
        return n->op == 0 ? "None" : n->op == 1 ? "True" : n->op == 2 ? "False" : "ellipsis";
    default: return "literal";
    }
}

enum { TGT_STORE, TGT_DEL };

/* Check that t can be assigned to (or deleted). */
static void target_check(Parser *p, Node *t, int ctx)
{
    switch (t->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT:
        return;
    case N_TUPLE: case N_LIST: {
        int stars = 0;
        for (int i = 0; i < t->list.len; i++) {
            Node *e = t->list.items[i];
            if (e->kind == N_STARRED && ctx == TGT_STORE) {
                if (++stars > 1)
                    parse_fail(p, t->line, t->col, "multiple starred expressions in assignment");
                target_check(p, e->a, ctx);
            } else {
                target_check(p, e, ctx);
            }
        }
        return;
    }
    case N_STARRED:
        if (ctx == TGT_DEL)
            fail_at_node(p, t, "cannot delete %s", "starred");
        parse_fail(p, t->line, t->col, "starred assignment target must be in a list or tuple");
    case N_YIELD: case N_YIELDFROM:
        if (ctx == TGT_STORE)
            parse_fail(p, t->line, t->col, "assignment to yield expression not possible");
        break;
    default:
        break;
    }
    if (ctx == TGT_DEL)
        fail_at_node(p, t, "cannot delete %s", expr_name(t));
    fail_at_node(p, t, "cannot assign to %s", expr_name(t));
}

/* Is t a valid assignment target (starred items aside)? */
static int target_ok(const Node *t)
{
    switch (t->kind) {
    case N_NAME: case N_ATTR: case N_SUBSCRIPT:
        return 1;
    case N_STARRED:
        return target_ok(t->a);
    case N_TUPLE: case N_LIST:
        for (int i = 0; i < t->list.len; i++)
            if (!target_ok(t->list.items[i]))
                return 0;
        return 1;
    default:
        return 0;
    }
}

/* Could t be CPython's bitwise_or in "a = b" (not a comparison, boolean,
 * conditional, lambda or yield)? */
static int bitwise_level(const Node *t)
{
    if (t->flags & F_PAREN)
        return 1;
    switch (t->kind) {
    case N_COMPARE: case N_BOOLOP: case N_IFEXP: case N_LAMBDA: case N_YIELD:
    case N_YIELDFROM: case N_STARRED: case N_NAMEDEXPR:
        return 0;
    case N_UNARYOP:
        return t->op != OP_NOT;
    default:
        return 1;
    }
}

/* Does t begin with a list, tuple, generator expression, True, False or
 * None (where CPython's '==' suggestion does not apply)? */
static int starts_with_display(const Node *t)
{
    while (t) {
        if (t->flags & F_PAREN)
            return t->kind == N_TUPLE || t->kind == N_GENEXP;
        switch (t->kind) {
        case N_LIST: case N_GENEXP:
            return 1;
        case N_CONST:
            return t->op <= 2;
        case N_TUPLE: case N_BOOLOP:
            t = t->list.len ? t->list.items[0] : NULL;
            break;
        case N_BINOP: case N_CALL: case N_ATTR: case N_SUBSCRIPT: case N_COMPARE:
            t = t->a;
            break;
        default:
            return 0;
        }
    }
    return 0;
}

/* The leftmost name of an expression, to recognise `match x:` misparsed. */
static int leftmost_is(const Node *n, const char *name)
{
    while (n) {
        switch (n->kind) {
        case N_NAME: return !(n->flags & F_PAREN) && strcmp(n->str, name) == 0;
        case N_CALL: case N_SUBSCRIPT: case N_ATTR: case N_BINOP: n = n->a; break;
        case N_COMPARE: n = n->a; break;
        case N_TUPLE: n = n->list.len ? n->list.items[0] : NULL; break;
        default: return 0;
        }
    }
    return 0;
}

/* "<what> not supported by loopscope"; what ends with "is" or "are". */
static LS_NORETURN void fail_unsupported(Parser *p, int line, int col, const char *what)
{
    parse_fail(p, line, col, "%s not supported by loopscope", what);
}

/* ---- expressions ---- */

static Node *expression(Parser *p);
static Node *star_expressions(Parser *p);
static Node *yield_expr(Parser *p);
static Node *disjunction(Parser *p);
static Node *bitwise_or(Parser *p);
static Node *factor(Parser *p);
static Node *strings(Parser *p);
static void statement(Parser *p, Vec *out);
static void parameters(Parser *p, Vec *out, TokKind close, int annotations);

/* yield_expr | star_expressions (assignment right-hand sides) */
static Node *yield_or_star_expressions(Parser *p)
{
    if (tk(p) == T_YIELD)
        return yield_expr(p);
    return star_expressions(p);
}

/* An expression that is a value, where a bare *x is not allowed. */
static Node *no_starred(Parser *p, Node *n)
{
    if (n->kind == N_STARRED)
        parse_fail(p, n->line, n->col, "can't use starred expression here");
    return n;
}

/* star_expression: '*' bitwise_or | expression */
static Node *star_expression(Parser *p)
{
    if (tk(p) == T_STAR) {
        Node *n = node_tok(p, N_STARRED);
        advance(p);
        n->a = bitwise_or(p);
        return finish(p, n);
    }
    return expression(p);
}

/* Parse elem (',' elem)* [','] into a tuple when there is a comma, where
 * more elements follow while the next token can start an expression. */
static Node *comma_list(Parser *p, Node *(*elem)(Parser *))
{
    Pos s = here(p);
    Node *first = elem(p);
    if (tk(p) != T_COMMA)
        return first;
    Node *t = node_new(p, N_TUPLE, s.line, s.col);
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA)) {
        if (!starts_expr(tk(p)))
            break;
        vec_push(p, &v, elem(p));
    }
    t->list = vec_list(&v);
    return finish(p, t);
}

/* star_expressions: star_expression (',' star_expression)* [','] */
static Node *star_expressions(Parser *p)
{
    return comma_list(p, star_expression);
}

/* star_targets: star_target (',' star_target)* [',']
 * star_target: '*' bitwise_or | bitwise_or      (checked by target_check) */
static Node *star_target(Parser *p)
{
    if (tk(p) == T_STAR) {
        Node *n = node_tok(p, N_STARRED);
        advance(p);
        n->a = bitwise_or(p);
        return finish(p, n);
    }
    return bitwise_or(p);
}

static Node *star_targets(Parser *p)
{
    Node *t = comma_list(p, star_target);
    target_check(p, t, TGT_STORE);
    return t;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
static Node *yield_expr(Parser *p)
{
    Node *n = node_tok(p, N_YIELD);
    advance(p);
    if (accept(p, T_FROM)) {
        n->kind = N_YIELDFROM;
        n->a = expression(p);
    } else if (starts_expr(tk(p))) {
        n->a = no_starred(p, star_expressions(p));
    }
    return finish(p, n);
}

/* lambdef: 'lambda' [lambda_params] ':' expression */
static Node *lambdef(Parser *p)
{
    Node *n = node_tok(p, N_LAMBDA);
    advance(p);
    Vec params = {0};
    parameters(p, &params, T_COLON, 0);
    n->list = vec_list(&params);
    expect(p, T_COLON);
    n->a = expression(p);
    return finish(p, n);
}

/* expression: disjunction 'if' disjunction 'else' expression
 *           | disjunction
 *           | lambdef
 * (named_expression's ':=' is recognised here, only to be refused) */
static Node *expression(Parser *p)
{
    enter(p);
    Node *n;
    if (tk(p) == T_LAMBDA) {
        n = lambdef(p);
    } else {
        Pos s = here(p);
        n = disjunction(p);
        if (tk(p) == T_IF) {
            Node *body = n;
            advance(p);
            n = node_new(p, N_IFEXP, s.line, s.col);
            n->b = body;
            n->a = disjunction(p);
            if (tk(p) == T_COLON)
                fail_here(p);
            if (!accept(p, T_ELSE))
                parse_fail(p, s.line, s.col, "expected 'else' after 'if' expression");
            n->c = expression(p);
            finish(p, n);
        }
    }
    if (tk(p) == T_COLONEQ) {
        /* named_expression: NAME ':=' expression */
        if (n->kind == N_NAME && (n->flags & F_PAREN))
            fail_here(p);
        if (n->kind != N_NAME)
            parse_fail(p, n->line, n->col, "cannot use assignment expressions with %s", expr_name(n));
        Node *w = node_new(p, N_NAMEDEXPR, n->line, n->col);
        w->ival = TK.col;
        advance(p);
        w->a = n;
        w->b = expression(p);
        n = finish(p, w);
    }
    leave(p);
    return n;
}

/* disjunction: conjunction ('or' conjunction)+ | conjunction
 * conjunction: inversion ('and' inversion)+ | inversion */
static Node *boolop(Parser *p, TokKind kw, Op op, Node *(*sub)(Parser *))
{
    Pos s = here(p);
    Node *first = sub(p);
    if (tk(p) != kw)
        return first;
    Node *n = node_new(p, N_BOOLOP, s.line, s.col);
    n->op = op;
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, kw))
        vec_push(p, &v, sub(p));
    n->list = vec_list(&v);
    return finish(p, n);
}

static Node *inversion(Parser *p);

static Node *conjunction(Parser *p)
{
    return boolop(p, T_AND, OP_AND, inversion);
}

static Node *disjunction(Parser *p)
{
    return boolop(p, T_OR, OP_OR, conjunction);
}

static Node *comparison(Parser *p);

/* inversion: 'not' inversion | comparison */
static Node *inversion(Parser *p)
{
    if (tk(p) != T_NOT)
        return comparison(p);
    enter(p);
    Node *n = node_tok(p, N_UNARYOP);
    n->op = OP_NOT;
    advance(p);
    n->a = inversion(p);
    leave(p);
    return finish(p, n);
}

/* comparison: bitwise_or (compare_op bitwise_or)*
 * compare_op: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in'
 *           | 'is' 'not' | 'is' */
static Node *comparison(Parser *p)
{
    Pos s = here(p);
    Node *first = bitwise_or(p);
    Node *n = NULL;
    Vec v = {0};
    Op *ops = NULL;
    int cap = 0;
    for (;;) {
        Op op;
        switch (tk(p)) {
        case T_EQEQ: op = OP_EQ; break;
        case T_NOTEQ: op = OP_NE; break;
        case T_LESS: op = OP_LT; break;
        case T_LESSEQ: op = OP_LE; break;
        case T_GREATER: op = OP_GT; break;
        case T_GREATEREQ: op = OP_GE; break;
        case T_IN: op = OP_IN; break;
        case T_IS: op = OP_IS; break;
        case T_NOT:
            if (lex_peek(p->lx) != T_IN)
                goto done;
            op = OP_NOTIN;
            advance(p);
            break;
        case T_LTGT:
            parse_fail(p, TK.line, TK.col,
                       "'<>' is not supported by loopscope; use '!='");
        default:
            goto done;
        }
        advance(p);
        if (op == OP_IS && accept(p, T_NOT))
            op = OP_ISNOT;
        if (!n) {
            n = node_new(p, N_COMPARE, s.line, s.col);
            n->a = first;
        }
        if (v.len == cap) {
            cap = cap ? cap * 2 : 4;
            Op *grown = arena_alloc(p->arena, (size_t)cap * sizeof *grown);
            if (v.len)
                memcpy(grown, ops, (size_t)v.len * sizeof *grown);
            ops = grown;
        }
        ops[v.len] = op;
        vec_push(p, &v, bitwise_or(p));
    }
done:
    if (!n)
        return first;
    n->list = vec_list(&v);
    n->ops = ops;
    return finish(p, n);
}

typedef struct TokOp {
    TokKind tok;
    Op op;
} TokOp;

/* A left-associative binary level: sub (op sub)*. Each operator makes the
 * tree one level deeper, so it counts toward the nesting limit. */
static Node *left_assoc(Parser *p, Node *(*sub)(Parser *), const TokOp *ops)
{
    Pos s = here(p);
    Node *left = sub(p);
    int levels = 0;
    for (;;) {
        const TokOp *o = ops;
        while (o->tok && o->tok != tk(p))
            o++;
        if (!o->tok)
            break;
        enter(p);
        levels++;
        advance(p);
        Node *right = sub(p);
        Node *n = finish(p, node_new(p, N_BINOP, s.line, s.col));
        n->op = o->op;
        n->a = left;
        n->b = right;
        left = n;
    }
    p->depth -= levels;
    return left;
}

static Node *bitwise_xor(Parser *p);
static Node *bitwise_and(Parser *p);
static Node *shift_expr(Parser *p);
static Node *sum(Parser *p);
static Node *term(Parser *p);

/* bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor */
static Node *bitwise_or(Parser *p)
{
    static const TokOp ops[] = {{T_VBAR, OP_BITOR}, {0, OP_NONE}};
    return left_assoc(p, bitwise_xor, ops);
}

/* bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and */
static Node *bitwise_xor(Parser *p)
{
    static const TokOp ops[] = {{T_CIRCUMFLEX, OP_BITXOR}, {0, OP_NONE}};
    return left_assoc(p, bitwise_and, ops);
}

/* bitwise_and: bitwise_and '&' shift_expr | shift_expr */
static Node *bitwise_and(Parser *p)
{
    static const TokOp ops[] = {{T_AMPER, OP_BITAND}, {0, OP_NONE}};
    return left_assoc(p, shift_expr, ops);
}

/* shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum */
static Node *shift_expr(Parser *p)
{
    static const TokOp ops[] = {{T_LSHIFT, OP_LSHIFT}, {T_RSHIFT, OP_RSHIFT}, {0, OP_NONE}};
    return left_assoc(p, sum, ops);
}

/* sum: sum '+' term | sum '-' term | term */
static Node *sum(Parser *p)
{
    static const TokOp ops[] = {{T_PLUS, OP_ADD}, {T_MINUS, OP_SUB}, {0, OP_NONE}};
    return left_assoc(p, term, ops);
}

/* term: term '*' factor | term '/' factor | term '//' factor
 *     | term '%' factor | term '@' factor | factor */
static Node *term(Parser *p)
{
    static const TokOp ops[] = {{T_STAR, OP_MUL}, {T_SLASH, OP_DIV}, {T_DSLASH, OP_FLOORDIV},
                                {T_PERCENT, OP_MOD}, {T_AT, OP_MATMUL}, {0, OP_NONE}};
    return left_assoc(p, factor, ops);
}

static Node *power(Parser *p);

/* factor: '+' factor | '-' factor | '~' factor | power */
static Node *factor(Parser *p)
{
    if (tk(p) == T_MINUS && lex_peek(p->lx) == T_NUMBER && p->lx->ahead.unsupported &&
        p->lx->ahead.ival == INT64_MIN && !p->lx->ahead.is_float) {
        /* -9223372036854775808 is INT64_MIN, the one literal past int64
         * that can be written, unless something binds tighter than '-' */
        Node *n = node_tok(p, N_INT);
        advance(p);
        TokKind after = lex_peek(p->lx);
        if (after != T_DSTAR && after != T_DOT && after != T_LPAR && after != T_LSQB) {
            n->ival = INT64_MIN;
            advance(p);
            return finish(p, n);
        }
        parse_fail(p, TK.bad_line, TK.bad_col, "%s", TK.unsupported);
    }
    Op op;
    switch (tk(p)) {
    case T_PLUS: op = OP_POS; break;
    case T_MINUS: op = OP_NEG; break;
    case T_TILDE: op = OP_INVERT; break;
    default: return power(p);
    }
    enter(p);
    Node *n = node_tok(p, N_UNARYOP);
    n->op = op;
    advance(p);
    n->a = factor(p);
    leave(p);
    return finish(p, n);
}

static Node *await_primary(Parser *p);

/* power: await_primary '**' factor | await_primary */
static Node *power(Parser *p)
{
    Pos s = here(p);
    Node *left = await_primary(p);
    if (tk(p) != T_DSTAR)
        return left;
    enter(p);
    advance(p);
    Node *right = factor(p);
    leave(p);
    Node *n = finish(p, node_new(p, N_BINOP, s.line, s.col));
    n->op = OP_POW;
    n->a = left;
    n->b = right;
    return n;
}

static Node *primary(Parser *p);

/* await_primary: 'await' primary | primary */
static Node *await_primary(Parser *p)
{
    if (tk(p) != T_AWAIT)
        return primary(p);
    Node *n = node_tok(p, N_AWAIT);
    advance(p);
    n->a = primary(p);
    return finish(p, n);
}

static void for_if_clauses(Parser *p, Vec *out);

/* A comprehension of kind k whose element is elt; the 'for' is current. */
static Node *comprehension(Parser *p, NodeKind k, Node *elt, int line, int col)
{
    if (elt->kind == N_STARRED)
        parse_fail(p, elt->line, elt->col, "iterable unpacking cannot be used in comprehension");
    Node *n = node_new(p, k, line, col);
    n->a = elt;
    Vec clauses = {0};
    for_if_clauses(p, &clauses);
    n->list = vec_list(&clauses);
    return n;
}

/* args: ','.(starred_expression | kwarg | '**' expression | expression)+ [',']
 * kwarg: NAME '=' expression
 * (a lone generator expression argument needs no parentheses of its own)
 * The '(' has been consumed; so is the ')' on return. */
static void call_args(Parser *p, Vec *out, Pos open, int genexp_ok)
{
    int seen_kw = 0, seen_dstar = 0;
    Node *last = NULL;
    while (tk(p) != T_RPAR) {
        Node *arg;
        if (tk(p) == T_STAR) {
            arg = node_tok(p, N_STARRED);
            if (seen_dstar)
                parse_fail(p, TK.line, TK.col,
                           "iterable argument unpacking follows keyword argument unpacking");
            advance(p);
            arg->a = expression(p);
            finish(p, arg);
        } else if (tk(p) == T_DSTAR) {
            arg = node_tok(p, N_DOUBLESTAR);
            advance(p);
            arg->a = expression(p);
            finish(p, arg);
            seen_dstar = 1;
        } else if (tk(p) == T_NAME && lex_peek(p->lx) == T_EQUAL) {
            arg = node_tok(p, N_KEYWORD);
            arg->str = TK.str;
            for (int i = 0; i < out->len; i++)
                if (out->items[i]->kind == N_KEYWORD && strcmp(out->items[i]->str, arg->str) == 0)
                    parse_fail(p, arg->line, arg->col, "keyword argument repeated: %s", arg->str);
            advance(p);
            advance(p);
            arg->a = expression(p);
            finish(p, arg);
            seen_kw = 1;
        } else {
            arg = expression(p);
            if ((tk(p) == T_FOR || tk(p) == T_ASYNC) && !genexp_ok)
                fail_here(p);
            if (tk(p) == T_FOR || tk(p) == T_ASYNC) {
                Node *g = comprehension(p, N_GENEXP, arg, open.line, open.col);
                if (out->len > 0 || tk(p) != T_RPAR)
                    parse_fail(p, arg->line, arg->col, "Generator expression must be parenthesized");
                g->end_line = TK.end_line;   /* the call's ')' closes it */
                g->end_col = TK.end_col;
                arg = g;
            } else if (tk(p) == T_EQUAL) {
                parse_fail(p, arg->line, arg->col,
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
            } else if (seen_dstar) {
                parse_fail(p, arg->line, arg->col,
                           "positional argument follows keyword argument unpacking");
            } else if (seen_kw) {
                parse_fail(p, arg->line, arg->col, "positional argument follows keyword argument");
            }
        }
        vec_push(p, out, arg);
        last = arg;
        if (!accept(p, T_COMMA))
            break;
        last = NULL;
    }
    expect_close(p, T_RPAR, last);
}

/* slice: [expression] ':' [expression] [':' [expression]] | expression */
static Node *slice(Parser *p)
{
    if (tk(p) == T_STAR) {
        Node *n = star_expression(p);
        return n;
    }
    Node *lower = NULL;
    int line = TK.line, col = TK.col;
    if (tk(p) != T_COLON) {
        lower = expression(p);
        if (tk(p) != T_COLON)
            return lower;
    }
    Node *n = node_new(p, N_SLICE, line, col);
    n->a = lower;
    advance(p);
    if (tk(p) != T_COLON && tk(p) != T_COMMA && tk(p) != T_RSQB)
        n->b = expression(p);
    if (accept(p, T_COLON) && tk(p) != T_COMMA && tk(p) != T_RSQB)
        n->c = expression(p);
    return finish(p, n);
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Node *slices(Parser *p)
{
    Pos s = here(p);
    Node *first = slice(p);
    if (tk(p) != T_COMMA && first->kind != N_STARRED)
        return first;
    Node *t = node_new(p, N_TUPLE, s.line, s.col);
    Vec v = {0};
    vec_push(p, &v, first);
    while (accept(p, T_COMMA) && tk(p) != T_RSQB)
        vec_push(p, &v, slice(p));
    t->list = vec_list(&v);
    return finish(p, t);
}

static Node *atom(Parser *p);

/* primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
 *        | primary '[' slices ']' | atom
 * Every trailer makes the tree deeper, so each counts as a level. */
static Node *primary(Parser *p)
{
    Pos s = here(p);
    Node *n = atom(p);
    int levels = 0;
    for (;;) {
        Node *t;
        if (tk(p) == T_DOT) {
            enter(p);
            advance(p);
            if (tk(p) != T_NAME)
                fail_here(p);
            t = node_new(p, N_ATTR, s.line, s.col);
            t->a = n;
            t->str = TK.str;
            advance(p);
        } else if (tk(p) == T_LPAR) {
            enter(p);
            Pos open = here(p);
            advance(p);
            t = node_new(p, N_CALL, s.line, s.col);
            t->a = n;
            Vec args = {0};
            call_args(p, &args, open, 1);
            t->list = vec_list(&args);
        } else if (tk(p) == T_LSQB) {
            enter(p);
            advance(p);
            t = node_new(p, N_SUBSCRIPT, s.line, s.col);
            t->a = n;
            t->b = slices(p);
            expect_close(p, T_RSQB, t->b);
        } else {
            break;
        }
        levels++;
        n = finish(p, t);
    }
    p->depth -= levels;
    return n;
}

/* The '(' is current.
 * tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
 * group: '(' (yield_expr | named_expression) ')'
 * genexp: '(' named_expression for_if_clauses ')' */
static Node *paren_atom(Parser *p)
{
    int line = TK.line, col = TK.col;
    advance(p);
    if (accept(p, T_RPAR)) {
        Node *t = node_new(p, N_TUPLE, line, col);
        t->flags |= F_PAREN;
        return finish(p, t);
    }
    if (tk(p) == T_YIELD) {
        Node *y = yield_expr(p);
        expect(p, T_RPAR);
        y->flags |= F_PAREN;
        return y;
    }
    Node *first = star_expression(p);
    if (tk(p) == T_FOR || tk(p) == T_ASYNC) {
        Node *g = comprehension(p, N_GENEXP, first, line, col);
        expect(p, T_RPAR);
        g->flags |= F_PAREN;
        return finish(p, g);
    }
    if (tk(p) != T_COMMA) {
        expect_close(p, T_RPAR, first);
        if (first->kind == N_STARRED)
            parse_fail(p, first->line, first->col, "cannot use starred expression here");
        first->flags |= F_PAREN;
        return first;
    }
    Node *t = node_new(p, N_TUPLE, line, col);
    t->flags |= F_PAREN;
    Vec v = {0};
    vec_push(p, &v, first);
    Node *last = NULL;
    while (accept(p, T_COMMA) && tk(p) != T_RPAR) {
        last = star_expression(p);
        vec_push(p, &v, last);
    }
    expect_close(p, T_RPAR, last);
    t->list = vec_list(&v);
    return finish(p, t);
}

/* list: '[' [star_named_expressions] ']'
 * listcomp: '[' named_expression for_if_clauses ']' */
static Node *list_atom(Parser *p)
{
    int line = TK.line, col = TK.col;
    advance(p);
    Node *n = node_new(p, N_LIST, line, col);
    if (accept(p, T_RSQB))
        return finish(p, n);
    Node *first = star_expression(p);
    if (tk(p) == T_FOR || tk(p) == T_ASYNC) {
        n = comprehension(p, N_LISTCOMP, first, line, col);
        expect(p, T_RSQB);
        return finish(p, n);
    }
    Vec v = {0};
    vec_push(p, &v, first);
    Node *last = first;
    while (accept(p, T_COMMA)) {
        last = NULL;
        if (tk(p) == T_RSQB)
            break;
        last = star_expression(p);
        vec_push(p, &v, last);
    }
    expect_close(p, T_RSQB, last);
    n->list = vec_list(&v);
    return finish(p, n);
}

/* The value after a dictionary key's ':' (which is just consumed). */
static Node *dict_value(Parser *p)
{
    if (tk(p) == T_RBRACE || tk(p) == T_COMMA)
        parse_fail(p, p->end_line, p->end_col - 1,
                   "expression expected after dictionary key and ':'");
    if (tk(p) == T_STAR)
        parse_fail(p, TK.line, TK.col, "cannot use a starred expression in a dictionary value");
    return expression(p);
}

/* dict: '{' [double_starred_kvpairs] '}'
 * set: '{' star_named_expressions '}'
 * dictcomp: '{' kvpair for_if_clauses '}'
 * setcomp: '{' named_expression for_if_clauses '}'
 * double_starred_kvpair: '**' bitwise_or | expression ':' expression */
static Node *brace_atom(Parser *p)
{
    int line = TK.line, col = TK.col;
    advance(p);
    Node *n = node_new(p, N_DICT, line, col);
    if (accept(p, T_RBRACE))
        return finish(p, n);
    Vec keys = {0}, values = {0};
    int is_dict;
    Node *last = NULL;
    if (tk(p) == T_DSTAR) {
        is_dict = 1;
    } else {
        Node *first = star_expression(p);
        is_dict = tk(p) == T_COLON && first->kind != N_STARRED;
        if (is_dict) {
            advance(p);
            Node *v = dict_value(p);
            if (tk(p) == T_FOR || tk(p) == T_ASYNC) {
                n = comprehension(p, N_DICTCOMP, first, line, col);
                n->b = v;
                expect(p, T_RBRACE);
                return finish(p, n);
            }
            vec_push(p, &keys, first);
            vec_push(p, &values, v);
            last = v;
        } else {
            if (tk(p) == T_FOR || tk(p) == T_ASYNC) {
                n = comprehension(p, N_SETCOMP, first, line, col);
                expect(p, T_RBRACE);
                return finish(p, n);
            }
            vec_push(p, &keys, first);
            last = first;
        }
        if (!accept(p, T_COMMA))
            goto close;
        last = NULL;
    }
    while (tk(p) != T_RBRACE) {
        if (is_dict) {
            if (tk(p) == T_DSTAR) {
                int dl = TK.line, dc = TK.col;
                advance(p);
                vec_push(p, &keys, NULL);
                last = bitwise_or(p);
                vec_push(p, &values, last);
                if (tk(p) == T_FOR || tk(p) == T_ASYNC)
                    parse_fail(p, dl, dc, "dict unpacking cannot be used in dict comprehension");
            } else {
                Node *k = expression(p);
                if (tk(p) != T_COLON)
                    parse_fail(p, k->end_line, k->end_col - 1,
                               "':' expected after dictionary key");
                advance(p);
                vec_push(p, &keys, k);
                last = dict_value(p);
                vec_push(p, &values, last);
            }
        } else {
            last = star_expression(p);
            vec_push(p, &keys, last);
        }
        if (!accept(p, T_COMMA))
            break;
        last = NULL;
    }
close:
    expect_close(p, T_RBRACE, last);
    if (is_dict) {
        n->list = vec_list(&keys);
        n->list2 = vec_list(&values);
    } else {
        n->kind = N_SET;
        n->list = vec_list(&keys);
    }
    return finish(p, n);
}

/* atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | '...'
 *     | (tuple | group | genexp) | (list | listcomp)
 *     | (dict | set | dictcomp | setcomp) */
static Node *atom(Parser *p)
{
    Node *n;
    switch (tk(p)) {
    case T_NAME:
        n = node_tok(p, N_NAME);
        n->str = TK.str;
        advance(p);
        return finish(p, n);
    case T_NUMBER:
        if (TK.unsupported)
            parse_fail(p, TK.bad_line, TK.bad_col, "%s", TK.unsupported);
        n = node_tok(p, TK.is_float ? N_FLOAT : N_INT);
        n->ival = TK.ival;
        n->fval = TK.fval;
        advance(p);
        return finish(p, n);
    case T_NONE: case T_TRUE: case T_FALSE: case T_ELLIPSIS:
        n = node_tok(p, N_CONST);
        n->op = tk(p) == T_NONE ? 0 : tk(p) == T_TRUE ? 1 : tk(p) == T_FALSE ? 2 : 3;
        advance(p);
        return finish(p, n);
    case T_STRING: case T_FSTRING:
        return strings(p);
    case T_LPAR:
        return paren_atom(p);
    case T_LSQB:
        return list_atom(p);
    case T_LBRACE:
        return brace_atom(p);
    case T_BACKTICK:
        parse_fail(p, TK.line, TK.col, "backticks are not supported by loopscope; use repr()");
    default:
        fail_here(p);
    }
}

/* for_if_clauses: for_if_clause+
 * for_if_clause: ['async'] 'for' star_targets 'in' disjunction ('if' disjunction)* */
static void for_if_clauses(Parser *p, Vec *out)
{
    while (tk(p) == T_FOR || tk(p) == T_ASYNC) {
        Node *c = node_tok(p, N_COMPFOR);
        if (accept(p, T_ASYNC)) {
            c->flags |= F_ASYNC;
            if (tk(p) != T_FOR)
                fail_here(p);
        }
        advance(p);
        c->a = star_targets(p);
        expect(p, T_IN);
        c->b = disjunction(p);
        Vec conds = {0};
        while (accept(p, T_IF))
            vec_push(p, &conds, disjunction(p));
        c->list = vec_list(&conds);
        vec_push(p, out, finish(p, c));
    }
}

/* ---- f-strings ---- */

/* An f-string body being split: its text, whether it is raw, and a cursor
 * (at, line, col) that turns pointers into source positions. */
typedef struct FScan {
    const char *begin, *end;
    int raw;
    int line0, col0;        /* position of begin */
    const char *at;
    int line, col;          /* position of at */
} FScan;

static void fs_pos(FScan *fs, const char *ptr, int *line, int *col)
{
    if (ptr < fs->at) {
        fs->at = fs->begin;
        fs->line = fs->line0;
        fs->col = fs->col0;
    }
    lex_advance_pos(fs->at, ptr, &fs->line, &fs->col);
    fs->at = ptr;
    *line = fs->line;
    *col = fs->col;
}

static LS_NORETURN void fs_fail(Parser *p, FScan *fs, const char *at, const char *msg)
{
    int line, col;
    fs_pos(fs, at, &line, &col);
    parse_fail(p, line, col, "%s", msg);
}

/* Append the literal text [a, b) as an N_STR part, decoding escapes. */
static void fs_literal(Parser *p, FScan *fs, const char *a, const char *b, Vec *parts)
{
    if (a >= b)
        return;
    int line, col;
    fs_pos(fs, a, &line, &col);
    Node *n = node_new(p, N_STR, line, col);
    size_t len = (size_t)(b - a);
    if (fs->raw || !memchr(a, '\\', len)) {
        n->str = arena_strndup(p->arena, a, len);
        n->len = len;
    } else {
        char *out = arena_alloc(p->arena, len + 1);
        const char *bad = NULL;
        char msg[200];
        if (lex_unescape(a, len, out, &n->len, &bad, msg, sizeof msg) <= 0)
            fs_fail(p, fs, bad, msg);
        n->str = out;
    }
    fs_pos(fs, b, &n->end_line, &n->end_col);
    vec_push(p, parts, n);
}

/* Parse text [a, b) of the enclosing source as an f-string expression. */
static Node *fs_expression(Parser *p, FScan *fs, const char *a, const char *b)
{
    int line, col;
    fs_pos(fs, a, &line, &col);
    Lexer sub;
    lex_init_fexpr(&sub, a, (size_t)(b - a), line, col, p->arena);
    Lexer *saved = p->lx;
    int end_line = p->end_line, end_col = p->end_col;
    p->lx = &sub;
    p->fdepth++;
    if (lex_next(&sub) == T_ERROR)
        lex_error_raise(p);
    Node *n = tk(p) == T_YIELD ? yield_expr(p) : star_expressions(p);
    if (n->kind == N_STARRED)   /* 3.11 parses "(*a)" */
        parse_fail(p, n->line, n->col, "cannot use starred expression here");
    if (tk(p) != T_ENDMARKER) {
        /* 3.11 parses the text in parentheses, hence the comma hint */
        Node *last = n;
        if (n->kind == N_TUPLE && !(n->flags & F_PAREN) && n->list.len)
            last = n->list.items[n->list.len - 1];
        expect_close(p, T_ENDMARKER, last);
    }
    p->fdepth--;
    p->lx = saved;
    p->end_line = end_line;
    p->end_col = end_col;
    return n;
}

static const char *fs_parts(Parser *p, FScan *fs, const char *s, int level, Vec *parts);

/* A replacement field; s is at its '{'. Returns the text after its '}'.
 * replacement_field: '{' expression ['='] ['!' conversion] [':' format_spec] '}'
 * The expression ends at the first '!', ':', '}' or '=' outside brackets
 * and strings ('!=', '==', '<=' and '>=' do not end it), as in 3.11. */
static const char *fs_field(Parser *p, FScan *fs, const char *s, int level, Vec *parts)
{
    const char *end = fs->end;
    if (level >= 2 && !fscan_pep701())
        fs_fail(p, fs, s, "f-string: expressions nested too deeply");
    int line, col;
    fs_pos(fs, s, &line, &col);
    Node *f = node_new(p, N_FORMATTED, line, col);
    char stack[PARSE_MAX_DEPTH];
    int depth = 0, triple = 0;
    char quote = 0;
    const char *e = s + 1;
    if (fscan_pep701()) /* 3.12: strings in any quotes, backslashes, comments */
        e = fscan_expr_end(s + 1, end);
    else for (; e < end; e++) {
        char ch = *e;
        if (ch == '\\')
            fs_fail(p, fs, e, "f-string expression part cannot include a backslash");
        if (quote) {
            if (ch == quote) {
                if (!triple)
                    quote = 0;
                else if (e + 2 < end && e[1] == quote && e[2] == quote) {
                    e += 2;
                    quote = 0;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            triple = e + 2 < end && e[1] == ch && e[2] == ch;
            if (triple)
                e += 2;
            quote = ch;
        } else if (ch == '(' || ch == '[' || ch == '{') {
            if (depth >= PARSE_MAX_DEPTH)
                fs_fail(p, fs, e, "too deeply nested (loopscope's limit is 200 levels)");
            stack[depth++] = ch;
        } else if (ch == '#') {
            fs_fail(p, fs, e, "f-string expression part cannot include '#'");
        } else if (depth == 0 && strchr("!:}=<>", ch)) {
            if (e + 1 < end && e[1] == '=' && ch != ':' && ch != '}') {
                e++;
                continue;
            }
            if (ch == '<' || ch == '>')
                continue;
            break;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            char msg[96];
            if (depth == 0) {
                snprintf(msg, sizeof msg, "f-string: unmatched '%c'", ch);
                fs_fail(p, fs, e, msg);
            }
            char o = stack[--depth];
            if ((o == '(') != (ch == ')') || (o == '[') != (ch == ']')) {
                snprintf(msg, sizeof msg,
                         "f-string: closing parenthesis '%c' does not match "
                         "opening parenthesis '%c'", ch, o);
                fs_fail(p, fs, e, msg);
            }
        }
    }
    if (quote)
        fs_fail(p, fs, s, "f-string: unterminated string");
    if (depth) {
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: unmatched '%c'", stack[depth - 1]);
        fs_fail(p, fs, s, msg);
    }
    if (e >= end)
        fs_fail(p, fs, e, "f-string: expecting '}'");
    const char *q = s + 1;
    while (q < e && isspace((unsigned char)*q))
        q++;
    if (q == e) {
        if (*e == '}')
            fs_fail(p, fs, e, fscan_pep701() ? "f-string: valid expression required before '}'"
                                             : "f-string: empty expression not allowed");
        char msg[64];
        snprintf(msg, sizeof msg, "f-string: expression required before '%c'", *e);
        fs_fail(p, fs, e, msg);
    }
    f->a = fs_expression(p, fs, s + 1, e);
    if (*e == '=') {
        e++;
        while (e < end && isspace((unsigned char)*e))
            e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        f->str = arena_strndup(p->arena, s + 1, (size_t)(e - (s + 1)));
        f->len = (size_t)(e - (s + 1));
    }
    if (*e == '!') {
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        if (*e != 's' && *e != 'r' && *e != 'a') {
            char msg[96];
            snprintf(msg, sizeof msg, "f-string: invalid conversion character '%c': expected 's', 'r', or 'a'",
                     *e);
            fs_fail(p, fs, e, fscan_pep701() && *e != '}' ? msg
                    : "f-string: invalid conversion character: expected 's', 'r', or 'a'");
        }
        f->op = (Op)*e;
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
    }
    if (*e == ':') {
        e++;
        if (e >= end)
            fs_fail(p, fs, e, "f-string: expecting '}'");
        int sl, sc;
        fs_pos(fs, e, &sl, &sc);
        Node *spec = node_new(p, N_FSTRING, sl, sc);
        Vec sp = {0};
        e = fs_parts(p, fs, e, level + 1, &sp);
        spec->list = vec_list(&sp);
        fs_pos(fs, e, &spec->end_line, &spec->end_col);
        f->b = spec;
    }
    if (e >= end || *e != '}')
        fs_fail(p, fs, e, "f-string: expecting '}'");
    e++;
    if (f->str && !f->b && !f->op)
        f->op = (Op)'r';
    fs_pos(fs, e, &f->end_line, &f->end_col);
    vec_push(p, parts, f);
    return e;
}

/* The literal text and replacement fields from s: to the end of the body
 * (level 0) or to the '}' closing a format spec (level 1, where '{{' and
 * '}}' are not escapes, as in 3.11). Returns where it stopped. */
static const char *fs_parts(Parser *p, FScan *fs, const char *s, int level, Vec *parts)
{
    const char *end = fs->end, *lit = s;
    while (s < end) {
        char c = *s;
        if (c == '\\' && !fs->raw && s + 1 < end) {
            if (s[1] == 'N' && s + 2 < end && s[2] == '{') {
                /* \N{NAME}: its braces are not a field (the escape itself
                 * is refused when the literal is decoded) */
                s += 3;
                while (s < end && *s != '}')
                    s++;
                if (s < end)
                    s++;
                continue;
            }
            s += (s[1] == '{' || s[1] == '}') ? 1 : 2;
            continue;
        }
        if (c == '{') {
            if (level == 0 && s + 1 < end && s[1] == '{') {
                fs_literal(p, fs, lit, s + 1, parts);
                s += 2;
                lit = s;
                continue;
            }
            fs_literal(p, fs, lit, s, parts);
            s = fs_field(p, fs, s, level, parts);
            lit = s;
            continue;
        }
        if (c == '}') {
            if (level > 0)
                break;
            if (s + 1 < end && s[1] == '}') {
                fs_literal(p, fs, lit, s + 1, parts);
                s += 2;
                lit = s;
                continue;
            }
            fs_fail(p, fs, s, "f-string: single '}' is not allowed");
        }
        s++;
    }
    fs_literal(p, fs, lit, s, parts);
    return s;
}

/* Join adjacent N_STR parts into one (the literal pieces of "a" f"{x}b"
 * "c" and of '{{' escapes), in place. */
static NodeList merge_literals(Parser *p, const Vec *parts)
{
    Vec out = {0};
    for (int i = 0; i < parts->len; i++) {
        Node *n = parts->items[i];
        if (n->kind != N_STR || i + 1 >= parts->len || parts->items[i + 1]->kind != N_STR) {
            vec_push(p, &out, n);
            continue;
        }
        int j = i;
        size_t len = 0;
        while (j < parts->len && parts->items[j]->kind == N_STR)
            len += parts->items[j++]->len;
        char *buf = arena_alloc(p->arena, len + 1);
        size_t w = 0;
        for (int k = i; k < j; k++) {
            memcpy(buf + w, parts->items[k]->str, parts->items[k]->len);
            w += parts->items[k]->len;
        }
        Node *m = node_span(p, N_STR, n, parts->items[j - 1]);
        m->str = buf;
        m->len = len;
        vec_push(p, &out, m);
        i = j - 1;
    }
    return vec_list(&out);
}

/* strings: (STRING | FSTRING)+
 * Adjacent literals concatenate: all plain gives one N_STR, any f-string
 * gives one N_FSTRING. */
static Node *strings(Parser *p)
{
    Node *n = node_tok(p, N_STR);
    Vec parts = {0};
    int any_f = 0;
    while (tk(p) == T_STRING || tk(p) == T_FSTRING) {
        if (TK.unsupported)
            parse_fail(p, TK.bad_line, TK.bad_col, "%s", TK.unsupported);
        if (tk(p) == T_STRING) {
            Node *s = node_tok(p, N_STR);
            s->str = TK.str;
            s->len = TK.len;
            s->end_line = TK.end_line;
            s->end_col = TK.end_col;
            vec_push(p, &parts, s);
        } else {
            any_f = 1;
            FScan fs = {0};
            fs.begin = fs.at = TK.body;
            fs.end = TK.body + TK.len;
            fs.raw = (TK.sflags & S_RAW) != 0;
            fs.line0 = fs.line = TK.body_line;
            fs.col0 = fs.col = TK.body_col;
            fs_parts(p, &fs, fs.begin, 0, &parts);
        }
        advance(p);
    }
    finish(p, n);
    if (!any_f) {
        if (parts.len == 1) {
            n->str = parts.items[0]->str;
            n->len = parts.items[0]->len;
            return n;
        }
        NodeList l = merge_literals(p, &parts);
        /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): strings() starts at a string token, so parts is non-empty, and all-N_STR parts merge to one node */
        n->str = l.items[0]->str;
        n->len = l.items[0]->len;
        return n;
    }
    n->kind = N_FSTRING;
    Vec nonempty = {0};
    NodeList l = merge_literals(p, &parts);
    for (int i = 0; i < l.len; i++)
        if (l.items[i]->kind != N_STR || l.items[i]->len > 0)
            vec_push(p, &nonempty, l.items[i]);
    n->list = vec_list(&nonempty);
    return n;
}

/* ---- parameters ---- */

/* params: ','.param+ [',']     (for lambda: no annotations; close is ':')
 * param: NAME [':' expression] ['=' expression]
 *      | '*' [NAME [':' expression]] | '**' NAME [':' expression] | '/' */
static void parameters(Parser *p, Vec *out, TokKind close, int annotations)
{
    int seen_star = 0, seen_default = 0;
    Pos star = {0, 0};
    Node *kwargs = NULL;
    while (tk(p) != close) {
        if (kwargs)
            parse_fail(p, TK.line, TK.col, "arguments cannot follow var-keyword argument");
        if (tk(p) == T_SLASH)
            fail_unsupported(p, TK.line, TK.col, "positional-only parameters (/) are");
        Node *prm = node_tok(p, N_PARAM);
        if (tk(p) == T_STAR) {
            if (seen_star)
                parse_fail(p, TK.line, TK.col, "* argument may appear only once");
            seen_star = 1;
            star = here(p);
            advance(p);
            if (tk(p) != T_NAME) {
                if (tk(p) != T_COMMA)
                    parse_fail(p, star.line, star.col, "named arguments must follow bare *");
                advance(p);
                if (tk(p) == close || tk(p) == T_DSTAR)
                    parse_fail(p, star.line, star.col, "named arguments must follow bare *");
                continue;
            }
            prm->flags |= F_VARARGS;
        } else if (tk(p) == T_DSTAR) {
            advance(p);
            prm->flags |= F_KWARGS;
            kwargs = prm;
        } else if (seen_star) {
            prm->flags |= F_KWONLY;
        }
        if (tk(p) != T_NAME)
            fail_here(p);
        prm->str = TK.str;
        advance(p);
        if (annotations && accept(p, T_COLON))
            prm->b = expression(p);
        if (tk(p) == T_EQUAL) {
            if (prm->flags & F_VARARGS)
                parse_fail(p, TK.line, TK.col, "var-positional argument cannot have default value");
            if (prm->flags & F_KWARGS)
                parse_fail(p, TK.line, TK.col, "var-keyword argument cannot have default value");
            advance(p);
            prm->a = expression(p);
            if (!(prm->flags & F_KWONLY))
                seen_default = 1;
        } else if (seen_default && !(prm->flags & (F_KWONLY | F_VARARGS | F_KWARGS))) {
            parse_fail(p, prm->line, prm->col, "non-default argument follows default argument");
        }
        vec_push(p, out, finish(p, prm));
        if (!accept(p, T_COMMA))
            break;
    }
}

/* ---- statements ---- */

/* What "expected an indented block after %s on line %d" names. */
static NodeList block(Parser *p, const char *what, int line);

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static void simple_stmts(Parser *p, Vec *out);

/* else_block: 'else' ':' block */
static NodeList else_block(Parser *p)
{
    NodeList none = {0};
    if (tk(p) != T_ELSE)
        return none;
    int line = TK.line;
    advance(p);
    expect_colon_forced(p);
    return block(p, "'else' statement", line);
}

/* if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block])
 * elif_stmt: 'elif' named_expression ':' block (elif_stmt | [else_block]) */
static Node *if_stmt(Parser *p)
{
    int is_elif = tk(p) == T_ELIF;
    if (is_elif)
        enter(p);   /* an elif chain nests in the tree */
    Node *n = node_tok(p, N_IF);
    int line = TK.line;
    const char *what = tk(p) == T_IF ? "'if' statement" : "'elif' statement";
    advance(p);
    n->a = expression(p);
    check_stray_equal(p, n->a);
    expect_colon(p);
    n->list = block(p, what, line);
    finish_block(n, &n->list);
    if (tk(p) == T_ELIF) {
        Vec v = {0};
        vec_push(p, &v, if_stmt(p));
        n->list2 = vec_list(&v);
    } else {
        n->list2 = else_block(p);
    }
    if (n->list2.len)
        finish_block(n, &n->list2);
    if (is_elif)
        leave(p);
    return n;
}

/* while_stmt: 'while' named_expression ':' block [else_block] */
static Node *while_stmt(Parser *p)
{
    Node *n = node_tok(p, N_WHILE);
    int line = TK.line;
    advance(p);
    n->a = expression(p);
    check_stray_equal(p, n->a);
    expect_colon(p);
    n->list = block(p, "'while' statement", line);
    n->list2 = else_block(p);
    finish_block(n, &n->list);
    return finish_block(n, &n->list2);
}

/* for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
 * (the 'async', if any, is consumed; n starts at it) */
static Node *for_stmt(Parser *p, Node *n)
{
    int line = TK.line;
    advance(p);
    n->kind = N_FOR;
    n->a = star_targets(p);
    expect(p, T_IN);
    n->b = no_starred(p, star_expressions(p));
    expect_colon(p);
    n->list = block(p, "'for' statement", line);
    n->list2 = else_block(p);
    finish_block(n, &n->list);
    return finish_block(n, &n->list2);
}

/* with_item: expression ['as' star_target] */
static Node *with_item(Parser *p)
{
    Pos s = here(p);
    Node *e = expression(p);
    Node *it = node_new(p, N_WITHITEM, s.line, s.col);
    it->a = e;
    if (accept(p, T_AS)) {
        it->b = star_target(p);
        target_check(p, it->b, TGT_STORE);
    }
    return finish(p, it);
}

/* Does the '(' after 'with' enclose the items themselves (unless it is
 * matched by a ')' that something other than ':' follows)? Scans ahead on a
 * copy of the lexer. */
static int with_items_parenthesised(Parser *p)
{
    Lexer *la = arena_alloc(p->arena, sizeof *la);
    *la = *p->lx;
    int depth = 0;
    TokKind k = la->t.kind;
    for (;;) {
        switch (k) {
        case T_LPAR: case T_LSQB: case T_LBRACE:
            depth++;
            break;
        case T_RPAR: case T_RSQB: case T_RBRACE:
            if (--depth == 0)
                return lex_next(la) == T_COLON;
            break;
        case T_ERROR: case T_ENDMARKER: case T_NEWLINE:
            return 1;   /* never closed: read as items, as CPython tries first */
        default:
            break;
        }
        k = lex_next(la);
    }
}

/* with_stmt: ['async'] 'with' '(' ','.with_item+ [','] ')' ':' block
 *          | ['async'] 'with' ','.with_item+ ':' block */
static Node *with_stmt(Parser *p, Node *n)
{
    int line = TK.line;
    advance(p);
    n->kind = N_WITH;
    Vec items = {0};
    if (tk(p) == T_LPAR && lex_peek(p->lx) != T_YIELD && with_items_parenthesised(p)) {
        advance(p);
        Node *last = NULL;
        while (tk(p) != T_RPAR) {
            last = with_item(p);
            vec_push(p, &items, last);
            if (!accept(p, T_COMMA))
                break;
            last = NULL;
        }
        expect_close(p, T_RPAR, last);
    } else {
        do
            vec_push(p, &items, with_item(p));
        while (accept(p, T_COMMA));
    }
    if (items.len == 0)
        fail_here(p);
    n->list = vec_list(&items);
    expect_colon(p);
    n->list2 = block(p, "'with' statement", line);
    return finish_block(n, &n->list2);
}

/* try_stmt: 'try' ':' block finally_block
 *         | 'try' ':' block except_block+ [else_block] [finally_block]
 *         | 'try' ':' block except_star_block+ [else_block] [finally_block]
 * except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
 * except_star_block: 'except' '*' expression ['as' NAME] ':' block
 * finally_block: 'finally' ':' block */
static Node *try_stmt(Parser *p)
{
    Node *n = node_tok(p, N_TRY);
    int line = TK.line;
    advance(p);
    expect_colon_forced(p);
    n->list = block(p, "'try' statement", line);
    finish_block(n, &n->list);
    Vec handlers = {0};
    int kinds = 0;   /* 1: except seen, 2: except* seen */
    while (tk(p) == T_EXCEPT) {
        Node *h = node_tok(p, N_HANDLER);
        int hline = TK.line;
        advance(p);
        int star = accept(p, T_STAR);
        kinds |= star ? 2 : 1;
        if (kinds == 3)
            parse_fail(p, h->line, h->col,
                       "cannot have both 'except' and 'except*' on the same 'try'");
        if (tk(p) != T_COLON) {
            h->a = expression(p);
            if (tk(p) == T_COMMA)
                parse_fail(p, h->a->line, h->a->col,
                           "multiple exception types must be parenthesized");
            if (accept(p, T_AS)) {
                if (tk(p) != T_NAME)
                    fail_here(p);
                h->str = TK.str;
                advance(p);
            }
        } else if (star) {
            parse_fail(p, TK.line, TK.col, "expected one or more exception types");
        }
        expect_colon(p);
        h->list = block(p, star ? "'except*' statement" : "'except' statement", hline);
        finish_block(h, &h->list);
        vec_push(p, &handlers, h);
        finish_block(n, &h->list);
    }
    n->list2 = vec_list(&handlers);
    if (kinds == 2)
        n->flags |= F_STAR;
    if (handlers.len) {
        n->list3 = else_block(p);
        finish_block(n, &n->list3);
    }
    if (tk(p) == T_FINALLY) {
        int fline = TK.line;
        advance(p);
        expect_colon_forced(p);
        n->list4 = block(p, "'finally' statement", fline);
        finish_block(n, &n->list4);
    } else if (!handlers.len) {
        parse_fail(p, TK.line, TK.col, "expected 'except' or 'finally' block");
    }
    return n;
}

/* The docstring of a body: its first statement, if a plain string. */
static Node *docstring_of(const NodeList *body)
{
    if (body->len == 0)
        return NULL;
    Node *s = body->items[0];
    if (s->kind == N_EXPR && s->a->kind == N_STR)
        return s->a;
    return NULL;
}

/* type_params (3.12, PEP 695): '[' type_param (',' type_param)* [','] ']'
 * type_param: NAME [':' expression] ['=' expression (3.13)] | '*' NAME | '**' NAME
 * Read and dropped: they only name types for annotations, which loopscope
 * does not evaluate. Before 3.12 the '[' stays where the caller fails. */
static void type_params(Parser *p)
{
    if (tk(p) != T_LSQB || pyver_minor() < 12)
        return;
    advance(p);
    do {
        if (tk(p) == T_RSQB)
            break;
        if (!accept(p, T_STAR))
            accept(p, T_DSTAR);
        if (tk(p) != T_NAME)
            fail_here(p);
        advance(p);
        if (accept(p, T_COLON))
            expression(p);
        if (pyver_minor() >= 13 && accept(p, T_EQUAL))
            expression(p);
    } while (accept(p, T_COMMA));
    expect(p, T_RSQB);
}

/* function_def: decorators ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block */
static Node *function_def(Parser *p, Node *n)
{
    int line = TK.line;
    advance(p);
    n->kind = N_FUNCDEF;
    if (tk(p) != T_NAME)
        fail_here(p);
    n->str = TK.str;
    advance(p);
    type_params(p);
    if (!accept(p, T_LPAR))
        parse_fail(p, TK.line, TK.col, "expected '('");
    Vec params = {0};
    parameters(p, &params, T_RPAR, 1);
    n->list = vec_list(&params);
    expect(p, T_RPAR);
    if (accept(p, T_ARROW))
        n->b = expression(p);
    expect_colon_forced(p);
    n->list2 = block(p, "function definition", line);
    n->c = docstring_of(&n->list2);
    return finish_block(n, &n->list2);
}

/* class_def: decorators 'class' NAME [type_params] ['(' [arguments] ')'] ':' block */
static Node *class_def(Parser *p, Node *n)
{
    int line = TK.line;
    advance(p);
    n->kind = N_CLASSDEF;
    if (tk(p) != T_NAME)
        fail_here(p);
    n->str = TK.str;
    advance(p);
    type_params(p);
    if (tk(p) == T_LPAR) {
        Pos open = here(p);
        advance(p);
        Vec bases = {0};
        call_args(p, &bases, open, 0);
        n->list = vec_list(&bases);
    }
    expect_colon(p);
    n->list2 = block(p, "class definition", line);
    return finish_block(n, &n->list2);
}

/* decorators: ('@' named_expression NEWLINE)+, then a def, async def or class */
static Node *decorated(Parser *p)
{
    Vec decos = {0};
    while (accept(p, T_AT)) {
        vec_push(p, &decos, expression(p));
        expect(p, T_NEWLINE);
    }
    Node *n = node_tok(p, N_FUNCDEF);
    if (tk(p) == T_ASYNC) {
        advance(p);
        if (tk(p) != T_DEF)
            fail_here(p);
        n->flags |= F_ASYNC;
        function_def(p, n);
    } else if (tk(p) == T_DEF) {
        function_def(p, n);
    } else if (tk(p) == T_CLASS) {
        class_def(p, n);
    } else {
        fail_here(p);
    }
    n->list3 = vec_list(&decos);
    return n;
}

/* dotted_name: NAME ('.' NAME)* */
static const char *dotted_name(Parser *p)
{
    Vec parts = {0};
    size_t len = 0;
    for (;;) {
        if (tk(p) != T_NAME)
            fail_here(p);
        Node *n = node_tok(p, N_NAME);
        n->str = TK.str;
        len += TK.len + 1;
        vec_push(p, &parts, n);
        advance(p);
        if (!accept(p, T_DOT))
            break;
    }
    char *s = arena_alloc(p->arena, len);
    size_t w = 0;
    for (int i = 0; i < parts.len; i++) {
        size_t n = strlen(parts.items[i]->str);
        if (i)
            s[w++] = '.';
        memcpy(s + w, parts.items[i]->str, n);
        w += n;
    }
    s[w] = '\0';
    return s;
}

/* ['as' NAME] after an imported name: the name it is bound to. */
static void alias_as(Parser *p, Node *a)
{
    if (!accept(p, T_AS))
        return;
    if (tk(p) != T_NAME)
        fail_here(p);
    a->str2 = TK.str;
    advance(p);
}

/* import_name: 'import' dotted_as_names
 * dotted_as_name: dotted_name ['as' NAME] */
static Node *import_name(Parser *p)
{
    Node *n = node_tok(p, N_IMPORT);
    advance(p);
    Vec names = {0};
    do {
        Node *a = node_tok(p, N_ALIAS);
        a->str = dotted_name(p);
        alias_as(p, a);
        const char *dot = strchr(a->str, '.');
        if (dot && !a->str2) {
            /* import a.b binds a, the top-level package */
            Node *top = node_new(p, N_NAME, a->line, a->col);
            char *s = arena_alloc(p->arena, (size_t)(dot - a->str) + 1);
            memcpy(s, a->str, (size_t)(dot - a->str));
            s[dot - a->str] = '\0';
            top->str = s;
            a->a = top;
        }
        vec_push(p, &names, finish(p, a));
    } while (accept(p, T_COMMA));
    n->list = vec_list(&names);
    return finish(p, n);
}

/* import_from: 'from' dotted_name 'import' import_from_targets
 * import_from_targets: '(' import_from_as_names [','] ')'
 *                    | import_from_as_names !',' | '*'
 * import_from_as_name: NAME ['as' NAME]
 * (relative imports, with leading dots, are refused) */
static Node *import_from(Parser *p)
{
    Node *n = node_tok(p, N_IMPORTFROM);
    advance(p);
    if (tk(p) == T_DOT || tk(p) == T_ELLIPSIS)
        fail_unsupported(p, TK.line, TK.col, "relative imports are");
    n->str = dotted_name(p);
    if (tk(p) != T_IMPORT)
        fail_here(p);
    advance(p);
    if (tk(p) == T_STAR)
        fail_unsupported(p, TK.line, TK.col, "'import *' is");
    int paren = accept(p, T_LPAR);
    Vec names = {0};
    for (;;) {
        if (tk(p) != T_NAME)
            fail_here(p);
        Node *a = node_tok(p, N_ALIAS);
        a->str = TK.str;
        advance(p);
        alias_as(p, a);
        vec_push(p, &names, finish(p, a));
        if (tk(p) != T_COMMA)
            break;
        int cl = TK.line, cc = TK.col;
        advance(p);
        if (paren && tk(p) == T_RPAR)
            break;
        if (!paren && (tk(p) == T_NEWLINE || tk(p) == T_SEMI))
            parse_fail(p, cl, cc, "trailing comma not allowed without surrounding parentheses");
    }
    if (paren)
        expect(p, T_RPAR);
    n->list = vec_list(&names);
    return finish(p, n);
}

/* global_stmt: 'global' ','.NAME+
 * nonlocal_stmt: 'nonlocal' ','.NAME+ */
static Node *names_stmt(Parser *p, NodeKind k)
{
    Node *n = node_tok(p, k);
    advance(p);
    Vec names = {0};
    do {
        if (tk(p) != T_NAME)
            fail_here(p);
        Node *m = node_tok(p, N_NAME);
        m->str = TK.str;
        advance(p);
        vec_push(p, &names, finish(p, m));
    } while (accept(p, T_COMMA));
    n->list = vec_list(&names);
    return finish(p, n);
}

/* del_stmt: 'del' ','.del_target+ [','] */
static Node *del_stmt(Parser *p)
{
    Node *n = node_tok(p, N_DEL);
    advance(p);
    Vec targets = {0};
    do {
        if (!starts_expr(tk(p)) && targets.len)
            break;
        Node *t = star_target(p);
        target_check(p, t, TGT_DEL);
        vec_push(p, &targets, t);
    } while (accept(p, T_COMMA));
    n->list = vec_list(&targets);
    return finish(p, n);
}

/* augassign: '+=' | '-=' | '*=' | '@=' | '/=' | '%=' | '&=' | '|=' | '^='
 *          | '<<=' | '>>=' | '**=' | '//=' */
static Op augassign_op(TokKind k)
{
    switch (k) {
    case T_PLUSEQ: return OP_ADD;
    case T_MINUSEQ: return OP_SUB;
    case T_STAREQ: return OP_MUL;
    case T_ATEQ: return OP_MATMUL;
    case T_SLASHEQ: return OP_DIV;
    case T_PERCENTEQ: return OP_MOD;
    case T_AMPEREQ: return OP_BITAND;
    case T_VBAREQ: return OP_BITOR;
    case T_CIRCUMFLEXEQ: return OP_BITXOR;
    case T_LSHIFTEQ: return OP_LSHIFT;
    case T_RSHIFTEQ: return OP_RSHIFT;
    case T_DSTAREQ: return OP_POW;
    case T_DSLASHEQ: return OP_FLOORDIV;
    default: return OP_NONE;
    }
}

/* assignment: NAME ':' expression ['=' annotated_rhs]
 *           | ('(' single_target ')' | single_subscript_attribute_target)
 *             ':' expression ['=' annotated_rhs]
 *           | (star_targets '=')+ (yield_expr | star_expressions)
 *           | single_target augassign (yield_expr | star_expressions)
 * star_expressions (as an expression statement) */
static Node *expr_stmt(Parser *p)
{
    Pos s = here(p);
    Node *first = yield_or_star_expressions(p);
    TokKind k = tk(p);
    if (first->kind == N_NAMEDEXPR && !(first->flags & F_PAREN))
        parse_fail(p, first->line, (int)first->ival, "invalid syntax"); /* x := 1 needs parentheses */
    if (k == T_COLON) {
        int bad = first->kind != N_NAME && first->kind != N_ATTR && first->kind != N_SUBSCRIPT;
        if (leftmost_is(first, "match") && (bad || lex_peek(p->lx) == T_NEWLINE))
            fail_unsupported(p, first->line, first->col, "match statements are");
        advance(p);
        Node *n = node_new(p, N_ANNASSIGN, s.line, s.col);
        n->a = first;
        n->b = expression(p);
        /* CPython judges the target once an annotation has been read */
        if (first->kind == N_TUPLE || first->kind == N_LIST)
            fail_at_node(p, first, "only single target (not %s) can be annotated",
                         first->kind == N_LIST ? "list" : "tuple");
        if (bad)
            fail_at_node(p, first, "illegal target for annotation%s", "");
        if (accept(p, T_EQUAL))
            n->c = no_starred(p, yield_or_star_expressions(p));
        return finish(p, n);
    }
    Op aug = augassign_op(k);
    if (aug != OP_NONE) {
        if (first->kind != N_NAME && first->kind != N_ATTR && first->kind != N_SUBSCRIPT)
            fail_at_node(p, first, "'%s' is an illegal expression for augmented assignment",
                         expr_name(first));
        advance(p);
        Node *n = node_new(p, N_AUGASSIGN, s.line, s.col);
        n->op = aug;
        n->a = first;
        n->b = no_starred(p, yield_or_star_expressions(p));
        return finish(p, n);
    }
    if (k == T_EQUAL) {
        Vec targets = {0};
        Node *value = first;
        while (tk(p) == T_EQUAL) {
            /* A bad target is reported before its right-hand side is read,
             * as CPython does. When the statement reads as "a = b" (a the
             * target or its last item, b parsing as bitwise_or), CPython's
             * second pass suggests '==' about a, even if a itself is fine. */
            if (!target_ok(value)) {
                Node *last = value;
                if (value->kind == N_TUPLE && !(value->flags & F_PAREN) && value->list.len)
                    last = value->list.items[value->list.len - 1];
                if (targets.len == 0 && bitwise_level(last) && !starts_with_display(last)) {
                    advance(p);
                    if (probe_bitwise_or(p) && tk(p) != T_EQUAL && tk(p) != T_COLONEQ) {
                        if (last->kind == N_NAME && !(last->flags & F_PAREN))
                            parse_fail(p, last->line, last->col,
                                       "invalid syntax. Maybe you meant '==' or ':=' "
                                       "instead of '='?");
                        fail_at_node(p, last, "cannot assign to %s here. Maybe you meant "
                                              "'==' instead of '='?", expr_name(last));
                    }
                }
                target_check(p, value, TGT_STORE);
            }
            advance(p);
            vec_push(p, &targets, value);
            value = yield_or_star_expressions(p);
        }
        for (int i = 0; i < targets.len; i++)
            target_check(p, targets.items[i], TGT_STORE);
        Node *n = node_new(p, N_ASSIGN, s.line, s.col);
        n->list = vec_list(&targets);
        n->a = no_starred(p, value);
        return finish(p, n);
    }
    if (first->kind == N_NAME && !(first->flags & F_PAREN) && starts_expr(k) &&
        (strcmp(first->str, "print") == 0 || strcmp(first->str, "exec") == 0))
        parse_fail(p, first->line, first->col,
                   "Missing parentheses in call to '%s'. Did you mean %s(...)?", first->str,
                   first->str);
    Node *n = node_new(p, N_EXPR, s.line, s.col);
    n->a = no_starred(p, first);
    return finish(p, n);
}

/* simple_stmt: assignment | star_expressions | return_stmt | import_stmt
 *            | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt
 *            | 'break' | 'continue' | global_stmt | nonlocal_stmt
 * return_stmt: 'return' [star_expressions]
 * raise_stmt: 'raise' expression ['from' expression] | 'raise'
 * assert_stmt: 'assert' expression [',' expression] */
static Node *simple_stmt(Parser *p)
{
    Node *n;
    switch (tk(p)) {
    case T_PASS: case T_BREAK: case T_CONTINUE:
        n = node_tok(p, tk(p) == T_PASS ? N_PASS : tk(p) == T_BREAK ? N_BREAK : N_CONTINUE);
        advance(p);
        return finish(p, n);
    case T_RETURN:
        n = node_tok(p, N_RETURN);
        advance(p);
        if (starts_expr(tk(p)))
            n->a = no_starred(p, star_expressions(p));
        return finish(p, n);
    case T_RAISE:
        n = node_tok(p, N_RAISE);
        advance(p);
        if (starts_expr(tk(p))) {
            n->a = expression(p);
            if (accept(p, T_FROM))
                n->b = expression(p);
        }
        return finish(p, n);
    case T_ASSERT:
        n = node_tok(p, N_ASSERT);
        advance(p);
        n->a = expression(p);
        if (accept(p, T_COMMA))
            n->b = expression(p);
        return finish(p, n);
    case T_GLOBAL:
        return names_stmt(p, N_GLOBAL);
    case T_NONLOCAL:
        return names_stmt(p, N_NONLOCAL);
    case T_DEL:
        return del_stmt(p);
    case T_IMPORT:
        return import_name(p);
    case T_FROM:
        return import_from(p);
    default:
        return expr_stmt(p);
    }
}

static void simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        Node *st = simple_stmt(p);
        vec_push(p, out, st);
        if (tk(p) != T_SEMI && tk(p) != T_NEWLINE) {
            Node *last = st->kind == N_EXPR ? st->a : st->kind == N_ASSIGN ? st->a : NULL;
            if (juxtaposed(p, last))
                fail_juxtaposed(p);
        }
        if (!accept(p, T_SEMI) || tk(p) == T_NEWLINE)
            break;
    }
    expect(p, T_NEWLINE);
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts */
static NodeList block(Parser *p, const char *what, int line)
{
    enter(p);
    Vec v = {0};
    if (accept(p, T_NEWLINE)) {
        if (tk(p) != T_INDENT)
            parse_fail(p, TK.line, TK.col, "expected an indented block after %s on line %d",
                       what, line);
        advance(p);
        while (tk(p) != T_DEDENT && tk(p) != T_ENDMARKER)
            statement(p, &v);
        accept(p, T_DEDENT);
    } else {
        simple_stmts(p, &v);
    }
    leave(p);
    return vec_list(&v);
}

/* compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
 *              | try_stmt | while_stmt | match_stmt
 * statement: compound_stmt | simple_stmts */
static void statement(Parser *p, Vec *out)
{
    Node *n;
    switch (tk(p)) {
    case T_IF:
        vec_push(p, out, if_stmt(p));
        return;
    case T_WHILE:
        vec_push(p, out, while_stmt(p));
        return;
    case T_FOR:
        vec_push(p, out, for_stmt(p, node_tok(p, N_FOR)));
        return;
    case T_WITH:
        vec_push(p, out, with_stmt(p, node_tok(p, N_WITH)));
        return;
    case T_TRY:
        vec_push(p, out, try_stmt(p));
        return;
    case T_DEF:
        vec_push(p, out, function_def(p, node_tok(p, N_FUNCDEF)));
        return;
    case T_CLASS:
        vec_push(p, out, class_def(p, node_tok(p, N_CLASSDEF)));
        return;
    case T_AT:
        vec_push(p, out, decorated(p));
        return;
    case T_ASYNC:
        n = node_tok(p, N_FUNCDEF);
        n->flags |= F_ASYNC;
        advance(p);
        if (tk(p) == T_DEF)
            vec_push(p, out, function_def(p, n));
        else if (tk(p) == T_FOR)
            vec_push(p, out, for_stmt(p, n));
        else if (tk(p) == T_WITH)
            vec_push(p, out, with_stmt(p, n));
        else
            fail_here(p);
        return;
    case T_INDENT:
        fail_here(p);
    case T_NAME:
        if (is_name(p, "type") && lex_peek(p->lx) == T_NAME && pyver_minor() >= 12)
            fail_unsupported(p, TK.line, TK.col, "type statements (PEP 695) are");
        if (is_name(p, "match")) {
            switch (lex_peek(p->lx)) {
            case T_NAME: case T_NUMBER: case T_STRING: case T_FSTRING: case T_LBRACE:
            case T_NONE: case T_TRUE: case T_FALSE: case T_NOT: case T_LAMBDA:
            case T_AWAIT:
                fail_unsupported(p, TK.line, TK.col, "match statements are");
            default:
                break;
            }
        }
        break;
    default:
        break;
    }
    simple_stmts(p, out);
}

/* file: [statements] ENDMARKER */
static Node *file_input(Parser *p)
{
    Node *m = node_new(p, N_MODULE, 1, 1);
    Vec body = {0};
    while (tk(p) != T_ENDMARKER)
        statement(p, &body);
    m->list = vec_list(&body);
    Node *doc = docstring_of(&m->list);
    if (doc)
        m->str = doc->str;
    m->end_line = TK.line;
    m->end_col = TK.col;
    return m;
}

Node *parse_module(const Source *src, Arena *arena, LangError *err)
{
    Parser *p = arena_alloc(arena, sizeof *p);
    Lexer *lx = arena_alloc(arena, sizeof *lx);
    lex_init(lx, src, arena);
    p->lx = p->main_lx = lx;
    p->arena = arena;
    p->err = err;
    p->end_line = 1;
    p->end_col = 1;
    if (setjmp(p->jb))
        return NULL;
    if (lex_next(lx) == T_ERROR)
        lex_error_raise(p);
    return file_input(p);
}
