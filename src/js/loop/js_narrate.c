/* narrate.c: what a learner sees of a JavaScript run. Turns the loop's and
 * the VM's events into recorded steps: a card per async function call, per
 * timer and per immediate (READY / RUNNING / WAITING / DONE, with what it
 * waits on), the trace lines (print, error, unhandled, end), and a caption
 * that states the rule of Node's loop at work. All wording lives here. */
#include "loop.h"
#include "../objects/inspect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What narration keeps between events: the functions waiting on a
 * promise (to relabel them as a Promise.all progresses) and each
 * combinator's progress. */
typedef struct Wait {
    int task;
    JsObject *promise;
    int line;
} Wait;

typedef struct Prog {
    JsObject *promise;
    int pending, total;
} Prog;

struct Narr {
    Wait *w;
    int nw, capw;
    Prog *p;
    int np, capp;
    /* who is on the call stack: the card of the script or callback the
     * loop is running (ctx), and the async activations called inside it */
    int ctx;
    int *stk;
    int nstk, capstk;
    /* the promises of the latest async calls and their cards, so an await
     * on one names the call ("await p → greet('ada')"); a ring: labels of
     * older ones fall back to the function's name */
    struct {
        JsObject *promise;
        int task;
    } calls[64];
    int ncalls;
};

static double secs(const Loop *L) { return (double)L->now / 1000.0; }

static void fmt_t(Buf *b, int64_t ms)
{
    buf_printf(b, "%lld.%03lld", (long long)(ms / 1000), (long long)(ms % 1000));
}

bool js_narr_room(Loop *L)
{
    if (!rec_full(L->rec))
        return true;
    if (!L->rt->limit)
        js_limit(L->rt, "the recording's step limit (--max-steps)");
    return false;
}

static int cur_line(Loop *L)
{
    return js_vm_current_line(L->rt);
}

/* Record a step, with a log line "[t] what" when what is given. */
static void step_log(Loop *L, StepKind kind, int task, int line, const char *text, const char *caption,
                     const char *what)
{
    Buf log;
    buf_init(&log);
    if (what && *what) {
        char t[32];
        snprintf(t, sizeof t, "[%.2f] ", secs(L));
        buf_puts(&log, t);
        buf_puts(&log, what);
    }
    if (!rec_step(L->rec, kind, secs(L), task, line, text, caption, log.s))
        js_narr_room(L);
    else
        js_internals_record(L);
    buf_free(&log);
}

static void step(Loop *L, StepKind kind, int task, int line, const char *text, const char *caption)
{
    step_log(L, kind, task, line, text, caption, NULL);
}

/* ---- lazy words: the steps every turn of a repeating timer makes (the
 * clock's jump, the re-arm) store what they say as numbers, and the words
 * are written when someone reads them (js_narr_words), so an endless
 * interval keeps no new caption per turn. ---- */
enum { JW_CLOCK = 1, JW_REARM, JW_COUNT };
static const char *const queued_words[] = {
    "",
    "; the nextTicks and microtasks it queued run first",
    "; the nextTicks it queued run first",
    "; the microtasks it queued run first",
};

/* A step with no log line, its caption JW word w about the time ms. */
static void lazy_step(Loop *L, StepKind kind, int task, uint32_t w, int64_t ms, uint32_t more)
{
    uint32_t a[4] = {w, (uint32_t)((uint64_t)ms & 0xFFFFFFFFu), (uint32_t)((uint64_t)ms >> 32), more};
    if (!rec_step_lazy_as(L->rec, kind, secs(L), task, 0, "", a, 4, false))
        js_narr_room(L);
    else
        js_internals_record(L);
}

/* A lazy step's caption (the recording's narrator, rec_set_narrator):
 * reads the recording only. */
static void js_narr_words(const Recording *r, size_t i, int what, Buf *out)
{
    const uint32_t *a = rec_step_args(r, i);
    if (what != REC_CAPTION || a[0] == 0 || a[0] >= JW_COUNT)
        return;
    int64_t ms = (int64_t)((uint64_t)a[1] | (uint64_t)a[2] << 32);
    if (a[0] == JW_CLOCK) {
        buf_puts(out, "nothing is ready: the clock jumps to the next timer, at ");
        fmt_t(out, ms);
        return;
    }
    buf_puts(out, "setInterval re-arms from the time its callback started: next at ");
    fmt_t(out, ms);
    buf_puts(out, queued_words[a[3] < 4 ? a[3] : 0]);
}

static void set(Loop *L, int task, TaskState st, Outcome out, const char *label, int line)
{
    if (task < 0)
        return;
    rec_task_set(L->rec, task, st, out, label, "", line, (uint32_t)L->seq++);
}

/* READY cards in the order Node runs them: the nextTick queue first, then
 * the microtasks, then the due timers or immediates, each queue FIFO. */
enum { RUN_TICK, RUN_MICRO, RUN_PHASE };

static void set_ready(Loop *L, int task, const char *label, int line, int queue)
{
    if (task < 0)
        return;
    uint32_t order = ((uint32_t)queue << 30) | ((uint32_t)L->seq++ & 0x3fffffffu);
    rec_task_set(L->rec, task, TS_READY, OUT_NONE, label, "", line, order);
}

/* A short description of a value for labels and captions. */
static void describe(Loop *L, JsValue v, Buf *b)
{
    Buf t;
    buf_init(&t);
    js_inspect(L->rt, v, &t);
    char *nl = strchr(t.s, '\n');
    if (nl)
        *nl = 0;
    if (strlen(t.s) > 40) {
        t.s[37] = 0;
        buf_printf(b, "%s...", t.s);
    } else {
        buf_puts(b, t.s);
    }
    buf_free(&t);
}

static const char *fname(Frame *f)
{
    const char *n = f->fn->name;
    return n && *n ? n : "(anonymous)";
}

/* An async activation in a caption or log line: its card, by reference. */
static void who(Buf *b, Frame *f)
{
    if (f->task >= 0)
        rec_put_ref(b, f->task);
    else
        buf_printf(b, "%s()", fname(f));
}

/* The card of the async call that returned promise p, when it is recent
 * (an empty slot's promise is NULL: it matches nothing). */
static int call_card(Loop *L, JsObject *p)
{
    struct Narr *n = L->narr;
    for (int i = 0; i < 64; i++)
        if (n->calls[i].promise == p)
            return n->calls[i].task;
    return -1;
}

static void cur_update(Loop *L)
{
    struct Narr *n = L->narr;
    L->current_task = n->nstk ? n->stk[n->nstk - 1] : n->ctx;
}

/* The loop runs the script or a callback (its card, or -1 when it ends). */
static void cur_ctx(Loop *L, int task)
{
    L->narr->ctx = task;
    L->narr->nstk = 0;
    cur_update(L);
}

/* An async activation is on the stack (it started or resumed)... */
static void cur_push(Loop *L, int task)
{
    struct Narr *n = L->narr;
    if (n->nstk == n->capstk) {
        n->capstk = n->capstk ? n->capstk * 2 : 16;
        n->stk = xrealloc(n->stk, (size_t)n->capstk * sizeof(int));
    }
    n->stk[n->nstk++] = task;
    cur_update(L);
}

/* ...and gives it back (await, return, throw): its caller runs on. */
static void cur_pop(Loop *L, int task)
{
    struct Narr *n = L->narr;
    for (int i = n->nstk - 1; i >= 0; i--)
        if (n->stk[i] == task) {
            n->nstk = i;
            break;
        }
    cur_update(L);
}

void js_narr_free(Loop *L)
{
    if (!L->narr)
        return;
    xfree(L->narr->w);
    xfree(L->narr->p);
    xfree(L->narr->stk);
    xfree(L->narr);
    L->narr = NULL;
}

static Prog *prog_of(Loop *L, JsObject *p)
{
    struct Narr *n = L->narr;
    for (int i = 0; i < n->np; i++)
        if (n->p[i].promise == p)
            return &n->p[i];
    return NULL;
}

/* "await Promise.all: 1 of 2 pending" while it is, else NULL */
static bool put_progress(Loop *L, JsObject *p, Buf *label)
{
    Prog *g = prog_of(L, p);
    if (!g || p->x.pr.state != PS_PENDING)
        return false;
    buf_printf(label, "await %s: %d of %d pending", p->x.pr.origin ? p->x.pr.origin : "Promise.all", g->pending,
               g->total);
    return true;
}

void js_narr_progress(Loop *L, JsObject *p, int pending, int total)
{
    struct Narr *n = L->narr;
    Prog *g = prog_of(L, p);
    if (!g && pending > 0) {
        if (n->np == n->capp) {
            n->capp = n->capp ? n->capp * 2 : 8;
            n->p = xrealloc(n->p, (size_t)n->capp * sizeof(Prog));
        }
        g = &n->p[n->np++];
        g->promise = p;
    }
    if (!g)
        return;
    g->pending = pending;
    g->total = total;
    for (int i = 0; i < n->nw; i++) {
        Wait *w = &n->w[i];
        if (w->promise != p || pending == 0)
            continue;
        Buf label, cap;
        buf_init(&label);
        buf_init(&cap);
        put_progress(L, p, &label);
        buf_printf(&cap, "an element of %s has settled: %d of %d still pending, so ", p->x.pr.origin, pending, total);
        rec_put_ref(&cap, w->task);
        buf_puts(&cap, " keeps waiting");
        step(L, SK_LABEL, w->task, w->line, "", cap.s);
        set(L, w->task, TS_WAITING, OUT_NONE, label.s, w->line);
        buf_free(&label);
        buf_free(&cap);
    }
    if (pending == 0) /* settled: no label will ask again */
        *g = n->p[--n->np];
}

static void wait_add(Loop *L, int task, JsObject *p, int line)
{
    struct Narr *n = L->narr;
    if (n->nw == n->capw) {
        n->capw = n->capw ? n->capw * 2 : 8;
        n->w = xrealloc(n->w, (size_t)n->capw * sizeof(Wait));
    }
    n->w[n->nw++] = (Wait){task, p, line};
}

static void wait_drop(Loop *L, int task)
{
    struct Narr *n = L->narr;
    for (int i = 0; i < n->nw; i++)
        if (n->w[i].task == task) {
            n->w[i] = n->w[--n->nw];
            return;
        }
}

static int fn_line(JsValue fn)
{
    return fn.tag == JV_OBJ && fn.u.o->kind == JK_FUNCTION ? fn.u.o->x.fn.code->line : 0;
}

static const char *fn_name(JsValue fn)
{
    if (fn.tag == JV_OBJ && fn.u.o->kind == JK_FUNCTION && fn.u.o->x.fn.code->name && *fn.u.o->x.fn.code->name)
        return fn.u.o->x.fn.code->name;
    return NULL;
}

void js_callback_words(Buf *b, const char *what, JsValue fn, const char *recv)
{
    const char *n = fn_name(fn);
    buf_puts(b, what);
    if (n)
        buf_printf(b, " %s()", n);
    if (recv)
        buf_printf(b, " of %s", recv);
    buf_printf(b, " (line %d)", fn_line(fn));
}

/* A READY card for a callback queued as a job: "then callback (line 12)",
 * "then callback of p (line 12)" when then() was called on a name. */
static int callback_card(Loop *L, const char *what, JsValue fn, const char *recv, const char *label,
                         const char *cap)
{
    Buf name, coro;
    buf_init(&name);
    buf_init(&coro);
    const char *n = fn_name(fn);
    js_callback_words(&name, what, fn, recv);
    buf_printf(&coro, "%s", n ? n : what);
    int card = rec_task_new(L->rec, name.s, coro.s, false);
    Buf log;
    buf_init(&log);
    buf_printf(&log, "%s queued", name.s);
    step_log(L, SK_CREATE, card, fn_line(fn), "", cap, log.s);
    set_ready(L, card, label, fn_line(fn), !strcmp(what, "nextTick callback") ? RUN_TICK : RUN_MICRO);
    buf_free(&log);
    buf_free(&name);
    buf_free(&coro);
    return card;
}

int js_narr_job_queued(Loop *L, const JsJob *j)
{
    if (j->kind == JOB_CALLBACK)
        return callback_card(L, "queueMicrotask callback", j->handler, NULL, "microtask queued",
                             "queueMicrotask puts the callback on the microtask queue: it runs as soon as the call "
                             "stack is empty, before any timer");
    if (j->kind != JOB_REACTION || j->handler.tag != JV_OBJ || j->handler.u.o->kind != JK_FUNCTION)
        return -1;
    if (j->rejected)
        return callback_card(L, "catch callback", j->handler, j->recv, "microtask queued",
                             "the promise is rejected: its catch callback is queued as a microtask, to run when the "
                             "call stack is empty");
    return callback_card(L, "then callback", j->handler, j->recv, "microtask queued",
                         "the promise is fulfilled: its then callback is queued as a microtask, to run when the call "
                         "stack is empty, before any timer");
}

int js_narr_tick_queued(Loop *L, JsValue cb)
{
    return callback_card(L, "nextTick callback", cb, NULL, "nextTick queue",
                         "process.nextTick queues a callback that runs before every promise job, as soon as the "
                         "current callback or script ends");
}

void js_narr_callback_run(Loop *L, int card, JsValue cb)
{
    if (card < 0)
        return;
    bool tick = !strcmp(L->context, "nextTick");
    cur_ctx(L, card);
    step(L, SK_RESUME, card, fn_line(cb), "",
         tick ? "the nextTick queue runs first, before the microtask queue: this callback runs now"
              : "the call stack is empty, so the microtask queue runs, in order, before any timer: this callback "
                "runs now");
    set(L, card, TS_RUNNING, OUT_NONE, "", fn_line(cb));
    cur_ctx(L, card);
}

void js_narr_callback_done(Loop *L, int card, JsObject *derived)
{
    if (card < 0)
        return;
    Buf label, cap;
    buf_init(&label);
    buf_init(&cap);
    bool threw = derived && derived->x.pr.state == PS_REJECTED;
    if (threw) {
        buf_printf(&label, "threw %s", js_ctor_name(L->rt, derived->x.pr.value));
        buf_puts(&cap, "the callback threw: the promise then() returned is rejected with it");
    } else if (derived && derived->x.pr.state == PS_FULFILLED) {
        buf_puts(&label, "= ");
        describe(L, derived->x.pr.value, &label);
        buf_puts(&cap, "the callback returned: the promise then() returned is fulfilled with its value");
    } else if (derived) {
        buf_puts(&label, "returned a promise");
        buf_puts(&cap, "the callback returned a promise: the promise then() returned follows it, two microtask "
                       "turns later at the earliest");
    } else {
        buf_puts(&label, "ran");
        buf_puts(&cap, "the callback returned");
    }
    cur_ctx(L, -1); /* off the call stack as of this step */
    step(L, SK_SUSPEND, card, 0, "", cap.s);
    set(L, card, TS_DONE, threw ? OUT_RAISED : OUT_RESULT, label.s, 0);
    buf_free(&label);
    buf_free(&cap);
}

void js_narr_init(Loop *L)
{
    L->narr = xcalloc(1, sizeof *L->narr);
    L->narr->ctx = -1;
    L->main_task = rec_task_new(L->rec, "script", "(main script)", false);
    L->context = "script";
    L->current_task = -1;
    rec_set_narrator(L->rec, js_narr_words);
}

void js_narr_main_start(Loop *L)
{
    L->phase = "main script";
    step(L, SK_LOOP, L->main_task, 1, "", "the main script runs first, to its end: nothing queued can run before it");
    set(L, L->main_task, TS_RUNNING, OUT_NONE, "", 1);
    cur_ctx(L, L->main_task);
}

void js_narr_main_end(Loop *L)
{
    L->phase = "after the main script";
    cur_ctx(L, -1);
    step(L, SK_SUSPEND, L->main_task, cur_line(L), "", "the main script has ended: now the queues run");
    set(L, L->main_task, TS_DONE, OUT_RESULT, "ended", 0);
}

void js_narr_print(Loop *L, const char *line, size_t n)
{
    char *s = xstrndup(line, n);
    const char *ctx = L->context ? L->context : "script";
    Buf capb;
    buf_init(&capb);
    struct Narr *nr = L->narr;
    bool in_async = nr->nstk > 0 && L->current_task == nr->stk[nr->nstk - 1];
    if (!strcmp(ctx, "script") && in_async) {
        rec_put_ref(&capb, L->current_task);
        buf_puts(&capb, " runs synchronously, called from the main script: console.log prints at once");
    } else if (!strcmp(ctx, "script")) {
        buf_puts(&capb, "the main script runs synchronously: console.log prints at once");
    } else if (!strcmp(ctx, "nextTick")) {
        buf_puts(&capb, "a process.nextTick callback: the nextTick queue runs before promise jobs");
    } else if (!strcmp(ctx, "microtask") && in_async) {
        rec_put_ref(&capb, L->current_task);
        buf_puts(&capb, " goes on as a microtask: microtasks run before the next timer or immediate");
    } else if (!strcmp(ctx, "microtask")) {
        buf_puts(&capb, "a microtask (a promise callback): microtasks run before the next timer or immediate");
    } else if (!strcmp(ctx, "timer")) {
        buf_puts(&capb, "a timer callback, in the timers phase: the script and every microtask before it are done");
    } else if (!strcmp(ctx, "immediate")) {
        buf_puts(&capb, "a setImmediate callback, in the check phase, after this turn's timers");
    } else {
        buf_puts(&capb, "console.log prints a line");
    }
    const char *cap = capb.s;
    Buf what;
    buf_init(&what);
    buf_printf(&what, "print: %s", s);
    step_log(L, SK_PRINT, L->current_task, cur_line(L), s, cap, what.s);
    buf_free(&what);
    buf_free(&capb);
    if (L->current_task >= 0) {
        TaskView tv;
        if (rec_task_at(L->rec, L->current_task, rec_nsteps(L->rec) - 1, &tv) && tv.state == TS_RUNNING)
            set(L, L->current_task, TS_RUNNING, OUT_NONE, "", cur_line(L));
    }
    xfree(s);
}

void js_narr_end(Loop *L)
{
    step_log(L, SK_END, -1, 0, "", "nothing is left: no timer, no immediate, nothing queued. Node exits",
             "the loop is empty: Node exits");
}

void js_narr_error(Loop *L, JsValue exc, bool unhandled)
{
    const char *name = js_ctor_name(L->rt, exc);
    Buf cap;
    buf_init(&cap);
    if (unhandled)
        buf_printf(&cap, "a promise was rejected with %s and nothing handled it by the end of the microtasks: "
                         "Node 20 ends the process",
                   name);
    else
        buf_printf(&cap, "an uncaught %s: Node prints it and exits", name);
    step_log(L, unhandled ? SK_UNHANDLED : SK_ERROR, L->current_task, cur_line(L), name, cap.s,
             unhandled ? "unhandled rejection: the process ends" : "uncaught exception: the process ends");
    buf_free(&cap);
    Buf tb;
    buf_init(&tb);
    Buf d;
    buf_init(&d);
    if (exc.tag == JV_OBJ && exc.u.o->kind == JK_ERROR) {
        JsValue st;
        if (js_get(L->rt, exc, L->rt->s_stack, &st) == 0 && st.tag == JV_STR)
            buf_puts(&d, st.u.s->s);
        else
            describe(L, exc, &d);
    } else {
        describe(L, exc, &d);
    }
    buf_printf(&tb, "%s%s\n", unhandled ? "Unhandled promise rejection: " : "Uncaught ", d.s);
    rec_set_status(L->rec, 1, tb.s);
    buf_free(&d);
    buf_free(&tb);
}

void js_narr_limit(Loop *L, const char *what)
{
    Buf m;
    buf_init(&m);
    buf_printf(&m, "%s%s", what == L->until_msg ? "" : "the scenario was stopped: ", what);
    rec_step(L->rec, SK_LIMIT, secs(L), -1, 0, m.s, m.s, "");
    buf_free(&m);
}

void js_narr_clock(Loop *L, int64_t from, int64_t to, const char *why)
{
    Buf cap;
    buf_init(&cap);
    StepKind k = SK_CLOCK;
    if (!strcmp(why, "block")) {
        k = SK_BLOCK;
        buf_printf(&cap, "Atomics.wait blocks the whole loop for %lld ms: no callback can run meanwhile",
                   (long long)(to - from));
        int64_t save = L->now;
        L->now = to;
        step(L, k, L->current_task, cur_line(L), "", cap.s);
        L->now = save;
    } else {
        L->phase = "the clock moves";
        int64_t save = L->now;
        L->now = to;
        if (!strcmp(why, "first turn"))
            step(L, k, -1, 0, "", "the loop starts: a millisecond passes first, so a 0 ms timer is already due");
        else
            lazy_step(L, k, -1, JW_CLOCK, to, 0);
        L->now = save;
    }
    rec_set_t0(L->rec, (double)from / 1000.0);
    buf_free(&cap);
}

static const char *cb_name(Timer *t)
{
    if (t->cb.tag == JV_OBJ && t->cb.u.o->kind == JK_FUNCTION) {
        const char *n = t->cb.u.o->x.fn.code->name;
        if (n && *n)
            return n;
    }
    int index;
    const char *kind = js_promise_handler_kind(t->cb, &index);
    return kind && (!strcmp(kind, "resolve") || !strcmp(kind, "reject")) ? kind : "callback";
}

void js_narr_timer_new(Loop *L, Timer *t)
{
    Buf name, label, cap;
    buf_init(&name);
    buf_init(&label);
    buf_init(&cap);
    if (t->immediate) {
        buf_puts(&name, "setImmediate");
        buf_puts(&label, "check phase");
        buf_puts(&cap, "setImmediate queues a callback for the check phase, after this turn's timers");
    } else {
        buf_printf(&name, "%s %lldms", t->repeat ? "setInterval" : "setTimeout", (long long)t->duration);
        buf_puts(&label, "timer at ");
        fmt_t(&label, t->start + t->duration);
        buf_printf(&cap, "%s(%s, %lld): a timer due at ", t->repeat ? "setInterval" : "setTimeout", cb_name(t),
                   (long long)t->duration);
        fmt_t(&cap, t->start + t->duration);
        buf_puts(&cap, t->duration == 1 ? " (a delay under 1 ms counts as 1 ms)" : "");
        buf_puts(&cap, "; timers run only when the call stack and the microtasks are empty");
    }
    t->task = rec_task_new(L->rec, name.s, cb_name(t), false);
    if (t->line > 0) {
        /* the line tells two timers of the same delay apart */
        Buf call;
        buf_init(&call);
        buf_printf(&call, "%s (line %d)", name.s, t->line);
        rec_task_call(L->rec, t->task, call.s, false);
        buf_free(&call);
    }
    Buf what;
    buf_init(&what);
    buf_printf(&what, "%s → %s", name.s, label.s);
    step_log(L, SK_CREATE, t->task, t->line, "", cap.s, what.s);
    buf_free(&what);
    set(L, t->task, TS_WAITING, OUT_NONE, label.s, t->line);
    buf_free(&name);
    buf_free(&label);
    buf_free(&cap);
}

void js_narr_phase(Loop *L, Timer **due, size_t n, bool check)
{
    if (!n)
        return;
    Buf cap;
    buf_init(&cap);
    L->phase = check ? "check phase" : "timers phase";
    if (check)
        buf_printf(&cap, "check phase: %zu immediate%s queued before it began run%s now, in order", n,
                   n > 1 ? "s" : "", n > 1 ? "" : "s");
    else
        buf_printf(&cap, "timers phase: %zu timer%s due; each callback runs, then the nextTicks and microtasks it "
                         "queued",
                   n, n > 1 ? "s are" : " is");
    step(L, SK_WAKE, due[0]->task, 0, "", cap.s);
    for (size_t i = 0; i < n; i++)
        set_ready(L, due[i]->task, check ? "check phase" : "due", due[i]->line, RUN_PHASE);
    buf_free(&cap);
}

void js_narr_timer_run(Loop *L, Timer *t)
{
    int line = 0;
    if (t->cb.tag == JV_OBJ && t->cb.u.o->kind == JK_FUNCTION)
        line = t->cb.u.o->x.fn.code->line;
    cur_ctx(L, t->task);
    step(L, SK_RESUME, t->task, line, "",
         t->immediate ? "check phase: an immediate's callback runs (then nextTicks and microtasks)"
                      : "timers phase: a due timer's callback runs (then nextTicks and microtasks)");
    set(L, t->task, TS_RUNNING, OUT_NONE, "", line);
}

void js_narr_timer_done(Loop *L, Timer *t, bool cleared)
{
    if (!cleared)
        cur_ctx(L, -1);
    if (t->task < 0)
        return;
    uint32_t q = L->tick_n && L->job_n ? 1 : L->tick_n ? 2 : L->job_n ? 3 : 0;
    if (t->repeat && !t->destroyed && !cleared) {
        Buf label;
        buf_init(&label);
        buf_puts(&label, "timer at ");
        fmt_t(&label, t->start + t->repeat);
        lazy_step(L, SK_SUSPEND, t->task, JW_REARM, t->start + t->repeat, q);
        set(L, t->task, TS_WAITING, OUT_NONE, label.s, 0);
        buf_free(&label);
        return;
    }
    if (cleared && L->current_task == t->task) {
        /* cleared from its own callback, which is still running */
        step(L, SK_LABEL, t->task, cur_line(L), "", "the timer is cleared from its own callback: it will not run again");
        set(L, t->task, TS_RUNNING, OUT_NONE, "", cur_line(L));
        return;
    }
    if (!cleared && t->repeat) {
        step(L, SK_SUSPEND, t->task, 0, "", "the callback returned, and its interval was cleared: it is done");
        set(L, t->task, TS_DONE, OUT_RESULT, "ran, then cleared", 0);
        return;
    }
    step(L, SK_SUSPEND, t->task, 0, "",
         cleared                  ? "the timer is cleared: its callback will not run any more"
         : L->tick_n && L->job_n  ? "the callback returned: the nextTicks it queued run now, then its microtasks, "
                                    "before the next callback"
         : L->tick_n              ? "the callback returned: the nextTicks it queued run now, before the next callback"
         : L->job_n               ? "the callback returned: the microtasks it queued run now, before the next callback"
                                  : "the callback returned");
    set(L, t->task, TS_DONE, cleared ? OUT_CANCELLED : OUT_RESULT, cleared ? "cleared" : "ran", 0);
}

void js_narr_async_start(Loop *L, Frame *f)
{
    Buf coro, cap;
    buf_init(&coro);
    buf_init(&cap);
    buf_printf(&coro, "%s()", fname(f));
    f->task = rec_task_new(L->rec, fname(f), coro.s, false);
    if (f->promise) {
        struct Narr *n = L->narr;
        n->calls[n->ncalls].promise = f->promise;
        n->calls[n->ncalls].task = f->task;
        n->ncalls = (n->ncalls + 1) % 64;
    }
    Buf call;
    buf_init(&call);
    buf_printf(&call, "%s(", fname(f));
    for (int i = 0; i < f->argc && i < 4; i++) {
        if (i)
            buf_puts(&call, ", ");
        describe(L, f->args[i], &call);
    }
    buf_puts(&call, f->argc > 4 ? ", …)" : ")");
    if (call.len <= 48)
        rec_task_call(L->rec, f->task, call.s, false);
    buf_free(&call);
    buf_puts(&cap, "calling ");
    rec_put_ref(&cap, f->task);
    buf_puts(&cap, ": an async function runs synchronously, right now, until its first await");
    Buf what;
    buf_init(&what);
    rec_put_ref(&what, f->task);
    buf_puts(&what, " called");
    step_log(L, SK_CREATE, f->task, f->fn->line, "", cap.s, what.s);
    buf_free(&what);
    buf_free(&coro);
    buf_free(&cap);
}

void js_narr_async_resume(Loop *L, Frame *f)
{
    if (f->task < 0)
        return;
    cur_push(L, f->task);
    if (f->pc) {
        Buf cap;
        buf_init(&cap);
        buf_puts(&cap, "the call stack is empty, so the microtask queue runs: ");
        who(&cap, f);
        buf_puts(&cap, " resumes after its await");
        step(L, SK_RESUME, f->task, js_vm_frame_line(f), "", cap.s);
        buf_free(&cap);
    }
    wait_drop(L, f->task);
    set(L, f->task, TS_RUNNING, OUT_NONE, "", f->pc ? js_vm_frame_line(f) : f->fn->line);
    f->result = JS_UNDEF;
}

void js_narr_async_await(Loop *L, Frame *f, JsObject *awaited, JsValue value)
{
    if (f->task < 0)
        return;
    Buf label, cap;
    buf_init(&label);
    buf_init(&cap);
    bool thenable = value.tag == JV_OBJ && !(value.u.o->kind == JK_PROMISE);
    wait_drop(L, f->task);
    wait_add(L, f->task, awaited, js_vm_frame_line(f));
    if (put_progress(L, awaited, &label)) {
        /* "await Promise.all: 3 of 3 pending", relabelled as they settle */
    } else if ((buf_puts(&label, "await "), f->await_text && *f->await_text)) {
        /* one line of the awaited expression: "Promise.all([ …" */
        const char *nl = strchr(f->await_text, '\n');
        size_t n = nl ? (size_t)(nl - f->await_text) : strlen(f->await_text);
        while (n && (f->await_text[n - 1] == ' ' || f->await_text[n - 1] == '\r'))
            n--;
        buf_putn(&label, f->await_text, n);
        if (nl)
            buf_puts(&label, " …");
    } else
        describe(L, value, &label);
    if (prog_of(L, awaited) && awaited->x.pr.state == PS_PENDING) {
        /* the progress says it all */
    } else if (awaited->x.pr.timer > 0 && awaited->x.pr.timer <= L->ntimers) {
        Timer *t = L->timers[awaited->x.pr.timer - 1];
        buf_puts(&label, " → timer at ");
        fmt_t(&label, t->start + t->duration);
    } else if (call_card(L, awaited) >= 0 && value.tag == JV_OBJ && value.u.o->kind == JK_PROMISE &&
               awaited->x.pr.state == PS_PENDING) {
        /* "await p → greet('ada')"; "await load(7)" says it already */
        if (strcmp(label.s + 6, rec_task_label(L->rec, call_card(L, awaited)))) {
            buf_puts(&label, " → ");
            rec_put_ref(&label, call_card(L, awaited));
        }
    } else if (awaited->x.pr.origin && value.tag == JV_OBJ && value.u.o->kind == JK_PROMISE &&
               awaited->x.pr.state == PS_PENDING) {
        buf_printf(&label, " → %s%s", awaited->x.pr.origin, strchr(awaited->x.pr.origin, '.') ? "" : "()");
    } else if (awaited->x.pr.state != PS_PENDING) {
        buf_puts(&label, " (settled)");
    }
    who(&cap, f);
    if (thenable)
        buf_puts(&cap, " awaits a thenable (an object with a then method): awaiting a thenable takes two extra "
                       "microtask turns, one to call its then() and one to pass the result on");
    else if (awaited->x.pr.state != PS_PENDING)
        buf_puts(&cap, " awaits a value that is already settled: it still gives the call stack back, and goes on "
                       "one microtask later");
    else
        buf_puts(&cap, " awaits: it gives the call stack back, and goes on as a microtask once the promise "
                       "settles");
    Buf what;
    buf_init(&what);
    who(&what, f);
    buf_printf(&what, " %s", label.s);
    step_log(L, SK_SUSPEND, f->task, js_vm_frame_line(f), "", cap.s, what.s);
    buf_free(&what);
    set(L, f->task, TS_WAITING, OUT_NONE, label.s, js_vm_frame_line(f));
    cur_pop(L, f->task);
    buf_free(&label);
    buf_free(&cap);
}

void js_narr_async_ready(Loop *L, Frame *f, bool rejected)
{
    if (f->task < 0)
        return;
    Buf cap;
    buf_init(&cap);
    buf_puts(&cap, "what ");
    who(&cap, f);
    buf_puts(&cap, rejected ? " awaits has rejected: the rest of its body is queued as a microtask, and the await "
                              "will throw there"
                            : " awaits has fulfilled: the rest of its body is queued as a microtask");
    step(L, SK_WAKE, f->task, js_vm_frame_line(f), "", cap.s);
    set_ready(L, f->task, "microtask queued", js_vm_frame_line(f), RUN_MICRO);
    buf_free(&cap);
}

void js_narr_async_end(Loop *L, Frame *f, bool threw, JsValue v)
{
    if (f->task < 0)
        return;
    Buf label, cap;
    buf_init(&label);
    buf_init(&cap);
    if (threw) {
        buf_printf(&label, "threw %s", js_ctor_name(L->rt, v));
        who(&cap, f);
        buf_puts(&cap, " threw: the promise it returned is rejected");
    } else {
        buf_puts(&label, "= ");
        describe(L, v, &label);
        who(&cap, f);
        buf_printf(&cap, " returned: the promise it returned is fulfilled%s",
                   v.tag == JV_OBJ && v.u.o->kind == JK_PROMISE
                       ? " once the returned promise settles (two extra microtask turns)"
                       : "");
    }
    Buf what;
    buf_init(&what);
    who(&what, f);
    buf_puts(&what, label.s[0] == '=' ? " returned" : " threw");
    step_log(L, SK_SUSPEND, f->task, js_vm_frame_line(f), "", cap.s, what.s);
    buf_free(&what);
    set(L, f->task, TS_DONE, threw ? OUT_RAISED : OUT_RESULT, label.s, 0);
    cur_pop(L, f->task);
    buf_free(&label);
    buf_free(&cap);
}

void js_narr_drain(Loop *L, const char *after)
{
    (void)L, (void)after;
}

