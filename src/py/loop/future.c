/* future.c: Future and Task, mirroring asyncio's futures.py and tasks.py.
 * Owns: future state and done callbacks (always scheduled with call_soon,
 * never called directly), the task step (send into / throw into the
 * coroutine, then decide what the yielded value means), the wakeup done
 * callback, and cancellation (a pending cancel is delivered as a
 * CancelledError at the coroutine's next suspension point). */
#include "model.h"

#include "../front/pyver.h"

#include "../objects/ops.h"

#include <stddef.h>
#include <string.h>

/* ------------------------------------------------------------- futures */

static void future_dealloc(Obj *o)
{
    FutureObj *f = (FutureObj *)o;
    XDECREF(f->loop);
    XDECREF(f->result);
    XDECREF(f->exception);
    XDECREF(f->callbacks);
    XDECREF(f->cancel_msg);
    XDECREF(f->cancelled_exc);
    XDECREF(f->label);
    XDECREF(f->children);
}

static void future_state_repr(FutureObj *f, Buf *out)
{
    if (f->state == FUT_PENDING)
        buf_puts(out, "pending");
    else if (f->state == FUT_CANCELLED)
        buf_puts(out, "cancelled");
    else {
        buf_puts(out, "finished");
        if (f->exception) {
            buf_puts(out, " exception=");
            obj_repr(f->exception, out);
        } else if (f->result) {
            buf_puts(out, " result=");
            obj_repr(f->result, out);
        }
    }
}

static void future_repr(Obj *o, Buf *out)
{
    buf_puts(out, "<Future ");
    future_state_repr((FutureObj *)o, out);
    buf_putc(out, '>');
}

static AwaitStatus future_await(Obj *o, bool resumed, Obj **out);
static Obj *future_getattr(Obj *o, Obj *name);

/* asyncio.Future(*, loop=None): without a loop, the running loop or the
 * policy's current one (made and set on first use, as in 3.11). */
/* The loop=... argument of Future() and Task(): that loop, else the
 * running one, else the policy's (made and set on first use, as in 3.11).
 * NULL with an error raised. */
static LoopObj *loop_arg(Obj *arg, const char *who)
{
    if (arg && arg != None) {
        if (!IS(arg, LoopClass))
            return (LoopObj *)err_null(&TypeErrorClass, "%s(loop=...) needs an event loop", who);
        return (LoopObj *)arg;
    }
    return sim.running ? sim.running : asyncio_policy_loop();
}

static Obj *future_ctor(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if ((Class *)self != &FutureClass)
        return err_null(&TypeErrorClass, "cannot create '%s' instances", ((Class *)self)->name);
    if (nargs)
        return err_null(&TypeErrorClass, "Future() takes no positional arguments");
    static const char *const names[] = {"loop", NULL};
    Obj *a[1] = {NULL};
    if (!vm_parse_args("Future", args, nargs, kw, names, 0, a))
        return NULL;
    LoopObj *loop = loop_arg(a[0], "Future");
    return loop ? future_new(loop) : NULL;
}

/* Plain futures no one holds any more (a sleep's, a Queue waiter's), kept
 * for the next future_new (spares.c) with their emptied callbacks list
 * when nothing else holds it. Chained through the result field. Tasks and
 * subclasses are released as before. */
static Spares spare = {.link = offsetof(FutureObj, result)};

static void future_finalize(Obj *o)
{
    if (o->cls != &FutureClass || !spares_room(&spare))
        return;
    FutureObj *f = (FutureObj *)o;
    ListObj *cbs = (ListObj *)f->callbacks;
    if (cbs && (cbs->hdr.rc != 1 || cbs->n))
        cbs = NULL; /* another's, or with callbacks: released with f */
    else
        f->callbacks = NULL;
    future_dealloc(o);
    spares_keep(&spare, o);
    f->callbacks = (Obj *)cbs;
}

uint64_t future_spares_reused(void)
{
    return spare.reused;
}

void future_reset(void)
{
    spares_drain(&spare);
}

Class FutureClass = {.name = "Future", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(FutureObj),
                     .dealloc = future_dealloc, .repr = future_repr, .await_step = future_await,
                     .getattr = future_getattr, .ctor = future_ctor, .finalize = future_finalize,
                     .builtin = true};

Obj *future_new(LoopObj *loop)
{
    FutureObj *f = (FutureObj *)spares_take(&spare);
    if (!f)
        f = (FutureObj *)obj_alloc(&FutureClass, sizeof(FutureObj));
    INCREF(loop);
    f->loop = loop;
    if (!f->callbacks)
        f->callbacks = list_new(2);
    return &f->hdr;
}

bool future_done(Obj *f)
{
    return ((FutureObj *)f)->state != FUT_PENDING;
}

static Obj *task_wakeup_cb(Obj *self, Obj **args, int nargs, Obj *kw);

/* A done callback that is a task's wakeup (known by its C function: only
 * task_cb makes one) makes that task READY. */
static void note_wakeup(FutureObj *f, Obj *cb)
{
    if (IS(cb, BuiltinClass) && ((BuiltinObj *)cb)->fn == task_wakeup_cb)
        narr_task_woken((TaskObj *)((BuiltinObj *)cb)->self, f);
}

static uint64_t args_shared;

uint64_t future_args_shared(void)
{
    return args_shared;
}

/* args: a tuple whose first item is f, for the handle of a lone task
 * wakeup (a sleep's timer's (future, result)), or NULL; anything else gets
 * a new (f,). */
static void schedule_callbacks(FutureObj *f, Obj *args)
{
    internals_touch(f);
    /* a task's end is shown before anyone it wakes becomes READY */
    if (is_task(&f->hdr)) {
        narr_task_finished((TaskObj *)f);
        /* it steps no more: its callbacks (which hold it) go */
        Obj *step = ((TaskObj *)f)->step_cb, *wake = ((TaskObj *)f)->wake_cb;
        ((TaskObj *)f)->step_cb = ((TaskObj *)f)->wake_cb = NULL;
        XDECREF(step);
        XDECREF(wake);
    }
    narr_counts_done(f);
    /* the callbacks leave the list before any is scheduled (the list stays
     * f's, empty, and keeps its room: no new list per future done) */
    ListObj *l = (ListObj *)f->callbacks;
    size_t n = l->n;
    if (!n)
        return;
    Obj *cb0 = l->items[0];
    if (args && n == 1 && IS(cb0, BuiltinClass) && ((BuiltinObj *)cb0)->fn == task_wakeup_cb) {
        INCREF(args); /* a task's wakeup reads its first argument only */
        args_shared++;
    } else {
        args = tuple_new(1);
        INCREF(&f->hdr);
        TUP_ITEMS(args)[0] = &f->hdr;
    }
    if (n == 1) { /* nearly always (a task waiting): no copy of the list */
        Obj *cb = l->items[0];
        l->n = 0;
        loop_call_soon(f->loop, cb, args);
        note_wakeup(f, cb);
        DECREF(args);
        DECREF(cb);
        return;
    }
    Obj *few[4], **cbs = n <= 4 ? few : xmalloc(n * sizeof *cbs);
    memcpy(cbs, l->items, n * sizeof *cbs);
    l->n = 0;
    for (size_t i = 0; i < n; i++) {
        loop_call_soon(f->loop, cbs[i], args);
        note_wakeup(f, cbs[i]);
    }
    DECREF(args);
    for (size_t i = 0; i < n; i++)
        DECREF(cbs[i]);
    if (cbs != few)
        xfree(cbs);
}

void future_set_result_with(FutureObj *f, Obj *v, Obj *args)
{
    INCREF(v);
    SETREF(f->result, v);
    f->state = FUT_FINISHED;
    schedule_callbacks(f, args);
}

void future_set_result(FutureObj *f, Obj *v)
{
    future_set_result_with(f, v, NULL);
}

void future_set_exception(FutureObj *f, Obj *exc)
{
    INCREF(exc);
    SETREF(f->exception, exc);
    f->state = FUT_FINISHED;
    schedule_callbacks(f, NULL);
}

bool future_cancel(FutureObj *f, Obj *msg)
{
    if (f->state != FUT_PENDING)
        return false;
    f->state = FUT_CANCELLED;
    if (msg && msg != None) {
        INCREF(msg);
        SETREF(f->cancel_msg, msg);
    }
    schedule_callbacks(f, NULL);
    return true;
}

Obj *future_cancelled_error(FutureObj *f)
{
    if (f->cancelled_exc) {
        INCREF(f->cancelled_exc);
        return f->cancelled_exc;
    }
    if (f->cancel_msg) {
        Obj *args = tuple_pack(1, f->cancel_msg);
        Obj *e = exc_new(&CancelledErrorClass, args);
        DECREF(args);
        return e;
    }
    return exc_new(&CancelledErrorClass, NULL);
}

Obj *future_result(FutureObj *f)
{
    if (f->state == FUT_CANCELLED) {
        err_set(future_cancelled_error(f));
        return NULL;
    }
    if (f->state != FUT_FINISHED)
        return err_null(&InvalidStateErrorClass, "Result is not set.");
    f->retrieved = true;
    if (f->exception) {
        INCREF(f->exception);
        err_set(f->exception);
        return NULL;
    }
    INCREF(f->result);
    return f->result;
}

void future_add_callback(FutureObj *f, Obj *cb)
{
    internals_touch(f);
    if (f->state != FUT_PENDING) {
        Obj *args = tuple_pack(1, &f->hdr);
        loop_call_soon(f->loop, cb, args);
        DECREF(args);
        note_wakeup(f, cb);
    } else {
        list_append(f->callbacks, cb);
        f->counted |= narr_may_count(cb);
    }
}

static AwaitStatus future_await(Obj *o, bool resumed, Obj **out)
{
    FutureObj *f = (FutureObj *)o;
    if (f->state == FUT_PENDING) {
        if (resumed) {
            err_format(&RuntimeErrorClass, "await wasn't used with future");
            return AW_ERROR;
        }
        f->blocking = true;
        INCREF(o);
        *out = o;
        return AW_SUSPEND;
    }
    *out = future_result(f);
    return *out ? AW_DONE : AW_ERROR;
}

Obj *future_plain_label(const FutureObj *f)
{
    return f->label && !f->until && !(f->children && f->state != FUT_PENDING) ? f->label : NULL;
}

void future_describe(FutureObj *f, Buf *out)
{
    if (f->children && f->state != FUT_PENDING) {
        buf_printf(out, "gather of %zu", TUP_N(f->children));
    } else if (f->label) {
        buf_putn(out, STR_S(f->label), STR_LEN(f->label));
        if (f->until) /* a sleep's words, made only when read (narr_until_label) */
            narr_until_words(f, out);
    } else if (is_task(&f->hdr)) {
        TaskObj *t = (TaskObj *)f;
        buf_puts(out, "task ");
        if (t->rec_id >= 0)
            rec_put_ref(out, t->rec_id);
        else
            buf_puts(out, STR_S(t->coro_name));
    } else {
        buf_puts(out, "a future");
    }
}

/* ------------------------------------------------------ Future methods */

#define NOARGS(name)                                      \
    (void)args;                                           \
    if (!vm_check_nargs(name, nargs, kw, 0, 0))           \
        return NULL;                                      \
    FutureObj *f = (FutureObj *)self

static Obj *fm_result(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("result");
    return future_result(f);
}

static Obj *fm_exception(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("exception");
    if (f->state == FUT_CANCELLED) {
        err_set(future_cancelled_error(f));
        return NULL;
    }
    if (f->state != FUT_FINISHED)
        return err_null(&InvalidStateErrorClass, "Exception is not set.");
    f->retrieved = true;
    Obj *e = f->exception ? f->exception : None;
    INCREF(e);
    return e;
}

static Obj *fm_done(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("done");
    return bool_new(f->state != FUT_PENDING);
}

static Obj *fm_cancelled(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("cancelled");
    return bool_new(f->state == FUT_CANCELLED);
}

static Obj *fm_get_loop(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("get_loop");
    INCREF(f->loop);
    return &f->loop->hdr;
}

static Obj *fm_make_cancelled_error(Obj *self, Obj **args, int nargs, Obj *kw)
{
    NOARGS("_make_cancelled_error");
    return future_cancelled_error(f);
}

static Obj *fm_add_done_callback(Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"fn", "context", NULL};
    Obj *a[2];
    if (!vm_parse_args("add_done_callback", args, nargs, kw, names, 1, a))
        return NULL;
    future_add_callback((FutureObj *)self, a[0]);
    return none_new();
}

static Obj *fm_remove_done_callback(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("remove_done_callback", nargs, kw, 1, 1))
        return NULL;
    FutureObj *f = (FutureObj *)self;
    Obj *keep = list_new(LIST_N(f->callbacks));
    int64_t removed = 0;
    /* a callback's __eq__ may add or remove callbacks: hold the list and
     * each item, and read the length afresh */
    Obj *cbs = f->callbacks, *cb;
    INCREF(cbs);
    for (size_t i = 0; (cb = seq_get_ref(cbs, i)); i++) {
        int eq = obj_eq(cb, args[0]);
        if (eq == 1)
            removed++;
        else if (eq == 0)
            list_append(keep, cb);
        DECREF(cb);
        if (eq < 0) {
            DECREF(cbs);
            DECREF(keep);
            return NULL;
        }
    }
    DECREF(cbs);
    internals_touch(f);
    internals_epoch++; /* a sleep's timer's words name the task it wakes */
    SETREF(f->callbacks, keep);
    return int_new(removed);
}

static bool check_pending(FutureObj *f)
{
    if (f->state != FUT_PENDING) {
        Buf b;
        buf_init(&b);
        future_state_repr(f, &b);
        err_format(&InvalidStateErrorClass, "invalid state");
        buf_free(&b);
        return false;
    }
    return true;
}

static Obj *fm_set_result(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("set_result", nargs, kw, 1, 1))
        return NULL;
    FutureObj *f = (FutureObj *)self;
    if (is_task(self))
        return err_null(&RuntimeErrorClass, "Task does not support set_result operation");
    if (!check_pending(f))
        return NULL;
    future_set_result(f, args[0]);
    return none_new();
}

static Obj *fm_set_exception(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("set_exception", nargs, kw, 1, 1))
        return NULL;
    FutureObj *f = (FutureObj *)self;
    if (is_task(self))
        return err_null(&RuntimeErrorClass, "Task does not support set_exception operation");
    if (!check_pending(f))
        return NULL;
    Obj *exc = args[0];
    if (IS(exc, ClassClass) && ((Class *)exc)->is_exception)
        exc = vm_call0(exc);
    else
        INCREF(exc);
    if (!exc)
        return NULL;
    if (!exc->cls->is_exception) {
        DECREF(exc);
        return err_null(&TypeErrorClass, "invalid exception object");
    }
    if (class_is_sub(exc->cls, &StopIterationClass)) {
        DECREF(exc);
        return err_null(&TypeErrorClass, "StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    future_set_exception(f, exc);
    DECREF(exc);
    return none_new();
}

static bool gathering_cancel(FutureObj *f, Obj *msg);

static Obj *fm_cancel(Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"msg", NULL};
    Obj *a[1];
    if (!vm_parse_args("cancel", args, nargs, kw, names, 0, a))
        return NULL;
    FutureObj *f = (FutureObj *)self;
    if (f->children)
        return bool_new(gathering_cancel(f, a[0]));
    return bool_new(future_cancel(f, a[0]));
}

static Obj *bind_method(Obj *o, Obj *name)
{
    Obj *v = class_lookup(o->cls, name);
    if (!v)
        return err_null(&AttributeErrorClass, "'%s' object has no attribute '%s'", o->cls->name, STR_S(name));
    if (IS(v, BuiltinClass) && !((BuiltinObj *)v)->self)
        return builtin_new(((BuiltinObj *)v)->name, ((BuiltinObj *)v)->fn, o);
    INCREF(v);
    return v;
}

static Obj *future_getattr(Obj *o, Obj *name)
{
    FutureObj *f = (FutureObj *)o;
    if (str_eq_c(name, "_cancel_message")) {
        Obj *m = f->cancel_msg ? f->cancel_msg : None;
        INCREF(m);
        return m;
    }
    if (str_eq_c(name, "_cancel_requested"))
        return bool_new(f->cancel_requested);
    if (str_eq_c(name, "_loop")) {
        INCREF(f->loop);
        return &f->loop->hdr;
    }
    return bind_method(o, name);
}

/* --------------------------------------------------- gathering futures */

/* gather's outer future: cancelling it cancels the children instead. */
static bool gathering_cancel(FutureObj *f, Obj *msg)
{
    if (f->state != FUT_PENDING)
        return false;
    bool ret = false;
    for (size_t i = 0; i < TUP_N(f->children); i++) {
        Obj *child = TUP_ITEMS(f->children)[i];
        if (!vm_recursion_enter(" while calling a Python object"))
            return false;
        Obj *cancel = obj_getattr_c(child, "cancel");
        Obj *r = !cancel ? NULL : msg && msg != None ? vm_call1(cancel, msg) : vm_call0(cancel);
        XDECREF(cancel);
        vm_recursion_leave();
        if (!r)
            return false;
        if (obj_truth(r) == 1)
            ret = true;
        DECREF(r);
    }
    if (ret)
        f->cancel_requested = true;
    return ret;
}

/* ---------------------------------------------------------------- tasks */

static void task_dealloc(Obj *o)
{
    TaskObj *t = (TaskObj *)o;
    XDECREF(t->coro);
    XDECREF(t->name);
    XDECREF(t->coro_name);
    XDECREF(t->note);
    XDECREF(t->context);
    XDECREF(t->fut_waiter);
    XDECREF(t->step_cb);
    XDECREF(t->wake_cb);
    future_dealloc(o);
}

static void task_repr(Obj *o, Buf *out)
{
    TaskObj *t = (TaskObj *)o;
    buf_puts(out, "<Task ");
    future_state_repr(&t->fut, out);
    buf_printf(out, " name='%s' coro=<%s()>>", STR_S(t->name), STR_S(t->coro_name));
}

static Obj *task_ctor(Obj *self, Obj **args, int nargs, Obj *kw);

Class TaskClass = {.name = "Task", .kind = K_OTHER, .base = &FutureClass, .size = sizeof(TaskObj),
                   .dealloc = task_dealloc, .repr = task_repr, .await_step = future_await,
                   .getattr = future_getattr, .ctor = task_ctor, .builtin = true};

static Obj *task_step_cb(Obj *self, Obj **args, int nargs, Obj *kw);
static Obj *task_wakeup_cb(Obj *self, Obj **args, int nargs, Obj *kw);

static bool task_step_in_context(TaskObj *t, Obj *exc);
static bool task_eager_start(TaskObj *t);

/* t's step (wake false) or wakeup callback, a new reference: made once and
 * kept on the task until it is done, not made for every hop. */
static Obj *task_cb(TaskObj *t, bool wake)
{
    Obj **slot = wake ? &t->wake_cb : &t->step_cb;
    if (!*slot)
        *slot = wake ? builtin_new("task_wakeup", task_wakeup_cb, &t->fut.hdr)
                     : builtin_new("task_step", task_step_cb, &t->fut.hdr);
    INCREF(*slot);
    return *slot;
}

/* A new task for coro on loop: named name (None: the next Task-N), its
 * first step scheduled, or run at once when eager (task_new_eager). */
static Obj *task_make(LoopObj *loop, Obj *coro, Obj *name, bool eager)
{
    if (!IS(coro, CoroClass)) {
        Buf b;
        buf_init(&b);
        obj_repr(coro, &b);
        err_format(&TypeErrorClass, "a coroutine was expected, got %s", b.s);
        buf_free(&b);
        return NULL;
    }
    TaskObj *t = (TaskObj *)obj_alloc(&TaskClass, sizeof(TaskObj));
    INCREF(loop);
    t->fut.loop = loop;
    t->fut.callbacks = list_new(2);
    INCREF(coro);
    t->coro = coro;
    t->context = context_copy(); /* contextvars: the task runs in a copy of the creator's */
    ((GenObj *)coro)->awaited = true;
    t->coro_name = ((GenObj *)coro)->name;
    INCREF(t->coro_name);
    if (!name || name == None) {
        Buf b;
        buf_init(&b);
        buf_puts(&b, "Task-"); /* no printf: every task nobody named */
        buf_put_uint(&b, (unsigned long long)++sim.task_counter);
        t->name = str_from_buf(&b);
        buf_free(&b);
    } else {
        t->name = obj_str_new(name);
        if (!t->name) {
            DECREF(t);
            return NULL;
        }
    }
    /* asyncio.run's own shutdown tasks use up Task-N numbers but are never shown */
    bool hidden = gen_is_library(coro) && STR_S(t->coro_name)[0] == '_' &&
                  strcmp(STR_S(t->coro_name), "_wrap_awaitable") != 0; /* that one CPython's trace shows */
    t->rec_id = hidden ? -1 : rec_task_new(sim.rec, STR_S(t->name), STR_S(t->coro_name), false);
    narr_task_call(t, coro, name && name != None);
    list_append(loop->tasks, &t->fut.hdr);
    if (eager && loop->running && sim.running == loop)
        return task_eager_start(t) ? &t->fut.hdr : NULL;
    Obj *step = task_cb(t, false);
    loop_call_soon(loop, step, NULL);
    DECREF(step);
    narr_task_created(t);
    return &t->fut.hdr;
}

Obj *task_new(LoopObj *loop, Obj *coro, Obj *name) { return task_make(loop, coro, name, false); }

Obj *task_new_eager(LoopObj *loop, Obj *coro, Obj *name) { return task_make(loop, coro, name, true); }

/* asyncio.Task(coro, *, loop=None, name=None, context=None), and from
 * 3.12 eager_start=False: what a custom task factory calls (the context
 * is taken and not used: a task runs in a copy of its creator's). */
static Obj *task_ctor(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if ((Class *)self != &TaskClass)
        return err_null(&TypeErrorClass, "cannot create '%s' instances", ((Class *)self)->name);
    static const char *const names[] = {"coro", "loop", "name", "context", "eager_start", NULL};
    Obj *a[5] = {NULL};
    if (nargs > 1)
        return err_null(&TypeErrorClass, "Task() takes at most 1 positional argument (%d given)", nargs);
    if (pyver_minor() < 12 && kw && dict_get_c(kw, "eager_start"))
        return err_null(&TypeErrorClass, "'eager_start' is an invalid keyword argument for Task()");
    if (!vm_parse_args("Task", args, nargs, kw, names, 1, a))
        return NULL;
    LoopObj *loop = loop_arg(a[1], "Task");
    if (!loop)
        return NULL;
    int eager = a[4] ? obj_truth(a[4]) : 0;
    if (eager < 0)
        return NULL;
    return task_make(loop, a[0], a[2] ? a[2] : None, eager);
}

/* Task.__init__'s eager start (3.12+): the first step runs here, inside
 * the creator's step, with the new task as the current one. An exception
 * of the coroutine ends the task, as in any step; only a stop of the run
 * (a limit) comes back as false, with the task returned to no one. */
static bool task_eager_start(TaskObj *t)
{
    t->eager = true;
    t->eager_from = sim.current;
    bool ok = task_step_in_context(t, NULL);
    if (ok)
        narr_task_eager_back(t);
    t->eager = false;
    t->eager_from = NULL;
    if (!ok)
        DECREF(&t->fut.hdr);
    return ok;
}

/* Mirror of Task.__step: run the coroutine until it suspends or ends. */
static bool task_step(TaskObj *t, Obj *exc)
{
    if (t->fut.state != FUT_PENDING) {
        err_format(&InvalidStateErrorClass, "_step(): already done");
        return false;
    }
    Obj *thrown = NULL;
    if (t->must_cancel) {
        if (!exc || !class_is_sub(exc->cls, &CancelledErrorClass))
            thrown = future_cancelled_error(&t->fut);
        t->must_cancel = false;
    }
    if (!thrown && exc) {
        INCREF(exc);
        thrown = exc;
    }
    internals_touch(t);
    SETREF(t->fut_waiter, NULL);
    TaskObj *prev = sim.current;
    sim.current = t;
    bool first = ((GenObj *)t->coro)->state == GEN_CREATED;
    t->started = true;
    narr_task_running(t, first, thrown);
    Obj *out = NULL;
    GenResult r = thrown ? gen_throw(t->coro, thrown, &out) : gen_send(t->coro, None, &out);
    XDECREF(thrown);
    bool ok = true;
    INCREF(&t->fut.hdr);
    if (r == GEN_RETURNED) {
        if (t->must_cancel) {
            t->must_cancel = false;
            t->returned = true; /* the trace says done: the coroutine returned */
            future_cancel(&t->fut, t->fut.cancel_msg);
        } else {
            future_set_result(&t->fut, out);
        }
    } else if (r == GEN_RAISED) {
        Obj *e = err_fetch();
        if (class_is_sub(e->cls, &LimitErrorClass)) {
            err_set(e);
            ok = false;
        } else if (class_is_sub(e->cls, &CancelledErrorClass)) {
            SETREF(t->fut.cancelled_exc, e);
            future_cancel(&t->fut, NULL);
        } else {
            future_set_exception(&t->fut, e);
            if (class_is_sub(e->cls, &KeyboardInterruptClass) || class_is_sub(e->cls, &SystemExitClass)) {
                err_set(e);
                ok = false;
            } else {
                DECREF(e);
            }
        }
    } else if (out != None && is_future(out)) {
        FutureObj *w = (FutureObj *)out;
        Obj *bad = NULL;
        if (w->loop != t->fut.loop) {
            bad = exc_new_msg(&RuntimeErrorClass, "Task %s got Future attached to a different loop",
                              STR_S(t->name));
        } else if (w->blocking) {
            if (w == &t->fut) {
                bad = exc_new_msg(&RuntimeErrorClass, "Task cannot await on itself: %s", STR_S(t->name));
            } else {
                w->blocking = false;
                Obj *wake = task_cb(t, true);
                future_add_callback(w, wake);
                DECREF(wake);
                INCREF(w);
                internals_touch(t);
                SETREF(t->fut_waiter, w);
                narr_task_suspended(t, out);
                if (t->must_cancel) {
                    Obj *cancel = obj_getattr_c(&w->hdr, "cancel");
                    Obj *res = cancel ? (t->fut.cancel_msg ? vm_call1(cancel, t->fut.cancel_msg) : vm_call0(cancel))
                                      : NULL;
                    XDECREF(cancel);
                    if (!res) {
                        ok = false;
                    } else {
                        internals_epoch++; /* a queued step's words say it */
                        if (obj_truth(res) == 1)
                            t->must_cancel = false;
                        DECREF(res);
                    }
                }
            }
        } else {
            bad = exc_new_msg(&RuntimeErrorClass, "yield was used instead of yield from in task %s",
                              STR_S(t->name));
        }
        if (bad) {
            Obj *step = task_cb(t, false);
            Obj *args = tuple_pack(1, bad);
            loop_call_soon(t->fut.loop, step, args);
            narr_task_suspended(t, None);
            DECREF(args);
            DECREF(step);
            DECREF(bad);
        }
    } else if (out == None) {
        Obj *step = task_cb(t, false);
        loop_call_soon(t->fut.loop, step, NULL);
        DECREF(step);
        narr_task_suspended(t, None);
    } else {
        Buf b;
        buf_init(&b);
        obj_repr(out, &b);
        Obj *bad = exc_new_msg(&RuntimeErrorClass, "Task got bad yield: %s", b.s);
        buf_free(&b);
        Obj *step = task_cb(t, false);
        Obj *args = tuple_pack(1, bad);
        loop_call_soon(t->fut.loop, step, args);
        narr_task_suspended(t, None);
        DECREF(args);
        DECREF(step);
        DECREF(bad);
    }
    XDECREF(out);
    sim.current = prev;
    DECREF(&t->fut.hdr);
    return ok;
}

/* One step of a task, inside the task's own context (contextvars). */
static bool task_step_in_context(TaskObj *t, Obj *exc)
{
    Obj *prev = context_swap(t->context);
    bool ok = task_step(t, exc);
    context_leave(&t->context, prev);
    return ok;
}

static Obj *task_step_cb(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)kw;
    if (!task_step_in_context((TaskObj *)self, nargs > 0 ? args[0] : NULL))
        return NULL;
    return none_new();
}

static Obj *task_wakeup_cb(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)kw;
    if (nargs < 1)
        return none_new();
    FutureObj *fut = (FutureObj *)args[0];
    Obj *r = future_result(fut);
    bool ok;
    if (r) {
        DECREF(r);
        ok = task_step_in_context((TaskObj *)self, NULL);
    } else {
        Obj *e = err_fetch();
        ok = task_step_in_context((TaskObj *)self, e);
        DECREF(e);
    }
    return ok ? none_new() : NULL;
}

/* The loop queued a wakeup for a task whose wait is over: tell the narrator.
 * Called from future callbacks scheduling (see narr in schedule path). */

/* -------------------------------------------------------- Task methods */

static Obj *tm_get_name(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("get_name", nargs, kw, 0, 0))
        return NULL;
    INCREF(((TaskObj *)self)->name);
    return ((TaskObj *)self)->name;
}

static Obj *tm_set_name(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("set_name", nargs, kw, 1, 1))
        return NULL;
    Obj *s = obj_str_new(args[0]);
    if (!s)
        return NULL;
    SETREF(((TaskObj *)self)->name, s);
    if (((TaskObj *)self)->rec_id >= 0)
        rec_task_rename(sim.rec, ((TaskObj *)self)->rec_id, STR_S(s));
    return none_new();
}

static Obj *tm_get_coro(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("get_coro", nargs, kw, 0, 0))
        return NULL;
    INCREF(((TaskObj *)self)->coro);
    return ((TaskObj *)self)->coro;
}

/* future_cancel_all's sweep number, and whether one is running */
static uint64_t sweep;
static bool sweep_active;

static Obj *tm_cancel(Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"msg", NULL};
    Obj *a[1];
    if (!vm_parse_args("cancel", args, nargs, kw, names, 0, a))
        return NULL;
    TaskObj *t = (TaskObj *)self;
    if (t->fut.state != FUT_PENDING)
        return bool_new(false);
    t->num_cancels_requested++;
    if (sweep_active && t->cancel_sweep == sweep) {
        /* cancelled by this sweep already: its waiter chain has the
         * request. CPython walks the chain again (quadratic for a chain of
         * tasks, in an order it leaves open); the outcome is the same
         * CancelledError in each task. */
        internals_epoch++; /* a queued step's words say it */
        if (t->fut_waiter && t->fut_waiter->state != FUT_PENDING)
            t->must_cancel = true;
        return bool_new(true);
    }
    if (sweep_active)
        t->cancel_sweep = sweep;
    if (t->fut_waiter) {
        /* the waiter may be a task waiting on a task ...: a chain of
         * cancels, one level of the depth budget each (CPython's C call) */
        if (!vm_recursion_enter(" while calling a Python object"))
            return NULL;
        Obj *cancel = obj_getattr_c(&t->fut_waiter->hdr, "cancel");
        Obj *r = !cancel ? NULL : a[0] ? vm_call1(cancel, a[0]) : vm_call0(cancel);
        XDECREF(cancel);
        vm_recursion_leave();
        if (!r)
            return NULL;
        int yes = obj_truth(r);
        DECREF(r);
        if (yes == 1)
            return bool_new(true);
    }
    t->must_cancel = true;
    internals_epoch++; /* a queued step's words say it */
    XINCREF(a[0] && a[0] != None ? a[0] : NULL);
    SETREF(t->fut.cancel_msg, a[0] && a[0] != None ? a[0] : NULL);
    return bool_new(true);
}

int future_cancel_all(Obj *tasks)
{
    sweep++;
    sweep_active = true;
    int rc = 0;
    Obj *t;
    for (size_t i = 0; rc == 0 && (t = seq_get_ref(tasks, i)); i++) {
        Obj *cancel = obj_getattr_c(t, "cancel");
        Obj *r = cancel ? vm_call0(cancel) : NULL;
        XDECREF(cancel);
        rc = r ? 0 : -1;
        XDECREF(r);
        DECREF(t);
    }
    sweep_active = false;
    return rc;
}

static Obj *tm_cancelling(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("cancelling", nargs, kw, 0, 0))
        return NULL;
    return int_new(((TaskObj *)self)->num_cancels_requested);
}

static Obj *tm_uncancel(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("uncancel", nargs, kw, 0, 0))
        return NULL;
    TaskObj *t = (TaskObj *)self;
    if (t->num_cancels_requested > 0) {
        t->num_cancels_requested--;
        /* 3.13: the last request taken back withdraws a cancellation not
         * yet delivered (3.11 and 3.12 still deliver it) */
        internals_epoch++; /* a queued step's words say it */
        if (t->num_cancels_requested == 0 && pyver_minor() >= 13)
            t->must_cancel = false;
    }
    return int_new(t->num_cancels_requested);
}

void future_init_class(void)
{
    class_init(&FutureClass);
    class_init(&TaskClass);
    if (FutureClass.dict)
        return;
    class_add_method(&FutureClass, "result", fm_result);
    class_add_method(&FutureClass, "exception", fm_exception);
    class_add_method(&FutureClass, "done", fm_done);
    class_add_method(&FutureClass, "cancelled", fm_cancelled);
    class_add_method(&FutureClass, "get_loop", fm_get_loop);
    class_add_method(&FutureClass, "add_done_callback", fm_add_done_callback);
    class_add_method(&FutureClass, "remove_done_callback", fm_remove_done_callback);
    class_add_method(&FutureClass, "set_result", fm_set_result);
    class_add_method(&FutureClass, "set_exception", fm_set_exception);
    class_add_method(&FutureClass, "cancel", fm_cancel);
    class_add_method(&FutureClass, "_make_cancelled_error", fm_make_cancelled_error);
    class_add_method(&TaskClass, "get_name", tm_get_name);
    class_add_method(&TaskClass, "set_name", tm_set_name);
    class_add_method(&TaskClass, "get_coro", tm_get_coro);
    class_add_method(&TaskClass, "cancel", tm_cancel);
    class_add_method(&TaskClass, "cancelling", tm_cancelling);
    class_add_method(&TaskClass, "uncancel", tm_uncancel);
}
