/* vm.c: frames, calls and the evaluation loop.
 * Owns: argument binding, executing bytecode, exception unwinding through
 * the block stack, tracebacks, generator and coroutine objects (a suspended
 * frame plus send/throw/close), and the await protocol: awaiting a
 * coroutine runs it nested until it returns or yields; awaiting anything
 * else goes through its Class.await_step. Operator semantics are in ops.c,
 * built-in functions in builtins.c, the event loop in src/sim. */
#include "vm.h"

#include "../objects/agen.h"
#include "builtins.h"
#include "suggest.h"
#include "../objects/klass.h"
#include "../objects/exgroup.h"
#include "../objects/ops.h"
#include "../objects/set.h"

#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

typedef enum { B_EXCEPT, B_FINALLY, B_HANDLER } BlockType;
typedef struct Block { BlockType type; int handler; int level; } Block;

struct Frame {
    CodeObj *code;
    FuncObj *func;       /* NULL for module code */
    Obj *globals;
    Obj *locals;         /* a class body's namespace (LOAD_NAME), else NULL */
    Obj **fast;
    int nfast;
    Obj **cells;         /* cell objects: cellnames then freenames */
    int ncells;
    Obj **stack;
    int sp, stackcap;
    int ip;
    Block *blocks;
    int nblocks, capblocks;
    Obj **handled;       /* exceptions being handled (innermost last) */
    int nhandled, caphandled;
    Obj *delegate;       /* what a suspended AWAIT waits on */
    struct Frame *back;  /* the frame running us, while we run */
    GenObj *gen;         /* owning generator or coroutine */
};

typedef enum { X_RETURN, X_YIELD, X_ERROR } XStatus;
typedef enum { R_START, R_SEND, R_THROW } Resume;

static struct {
    VMHooks hooks;
    VMLimits limits;
    Obj *builtins;       /* every builtin: the library's code sees them all */
    Obj *refused;        /* the names of those scenario code does not see */
    Obj *modules;        /* dict name -> module */
    Frame *current;      /* innermost running frame */
    int depth;           /* frames and C recursion levels counted (not the library's) */
    char *stack_base;    /* the C stack where the interpreter was started */
    size_t stack_budget; /* bytes of C stack below stack_base it may use */
    uint64_t ops;
    bool initialised;
} vm;

/* ------------------------------------------------------------ lifecycle */

static Obj *gm_send(Obj *self, Obj **args, int nargs, Obj *kw);
static Obj *gm_throw(Obj *self, Obj **args, int nargs, Obj *kw);
static Obj *gm_close(Obj *self, Obj **args, int nargs, Obj *kw);
static Obj *cm_await(Obj *self, Obj **args, int nargs, Obj *kw);

/* How much C stack the interpreter may use: the thread's stack limit (at
 * most 8 MB, the usual default for the main thread and for new threads),
 * less 1 MB for what runs above vm_init and between two checks. */
static void stack_measure(void)
{
    struct rlimit rl;
    size_t limit = 8u << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < limit)
        limit = (size_t)rl.rlim_cur;
    vm.stack_base = __builtin_frame_address(0);
    vm.stack_budget = limit > (2u << 20) ? limit - (1u << 20) : limit / 2;
}

void vm_stack_here(void) { stack_measure(); }

static bool stack_exhausted(void)
{
    char *here = __builtin_frame_address(0);
    return vm.stack_base && here < vm.stack_base && (size_t)(vm.stack_base - here) > vm.stack_budget;
}

bool vm_recursion_enter(const char *where)
{
    if (vm.depth >= vm.limits.max_depth || stack_exhausted()) {
        err_format(&RecursionErrorClass, "maximum recursion depth exceeded%s", where);
        return false;
    }
    vm.depth++;
    return true;
}

void vm_recursion_leave(void)
{
    vm.depth--;
}

static void ops_limit_error(void)
{
    err_format(&LimitErrorClass,
               "the scenario ran %llu operations without finishing; loopscope's limit is %llu "
               "(raise it with --max-ops)",
               (unsigned long long)vm.limits.max_ops, (unsigned long long)vm.limits.max_ops);
}

bool vm_charge_ops(uint64_t n)
{
    if (!vm.limits.max_ops)
        return true;
    vm.ops += n;
    if (vm.ops <= vm.limits.max_ops)
        return true;
    ops_limit_error();
    return false;
}

bool vm_charge_bytes(size_t nbytes)
{
    return vm_charge_ops(nbytes >> 4);
}

void vm_init(const VMHooks *hooks, const VMLimits *limits)
{
    obj_init();
    memset(&vm.hooks, 0, sizeof vm.hooks);
    if (hooks)
        vm.hooks = *hooks;
    vm.limits = (VMLimits){.max_ops = 0, .max_depth = 1000, .max_items = 0};
    if (limits)
        vm.limits = *limits;
    if (vm.limits.max_depth <= 0)
        vm.limits.max_depth = 1000;
    class_init(&GenClass);
    class_init(&CoroClass);
    if (!CoroClass.dict) {
        Class *gens[] = {&GenClass, &CoroClass};
        for (int i = 0; i < 2; i++) {
            class_add_method(gens[i], "send", gm_send);
            class_add_method(gens[i], "throw", gm_throw);
            class_add_method(gens[i], "close", gm_close);
        }
        class_add_method(&CoroClass, "__await__", cm_await);
    }
    class_init(&IterClass);
    agen_init();
    vm.builtins = dict_new();
    vm.modules = dict_new();
    builtins_init(vm.builtins);
    /* the refused builtins are not there for scenario code at all, so
     * `if False: id = None` (which skips the load-time check) still finds
     * no id() to call at run time */
    vm.refused = dict_new();
    size_t pos = 0;
    Obj *k, *v;
    while (dict_next(vm.builtins, &pos, &k, &v))
        if (compile_refused_builtin(STR_S(k)))
            dict_set(vm.refused, k, None);
    vm.current = NULL;
    vm.depth = 0;
    vm.ops = 0;
    stack_measure();
    vm.initialised = true;
}

void vm_shutdown(void)
{
    err_clear();
    XDECREF(vm.builtins);
    XDECREF(vm.refused);
    vm.refused = NULL;
    XDECREF(vm.modules);
    vm.builtins = vm.modules = NULL;
    vm.initialised = false;
    obj_teardown();
}

const VMLimits *vm_limits(void) { return &vm.limits; }
uint64_t vm_ops(void) { return vm.ops; }

/* The memory cap counts the bytes loopscope's allocators hand out
 * (base.h's mem_*), the same in a normal and an ASan build. It covers the
 * scenario's run: what is live when it starts (the prelude, the compiled
 * code) is not the scenario's. */
static void memory_message(char *out, size_t size)
{
    size_t cap = vm.limits.max_memory;
    snprintf(out, size,
             "the scenario used more than %zu MB of memory; loopscope's limit is %zu MB "
             "(raise it with --max-memory MB)",
             cap >> 20, cap >> 20);
}

void vm_memory_start(void)
{
    char msg[256];
    memory_message(msg, sizeof msg);
    mem_cap_set(vm.limits.max_memory, msg);
}

void vm_memory_stop(void)
{
    mem_cap_set(0, NULL);
}

bool vm_memory_ok(size_t more)
{
    if (!vm.limits.max_memory || mem_fits(more))
        return true;
    char msg[256];
    memory_message(msg, sizeof msg);
    err_format(&LimitErrorClass, "%s", msg);
    return false;
}
Obj *vm_builtins(void) { return vm.builtins; }

void vm_add_module(Obj *module)
{
    dict_set(vm.modules, ((ModuleObj *)module)->name, module);
}

Obj *vm_modules(void) { return vm.modules; }

void vm_print(const char *text, size_t len)
{
    if (vm.hooks.print)
        vm.hooks.print(vm.hooks.ud, text, len);
}

/* ------------------------------------------------------------- frames */

static Frame *frame_new(CodeObj *code, FuncObj *func, Obj *globals)
{
    Frame *f = xcalloc(1, sizeof *f);
    f->code = code;
    INCREF(code);
    f->func = func;
    XINCREF(func);
    f->globals = globals;
    INCREF(globals);
    f->nfast = code->nlocals;
    f->fast = xcalloc((size_t)f->nfast + 1, sizeof(Obj *));
    f->ncells = (int)(TUP_N(code->cellnames) + TUP_N(code->freenames));
    f->cells = xcalloc((size_t)f->ncells + 1, sizeof(Obj *));
    f->stackcap = 16;
    f->stack = xmalloc(sizeof(Obj *) * (size_t)f->stackcap);
    return f;
}

static void frame_free(Frame *f)
{
    if (!f)
        return;
    for (int i = 0; i < f->nfast; i++)
        XDECREF(f->fast[i]);
    for (int i = 0; i < f->ncells; i++)
        XDECREF(f->cells[i]);
    for (int i = 0; i < f->sp; i++)
        XDECREF(f->stack[i]);
    for (int i = 0; i < f->nhandled; i++)
        DECREF(f->handled[i]);
    XDECREF(f->delegate);
    XDECREF(f->locals);
    xfree(f->fast);
    xfree(f->cells);
    xfree(f->stack);
    xfree(f->blocks);
    xfree(f->handled);
    DECREF(f->code);
    XDECREF(f->func);
    DECREF(f->globals);
    xfree(f);
}

/* obj_teardown: a generator kept alive by a cycle (a deadlocked task's
 * coroutine) still owns its frame's C memory; free it without touching the
 * objects it refers to, which teardown frees itself. */
void gen_free_mem(Obj *o)
{
    GenObj *g = (GenObj *)o;
    Frame *f = g->frame;
    if (!f)
        return;
    xfree(f->fast);
    xfree(f->cells);
    xfree(f->stack);
    xfree(f->blocks);
    xfree(f->handled);
    xfree(f);
    g->frame = NULL;
}

static int frame_line(const Frame *f)
{
    int ip = f->ip;
    if (ip >= f->code->nops)
        ip = f->code->nops - 1;
    return ip >= 0 ? f->code->lines[ip] : f->code->firstline;
}

int vm_current_line(void)
{
    for (Frame *f = vm.current; f; f = f->back)
        if (!(f->code->flags & CO_LIBRARY))
            return frame_line(f);
    return 0;
}

/* ------------------------------------------------------------ binding */

static Obj *kw_name(Obj *kwnames, int i) { return TUP_ITEMS(kwnames)[i]; }

static const char *fname_of(FuncObj *fn) { return STR_S(fn->qualname); }

/* Bind call arguments into f's fast locals, CPython-style. */
static bool bind_args(Frame *f, FuncObj *fn, Obj **args, int nargs, Obj *kwnames)
{
    CodeObj *co = fn->code;
    int argc = co->argcount, kwo = co->kwonlycount;
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    Obj **fast = f->fast;
    Obj *varkw = NULL;
    int slot_varargs = argc + kwo;
    int slot_varkw = slot_varargs + ((co->flags & CO_VARARGS) ? 1 : 0);
    if (co->flags & CO_VARKW) {
        varkw = dict_new();
        fast[slot_varkw] = varkw;
    }
    int npos = nargs < argc ? nargs : argc;
    for (int i = 0; i < npos; i++) {
        // cppcheck-suppress nullPointer ; args is NULL only with nargs == 0 (npos == 0)
        INCREF(args[i]);
        // cppcheck-suppress nullPointer ; as above
        fast[i] = args[i];
    }
    if (co->flags & CO_VARARGS) {
        int extra = nargs > argc ? nargs - argc : 0;
        Obj *t = tuple_new((size_t)extra);
        for (int i = 0; i < extra; i++) {
            INCREF(args[argc + i]);
            TUP_ITEMS(t)[i] = args[argc + i];
        }
        fast[slot_varargs] = t;
    } else if (nargs > argc) {
        int ndef = fn->defaults ? (int)TUP_N(fn->defaults) : 0;
        if (ndef)
            err_format(&TypeErrorClass, "%s() takes from %d to %d positional arguments but %d were given",
                       fname_of(fn), argc - ndef, argc, nargs);
        else
            err_format(&TypeErrorClass, "%s() takes %d positional argument%s but %d %s given", fname_of(fn),
                       argc, argc == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        return false;
    }
    for (int k = 0; k < nkw; k++) {
        Obj *name = kw_name(kwnames, k), *val = args[nargs + k];
        int j;
        for (j = 0; j < argc + kwo; j++)
            if (obj_eq(TUP_ITEMS(co->varnames)[j], name) == 1)
                break;
        if (j < argc + kwo) {
            if (fast[j]) {
                err_format(&TypeErrorClass, "%s() got multiple values for argument '%s'", fname_of(fn),
                           STR_S(name));
                return false;
            }
            INCREF(val);
            fast[j] = val;
        } else if (varkw) {
            dict_set(varkw, name, val);
        } else {
            err_format(&TypeErrorClass, "%s() got an unexpected keyword argument '%s'", fname_of(fn), STR_S(name));
            return false;
        }
    }
    int ndef = fn->defaults ? (int)TUP_N(fn->defaults) : 0;
    int missing = 0;
    Buf names;
    buf_init(&names);
    for (int i = 0; i < argc; i++) {
        if (fast[i])
            continue;
        int d = i - (argc - ndef);
        if (d >= 0) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): d >= 0 with i < argc means ndef > 0, so fn->defaults is set */
            fast[i] = TUP_ITEMS(fn->defaults)[d];
            INCREF(fast[i]);
        } else {
            if (missing++)
                buf_puts(&names, ", ");
            buf_printf(&names, "'%s'", STR_S(TUP_ITEMS(co->varnames)[i]));
        }
    }
    if (missing) {
        err_format(&TypeErrorClass, "%s() missing %d required positional argument%s: %s", fname_of(fn), missing,
                   missing == 1 ? "" : "s", names.s);
        buf_free(&names);
        return false;
    }
    for (int i = argc; i < argc + kwo; i++) {
        if (fast[i])
            continue;
        Obj *d = fn->kwdefaults ? dict_get(fn->kwdefaults, TUP_ITEMS(co->varnames)[i]) : NULL;
        if (d) {
            INCREF(d);
            fast[i] = d;
        } else {
            if (missing++)
                buf_puts(&names, ", ");
            buf_printf(&names, "'%s'", STR_S(TUP_ITEMS(co->varnames)[i]));
        }
    }
    if (missing) {
        err_format(&TypeErrorClass, "%s() missing %d required keyword-only argument%s: %s", fname_of(fn),
                   missing, missing == 1 ? "" : "s", names.s);
        buf_free(&names);
        return false;
    }
    buf_free(&names);
    /* cells: parameters captured by inner functions move into their cell */
    int ncell = (int)TUP_N(co->cellnames);
    for (int i = 0; i < ncell; i++) {
        int a = co->cell2arg[i];
        f->cells[i] = cell_new(a >= 0 ? fast[a] : NULL);
    }
    for (int i = 0; fn->closure && i < (int)TUP_N(fn->closure); i++) {
        INCREF(TUP_ITEMS(fn->closure)[i]);
        f->cells[ncell + i] = TUP_ITEMS(fn->closure)[i];
    }
    return true;
}

/* ---------------------------------------------- generators/coroutines */

static void gen_repr(Obj *o, Buf *out)
{
    GenObj *g = (GenObj *)o;
    buf_printf(out, "<%s object %s>", o->cls->name, STR_S(g->qualname));
}

Class GenClass = {.name = "generator", .kind = K_GEN, .base = &ObjectClass, .repr = gen_repr,
                  .dealloc = gen_release, .free_mem = gen_free_mem, .builtin = true};
Class CoroClass = {.name = "coroutine", .kind = K_CORO, .base = &ObjectClass, .repr = gen_repr,
                   .dealloc = gen_release, .free_mem = gen_free_mem, .builtin = true};

/* cls: GenClass, CoroClass or AsyncGenClass (size: its object size). */
static Obj *gen_new(Frame *f, Class *cls, size_t size, Obj *name, Obj *qualname)
{
    GenObj *g = (GenObj *)obj_alloc(cls, size);
    g->frame = f;
    f->gen = g;
    g->state = GEN_CREATED;
    g->name = name;
    INCREF(g->name);
    g->qualname = qualname;
    INCREF(g->qualname);
    g->created_line = vm_current_line();
    return &g->hdr;
}

Obj *vm_coro_new(CodeObj *code, Obj **locals, int n, Obj *delegate)
{
    Frame *f = frame_new(code, NULL, vm.builtins);
    for (int i = 0; i < n && i < f->nfast; i++) {
        INCREF(locals[i]);
        f->fast[i] = locals[i];
    }
    INCREF(delegate);
    f->delegate = delegate;
    return gen_new(f, &CoroClass, sizeof(GenObj), code->name, code->qualname);
}

Obj *vm_asyncgen_firstiter(Obj *agen)
{
    return vm.hooks.asyncgen_firstiter && vm.initialised ? vm.hooks.asyncgen_firstiter(vm.hooks.ud, agen) : NULL;
}

/* "generator", "coroutine" or "async generator", for messages. */
static const char *gen_kind(Obj *o)
{
    return o->cls == &AsyncGenClass ? "async generator" : o->cls->name;
}

void gen_release(Obj *o)
{
    GenObj *g = (GenObj *)o;
    /* an async generator's awaitable starts out awaiting it: never reported */
    if (g->state == GEN_CREATED && o->cls == &CoroClass && !(g->frame && g->frame->delegate) &&
        vm.hooks.never_awaited && vm.initialised)
        vm.hooks.never_awaited(vm.hooks.ud, g);
    if (g->state == GEN_SUSPENDED && g->frame) {
        o->rc++; /* keep alive while closing */
        gen_close(o);
        o->rc--;
    }
    frame_free(g->frame);
    g->frame = NULL;
    XDECREF(g->name);
    XDECREF(g->qualname);
}

static XStatus frame_exec(Frame *f, Resume how, Obj *value, Obj **out);

static GenResult gen_resume(Obj *o, Resume how, Obj *value, Obj **out)
{
    GenObj *g = (GenObj *)o;
    *out = NULL;
    bool coro = o->cls == &CoroClass;
    if (g->state == GEN_RUNNING) {
        err_format(&ValueErrorClass, "%s already executing", gen_kind(o));
        return GEN_RAISED;
    }
    if (g->state == GEN_CLOSED) {
        if (how == R_THROW) {
            err_set((INCREF(value), value));
            return GEN_RAISED;
        }
        if (coro) {
            err_format(&RuntimeErrorClass, "cannot reuse already awaited coroutine");
            return GEN_RAISED;
        }
        INCREF(None);
        *out = None;
        return GEN_RETURNED;
    }
    if (g->state == GEN_CREATED && how == R_SEND && value != None) {
        err_format(&TypeErrorClass, "can't send non-None value to a just-started %s", gen_kind(o));
        return GEN_RAISED;
    }
    if (g->state == GEN_CREATED && how == R_SEND)
        how = R_START;
    g->state = GEN_RUNNING;
    INCREF(o);
    XStatus st = frame_exec(g->frame, how, value, out);
    GenResult r;
    if (st == X_YIELD) {
        g->state = GEN_SUSPENDED;
        r = GEN_YIELDED;
    } else {
        g->state = GEN_CLOSED;
        Frame *f = g->frame;
        g->frame = NULL;
        g->last_line = frame_line(f);
        frame_free(f);
        r = st == X_RETURN ? GEN_RETURNED : GEN_RAISED;
        bool agen = o->cls == &AsyncGenClass;
        if (r == GEN_RAISED && (err_matches(&StopIterationClass) || (agen && err_matches(&StopAsyncIterationClass)))) {
            Obj *e = err_fetch();
            err_format(&RuntimeErrorClass, "%s raised %s", gen_kind(o), e->cls->name);
            DECREF(e);
        }
    }
    DECREF(o);
    return r;
}

GenResult gen_send(Obj *gen, Obj *value, Obj **out)
{
    return gen_resume(gen, R_SEND, value ? value : None, out);
}

GenResult gen_throw(Obj *gen, Obj *exc, Obj **out)
{
    GenObj *g = (GenObj *)gen;
    if (g->state == GEN_CREATED && !g->frame->delegate) {
        /* throwing into an unstarted generator raises at its first line
         * (an async generator's awaitable passes it on instead) */
        g->state = GEN_CLOSED;
        Frame *f = g->frame;
        g->frame = NULL;
        frame_free(f);
        *out = NULL;
        INCREF(exc);
        err_set(exc);
        return GEN_RAISED;
    }
    return gen_resume(gen, R_THROW, exc, out);
}

void gen_close(Obj *gen)
{
    GenObj *g = (GenObj *)gen;
    if (g->state != GEN_SUSPENDED)
        return;
    Obj *saved = err_fetch();
    Obj *exit_exc = exc_new(&GeneratorExitClass, NULL);
    Obj *out = NULL;
    GenResult r = gen_resume(gen, R_THROW, exit_exc, &out);
    DECREF(exit_exc);
    XDECREF(out);
    if (r == GEN_YIELDED) {
        /* ignored GeneratorExit: CPython reports it as unraisable; we drop it */
        g->state = GEN_CLOSED;
        frame_free(g->frame);
        g->frame = NULL;
    }
    err_clear();
    if (saved)
        err_set(saved);
}

/* ---- the send/throw/close methods of generators and coroutines */

static Obj *make_exception(Obj *v);

static Obj *gen_result_obj(GenResult r, Obj *out)
{
    if (r == GEN_YIELDED)
        return out;
    if (r == GEN_RAISED)
        return NULL;
    Obj *stop = vm_call1(&StopIterationClass.hdr, out); /* StopIteration(value) */
    DECREF(out);
    if (stop)
        err_set(stop);
    return NULL;
}

static Obj *gm_send(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_one_arg("send", nargs, kw))
        return NULL;
    GenObj *g = (GenObj *)self;
    if (g->state == GEN_CREATED && args[0] != None)
        return err_null(&TypeErrorClass, "can't send non-None value to a just-started %s", gen_kind(self));
    Obj *out = NULL;
    GenResult r = gen_send(self, args[0], &out);
    return gen_result_obj(r, out);
}

static Obj *gm_throw(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_one_arg("throw", nargs, kw))
        return NULL;
    Obj *exc = make_exception(args[0]);
    if (!exc)
        return NULL;
    Obj *out = NULL;
    GenResult r = gen_throw(self, exc, &out);
    DECREF(exc);
    return gen_result_obj(r, out);
}

/* coro.__await__(): the iterator awaiting drives. loopscope hands back the
 * coroutine itself, which a class's __await__ may return (the usual
 * `return self.run().__await__()`); I_AWAIT drives it like an awaited one. */
static Obj *cm_await(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__await__", nargs, kw, 0, 0))
        return NULL;
    INCREF(self);
    return self;
}

static Obj *gm_close(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("close", nargs, kw, 0, 0))
        return NULL;
    GenObj *g = (GenObj *)self;
    if (g->state == GEN_CREATED) {
        /* closing a never-started coroutine: no "never awaited" warning */
        g->state = GEN_CLOSED;
        frame_free(g->frame);
        g->frame = NULL;
    } else {
        gen_close(self);
    }
    return none_new();
}

static Frame *coro_innermost_user(Obj *coro, Frame **any_out)
{
    Frame *user = NULL, *any = NULL;
    Obj *o = coro;
    while (o && (IS(o, CoroClass) || IS(o, GenClass) || IS(o, AsyncGenClass))) {
        Frame *f = ((GenObj *)o)->frame;
        if (!f)
            break;
        any = f;
        if (!(f->code->flags & CO_LIBRARY))
            user = f;
        o = f->delegate;
    }
    if (any_out)
        *any_out = any;
    return user;
}

bool gen_is_library(Obj *gen)
{
    GenObj *g = (GenObj *)gen;
    return g->frame && (g->frame->code->flags & CO_LIBRARY);
}

bool vm_in_user_code(void)
{
    return vm.current && !(vm.current->code->flags & CO_LIBRARY);
}

int coro_line(Obj *coro)
{
    GenObj *g = (GenObj *)coro;
    if (g->state == GEN_CLOSED)
        return gen_is_library(coro) ? 0 : g->last_line;
    Frame *f = coro_innermost_user(coro, NULL);
    return f ? frame_line(f) : 0;
}

void coro_chain(Obj *coro, Buf *out)
{
    Obj *o = coro;
    bool first = true;
    while (o && (IS(o, CoroClass) || IS(o, GenClass) || IS(o, AsyncGenClass))) {
        GenObj *g = (GenObj *)o;
        Frame *f = g->frame;
        if (!f)
            break;
        if (!(f->code->flags & CO_LIBRARY)) {
            if (!first)
                buf_puts(out, " \xe2\x86\x92 ");
            buf_puts(out, STR_S(g->name));
            first = false;
        }
        o = f->delegate;
    }
}

bool coro_args(Obj *coro, const CodeObj **code, const FuncObj **func, Obj *const **fast, int *nfast)
{
    GenObj *g = (GenObj *)coro;
    Frame *f = g->frame;
    if (!f || g->state != GEN_CREATED || (f->code->flags & CO_LIBRARY))
        return false;
    *code = f->code;
    *func = f->func;
    *fast = f->fast;
    *nfast = f->nfast;
    return true;
}

/* --------------------------------------------------------------- calls */

/* Call fn; locals: the namespace a class body runs in (borrowed), or NULL. */
static Obj *run_function(FuncObj *fn, Obj **args, int nargs, Obj *kwnames, Obj *locals)
{
    Frame *f = frame_new(fn->code, fn, fn->globals);
    if (!bind_args(f, fn, args, nargs, kwnames)) {
        frame_free(f);
        return NULL;
    }
    XINCREF(locals);
    f->locals = locals;
    int flags = fn->code->flags;
    if (flags & CO_ASYNC_GENERATOR)
        return gen_new(f, &AsyncGenClass, sizeof(AsyncGenObj), fn->name, fn->qualname);
    if (flags & (CO_COROUTINE | CO_GENERATOR))
        return gen_new(f, flags & CO_COROUTINE ? &CoroClass : &GenClass, sizeof(GenObj), fn->name, fn->qualname);
    Obj *result = NULL;
    XStatus st = frame_exec(f, R_START, None, &result);
    frame_free(f);
    if (st != X_RETURN) {
        XDECREF(result);
        return NULL;
    }
    return result;
}

Obj *vm_call(Obj *callable, Obj **args, int nargs, Obj *kwnames)
{
    /* C code that calls back (partial, sort keys, __repr__) may not reach
     * an instruction for a long time: the memory cap is checked here too */
    if (mem_over() && !vm_memory_ok(0))
        return NULL;
    Class *c = CLS(callable);
    if (c == &FuncClass)
        return run_function((FuncObj *)callable, args, nargs, kwnames, NULL);
    if (c == &BoundClass) {
        BoundObj *b = (BoundObj *)callable;
        int total = nargs + (kwnames ? (int)TUP_N(kwnames) : 0);
        Obj *small[8];
        Obj **a = total + 1 <= 8 ? small : xmalloc(sizeof(Obj *) * (size_t)(total + 1));
        a[0] = b->self;
        if (total) /* args may be NULL when there are none */
            memcpy(a + 1, args, sizeof(Obj *) * (size_t)total);
        Obj *r = vm_call(b->func, a, nargs + 1, kwnames);
        if (a != small)
            xfree(a);
        return r;
    }
    if (c == &ClassClass) {
        Class *k = (Class *)callable;
        for (Class *p = k; p; p = p->base)
            if (p->ctor)
                return p->ctor(callable, args, nargs, kwnames);
        return err_null(&TypeErrorClass, "cannot create '%s' instances", k->name);
    }
    for (Class *p = c; p; p = p->base)
        if (p->call)
            return p->call(callable, args, nargs, kwnames);
    return err_null(&TypeErrorClass, "'%s' object is not callable", c->name);
}

Obj *vm_call0(Obj *callable) { return vm_call(callable, NULL, 0, NULL); }
Obj *vm_call1(Obj *callable, Obj *a) { return vm_call(callable, &a, 1, NULL); }
Obj *vm_call2(Obj *callable, Obj *a, Obj *b)
{
    Obj *args[2] = {a, b};
    return vm_call(callable, args, 2, NULL);
}

bool vm_no_keywords(const char *fname, Obj *kwnames)
{
    if (kwnames && TUP_N(kwnames)) {
        err_format(&TypeErrorClass, "%s() takes no keyword arguments", fname);
        return false;
    }
    return true;
}

bool vm_one_arg(const char *fname, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(fname, kwnames))
        return false;
    if (nargs != 1) {
        err_format(&TypeErrorClass, "%s() takes exactly one argument (%d given)", fname, nargs);
        return false;
    }
    return true;
}

bool vm_range_nargs(const char *fname, int nargs, Obj *kwnames, int min, int max)
{
    if (!vm_no_keywords(fname, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    int want = nargs < min ? min : max;
    err_format(&TypeErrorClass, "%s expected %s%d argument%s, got %d", fname,
               min == max ? "" : nargs < min ? "at least " : "at most ", want, want == 1 ? "" : "s", nargs);
    return false;
}

bool vm_check_nargs(const char *fname, int nargs, Obj *kwnames, int min, int max)
{
    if (kwnames && TUP_N(kwnames)) {
        err_format(&TypeErrorClass, "%s() takes no keyword arguments", fname);
        return false;
    }
    if (nargs < min || nargs > max) {
        if (min == max)
            err_format(&TypeErrorClass, "%s() takes exactly %d argument%s (%d given)", fname, min,
                       min == 1 ? "" : "s", nargs);
        else if (nargs < min)
            err_format(&TypeErrorClass, "%s expected at least %d argument%s, got %d", fname, min,
                       min == 1 ? "" : "s", nargs);
        else
            err_format(&TypeErrorClass, "%s expected at most %d argument%s, got %d", fname, max,
                       max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

bool vm_parse_args(const char *fname, Obj **args, int nargs, Obj *kwnames, const char *const *names,
                   int required, Obj **out)
{
    int n = 0;
    while (names[n])
        n++;
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    if (nargs > n) {
        err_format(&TypeErrorClass, "%s() takes at most %d argument%s (%d given)", fname, n, n == 1 ? "" : "s",
                   nargs);
        return false;
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    for (int k = 0; k < nkw; k++) {
        Obj *name = TUP_ITEMS(kwnames)[k];
        int j;
        for (j = 0; j < n; j++)
            if (str_eq_c(name, names[j]))
                break;
        if (j == n) {
            err_format(&TypeErrorClass, "%s() got an unexpected keyword argument '%s'", fname, STR_S(name));
            return false;
        }
        if (out[j]) {
            err_format(&TypeErrorClass, "argument for %s() given by name ('%s') and position (%d)", fname,
                       names[j], j + 1);
            return false;
        }
        out[j] = args[nargs + k];
    }
    for (int i = 0; i < required; i++)
        if (!out[i]) {
            err_format(&TypeErrorClass, "%s() missing required argument '%s' (pos %d)", fname, names[i], i + 1);
            return false;
        }
    return true;
}

/* -------------------------------------------------------------- module */

Obj *vm_run_module(CodeObj *code, Obj *globals)
{
    Frame *f = frame_new(code, NULL, globals);
    Obj *result = NULL;
    XStatus st = frame_exec(f, R_START, None, &result);
    frame_free(f);
    if (st != X_RETURN) {
        XDECREF(result);
        return NULL;
    }
    return result;
}

/* ---------------------------------------------------------- traceback */

/* Every traceback line starts with pfx: "" outside exception groups, the
 * box margin ("  | ", "    | " ...) inside them. */
static void print_tb_entries(Obj *exc, FILE *out, const char *pfx, const char *header)
{
    ExcObj *e = (ExcObj *)exc;
    fprintf(out, "%s%s", header, "Traceback (most recent call last):\n");
    for (int i = e->ntb - 1; i >= 0; i--) {
        TbEntry *t = &e->tb[i];
        const char *fn = t->func ? STR_S(t->func) : "<module>";
        fprintf(out, "%s  File \"%s\", line %d, in %s\n", pfx, t->src ? t->src->path : "<unknown>", t->line,
                fn);
        size_t len;
        const char *line = t->src ? source_line(t->src, t->line, &len) : NULL;
        if (line) {
            while (len && (*line == ' ' || *line == '\t')) {
                line++;
                len--;
            }
            fprintf(out, "%s    %.*s\n", pfx, (int)len, line);
        }
    }
}

static void print_exc_line(Obj *exc, FILE *out, const char *pfx)
{
    Buf b;
    buf_init(&b);
    Obj *saved = err_fetch();
    obj_str(exc, &b);
    err_clear();
    if (saved)
        err_set(saved);
    suggest_suffix(exc, &b);
    if (b.len)
        fprintf(out, "%s%s: %s\n", pfx, exc->cls->name, b.s);
    else
        fprintf(out, "%s%s\n", pfx, exc->cls->name);
    buf_free(&b);
}

/* What one traceback print carries: CPython's limits on exception groups
 * (10 levels, 15 members shown), the exceptions already printed (a cause
 * or context cycle, or one that points back into its group, prints once,
 * as CPython's `seen` set does), and a cap on the total for pathological
 * shapes (a group of 15 copies of a group of 15 copies ...). */
enum { TB_GROUP_DEPTH = 10, TB_GROUP_WIDTH = 15, TB_MAX_PRINTED = 1000 };
typedef struct TbPrint {
    FILE *out;
    Obj **seen;
    size_t nseen, cap;
    bool need_close;     /* the innermost last group still owes its closing line */
} TbPrint;

static bool tb_seen(TbPrint *p, Obj *exc)
{
    for (size_t i = 0; i < p->nseen; i++)
        if (p->seen[i] == exc)
            return true;
    return false;
}

static void tb_mark(TbPrint *p, Obj *exc)
{
    if (p->nseen == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 16;
        p->seen = xrealloc(p->seen, p->cap * sizeof(Obj *));
    }
    p->seen[p->nseen++] = exc;
}

static void print_chain(TbPrint *p, Obj *exc, int depth, int group_depth);

/* CPython 3.11's boxed form of an exception group at nesting group_depth
 * (1 for the outermost): its own traceback and line, then each
 * sub-exception inside a numbered frame. Only the outermost header has
 * the "+" margin. */
static void print_group(TbPrint *p, Obj *exc, int group_depth, bool toplevel)
{
    ExcObj *e = (ExcObj *)exc;
    FILE *out = p->out;
    int indent = 2 * group_depth;
    char pfx[64], hdr[64];
    snprintf(pfx, sizeof pfx, "%*s| ", indent, "");
    snprintf(hdr, sizeof hdr, "%*s%c Exception Group ", indent, "", toplevel ? '+' : '|');
    if (e->ntb)
        print_tb_entries(exc, out, pfx, hdr);
    print_exc_line(exc, out, pfx);
    size_t n = TUP_N(e->extra), shown = n > TB_GROUP_WIDTH ? TB_GROUP_WIDTH : n;
    for (size_t i = 0; i < shown; i++) {
        if (i == 0)
            fprintf(out, "%*s+-+---------------- %zu ----------------\n", indent, "", i + 1);
        else
            fprintf(out, "%*s+---------------- %zu ----------------\n", indent + 2, "", i + 1);
        /* one closing line after the innermost last group, as CPython */
        if (i == n - 1)
            p->need_close = true;
        print_chain(p, TUP_ITEMS(e->extra)[i], 0, group_depth + 1);
        if (i == n - 1 && p->need_close) {
            fprintf(out, "%*s+------------------------------------\n", indent + 2, "");
            p->need_close = false;
        }
    }
    if (shown < n) {
        fprintf(out, "%*s+---------------- ... ----------------\n", indent + 2, "");
        fprintf(out, "%*s| and %zu more exception%s\n", indent + 2, "", n - shown, n - shown == 1 ? "" : "s");
        fprintf(out, "%*s+------------------------------------\n", indent + 2, "");
        p->need_close = false;
    }
}

static void print_chain(TbPrint *p, Obj *exc, int depth, int group_depth)
{
    ExcObj *e = (ExcObj *)exc;
    FILE *out = p->out;
    char pfx[64];
    if (group_depth)
        snprintf(pfx, sizeof pfx, "%*s| ", 2 * group_depth, "");
    else
        pfx[0] = '\0';
    bool group = class_is_sub(exc->cls, &BaseExceptionGroupClass) && e->extra;
    if (group && group_depth > TB_GROUP_DEPTH) {
        fprintf(out, "%s... (max_group_depth is %d)\n", pfx, TB_GROUP_DEPTH);
        return;
    }
    if (p->nseen >= TB_MAX_PRINTED) {
        fprintf(out, "%s... (more than %d exceptions: the rest are not shown)\n", pfx, TB_MAX_PRINTED);
        return;
    }
    tb_mark(p, exc);
    if (depth < 16) {
        const char *sep = NULL;
        if (e->cause && e->cause != None) {
            if (!tb_seen(p, e->cause)) {
                print_chain(p, e->cause, depth + 1, group_depth);
                sep = "The above exception was the direct cause of the following exception:";
            }
        } else if (e->context && !e->suppress_context && !tb_seen(p, e->context)) {
            print_chain(p, e->context, depth + 1, group_depth);
            sep = "During handling of the above exception, another exception occurred:";
        }
        if (sep)
            fprintf(out, "%s\n%s%s\n%s\n", pfx, pfx, sep, pfx);
    }
    if (group) {
        print_group(p, exc, group_depth ? group_depth : 1, group_depth == 0);
        return;
    }
    if (e->ntb)
        print_tb_entries(exc, out, pfx, pfx);
    print_exc_line(exc, out, pfx);
}

void vm_print_traceback(Obj *exc, FILE *out)
{
    TbPrint p = {.out = out};
    print_chain(&p, exc, 0, 0);
    xfree(p.seen);
}

/* ------------------------------------------------------ the eval loop */

static void push_block(Frame *f, BlockType t, int handler, int level)
{
    if (f->nblocks == f->capblocks) {
        f->capblocks = f->capblocks ? f->capblocks * 2 : 8;
        f->blocks = xrealloc(f->blocks, sizeof(Block) * (size_t)f->capblocks);
    }
    f->blocks[f->nblocks++] = (Block){t, handler, level};
}

static void push_handled(Frame *f, Obj *exc)
{
    if (f->nhandled == f->caphandled) {
        f->caphandled = f->caphandled ? f->caphandled * 2 : 4;
        f->handled = xrealloc(f->handled, sizeof(Obj *) * (size_t)f->caphandled);
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

static Obj *make_exception(Obj *v)
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
    if (f->sp + total >= f->stackcap) {
        f->stackcap = f->sp + total + 16;
        f->stack = xrealloc(f->stack, sizeof(Obj *) * (size_t)f->stackcap);
    }
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

#define PUSH(v) do { Obj *v_ = (v); if (f->sp == f->stackcap) grow_stack(f); f->stack[f->sp++] = v_; } while (0)
#define POP() (f->stack[--f->sp])
#define TOP() (f->stack[f->sp - 1])
#define PEEK(n) (f->stack[f->sp - (n)])

static void grow_stack(Frame *f)
{
    f->stackcap *= 2;
    f->stack = xrealloc(f->stack, sizeof(Obj *) * (size_t)f->stackcap);
}

/* EXCEPT_STAR_MATCH: 1 matched, 0 not (the caller jumps), -1 error. */
static int except_star_match(Frame *f)
{
    Obj *type = POP(), *match, *rest;
    int r = exgroup_match(TOP(), type, &match, &rest);
    DECREF(type);
    if (r < 0)
        return -1;
    if (!match)
        return 0;
    SETREF(f->stack[f->sp - 1], rest);
    push_handled(f, match);
    PUSH(match);
    return 1;
}

/* EXCEPT_STAR_END: leave a clause's body (see code.h). */
static void except_star_end(Frame *f, int raised)
{
    if (raised) {
        Obj *exc = POP();
        list_append_steal(PEEK(3), exc);
        f->nblocks--; /* the handler block of exc */
        pop_handled(f);
    }
    pop_handled(f); /* the clause's match */
}

/* EXCEPT_STAR_RERAISE: what is left to raise (new ref), or NULL with the
 * handler left when nothing is, or NULL with an error pending. */
static Obj *except_star_reraise(Frame *f)
{
    Obj *rest = POP(), *orig = POP(), *list = POP();
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
            ok = set_add(s, PEEK(i)) == 0;
        if (consts && ok) {
            /* CPython's compiler rebuilds the constant frozenset from its
             * own iteration order when it merges constants */
            Obj *items = obj_iter(s), *fs = set_new(&FrozenSetClass, items);
            DECREF(items);
            SETREF(s, set_new(&SetClass, fs));
            DECREF(fs);
        }
        for (int i = 0; i < arg; i++)
            DECREF(POP());
        if (!ok) {
            DECREF(s);
            return false;
        }
        PUSH(s);
        return true;
    }
    Obj *v = POP();
    int r = op == I_SET_ADD ? set_add(PEEK(arg), v) : set_update(PEEK(arg), v);
    DECREF(v);
    return r == 0;
}

/* One step of `await` (R_START for the first): send/throw into the delegate
 * and report whether the frame must suspend. Returns 1 done (result pushed), 0 suspend (*out set),
 * -1 error. */
static int await_step(Frame *f, Resume how, Obj *value, Obj **out)
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
    if (st == AW_SUSPEND) {
        *out = r;
        return 0;
    }
    SETREF(f->delegate, NULL);
    if (st == AW_ERROR)
        return -1;
    PUSH(r);
    return 1;
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

static XStatus frame_exec(Frame *f, Resume how, Obj *value, Obj **out)
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

    if (how != R_START) {
        if (f->delegate) {
            int r = await_step(f, how, value, out);
            if (r == 0) {
                status = X_YIELD;
                goto leave;
            }
            if (r < 0)
                goto error;
            f->ip++; /* past the AWAIT */
        } else if (how == R_THROW) {
            INCREF(value);
            err_set(value);
            goto error;
        } else {
            INCREF(value);
            PUSH(value); /* result of the YIELD_VALUE expression */
        }
    }

    for (;;) {
        /* past the memory cap (many small values): stop before the next operation */
        if (vm.limits.max_ops)
            ++vm.ops;
        if (mem_over() && !vm_memory_ok(0))
            goto error;
        if (vm.limits.max_ops && vm.ops > vm.limits.max_ops) {
            ops_limit_error();
            goto error;
        }
        uint32_t w = f->code->ops[f->ip];
        int arg = OPARG(w);
        switch (OPCODE(w)) {
        case I_NOP:
            break;
        case I_LOAD_CONST: {
            Obj *v = TUP_ITEMS(f->code->consts)[arg];
            INCREF(v);
            PUSH(v);
            break;
        }
        case I_LOAD_FAST: {
            Obj *v = f->fast[arg];
            if (!v) {
                err_format(&UnboundLocalErrorClass,
                           "cannot access local variable '%s' where it is not associated with a value",
                           STR_S(TUP_ITEMS(f->code->varnames)[arg]));
                goto error;
            }
            INCREF(v);
            PUSH(v);
            break;
        }
        case I_STORE_FAST:
            SETREF(f->fast[arg], POP());
            break;
        case I_DELETE_FAST:
            if (!f->fast[arg]) {
                err_format(&UnboundLocalErrorClass,
                           "cannot access local variable '%s' where it is not associated with a value",
                           STR_S(TUP_ITEMS(f->code->varnames)[arg]));
                goto error;
            }
            SETREF(f->fast[arg], NULL);
            break;
        case I_LOAD_DEREF: {
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
        case I_STORE_DEREF:
            SETREF(((CellObj *)f->cells[arg])->v, POP());
            break;
        case I_DELETE_DEREF:
            SETREF(((CellObj *)f->cells[arg])->v, NULL);
            break;
        case I_LOAD_CLOSURE:
            INCREF(f->cells[arg]);
            PUSH(f->cells[arg]);
            break;
        case I_LOAD_GLOBAL: {
            Obj *v = load_global(f, TUP_ITEMS(f->code->names)[arg]);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_STORE_GLOBAL:
        case I_STORE_NAME: { /* NAME: the class body's namespace */
            Obj *v = POP();
            dict_set(OPCODE(w) == I_STORE_NAME ? f->locals : f->globals, TUP_ITEMS(f->code->names)[arg], v);
            DECREF(v);
            break;
        }
        case I_DELETE_GLOBAL:
        case I_DELETE_NAME: {
            Obj *nm = TUP_ITEMS(f->code->names)[arg];
            if (dict_del(OPCODE(w) == I_DELETE_NAME ? f->locals : f->globals, nm) <= 0) {
                err_format(&NameErrorClass, "name '%s' is not defined", STR_S(nm));
                goto error;
            }
            break;
        }
        case I_LOAD_ATTR: {
            Obj *o = POP();
            Obj *v = obj_getattr(o, TUP_ITEMS(f->code->names)[arg]);
            if (!v) {
                Obj *e = err_fetch();
                suggest_attr_error(e, o, TUP_ITEMS(f->code->names)[arg]);
                if (e)
                    err_set(e);
            }
            DECREF(o);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_STORE_ATTR: {
            Obj *o = POP(), *v = POP();
            int r = obj_setattr(o, TUP_ITEMS(f->code->names)[arg], v);
            DECREF(o);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        case I_BINARY_SUBSCR: {
            Obj *k = POP(), *o = POP();
            Obj *v = op_getitem(o, k);
            DECREF(k);
            DECREF(o);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_STORE_SUBSCR: {
            Obj *k = POP(), *o = POP(), *v = POP();
            int r = op_setitem(o, k, v);
            DECREF(k);
            DECREF(o);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        case I_DELETE_SUBSCR: {
            Obj *k = POP(), *o = POP();
            int r = op_delitem(o, k);
            DECREF(k);
            DECREF(o);
            if (r < 0)
                goto error;
            break;
        }
        case I_POP_TOP:
            DECREF(POP());
            break;
        case I_DUP_TOP:
            INCREF(TOP());
            PUSH(TOP());
            break;
        case I_DUP_TOP_TWO: {
            Obj *a = PEEK(2), *b = PEEK(1);
            INCREF(a);
            INCREF(b);
            PUSH(a);
            PUSH(b);
            break;
        }
        case I_ROT_TWO: {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = a;
            break;
        }
        case I_ROT_THREE: {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = a;
            break;
        }
        case I_ROT_FOUR: {
            Obj *a = PEEK(1);
            PEEK(1) = PEEK(2);
            PEEK(2) = PEEK(3);
            PEEK(3) = PEEK(4);
            PEEK(4) = a;
            break;
        }
        case I_BINARY:
        case I_INPLACE: {
            Obj *b = POP(), *a = POP();
            Obj *v = OPCODE(w) == I_BINARY ? op_binary((Op)arg, a, b) : op_inplace((Op)arg, a, b);
            DECREF(a);
            DECREF(b);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_UNARY: {
            Obj *a = POP();
            Obj *v = op_unary((Op)arg, a);
            DECREF(a);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_COMPARE: {
            Obj *b = POP(), *a = POP();
            Obj *v = op_compare((Op)arg, a, b);
            DECREF(a);
            DECREF(b);
            if (!v)
                goto error;
            PUSH(v);
            break;
        }
        case I_JUMP:
            f->ip = arg;
            continue;
        case I_POP_JUMP_IF_FALSE:
        case I_POP_JUMP_IF_TRUE: {
            Obj *v = POP();
            int t = obj_truth(v);
            DECREF(v);
            if (t < 0)
                goto error;
            if (t == (OPCODE(w) == I_POP_JUMP_IF_TRUE)) {
                f->ip = arg;
                continue;
            }
            break;
        }
        case I_JUMP_IF_FALSE_OR_POP:
        case I_JUMP_IF_TRUE_OR_POP: {
            int t = obj_truth(TOP());
            if (t < 0)
                goto error;
            if (t == (OPCODE(w) == I_JUMP_IF_TRUE_OR_POP)) {
                f->ip = arg;
                continue;
            }
            DECREF(POP());
            break;
        }
        case I_BUILD_TUPLE: {
            Obj *t = tuple_new((size_t)arg);
            for (int i = arg - 1; i >= 0; i--)
                TUP_ITEMS(t)[i] = POP();
            PUSH(t);
            break;
        }
        case I_BUILD_LIST: {
            Obj *l = list_new((size_t)arg);
            for (int i = 0; i < arg; i++)
                LIST_ITEMS(l)[i] = PEEK(arg - i);
            ((ListObj *)l)->n = (size_t)arg;
            f->sp -= arg;
            PUSH(l);
            break;
        }
        case I_BUILD_DICT: {
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
        case I_BUILD_SLICE: {
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
        case I_BUILD_STRING: {
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
        case I_LIST_APPEND: {
            Obj *v = POP();
            list_append_steal(PEEK(arg), v);
            if (!op_check_size(LIST_N(PEEK(arg))))
                goto error;
            break;
        }
        case I_DICT_ADD: {
            Obj *v = POP(), *k = POP();
            int r = dict_set(PEEK(arg), k, v);
            DECREF(k);
            DECREF(v);
            if (r < 0)
                goto error;
            break;
        }
        case I_LIST_EXTEND: {
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
        case I_DICT_UPDATE: {
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
        case I_LIST_TO_TUPLE: {
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
        case I_FORMAT_VALUE: {
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
        case I_CALL:
        case I_CALL_KW: {
            Obj *kwnames = OPCODE(w) == I_CALL_KW ? POP() : NULL;
            int n = arg;
            int npos = kwnames ? n - (int)TUP_N(kwnames) : n;
            Obj *fn = PEEK(n + 1);
            Obj *r = vm_call(fn, &f->stack[f->sp - n], npos, kwnames);
            for (int i = 0; i < n + 1; i++)
                DECREF(POP());
            XDECREF(kwnames);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        case I_CALL_EX: {
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
        case I_MAKE_FUNCTION:
            PUSH(build_function(f, arg));
            break;
        case I_RETURN_VALUE:
            *out = POP();
            status = X_RETURN;
            goto leave;
        case I_GET_ITER: {
            Obj *o = POP();
            Obj *it = obj_iter(o);
            DECREF(o);
            if (!it)
                goto error;
            PUSH(it);
            break;
        }
        case I_FOR_ITER: {
            Obj *x = obj_next(TOP());
            if (x) {
                PUSH(x);
                break;
            }
            if (err_occurred())
                goto error;
            DECREF(POP());
            f->ip = arg;
            continue;
        }
        case I_UNPACK_SEQUENCE:
        case I_UNPACK_EX: {
            Obj *seq = POP();
            bool ok = OPCODE(w) == I_UNPACK_SEQUENCE ? unpack(f, seq, arg, 0, false)
                                                     : unpack(f, seq, arg & 0xff, arg >> 8, true);
            DECREF(seq);
            if (!ok)
                goto error;
            break;
        }
        case I_AWAIT: {
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
            int r = await_step(f, R_START, None, out);
            if (r == 0) {
                status = X_YIELD;
                goto leave; /* ip stays on AWAIT: resuming continues it */
            }
            if (r < 0)
                goto error;
            break;
        }
        case I_YIELD_VALUE:
            if (f->gen && IS(f->gen, AsyncGenClass))
                ((AsyncGenObj *)f->gen)->yielded = true;
            *out = POP();
            f->ip++;
            status = X_YIELD;
            goto leave;
        case I_SETUP_EXCEPT:
            push_block(f, B_EXCEPT, arg, f->sp);
            break;
        case I_SETUP_FINALLY:
            push_block(f, B_FINALLY, arg, f->sp);
            break;
        case I_POP_BLOCK:
            f->nblocks--;
            break;
        case I_POP_EXCEPT:
            if (f->nblocks && f->blocks[f->nblocks - 1].type == B_HANDLER)
                f->nblocks--;
            pop_handled(f);
            break;
        case I_END_ASYNC_FOR:
            if (class_is_sub(TOP()->cls, &StopAsyncIterationClass)) {
                DECREF(POP());
                f->nblocks--; /* the handler */
                pop_handled(f);
                DECREF(POP()); /* the async iterator */
                break;
            }
            /* fall through - any other exception is raised again */
        case I_RERAISE: {
            Obj *exc = POP();
            if (f->nblocks && f->blocks[f->nblocks - 1].type == B_HANDLER)
                f->nblocks--;
            pop_handled(f);
            err_set(exc);
            reraise = true;
            goto error;
        }
        case I_RAISE: {
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
        case I_CHECK_EXC_MATCH: {
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
        case I_IMPORT_NAME: {
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
        case I_IMPORT_FROM: {
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
        case I_LOAD_ASSERTION_ERROR:
            INCREF(&AssertionErrorClass);
            PUSH(&AssertionErrorClass.hdr);
            break;
        case I_LOAD_NAME: {
            Obj *nm = TUP_ITEMS(f->code->names)[arg];
            Obj *v = dict_get(f->locals, nm);
            if (v)
                INCREF(v);
            else if (!(v = load_global(f, nm)))
                goto error;
            PUSH(v);
            break;
        }
        case I_DELETE_ATTR: {
            Obj *o = POP();
            int r = obj_delattr(o, TUP_ITEMS(f->code->names)[arg]);
            DECREF(o);
            if (r < 0)
                goto error;
            break;
        }
        case I_BEFORE_WITH: {
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
            Obj *r = vm_call0(enter);
            DECREF(enter);
            DECREF(mgr);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        case I_SETUP_WITH:
            push_block(f, B_FINALLY, arg, f->sp - 1);
            break;
        case I_WITH_EXCEPT: {
            /* the traceback argument is None: loopscope has no traceback objects */
            Obj *exc = TOP();
            Obj *args[3] = {&exc->cls->hdr, exc, None};
            Obj *r = vm_call(PEEK(2), args, 3, NULL);
            if (!r)
                goto error;
            PUSH(r);
            break;
        }
        case I_GET_AITER: {
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
        case I_GET_ANEXT: {
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
        case I_AGEN_AWAIT: {
            /* the delegate (the generator) was set when the awaitable was made */
            int r = await_step(f, R_START, f->fast[1], out);
            if (r == 0) {
                status = X_YIELD;
                goto leave;
            }
            if (r < 0)
                goto error;
            break;
        }
        case I_BUILD_CLASS: {
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
        case I_EXCEPT_STAR_MATCH: {
            int m = except_star_match(f);
            if (m < 0)
                goto error;
            if (m == 0) {
                f->ip = arg;
                continue;
            }
            break;
        }
        case I_EXCEPT_STAR_END:
            except_star_end(f, arg);
            break;
        case I_EXCEPT_STAR_RERAISE: {
            Obj *exc = except_star_reraise(f);
            if (exc) {
                err_set(exc);
                reraise = true;
                goto error;
            }
            if (err_occurred())
                goto error;
            break;
        }
        case I_BUILD_SET:
        case I_SET_ADD:
        case I_SET_UPDATE:
            if (!set_instr(f, OPCODE(w), arg))
                goto error;
            break;
        default:
            die("bad opcode %d", OPCODE(w));
        }
        f->ip++;
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
            while (f->sp > b.level)
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
            f->ip = b.handler;
            handled = true;
            break;
        }
        if (handled)
            continue;
        while (f->sp > 0)
            DECREF(POP());
        keep_frame_locals(exc, f);
        err_set(exc);
        status = X_ERROR;
        goto leave;
    }
    }

leave:
    vm.current = f->back;
    f->back = NULL;
    if (counted)
        vm_recursion_leave();
    return status;
}
