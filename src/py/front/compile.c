/* compile.c: turns the syntax tree into bytecode.
 * Owns: opcode names, compile errors (fail_at), emitting instructions,
 * labels and constants, the control-flow bookkeeping for
 * break/continue/return through try/finally (the FBlock stack), every
 * statement (functions, classes, imports, try, with, loops), finishing a
 * code unit (jump resolution) and compile_module.
 * Leaves to compile_scope.c the symbol table (name resolution: local, cell,
 * free, global and class-body names), to compile_expr.c expressions,
 * assignment targets, private-name mangling, zero-argument super() and the
 * load-time rejection of constructs loopscope does not run ("X is not
 * supported by loopscope"); the three share compile_int.h. It leaves the
 * meaning of each instruction to vm.c and syntax to parse.c. */
#include "code.h"
#include "compile_int.h"
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
        [I_LOAD_METHOD] = "LOAD_METHOD",
        [I_CALL_METHOD] = "CALL_METHOD",
    };
    return op >= 0 && op < I_COUNT && names[op] ? names[op] : "?";
}


void fail_at(Comp *c, int line, int col, const char *fmt, ...)
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
/* --------------------------------------------------------- emitting */

static const bool is_jump[I_COUNT] = {
    [I_JUMP] = true, [I_POP_JUMP_IF_FALSE] = true, [I_POP_JUMP_IF_TRUE] = true,
    [I_JUMP_IF_FALSE_OR_POP] = true, [I_JUMP_IF_TRUE_OR_POP] = true, [I_FOR_ITER] = true,
    [I_SETUP_EXCEPT] = true, [I_SETUP_FINALLY] = true, [I_SETUP_WITH] = true, [I_EXCEPT_STAR_MATCH] = true,
};

void emit(Comp *c, int op, int arg)
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

int label_new(Comp *c)
{
    Unit *u = c->u;
    if (u->nlabels == u->caplabels) {
        u->caplabels = u->caplabels ? u->caplabels * 2 : 16;
        u->labels = xrealloc(u->labels, (size_t)u->caplabels * sizeof(int));
    }
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

void label_here(Comp *c, int l)
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

int name_add(Comp *c, const char *name)
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
int mangled_add(Comp *c, const char *name)
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

void emit_const(Comp *c, Obj *v)
{
    emit(c, I_LOAD_CONST, const_add(c, v));
}

void set_line(Comp *c, const Node *n)
{
    if (n && n->line > 0)
        c->u->line = n->line;
}

/* -------------------------------------------------------- statements */

static void stmts(Comp *c, const NodeList *l);

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

CodeObj *unit_finish(Comp *c, const char *name, int argcount, int kwonly, int flags, int firstline)
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
    tuple_intern_strs(co->names);
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
    return compile_module_warned(mod, src, modules, flags, err, NULL);
}

CodeObj *compile_module_warned(const Node *mod, const Source *src, const ModuleSpec *const *modules,
                               int flags, LangError *err, Buf *warnings)
{
    Comp c = {.src = src, .err = err, .modules = modules, .flags = flags, .warnings = warnings};
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
