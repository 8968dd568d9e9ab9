/* vm_eval.c: the evaluation loop.
 * Owns: executing bytecode (frame_exec), the block stack and exception
 * unwinding through it, except*, building functions and classes, loading
 * globals, unpacking, f-string values, and the await protocol: awaiting a
 * coroutine runs it nested until it returns or yields; awaiting anything
 * else goes through its Class.await_step. Leaves frames and calls to
 * vm.c, generator objects to vm_gen.c (shared through vm_int.h). */
#include "vm_int.h"

#include "../../base/pool.h"

#include "../objects/agen.h"
#include "builtins.h"
#include "suggest.h"
#include "vm_fast.h"
#include "vm_cache.h"
#include "../objects/iter.h"
#include "../objects/klass.h"
#include "../objects/exgroup.h"
#include "../objects/ops.h"
#include "../objects/set.h"

#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ the eval loop */

static void push_block(Frame *f, BlockType t, int handler, int level)
{
    if (f->nblocks == f->capblocks) {
        int cap = f->capblocks ? f->capblocks * 2 : 8;
        f->blocks = pool_realloc(f->blocks, sizeof(Block) * (size_t)f->capblocks, sizeof(Block) * (size_t)cap);
        f->capblocks = cap;
    }
    f->blocks[f->nblocks++] = (Block){t, handler, level};
}

static void push_handled(Frame *f, Obj *exc)
{
    if (f->nhandled == f->caphandled) {
        int cap = f->caphandled ? f->caphandled * 2 : 4;
        f->handled = pool_realloc(f->handled, sizeof(Obj *) * (size_t)f->caphandled, sizeof(Obj *) * (size_t)cap);
        f->caphandled = cap;
    }
    INCREF(exc);
    f->handled[f->nhandled++] = exc;
}

static void pop_handled(Frame *f)
{
    if (f->nhandled > 0)
        DECREF(f->handled[--f->nhandled]);
}

static Obj *current_handled(Frame *f)
{
    for (; f; f = f->back)
        if (f->nhandled)
            return f->handled[f->nhandled - 1];
    return NULL;
}

static Obj *exc_match(Obj *exc, Obj *type, bool *ok)
{
    *ok = true;
    if (IS(type, TupleClass)) {
        for (size_t i = 0; i < TUP_N(type); i++) {
            bool sub;
            Obj *r = exc_match(exc, TUP_ITEMS(type)[i], &sub);
            if (!sub)
                return NULL;
            if (r == True)
                return r;
        }
        return False;
    }
    if (!IS(type, ClassClass) || !((Class *)type)->is_exception) {
        err_format(&TypeErrorClass, "catching classes that do not inherit from BaseException is not allowed");
        *ok = false;
        return NULL;
    }
    if (class_is_sub(exc->cls, &LimitErrorClass))
        return False;
    return BOOL(class_is_sub(exc->cls, (Class *)type));
}

Obj *make_exception(Obj *v)
{
    if (IS(v, ClassClass) && ((Class *)v)->is_exception)
        return vm_call0(v);
    if (v->cls->is_exception) {
        INCREF(v);
        return v;
    }
    return err_null(&TypeErrorClass, "exceptions must derive from BaseException");
}

static Obj *load_global(Frame *f, Obj *name)
{
    Obj *v = dict_get(f->globals, name);
    if (!v && (v = dict_get(vm.builtins, name)) && !(f->code->flags & CO_LIBRARY) && dict_get(vm.refused, name))
        v = NULL;
    if (!v) {
        Obj *e = exc_new_msg(&NameErrorClass, "name '%s' is not defined", STR_S(name));
        suggest_name_error(e, name, f->func ? f->code->varnames : NULL, f->globals, vm.builtins);
        err_set(e);
        return NULL;
    }
    INCREF(v);
    return v;
}

/* o.name for LOAD_ATTR and LOAD_METHOD (new ref), through the cache of
 * instance attributes first, or NULL with the error and its suggestion. */
static Obj *load_attr(Frame *f, Obj *o, int arg)
{
    Obj *name = TUP_ITEMS(f->code->names)[arg];
    NameCache *nc = name_cache(f->code, arg);
    Obj *v = cached_attr(nc, o, name);
    if (v || (v = cached_module_attr(nc, o))) {
        INCREF(v);
        return v;
    }
    v = obj_getattr(o, name);
    if (v) {
        cache_fill_attr(nc, o, name);
        return v;
    }
    Obj *e = err_fetch();
    suggest_attr_error(e, o, name);
    if (e)
        err_set(e);
    return NULL;
}

static Obj *build_function(Frame *f, int flags)
{
    CodeObj *code = (CodeObj *)f->stack[--f->sp];
    Obj *closure = (flags & 4) ? f->stack[--f->sp] : NULL;
    Obj *kwdefaults = (flags & 2) ? f->stack[--f->sp] : NULL;
    Obj *defaults = (flags & 1) ? f->stack[--f->sp] : NULL;
    FuncObj *fn = (FuncObj *)obj_alloc(&FuncClass, sizeof(FuncObj));
    fn->code = code;
    fn->globals = f->globals;
    INCREF(f->globals);
    fn->defaults = defaults;
    fn->kwdefaults = kwdefaults;
    fn->closure = closure;
    fn->name = code->name;
    INCREF(fn->name);
    fn->qualname = code->qualname;
    INCREF(fn->qualname);
    return &fn->hdr;
}

/* The class statement: run the body in a fresh namespace, make the class
 * from it, and fill the __class__ cell the body returns (zero-argument
 * super() in its methods reads it). */
static Obj *build_class(FuncObj *body, Obj *name, Obj *base, Obj *globals)
{
    Obj *ns = dict_new();
    Obj *mod = dict_get_c(globals, "__name__");
    if (mod)
        dict_set_c(ns, "__module__", mod);
    dict_set_c(ns, "__qualname__", body->qualname);
    Obj *cell = run_function(body, NULL, 0, NULL, ns);
    Obj *cls = NULL;
    if (cell) {
        cls = klass_new(name, body->qualname, base, ns);
        if (cls && IS(cell, CellClass)) {
            INCREF(cls);
            SETREF(((CellObj *)cell)->v, cls);
        }
        DECREF(cell);
        /* the base's __init_subclass__ (implicitly a class method) */
        Obj *hook = cls && base && ((Class *)base)->heap
                        ? class_lookup((Class *)base, str_intern("__init_subclass__")) : NULL;
        if (hook && IS(hook, FuncClass)) {
            Obj *r = vm_call(hook, &cls, 1, NULL);
            if (!r)
                SETREF(cls, NULL);
            XDECREF(r);
        }
    }
    DECREF(ns);
    return cls;
}

static Obj *format_value(Obj *v, int conv, Obj *spec)
{
    Obj *s = NULL;
    if (conv == 1)
        s = obj_str_new(v);
    else if (conv == 2 || conv == 3)
        s = obj_repr_new(v);
    else {
        INCREF(v);
        s = v;
    }
    if (!s)
        return NULL;
    Obj *empty = NULL;
    if (!spec) {
        if (IS(s, StrClass))
            return s;
        empty = str_from("");
        spec = empty;
    }
    Obj *r = op_format(s, spec);
    DECREF(s);
    XDECREF(empty);
    return r;
}

static bool unpack(Frame *f, Obj *seq, int before, int after, bool star)
{
    Obj *it = obj_iter(seq);
    if (!it) {
        if (err_matches(&TypeErrorClass)) {
            err_clear();
            err_format(&TypeErrorClass, "cannot unpack non-iterable %s object", obj_type_name(seq));
        }
        return false;
    }
    Obj *items = list_new(8);
    Obj *x;
    while ((x = obj_next(it)))
        list_append_steal(items, x);
    DECREF(it);
    if (err_occurred()) {
        DECREF(items);
        return false;
    }
    int n = (int)LIST_N(items);
    if (!star && n != before) {
        if (n > before)
            err_format(&ValueErrorClass, "too many values to unpack (expected %d)", before);
        else
            err_format(&ValueErrorClass, "not enough values to unpack (expected %d, got %d)", before, n);
        DECREF(items);
        return false;
    }
    if (star && n < before + after) {
        err_format(&ValueErrorClass, "not enough values to unpack (expected at least %d, got %d)", before + after,
                   n);
        DECREF(items);
        return false;
    }
    int total = star ? before + 1 + after : before;
    if (f->sp + total >= f->stackcap)
        frame_grow_stack(f, f->sp + total + 16);
    /* push in reverse so the first target is on top */
    Obj **items_arr = LIST_ITEMS(items);
    for (int i = n - 1; i >= n - after && star; i--) {
        INCREF(items_arr[i]);
        f->stack[f->sp++] = items_arr[i];
    }
    if (star) {
        Obj *mid = list_new((size_t)(n - before - after));
        for (int i = before; i < n - after; i++)
            list_append(mid, items_arr[i]);
        f->stack[f->sp++] = mid;
    }
    for (int i = before - 1; i >= 0; i--) {
        INCREF(items_arr[i]);
        f->stack[f->sp++] = items_arr[i];
    }
    DECREF(items);
    return true;
}

/* The helpers below work on the frame's own stack (f->sp): frame_exec
 * writes its stack top back before it calls one and reads it again after. */
#define FPUSH(v) do { Obj *v_ = (v); if (f->sp == f->stackcap) grow_stack(f); f->stack[f->sp++] = v_; } while (0)
#define FPOP() (f->stack[--f->sp])
#define FTOP() (f->stack[f->sp - 1])
#define FPEEK(n) (f->stack[f->sp - (n)])

static void grow_stack(Frame *f)
{
    frame_grow_stack(f, f->stackcap * 2);
}

/* EXCEPT_STAR_MATCH: 1 matched, 0 not (the caller jumps), -1 error. */
static int except_star_match(Frame *f)
{
    Obj *type = FPOP(), *match, *rest;
    int r = exgroup_match(FTOP(), type, &match, &rest);
    DECREF(type);
    if (r < 0)
        return -1;
    if (!match)
        return 0;
    SETREF(f->stack[f->sp - 1], rest);
    push_handled(f, match);
    FPUSH(match);
    return 1;
}

/* EXCEPT_STAR_END: leave a clause's body (see code.h). */
static void except_star_end(Frame *f, int raised)
{
    if (raised) {
        Obj *exc = FPOP();
        list_append_steal(FPEEK(3), exc);
        f->nblocks--; /* the handler block of exc */
        pop_handled(f);
    }
    pop_handled(f); /* the clause's match */
}

/* EXCEPT_STAR_RERAISE: what is left to raise (new ref), or NULL with the
 * handler left when nothing is, or NULL with an error pending. */
static Obj *except_star_reraise(Frame *f)
{
    Obj *rest = FPOP(), *orig = FPOP(), *list = FPOP();
    if (rest != None)
        list_append(list, rest);
    Obj *r = exgroup_prep_reraise(orig, list);
    DECREF(rest);
    DECREF(orig);
    DECREF(list);
    f->nblocks--; /* the handler of orig */
    pop_handled(f);
    if (r == None) {
        DECREF(r);
        return NULL;
    }
    return r;
}

/* BUILD_SET, SET_ADD and SET_UPDATE; false with the exception pending. */
static bool set_instr(Frame *f, int op, int arg)
{
    if (op == I_BUILD_SET) {
        bool consts = arg & SET_FROM_CONSTS;
        arg &= ~SET_FROM_CONSTS;
        Obj *s = set_new(consts ? &FrozenSetClass : &SetClass, NULL);
        bool ok = true;
        for (int i = arg; i >= 1 && ok; i--)
            ok = set_add(s, FPEEK(i)) == 0;
        if (consts && ok) {
            /* CPython's compiler rebuilds the constant frozenset from its
             * own iteration order when it merges constants */
            Obj *items = obj_iter(s), *fs = set_new(&FrozenSetClass, items);
            DECREF(items);
            SETREF(s, set_new(&SetClass, fs));
            DECREF(fs);
        }
        for (int i = 0; i < arg; i++)
            DECREF(FPOP());
        if (!ok) {
            DECREF(s);
            return false;
        }
        FPUSH(s);
        return true;
    }
    Obj *v = FPOP();
    int r = op == I_SET_ADD ? set_add(FPEEK(arg), v) : set_update(FPEEK(arg), v);
    DECREF(v);
    return r == 0;
}

/* What one step of `await` came to (see await_step). */
static inline int await_result(Frame *f, AwaitStatus st, Obj *r, Obj **out)
{
    if (st == AW_SUSPEND) {
        *out = r;
        return 0;
    }
    SETREF(f->delegate, NULL);
    if (st == AW_ERROR)
        return -1;
    *out = r;
    return 1;
}

/* await_step for the delegates await_step leaves to here: coroutines,
 * generators, async generators, iterators, and anything thrown into. */
static int await_step_other(Frame *f, Resume how, Obj *value, Obj **out)
{
    Obj *d = f->delegate;
    Obj *r = NULL;
    AwaitStatus st;
    if (IS(d, CoroClass)) {
        /* a coroutine is driven like any awaitable, through send/throw */
        GenResult g = how == R_THROW ? gen_throw(d, value, &r) : gen_send(d, how == R_SEND ? value : None, &r);
        st = g == GEN_YIELDED ? AW_SUSPEND : g == GEN_RAISED ? AW_ERROR : AW_DONE;
    } else if (IS(d, AsyncGenClass)) {
        /* only an async generator's awaitable (I_AGEN_AWAIT) awaits one */
        AgenMode mode = (AgenMode)OPARG(f->code->ops[f->ip]);
        st = how == R_START ? agen_first(d, mode, value, &r) : agen_resume(d, mode, how == R_THROW, value, &r);
    } else if (IS(d, GenClass)) {
        /* the generator a class's __await__ returned */
        GenResult g = how == R_THROW ? gen_throw(d, value, &r) : gen_send(d, how == R_SEND ? value : None, &r);
        st = g == GEN_YIELDED ? AW_SUSPEND : g == GEN_RAISED ? AW_ERROR : AW_DONE;
    } else if (how == R_THROW && d->cls->await_throw) {
        st = d->cls->await_throw(d, value, &r);
    } else if (how == R_THROW) {
        INCREF(value);
        err_set(value);
        st = AW_ERROR;
    } else if (!d->cls->await_step) {
        /* any other iterator a class's __await__ returned */
        r = obj_next(d);
        st = r ? AW_SUSPEND : err_occurred() ? AW_ERROR : AW_DONE;
        if (st == AW_DONE)
            r = none_new();
    } else {
        st = d->cls->await_step(d, how == R_SEND, &r);
    }
    return await_result(f, st, r, out);
}

/* One step of `await` (R_START for the first): send/throw into the delegate
 * and report whether the frame must suspend. Returns 1 done (*out: the
 * await's result, for the caller to push), 0 suspend (*out: what to yield),
 * -1 error. The loop's awaitables (a sleep, a future: coroutines and
 * generators have no await_step) are stepped here, inline in the eval
 * loop; the rest in await_step_other. */
static inline int await_step(Frame *f, Resume how, Obj *value, Obj **out)
{
    Obj *d = f->delegate;
    if (how == R_THROW || !d->cls->await_step)
        return await_step_other(f, how, value, out);
    Obj *r = NULL;
    AwaitStatus st = d->cls->await_step(d, how == R_SEND, &r);
    return await_result(f, st, r, out);
}

/* An exception leaving f keeps f's locals alive, as CPython's traceback
 * (which holds the frame) does. */
static void keep_frame_locals(Obj *exc, Frame *f)
{
    ExcObj *e = (ExcObj *)exc;
    if ((f->code->flags & CO_MODULE) || !f->code->src)
        return; /* the globals outlive it anyway; built-in code has no traceback entry */
    for (int i = 0; i < f->nfast + f->ncells; i++) {
        Obj *v = i < f->nfast ? f->fast[i] : f->cells[i - f->nfast];
        if (!v)
            continue;
        if (!e->frame_locals)
            e->frame_locals = list_new(4);
        list_append(e->frame_locals, v);
    }
}

/* A call from CALL or CALL_METHOD, which have checked the memory cap
 * (vm_call's first step): a function is run and a built-in function
 * without a receiver of its own is called directly; anything else goes
 * through vm_call. */
static inline Obj *call_fast(Obj *fn, Obj **args, int nargs, Obj *kwnames)
{
    if (fn->cls == &FuncClass)
        return run_function((FuncObj *)fn, args, nargs, kwnames, NULL);
    if (fn->cls == &BuiltinClass && !((BuiltinObj *)fn)->self)
        return ((BuiltinObj *)fn)->fn(fn, args, nargs, kwnames);
    return vm_call(fn, args, nargs, kwnames);
}

/* Dispatch: with GCC or clang, a table of label addresses (computed
 * goto), so each hot instruction jumps straight to the next one's code;
 * elsewhere (or with -DLOOPSCOPE_NO_CGOTO) the switch. CASE labels an
 * opcode's code for both; NEXT ends a simple instruction. */
#if defined(__GNUC__) && !defined(LOOPSCOPE_NO_CGOTO)
#define LS_CGOTO 1
#define CASE(op) case op: L_##op
#else
#define LS_CGOTO 0
#define CASE(op) case op
#endif
#define NEXT() do { ip++; goto dispatch; } while (0)

/* Inside frame_exec the instruction index (ip) and the stack top (sp) live
 * in locals. f->ip is stored at the start of every instruction: anything
 * may ask for the running line while one runs (a DECREF that drops a
 * coroutine never awaited warns at it, a generator's close runs code, the
 * narrator reads vm_current_line), and a store costs less than a dependent
 * load per instruction. f->sp is written back only around what reads it:
 * the helpers above that take the frame, suspending and leaving. */
#define PUSH(v) do { Obj *v_ = (v); if (sp == stack_end) { SAVE_SP(); grow_stack(f); LOAD_SP(); } *sp++ = v_; } while (0)
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])
/* Pop n values and release them, the top first. */
#define DROP_N(n) do { Obj **base_ = sp - (n); while (sp > base_) DECREF(*--sp); } while (0)
#define SP_INDEX() ((int)(sp - f->stack))
#define SAVE_SP() (f->sp = SP_INDEX())
#define LOAD_SP() (sp = f->stack + f->sp, stack_end = f->stack + f->stackcap)

/* The operation budget and the memory cap are checked where a run can go
 * on for long: a backward jump, a call, an await and a yield (nothing
 * else loops or recurses), so `while True: pass` and a deep recursion stop
 * as before. Every instruction is still counted (nops, charged to vm.ops
 * here and on leaving), so --max-ops means what it did. */
#define CHECK_BUDGET() do { \
        if (vm.limits.max_ops) \
            vm.ops += nops; \
        nops = 0; \
        if (mem_over() && !vm_memory_ok(0)) \
            goto error; \
        if (vm.limits.max_ops && vm.ops > vm.limits.max_ops) { \
            ops_limit_error(); \
            goto error; \
        } \
    } while (0)
/* A jump to target: checked when it goes back. */
#define JUMP_TO(target) do { int t_ = (target); if (t_ <= ip) CHECK_BUDGET(); ip = t_; goto dispatch; } while (0)

XStatus frame_exec(Frame *f, Resume how, Obj *value, Obj **out)
{
    /* the library's frames cost no depth (--max-depth 1 must still load
     * the prelude), only C stack */
    bool counted = !(f->code->flags & CO_LIBRARY);
    if (counted ? !vm_recursion_enter("") : stack_exhausted()) {
        if (!counted)
            err_format(&RecursionErrorClass, "maximum recursion depth exceeded");
        return X_ERROR;
    }
    f->back = vm.current;
    vm.current = f;
    XStatus status = X_ERROR;
    bool reraise = false;
    *out = NULL;
    const uint32_t *ops = f->code->ops; /* a frame's code never changes */
    int ip = f->ip;
    Obj **sp, **stack_end;
    LOAD_SP();
    uint32_t nops = 0;

    if (how != R_START) {
        if (f->delegate) {
            Obj *r;
            int st = await_step(f, how, value, &r);
            if (st == 0) {
                *out = r;
                status = X_YIELD;
                goto leave;
            }
            if (st < 0)
                goto error;
            ip++; /* past the AWAIT */
            if (OPCODE(ops[ip]) == I_POP_TOP) {
                /* `await x` as a statement: its POP_TOP, without the
                 * dispatch (counted; f->ip says it while r goes) */
                f->ip = ip;
                nops++;
                DECREF(r);
                ip++;
            } else {
                PUSH(r);
            }
        } else if (how == R_THROW) {
            INCREF(value);
            err_set(value);
            goto error;
        } else {
            INCREF(value);
            PUSH(value); /* result of the YIELD_VALUE expression */
        }
    }

#if LS_CGOTO
    /* one label per opcode, in the enum's order (code.h), and the rest of
     * the byte's values to the bad-opcode stop: no range check per
     * instruction */
    static const void *const jump[256] = {
        &&L_I_NOP, &&L_I_LOAD_CONST, &&L_I_LOAD_FAST, &&L_I_STORE_FAST, &&L_I_DELETE_FAST,
        &&L_I_LOAD_DEREF, &&L_I_STORE_DEREF, &&L_I_DELETE_DEREF, &&L_I_LOAD_CLOSURE,
        &&L_I_LOAD_GLOBAL, &&L_I_STORE_GLOBAL, &&L_I_DELETE_GLOBAL, &&L_I_LOAD_ATTR,
        &&L_I_STORE_ATTR, &&L_I_BINARY_SUBSCR, &&L_I_STORE_SUBSCR, &&L_I_DELETE_SUBSCR,
        &&L_I_POP_TOP, &&L_I_DUP_TOP, &&L_I_DUP_TOP_TWO, &&L_I_ROT_TWO, &&L_I_ROT_THREE,
        &&L_I_ROT_FOUR, &&L_I_BINARY, &&L_I_INPLACE, &&L_I_UNARY, &&L_I_COMPARE, &&L_I_JUMP,
        &&L_I_POP_JUMP_IF_FALSE, &&L_I_POP_JUMP_IF_TRUE, &&L_I_JUMP_IF_FALSE_OR_POP,
        &&L_I_JUMP_IF_TRUE_OR_POP, &&L_I_BUILD_TUPLE, &&L_I_BUILD_LIST, &&L_I_BUILD_DICT,
        &&L_I_BUILD_SLICE, &&L_I_BUILD_STRING, &&L_I_LIST_APPEND, &&L_I_DICT_ADD,
        &&L_I_LIST_EXTEND, &&L_I_DICT_UPDATE, &&L_I_LIST_TO_TUPLE, &&L_I_FORMAT_VALUE,
        &&L_I_CALL, &&L_I_CALL_KW, &&L_I_CALL_EX, &&L_I_MAKE_FUNCTION, &&L_I_RETURN_VALUE,
        &&L_I_GET_ITER, &&L_I_FOR_ITER, &&L_I_UNPACK_SEQUENCE, &&L_I_UNPACK_EX, &&L_I_AWAIT,
        &&L_I_YIELD_VALUE, &&L_I_SETUP_EXCEPT, &&L_I_SETUP_FINALLY, &&L_I_POP_BLOCK,
        &&L_I_POP_EXCEPT, &&L_I_RERAISE, &&L_I_RAISE, &&L_I_CHECK_EXC_MATCH, &&L_I_IMPORT_NAME,
        &&L_I_IMPORT_FROM, &&L_I_LOAD_ASSERTION_ERROR, &&L_I_LOAD_NAME, &&L_I_STORE_NAME,
        &&L_I_DELETE_NAME, &&L_I_DELETE_ATTR, &&L_I_BUILD_CLASS, &&L_I_BEFORE_WITH,
        &&L_I_SETUP_WITH, &&L_I_WITH_EXCEPT, &&L_I_GET_AITER, &&L_I_GET_ANEXT,
        &&L_I_END_ASYNC_FOR, &&L_I_AGEN_AWAIT, &&L_I_BUILD_SET, &&L_I_SET_ADD, &&L_I_SET_UPDATE,
        &&L_I_EXCEPT_STAR_MATCH, &&L_I_EXCEPT_STAR_END, &&L_I_EXCEPT_STAR_RERAISE,
        &&L_I_LOAD_METHOD, &&L_I_CALL_METHOD,
        [I_COUNT ... 255] = &&L_bad_opcode,
    };
#endif
    for (;;) {
        uint32_t w;
        int arg;
    dispatch:
        f->ip = ip;
        nops++;
        w = ops[ip];
        arg = OPARG(w);
#if LS_CGOTO
        goto *jump[OPCODE(w)];
#endif
        switch (OPCODE(w)) {
        CASE(I_NOP):
            break;
        CASE(I_LOAD_CONST): {
            Obj *v = TUP_ITEMS(f->code->consts)[arg];
            INCREF(v);
            PUSH(v);
            NEXT();
        }
        CASE(I_LOAD_FAST): {
            Obj *v = f->fast[arg];
            if (!v)
                goto unbound_local;
            INCREF(v);
            PUSH(v);
            NEXT();
        unbound_local:
            err_format(&UnboundLocalErrorClass,
                       "cannot access local variable '%s' where it is not associated with a value",
                       STR_S(TUP_ITEMS(f->code->varnames)[arg]));
            goto error;
        }
        CASE(I_STORE_FAST):
            SETREF(f->fast[arg], POP());
            NEXT();
        CASE(I_DELETE_FAST):
            if (!f->fast[arg]) {
                err_format(&UnboundLocalErrorClass,
                           "cannot access local variable '%s' where it is not associated with a value",
                           STR_S(TUP_ITEMS(f->code->varnames)[arg]));
                goto error;
            }
            SETREF(f->fast[arg], NULL);
            break;
        CASE(I_LOAD_DEREF): {
            Obj *v = ((CellObj *)f->cells[arg])->v;
            if (!v) {
                int ncell = (int)TUP_N(f->code->cellnames);
                Obj *nm = arg < ncell ? TUP_ITEMS(f->code->cellnames)[arg]
                                      : TUP_ITEMS(f->code->freenames)[arg - ncell];
                if (arg < ncell)
                    err_format(&UnboundLocalErrorClass,
                               "cannot access local variable '%s' where it is not associated with a value",
                               STR_S(nm));
                else
                    err_format(&NameErrorClass,
                               "cannot access free variable '%s' where it is not associated with a value in "
                               "enclosing scope",
                               STR_S(nm));
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        }
        CASE(I_STORE_DEREF):
            SETREF(((CellObj *)f->cells[arg])->v, POP());
            break;
        CASE(I_DELETE_DEREF):
            SETREF(((CellObj *)f->cells[arg])->v, NULL);
            break;
        CASE(I_LOAD_CLOSURE):
            INCREF(f->cells[arg]);
            PUSH(f->cells[arg]);
            break;
        CASE(I_LOAD_GLOBAL): {
            NameCache *nc = name_cache(f->code, arg);
            Obj *v = cached_global(nc, f->globals, vm.builtins);
            if (v) {
                INCREF(v);
                PUSH(v);
                NEXT();
            }
            if (!(v = load_global(f, TUP_ITEMS(f->code->names)[arg])))
                goto error;
            PUSH(v);
            cache_fill_global(nc, f->globals, vm.builtins, TUP_ITEMS(f->code->names)[arg]);
            NEXT();
        }
        CASE(I_STORE_GLOBAL):
        CASE(I_STORE_NAME): { /* NAME: the class body's namespace */
            Obj *v = POP();
            dict_set(OPCODE(w) == I_STORE_NAME ? f->locals : f->globals, TUP_ITEMS(f->code->names)[arg], v);
            DECREF(v);
            break;
        }
        CASE(I_DELETE_GLOBAL):
        CASE(I_DELETE_NAME): {
            Obj *nm = TUP_ITEMS(f->code->names)[arg];
            if (dict_del(OPCODE(w) == I_DELETE_NAME ? f->locals : f->globals, nm) <= 0) {
                err_format(&NameErrorClass, "name '%s' is not defined", STR_S(nm));
                goto error;
            }
            break;
        }
        CASE(I_LOAD_ATTR): {
            Obj *o = POP();
            /* the caches' hits here, the rest in load_attr */
            NameCache *nc = name_cache(f->code, arg);
            Obj *v = cached_attr(nc, o, TUP_ITEMS(f->code->names)[arg]);
            if (v || (v = cached_module_attr(nc, o)))
                INCREF(v);
            else
                v = load_attr(f, o, arg);
            DECREF(o);
            if (!v)
                goto error;
            PUSH(v);
            NEXT();
        }
        CASE(I_LOAD_METHOD): {
            Obj *o = TOP(), *name = TUP_ITEMS(f->code->names)[arg];
            NameCache *nc = name_cache(f->code, arg);
            Obj *m = o->cls == &ModuleClass ? NULL : cached_method(nc, o, name);
            if (m || (o->cls != &ModuleClass && (m = cache_fill_method(nc, o, name)))) {
                INCREF(m);
                sp[-1] = m;
                PUSH(o); /* the stack's reference */
                NEXT();
            }
            Obj *v = cached_module_attr(nc, o); /* `asyncio.sleep(...)` */
            if (v)
                INCREF(v);
            else if (!(v = load_attr(f, o, arg)))
                goto error;
            SETREF(sp[-1], v);
            INCREF(None);
            PUSH(None);
            NEXT();
        }
        CASE(I_CALL_METHOD): {
            CHECK_BUDGET();
            Obj *fn = PEEK(arg + 2), *self = PEEK(arg + 1), *r;
            bool shortcut = vm.hooks.await_fn[0] && OPCODE(ops[ip + 1]) == I_AWAIT;
            /* `await q.get()`, `await asyncio.sleep(d)`: as in I_CALL */
            if (shortcut && ((r = vm_await_shortcut_on(fn, self == None ? NULL : self, sp - arg, arg)) ||
                             err_occurred()))
                ;
            else if (self == None)
                r = call_fast(fn, sp - arg, arg, NULL);
            else if (fn->cls == &BuiltinClass)
                r = builtin_call_on(fn, self, sp - arg, arg, NULL);
            else
                r = call_fast(fn, sp - arg - 1, arg + 1, NULL);
            DROP_N(arg + 2);
            if (!r)
                goto error;
            PUSH(r);
            NEXT();
        }
        CASE(I_STORE_ATTR): {
            Obj *o = POP(), *v = POP(), *name = TUP_ITEMS(f->code->names)[arg];
            NameCache *nc = name_cache(f->code, arg);
            if (cached_store(nc, o, name, v)) {
                DECREF(o);
                NEXT();
            }
            int r = obj_setattr(o, name, v);
            if (r == 0)
                cache_fill_store(nc, o, name);
            DECREF(o);
            DECREF(v);
            if (r < 0)
                goto error;
            NEXT();
        }
        CASE(I_BINARY_SUBSCR): {
            Obj *k = POP(), *o = POP();
            Obj *v = fast_subscr(o, k);
            if (v) {
                INCREF(v);
                DECREF(k);
                DECREF(o);
                PUSH(v);
                NEXT();
            }
            v = op_getitem(o, k);
            DECREF(k);
            DECREF(o);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        CASE(I_STORE_SUBSCR): {
            Obj *k = POP(), *o = POP(), *v = POP();
            int r = op_setitem(o, k, v);
            DECREF(k);
            DECREF(o);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        CASE(I_DELETE_SUBSCR): {
            Obj *k = POP(), *o = POP();
            int r = op_delitem(o, k);
            DECREF(k);
            DECREF(o);
            if (r < 0)
                goto error;
            break;
        }
        CASE(I_POP_TOP):
            DECREF(POP());
            NEXT();
        CASE(I_DUP_TOP):
            INCREF(TOP());
            PUSH(TOP());
            break;
        CASE(I_DUP_TOP_TWO): {
            Obj *a = PEEK(2), *b = PEEK(1);
            INCREF(a);
            INCREF(b);
            PUSH(a);
            PUSH(b);
            break;
        }
        CASE(I_ROT_TWO): {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = a;
            break;
        }
        CASE(I_ROT_THREE): {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = a;
            break;
        }
        CASE(I_ROT_FOUR): {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = PEEK(4);
            PEEK(4) = a;
            break;
        }
        CASE(I_BINARY):
        CASE(I_INPLACE): {
            Obj *b = POP(), *a = POP(), *reused;
            uint32_t nx = ops[ip + 1];
            bool store = OPCODE(nx) == I_STORE_FAST;
            Obj *v = fast_binary(arg, a, b, store ? f->fast[OPARG(nx)] : NULL, &reused);
            if (v) {
                if (reused != a)
                    DECREF(a);
                if (reused != b)
                    DECREF(b);
                if (store) {
                    /* the STORE_FAST too (`n += k`, `x = a * b`): one
                     * dispatch less; it is counted and runs at its own ip
                     * (the old value's release may ask for the line) */
                    f->ip = ++ip;
                    nops++;
                    SETREF(f->fast[OPARG(nx)], v);
                    NEXT();
                }
                PUSH(v);
                NEXT();
            }
            v = OPCODE(w) == I_BINARY ? op_binary((Op)arg, a, b) : op_inplace((Op)arg, a, b);
            DECREF(a);
            DECREF(b);
            if (!v)
                goto error;
            PUSH(v);
            NEXT();
        }
        CASE(I_UNARY): {
            Obj *a = POP();
            Obj *v = op_unary((Op)arg, a);
            DECREF(a);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        CASE(I_COMPARE): {
            Obj *b = POP(), *a = POP();
            Obj *v = fast_compare(arg, a, b);
            if (v) {
                INCREF(v);
                DECREF(a);
                DECREF(b);
                PUSH(v);
                NEXT();
            }
            v = op_compare((Op)arg, a, b);
            DECREF(a);
            DECREF(b);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        CASE(I_JUMP):
            JUMP_TO(arg);
        CASE(I_POP_JUMP_IF_FALSE):
        CASE(I_POP_JUMP_IF_TRUE): {
            Obj *v = POP();
            int t = fast_truth(v);
            if (t >= 0) {
                DECREF(v); /* True, False and None: never the last reference */
            } else {
                t = obj_truth(v);
                DECREF(v);
                if (t < 0)
                    goto error;
            }
            if (t == (OPCODE(w) == I_POP_JUMP_IF_TRUE))
                JUMP_TO(arg);
            break;
        }
        CASE(I_JUMP_IF_FALSE_OR_POP):
        CASE(I_JUMP_IF_TRUE_OR_POP): {
            int t = obj_truth(TOP());
            if (t < 0)
                goto error;
            if (t == (OPCODE(w) == I_JUMP_IF_TRUE_OR_POP))
                JUMP_TO(arg);
            DECREF(POP());
            break;
        }
        CASE(I_BUILD_TUPLE): {
            Obj *t = tuple_new((size_t)arg);
            for (int i = arg - 1; i >= 0; i--)
                TUP_ITEMS(t)[i] = POP();
            PUSH(t);
            break;
        }
        CASE(I_BUILD_LIST): {
            Obj *l = list_new((size_t)arg);
            for (int i = 0; i < arg; i++)
                LIST_ITEMS(l)[i] = PEEK(arg - i);
            ((ListObj *)l)->n = (size_t)arg;
            sp -= arg;
            PUSH(l);
            break;
        }
        CASE(I_BUILD_DICT): {
            Obj *d = dict_new();
            for (int i = 0; i < arg; i++) {
                Obj *k = PEEK(2 * (arg - i)), *v = PEEK(2 * (arg - i) - 1);
                if (dict_set(d, k, v) < 0) {
                    DECREF(d);
                    goto error;
                }
            }
            for (int i = 0; i < 2 * arg; i++)
                DECREF(POP());
            PUSH(d);
            break;
        }
        CASE(I_BUILD_SLICE): {
            SliceObj *s = (SliceObj *)obj_alloc(&SliceClass, sizeof(SliceObj));
            if (arg == 3) {
                s->step = POP();
            } else {
                INCREF(None);
                s->step = None;
            }
            s->stop = POP();
            s->start = POP();
            PUSH(&s->hdr);
            break;
        }
        CASE(I_BUILD_STRING): {
            Buf b;
            buf_init(&b);
            for (int i = arg; i >= 1; i--)
                buf_putn(&b, STR_S(PEEK(i)), STR_LEN(PEEK(i)));
            for (int i = 0; i < arg; i++)
                DECREF(POP());
            if (!op_check_size(b.len)) {
                buf_free(&b);
                goto error;
            }
            Obj *s = str_new(b.s, b.len);
            buf_free(&b);
            PUSH(s);
            break;
        }
        CASE(I_LIST_APPEND): {
            Obj *v = POP();
            list_append_steal(PEEK(arg), v);
            if (!op_check_size(LIST_N(PEEK(arg))))
                goto error;
            break;
        }
        CASE(I_DICT_ADD): {
            Obj *v = POP(), *k = POP();
            int r = dict_set(PEEK(arg), k, v);
            DECREF(k);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        CASE(I_LIST_EXTEND): {
            Obj *seq = POP();
            Obj *it = obj_iter(seq);
            if (!it) {
                if (err_matches(&TypeErrorClass)) {
                    err_clear();
                    err_format(&TypeErrorClass, "Value after * must be an iterable, not %s", obj_type_name(seq));
                }
                DECREF(seq);
                goto error;
            }
            DECREF(seq);
            Obj *x, *l = PEEK(arg);
            while ((x = obj_next(it)))
                list_append_steal(l, x);
            DECREF(it);
            if (err_occurred())
                goto error;
            break;
        }
        CASE(I_DICT_UPDATE): {
            Obj *m = POP();
            if (!IS(m, DictClass)) {
                err_format(&TypeErrorClass, "'%s' object is not a mapping", obj_type_name(m));
                DECREF(m);
                goto error;
            }
            size_t pos = 0;
            Obj *k, *v;
            while (dict_next(m, &pos, &k, &v))
                dict_set(PEEK(arg), k, v);
            DECREF(m);
            break;
        }
        CASE(I_LIST_TO_TUPLE): {
            Obj *l = POP();
            Obj *t = tuple_new(LIST_N(l));
            for (size_t i = 0; i < LIST_N(l); i++) {
                INCREF(LIST_ITEMS(l)[i]);
                TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
            }
            DECREF(l);
            PUSH(t);
            break;
        }
        CASE(I_FORMAT_VALUE): {
            Obj *spec = (arg & 4) ? POP() : NULL;
            Obj *v = POP();
            Obj *r = format_value(v, arg & 3, spec);
            DECREF(v);
            XDECREF(spec);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        CASE(I_CALL):
        CASE(I_CALL_KW): {
            CHECK_BUDGET();
            Obj *kwnames = OPCODE(w) == I_CALL_KW ? POP() : NULL;
            int n = arg;
            int npos = kwnames ? n - (int)TUP_N(kwnames) : n;
            Obj *fn = PEEK(n + 1);
            Obj *r;
            bool shortcut = vm.hooks.await_fn[0] && !kwnames && OPCODE(ops[ip + 1]) == I_AWAIT;
            /* `await asyncio.sleep(d)`: the awaitable without a coroutine */
            if (shortcut && ((r = vm_await_shortcut(fn, sp - n, npos)) || err_occurred()))
                ;
            else
                r = call_fast(fn, sp - n, npos, kwnames);
            DROP_N(n + 1);
            XDECREF(kwnames);
            if (!r)
                goto error;
            PUSH(r);
            NEXT();
        }
        CASE(I_CALL_EX): {
            CHECK_BUDGET();
            Obj *kw = arg ? POP() : NULL;
            Obj *argt = POP(), *fn = POP();
            Obj *r;
            if (kw && DICT_N(kw)) {
                size_t np = TUP_N(argt), nk = DICT_N(kw);
                Obj **a = xmalloc(sizeof(Obj *) * (np + nk + 1));
                Obj *names = tuple_new(nk);
                memcpy(a, TUP_ITEMS(argt), sizeof(Obj *) * np);
                size_t pos = 0, i = 0;
                Obj *k, *v;
                while (dict_next(kw, &pos, &k, &v)) {
                    INCREF(k);
                    TUP_ITEMS(names)[i] = k;
                    a[np + i++] = v;
                }
                r = vm_call(fn, a, (int)np, names);
                xfree(a);
                DECREF(names);
            } else {
                r = vm_call(fn, TUP_ITEMS(argt), (int)TUP_N(argt), NULL);
            }
            XDECREF(kw);
            DECREF(argt);
            DECREF(fn);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        CASE(I_MAKE_FUNCTION):
        {
            SAVE_SP();
            Obj *fn = build_function(f, arg);
            LOAD_SP();
            PUSH(fn);
        }
            break;
        CASE(I_RETURN_VALUE):
            *out = POP();
            status = X_RETURN;
            goto leave;
        CASE(I_GET_ITER): {
            Obj *o = POP();
            Obj *it = obj_iter(o);
            DECREF(o);
            if (!it)
                goto error;
            PUSH(it);
            break;
        }
        CASE(I_FOR_ITER): {
            int64_t iv;
            int rs = iter_range_step(TOP(), &iv);
            if (rs > 0) {
                uint32_t nx = ops[ip + 1];
                Obj *v = fast_loop_int(f->fast, nx, iv);
                if (OPCODE(nx) == I_STORE_FAST) {
                    /* the loop variable's STORE_FAST too, as in I_BINARY */
                    f->ip = ++ip;
                    nops++;
                    SETREF(f->fast[OPARG(nx)], v);
                    NEXT();
                }
                PUSH(v);
                NEXT();
            }
            Obj *x = rs == -1 ? obj_next(TOP()) : NULL;
            if (x) {
                PUSH(x);
                break;
            }
            if (err_occurred())
                goto error;
            DECREF(POP());
            JUMP_TO(arg);
        }
        CASE(I_UNPACK_SEQUENCE):
        CASE(I_UNPACK_EX): {
            Obj *seq = POP();
            SAVE_SP();
            bool ok = OPCODE(w) == I_UNPACK_SEQUENCE ? unpack(f, seq, arg, 0, false)
                                                     : unpack(f, seq, arg & 0xff, arg >> 8, true);
            LOAD_SP();
            DECREF(seq);
            if (!ok)
                goto error;
            break;
        }
        CASE(I_AWAIT): {
            CHECK_BUDGET();
            Obj *aw = POP();
            if (IS(aw, CoroClass)) {
                GenObj *g = (GenObj *)aw;
                if (g->state == GEN_CLOSED) {
                    DECREF(aw);
                    err_format(&RuntimeErrorClass, "cannot reuse already awaited coroutine");
                    goto error;
                }
                if (g->state != GEN_CREATED || g->awaited) {
                    DECREF(aw);
                    err_format(&RuntimeErrorClass, "coroutine is being awaited already");
                    goto error;
                }
                g->awaited = true;
            } else if (aw->cls->heap && klass_special(aw, "__await__")) {
                /* a class's own __await__: awaiting drives the iterator it returns */
                Obj *it = klass_call_special(aw, "__await__", NULL, 0);
                DECREF(aw);
                if (!it)
                    goto error;
                if (IS(it, CoroClass)) {
                    /* coro.__await__() (see cm_await): await that coroutine */
                    GenObj *g = (GenObj *)it;
                    if (g->state != GEN_CREATED || g->awaited) {
                        DECREF(it);
                        err_format(&RuntimeErrorClass, "cannot reuse already awaited coroutine");
                        goto error;
                    }
                    g->awaited = true;
                } else if (!(IS(it, GenClass) || IS(it, IterClass) || (it->cls->heap && klass_special(it, "__next__")))) {
                    err_format(&TypeErrorClass, "__await__() returned non-iterator of type '%s'", obj_type_name(it));
                    DECREF(it);
                    goto error;
                }
                aw = it;
            } else if (!aw->cls->await_step) {
                static const char *const before[] = {
                    [AWAIT_PLAIN] = "object ",
                    [AWAIT_AENTER] = "'async with' received an object from __aenter__ that does not implement __await__: ",
                    [AWAIT_AEXIT] = "'async with' received an object from __aexit__ that does not implement __await__: ",
                    [AWAIT_ANEXT] = "'async for' received an invalid object from __anext__: ",
                };
                err_format(&TypeErrorClass, "%s%s%s", before[arg], obj_type_name(aw),
                           arg == AWAIT_PLAIN ? " can't be used in 'await' expression" : "");
                DECREF(aw);
                goto error;
            }
            f->delegate = aw;
            Obj *res;
            int r = await_step(f, R_START, None, &res);
            if (r == 0) {
                *out = res;
                status = X_YIELD;
                goto leave; /* ip stays on AWAIT: resuming continues it */
            }
            if (r < 0)
                goto error;
            PUSH(res);
            break;
        }
        CASE(I_YIELD_VALUE):
            CHECK_BUDGET();
            if (f->gen && IS(f->gen, AsyncGenClass))
                ((AsyncGenObj *)f->gen)->yielded = true;
            *out = POP();
            ip++;
            status = X_YIELD;
            goto leave;
        CASE(I_SETUP_EXCEPT):
            push_block(f, B_EXCEPT, arg, SP_INDEX());
            break;
        CASE(I_SETUP_FINALLY):
            push_block(f, B_FINALLY, arg, SP_INDEX());
            break;
        CASE(I_POP_BLOCK):
            f->nblocks--;
            break;
        CASE(I_POP_EXCEPT):
            if (f->nblocks && f->blocks[f->nblocks - 1].type == B_HANDLER)
                f->nblocks--;
            pop_handled(f);
            break;
        CASE(I_END_ASYNC_FOR):
            if (class_is_sub(TOP()->cls, &StopAsyncIterationClass)) {
                DECREF(POP());
                f->nblocks--; /* the handler */
                pop_handled(f);
                DECREF(POP()); /* the async iterator */
                break;
            }
            goto reraise; /* any other exception is raised again */
        CASE(I_RERAISE):
        reraise: {
            Obj *exc = POP();
            if (f->nblocks && f->blocks[f->nblocks - 1].type == B_HANDLER)
                f->nblocks--;
            pop_handled(f);
            err_set(exc);
            reraise = true;
            goto error;
        }
        CASE(I_RAISE): {
            if (arg == 0) {
                Obj *cur = current_handled(f);
                if (!cur) {
                    err_format(&RuntimeErrorClass, "No active exception to reraise");
                    goto error;
                }
                INCREF(cur);
                err_set(cur);
                reraise = true;
                goto error;
            }
            Obj *cause = arg == 2 ? POP() : NULL;
            Obj *v = POP();
            Obj *exc = make_exception(v);
            DECREF(v);
            if (!exc) {
                XDECREF(cause);
                goto error;
            }
            if (cause) {
                Obj *c = cause == None ? (INCREF(None), None) : make_exception(cause);
                DECREF(cause);
                if (!c) {
                    DECREF(exc);
                    goto error;
                }
                SETREF(((ExcObj *)exc)->cause, c);
                ((ExcObj *)exc)->suppress_context = true;
            }
            err_set(exc);
            goto error;
        }
        CASE(I_CHECK_EXC_MATCH): {
            Obj *type = POP();
            bool ok;
            Obj *r = exc_match(TOP(), type, &ok);
            DECREF(type);
            if (!ok)
                goto error;
            INCREF(r);
            PUSH(r);
            break;
        }
        CASE(I_IMPORT_NAME): {
            Obj *m = dict_get(vm.modules, TUP_ITEMS(f->code->names)[arg]);
            if (m) {
                INCREF(m);
            } else if (vm.hooks.import_module) {
                if (!(m = vm.hooks.import_module(vm.hooks.ud, TUP_ITEMS(f->code->names)[arg])))
                    goto error;
            } else {
                err_format(&RuntimeErrorClass, "No module named '%s'", STR_S(TUP_ITEMS(f->code->names)[arg]));
                goto error;
            }
            PUSH(m);
            break;
        }
        CASE(I_IMPORT_FROM): {
            Obj *v = obj_getattr(TOP(), TUP_ITEMS(f->code->names)[arg]);
            if (!v && err_matches(&AttributeErrorClass) && IS(TOP(), ModuleClass)) {
                err_clear();
                err_format(&ImportErrorClass, "cannot import name '%s' from '%s' (unknown location)",
                           STR_S(TUP_ITEMS(f->code->names)[arg]), STR_S(((ModuleObj *)TOP())->name));
            }
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        CASE(I_LOAD_ASSERTION_ERROR):
            INCREF(&AssertionErrorClass);
            PUSH(&AssertionErrorClass.hdr);
            break;
        CASE(I_LOAD_NAME): {
            Obj *nm = TUP_ITEMS(f->code->names)[arg];
            Obj *v = dict_get(f->locals, nm);
            if (v)
                INCREF(v);
            else if (!(v = load_global(f, nm)))
                goto error;
            PUSH(v);
            break;
        }
        CASE(I_DELETE_ATTR): {
            Obj *o = POP();
            int r = obj_delattr(o, TUP_ITEMS(f->code->names)[arg]);
            DECREF(o);
            if (r < 0)
                goto error;
            break;
        }
        CASE(I_BEFORE_WITH): {
            static const char *const names[2][2] = {{"__enter__", "__exit__"}, {"__aenter__", "__aexit__"}};
            Obj *mgr = POP();
            Obj *enter = obj_getattr_c(mgr, names[arg][0]);
            Obj *exit = enter ? obj_getattr_c(mgr, names[arg][1]) : NULL;
            if (!exit) {
                if (err_matches(&AttributeErrorClass)) {
                    err_clear();
                    err_format(&TypeErrorClass, "'%s' object does not support the %scontext manager protocol%s%s%s",
                               obj_type_name(mgr), arg ? "asynchronous " : "", enter ? " (missed " : "",
                               enter ? names[arg][1] : "", enter ? " method)" : "");
                }
                XDECREF(enter);
                DECREF(mgr);
                goto error;
            }
            PUSH(exit);
            /* `async with` awaits __aenter__'s result at once: its await
             * shortcut, if it has one (a free Lock's) */
            Obj *r = NULL;
            if (!(arg && vm.hooks.await_fn[0] && ((r = vm_await_shortcut(enter, NULL, 0)) || err_occurred())))
                r = vm_call0(enter);
            DECREF(enter);
            DECREF(mgr);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        CASE(I_SETUP_WITH):
            push_block(f, B_FINALLY, arg, SP_INDEX() - 1);
            break;
        CASE(I_WITH_EXCEPT): {
            /* the traceback argument is None: loopscope has no traceback objects */
            Obj *exc = TOP();
            Obj *args[3] = {&exc->cls->hdr, exc, None};
            Obj *r = vm_call(PEEK(2), args, 3, NULL);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        CASE(I_GET_AITER): {
            Obj *o = POP();
            Obj *m = obj_getattr_c(o, "__aiter__");
            Obj *it = m ? vm_call0(m) : NULL;
            if (!m && err_matches(&AttributeErrorClass)) {
                err_clear();
                err_format(&TypeErrorClass, "'async for' requires an object with __aiter__ method, got %s",
                           obj_type_name(o));
            }
            XDECREF(m);
            Obj *failed = it ? NULL : err_fetch(); /* freeing o may run code (a generator's close) */
            DECREF(o);
            if (failed)
                err_set(failed);
            if (!it)
                goto error;
            Obj *next = IS(it, AsyncGenClass) ? NULL : obj_getattr_c(it, "__anext__");
            if (!next && !IS(it, AsyncGenClass)) {
                if (err_matches(&AttributeErrorClass)) {
                    err_clear();
                    err_format(&TypeErrorClass,
                               "'async for' received an object from __aiter__ that does not implement __anext__: %s",
                               obj_type_name(it));
                }
                DECREF(it);
                goto error;
            }
            XDECREF(next);
            PUSH(it);
            break;
        }
        CASE(I_GET_ANEXT): {
            Obj *m = obj_getattr_c(TOP(), "__anext__");
            if (!m) {
                if (err_matches(&AttributeErrorClass)) {
                    err_clear();
                    err_format(&TypeErrorClass, "'async for' requires an iterator with __anext__ method, got %s",
                               obj_type_name(TOP()));
                }
                goto error;
            }
            Obj *aw = vm_call0(m);
            DECREF(m);
            if (!aw)
                goto error;
            PUSH(aw);
            break;
        }
        CASE(I_AGEN_AWAIT): {
            /* the delegate (the generator) was set when the awaitable was made */
            Obj *res;
            int r = await_step(f, R_START, f->fast[1], &res);
            if (r == 0) {
                *out = res;
                status = X_YIELD;
                goto leave;
            }
            if (r < 0)
                goto error;
            PUSH(res);
            break;
        }
        CASE(I_BUILD_CLASS): {
            Obj *base = arg ? POP() : NULL;
            Obj *name = POP(), *body = POP();
            Obj *cls = build_class((FuncObj *)body, name, base, f->globals);
            XDECREF(base);
            DECREF(name);
            DECREF(body);
            if (!cls)
                goto error;
            PUSH(cls);
            break;
        }
        CASE(I_EXCEPT_STAR_MATCH): {
            SAVE_SP();
            int m = except_star_match(f);
            LOAD_SP();
            if (m < 0)
                goto error;
            if (m == 0)
                JUMP_TO(arg);
            break;
        }
        CASE(I_EXCEPT_STAR_END):
            SAVE_SP();
            except_star_end(f, arg);
            LOAD_SP();
            break;
        CASE(I_EXCEPT_STAR_RERAISE): {
            SAVE_SP();
            Obj *exc = except_star_reraise(f);
            LOAD_SP();
            if (exc) {
                err_set(exc);
                reraise = true;
                goto error;
            }
            if (err_occurred())
                goto error;
            break;
        }
        CASE(I_BUILD_SET):
        CASE(I_SET_ADD):
        CASE(I_SET_UPDATE):
            SAVE_SP();
            bool set_ok = set_instr(f, OPCODE(w), arg);
            LOAD_SP();
            if (!set_ok)
                goto error;
            break;
        default:
#if LS_CGOTO
        L_bad_opcode:
#endif
            die("bad opcode %d", OPCODE(w));
        }
        ip++;
        continue;

    error: {
        Obj *exc = err_fetch();
        if (!exc)
            exc = exc_new_msg(&RuntimeErrorClass, "error without exception");
        if (!reraise) {
            ExcObj *e = (ExcObj *)exc;
            Obj *ctx = current_handled(f);
            if (ctx && ctx != exc && !e->context) {
                INCREF(ctx);
                e->context = ctx;
            }
            if (f->code->src) /* built-in code (an async generator's awaitable) has no lines */
                exc_add_tb(exc, f->code->src, frame_line(f),
                           f->code->flags & CO_MODULE ? NULL : f->code->name);
        }
        reraise = false;
        bool limit = class_is_sub(exc->cls, &LimitErrorClass);
        bool handled = false;
        while (f->nblocks > 0) {
            Block b = f->blocks[--f->nblocks];
            while (SP_INDEX() > b.level)
                DECREF(POP());
            if (b.type == B_HANDLER) {
                pop_handled(f);
                continue;
            }
            if (limit)
                continue;
            push_block(f, B_HANDLER, -1, b.level);
            push_handled(f, exc);
            PUSH(exc); /* the reference from err_fetch */
            ip = b.handler;
            handled = true;
            break;
        }
        if (handled)
            continue;
        while (SP_INDEX() > 0)
            DECREF(POP());
        keep_frame_locals(exc, f);
        err_set(exc);
        status = X_ERROR;
        goto leave;
    }
    }

leave:
    f->ip = ip;
    SAVE_SP();
    if (vm.limits.max_ops)
        vm.ops += nops;
    vm.current = f->back;
    f->back = NULL;
    if (counted)
        vm_recursion_leave();
    return status;
}
