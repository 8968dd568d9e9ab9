/* compile_scope.c: the compiler's symbol table.
 * Owns: the first pass over the tree that finds every scope (module,
 * function, comprehension, class body) and its names, their flags
 * (assigned, parameter, global, nonlocal, used), the map from a node to
 * its scope, and resolution into fast, cell and free slots.
 * Leaves to compile.c and compile_expr.c the bytecode (shared through
 * compile_int.h). */
#include "compile_int.h"

#include <stdlib.h>
#include <string.h>

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

Scope *map_get(ScopeMap *m, const Node *k)
{
    size_t j = ((uintptr_t)k >> 4) & (m->cap - 1);
    while (m->keys[j]) {
        if (m->keys[j] == k)
            return m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}

Sym *sym_find(Scope *sc, const char *name)
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

Scope *scope_new(Comp *c, ScopeKind kind, const Node *n, Scope *parent, const char *name)
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

void sym_stmts(Comp *c, Scope *sc, const NodeList *l)
{
    for (int i = 0; i < l->len && !c->failed; i++)
        sym_stmt(c, sc, l->items[i]);
}

/* Decide local / cell / free / global for every name of every function scope. */
void sym_resolve(Comp *c)
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
