/* parse.c: recursive descent over lex.c's tokens, building ast.h's tree.
 * Owns: the parser's errors (every syntax error message is raised through
 * raise_error; parse_fail formats them), the nesting limit, nodes and
 * arena lists, assignment target validation, parameters, and one function
 * per statement production (the rule is in the comment above each, in the
 * notation of CPython's Grammar/python.gram), down to parse_module.
 * Messages and columns follow CPython 3.11, including which of several
 * errors wins (see raise_error and probe).
 * Leaves to parse_expr.c the expression productions, to parse_fstring.c
 * string literals and f-string bodies (the three share parse_int.h); to
 * the lexer tokens and lexical errors; to the compiler checks that need
 * scopes. See parse.h for the contract.
 *
 * Errors unwind with longjmp (as Lua's parser does): everything allocated
 * so far lives in the Arena, so nothing leaks. Lists grow inside the Arena
 * too (Vec), abandoning their old blocks; total waste stays under 2x. */
#include "parse.h"
#include "parse_int.h"

#include "lex.h"
#include "pyver.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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

/* The one function syntax errors are raised through (see raise_error). */
void parse_fail(Parser *p, int line, int col, const char *fmt, ...)
{
    char msg[sizeof p->err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    raise_error(p, line, col, msg, 0);
}

/* Raise the lexer's error (its token is T_ERROR). */
LS_NORETURN void lex_error_raise(Parser *p)
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
LS_NORETURN void fail_here(Parser *p)
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

void enter(Parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH)
        parse_fail(p, TK.line, TK.col, "too deeply nested (loopscope's limit is %d levels)",
                   PARSE_MAX_DEPTH);
}

void leave(Parser *p)
{
    p->depth--;
}

/* Can kind k begin an expression? */
int starts_expr(TokKind k)
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
void expect_close(Parser *p, TokKind closer, const Node *last)
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

Node *node_new(Parser *p, NodeKind k, int line, int col)
{
    Node *n = arena_alloc(p->arena, sizeof *n);
    n->kind = k;
    n->line = n->end_line = line;
    n->col = n->end_col = col;
    return n;
}

/* A node starting at the current token. */
Node *node_tok(Parser *p, NodeKind k)
{
    return node_new(p, k, TK.line, TK.col);
}

Pos here(const Parser *p)
{
    Pos s = {TK.line, TK.col};
    return s;
}

/* End n where the last consumed token ended. */
Node *finish(Parser *p, Node *n)
{
    n->end_line = p->end_line;
    n->end_col = p->end_col;
    return n;
}

Node *node_span(Parser *p, NodeKind k, const Node *from, const Node *to)
{
    Node *n = node_new(p, k, from->line, from->col);
    n->end_line = to->end_line;
    n->end_col = to->end_col;
    return n;
}

void vec_push(Parser *p, Vec *v, Node *n)
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

NodeList vec_list(const Vec *v)
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
const char *expr_name(const Node *n)
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


/* Check that t can be assigned to (or deleted). */
void target_check(Parser *p, Node *t, int ctx)
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

/* ---- parameters ---- */

/* params: ','.param+ [',']     (for lambda: no annotations; close is ':')
 * param: NAME [':' expression] ['=' expression]
 *      | '*' [NAME [':' expression]] | '**' NAME [':' expression] | '/' */
void parameters(Parser *p, Vec *out, TokKind close, int annotations)
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
static void statement(Parser *p, Vec *out);

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
    return parse_module_warned(src, arena, err, NULL);
}

Node *parse_module_warned(const Source *src, Arena *arena, LangError *err, const LexWarning **warnings)
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
    Node *mod = file_input(p);
    if (warnings)
        *warnings = lx->warns->head;
    return mod;
}
