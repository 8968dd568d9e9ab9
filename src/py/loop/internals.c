/* internals.c: the loop's insides as the internals view shows them.
 * Owns: reading the model at a step (the ready queue in run order and what
 * each handle will do, the timer heap by deadline, the iteration count, the
 * sync primitives in play) into the recording's snapshot text (rec.h), and
 * the list of primitives the prelude registers with _track. Also says who
 * a future or timer wakes, for the captions. Leaves the wording of steps
 * to narrate.c and the drawing to src/view/pane_internals.c. Reads only:
 * no scenario code runs here (labels are reprs under klass_quiet). */
#include "model.h"

#include "../objects/klass.h"

#include <stdlib.h>
#include <string.h>

enum { SHOW_READY = 12, SHOW_TIMERS = 12, SHOW_PRIMS = 8, SHOW_ITEMS = 6 };

typedef struct Prim {
    Obj *o;     /* a strong reference, dropped once nothing else holds it */
    int line;   /* where it was made */
} Prim;

static Prim *prims;
static Buf snap;        /* the snapshot being written (internals_record) */
static size_t nprims, capprims;

TaskObj *loop_waiter_of(FutureObj *f)
{
    for (size_t i = 0; f->callbacks && i < LIST_N(f->callbacks); i++) {
        Obj *cb = LIST_ITEMS(f->callbacks)[i];
        if (IS(cb, BuiltinClass) && !strcmp(((BuiltinObj *)cb)->name, "task_wakeup"))
            return (TaskObj *)((BuiltinObj *)cb)->self;
    }
    return NULL;
}

static bool timer_before(const HandleObj *a, const HandleObj *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

/* The first k live timers of l by deadline into out, read off the heap
 * best-first: a node can only come after its parent, so the candidates
 * are the children of what was taken. Cancelled timers are passed over,
 * at most SCAN_MAX of them, so the work is bounded by k, not the heap. */
enum { SCAN_MAX = 64 };
static size_t first_timers(const LoopObj *l, HandleObj **out, size_t k)
{
    size_t cand[2 * SCAN_MAX + 2], nc = 0, n = 0, looked = 0;
    if (l->hlen)
        cand[nc++] = 0;
    while (nc && n < k && looked++ < SCAN_MAX + k) {
        size_t best = 0;
        for (size_t i = 1; i < nc; i++)
            if (timer_before(l->heap[cand[i]], l->heap[cand[best]]))
                best = i;
        size_t at = cand[best];
        cand[best] = cand[--nc];
        HandleObj *h = l->heap[at];
        if (!h->cancelled)
            out[n++] = h;
        for (size_t c = 2 * at + 1; c <= 2 * at + 2 && c < l->hlen; c++)
            if (nc < sizeof cand / sizeof cand[0])
                cand[nc++] = c;
    }
    return n;
}

HandleObj *loop_next_timer(void)
{
    HandleObj *h = NULL;
    return sim.running && first_timers(sim.running, &h, 1) ? h : NULL;
}

Obj *loop_attr(Obj *o, const char *name)
{
    if (!o || !CLS(o)->heap || CLS(o)->is_exception)
        return NULL;
    Obj *d = ((InstanceObj *)o)->dict;
    return d ? dict_get_c(d, name) : NULL;
}

TaskObj *loop_timer_task(const HandleObj *h)
{
    Obj *cb = h->callback;
    if (IS(cb, BoundClass)) {
        Obj *task = loop_attr(((BoundObj *)cb)->self, "_task");
        if (task && class_is_sub(CLS(task), &TaskClass))
            return (TaskObj *)task;
    }
    if (h->args && TUP_N(h->args) && is_future(TUP_ITEMS(h->args)[0]))
        return loop_waiter_of((FutureObj *)TUP_ITEMS(h->args)[0]);
    return NULL;
}

/* A task in words: a reference, or its coroutine for a hidden one. */
static void put_task(Buf *b, TaskObj *t)
{
    if (t->rec_id >= 0)
        rec_put_ref(b, t->rec_id);
    else
        buf_puts(b, STR_S(t->coro_name));
}

/* What waiting on f is, short: "sleep(1.0)", "gather", "task fetch". */
static void short_future(FutureObj *f, Buf *b)
{
    if (f->children) {
        buf_puts(b, "gather");
        return;
    }
    Buf d;
    buf_init(&d);
    future_describe(f, &d);
    size_t n = strcspn(d.s, ":");
    static const char *const cuts[] = {" until ", ", ", " ("};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        char *c = strstr(d.s, cuts[i]);
        if (c && c > d.s && (size_t)(c - d.s) < n)
            n = (size_t)(c - d.s);
    }
    buf_putn(b, d.s, n);
    buf_free(&d);
}

/* A callable's name: "print", "on_done", "Timeout._on_timeout". */
static void callable_name(Obj *cb, Buf *b)
{
    if (IS(cb, BoundClass)) {
        Obj *self = ((BoundObj *)cb)->self;
        buf_printf(b, "%s.", CLS(self)->name);
        cb = ((BoundObj *)cb)->func;
    }
    if (IS(cb, FuncClass))
        buf_puts(b, STR_S(((FuncObj *)cb)->name));
    else if (IS(cb, BuiltinClass))
        buf_puts(b, ((BuiltinObj *)cb)->name);
    else
        buf_puts(b, CLS(cb)->name);
}

/* The library's own callbacks, in words: who hears that a future is done. */
static const struct {
    const char *name, *hears;
} library_cb[] = {
    {"_done_callback", "gather hears"},
    {"_on_task_done", "TaskGroup hears"},
    {"release", "wait_for hears"},
    {"on_completion", "wait hears"},
    {"_on_completion", "as_completed hears"},
};

/* What a ready handle will do: "step fetch_user", "wake main (gather)",
 * "gather hears: fetch_user is done", "callback on_done". */
static void describe_handle(const HandleObj *h, Buf *b)
{
    Obj *cb = h->callback;
    if (IS(cb, BuiltinClass) && ((BuiltinObj *)cb)->self &&
        class_is_sub(CLS(((BuiltinObj *)cb)->self), &TaskClass)) {
        TaskObj *t = (TaskObj *)((BuiltinObj *)cb)->self;
        const char *name = ((BuiltinObj *)cb)->name;
        if (!strcmp(name, "task_wakeup")) {
            buf_puts(b, "wake ");
            put_task(b, t);
            if (h->args && TUP_N(h->args) && is_future(TUP_ITEMS(h->args)[0])) {
                FutureObj *f = (FutureObj *)TUP_ITEMS(h->args)[0];
                buf_puts(b, " (");
                short_future(f, b);
                buf_puts(b, f->state == FUT_CANCELLED ? " cancelled)" : ")");
            }
            return;
        }
        buf_puts(b, t->started ? "step " : "start ");
        put_task(b, t);
        if (t->must_cancel)
            buf_puts(b, " (to cancel it)");
        return;
    }
    /* a done callback gets the future that is done */
    Obj *arg = h->args && TUP_N(h->args) ? TUP_ITEMS(h->args)[0] : NULL;
    TaskObj *done = arg && class_is_sub(CLS(arg), &TaskClass) && ((FutureObj *)arg)->state != FUT_PENDING
                        ? (TaskObj *)arg
                        : NULL;
    Obj *fn = IS(cb, BoundClass) ? ((BoundObj *)cb)->func : cb;
    const char *name = IS(fn, FuncClass)      ? STR_S(((FuncObj *)fn)->name)
                       : IS(fn, BuiltinClass) ? ((BuiltinObj *)fn)->name /* gather.c's _done_callback */
                                              : "";
    for (size_t i = 0; done && i < sizeof library_cb / sizeof library_cb[0]; i++)
        if (!strcmp(name, library_cb[i].name)) {
            buf_printf(b, "%s: ", library_cb[i].hears);
            put_task(b, done);
            buf_puts(b, done->fut.state == FUT_CANCELLED ? " was cancelled" : " is done");
            return;
        }
    TaskObj *t = loop_timer_task(h);
    buf_puts(b, "callback ");
    callable_name(cb, b);
    if (done) {
        buf_puts(b, ": ");
        put_task(b, done);
        buf_puts(b, " is done");
    } else if (t) {
        buf_puts(b, " \xe2\x86\x92 ");
        put_task(b, t);
    }
}

/* A timer: "when \t who \t what". */
static void describe_timer(const HandleObj *h, Buf *b)
{
    narr_fmt_time(b, h->when);
    buf_putc(b, '\t');
    TaskObj *t = loop_timer_task(h);
    if (t)
        put_task(b, t);
    buf_putc(b, '\t');
    Obj *fn = IS(h->callback, BoundClass) ? ((BoundObj *)h->callback)->func : h->callback;
    const char *name = IS(fn, FuncClass) ? STR_S(((FuncObj *)fn)->name) : "";
    if (!strcmp(name, "_on_timeout"))
        buf_puts(b, "timeout() deadline: cancel");
    else if (!strcmp(name, "_wait_for_deadline"))
        buf_puts(b, "wait_for deadline");
    else if (!strcmp(name, "_release_waiter"))
        buf_puts(b, "wait timeout");
    else if (t && t->fut_waiter)
        short_future(t->fut_waiter, b);
    else if (h->args && TUP_N(h->args) && is_future(TUP_ITEMS(h->args)[0])) {
        /* its future has no waiter any more: a sleep whose task was cancelled */
        FutureObj *f = (FutureObj *)TUP_ITEMS(h->args)[0];
        short_future(f, b);
        if (f->state == FUT_CANCELLED)
            buf_puts(b, ", cancelled: it will fire and do nothing");
    } else
        callable_name(h->callback, b);
}

/* What a handle's words depend on besides itself: for a task's step, the
 * task being cancelled; for a timer, who waits on its future and how that
 * future stands. Words are remade only when this changes. */
static const void *words_key(const HandleObj *h, uint8_t *state)
{
    Obj *cb = h->callback;
    *state = 0;
    if (IS(cb, BuiltinClass) && ((BuiltinObj *)cb)->self && class_is_sub(CLS(((BuiltinObj *)cb)->self), &TaskClass)) {
        *state = ((TaskObj *)((BuiltinObj *)cb)->self)->must_cancel;
        return NULL;
    }
    Obj *arg = h->args && TUP_N(h->args) ? TUP_ITEMS(h->args)[0] : NULL;
    if (arg && is_future(arg))
        *state = (uint8_t)(((FutureObj *)arg)->state + 1);
    if (!h->timer)
        return NULL;
    TaskObj *t = loop_timer_task(h);
    if (t)
        *state = (uint8_t)(*state * 8 + (t->fut_waiter ? t->fut_waiter->state + 1 : 0));
    return t;
}

/* The string id of h's words, made when first needed or when what they
 * depend on changed. */
static uint32_t handle_words(HandleObj *h)
{
    uint8_t state;
    const void *key = words_key(h, &state);
    if (h->words && key == h->words_key && state == h->words_state)
        return h->words;
    Buf b;
    buf_init(&b);
    if (h->timer)
        describe_timer(h, &b);
    else
        describe_handle(h, &b);
    h->words = rec_store(sim.rec, b.s); /* mostly new words: no table to search */
    h->words_key = key;
    h->words_state = state;
    buf_free(&b);
    return h->words ? h->words : rec_intern(sim.rec, "?");
}


/* ---------------------------------------------------------- primitives */

void internals_track(Obj *o, bool on)
{
    if (!on) {
        for (size_t i = 0; i < nprims; i++)
            if (prims[i].o == o) {
                DECREF(o);
                memmove(prims + i, prims + i + 1, (nprims - i - 1) * sizeof *prims);
                nprims--;
                return;
            }
        return;
    }
    if (nprims == capprims) {
        capprims = capprims ? capprims * 2 : 8;
        prims = xrealloc(prims, capprims * sizeof *prims);
    }
    INCREF(o);
    prims[nprims++] = (Prim){o, vm_current_line()};
}

void internals_reset(void)
{
    if (snap.s)
        buf_free(&snap);
    snap = (Buf){0};
    for (size_t i = 0; i < nprims; i++)
        DECREF(prims[i].o);
    xfree(prims);
    prims = NULL;
    nprims = capprims = 0;
}

/* The tasks waiting on a list of futures: " · waiting: a, b". */
static void put_waiters(Buf *b, Obj *waiters)
{
    if (!waiters || !IS(waiters, ListClass) || !LIST_N(waiters))
        return;
    int n = 0;
    for (size_t i = 0; i < LIST_N(waiters); i++) {
        Obj *w = LIST_ITEMS(waiters)[i];
        if (!is_future(w) || ((FutureObj *)w)->state != FUT_PENDING)
            continue;
        TaskObj *t = loop_waiter_of((FutureObj *)w);
        buf_puts(b, n++ ? ", " : " \xc2\xb7 waiting: ");
        if (t)
            put_task(b, t);
        else
            buf_puts(b, "a future");
    }
}

static bool truthy(Obj *o) { return o && o != None && o != False && !(is_int(o) && int_value(o) == 0); }

static void describe_prim(const Prim *p, Buf *b)
{
    Obj *o = p->o;
    const char *kind = CLS(o)->name;
    buf_printf(b, "P%s (line %d): ", kind, p->line);
    Obj *q = loop_attr(o, "_queue"), *v;
    if (q && IS(q, ListClass)) {
        size_t n = LIST_N(q);
        buf_printf(b, "%zu item%s", n, n == 1 ? "" : "s");
        if (n) {
            buf_puts(b, " [");
            klass_quiet(true);
            for (size_t i = 0; i < n && i < SHOW_ITEMS; i++) {
                if (i)
                    buf_puts(b, ", ");
                Buf r;
                buf_init(&r);
                obj_repr(LIST_ITEMS(q)[i], &r);
                rec_put_text(b, r.s, r.len > 20 ? 20 : r.len);
                buf_free(&r);
            }
            klass_quiet(false);
            err_clear();
            buf_puts(b, n > SHOW_ITEMS ? ", \xe2\x80\xa6]" : "]");
        }
        Obj *max = loop_attr(o, "_maxsize");
        if (max && is_int(max) && int_value(max) > 0)
            buf_printf(b, " of %lld", (long long)int_value(max));
        put_waiters(b, loop_attr(o, "_getters"));
        Obj *putters = loop_attr(o, "_putters");
        if (putters && IS(putters, ListClass) && LIST_N(putters)) {
            Buf pw;
            buf_init(&pw);
            put_waiters(&pw, putters);
            if (pw.len)
                buf_printf(b, " \xc2\xb7 putting:%s", strstr(pw.s, ": ") + 1);
            buf_free(&pw);
        }
    } else if ((v = loop_attr(o, "_locked"))) {
        Obj *holder = loop_attr(o, "_holder");
        if (truthy(v)) {
            buf_puts(b, "held by ");
            if (holder && class_is_sub(CLS(holder), &TaskClass))
                put_task(b, (TaskObj *)holder);
            else
                buf_puts(b, "someone");
        } else {
            buf_puts(b, "free");
        }
        put_waiters(b, loop_attr(o, "_waiters"));
    } else if ((v = loop_attr(o, "_size"))) {
        Obj *val = loop_attr(o, "_value");
        if (val && is_int(val) && is_int(v))
            buf_printf(b, "%lld of %lld free", (long long)int_value(val), (long long)int_value(v));
        put_waiters(b, loop_attr(o, "_waiters"));
    } else if ((v = loop_attr(o, "_value"))) {
        buf_puts(b, truthy(v) ? "set" : "not set");
        put_waiters(b, loop_attr(o, "_waiters"));
    } else {
        buf_puts(b, "?");
    }
    buf_putc(b, '\n');
}

/* ------------------------------------------------------------ snapshot */


void internals_record(void)
{
    LoopObj *l = sim.running;
    Recording *r = sim.rec;
    rec_internals_begin(r);
    if (l) {
        rec_internals_num(r, 'I', l->iterations);
        /* the head of the ready queue, in run order; the rest is counted */
        size_t shown = 0, i = 0;
        for (; i < l->rlen && shown < SHOW_READY && i < SCAN_MAX; i++) {
            HandleObj *h = l->ready[(l->rhead + i) % l->rcap];
            if (h->cancelled)
                continue;
            shown++;
            rec_internals_num(r, 'R', handle_words(h));
        }
        if (i < l->rlen)
            rec_internals_num(r, 'r', l->rlen - i);
        HandleObj *pick[SHOW_TIMERS];
        size_t np = first_timers(l, pick, SHOW_TIMERS);
        for (size_t k = 0; k < np; k++)
            rec_internals_num(r, 'T', handle_words(pick[k]));
        if (l->hlen > np) /* cancelled ones included: they are still in the heap */
            rec_internals_num(r, 't', l->hlen - np);
    }
    Buf b = snap; /* the primitives' lines, kept from step to step: no malloc per step */
    if (!b.s)
        buf_init(&b);
    buf_clear(&b);
    size_t k = 0, shownp = 0;
    for (size_t i = 0; i < nprims; i++) {
        if (prims[i].o->rc <= 1) { /* only we hold it: it is gone */
            DECREF(prims[i].o);
            continue;
        }
        prims[k++] = prims[i];
        if (shownp++ < SHOW_PRIMS)
            describe_prim(&prims[k - 1], &b);
    }
    nprims = k;
    for (const char *p = b.s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        rec_internals_line(r, p, len);
        p += len + (nl != NULL);
    }
    rec_internals_end(r);
    snap = b;
}
