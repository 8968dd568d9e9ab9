/* vm.c: the interpreter's lifecycle, frames, argument binding and calls.
 * Owns: vm_init/vm_shutdown and the interpreter state (vm), the C stack,
 * operation and memory budgets, frames (new, free, current line), binding
 * arguments to parameters, vm_call and its argument-checking helpers, and
 * running a module. Leaves to vm_gen.c generator and coroutine objects
 * (send/throw/close, the await chain), to vm_traceback.c printing
 * tracebacks, to vm_eval.c executing bytecode (they share vm_int.h);
 * operator semantics to ops.c, built-in functions to builtins.c, the event
 * loop to src/py/loop. */
#include "vm.h"
#include "vm_int.h"

#include "../../base/pool.h"

#include "../objects/agen.h"
#include "builtins.h"
#include "stackdepth.h"
#include "suggest.h"
#include "../objects/klass.h"
#include "../objects/exgroup.h"
#include "../objects/ops.h"
#include "../objects/set.h"

#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>


VMState vm;

/* ------------------------------------------------------------ lifecycle */


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

bool stack_exhausted(void)
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

void ops_limit_error(void)
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

/* How often a frame's value stack outgrew its code's computed depth
 * (stackdepth.c): 0 unless that computation misses an instruction's push. */
static uint64_t stack_grows;
uint64_t vm_stack_grows(void) { return stack_grows; }

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

/* A frame's block: the frame, its locals, its cells and its first stack. */
static size_t frame_size(size_t nfast, size_t ncells, size_t nstack)
{
    return sizeof(Frame) + sizeof(Obj *) * (nfast + ncells + nstack);
}

/* The stack a frame of code starts with: the depth stackdepth.c finds,
 * computed at the code's first frame (as many frames are made before any
 * runs: 10,000 tasks' coroutines), and raised when a frame still had to
 * grow (frame_grow_stack). Not a fixed maximum: most code needs a few
 * slots, and every suspended coroutine keeps its frame. */
enum { FRAME_STACK_MAX = 256 };

static int frame_stack_of(CodeObj *code)
{
    if (!code->stackhint) {
        int d = stackdepth_of(code);
        code->stackhint = d > FRAME_STACK_MAX ? FRAME_STACK_MAX : d;
    }
    return code->stackhint;
}

Frame *frame_new(CodeObj *code, FuncObj *func, Obj *globals)
{
    /* one block from the pool (src/base/pool.h) for the frame, its locals,
     * its cells and a first stack: a call makes and frees one on every hop */
    size_t nfast = (size_t)code->nlocals;
    size_t ncells = TUP_N(code->cellnames) + TUP_N(code->freenames);
    int nstack = frame_stack_of(code);
    Frame *f = pool_alloc_inline(frame_size(nfast, ncells, (size_t)nstack));
    f->code = code;
    INCREF(code);
    f->func = func;
    XINCREF(func);
    f->globals = globals;
    INCREF(globals);
    f->nfast = (int)nfast;
    f->fast = (Obj **)(f + 1);
    f->ncells = (int)ncells;
    f->cells = f->fast + nfast;
    f->stackcap = nstack;
    f->stack0 = (uint16_t)nstack;
    f->stack = f->cells + ncells;
    return f;
}

void frame_grow_stack(Frame *f, int cap)
{
    if (cap <= f->stackcap)
        return;
    stack_grows++;
    size_t old = sizeof(Obj *) * (size_t)f->stackcap, size = sizeof(Obj *) * (size_t)cap;
    if (f->stack_own) {
        f->stack = pool_realloc(f->stack, old, size);
    } else {
        Obj **s = pool_alloc(size);
        memcpy(s, f->stack, old);
        f->stack = s;
        f->stack_own = true;
    }
    f->stackcap = cap;
    if (f->code->stackhint < cap && cap <= FRAME_STACK_MAX)
        f->code->stackhint = cap; /* the code's next frames start with this */
}

/* Give back a frame's C memory, not the objects it refers to. */
static void frame_free_mem(Frame *f)
{
    if (f->stack_own)
        pool_free(f->stack, sizeof(Obj *) * (size_t)f->stackcap);
    if (f->blocks) /* most frames never had a block or a handled exception */
        pool_free(f->blocks, sizeof(Block) * (size_t)f->capblocks);
    if (f->handled)
        pool_free(f->handled, sizeof(Obj *) * (size_t)f->caphandled);
    pool_free_inline(f, frame_size((size_t)f->nfast, (size_t)f->ncells, f->stack0));
}

void frame_free(Frame *f)
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
    CodeObj *code = f->code;
    FuncObj *func = f->func;
    Obj *globals = f->globals;
    frame_free_mem(f);
    DECREF(code);
    XDECREF(func);
    DECREF(globals);
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
    frame_free_mem(f);
    g->frame = NULL;
}

int frame_line(const Frame *f)
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
/* Add a missing argument's name to the list the error gives. */
static void name_missing(Buf *names, int before, Obj *name)
{
    if (!names->s)
        buf_init(names);
    if (before)
        buf_puts(names, ", ");
    buf_printf(names, "'%s'", STR_S(name));
}

static bool bind_args(Frame *f, FuncObj *fn, Obj **args, int nargs, Obj *kwnames)
{
    CodeObj *co = fn->code;
    int argc = co->argcount, kwo = co->kwonlycount;
    Obj **fast = f->fast;
    if (nargs == argc && !kwnames && !kwo && !fn->closure && !(co->flags & (CO_VARARGS | CO_VARKW)) &&
        !TUP_N(co->cellnames)) {
        /* the common call: exactly the positional parameters, nothing else to bind */
        for (int i = 0; i < nargs; i++) {
            INCREF(args[i]);
            fast[i] = args[i];
        }
        return true;
    }
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
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
    Buf names = {0}; /* filled only for an error: most calls never touch it */
    for (int i = 0; i < argc; i++) {
        if (fast[i])
            continue;
        int d = i - (argc - ndef);
        if (d >= 0) {
            /* NOLINTNEXTLINE(clang-analyzer-core.NullDereference): d >= 0 with i < argc means ndef > 0, so fn->defaults is set */
            fast[i] = TUP_ITEMS(fn->defaults)[d];
            INCREF(fast[i]);
        } else {
            name_missing(&names, missing++, TUP_ITEMS(co->varnames)[i]);
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
            name_missing(&names, missing++, TUP_ITEMS(co->varnames)[i]);
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

/* --------------------------------------------------------------- calls */

/* Call fn; locals: the namespace a class body runs in (borrowed), or NULL. */
Obj *run_function(FuncObj *fn, Obj **args, int nargs, Obj *kwnames, Obj *locals)
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
