/* class.c: class bodies lowered to plain functions before compiling.
 * Owns the field initialiser a class gets as a hidden method (`this.f =
 * expr; ...` in declaration order, static blocks in their place among the
 * static fields) and the syntax-tree node allocator the lowering and the
 * compiler share. Leaves making the class (prototype, methods, super) to
 * compile.c and vm.c. */
#include "class.h"
#include "../objects/value.h"

#include <string.h>

Node *js_node_new(Arena *a, NodeKind k, const Node *at)
{
    Node *n = arena_alloc(a, sizeof *n);
    n->kind = k;
    n->line = at->line;
    n->col = at->col;
    return n;
}

/* The field initialiser of a class as a method: `this.f = expr; ...`. */
Node *js_class_fields(Arena *a, Node *cls, bool is_static)
{
    int count = 0;
    for (int i = 0; i < cls->n; i++)
        if (cls->list[i]->op[0] == PK_FIELD && ((cls->list[i]->flags & NF_STATIC) != 0) == is_static)
            count++;
    if (!count)
        return NULL;
    Node *f = js_node_new(a, N_FUNC, cls);
    f->flags = NF_METHOD;
    Node *body = js_node_new(a, N_BLOCK, cls);
    body->list = arena_alloc(a, (size_t)count * sizeof(Node *));
    for (int i = 0; i < cls->n; i++) {
        Node *m = cls->list[i];
        if (m->op[0] != PK_FIELD || ((m->flags & NF_STATIC) != 0) != is_static)
            continue;
        if (m->flags & NF_STATIC_BLOCK) {
            body->list[body->n++] = m->b;
            continue;
        }
        Node *target;
        if (m->flags & NF_COMPUTED) {
            target = js_node_new(a, N_INDEX, m);
            target->a = js_node_new(a, N_THIS, m);
            target->b = m->a;
        } else {
            target = js_node_new(a, N_MEMBER, m);
            target->a = js_node_new(a, N_THIS, m);
            if (m->a->kind == N_NUM) {
                char buf[64];
                js_number_fmt(m->a->num, buf, sizeof buf);
                target->str = arena_strndup(a, buf, strlen(buf));
            } else {
                target->str = m->a->str;
            }
        }
        Node *as = js_node_new(a, N_ASSIGN, m);
        strcpy(as->op, "=");
        as->a = target;
        as->b = m->b ? m->b : js_node_new(a, N_IDENT, m);
        if (!m->b)
            as->b->str = "undefined";
        Node *st = js_node_new(a, N_EXPR, m);
        st->a = as;
        body->list[body->n++] = st;
    }
    f->b = body;
    f->end_line = cls->end_line;
    return f;
}

