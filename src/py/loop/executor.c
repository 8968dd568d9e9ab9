/* executor.c: simulated worker threads and processes (docs/threads.md).
 * Owns: ThreadPoolExecutor / ProcessPoolExecutor (the pool, its workers and
 * its FIFO queue of jobs), concurrent.futures.Future (a job and its done
 * callbacks, called at once on the "thread" that completes it), the
 * worker-side clock, the queue of thread events (a print at thread time T,
 * a job ending at T) and delivering them when the loop's clock reaches T,
 * loop.run_in_executor and the module concurrent.futures.
 *
 * The rule: a job's function runs to completion at the moment the job
 * starts (the VM cannot suspend a plain function), on a clock of its own
 * that starts at the loop's time; time.sleep there moves only that clock.
 * What the job does that others can see is stamped with thread time and
 * happens when the loop's clock gets there: when the loop would jump its
 * clock (loop.c), during a blocking time.sleep on the loop thread
 * (asyncio.c), during a blocking wait (shutdown, result), and at the end
 * of the program. The hops back onto the loop (wrap_future,
 * call_soon_threadsafe) are Python in prelude.py; the wording of steps is
 * narrate.c's. tests/oracle/pytrace.py implements the same rule. */
#include "model.h"
#include "../../base/esc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* loopscope pretends os.cpu_count() is 4 */
#define DEFAULT_THREADS 8   /* ThreadPoolExecutor: min(32, cpu_count() + 4) */
#define DEFAULT_PROCESSES 4 /* ProcessPoolExecutor: cpu_count() */

typedef enum { CF_PENDING, CF_RUNNING, CF_CANCELLED, CF_FINISHED } CFState;

typedef struct ExecObj ExecObj;

typedef struct JobObj {
    Obj hdr;
    ExecObj *exec;      /* NULL for a future that is not a job (an idle waiter) */
    Obj *fn, *args;     /* args: positionals then keyword values */
    Obj *kwnames;       /* or NULL */
    int npos;
    CFState state;
    Obj *result, *exception;  /* known from the start on; visible once FINISHED */
    Obj *callbacks;     /* list */
    Obj *awaiters;      /* asyncio futures whose label describes this job */
    double t0, t1;      /* thread time at start and end */
    int worker;         /* -1 until it starts */
    int rec_job;
} JobObj;

typedef struct Worker {
    JobObj *job;        /* the job it runs, or NULL when idle */
    int lane;           /* recording lane */
    char name[80];
} Worker;

struct ExecObj {
    Obj hdr;
    bool process;
    char prefix[64];
    int max_workers, nworkers;
    Worker *workers;
    Obj *queue;         /* jobs waiting for a worker, FIFO */
    Obj *idle_waiters;  /* futures completed when no job is left */
    bool shutdown;
};

typedef struct Event {
    double t;
    uint64_t seq;
    JobObj *job;        /* owned */
    char *text;         /* a print's text, or NULL: the job ends */
    size_t len;
} Event;

static struct {
    Event *ev;          /* a binary heap by (t, seq): see ev_push */
    size_t n, cap;
    uint64_t seq;
    JobObj *running;    /* job whose function runs now ("on its thread"), or NULL */
    double clock;       /* that thread's clock */
    bool busy;          /* delivering events (no nested delivery) */
    int pools;          /* ThreadPoolExecutor-N */
    int processes;      /* process-N */
    Obj *wrap_future;   /* the prelude's wrap_future */
} X;

static Class JobClass, ExecutorClass, ThreadPoolClass, ProcessPoolClass;

static bool is_exec(Obj *o) { return class_is_sub(o->cls, &ExecutorClass); }

/* ---------------------------------------------------------------- names */

/* The name of what a job runs: the function under any partials. */
static void callable_name(Obj *fn, Buf *out)
{
    fn = partial_func(fn);
    if (IS(fn, FuncClass))
        buf_puts(out, STR_S(((FuncObj *)fn)->name));
    else if (IS(fn, BoundClass))
        callable_name(((BoundObj *)fn)->func, out);
    else if (IS(fn, BuiltinClass))
        buf_puts(out, ((BuiltinObj *)fn)->name);
    else if (IS(fn, ClassClass))
        buf_puts(out, ((Class *)fn)->name);
    else
        buf_puts(out, obj_type_name(fn));
}

static const char *lane_of(JobObj *j)
{
    return j->worker >= 0 ? j->exec->workers[j->worker].name : "";
}

/* "thread: load_file 0.80s" (or "(queued)" before it starts) */
static Obj *job_label(JobObj *j)
{
    Buf b;
    buf_init(&b);
    buf_puts(&b, j->exec && j->exec->process ? "process: " : "thread: ");
    callable_name(j->fn, &b);
    if (j->state == CF_PENDING)
        buf_puts(&b, " (queued)");
    else
        buf_printf(&b, " %.2fs", j->t1 - j->t0);
    Obj *r = str_from_buf(&b);
    buf_free(&b);
    return r;
}

static void relabel(JobObj *j)
{
    for (size_t i = 0; i < LIST_N(j->awaiters); i++) {
        FutureObj *f = (FutureObj *)LIST_ITEMS(j->awaiters)[i];
        if (f->state != FUT_PENDING)
            continue;
        SETREF(f->label, job_label(j));
        f->until = false;
        narr_label_changed(f);
    }
}

/* --------------------------------------------------------------- events */

/* X.ev is a binary heap ordered by (t, seq): the earliest event first,
 * and events at one time in the order they were pushed. It used to be a
 * sorted array shifted by one on every push and pop, quadratic for a
 * worker that prints a hundred thousand lines. */
static bool ev_before(const Event *a, const Event *b)
{
    return a->t < b->t || (a->t == b->t && a->seq < b->seq);
}

static void ev_push(double t, JobObj *j, const char *text, size_t len)
{
    if (X.n == X.cap) {
        X.cap = X.cap ? X.cap * 2 : 16;
        X.ev = xrealloc(X.ev, X.cap * sizeof *X.ev);
    }
    INCREF(j);
    Event e = {t, X.seq++, j, text ? xstrndup(text, len) : NULL, len};
    size_t i = X.n++;
    while (i > 0 && ev_before(&e, &X.ev[(i - 1) / 2])) {
        X.ev[i] = X.ev[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    X.ev[i] = e;
}

/* Remove and return the earliest event (X.n > 0). */
static Event ev_pop(void)
{
    Event top = X.ev[0], last = X.ev[--X.n];
    size_t i = 0;
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= X.n)
            break;
        if (c + 1 < X.n && ev_before(&X.ev[c + 1], &X.ev[c]))
            c++;
        if (!ev_before(&X.ev[c], &last))
            break;
        X.ev[i] = X.ev[c];
        i = c;
    }
    if (X.n)
        X.ev[i] = last;
    return top;
}

/* ------------------------------------------------------ future callbacks */

/* Call one done callback the way concurrent.futures does: errors are
 * logged and dropped; only the run-stopping LimitError goes on. */
static bool call_back(Obj *cb, JobObj *j)
{
    Obj *r = vm_call1(cb, &j->hdr);
    if (r) {
        DECREF(r);
        return true;
    }
    if (err_matches(&LimitErrorClass))
        return false;
    Obj *e = err_fetch();
    EscStream es;
    FILE *f = esc_open(&es);
    fprintf(f, "exception calling callback for <Future>\n");
    vm_print_traceback(e, f);
    esc_close(&es, stderr);
    DECREF(e);
    return true;
}

static bool job_settle(JobObj *j, CFState st)
{
    j->state = st;
    Obj *cbs = j->callbacks;
    j->callbacks = list_new(2);
    bool ok = true;
    for (size_t i = 0; ok && i < LIST_N(cbs); i++)
        ok = call_back(LIST_ITEMS(cbs)[i], j);
    DECREF(cbs);
    return ok;
}

/* ----------------------------------------------------------------- jobs */

static bool exec_busy(ExecObj *e)
{
    if (LIST_N(e->queue))
        return true;
    for (int w = 0; w < e->nworkers; w++)
        if (e->workers[w].job)
            return true;
    return false;
}

/* Run j's function now, atomically, on worker w, with the worker's clock
 * starting at the loop's time. False only when a limit stops the run. */
static bool job_start(ExecObj *e, int w, JobObj *j)
{
    j->state = CF_RUNNING;
    j->worker = w;
    j->t0 = sim.now;
    INCREF(j);
    e->workers[w].job = j;

    TaskObj *cur = sim.current;
    LoopObj *loop = sim.running;
    JobObj *outer = X.running;
    double outer_clock = X.clock;
    sim.current = NULL; /* a worker thread has no running loop or task */
    sim.running = NULL;
    X.running = j;
    X.clock = sim.now;
    Obj *r = vm_call(j->fn, TUP_ITEMS(j->args), j->npos, j->kwnames);
    j->t1 = X.clock;
    X.running = outer;
    X.clock = outer_clock;
    sim.current = cur;
    sim.running = loop;
    if (!r) {
        if (err_matches(&LimitErrorClass))
            return false;
        j->exception = err_fetch();
    } else {
        j->result = r;
    }
    ev_push(j->t1, j, NULL, 0);

    Buf fname;
    buf_init(&fname);
    callable_name(j->fn, &fname);
    narr_job_started(fname.s, e->workers[w].name, e->process, j->t0, j->t1);
    j->rec_job = rec_job_new(sim.rec, e->workers[w].lane, fname.s, j->t0, j->t1);
    buf_free(&fname);
    relabel(j);
    return true;
}

/* Give queued jobs to idle workers, lowest number first; start a new
 * worker while below the limit. */
static bool dispatch(ExecObj *e)
{
    while (LIST_N(e->queue)) {
        int w = 0;
        while (w < e->nworkers && e->workers[w].job)
            w++;
        if (w == e->nworkers) {
            if (e->nworkers == e->max_workers)
                return true;
            Worker *k = &e->workers[e->nworkers++];
            if (e->process)
                snprintf(k->name, sizeof k->name, "process-%d", ++X.processes);
            else
                snprintf(k->name, sizeof k->name, "%s_%d", e->prefix, w);
            k->lane = rec_lane(sim.rec, k->name, e->process ? LANE_PROCESS : LANE_THREAD);
        }
        JobObj *j = (JobObj *)LIST_ITEMS(e->queue)[0];
        INCREF(j);
        Obj *rest = list_new(LIST_N(e->queue));
        for (size_t i = 1; i < LIST_N(e->queue); i++)
            list_append(rest, LIST_ITEMS(e->queue)[i]);
        SETREF(e->queue, rest);
        bool ok = j->state == CF_CANCELLED || job_start(e, w, j); /* a cancelled job is skipped */
        DECREF(j);
        if (!ok)
            return false;
    }
    return true;
}

/* The job's end reaches the loop: complete its future (callbacks run as on
 * the worker), free the worker, start the next queued job. */
static bool job_end(JobObj *j)
{
    ExecObj *e = j->exec;
    Worker *k = &e->workers[j->worker];
    Buf fname, outcome;
    buf_init(&fname);
    buf_init(&outcome);
    callable_name(j->fn, &fname);
    if (j->exception) {
        buf_puts(&outcome, "raised ");
        obj_repr(j->exception, &outcome);
    } else {
        buf_puts(&outcome, "returned ");
        obj_repr(j->result, &outcome);
    }
    err_clear();
    narr_job_finished(fname.s, k->name, e->process, j->t0, j->t1, outcome.s);
    rec_job_end(sim.rec, j->rec_job, j->exception ? JOB_RAISED : JOB_RESULT);
    buf_free(&fname);
    buf_free(&outcome);
    bool ok = job_settle(j, CF_FINISHED);
    k->job = NULL;
    DECREF(j);
    ok = ok && dispatch(e);
    if (ok && !exec_busy(e)) {
        Obj *waiters = e->idle_waiters;
        e->idle_waiters = list_new(1);
        for (size_t i = 0; ok && i < LIST_N(waiters); i++) {
            JobObj *w = (JobObj *)LIST_ITEMS(waiters)[i];
            INCREF(None);
            SETREF(w->result, None);
            ok = job_settle(w, CF_FINISHED);
        }
        DECREF(waiters);
    }
    return ok;
}

/* ------------------------------------------------------ delivering events */

bool executor_next(double *t)
{
    if (!X.n || X.busy)
        return false;
    *t = X.ev[0].t;
    return true;
}

bool executor_run_until(double t)
{
    if (X.busy)
        return true; /* the delivery already under way picks new events up */
    X.busy = true;
    bool ok = true;
    while (ok && X.n && X.ev[0].t <= t) {
        if (!sim_clock_may_reach(X.ev[0].t)) {
            ok = false;
            break;
        }
        Event ev = ev_pop();
        if (ev.t > sim.now)
            sim.now = ev.t;
        if (ev.text) {
            narr_thread_print(lane_of(ev.job), ev.text, ev.len);
            xfree(ev.text);
        } else {
            ok = job_end(ev.job);
        }
        DECREF(ev.job);
        ok = ok && narr_check_room();
    }
    X.busy = false;
    return ok;
}

bool executor_advance(double t)
{
    const Event *ev = &X.ev[0];
    if (t > sim.now) {
        double from = sim.now;
        sim.now = t;
        narr_thread_wait(from, t, lane_of(ev->job));
        if (!narr_check_room())
            return false;
    }
    return executor_run_until(t);
}

/* A blocking wait on the loop thread until done(arg): thread events are
 * delivered in time order meanwhile, and the wait is recorded as a block. */
static bool block_until(bool (*done)(void *), void *arg, const char *what)
{
    if (X.running) {
        err_format(&RuntimeErrorClass, "loopscope: a worker cannot wait for other jobs (%s)", what);
        return false;
    }
    double from = sim.now;
    while (!done(arg) && X.n)
        if (!executor_run_until(X.ev[0].t))
            return false;
    if (sim.now > from) {
        narr_wait_block(from, sim.now, vm_current_line(), what);
        return narr_check_room();
    }
    return true;
}

bool executor_in_thread(void) { return X.running != NULL; }
double executor_clock(void) { return X.running ? X.clock : sim.now; }
void executor_thread_sleep(double d) { X.clock = X.clock + d; }

double executor_thread_clock(void) { return X.running ? X.clock : 0; }

bool executor_print(const char *text, size_t len)
{
    if (!X.running)
        return false;
    ev_push(X.clock, X.running, text, len);
    return true;
}

void executor_reset(void)
{
    for (size_t i = 0; i < X.n; i++) {
        XDECREF(X.ev[i].job);
        xfree(X.ev[i].text);
    }
    xfree(X.ev);
    XDECREF(X.wrap_future);
    memset(&X, 0, sizeof X);
}

void executor_bind_prelude(Obj *dict)
{
    Obj *wf = dict_get_c(dict, "wrap_future");
    XINCREF(wf);
    SETREF(X.wrap_future, wf);
}

/* ----------------------------------------------------- concurrent Future */

static void job_dealloc(Obj *o)
{
    JobObj *j = (JobObj *)o;
    XDECREF(j->exec);
    XDECREF(j->fn);
    XDECREF(j->args);
    XDECREF(j->kwnames);
    XDECREF(j->result);
    XDECREF(j->exception);
    XDECREF(j->callbacks);
    XDECREF(j->awaiters);
}

static void job_repr(Obj *o, Buf *out)
{
    static const char *const names[] = {"pending", "running", "cancelled", "finished"};
    JobObj *j = (JobObj *)o;
    buf_printf(out, "<Future state=%s", names[j->state]);
    if (j->state == CF_FINISHED)
        buf_printf(out, j->exception ? " raised %s" : " returned %s",
                   (j->exception ? j->exception : j->result)->cls->name);
    buf_putc(out, '>');
}

static Class JobClass = {.name = "Future", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(JobObj),
                         .dealloc = job_dealloc, .repr = job_repr, .builtin = true};

static JobObj *job_new(ExecObj *e)
{
    JobObj *j = (JobObj *)obj_alloc(&JobClass, sizeof(JobObj));
    XINCREF(e);
    j->exec = e;
    j->callbacks = list_new(2);
    j->awaiters = list_new(1);
    j->worker = -1;
    j->rec_job = -1;
    return j;
}

#define JOB_METHOD(fname) static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kw)

static bool job_is_done(void *arg)
{
    CFState st = ((JobObj *)arg)->state;
    return st == CF_FINISHED || st == CF_CANCELLED;
}

/* result()/exception() on an unfinished job wait for it (a blocking wait). */
static bool job_wait(JobObj *j)
{
    if (job_is_done(j))
        return true;
    Buf what;
    buf_init(&what);
    buf_puts(&what, "Future.result() waits for ");
    callable_name(j->fn ? j->fn : None, &what);
    bool ok = block_until(job_is_done, j, what.s);
    buf_free(&what);
    return ok;
}

/* The start of result() and exception(): wait (blocking the loop thread in
 * virtual time) until the job settles; NULL if it was cancelled. */
static JobObj *job_settled(const char *fname, Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"timeout", NULL};
    Obj *a[1];
    if (!vm_parse_args(fname, args, nargs, kw, names, 0, a))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (!job_wait(j))
        return NULL;
    if (j->state == CF_CANCELLED) {
        err_null(&CancelledErrorClass, "%s", "");
        return NULL;
    }
    return j;
}

JOB_METHOD(jm_result)
{
    JobObj *j = job_settled("result", self, args, nargs, kw);
    if (!j)
        return NULL;
    if (j->exception) {
        INCREF(j->exception);
        err_set(j->exception);
        return NULL;
    }
    INCREF(j->result);
    return j->result;
}

JOB_METHOD(jm_exception)
{
    JobObj *j = job_settled("exception", self, args, nargs, kw);
    if (!j)
        return NULL;
    Obj *e = j->exception ? j->exception : None;
    INCREF(e);
    return e;
}

JOB_METHOD(jm_done)
{
    (void)args;
    if (!vm_check_nargs("done", nargs, kw, 0, 0))
        return NULL;
    return bool_new(job_is_done(self));
}

JOB_METHOD(jm_running)
{
    (void)args;
    if (!vm_check_nargs("running", nargs, kw, 0, 0))
        return NULL;
    return bool_new(((JobObj *)self)->state == CF_RUNNING);
}

JOB_METHOD(jm_cancelled)
{
    (void)args;
    if (!vm_check_nargs("cancelled", nargs, kw, 0, 0))
        return NULL;
    return bool_new(((JobObj *)self)->state == CF_CANCELLED);
}

/* Only a job still waiting for a worker can be cancelled. */
JOB_METHOD(jm_cancel)
{
    (void)args;
    if (!vm_check_nargs("cancel", nargs, kw, 0, 0))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (j->state == CF_CANCELLED)
        return bool_new(true);
    if (j->state != CF_PENDING)
        return bool_new(false);
    if (!job_settle(j, CF_CANCELLED))
        return NULL;
    return bool_new(true);
}

JOB_METHOD(jm_add_done_callback)
{
    if (!vm_check_nargs("add_done_callback", nargs, kw, 1, 1))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (job_is_done(j)) {
        if (!call_back(args[0], j))
            return NULL;
    } else {
        list_append(j->callbacks, args[0]);
    }
    return none_new();
}

/* concurrent.futures.Future() made directly: not a job, settled by
 * set_result / set_exception (wrap_future's callbacks see it like a job). */
static Obj *job_ctor(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("Future", nargs, kw, 0, 0))
        return NULL;
    return (Obj *)job_new(NULL);
}

static bool job_settable(JobObj *j)
{
    if (!job_is_done(j))
        return true;
    Buf r;
    buf_init(&r);
    job_repr(&j->hdr, &r);
    err_format(&InvalidStateErrorClass, "%s: %s", j->state == CF_CANCELLED ? "CANCELLED" : "FINISHED", r.s);
    buf_free(&r);
    return false;
}

JOB_METHOD(jm_set_result)
{
    if (!vm_check_nargs("set_result", nargs, kw, 1, 1))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (!job_settable(j))
        return NULL;
    INCREF(args[0]);
    SETREF(j->result, args[0]);
    return job_settle(j, CF_FINISHED) ? none_new() : NULL;
}

JOB_METHOD(jm_set_exception)
{
    if (!vm_check_nargs("set_exception", nargs, kw, 1, 1))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (!job_settable(j))
        return NULL;
    if (args[0] != None) {
        INCREF(args[0]);
        SETREF(j->exception, args[0]);
    }
    return job_settle(j, CF_FINISHED) ? none_new() : NULL;
}

JOB_METHOD(jm_set_running_or_notify_cancel)
{
    (void)args;
    if (!vm_check_nargs("set_running_or_notify_cancel", nargs, kw, 0, 0))
        return NULL;
    JobObj *j = (JobObj *)self;
    if (j->state == CF_CANCELLED)
        return bool_new(false);
    if (j->state != CF_PENDING)
        return err_null(&RuntimeErrorClass, "Future in unexpected state");
    j->state = CF_RUNNING;
    return bool_new(true);
}

/* ------------------------------------------------------------ executors */

static void exec_dealloc(Obj *o)
{
    ExecObj *e = (ExecObj *)o;
    for (int w = 0; w < e->nworkers; w++)
        XDECREF(e->workers[w].job);
    XDECREF(e->queue);
    XDECREF(e->idle_waiters);
}

static void exec_free_mem(Obj *o)
{
    xfree(((ExecObj *)o)->workers);
}

static void exec_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<concurrent.futures.%s object>", o->cls->name);
}

static Obj *exec_ctor(Obj *self, Obj **args, int nargs, Obj *kw);

static Class ExecutorClass = {.name = "Executor", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(ExecObj),
                              .dealloc = exec_dealloc, .free_mem = exec_free_mem, .repr = exec_repr,
                              .builtin = true};
static Class ThreadPoolClass = {.name = "ThreadPoolExecutor", .kind = K_OTHER, .base = &ExecutorClass,
                                .size = sizeof(ExecObj), .dealloc = exec_dealloc, .free_mem = exec_free_mem,
                                .repr = exec_repr, .ctor = exec_ctor, .builtin = true};
static Class ProcessPoolClass = {.name = "ProcessPoolExecutor", .kind = K_OTHER, .base = &ExecutorClass,
                                 .size = sizeof(ExecObj), .dealloc = exec_dealloc, .free_mem = exec_free_mem,
                                 .repr = exec_repr, .ctor = exec_ctor, .builtin = true};

static ExecObj *exec_new(bool process, const char *prefix, int max_workers)
{
    Class *c = process ? &ProcessPoolClass : &ThreadPoolClass;
    ExecObj *e = (ExecObj *)obj_alloc(c, sizeof(ExecObj));
    e->process = process;
    snprintf(e->prefix, sizeof e->prefix, "%s", prefix);
    e->max_workers = max_workers;
    e->workers = xcalloc((size_t)max_workers, sizeof(Worker));
    e->queue = list_new(4);
    e->idle_waiters = list_new(1);
    return e;
}

/* ThreadPoolExecutor(max_workers=None, thread_name_prefix='') /
 * ProcessPoolExecutor(max_workers=None) */
static Obj *exec_ctor(Obj *self, Obj **args, int nargs, Obj *kw)
{
    bool process = (Class *)self == &ProcessPoolClass;
    static const char *const tnames[] = {"max_workers", "thread_name_prefix", NULL};
    static const char *const pnames[] = {"max_workers", NULL};
    Obj *a[2] = {NULL, NULL};
    if (!vm_parse_args(((Class *)self)->name, args, nargs, kw, process ? pnames : tnames, 0, a))
        return NULL;
    int64_t n = process ? DEFAULT_PROCESSES : DEFAULT_THREADS;
    if (a[0] && a[0] != None) {
        if (!is_int(a[0]))
            return err_null(&TypeErrorClass, "max_workers must be an int, not %s", obj_type_name(a[0]));
        n = int_value(a[0]);
        if (n <= 0)
            return err_null(&ValueErrorClass, "max_workers must be greater than 0");
        if (n > 256)
            return err_null(&ValueErrorClass, "loopscope: at most 256 workers");
    }
    char prefix[64];
    if (a[1] && IS(a[1], StrClass) && STR_LEN(a[1]))
        snprintf(prefix, sizeof prefix, "%s", STR_S(a[1]));
    else if (!process)
        snprintf(prefix, sizeof prefix, "ThreadPoolExecutor-%d", X.pools++);
    else
        prefix[0] = '\0';
    return &exec_new(process, prefix, (int)n)->hdr;
}

/* Submit fn(*args) (keyword values after the positionals): starts at once
 * on an idle worker or a new one, else waits in the queue. New ref. */
static JobObj *exec_submit(ExecObj *e, Obj *fn, Obj **args, int npos, Obj *kwnames)
{
    if (e->shutdown) {
        err_format(&RuntimeErrorClass, "cannot schedule new futures after shutdown");
        return NULL;
    }
    JobObj *j = job_new(e);
    INCREF(fn);
    j->fn = fn;
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    j->args = tuple_new((size_t)npos + (size_t)nkw);
    for (int i = 0; i < npos + nkw; i++) {
        INCREF(args[i]);
        TUP_ITEMS(j->args)[i] = args[i];
    }
    j->npos = npos;
    if (nkw) {
        INCREF(kwnames);
        j->kwnames = kwnames;
    }
    list_append(e->queue, &j->hdr);
    if (!dispatch(e) || !executor_run_until(sim.now)) {
        DECREF(j);
        return NULL;
    }
    if (j->state == CF_PENDING) {
        Buf fname;
        buf_init(&fname);
        callable_name(fn, &fname);
        narr_job_queued(fname.s, e->process, e->max_workers);
        buf_free(&fname);
    }
    return j;
}

static Obj *em_submit(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (nargs < 1)
        return err_null(&TypeErrorClass, "submit expected at least 1 argument, got 0");
    return (Obj *)exec_submit((ExecObj *)self, args[0], args + 1, nargs - 1, kw);
}

static bool exec_idle(void *arg) { return !exec_busy(arg); }

static bool exec_shutdown(ExecObj *e, bool wait, bool cancel_futures)
{
    e->shutdown = true;
    if (cancel_futures) {
        for (size_t i = 0; i < LIST_N(e->queue); i++)
            if (!job_settle((JobObj *)LIST_ITEMS(e->queue)[i], CF_CANCELLED))
                return false;
        SETREF(e->queue, list_new(1));
    }
    if (!wait || !exec_busy(e))
        return true;
    char what[96];
    snprintf(what, sizeof what, "the %s waits for its %s", e->process ? "process pool" : "thread pool",
             e->process ? "processes" : "threads");
    return block_until(exec_idle, e, what);
}

static Obj *em_shutdown(Obj *self, Obj **args, int nargs, Obj *kw)
{
    static const char *const names[] = {"wait", "cancel_futures", NULL};
    Obj *a[2] = {NULL, NULL};
    if (!vm_parse_args("shutdown", args, nargs, kw, names, 0, a))
        return NULL;
    bool wait = !a[0] || obj_truth(a[0]) == 1;
    bool cancel = a[1] && obj_truth(a[1]) == 1;
    if (!exec_shutdown((ExecObj *)self, wait, cancel))
        return NULL;
    return none_new();
}

static Obj *em_enter(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__enter__", nargs, kw, 0, 0))
        return NULL;
    INCREF(self);
    return self;
}

static Obj *em_exit(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__exit__", nargs, kw, 0, 3))
        return NULL;
    if (!exec_shutdown((ExecObj *)self, true, false))
        return NULL;
    return bool_new(false);
}

/* ---------------------------------------------- loop.run_in_executor */

static Obj *m_run_in_executor(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_no_keywords("run_in_executor", kw))
        return NULL;
    if (nargs < 2)
        return err_null(&TypeErrorClass, "run_in_executor() missing required arguments 'executor' and 'func'");
    LoopObj *l = (LoopObj *)self;
    if (l->closed)
        return err_null(&RuntimeErrorClass, "Event loop is closed");
    ExecObj *e;
    if (args[0] == None) {
        if (l->executor_shutdown)
            return err_null(&RuntimeErrorClass, "Executor shutdown has been called");
        if (!l->executor)
            l->executor = &exec_new(false, "asyncio", DEFAULT_THREADS)->hdr;
        e = (ExecObj *)l->executor;
    } else if (is_exec(args[0])) {
        e = (ExecObj *)args[0];
    } else {
        return err_null(&TypeErrorClass, "executor must be an Executor, not %s", obj_type_name(args[0]));
    }
    if (!X.wrap_future)
        return err_null(&RuntimeErrorClass, "loopscope: the prelude has no wrap_future (see docs/threads.md)");
    JobObj *j = exec_submit(e, args[1], args + 2, nargs - 2, NULL);
    if (!j)
        return NULL;
    static const char *const kwname[] = {"loop"};
    Obj *names = tuple_new(1);
    TUP_ITEMS(names)[0] = str_from(kwname[0]);
    Obj *call[2] = {&j->hdr, self};
    Obj *r = vm_call(X.wrap_future, call, 1, names);
    DECREF(names);
    DECREF(j);
    return r;
}

/* ------------------------------------------------ prelude primitives */

#define PRIM(fname) static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kw)

/* _executor_label(future, job): future waits on job; label it. */
PRIM(p_executor_label)
{
    (void)self;
    if (!vm_check_nargs("_executor_label", nargs, kw, 2, 2))
        return NULL;
    if (!is_future(args[0]) || !IS(args[1], JobClass))
        return err_null(&TypeErrorClass, "_executor_label(future, concurrent future)");
    JobObj *j = (JobObj *)args[1];
    if (j->exec) {
        list_append(j->awaiters, args[0]);
        relabel(j);
    }
    return none_new();
}

/* _default_executor_shutdown(loop): no more default-executor jobs; returns
 * a concurrent future done when its jobs are over, or None if none run. */
PRIM(p_default_executor_shutdown)
{
    (void)self;
    if (!vm_check_nargs("_default_executor_shutdown", nargs, kw, 1, 1))
        return NULL;
    if (!IS(args[0], LoopClass))
        return err_null(&TypeErrorClass, "expected an event loop");
    LoopObj *l = (LoopObj *)args[0];
    l->executor_shutdown = true;
    ExecObj *e = (ExecObj *)l->executor;
    if (!e)
        return none_new();
    e->shutdown = true;
    if (!exec_busy(e))
        return none_new();
    JobObj *w = job_new(NULL);
    w->state = CF_RUNNING;
    list_append(e->idle_waiters, &w->hdr);
    return &w->hdr;
}

void executor_add_prims(Obj *module)
{
    Obj *b = builtin_new("_executor_label", p_executor_label, NULL);
    dict_set_c(((ModuleObj *)module)->dict, "_executor_label", b);
    DECREF(b);
    class_init(&PartialClass);
    dict_set_c(((ModuleObj *)module)->dict, "_functools_partial", &PartialClass.hdr);
    b = builtin_new("_default_executor_shutdown", p_default_executor_shutdown, NULL);
    dict_set_c(((ModuleObj *)module)->dict, "_default_executor_shutdown", b);
    DECREF(b);
}

/* ----------------------------------------------------------- the module */

void executor_init_class(void)
{
    class_init(&JobClass);
    class_init(&ExecutorClass);
    class_init(&ThreadPoolClass);
    class_init(&ProcessPoolClass);
    if (JobClass.dict)
        return;
    class_add_method(&JobClass, "result", jm_result);
    class_add_method(&JobClass, "exception", jm_exception);
    class_add_method(&JobClass, "done", jm_done);
    class_add_method(&JobClass, "running", jm_running);
    class_add_method(&JobClass, "cancelled", jm_cancelled);
    class_add_method(&JobClass, "cancel", jm_cancel);
    class_add_method(&JobClass, "add_done_callback", jm_add_done_callback);
    class_add_method(&JobClass, "set_result", jm_set_result);
    class_add_method(&JobClass, "set_exception", jm_set_exception);
    class_add_method(&JobClass, "set_running_or_notify_cancel", jm_set_running_or_notify_cancel);
    JobClass.ctor = job_ctor;
    class_add_method(&ExecutorClass, "submit", em_submit);
    class_add_method(&ExecutorClass, "shutdown", em_shutdown);
    class_add_method(&ExecutorClass, "__enter__", em_enter);
    class_add_method(&ExecutorClass, "__exit__", em_exit);
    class_add_method(&LoopClass, "run_in_executor", m_run_in_executor);
}

Obj *executor_module_new(void)
{
    Obj *m = module_new("concurrent.futures");
    Obj *d = ((ModuleObj *)m)->dict;
    dict_set_c(d, "ThreadPoolExecutor", &ThreadPoolClass.hdr);
    dict_set_c(d, "ProcessPoolExecutor", &ProcessPoolClass.hdr);
    dict_set_c(d, "Executor", &ExecutorClass.hdr);
    dict_set_c(d, "Future", &JobClass.hdr);
    dict_set_c(d, "CancelledError", &CancelledErrorClass.hdr);
    return m;
}
