/* private.c: class private names (#x), resolved before compiling.
 * Owns: one pass over the syntax tree that gives each class's private
 * names keys of their own (the byte 0xfe, the class's number, then the
 * name: text no scenario can spell, and different for two classes that
 * both say #x), rewrites the declarations and every `obj.#x` and `#x in
 * obj` inside the class to them, and reports a private name no enclosing
 * class declares, located, as Node's SyntaxError. What makes them private
 * at run time (they are never enumerable, so keys, JSON, spread and
 * console.log do not show them) is value.c's and the compiler's. */
#include "private.h"

#include <stdio.h>
#include <string.h>

typedef struct PScope {
    struct PScope *up;
    int id;
    const char **names;   /* as written, "#x" */
    int n;
} PScope;

typedef struct PState {
    Arena *a;
    LangError *err;
    int next_id;
    bool failed;
} PState;

static const char *lookup(PState *S, PScope *sc, const char *name)
{
    for (; sc; sc = sc->up)
        for (int i = 0; i < sc->n; i++)
            if (!strcmp(sc->names[i], name)) {
                char buf[300];
                snprintf(buf, sizeof buf, "\xfe%d%s", sc->id, name);
                return arena_strndup(S->a, buf, strlen(buf));
            }
    return NULL;
}

static void walk(PState *S, Node *n, PScope *sc);

static void resolve(PState *S, Node *n, PScope *sc)
{
    const char *k = lookup(S, sc, n->str);
    if (!k) {
        if (!S->failed)
            lang_error(S->err, n->line, n->col, "SyntaxError: Private field '%s' must be declared in an enclosing class", n->str);
        S->failed = true;
        return;
    }
    n->str = k;
    n->slen = strlen(k);
}

static void walk_class(PState *S, Node *c, PScope *sc)
{
    PScope mine = {.up = sc, .id = ++S->next_id};
    mine.names = arena_alloc(S->a, (size_t)(c->n + 1) * sizeof(char *));
    for (int i = 0; i < c->n; i++) {
        Node *m = c->list[i];
        if (m && m->a && !(m->flags & NF_COMPUTED) && m->a->kind == N_STR && m->a->str && m->a->str[0] == '#')
            mine.names[mine.n++] = m->a->str;
    }
    if (c->a)
        walk(S, c->a, sc); /* extends: outside the class's private scope */
    for (int i = 0; i < c->n; i++) {
        Node *m = c->list[i];
        if (!m)
            continue;
        if (m->a && !(m->flags & NF_COMPUTED) && m->a->kind == N_STR && m->a->str && m->a->str[0] == '#')
            resolve(S, m->a, &mine);
        else if (m->a)
            walk(S, m->a, &mine);
        if (m->b)
            walk(S, m->b, &mine);
    }
}

static void walk(PState *S, Node *n, PScope *sc)
{
    if (!n || S->failed)
        return;
    if (n->kind == N_CLASS) {
        walk_class(S, n, sc);
        return;
    }
    if ((n->kind == N_MEMBER || n->kind == N_IDENT) && n->str && n->str[0] == '#') {
        resolve(S, n, sc);
        if (n->kind == N_MEMBER)
            walk(S, n->a, sc);
        return;
    }
    walk(S, n->a, sc);
    walk(S, n->b, sc);
    walk(S, n->c, sc);
    walk(S, n->d, sc);
    for (int i = 0; i < n->n; i++)
        walk(S, n->list[i], sc);
}

int js_resolve_private(Node *program, Arena *a, LangError *err)
{
    PState S = {.a = a, .err = err};
    walk(&S, program, NULL);
    return S.failed ? -1 : 0;
}
