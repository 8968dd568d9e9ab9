/* loop.c: Node's event loop on a virtual clock, and the globals that reach
 * it (console, process, timers, immediates, queueMicrotask, Date,
 * performance, Atomics.wait). See loop.h and trace-format-js.md.
 *
 * One turn: the timers phase (the clock fixed, the due lists in (expiry,
 * id) order, each list's due timers in insertion order), then, when no
 * immediate waits, the clock jumps to the next timer, then the check phase
 * (the immediates queued before it began, FIFO). After the main script and
 * after every callback: the nextTick queue, then the microtask queue, again
 * until both are empty, then rejections still without a handler end the
 * run ("unhandled"), as Node 20 does by default. */
#include "loop.h"
#include "../vm/natives.h"
#include "../js.h"
#include "../objects/inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static Loop *LP(JsRt *rt) { return rt->loop; }

/* ---- output ---- */

/* Text written to standard output: whole lines become print steps. */
static void write_out(Loop *L, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            js_narr_print(L, L->pending.s, L->pending.len);
            buf_clear(&L->pending);
        } else {
            buf_putc(&L->pending, s[i]);
        }
    }
}

static void flush_pending(Loop *L)
{
    if (L->pending.len) {
        js_narr_print(L, L->pending.s, L->pending.len);
        buf_clear(&L->pending);
    }
}

static int group_indent;

static int console_out(JsRt *rt, JsValue *args, int argc, bool dir)
{
    Loop *L = LP(rt);
    Buf b;
    buf_init(&b);
    if (dir) {
        js_inspect(rt, argc ? args[0] : JS_UNDEF, &b);
    } else if (js_format_log(rt, args, argc, &b) < 0) {
        buf_free(&b);
        return -1;
    }
    Buf line;
    buf_init(&line);
    for (int k = 0; k < group_indent; k++)
        buf_putc(&line, ' ');
    for (size_t i = 0; i < b.len; i++) {
        buf_putc(&line, b.s[i]);
        if (b.s[i] == '\n')
            for (int k = 0; k < group_indent; k++)
                buf_putc(&line, ' ');
    }
    buf_putc(&line, '\n');
    write_out(L, line.s, line.len);
    buf_free(&line);
    buf_free(&b);
    return rt->limit ? -1 : 0;
}

NATIVE(con_log)
{
    UNUSED;
    *out = JS_UNDEF;
    return console_out(rt, args, argc, false);
}

NATIVE(con_dir)
{
    UNUSED;
    *out = JS_UNDEF;
    return console_out(rt, args, argc, true);
}

NATIVE(con_silent)
{
    UNUSED;
    *out = JS_UNDEF;
    return 0;
}

NATIVE(con_group)
{
    UNUSED;
    *out = JS_UNDEF;
    if (fn->x.nat.arity == 1) {
        if (group_indent >= 2)
            group_indent -= 2;
        return 0;
    }
    if (argc && console_out(rt, args, argc, false) < 0)
        return -1;
    group_indent += 2;
    return 0;
}

/* console.count / countReset and time / timeLog / timeEnd keep labels here. */
typedef struct Label {
    char *name;
    int64_t value;
} Label;
static Label *counts, *timers_lbl;
static int ncounts, ntimers_lbl;

static Label *label_find(Label **v, int *n, const char *name, bool add)
{
    for (int i = 0; i < *n; i++)
        if (!strcmp((*v)[i].name, name))
            return &(*v)[i];
    if (!add)
        return NULL;
    *v = xrealloc(*v, (size_t)(*n + 1) * sizeof(Label));
    (*v)[*n] = (Label){xstrdup(name), 0};
    return &(*v)[(*n)++];
}

static int label_arg(JsRt *rt, JsValue *args, int argc, JsString **out)
{
    if (ARG(0).tag == JV_UNDEF) {
        *out = js_intern(rt, "default");
        return 0;
    }
    return js_to_string(rt, ARG(0), out);
}

static int print_line(JsRt *rt, const char *text)
{
    JsValue v = js_strv(js_cstr(rt, text));
    return console_out(rt, &v, 1, false);
}

NATIVE(con_count)
{
    UNUSED;
    *out = JS_UNDEF;
    JsString *l;
    if (label_arg(rt, args, argc, &l) < 0)
        return -1;
    Label *c = label_find(&counts, &ncounts, l->s, true);
    if (fn->x.nat.arity == 1) {
        c->value = 0;
        return 0;
    }
    c->value++;
    char buf[600];
    snprintf(buf, sizeof buf, "%s: %lld", l->s, (long long)c->value);
    return print_line(rt, buf);
}

static void format_duration(int64_t ms, char *buf, size_t n)
{
    if (ms >= 1000) {
        if (ms >= 60000) {
            int64_t h = ms / 3600000, m = (ms % 3600000) / 60000;
            double s = (double)(ms % 60000) / 1000;
            if (h)
                snprintf(buf, n, "%lld:%02lld:%06.3f (h:mm:ss.mmm)", (long long)h, (long long)m, s);
            else
                snprintf(buf, n, "%lld:%06.3f (m:ss.mmm)", (long long)m, s);
            return;
        }
        snprintf(buf, n, "%.3fs", (double)ms / 1000);
        return;
    }
    snprintf(buf, n, "%lldms", (long long)ms);
}

NATIVE(con_time)
{
    UNUSED;
    *out = JS_UNDEF;
    Loop *L = LP(rt);
    JsString *l;
    if (label_arg(rt, args, argc, &l) < 0)
        return -1;
    int kind = fn->x.nat.arity; /* 0 time, 1 timeLog, 2 timeEnd */
    Label *t = label_find(&timers_lbl, &ntimers_lbl, l->s, kind == 0);
    if (kind == 0) {
        t->value = L->now;
        return 0;
    }
    if (!t)
        return 0; /* Node warns on stderr */
    char d[64], buf[700];
    format_duration(L->now - t->value, d, sizeof d);
    snprintf(buf, sizeof buf, "%s: %s", l->s, d);
    if (kind == 2)
        t->name[0] = 0;
    return print_line(rt, buf);
}

NATIVE(stdout_write)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    write_out(LP(rt), s->s, s->len);
    *out = js_bool(true);
    return rt->limit ? -1 : 0;
}

/* ---- queues ---- */

static void enqueue_job(JsRt *rt, const JsJob *j)
{
    Loop *L = LP(rt);
    if (L->job_n == L->job_cap) {
        size_t nc = L->job_cap ? L->job_cap * 2 : 64;
        JsJob *v = xmalloc(nc * sizeof(JsJob));
        int *c = xmalloc(nc * sizeof(int));
        uint32_t *w = xmalloc(nc * sizeof(uint32_t));
        for (size_t i = 0; i < L->job_n; i++) {
            v[i] = L->jobs[(L->job_head + i) % L->job_cap];
            c[i] = L->job_card[(L->job_head + i) % L->job_cap];
            w[i] = L->job_words[(L->job_head + i) % L->job_cap];
        }
        xfree(L->jobs);
        xfree(L->job_card);
        xfree(L->job_words);
        L->jobs = v;
        L->job_card = c;
        L->job_words = w;
        L->job_head = 0;
        L->job_cap = nc;
    }
    size_t at = (L->job_head + L->job_n++) % L->job_cap;
    L->jobs[at] = *j;
    L->job_card[at] = -1;
    L->job_words[at] = 0;
    rt->bytes += sizeof(JsJob);
    Frame *f = j->kind == JOB_REACTION ? js_vm_resume_frame(j->handler) : NULL;
    if (f)
        js_narr_async_ready(L, f, j->rejected);
    else
        L->job_card[at] = js_narr_job_queued(L, j);
    js_internals_record(L);
}

static void on_rejection(JsRt *rt, JsObject *p, bool handled)
{
    Loop *L = LP(rt);
    if (handled) {
        for (size_t i = 0; i < L->nrejected; i++)
            if (L->rejected[i] == p)
                L->rejected[i] = NULL;
        return;
    }
    if (L->nrejected == L->caprejected) {
        L->caprejected = L->caprejected ? L->caprejected * 2 : 16;
        L->rejected = xrealloc(L->rejected, L->caprejected * sizeof(JsObject *));
    }
    L->rejected[L->nrejected++] = p;
}

static void on_progress(JsRt *rt, JsObject *p, int pending, int total)
{
    js_narr_progress(LP(rt), p, pending, total);
}

/* The `.then`/`.catch` call running now: its receiver's words, from the
 * innermost frame's call site (js_callsite.c). */
static const char *on_receiver(JsRt *rt)
{
    if (js_vm_depth(rt) <= 0)
        return NULL;
    const Frame *f = js_vm_frame(rt, 0);
    return f && f->fn ? js_callsite_recv(f->fn, f->pc) : NULL;
}

static const JsHost host = {
    .enqueue = enqueue_job, .rejection = on_rejection, .progress = on_progress, .receiver = on_receiver};

static JsValue *copy_args(JsValue *args, int argc)
{
    if (argc <= 0)
        return NULL;
    JsValue *v = xmalloc((size_t)argc * sizeof(JsValue));
    memcpy(v, args, (size_t)argc * sizeof(JsValue));
    return v;
}

NATIVE(next_tick)
{
    UNUSED;
    Loop *L = LP(rt);
    if (!js_is_callable(ARG(0)))
        return js_throw_error(rt, ERR_TYPE, "The \"callback\" argument must be of type function. Received %s",
                              ARG(0).tag == JV_UNDEF ? "undefined" : js_typeof(ARG(0)));
    if (L->tick_n == L->tick_cap) {
        size_t nc = L->tick_cap ? L->tick_cap * 2 : 32;
        Tick *v = xmalloc(nc * sizeof(Tick));
        int *c = xmalloc(nc * sizeof(int));
        for (size_t i = 0; i < L->tick_n; i++) {
            v[i] = L->ticks[(L->tick_head + i) % L->tick_cap];
            c[i] = L->tick_card[(L->tick_head + i) % L->tick_cap];
        }
        xfree(L->ticks);
        xfree(L->tick_card);
        L->ticks = v;
        L->tick_card = c;
        L->tick_head = 0;
        L->tick_cap = nc;
    }
    size_t at = (L->tick_head + L->tick_n++) % L->tick_cap;
    L->ticks[at] = (Tick){args[0], copy_args(args + 1, argc - 1), argc - 1};
    rt->bytes += sizeof(Tick) + (size_t)(argc > 1 ? argc - 1 : 0) * sizeof(JsValue);
    L->tick_card[at] = js_narr_tick_queued(L, args[0]);
    js_internals_record(L);
    *out = JS_UNDEF;
    return 0;
}

NATIVE(queue_microtask)
{
    UNUSED;
    if (!js_is_callable(ARG(0)))
        return js_throw_error(rt, ERR_TYPE, "The \"callback\" argument must be of type function. Received %s",
                              ARG(0).tag == JV_UNDEF ? "undefined" : js_typeof(ARG(0)));
    JsJob j = {.kind = JOB_CALLBACK, .handler = args[0]};
    enqueue_job(rt, &j);
    *out = JS_UNDEF;
    return 0;
}

/* ---- ending the run ---- */

static void finish_error(Loop *L, JsValue exc, bool unhandled)
{
    if (L->finished)
        return;
    L->finished = true;
    L->status = 1;
    flush_pending(L);
    if (L->rt->limit)
        js_narr_limit(L, L->rt->limit);
    else
        js_narr_error(L, exc, unhandled);
}

/* A callback threw (or a limit stopped it): end the run. Returns -1. */
static int callback_failed(Loop *L)
{
    JsValue e = js_catch(L->rt);
    finish_error(L, e, false);
    return -1;
}

/* nextTicks, then microtasks, until both are empty; then rejections. */
static int drain(Loop *L, const char *after)
{
    JsRt *rt = L->rt;
    js_narr_drain(L, after);
    if (rt->limit || !js_narr_room(L))
        return callback_failed(L);
    for (;;) {
        while (L->tick_n && !L->finished) {
            Tick t = L->ticks[L->tick_head];
            int card = L->tick_card[L->tick_head];
            L->tick_head = (L->tick_head + 1) % L->tick_cap;
            L->tick_n--;
            JsValue r;
            L->context = "nextTick";
            js_narr_callback_run(L, card, t.cb);
            int st = js_call(rt, t.cb, JS_UNDEF, t.args, t.argc, &r);
            xfree(t.args);
            if (st < 0)
                return callback_failed(L);
            js_narr_callback_done(L, card, NULL);
            if (!js_narr_room(L))
                return -1;
        }
        while (L->job_n && !L->finished) {
            JsJob j = L->jobs[L->job_head];
            int card = L->job_card[L->job_head];
            L->job_head = (L->job_head + 1) % L->job_cap;
            L->job_n--;
            L->context = "microtask";
            if (card < 0 && !(j.kind == JOB_REACTION && js_vm_resume_frame(j.handler)))
                js_internals_record(L); /* a job no step shows leaves the queue here */
            js_narr_callback_run(L, card, j.handler);
            if (js_job_run(rt, &j) < 0)
                return callback_failed(L);
            js_narr_callback_done(L, card, j.derived);
            if (!js_narr_room(L))
                return -1;
        }
        if (L->finished)
            return -1;
        if (L->tick_n)
            continue;
        for (size_t i = 0; i < L->nrejected; i++) {
            JsObject *p = L->rejected[i];
            if (p) {
                finish_error(L, p->x.pr.value, true);
                return -1;
            }
        }
        L->nrejected = 0;
        if (!L->tick_n && !L->job_n)
            return 0;
    }
}

/* ---- timers ---- */

static int cmp_list(const TList *a, const TList *b)
{
    if (a->expiry != b->expiry)
        return a->expiry < b->expiry ? -1 : 1;
    return a->id < b->id ? -1 : a->id > b->id;
}

static void lists_sort(Loop *L)
{
    for (int i = 1; i < L->nlists; i++) {
        TList *x = L->lists[i];
        int j = i;
        while (j > 0 && cmp_list(L->lists[j - 1], x) > 0) {
            L->lists[j] = L->lists[j - 1];
            j--;
        }
        L->lists[j] = x;
    }
}

static TList *list_for(Loop *L, int64_t msecs)
{
    for (int i = 0; i < L->nlists; i++)
        if (L->lists[i]->msecs == msecs)
            return L->lists[i];
    return NULL;
}

static void list_remove(Loop *L, TList *l)
{
    for (int i = 0; i < L->nlists; i++) {
        if (L->lists[i] == l) {
            memmove(L->lists + i, L->lists + i + 1, (size_t)(L->nlists - i - 1) * sizeof(TList *));
            L->nlists--;
            break;
        }
    }
    xfree(l->items);
    xfree(l);
}

static void insert(Loop *L, Timer *t, int64_t msecs, int64_t start)
{
    t->start = start;
    TList *l = list_for(L, msecs);
    if (!l) {
        l = xcalloc(1, sizeof *l);
        l->msecs = msecs;
        l->expiry = start + msecs;
        l->id = L->list_ids++;
        if (L->nlists == L->caplists) {
            L->caplists = L->caplists ? L->caplists * 2 : 8;
            L->lists = xrealloc(L->lists, (size_t)L->caplists * sizeof(TList *));
        }
        L->lists[L->nlists++] = l;
        lists_sort(L);
    }
    if (l->head + l->n == l->cap) {
        if (l->head) {
            memmove(l->items, l->items + l->head, l->n * sizeof(Timer *));
            l->head = 0;
        } else {
            l->cap = l->cap ? l->cap * 2 : 4;
            l->items = xrealloc(l->items, l->cap * sizeof(Timer *));
        }
    }
    l->items[l->head + l->n++] = t;
    t->list = l;
}

static void unlink_timer(Timer *t)
{
    TList *l = t->list;
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        if (l->items[l->head + i] == t) {
            memmove(l->items + l->head + i, l->items + l->head + i + 1, (l->n - i - 1) * sizeof(Timer *));
            l->n--;
            break;
        }
    }
    t->list = NULL;
}

static Timer *timer_new(Loop *L, JsValue cb, JsValue *args, int argc, bool immediate)
{
    JsRt *rt = L->rt;
    Timer *t = js_alloc(rt, sizeof *t);
    t->cb = cb;
    t->args = argc > 0 ? js_alloc(rt, (size_t)argc * sizeof(JsValue)) : NULL;
    if (argc > 0)
        memcpy(t->args, args, (size_t)argc * sizeof(JsValue));
    t->argc = argc > 0 ? argc : 0;
    t->ref = true;
    t->immediate = immediate;
    t->id = ++L->timer_ids;
    t->task = -1;
    t->line = js_vm_current_line(rt);
    t->obj = js_obj_new(rt, immediate ? JK_IMMEDIATE : JK_TIMEOUT, immediate ? L->immediate_proto : L->timeout_proto);
    t->obj->x.timer.id = t->id;
    if (L->ntimers == L->captimers) {
        L->captimers = L->captimers ? L->captimers * 2 : 16;
        L->timers = xrealloc(L->timers, (size_t)L->captimers * sizeof(Timer *));
    }
    L->timers[L->ntimers++] = t;
    if (immediate)
        L->imm_refed++;
    else
        L->refed++;
    return t;
}

static Timer *timer_of(Loop *L, JsValue v, bool immediate)
{
    int id = -1;
    if (v.tag == JV_OBJ && (v.u.o->kind == JK_TIMEOUT || v.u.o->kind == JK_IMMEDIATE))
        id = v.u.o->x.timer.id;
    else if (!immediate && (v.tag == JV_NUM || v.tag == JV_STR))
        id = (int)js_to_number_prim(L->rt, v);
    if (id < 1 || id > L->ntimers)
        return NULL;
    Timer *t = L->timers[id - 1];
    return t->immediate == immediate ? t : NULL;
}

static void timer_destroy(Loop *L, Timer *t)
{
    if (t->destroyed)
        return;
    t->destroyed = true;
    if (t->ref) {
        if (t->immediate)
            L->imm_refed--;
        else
            L->refed--;
    }
}

static int64_t coerce_delay(JsRt *rt, JsValue v, int *err)
{
    double d;
    *err = js_to_number(rt, v, &d);
    if (!(d >= 1 && d <= 2147483647.0))
        d = 1;
    return (int64_t)trunc(d);
}

static int schedule(JsRt *rt, JsValue *args, int argc, bool repeat, JsValue *out)
{
    Loop *L = LP(rt);
    JsValue cb = ARG(0);
    if (!js_is_callable(cb))
        return js_throw_error(rt, ERR_TYPE, "The \"callback\" argument must be of type function. Received %s",
                              cb.tag == JV_UNDEF ? "undefined" : js_typeof(cb));
    int err;
    int64_t after = coerce_delay(rt, ARG(1), &err);
    if (err < 0)
        return -1;
    Timer *t = timer_new(L, cb, argc > 2 ? args + 2 : NULL, argc - 2, false);
    t->duration = after;
    t->repeat = repeat ? after : 0;
    insert(L, t, after, L->now);
    if (rt->executor_of && !rt->executor_of->x.pr.timer)
        rt->executor_of->x.pr.timer = t->id;
    js_narr_timer_new(L, t);
    *out = js_objv(t->obj);
    return 0;
}

Timer *js_loop_timeout(Loop *L, JsValue cb, int64_t ms, bool ref)
{
    Timer *t = timer_new(L, cb, NULL, 0, false);
    t->duration = ms >= 1 && ms <= 2147483647 ? ms : 1;
    insert(L, t, t->duration, L->now);
    if (!ref) {
        t->ref = false;
        L->refed--;
    }
    js_narr_timer_new(L, t);
    return t;
}

NATIVE(set_timeout) { UNUSED; return schedule(rt, args, argc, false, out); }
NATIVE(set_interval) { UNUSED; return schedule(rt, args, argc, true, out); }

NATIVE(clear_timer)
{
    UNUSED;
    Loop *L = LP(rt);
    Timer *t = timer_of(L, ARG(0), false);
    *out = JS_UNDEF;
    if (!t || t->destroyed)
        return 0;
    unlink_timer(t);
    timer_destroy(L, t);
    js_narr_timer_done(L, t, true);
    return 0;
}

NATIVE(set_immediate)
{
    UNUSED;
    Loop *L = LP(rt);
    JsValue cb = ARG(0);
    if (!js_is_callable(cb))
        return js_throw_error(rt, ERR_TYPE, "The \"callback\" argument must be of type function. Received %s",
                              cb.tag == JV_UNDEF ? "undefined" : js_typeof(cb));
    Timer *t = timer_new(L, cb, argc > 1 ? args + 1 : NULL, argc - 1, true);
    if (L->imm_n == L->imm_cap) {
        L->imm_cap = L->imm_cap ? L->imm_cap * 2 : 16;
        L->immediates = xrealloc(L->immediates, L->imm_cap * sizeof(Timer *));
    }
    L->immediates[L->imm_n++] = t;
    js_narr_timer_new(L, t);
    *out = js_objv(t->obj);
    return 0;
}

NATIVE(clear_immediate)
{
    UNUSED;
    Loop *L = LP(rt);
    Timer *t = timer_of(L, ARG(0), true);
    *out = JS_UNDEF;
    if (!t || t->destroyed)
        return 0;
    timer_destroy(L, t);
    for (size_t i = 0; i < L->imm_n; i++) {
        if (L->immediates[i] == t) {
            memmove(L->immediates + i, L->immediates + i + 1, (L->imm_n - i - 1) * sizeof(Timer *));
            L->imm_n--;
            break;
        }
    }
    js_narr_timer_done(L, t, true);
    return 0;
}

/* Timeout.prototype / Immediate.prototype: ref, unref, hasRef, refresh, close */
NATIVE(timer_method)
{
    UNUSED;
    Loop *L = LP(rt);
    bool imm = self.tag == JV_OBJ && self.u.o->kind == JK_IMMEDIATE;
    Timer *t = timer_of(L, self, imm);
    *out = self;
    if (!t)
        return 0;
    int *count = imm ? &L->imm_refed : &L->refed;
    switch (fn->x.nat.arity) {
    case 0: /* ref */
        if (!t->ref && !t->destroyed)
            (*count)++;
        t->ref = true;
        break;
    case 1: /* unref */
        if (t->ref && !t->destroyed)
            (*count)--;
        t->ref = false;
        break;
    case 2:
        *out = js_bool(t->ref);
        break;
    case 3: /* refresh */
        if (!t->destroyed && !imm) {
            unlink_timer(t);
            insert(L, t, t->duration, L->now);
        }
        break;
    case 4: /* close */
        if (!t->destroyed && !imm) {
            unlink_timer(t);
            timer_destroy(L, t);
            js_narr_timer_done(L, t, true);
        }
        break;
    default:
        break;
    }
    return 0;
}

static int run_timer(Loop *L, Timer *t)
{
    L->context = t->immediate ? "immediate" : "timer";
    js_narr_timer_run(L, t);
    JsValue r;
    int st = js_call(L->rt, t->cb, js_objv(t->obj), t->args, t->argc, &r);
    L->current_task = -1;
    if (st < 0 || L->rt->limit || !js_narr_room(L))
        return callback_failed(L);
    return 0;
}

/* The timers phase at time tnow. -1 when the run ended. */
static int process_timers(Loop *L, int64_t tnow)
{
    while (L->nlists && !L->finished) {
        TList *l = L->lists[0];
        if (l->expiry > tnow)
            return 0;
        size_t ndue = 0;
        while (ndue < l->n && tnow - l->items[l->head + ndue]->start >= l->msecs)
            ndue++;
        js_narr_phase(L, l->items + l->head, ndue, false);
        bool rearmed = false;
        while (l->n) {
            Timer *t = l->items[l->head];
            if (tnow - t->start < l->msecs) {
                l->expiry = t->start + l->msecs > tnow + 1 ? t->start + l->msecs : tnow + 1;
                l->id = L->list_ids++;
                lists_sort(L);
                rearmed = true;
                break;
            }
            l->head++;
            l->n--;
            t->list = NULL;
            int64_t start = L->now;
            if (!t->repeat)
                timer_destroy(L, t);
            if (run_timer(L, t) < 0)
                return -1;
            if (t->repeat && !t->destroyed)
                insert(L, t, t->repeat, start);
            js_narr_timer_done(L, t, false);
            if (drain(L, "a timer callback") < 0)
                return -1;
        }
        if (!rearmed && L->nlists && L->lists[0] == l && l->n == 0)
            list_remove(L, l);
    }
    return 0;
}

static int run_immediates(Loop *L)
{
    size_t n = L->imm_n;
    Timer **batch = xmalloc((n ? n : 1) * sizeof(Timer *));
    if (n)
        memcpy(batch, L->immediates, n * sizeof(Timer *));
    L->imm_n = 0;
    js_narr_phase(L, batch, n, true);
    int rc = 0;
    for (size_t i = 0; i < n && !L->finished; i++) {
        Timer *t = batch[i];
        if (t->destroyed)
            continue;
        timer_destroy(L, t);
        if (run_timer(L, t) < 0) {
            rc = -1;
            break;
        }
        js_narr_timer_done(L, t, false);
        if (drain(L, "an immediate") < 0) {
            rc = -1;
            break;
        }
    }
    xfree(batch);
    return rc;
}

static bool alive(Loop *L) { return L->refed > 0 || L->imm_refed > 0; }

static int64_t next_expiry(Loop *L, bool *any)
{
    while (L->nlists && L->lists[0]->n == 0)
        list_remove(L, L->lists[0]);
    *any = L->nlists > 0;
    return *any ? L->lists[0]->expiry : 0;
}

/* The clock moves to `to` unless that passes --until: then the run stops
 * there, through the limit path (as the Python side does). */
static bool clock_to(Loop *L, int64_t to, const char *why)
{
    if (to > L->until) {
        if (L->until > L->now)
            L->now = L->until;
        snprintf(L->until_msg, sizeof L->until_msg,
                 "the run reached its time limit, t = %.15g (--until); the scenario was stopped there",
                 (double)L->until / 1000.0);
        js_limit(L->rt, L->until_msg);
        finish_error(L, JS_UNDEF, false);
        return false;
    }
    js_narr_clock(L, L->now, to, why);
    L->now = to;
    return true;
}

static void run_loop(Loop *L)
{
    bool any;
    int64_t first = next_expiry(L, &any);
    if (any && first > L->now && first <= L->now + 1 && !clock_to(L, first, "first turn"))
        return;
    while (!L->finished) {
        if (!alive(L))
            break;
        L->turns++;
        if (process_timers(L, L->now) < 0)
            return;
        if (!alive(L))
            break;
        if (L->imm_n == 0) {
            int64_t e = next_expiry(L, &any);
            if (!any)
                break;
            if (e > L->now && !clock_to(L, e, "jump"))
                return;
        }
        if (run_immediates(L) < 0)
            return;
    }
    if (!L->finished) {
        flush_pending(L);
        L->finished = true;
        js_narr_end(L);
    }
}

/* ---- clocks ---- */

NATIVE(date_now)
{
    UNUSED;
    *out = js_num((double)LP(rt)->now);
    return 0;
}

NATIVE(date_ctor)
{
    UNUSED;
    bool constructing = rt->constructing;
    rt->constructing = false;
    double ms = (double)LP(rt)->now;
    if (argc >= 1) {
        if (args[0].tag == JV_OBJ && args[0].u.o->kind == JK_DATE)
            ms = args[0].u.o->x.date;
        else if (js_to_number(rt, args[0], &ms) < 0)
            return -1;
    }
    if (!constructing || self.tag != JV_OBJ) {
        /* Date() as a function: a string */
        *out = js_strv(js_strf(rt, "Thu Jan 01 1970 00:00:%02d GMT+0000 (Coordinated Universal Time)",
                               (int)fmod(floor((double)LP(rt)->now / 1000), 60)));
        return 0;
    }
    self.u.o->kind = JK_DATE;
    self.u.o->x.date = ms;
    *out = self;
    return 0;
}

NATIVE(date_get_time)
{
    UNUSED;
    if (self.tag != JV_OBJ || self.u.o->kind != JK_DATE)
        return js_throw_error(rt, ERR_TYPE, "this is not a Date object.");
    *out = js_num(self.u.o->x.date);
    return 0;
}

NATIVE(date_iso)
{
    UNUSED;
    if (self.tag != JV_OBJ || self.u.o->kind != JK_DATE)
        return js_throw_error(rt, ERR_TYPE, "this is not a Date object.");
    Buf b;
    buf_init(&b);
    js_inspect(rt, self, &b);
    return js_native_string(rt, &b, out);
}

NATIVE(perf_now)
{
    UNUSED;
    *out = js_num((double)LP(rt)->now);
    return 0;
}

NATIVE(hrtime)
{
    UNUSED;
    int64_t ns = LP(rt)->now * 1000000;
    int64_t s = ns / 1000000000, n = ns % 1000000000;
    JsValue prev = ARG(0);
    if (prev.tag == JV_OBJ && prev.u.o->kind == JK_ARRAY && prev.u.o->x.arr.len >= 2) {
        s -= (int64_t)js_to_number_prim(rt, prev.u.o->x.arr.items[0]);
        n -= (int64_t)js_to_number_prim(rt, prev.u.o->x.arr.items[1]);
        if (n < 0) {
            s--;
            n += 1000000000;
        }
    }
    JsObject *a = js_array_new(rt, 2);
    js_array_push(rt, a, js_num((double)s));
    js_array_push(rt, a, js_num((double)n));
    *out = js_objv(a);
    return 0;
}

/* Atomics.wait(ia, i, v, ms): blocks the whole loop for ms (virtual). */
NATIVE(atomics_wait)
{
    UNUSED;
    Loop *L = LP(rt);
    double ms;
    if (js_to_number(rt, ARG(3), &ms) < 0)
        return -1;
    if (ms > 0 && isfinite(ms)) {
        int64_t d = (int64_t)trunc(ms);
        js_narr_clock(L, L->now, L->now + d, "block");
        L->now += d;
        *out = js_strv(js_intern(rt, "timed-out"));
        return 0;
    }
    *out = js_strv(js_intern(rt, ms > 0 ? "not-equal" : "timed-out"));
    if (isinf(ms))
        return js_throw_error(rt, ERR_TYPE, "Atomics.wait with no timeout would block forever");
    return 0;
}

NATIVE(buffer_ctor)
{
    UNUSED;
    rt->constructing = false;
    *out = self.tag == JV_OBJ ? self : js_objv(js_obj_new(rt, JK_OBJECT, rt->object_proto));
    return 0;
}

/* ---- install ---- */

static void install(Loop *L)
{
    JsRt *rt = L->rt;
    JsObject *g = rt->global;
    JsObject *con = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "console"), js_objv(con), 0);
    static const char *const logs[] = {"log", "info", "debug"};
    for (int i = 0; i < 3; i++)
        js_native_method(rt, con, logs[i], 0, con_log);
    js_native_method(rt, con, "dir", 0, con_dir);
    static const char *const silent[] = {"warn", "error", "trace", "assert", "table"};
    for (int i = 0; i < 5; i++)
        js_native_method(rt, con, silent[i], 0, con_silent);
    js_native_method(rt, con, "group", 0, con_group)->x.nat.arity = 0;
    js_native_method(rt, con, "groupCollapsed", 0, con_group)->x.nat.arity = 0;
    js_native_method(rt, con, "groupEnd", 0, con_group)->x.nat.arity = 1;
    js_native_method(rt, con, "count", 0, con_count)->x.nat.arity = 0;
    js_native_method(rt, con, "countReset", 0, con_count)->x.nat.arity = 1;
    js_native_method(rt, con, "time", 0, con_time)->x.nat.arity = 0;
    js_native_method(rt, con, "timeLog", 0, con_time)->x.nat.arity = 1;
    js_native_method(rt, con, "timeEnd", 0, con_time)->x.nat.arity = 2;
    group_indent = 0;

    JsObject *proc = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "process"), js_objv(proc), 0);
    js_native_method(rt, proc, "nextTick", 1, next_tick);
    JsObject *hr = js_native_method(rt, proc, "hrtime", 1, hrtime);
    (void)hr;
    JsObject *so = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_native_method(rt, so, "write", 1, stdout_write);
    js_define(rt, proc, js_intern(rt, "stdout"), js_objv(so), 0);
    js_define(rt, proc, js_intern(rt, "argv"), js_objv(js_array_new(rt, 0)), PF_ENUM);
    js_define(rt, proc, js_intern(rt, "env"), js_objv(js_obj_new(rt, JK_OBJECT, rt->object_proto)), PF_ENUM);
    js_define(rt, proc, js_intern(rt, "platform"), js_strv(js_intern(rt, "linux")), PF_ENUM);

    js_native_method(rt, g, "queueMicrotask", 1, queue_microtask);
    js_native_method(rt, g, "setTimeout", 2, set_timeout);
    js_native_method(rt, g, "setInterval", 2, set_interval);
    js_native_method(rt, g, "clearTimeout", 1, clear_timer);
    js_native_method(rt, g, "clearInterval", 1, clear_timer);
    js_native_method(rt, g, "setImmediate", 1, set_immediate);
    js_native_method(rt, g, "clearImmediate", 1, clear_immediate);
    L->timeout_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    L->immediate_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    static const char *const tm[] = {"ref", "unref", "hasRef", "refresh", "close"};
    for (int i = 0; i < 5; i++) {
        js_native_method(rt, L->timeout_proto, tm[i], 0, timer_method)->x.nat.arity = i;
        if (i < 3)
            js_native_method(rt, L->immediate_proto, tm[i], 0, timer_method)->x.nat.arity = i;
    }
    JsObject *tctor = js_native_new(rt, "Timeout", 0, con_silent);
    js_define(rt, L->timeout_proto, rt->s_constructor, js_objv(tctor), 0);
    JsObject *ictor = js_native_new(rt, "Immediate", 0, con_silent);
    js_define(rt, L->immediate_proto, rt->s_constructor, js_objv(ictor), 0);

    JsObject *D = js_native_new(rt, "Date", 7, date_ctor);
    D->fnflags |= FN_CTOR;
    js_define(rt, D, rt->s_prototype, js_objv(rt->date_proto), PF_CONST);
    js_define(rt, rt->date_proto, rt->s_constructor, js_objv(D), 0);
    js_define(rt, g, js_intern(rt, "Date"), js_objv(D), 0);
    js_native_method(rt, D, "now", 0, date_now);
    js_native_method(rt, rt->date_proto, "getTime", 0, date_get_time);
    js_native_method(rt, rt->date_proto, "valueOf", 0, date_get_time);
    js_native_method(rt, rt->date_proto, "toISOString", 0, date_iso);
    js_native_method(rt, rt->date_proto, "toJSON", 0, date_iso);

    JsObject *perf = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "performance"), js_objv(perf), 0);
    js_native_method(rt, perf, "now", 0, perf_now);
    JsObject *at = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "Atomics"), js_objv(at), 0);
    js_native_method(rt, at, "wait", 4, atomics_wait);
    static const char *const bufs[] = {"SharedArrayBuffer", "Int32Array"};
    for (int i = 0; i < 2; i++) {
        JsObject *proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
        JsObject *c = js_native_new(rt, bufs[i], 1, buffer_ctor);
        c->fnflags |= FN_CTOR;
        js_define(rt, c, rt->s_prototype, js_objv(proto), PF_CONST);
        js_define(rt, proto, rt->s_constructor, js_objv(c), 0);
        js_define(rt, g, js_intern(rt, bufs[i]), js_objv(c), 0);
    }
}

/* ---- the run ---- */

static void vm_async_start(JsRt *rt, Frame *f) { js_narr_async_start(LP(rt), f); }
static void vm_async_await(JsRt *rt, Frame *f, JsObject *p, JsValue v) { js_narr_async_await(LP(rt), f, p, v); }
static void vm_async_resume(JsRt *rt, Frame *f) { js_narr_async_resume(LP(rt), f); }
static void vm_async_end(JsRt *rt, Frame *f, bool threw, JsValue v) { js_narr_async_end(LP(rt), f, threw, v); }

static const JsVmHooks vm_hooks = {
    .async_start = vm_async_start,
    .async_await = vm_async_await,
    .async_resume = vm_async_resume,
    .async_end = vm_async_end,
};

static const char *doc_of(const Source *src, Buf *b)
{
    /* the title: a first line comment "// ..." or a leading block comment */
    const char *p = src->text;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (p[0] == '/' && p[1] == '/') {
        while (p[0] == '/' && p[1] == '/') {
            p += 2;
            if (*p == ' ')
                p++;
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            if (b->len)
                buf_putc(b, '\n');
            buf_putn(b, p, n);
            p += n;
            if (*p == '\n')
                p++;
        }
    } else if (p[0] == '/' && p[1] == '*') {
        p += 2;
        while (*p == '*')
            p++;
        const char *e = strstr(p, "*/");
        size_t n = e ? (size_t)(e - p) : 0;
        /* strip leading " * " of each line */
        for (size_t i = 0; i < n;) {
            while (i < n && (p[i] == ' ' || p[i] == '\t'))
                i++;
            if (i < n && p[i] == '*' && !(i + 1 < n && p[i + 1] == '/'))
                i++;
            if (i < n && p[i] == ' ')
                i++;
            size_t j = i;
            while (j < n && p[j] != '\n')
                j++;
            if (j > i) {
                if (b->len)
                    buf_putc(b, '\n');
                buf_putn(b, p + i, j - i);
            }
            i = j + 1;
        }
    }
    return b->s;
}

/* A scenario loaded, compiled and ready to run. */
struct JsRun {
    JsRt rt;
    Loop L;
    JsFunc *main_fn;
    char *path;
};

JsRun *js_load(const Source *src, const JsOptions *opt, LangError *err)
{
    Arena *a = arena_new();
    Node *prog = js_parse(src, a, err);
    if (!prog) {
        arena_free(a);
        return NULL;
    }
    JsRun *run = xcalloc(1, sizeof *run);
    JsRt *rt = &run->rt;
    Loop *L = &run->L;
    js_rt_init(rt);
    rt->max_ops = opt && opt->max_ops ? opt->max_ops : 50000000;
    rt->max_depth = opt && opt->max_depth ? opt->max_depth : 1000;
    rt->max_items = opt && opt->max_items ? opt->max_items : 10000000;
    rt->max_bytes = (opt && opt->max_memory ? opt->max_memory : 400) * (size_t)1024 * 1024;
    js_vm_init(rt, &vm_hooks);
    js_promise_set_host(&host);
    js_builtins_install(rt);
    js_promise_install(rt);
    L->rt = rt;
    rt->loop = L;
    L->until = INT64_MAX;
    if (opt && opt->until_set && opt->until >= 0)
        L->until = opt->until * 1000 < 9e15 ? (int64_t)floor(opt->until * 1000 + 1e-6) : INT64_MAX;
    buf_init(&L->pending);
    install(L);
    js_abort_install(L);
    run->main_fn = js_compile(rt, prog, err);
    arena_free(a);
    if (!run->main_fn) {
        buf_free(&L->pending);
        js_code_free(rt);
        js_vm_free(rt);
        js_rt_free(rt);
        xfree(run);
        return NULL;
    }
    L->rec = rec_new(opt && opt->max_steps ? opt->max_steps : 1000000);
    Buf doc;
    buf_init(&doc);
    rec_set_info(L->rec, src->path, doc_of(src, &doc));
    buf_free(&doc);
    run->path = xstrdup(src->path);
    js_narr_init(L);
    return run;
}

Recording *js_recording(const JsRun *run)
{
    return run->L.rec;
}

int js_exec(JsRun *run)
{
    JsRt *rt = &run->rt;
    Loop *L = &run->L;
    /* the promise host is one global: this run's, on whichever thread */
    js_promise_set_host(&host);
    JsObject *exports = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    JsObject *module = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, module, js_intern(rt, "exports"), js_objv(exports), PF_ENUM);
    JsValue margs[5] = {js_objv(exports), JS_UNDEF, js_objv(module), js_strv(js_cstr(rt, run->path)),
                        js_strv(js_cstr(rt, "."))};
    JsObject *main_obj = js_vm_closure(rt, run->main_fn, NULL);
    js_narr_main_start(L);
    JsValue r;
    if (js_call(rt, js_objv(main_obj), js_objv(exports), margs, 5, &r) < 0) {
        callback_failed(L);
    } else {
        js_narr_main_end(L);
        if (drain(L, "the main script") == 0)
            run_loop(L);
    }
    if (!L->finished) {
        L->finished = true;
        L->status = 1;
    }
    Recording *rec = L->rec;
    int status = L->status;
    if (rt->limit) {
        char msg[300];
        /* --until's words stand alone, as on the Python side */
        snprintf(msg, sizeof msg, "loopscope: %s%s\n", rt->limit == L->until_msg ? "" : "the scenario was stopped: ",
                 rt->limit);
        rec_set_status(rec, 1, msg);
    } else {
        char *tb = xstrdup(rec_traceback(rec) ? rec_traceback(rec) : "");
        rec_set_status(rec, status, tb);
        xfree(tb);
    }
    js_narr_free(L);
    buf_free(&L->pending);
    for (size_t i = 0; i < L->tick_n; i++)
        xfree(L->ticks[(L->tick_head + i) % L->tick_cap].args);
    xfree(L->ticks);
    xfree(L->tick_card);
    xfree(L->jobs);
    xfree(L->job_card);
    xfree(L->job_words);
    js_internals_free(L);
    for (int i = 0; i < L->nlists; i++) {
        xfree(L->lists[i]->items);
        xfree(L->lists[i]);
    }
    xfree(L->lists);
    xfree(L->timers);
    xfree(L->immediates);
    xfree(L->rejected);
    for (int i = 0; i < ncounts; i++)
        xfree(counts[i].name);
    for (int i = 0; i < ntimers_lbl; i++)
        xfree(timers_lbl[i].name);
    xfree(counts);
    xfree(timers_lbl);
    counts = timers_lbl = NULL;
    ncounts = ntimers_lbl = 0;
    js_code_free(rt);
    js_vm_free(rt);
    js_rt_free(rt);
    xfree(run->path);
    xfree(run);
    rec_finish(rec);
    return status ? 1 : 0;
}

int js_run(const Source *src, const JsOptions *opt, Recording **rec_out, LangError *err)
{
    *rec_out = NULL;
    JsRun *run = js_load(src, opt, err);
    if (!run)
        return 2;
    *rec_out = js_recording(run);
    return js_exec(run);
}
