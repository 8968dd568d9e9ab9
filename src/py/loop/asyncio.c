/* asyncio.c: the modules a scenario can import (asyncio and time), the C
 * primitives the Python prelude (prelude.py) builds the rest of asyncio
 * on, and the runner that loads a scenario and runs it once. */
#include "../py.h"

#include "model.h"

#include "../objects/agen.h"
#include "../front/code.h"
#include "../front/lex.h"
#include "../front/parse.h"
#include "../front/pyver.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char prelude_py[];

/* A deadlock stops the run the same way a limit does: no handler sees it. */
Class DeadlockClass = {.name = "Deadlock", .kind = K_EXC, .base = &LimitErrorClass, .size = sizeof(ExcObj),
                       .is_exception = true, .builtin = true};

static const char *const asyncio_exports[] = {
    "run", "create_task", "gather", "sleep", "get_event_loop", "set_event_loop", "get_running_loop", "new_event_loop",
    "current_task", "all_tasks", "ensure_future", "iscoroutine", "isfuture", "Future", "Task",
    "CancelledError", "TimeoutError", "InvalidStateError", "wait_for", "wait", "as_completed", "shield",
    "timeout", "timeout_at", "Timeout", "TaskGroup", "Lock", "Event", "Condition", "Semaphore",
    "BoundedSemaphore", "Queue", "PriorityQueue", "LifoQueue", "QueueEmpty", "QueueFull",
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED",
    "to_thread", "wrap_future", /* executors (docs/threads.md) */
    "Runner", "Barrier", "iscoroutinefunction",
    "exceptions", "IncompleteReadError", "LimitOverrunError", "SendfileNotAvailableError", "BrokenBarrierError",
    NULL,
};
static const char *const time_exports[] = {"sleep", "time", "monotonic", "perf_counter", NULL};
static const ModuleSpec asyncio_spec = {"asyncio", asyncio_exports, NULL, false};
/* the C half of time; src/py/lib/time.py is the module scenarios import */
static const ModuleSpec time_spec = {"_ctime", time_exports, NULL, false};
/* worker threads and processes (executor.c, functools.c) */
static const char *const futures_exports[] = {"ThreadPoolExecutor", "ProcessPoolExecutor", "Executor", "Future",
                                              "CancelledError", NULL};
static const char *const functools_exports[] = {"partial", NULL};
static const ModuleSpec futures_spec = {"concurrent.futures", futures_exports, NULL, false};
/* the C half of functools; src/py/lib/functools.py is the module scenarios import */
static const ModuleSpec functools_spec = {"_functools", functools_exports, NULL, false};
static const ModuleSpec *const modules[] = {&asyncio_spec, &time_spec, &futures_spec, &functools_spec, NULL};

/* -------------------------------------------------- await-once object */

static AwaitStatus yield_await(Obj *o, bool resumed, Obj **out)
{
    (void)o;
    INCREF(None);
    *out = None;
    return resumed ? AW_DONE : AW_SUSPEND;
}

static Class YieldClass = {.name = "_YieldNow", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(Obj),
                           .await_step = yield_await, .builtin = true};

/* ---------------------------------------------------------- primitives */

#define PRIM(fname) static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kw)

PRIM(p_get_running_loop)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_get_running_loop", nargs, kw, 0, 0))
        return NULL;
    Obj *l = sim.running ? &sim.running->hdr : None;
    INCREF(l);
    return l;
}

/* CPython 3.11's default policy: the main thread gets a loop made and set
 * on first use, unless set_event_loop was ever called (asyncio.run calls it
 * on the way in and out, so after a run there is no current loop). */
static bool loop_set_called;
static Obj *loops_made; /* list: every loop new_event_loop or the policy made */

static Obj *loop_made(void)
{
    Obj *l = loop_new();
    if (!loops_made)
        loops_made = list_new(2);
    list_append(loops_made, l);
    return l;
}

LoopObj *asyncio_policy_loop(void)
{
    if (!sim.event_loop && !loop_set_called) {
        /* 3.12 and 3.13 still make the loop, with a DeprecationWarning
         * (3.11.7 makes it silently) */
        if (pyver_minor() >= 12)
            narr_warn("There is no current event loop",
                      "asyncio.get_event_loop() outside a running loop: Python 3.12+ still makes a new loop "
                      "here but warns (DeprecationWarning): use asyncio.run() or new_event_loop()");
        loop_set_called = true;
        sim.event_loop = (LoopObj *)loop_made();
    }
    if (!sim.event_loop)
        err_format(&RuntimeErrorClass, "There is no current event loop in thread 'MainThread'.");
    return sim.event_loop;
}

PRIM(p_get_event_loop)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_get_event_loop", nargs, kw, 0, 0))
        return NULL;
    LoopObj *l = asyncio_policy_loop();
    if (!l)
        return NULL;
    INCREF(&l->hdr);
    return &l->hdr;
}

PRIM(p_set_event_loop)
{
    (void)self;
    if (!vm_check_nargs("_set_event_loop", nargs, kw, 1, 1))
        return NULL;
    if (args[0] != None && !IS(args[0], LoopClass))
        return err_null(&TypeErrorClass, "loop must be an instance of AbstractEventLoop or None, not '%s'",
                        obj_type_name(args[0]));
    loop_set_called = true;
    XDECREF(sim.event_loop);
    sim.event_loop = NULL;
    if (args[0] != None) {
        INCREF(args[0]);
        sim.event_loop = (LoopObj *)args[0];
    }
    return none_new();
}

PRIM(p_new_loop)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_new_loop", nargs, kw, 0, 0))
        return NULL;
    return loop_made();
}

PRIM(p_iscoroutine)
{
    (void)self;
    if (!vm_check_nargs("iscoroutine", nargs, kw, 1, 1))
        return NULL;
    return bool_new(IS(args[0], CoroClass));
}

/* The code flags of a function, under bound methods and functools.partial:
 * what asyncio.iscoroutinefunction and the inspect module test. */
int asyncio_code_flags(Obj *f)
{
    for (;;) {
        if (IS(f, BoundClass))
            f = ((BoundObj *)f)->func;
        else if (IS(f, PartialClass))
            f = partial_func(f);
        else
            break;
    }
    return IS(f, FuncClass) ? ((FuncObj *)f)->code->flags : 0;
}

PRIM(p_iscoroutinefunction)
{
    (void)self;
    if (!vm_check_nargs("iscoroutinefunction", nargs, kw, 1, 1))
        return NULL;
    return bool_new((asyncio_code_flags(args[0]) & CO_COROUTINE) != 0);
}

PRIM(p_isfuture)
{
    (void)self;
    if (!vm_check_nargs("isfuture", nargs, kw, 1, 1))
        return NULL;
    return bool_new(is_future(args[0]));
}

PRIM(p_current_task)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("current_task", nargs, kw, 0, 0))
        return NULL;
    Obj *t = sim.current ? &sim.current->fut.hdr : None;
    INCREF(t);
    return t;
}

/* Pending tasks of a loop in creation order (loopscope's rule where
 * CPython iterates a set). */
PRIM(p_all_tasks)
{
    (void)self;
    if (!vm_check_nargs("_all_tasks", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], LoopClass))
        return err_null(&TypeErrorClass, "expected an event loop");
    LoopObj *l = (LoopObj *)args[0];
    Obj *keep = list_new(LIST_N(l->tasks));
    Obj *out = list_new(LIST_N(l->tasks));
    for (size_t i = 0; i < LIST_N(l->tasks); i++) {
        Obj *t = LIST_ITEMS(l->tasks)[i];
        if (!future_done(t)) {
            list_append(keep, t);
            list_append(out, t);
        }
    }
    SETREF(l->tasks, keep);
    return out;
}

/* _cancel_all(tasks): task.cancel() on each, in linear time. */
PRIM(p_cancel_all)
{
    (void)self;
    if (!vm_check_nargs("_cancel_all", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], ListClass))
        return err_null(&TypeErrorClass, "expected a list of tasks");
    return future_cancel_all(args[0]) < 0 ? NULL : none_new();
}

PRIM(p_yield_now)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_yield_now", nargs, kw, 0, 0))
        return NULL;
    return obj_alloc(&YieldClass, sizeof(Obj));
}

bool asyncio_set_label(Obj *fut, Obj *label, bool quiet)
{
    if (!is_future(fut) || !IS(label, StrClass)) {
        err_format(&TypeErrorClass, "_set_label(future, str[, quiet])");
        return false;
    }
    FutureObj *f = (FutureObj *)fut;
    /* the same words again (narrate.c already counted the change): no step */
    bool same = f->label && !f->until && STR_LEN(f->label) == STR_LEN(label) && str_eq_c(f->label, STR_S(label));
    INCREF(label);
    SETREF(f->label, label);
    f->until = false;
    if (!same && !quiet) /* quiet: the next step tells it */
        narr_label_changed(f);
    return true;
}

PRIM(p_set_label)
{
    (void)self;
    if (!vm_check_nargs("_set_label", nargs, kw, 2, 3))
        return NULL;
    int quiet = nargs < 3 ? 0 : obj_truth(args[2]);
    return asyncio_set_label(args[0], args[1], quiet > 0) ? none_new() : NULL;
}

/* _group_label(running, total): a TaskGroup's waiting words (narrate.c) */
PRIM(p_group_label)
{
    (void)self;
    if (!vm_check_nargs("_group_label", nargs, kw, 2, 2))
        return NULL;
    if (!is_int(args[0]) || !is_int(args[1]))
        return err_null(&TypeErrorClass, "_group_label(running, total)");
    int64_t running = int_value(args[0]), total = int_value(args[1]);
    Buf b;
    buf_init(&b);
    narr_group_label(running > 0 ? (size_t)running : 0, total > running ? (size_t)total : (size_t)(running > 0 ? running : 0),
                     &b);
    return str_from_buf(&b);
}

/* _track(obj, on=True): a Lock, Semaphore, Event or Queue the internals
 * view shows (internals.c). */
PRIM(p_track)
{
    (void)self;
    if (!vm_check_nargs("_track", nargs, kw, 1, 2))
        return NULL;
    internals_track(args[0], nargs < 2 || obj_truth(args[1]) > 0);
    return none_new();
}

PRIM(p_describe)
{
    (void)self;
    if (!vm_check_nargs("_describe", nargs, kw, 1, 1))
        return NULL;
    if (!is_future(args[0]))
        return err_null(&TypeErrorClass, "_describe(future)");
    Buf b;
    buf_init(&b);
    future_describe((FutureObj *)args[0], &b);
    Obj *r = str_from_buf(&b);
    buf_free(&b);
    return r;
}

static TaskObj *task_arg(const char *fname, Obj *o)
{
    if (!class_is_sub(CLS(o), &TaskClass)) {
        err_format(&TypeErrorClass, "%s(task, ...)", fname);
        return NULL;
    }
    return (TaskObj *)o;
}

/* _who(task): words that read as the task's label on screen (a reference
 * to it in the recording), its name for a task the screen does not show */
bool asyncio_who(Obj *task, Buf *out)
{
    TaskObj *t = task_arg("_who", task);
    if (!t)
        return false;
    if (t->rec_id >= 0)
        rec_put_ref(out, t->rec_id);
    else
        buf_puts(out, STR_S(t->name));
    return true;
}

PRIM(p_who)
{
    (void)self;
    if (!vm_check_nargs("_who", nargs, kw, 1, 1))
        return NULL;
    Buf b;
    buf_init(&b);
    if (!asyncio_who(args[0], &b)) {
        buf_free(&b);
        return NULL;
    }
    return str_from_buf(&b);
}

/* _set_note(task, str or None): the deadline shown after its waiting label */
PRIM(p_set_note)
{
    (void)self;
    if (!vm_check_nargs("_set_note", nargs, kw, 2, 2))
        return NULL;
    TaskObj *t = task_arg("_set_note", args[0]);
    if (!t)
        return NULL;
    if (args[1] != None && !IS(args[1], StrClass))
        return err_null(&TypeErrorClass, "_set_note(task, str or None)");
    XINCREF(args[1] == None ? NULL : args[1]);
    SETREF(t->note, args[1] == None ? NULL : args[1]);
    return none_new();
}

PRIM(p_get_note)
{
    (void)self;
    if (!vm_check_nargs("_get_note", nargs, kw, 1, 1))
        return NULL;
    TaskObj *t = task_arg("_get_note", args[0]);
    if (!t)
        return NULL;
    Obj *n = t->note ? t->note : None;
    INCREF(n);
    return n;
}

PRIM(p_loop_begin)
{
    (void)self;
    (void)args;
    (void)nargs;
    (void)kw;
    narr_loop_begin();
    return none_new();
}

PRIM(p_loop_end)
{
    (void)self;
    (void)kw;
    /* the tasks asyncio.run cancelled at the end, or None if it never got there */
    long left = nargs >= 1 && is_int(args[0]) ? (long)int_value(args[0]) : -1;
    narr_loop_end(left);
    return none_new();
}

/* ------------------------------------- async generator hooks (lang-async) */

/* CPython's loop sets sys.set_asyncgen_hooks while it runs: an async
 * generator's first iteration registers it with the running loop (it gets
 * this finalizer), and when it is freed unfinished the finalizer schedules
 * loop.create_task(agen.aclose()), which uses up a Task-N number. */
PRIM(p_asyncgen_finalizer)
{
    if (!vm_check_nargs("_asyncgen_finalizer_hook", nargs, kw, 1, 1))
        return NULL;
    if (((LoopObj *)self)->closed || !IS(args[0], AsyncGenClass))
        return none_new();
    Obj *create = obj_getattr_c(self, "create_task");
    if (!create)
        return NULL;
    Obj *aclose = agen_aclose(args[0]);
    Obj *cargs = tuple_pack(1, aclose);
    loop_call_soon((LoopObj *)self, create, cargs);
    DECREF(cargs);
    DECREF(aclose);
    DECREF(create);
    return none_new();
}

static Obj *hook_asyncgen_firstiter(void *ud, Obj *agen)
{
    (void)ud;
    (void)agen;
    if (!sim.running)
        return NULL;
    return builtin_new("_asyncgen_finalizer_hook", p_asyncgen_finalizer, &sim.running->hdr);
}

/* _asyncgens(loop): the live async generators registered with loop (its
 * shutdown_asyncgens closes them), in the order they started. */
PRIM(p_asyncgens)
{
    (void)self;
    if (!vm_check_nargs("_asyncgens", nargs, kw, 1, 1))
        return NULL;
    Obj *all = agen_live();
    Obj *out = list_new(LIST_N(all));
    for (size_t i = 0; i < LIST_N(all); i++) {
        Obj *fin = ((AsyncGenObj *)LIST_ITEMS(all)[i])->finalizer;
        if (IS(fin, BuiltinClass) && ((BuiltinObj *)fin)->self == args[0])
            list_append(out, LIST_ITEMS(all)[i]);
    }
    DECREF(all);
    return out;
}

/* ---------------------------------------------------------------- time */

static bool number(Obj *o, double *out)
{
    if (is_int(o))
        *out = (double)int_value(o);
    else if (IS(o, FloatClass))
        *out = FLOAT_V(o);
    else {
        err_format(&TypeErrorClass, "'%s' object cannot be interpreted as an integer", obj_type_name(o));
        return false;
    }
    return true;
}

PRIM(t_sleep)
{
    (void)self;
    if (!vm_check_nargs("sleep", nargs, kw, 1, 1))
        return NULL;
    double d;
    if (!number(args[0], &d))
        return NULL;
    /* CPython 3.11's checks, in its order; a NaN or infinite clock would
     * never let the run end */
    if (isnan(d))
        return err_null(&ValueErrorClass, "Invalid value NaN (not a number)");
    if (isinf(d) || isinf(sim.now + d) || isinf(executor_thread_clock() + d))
        return err_null(&OverflowErrorClass, "timestamp out of range for platform time_t");
    if (d < 0)
        return err_null(&ValueErrorClass, "sleep length must be non-negative");
    if (executor_in_thread()) { /* only the worker's own clock moves */
        executor_thread_sleep(d);
        return none_new();
    }
    double from = sim.now;
    double to = sim.now + d;
    if (!sim_clock_may_reach(to) || !executor_run_until(to)) /* what worker threads do meanwhile */
        return NULL;
    sim.now = to;
    narr_block(from, sim.now, vm_current_line());
    if (!narr_check_room())
        return NULL;
    return none_new();
}

PRIM(t_time)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("time", nargs, kw, 0, 0))
        return NULL;
    return float_new(executor_clock());
}

/* ------------------------------------------------------------- modules */

static void add_fn(Obj *module, const char *name, CFunc fn)
{
    Obj *b = builtin_new(name, fn, NULL);
    dict_set_c(((ModuleObj *)module)->dict, name, b);
    DECREF(b);
}

static void add_obj(Obj *module, const char *name, Obj *v)
{
    dict_set_c(((ModuleObj *)module)->dict, name, v);
}

static Obj *time_module_new(void)
{
    Obj *m = module_new("_ctime");
    add_fn(m, "sleep", t_sleep);
    add_fn(m, "time", t_time);
    add_fn(m, "monotonic", t_time);
    add_fn(m, "perf_counter", t_time);
    return m;
}

static Source *prelude_src;

static Obj *asyncio_module_new(void)
{
    Obj *m = module_new("asyncio");
    add_fn(m, "_get_running_loop", p_get_running_loop);
    add_fn(m, "_get_event_loop", p_get_event_loop);
    add_fn(m, "_set_event_loop", p_set_event_loop);
    add_fn(m, "_new_loop", p_new_loop);
    add_fn(m, "_iscoroutine", p_iscoroutine);
    add_fn(m, "_isfuture", p_isfuture);
    add_fn(m, "_iscoroutinefunction", p_iscoroutinefunction);
    add_fn(m, "_current_task", p_current_task);
    add_fn(m, "_all_tasks", p_all_tasks);
    add_fn(m, "_cancel_all", p_cancel_all);
    add_fn(m, "_yield_now", p_yield_now);
    add_fn(m, "_set_label", p_set_label);
    add_fn(m, "_describe", p_describe);
    add_fn(m, "_track", p_track);
    add_fn(m, "_who", p_who);
    add_fn(m, "_group_label", p_group_label);
    add_fn(m, "_set_note", p_set_note);
    add_fn(m, "_get_note", p_get_note);
    add_fn(m, "_loop_begin", p_loop_begin);
    add_fn(m, "_loop_end", p_loop_end);
    add_fn(m, "_asyncgens", p_asyncgens);
    executor_add_prims(m);
    sleep_add_prims(((ModuleObj *)m)->dict);
    sync_add_prims(((ModuleObj *)m)->dict);
    gather_add_prims(((ModuleObj *)m)->dict);
    add_obj(m, "Future", &FutureClass.hdr);
    add_obj(m, "Task", &TaskClass.hdr);
    add_obj(m, "CancelledError", &CancelledErrorClass.hdr);
    add_obj(m, "TimeoutError", &TimeoutErrorClass.hdr);
    add_obj(m, "InvalidStateError", &InvalidStateErrorClass.hdr);
    add_obj(m, "__name__", ((ModuleObj *)m)->name);
    /* the version the prelude follows, as (3, minor): hidden from scenarios
     * like every underscore name of the prelude */
    Obj *three = int_new(3), *minor = int_new(pyver_minor());
    Obj *ver = tuple_pack(2, three, minor);
    add_obj(m, "_PYVER", ver);
    DECREF(ver);
    DECREF(three);
    DECREF(minor);

    if (!prelude_src)
        prelude_src = source_from_string("<asyncio>", prelude_py, strlen(prelude_py));
    LangError err = {0};
    Arena *arena = arena_new();
    Node *tree = parse_module(prelude_src, arena, &err);
    CodeObj *code = tree ? compile_module(tree, prelude_src, NULL, CO_LIBRARY, &err) : NULL;
    arena_free(arena);
    if (!code) {
        source_print_error(stderr, prelude_src, &err);
        die("the built-in asyncio prelude does not compile");
    }
    Obj *r = vm_run_module(code, ((ModuleObj *)m)->dict);
    DECREF(code);
    if (!r) {
        Obj *e = err_fetch();
        vm_print_traceback(e, stderr);
        die("the built-in asyncio prelude failed to load");
    }
    DECREF(r);
    executor_bind_prelude(((ModuleObj *)m)->dict);
    sync_bind_prelude(((ModuleObj *)m)->dict);
    sleep_bind_prelude(((ModuleObj *)m)->dict);
    gather_bind_prelude(((ModuleObj *)m)->dict);
    /* the loop's coroutine methods are written in the prelude */
    static const char *const loop_methods[] = {"shutdown_asyncgens", "shutdown_default_executor"};
    for (size_t i = 0; i < sizeof loop_methods / sizeof loop_methods[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "_loop_%s", loop_methods[i]);
        Obj *f = dict_get_c(((ModuleObj *)m)->dict, name);
        if (f)
            dict_set_c(LoopClass.dict, loop_methods[i], f);
    }
    /* aiter() and anext(), written in the prelude (a program that uses them
     * has imported asyncio) */
    static const char *const builtins[] = {"aiter", "anext"};
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "_builtin_%s", builtins[i]);
        Obj *f = dict_get_c(((ModuleObj *)m)->dict, name);
        if (f)
            dict_set_c(vm_builtins(), builtins[i], f);
    }
    return m;
}

/* -------------------------------------------------------------- runner */

static void hook_print(void *ud, const char *text, size_t len)
{
    (void)ud;
    if (!sim.stopped && !executor_print(text, len))
        narr_print(text, len);
}

static void hook_never_awaited(void *ud, GenObj *coro)
{
    (void)ud;
    if (!sim.stopped)
        narr_never_awaited(coro);
}

/* The oracle's gc.collect() after the program: a loop that was never closed
 * and is not the policy's current loop is garbage. CPython warns that it is
 * unclosed, and its pending tasks' coroutines are closed, so their finally
 * blocks run (tasks in creation order). Then the module's names go, in the
 * order they were bound, which frees coroutines kept in globals (a never-
 * awaited one warns). */
static void teardown_garbage(Obj *globals)
{
    for (size_t i = 0; loops_made && i < LIST_N(loops_made); i++) {
        LoopObj *l = (LoopObj *)LIST_ITEMS(loops_made)[i];
        if (l->closed || l == sim.event_loop || l->running)
            continue;
        narr_warn("unclosed event loop <_UnixSelectorEventLoop running=False closed=False debug=False>",
                  "an event loop was dropped without loop.close(): its pending tasks are destroyed and "
                  "their coroutines closed, so their finally blocks run now");
        l->closed = true;
        Obj *tasks = l->tasks;
        INCREF(tasks);
        for (size_t k = 0; k < LIST_N(tasks); k++) {
            TaskObj *t = (TaskObj *)LIST_ITEMS(tasks)[k];
            if (!future_done(&t->fut.hdr) && t->coro && IS(t->coro, CoroClass) &&
                ((GenObj *)t->coro)->state == GEN_SUSPENDED)
                gen_close(t->coro);
            err_clear();
        }
        DECREF(tasks);
    }
    Obj *keys = list_new(8);
    size_t pos = 0;
    Obj *k, *v;
    while (dict_next(globals, &pos, &k, &v))
        list_append(keys, k);
    for (size_t i = 0; i < LIST_N(keys); i++) {
        if (dict_set(globals, LIST_ITEMS(keys)[i], None) < 0)
            err_clear();
    }
    DECREF(keys);
}

static char *docstring(const Node *mod)
{
    if (mod->list.len == 0)
        return NULL;
    const Node *first = mod->list.items[0];
    if (first->kind != N_EXPR || first->a->kind != N_STR)
        return NULL;
    return xstrndup(first->a->str, first->a->len);
}

bool sim_clock_may_reach(double t)
{
    if (!(t > sim.until))
        return true;
    if (sim.until > sim.now)
        sim.now = sim.until; /* the run stops at the time asked for */
    char when[40];
    snprintf(when, sizeof when, "%.15g", sim.until);
    err_format(&LimitErrorClass,
               "the run reached its time limit, t = %s (--until); the scenario was stopped there", when);
    return false;
}

/* A deadlock or a limit ended the run: its step, and the same words for
 * stderr (a trace piped elsewhere still explains exit 1). Steals exc. */
static void end_stopped(Obj *exc)
{
    bool deadlock = class_is_sub(exc->cls, &DeadlockClass);
    sim.stopped = true; /* nothing after the final line reaches the trace */
    if (deadlock)
        narr_deadlock();
    else
        narr_limit(exc);
    Buf b;
    buf_init(&b);
    buf_puts(&b, deadlock ? "loopscope: deadlock: " : "loopscope: ");
    obj_str(exc, &b);
    buf_puts(&b, deadlock ? "; real Python would wait forever here\n" : "\n");
    rec_set_status(sim.rec, 1, b.s);
    buf_free(&b);
    DECREF(exc);
}

/* A scenario loaded, compiled and ready to run (the VM is set up). */
struct SimRun {
    CodeObj *code;
    Buf warnings;   /* compile-time warnings: line, message, each NUL-terminated */
};

/* CPython's compile-time warnings (invalid escape sequences, `is` with a
 * literal), written as `warn` lines before the program's first line runs,
 * as CPython prints them while it compiles the file. w holds
 * "LINE\0MESSAGE\0" pairs. */
static void emit_compile_warnings(Buf *w)
{
    for (size_t i = 0; i < w->len;) {
        const char *line = w->s + i;
        i += strlen(line) + 1;
        const char *msg = w->s + i;
        i += strlen(msg) + 1;
        char caption[300];
        if (msg[0] == '"') /* "is" with a literal */
            snprintf(caption, sizeof caption,
                     "line %s: CPython's SyntaxWarning as it compiles the file: `is` asks whether two values "
                     "are one object, which a literal never promises; == compares values", line);
        else
            snprintf(caption, sizeof caption,
                     "line %s: CPython's %s as it compiles the file: a backslash that starts no "
                     "escape stays in the string (r'...' says so on purpose)",
                     line, pyver_minor() >= 12 ? "SyntaxWarning" : "DeprecationWarning");
        narr_warn(msg, caption);
    }
    buf_free(w);
}

SimRun *sim_load(const Source *src, const SimOptions *opt, LangError *err)
{
    SimOptions o = opt ? *opt : (SimOptions){0};
    if (!o.max_steps)
        o.max_steps = 1000000;
    if (!o.max_ops)
        o.max_ops = 50000000;
    if (!o.max_depth)
        o.max_depth = 1000;
    if (o.max_depth > SIM_MAX_DEPTH)
        o.max_depth = SIM_MAX_DEPTH;
    if (!o.max_items)
        o.max_items = 10000000;
    if (!o.max_memory)
        o.max_memory = SIM_MAX_MEMORY_MB;

    if (!stdlib_check_directives(src, err))
        return NULL;
    /* the version first: the grammar, the library and sys follow it */
    int asked = pyver_directive(src, err);
    if (asked < 0)
        return NULL;
    pyver_set(o.python ? o.python : asked ? asked : PYVER_DEFAULT);
    Arena *arena = arena_new();
    const LexWarning *warned = NULL;
    Node *tree = parse_module_warned(src, arena, err, &warned);
    if (!tree) {
        arena_free(arena);
        return NULL;
    }
    Buf warnings;
    buf_init(&warnings);
    for (const LexWarning *w = warned; w; w = w->next) {
        buf_printf(&warnings, "%d", w->line);
        buf_putc(&warnings, '\0');
        buf_putn(&warnings, w->msg, strlen(w->msg) + 1);
    }
    VMHooks hooks = {.print = hook_print, .never_awaited = hook_never_awaited,
                     .asyncgen_firstiter = hook_asyncgen_firstiter, .import_module = stdlib_import};
    VMLimits limits = {.max_ops = 0, .max_depth = o.max_depth, .max_items = o.max_items,
                        .max_memory = o.max_memory > SIZE_MAX >> 20 ? SIZE_MAX : o.max_memory << 20};
    vm_init(&hooks, &limits);
    stdlib_set_scenario(src);
    CodeObj *code = compile_module_warned(tree, src, stdlib_specs(modules), 0, err, &warnings);
    char *doc = docstring(tree);
    arena_free(arena);
    if (!code) {
        xfree(doc);
        buf_free(&warnings);
        vm_shutdown();
        return NULL;
    }

    memset(&sim, 0, sizeof sim);
    loop_set_called = false;
    context_reset();
    sim.until = o.until_set && o.until >= 0 ? o.until : INFINITY;
    buf_init(&sim.pending);
    sim.rec = rec_new(o.max_steps);
    rec_set_narrator(sim.rec, narr_words);
    rec_set_info(sim.rec, src->path, doc);
    xfree(doc);
    char runtime[32];
    snprintf(runtime, sizeof runtime, "Python 3.%d", pyver_minor());
    rec_set_runtime(sim.rec, runtime);
    /* an exception's dealloc/free_mem (static in obj.c) are not inherited:
     * without them a Deadlock leaks its args and traceback */
    DeadlockClass.dealloc = LimitErrorClass.dealloc;
    DeadlockClass.free_mem = LimitErrorClass.free_mem;
    class_init(&DeadlockClass);
    class_init(&YieldClass);
    loop_init_class();
    future_init_class();
    executor_init_class();
    executor_reset();
    Obj *time_mod = time_module_new();
    Obj *asyncio_mod = asyncio_module_new();
    Obj *futures_mod = executor_module_new();
    Obj *functools_mod = functools_module_new();
    stdlib_add_module(time_mod);
    stdlib_add_module(asyncio_mod);
    stdlib_add_module(futures_mod);
    stdlib_add_module(functools_mod);
    /* asyncio's submodule, as CPython's asyncio imports it: asyncio.exceptions.X */
    Obj *exc_name = str_from("asyncio.exceptions");
    Obj *exc_mod = stdlib_import(NULL, exc_name);
    DECREF(exc_name);
    if (!exc_mod)
        die("the built-in module asyncio.exceptions failed to load");
    Obj *exc_dict = ((ModuleObj *)exc_mod)->dict;
    static const char *const reexport[] = {"IncompleteReadError", "LimitOverrunError",
                                           "SendfileNotAvailableError", "BrokenBarrierError", NULL};
    for (const char *const *r = reexport; *r; r++)
        dict_set_c(((ModuleObj *)asyncio_mod)->dict, *r, dict_get_c(exc_dict, *r));
    DECREF(exc_mod);
    DECREF(time_mod);
    DECREF(asyncio_mod);
    DECREF(futures_mod);
    DECREF(functools_mod);

    /* the scenario's own limits start now, not during the prelude */
    ((VMLimits *)vm_limits())->max_ops = vm_ops() + o.max_ops;

    SimRun *run = xcalloc(1, sizeof *run);
    run->code = code;
    run->warnings = warnings;
    return run;
}

bool sim_python_parse(const char *text, int *minor) { return pyver_parse(text, minor); }

Recording *sim_recording(const SimRun *run)
{
    (void)run;
    return sim.rec;
}

/* sys.exit(code) ended the program (the SystemExit is fetched): CPython's
 * exit status, and the message it writes to standard error for a code that
 * is not an int or None. Not an error: the program's end runs as usual. */
static int system_exit_status(char **message)
{
    Obj *exc = err_fetch();
    Obj *args = ((ExcObj *)exc)->args;
    Obj *code = !args || TUP_N(args) == 0 ? None : TUP_N(args) == 1 ? TUP_ITEMS(args)[0] : args;
    int status = 0;
    *message = NULL;
    if (IS(code, IntClass) || IS(code, BoolClass)) {
        status = (int)(INT_V(code) & 0xff);
    } else if (code != None) {
        Buf b;
        buf_init(&b);
        obj_str(code, &b);
        err_clear();
        buf_putc(&b, '\n');
        *message = xstrdup(b.s);
        buf_free(&b);
        status = 1;
    }
    DECREF(exc);
    return status;
}

SimStatus sim_exec(SimRun *run)
{
    CodeObj *code = run->code;
    Buf warnings = run->warnings;
    xfree(run);
    /* this thread's C stack and memory count: sim_load may have run on
     * another thread (the viewer's, docs/longrun.md) */
    vm_stack_here();
    vm_memory_start();
    emit_compile_warnings(&warnings);
    Obj *globals = dict_new();
    Obj *name = str_from("__main__");
    dict_set_c(globals, "__name__", name);
    DECREF(name);
    Obj *r = vm_run_module(code, globals);
    DECREF(code);
    SimStatus status = SIM_OK;
    char *exit_message = NULL;
    int exit_status = 0;
    if (!r && err_matches(&SystemExitClass)) {
        exit_status = system_exit_status(&exit_message);
        r = none_new();
    }
    if (!r) {
        Obj *exc = err_fetch();
        status = SIM_FAILED;
        sim.stopped = true; /* nothing after the final line reaches the trace */
        if (class_is_sub(exc->cls, &LimitErrorClass)) {
            end_stopped(exc);
            exc = NULL;
        } else {
            char *text = NULL;
            size_t size = 0;
            FILE *mem = open_memstream(&text, &size);
            vm_print_traceback(exc, mem);
            fclose(mem);
            narr_error(exc);
            rec_set_status(sim.rec, 1, text);
            free(text); /* open_memstream's, from libc */
        }
        XDECREF(exc);
    } else {
        DECREF(r);
        if (exit_status || exit_message) {
            rec_set_status(sim.rec, exit_status, exit_message ? exit_message : "");
            xfree(exit_message);
        }
        /* the program waits for its worker threads before it exits */
        if (!executor_run_until(INFINITY)) {
            if (err_matches(&LimitErrorClass)) { /* --until, the step limit */
                status = SIM_FAILED;
                end_stopped(err_fetch());
            }
            err_clear();
            sim.stopped = true;
        }
    }
    vm_memory_stop(); /* the run is over: what comes next is loopscope's */
    /* dropping the module's names may free never-awaited coroutines */
    if (status == SIM_OK) {
        teardown_garbage(globals);
        dict_set_c(globals, "__name__", None);
        DECREF(globals);
        obj_collect(); /* lang-async: the oracle's gc.collect() after the run */
        narr_flush_print();
    } else {
        DECREF(globals);
    }
    err_clear();
    XDECREF(sim.event_loop);
    sim.event_loop = NULL;
    XDECREF(loops_made);
    loops_made = NULL;
    context_reset();
    executor_reset();
    internals_reset();
    shortcut_reset();
    sleep_reset();
    loop_reset();
    future_reset();
    sync_reset();
    gather_reset();
    narr_reset();
    buf_free(&sim.pending);
    vm_shutdown();
    rec_finish(sim.rec);
    return status;
}

SimStatus sim_run(const Source *src, const SimOptions *opt, Recording **rec_out, LangError *err)
{
    *rec_out = NULL;
    SimRun *run = sim_load(src, opt, err);
    if (!run)
        return SIM_LOAD_ERROR;
    *rec_out = sim_recording(run);
    return sim_exec(run);
}
