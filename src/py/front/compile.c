/* compile.c: turns the syntax tree into bytecode.
 * Owns: name resolution (local, cell, free, global, and class-body names:
 * a symbol table built in a first pass over the tree; private-name
 * mangling; zero-argument super()), the control-flow bookkeeping for
 * break/continue/return through try/finally, and the load-time rejection of
 * constructs loopscope does not run ("X is not supported by loopscope").
 * It leaves the meaning of each instruction to vm.c and syntax to parse.c. */
#include "code.h"
#include "stdlib_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *opcode_name(int op)
{
    static const char *const names[I_COUNT] = {
        [I_NOP] = "NOP",
        [I_LOAD_CONST] = "LOAD_CONST",
        [I_LOAD_FAST] = "LOAD_FAST",
        [I_STORE_FAST] = "STORE_FAST",
        [I_DELETE_FAST] = "DELETE_FAST",
        [I_LOAD_DEREF] = "LOAD_DEREF",
        [I_STORE_DEREF] = "STORE_DEREF",
        [I_DELETE_DEREF] = "DELETE_DEREF",
        [I_LOAD_CLOSURE] = "LOAD_CLOSURE",
        [I_LOAD_GLOBAL] = "LOAD_GLOBAL",
        [I_STORE_GLOBAL] = "STORE_GLOBAL",
        [I_DELETE_GLOBAL] = "DELETE_GLOBAL",
        [I_LOAD_ATTR] = "LOAD_ATTR",
        [I_STORE_ATTR] = "STORE_ATTR",
        [I_BINARY_SUBSCR] = "BINARY_SUBSCR",
        [I_STORE_SUBSCR] = "STORE_SUBSCR",
        [I_DELETE_SUBSCR] = "DELETE_SUBSCR",
        [I_POP_TOP] = "POP_TOP",
        [I_DUP_TOP] = "DUP_TOP",
        [I_DUP_TOP_TWO] = "DUP_TOP_TWO",
        [I_ROT_TWO] = "ROT_TWO",
        [I_ROT_THREE] = "ROT_THREE",
        [I_ROT_FOUR] = "ROT_FOUR",
        [I_BINARY] = "BINARY",
        [I_INPLACE] = "INPLACE",
        [I_UNARY] = "UNARY",
        [I_COMPARE] = "COMPARE",
        [I_JUMP] = "JUMP",
        [I_POP_JUMP_IF_FALSE] = "POP_JUMP_IF_FALSE",
        [I_POP_JUMP_IF_TRUE] = "POP_JUMP_IF_TRUE",
        [I_JUMP_IF_FALSE_OR_POP] = "JUMP_IF_FALSE_OR_POP",
        [I_JUMP_IF_TRUE_OR_POP] = "JUMP_IF_TRUE_OR_POP",
        [I_BUILD_TUPLE] = "BUILD_TUPLE",
        [I_BUILD_LIST] = "BUILD_LIST",
        [I_BUILD_DICT] = "BUILD_DICT",
        [I_BUILD_SLICE] = "BUILD_SLICE",
        [I_BUILD_STRING] = "BUILD_STRING",
        [I_LIST_APPEND] = "LIST_APPEND",
        [I_DICT_ADD] = "DICT_ADD",
        [I_LIST_EXTEND] = "LIST_EXTEND",
        [I_DICT_UPDATE] = "DICT_UPDATE",
        [I_LIST_TO_TUPLE] = "LIST_TO_TUPLE",
        [I_FORMAT_VALUE] = "FORMAT_VALUE",
        [I_CALL] = "CALL",
        [I_CALL_KW] = "CALL_KW",
        [I_CALL_EX] = "CALL_EX",
        [I_MAKE_FUNCTION] = "MAKE_FUNCTION",
        [I_RETURN_VALUE] = "RETURN_VALUE",
        [I_GET_ITER] = "GET_ITER",
        [I_FOR_ITER] = "FOR_ITER",
        [I_UNPACK_SEQUENCE] = "UNPACK_SEQUENCE",
        [I_UNPACK_EX] = "UNPACK_EX",
        [I_AWAIT] = "AWAIT",
        [I_YIELD_VALUE] = "YIELD_VALUE",
        [I_SETUP_EXCEPT] = "SETUP_EXCEPT",
        [I_SETUP_FINALLY] = "SETUP_FINALLY",
        [I_POP_BLOCK] = "POP_BLOCK",
        [I_POP_EXCEPT] = "POP_EXCEPT",
        [I_RERAISE] = "RERAISE",
        [I_RAISE] = "RAISE",
        [I_CHECK_EXC_MATCH] = "CHECK_EXC_MATCH",
        [I_IMPORT_NAME] = "IMPORT_NAME",
        [I_IMPORT_FROM] = "IMPORT_FROM",
        [I_LOAD_ASSERTION_ERROR] = "LOAD_ASSERTION_ERROR",
        [I_LOAD_NAME] = "LOAD_NAME",
        [I_STORE_NAME] = "STORE_NAME",
        [I_DELETE_NAME] = "DELETE_NAME",
        [I_DELETE_ATTR] = "DELETE_ATTR",
        [I_BUILD_CLASS] = "BUILD_CLASS",
        [I_BEFORE_WITH] = "BEFORE_WITH",
        [I_SETUP_WITH] = "SETUP_WITH",
        [I_WITH_EXCEPT] = "WITH_EXCEPT",
        [I_GET_AITER] = "GET_AITER",
        [I_GET_ANEXT] = "GET_ANEXT",
        [I_END_ASYNC_FOR] = "END_ASYNC_FOR",
        [I_AGEN_AWAIT] = "AGEN_AWAIT",
        [I_BUILD_SET] = "BUILD_SET",
        [I_SET_ADD] = "SET_ADD",
        [I_SET_UPDATE] = "SET_UPDATE",
        [I_EXCEPT_STAR_MATCH] = "EXCEPT_STAR_MATCH",
        [I_EXCEPT_STAR_END] = "EXCEPT_STAR_END",
        [I_EXCEPT_STAR_RERAISE] = "EXCEPT_STAR_RERAISE",
    };
    return op >= 0 && op < I_COUNT && names[op] ? names[op] : "?";
}

/* ------------------------------------------------------ symbol table */

enum {
    SYM_ASSIGNED = 1, SYM_PARAM = 2, SYM_GLOBAL = 4, SYM_NONLOCAL = 8,
    SYM_USED = 16, SYM_FREE = 32, SYM_CELL = 64
};

/* A class body (SC_CLASS) keeps its names in a namespace dict (LOAD_NAME);
 * functions nested in it do not see them, except the __class__ cell that
 * zero-argument super() reads. */
typedef enum { SC_MODULE, SC_FUNC, SC_COMP, SC_CLASS } ScopeKind;

typedef struct Sym {
    const char *name;
    int flags;
    int slot;   /* fast-local slot (parameters always have one), or -1 */
    int cslot;  /* cell slot: cells first, then frees; or -1 */
    const Node *decl; /* its first global or nonlocal statement, or NULL */
} Sym;

typedef struct Scope {
    ScopeKind kind;
    const Node *node;
    struct Scope *parent;
    Sym *syms;
    int nsyms, cap;
    bool is_async, is_gen;
    char *qualname;
    struct Scope *next_all; /* every scope, for freeing */
} Scope;

typedef struct ScopeMap {
    const Node **keys;
    Scope **vals;
    size_t cap, n;
} ScopeMap;

typedef struct Comp Comp;

/* ---------------------------------------------------------- codegen */

typedef enum {
    FB_WHILE, FB_FOR, FB_TRY_EXCEPT, FB_TRY_FINALLY, FB_HANDLER, FB_FINALLY_HANDLER, FB_WITH, FB_STAR_HANDLER
} FBKind;

typedef struct FBlock {
    FBKind kind;
    int cont, brk;          /* labels for loops */
    const NodeList *finalbody;
    const Node *with;       /* FB_WITH: the with statement (its line, F_ASYNC) */
} FBlock;

typedef struct Unit {
    Scope *sc;
    uint32_t *ops;
    int *lines;
    int n, cap;
    Obj *consts, *names;    /* lists while building */
    int *labels;
    int nlabels, caplabels;
    FBlock fb[256];
    int nfb;
    int line;
} Unit;

struct Comp {
    const Source *src;
    LangError *err;
    const ModuleSpec *const *modules;
    int flags;
    bool failed;
    Scope *all_scopes;
    ScopeMap map;
    Unit *u;
    int depth;
};

#define FAIL(c, n, ...) fail_at((c), (n) ? (n)->line : 0, (n) ? (n)->col : 0, __VA_ARGS__)

static void fail_at(Comp *c, int line, int col, const char *fmt, ...) LS_PRINTF(4, 5);
static void fail_at(Comp *c, int line, int col, const char *fmt, ...)
{
    if (c->failed)
        return;
    c->failed = true;
    c->err->line = line;
    c->err->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err->msg, sizeof c->err->msg, fmt, ap);
    va_end(ap);
}

static void map_put(ScopeMap *m, const Node *k, Scope *v)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        const Node **nk = xcalloc(ncap, sizeof *nk);
        Scope **nv = xcalloc(ncap, sizeof *nv);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t j = ((uintptr_t)m->keys[i] >> 4) & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = m->keys[i];
            nv[j] = m->vals[i];
        }
        xfree(m->keys);
        xfree(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    size_t j = ((uintptr_t)k >> 4) & (m->cap - 1);
    while (m->keys[j])
        j = (j + 1) & (m->cap - 1);
    m->keys[j] = k;
    m->vals[j] = v;
    m->n++;
}

static Scope *map_get(ScopeMap *m, const Node *k)
{
    size_t j = ((uintptr_t)k >> 4) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k)
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}

static Sym *sym_find(Scope *sc, const char *name)
{
    for (int i = 0; i < sc->nsyms; i++)
        if (strcmp(sc->syms[i].name, name) == 0)
            return &sc->syms[i];
    return NULL;
}

static Sym *sym_add(Scope *sc, const char *name, int flags)
{
    Sym *s = sym_find(sc, name);
    if (s) {
        s->flags |= flags;
        return s;
    }
    if (sc->nsyms == sc->cap) {
        sc->cap = sc->cap ? sc->cap * 2 : 8;
        sc->syms = xrealloc(sc->syms, (size_t)sc->cap * sizeof(Sym));
    }
    sc->syms[sc->nsyms] = (Sym){name, flags, -1, -1, NULL};
    return &sc->syms[sc->nsyms++];
}

static Scope *scope_new(Comp *c, ScopeKind kind, const Node *n, Scope *parent, const char *name)
{
    Scope *sc = xcalloc(1, sizeof *sc);
    sc->kind = kind;
    sc->node = n;
    sc->parent = parent;
    sc->next_all = c->all_scopes;
    c->all_scopes = sc;
    if (!parent || parent->kind == SC_MODULE) {
        sc->qualname = xstrdup(name);
    } else {
        size_t len = strlen(parent->qualname) + strlen(name) + 16;
        sc->qualname = xmalloc(len);
        snprintf(sc->qualname, len, "%s%s%s", parent->qualname, parent->kind == SC_CLASS ? "." : ".<locals>.",
                 name);
    }
    if (n)
        map_put(&c->map, n, sc);
    return sc;
}

static void sym_stmts(Comp *c, Scope *sc, const NodeList *l);
static void sym_expr(Comp *c, Scope *sc, const Node *n);

static void sym_exprs(Comp *c, Scope *sc, const NodeList *l)
{
    for (int i = 0; i < l->len; i++)
        sym_expr(c, sc, l->items[i]);
}

static void sym_target(Comp *c, Scope *sc, const Node *n)
{
    switch (n->kind) {
    case N_NAME:
        sym_add(sc, n->str, SYM_ASSIGNED);
        break;
    case N_TUPLE:
    case N_LIST:
        for (int i = 0; i < n->list.len; i++)
            sym_target(c, sc, n->list.items[i]);
        break;
    case N_STARRED:
        sym_target(c, sc, n->a);
        break;
    default:
        sym_expr(c, sc, n);
    }
}

static void sym_params(Comp *c, Scope *outer, Scope *inner, const NodeList *params)
{
    for (int i = 0; i < params->len; i++) {
        const Node *p = params->items[i];
        if (p->a)
            sym_expr(c, outer, p->a);
        if (sym_find(inner, p->str)) {
            FAIL(c, p, "duplicate argument '%s' in function definition", p->str);
            return;
        }
        sym_add(inner, p->str, SYM_PARAM | SYM_ASSIGNED);
    }
}

static void sym_comp(Comp *c, Scope *sc, const Node *n, const char *name)
{
    const NodeList *gens = &n->list;
    if (gens->len == 0)
        return;
    sym_expr(c, sc, gens->items[0]->b);
    Scope *in = scope_new(c, SC_COMP, n, sc, name);
    sym_add(in, ".0", SYM_PARAM | SYM_ASSIGNED);
    if (n->kind == N_GENEXP)
        in->is_gen = true;
    for (int i = 0; i < gens->len; i++) {
        const Node *g = gens->items[i];
        if (i > 0)
            sym_expr(c, in, g->b);
        sym_target(c, in, g->a);
        sym_exprs(c, in, &g->list);
    }
    if (n->a)
        sym_expr(c, in, n->a);
    if (n->b)
        sym_expr(c, in, n->b);
    for (int i = 0; i < gens->len; i++)
        if (gens->items[i]->flags & F_ASYNC)
            in->is_async = true;
    /* awaiting an async list/set/dict comprehension makes the outer one async too */
    if (in->is_async && n->kind != N_GENEXP && sc->kind == SC_COMP)
        sc->is_async = true;
}

static void sym_expr(Comp *c, Scope *sc, const Node *n)
{
    if (!n || c->failed)
        return;
    switch (n->kind) {
    case N_NAME:
        sym_add(sc, n->str, SYM_USED);
        return;
    case N_NAMEDEXPR: {
        /* in a comprehension, := binds in the enclosing function (PEP 572) */
        sym_expr(c, sc, n->b);
        Scope *t = sc;
        while (t->kind == SC_COMP && t->parent)
            t = t->parent;
        if (t == sc) {
            sym_add(sc, n->a->str, SYM_ASSIGNED);
            return;
        }
        if (t->kind == SC_CLASS) {
            FAIL(c, n, "assignment expression within a comprehension cannot be used in a class body");
            return;
        }
        sym_add(t, n->a->str, SYM_ASSIGNED);
        for (Scope *s = sc; s != t; s = s->parent)
            sym_add(s, n->a->str, t->kind == SC_MODULE ? SYM_GLOBAL : SYM_NONLOCAL);
        return;
    }
    case N_LAMBDA: {
        Scope *in = scope_new(c, SC_FUNC, n, sc, "<lambda>");
        sym_params(c, sc, in, &n->list);
        sym_expr(c, in, n->a);
        return;
    }
    case N_LISTCOMP: sym_comp(c, sc, n, "<listcomp>"); return;
    case N_SETCOMP: sym_comp(c, sc, n, "<setcomp>"); return;
    case N_DICTCOMP: sym_comp(c, sc, n, "<dictcomp>"); return;
    case N_GENEXP: sym_comp(c, sc, n, "<genexpr>"); return;
    case N_YIELD:
    case N_YIELDFROM:
        sc->is_gen = true;
        break;
    case N_CALL:
        if (sc->kind == SC_FUNC && n->a->kind == N_NAME && strcmp(n->a->str, "super") == 0 && n->list.len == 0)
            sym_add(sc, "__class__", SYM_USED); /* zero-argument super() */
        break;
    case N_AWAIT:
        if (sc->kind == SC_COMP)
            sc->is_async = true;
        break;
    default:
        break;
    }
    sym_expr(c, sc, n->a);
    sym_expr(c, sc, n->b);
    sym_expr(c, sc, n->c);
    sym_exprs(c, sc, &n->list);
    sym_exprs(c, sc, &n->list2);
}

static void sym_stmt(Comp *c, Scope *sc, const Node *n)
{
    if (c->failed)
        return;
    switch (n->kind) {
    case N_FUNCDEF: {
        sym_exprs(c, sc, &n->list3);
        sym_add(sc, n->str, SYM_ASSIGNED);
        Scope *in = scope_new(c, SC_FUNC, n, sc, n->str);
        in->is_async = n->flags & F_ASYNC;
        sym_params(c, sc, in, &n->list);
        sym_stmts(c, in, &n->list2);
        return;
    }
    case N_CLASSDEF: {
        sym_exprs(c, sc, &n->list3);
        sym_exprs(c, sc, &n->list);
        sym_add(sc, n->str, SYM_ASSIGNED);
        Scope *in = scope_new(c, SC_CLASS, n, sc, n->str);
        sym_stmts(c, in, &n->list2);
        return;
    }
    case N_ASSIGN:
        for (int i = 0; i < n->list.len; i++)
            sym_target(c, sc, n->list.items[i]);
        sym_expr(c, sc, n->a);
        return;
    case N_AUGASSIGN:
        if (n->a->kind == N_NAME)
            sym_add(sc, n->a->str, SYM_ASSIGNED | SYM_USED);
        else
            sym_expr(c, sc, n->a);
        sym_expr(c, sc, n->b);
        return;
    case N_ANNASSIGN:
        sym_target(c, sc, n->a);
        sym_expr(c, sc, n->c);
        return;
    case N_FOR:
        sym_target(c, sc, n->a);
        sym_expr(c, sc, n->b);
        sym_stmts(c, sc, &n->list);
        sym_stmts(c, sc, &n->list2);
        return;
    case N_WHILE:
    case N_IF:
        sym_expr(c, sc, n->a);
        sym_stmts(c, sc, &n->list);
        sym_stmts(c, sc, &n->list2);
        return;
    case N_TRY:
        sym_stmts(c, sc, &n->list);
        for (int i = 0; i < n->list2.len; i++) {
            const Node *h = n->list2.items[i];
            sym_expr(c, sc, h->a);
            if (h->str)
                sym_add(sc, h->str, SYM_ASSIGNED);
            sym_stmts(c, sc, &h->list);
        }
        sym_stmts(c, sc, &n->list3);
        sym_stmts(c, sc, &n->list4);
        return;
    case N_WITH:
        for (int i = 0; i < n->list.len; i++) {
            sym_expr(c, sc, n->list.items[i]->a);
            if (n->list.items[i]->b)
                sym_target(c, sc, n->list.items[i]->b);
        }
        sym_stmts(c, sc, &n->list2);
        return;
    case N_IMPORT:
    case N_IMPORTFROM:
        for (int i = 0; i < n->list.len; i++) {
            const Node *al = n->list.items[i];
            const char *nm = al->str2 ? al->str2 : al->str;
            if (n->kind == N_IMPORT && al->a)
                nm = al->a->str; /* import a.b binds a */
            sym_add(sc, nm, SYM_ASSIGNED);
        }
        return;
    case N_GLOBAL:
    case N_NONLOCAL:
        if (sc->kind == SC_MODULE && n->kind == N_NONLOCAL) {
            FAIL(c, n, "nonlocal declaration not allowed at module level");
            return;
        }
        for (int i = 0; i < n->list.len; i++) {
            const Node *nm = n->list.items[i];
            Sym *s = sym_find(sc, nm->str);
            int other = n->kind == N_GLOBAL ? SYM_NONLOCAL : SYM_GLOBAL;
            if (s && (s->flags & other)) {
                /* CPython points at the first of the two declarations */
                FAIL(c, s->decl ? s->decl : n, "name '%s' is nonlocal and global", nm->str);
                return;
            }
            if (s && (s->flags & SYM_PARAM)) {
                FAIL(c, n, "name '%s' is parameter and %s", nm->str, n->kind == N_GLOBAL ? "global" : "nonlocal");
                return;
            }
            if (s && (s->flags & (SYM_ASSIGNED | SYM_USED)) && !(s->flags & (SYM_GLOBAL | SYM_NONLOCAL))) {
                FAIL(c, nm, "name '%s' is used prior to %s declaration", nm->str,
                     n->kind == N_GLOBAL ? "global" : "nonlocal");
                return;
            }
            s = sym_add(sc, nm->str, n->kind == N_GLOBAL ? SYM_GLOBAL : SYM_NONLOCAL);
            if (!s->decl)
                s->decl = n;
        }
        return;
    case N_DEL:
        for (int i = 0; i < n->list.len; i++)
            sym_target(c, sc, n->list.items[i]);
        return;
    default:
        sym_expr(c, sc, n->a);
        sym_expr(c, sc, n->b);
        sym_expr(c, sc, n->c);
        sym_exprs(c, sc, &n->list);
        return;
    }
}

static void sym_stmts(Comp *c, Scope *sc, const NodeList *l)
{
    for (int i = 0; i < l->len && !c->failed; i++)
        sym_stmt(c, sc, l->items[i]);
}

/* Decide local / cell / free / global for every name of every function scope. */
static void sym_resolve(Comp *c)
{
    for (Scope *sc = c->all_scopes; sc; sc = sc->next_all) {
        if (sc->kind == SC_MODULE)
            continue;
        for (int i = 0; i < sc->nsyms; i++) {
            Sym *s = &sc->syms[i];
            if (s->flags & SYM_GLOBAL)
                continue;
            bool local = (s->flags & (SYM_ASSIGNED | SYM_PARAM)) && !(s->flags & SYM_NONLOCAL);
            if (local || (s->flags & SYM_FREE))
                continue;
            /* look outward through enclosing functions */
            Scope *p = sc->parent;
            Sym *found = NULL;
            for (; p && p->kind != SC_MODULE; p = p->parent) {
                if (p->kind == SC_CLASS) {
                    if (strcmp(s->name, "__class__") != 0)
                        continue; /* class names are invisible to nested functions */
                    found = sym_add(p, s->name, 0);
                    break;
                }
                Sym *ps = sym_find(p, s->name);
                if (ps && (ps->flags & SYM_GLOBAL))
                    break;
                if (ps && (ps->flags & (SYM_ASSIGNED | SYM_PARAM)) && !(ps->flags & SYM_NONLOCAL)) {
                    found = ps;
                    break;
                }
            }
            if (!found) {
                if (s->flags & SYM_NONLOCAL) {
                    fail_at(c, sc->node ? sc->node->line : 0, sc->node ? sc->node->col : 0,
                            "no binding for nonlocal '%s' found", s->name);
                    return;
                }
                continue;
            }
            found->flags |= SYM_CELL;
            for (Scope *q = sc; q != p; q = q->parent)
                sym_add(q, s->name, 0)->flags |= SYM_FREE;
        }
    }
}

/* --------------------------------------------------------- emitting */

static const bool is_jump[I_COUNT] = {
    [I_JUMP] = true, [I_POP_JUMP_IF_FALSE] = true, [I_POP_JUMP_IF_TRUE] = true,
    [I_JUMP_IF_FALSE_OR_POP] = true, [I_JUMP_IF_TRUE_OR_POP] = true, [I_FOR_ITER] = true,
    [I_SETUP_EXCEPT] = true, [I_SETUP_FINALLY] = true, [I_SETUP_WITH] = true, [I_EXCEPT_STAR_MATCH] = true,
};

static void emit(Comp *c, int op, int arg)
{
    Unit *u = c->u;
    if (arg < 0 || arg > MAX_OPARG) {
        fail_at(c, u->line, 1, "this function is too large for loopscope");
        arg = 0;
    }
    if (u->n == u->cap) {
        u->cap = u->cap ? u->cap * 2 : 64;
        u->ops = xrealloc(u->ops, (size_t)u->cap * sizeof(uint32_t));
        u->lines = xrealloc(u->lines, (size_t)u->cap * sizeof(int));
    }
    u->ops[u->n] = MAKE_OP(op, arg); // NOLINT(clang-analyzer-core.UndefinedBinaryOperatorResult): op is a small opcode, op << 8 fits in uint32_t
    u->lines[u->n] = u->line;
    u->n++;
}

static int label_new(Comp *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 16;
        u->labels = xrealloc(u->labels, (size_t)u->caplabels * sizeof(int));
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void label_here(Comp *c, int l)
{
    c->u->labels[l] = c->u->n;
}

static int const_add(Comp *c, Obj *v) /* steals v */
{
    Obj *l = c->u->consts;
    for (size_t i = 0; i < LIST_N(l); i++) {
        Obj *x = LIST_ITEMS(l)[i];
        if (x->cls == v->cls && (x == v || ((IS(v, StrClass) || IS(v, IntClass)) && obj_eq(x, v) == 1))) {
            DECREF(v);
            return (int)i;
        }
    }
    list_append_steal(l, v);
    return (int)LIST_N(l) - 1;
}

static int name_add(Comp *c, const char *name)
{
    Obj *l = c->u->names;
    for (size_t i = 0; i < LIST_N(l); i++)
        if (str_eq_c(LIST_ITEMS(l)[i], name))
            return (int)i;
    list_append_steal(l, str_from(name));
    return (int)LIST_N(l) - 1;
}

/* Private names: inside a class, `__x` (not ending in "__") means
 * `_Class__x`, as in CPython. Applied to attribute names and to the names a
 * class body binds, the two places scenarios can observe it. */
static int mangled_add(Comp *c, const char *name)
{
    size_t n = strlen(name);
    const Scope *sc = c->u->sc;
    while (sc && sc->kind != SC_CLASS)
        sc = sc->parent;
    if (!sc || n < 3 || strncmp(name, "__", 2) != 0 || strcmp(name + n - 2, "__") == 0)
        return name_add(c, name);
    const char *cls = sc->node->str;
    while (*cls == '_')
        cls++;
    if (!*cls)
        return name_add(c, name);
    size_t len = strlen(cls) + n + 2;
    char *m = xmalloc(len);
    snprintf(m, len, "_%s%s", cls, name);
    int i = name_add(c, m);
    xfree(m);
    return i;
}

static void emit_const(Comp *c, Obj *v)
{
    emit(c, I_LOAD_CONST, const_add(c, v));
}

static void set_line(Comp *c, const Node *n)
{
    if (n && n->line > 0)
        c->u->line = n->line;
}

/* ------------------------------------------------------ expressions */

static void expr(Comp *c, const Node *n);
static void store_target(Comp *c, const Node *t);
static void stmts(Comp *c, const NodeList *l);
static CodeObj *unit_finish(Comp *c, const char *name, int argcount, int kwonly, int flags, int firstline);

static void unsupported(Comp *c, const Node *n, const char *what)
{
    FAIL(c, n, "%s %s not supported by loopscope", what,
         what[strlen(what) - 1] == 's' && strcmp(what + strlen(what) - 2, "ss") != 0 ? "are" : "is");
}

typedef enum { ACC_LOAD, ACC_STORE, ACC_DELETE } Access;

static void name_op(Comp *c, const char *name, Access acc, const Node *at)
{
    Scope *sc = c->u->sc;
    Sym *s = sc->kind == SC_MODULE ? NULL : sym_find(sc, name);
    static const int global_ops[] = {I_LOAD_GLOBAL, I_STORE_GLOBAL, I_DELETE_GLOBAL};
    static const int fast_ops[] = {I_LOAD_FAST, I_STORE_FAST, I_DELETE_FAST};
    static const int deref_ops[] = {I_LOAD_DEREF, I_STORE_DEREF, I_DELETE_DEREF};
    static const int name_ops[] = {I_LOAD_NAME, I_STORE_NAME, I_DELETE_NAME};
    (void)at;
    if (sc->kind == SC_CLASS) {
        /* the class namespace; an enclosing function's variable when the
         * body only reads it */
        if (s && (s->flags & SYM_GLOBAL))
            emit(c, global_ops[acc], name_add(c, name));
        else if (s && (s->flags & SYM_FREE) && !(s->flags & SYM_ASSIGNED) && s->cslot >= 0)
            emit(c, deref_ops[acc], s->cslot);
        else
            emit(c, name_ops[acc], mangled_add(c, name));
        return;
    }
    if (s && !(s->flags & SYM_GLOBAL) && s->cslot >= 0)
        emit(c, deref_ops[acc], s->cslot);
    else if (s && !(s->flags & SYM_GLOBAL) && s->slot >= 0)
        emit(c, fast_ops[acc], s->slot);
    else
        emit(c, global_ops[acc], name_add(c, name));
}

/* Inside an async def, or an async comprehension (whose placement
 * expr_comp checked): where await, async for and async with may go. */
static bool in_async_function(Comp *c)
{
    return c->u->sc->kind != SC_MODULE && c->u->sc->is_async;
}

/* Python builtins loopscope does not provide: host or interpreter access (open, exec...), and bytes. */
static const char *const refused_builtins[] = {
    "open", "exec", "eval", "compile", "__import__", "input", "globals", "locals", "vars",
    "delattr", "breakpoint", "memoryview", "bytearray", "bytes", "help", "exit", "quit",
    "dir", "ascii", "slice", "complex", "__build_class__",
    NULL,
};


static bool in_list(const char *const *l, const char *s)
{
    for (; *l; l++)
        if (strcmp(*l, s) == 0)
            return true;
    return false;
}

bool compile_refused_builtin(const char *name)
{
    return in_list(refused_builtins, name);
}

/* A global name used but never assigned at module level: refuse the
 * builtins loopscope does not provide, with a located error. */
static void check_global_name(Comp *c, const Node *n)
{
    if (c->flags & CO_LIBRARY)
        return;
    Scope *mod = c->u->sc;
    while (mod->parent)
        mod = mod->parent;
    Sym *s = sym_find(mod, n->str);
    if (s && (s->flags & SYM_ASSIGNED))
        return;
    if (in_list(refused_builtins, n->str)) {
        char what[96];
        snprintf(what, sizeof what, "the built-in '%s'", n->str);
        unsupported(c, n, what);
    }
}

static const ModuleSpec *module_find(Comp *c, const char *name)
{
    for (const ModuleSpec *const *m = c->modules; m && *m; m++)
        if (strcmp((*m)->name, name) == 0)
            return *m;
    return NULL;
}

/* A name the module lacks in CPython too: not refused at load time, it
 * fails at run time the way CPython fails (with its "Did you mean"). */
static bool module_typo(const ModuleSpec *m, const char *name)
{
    return m->cpython && strncmp(name, "__", 2) != 0 && !in_list(m->cpython, name);
}

/* asyncio.X where `asyncio` is a module imported at top level: check X exists. */
static const ModuleSpec *module_of_name(Comp *c, const char *name)
{
    Scope *mod = c->u->sc;
    while (mod->parent)
        mod = mod->parent;
    Sym *s = sym_find(mod, name);
    if (!s || s->slot != -2)
        return NULL;
    Scope *sc = c->u->sc;
    if (sc->kind != SC_MODULE) {
        Sym *ls = sym_find(sc, name);
        if (ls && !(ls->flags & SYM_GLOBAL) && (ls->flags & (SYM_ASSIGNED | SYM_PARAM)))
            return NULL;
    }
    return module_find(c, (const char *)s->name + strlen(s->name) + 1);
}

static void call_args(Comp *c, const Node *call, int extra_before)
{
    const NodeList *args = &call->list;
    bool star = false, kw = false;
    for (int i = 0; i < args->len; i++) {
        NodeKind k = args->items[i]->kind;
        if (k == N_STARRED || k == N_DOUBLESTAR)
            star = true;
        else if (k == N_KEYWORD)
            kw = true;
    }
    if (star) {
        /* build a list of positional args, a dict of keywords */
        emit(c, I_BUILD_LIST, 0);
        for (int i = 0; i < args->len; i++) {
            const Node *a = args->items[i];
            if (a->kind == N_STARRED) {
                expr(c, a->a);
                emit(c, I_LIST_EXTEND, 1);
            } else if (a->kind != N_KEYWORD && a->kind != N_DOUBLESTAR) {
                expr(c, a);
                emit(c, I_LIST_APPEND, 1);
            }
        }
        emit(c, I_LIST_TO_TUPLE, 0);
        bool anykw = false;
        for (int i = 0; i < args->len; i++) {
            const Node *a = args->items[i];
            if (a->kind == N_KEYWORD) {
                if (!anykw)
                    emit(c, I_BUILD_DICT, 0);
                anykw = true;
                emit_const(c, str_from(a->str));
                expr(c, a->a);
                emit(c, I_DICT_ADD, 1);
            } else if (a->kind == N_DOUBLESTAR) {
                if (!anykw)
                    emit(c, I_BUILD_DICT, 0);
                anykw = true;
                expr(c, a->a);
                emit(c, I_DICT_UPDATE, 1);
            }
        }
        emit(c, I_CALL_EX, anykw ? 1 : 0);
        return;
    }
    int n = extra_before;
    for (int i = 0; i < args->len; i++)
        if (args->items[i]->kind != N_KEYWORD) {
            expr(c, args->items[i]);
            n++;
        }
    if (!kw) {
        emit(c, I_CALL, n);
        return;
    }
    int nk = 0;
    for (int i = 0; i < args->len; i++)
        if (args->items[i]->kind == N_KEYWORD)
            nk++;
    Obj *names = tuple_new((size_t)nk);
    nk = 0;
    for (int i = 0; i < args->len; i++)
        if (args->items[i]->kind == N_KEYWORD) {
            expr(c, args->items[i]->a);
            TUP_ITEMS(names)[nk++] = str_from(args->items[i]->str);
        }
    emit_const(c, names);
    emit(c, I_CALL_KW, n + nk);
}

static void make_function(Comp *c, const NodeList *params, Scope *sc, CodeObj *code)
{
    int flags = 0;
    int ndef = 0, nkw = 0;
    for (int i = 0; i < params->len; i++) {
        const Node *p = params->items[i];
        if (p->a && !(p->flags & F_KWONLY))
            ndef++;
        if (p->a && (p->flags & F_KWONLY))
            nkw++;
    }
    if (ndef) {
        for (int i = 0; i < params->len; i++) {
            const Node *p = params->items[i];
            if (p->a && !(p->flags & F_KWONLY))
                expr(c, p->a);
        }
        emit(c, I_BUILD_TUPLE, ndef);
        flags |= 1;
    }
    if (nkw) {
        emit(c, I_BUILD_DICT, 0);
        for (int i = 0; i < params->len; i++) {
            const Node *p = params->items[i];
            if (p->a && (p->flags & F_KWONLY)) {
                emit_const(c, str_from(p->str));
                expr(c, p->a);
                emit(c, I_DICT_ADD, 1);
            }
        }
        flags |= 2;
    }
    int nfree = 0;
    for (int i = 0; i < sc->nsyms; i++)
        if ((sc->syms[i].flags & SYM_FREE) && !(sc->syms[i].flags & SYM_CELL))
            nfree++;
    if (nfree) {
        /* free names in the order unit_finish numbered them */
        for (size_t k = 0; k < TUP_N(code->freenames); k++) {
            const char *fname = STR_S(TUP_ITEMS(code->freenames)[k]);
            Sym *outer = sym_find(c->u->sc, fname);
            emit(c, I_LOAD_CLOSURE, outer ? outer->cslot : 0);
        }
        emit(c, I_BUILD_TUPLE, nfree);
        flags |= 4;
    }
    emit_const(c, &code->hdr);
    emit(c, I_MAKE_FUNCTION, flags);
}

static void unit_push(Unit *u, Scope *sc)
{
    memset(u, 0, sizeof *u);
    u->sc = sc;
    u->consts = list_new(8);
    u->names = list_new(8);
    u->line = sc->node ? sc->node->line : 1;
}

/* Number locals, cells and frees of a function scope; params first. */
static void assign_slots(Scope *sc, const NodeList *params, int *argcount, int *kwonly, int *flags)
{
    int slot = 0;
    *argcount = *kwonly = 0;
    /* parameter order: positional, keyword-only, *args, **kwargs */
    for (int pass = 0; pass < 4; pass++) {
        for (int i = 0; params && i < params->len; i++) {
            const Node *p = params->items[i];
            int kind = (p->flags & F_VARARGS) ? 2 : (p->flags & F_KWARGS) ? 3 : (p->flags & F_KWONLY) ? 1 : 0;
            if (kind != pass)
                continue;
            sym_find(sc, p->str)->slot = slot++;
            if (kind == 0)
                (*argcount)++;
            else if (kind == 1)
                (*kwonly)++;
            else if (kind == 2)
                *flags |= CO_VARARGS;
            else
                *flags |= CO_VARKW;
        }
    }
    if (sc->kind == SC_COMP) {
        sym_find(sc, ".0")->slot = slot++;
        *argcount = 1;
    }
    for (int i = 0; i < sc->nsyms; i++) {
        Sym *s = &sc->syms[i];
        if (sc->kind == SC_CLASS || s->slot >= 0 || (s->flags & (SYM_GLOBAL | SYM_NONLOCAL | SYM_CELL | SYM_FREE)) ||
            !(s->flags & SYM_ASSIGNED))
            continue;
        s->slot = slot++;
    }
    int ncell = 0;
    for (int i = 0; i < sc->nsyms; i++)
        if (sc->syms[i].flags & SYM_CELL)
            sc->syms[i].cslot = ncell++;
    for (int i = 0; i < sc->nsyms; i++)
        if ((sc->syms[i].flags & SYM_FREE) && !(sc->syms[i].flags & SYM_CELL))
            sc->syms[i].cslot = ncell++;
}

/* The loop head of one for clause with the iterator on the stack: the next
 * value is pushed, or control goes to `end` (for async, the handler where
 * I_END_ASYNC_FOR follows). */
static void emit_loop_next(Comp *c, bool is_async, int end)
{
    if (!is_async) {
        emit(c, I_FOR_ITER, end);
        return;
    }
    emit(c, I_SETUP_EXCEPT, end);
    emit(c, I_GET_ANEXT, 0);
    emit(c, I_AWAIT, AWAIT_ANEXT);
    emit(c, I_POP_BLOCK, 0);
}

static void expr_comp(Comp *c, const Node *n)
{
    Scope *sc = map_get(&c->map, n);
    const NodeList *gens = &n->list;
    /* an async list/set/dict comprehension is a coroutine awaited on the
     * spot; an async generator expression is an async generator */
    if (sc->is_async && n->kind != N_GENEXP && !in_async_function(c)) {
        FAIL(c, n, "asynchronous comprehension outside of an asynchronous function");
        return;
    }
    bool first_async = gens->items[0]->flags & F_ASYNC;
    expr(c, gens->items[0]->b);
    emit(c, first_async ? I_GET_AITER : I_GET_ITER, 0);
    Unit *outer = c->u, inner;
    unit_push(&inner, sc);
    inner.line = n->line;
    c->u = &inner;
    int argc, kwo, fl = 0;
    assign_slots(sc, NULL, &argc, &kwo, &fl);
    /* cells and frees get their own slot numbers in unit_finish; the fast
     * slot numbering above must not count them */
    if (n->kind == N_LISTCOMP)
        emit(c, I_BUILD_LIST, 0);
    else if (n->kind == N_DICTCOMP)
        emit(c, I_BUILD_DICT, 0);
    else if (n->kind == N_SETCOMP)
        emit(c, I_BUILD_SET, 0);
    int depth = 0;
    int *starts = xmalloc(sizeof(int) * (size_t)gens->len);
    int *ends = xmalloc(sizeof(int) * (size_t)gens->len);
    for (int i = 0; i < gens->len; i++) {
        const Node *g = gens->items[i];
        if (i == 0) {
            emit(c, I_LOAD_FAST, sym_find(sc, ".0")->slot);
        } else {
            expr(c, g->b);
            emit(c, g->flags & F_ASYNC ? I_GET_AITER : I_GET_ITER, 0);
        }
        starts[i] = label_new(c);
        ends[i] = label_new(c);
        label_here(c, starts[i]);
        emit_loop_next(c, g->flags & F_ASYNC, ends[i]);
        depth++;
        store_target(c, g->a);
        for (int k = 0; k < g->list.len; k++) {
            expr(c, g->list.items[k]);
            emit(c, I_POP_JUMP_IF_FALSE, starts[i]);
        }
    }
    if (n->kind == N_GENEXP) {
        expr(c, n->a);
        emit(c, I_YIELD_VALUE, 0);
        emit(c, I_POP_TOP, 0);
    } else if (n->kind == N_DICTCOMP) {
        expr(c, n->a);
        expr(c, n->b);
        emit(c, I_DICT_ADD, depth + 1);
    } else {
        expr(c, n->a);
        emit(c, n->kind == N_SETCOMP ? I_SET_ADD : I_LIST_APPEND, depth + 1);
    }
    for (int i = gens->len - 1; i >= 0; i--) {
        emit(c, I_JUMP, starts[i]);
        label_here(c, ends[i]);
        if (gens->items[i]->flags & F_ASYNC)
            emit(c, I_END_ASYNC_FOR, 0);
    }
    xfree(starts);
    xfree(ends);
    if (n->kind == N_GENEXP)
        emit_const(c, none_new());
    emit(c, I_RETURN_VALUE, 0);
    const char *nm = n->kind == N_GENEXP     ? "<genexpr>"
                     : n->kind == N_DICTCOMP ? "<dictcomp>"
                     : n->kind == N_SETCOMP  ? "<setcomp>"
                                             : "<listcomp>";
    if (n->kind == N_GENEXP)
        fl |= sc->is_async ? CO_ASYNC_GENERATOR : CO_GENERATOR;
    else if (sc->is_async)
        fl |= CO_COROUTINE;
    CodeObj *code = unit_finish(c, nm, 1, 0, fl, n->line);
    c->u = outer;
    if (!code)
        return;
    NodeList none = {0};
    make_function(c, &none, sc, code);
    emit(c, I_ROT_TWO, 0);
    emit(c, I_CALL, 1);
    if (sc->is_async && n->kind != N_GENEXP)
        emit(c, I_AWAIT, AWAIT_PLAIN);
}

static void expr_fstring(Comp *c, const Node *n)
{
    int parts = 0;
    for (int i = 0; i < n->list.len; i++) {
        const Node *p = n->list.items[i];
        if (p->kind == N_STR) {
            if (p->len == 0)
                continue;
            emit_const(c, str_new(p->str, p->len));
            parts++;
            continue;
        }
        if (p->str) { /* f"{x=}" */
            emit_const(c, str_from(p->str));
            parts++;
        }
        expr(c, p->a);
        int conv = p->op == 's' ? 1 : p->op == 'r' ? 2 : p->op == 'a' ? 3 : 0;
        if (p->b) {
            expr_fstring(c, p->b);
            conv |= 4;
        }
        emit(c, I_FORMAT_VALUE, conv);
        parts++;
    }
    if (parts == 1)
        return;
    if (parts == 0)
        emit_const(c, str_from(""));
    else
        emit(c, I_BUILD_STRING, parts);
}

static void expr_compare(Comp *c, const Node *n)
{
    expr(c, n->a);
    int nops = n->list.len;
    if (nops == 1) {
        expr(c, n->list.items[0]);
        emit(c, I_COMPARE, n->ops[0]);
        return;
    }
    int cleanup = label_new(c), end = label_new(c);
    for (int i = 0; i < nops; i++) {
        expr(c, n->list.items[i]);
        if (i < nops - 1) {
            emit(c, I_DUP_TOP, 0);
            emit(c, I_ROT_THREE, 0);
            emit(c, I_COMPARE, n->ops[i]);
            emit(c, I_JUMP_IF_FALSE_OR_POP, cleanup);
        } else {
            emit(c, I_COMPARE, n->ops[i]);
        }
    }
    emit(c, I_JUMP, end);
    label_here(c, cleanup);
    emit(c, I_ROT_TWO, 0);
    emit(c, I_POP_TOP, 0);
    label_here(c, end);
}

/* A literal CPython's compiler folds into a constant. */
static bool is_const_node(const Node *n)
{
    switch (n->kind) {
    case N_INT:
    case N_FLOAT:
    case N_STR:
    case N_CONST:
        return true;
    case N_UNARYOP:
        return n->op != OP_NOT && (n->a->kind == N_INT || n->a->kind == N_FLOAT);
    case N_TUPLE:
        for (int i = 0; i < n->list.len; i++)
            if (!is_const_node(n->list.items[i]))
                return false;
        return true;
    default:
        return false;
    }
}

/* {a, b, *c}: BUILD_SET of the items, or SET_ADD / SET_UPDATE one by one
 * when some are starred. */
static void expr_set(Comp *c, const Node *n)
{
    const NodeList *l = &n->list;
    bool star = false, consts = l->len > 2;
    for (int i = 0; i < l->len; i++) {
        if (l->items[i]->kind == N_STARRED)
            star = true;
        if (!is_const_node(l->items[i]))
            consts = false;
    }
    if (!star) {
        for (int i = 0; i < l->len; i++)
            expr(c, l->items[i]);
        emit(c, I_BUILD_SET, l->len | (consts ? SET_FROM_CONSTS : 0));
        return;
    }
    emit(c, I_BUILD_SET, 0);
    for (int i = 0; i < l->len; i++) {
        const Node *e = l->items[i];
        expr(c, e->kind == N_STARRED ? e->a : e);
        emit(c, e->kind == N_STARRED ? I_SET_UPDATE : I_SET_ADD, 1);
    }
}

static void expr_seq(Comp *c, const NodeList *l, int build)
{
    bool star = false;
    for (int i = 0; i < l->len; i++)
        if (l->items[i]->kind == N_STARRED)
            star = true;
    if (!star) {
        for (int i = 0; i < l->len; i++)
            expr(c, l->items[i]);
        emit(c, build, l->len);
        return;
    }
    emit(c, I_BUILD_LIST, 0);
    for (int i = 0; i < l->len; i++) {
        const Node *e = l->items[i];
        if (e->kind == N_STARRED) {
            expr(c, e->a);
            emit(c, I_LIST_EXTEND, 1);
        } else {
            expr(c, e);
            emit(c, I_LIST_APPEND, 1);
        }
    }
    if (build == I_BUILD_TUPLE)
        emit(c, I_LIST_TO_TUPLE, 0);
}

/* super() with no arguments in a method: super(__class__, <first argument>),
 * like CPython's __class__ cell. False when n is not that call. */
static bool expr_super(Comp *c, const Node *n)
{
    Scope *sc = c->u->sc;
    if (n->a->kind != N_NAME || strcmp(n->a->str, "super") != 0 || n->list.len != 0 || sc->kind != SC_FUNC)
        return false;
    Sym *cls = sym_find(sc, "__class__");
    const Node *fn = sc->node;
    const Node *self = fn && fn->list.len ? fn->list.items[0] : NULL;
    if (!cls || cls->cslot < 0 || !self || (self->flags & (F_VARARGS | F_KWARGS | F_KWONLY)))
        return false;
    set_line(c, n);
    name_op(c, "super", ACC_LOAD, n->a);
    emit(c, I_LOAD_DEREF, cls->cslot);
    name_op(c, self->str, ACC_LOAD, n);
    emit(c, I_CALL, 2);
    return true;
}

static void expr(Comp *c, const Node *n)
{
    if (c->failed)
        return;
    if (++c->depth > 400) {
        FAIL(c, n, "expression too deeply nested (loopscope's limit is 200 levels)");
        c->depth--;
        return;
    }
    int saved_line = c->u->line;
    set_line(c, n);
    switch (n->kind) {
    case N_NAME:
        if (c->u->sc->kind == SC_MODULE || !sym_find(c->u->sc, n->str) ||
            (sym_find(c->u->sc, n->str)->slot < 0))
            check_global_name(c, n);
        name_op(c, n->str, ACC_LOAD, n);
        break;
    case N_INT:
        emit_const(c, int_new(n->ival));
        break;
    case N_FLOAT:
        emit_const(c, float_new(n->fval));
        break;
    case N_STR:
        emit_const(c, str_new(n->str, n->len));
        break;
    case N_FSTRING:
        expr_fstring(c, n);
        break;
    case N_CONST:
        emit_const(c, n->op == 0 ? none_new() : n->op == 1 ? bool_new(true) : n->op == 2 ? bool_new(false)
                                                                          : (INCREF(Ellipsis), Ellipsis));
        break;
    case N_BINOP:
        if (n->op == OP_MATMUL) {
            unsupported(c, n, "the @ operator");
            break;
        }
        expr(c, n->a);
        expr(c, n->b);
        emit(c, I_BINARY, n->op);
        break;
    case N_UNARYOP:
        expr(c, n->a);
        emit(c, I_UNARY, n->op);
        break;
    case N_BOOLOP: {
        int end = label_new(c);
        for (int i = 0; i < n->list.len; i++) {
            expr(c, n->list.items[i]);
            if (i < n->list.len - 1)
                emit(c, n->op == OP_AND ? I_JUMP_IF_FALSE_OR_POP : I_JUMP_IF_TRUE_OR_POP, end);
        }
        label_here(c, end);
        break;
    }
    case N_COMPARE:
        expr_compare(c, n);
        break;
    case N_NAMEDEXPR:
        expr(c, n->b);
        emit(c, I_DUP_TOP, 0);
        name_op(c, n->a->str, ACC_STORE, n->a);
        break;
    case N_IFEXP: {
        int orelse = label_new(c), end = label_new(c);
        expr(c, n->a);
        emit(c, I_POP_JUMP_IF_FALSE, orelse);
        expr(c, n->b);
        emit(c, I_JUMP, end);
        label_here(c, orelse);
        expr(c, n->c);
        label_here(c, end);
        break;
    }
    case N_CALL:
        if (expr_super(c, n))
            break;
        expr(c, n->a);
        call_args(c, n, 0);
        break;
    case N_ATTR:
        if (n->a->kind == N_NAME) {
            const ModuleSpec *m = module_of_name(c, n->a->str);
            if (m && !in_list(m->exports, n->str) && !module_typo(m, n->str)) {
                char what[160];
                snprintf(what, sizeof what, "%s.%s", m->name, n->str);
                unsupported(c, n, what);
                break;
            }
        }
        expr(c, n->a);
        emit(c, I_LOAD_ATTR, mangled_add(c, n->str));
        break;
    case N_SUBSCRIPT:
        expr(c, n->a);
        expr(c, n->b);
        emit(c, I_BINARY_SUBSCR, 0);
        break;
    case N_SLICE:
        if (n->a) expr(c, n->a); else emit_const(c, none_new());
        if (n->b) expr(c, n->b); else emit_const(c, none_new());
        if (n->c) {
            expr(c, n->c);
            emit(c, I_BUILD_SLICE, 3);
        } else {
            emit(c, I_BUILD_SLICE, 2);
        }
        break;
    case N_LIST:
        expr_seq(c, &n->list, I_BUILD_LIST);
        break;
    case N_TUPLE:
        expr_seq(c, &n->list, I_BUILD_TUPLE);
        break;
    case N_DICT:
        emit(c, I_BUILD_DICT, 0);
        for (int i = 0; i < n->list.len; i++) {
            if (!n->list.items[i]) {
                expr(c, n->list2.items[i]);
                emit(c, I_DICT_UPDATE, 1);
            } else {
                expr(c, n->list.items[i]);
                expr(c, n->list2.items[i]);
                emit(c, I_DICT_ADD, 1);
            }
        }
        break;
    case N_SET:
        expr_set(c, n);
        break;
    case N_SETCOMP:
    case N_LISTCOMP:
    case N_GENEXP:
    case N_DICTCOMP:
        expr_comp(c, n);
        break;
    case N_LAMBDA: {
        Scope *sc = map_get(&c->map, n);
        Unit *outer = c->u, inner;
        unit_push(&inner, sc);
        c->u = &inner;
        int argc, kwo, fl = 0;
        assign_slots(sc, &n->list, &argc, &kwo, &fl);
        expr(c, n->a);
        emit(c, I_RETURN_VALUE, 0);
        CodeObj *code = unit_finish(c, "<lambda>", argc, kwo, fl, n->line);
        c->u = outer;
        if (code)
            make_function(c, &n->list, sc, code);
        break;
    }
    case N_AWAIT:
        if (!in_async_function(c)) {
            FAIL(c, n, "'await' outside %sfunction", c->u->sc->kind == SC_MODULE ? "" : "async ");
            break;
        }
        expr(c, n->a);
        emit(c, I_AWAIT, 0);
        break;
    case N_YIELD:
    case N_YIELDFROM:
        if (c->u->sc->kind == SC_MODULE || c->u->sc->kind == SC_CLASS) {
            FAIL(c, n, "'yield' outside function");
            break;
        }
        if (in_async_function(c) && n->kind == N_YIELDFROM) {
            FAIL(c, n, "'yield from' inside async function");
            break;
        }
        if (n->kind == N_YIELDFROM) {
            unsupported(c, n, "yield from");
            break;
        }
        if (n->a) expr(c, n->a); else emit_const(c, none_new());
        emit(c, I_YIELD_VALUE, 0);
        break;
    case N_STARRED:
        FAIL(c, n, "can't use starred expression here");
        break;
    case N_KEYWORD:
    case N_DOUBLESTAR:
        FAIL(c, n, "invalid syntax");
        break;
    default:
        FAIL(c, n, "invalid syntax (%s)", ast_kind_name(n->kind));
        break;
    }
    c->u->line = saved_line;
    c->depth--;
}

/* ------------------------------------------------------------ stores */

static void store_target(Comp *c, const Node *t)
{
    if (c->failed)
        return;
    set_line(c, t);
    switch (t->kind) {
    case N_NAME:
        name_op(c, t->str, ACC_STORE, t);
        break;
    case N_ATTR:
        expr(c, t->a);
        emit(c, I_STORE_ATTR, mangled_add(c, t->str));
        break;
    case N_SUBSCRIPT:
        expr(c, t->a);
        expr(c, t->b);
        emit(c, I_STORE_SUBSCR, 0);
        break;
    case N_TUPLE:
    case N_LIST: {
        int star = -1;
        for (int i = 0; i < t->list.len; i++)
            if (t->list.items[i]->kind == N_STARRED) {
                if (star >= 0) {
                    FAIL(c, t->list.items[i], "multiple starred expressions in assignment");
                    return;
                }
                star = i;
            }
        if (star < 0)
            emit(c, I_UNPACK_SEQUENCE, t->list.len);
        else
            emit(c, I_UNPACK_EX, star | ((t->list.len - star - 1) << 8));
        for (int i = 0; i < t->list.len; i++) {
            const Node *e = t->list.items[i];
            store_target(c, e->kind == N_STARRED ? e->a : e);
        }
        break;
    }
    default:
        FAIL(c, t, "cannot assign to %s", ast_kind_name(t->kind));
    }
}


/* -------------------------------------------------------- statements */

static FBlock *fb_push(Comp *c, FBKind kind, const Node *at)
{
    if (c->u->nfb >= 256) {
        FAIL(c, at, "too many statically nested blocks (loopscope's limit is 256)");
        return &c->u->fb[255];
    }
    FBlock *b = &c->u->fb[c->u->nfb++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

static void fb_pop(Comp *c)
{
    if (c->u->nfb > 0)
        c->u->nfb--;
}

/* Call the bound __exit__ (or __aexit__, awaited) on top of the stack with
 * (None, None, None) and drop it and its result. Attributed to the with
 * statement's line, as CPython does. */
static void emit_with_exit(Comp *c, const Node *with)
{
    int saved = c->u->line;
    set_line(c, with);
    emit_const(c, none_new());
    emit(c, I_DUP_TOP, 0);
    emit(c, I_DUP_TOP, 0);
    emit(c, I_CALL, 3);
    if (with->flags & F_ASYNC)
        emit(c, I_AWAIT, AWAIT_AEXIT);
    emit(c, I_POP_TOP, 0);
    c->u->line = saved;
}

/* Leave fblocks down to (not including) index `stop`, emitting the cleanup
 * each one needs. preserve_tos: a return value sits on top of the stack. */
static void unwind_to(Comp *c, int stop, bool preserve_tos)
{
    for (int i = c->u->nfb - 1; i > stop; i--) {
        FBlock *b = &c->u->fb[i];
        switch (b->kind) {
        case FB_WHILE:
            break;
        case FB_FOR:
            if (preserve_tos)
                emit(c, I_ROT_TWO, 0);
            emit(c, I_POP_TOP, 0);
            break;
        case FB_TRY_EXCEPT:
            emit(c, I_POP_BLOCK, 0);
            break;
        case FB_TRY_FINALLY: {
            emit(c, I_POP_BLOCK, 0);
            /* run the finally body with only the outer blocks active */
            int saved = c->u->nfb;
            FBlock copy[256];
            int ncopy = saved - i;
            memcpy(copy, &c->u->fb[i], (size_t)ncopy * sizeof(FBlock));
            c->u->nfb = i;
            stmts(c, b->finalbody);
            memcpy(&c->u->fb[i], copy, (size_t)ncopy * sizeof(FBlock));
            c->u->nfb = saved;
            break;
        }
        case FB_HANDLER:
            emit(c, I_POP_EXCEPT, 0);
            break;
        case FB_FINALLY_HANDLER:
            emit(c, I_POP_EXCEPT, 0);
            if (preserve_tos)
                emit(c, I_ROT_TWO, 0);
            emit(c, I_POP_TOP, 0);
            break;
        case FB_WITH:
            /* __exit__ sits below the return value, if any */
            emit(c, I_POP_BLOCK, 0);
            if (preserve_tos)
                emit(c, I_ROT_TWO, 0);
            emit_with_exit(c, b->with);
            break;
        case FB_STAR_HANDLER: /* refused by leaves_star_handler */
            break;
        }
    }
}

/* break/continue/return n may not leave an except* clause (fblocks above
 * index stop): CPython's SyntaxError. True when refused. */
static bool leaves_star_handler(Comp *c, int stop, const Node *n)
{
    for (int i = c->u->nfb - 1; i > stop; i--) {
        if (c->u->fb[i].kind == FB_STAR_HANDLER) {
            FAIL(c, n, "'break', 'continue' and 'return' cannot appear in an except* block");
            return true;
        }
    }
    return false;
}

static void stmt_loop_exit(Comp *c, const Node *n, bool is_break)
{
    int i = c->u->nfb - 1;
    while (i >= 0 && c->u->fb[i].kind != FB_WHILE && c->u->fb[i].kind != FB_FOR)
        i--;
    if (i < 0) {
        FAIL(c, n, "'%s' outside loop", is_break ? "break" : "continue");
        return;
    }
    if (leaves_star_handler(c, i, n))
        return;
    unwind_to(c, i, false);
    FBlock *loop = &c->u->fb[i];
    if (is_break && loop->kind == FB_FOR)
        emit(c, I_POP_TOP, 0);
    emit(c, I_JUMP, is_break ? loop->brk : loop->cont);
}

/* The except* clauses of try n, entered with the caught exception on the
 * stack and its handler block active. Each clause splits off what it
 * matches from the rest; what the bodies raise is collected, and at the
 * end EXCEPT_STAR_RERAISE raises it with the unmatched rest (CPython's
 * rules) or jumps on to `after`. */
static void except_star_clauses(Comp *c, const Node *n, int after)
{
    emit(c, I_BUILD_LIST, 0);
    emit(c, I_ROT_TWO, 0);
    emit(c, I_DUP_TOP, 0); /* raised-list, orig, rest */
    for (int i = 0; i < n->list2.len; i++) {
        const Node *h = n->list2.items[i];
        set_line(c, h);
        int next = label_new(c), raised = label_new(c), clean = label_new(c);
        expr(c, h->a);
        emit(c, I_EXCEPT_STAR_MATCH, next);
        if (h->str)
            name_op(c, h->str, ACC_STORE, h);
        else
            emit(c, I_POP_TOP, 0);
        emit(c, I_SETUP_EXCEPT, raised);
        fb_push(c, FB_STAR_HANDLER, h);
        stmts(c, &h->list);
        fb_pop(c);
        emit(c, I_POP_BLOCK, 0);
        emit(c, I_EXCEPT_STAR_END, 0);
        emit(c, I_JUMP, clean);
        label_here(c, raised);
        emit(c, I_EXCEPT_STAR_END, 1);
        label_here(c, clean);
        if (h->str) {
            emit_const(c, none_new());
            name_op(c, h->str, ACC_STORE, h);
            name_op(c, h->str, ACC_DELETE, h);
        }
        label_here(c, next);
    }
    emit(c, I_EXCEPT_STAR_RERAISE, 0);
    emit(c, I_JUMP, after);
}

static void stmt_try(Comp *c, const Node *n)
{
    bool has_finally = n->list4.len > 0;
    int fin_handler = label_new(c), end = label_new(c);
    if (has_finally) {
        emit(c, I_SETUP_FINALLY, fin_handler);
        FBlock *b = fb_push(c, FB_TRY_FINALLY, n);
        b->finalbody = &n->list4;
    }
    if (n->list2.len > 0) {
        int handler = label_new(c), orelse = label_new(c), after = label_new(c);
        emit(c, I_SETUP_EXCEPT, handler);
        fb_push(c, FB_TRY_EXCEPT, n);
        stmts(c, &n->list);
        fb_pop(c);
        emit(c, I_POP_BLOCK, 0);
        emit(c, I_JUMP, orelse);
        /* stack here: exc; a HANDLER block is active */
        label_here(c, handler);
        bool star = n->flags & F_STAR;
        if (star)
            except_star_clauses(c, n, after);
        for (int i = 0; i < (star ? 0 : n->list2.len); i++) {
            const Node *h = n->list2.items[i];
            set_line(c, h);
            int next = label_new(c);
            if (!h->a && i != n->list2.len - 1) {
                FAIL(c, h, "default 'except:' must be last");
                return;
            }
            if (h->a) {
                expr(c, h->a);
                emit(c, I_CHECK_EXC_MATCH, 0);
                emit(c, I_POP_JUMP_IF_FALSE, next);
            }
            if (h->str)
                name_op(c, h->str, ACC_STORE, h);
            else
                emit(c, I_POP_TOP, 0);
            fb_push(c, FB_HANDLER, h);
            stmts(c, &h->list);
            fb_pop(c);
            emit(c, I_POP_EXCEPT, 0);
            if (h->str) {
                emit_const(c, none_new());
                name_op(c, h->str, ACC_STORE, h);
                name_op(c, h->str, ACC_DELETE, h);
            }
            emit(c, I_JUMP, after);
            label_here(c, next);
        }
        if (!star)
            emit(c, I_RERAISE, 0);
        label_here(c, orelse);
        stmts(c, &n->list3);
        label_here(c, after);
    } else {
        stmts(c, &n->list);
    }
    if (has_finally) {
        fb_pop(c);
        emit(c, I_POP_BLOCK, 0);
        stmts(c, &n->list4);
        emit(c, I_JUMP, end);
        label_here(c, fin_handler);
        fb_push(c, FB_FINALLY_HANDLER, n);
        stmts(c, &n->list4);
        fb_pop(c);
        emit(c, I_RERAISE, 0);
        label_here(c, end);
    }
}

/* with / async with, from item `item` on: each item nests the next.
 * Stack while the body runs: ..., bound __exit__ (the block keeps it). */
static void stmt_with(Comp *c, const Node *n, int item)
{
    bool is_async = n->flags & F_ASYNC;
    if (is_async && !in_async_function(c)) {
        FAIL(c, n, "'async with' outside async function");
        return;
    }
    const Node *wi = n->list.items[item];
    int handler = label_new(c), reraise = label_new(c), end = label_new(c);
    expr(c, wi->a);
    set_line(c, n);
    emit(c, I_BEFORE_WITH, is_async);
    if (is_async)
        emit(c, I_AWAIT, AWAIT_AENTER);
    emit(c, I_SETUP_WITH, handler);
    FBlock *b = fb_push(c, FB_WITH, n);
    b->with = n;
    if (wi->b)
        store_target(c, wi->b);
    else
        emit(c, I_POP_TOP, 0);
    if (item + 1 < n->list.len)
        stmt_with(c, n, item + 1);
    else
        stmts(c, &n->list2);
    fb_pop(c);
    emit(c, I_POP_BLOCK, 0);
    emit_with_exit(c, n);
    emit(c, I_JUMP, end);
    /* an exception: stack exit, exc; a HANDLER block is active */
    label_here(c, handler);
    set_line(c, n);
    emit(c, I_WITH_EXCEPT, 0);
    if (is_async)
        emit(c, I_AWAIT, AWAIT_AEXIT);
    emit(c, I_POP_JUMP_IF_FALSE, reraise);
    emit(c, I_POP_EXCEPT, 0); /* suppressed */
    emit(c, I_POP_TOP, 0);
    emit(c, I_POP_TOP, 0);
    emit(c, I_JUMP, end);
    label_here(c, reraise);
    emit(c, I_RERAISE, 0);
    label_here(c, end);
}

static void stmt_funcdef(Comp *c, const Node *n)
{
    Scope *sc = map_get(&c->map, n);
    for (int i = 0; i < n->list3.len; i++)
        expr(c, n->list3.items[i]);
    Unit *outer = c->u, inner;
    unit_push(&inner, sc);
    c->u = &inner;
    int argc, kwo, fl = 0;
    assign_slots(sc, &n->list, &argc, &kwo, &fl);
    if (sc->is_async && sc->is_gen)
        fl |= CO_ASYNC_GENERATOR;
    else if (sc->is_async)
        fl |= CO_COROUTINE;
    else if (sc->is_gen)
        fl |= CO_GENERATOR;
    stmts(c, &n->list2);
    emit_const(c, none_new());
    emit(c, I_RETURN_VALUE, 0);
    CodeObj *code = unit_finish(c, n->str, argc, kwo, fl, n->line);
    c->u = outer;
    if (!code)
        return;
    set_line(c, n);
    make_function(c, &n->list, sc, code);
    for (int i = 0; i < n->list3.len; i++)
        emit(c, I_CALL, 1);
    name_op(c, n->str, ACC_STORE, n);
}

/* Special methods a class may define: the ones the runtime calls (klass.c)
 * and the protocol methods statements look up by name. */
static const char *const class_dunders[] = {
    "__init__", "__str__", "__repr__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__hash__", "__len__", "__bool__", "__contains__", "__iter__", "__next__", "__getitem__",
    "__setitem__", "__delitem__", "__call__", "__enter__", "__exit__", "__aenter__", "__aexit__",
    "__aiter__", "__anext__", "__await__", "__doc__", "__class_getitem__", "__post_init__", "__init_subclass__", "__format__",
    "__add__", "__radd__", "__iadd__", "__sub__", "__rsub__", "__isub__", "__mul__", "__rmul__", "__imul__",
    "__truediv__", "__rtruediv__", "__itruediv__", "__floordiv__", "__rfloordiv__", "__ifloordiv__",
    "__mod__", "__rmod__", "__imod__", "__pow__", "__rpow__", "__ipow__", "__lshift__", "__rlshift__",
    "__ilshift__", "__rshift__", "__rrshift__", "__irshift__", "__and__", "__rand__", "__iand__",
    "__or__", "__ror__", "__ior__", "__xor__", "__rxor__", "__ixor__", "__matmul__", "__rmatmul__",
    "__imatmul__", "__class_iter__", NULL,
};

/* A name a class body binds: refuse the special names loopscope would
 * silently ignore (__add__, __getattr__, __slots__ ...). */
static void check_class_name(Comp *c, const Node *at, const char *name)
{
    size_t n = strlen(name);
    if (c->flags & CO_LIBRARY)
        return; /* the library calls its own special names (__missing__) itself */
    if (n < 5 || strncmp(name, "__", 2) != 0 || strcmp(name + n - 2, "__") != 0 || in_list(class_dunders, name))
        return;
    char what[160];
    snprintf(what, sizeof what, "defining %s in a class", name);
    unsupported(c, at, what);
}

/* A base named as a built-in that cannot be subclassed (list, asyncio.Task):
 * refused at load time; klass_new checks every other base when it runs. */
static void check_class_base(Comp *c, const Node *b)
{
    static const char *const builtin_bases[] = {
        "bool", "int", "float", "str", "list", "tuple", "dict", "range", "type", "property", "staticmethod",
        "classmethod", "super", "BaseExceptionGroup", "ExceptionGroup", NULL,
    };
    const char *name = NULL;
    if (b->kind == N_NAME && in_list(builtin_bases, b->str)) {
        Scope *mod = c->u->sc;
        while (mod->parent)
            mod = mod->parent;
        Sym *s = sym_find(mod, b->str);
        if (!s || !(s->flags & SYM_ASSIGNED))
            name = b->str;
    } else if (b->kind == N_ATTR && b->a->kind == N_NAME && module_of_name(c, b->a->str) &&
               !module_of_name(c, b->a->str)->cpython_lib) {
        size_t n = strlen(b->str);
        if (n < 5 || strcmp(b->str + n - 5, "Error") != 0)
            name = b->str; /* asyncio.Task, asyncio.Future; its exceptions are fine */
    }
    if (name) {
        char what[160];
        snprintf(what, sizeof what, "subclassing '%s'", name);
        unsupported(c, b, what);
    }
}

/* The source text of an annotation (one line of ASCII), or "?". */
static Obj *annotation_text(Comp *c, const Node *a)
{
    size_t len = 0;
    const char *line = a && a->line == a->end_line ? source_line(c->src, a->line, &len) : NULL;
    if (!line || a->col < 1 || a->end_col <= a->col || (size_t)(a->end_col - 1) > len)
        return str_from("?");
    for (int i = 0; i < a->end_col - 1; i++)
        if ((unsigned char)line[i] >= 0x80)
            return str_from("?");
    Obj *s = str_new(line + a->col - 1, (size_t)(a->end_col - a->col));
    return s;
}

/* `class S(str, Enum)`: a built-in value type mixed into an enum (the base
 * named ...Enum). The class gets the enum as its one base and the value type
 * as `_member_type_`, which src/py/lib/enum.py reads; any other multiple
 * inheritance stays refused. Returns the mixed-in type's node or NULL. */
static const Node *enum_mixin(Comp *c, const Node *n)
{
    static const char *const types[] = {"str", "int", "float", NULL};
    if (n->list.len != 2)
        return NULL;
    const Node *t = n->list.items[0], *e = n->list.items[1];
    if (t->kind != N_NAME || !in_list(types, t->str) || (e->kind != N_NAME && e->kind != N_ATTR))
        return NULL;
    Scope *mod = c->u->sc;
    while (mod->parent)
        mod = mod->parent;
    Sym *s = sym_find(mod, t->str);
    size_t len = strlen(e->str);
    if ((s && (s->flags & SYM_ASSIGNED)) || len < 4 || strcmp(e->str + len - 4, "Enum") != 0)
        return NULL;
    return t;
}

static void stmt_classdef(Comp *c, const Node *n)
{
    Scope *sc = map_get(&c->map, n);
    int nbases = 0;
    const Node *mixin = enum_mixin(c, n);
    for (int i = mixin ? 1 : 0; i < n->list.len; i++) {
        const Node *b = n->list.items[i];
        if (b->kind == N_KEYWORD && strcmp(b->str, "metaclass") == 0)
            unsupported(c, b, "metaclasses");
        else if (b->kind == N_KEYWORD || b->kind == N_DOUBLESTAR)
            unsupported(c, b, "class keyword arguments");
        else if (b->kind == N_STARRED)
            unsupported(c, b, "starred base classes");
        else if (++nbases > 1)
            unsupported(c, b, "multiple inheritance");
        else
            check_class_base(c, b);
    }
    for (int i = 0; i < n->list2.len; i++) {
        const Node *s = n->list2.items[i];
        if (s->kind == N_FUNCDEF)
            check_class_name(c, s, s->str);
        else if (s->kind == N_ASSIGN)
            for (int k = 0; k < s->list.len; k++) {
                if (s->list.items[k]->kind == N_NAME)
                    check_class_name(c, s->list.items[k], s->list.items[k]->str);
            }
        else if (s->kind == N_ANNASSIGN && s->a->kind == N_NAME)
            check_class_name(c, s->a, s->a->str);
    }
    if (c->failed)
        return;
    for (int i = 0; i < n->list3.len; i++)
        expr(c, n->list3.items[i]);
    Unit *outer = c->u, inner;
    unit_push(&inner, sc);
    c->u = &inner;
    int argc, kwo, fl = 0;
    assign_slots(sc, NULL, &argc, &kwo, &fl);
    if (mixin) {
        name_op(c, mixin->str, ACC_LOAD, mixin);
        emit(c, I_STORE_NAME, mangled_add(c, "_member_type_"));
    }
    for (int i = 0; i < n->list2.len; i++)
        if (n->list2.items[i]->kind == N_ANNASSIGN && n->list2.items[i]->a->kind == N_NAME) {
            /* the body's annotations, as CPython keeps them: __annotations__ */
            emit(c, I_BUILD_DICT, 0);
            emit(c, I_STORE_NAME, mangled_add(c, "__annotations__"));
            break;
        }
    stmts(c, &n->list2);
    /* the body returns the __class__ cell, which BUILD_CLASS fills */
    Sym *cell = sym_find(sc, "__class__");
    if (cell && (cell->flags & SYM_CELL))
        emit(c, I_LOAD_CLOSURE, cell->cslot);
    else
        emit_const(c, none_new());
    emit(c, I_RETURN_VALUE, 0);
    CodeObj *code = unit_finish(c, n->str, 0, 0, 0, n->line);
    c->u = outer;
    if (!code)
        return;
    set_line(c, n);
    static const NodeList no_params;
    make_function(c, &no_params, sc, code);
    emit_const(c, str_from(n->str));
    if (nbases)
        expr(c, n->list.items[mixin ? 1 : 0]);
    emit(c, I_BUILD_CLASS, nbases);
    for (int i = 0; i < n->list3.len; i++)
        emit(c, I_CALL, 1);
    name_op(c, n->str, ACC_STORE, n);
}

/* A standard-library module loopscope does not have: the host's (os, socket,
 * threading...) stay out on purpose; the README lists the rest. */
#define IMPORT_REFUSED                                                                             \
    "importing '%s' is not supported by loopscope (it provides asyncio and the standard-library " \
    "modules its README lists, none that reach the host)"

static void stmt_import(Comp *c, const Node *n)
{
    if (n->kind == N_IMPORTFROM) {
        const ModuleSpec *m = n->ival ? NULL : module_find(c, n->str);
        if (!m && (n->ival || stdlib_module_exists(n->str))) {
            FAIL(c, n, IMPORT_REFUSED, n->str);
            return;
        }
        emit(c, I_IMPORT_NAME, name_add(c, n->str));
        for (int i = 0; i < n->list.len; i++) {
            const Node *al = n->list.items[i];
            if (m && !in_list(m->exports, al->str) && !module_typo(m, al->str)) {
                char what[200];
                snprintf(what, sizeof what, "%s.%s", m->name, al->str);
                unsupported(c, al, what);
                return;
            }
            emit(c, I_IMPORT_FROM, name_add(c, al->str));
            name_op(c, al->str2 ? al->str2 : al->str, ACC_STORE, al);
        }
        emit(c, I_POP_TOP, 0);
        return;
    }
    for (int i = 0; i < n->list.len; i++) {
        const Node *al = n->list.items[i];
        const ModuleSpec *m = module_find(c, al->str);
        if (!m && stdlib_module_exists(al->str)) { /* else ModuleNotFoundError at run time */
            FAIL(c, al, IMPORT_REFUSED, al->str);
            return;
        }
        emit(c, I_IMPORT_NAME, name_add(c, al->str));
        if (al->a) {
            /* import a.b: load a.b, then bind the package a */
            emit(c, I_POP_TOP, 0);
            emit(c, I_IMPORT_NAME, name_add(c, al->a->str));
            name_op(c, al->a->str, ACC_STORE, al);
            continue;
        }
        name_op(c, al->str2 ? al->str2 : al->str, ACC_STORE, al);
    }
}

static void stmt(Comp *c, const Node *n)
{
    if (c->failed)
        return;
    set_line(c, n);
    switch (n->kind) {
    case N_EXPR:
        if (n->a->kind == N_STR || n->a->kind == N_CONST)
            break; /* docstrings and bare constants do nothing */
        expr(c, n->a);
        emit(c, I_POP_TOP, 0);
        break;
    case N_ASSIGN:
        expr(c, n->a);
        for (int i = 0; i < n->list.len; i++) {
            if (i < n->list.len - 1)
                emit(c, I_DUP_TOP, 0);
            store_target(c, n->list.items[i]);
        }
        break;
    case N_AUGASSIGN: {
        const Node *t = n->a;
        if (t->kind == N_NAME) {
            name_op(c, t->str, ACC_LOAD, t);
            expr(c, n->b);
            emit(c, I_INPLACE, n->op);
            name_op(c, t->str, ACC_STORE, t);
        } else if (t->kind == N_ATTR) {
            expr(c, t->a);
            emit(c, I_DUP_TOP, 0);
            emit(c, I_LOAD_ATTR, mangled_add(c, t->str));
            expr(c, n->b);
            emit(c, I_INPLACE, n->op);
            emit(c, I_ROT_TWO, 0);
            emit(c, I_STORE_ATTR, mangled_add(c, t->str));
        } else if (t->kind == N_SUBSCRIPT) {
            expr(c, t->a);
            expr(c, t->b);
            emit(c, I_DUP_TOP_TWO, 0);
            emit(c, I_BINARY_SUBSCR, 0);
            expr(c, n->b);
            emit(c, I_INPLACE, n->op);
            emit(c, I_ROT_THREE, 0);
            emit(c, I_STORE_SUBSCR, 0);
        } else {
            FAIL(c, t, "illegal expression for augmented assignment");
        }
        break;
    }
    case N_ANNASSIGN:
        if (n->c) {
            expr(c, n->c);
            store_target(c, n->a);
        }
        if (c->u->sc->kind == SC_CLASS && n->a->kind == N_NAME) {
            /* __annotations__[name] = the annotation's text: loopscope never
             * evaluates annotations (as under `from __future__ import annotations`) */
            emit_const(c, annotation_text(c, n->b));
            emit(c, I_LOAD_NAME, mangled_add(c, "__annotations__"));
            emit_const(c, str_from(n->a->str));
            emit(c, I_STORE_SUBSCR, 0);
        }
        break;
    case N_IF: {
        int orelse = label_new(c), end = label_new(c);
        expr(c, n->a);
        emit(c, I_POP_JUMP_IF_FALSE, orelse);
        stmts(c, &n->list);
        if (n->list2.len)
            emit(c, I_JUMP, end);
        label_here(c, orelse);
        stmts(c, &n->list2);
        label_here(c, end);
        break;
    }
    case N_WHILE: {
        int top = label_new(c), orelse = label_new(c), end = label_new(c);
        label_here(c, top);
        expr(c, n->a);
        emit(c, I_POP_JUMP_IF_FALSE, orelse);
        FBlock *b = fb_push(c, FB_WHILE, n);
        b->cont = top;
        b->brk = end;
        stmts(c, &n->list);
        fb_pop(c);
        emit(c, I_JUMP, top);
        label_here(c, orelse);
        stmts(c, &n->list2);
        label_here(c, end);
        break;
    }
    case N_FOR: {
        bool is_async = n->flags & F_ASYNC;
        if (is_async && !in_async_function(c)) {
            FAIL(c, n, "'async for' outside async function");
            break;
        }
        int top = label_new(c), orelse = label_new(c), end = label_new(c);
        expr(c, n->b);
        emit(c, is_async ? I_GET_AITER : I_GET_ITER, 0);
        label_here(c, top);
        emit_loop_next(c, is_async, orelse);
        store_target(c, n->a);
        FBlock *b = fb_push(c, FB_FOR, n);
        b->cont = top;
        b->brk = end;
        stmts(c, &n->list);
        fb_pop(c);
        emit(c, I_JUMP, top);
        label_here(c, orelse);
        if (is_async) {
            set_line(c, n);
            emit(c, I_END_ASYNC_FOR, 0);
        }
        stmts(c, &n->list2);
        label_here(c, end);
        break;
    }
    case N_BREAK:
        stmt_loop_exit(c, n, true);
        break;
    case N_CONTINUE:
        stmt_loop_exit(c, n, false);
        break;
    case N_PASS:
        break;
    case N_RETURN:
        if (c->u->sc->kind == SC_MODULE || c->u->sc->kind == SC_CLASS) {
            FAIL(c, n, "'return' outside function");
            break;
        }
        if (n->a && c->u->sc->is_async && c->u->sc->is_gen) {
            FAIL(c, n, "'return' with value in async generator");
            break;
        }
        if (leaves_star_handler(c, -1, n))
            break;
        if (n->a)
            expr(c, n->a);
        else
            emit_const(c, none_new());
        unwind_to(c, -1, true);
        emit(c, I_RETURN_VALUE, 0);
        break;
    case N_RAISE:
        if (n->a)
            expr(c, n->a);
        if (n->b)
            expr(c, n->b);
        emit(c, I_RAISE, n->b ? 2 : n->a ? 1 : 0);
        break;
    case N_TRY:
        stmt_try(c, n);
        break;
    case N_WITH:
        stmt_with(c, n, 0);
        break;
    case N_FUNCDEF:
        stmt_funcdef(c, n);
        break;
    case N_CLASSDEF:
        stmt_classdef(c, n);
        break;
    case N_GLOBAL:
    case N_NONLOCAL:
        break;
    case N_IMPORT:
    case N_IMPORTFROM:
        stmt_import(c, n);
        break;
    case N_ASSERT: {
        int end = label_new(c);
        expr(c, n->a);
        emit(c, I_POP_JUMP_IF_TRUE, end);
        emit(c, I_LOAD_ASSERTION_ERROR, 0);
        if (n->b) {
            expr(c, n->b);
            emit(c, I_CALL, 1);
        }
        emit(c, I_RAISE, 1);
        label_here(c, end);
        break;
    }
    case N_DEL:
        for (int i = 0; i < n->list.len; i++) {
            const Node *t = n->list.items[i];
            if (t->kind == N_NAME) {
                name_op(c, t->str, ACC_DELETE, t);
            } else if (t->kind == N_SUBSCRIPT) {
                expr(c, t->a);
                expr(c, t->b);
                emit(c, I_DELETE_SUBSCR, 0);
            } else if (t->kind == N_ATTR) {
                expr(c, t->a);
                emit(c, I_DELETE_ATTR, mangled_add(c, t->str));
            } else {
                unsupported(c, t, "deleting this kind of target");
            }
        }
        break;
    default:
        FAIL(c, n, "invalid syntax");
    }
}

static void stmts(Comp *c, const NodeList *l)
{
    for (int i = 0; i < l->len && !c->failed; i++)
        stmt(c, l->items[i]);
}

/* ------------------------------------------------------------ finish */

static Obj *list_to_tuple_steal(Obj *l)
{
    Obj *t = tuple_new(LIST_N(l));
    for (size_t i = 0; i < LIST_N(l); i++) {
        TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
        INCREF(LIST_ITEMS(l)[i]);
    }
    DECREF(l);
    return t;
}

static CodeObj *unit_finish(Comp *c, const char *name, int argcount, int kwonly, int flags, int firstline)
{
    Unit *u = c->u;
    Scope *sc = u->sc;
    if (c->failed) {
        DECREF(u->consts);
        DECREF(u->names);
        xfree(u->ops);
        xfree(u->lines);
        xfree(u->labels);
        return NULL;
    }
    for (int i = 0; i < u->n; i++) {
        int op = OPCODE(u->ops[i]);
        if (is_jump[op])
            u->ops[i] = MAKE_OP(op, u->labels[OPARG(u->ops[i])]); // NOLINT(clang-analyzer-core.NullDereference): a jump exists only with a label, so labels is allocated
    }
    CodeObj *co = (CodeObj *)obj_alloc(&CodeClass, sizeof(CodeObj));
    co->ops = u->ops;
    co->lines = u->lines;
    co->nops = u->n;
    co->consts = list_to_tuple_steal(u->consts);
    co->names = list_to_tuple_steal(u->names);
    co->argcount = argcount;
    co->kwonlycount = kwonly;
    co->flags = flags | c->flags;
    co->firstline = firstline;
    co->name = str_from(name);
    co->qualname = str_from(sc->qualname ? sc->qualname : name);
    co->src = c->src;
    xfree(u->labels);
    /* locals: fast slots assigned by assign_slots, in slot order */
    int nloc = 0, ncell = 0, nfree = 0;
    bool fn = sc->kind != SC_MODULE;
    for (int i = 0; fn && i < sc->nsyms; i++) {
        Sym *s = &sc->syms[i];
        if (s->slot >= nloc)
            nloc = s->slot + 1;
        if (s->flags & SYM_CELL)
            ncell++;
        else if (s->flags & SYM_FREE)
            nfree++;
    }
    co->varnames = tuple_new((size_t)nloc);
    co->cellnames = tuple_new((size_t)ncell);
    co->freenames = tuple_new((size_t)nfree);
    co->cell2arg = xmalloc(sizeof(int) * (size_t)(ncell + 1));
    for (int i = 0; fn && i < sc->nsyms; i++) {
        Sym *s = &sc->syms[i];
        if (s->slot >= 0)
            TUP_ITEMS(co->varnames)[s->slot] = str_from(s->name);
        if (s->cslot >= 0 && (s->flags & SYM_CELL)) {
            TUP_ITEMS(co->cellnames)[s->cslot] = str_from(s->name);
            co->cell2arg[s->cslot] = (s->flags & SYM_PARAM) ? s->slot : -1;
        } else if (s->cslot >= 0) {
            TUP_ITEMS(co->freenames)[s->cslot - ncell] = str_from(s->name);
        }
    }
    for (int k = 0; k < nloc; k++)
        if (!TUP_ITEMS(co->varnames)[k])
            TUP_ITEMS(co->varnames)[k] = str_from("");
    co->nlocals = nloc;
    return co;
}

CodeObj *compile_module(const Node *mod, const Source *src, const ModuleSpec *const *modules, int flags,
                        LangError *err)
{
    Comp c = {.src = src, .err = err, .modules = modules, .flags = flags};
    Scope *msc = scope_new(&c, SC_MODULE, NULL, NULL, "<module>");
    sym_stmts(&c, msc, &mod->list);
    if (!c.failed)
        sym_resolve(&c);
    /* mark module-level names bound only by `import m` as modules: slot -2,
     * with the module's real name stored after the alias's NUL */
    for (int i = 0; !c.failed && i < mod->list.len; i++) {
        const Node *n = mod->list.items[i];
        if (n->kind != N_IMPORT)
            continue;
        for (int k = 0; k < n->list.len; k++) {
            const Node *al = n->list.items[k];
            if (strchr(al->str, '.'))
                continue;
            const char *bind = al->str2 ? al->str2 : al->str;
            Sym *s = sym_find(msc, bind);
            size_t lb = strlen(bind), lm = strlen(al->str);
            char *packed = xmalloc(lb + lm + 2);
            memcpy(packed, bind, lb + 1);
            memcpy(packed + lb + 1, al->str, lm + 1);
            if (s->slot == -2) /* imported again: the last one counts */
                xfree((char *)s->name);
            s->name = packed; /* leaked into the scope; freed below */
            s->slot = -2;
        }
    }
    CodeObj *code = NULL;
    if (!c.failed) {
        Unit u;
        unit_push(&u, msc);
        u.line = 1;
        c.u = &u;
        stmts(&c, &mod->list);
        emit_const(&c, none_new());
        emit(&c, I_RETURN_VALUE, 0);
        code = unit_finish(&c, "<module>", 0, 0, CO_MODULE, 1);
    }
    while (c.all_scopes) {
        Scope *sc = c.all_scopes;
        c.all_scopes = sc->next_all;
        for (int i = 0; i < sc->nsyms; i++)
            if (sc->syms[i].slot == -2)
                xfree((char *)sc->syms[i].name);
        xfree(sc->syms);
        xfree(sc->qualname);
        xfree(sc);
    }
    xfree(c.map.keys);
    xfree(c.map.vals);
    return code;
}
