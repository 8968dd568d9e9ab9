/* loop.c: the event loop: handles, the ready queue, the timer heap and one
 * loop iteration, following base_events._run_once: jump the clock when
 * nothing is ready, move due timers (deadline < now + 1e-9) to the ready
 * queue, then run exactly the handles queued when the iteration began.
 * Futures and tasks are in future.c; the Python-visible API in asyncio.c. */
#include "model.h"
#include "../../base/esc.h"

#include "../vm/builtins.h"
#include "../objects/ops.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLOCK_RESOLUTION 1e-9

/* ---------------------------------------------------------------- handles */

static void handle_dealloc(Obj *o)
{
    HandleObj *h = (HandleObj *)o;
    XDECREF(h->callback);
    XDECREF(h->args);
}

static void handle_repr(Obj *o, Buf *out)
{
    HandleObj *h = (HandleObj *)o;
    buf_puts(out, h->timer ? "<TimerHandle" : "<Handle");
    if (h->cancelled)
        buf_puts(out, " cancelled");
    if (h->timer) {
        buf_puts(out, " when=");
        Obj *w = float_new(h->when);
        obj_repr(w, out);
        DECREF(w);
    }
    buf_putc(out, '>');
}

/* Handles no one holds any more, kept for the next handle_new (spares.c):
 * a task's every hop makes one or two (its step or wakeup, a sleep's
 * timer). Chained through the callback field. */
static Spares spare = {.link = offsetof(HandleObj, callback)};

static void handle_finalize(Obj *o)
{
    spares_offer(&spare, o, handle_dealloc);
}

uint64_t loop_handles_reused(void)
{
    return spare.reused;
}

Class HandleClass = {.name = "TimerHandle", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(HandleObj),
                     .dealloc = handle_dealloc, .repr = handle_repr, .finalize = handle_finalize,
                     .builtin = true};

/* The () of every handle without arguments (a task's step) and of every
 * cancelled one, shared this run: a tuple is never changed. */
static Obj *no_args;

static Obj *empty_args(void)
{
    if (!no_args)
        no_args = tuple_new(0);
    INCREF(no_args);
    return no_args;
}

void loop_reset(void)
{
    spares_drain(&spare);
    XDECREF(no_args);
    no_args = NULL;
}

static HandleObj *handle_new(Obj *cb, Obj *args)
{
    HandleObj *h = (HandleObj *)spares_take(&spare);
    if (!h)
        h = (HandleObj *)obj_alloc(&HandleClass, sizeof(HandleObj));
    INCREF(cb);
    h->callback = cb;
    if (args) {
        INCREF(args);
        h->args = args;
    } else {
        h->args = empty_args();
    }
    h->seq = sim.seq++;
    return h;
}

void loop_handle_cancel(HandleObj *h)
{
    if (!h->cancelled) {
        h->cancelled = true;
        if (!h->timer || h->in_heap) /* its place in the internals view */
            internals_epoch++;
        else
            internals_touch(h);
        SETREF(h->callback, none_new());
        SETREF(h->args, empty_args());
    }
}

static Obj *handle_cancel(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("cancel", nargs, kw, 0, 0))
        return NULL;
    loop_handle_cancel((HandleObj *)self);
    return none_new();
}

static Obj *handle_cancelled(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("cancelled", nargs, kw, 0, 0))
        return NULL;
    return bool_new(((HandleObj *)self)->cancelled);
}

static Obj *handle_when(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("when", nargs, kw, 0, 0))
        return NULL;
    return float_new(((HandleObj *)self)->when);
}

/* ------------------------------------------------------------ ready queue */

/* The ring's capacity is a power of two (16, doubled), so a place is a
 * mask, not a division. */
static void ready_push(LoopObj *l, HandleObj *h)
{
    if (l->rlen == l->rcap) {
        size_t ncap = l->rcap ? l->rcap * 2 : 16;
        HandleObj **n = xmalloc(ncap * sizeof *n);
        for (size_t i = 0; i < l->rlen; i++)
            n[i] = l->ready[(l->rhead + i) & (l->rcap - 1)];
        xfree(l->ready);
        l->ready = n;
        l->rcap = ncap;
        l->rhead = 0;
    }
    INCREF(h);
    l->ready[(l->rhead + l->rlen++) & (l->rcap - 1)] = h;
    internals_queued(h);
}

static HandleObj *ready_pop(LoopObj *l)
{
    HandleObj *h = l->ready[l->rhead];
    l->rhead = (l->rhead + 1) & (l->rcap - 1);
    l->rlen--;
    return h; /* the queue's reference passes to the caller */
}

/* ------------------------------------------------------------- timer heap */

/* The heap's order, kept beside it: a sift compares these in one flat
 * array instead of reading each handle's line (10,000 timers are 10,000
 * cold handles). heap[i] and hkey[i] always move together. */
static void heap_push(LoopObj *l, HandleObj *h)
{
    if (l->hlen == l->hcap) {
        l->hcap = l->hcap ? l->hcap * 2 : 16;
        l->heap = xrealloc(l->heap, l->hcap * sizeof *l->heap);
        l->hkey = xrealloc(l->hkey, l->hcap * sizeof *l->hkey);
    }
    INCREF(h);
    h->in_heap = true;
    HeapKey k = {h->when, h->seq};
    size_t i = l->hlen++;
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!heap_key_before(&k, &l->hkey[p]))
            break;
        l->heap[i] = l->heap[p];
        l->hkey[i] = l->hkey[p];
        i = p;
    }
    l->heap[i] = h;
    l->hkey[i] = k;
    internals_pushed = h, internals_npushed++; /* the internals view's */
}

static HandleObj *heap_pop(LoopObj *l)
{
    HandleObj *top = l->heap[0];
    size_t n = --l->hlen;
    HandleObj *last = l->heap[n];
    HeapKey lk = l->hkey[n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && heap_key_before(&l->hkey[c + 1], &l->hkey[c]))
            c++;
        if (!heap_key_before(&l->hkey[c], &lk))
            break;
        l->heap[i] = l->heap[c];
        l->hkey[i] = l->hkey[c];
        i = c;
    }
    if (n) {
        l->heap[i] = last;
        l->hkey[i] = lk;
    }
    top->in_heap = false;
    return top; /* the heap's reference passes to the caller */
}

/* ------------------------------------------------------------------ loop */

static void loop_dealloc(Obj *o)
{
    LoopObj *l = (LoopObj *)o;
    while (l->rlen)
        DECREF(ready_pop(l));
    while (l->hlen)
        DECREF(heap_pop(l));
    XDECREF(l->tasks);
    XDECREF(l->exc_handler);
    XDECREF(l->executor);
    XDECREF(l->task_factory);
}

static void loop_free_mem(Obj *o)
{
    LoopObj *l = (LoopObj *)o;
    xfree(l->ready);
    xfree(l->heap);
    xfree(l->hkey);
}

static void loop_repr(Obj *o, Buf *out)
{
    LoopObj *l = (LoopObj *)o;
    buf_printf(out, "<_UnixSelectorEventLoop running=%s closed=%s debug=False>", l->running ? "True" : "False",
               l->closed ? "True" : "False");
}

Class LoopClass = {.name = "_UnixSelectorEventLoop", .kind = K_OTHER, .base = &ObjectClass,
                   .size = sizeof(LoopObj), .dealloc = loop_dealloc, .free_mem = loop_free_mem,
                   .repr = loop_repr, .builtin = true};

Obj *loop_new(void)
{
    LoopObj *l = (LoopObj *)obj_alloc(&LoopClass, sizeof(LoopObj));
    l->tasks = list_new(8);
    spares_start();
    return &l->hdr;
}

HandleObj *loop_call_soon(LoopObj *l, Obj *cb, Obj *args)
{
    HandleObj *h = handle_new(cb, args);
    ready_push(l, h);
    DECREF(h);
    return h;
}

HandleObj *loop_call_at(LoopObj *l, double when, Obj *cb, Obj *args)
{
    HandleObj *h = handle_new(cb, args);
    h->timer = true;
    h->when = when;
    heap_push(l, h);
    DECREF(h);
    return h;
}

/* CPython's default exception handler: the message and the traceback on
 * stderr (never in the trace). */
static void default_exception_handler(Obj *ctx)
{
    Obj *msg = dict_get_c(ctx, "message");
    Obj *exc = dict_get_c(ctx, "exception");
    Buf b;
    buf_init(&b);
    if (msg)
        obj_str(msg, &b);
    else
        buf_puts(&b, "Unhandled exception in event loop");
    err_clear();
    EscStream es;
    FILE *f = esc_open(&es);
    fprintf(f, "%s\n", b.s);
    buf_free(&b);
    if (exc && exc->cls->is_exception)
        vm_print_traceback(exc, f);
    esc_close(&es, stderr);
}

/* loop.call_exception_handler(ctx): the scenario's handler if it set one,
 * else the default. False only when a run-stopping limit was hit. */
static bool call_exception_handler(LoopObj *l, Obj *ctx)
{
    if (!l->exc_handler) {
        default_exception_handler(ctx);
        return true;
    }
    Obj *args[2] = {&l->hdr, ctx};
    Obj *r = vm_call(l->exc_handler, args, 2, NULL);
    if (r) {
        DECREF(r);
        return true;
    }
    if (err_matches(&LimitErrorClass))
        return false;
    Obj *exc = err_fetch();
    EscStream es;
    FILE *f = esc_open(&es);
    fprintf(f, "Unhandled error in exception event handler\n");
    vm_print_traceback(exc, f);
    esc_close(&es, stderr);
    DECREF(exc);
    return true;
}

/* Run one handle. Exceptions other than the run-stopping LimitError go to
 * the loop's exception handler, as in CPython, and are dropped. */
/* The arguments of the handle running now (handle_run's C callback), or
 * NULL. */
static Obj *running_args;

Obj *loop_running_args(Obj *const *args)
{
    return running_args && TUP_ITEMS(running_args) == args ? running_args : NULL;
}

static bool handle_run(LoopObj *l, HandleObj *h)
{
    Obj *cb = h->callback, *r;
    /* a C callback (a task's step or wakeup, a sleep's timer): its
     * function at once, as vm_call would reach it (a str receiver, whose
     * method charges its bytes, goes the long way) */
    if (CLS(cb) == &BuiltinClass && !mem_over() &&
        (!((BuiltinObj *)cb)->self || CLS(((BuiltinObj *)cb)->self) != &StrClass)) {
        Obj *outer = running_args;
        running_args = h->args; /* the handle holds them while it runs */
        r = ((BuiltinObj *)cb)->fn(((BuiltinObj *)cb)->self ? ((BuiltinObj *)cb)->self : cb,
                                   TUP_ITEMS(h->args), (int)TUP_N(h->args), NULL);
        running_args = outer;
    } else
        r = vm_call(cb, TUP_ITEMS(h->args), (int)TUP_N(h->args), NULL);
    if (r) {
        DECREF(r);
        return true;
    }
    if (err_matches(&LimitErrorClass))
        return false;
    if (err_matches(&SystemExitClass) || err_matches(&KeyboardInterruptClass)) {
        /* a task's: its future holds it and run_until_complete raises it;
         * CPython prints no "Exception in callback" for these */
        err_clear();
        return true;
    }
    Obj *exc = err_fetch();
    Buf b;
    buf_init(&b);
    buf_puts(&b, "Exception in callback ");
    obj_repr(h->callback, &b);
    err_clear();
    Obj *ctx = dict_new();
    Obj *msg = str_from_buf(&b);
    dict_set_c(ctx, "message", msg);
    dict_set_c(ctx, "exception", exc);
    dict_set_c(ctx, "handle", &h->hdr);
    DECREF(msg);
    DECREF(exc);
    bool ok = call_exception_handler(l, ctx);
    DECREF(ctx);
    buf_free(&b);
    return ok;
}

/* A prefetch the compiler keeps: GCC 12 drops a __builtin_prefetch
 * inlined into the run loop below (its loads look dead to it). */
static inline void prefetch(const void *p)
{
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
    __asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#else
    __builtin_prefetch(p);
#endif
}

/* The handle's callback's receiver (a task's step or wakeup: the task),
 * or NULL. */
static inline Obj *handle_self(const HandleObj *h)
{
    const Obj *cb = h->callback;
    return CLS(cb) == &BuiltinClass ? ((const BuiltinObj *)cb)->self : NULL;
}

/* The handle's first argument when it is a plain future or a task (a
 * timer's or a wakeup's), else NULL. */
static inline FutureObj *handle_future(const HandleObj *h)
{
    if (!TUP_N(h->args))
        return NULL;
    Obj *a = TUP_ITEMS(h->args)[0];
    return CLS(a) == &FutureClass || CLS(a) == &TaskClass ? (FutureObj *)a : NULL;
}

static inline TaskObj *as_task(Obj *o)
{
    return o && CLS(o) == &TaskClass ? (TaskObj *)o : NULL;
}

/* An object's first lines: a task is four, a frame's block a few. */
static inline void prefetch_lines(const void *p, int n)
{
    for (int i = 0; i < n; i++)
        prefetch((const char *)p + 64 * i);
}

/* Each handle run is a task's step or a timer's callback: a long time to
 * bring the next handles' cold lines in. With thousands of tasks, what a
 * run reads is a chain of cold objects, each found in the one before, so
 * the handles ahead are taken one link further at each place nearer the
 * head; each stage reads only what the stage before brought, one run
 * earlier. By place (0: the handle about to run):
 *   6: the handle;
 *   5: its callback and arguments;
 *   4: the callback's receiver (a task's step or wakeup: the task; a
 *      wakeup's four lines) and the first argument (a timer's or a
 *      wakeup's future);
 *   3: that future's callbacks list;
 *   2: a woken task's coroutine; the list's items;
 *   1: the coroutine's frame (its block's first lines); the first
 *      callback (a waiting task's wakeup);
 *   0: that wakeup's task (the timer makes it ready).
 * A task's step without arguments (a sleep(0)'s, a first step) had its
 * task touched a queue's length ago: its first line only, as the wider
 * prefetch cost the sleep(0) storm 3-4% and gained nothing there. */
static void prefetch_ready(const LoopObj *l)
{
    size_t n = l->rlen, m = l->rcap - 1, at = l->rhead;
    HandleObj *const *r = l->ready;
    if (n > 6) {
        const HandleObj *h = r[(at + 6) & m];
        prefetch(h);
        prefetch((const char *)h + sizeof *h - 1);
    }
    if (n > 5) {
        const HandleObj *h = r[(at + 5) & m];
        prefetch(h->callback);
        prefetch(h->args);
    }
    if (n > 4) {
        const HandleObj *h = r[(at + 4) & m];
        Obj *self = handle_self(h);
        if (self) /* a wakeup's task waited long: all of it is cold */
            prefetch_lines(self, TUP_N(h->args) ? (sizeof(TaskObj) + 63) / 64 : 1);
        if (TUP_N(h->args))
            prefetch(TUP_ITEMS(h->args)[0]);
    }
    if (n > 3) {
        const FutureObj *f = handle_future(r[(at + 3) & m]);
        if (f && f->callbacks)
            prefetch(f->callbacks);
    }
    if (n > 2) {
        const HandleObj *h = r[(at + 2) & m];
        const TaskObj *t = TUP_N(h->args) ? as_task(handle_self(h)) : NULL;
        if (t && t->coro)
            prefetch(t->coro);
        const FutureObj *f = handle_future(h);
        if (f && f->callbacks && LIST_N(f->callbacks))
            prefetch(LIST_ITEMS(f->callbacks));
    }
    if (n > 1) {
        const HandleObj *h = r[(at + 1) & m];
        const TaskObj *t = TUP_N(h->args) ? as_task(handle_self(h)) : NULL;
        if (t && t->coro && CLS(t->coro) == &CoroClass && ((GenObj *)t->coro)->frame)
            prefetch_lines(((GenObj *)t->coro)->frame, 3);
        const FutureObj *f = handle_future(h);
        if (f && f->callbacks && LIST_N(f->callbacks))
            prefetch(LIST_ITEMS(f->callbacks)[0]);
    }
    if (n > 0) {
        const FutureObj *f = handle_future(r[at & m]);
        if (f && f->callbacks && LIST_N(f->callbacks)) {
            Obj *cb = LIST_ITEMS(f->callbacks)[0];
            if (CLS(cb) == &BuiltinClass && ((BuiltinObj *)cb)->self)
                prefetch_lines(((BuiltinObj *)cb)->self, (sizeof(TaskObj) + 63) / 64);
        }
    }
}

static bool loop_run_once(LoopObj *l)
{
    l->iterations++;
    while (l->hlen && l->heap[0]->cancelled)
        DECREF(heap_pop(l));
    if (!l->rlen && !l->stopping) {
        /* worker threads first: their events due at or before the next
         * timer happen before it (docs/threads.md) */
        double tnext;
        if (executor_next(&tnext) && (!l->hlen || tnext <= l->hkey[0].when)) {
            if (!sim_clock_may_reach(tnext) || !executor_advance(tnext))
                return false;
        } else if (!l->hlen) {
            err_format(&DeadlockClass, "no task can ever run again");
            return false;
        } else if (isinf(l->hkey[0].when)) {
            /* sleep(inf): only a timer that never comes due is left */
            err_format(&DeadlockClass, "no task can ever run again (the next timer is at infinity)");
            return false;
        } else if (l->hkey[0].when > sim.now) {
            double when = l->hkey[0].when;
            double from = sim.now;
            if (!sim_clock_may_reach(when))
                return false;
            sim.now = when;
            narr_clock(from, when);
            if (!narr_check_room())
                return false;
        }
    }
    double end_time = sim.now + CLOCK_RESOLUTION;
    /* when <= now too: near 1e308 adding the resolution changes nothing */
    while (l->hlen && (l->hkey[0].when < end_time || l->hkey[0].when <= sim.now)) {
        HandleObj *h = heap_pop(l);
        if (l->hlen > 2) { /* the next top is one of these */
            prefetch(l->heap[1]);
            prefetch(l->heap[2]);
        }
        if (h->cancelled) {
            DECREF(h);
            continue;
        }
        ready_push(l, h);
        DECREF(h);
    }
    size_t ntodo = l->rlen;
    for (size_t i = 0; i < ntodo; i++) {
        prefetch_ready(l);
        HandleObj *h = ready_pop(l);
        bool ok = h->cancelled || handle_run(l, h);
        DECREF(h);
        /* a step the full recording refused stops the run here, as at a
         * clock jump: a loop of sleep(0) never moves the clock */
        if (!ok || (sim.rec && rec_full(sim.rec) && !narr_check_room()))
            return false;
    }
    return true;
}

Obj *loop_run_forever(LoopObj *l)
{
    if (l->closed)
        return err_null(&RuntimeErrorClass, "Event loop is closed");
    if (l->running)
        return err_null(&RuntimeErrorClass, "This event loop is already running");
    if (sim.running)
        return err_null(&RuntimeErrorClass, "Cannot run the event loop while another loop is running");
    l->running = true;
    sim.running = l;
    bool ok = true;
    while (ok) {
        ok = loop_run_once(l);
        if (l->stopping)
            break;
    }
    l->stopping = false;
    l->running = false;
    sim.running = NULL;
    return ok ? none_new() : NULL;
}

static Obj *stop_cb(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)kw;
    if (nargs >= 1 && is_future(args[0]))
        ((FutureObj *)args[0])->loop->stopping = true;
    return none_new();
}

Obj *loop_run_until_complete(LoopObj *l, Obj *fut)
{
    if (l->closed)
        return err_null(&RuntimeErrorClass, "Event loop is closed");
    if (l->running)
        return err_null(&RuntimeErrorClass, "This event loop is already running");
    if (sim.running)
        return err_null(&RuntimeErrorClass, "Cannot run the event loop while another loop is running");
    Obj *f;
    if (is_future(fut)) {
        INCREF(fut);
        f = fut;
    } else if (IS(fut, CoroClass)) {
        f = loop_create_task(l, fut, None); /* the task factory too, as ensure_future */
        if (!f)
            return NULL;
        if (!is_future(f)) {
            DECREF(f);
            return err_null(&TypeErrorClass, "the task factory must return a Future");
        }
    } else {
        return err_null(&TypeErrorClass, "An asyncio.Future, a coroutine or an awaitable is required");
    }
    Obj *cb = builtin_new("_run_until_complete_cb", stop_cb, NULL);
    future_add_callback((FutureObj *)f, cb);
    Obj *r = loop_run_forever(l);
    /* remove our callback */
    Obj *cbs = ((FutureObj *)f)->callbacks;
    for (size_t i = 0; i < LIST_N(cbs); i++) {
        if (LIST_ITEMS(cbs)[i] == cb) {
            DECREF(LIST_ITEMS(cbs)[i]);
            memmove(&LIST_ITEMS(cbs)[i], &LIST_ITEMS(cbs)[i + 1], (LIST_N(cbs) - i - 1) * sizeof(Obj *));
            ((ListObj *)cbs)->n--;
            break;
        }
    }
    DECREF(cb);
    if (!r) {
        DECREF(f);
        return NULL;
    }
    DECREF(r);
    if (!future_done(f)) {
        DECREF(f);
        return err_null(&RuntimeErrorClass, "Event loop stopped before Future completed.");
    }
    Obj *res = future_result((FutureObj *)f);
    DECREF(f);
    return res;
}

/* ------------------------------------------------------- Python methods */

static Obj *m_time(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("time", nargs, kw, 0, 0))
        return NULL;
    return float_new(sim.now);
}

static Obj *rest_tuple(Obj **args, int from, int nargs)
{
    Obj *t = tuple_new((size_t)(nargs - from));
    for (int i = from; i < nargs; i++) {
        INCREF(args[i]);
        TUP_ITEMS(t)[i - from] = args[i];
    }
    return t;
}

static bool check_no_kw(const char *name, Obj *kw)
{
    if (kw && TUP_N(kw)) {
        for (size_t i = 0; i < TUP_N(kw); i++)
            if (!str_eq_c(TUP_ITEMS(kw)[i], "context")) {
                err_format(&TypeErrorClass, "%s() got an unexpected keyword argument '%s'", name,
                           STR_S(TUP_ITEMS(kw)[i]));
                return false;
            }
    }
    return true;
}

static bool check_open(LoopObj *l)
{
    if (l->closed) {
        err_format(&RuntimeErrorClass, "Event loop is closed");
        return false;
    }
    return true;
}

static Obj *m_call_soon(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!check_no_kw("call_soon", kw) || !check_open((LoopObj *)self))
        return NULL;
    if (nargs < 1)
        return err_null(&TypeErrorClass, "call_soon() missing 1 required positional argument: 'callback'");
    Obj *rest = rest_tuple(args, 1, nargs);
    HandleObj *h = loop_call_soon((LoopObj *)self, args[0], rest);
    DECREF(rest);
    INCREF(h);
    return &h->hdr;
}

static Obj *call_at_common(LoopObj *l, double when, Obj **args, int nargs)
{
    /* a NaN time never comes due and would spin the loop (CPython 3.13's
     * sleep says the same) */
    if (isnan(when))
        return err_null(&ValueErrorClass, "Invalid delay: NaN (not a number)");
    Obj *rest = rest_tuple(args, 2, nargs);
    HandleObj *h = loop_call_at(l, when, args[1], rest);
    DECREF(rest);
    INCREF(h);
    return &h->hdr;
}

static bool number_arg(Obj *o, double *out, const char *what)
{
    if (is_int(o))
        *out = (double)int_value(o);
    else if (IS(o, FloatClass))
        *out = FLOAT_V(o);
    else {
        err_format(&TypeErrorClass, "%s must be a number, not %s", what, obj_type_name(o));
        return false;
    }
    return true;
}

static Obj *m_call_later(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!check_no_kw("call_later", kw) || !check_open((LoopObj *)self))
        return NULL;
    if (nargs < 2)
        return err_null(&TypeErrorClass, "call_later() missing required arguments 'delay' and 'callback'");
    double d;
    if (!number_arg(args[0], &d, "delay"))
        return NULL;
    return call_at_common((LoopObj *)self, sim.now + d, args, nargs);
}

static Obj *m_call_at(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!check_no_kw("call_at", kw) || !check_open((LoopObj *)self))
        return NULL;
    if (nargs < 2)
        return err_null(&TypeErrorClass, "call_at() missing required arguments 'when' and 'callback'");
    double w;
    if (!number_arg(args[0], &w, "when"))
        return NULL;
    return call_at_common((LoopObj *)self, w, args, nargs);
}

static Obj *m_create_future(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("create_future", nargs, kw, 0, 0))
        return NULL;
    return future_new((LoopObj *)self);
}

static Obj *m_create_task(Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"coro", "name", "context", NULL};
    Obj *a[3];
    if (!vm_parse_args("create_task", args, nargs, kw, names, 1, a))
        return NULL;
    if (!check_open((LoopObj *)self))
        return NULL;
    return loop_create_task((LoopObj *)self, a[0], a[1] ? a[1] : None);
}

Obj *loop_create_task(LoopObj *l, Obj *coro, Obj *name)
{
    if (!l->task_factory)
        return task_new(l, coro, name);
    /* as CPython: the factory gets (loop, coro), and a name is set after */
    Obj *factory = l->task_factory;
    INCREF(factory);
    Obj *task = vm_call2(factory, &l->hdr, coro);
    DECREF(factory);
    if (!task || !name || name == None)
        return task;
    Obj *set = obj_getattr_c(task, "set_name");
    Obj *r = set ? vm_call1(set, name) : NULL;
    XDECREF(set);
    if (!r) {
        DECREF(task);
        return NULL;
    }
    DECREF(r);
    return task;
}

/* A callable the loop may keep (exception handler, task factory): its
 * value for Python (None when unset, a new reference), and setting it
 * (None unsets it). */
static Obj *optional_get(Obj *v)
{
    v = v ? v : None;
    INCREF(v);
    return v;
}

static void optional_set(Obj **slot, Obj *v)
{
    v = v == None ? NULL : v;
    XINCREF(v);
    SETREF(*slot, v);
}

/* loop.set_task_factory(factory): a callable (loop, coro) -> task, or None
 * for plain tasks again */
static Obj *m_set_task_factory(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("set_task_factory", nargs, kw, 1, 1))
        return NULL;
    if (args[0] != None && !obj_callable(args[0]))
        return err_null(&TypeErrorClass, "task factory must be a callable or None");
    optional_set(&((LoopObj *)self)->task_factory, args[0]);
    return none_new();
}

static Obj *m_get_task_factory(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("get_task_factory", nargs, kw, 0, 0))
        return NULL;
    return optional_get(((LoopObj *)self)->task_factory);
}

static Obj *m_run_until_complete(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("run_until_complete", nargs, kw, 1, 1))
        return NULL;
    return loop_run_until_complete((LoopObj *)self, args[0]);
}

static Obj *m_run_forever(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("run_forever", nargs, kw, 0, 0))
        return NULL;
    return loop_run_forever((LoopObj *)self);
}

static Obj *m_stop(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("stop", nargs, kw, 0, 0))
        return NULL;
    ((LoopObj *)self)->stopping = true;
    return none_new();
}

static Obj *m_close(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("close", nargs, kw, 0, 0))
        return NULL;
    LoopObj *l = (LoopObj *)self;
    if (l->running)
        return err_null(&RuntimeErrorClass, "Cannot close a running event loop");
    if (!l->closed) {
        l->closed = true;
        while (l->rlen)
            DECREF(ready_pop(l));
        while (l->hlen)
            DECREF(heap_pop(l));
    }
    return none_new();
}

static Obj *m_is_running(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("is_running", nargs, kw, 0, 0))
        return NULL;
    return bool_new(((LoopObj *)self)->running);
}

static Obj *m_is_closed(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("is_closed", nargs, kw, 0, 0))
        return NULL;
    return bool_new(((LoopObj *)self)->closed);
}

static Obj *m_set_exception_handler(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs("set_exception_handler", nargs, kw, 1, 1))
        return NULL;
    LoopObj *l = (LoopObj *)self;
    if (args[0] != None && !obj_callable(args[0])) {
        Buf b;
        buf_init(&b);
        obj_repr(args[0], &b);
        err_format(&TypeErrorClass, "A callable object or None is expected, got %s", b.s);
        buf_free(&b);
        return NULL;
    }
    optional_set(&l->exc_handler, args[0]);
    return none_new();
}

static Obj *m_get_exception_handler(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("get_exception_handler", nargs, kw, 0, 0))
        return NULL;
    return optional_get(((LoopObj *)self)->exc_handler);
}

static Obj *context_arg(const char *fname, Obj **args, int nargs, Obj *kw)
{
    if (!vm_check_nargs(fname, nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], DictClass))
        return err_null(&TypeErrorClass, "%s() expects a context dict", fname);
    return args[0];
}

static Obj *m_call_exception_handler(Obj *self, Obj **args, int nargs, Obj *kw)
{
    Obj *ctx = context_arg("call_exception_handler", args, nargs, kw);
    if (!ctx)
        return NULL;
    if (!call_exception_handler((LoopObj *)self, ctx))
        return NULL;
    return none_new();
}

static Obj *m_default_exception_handler(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    Obj *ctx = context_arg("default_exception_handler", args, nargs, kw);
    if (!ctx)
        return NULL;
    default_exception_handler(ctx);
    return none_new();
}

void loop_init_class(void)
{
    class_init(&LoopClass);
    class_init(&HandleClass);
    if (LoopClass.dict)
        return;
    class_add_method(&HandleClass, "cancel", handle_cancel);
    class_add_method(&HandleClass, "cancelled", handle_cancelled);
    class_add_method(&HandleClass, "when", handle_when);
    class_add_method(&LoopClass, "time", m_time);
    class_add_method(&LoopClass, "call_soon", m_call_soon);
    class_add_method(&LoopClass, "call_soon_threadsafe", m_call_soon); /* one thread really runs */
    class_add_method(&LoopClass, "call_later", m_call_later);
    class_add_method(&LoopClass, "call_at", m_call_at);
    class_add_method(&LoopClass, "create_future", m_create_future);
    class_add_method(&LoopClass, "create_task", m_create_task);
    class_add_method(&LoopClass, "set_task_factory", m_set_task_factory);
    class_add_method(&LoopClass, "get_task_factory", m_get_task_factory);
    class_add_method(&LoopClass, "run_until_complete", m_run_until_complete);
    class_add_method(&LoopClass, "run_forever", m_run_forever);
    class_add_method(&LoopClass, "stop", m_stop);
    class_add_method(&LoopClass, "close", m_close);
    class_add_method(&LoopClass, "is_running", m_is_running);
    class_add_method(&LoopClass, "is_closed", m_is_closed);
    class_add_method(&LoopClass, "set_exception_handler", m_set_exception_handler);
    class_add_method(&LoopClass, "get_exception_handler", m_get_exception_handler);
    class_add_method(&LoopClass, "call_exception_handler", m_call_exception_handler);
    class_add_method(&LoopClass, "default_exception_handler", m_default_exception_handler);
}
