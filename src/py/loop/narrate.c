/* narrate.c: what a learner sees. Turns the model's events into recorded
 * steps: each task's state (READY / RUNNING / WAITING / DONE) with a label
 * for what it waits on, the line it stands on, a log line in the demos'
 * "[0.00] foo() entered" style, and a caption that says why in plain words.
 * It also writes the trace events (start, print, done, ...). All wording
 * lives here; the loop and the tasks only report what happened. */
#include "model.h"

#include "../objects/klass.h"

#include <stdio.h>
#include <string.h>

SimState sim;

static const char *cname(TaskObj *t) { return STR_S(t->coro_name); }
static const char *tname(TaskObj *t) { return STR_S(t->name); }

static void fmt_t(Buf *b, double t)
{
    char tmp[64];
    if (t >= 0 && t < 1e12)
        fixed_write(fixed_round(t, 2), 2, tmp, sizeof tmp); /* "%.2f" without printf: every step has one */
    else
        snprintf(tmp, sizeof tmp, "%.2f", t);
    for (char *p = tmp; *p; p++)
        if (*p == ',')
            *p = '.';
    buf_puts(b, tmp);
}

/* "[1.50] " */
static void log_prefix(Buf *b)
{
    buf_putc(b, '[');
    fmt_t(b, sim.now);
    buf_puts(b, "] ");
}

static int task_line(TaskObj *t)
{
    int line = t->coro ? coro_line(t->coro) : 0;
    return line ? line : vm_current_line();
}

static void task_chain(TaskObj *t, Buf *out)
{
    if (t->coro)
        coro_chain(t->coro, out);
}

bool narr_check_room(void)
{
    if (!rec_full(sim.rec))
        return true;
    if (!err_occurred())
        err_format(&LimitErrorClass,
                   "the recording reached its step limit; the scenario was stopped there (raise it with "
                   "--max-steps)");
    return false;
}

static void set_state(TaskObj *t, TaskState st, Outcome out, const char *label);

/* Record a step. The running task (if another one) keeps running, but its
 * line has moved on since its last change, so refresh it. */
static void step(StepKind kind, int task, int line, const char *text, const char *caption, const char *log)
{
    if (!rec_step(sim.rec, kind, sim.now, task, line, text, caption, log))
        return;
    TaskObj *cur = sim.current;
    if (cur && cur->rec_id >= 0 && cur->rec_id != task && cur->fut.state == FUT_PENDING)
        set_state(cur, TS_RUNNING, OUT_NONE, "");
}

/* Record task t's visible state in the current step. */
static void set_state(TaskObj *t, TaskState st, Outcome out, const char *label)
{
    if (t->rec_id < 0)
        return;
    Buf chain;
    buf_init(&chain);
    task_chain(t, &chain);
    rec_task_set(sim.rec, t->rec_id, st, out, label, chain.s, task_line(t), (uint32_t)sim.seq);
    buf_free(&chain);
}

/* ---------------------------------------------------------------- print */

static const char *print_lane; /* a worker's print being delivered, or NULL */

static void emit_line(const char *s, size_t n)
{
    Buf text, log;
    buf_init(&text);
    buf_init(&log);
    buf_putn(&text, s, n);
    log_prefix(&log);
    buf_puts(&log, "print: ");
    buf_putn(&log, s, n);
    TaskObj *t = print_lane ? NULL : sim.current;
    Buf cap;
    buf_init(&cap);
    if (print_lane)
        buf_printf(&cap, "worker %s prints a line (at its own time; the loop is not involved)", print_lane);
    else if (t)
        buf_printf(&cap, "%s prints a line", cname(t));
    else
        buf_puts(&cap, "the module prints a line");
    int line = print_lane ? 0 : vm_current_line();
    step(SK_PRINT, t && t->rec_id >= 0 ? t->rec_id : -1, line, text.s, cap.s, log.s);
    if (t && t->rec_id >= 0)
        set_state(t, TS_RUNNING, OUT_NONE, "");
    buf_free(&text);
    buf_free(&log);
    buf_free(&cap);
}

void narr_flush_print(void)
{
    if (!sim.pending.len)
        return;
    emit_line(sim.pending.s, sim.pending.len);
    buf_clear(&sim.pending);
}

void narr_print(const char *text, size_t len)
{
    buf_putn(&sim.pending, text, len);
    char *nl;
    while ((nl = memchr(sim.pending.s, '\n', sim.pending.len))) {
        size_t n = (size_t)(nl - sim.pending.s);
        emit_line(sim.pending.s, n);
        size_t rest = sim.pending.len - n - 1;
        memmove(sim.pending.s, nl + 1, rest);
        sim.pending.len = rest;
        sim.pending.s[rest] = '\0';
    }
}

void narr_thread_print(const char *lane, const char *text, size_t len)
{
    print_lane = lane;
    narr_print(text, len);
    print_lane = NULL;
}

/* ------------------------------------------------------------ the loop */

void narr_loop_begin(void)
{
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_puts(&log, "asyncio.run() starts an event loop");
    step(SK_LOOP, -1, vm_current_line(), "",
         "asyncio.run() creates a new event loop and wraps the coroutine in a task", log.s);
    buf_free(&log);
}

void narr_loop_end(void)
{
    narr_flush_print();
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_puts(&log, "asyncio.run() returns; the loop is closed");
    step(SK_END, -1, vm_current_line(), "",
         "asyncio.run() is finished: leftover tasks were cancelled and the loop is closed", log.s);
    buf_free(&log);
}

void narr_clock(double from, double to)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_puts(&log, "clock jumps to ");
    fmt_t(&log, to);
    buf_puts(&cap, "nothing is ready, so the loop sleeps until the next timer at t=");
    fmt_t(&cap, to);
    step(SK_CLOCK, -1, 0, "", cap.s, log.s);
    rec_set_t0(sim.rec, from);
    buf_free(&log);
    buf_free(&cap);
}

void narr_block(double from, double to, int line)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    TaskObj *t = sim.current;
    log_prefix(&log);
    buf_printf(&log, "time.sleep blocks the loop until ");
    fmt_t(&log, to);
    buf_printf(&cap, "time.sleep(");
    Obj *d = float_new(to - from);
    obj_repr(d, &cap);
    DECREF(d);
    buf_printf(&cap, ") in %s blocks the whole loop: no other task can run until t=", t ? cname(t) : "the module");
    fmt_t(&cap, to);
    step(SK_BLOCK, t && t->rec_id >= 0 ? t->rec_id : -1, line, "", cap.s, log.s);
    rec_set_t0(sim.rec, from);
    if (t)
        set_state(t, TS_RUNNING, OUT_NONE, "blocking in time.sleep");
    buf_free(&log);
    buf_free(&cap);
}

/* ------------------------------------------- worker threads and processes */

static const char *worker_kind(bool process) { return process ? "process" : "thread"; }

void narr_job_queued(const char *func, bool process, int max_workers)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_printf(&log, "%s() queued: all %d workers are busy", func, max_workers);
    buf_printf(&cap, "%s() waits in the pool's queue: all %d worker %ss are busy, so it starts when one is free",
               func, max_workers, worker_kind(process));
    step(SK_LABEL, -1, vm_current_line(), "", cap.s, log.s);
    buf_free(&log);
    buf_free(&cap);
}

void narr_job_started(const char *func, const char *lane, bool process, double t0, double t1)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_printf(&log, "%s() started on %s", func, lane);
    buf_printf(&cap, "%s() runs on worker %s %s for %.2fs, until t=", func, worker_kind(process), lane, t1 - t0);
    fmt_t(&cap, t1);
    buf_puts(&cap, ". The event loop is not blocked: other tasks keep running meanwhile");
    step(SK_JOB_START, -1, 0, lane, cap.s, log.s);
    buf_free(&log);
    buf_free(&cap);
}

void narr_job_finished(const char *func, const char *lane, bool process, double t0, double t1,
                       const char *outcome)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_printf(&log, "%s() finished on %s", func, lane);
    buf_printf(&cap,
               "%s %s finished %s() after %.2fs (%s): it hands the result to the loop with "
               "call_soon_threadsafe, and the awaiting task wakes up on a later loop turn",
               worker_kind(process), lane, func, t1 - t0, outcome);
    step(SK_JOB_END, -1, 0, lane, cap.s, log.s);
    buf_free(&log);
    buf_free(&cap);
}

void narr_thread_wait(double from, double to, const char *lane)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_puts(&log, "clock jumps to ");
    fmt_t(&log, to);
    buf_printf(&cap, "nothing is ready, so the loop waits; the next thing to happen is on worker %s at t=", lane);
    fmt_t(&cap, to);
    step(SK_CLOCK, -1, 0, "", cap.s, log.s);
    rec_set_t0(sim.rec, from);
    buf_free(&log);
    buf_free(&cap);
}

void narr_wait_block(double from, double to, int line, const char *what)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    TaskObj *t = sim.current;
    log_prefix(&log);
    buf_printf(&log, "%s: the loop is blocked until ", what);
    fmt_t(&log, to);
    buf_printf(&cap, "%s in %s: a blocking wait, so no other task can run until t=", what,
               t ? cname(t) : "the module");
    fmt_t(&cap, to);
    step(SK_BLOCK, t && t->rec_id >= 0 ? t->rec_id : -1, line, "", cap.s, log.s);
    rec_set_t0(sim.rec, from);
    if (t)
        set_state(t, TS_RUNNING, OUT_NONE, "blocking wait");
    buf_free(&log);
    buf_free(&cap);
}

/* --------------------------------------------------------------- tasks */

void narr_task_created(TaskObj *t)
{
    if (t->rec_id < 0)
        return;
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    buf_printf(&log, "%s() scheduled as %s", cname(t), tname(t));
    buf_printf(&cap, "%s() is wrapped in a task (%s) and queued: it is READY but has not started", cname(t),
               tname(t));
    step(SK_CREATE, t->rec_id, vm_current_line(), "", cap.s, log.s);
    set_state(t, TS_READY, OUT_NONE, "scheduled");
    buf_free(&log);
    buf_free(&cap);
}

void narr_task_running(TaskObj *t, bool first, Obj *thrown)
{
    if (t->rec_id < 0)
        return;
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    log_prefix(&log);
    if (first) {
        narr_flush_print();
        buf_printf(&log, "%s() entered", cname(t));
        buf_printf(&cap, "the loop runs %s: its first step starts", cname(t));
        if (thrown)
            buf_printf(&cap, ", but it was cancelled before it began, so CancelledError is raised at once");
    } else if (thrown) {
        buf_printf(&log, "%s() resumes with %s", cname(t), thrown->cls->name);
        buf_printf(&cap, "%s resumes: %s is raised at its await", cname(t), thrown->cls->name);
    } else {
        buf_printf(&log, "%s() resumes", cname(t));
        buf_printf(&cap, "the loop resumes %s where it left off", cname(t));
    }
    Buf text;
    buf_init(&text);
    if (first)
        buf_printf(&text, "%s %s", tname(t), cname(t));
    step(first ? SK_START : SK_RESUME, t->rec_id, task_line(t), text.s, cap.s, log.s);
    buf_free(&text);
    set_state(t, TS_RUNNING, OUT_NONE, "");
    buf_free(&log);
    buf_free(&cap);
}

/* What t waits on: the future's label, plus the task's deadline note. */
static void waiting_label(const TaskObj *t, FutureObj *f, Buf *out)
{
    future_describe(f, out);
    if (t->note)
        buf_printf(out, " \xc2\xb7 %s", STR_S(t->note));
}

void narr_task_suspended(TaskObj *t, Obj *yielded)
{
    if (t->rec_id < 0)
        return;
    Buf log, cap, label;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&label);
    log_prefix(&log);
    if (yielded == None) {
        buf_puts(&label, "yielded: back of the queue");
        buf_printf(&log, "%s() yields to the loop", cname(t));
        buf_printf(&cap, "%s gives the loop a turn (sleep(0)) and goes to the back of the READY queue", cname(t));
        step(SK_SUSPEND, t->rec_id, task_line(t), "", cap.s, log.s);
        set_state(t, TS_READY, OUT_NONE, label.s);
    } else {
        waiting_label(t, (FutureObj *)yielded, &label);
        buf_printf(&log, "%s() awaits %s", cname(t), label.s);
        buf_printf(&cap, "%s awaits %s and gives control back to the loop, which is free to run others",
                   cname(t), label.s);
        step(SK_SUSPEND, t->rec_id, task_line(t), "", cap.s, log.s);
        set_state(t, TS_WAITING, OUT_NONE, label.s);
    }
    buf_free(&log);
    buf_free(&cap);
    buf_free(&label);
}

void narr_task_woken(TaskObj *t, FutureObj *by)
{
    if (t->rec_id < 0)
        return;
    Buf log, cap, label;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&label);
    future_describe(by, &label);
    log_prefix(&log);
    if (by->state == FUT_CANCELLED && t->num_cancels_requested > 0) {
        buf_printf(&log, "%s() is cancelled", cname(t));
        buf_printf(&cap, "%s is cancelled while it waits on %s: it is READY, and CancelledError will be raised "
                         "at that await so its except and finally blocks can clean up", cname(t), label.s);
    } else {
        buf_printf(&log, "%s() is ready", cname(t));
        const char *why = by->state == FUT_CANCELLED ? "was cancelled" : "is done";
        buf_printf(&cap, "%s is READY: %s %s", cname(t), label.s, why);
    }
    step(SK_WAKE, t->rec_id, task_line(t), "", cap.s, log.s);
    set_state(t, TS_READY, OUT_NONE, label.s);
    buf_free(&log);
    buf_free(&cap);
    buf_free(&label);
}

void narr_task_finished(TaskObj *t)
{
    if (t->rec_id < 0)
        return;
    narr_flush_print();
    Buf log, cap, label;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&label);
    log_prefix(&log);
    StepKind kind;
    Outcome out;
    Buf text;
    buf_init(&text);
    buf_printf(&text, "%s %s", tname(t), cname(t));
    if (t->fut.state == FUT_CANCELLED) {
        kind = SK_CANCELLED;
        out = OUT_CANCELLED;
        buf_puts(&label, "cancelled");
        buf_printf(&log, "%s() cancelled", cname(t));
        buf_printf(&cap, "%s ends cancelled: CancelledError reached the top of its coroutine", cname(t));
    } else if (t->fut.exception) {
        kind = SK_RAISED;
        out = OUT_RAISED;
        buf_printf(&text, " %s", t->fut.exception->cls->name);
        klass_quiet(true);
        obj_repr(t->fut.exception, &label);
        klass_quiet(false);
        buf_printf(&log, "%s() raised %s", cname(t), label.s);
        const ExcObj *e = (const ExcObj *)t->fut.exception;
        if (class_is_sub(e->hdr.cls, &BaseExceptionGroupClass) && e->extra && IS(e->extra, TupleClass))
            buf_printf(&cap, "%s ends with an %s of %zu error%s: every failure is kept and raised together, "
                             "and `except*` can handle each kind", cname(t), e->hdr.cls->name, TUP_N(e->extra),
                       TUP_N(e->extra) == 1 ? "" : "s");
        else
            buf_printf(&cap, "%s ends with an exception: %s; whoever awaits it will see it raised", cname(t),
                       label.s);
    } else {
        kind = SK_DONE;
        out = OUT_RESULT;
        buf_puts(&label, "\xe2\x86\x92 ");
        klass_quiet(true);
        obj_repr(t->fut.result, &label);
        klass_quiet(false);
        buf_printf(&log, "%s() done %s", cname(t), label.s);
        buf_printf(&cap, "%s returns %s: its task is DONE and anyone awaiting it is woken", cname(t), label.s + 4);
    }
    err_clear();
    step(kind, t->rec_id, task_line(t), text.s, cap.s, log.s);
    set_state(t, TS_DONE, out, label.s);
    buf_free(&text);
    buf_free(&log);
    buf_free(&cap);
    buf_free(&label);
}

void narr_label_changed(FutureObj *f)
{
    /* find tasks waiting on f: their wakeup callbacks sit in f->callbacks */
    for (size_t i = 0; i < LIST_N(f->callbacks); i++) {
        Obj *cb = LIST_ITEMS(f->callbacks)[i];
        if (!IS(cb, BuiltinClass) || strcmp(((BuiltinObj *)cb)->name, "task_wakeup") != 0)
            continue;
        TaskObj *t = (TaskObj *)((BuiltinObj *)cb)->self;
        if (t->rec_id < 0)
            continue;
        Buf label, cap, log;
        buf_init(&label);
        buf_init(&cap);
        buf_init(&log);
        waiting_label(t, f, &label);
        log_prefix(&log);
        buf_printf(&log, "%s() waits on %s", cname(t), label.s);
        buf_printf(&cap, "%s is still WAITING: %s", cname(t), label.s);
        step(SK_LABEL, t->rec_id, task_line(t), "", cap.s, log.s);
        set_state(t, TS_WAITING, OUT_NONE, label.s);
        buf_free(&label);
        buf_free(&cap);
        buf_free(&log);
    }
}

void narr_never_awaited(GenObj *coro)
{
    narr_flush_print();
    Buf msg, log, cap;
    buf_init(&msg);
    buf_init(&log);
    buf_init(&cap);
    buf_printf(&msg, "coroutine '%s' was never awaited", STR_S(coro->qualname));
    log_prefix(&log);
    buf_printf(&log, "warning: %s", msg.s);
    buf_printf(&cap,
               "%s() was called but never awaited: calling an async function only creates a coroutine, "
               "and this one was thrown away without running",
               STR_S(coro->name));
    int id = rec_task_new(sim.rec, "(coroutine)", STR_S(coro->name), false);
    step(SK_WARN, id, coro->created_line, msg.s, cap.s, log.s);
    rec_task_set(sim.rec, id, TS_DONE, OUT_NEVER, "never awaited", "", coro->created_line, 0);
    buf_free(&msg);
    buf_free(&log);
    buf_free(&cap);
}

/* ------------------------------------------------------------ endings */

void narr_error(Obj *exc)
{
    narr_flush_print();
    Buf log, cap, r;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&r);
    klass_quiet(true);
    obj_repr(exc, &r);
    klass_quiet(false);
    err_clear();
    log_prefix(&log);
    buf_printf(&log, "uncaught %s", r.s);
    buf_printf(&cap, "the scenario ends with an uncaught exception: %s", r.s);
    step(SK_ERROR, -1, 0, exc->cls->name, cap.s, log.s);
    buf_free(&log);
    buf_free(&cap);
    buf_free(&r);
}

void narr_deadlock(void)
{
    narr_flush_print();
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_puts(&log, "deadlock: nothing is ready and no timer is pending");
    step(SK_DEADLOCK, -1, 0, "",
         "deadlock: no task is ready and no timer is pending, so nothing can ever run again "
         "(real Python would hang here forever)",
         log.s);
    buf_free(&log);
}

void narr_limit(Obj *exc)
{
    narr_flush_print();
    Buf msg, log;
    buf_init(&msg);
    buf_init(&log);
    obj_str(exc, &msg);
    err_clear();
    log_prefix(&log);
    buf_printf(&log, "stopped: %s", msg.s);
    /* the limit step must fit even when the recording is full */
    rec_step(sim.rec, SK_LIMIT, sim.now, -1, 0, msg.s, msg.s, log.s);
    buf_free(&msg);
    buf_free(&log);
}
