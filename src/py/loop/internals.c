/* internals.c: the loop's insides as the internals view shows them.
 * Owns: reading the model at a step (the ready queue in run order and what
 * each handle will do, the timer heap by deadline, the iteration count, the
 * sync primitives in play) into the recording's snapshot (rec.h), and the
 * list of primitives the prelude registers with _track. Also says who a
 * future or timer wakes, for the captions. A step costs almost nothing
 * when none of that changed: each part of the snapshot is made again only
 * when what it was made from changed (the queue's length and pushes, the heap's top,
 * the shown handles' words, a fingerprint of each primitive), and the
 * recording stores only the edits (src/record/inside.c). A primitive's
 * line is given as pieces (interned words, numbers), not as a new string.
 * Words are made once: a task's step or wakeup when it is queued
 * (internals_queued), from its task's last words of the kind; a sleep's
 * timer at the step it is pushed, when its task's last timer had the same
 * words (stamp_pushed); another timer's when it is first shown, likewise
 * (a due timer's too); a primitive's line when its own
 * fingerprint moves. Leaves the
 * wording of steps to narrate.c and the drawing to
 * src/view/pane_internals.c. Reads only: no scenario code runs here
 * (labels are reprs under klass_quiet). */
#include "model.h"
#include "prims.h"

#include "../objects/klass.h"

#include <stdlib.h>
#include <string.h>

enum { SHOW_READY = 12, SHOW_TIMERS = 12 };


/* A task's wakeup's and step's C functions (future.c's task_wakeup and
 * task_step), learnt from the first one met: then compared, no strcmp
 * per callback. */
static CFunc wake_fn, step_fn;

/* Is cb a task's wakeup? */
static bool is_wakeup(Obj *cb)
{
    static CFunc other; /* the last other one met (a task's step, before any wakeup) */
    if (!IS(cb, BuiltinClass))
        return false;
    const BuiltinObj *b = (const BuiltinObj *)cb;
    if (wake_fn)
        return b->fn == wake_fn;
    if (b->fn == other)
        return false;
    if (strcmp(b->name, "task_wakeup")) {
        other = b->fn;
        return false;
    }
    wake_fn = b->fn;
    return true;
}

static TaskObj *cb_task_slow(Obj *cb)
{
    const BuiltinObj *b = (const BuiltinObj *)cb;
    if (is_wakeup(cb))
        return (TaskObj *)b->self;
    if (!is_task(b->self))
        return NULL;
    if (!step_fn && !strcmp(b->name, "task_step"))
        step_fn = b->fn;
    return (TaskObj *)b->self;
}

/* The task whose builtin cb is (its self), or NULL. A task's own step
 * and wakeup are always bound to a task: known by their C functions, with
 * no read of the task's first line (on a wakeup queued by another's
 * set_result, a cold line); any other builtin's self is looked at. */
static inline TaskObj *cb_task(Obj *cb)
{
    if (!IS(cb, BuiltinClass) || !((BuiltinObj *)cb)->self)
        return NULL;
    CFunc fn = ((BuiltinObj *)cb)->fn;
    if (fn && (fn == step_fn || fn == wake_fn))
        return (TaskObj *)((BuiltinObj *)cb)->self;
    return cb_task_slow(cb);
}

TaskObj *loop_wakeup_task(Obj *cb) { return is_wakeup(cb) ? (TaskObj *)((BuiltinObj *)cb)->self : NULL; }

TaskObj *loop_waiter_of(FutureObj *f)
{
    for (size_t i = 0; f->callbacks && i < LIST_N(f->callbacks); i++) {
        Obj *cb = LIST_ITEMS(f->callbacks)[i];
        if (is_wakeup(cb))
            return (TaskObj *)((BuiltinObj *)cb)->self;
    }
    return NULL;
}

/* The first k live timers of l by deadline into out (and their keys into
 * key, when given), read off the heap best-first: a node can only come
 * after its parent, so the candidates are the children of what was taken.
 * The order is read from the heap's flat keys (l->hkey), not the handles,
 * which are read only for being cancelled (not those of known, nknown
 * handles and their keys the caller knows are not): those are passed
 * over, at most SCAN_MAX of them, so the work is bounded by k, not the
 * heap. */
enum { SCAN_MAX = 64 };
static size_t first_timers(const LoopObj *l, HandleObj **out, HeapKey *key, size_t k, HandleObj *const *known,
                           const HeapKey *kkey, size_t nknown)
{
    size_t cand[2 * SCAN_MAX + 2], nc = 0, n = 0, looked = 0;
    if (l->hlen)
        cand[nc++] = 0;
    while (nc && n < k && looked++ < SCAN_MAX + k) {
        size_t best = 0;
        for (size_t i = 1; i < nc; i++)
            if (heap_key_before(&l->hkey[cand[i]], &l->hkey[cand[best]]))
                best = i;
        size_t at = cand[best];
        cand[best] = cand[--nc];
        HandleObj *h = l->heap[at];
        size_t j = 0;
        while (j < nknown && !(known[j] == h && kkey[j].seq == l->hkey[at].seq))
            j++;
        if (j < nknown || !h->cancelled) {
            if (key)
                key[n] = l->hkey[at];
            out[n++] = h;
        }
        for (size_t c = 2 * at + 1; c <= 2 * at + 2 && c < l->hlen; c++)
            if (nc < sizeof cand / sizeof cand[0])
                cand[nc++] = c;
    }
    return n;
}

HandleObj *loop_next_timer(void)
{
    HandleObj *h = NULL;
    if (!sim.running || !sim.running->hlen)
        return NULL; /* no timers: nothing to read */
    if (!sim.running->heap[0]->cancelled)
        return sim.running->heap[0]; /* the top, when live, is the first */
    return first_timers(sim.running, &h, NULL, 1, NULL, NULL, 0) ? h : NULL;
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
        is_task(((BuiltinObj *)cb)->self)) {
        TaskObj *t = (TaskObj *)((BuiltinObj *)cb)->self;
        if (is_wakeup(cb)) {
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

/* A timer's time is kept apart from its words, in hundredths, when it
 * reads as "%.2f" does without printf (narr_fmt_time). */
static bool timed(const HandleObj *h) { return h->timer && h->when >= 0 && h->when < 1e12; }

/* A timer: "when \t who \t what" ("who \t what" when timed: the time is
 * the recording's to show). */
static void describe_timer(const HandleObj *h, Buf *b)
{
    if (!timed(h)) {
        narr_fmt_time(b, h->when);
        buf_putc(b, '\t');
    }
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
    TaskObj *own = cb_task(cb);
    if (own) {
        *state = own->must_cancel;
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

/* ---------------------------------------------------- words by task
 * Most handles are a task's: its step ("step fetch"), its wakeup ("wake
 * fetch (sleep(1.0))") or the timer of its sleep ("fetch\tsleep(1.0)").
 * Each is a new handle, but its words are those the task's last one of
 * the kind had, as long as what they are made of is the same: kept per
 * task (an array by its recording id, 56 bytes a task), so a new handle
 * costs a compare, not a description and an intern. A kind whose words name a
 * future keeps where that future's short words sit in the words' text and
 * compares them with the future's now. */

typedef struct Said {
    uint32_t id;        /* the words' string id, 0: none */
    uint32_t ser_lo;    /* the label they were last found for: its serial */
    uint16_t len;       /* the future's short words in them (their length) */
    uint8_t cut;        /* what ended those words in the label (CUT_*) */
    uint8_t ser_hi;     /* the serial's bits 32-39 (0 and 0: none) */
} Said;

typedef struct TaskWords {
    uint32_t step[4];   /* by started and must_cancel */
    Said wake[2];       /* by its future cancelled */
    Said timer;
    uint32_t ref;       /* its reference as a piece's words (pc_task) */
} TaskWords;

static TaskWords *tw;   /* by rec_id, for the recording tw_rec */
static size_t ntw;
static const Recording *tw_rec;

/* t's words (t->rec_id >= 0), when the array is not yet this
 * recording's or too short. */
static LS_COLD TaskWords *task_words_slow(const TaskObj *t)
{
    size_t i = (size_t)t->rec_id;
    if (tw_rec != sim.rec) {
        if (tw)
            memset(tw, 0, ntw * sizeof *tw);
        tw_rec = sim.rec;
    }
    if (i >= ntw) {
        size_t n = ntw ? ntw : 64;
        while (n <= i)
            n *= 2;
        tw = xrealloc(tw, n * sizeof *tw);
        memset(tw + ntw, 0, (n - ntw) * sizeof *tw);
        ntw = n;
    }
    return &tw[i];
}

/* t's words (t->rec_id >= 0). */
static inline TaskWords *task_words(const TaskObj *t)
{
    size_t i = (size_t)t->rec_id;
    if (LS_LIKELY(tw_rec == sim.rec && i < ntw))
        return &tw[i];
    return task_words_slow(t);
}

/* Where t's step's words are kept: by started and must_cancel. */
static uint32_t *task_step_words(const TaskObj *t)
{
    return &task_words(t)->step[(t->started ? 2 : 0) + (t->must_cancel ? 1 : 0)];
}

/* f's short words (short_future's) in place, when they are a cut of its
 * label; false otherwise. */
static bool short_label(const FutureObj *f, const char **s, size_t *n)
{
    if (f->children || !f->label)
        return false;
    /* where short_future cuts: the first ':', or the first " until ",
     * ", " or " (" that is not at the very start (one that is there
     * never cuts), in one pass */
    const char *d = STR_S(f->label);
    bool until = strncmp(d, " until ", 7) != 0, comma = d[0] != ',' || d[1] != ' ', paren = d[0] != ' ' || d[1] != '(';
    size_t k = 0;
    for (;; k++) {
        k += strcspn(d + k, ":, "); /* only these can end the cut */
        if (!d[k] || d[k] == ':')
            break;
        if (k && ((d[k] == ',' && d[k + 1] == ' ' && comma) ||
                  (d[k] == ' ' && ((d[k + 1] == '(' && paren) || (until && d[k + 1] == 'u' && !strncmp(d + k, " until ", 7))))))
            break;
    }
    *s = d;
    *n = k;
    return true;
}

/* What ended a future's short words in its label (Said.cut): the
 * label's end, ':', " (", ", " or " until ". CUT_NONE: not known, or a
 * label starting with ' ' or ',' (short_label's cuts then hang on more
 * than the words and their cut). */
enum { CUT_NONE, CUT_END, CUT_COLON, CUT_PAREN, CUT_COMMA, CUT_UNTIL };

/* Does cut c start at s (NUL-terminated)? */
static inline bool cut_at(const char *s, uint8_t c)
{
    switch (c) {
    case CUT_END: return !s[0];
    case CUT_COLON: return s[0] == ':';
    case CUT_PAREN: return s[0] == ' ' && s[1] == '(';
    case CUT_COMMA: return s[0] == ',' && s[1] == ' ';
    case CUT_UNTIL: return !strncmp(s, " until ", 7);
    default: return false;
    }
}

/* The cut after the short words s[0..n) of label s (short_label's). */
static uint8_t cut_of(const char *s, size_t n)
{
    if (!n || s[0] == ' ' || s[0] == ',')
        return CUT_NONE;
    for (uint8_t c = CUT_END; c <= CUT_UNTIL; c++)
        if (cut_at(s + n, c))
            return c;
    return CUT_NONE;
}

static uint64_t said_serial(const Said *sd) { return (uint64_t)sd->ser_hi << 32 | sd->ser_lo; }

/* sd's words are label's short words (none kept past 40 bits). */
static void said_found(Said *sd, const Obj *label)
{
    uint64_t ser = label->serial < (1ull << 40) ? label->serial : 0;
    sd->ser_lo = (uint32_t)ser;
    sd->ser_hi = (uint8_t)(ser >> 32);
}

/* Has f short words of its label (short_label's)? */
static bool labelled(const FutureObj *f) { return f && !f->children && f->label; }

/* The words sd names when the short words of f (labelled) are still
 * those at off in them; else 0. The same label as when they were last
 * found says so at once (its serial is unique in the run, and a str
 * never changes); a label with the same text up to and with the cut
 * that ended them says so too (no cut can come earlier: the words held
 * none, and no cut that starts in them ends past that cut); else the
 * label is cut (short_label) and compared. */
static uint32_t said_again(Said *sd, const FutureObj *f, size_t off)
{
    if (!sd->id)
        return 0;
    const StrObj *l = (const StrObj *)f->label;
    uint64_t ser = l->hdr.serial;
    if (ser && ser == said_serial(sd))
        return sd->id;
    const char *w = rec_str(sim.rec, sd->id) + off;
    size_t n = sd->len;
    if (sd->cut && n <= l->len && !memcmp(l->s, w, n) && cut_at(l->s + n, sd->cut)) {
        said_found(sd, &l->hdr);
        return sd->id;
    }
    const char *s;
    size_t k;
    if (!short_label(f, &s, &k) || k != n || memcmp(w, s, n))
        return 0;
    sd->cut = cut_of(s, n);
    said_found(sd, &l->hdr);
    return sd->id;
}

/* The length of t's reference in words (rec_put_ref's: its id in
 * decimal between two marks; t->rec_id >= 0). */
static size_t ref_len(const TaskObj *t)
{
    unsigned v = (unsigned)t->rec_id;
    if (v < 100)
        return v < 10 ? 3 : 4;
    size_t n = 5;
    for (v /= 100; v >= 10; v /= 10)
        n++;
    return n;
}

static Buf wbuf; /* words being made, kept from step to step */

/* Intern h's words as describe_handle or describe_timer makes them. */
static uint32_t words_made(HandleObj *h)
{
    if (!wbuf.s)
        buf_init(&wbuf);
    buf_clear(&wbuf);
    if (h->timer)
        describe_timer(h, &wbuf);
    else
        describe_handle(h, &wbuf);
    return rec_intern(sim.rec, wbuf.s);
}

/* The words sd names for f's short words at off (f labelled), or h's
 * made now and remembered in sd. */
static uint32_t said_words(HandleObj *h, Said *sd, const FutureObj *f, size_t off)
{
    uint32_t id = said_again(sd, f, off);
    if (id)
        return id;
    const char *s;
    size_t n;
    short_label(f, &s, &n);
    id = words_made(h);
    if (off + n <= wbuf.len && off + n < 0xffff) {
        *sd = (Said){.id = id, .len = (uint16_t)n};
        if (!memcmp(wbuf.s + off, s, n)) { /* what said_again compares */
            sd->cut = cut_of(s, n);
            said_found(sd, f->label);
        }
    }
    return id;
}

/* A task's wakeup h's words (t its task, t->rec_id >= 0): "wake " ref
 * " (" the future's short words ...; 0 when its future has none. */
static uint32_t wake_words(HandleObj *h, const TaskObj *t)
{
    Obj *arg = h->args && TUP_N(h->args) ? TUP_ITEMS(h->args)[0] : NULL;
    if (!arg || !is_future(arg) || !labelled((FutureObj *)arg))
        return 0;
    const FutureObj *f = (const FutureObj *)arg;
    return said_words(h, &task_words(t)->wake[f->state == FUT_CANCELLED], f, 5 + ref_len(t) + 2);
}

/* h's words through its task's, when h is a task's step, wakeup or sleep
 * timer; else 0. A timer's task is the one words_key found. */
static uint32_t words_by_task(HandleObj *h, const void *key)
{
    Obj *cb = h->callback;
    if (!h->timer) {
        TaskObj *t = cb_task(cb);
        if (!t || t->rec_id < 0)
            return 0;
        if (!is_wakeup(cb)) {
            uint32_t *id = task_step_words(t);
            return *id ? *id : (*id = words_made(h));
        }
        return wake_words(h, t);
    }
    if (!timed(h))
        return 0;
    Obj *fn = IS(cb, BoundClass) ? ((BoundObj *)cb)->func : cb;
    if (IS(fn, FuncClass))
        return 0; /* maybe a library's deadline: its own words */
    TaskObj *t = (TaskObj *)key; /* loop_timer_task(h) */
    if (!t || t->rec_id < 0 || !labelled(t->fut_waiter))
        return 0;
    return said_words(h, &task_words(t)->timer, t->fut_waiter, ref_len(t) + 1); /* ref "\t" */
}

/* ---------------------------------------------------- sleeps' timers
 * A sleep's timer (sleep.c's _set_result_unless_cancelled on the future a
 * task awaits) waits thousands of steps in the heap, and its handle, its
 * future, the future's callbacks and its task are cold by the time it is
 * shown. So its words are made at the step it was pushed, while all of
 * that is at hand (stamped: words_task set on a timer, its future kept in
 * words_key), and hold as long as its future is pending and the epoch has
 * not moved: the task's wakeup goes only with the future done (its state)
 * or a callback removed (remove_done_callback moves the epoch), the task
 * steps (its fut_waiter) only once the future is done or it is cancelled
 * (the future's state, or must_cancel: the epoch), and a handle cancelled
 * in the heap moves the epoch (one cancelled in the ready queue says so
 * itself). Reading a stamped timer reads its handle and its future. */

static bool is_sleep_timer_cb(Obj *cb)
{
    static CFunc fn;
    if (!IS(cb, BuiltinClass) || ((BuiltinObj *)cb)->self)
        return false;
    const BuiltinObj *b = (const BuiltinObj *)cb;
    if (fn)
        return b->fn == fn;
    if (strcmp(b->name, "_set_result_unless_cancelled"))
        return false;
    fn = b->fn;
    return true;
}

/* Do h's stamped words still hold (h a stamped timer)? */
static bool stamp_holds(const HandleObj *h)
{
    return !h->cancelled && h->words_epoch == (uint32_t)internals_epoch &&
           ((const FutureObj *)h->words_key)->state == FUT_PENDING;
}

static bool stamped(const HandleObj *h) { return h->timer && h->words_task; }

/* The string id of h's words, made when first needed or when what they
 * depend on changed; interned, so a task's "step fetch" has one id. */
static uint32_t handle_words(HandleObj *h)
{
    if (stamped(h)) {
        if (stamp_holds(h))
            return h->words;
        h->words_task = false; /* made again the usual way */
        h->words = 0;
    }
    uint8_t state;
    const void *key = words_key(h, &state);
    if (h->words && key == h->words_key && state == h->words_state)
        return h->words;
    uint32_t id = words_by_task(h, key);
    h->words = id ? id : words_made(h);
    h->words_key = key;
    h->words_state = state;
    return h->words ? h->words : rec_intern(sim.rec, "?");
}


/* The timer pushed since the last step, when it was one and is still in
 * the heap (one push, no pop: the heap is one longer), and a sleep's:
 * stamp its words now. */
static struct {
    uint64_t npushed;
    const LoopObj *loop;
    size_t hlen;
} pushes;

static void stamp_pushed(LoopObj *l)
{
    bool one = l && internals_npushed == pushes.npushed + 1 && l == pushes.loop && l->hlen == pushes.hlen + 1;
    pushes.npushed = internals_npushed;
    pushes.loop = l;
    pushes.hlen = l ? l->hlen : 0;
    HandleObj *h = (HandleObj *)internals_pushed;
    if (!one || h->cancelled || !timed(h) || !is_sleep_timer_cb(h->callback) || !h->args || TUP_N(h->args) < 1 ||
        !is_future(TUP_ITEMS(h->args)[0]))
        return;
    FutureObj *f = (FutureObj *)TUP_ITEMS(h->args)[0];
    TaskObj *t = f->state == FUT_PENDING ? loop_waiter_of(f) : NULL;
    if (!t || t->rec_id < 0 || t->fut_waiter != f || !labelled(f))
        return;
    /* only words the task's last timer had (words_by_task's): new words
     * made here would take their id in the order pushed, not the order
     * shown, and ids are stored as differences (10,000 tasks' timers:
     * 2.6 to 3.2 bytes a step) */
    uint32_t id = said_again(&task_words(t)->timer, f, ref_len(t) + 1);
    if (!id)
        return;
    h->words = id;
    h->words_key = f;
    h->words_task = true;
    h->words_epoch = (uint32_t)internals_epoch;
}

/* Handles pushed onto a ready queue so far: while a queue's length and
 * this are the same, it holds the same handles. */
static uint64_t nqueued;

/* A task's step or wakeup: its words now, good until the epoch moves (a
 * task's must_cancel, the only thing besides the handle they hang on, moves
 * only with it), so that reading it in the queue later touches only the
 * handle. */
void internals_queued(HandleObj *h)
{
    nqueued++;
    if (!sim.rec)
        return;
    if (h->timer) {
        /* a timer that is due: its words are made when it is shown, a
         * dozen handles before it runs (made here, in a batch of the
         * hundreds due at once, each read its future, task and words
         * cold, and again when shown) */
        return;
    }
    TaskObj *t = cb_task(h->callback);
    if (!t || t->rec_id < 0)
        return;
    /* a task's step whose words it had before (a new handle: words 0):
     * what handle_words would give, without its way through words_key
     * and words_by_task (a sleep(0) storm's every push) */
    CFunc fn = ((BuiltinObj *)h->callback)->fn;
    uint32_t *step = fn == step_fn ? task_step_words(t) : NULL;
    if (step && *step && !h->words) {
        h->words = *step;
        h->words_key = NULL;
        h->words_state = t->must_cancel;
    } else if (fn && fn == wake_fn && !h->words) {
        /* a task's wakeup: handle_words' way, without words_key (a task's
         * own handle: no key, its state must_cancel) */
        uint32_t id = wake_words(h, t);
        h->words = id ? id : words_made(h);
        h->words_key = NULL;
        h->words_state = t->must_cancel;
    } else {
        handle_words(h);
    }
    h->words_task = true;
    h->words_epoch = (uint32_t)internals_epoch;
}

/* Where t's reference is kept as words (prims.c's, once interned). */
uint32_t *internals_task_ref(const TaskObj *t) { return &task_words(t)->ref; }

/* ------------------------------------------------------------ snapshot */

/* h as an entry of the snapshot. */
static RecEntry entry(HandleObj *h)
{
    if (h->words_task && h->words && h->words_epoch == (uint32_t)internals_epoch && !h->timer)
        return (RecEntry){.id = h->words};
    uint32_t id = handle_words(h);
    if (!timed(h))
        return (RecEntry){.id = id};
    /* a timer is shown in the heap, then again when due in the ready
     * queue: its time in hundredths is rounded once (the last time's,
     * kept: a function of the time alone) */
    static double when = -1;
    static unsigned long long hundredths;
    if (h->when != when) {
        when = h->when;
        hundredths = (unsigned long long)fixed_round(when, 2);
    }
    return (RecEntry){.id = id, .timed = true, .hundredths = hundredths};
}

/* The timers shown: the handles, their sequence numbers, entries, and
 * what each one's words hang on (watch_deps_of). Two of them, read into
 * one from the other and swapped: nothing copied. */
typedef struct TimerSet {
    HandleObj *h[SHOW_TIMERS];
    HeapKey key[SHOW_TIMERS];
    RecEntry e[SHOW_TIMERS];
    const void *deps[SHOW_TIMERS][4];
} TimerSet;

/* What the last snapshot was made from. The handles shown are alive as
 * long as the queue's (or the heap's) signature holds: a FIFO whose
 * length is the same and that nothing was pushed onto (nqueued) holds the
 * same handles, and a heap changes only by a push, which changes its
 * length, or a pop, which takes its top away. */
static struct {
    bool valid, loop_on;
    LoopObj *loop;
    uint64_t iter;
    size_t rlen, hlen;
    uint64_t nqueued, htop; /* nqueued then; the heap top's seq */
    HandleObj *ready[2 * SHOW_READY];
    size_t nready, ntimers;
    /* the ready handles shown: their sequence numbers and entries, and
     * how their words are watched (RV_*) */
    uint64_t rseq[2 * SHOW_READY];
    RecEntry rent[2 * SHOW_READY];
    uint8_t rvol[2 * SHOW_READY];
    size_t r0;          /* where the shown ones start in these (a window
                         * that slides down as the queue moves up) */
    size_t nrvol;       /* how many of them are not RV_TASK */
    bool rmask_on;      /* rmask may have a bit set */
    uint8_t rslides;    /* slides since rmask was made from all shown */
    uint64_t rtouched;  /* internals_touched when they were checked */
    size_t rscan;       /* queue places read for them (cancelled ones too) */
    uint64_t epoch;     /* internals_epoch then */
    /* the timers shown: when they were read, and whether one's words hang
     * on more than the watched futures and tasks (a bound method's
     * attributes) */
    uint64_t tepoch, touched;
    bool tvol;
    TimerSet ts[2];     /* the timers shown and the ones being read */
    int tcur;           /* which of ts is the shown */
    uint64_t tmask[8], rmask[8]; /* what the timers' and the ready handles' words hang on */
    uint64_t npushed;   /* internals_npushed then */
} seen;

/* How a shown ready handle's words are watched: a task's step or wakeup
 * through the epoch (its must_cancel), a plain function's or builtin's
 * through the watch mask, anything else (a bound method's attributes) by
 * checking it at every step. */
enum { RV_TASK, RV_STEP, RV_WATCH };

uint64_t internals_epoch, internals_watch[8], internals_touched, internals_npushed;
const void *internals_touched_at[16];
const HandleObj *internals_pushed;

static void watch(uint64_t *mask, const void *o)
{
    uintptr_t b = (uintptr_t)o >> 4 & 511;
    mask[b >> 6] |= 1ull << (b & 63);
}

/* Was something in mask (a set's watch_deps) touched since touch number
 * from? A touch of anything else cannot be what that set's words hang
 * on, so the sets' own checks are skipped (more touches than
 * internals_touched_at keeps: yes). */
static bool touched_in(const uint64_t *mask, uint64_t from)
{
    if (internals_touched - from > 16)
        return true;
    for (uint64_t c = from; c != internals_touched; c++) {
        uintptr_t b = (uintptr_t)internals_touched_at[c & 15] >> 4 & 511;
        if (mask[b >> 6] >> (b & 63) & 1)
            return true;
    }
    return false;
}

/* Watch what h's words hang on (words_key reads them: h itself, the future
 * it is given, the task waiting on it, the future that task awaits).
 * Returns false when they hang on more (a callable other than a function
 * or a builtin): it must be checked at every step. */
enum { NDEPS = 4 };
static bool watch_deps_of(uint64_t *mask, HandleObj *h, const void **deps)
{
    const void *d[NDEPS] = {h, NULL, NULL, NULL};
    bool stamp = stamped(h);
    Obj *arg = stamp || !h->args || !TUP_N(h->args) ? NULL : TUP_ITEMS(h->args)[0];
    if (stamp) {
        d[1] = h->words_key; /* its future: its task stays while that is pending */
    } else if (arg && is_future(arg)) {
        d[1] = arg;
        TaskObj *t = loop_waiter_of((FutureObj *)arg);
        d[2] = t;
        d[3] = t ? t->fut_waiter : NULL;
    }
    for (int i = 0; i < NDEPS; i++) {
        if (d[i])
            watch(mask, d[i]);
        if (deps)
            deps[i] = d[i];
    }
    return stamp || IS(h->callback, FuncClass) || IS(h->callback, BuiltinClass); /* a stamped one's is a builtin */
}

static bool watch_deps(uint64_t *mask, HandleObj *h) { return watch_deps_of(mask, h, NULL); }

static void publish_watch(void)
{
    for (int i = 0; i < 8; i++)
        internals_watch[i] = seen.tmask[i] | seen.rmask[i];
}

/* The handle at place i of the ready queue (i < rlen): no division. */
static HandleObj *ready_at(const LoopObj *l, size_t i)
{
    size_t at = l->rhead + i;
    return l->ready[at >= l->rcap ? at - l->rcap : at];
}

/* Has a shown handle been cancelled, or has what its words say changed? */
static bool words_moved(HandleObj *const *hs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        HandleObj *h = hs[i];
        uint8_t state;
        if (h->cancelled)
            return true;
        if (stamped(h)) {
            if (!stamp_holds(h))
                return true;
            continue;
        }
        if (words_key(h, &state) != h->words_key || state != h->words_state)
            return true;
    }
    return false;
}

/* Do h's words hang on more than its task's must_cancel (which only
 * Task.cancel and uncancel change, and they move internals_epoch)? */
static bool volatile_words(const HandleObj *h)
{
    return h->timer || !cb_task(h->callback);
}

/* Read the queue from place i on (the shown handles before it kept, gone
 * handles gone from the head since the last step) up to SHOW_READY shown,
 * and record the section: whole, or how it moved. */
static void ready_from(LoopObj *l, size_t i, size_t gone, bool whole)
{
    size_t kept = seen.nready, shown = kept, r0 = seen.r0;
    for (; i < l->rlen && shown < SHOW_READY && i < SCAN_MAX; i++) {
        HandleObj *h = ready_at(l, i);
        if (h->cancelled)
            continue;
        size_t at = r0 + shown++;
        seen.ready[at] = h;
        seen.rseq[at] = h->seq;
        seen.rent[at] = entry(h);
        seen.rvol[at] = (h->timer || !h->words_task) && volatile_words(h) ? RV_WATCH : RV_TASK;
        seen.nrvol += seen.rvol[at] != RV_TASK;
    }
    /* watch what the shown ones hang on now (nothing when all are tasks'
     * steps and wakeups, watched through the epoch) */
    if (seen.nrvol || seen.rmask_on) {
        /* the ones kept are still watched: only the new ones are added,
         * and the mask is made again from all of them every few slides
         * (a mask watching more costs only checks, never a missed touch) */
        size_t from = r0;
        if (seen.nrvol && seen.rmask_on && kept && seen.rslides < 8) {
            from = r0 + kept;
            seen.rslides++;
        } else {
            memset(seen.rmask, 0, sizeof seen.rmask);
            seen.rslides = 0;
        }
        seen.rmask_on = seen.nrvol != 0;
        for (size_t k = from; k < r0 + shown; k++)
            if (seen.rvol[k] != RV_TASK && !watch_deps(seen.rmask, seen.ready[k]))
                seen.rvol[k] = RV_STEP;
        if (from == r0 || shown > kept)
            publish_watch();
    }
    seen.rtouched = internals_touched;
    seen.nready = shown;
    seen.rscan = i;
    if (whole)
        rec_internals_section(sim.rec, 'R', seen.rent + r0, shown, i < l->rlen, l->rlen - i);
    else
        rec_internals_move(sim.rec, 'R', gone, seen.rent + r0 + kept, shown - kept, i < l->rlen, l->rlen - i);
    seen.rlen = l->rlen;
    seen.nqueued = nqueued;
    seen.epoch = internals_epoch;
#if defined(__GNUC__)
    /* the handles the next steps will read, a handle or so a step, are
     * cold: start them a few steps ahead (a task's step or wakeup needs
     * only the handle: its words were made when it was queued) */
    if (i + 3 < l->rlen) { /* the nearer ones were asked for at the steps before */
        const HandleObj *h = ready_at(l, i + 3);
        __builtin_prefetch(&h->seq); /* a handle spans two lines */
        __builtin_prefetch(&h->words_epoch);
    }
    if (i + 1 < l->rlen) {
        const HandleObj *h = ready_at(l, i + 1);
        if (stamped(h)) /* its lines asked for a step ago */
            __builtin_prefetch(&((const FutureObj *)h->words_key)->state);
    }
#endif
}

static void record_ready(LoopObj *l)
{
    seen.nready = 0;
    seen.r0 = 0;
    seen.nrvol = 0;
    ready_from(l, 0, 0, true);
}

/* Has a shown handle that is not a task's step or wakeup been cancelled,
 * or have its words moved? (A task's are watched through the epoch; the
 * watched ones are looked at only after a touch.) */
static bool volatile_moved(void)
{
    if (!seen.nrvol)
        return false;
    bool touched = seen.rtouched != internals_touched && touched_in(seen.rmask, seen.rtouched);
    for (size_t i = seen.r0; i < seen.r0 + seen.nready; i++)
        if ((seen.rvol[i] == RV_STEP || (seen.rvol[i] == RV_WATCH && touched)) && words_moved(&seen.ready[i], 1))
            return true;
    return false;
}

/* The shown window slides down past the gone handles at its head;
 * moved back to the start only when no room is left for a whole window
 * after it. */
static void window_slide(size_t gone)
{
    for (size_t j = seen.r0; seen.nrvol && j < seen.r0 + gone; j++)
        seen.nrvol -= seen.rvol[j] != RV_TASK;
    seen.nready -= gone;
    seen.r0 += gone;
    if (seen.r0 > SHOW_READY) {
        memmove(seen.ready, seen.ready + seen.r0, seen.nready * sizeof seen.ready[0]);
        memmove(seen.rseq, seen.rseq + seen.r0, seen.nready * sizeof seen.rseq[0]);
        memmove(seen.rent, seen.rent + seen.r0, seen.nready * sizeof seen.rent[0]);
        memmove(seen.rvol, seen.rvol + seen.r0, seen.nready * sizeof seen.rvol[0]);
        seen.r0 = 0;
    }
}

/* The ready section, step by step. The queue only loses handles at its
 * head and gains them at its tail, so while no handle was cancelled and no
 * task's must_cancel changed (the epoch), the shown handles still queued
 * keep their words: drop those run since, read on from where the last
 * read stopped. Anything else reads the head of the queue again. */
static void update_ready(LoopObj *l)
{
    size_t n = l->rlen;
    if (internals_epoch != seen.epoch) {
        record_ready(l);
        return;
    }
    if (n == seen.rlen && nqueued == seen.nqueued) {
        if (volatile_moved())
            record_ready(l);
        else
            seen.rtouched = internals_touched;
        return;
    }
    if (n == seen.rlen + 1 && nqueued == seen.nqueued + 1 && seen.nready == SHOW_READY &&
        seen.rscan == SHOW_READY && !seen.nrvol) {
        /* one handle pushed (onto this queue: it is one longer) behind a
         * full window of tasks' steps and wakeups, none run: only the
         * count moved, and no handle is read */
        seen.rlen = n;
        seen.nqueued = nqueued;
        seen.rtouched = internals_touched;
        rec_internals_move(sim.rec, 'R', 0, NULL, 0, true, n - SHOW_READY);
        return;
    }
    if (nqueued == seen.nqueued && n && n < seen.rlen && seen.rlen == seen.nready && seen.rscan == seen.nready &&
        !seen.nrvol && !seen.rmask_on) {
        /* nothing pushed, and the window held the whole queue, all tasks'
         * steps and wakeups: its head went, and nothing joins (what
         * ready_from would find, reading on from the window's end) */
        size_t gone = seen.rlen - n;
        window_slide(gone);
        seen.rscan = seen.nready;
        seen.rlen = n;
        seen.rtouched = internals_touched;
        rec_internals_move(sim.rec, 'R', gone, NULL, 0, false, 0);
        return;
    }
    if (!n && seen.rscan == seen.nready && seen.nready <= 1) {
        /* it ran dry: what was shown went (a pop; more than one would
         * cost more bytes than the section written again) */
        size_t gone = seen.nready;
        seen.nready = seen.r0 = seen.nrvol = 0;
        ready_from(l, 0, gone, false);
        return;
    }
    if (seen.rscan != seen.nready || !n) { /* cancelled ones were passed over: read it all */
        record_ready(l);
        return;
    }
    /* handles leave only at the head: those gone are the pushes since
     * and the length then less the length now (the head says it is so
     * when there were pushes: those onto another loop's queue are
     * counted too; with none, the queue only lost its head) */
    if (!seen.rlen) {
        /* it was empty: all it holds was pushed since (whatever ran
         * since, or went onto another loop's queue), read from its head
         * and appended (the edits diffing the section would make) */
        seen.nready = seen.r0 = seen.nrvol = 0;
        ready_from(l, 0, 0, false);
        return;
    }
    size_t gone = seen.rlen + (size_t)(nqueued - seen.nqueued) - n;
    if (gone >= seen.nready || (nqueued != seen.nqueued && seen.rseq[seen.r0 + gone] != ready_at(l, 0)->seq)) {
        record_ready(l);
        return;
    }
    window_slide(gone);
    if (volatile_moved()) {
        record_ready(l);
        return;
    }
    ready_from(l, seen.nready, gone, false);
}

/* Was one of deps touched since the timers were last read (touch
 * numbers from, on)? More touches than internals_touched_at keeps: yes. */
static bool deps_touched(const void *const *deps, uint64_t from)
{
    if (internals_touched - from > 16)
        return true;
    for (uint64_t c = from; c != internals_touched; c++)
        for (int i = 0; i < NDEPS; i++)
            if (deps[i] && deps[i] == internals_touched_at[c & 15])
                return true;
    return false;
}

/* The timers section: the first SHOW_TIMERS live timers by deadline. When
 * all is true every one's words are checked; else a timer shown before
 * keeps its entry unless something its words hang on was touched since
 * (then its words are checked), and only the new ones are read. The
 * section is given only when it changed. */
/* How many of the timers shown before (was, nwas of them) are gone from
 * the head of the ones shown now (ts, np), when the rest are those same
 * ones, as they were, and at most one is new at the tail: what inside.c
 * stores as a pop and a push with no diff (at most one each: more pops
 * would cost more bytes than its rewrite). SIZE_MAX: not so. */
static size_t timers_moved(const TimerSet *was, size_t nwas, const TimerSet *ts, size_t np)
{
    for (size_t j = 0; j <= 1 && j <= nwas; j++) {
        size_t kept = nwas - j;
        if (np < kept || np - kept > 1)
            continue;
        size_t i = 0;
        while (i < kept && ts->h[i] == was->h[j + i] && ts->key[i].seq == was->key[j + i].seq &&
               ts->e[i].id == was->e[j + i].id && ts->e[i].timed == was->e[j + i].timed &&
               ts->e[i].hundredths == was->e[j + i].hundredths)
            i++;
        if (i == kept)
            return j;
    }
    return SIZE_MAX;
}

static void record_timers(LoopObj *l, bool all)
{
    const TimerSet *was = &seen.ts[seen.tcur];
    size_t nwas = seen.ntimers;
    TimerSet *ts = &seen.ts[!seen.tcur];
    /* with the epoch as it was, a handle shown is not cancelled (one
     * cancelled in the heap moves it) */
    size_t np = first_timers(l, ts->h, ts->key, SHOW_TIMERS, was->h, was->key, all ? 0 : seen.ntimers);
    uint64_t mask[8] = {0};
    bool vol = false, same = !all && np == seen.ntimers;
    bool touched = !all && touched_in(seen.tmask, seen.touched); /* the shown ones' (tmask is still theirs) */
    for (size_t k = 0; k < np; k++) {
        HandleObj *h = ts->h[k];
        size_t j = 0;
        while (!all && j < seen.ntimers && !(was->h[j] == h && was->key[j].seq == ts->key[k].seq))
            j++;
        if (!all && j < seen.ntimers && !(touched && deps_touched(was->deps[j], seen.touched))) {
            ts->e[k] = was->e[j];
            for (int i = 0; i < NDEPS; i++)
                ts->deps[k][i] = was->deps[j][i];
            same = same && j == k;
        } else {
            ts->e[k] = entry(h);
            if (!watch_deps_of(mask, h, ts->deps[k]))
                vol = true;
            same = same && j == k && ts->e[k].id == was->e[k].id && ts->e[k].timed == was->e[k].timed &&
                   ts->e[k].hundredths == was->e[k].hundredths;
        }
        for (int i = 0; i < NDEPS; i++)
            if (ts->deps[k][i])
                watch(mask, ts->deps[k][i]);
    }
    memcpy(seen.tmask, mask, sizeof mask);
    publish_watch();
    seen.tcur = !seen.tcur;
    seen.tvol = all ? vol : seen.tvol || vol;
    seen.touched = internals_touched;
    seen.tepoch = internals_epoch;
    seen.ntimers = np;
    seen.npushed = internals_npushed;
    /* cancelled ones are counted: they are still in the heap */
    if (!same || l->hlen != seen.hlen) {
        size_t gone = all ? SIZE_MAX : timers_moved(was, nwas, ts, np);
        if (gone != SIZE_MAX)
            rec_internals_move(sim.rec, 'T', gone, ts->e + nwas - gone, np - (nwas - gone), l->hlen > np,
                               l->hlen - np);
        else
            rec_internals_section(sim.rec, 'T', ts->e, np, l->hlen > np, l->hlen - np);
    }
    seen.hlen = l->hlen;
    seen.htop = l->hlen ? l->hkey[0].seq : 0;
}

/* Only one timer was pushed since the timers were read, after the last
 * one shown: the count moved, nothing else. */
static bool pushed_behind(const LoopObj *l)
{
    return seen.ntimers == SHOW_TIMERS && internals_npushed == seen.npushed + 1 && l->hlen == seen.hlen + 1 &&
           l->hkey[0].seq == seen.htop && internals_touched == seen.touched &&
           heap_key_before(&seen.ts[seen.tcur].key[SHOW_TIMERS - 1], &(HeapKey){internals_pushed->when, internals_pushed->seq});
}

/* Was something a shown timer's words hang on touched since they were
 * read? */
static bool timers_touched(void)
{
    if (internals_touched == seen.touched || !touched_in(seen.tmask, seen.touched))
        return false;
    const TimerSet *ts = &seen.ts[seen.tcur];
    for (size_t k = 0; k < seen.ntimers; k++)
        if (deps_touched(ts->deps[k], seen.touched))
            return true;
    return false;
}

/* The first snapshot of a run, or of another loop (or none running). */
static LS_COLD void internals_start(LoopObj *l)
{
    memset(&seen, 0, sizeof seen);
    seen.valid = true;
    seen.loop = l;
    seen.loop_on = l != NULL;
    seen.iter = UINT64_MAX;
    if (!l) {
        rec_internals_section(sim.rec, 'I', NULL, 0, false, 0);
        rec_internals_section(sim.rec, 'R', NULL, 0, false, 0);
        rec_internals_section(sim.rec, 'T', NULL, 0, false, 0);
    } else {
        record_ready(l);
        record_timers(l, true);
    }
}

void internals_record(void)
{
    LoopObj *l = sim.running;
    stamp_pushed(l);
    if (LS_UNLIKELY(!seen.valid || l != seen.loop || !l != !seen.loop_on))
        internals_start(l);
    if (l) {
        if (l->iterations != seen.iter) {
            rec_internals_section(sim.rec, 'I', NULL, 0, true, l->iterations);
            seen.iter = l->iterations;
        }
        update_ready(l);
        if (!seen.tvol && seen.tepoch == internals_epoch && !timers_touched())
            seen.touched = internals_touched; /* touches of what they do not hang on */
        if (seen.tvol || seen.tepoch != internals_epoch) {
            record_timers(l, true);
        } else if (pushed_behind(l)) {
            seen.hlen = l->hlen;
            seen.npushed = internals_npushed;
            /* the shown twelve as they were, one more behind: the count
             * alone (the edit a diff of the whole section would make) */
            rec_internals_move(sim.rec, 'T', 0, NULL, 0, true, l->hlen - seen.ntimers);
        } else if (seen.touched != internals_touched || l->hlen != seen.hlen ||
                   (l->hlen && l->hkey[0].seq != seen.htop)) {
            record_timers(l, false);
        }
    }
    prims_record();
}

void internals_reset(void)
{
    if (wbuf.s)
        buf_free(&wbuf);
    wbuf = (Buf){0};
    xfree(tw);
    tw = NULL;
    ntw = 0;
    tw_rec = NULL;
    prims_reset();
    memset(&seen, 0, sizeof seen);
    memset(&pushes, 0, sizeof pushes);
}
