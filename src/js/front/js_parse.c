/* parse.c: the JavaScript parser, recursive descent over the token array,
 * one function per production (the grammar rule in its comment). Every
 * error goes through fail(), which locates it at a token. Refused
 * features (modules, require, generators, with) are refused here with a
 * located message. Leaves scopes and code to compile.c. */
#include "ast.h"

#include <stdio.h>
#include <string.h>

typedef struct Parser {
    Token *t;
    int n, pos;
    Arena *a;
    LangError *err;
    bool failed;
    bool in_async, in_function, in_class_ctor, in_generator;
    int depth;
} Parser;

#define MAX_NESTING 400

static Token *peek(Parser *P) { return &P->t[P->pos]; }
static Token *peekn(Parser *P, int k)
{
    int i = P->pos + k;
    return &P->t[i < P->n ? i : P->n - 1];
}
static Token *next(Parser *P)
{
    Token *t = &P->t[P->pos];
    if (P->pos < P->n - 1)
        P->pos++;
    return t;
}
static bool is_op(const Token *t, const char *op) { return t->kind == TK_PUNCT && !strcmp(t->op, op); }
static bool is_name(const Token *t, const char *s) { return t->kind == TK_NAME && !strcmp(t->str, s); }

static Node *fail_at(Parser *P, const Token *t, const char *fmt, const char *arg)
{
    if (!P->failed) {
        char msg[400];
        snprintf(msg, sizeof msg, fmt, arg ? arg : "");
        lang_error(P->err, t->line, t->col, "%s", msg);
        P->failed = true;
    }
    return NULL;
}

static Node *unexpected(Parser *P, const Token *t)
{
    switch (t->kind) {
    case TK_EOF:
        return fail_at(P, t, "SyntaxError: Unexpected end of input", NULL);
    case TK_NUM:
        return fail_at(P, t, "SyntaxError: Unexpected number", NULL);
    case TK_STR:
        return fail_at(P, t, "SyntaxError: Unexpected string", NULL);
    case TK_NAME:
        return fail_at(P, t, "SyntaxError: Unexpected identifier '%s'", t->str);
    case TK_PUNCT:
        return fail_at(P, t, "SyntaxError: Unexpected token '%s'", t->op);
    default:
        return fail_at(P, t, "SyntaxError: Unexpected template string", NULL);
    }
}

static bool accept(Parser *P, const char *op)
{
    if (is_op(peek(P), op)) {
        next(P);
        return true;
    }
    return false;
}

static bool expect(Parser *P, const char *op)
{
    if (accept(P, op))
        return true;
    if (!strcmp(op, ")") && peek(P)->kind != TK_EOF)
        fail_at(P, peek(P), "SyntaxError: missing ) after argument list", NULL);
    else
        unexpected(P, peek(P));
    return false;
}

static Node *node(Parser *P, NodeKind k, const Token *at)
{
    Node *n = arena_alloc(P->a, sizeof *n);
    n->kind = k;
    n->line = at->line;
    n->col = at->col;
    return n;
}

typedef struct NodeList {
    Node **v;
    int n, cap;
} NodeList;

static void list_push(Parser *P, NodeList *l, Node *x)
{
    if (l->n == l->cap) {
        int nc = l->cap ? l->cap * 2 : 4;
        Node **v = arena_alloc(P->a, (size_t)nc * sizeof(Node *));
        if (l->n)
            memcpy(v, l->v, (size_t)l->n * sizeof(Node *));
        l->v = v;
        l->cap = nc;
    }
    l->v[l->n++] = x;
}

static void set_list(Node *n, NodeList *l)
{
    n->list = l->v;
    n->n = l->n;
}

static const char *const reserved[] = {
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
    "export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "return",
    "super", "switch", "this", "throw", "try", "typeof", "var", "void", "while", "with", "null", "true",
    "false", "enum",
};

static bool is_reserved(const char *s)
{
    for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
        if (!strcmp(s, reserved[i]))
            return true;
    return false;
}

static bool is_ident_tok(const Token *t)
{
    return t->kind == TK_NAME && !is_reserved(t->str);
}

static Node *expression(Parser *P, bool no_in);
static Node *assign(Parser *P, bool no_in);
static Node *statement(Parser *P);
static Node *function_rest(Parser *P, const Token *at, const char *name, int flags);
static Node *class_rest(Parser *P, const Token *at, bool is_decl);
static Node *binding_target(Parser *P);

static bool enter(Parser *P)
{
    if (++P->depth > MAX_NESTING) {
        fail_at(P, peek(P), "SyntaxError: the code is nested too deeply (more than %s levels)", "400");
        return false;
    }
    return true;
}

static Node *ident(Parser *P)
{
    Token *t = peek(P);
    if (!is_ident_tok(t))
        return unexpected(P, t);
    next(P);
    Node *n = node(P, N_IDENT, t);
    n->str = t->str;
    return n;
}

/* BindingElement: BindingTarget ('=' AssignmentExpression)? */
static Node *binding_element(Parser *P)
{
    Token *at = peek(P);
    Node *t = binding_target(P);
    if (!t)
        return NULL;
    if (accept(P, "=")) {
        Node *d = node(P, N_DEFAULT, at);
        d->a = t;
        d->b = assign(P, false);
        return d->b ? d : NULL;
    }
    return t;
}

/* BindingTarget: Identifier | '[' elements ']' | '{' properties '}' */
static Node *binding_target(Parser *P)
{
    Token *at = peek(P);
    if (!enter(P))
        return NULL;
    Node *res = NULL;
    if (accept(P, "[")) {
        Node *n = node(P, N_ARRAY_PAT, at);
        NodeList l = {0};
        while (!is_op(peek(P), "]") && !P->failed) {
            if (is_op(peek(P), ",")) {
                next(P);
                list_push(P, &l, NULL);
                continue;
            }
            if (is_op(peek(P), "...")) {
                Token *r = next(P);
                Node *rest = node(P, N_REST, r);
                rest->a = binding_target(P);
                list_push(P, &l, rest);
            } else {
                list_push(P, &l, binding_element(P));
            }
            if (!is_op(peek(P), "]") && !expect(P, ","))
                break;
        }
        expect(P, "]");
        set_list(n, &l);
        res = n;
    } else if (accept(P, "{")) {
        Node *n = node(P, N_OBJECT_PAT, at);
        NodeList l = {0};
        while (!is_op(peek(P), "}") && !P->failed) {
            Token *kt = peek(P);
            if (accept(P, "...")) {
                Node *rest = node(P, N_REST, kt);
                rest->a = ident(P);
                list_push(P, &l, rest);
            } else {
                Node *p = node(P, N_PROP, kt);
                p->op[0] = PK_INIT;
                if (accept(P, "[")) {
                    p->flags |= NF_COMPUTED;
                    p->a = assign(P, false);
                    expect(P, "]");
                } else if (kt->kind == TK_NAME || kt->kind == TK_STR || kt->kind == TK_NUM) {
                    next(P);
                    p->a = node(P, kt->kind == TK_NUM ? N_NUM : N_STR, kt);
                    p->a->str = kt->str;
                    p->a->slen = kt->slen;
                    p->a->num = kt->num;
                } else {
                    return unexpected(P, kt);
                }
                if (accept(P, ":")) {
                    p->b = binding_element(P);
                } else {
                    if (kt->kind != TK_NAME || is_reserved(kt->str))
                        return unexpected(P, peek(P));
                    Node *id = node(P, N_IDENT, kt);
                    id->str = kt->str;
                    p->b = id;
                    if (accept(P, "=")) {
                        Node *d = node(P, N_DEFAULT, kt);
                        d->a = id;
                        d->b = assign(P, false);
                        p->b = d;
                    }
                }
                list_push(P, &l, p);
            }
            if (!is_op(peek(P), "}") && !expect(P, ","))
                break;
        }
        expect(P, "}");
        set_list(n, &l);
        res = n;
    } else {
        res = ident(P);
    }
    P->depth--;
    return P->failed ? NULL : res;
}

/* An expression already parsed, reread as an assignment target. */
static Node *to_pattern(Parser *P, Node *e, bool binding_only)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case N_IDENT:
        return e;
    case N_MEMBER:
    case N_INDEX:
        if (binding_only)
            break;
        return e;
    case N_ASSIGN:
        if (strcmp(e->op, "="))
            break;
        {
            Node *d = node(P, N_DEFAULT, &(Token){.line = e->line, .col = e->col});
            d->a = to_pattern(P, e->a, binding_only);
            d->b = e->b;
            return d->a ? d : NULL;
        }
    case N_ARRAY: {
        Node *n = node(P, N_ARRAY_PAT, &(Token){.line = e->line, .col = e->col});
        n->list = arena_alloc(P->a, (size_t)(e->n + 1) * sizeof(Node *));
        n->n = e->n;
        for (int i = 0; i < e->n; i++) {
            Node *x = e->list[i];
            if (!x)
                continue;
            if (x->kind == N_SPREAD) {
                Node *r = node(P, N_REST, &(Token){.line = x->line, .col = x->col});
                r->a = to_pattern(P, x->a, binding_only);
                n->list[i] = r;
            } else {
                n->list[i] = to_pattern(P, x, binding_only);
            }
            if (P->failed)
                return NULL;
        }
        return n;
    }
    case N_OBJECT: {
        Node *n = node(P, N_OBJECT_PAT, &(Token){.line = e->line, .col = e->col});
        n->list = arena_alloc(P->a, (size_t)(e->n + 1) * sizeof(Node *));
        n->n = e->n;
        for (int i = 0; i < e->n; i++) {
            Node *p = e->list[i];
            if (p->op[0] == PK_SPREAD) {
                Node *r = node(P, N_REST, &(Token){.line = p->line, .col = p->col});
                r->a = to_pattern(P, p->b, binding_only);
                n->list[i] = r;
            } else if (p->op[0] == PK_INIT) {
                Node *q = node(P, N_PROP, &(Token){.line = p->line, .col = p->col});
                *q = *p;
                q->b = to_pattern(P, p->b, binding_only);
                n->list[i] = q;
            } else {
                break;
            }
            if (P->failed)
                return NULL;
        }
        return n;
    }
    default:
        break;
    }
    return fail_at(P, &(Token){.line = e->line, .col = e->col}, "SyntaxError: Invalid destructuring assignment target", NULL);
}

/* Arguments: '(' (AssignmentExpression | '...' AssignmentExpression),* ')' */
static bool arguments(Parser *P, Node *call)
{
    NodeList l = {0};
    while (!is_op(peek(P), ")") && !P->failed) {
        Token *at = peek(P);
        if (accept(P, "...")) {
            Node *s = node(P, N_SPREAD, at);
            s->a = assign(P, false);
            list_push(P, &l, s);
        } else {
            list_push(P, &l, assign(P, false));
        }
        if (P->failed)
            return false;
        if (!is_op(peek(P), ")") && !accept(P, ",")) {
            fail_at(P, peek(P), peek(P)->kind == TK_EOF ? "SyntaxError: Unexpected end of input"
                                                        : "SyntaxError: missing ) after argument list", NULL);
            return false;
        }
    }
    if (!expect(P, ")"))
        return false;
    set_list(call, &l);
    return !P->failed;
}

/* TemplateLiteral: the chunks and substitutions, as N_TEMPLATE whose list
 * alternates N_STR and expressions. */
/* The raw text of a template chunk whose text starts at src (just after
 * its ` or }): up to the closing ` or ${, escapes kept as written. */
static const char *raw_text(Parser *P, const char *src, size_t *n)
{
    const char *q = src;
    while (*q && *q != '`' && !(q[0] == '$' && q[1] == '{')) {
        if (*q == '\\' && q[1])
            q++;
        q++;
    }
    *n = (size_t)(q - src);
    return arena_strndup(P->a, src, *n);
}

static Node *template_literal(Parser *P)
{
    Token *t = next(P);
    Node *n = node(P, N_TEMPLATE, t);
    NodeList l = {0};
    Node *s = node(P, N_STR, t);
    s->str = t->str;
    s->slen = t->slen;
    s->raw_src = t->src;
    list_push(P, &l, s);
    if (t->kind == TK_THEAD) {
        for (;;) {
            list_push(P, &l, expression(P, false));
            if (P->failed)
                return NULL;
            Token *c = peek(P);
            if (c->kind != TK_TMIDDLE && c->kind != TK_TTAIL)
                return unexpected(P, c);
            next(P);
            Node *cs = node(P, N_STR, c);
            cs->str = c->str;
            cs->slen = c->slen;
            cs->raw_src = c->src;
            list_push(P, &l, cs);
            if (c->kind == TK_TTAIL)
                break;
        }
    }
    set_list(n, &l);
    return n;
}

/* PropertyName for object literals and classes: name, string, number, [expr] */
static Node *property_name(Parser *P, Node *prop)
{
    Token *kt = peek(P);
    if (accept(P, "[")) {
        prop->flags |= NF_COMPUTED;
        Node *k = assign(P, false);
        expect(P, "]");
        return k;
    }
    if (kt->kind == TK_NAME || kt->kind == TK_STR || kt->kind == TK_NUM) {
        next(P);
        Node *k = node(P, kt->kind == TK_NUM ? N_NUM : N_STR, kt);
        k->str = kt->str;
        k->slen = kt->slen;
        k->num = kt->num;
        return k;
    }
    return unexpected(P, kt);
}

static bool starts_property_name(const Token *t)
{
    return t->kind == TK_NAME || t->kind == TK_STR || t->kind == TK_NUM || is_op(t, "[");
}

/* ObjectLiteral: '{' (PropertyDefinition ',')* '}' */
static Node *object_literal(Parser *P)
{
    Token *at = next(P);
    Node *n = node(P, N_OBJECT, at);
    NodeList l = {0};
    while (!is_op(peek(P), "}") && !P->failed) {
        Token *kt = peek(P);
        Node *p = node(P, N_PROP, kt);
        p->op[0] = PK_INIT;
        if (accept(P, "...")) {
            p->op[0] = PK_SPREAD;
            p->b = assign(P, false);
        } else if ((is_name(kt, "get") || is_name(kt, "set")) && starts_property_name(peekn(P, 1))) {
            next(P);
            p->op[0] = kt->str[0] == 'g' ? PK_GET : PK_SET;
            p->a = property_name(P, p);
            p->b = function_rest(P, kt, NULL, NF_METHOD);
        } else if (is_name(kt, "async") && (starts_property_name(peekn(P, 1)) || is_op(peekn(P, 1), "*")) && !peekn(P, 1)->nl_before) {
            next(P);
            int gen = accept(P, "*") ? NF_GENERATOR : 0;
            p->op[0] = PK_METHOD;
            p->a = property_name(P, p);
            p->b = function_rest(P, kt, NULL, NF_METHOD | NF_ASYNC | gen);
        } else if (is_op(kt, "*")) {
            next(P);
            p->op[0] = PK_METHOD;
            p->a = property_name(P, p);
            p->b = function_rest(P, kt, NULL, NF_METHOD | NF_GENERATOR);
        } else {
            p->a = property_name(P, p);
            if (P->failed)
                return NULL;
            if (is_op(peek(P), "(")) {
                p->op[0] = PK_METHOD;
                p->b = function_rest(P, kt, NULL, NF_METHOD);
            } else if (accept(P, ":")) {
                p->b = assign(P, false);
            } else if (kt->kind == TK_NAME && !(p->flags & NF_COMPUTED)) {
                if (is_reserved(kt->str))
                    return unexpected(P, kt);
                Node *id = node(P, N_IDENT, kt);
                id->str = kt->str;
                p->flags |= NF_SHORTHAND;
                p->b = id;
                if (is_op(peek(P), "=")) {
                    /* only valid as a destructuring pattern; kept as an assignment */
                    next(P);
                    Node *as = node(P, N_ASSIGN, kt);
                    strcpy(as->op, "=");
                    as->a = id;
                    as->b = assign(P, false);
                    p->b = as;
                }
            } else {
                return unexpected(P, peek(P));
            }
        }
        list_push(P, &l, p);
        if (!is_op(peek(P), "}") && !expect(P, ","))
            break;
    }
    expect(P, "}");
    set_list(n, &l);
    return P->failed ? NULL : n;
}

/* ArrayLiteral: '[' (AssignmentExpression | '...' AssignmentExpression | hole),* ']' */
static Node *array_literal(Parser *P)
{
    Token *at = next(P);
    Node *n = node(P, N_ARRAY, at);
    NodeList l = {0};
    while (!is_op(peek(P), "]") && !P->failed) {
        Token *et = peek(P);
        if (is_op(et, ",")) {
            next(P);
            list_push(P, &l, NULL);
            continue;
        }
        if (accept(P, "...")) {
            Node *s = node(P, N_SPREAD, et);
            s->a = assign(P, false);
            list_push(P, &l, s);
        } else {
            list_push(P, &l, assign(P, false));
        }
        if (!is_op(peek(P), "]") && !expect(P, ","))
            break;
    }
    expect(P, "]");
    set_list(n, &l);
    return P->failed ? NULL : n;
}

/* PrimaryExpression */
static Node *primary(Parser *P)
{
    Token *t = peek(P);
    switch (t->kind) {
    case TK_NUM: {
        next(P);
        Node *n = node(P, N_NUM, t);
        n->num = t->num;
        n->str = t->str; /* a BigInt's digits */
        return n;
    }
    case TK_REGEXP:
    case TK_STR: {
        next(P);
        Node *n = node(P, t->kind == TK_STR ? N_STR : N_REGEXP, t);
        n->str = t->str;
        n->slen = t->slen;
        n->str2 = t->regexp_flags; /* a regexp's flags */
        return n;
    }
    case TK_TEMPLATE:
    case TK_THEAD:
        return template_literal(P);
    case TK_PUNCT:
        if (is_op(t, "(")) {
            next(P);
            Node *e = expression(P, false);
            expect(P, ")");
            if (P->failed)
                return NULL;
            e->flags |= NF_PAREN;
            return e;
        }
        if (is_op(t, "["))
            return array_literal(P);
        if (is_op(t, "{"))
            return object_literal(P);
        return unexpected(P, t);
    case TK_NAME:
        break;
    default:
        return unexpected(P, t);
    }
    const char *s = t->str;
    if (!strcmp(s, "this")) {
        next(P);
        return node(P, N_THIS, t);
    }
    if (!strcmp(s, "null") || !strcmp(s, "true") || !strcmp(s, "false")) {
        next(P);
        return node(P, s[0] == 'n' ? N_NULL : s[0] == 't' ? N_TRUE : N_FALSE, t);
    }
    if (!strcmp(s, "function")) {
        next(P);
        int gen = accept(P, "*") ? NF_GENERATOR : 0;
        const char *name = is_ident_tok(peek(P)) ? next(P)->str : NULL;
        return function_rest(P, t, name, gen);
    }
    if (!strcmp(s, "async") && is_name(peekn(P, 1), "function") && !peekn(P, 1)->nl_before) {
        next(P);
        next(P);
        int gen = accept(P, "*") ? NF_GENERATOR : 0;
        const char *name = is_ident_tok(peek(P)) ? next(P)->str : NULL;
        return function_rest(P, t, name, NF_ASYNC | gen);
    }
    if (!strcmp(s, "class")) {
        next(P);
        return class_rest(P, t, false);
    }
    if (!strcmp(s, "super")) {
        next(P);
        if (!is_op(peek(P), "(") && !is_op(peek(P), ".") && !is_op(peek(P), "["))
            return fail_at(P, t, "SyntaxError: 'super' keyword unexpected here", NULL);
        return node(P, N_SUPER, t);
    }
    if (!strcmp(s, "import"))
        return fail_at(P, t, "import is refused: a scenario is self-contained CommonJS (loopscope loads no modules)", NULL);
    if (!strcmp(s, "new"))
        return unexpected(P, t);
    if (!strcmp(s, "yield"))
        return fail_at(P, t, "SyntaxError: yield is only valid in generator functions", NULL);
    return ident(P);
}

/* MemberExpression and CallExpression, with optional chains:
 *   (primary | 'new' MemberExpression Arguments?) ('.' name | '?.' ... | '[' Expression ']' | Arguments)* */
static Node *call_member(Parser *P, bool no_call)
{
    Token *t = peek(P);
    Node *e;
    if (!enter(P))
        return NULL;
    if (is_name(t, "new")) {
        next(P);
        if (accept(P, ".")) {
            if (!is_name(peek(P), "target"))
                return unexpected(P, peek(P));
            next(P);
            e = node(P, N_NEWTARGET, t);
        } else {
            Node *callee = call_member(P, true);
            if (!callee)
                return NULL;
            e = node(P, N_NEW, t);
            e->a = callee;
            if (accept(P, "(")) {
                if (!arguments(P, e))
                    return NULL;
            }
        }
    } else {
        e = primary(P);
    }
    bool chain = false;
    while (e && !P->failed) {
        Token *o = peek(P);
        if (is_op(o, ".") || is_op(o, "?.")) {
            bool opt = is_op(o, "?.");
            if (opt && no_call)
                return fail_at(P, o, "SyntaxError: Invalid optional chain from new expression", NULL);
            next(P);
            chain |= opt;
            if (opt && (is_op(peek(P), "(") || is_op(peek(P), "["))) {
                if (accept(P, "(")) {
                    Node *c = node(P, N_CALL, o);
                    c->a = e;
                    c->flags |= NF_OPTIONAL;
                    if (!arguments(P, c))
                        return NULL;
                    e = c;
                } else {
                    next(P);
                    Node *ix = node(P, N_INDEX, o);
                    ix->a = e;
                    ix->b = expression(P, false);
                    ix->flags |= NF_OPTIONAL;
                    expect(P, "]");
                    e = ix;
                }
                continue;
            }
            Token *nt = peek(P);
            if (nt->kind != TK_NAME)
                return unexpected(P, nt);
            next(P);
            Node *m = node(P, N_MEMBER, nt);
            m->a = e;
            m->str = nt->str;
            m->slen = nt->slen;
            if (opt)
                m->flags |= NF_OPTIONAL;
            e = m;
        } else if (is_op(o, "[")) {
            next(P);
            Node *ix = node(P, N_INDEX, o);
            ix->a = e;
            ix->b = expression(P, false);
            expect(P, "]");
            e = ix;
        } else if (is_op(o, "(") && !no_call) {
            next(P);
            if (e->kind == N_IDENT && !strcmp(e->str, "require"))
                return fail_at(P, t, "require() is refused: a scenario is self-contained CommonJS (loopscope loads no modules)", NULL);
            Node *c = node(P, N_CALL, o);
            c->a = e;
            if (!arguments(P, c))
                return NULL;
            e = c;
        } else if (o->kind == TK_TEMPLATE || o->kind == TK_THEAD) {
            /* tag`a${x}b`: tag(strings, x), strings being this site's frozen
             * array of cooked texts with their raw texts in .raw */
            Node *tpl = template_literal(P);
            if (!tpl)
                return NULL;
            Node *c = node(P, N_CALL, o);
            c->a = e;
            Node *obj = node(P, N_TEMPLATE_OBJ, o);
            Node *raw = node(P, N_ARRAY, o);
            NodeList cooked = {0}, raws = {0}, args = {0};
            list_push(P, &args, obj);
            for (int i = 0; i < tpl->n; i++) {
                if (i % 2) {
                    list_push(P, &args, tpl->list[i]);
                    continue;
                }
                list_push(P, &cooked, tpl->list[i]);
                Node *r = node(P, N_STR, o);
                r->str = raw_text(P, tpl->list[i]->raw_src, &r->slen);
                list_push(P, &raws, r);
            }
            set_list(obj, &cooked);
            set_list(raw, &raws);
            obj->a = raw;
            set_list(c, &args);
            e = c;
        } else {
            break;
        }
    }
    P->depth--;
    if (chain && e) {
        Node *c = node(P, N_OPTCHAIN, t);
        c->a = e;
        e = c;
    }
    return P->failed ? NULL : e;
}

/* UnaryExpression / UpdateExpression */
static Node *unary(Parser *P)
{
    Token *t = peek(P);
    if (!enter(P))
        return NULL;
    Node *res;
    if (t->kind == TK_PUNCT && (is_op(t, "!") || is_op(t, "-") || is_op(t, "+") || is_op(t, "~"))) {
        next(P);
        res = node(P, N_UNARY, t);
        strcpy(res->op, t->op);
        res->a = unary(P);
    } else if (is_op(t, "++") || is_op(t, "--")) {
        next(P);
        res = node(P, N_UPDATE, t);
        strcpy(res->op, t->op);
        res->flags |= NF_PREFIX;
        res->a = unary(P);
        if (res->a && res->a->kind != N_IDENT && res->a->kind != N_MEMBER && res->a->kind != N_INDEX)
            return fail_at(P, t, "SyntaxError: Invalid left-hand side expression in prefix operation", NULL);
    } else if (is_name(t, "typeof") || is_name(t, "void") || is_name(t, "delete")) {
        next(P);
        res = node(P, N_UNARY, t);
        snprintf(res->op, sizeof res->op, "%c", t->str[0]); /* t, v, d */
        res->a = unary(P);
    } else if (is_name(t, "await") && P->in_function && !P->in_async && !peekn(P, 1)->nl_before &&
               (peekn(P, 1)->kind == TK_NAME || peekn(P, 1)->kind == TK_NUM || peekn(P, 1)->kind == TK_STR)) {
        return fail_at(P, t, "SyntaxError: await is only valid in async functions and the top level bodies of modules", NULL);
    } else if (is_name(t, "await") && (P->in_async || !P->in_function)) {
        if (!P->in_async)
            return fail_at(P, t, "top-level await is refused: Node 20 would run this file as an ES module, with another order (wrap it in an async function)", NULL);
        next(P);
        res = node(P, N_AWAIT, t);
        Token *first = peek(P);
        res->a = unary(P);
        Token *last = &P->t[P->pos > 0 ? P->pos - 1 : 0];
        if (res->a && first->src && last->src_end && last->src_end > first->src) {
            size_t n = (size_t)(last->src_end - first->src);
            res->str = arena_strndup(P->a, first->src, n > 60 ? 60 : n);
            res->slen = n > 60 ? 60 : n;
        }
    } else {
        Node *e = call_member(P, false);
        Token *o = peek(P);
        if (e && (is_op(o, "++") || is_op(o, "--")) && !o->nl_before) {
            if (e->kind != N_IDENT && e->kind != N_MEMBER && e->kind != N_INDEX)
                return fail_at(P, &(Token){.line = e->line, .col = e->col}, "SyntaxError: Invalid left-hand side expression in postfix operation", NULL);
            next(P);
            Node *u = node(P, N_UPDATE, o);
            strcpy(u->op, o->op);
            u->a = e;
            e = u;
        }
        res = e;
    }
    P->depth--;
    if (res && is_op(peek(P), "**") && (res->kind == N_UNARY || res->kind == N_AWAIT) && !(res->flags & NF_PAREN))
        return fail_at(P, peek(P), "SyntaxError: Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence", NULL);
    return P->failed ? NULL : res;
}

static int binary_prec(const Token *t, bool no_in)
{
    if (t->kind == TK_NAME) {
        if (!strcmp(t->str, "instanceof"))
            return 8;
        if (!strcmp(t->str, "in") && !no_in)
            return 8;
        return 0;
    }
    if (t->kind != TK_PUNCT)
        return 0;
    static const struct {
        const char *op;
        int prec;
    } ops[] = {
        {"??", 1}, {"||", 2}, {"&&", 3}, {"|", 4}, {"^", 5}, {"&", 6}, {"==", 7}, {"!=", 7}, {"===", 7},
        {"!==", 7}, {"<", 8}, {">", 8}, {"<=", 8}, {">=", 8}, {"<<", 9}, {">>", 9}, {">>>", 9}, {"+", 10},
        {"-", 10}, {"*", 11}, {"/", 11}, {"%", 11}, {"**", 12},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (!strcmp(t->op, ops[i].op))
            return ops[i].prec;
    return 0;
}

/* Binary operators by precedence climbing; '**' is right-associative. */
static Node *binary(Parser *P, int min_prec, bool no_in)
{
    Node *left = unary(P);
    while (left && !P->failed) {
        Token *t = peek(P);
        int prec = binary_prec(t, no_in);
        if (!prec || prec < min_prec)
            break;
        next(P);
        bool logical = is_op(t, "&&") || is_op(t, "||") || is_op(t, "??");
        Node *n = node(P, logical ? N_LOGICAL : N_BINARY, t);
        if (t->kind == TK_NAME)
            strcpy(n->op, t->str[1] == 'n' && t->str[2] == 0 ? "in" : "inst");
        else
            strcpy(n->op, t->op);
        n->a = left;
        n->b = binary(P, prec == 12 ? prec : prec + 1, no_in);
        left = n->b ? n : NULL;
    }
    return P->failed ? NULL : left;
}

/* ConditionalExpression: Binary ('?' Assignment ':' Assignment)? */
static Node *conditional(Parser *P, bool no_in)
{
    Node *c = binary(P, 1, no_in);
    Token *t = peek(P);
    if (c && is_op(t, "?")) {
        next(P);
        Node *n = node(P, N_COND, t);
        n->a = c;
        n->b = assign(P, false);
        expect(P, ":");
        n->c = assign(P, no_in);
        return P->failed ? NULL : n;
    }
    return c;
}

/* Block: '{' Statement* '}'. A function f (if given) gets the line of the
 * closing brace. */
static Node *braced_statements(Parser *P, Node *f)
{
    Token *t = peek(P);
    if (!expect(P, "{"))
        return NULL;
    Node *b = node(P, N_BLOCK, t);
    NodeList l = {0};
    while (!is_op(peek(P), "}") && !P->failed) {
        if (peek(P)->kind == TK_EOF)
            return unexpected(P, peek(P));
        list_push(P, &l, statement(P));
    }
    if (f)
        f->end_line = peek(P)->line;
    expect(P, "}");
    set_list(b, &l);
    return P->failed ? NULL : b;
}

/* Index of the token after the ')' matching the '(' at index i, or -1. */
static int skip_parens(Parser *P, int i)
{
    int depth = 0;
    for (; i < P->n; i++) {
        Token *t = &P->t[i];
        if (t->kind == TK_EOF)
            return -1;
        if (t->kind == TK_PUNCT) {
            if (!strcmp(t->op, "(") || !strcmp(t->op, "[") || !strcmp(t->op, "{"))
                depth++;
            else if (!strcmp(t->op, ")") || !strcmp(t->op, "]") || !strcmp(t->op, "}")) {
                if (--depth == 0)
                    return i + 1;
            }
        }
    }
    return -1;
}

/* ArrowFunction: ArrowParameters '=>' (AssignmentExpression | '{' FunctionBody '}') */
static Node *arrow(Parser *P, const Token *at, int flags)
{
    Node *f = node(P, N_FUNC, at);
    f->flags = flags | NF_ARROW;
    NodeList params = {0};
    if (accept(P, "(")) {
        while (!is_op(peek(P), ")") && !P->failed) {
            Token *pt = peek(P);
            if (accept(P, "...")) {
                Node *r = node(P, N_REST, pt);
                r->a = binding_target(P);
                list_push(P, &params, r);
            } else {
                list_push(P, &params, binding_element(P));
            }
            if (!is_op(peek(P), ")") && !expect(P, ","))
                return NULL;
        }
        expect(P, ")");
    } else {
        list_push(P, &params, ident(P));
    }
    set_list(f, &params);
    if (P->failed)
        return NULL;
    if (peek(P)->nl_before)
        return unexpected(P, peek(P));
    expect(P, "=>");
    bool was_async = P->in_async, was_fn = P->in_function, was_gen = P->in_generator;
    P->in_async = (flags & NF_ASYNC) != 0;
    P->in_generator = false;
    P->in_function = true;
    if (is_op(peek(P), "{")) {
        f->b = braced_statements(P, f);
    } else {
        f->flags |= NF_EXPRBODY;
        f->b = assign(P, false);
        f->end_line = f->b ? f->b->line : at->line;
    }
    P->in_generator = was_gen;
    P->in_async = was_async;
    P->in_function = was_fn;
    return P->failed ? NULL : f;
}

static const char *const assign_ops[] = {"=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=",
                                         "&=", "|=", "^=", "&&=", "||=", "?\?="};

/* AssignmentExpression: ArrowFunction | AsyncArrowFunction |
 *   LeftHandSide AssignOp AssignmentExpression | ConditionalExpression */
static Node *assign(Parser *P, bool no_in)
{
    Token *t = peek(P);
    if (!enter(P))
        return NULL;
    Node *res = NULL;
    if (is_name(t, "yield") && P->in_generator) {
        next(P);
        res = node(P, N_YIELD, t);
        if (is_op(peek(P), "*") && !peek(P)->nl_before) {
            next(P);
            res->flags |= NF_DELEGATE;
            res->a = assign(P, no_in);
            P->depth--;
            return P->failed ? NULL : res;
        }
        Token *u = peek(P);
        bool ends = u->nl_before || u->kind == TK_EOF || is_op(u, ")") || is_op(u, "]") || is_op(u, "}") ||
                    is_op(u, ",") || is_op(u, ";") || is_op(u, ":") || u->kind == TK_TMIDDLE || u->kind == TK_TTAIL;
        if (!ends)
            res->a = assign(P, no_in);
        P->depth--;
        return P->failed ? NULL : res;
    }
    if (is_ident_tok(t) && is_op(peekn(P, 1), "=>") && strcmp(t->str, "async") != 0) {
        res = arrow(P, t, 0);
        P->depth--;
        return res;
    }
    if (is_name(t, "async") && !peekn(P, 1)->nl_before) {
        Token *u = peekn(P, 1);
        if (is_ident_tok(u) && is_op(peekn(P, 2), "=>")) {
            next(P);
            res = arrow(P, t, NF_ASYNC);
            P->depth--;
            return res;
        }
        if (is_op(u, "(")) {
            int after = skip_parens(P, P->pos + 1);
            if (after > 0 && is_op(&P->t[after], "=>")) {
                next(P);
                res = arrow(P, t, NF_ASYNC);
                P->depth--;
                return res;
            }
        }
    }
    if (is_name(t, "async") && is_op(peekn(P, 1), "=>")) {
        res = arrow(P, t, 0);
        P->depth--;
        return res;
    }
    if (is_op(t, "(")) {
        int after = skip_parens(P, P->pos);
        if (after > 0 && is_op(&P->t[after], "=>")) {
            res = arrow(P, t, 0);
            P->depth--;
            return res;
        }
    }
    Node *left = conditional(P, no_in);
    Token *o = peek(P);
    if (left && o->kind == TK_PUNCT) {
        for (size_t i = 0; i < sizeof assign_ops / sizeof assign_ops[0]; i++) {
            if (strcmp(o->op, assign_ops[i]) != 0)
                continue;
            Node *target = left;
            if (!strcmp(o->op, "=") && (left->kind == N_ARRAY || left->kind == N_OBJECT))
                target = to_pattern(P, left, false);
            else if (left->kind != N_IDENT && left->kind != N_MEMBER && left->kind != N_INDEX)
                return fail_at(P, &(Token){.line = left->line, .col = left->col},
                               "SyntaxError: Invalid left-hand side in assignment", NULL);
            if (!target)
                return NULL;
            next(P);
            Node *n = node(P, N_ASSIGN, o);
            n->line = left->line;
            n->col = left->col;
            strcpy(n->op, o->op);
            n->a = target;
            n->b = assign(P, no_in);
            left = n->b ? n : NULL;
            break;
        }
    }
    P->depth--;
    return P->failed ? NULL : left;
}

/* Expression: AssignmentExpression (',' AssignmentExpression)* */
static Node *expression(Parser *P, bool no_in)
{
    Token *t = peek(P);
    Node *e = assign(P, no_in);
    if (e && is_op(peek(P), ",")) {
        Node *s = node(P, N_SEQ, t);
        NodeList l = {0};
        list_push(P, &l, e);
        while (accept(P, ",") && !P->failed)
            list_push(P, &l, assign(P, no_in));
        set_list(s, &l);
        return P->failed ? NULL : s;
    }
    return e;
}

/* FormalParameters and FunctionBody, after the name:
 *   '(' (BindingElement | '...' BindingTarget),* ')' '{' Statement* '}' */
static Node *function_rest(Parser *P, const Token *at, const char *name, int flags)
{
    Node *f = node(P, N_FUNC, at);
    f->str = name;
    f->flags = flags;
    if (!expect(P, "("))
        return NULL;
    NodeList params = {0};
    bool was_async = P->in_async, was_fn = P->in_function, was_gen = P->in_generator;
    P->in_async = (flags & NF_ASYNC) != 0;
    P->in_generator = (flags & NF_GENERATOR) != 0;
    P->in_function = true;
    while (!is_op(peek(P), ")") && !P->failed) {
        Token *pt = peek(P);
        if (accept(P, "...")) {
            Node *r = node(P, N_REST, pt);
            r->a = binding_target(P);
            list_push(P, &params, r);
            if (!is_op(peek(P), ")"))
                return fail_at(P, peek(P), "SyntaxError: Rest parameter must be last formal parameter", NULL);
        } else {
            list_push(P, &params, binding_element(P));
        }
        if (!is_op(peek(P), ")") && !expect(P, ","))
            return NULL;
    }
    expect(P, ")");
    set_list(f, &params);
    f->b = braced_statements(P, f);
    P->in_generator = was_gen;
    P->in_async = was_async;
    P->in_function = was_fn;
    return P->failed ? NULL : f;
}

/* ClassTail: ('extends' LeftHandSide)? '{' ClassElement* '}' */
static Node *class_rest(Parser *P, const Token *at, bool is_decl)
{
    Node *c = node(P, N_CLASS, at);
    if (is_ident_tok(peek(P)))
        c->str = next(P)->str;
    else if (is_decl)
        return unexpected(P, peek(P));
    if (is_name(peek(P), "extends")) {
        next(P);
        c->a = call_member(P, false);
        c->flags |= NF_DERIVED;
    }
    if (!expect(P, "{"))
        return NULL;
    NodeList l = {0};
    while (!is_op(peek(P), "}") && !P->failed) {
        if (accept(P, ";"))
            continue;
        Token *mt = peek(P);
        Node *m = node(P, N_PROP, mt);
        m->op[0] = PK_METHOD;
        if (is_name(mt, "static") && !is_op(peekn(P, 1), "(") && !is_op(peekn(P, 1), "=")) {
            next(P);
            m->flags |= NF_STATIC;
            if (is_op(peek(P), "{")) {
                /* a static block: run with the static fields, this = the class */
                bool was_fn = P->in_function, was_async = P->in_async;
                P->in_function = true;
                P->in_async = false;
                m->op[0] = PK_FIELD;
                m->flags |= NF_STATIC_BLOCK;
                m->b = statement(P);
                P->in_function = was_fn;
                P->in_async = was_async;
                list_push(P, &l, m);
                continue;
            }
            mt = peek(P);
        }
        int fflags = NF_METHOD;
        if ((is_name(mt, "get") || is_name(mt, "set")) && starts_property_name(peekn(P, 1))) {
            next(P);
            m->op[0] = mt->str[0] == 'g' ? PK_GET : PK_SET;
        } else if (is_name(mt, "async") && (starts_property_name(peekn(P, 1)) || is_op(peekn(P, 1), "*")) && !peekn(P, 1)->nl_before) {
            next(P);
            fflags |= NF_ASYNC;
        }
        if (is_op(peek(P), "*")) {
            next(P);
            fflags |= NF_GENERATOR;
        }
        Token *kt = peek(P);
        m->a = property_name(P, m);
        if (P->failed)
            return NULL;
        if (is_op(peek(P), "(")) {
            bool ctor = !(m->flags & (NF_STATIC | NF_COMPUTED)) && kt->kind == TK_NAME && !strcmp(kt->str, "constructor");
            if (ctor) {
                if (m->op[0] != PK_METHOD || (fflags & NF_ASYNC))
                    return fail_at(P, kt, "SyntaxError: Class constructor may not be a%s", m->op[0] == PK_METHOD ? "n async method" : " getter or setter");
                fflags |= NF_CTOR | (c->flags & NF_DERIVED);
            }
            m->b = function_rest(P, kt, NULL, fflags);
            if (ctor)
                m->flags |= NF_CTOR;
        } else {
            /* a field: name ('=' AssignmentExpression)? ';' */
            m->op[0] = PK_FIELD;
            if (accept(P, "=")) {
                bool was_fn = P->in_function, was_async = P->in_async;
                P->in_function = true;
                P->in_async = false;
                m->b = assign(P, false);
                P->in_function = was_fn;
                P->in_async = was_async;
            }
            if (!accept(P, ";") && !is_op(peek(P), "}") && !peek(P)->nl_before)
                return unexpected(P, peek(P));
        }
        list_push(P, &l, m);
    }
    c->end_line = peek(P)->line;
    expect(P, "}");
    set_list(c, &l);
    return P->failed ? NULL : c;
}

/* ';', or a place automatic semicolon insertion allows. */
static bool semicolon(Parser *P)
{
    Token *t = peek(P);
    if (is_op(t, ";")) {
        next(P);
        return true;
    }
    if (is_op(t, "}") || t->kind == TK_EOF || t->nl_before)
        return true;
    unexpected(P, t);
    return false;
}

/* VariableDeclaration: ('var'|'let'|'const') (BindingTarget ('=' Assignment)?),+ */
static Node *var_decl(Parser *P, bool no_in, bool in_for)
{
    Token *t = next(P);
    Node *v = node(P, N_VAR, t);
    snprintf(v->op, sizeof v->op, "%c", t->str[0]); /* v, l, c */
    NodeList l = {0};
    do {
        Token *dt = peek(P);
        Node *d = node(P, N_DECL, dt);
        d->a = binding_target(P);
        if (!d->a)
            return NULL;
        if (accept(P, "=")) {
            d->b = assign(P, no_in);
        } else if (!in_for || (!is_name(peek(P), "of") && !is_name(peek(P), "in"))) {
            if (v->op[0] == 'c')
                return fail_at(P, peek(P), "SyntaxError: Missing initializer in const declaration", NULL);
            if (d->a->kind != N_IDENT)
                return fail_at(P, peek(P), "SyntaxError: Missing initializer in destructuring declaration", NULL);
        }
        list_push(P, &l, d);
    } while (accept(P, ",") && !P->failed);
    set_list(v, &l);
    return P->failed ? NULL : v;
}

static Node *block(Parser *P)
{
    return braced_statements(P, NULL);
}

static bool starts_let_decl(Parser *P)
{
    Token *t = peek(P), *u = peekn(P, 1);
    if (is_name(t, "const") || is_name(t, "var"))
        return true;
    return is_name(t, "let") && (u->kind == TK_NAME || is_op(u, "[") || is_op(u, "{"));
}

/* for '(' (init ';' test ';' update | decl ('of'|'in') Expression) ')' Statement */
static Node *for_statement(Parser *P, const Token *t)
{
    bool await_each = false;
    if (is_name(peek(P), "await")) {
        if (!P->in_function)
            return fail_at(P, peek(P), "top-level await is refused: Node 20 would run this file as an ES module, with another order (wrap it in an async function)", NULL);
        if (!P->in_async)
            return fail_at(P, peek(P), "SyntaxError: Unexpected reserved word", NULL);
        next(P);
        await_each = true;
    }
    if (!expect(P, "("))
        return NULL;
    Node *init = NULL;
    if (starts_let_decl(P)) {
        init = var_decl(P, true, true);
    } else if (!is_op(peek(P), ";")) {
        init = expression(P, true);
    }
    if (P->failed)
        return NULL;
    if (is_name(peek(P), "of") || is_name(peek(P), "in")) {
        bool of = peek(P)->str[0] == 'o';
        if (await_each && !of)
            return unexpected(P, peek(P));
        next(P);
        Node *n = node(P, of ? N_FOROF : N_FORIN, t);
        if (await_each)
            n->flags |= NF_AWAIT_EACH;
        if (init->kind == N_VAR) {
            if (init->n != 1 || init->list[0]->b)
                return fail_at(P, t, "SyntaxError: Invalid left-hand side in for-%s loop", of ? "of" : "in");
        } else {
            init = to_pattern(P, init, false);
        }
        n->a = init;
        n->b = of ? assign(P, false) : expression(P, false);
        expect(P, ")");
        n->d = statement(P);
        return P->failed ? NULL : n;
    }
    if (await_each)
        return unexpected(P, peek(P));
    Node *n = node(P, N_FOR, t);
    n->a = init;
    expect(P, ";");
    if (!is_op(peek(P), ";"))
        n->b = expression(P, false);
    expect(P, ";");
    if (!is_op(peek(P), ")"))
        n->c = expression(P, false);
    expect(P, ")");
    n->d = statement(P);
    return P->failed ? NULL : n;
}

static Node *statement(Parser *P)
{
    Token *t = peek(P);
    if (P->failed)
        return NULL;
    if (!enter(P))
        return NULL;
    Node *res = NULL;
    if (t->kind == TK_PUNCT) {
        if (is_op(t, "{"))
            res = block(P);
        else if (is_op(t, ";")) {
            next(P);
            res = node(P, N_EMPTY, t);
        }
    } else if (t->kind == TK_NAME) {
        const char *s = t->str;
        if (starts_let_decl(P)) {
            res = var_decl(P, false, false);
            if (res)
                semicolon(P);
        } else if (!strcmp(s, "function") || (!strcmp(s, "async") && is_name(peekn(P, 1), "function") && !peekn(P, 1)->nl_before)) {
            bool async = s[0] == 'a';
            next(P);
            if (async)
                next(P);
            int gen = 0;
            if (is_op(peek(P), "*")) {
                next(P);
                gen = NF_GENERATOR;
            }
            Token *nt = peek(P);
            if (!is_ident_tok(nt))
                return unexpected(P, nt);
            next(P);
            res = node(P, N_FUNCDECL, t);
            res->str = nt->str;
            res->a = function_rest(P, t, nt->str, (async ? NF_ASYNC : 0) | gen);
        } else if (!strcmp(s, "class")) {
            next(P);
            res = node(P, N_CLASSDECL, t);
            res->a = class_rest(P, t, true);
            if (res->a)
                res->str = res->a->str;
        } else if (!strcmp(s, "if")) {
            next(P);
            res = node(P, N_IF, t);
            expect(P, "(");
            res->a = expression(P, false);
            expect(P, ")");
            res->b = statement(P);
            if (is_name(peek(P), "else")) {
                next(P);
                res->c = statement(P);
            }
        } else if (!strcmp(s, "for")) {
            next(P);
            res = for_statement(P, t);
        } else if (!strcmp(s, "while")) {
            next(P);
            res = node(P, N_WHILE, t);
            expect(P, "(");
            res->a = expression(P, false);
            expect(P, ")");
            res->d = statement(P);
        } else if (!strcmp(s, "do")) {
            next(P);
            res = node(P, N_DOWHILE, t);
            res->d = statement(P);
            if (!is_name(peek(P), "while"))
                return unexpected(P, peek(P));
            next(P);
            expect(P, "(");
            res->a = expression(P, false);
            expect(P, ")");
            accept(P, ";");
        } else if (!strcmp(s, "return")) {
            next(P);
            if (!P->in_function)
                return fail_at(P, t, "SyntaxError: Illegal return statement", NULL);
            res = node(P, N_RETURN, t);
            Token *u = peek(P);
            if (!is_op(u, ";") && !is_op(u, "}") && u->kind != TK_EOF && !u->nl_before)
                res->a = expression(P, false);
            semicolon(P);
        } else if (!strcmp(s, "break") || !strcmp(s, "continue")) {
            next(P);
            res = node(P, s[0] == 'b' ? N_BREAK : N_CONTINUE, t);
            if (is_ident_tok(peek(P)) && !peek(P)->nl_before)
                res->str = next(P)->str;
            semicolon(P);
        } else if (!strcmp(s, "throw")) {
            next(P);
            if (peek(P)->nl_before)
                return fail_at(P, peek(P), "SyntaxError: Illegal newline after throw", NULL);
            res = node(P, N_THROW, t);
            res->a = expression(P, false);
            semicolon(P);
        } else if (!strcmp(s, "try")) {
            next(P);
            res = node(P, N_TRY, t);
            res->a = block(P);
            if (is_name(peek(P), "catch")) {
                next(P);
                if (accept(P, "(")) {
                    res->b = binding_target(P);
                    expect(P, ")");
                }
                res->c = block(P);
                if (!res->c)
                    return NULL;
            }
            if (is_name(peek(P), "finally")) {
                next(P);
                res->d = block(P);
                if (!res->d)
                    return NULL;
            }
            if (!res->c && !res->d && !P->failed)
                return fail_at(P, peek(P), "SyntaxError: Missing catch or finally after try", NULL);
        } else if (!strcmp(s, "switch")) {
            next(P);
            res = node(P, N_SWITCH, t);
            expect(P, "(");
            res->a = expression(P, false);
            expect(P, ")");
            expect(P, "{");
            NodeList cases = {0};
            bool seen_default = false;
            while (!is_op(peek(P), "}") && !P->failed) {
                Token *ct = peek(P);
                Node *c = node(P, N_CASE, ct);
                if (is_name(ct, "case")) {
                    next(P);
                    c->a = expression(P, false);
                } else if (is_name(ct, "default")) {
                    next(P);
                    if (seen_default)
                        return fail_at(P, ct, "SyntaxError: More than one default clause in switch statement", NULL);
                    seen_default = true;
                } else {
                    return unexpected(P, ct);
                }
                expect(P, ":");
                NodeList body = {0};
                while (!is_op(peek(P), "}") && !is_name(peek(P), "case") && !is_name(peek(P), "default") && !P->failed) {
                    if (peek(P)->kind == TK_EOF)
                        return unexpected(P, peek(P));
                    list_push(P, &body, statement(P));
                }
                set_list(c, &body);
                list_push(P, &cases, c);
            }
            expect(P, "}");
            set_list(res, &cases);
        } else if (!strcmp(s, "import") && !is_op(peekn(P, 1), "(") && !is_op(peekn(P, 1), ".")) {
            return fail_at(P, t, "import is refused: a scenario is self-contained CommonJS (loopscope loads no modules)", NULL);
        } else if (!strcmp(s, "export")) {
            return fail_at(P, t, "export is refused: a scenario is self-contained CommonJS (loopscope loads no modules)", NULL);
        } else if (!strcmp(s, "with")) {
            return fail_at(P, t, "with statements are not supported in loopscope's JavaScript", NULL);
        } else if (!strcmp(s, "debugger")) {
            next(P);
            res = node(P, N_EMPTY, t);
            semicolon(P);
        } else if (is_ident_tok(t) && is_op(peekn(P, 1), ":")) {
            next(P);
            next(P);
            res = node(P, N_LABELED, t);
            res->str = t->str;
            res->a = statement(P);
        }
    }
    if (!res && !P->failed) {
        res = node(P, N_EXPR, t);
        res->a = expression(P, false);
        if (res->a)
            semicolon(P);
    }
    P->depth--;
    return P->failed ? NULL : res;
}

Node *js_parse(const Source *src, Arena *a, LangError *err)
{
    Token *toks;
    int n = js_lex(src, a, &toks, err);
    if (n < 0)
        return NULL;
    Parser P = {.t = toks, .n = n, .a = a, .err = err};
    Node *prog = node(&P, N_PROGRAM, &toks[0]);
    NodeList l = {0};
    while (peek(&P)->kind != TK_EOF && !P.failed)
        list_push(&P, &l, statement(&P));
    set_list(prog, &l);
    return P.failed ? NULL : prog;
}
