/* parse_expr.c: the expression half of the recursive-descent parser.
 * Owns: one function per expression production, from star_expressions and
 * lambda down through the boolean, comparison and arithmetic levels to
 * primaries, atoms, displays, comprehensions, call arguments and slices.
 * Leaves to parse.c: errors, tokens, nodes, targets, parameters and
 * statements; to parse_fstring.c: string literals and f-strings. What the
 * three share is in parse_int.h. */
#include "parse_int.h"

#include <string.h>

static Node *disjunction(Parser *p);
static Node *factor(Parser *p);

/* yield_expr | star_expressions (assignment right-hand sides) */
Node *yield_or_star_expressions(Parser *p)
{
    if (tk(p) == T_YIELD)
        return yield_expr(p);
    return star_expressions(p);
}

/* An expression that is a value, where a bare *x is not allowed. */
Node *no_starred(Parser *p, Node *n)
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
Node *star_expressions(Parser *p)
{
    return comma_list(p, star_expression);
}

/* star_targets: star_target (',' star_target)* [',']
 * star_target: '*' bitwise_or | bitwise_or      (checked by target_check) */
Node *star_target(Parser *p)
{
    if (tk(p) == T_STAR) {
        Node *n = node_tok(p, N_STARRED);
        advance(p);
        n->a = bitwise_or(p);
        return finish(p, n);
    }
    return bitwise_or(p);
}

Node *star_targets(Parser *p)
{
    Node *t = comma_list(p, star_target);
    target_check(p, t, TGT_STORE);
    return t;
}

/* yield_expr: 'yield' 'from' expression | 'yield' [star_expressions] */
Node *yield_expr(Parser *p)
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
Node *expression(Parser *p)
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
Node *bitwise_or(Parser *p)
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
void call_args(Parser *p, Vec *out, Pos open, int genexp_ok)
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
