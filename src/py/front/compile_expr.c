/* compile_expr.c: the expression half of the compiler.
 * Owns: bytecode for every expression (names, calls and their arguments,
 * comprehensions, f-strings, comparisons, displays, zero-argument super(),
 * function and lambda objects with their slots), assignment targets
 * (store_target), the load-time refusals of builtins and modules loopscope
 * does not run, and name access (name_op, mangling through compile.c).
 * Leaves to compile.c statements, emitting and finishing a code unit, and
 * to compile_scope.c the symbol table (shared through compile_int.h). */
#include "compile_int.h"
#include "stdlib_names.h"
#include "pyver.h"
#include "../objects/bytes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


void unsupported(Comp *c, const Node *n, const char *what)
{
    FAIL(c, n, "%s %s not supported by loopscope", what,
         what[strlen(what) - 1] == 's' && strcmp(what + strlen(what) - 2, "ss") != 0 ? "are" : "is");
}

void name_op(Comp *c, const char *name, Access acc, const Node *at)
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
bool in_async_function(Comp *c)
{
    return c->u->sc->kind != SC_MODULE && c->u->sc->is_async;
}

/* Python builtins loopscope does not provide: host or interpreter access (open, exec...), and
 * the mutable byte types (bytes itself is provided: objects/bytes.c). */
static const char *const refused_builtins[] = {
    "open", "exec", "eval", "compile", "__import__", "input", "globals", "locals", "vars",
    "delattr", "breakpoint", "memoryview", "bytearray", "help", "exit", "quit",
    "dir", "ascii", "slice", "complex", "__build_class__",
    NULL,
};


bool in_list(const char *const *l, const char *s)
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

const ModuleSpec *module_find(Comp *c, const char *name)
{
    for (const ModuleSpec *const *m = c->modules; m && *m; m++)
        if (strcmp((*m)->name, name) == 0)
            return *m;
    return NULL;
}

/* A name the module lacks in CPython too: not refused at load time, it
 * fails at run time the way CPython fails (with its "Did you mean"). */
bool module_typo(const ModuleSpec *m, const char *name)
{
    return m->cpython && strncmp(name, "__", 2) != 0 && !in_list(m->cpython, name);
}

/* asyncio.X where `asyncio` is a module imported at top level: check X exists. */
const ModuleSpec *module_of_name(Comp *c, const char *name)
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

/* True when a call passes only positional arguments, none starred. */
static bool plain_args(const Node *call)
{
    for (int i = 0; i < call->list.len; i++) {
        NodeKind k = call->list.items[i]->kind;
        if (k == N_STARRED || k == N_DOUBLESTAR || k == N_KEYWORD)
            return false;
    }
    return true;
}

/* The object of attribute node n (its a), after refusing a module's
 * attribute loopscope does not have; false when refused. */
static bool attr_object(Comp *c, const Node *n)
{
    if (n->a->kind == N_NAME) {
        const ModuleSpec *m = module_of_name(c, n->a->str);
        if (m && !in_list(m->exports, n->str) && !module_typo(m, n->str)) {
            char what[160];
            snprintf(what, sizeof what, "%s.%s", m->name, n->str);
            unsupported(c, n, what);
            return false;
        }
    }
    expr(c, n->a);
    return true;
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

void make_function(Comp *c, const NodeList *params, Scope *sc, CodeObj *code)
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

void unit_push(Unit *u, Scope *sc)
{
    memset(u, 0, sizeof *u);
    u->sc = sc;
    u->consts = list_new(8);
    u->names = list_new(8);
    u->line = sc->node ? sc->node->line : 1;
}

/* Number locals, cells and frees of a function scope; params first. */
void assign_slots(Scope *sc, const NodeList *params, int *argcount, int *kwonly, int *flags)
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
void emit_loop_next(Comp *c, bool is_async, int end)
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

static bool is_const_node(const Node *n);

/* The type name of a constant CPython's `is` check calls a literal (None,
 * True, False and ... are not), or NULL. */
static const char *literal_type(const Node *n)
{
    if (!is_const_node(n))
        return NULL;
    switch (n->kind) {
    case N_INT: return "int";
    case N_FLOAT: return "float";
    case N_STR: return "str";
    case N_BYTES: return "bytes";
    case N_TUPLE: return "tuple";
    case N_UNARYOP: return literal_type(n->a);
    default: return NULL;
    }
}

/* CPython's SyntaxWarning for `x is 1` / `x is not 'a'`: the first `is`
 * of the comparison with a literal on either side. */
static void warn_is_literal(Comp *c, const Node *n)
{
    if (!c->warnings || (c->flags & CO_LIBRARY))
        return;
    const Node *left = n->a;
    for (int i = 0; i < n->list.len; i++) {
        const Node *right = n->list.items[i];
        Op op = n->ops[i];
        const char *lt = literal_type(left), *rt = literal_type(right);
        if ((op == OP_IS || op == OP_ISNOT) && (lt || rt)) {
            const char *word = op == OP_IS ? "is" : "is not", *mean = op == OP_IS ? "==" : "!=";
            buf_printf(c->warnings, "%d", n->line);
            buf_putc(c->warnings, '\0');
            if (pyver_minor() >= 12)
                buf_printf(c->warnings, "\"%s\" with '%s' literal. Did you mean \"%s\"?", word, lt ? lt : rt, mean);
            else
                buf_printf(c->warnings, "\"%s\" with a literal. Did you mean \"%s\"?", word, mean);
            buf_putc(c->warnings, '\0');
            return;
        }
        left = right;
    }
}

static void expr_compare(Comp *c, const Node *n)
{
    warn_is_literal(c, n);
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
    case N_BYTES:
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

void expr(Comp *c, const Node *n)
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
    case N_BYTES:
        emit_const(c, bytes_new(n->str, n->len));
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
        if (n->a->kind == N_ATTR && plain_args(n)) {
            /* o.m(args): no bound method made when m is a plain function */
            if (attr_object(c, n->a)) {
                emit(c, I_LOAD_METHOD, mangled_add(c, n->a->str));
                for (int i = 0; i < n->list.len; i++)
                    expr(c, n->list.items[i]);
                emit(c, I_CALL_METHOD, n->list.len);
            }
            break;
        }
        expr(c, n->a);
        call_args(c, n, 0);
        break;
    case N_ATTR:
        if (attr_object(c, n))
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

void store_target(Comp *c, const Node *t)
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
