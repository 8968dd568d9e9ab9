/* chrome.c: the Chrome trace event writer. See chrome.h.
 * Owns turning the recording's steps and task histories into trace
 * events; reads the recording through rec.h and seek.h, never changes it.
 *
 * Lanes (one pid, one tid per lane, named by "M" metadata events and
 * sorted with thread_sort_index):
 *   - "event loop" first: X spans where time.sleep blocked the loop
 *     (SK_BLOCK, t0..t) and where the loop sat idle until the next timer
 *     (SK_CLOCK, t0..t); instants for the loop starting and ending,
 *     warnings, errors, deadlocks and limits, and prints made outside any
 *     visible task;
 *   - then one per visible task, in creation order, named "Task-2
 *     fetch_user": X spans "running", "waiting: <what>" and "ready", one
 *     per state (or label) change, from the step of the change to the
 *     next one (the last state runs to the end of the recording); an
 *     instant for each print and for how it ended ("done: None",
 *     "raised: ...", "cancelled", "never awaited");
 *   - then one per worker thread or process (docs/threads.md), named
 *     "thread asyncio_0" or "process process-1": an X span "running:
 *     <function>" per job, from its start to its end in the worker's time.
 *
 * Zero-length spans, a deliberate choice: a step takes no virtual time
 * (only sleeps and time.sleep move the clock), so most running spans have
 * dur 0. Virtual time stays truthful rather than giving each step a made-
 * up width, which would make the lanes disagree with the clock and with
 * `loopscope trace`. What happens within one instant is still in order:
 * events are written lane by lane in step order, so ts never goes back
 * within a lane and equal timestamps keep the order they happened in
 * (both viewers keep file order for ties); every event carries args.step,
 * the 1-based step number `loopscope frame --step N` takes.
 *
 * ts and dur are whole microseconds of virtual time printed as integers
 * (no locale in them); "cname" picks chrome://tracing's thread-state
 * colours (Perfetto colours by name). */
#include "chrome.h"

#include "../base/base.h"
#include "../record/trace.h"

#include <stdlib.h>
#include <string.h>

/* One event waiting to be written: sorted by lane, then step, then the
 * order it was made in, which is the order within the step. */
typedef struct Ev {
    int lane;
    size_t step;
    size_t seq;
    char *json;
} Ev;

typedef struct Out {
    Ev *ev;
    size_t n, cap;
    const Recording *r;
} Out;

enum { PID = 1 };

static int tid_of(int lane) { return lane + 1; }

static Buf *ev_begin(Buf *b)
{
    buf_init(b);
    return b;
}

static void ev_add(Out *o, int lane, size_t step, Buf *b)
{
    if (o->n == o->cap) {
        o->cap = o->cap ? o->cap * 2 : 64;
        o->ev = xrealloc(o->ev, o->cap * sizeof *o->ev);
    }
    o->ev[o->n] = (Ev){.lane = lane, .step = step, .seq = o->n, .json = buf_take(b, NULL)};
    o->n++;
    buf_free(b);
}

static int ev_cmp(const void *pa, const void *pb)
{
    const Ev *a = pa, *b = pb;
    if (a->lane != b->lane)
        return a->lane < b->lane ? -1 : 1;
    if (a->step != b->step)
        return a->step < b->step ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* "name": "<a><sep><b>" with b left out when empty. */
static void put_name(const Out *o, Buf *b, const char *a, const char *sep, const char *c)
{
    Buf n, words;
    buf_init(&n);
    buf_init(&words);
    buf_puts(&n, a);
    if (c && *c) {
        buf_puts(&n, sep);
        buf_puts(&n, rec_words_s(o->r, c, &words));
    }
    buf_free(&words);
    buf_puts(b, "{\"name\": ");
    buf_put_json(b, n.s);
    buf_free(&n);
}

static void put_where(Buf *b, const char *ph, int lane, uint64_t ts)
{
    buf_printf(b, ", \"ph\": \"%s\", \"ts\": %llu, \"pid\": %d, \"tid\": %d", ph, (unsigned long long)ts, PID,
               tid_of(lane));
}

/* A complete span from step `from` (at t0) to t1. */
static void span(Out *o, int lane, size_t from, double t0, double t1, const char *cat, const char *cname,
                 const char *name, const char *detail, const char *label, int line)
{
    Buf b;
    ev_begin(&b);
    put_name(o, &b, name, ": ", detail);
    buf_printf(&b, ", \"cat\": \"%s\"", cat);
    uint64_t a = trace_us(t0), z = trace_us(t1);
    put_where(&b, "X", lane, a);
    buf_printf(&b, ", \"dur\": %llu, \"cname\": \"%s\", \"args\": {\"step\": %zu", (unsigned long long)(z > a ? z - a : 0),
               cname, from + 1);
    if (label && *label) {
        Buf words;
        buf_init(&words);
        buf_puts(&b, ", \"label\": ");
        buf_put_json(&b, rec_words_s(o->r, label, &words));
        buf_free(&words);
    }
    if (line > 0)
        buf_printf(&b, ", \"line\": %d", line);
    buf_puts(&b, "}}");
    ev_add(o, lane, from, &b);
}

static void instant(Out *o, int lane, size_t step, double t, const char *cat, const char *name, const char *sep,
                    const char *detail)
{
    Buf b;
    ev_begin(&b);
    put_name(o, &b, name, sep, detail);
    buf_printf(&b, ", \"cat\": \"%s\"", cat);
    put_where(&b, "i", lane, trace_us(t));
    buf_printf(&b, ", \"s\": \"t\", \"args\": {\"step\": %zu}}", step + 1);
    ev_add(o, lane, step, &b);
}

static void metadata(Out *o, int lane, const char *what, const char *key, const char *val, long num)
{
    Buf b;
    ev_begin(&b);
    buf_printf(&b, "{\"name\": \"%s\", \"ph\": \"M\", \"pid\": %d", what, PID);
    if (lane >= 0)
        buf_printf(&b, ", \"tid\": %d", tid_of(lane));
    buf_printf(&b, ", \"args\": {\"%s\": ", key);
    if (val)
        buf_put_json(&b, val);
    else
        buf_printf(&b, "%ld", num);
    buf_puts(&b, "}}");
    ev_add(o, lane < 0 ? -1 : lane, 0, &b);
}

static const char *outcome_word(Outcome out)
{
    switch (out) {
    case OUT_RAISED:
        return "raised";
    case OUT_CANCELLED:
        return "cancelled";
    case OUT_NEVER:
        return "never awaited";
    default:
        return "done";
    }
}

/* When the state a task took at step s began: the step's time, except
 * for time.sleep, whose step is recorded when the block ends but which
 * kept the task busy from its start. */
static double change_time(const Recording *r, int id, size_t s)
{
    const Step *st = rec_step_at(r, s);
    return st->kind == SK_BLOCK && st->task == id ? st->t0 : st->t;
}

static bool same_span(const TaskView *a, const TaskView *b)
{
    return a->state == b->state && !strcmp(a->label, b->label);
}

/* "done → None", "raised: ValueError(...)", "never awaited". */
static void ending(Out *o, int lane, size_t s, double t, const TaskView *tv)
{
    const char *word = outcome_word(tv->outcome);
    const char *label = strcmp(tv->label, word) ? tv->label : "";
    instant(o, lane, s, t, "task", word, !strncmp(label, "\u2192", 3) ? " " : ": ", label);
}

/* The spans and the ending of one task, from its history of changes: one
 * span per stretch in the same state with the same label (a running task
 * moving from line to line stays one span). */
static void task_lane(Out *o, int lane, int id, double end)
{
    const Recording *r = o->r;
    size_t n = rec_task_nchanges(r, id);
    size_t k = 0;
    while (k < n) {
        size_t s = rec_task_change_step(r, id, k);
        TaskView tv, next;
        /* several changes in one step: the state after the step is the last */
        while (k + 1 < n && rec_task_change_step(r, id, k + 1) == s)
            k++;
        if (!rec_task_at(r, id, s, &tv)) {
            k++;
            continue;
        }
        double t0 = change_time(r, id, s);
        if (tv.state == TS_DONE) {
            ending(o, lane, s, t0, &tv);
            k++;
            continue;
        }
        /* the stretch goes on until the state or the label changes */
        size_t e = k + 1;
        while (e < n && rec_task_at(r, id, rec_task_change_step(r, id, e), &next) && same_span(&tv, &next))
            e++;
        double t1 = e < n ? change_time(r, id, rec_task_change_step(r, id, e)) : end;
        switch (tv.state) {
        case TS_RUNNING:
            span(o, lane, s, t0, t1, "task", "thread_state_running", "running", tv.label, tv.label, tv.line);
            break;
        case TS_WAITING:
            span(o, lane, s, t0, t1, "task", "thread_state_sleeping", "waiting", tv.label, tv.label, tv.line);
            break;
        default:
            span(o, lane, s, t0, t1, "task", "thread_state_runnable", "ready", NULL, tv.label, tv.line);
            break;
        }
        k = e;
    }
}

/* The steps that go on the loop lane or as instants on a task's lane. */
static void steps(Out *o, const int *lane_of)
{
    const Recording *r = o->r;
    size_t n = rec_nsteps(r);
    Buf words;
    buf_init(&words);
    for (size_t i = 0; i < n; i++) {
        const Step *st = rec_step_at(r, i);
        const char *text = rec_str(r, st->text);
        /* only these kinds show their caption: a lazy one is made here */
        bool shown = st->kind == SK_BLOCK || st->kind == SK_CLOCK || st->kind == SK_DEADLOCK;
        const char *caption = shown ? rec_words(r, st->caption, &words) : "";
        int task_lane_ = st->task >= 0 && st->task < rec_ntasks(r) ? lane_of[st->task] : 0;
        switch ((StepKind)st->kind) {
        case SK_PRINT:
            instant(o, task_lane_, i, st->t, "print", "print", ": ", text);
            break;
        case SK_BLOCK:
            span(o, 0, i, st->t0, st->t, "loop", "terrible", "blocked", "time.sleep", caption, st->line);
            break;
        case SK_CLOCK:
            span(o, 0, i, st->t0, st->t, "loop", "thread_state_sleeping", "idle", "until the next timer", caption, 0);
            break;
        case SK_LOOP:
            instant(o, 0, i, st->t, "loop", "asyncio.run starts a loop", ": ", NULL);
            break;
        case SK_END:
            instant(o, 0, i, st->t, "loop", "asyncio.run returns", ": ", NULL);
            break;
        case SK_WARN:
            instant(o, 0, i, st->t, "loop", "warning", ": ", text);
            break;
        case SK_ERROR:
            instant(o, 0, i, st->t, "loop", "uncaught", ": ", text);
            break;
        case SK_UNHANDLED:
            instant(o, 0, i, st->t, "loop", "unhandled rejection", ": ", text);
            break;
        case SK_DEADLOCK:
            instant(o, 0, i, st->t, "loop", "deadlock", ": ", caption);
            break;
        case SK_LIMIT:
            instant(o, 0, i, st->t, "loop", "limit", ": ", text);
            break;
        default:
            break;
        }
    }
    buf_free(&words);
}

void chrome_write(const Recording *r, const Seek *s, FILE *out)
{
    Out o = {.r = r};
    int nt = rec_ntasks(r);
    int *lane_of = xmalloc((size_t)(nt > 0 ? nt : 1) * sizeof(int));
    for (int i = 0; i < nt; i++)
        lane_of[i] = 0; /* hidden tasks' prints go on the loop lane */
    size_t nlanes = seek_tasks(s);
    double end = seek_end_time(s);

    const char *path = rec_path(r);
    const char *slash = strrchr(path, '/');
    Buf title;
    buf_init(&title);
    buf_printf(&title, "loopscope %s", slash ? slash + 1 : path);
    metadata(&o, -1, "process_name", "name", title.s, 0);
    buf_free(&title);
    metadata(&o, 0, "thread_name", "name", "event loop", 0);
    metadata(&o, 0, "thread_sort_index", "sort_index", NULL, 0);
    for (size_t i = 0; i < nlanes; i++) {
        int id = seek_task(s, i), lane = (int)i + 1;
        lane_of[id] = lane;
        TaskView tv;
        size_t nch = rec_task_nchanges(r, id);
        if (!nch || !rec_task_at(r, id, rec_task_change_step(r, id, nch - 1), &tv))
            continue;
        Buf name;
        buf_init(&name);
        buf_puts(&name, tv.who);
        metadata(&o, lane, "thread_name", "name", name.s, 0);
        buf_free(&name);
        metadata(&o, lane, "thread_sort_index", "sort_index", NULL, lane);
        task_lane(&o, lane, id, end);
    }
    for (int k = 0; k < rec_nlanes(r); k++) {
        int lane = (int)nlanes + 1 + k;
        Buf name;
        buf_init(&name);
        buf_printf(&name, "%s %s", rec_lane_kind(r, k) == LANE_PROCESS ? "process" : "thread", rec_lane_name(r, k));
        metadata(&o, lane, "thread_name", "name", name.s, 0);
        buf_free(&name);
        metadata(&o, lane, "thread_sort_index", "sort_index", NULL, lane);
    }
    for (int j = 0; j < rec_njobs(r); j++) {
        JobView jv;
        if (!rec_job_at(r, j, &jv))
            continue;
        const char *how = jv.status == JOB_RAISED ? "raised" : jv.status == JOB_RESULT ? "returned" : "running";
        span(&o, (int)nlanes + 1 + jv.lane, jv.step0, jv.t0, jv.t1, "worker", "thread_state_running", "running",
             jv.func, how, 0);
    }
    steps(&o, lane_of);
    xfree(lane_of);

    qsort(o.ev, o.n, sizeof *o.ev, ev_cmp);
    fputs("{\"traceEvents\": [\n", out);
    for (size_t i = 0; i < o.n; i++) {
        fputs(o.ev[i].json, out);
        fputs(i + 1 < o.n ? ",\n" : "\n", out);
        xfree(o.ev[i].json);
    }
    fputs("],\n\"displayTimeUnit\": \"ms\",\n\"otherData\": {\"clock\": \"virtual: ts and dur are microseconds of the "
          "simulated loop's clock\"",
          out);
    if (*rec_runtime(r)) { /* whose semantics: "Python 3.12" */
        Buf sem;
        buf_init(&sem);
        buf_put_json(&sem, rec_runtime(r));
        fprintf(out, ", \"semantics\": %s", sem.s);
        buf_free(&sem);
    }
    fputs("}}\n", out);
    xfree(o.ev);
}
