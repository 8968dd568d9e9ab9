/* compile.c: JavaScript syntax tree to bytecode.
 * Owns: scope analysis (var hoisting to the function, let/const/class per
 * block with a temporal dead zone, function declarations hoisted to their
 * block, a fresh environment per loop iteration for let), resolving each
 * name to (hops, slot) or a global, lowering destructuring, classes,
 * optional chains and try/finally (the finally body is emitted on every
 * way out), and refusing browser and network globals with a located
 * message. Leaves running the code to vm/. */
#include "literal.h"
#include "private.h"
#include "refused.h"
#include "class.h"
#include "code.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum BindKind { B_VAR, B_LET, B_CONST, B_FUNC, B_PARAM, B_HIDDEN, B_CLASS } BindKind;

typedef struct Scope Scope;
struct Scope {
    Scope *parent;
    const char **names;
    uint8_t *kinds;
    int n, cap;
    bool is_func;
};

enum { CTL_LOOP, CTL_SWITCH, CTL_LABEL, CTL_ENV, CTL_TRY, CTL_ITER, CTL_STACK };

typedef struct Ctl {
    int kind;
    const char *label;
    Node *finally;
    bool iter_env;       /* CTL_LOOP: an environment per iteration */
    bool await_each;     /* CTL_ITER: a for await loop's (closing it awaits) */
    struct Scope *scope; /* the scope when it began (a finally body is compiled in it) */
    int *breaks, nbreaks, capbreaks;
    int *conts, nconts, capconts;
} Ctl;

typedef struct FnState FnState;
struct FnState {
    FnState *parent;
    JsFunc *f;
    Scope *scope;
    Ctl ctl[128];
    int nctl;
    bool arrow;
};

typedef struct Comp {
    JsRt *rt;
    Arena *a;
    LangError *err;
    bool failed;
    FnState *fs;
    int line;
    int depth;
} Comp;

static void expr(Comp *C, Node *n);
static void stmt(Comp *C, Node *n);
static JsFunc *function(Comp *C, Node *fn, const char *name);
static void assign_pattern(Comp *C, Node *pat, int mode);

/* assign_pattern modes */
enum { AM_ASSIGN, AM_INIT };

static void fail(Comp *C, Node *at, const char *fmt, const char *arg)
{
    if (C->failed)
        return;
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg ? arg : "");
    lang_error(C->err, at ? at->line : 1, at ? at->col : 1, "%s", msg);
    C->failed = true;
}

/* ---- emitting ---- */

static void emit_byte(Comp *C, int b)
{
    JsFunc *f = C->fs->f;
    if (f->ncode == f->capcode) {
        f->capcode = f->capcode ? f->capcode * 2 : 64;
        f->code = xrealloc(f->code, f->capcode);
        f->lines = xrealloc(f->lines, f->capcode * sizeof(int));
    }
    f->lines[f->ncode] = C->line;
    f->code[f->ncode++] = (uint8_t)b;
}

static void emit_u16(Comp *C, int v)
{
    if (v < 0 || v > 0xffff) {
        fail(C, NULL, "the scenario is too large for loopscope's JavaScript compiler%s", "");
        v = 0;
    }
    emit_byte(C, v & 0xff);
    emit_byte(C, (v >> 8) & 0xff);
}

static void emit(Comp *C, Op op) { emit_byte(C, op); }
static void emit1(Comp *C, Op op, int a)
{
    emit_byte(C, op);
    emit_u16(C, a);
}
static void emit2(Comp *C, Op op, int a, int b)
{
    emit_byte(C, op);
    emit_u16(C, a);
    emit_u16(C, b);
}

static int here(Comp *C) { return (int)C->fs->f->ncode; }

/* A jump with a 4-byte target to patch; returns the operand's offset. */
static int emit_jump(Comp *C, Op op)
{
    emit_byte(C, op);
    int at = here(C);
    for (int i = 0; i < 4; i++)
        emit_byte(C, 0);
    return at;
}

static void patch_to(Comp *C, int at, int target)
{
    uint8_t *p = C->fs->f->code + at;
    uint32_t t = (uint32_t)target;
    p[0] = (uint8_t)t;
    p[1] = (uint8_t)(t >> 8);
    p[2] = (uint8_t)(t >> 16);
    p[3] = (uint8_t)(t >> 24);
}

static void patch(Comp *C, int at) { patch_to(C, at, here(C)); }

static void emit_jump_to(Comp *C, Op op, int target)
{
    int at = emit_jump(C, op);
    patch_to(C, at, target);
}

static int add_const(Comp *C, JsValue v)
{
    JsFunc *f = C->fs->f;
    for (int i = 0; i < f->nconsts; i++) {
        JsValue c = f->consts[i];
        if (c.tag == v.tag && ((v.tag == JV_STR && c.u.s == v.u.s) || (v.tag == JV_NUM && c.u.n == v.u.n &&
                                                                       (c.u.n != 0 || 1 / c.u.n == 1 / v.u.n))))
            return i;
    }
    if (f->nconsts == f->capconsts) {
        f->capconsts = f->capconsts ? f->capconsts * 2 : 8;
        f->consts = xrealloc(f->consts, (size_t)f->capconsts * sizeof(JsValue));
    }
    f->consts[f->nconsts] = v;
    return f->nconsts++;
}

static int name_const(Comp *C, const char *s) { return add_const(C, js_strv(js_intern(C->rt, s))); }

static int str_const(Comp *C, const char *s, size_t n)
{
    char *tmp = xstrndup(s, n);
    int k;
    if (strlen(tmp) == n) {
        k = name_const(C, tmp);
    } else {
        k = add_const(C, js_strv(js_str(C->rt, s, n)));
    }
    xfree(tmp);
    return k;
}

static void emit_num(Comp *C, double d) { emit1(C, OP_CONST, add_const(C, js_num(d))); }

/* ---- scopes ---- */

static Scope *scope_new(Comp *C, bool is_func)
{
    Scope *s = arena_alloc(C->a, sizeof *s);
    s->is_func = is_func;
    return s;
}

static int scope_find(const Scope *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (!strcmp(s->names[i], name))
            return i;
    return -1;
}

static int declare(Comp *C, Scope *s, const char *name, BindKind k, Node *at)
{
    int i = scope_find(s, name);
    if (i >= 0) {
        BindKind old = s->kinds[i];
        bool lexical_old = old == B_LET || old == B_CONST || old == B_CLASS;
        bool lexical_new = k == B_LET || k == B_CONST || k == B_CLASS;
        if ((lexical_old || lexical_new) && old != B_HIDDEN)
            fail(C, at, "SyntaxError: Identifier '%s' has already been declared", name);
        if (k == B_FUNC)
            s->kinds[i] = B_FUNC;
        return i;
    }
    if (s->n == s->cap) {
        int nc = s->cap ? s->cap * 2 : 8;
        const char **nn = arena_alloc(C->a, (size_t)nc * sizeof(char *));
        uint8_t *nk = arena_alloc(C->a, (size_t)nc);
        if (s->n) {
            memcpy(nn, s->names, (size_t)s->n * sizeof(char *));
            memcpy(nk, s->kinds, (size_t)s->n);
        }
        s->names = nn;
        s->kinds = nk;
        s->cap = nc;
    }
    s->names[s->n] = name;
    s->kinds[s->n] = (uint8_t)k;
    return s->n++;
}

static void declare_pattern(Comp *C, Scope *s, Node *p, BindKind k)
{
    if (!p)
        return;
    switch (p->kind) {
    case N_IDENT:
        declare(C, s, p->str, k, p);
        break;
    case N_DEFAULT:
    case N_REST:
        declare_pattern(C, s, p->a, k);
        break;
    case N_ARRAY_PAT:
        for (int i = 0; i < p->n; i++)
            declare_pattern(C, s, p->list[i], k);
        break;
    case N_OBJECT_PAT:
        for (int i = 0; i < p->n; i++)
            declare_pattern(C, s, p->list[i]->kind == N_REST ? p->list[i] : p->list[i]->b, k);
        break;
    default:
        break;
    }
}

/* var declarations anywhere in a function body (not in nested functions). */
static void hoist_vars(Comp *C, Scope *s, Node *n)
{
    if (!n || C->failed)
        return;
    switch (n->kind) {
    case N_VAR:
        if (n->op[0] == 'v')
            for (int i = 0; i < n->n; i++)
                declare_pattern(C, s, n->list[i]->a, B_VAR);
        break;
    case N_BLOCK:
    case N_PROGRAM:
    case N_CASE:
        for (int i = 0; i < n->n; i++)
            hoist_vars(C, s, n->list[i]);
        break;
    case N_SWITCH:
        for (int i = 0; i < n->n; i++)
            hoist_vars(C, s, n->list[i]);
        break;
    case N_IF:
        hoist_vars(C, s, n->b);
        hoist_vars(C, s, n->c);
        break;
    case N_FOR:
    case N_FORIN:
    case N_FOROF:
        hoist_vars(C, s, n->a);
        hoist_vars(C, s, n->d);
        break;
    case N_WHILE:
    case N_DOWHILE:
        hoist_vars(C, s, n->d);
        break;
    case N_TRY:
        hoist_vars(C, s, n->a);
        hoist_vars(C, s, n->c);
        hoist_vars(C, s, n->d);
        break;
    case N_LABELED:
        hoist_vars(C, s, n->a);
        break;
    default:
        break;
    }
}

/* let/const/class/function declared directly in a statement list. */
static void declare_lexical(Comp *C, Scope *s, Node **list, int n)
{
    for (int i = 0; i < n && !C->failed; i++) {
        Node *x = list[i];
        if (!x)
            continue;
        if (x->kind == N_VAR && x->op[0] != 'v')
            for (int j = 0; j < x->n; j++)
                declare_pattern(C, s, x->list[j]->a, x->op[0] == 'c' ? B_CONST : B_LET);
        else if (x->kind == N_CLASSDECL)
            declare(C, s, x->str, B_CLASS, x);
        else if (x->kind == N_FUNCDECL)
            declare(C, s, x->str, B_FUNC, x);
    }
}

static bool has_lexical(Node **list, int n)
{
    for (int i = 0; i < n; i++) {
        Node *x = list[i];
        if (x && ((x->kind == N_VAR && x->op[0] != 'v') || x->kind == N_CLASSDECL || x->kind == N_FUNCDECL))
            return true;
    }
    return false;
}

typedef struct Resolved {
    int hops, slot;
    BindKind kind;
    bool found;
} Resolved;

static Resolved resolve(Comp *C, const char *name)
{
    Resolved r = {0};
    int hops = 0;
    for (FnState *fs = C->fs; fs; fs = fs->parent) {
        for (Scope *s = fs->scope; s; s = s->parent) {
            int i = scope_find(s, name);
            if (i >= 0) {
                r.hops = hops;
                r.slot = i;
                r.kind = s->kinds[i];
                r.found = true;
                return r;
            }
            hops++;
            if (s->is_func)
                break;
        }
    }
    return r;
}

/* Emit the hoisted function declarations of a statement list. */
static void init_functions(Comp *C, Node **list, int n)
{
    for (int i = 0; i < n && !C->failed; i++) {
        Node *x = list[i];
        if (!x || x->kind != N_FUNCDECL)
            continue;
        C->line = x->line;
        JsFunc *f = function(C, x->a, x->str);
        if (!f)
            return;
        JsFunc *pf = C->fs->f;
        if (pf->nfuncs == pf->capfuncs) {
            pf->capfuncs = pf->capfuncs ? pf->capfuncs * 2 : 4;
            pf->funcs = xrealloc(pf->funcs, (size_t)pf->capfuncs * sizeof(JsFunc *));
        }
        pf->funcs[pf->nfuncs] = f;
        emit1(C, OP_CLOSURE, pf->nfuncs++);
        Resolved r = resolve(C, x->str);
        emit2(C, OP_INIT_VAR, r.hops, r.slot);
        emit(C, OP_POP);
    }
}

/* Slots of var-like kinds start undefined; the rest stay in the dead zone. */
static void init_var_slots(Comp *C, Scope *s)
{
    for (int i = 0; i < s->n; i++) {
        if (s->kinds[i] == B_VAR || s->kinds[i] == B_FUNC) {
            emit(C, OP_UNDEF);
            emit2(C, OP_INIT_VAR, 0, i);
            emit(C, OP_POP);
        }
    }
}

/* Enter scope s (its names declared): a new environment at run time. */
static void enter_scope(Comp *C, Scope *s)
{
    s->parent = C->fs->scope;
    C->fs->scope = s;
    emit1(C, OP_PUSH_ENV, s->n);
    init_var_slots(C, s);
    Ctl *c = &C->fs->ctl[C->fs->nctl++];
    memset(c, 0, sizeof *c);
    c->kind = CTL_ENV;
}

static Scope *push_block_scope(Comp *C, Node **list, int n)
{
    Scope *s = scope_new(C, false);
    declare_lexical(C, s, list, n);
    enter_scope(C, s);
    return s;
}

static void pop_block_scope(Comp *C)
{
    emit(C, OP_POP_ENV);
    C->fs->scope = C->fs->scope->parent;
    C->fs->nctl--;
}

/* ---- control flow ---- */

static Ctl *push_ctl(Comp *C, int kind)
{
    if (C->fs->nctl >= 128) {
        fail(C, NULL, "SyntaxError: statements nested too deeply%s", "");
        C->fs->nctl = 127;
    }
    Ctl *c = &C->fs->ctl[C->fs->nctl++];
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->scope = C->fs->scope;
    return c;
}

static void add_jump(int **v, int *n, int *cap, int at)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        *v = xrealloc(*v, (size_t)*cap * sizeof(int));
    }
    (*v)[(*n)++] = at;
}

static void pop_ctl(Comp *C, int break_target)
{
    Ctl *c = &C->fs->ctl[--C->fs->nctl];
    for (int i = 0; i < c->nbreaks; i++)
        patch_to(C, c->breaks[i], break_target);
    xfree(c->breaks);
    xfree(c->conts);
}

static void emit_block_body(Comp *C, Node *b);

/* AsyncIteratorClose of the record k items below the top: call return()
 * if there is one and await what it gives (with check: it must be an
 * object; without, for a throw completion, it is dropped). */
static void emit_async_close(Comp *C, int k, bool check)
{
    emit(C, OP_ASYNC_CLOSE);
    emit_u16(C, k);
    int skip = here(C);
    for (int i = 0; i < 4; i++)
        emit_byte(C, 0);
    emit1(C, OP_AWAIT, name_const(C, "the iterator's return()"));
    emit(C, check ? OP_CHECK_OBJ : OP_POP);
    patch(C, skip);
}

/* Leave every control entry above index `to` (exclusive): pop environments
 * and stack items, end try blocks and run their finally bodies. */
static void unwind_to(Comp *C, int to, bool keep_stack)
{
    FnState *fs = C->fs;
    int above = 1; /* keep_stack: the items over the next kept one (the return value first) */
    for (int i = fs->nctl - 1; i > to; i--) {
        Ctl *c = &fs->ctl[i];
        switch (c->kind) {
        case CTL_ENV:
            emit(C, OP_POP_ENV);
            break;
        case CTL_ITER:
            /* leaving a for-of early closes its iterator (return()) */
            if (c->await_each) {
                emit_async_close(C, keep_stack ? above++ : 0, true);
                if (!keep_stack)
                    emit(C, OP_POP);
            } else if (keep_stack) {
                emit1(C, OP_ITER_CLOSE_AT, above++);
            } else {
                emit(C, OP_ITER_CLOSE);
            }
            break;
        case CTL_STACK:
            if (!keep_stack)
                emit(C, OP_POP);
            else
                above++;
            break;
        case CTL_LOOP:
            if (c->iter_env)
                emit(C, OP_POP_ENV);
            break;
        case CTL_TRY: {
            emit(C, OP_END_TRY);
            if (c->finally) {
                int saved = fs->nctl;
                Ctl copy[128];
                memcpy(copy, fs->ctl, sizeof copy);
                fs->nctl = i;
                Scope *sc = fs->scope;
                fs->scope = c->scope; /* the environments inside the try are gone by now */
                emit_block_body(C, c->finally);
                fs->scope = sc;
                memcpy(fs->ctl, copy, sizeof copy);
                fs->nctl = saved;
            }
            break;
        }
        default:
            break;
        }
    }
}

static void break_or_continue(Comp *C, Node *n)
{
    bool is_break = n->kind == N_BREAK;
    FnState *fs = C->fs;
    for (int i = fs->nctl - 1; i >= 0; i--) {
        Ctl *c = &fs->ctl[i];
        bool match;
        if (n->str)
            match = c->label && !strcmp(c->label, n->str) && (is_break || c->kind == CTL_LOOP);
        else
            match = c->kind == CTL_LOOP || (is_break && c->kind == CTL_SWITCH);
        if (!match)
            continue;
        if (n->str && !is_break && c->kind != CTL_LOOP)
            break;
        unwind_to(C, i, false);
        if (is_break) {
            if (c->kind == CTL_LOOP && c->iter_env)
                emit(C, OP_POP_ENV);
            add_jump(&c->breaks, &c->nbreaks, &c->capbreaks, emit_jump(C, OP_JMP));
        } else {
            add_jump(&c->conts, &c->nconts, &c->capconts, emit_jump(C, OP_JMP));
        }
        return;
    }
    if (n->str)
        fail(C, n, "SyntaxError: Undefined label '%s'", n->str);
    else
        fail(C, n, is_break ? "SyntaxError: Illegal break statement%s" : "SyntaxError: Illegal continue statement: no surrounding iteration statement%s", "");
}

/* ---- names ---- */

static void check_refused(Comp *C, Node *id)
{
    const char *why = js_refused_global(id->str);
    if (why)
        fail(C, id, "%s", why);
}

static void get_name(Comp *C, Node *id)
{
    Resolved r = resolve(C, id->str);
    if (r.found) {
        emit2(C, OP_GET_VAR, r.hops, r.slot);
        return;
    }
    check_refused(C, id);
    if (!strcmp(id->str, "undefined")) {
        emit(C, OP_UNDEF);
        return;
    }
    emit1(C, OP_GET_GLOBAL, name_const(C, id->str));
}

/* Store the value on top of the stack into a name; the value stays. */
static void set_name(Comp *C, Node *id, int mode)
{
    Resolved r = resolve(C, id->str);
    if (r.found) {
        if (mode == AM_ASSIGN && r.kind == B_CONST) {
            emit1(C, OP_THROW_CONST, name_const(C, id->str));
            return;
        }
        emit2(C, mode == AM_INIT ? OP_INIT_VAR : OP_SET_VAR, r.hops, r.slot);
        return;
    }
    check_refused(C, id);
    emit1(C, OP_SET_GLOBAL, name_const(C, id->str));
}

/* ---- expressions ---- */

static void key_of(Comp *C, Node *prop_key, bool computed)
{
    if (computed) {
        expr(C, prop_key);
    } else if (prop_key->kind == N_NUM) {
        char buf[64];
        js_number_fmt(prop_key->num, buf, sizeof buf);
        emit1(C, OP_CONST, name_const(C, buf));
    } else {
        emit1(C, OP_CONST, str_const(C, prop_key->str, prop_key->slen));
    }
}

static int add_func(Comp *C, JsFunc *f)
{
    JsFunc *pf = C->fs->f;
    if (pf->nfuncs == pf->capfuncs) {
        pf->capfuncs = pf->capfuncs ? pf->capfuncs * 2 : 4;
        pf->funcs = xrealloc(pf->funcs, (size_t)pf->capfuncs * sizeof(JsFunc *));
    }
    pf->funcs[pf->nfuncs] = f;
    return pf->nfuncs++;
}

static void closure(Comp *C, Node *fn, const char *name)
{
    JsFunc *f = function(C, fn, name);
    if (f)
        emit1(C, OP_CLOSURE, add_func(C, f));
}

/* Arguments as one array on the stack. */
static void args_array(Comp *C, Node *call)
{
    emit(C, OP_ARRAY);
    for (int i = 0; i < call->n; i++) {
        Node *x = call->list[i];
        expr(C, x->kind == N_SPREAD ? x->a : x);
        emit(C, x->kind == N_SPREAD ? OP_ARRAY_SPREAD : OP_ARRAY_PUSH);
    }
}

/* Arguments onto the stack; returns argc, or -1 after building one array
 * (when a spread is among them). */
static int args(Comp *C, Node *call)
{
    bool spread = false;
    for (int i = 0; i < call->n; i++)
        spread |= call->list[i]->kind == N_SPREAD;
    if (!spread) {
        for (int i = 0; i < call->n; i++)
            expr(C, call->list[i]);
        return call->n;
    }
    args_array(C, call);
    return -1;
}

/* The optional chain being compiled: its nullish jumps land at its end. */
typedef struct Chain {
    int *jumps, n, cap;
} Chain;
static Chain *cur_chain;

static void optional_check(Comp *C, Node *n, int npop)
{
    if (!(n->flags & NF_OPTIONAL) || !cur_chain)
        return;
    emit_byte(C, OP_JMP_NULLISH);
    emit_byte(C, npop);
    int at = here(C);
    for (int i = 0; i < 4; i++)
        emit_byte(C, 0);
    add_jump(&cur_chain->jumps, &cur_chain->n, &cur_chain->cap, at);
}

static void push_this(Comp *C, Node *at)
{
    Resolved r = resolve(C, "this");
    if (!r.found) {
        fail(C, at, "SyntaxError: 'this' is not available here%s", "");
        return;
    }
    emit2(C, OP_GET_VAR, r.hops, r.slot);
}

static void push_fn(Comp *C, Node *at)
{
    FnState *m = C->fs;
    while (m && m->arrow)
        m = m->parent;
    if (!m || !(m->f->flags & FN_METHOD)) {
        fail(C, at, "SyntaxError: 'super' keyword unexpected here%s", "");
        return;
    }
    Resolved r = resolve(C, "%fn");
    if (!r.found) {
        fail(C, at, "SyntaxError: 'super' keyword unexpected here%s", "");
        return;
    }
    emit2(C, OP_GET_VAR, r.hops, r.slot);
}

static void call_expr(Comp *C, Node *n)
{
    Node *callee = n->a;
    int argc;
    if (callee->kind == N_SUPER) {
        push_fn(C, callee);
        push_this(C, callee);
        args_array(C, n);
        C->line = n->line;
        emit(C, OP_SUPER_CALL_ARR);
        return;
    }
    if (callee->kind == N_MEMBER || callee->kind == N_INDEX) {
        if (callee->a->kind == N_SUPER) {
            push_fn(C, callee->a);
            push_this(C, callee->a);
            if (callee->kind == N_MEMBER)
                emit1(C, OP_SUPER_GET_KEEP, name_const(C, callee->str));
            else {
                fail(C, callee, "computed super properties are not supported yet%s", "");
                return;
            }
        } else {
            expr(C, callee->a);
            optional_check(C, callee->a == NULL ? callee : callee, 0);
            if (callee->kind == N_MEMBER) {
                emit1(C, OP_GET_PROP_KEEP, name_const(C, callee->str));
            } else {
                expr(C, callee->b);
                emit(C, OP_GET_ELEM_KEEP);
            }
        }
        optional_check(C, n, 2);
        argc = args(C, n);
        C->line = n->line;
        if (argc >= 0)
            emit1(C, OP_CALL_METHOD, argc);
        else
            emit(C, OP_CALL_METHOD_ARR);
        if (callee->kind == N_MEMBER)
            js_callsite_note(C->fs->f, C->fs->f->ncode, callee->str, callee->a);
        return;
    }
    expr(C, callee);
    optional_check(C, n, 1);
    argc = args(C, n);
    C->line = n->line;
    if (argc >= 0)
        emit1(C, OP_CALL, argc);
    else
        emit(C, OP_CALL_ARR);
}

static Op binop(const char *op)
{
    static const struct {
        const char *s;
        Op op;
    } t[] = {
        {"+", OP_ADD}, {"-", OP_SUB}, {"*", OP_MUL}, {"/", OP_DIV}, {"%", OP_MOD}, {"**", OP_EXP},
        {"==", OP_EQ}, {"!=", OP_NE}, {"===", OP_SEQ}, {"!==", OP_SNE}, {"<", OP_LT}, {"<=", OP_LE},
        {">", OP_GT}, {">=", OP_GE}, {"&", OP_BITAND}, {"|", OP_BITOR}, {"^", OP_BITXOR}, {"<<", OP_SHL},
        {">>", OP_SHR}, {">>>", OP_USHR}, {"in", OP_IN}, {"inst", OP_INSTANCEOF},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(op, t[i].s))
            return t[i].op;
    return OP_ADD;
}

/* a op= b, for a name, a member or an element. */
static void assign_expr(Comp *C, Node *n)
{
    Node *t = n->a;
    bool plain = !strcmp(n->op, "=");
    bool logical = !strcmp(n->op, "&&=") || !strcmp(n->op, "||=") || !strcmp(n->op, "?\?=");
    char op[5];
    snprintf(op, sizeof op, "%.*s", (int)strlen(n->op) - 1, n->op);
    if (t->kind == N_ARRAY_PAT || t->kind == N_OBJECT_PAT) {
        expr(C, n->b);
        emit(C, OP_DUP);
        assign_pattern(C, t, AM_ASSIGN);
        return;
    }
    if (t->kind == N_IDENT) {
        if (plain) {
            if (n->b->kind == N_FUNC || n->b->kind == N_CLASS) {
                if (n->b->kind == N_FUNC)
                    closure(C, n->b, n->b->str ? n->b->str : t->str);
                else
                    expr(C, n->b);
            } else {
                expr(C, n->b);
            }
            set_name(C, t, AM_ASSIGN);
            return;
        }
        get_name(C, t);
        if (logical) {
            int j = emit_jump(C, op[0] == '&' ? OP_JMP_FALSE_KEEP : op[0] == '|' ? OP_JMP_TRUE_KEEP : OP_JMP_NOTNULLISH_KEEP);
            emit(C, OP_POP);
            expr(C, n->b);
            set_name(C, t, AM_ASSIGN);
            patch(C, j);
            return;
        }
        expr(C, n->b);
        emit(C, binop(op));
        set_name(C, t, AM_ASSIGN);
        return;
    }
    bool member = t->kind == N_MEMBER;
    if (t->a->kind == N_SUPER) {
        fail(C, t, "assigning to super properties is not supported yet%s", "");
        return;
    }
    expr(C, t->a);
    if (!member)
        expr(C, t->b);
    int k = member ? name_const(C, t->str) : 0;
    if (plain) {
        expr(C, n->b);
    } else {
        emit(C, member ? OP_DUP : OP_DUP2);
        if (member)
            emit1(C, OP_GET_PROP, k);
        else
            emit(C, OP_GET_ELEM);
        if (logical) {
            int j = emit_jump(C, op[0] == '&' ? OP_JMP_FALSE_KEEP : op[0] == '|' ? OP_JMP_TRUE_KEEP : OP_JMP_NOTNULLISH_KEEP);
            emit(C, OP_POP);
            expr(C, n->b);
            C->line = n->line;
            if (member)
                emit1(C, OP_SET_PROP, k);
            else
                emit(C, OP_SET_ELEM);
            int done = emit_jump(C, OP_JMP);
            patch(C, j);
            /* keep the value, drop the target */
            if (member) {
                emit(C, OP_SWAP);
                emit(C, OP_POP);
            } else {
                emit(C, OP_ROT3);
                emit(C, OP_POP);
                emit(C, OP_POP);
            }
            patch(C, done);
            return;
        }
        expr(C, n->b);
        emit(C, binop(op));
    }
    C->line = n->line;
    if (member)
        emit1(C, OP_SET_PROP, k);
    else
        emit(C, OP_SET_ELEM);
}

static void update_expr(Comp *C, Node *n)
{
    Node *t = n->a;
    bool prefix = n->flags & NF_PREFIX;
    Op step = n->op[0] == '+' ? OP_INC : OP_DEC;
    if (t->kind == N_IDENT) {
        get_name(C, t);
        emit(C, OP_TONUM);
        if (!prefix)
            emit(C, OP_DUP);
        emit(C, step);
        set_name(C, t, AM_ASSIGN);
        if (!prefix)
            emit(C, OP_POP);
        return;
    }
    if (t->a->kind == N_SUPER) {
        fail(C, t, "updating super properties is not supported yet%s", "");
        return;
    }
    expr(C, t->a);
    if (t->kind == N_MEMBER) {
        int k = name_const(C, t->str);
        emit(C, OP_DUP);
        emit1(C, OP_GET_PROP, k);
        emit(C, OP_TONUM);
        if (!prefix) {
            emit(C, OP_DUP);
            emit(C, OP_ROT3);
        }
        emit(C, step);
        emit1(C, OP_SET_PROP, k);
    } else {
        expr(C, t->b);
        emit(C, OP_DUP2);
        emit(C, OP_GET_ELEM);
        emit(C, OP_TONUM);
        if (!prefix) {
            emit(C, OP_DUP);
            emit(C, OP_ROT4);
        }
        emit(C, step);
        emit(C, OP_SET_ELEM);
    }
    if (!prefix)
        emit(C, OP_POP);
}

static void class_expr(Comp *C, Node *n, const char *name);

static void object_expr(Comp *C, Node *n)
{
    emit(C, OP_OBJECT);
    for (int i = 0; i < n->n; i++) {
        Node *p = n->list[i];
        C->line = p->line;
        if (p->op[0] == PK_SPREAD) {
            expr(C, p->b);
            emit(C, OP_OBJ_SPREAD);
            continue;
        }
        key_of(C, p->a, p->flags & NF_COMPUTED);
        const char *fname = (p->flags & NF_COMPUTED) || p->a->kind == N_NUM ? "" : p->a->str;
        if (p->op[0] == PK_INIT) {
            if (p->b->kind == N_FUNC)
                closure(C, p->b, p->b->str ? p->b->str : fname);
            else if (p->b->kind == N_CLASS)
                class_expr(C, p->b, p->b->str ? p->b->str : fname);
            else
                expr(C, p->b);
            emit(C, OP_DEFINE);
        } else {
            closure(C, p->b, fname);
            emit_byte(C, OP_DEFINE_METHOD);
            emit_byte(C, p->op[0] == PK_GET ? 'g' : p->op[0] == PK_SET ? 's' : 'o');
        }
    }
}

static Node *mk(Comp *C, NodeKind k, Node *at) { return js_node_new(C->a, k, at); }

static void class_expr(Comp *C, Node *n, const char *name)
{
    if (!name)
        name = n->str ? n->str : "";
    Node *ctor = NULL;
    for (int i = 0; i < n->n; i++)
        if (n->list[i]->flags & NF_CTOR)
            ctor = n->list[i]->b;
    if (!ctor) {
        ctor = mk(C, N_FUNC, n);
        ctor->flags = NF_METHOD | NF_CTOR | (n->flags & NF_DERIVED);
        ctor->b = mk(C, N_BLOCK, n);
        ctor->end_line = n->end_line;
        if (n->flags & NF_DERIVED) {
            /* constructor(...args) { super(...args); } */
            Node *rest = mk(C, N_REST, n), *id = mk(C, N_IDENT, n);
            id->str = "args";
            rest->a = id;
            ctor->list = arena_alloc(C->a, sizeof(Node *));
            ctor->list[0] = rest;
            ctor->n = 1;
            Node *call = mk(C, N_CALL, n), *spread = mk(C, N_SPREAD, n);
            call->a = mk(C, N_SUPER, n);
            spread->a = id;
            call->list = arena_alloc(C->a, sizeof(Node *));
            call->list[0] = spread;
            call->n = 1;
            Node *st = mk(C, N_EXPR, n);
            st->a = call;
            ctor->b->list = arena_alloc(C->a, sizeof(Node *));
            ctor->b->list[0] = st;
            ctor->b->n = 1;
        }
    }
    /* the class's own name is visible inside it */
    Scope *inner = NULL;
    if (n->str) {
        inner = scope_new(C, false);
        declare(C, inner, n->str, B_CONST, n);
        enter_scope(C, inner);
    }
    if (n->a)
        expr(C, n->a);
    JsFunc *cf = function(C, ctor, name);
    if (!cf)
        return;
    cf->flags |= FN_CLASS | FN_CTOR | ((n->flags & NF_DERIVED) ? FN_DERIVED : 0);
    cf->line = n->line;
    cf->end_line = n->end_line;
    emit_byte(C, OP_CLASS);
    emit_u16(C, add_func(C, cf));
    emit_byte(C, n->a ? 1 : 0);
    /* stack: F P */
    for (int i = 0; i < n->n; i++) {
        Node *m = n->list[i];
        if ((m->flags & NF_CTOR) || m->op[0] == PK_FIELD)
            continue;
        C->line = m->line;
        bool st = m->flags & NF_STATIC;
        if (st)
            emit(C, OP_SWAP);
        key_of(C, m->a, m->flags & NF_COMPUTED);
        closure(C, m->b, (m->flags & NF_COMPUTED) || m->a->kind == N_NUM ? "" : m->a->str);
        emit_byte(C, OP_DEFINE_METHOD);
        emit_byte(C, m->op[0] == PK_GET ? 'G' : m->op[0] == PK_SET ? 'S' : 'm');
        if (st)
            emit(C, OP_SWAP);
    }
    emit(C, OP_POP); /* P */
    Node *inst = js_class_fields(C->a, n, false);
    if (inst) {
        closure(C, inst, "");
        emit(C, OP_SET_FIELDS);
    }
    if (inner) {
        /* the class's own name is bound before its static parts run */
        Resolved r = resolve(C, n->str);
        emit2(C, OP_INIT_VAR, r.hops, r.slot);
    }
    Node *stat = js_class_fields(C->a, n, true);
    if (stat) {
        /* static fields and blocks: run now with this = F */
        emit(C, OP_DUP);
        closure(C, stat, "");
        emit1(C, OP_CALL_METHOD, 0);
        emit(C, OP_POP);
    }
    if (inner)
        pop_block_scope(C); /* patch the scope's size */
}

static void template_expr(Comp *C, Node *n)
{
    int parts = 0;
    for (int i = 0; i < n->n; i++) {
        Node *x = n->list[i];
        if (x->kind == N_STR && (i % 2 == 0)) {
            if (x->slen == 0 && n->n > 1)
                continue;
            emit1(C, OP_CONST, str_const(C, x->str, x->slen));
        } else {
            expr(C, x);
        }
        parts++;
    }
    emit1(C, OP_TEMPLATE, parts);
}

/* A BigInt, a tagged template's strings or a regexp: a constant (literal.c). */
static void literal(Comp *C, Node *n)
{
    JsValue v;
    char msg[320];
    if (js_literal_const(C->rt, n, &v, msg, sizeof msg) < 0)
        fail(C, n, "%s", msg);
    else
        emit1(C, n->kind == N_REGEXP ? OP_REGEXP : OP_CONST, add_const(C, v));
}

static void expr(Comp *C, Node *n)
{
    if (!n || C->failed)
        return;
    if (++C->depth > 2000) {
        fail(C, n, "SyntaxError: the expression is nested too deeply%s", "");
        return;
    }
    int saved_line = C->line;
    C->line = n->line;
    switch (n->kind) {
    case N_NUM:
        if (!n->str) {
            emit_num(C, n->num);
            break;
        }
        literal(C, n); /* a BigInt */
        break;
    case N_TEMPLATE_OBJ:
    case N_REGEXP:
        literal(C, n);
        break;
    case N_STR:
        emit1(C, OP_CONST, str_const(C, n->str, n->slen));
        break;
    case N_TEMPLATE:
        template_expr(C, n);
        break;
    case N_IDENT:
        get_name(C, n);
        break;
    case N_THIS:
        push_this(C, n);
        break;
    case N_NULL:
        emit(C, OP_NULL);
        break;
    case N_TRUE:
        emit(C, OP_TRUE);
        break;
    case N_FALSE:
        emit(C, OP_FALSE);
        break;
    case N_NEWTARGET:
        emit(C, OP_NEW_TARGET);
        break;
    case N_ARRAY:
        emit(C, OP_ARRAY);
        for (int i = 0; i < n->n; i++) {
            Node *x = n->list[i];
            if (!x) {
                emit(C, OP_ARRAY_HOLE);
            } else if (x->kind == N_SPREAD) {
                expr(C, x->a);
                emit(C, OP_ARRAY_SPREAD);
            } else {
                expr(C, x);
                emit(C, OP_ARRAY_PUSH);
            }
        }
        break;
    case N_OBJECT:
        object_expr(C, n);
        break;
    case N_FUNC:
        closure(C, n, n->str ? n->str : "");
        break;
    case N_CLASS:
        class_expr(C, n, NULL);
        break;
    case N_UNARY:
        if (n->op[0] == 't' && n->a->kind == N_IDENT && !resolve(C, n->a->str).found) {
            emit1(C, OP_TYPEOF_GLOBAL, name_const(C, n->a->str));
            break;
        }
        if (n->op[0] == 'd') {
            Node *t = n->a;
            if (t->kind == N_MEMBER) {
                expr(C, t->a);
                emit1(C, OP_DELETE_PROP, name_const(C, t->str));
            } else if (t->kind == N_INDEX) {
                expr(C, t->a);
                expr(C, t->b);
                emit(C, OP_DELETE_ELEM);
            } else {
                expr(C, t);
                emit(C, OP_POP);
                emit(C, OP_TRUE);
            }
            break;
        }
        expr(C, n->a);
        C->line = n->line;
        switch (n->op[0]) {
        case '!': emit(C, OP_NOT); break;
        case '-': emit(C, OP_NEG); break;
        case '+': emit(C, OP_PLUS); break;
        case '~': emit(C, OP_BITNOT); break;
        case 't': emit(C, OP_TYPEOF); break;
        case 'v':
            emit(C, OP_POP);
            emit(C, OP_UNDEF);
            break;
        default: break;
        }
        break;
    case N_UPDATE:
        update_expr(C, n);
        break;
    case N_BINARY:
        if (!strcmp(n->op, "in") && n->a->kind == N_IDENT && (unsigned char)n->a->str[0] == 0xfe)
            emit1(C, OP_CONST, name_const(C, n->a->str)); /* #x in obj: a private name's key */
        else
            expr(C, n->a);
        expr(C, n->b);
        C->line = n->line;
        emit(C, binop(n->op));
        break;
    case N_LOGICAL: {
        expr(C, n->a);
        Op j = n->op[0] == '&' ? OP_JMP_FALSE_KEEP : n->op[0] == '|' ? OP_JMP_TRUE_KEEP : OP_JMP_NOTNULLISH_KEEP;
        int at = emit_jump(C, j);
        emit(C, OP_POP);
        expr(C, n->b);
        patch(C, at);
        break;
    }
    case N_ASSIGN:
        assign_expr(C, n);
        break;
    case N_COND: {
        expr(C, n->a);
        int j = emit_jump(C, OP_JMP_FALSE);
        expr(C, n->b);
        int e = emit_jump(C, OP_JMP);
        patch(C, j);
        expr(C, n->c);
        patch(C, e);
        break;
    }
    case N_CALL:
        call_expr(C, n);
        break;
    case N_NEW: {
        expr(C, n->a);
        int argc = args(C, n);
        C->line = n->line;
        if (argc >= 0)
            emit1(C, OP_NEW, argc);
        else
            emit(C, OP_NEW_ARR);
        break;
    }
    case N_MEMBER:
        if (n->a->kind == N_SUPER) {
            push_fn(C, n->a);
            push_this(C, n->a);
            emit1(C, OP_SUPER_GET, name_const(C, n->str));
            break;
        }
        expr(C, n->a);
        optional_check(C, n, 1);
        C->line = n->line;
        emit1(C, OP_GET_PROP, name_const(C, n->str));
        break;
    case N_INDEX:
        if (n->a->kind == N_SUPER) {
            fail(C, n, "computed super properties are not supported yet%s", "");
            break;
        }
        expr(C, n->a);
        optional_check(C, n, 1);
        expr(C, n->b);
        C->line = n->line;
        emit(C, OP_GET_ELEM);
        break;
    case N_OPTCHAIN: {
        Chain *saved = cur_chain, ch = {0};
        cur_chain = &ch;
        expr(C, n->a);
        cur_chain = saved;
        for (int i = 0; i < ch.n; i++)
            patch(C, ch.jumps[i]);
        xfree(ch.jumps);
        break;
    }
    case N_SEQ:
        for (int i = 0; i < n->n; i++) {
            expr(C, n->list[i]);
            if (i + 1 < n->n)
                emit(C, OP_POP);
        }
        break;
    case N_YIELD:
        if (n->a)
            expr(C, n->a);
        else
            emit(C, OP_UNDEF);
        C->line = n->line;
        if ((C->fs->f->flags & FN_ASYNC) && !(n->flags & NF_DELEGATE)) {
            /* an async generator's yield awaits its operand first */
            emit1(C, OP_AWAIT, name_const(C, ""));
            emit(C, OP_YIELD);
        } else if ((C->fs->f->flags & FN_ASYNC)) {
            /* yield* in an async generator: [record, received, mode], then
             * each turn sends, awaits the delegate's result and yields its value */
            emit(C, OP_ITER_ASYNC);
            emit(C, OP_UNDEF);
            emit_num(C, 0);
            int send = here(C);
            emit(C, OP_AGEN_SEND);
            emit1(C, OP_AWAIT, name_const(C, "the inner iterator of yield*"));
            emit_jump_to(C, OP_AGEN_RESULT, send);
        } else if (n->flags & NF_DELEGATE) {
            /* yield*: [record, received, mode] -> the delegate's return value */
            emit(C, OP_ITER);
            emit(C, OP_UNDEF);
            emit_num(C, 0);
            emit(C, OP_YIELD_STAR);
        } else {
            emit(C, OP_YIELD);
        }
        break;
    case N_AWAIT:
        expr(C, n->a);
        C->line = n->line;
        emit1(C, OP_AWAIT, n->str ? str_const(C, n->str, n->slen) : name_const(C, ""));
        break;
    case N_SUPER:
        fail(C, n, "SyntaxError: 'super' keyword unexpected here%s", "");
        break;
    case N_SPREAD:
        fail(C, n, "SyntaxError: Unexpected token '...'%s", "");
        break;
    default:
        fail(C, n, "SyntaxError: Unexpected token%s", "");
        break;
    }
    C->line = saved_line;
    C->depth--;
}

/* ---- patterns: the value on top of the stack is consumed ---- */

static void assign_pattern(Comp *C, Node *p, int mode)
{
    if (!p || C->failed)
        return;
    switch (p->kind) {
    case N_IDENT:
        set_name(C, p, mode);
        emit(C, OP_POP);
        break;
    case N_MEMBER:
        expr(C, p->a);
        emit(C, OP_SWAP);
        emit1(C, OP_SET_PROP, name_const(C, p->str));
        emit(C, OP_POP);
        break;
    case N_INDEX:
        expr(C, p->a);
        expr(C, p->b);
        emit(C, OP_ROT3);
        emit(C, OP_SET_ELEM);
        emit(C, OP_POP);
        break;
    case N_DEFAULT: {
        emit(C, OP_DUP);
        emit(C, OP_UNDEF);
        emit(C, OP_SEQ);
        int j = emit_jump(C, OP_JMP_FALSE);
        emit(C, OP_POP);
        if (p->b->kind == N_FUNC && p->a->kind == N_IDENT)
            closure(C, p->b, p->b->str ? p->b->str : p->a->str);
        else
            expr(C, p->b);
        patch(C, j);
        assign_pattern(C, p->a, mode);
        break;
    }
    case N_ARRAY_PAT: {
        /* a generator gives only as many values as the pattern takes */
        bool rest = p->n && p->list[p->n - 1] && p->list[p->n - 1]->kind == N_REST;
        emit1(C, OP_TO_ARRAY, rest ? 0xffff : p->n);
        for (int i = 0; i < p->n; i++) {
            Node *e = p->list[i];
            if (!e)
                continue;
            emit(C, OP_DUP);
            emit_num(C, i);
            if (e->kind == N_REST) {
                emit(C, OP_SLICE_FROM);
                assign_pattern(C, e->a, mode);
            } else {
                emit(C, OP_GET_ELEM);
                assign_pattern(C, e, mode);
            }
        }
        emit(C, OP_POP);
        break;
    }
    case N_OBJECT_PAT: {
        int nkeys = 0;
        for (int i = 0; i < p->n; i++) {
            Node *e = p->list[i];
            emit(C, OP_DUP);
            if (e->kind == N_REST) {
                /* the keys taken so far, then the rest object */
                for (int j = 0; j < i; j++)
                    key_of(C, p->list[j]->a, p->list[j]->flags & NF_COMPUTED);
                emit1(C, OP_OBJ_REST, nkeys);
                assign_pattern(C, e->a, mode);
                continue;
            }
            nkeys++;
            if (e->flags & NF_COMPUTED) {
                expr(C, e->a);
                emit(C, OP_GET_ELEM);
            } else {
                key_of(C, e->a, false);
                emit(C, OP_GET_ELEM);
            }
            assign_pattern(C, e->b, mode);
        }
        emit(C, OP_POP);
        break;
    }
    default:
        fail(C, p, "SyntaxError: Invalid destructuring assignment target%s", "");
        break;
    }
}

/* ---- statements ---- */

static void emit_block_body(Comp *C, Node *b)
{
    if (!b)
        return;
    bool scoped = has_lexical(b->list, b->n);
    if (scoped)
        push_block_scope(C, b->list, b->n);
    if (scoped)
        init_functions(C, b->list, b->n);
    for (int i = 0; i < b->n; i++)
        stmt(C, b->list[i]);
    if (scoped)
        pop_block_scope(C);
}

static void var_stmt(Comp *C, Node *n)
{
    for (int i = 0; i < n->n; i++) {
        Node *d = n->list[i];
        C->line = d->line;
        if (!d->b) {
            if (n->op[0] == 'v')
                continue;
            emit(C, OP_UNDEF);
        } else if (d->b->kind == N_FUNC && d->a->kind == N_IDENT) {
            closure(C, d->b, d->b->str ? d->b->str : d->a->str);
        } else if (d->b->kind == N_CLASS && d->a->kind == N_IDENT) {
            class_expr(C, d->b, d->b->str ? d->b->str : d->a->str);
        } else {
            expr(C, d->b);
        }
        assign_pattern(C, d->a, n->op[0] == 'v' ? AM_ASSIGN : AM_INIT);
    }
}

static void loop_body(Comp *C, Node *body, Ctl *loop)
{
    (void)loop;
    stmt(C, body);
}

static void finish_continues(Comp *C, int loop_index, int target)
{
    Ctl *c = &C->fs->ctl[loop_index];
    for (int i = 0; i < c->nconts; i++)
        patch_to(C, c->conts[i], target);
}

static const char *take_label(Comp *C);

static void for_stmt(Comp *C, Node *n, const char *label)
{
    Scope *outer = NULL;
    Node *init = n->a;
    bool let_init = init && init->kind == N_VAR && init->op[0] != 'v';
    if (let_init) {
        Node *tmp[1] = {init};
        outer = push_block_scope(C, tmp, 1);
    }
    if (init) {
        if (init->kind == N_VAR)
            var_stmt(C, init);
        else {
            expr(C, init);
            emit(C, OP_POP);
        }
    }
    int li = C->fs->nctl;
    Ctl *loop = push_ctl(C, CTL_LOOP);
    loop->label = label;
    int top = here(C);
    int exit_jump = -1;
    if (n->b) {
        expr(C, n->b);
        exit_jump = emit_jump(C, OP_JMP_FALSE);
    }
    loop_body(C, n->d, loop);
    int cont = here(C);
    finish_continues(C, li, cont);
    if (let_init)
        emit(C, OP_COPY_ENV);
    if (n->c) {
        expr(C, n->c);
        emit(C, OP_POP);
    }
    emit_jump_to(C, OP_JMP, top);
    if (exit_jump >= 0)
        patch(C, exit_jump);
    pop_ctl(C, here(C));
    if (outer)
        pop_block_scope(C);
}

static void for_of_stmt(Comp *C, Node *n, const char *label)
{
    bool of = n->kind == N_FOROF, await_each = n->flags & NF_AWAIT_EACH;
    expr(C, n->b);
    C->line = n->line;
    emit(C, await_each ? OP_ITER_ASYNC : of ? OP_ITER : OP_FORIN);
    push_ctl(C, CTL_ITER)->await_each = await_each;
    int li = C->fs->nctl;
    Ctl *loop = push_ctl(C, CTL_LOOP);
    loop->label = label;
    int top = here(C);
    int exit_jump;
    if (await_each) {
        /* each step awaits the iterator's next() (a sync one's values too) */
        emit(C, OP_ASYNC_NEXT);
        emit1(C, OP_AWAIT, name_const(C, "next() in for await"));
        exit_jump = emit_jump(C, OP_ITER_RESULT);
    } else {
        exit_jump = emit_jump(C, OP_ITER_NEXT);
    }
    Node *target = n->a;
    bool lexical = target->kind == N_VAR && target->op[0] != 'v';
    if (lexical) {
        Scope *s = scope_new(C, false);
        declare_pattern(C, s, target->list[0]->a, target->op[0] == 'c' ? B_CONST : B_LET);
        s->parent = C->fs->scope;
        C->fs->scope = s;
        emit1(C, OP_PUSH_ENV, s->n);
        loop->iter_env = true;
        assign_pattern(C, target->list[0]->a, AM_INIT);
    } else if (target->kind == N_VAR) {
        assign_pattern(C, target->list[0]->a, AM_ASSIGN);
    } else {
        assign_pattern(C, target, AM_ASSIGN);
    }
    /* for-of: an exception leaving the body closes the iterator (return()) */
    bool guard = of;
    int handler = -1;
    if (guard) {
        handler = emit_jump(C, OP_TRY_FINALLY);
        push_ctl(C, CTL_TRY);
    }
    loop_body(C, n->d, loop);
    if (guard) {
        C->fs->nctl--;
        emit(C, OP_END_TRY);
    }
    finish_continues(C, li, here(C));
    if (lexical) {
        emit(C, OP_POP_ENV);
        C->fs->scope = C->fs->scope->parent;
    }
    emit_jump_to(C, OP_JMP, top);
    if (guard && !await_each) {
        patch(C, handler);
        emit(C, OP_ITER_CLOSE_THROW);
    } else if (guard) {
        /* for await: [record, exception] -> await return() (its errors
         * dropped), then throw the exception on */
        patch(C, handler);
        emit(C, OP_SWAP);
        int ignore = emit_jump(C, OP_TRY);
        emit_async_close(C, 0, false);
        emit(C, OP_END_TRY);
        int after = emit_jump(C, OP_JMP);
        patch(C, ignore);
        emit(C, OP_POP);
        patch(C, after);
        emit(C, OP_POP);
        emit(C, OP_THROW);
    }
    patch(C, exit_jump);
    emit(C, OP_POP); /* the iterator is done */
    int end = emit_jump(C, OP_JMP);
    pop_ctl(C, here(C));
    C->fs->nctl--; /* CTL_ITER */
    if (await_each) {
        emit_async_close(C, 0, true);
        emit(C, OP_POP);
    } else {
        emit(C, OP_ITER_CLOSE); /* break: close it (its return()) */
    }
    patch(C, end);
}

static void try_stmt(Comp *C, Node *n)
{
    Node *fin = n->d;
    if (fin && n->c) {
        /* try {} catch {} finally {} is try { try {} catch {} } finally {}:
         * the finally's handler then covers the catch block too, and a
         * generator's return() (which skips catch blocks) still runs it */
        Node *inner = mk(C, N_TRY, n), *block = mk(C, N_BLOCK, n), *outer = mk(C, N_TRY, n);
        inner->a = n->a;
        inner->b = n->b;
        inner->c = n->c;
        block->list = arena_alloc(C->a, sizeof(Node *));
        block->list[0] = inner;
        block->n = 1;
        outer->a = block;
        outer->d = fin;
        try_stmt(C, outer);
        return;
    }
    int t1 = emit_jump(C, n->c ? OP_TRY : OP_TRY_FINALLY);
    Ctl *c = push_ctl(C, CTL_TRY);
    c->finally = fin;
    emit_block_body(C, n->a);
    C->fs->nctl--;
    emit(C, OP_END_TRY);
    if (fin)
        emit_block_body(C, fin);
    int end1 = emit_jump(C, OP_JMP);
    patch(C, t1);
    int end2 = -1;
    if (n->c) {
        int t2 = -1;
        if (fin) {
            t2 = emit_jump(C, OP_TRY_FINALLY);
            c = push_ctl(C, CTL_TRY);
            c->finally = fin;
        }
        /* the exception is on the stack; the try above sits below it */
        if (n->b) {
            Scope *s = scope_new(C, false);
            declare_pattern(C, s, n->b, B_LET);
            s->parent = C->fs->scope;
            C->fs->scope = s;
            if (fin) {
                /* TRY was emitted after the exception: bind from below it */
            }
            emit1(C, OP_PUSH_ENV, s->n);
            Ctl *e = push_ctl(C, CTL_ENV);
            (void)e;
            assign_pattern(C, n->b, AM_INIT);
            emit_block_body(C, n->c);
            C->fs->nctl--;
            emit(C, OP_POP_ENV);
            C->fs->scope = s->parent;
        } else {
            emit(C, OP_POP);
            emit_block_body(C, n->c);
        }
        if (fin) {
            C->fs->nctl--;
            emit(C, OP_END_TRY);
            emit_block_body(C, fin);
            end2 = emit_jump(C, OP_JMP);
            patch(C, t2);
        } else {
            end2 = emit_jump(C, OP_JMP);
        }
    }
    if (fin) {
        /* an exception (from the try or the catch): finally, then rethrow */
        push_ctl(C, CTL_STACK);
        emit_block_body(C, fin);
        C->fs->nctl--;
        emit(C, OP_THROW);
    } else if (!n->c) {
        emit(C, OP_THROW);
    }
    patch(C, end1);
    if (end2 >= 0)
        patch(C, end2);
}

static void switch_stmt(Comp *C, Node *n, const char *label)
{
    /* all case bodies share one block scope */
    int total = 0;
    for (int i = 0; i < n->n; i++)
        total += n->list[i]->n;
    Node **all = arena_alloc(C->a, (size_t)(total + 1) * sizeof(Node *));
    int k = 0;
    for (int i = 0; i < n->n; i++)
        for (int j = 0; j < n->list[i]->n; j++)
            all[k++] = n->list[i]->list[j];
    expr(C, n->a);
    bool scoped = has_lexical(all, total);
    if (scoped) {
        push_block_scope(C, all, total);
        init_functions(C, all, total);
    }
    int *body_jumps = xcalloc((size_t)n->n + 1, sizeof(int));
    int default_index = -1;
    for (int i = 0; i < n->n; i++) {
        Node *cs = n->list[i];
        if (!cs->a) {
            default_index = i;
            continue;
        }
        emit(C, OP_DUP);
        expr(C, cs->a);
        emit(C, OP_SEQ);
        body_jumps[i] = emit_jump(C, OP_JMP_TRUE);
    }
    int to_default = emit_jump(C, OP_JMP);
    Ctl *c = push_ctl(C, CTL_SWITCH);
    c->label = label;
    for (int i = 0; i < n->n; i++) {
        if (i == default_index)
            patch(C, to_default);
        else
            patch(C, body_jumps[i]);
        for (int j = 0; j < n->list[i]->n; j++)
            stmt(C, n->list[i]->list[j]);
    }
    if (default_index < 0)
        patch(C, to_default);
    xfree(body_jumps);
    pop_ctl(C, here(C));
    if (scoped) {
        /* the discriminant sits above the environment's ctl entry: pop it first */
        emit(C, OP_POP);
        pop_block_scope(C);
    } else {
        emit(C, OP_POP);
    }
}

static const char *pending_label;
static const char *take_label(Comp *C)
{
    (void)C;
    const char *l = pending_label;
    pending_label = NULL;
    return l;
}

static void stmt(Comp *C, Node *n)
{
    if (!n || C->failed)
        return;
    C->line = n->line;
    const char *label = take_label(C);
    switch (n->kind) {
    case N_EXPR:
        expr(C, n->a);
        emit(C, OP_POP);
        break;
    case N_VAR:
        var_stmt(C, n);
        break;
    case N_FUNCDECL:
        break; /* hoisted */
    case N_CLASSDECL: {
        class_expr(C, n->a, n->str);
        Node id = {.kind = N_IDENT, .str = n->str, .line = n->line, .col = n->col};
        set_name(C, &id, AM_INIT);
        emit(C, OP_POP);
        break;
    }
    case N_RETURN:
        if (n->a) {
            expr(C, n->a);
            if ((C->fs->f->flags & (FN_ASYNC | FN_GENERATOR)) == (FN_ASYNC | FN_GENERATOR))
                emit1(C, OP_AWAIT, name_const(C, "")); /* an async generator's return awaits */
        } else {
            emit(C, OP_UNDEF);
        }
        C->line = n->line;
        unwind_to(C, -1, true);
        emit(C, OP_RETURN);
        break;
    case N_IF: {
        expr(C, n->a);
        int j = emit_jump(C, OP_JMP_FALSE);
        stmt(C, n->b);
        if (n->c) {
            int e = emit_jump(C, OP_JMP);
            patch(C, j);
            stmt(C, n->c);
            patch(C, e);
        } else {
            patch(C, j);
        }
        break;
    }
    case N_FOR:
        for_stmt(C, n, label);
        break;
    case N_FORIN:
    case N_FOROF:
        for_of_stmt(C, n, label);
        break;
    case N_WHILE: {
        int li = C->fs->nctl;
        Ctl *loop = push_ctl(C, CTL_LOOP);
        loop->label = label;
        int top = here(C);
        expr(C, n->a);
        int j = emit_jump(C, OP_JMP_FALSE);
        loop_body(C, n->d, loop);
        finish_continues(C, li, top);
        emit_jump_to(C, OP_JMP, top);
        patch(C, j);
        pop_ctl(C, here(C));
        break;
    }
    case N_DOWHILE: {
        int li = C->fs->nctl;
        Ctl *loop = push_ctl(C, CTL_LOOP);
        loop->label = label;
        int top = here(C);
        loop_body(C, n->d, loop);
        finish_continues(C, li, here(C));
        expr(C, n->a);
        emit_jump_to(C, OP_JMP_TRUE, top);
        pop_ctl(C, here(C));
        break;
    }
    case N_BREAK:
    case N_CONTINUE:
        break_or_continue(C, n);
        break;
    case N_THROW:
        expr(C, n->a);
        C->line = n->line;
        emit(C, OP_THROW);
        break;
    case N_TRY:
        try_stmt(C, n);
        break;
    case N_BLOCK:
        emit_block_body(C, n);
        break;
    case N_EMPTY:
        break;
    case N_SWITCH:
        switch_stmt(C, n, label);
        break;
    case N_LABELED: {
        Node *inner = n->a;
        if (inner && (inner->kind == N_FOR || inner->kind == N_FOROF || inner->kind == N_FORIN ||
                      inner->kind == N_WHILE || inner->kind == N_DOWHILE || inner->kind == N_SWITCH)) {
            pending_label = n->str;
            stmt(C, inner);
        } else {
            Ctl *c = push_ctl(C, CTL_LABEL);
            c->label = n->str;
            stmt(C, inner);
            pop_ctl(C, here(C));
        }
        break;
    }
    default:
        fail(C, n, "SyntaxError: Unexpected statement%s", "");
        break;
    }
}

/* ---- functions ---- */

static bool simple_params(Node *fn)
{
    for (int i = 0; i < fn->n; i++)
        if (fn->list[i]->kind != N_IDENT)
            return false;
    return true;
}

static JsFunc *function(Comp *C, Node *fn, const char *name)
{
    if (C->failed)
        return NULL;
    JsFunc *f = js_alloc(C->rt, sizeof *f);
    JsRt *rt = C->rt;
    if (rt->nfuncs == rt->capfuncs) {
        rt->capfuncs = rt->capfuncs ? rt->capfuncs * 2 : 64;
        rt->funcs = xrealloc(rt->funcs, rt->capfuncs * sizeof(JsFunc *));
    }
    rt->funcs[rt->nfuncs++] = f;
    f->name = js_intern(C->rt, name ? name : "")->s; /* the AST arena dies with the compile */
    f->line = fn->line;
    f->end_line = fn->end_line ? fn->end_line : fn->line;
    bool arrow = fn->flags & NF_ARROW;
    f->flags = (arrow ? FN_ARROW : 0) | ((fn->flags & NF_ASYNC) ? FN_ASYNC : 0) |
               ((fn->flags & NF_METHOD) ? FN_METHOD : 0) | ((fn->flags & NF_CTOR) ? FN_CTOR : 0) |
               ((fn->flags & NF_DERIVED) ? FN_DERIVED : 0) | ((fn->flags & NF_GENERATOR) ? FN_GENERATOR : 0);
    int nparams = 0;
    for (int i = 0; i < fn->n; i++) {
        if (fn->list[i]->kind == N_REST || fn->list[i]->kind == N_DEFAULT)
            break;
        nparams++;
    }
    f->nparams = nparams;

    FnState fs = {.parent = C->fs, .f = f, .arrow = arrow};
    Scope *s = scope_new(C, true);
    s->parent = C->fs ? C->fs->scope : NULL;
    fs.scope = s;
    /* the scope chain continues into the enclosing function's scopes */
    C->fs = &fs;
    if (!arrow) {
        declare(C, s, "this", B_HIDDEN, fn);
        declare(C, s, "%fn", B_HIDDEN, fn);
    }
    for (int i = 0; i < fn->n; i++)
        declare_pattern(C, s, fn->list[i], B_PARAM);
    Node *body = fn->b;
    if (fn->flags & NF_EXPRBODY) {
        /* nothing to hoist */
    } else if (body) {
        hoist_vars(C, s, body);
        declare_lexical(C, s, body->list, body->n);
    }
    int saved_line = C->line;
    C->line = fn->line;
    /* hidden and param slots are set by the call; vars start undefined */
    for (int i = 0; i < s->n; i++) {
        if (s->kinds[i] == B_VAR || s->kinds[i] == B_FUNC) {
            emit(C, OP_UNDEF);
            emit2(C, OP_INIT_VAR, 0, i);
            emit(C, OP_POP);
        }
    }
    bool simple = simple_params(fn);
    for (int i = 0; i < fn->n && !C->failed; i++) {
        Node *p = fn->list[i];
        C->line = p->line;
        if (p->kind == N_REST) {
            emit1(C, OP_REST_ARGS, i);
            assign_pattern(C, p->a, AM_INIT);
        } else {
            emit1(C, OP_ARG, i);
            assign_pattern(C, p, AM_INIT);
        }
    }
    (void)simple;
    if (fn->flags & NF_EXPRBODY) {
        expr(C, body);
        emit(C, OP_RETURN);
    } else if (body) {
        init_functions(C, body->list, body->n);
        for (int i = 0; i < body->n; i++)
            stmt(C, body->list[i]);
        C->line = f->end_line;
        emit(C, OP_UNDEF);
        emit(C, OP_RETURN);
    }
    f->nslots = s->n;
    C->fs = fs.parent;
    C->line = saved_line;
    return C->failed ? NULL : f;
}

void js_code_free(JsRt *rt)
{
    for (size_t i = 0; i < rt->nfuncs; i++) {
        JsFunc *f = rt->funcs[i];
        xfree(f->code);
        xfree(f->lines);
        xfree(f->consts);
        xfree(f->funcs);
        js_callsite_free(f);
    }
    xfree(rt->funcs);
    rt->funcs = NULL;
    rt->nfuncs = rt->capfuncs = 0;
}

JsFunc *js_compile(JsRt *rt, Node *program, LangError *err)
{
    Arena *a = arena_new();
    Comp C = {.rt = rt, .a = a, .err = err};
    cur_chain = NULL;
    pending_label = NULL;
    /* the module wrapper: function (exports, require, module, __filename, __dirname) */
    Node fn = {.kind = N_FUNC, .line = 1, .col = 1, .b = program};
    const char *params[] = {"exports", "require", "module", "__filename", "__dirname"};
    Node ids[5];
    Node *plist[5];
    for (int i = 0; i < 5; i++) {
        ids[i] = (Node){.kind = N_IDENT, .str = params[i], .line = 1, .col = 1};
        plist[i] = &ids[i];
    }
    fn.list = plist;
    fn.n = 5;
    int last = 1;
    for (int i = 0; i < program->n; i++)
        if (program->list[i])
            last = program->list[i]->line;
    fn.end_line = last;
    JsFunc *f = js_resolve_private(program, a, err) < 0 ? (C.failed = true, NULL) : function(&C, &fn, "");
    arena_free(a);
    return C.failed ? NULL : f;
}
