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

/* Scratch text for the steps every task makes, kept from step to step so
 * that a step allocates nothing; narr_reset frees it after the run. Each
 * has one user, so none is overwritten while it is read. */
static Buf hot_inner_chain, hot_label;

static Buf *hot(Buf *b)
{
    if (!b->s)
        buf_init(b);
    buf_clear(b);
    return b;
}

/* The labels set_state gives over and over, stored once per run. */
enum { CL_SCHEDULED, CL_YIELDED, CL_COUNT };
static const char *const const_words[CL_COUNT] = {"scheduled", "yielded: back of the queue"};
static uint32_t const_ids[CL_COUNT];
static const Recording *const_rec;

static uint32_t const_label(int which)
{
    if (const_rec != sim.rec) {
        memset(const_ids, 0, sizeof const_ids);
        const_rec = sim.rec;
    }
    if (!const_ids[which])
        const_ids[which] = rec_store_label(sim.rec, const_words[which]);
    return const_ids[which];
}

/* The last words a hot step stored and their id: a task wakes from the
 * same kind of wait over and over ("sleep(1)"), so the same words are
 * known again without hashing them. */
typedef struct Memo {
    Buf text;
    uint32_t id;
    uint64_t gen;  /* a new number whenever text is given anew (memo_gens) */
    const Recording *rec;
} Memo;
static Memo memo_wake, memo_clock;
static uint64_t memo_gens;

/* The id of s's first n bytes (no NUL among them). */
static uint32_t memo_store_n(Memo *m, const char *s, size_t n)
{
    if (m->rec == sim.rec && m->text.s && m->text.len == n && !memcmp(m->text.s, s, n))
        return m->id;
    if (!m->text.s)
        buf_init(&m->text);
    buf_clear(&m->text);
    buf_putn(&m->text, s, n);
    m->id = rec_store(sim.rec, m->text.s);
    m->rec = sim.rec;
    m->gen = ++memo_gens;
    return m->id;
}

/* memo_store_n of a label's text (l: its NarrLabel): no compare while the
 * memo still holds what it gave for those bytes of that text. */
static uint32_t memo_store_said(Memo *m, const char *s, size_t n, NarrLabel *l)
{
    if (l->said && l->said == m->gen && l->said_n == n && m->rec == sim.rec)
        return m->id;
    uint32_t id = memo_store_n(m, s, n);
    l->said = m->gen;
    l->said_n = (uint32_t)n;
    return id;
}

static uint32_t memo_store(Memo *m, const char *s) { return memo_store_n(m, s, strlen(s)); }

/* A sleep's words as the recording keeps them (rec_store_label's two
 * numbers): the id of "sleep(D) until " per label string (one per delay,
 * held here so that no other string can take its address), and the time
 * in hundredths. */
enum { UNTIL_SLOTS = 512, UNTIL_PROBES = 4 };
static struct {
    Obj *label; /* held */
    uint32_t prefix;
} until_pre[UNTIL_SLOTS];
static const Recording *until_rec;

static void until_reset(void)
{
    for (size_t i = 0; i < UNTIL_SLOTS; i++)
        XDECREF(until_pre[i].label);
    memset(until_pre, 0, sizeof until_pre);
    until_rec = NULL;
}

void narr_until_words(const FutureObj *f, Buf *out)
{
    buf_puts(out, " until ");
    narr_fmt_time(out, f->when);
}

/* The id of f's words (f->until: a sleep's) as rec_store_label gives the
 * text future_describe writes, without writing it; 0 when that text would
 * not be kept as a number (a time past 9,999,999.99 or before 0). */
static uint32_t until_label(FutureObj *f)
{
    if (!(f->when >= 0 && f->when < 1e7))
        return 0;
    long long cents = fixed_round(f->when, 2);
    if (cents < 0 || cents >= 1000000000LL)
        return 0;
    if (until_rec != sim.rec) {
        until_reset();
        until_rec = sim.rec;
    }
    uintptr_t p = (uintptr_t)f->label;
    size_t home = (size_t)((p >> 4) * 0x9E3779B97F4A7C15ull >> 48) & (UNTIL_SLOTS - 1), i = home;
    for (size_t k = 0; k < UNTIL_PROBES; k++) { /* its slot, or the first free one, or home */
        size_t j = (home + k) & (UNTIL_SLOTS - 1);
        if (until_pre[j].label == f->label || !until_pre[j].label) {
            i = j;
            break;
        }
    }
    if (until_pre[i].label != f->label) {
        Buf *b = hot(&hot_label);
        buf_putn(b, STR_S(f->label), STR_LEN(f->label));
        buf_puts(b, " until ");
        if (b->len >= 256) /* rec_store_label keeps such a prefix as text */
            return 0;
        XDECREF(until_pre[i].label);
        INCREF(f->label);
        until_pre[i].label = f->label;
        until_pre[i].prefix = rec_store(sim.rec, b->s);
    }
    return rec_store_label_num(sim.rec, until_pre[i].prefix, (uint32_t)cents);
}

void narr_reset(void)
{
    narr_chain_reset();
    narr_label_reset();
    until_reset();
    const_rec = NULL;
    Memo *memos[] = {&memo_wake, &memo_clock};
    for (size_t i = 0; i < sizeof memos / sizeof *memos; i++) {
        if (memos[i]->text.s)
            buf_free(&memos[i]->text);
        *memos[i] = (Memo){0};
    }
    Buf *all[] = {&hot_inner_chain, &hot_label};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++) {
        if (all[i]->s)
            buf_free(all[i]);
        *all[i] = (Buf){0};
    }
}

static const char *cname(TaskObj *t) { return STR_S(t->coro_name); }
static const char *tname(TaskObj *t) { return STR_S(t->name); }

/* Words naming task t: a reference the recording reads as the task's one
 * label (rec_task_label). Four rotating buffers, so a caption can name a
 * few tasks in one printf. */
static const char *who(const TaskObj *t)
{
    static char bufs[4][24];
    static int k;
    if (!t || t->rec_id < 0)
        return t ? STR_S(t->coro_name) : "the module";
    char *b = bufs[k++ & 3];
    Buf tmp;
    buf_init(&tmp);
    rec_put_ref(&tmp, t->rec_id);
    snprintf(b, sizeof bufs[0], "%s", tmp.s);
    buf_free(&tmp);
    return b;
}

void narr_fmt_time(Buf *b, double t)
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
    narr_fmt_time(b, sim.now);
    buf_puts(b, "] ");
}

static int task_line(TaskObj *t) { return narr_chain(t).line; }

/* The coroutine t's line runs in, when it is not t's own: the innermost
 * of its await chain ("main → like_python" gives like_python). */
static void inner_coro(TaskObj *t, Buf *out)
{
    Buf *chain = hot(&hot_inner_chain);
    if (t->coro)
        coro_chain(t->coro, chain);
    narr_chain_inner(chain->s, out);
}

/* " (fetch is READY too, but waits its turn: ...)" when another task is
 * in the ready queue while t runs: why it has not run yet. */
static void queued_note(Buf *cap, TaskObj *t)
{
    LoopObj *l = sim.running;
    if (!l)
        return;
    TaskObj *other = NULL;
    size_t n = 0, i = 0;
    for (; i < l->rlen && i < 64; i++) { /* the head of the queue: bounded */
        HandleObj *h = l->ready[(l->rhead + i) % l->rcap];
        Obj *cb = h->callback;
        if (h->cancelled || !IS(cb, BuiltinClass) || !((BuiltinObj *)cb)->self ||
            !class_is_sub(CLS(((BuiltinObj *)cb)->self), &TaskClass))
            continue;
        TaskObj *o = (TaskObj *)((BuiltinObj *)cb)->self;
        if (o == t || o->rec_id < 0)
            continue;
        if (!other)
            other = o;
        n++;
    }
    if (!other)
        return;
    if (n == 1 && i == l->rlen)
        buf_printf(cap, ". %s is READY but waits its turn: the loop runs one task at a time, and %s has not "
                        "reached an await yet", who(other), who(t));
    else if (i < l->rlen)
        buf_printf(cap, ". %s and others are READY but wait their turn: the loop runs one task at a time, and "
                        "%s has not reached an await yet", who(other), who(t));
    else
        buf_printf(cap, ". %s and %zu more are READY but wait their turn: the loop runs one task at a time, and "
                        "%s has not reached an await yet", who(other), n - 1, who(t));
}

/* 64-bit FNV-1a of s: which awaited coroutine a caption explained last. */
static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h ? h : 1;
}

/* ", before any timer is due (the next is at t=1.00)" when a timer waits:
 * a[0] says whether one does, a[1] is its time's rec_num (put_next_timer). */
static void why_now(const Recording *r, Buf *cap, const uint32_t *a)
{
    if (!a[0])
        return;
    buf_puts(cap, ", before any timer is due (the next is at t=");
    narr_fmt_time(cap, rec_num_at(r, a[1]));
    buf_putc(cap, ')');
}

/* One argument as a label shows it (call_words): a function by its name, an
 * object whose repr is "<module.Class object at 0x...>" as "<Class>", else
 * its repr cut at max bytes (on a UTF-8 boundary) with an ellipsis. No user
 * __repr__ runs (klass_quiet). */
static void call_arg(Obj *v, Buf *out, size_t max)
{
    if (IS(v, FuncClass)) {
        buf_puts(out, STR_S(((FuncObj *)v)->name));
        return;
    }
    if (IS(v, BuiltinClass)) {
        buf_puts(out, ((BuiltinObj *)v)->name);
        return;
    }
    Buf b;
    buf_init(&b);
    klass_quiet(true);
    obj_repr(v, &b);
    klass_quiet(false);
    err_clear();
    if (b.len > 1 && b.s[0] == '<') {
        size_t n = strcspn(b.s + 1, " >");
        const char *name = b.s + 1, *dot;
        while ((dot = memchr(name, '.', (size_t)(b.s + 1 + n - name))))
            name = dot + 1;
        buf_printf(out, "<%.*s>", (int)(b.s + 1 + n - name), name);
    } else if (b.len > max) {
        size_t n = max;
        while (n && ((unsigned char)b.s[n] & 0xC0) == 0x80)
            n--;
        buf_putn(out, b.s, n);
        buf_puts(out, "\xe2\x80\xa6");
    } else {
        buf_putn(out, b.s, b.len);
    }
    buf_free(&b);
}

/* The call that made coroutine coro, as written, with its arguments in
 * repr style: "say_hello('Bob', 1)"; just its name when it takes none, has
 * started or is the library's. Positional arguments, then *args, then
 * keywords; a method's receiver and arguments left at their defaults are
 * not written. This is the label of a task nobody named (rec_task_call). */
static void call_words(Obj *coro, Buf *out)
{
    buf_puts(out, STR_S(((GenObj *)coro)->name));
    const CodeObj *co;
    const FuncObj *fn;
    Obj *const *fast;
    int nfast;
    if (!coro_args(coro, &co, &fn, &fast, &nfast))
        return;
    int npos = co->argcount, nkw = co->kwonlycount, n = 0;
    /* parameters left at their default are not written: "fetch('a')" */
    const Obj *defs = fn ? fn->defaults : NULL;
    int ndef = defs ? (int)TUP_N(defs) : 0, last = npos;
    while (last > 0 && last > npos - ndef && last <= nfast &&
           fast[last - 1] == TUP_ITEMS(defs)[ndef - (npos - last) - 1])
        last--;
    int va = npos + nkw;
    bool has_va = (co->flags & CO_VARARGS) && va < nfast && fast[va] && IS(fast[va], TupleClass) && TUP_N(fast[va]);
    if (has_va) /* a positional after the defaults: every one was written */
        last = npos;
    int first = 0;
    if (npos && (!strcmp(STR_S(TUP_ITEMS(co->varnames)[0]), "self") ||
                 !strcmp(STR_S(TUP_ITEMS(co->varnames)[0]), "cls")))
        first = 1; /* a method: its receiver is not an argument as written */
    size_t start = out->len;
    buf_putc(out, '(');
    for (int i = first; i < npos && i < nfast; i++) {
        if (!fast[i] || i >= last)
            continue;
        if (n++)
            buf_puts(out, ", ");
        call_arg(fast[i], out, 24);
    }
    if (has_va)
        for (size_t k = 0; k < TUP_N(fast[va]); k++) {
            if (n++)
                buf_puts(out, ", ");
            call_arg(TUP_ITEMS(fast[va])[k], out, 24);
        }
    Obj *kwd = fn ? fn->kwdefaults : NULL;
    for (int i = npos; i < npos + nkw && i < nfast; i++) {
        const char *kname = STR_S(TUP_ITEMS(co->varnames)[i]);
        if (!fast[i] || (kwd && dict_get_c(kwd, kname) == fast[i]))
            continue;
        if (n++)
            buf_puts(out, ", ");
        buf_printf(out, "%s=", kname);
        call_arg(fast[i], out, 24);
    }
    if (!n) {
        out->len = start; /* "main", not "main()" */
        out->s[start] = '\0';
        return;
    }
    buf_putc(out, ')');
}

void narr_task_call(TaskObj *t, Obj *coro, bool named)
{
    if (t->rec_id < 0)
        return;
    Buf call;
    buf_init(&call);
    call_words(coro, &call);
    rec_task_call(sim.rec, t->rec_id, call.s, named);
    buf_free(&call);
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
    internals_record();
    TaskObj *cur = sim.current;
    if (cur && cur->rec_id >= 0 && cur->rec_id != task && cur->fut.state == FUT_PENDING)
        set_state(cur, TS_RUNNING, OUT_NONE, "");
}

/* Record task t's visible state in the current step, its label given as a
 * string id (rec_store) so that a lazy step can name the same words, and
 * its chain and line as narr_chain gave them. */
static void set_state_at(TaskObj *t, TaskState st, Outcome out, uint32_t label, const NarrChain *c)
{
    rec_task_set_ids(sim.rec, t->rec_id, st, out, label, c->chain, c->line, (uint32_t)sim.seq);
}

static void set_state_id(TaskObj *t, TaskState st, Outcome out, uint32_t label)
{
    if (t->rec_id < 0)
        return;
    NarrChain c = narr_chain(t);
    set_state_at(t, st, out, label, &c);
}

/* Record task t's visible state in the current step. */
static void set_state(TaskObj *t, TaskState st, Outcome out, const char *label)
{
    if (t->rec_id < 0)
        return;
    set_state_id(t, st, out, *label ? rec_store_label(sim.rec, label) : 0);
}

/* ------------------------------------------------------------ lazy steps
 * The steps every task makes over and over (created, first step, resume,
 * suspend, wake) and the clock's jumps store what happened as numbers; the
 * caption and the log line are written from them only when someone reads
 * that step (narr_words, through rec_words). args[0] says which words. */

enum {
    LW_CREATE,   /* name, current task + 1 (0: none) */
    LW_FIRST,    /* thrown, next timer (has, when) */
    LW_RESUME,   /* inner coroutine, next timer (has, when) */
    LW_THROWN,   /* exception type name */
    LW_YIELD,    /* (none) */
    LW_AWAIT,    /* label, inner coroutine */
    LW_WAKE,     /* flags (1 cancelled, 2 cancel requested), label, note */
    LW_CLOCK,    /* what is due (CLOCK_*), its task, what it is */
    LW_DONE,     /* eager, the result's label ("→ 42") */
    LW_COUNT
};
enum { CLOCK_NEXT, CLOCK_DEADLINE, CLOCK_TIMEOUT, CLOCK_WHAT };
enum { LW_MAX_ARGS = 6 };

/* The next timer, when it is later than now: "has" and its time (a
 * rec_num id), in two numbers (why_now reads them back). */
static void put_next_timer(uint32_t *a)
{
    HandleObj *h = loop_next_timer();
    a[0] = h && h->when > sim.now;
    a[1] = a[0] ? rec_num(sim.rec, h->when) : 0;
}

static void after_step(int task);

/* Record a lazy step (see step()). */
static void step_lazy(StepKind kind, int task, int line, const char *text, const uint32_t *args, size_t nargs)
{
    if (rec_step_lazy(sim.rec, kind, sim.now, task, line, text, args, nargs))
        after_step(task);
}

/* What follows a lazy step: its internals, the running task's line. */
static void after_step(int task)
{
    internals_record();
    TaskObj *cur = sim.current;
    if (cur && cur->rec_id >= 0 && cur->rec_id != task && cur->fut.state == FUT_PENDING)
        set_state(cur, TS_RUNNING, OUT_NONE, "");
}

/* A lazy step of task t and t's own change in it (state st, outcome out,
 * label an id, chain and line as c gives them), in one write (rec_hop),
 * then what follows a step. text: a string id (0: none). */
static void step_hop(StepKind kind, TaskObj *t, uint32_t text, const uint32_t *args, size_t nargs, TaskState st,
                     Outcome out, uint32_t label, const NarrChain *c)
{
    RecHop h = {.kind = kind, .task = t->rec_id, .line = c->line, .text = text, .args = args, .nargs = nargs,
                .st = st, .out = out, .label = label, .chain = c->chain, .order = (uint32_t)sim.seq};
    if (rec_hop(sim.rec, sim.now, &h))
        after_step(t->rec_id);
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
    rec_put_text(&log, s, n);
    TaskObj *t = print_lane ? NULL : sim.current;
    Buf cap, said, inner;
    buf_init(&cap);
    buf_init(&said);
    buf_init(&inner);
    /* the line as printed, quoted; a very long one is cut (the log has it whole) */
    size_t cut = n > 160 ? 160 : n;
    while (cut < n && cut && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;
    buf_putc(&said, '"');
    rec_put_text(&said, s, cut);
    buf_puts(&said, cut < n ? "\xe2\x80\xa6\"" : "\"");
    if (t && !print_lane)
        inner_coro(t, &inner);
    if (print_lane)
        buf_printf(&cap, "worker %s prints %s (at its own time; the loop is not involved)", print_lane, said.s);
    else if (t && inner.len && t->told_inner != name_hash(inner.s)) {
        t->told_inner = name_hash(inner.s);
        buf_printf(&cap, "%s prints %s. It runs inside %s's task: awaiting a coroutine runs its body now, "
                         "in the same task", inner.s, said.s, who(t));
    } else if (t && inner.len) {
        buf_printf(&cap, "%s (in %s's task) prints %s", inner.s, who(t), said.s);
        queued_note(&cap, t);
    } else if (t) {
        buf_printf(&cap, "%s prints %s", who(t), said.s);
        queued_note(&cap, t);
    }
    else
        buf_printf(&cap, "the module prints %s", said.s);
    buf_free(&said);
    buf_free(&inner);
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

void narr_loop_end(long left)
{
    narr_flush_print();
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_puts(&log, "asyncio.run() returns; the loop is closed");
    Buf cap;
    buf_init(&cap);
    if (left > 0)
        buf_printf(&cap, "asyncio.run() is finished: %ld task%s still pending when its coroutine ended, so "
                         "asyncio.run cancelled %s; the loop is closed", left, left == 1 ? " was" : "s were",
                   left == 1 ? "it" : "them");
    else if (left == 0)
        buf_puts(&cap, "asyncio.run() is finished: no task was left over, and the loop is closed");
    else
        buf_puts(&cap, "asyncio.run() is finished: the loop is closed");
    step(SK_END, -1, vm_current_line(), "", cap.s, log.s);
    buf_free(&cap);
    buf_free(&log);
}

void narr_clock(double from, double to)
{
    /* the step's time is `to`: the loop moved the clock before it calls this */
    (void)to;
    uint32_t a[4] = {LW_CLOCK, CLOCK_NEXT, 0, 0};
    HandleObj *h = loop_next_timer();
    TaskObj *t = h ? loop_timer_task(h) : NULL;
    if (t && t->fut_waiter && t->rec_id >= 0) {
        Buf what;
        buf_init(&what);
        future_describe(t->fut_waiter, &what);
        char *cut = strstr(what.s, " until ");
        if (strstr(what.s, ", timeout ")) {
            a[1] = CLOCK_TIMEOUT;
        } else {
            if (cut)
                *cut = '\0';
            a[1] = CLOCK_WHAT;
            a[3] = memo_store(&memo_clock, what.s);
        }
        a[2] = (uint32_t)t->rec_id;
        buf_free(&what);
    } else if (t && t->rec_id >= 0) {
        a[1] = CLOCK_DEADLINE;
        a[2] = (uint32_t)t->rec_id;
    }
    step_lazy(SK_CLOCK, -1, 0, "", a, 4);
    rec_set_t0(sim.rec, from);
}

void narr_block(double from, double to, int line)
{
    Buf log, cap;
    buf_init(&log);
    buf_init(&cap);
    TaskObj *t = sim.current;
    log_prefix(&log);
    buf_printf(&log, "time.sleep blocks the loop until ");
    narr_fmt_time(&log, to);
    buf_printf(&cap, "time.sleep(");
    Obj *d = float_new(to - from);
    size_t at = cap.len;
    obj_repr(d, &cap);
    DECREF(d);
    if (cap.len >= at + 2 && !strcmp(cap.s + cap.len - 2, ".0")) { /* time.sleep(2), as written */
        cap.len -= 2;
        cap.s[cap.len] = '\0';
    }
    buf_puts(&cap, ") blocks the whole loop from ");
    narr_fmt_time(&cap, from);
    buf_puts(&cap, " to ");
    narr_fmt_time(&cap, to);
    buf_printf(&cap, ": it is a plain call in %s, not an await, so no other task can run meanwhile",
               t ? who(t) : "the module");
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
    narr_fmt_time(&cap, t1);
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
    narr_fmt_time(&log, to);
    buf_printf(&cap, "nothing is ready, so the loop waits; the next thing to happen is on worker %s at t=", lane);
    narr_fmt_time(&cap, to);
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
    narr_fmt_time(&log, to);
    buf_printf(&cap, "%s in %s blocks the whole loop from ", what, t ? who(t) : "the module");
    narr_fmt_time(&cap, from);
    buf_puts(&cap, " to ");
    narr_fmt_time(&cap, to);
    buf_puts(&cap, ": a blocking wait, so no other task can run meanwhile");
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
    uint32_t a[3] = {LW_CREATE, rec_task_name(sim.rec, t->rec_id), 0}; /* the name rec_task_new kept: no copy */
    if (sim.current && sim.current != t && sim.current->rec_id >= 0)
        a[2] = (uint32_t)sim.current->rec_id + 1;
    step_lazy(SK_CREATE, t->rec_id, vm_current_line(), "", a, 3);
    set_state_id(t, TS_READY, OUT_NONE, const_label(CL_SCHEDULED));
}

/* ------------------------------------------------------- eager tasks */

/* The task whose step made eager task t, when it is one the screen shows. */
static TaskObj *eager_creator(const TaskObj *t)
{
    TaskObj *c = t->eager_from;
    return c && c->rec_id >= 0 && c->fut.state == FUT_PENDING ? c : NULL;
}

/* The eager first step is over: the creator, which waited inside its
 * create_task call, runs again in this same step. */
void narr_task_eager_back(TaskObj *t)
{
    TaskObj *creator = eager_creator(t);
    if (creator)
        set_state(creator, TS_RUNNING, OUT_NONE, "");
}

/* "fetch('a') starts at once: ..." for an eager task's first step. */
static void eager_words(TaskObj *t, Buf *log, Buf *cap)
{
    const char *from = eager_creator(t) ? who(eager_creator(t)) : "the caller";
    buf_printf(log, "%s entered at once (eager task, inside create_task)", who(t));
    buf_printf(cap, "%s starts at once, inside %s's create_task call: the eager task factory runs the body "
                    "now, up to its first await (like a JavaScript async function), instead of queueing it",
               who(t), from);
}

/* An eager task's first step (rare: its words are written now, not lazily):
 * it runs, and the task that called create_task waits inside that call. */
static void eager_running(TaskObj *t)
{
    Buf log, cap, text;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&text);
    log_prefix(&log);
    narr_flush_print();
    eager_words(t, &log, &cap);
    buf_printf(&text, "%s %s", tname(t), cname(t));
    step(SK_START, t->rec_id, task_line(t), text.s, cap.s, log.s);
    set_state(t, TS_RUNNING, OUT_NONE, "");
    if (eager_creator(t)) {
        Buf label;
        buf_init(&label);
        buf_printf(&label, "in create_task: %s runs first", who(t));
        set_state(eager_creator(t), TS_WAITING, OUT_NONE, label.s);
        buf_free(&label);
    }
    buf_free(&text);
    buf_free(&log);
    buf_free(&cap);
}

static void waiting_label(const TaskObj *t, FutureObj *f, Buf *out);

/* An eager task reaches its first await: create_task returns to its caller. */
static void eager_suspended(TaskObj *t, Obj *yielded)
{
    Buf log, cap, label, inner;
    buf_init(&log);
    buf_init(&cap);
    buf_init(&label);
    buf_init(&inner);
    log_prefix(&log);
    waiting_label(t, (FutureObj *)yielded, &label);
    buf_printf(&log, "%s awaits %s", who(t), label.s);
    inner_coro(t, &inner);
    buf_printf(&cap, "%s reaches its first await (%s): create_task returns the task to %s, which goes "
                     "on. From here the task WAITS and is resumed by the loop like any other",
               inner.len ? inner.s : who(t), label.s, eager_creator(t) ? who(eager_creator(t)) : "the caller");
    step(SK_SUSPEND, t->rec_id, task_line(t), "", cap.s, log.s);
    set_state(t, TS_WAITING, OUT_NONE, label.s);
    buf_free(&inner);
    buf_free(&label);
    buf_free(&log);
    buf_free(&cap);
}

void narr_task_running(TaskObj *t, bool first, Obj *thrown)
{
    if (t->rec_id < 0)
        return;
    if (first && t->eager) {
        eager_running(t);
        return;
    }
    uint32_t a[5] = {0};
    /* it stands where it stopped: a suspend kept its chain and line */
    NarrChain c = narr_chain_keep(t, false);
    if (first) {
        narr_flush_print();
        a[0] = LW_FIRST;
        a[1] = thrown != NULL;
        put_next_timer(a + 2);
        step_hop(SK_START, t, rec_task_text(sim.rec, t->rec_id), a, 5, TS_RUNNING, OUT_NONE, 0, &c);
    } else {
        if (thrown) {
            a[0] = LW_THROWN;
            a[1] = rec_store(sim.rec, thrown->cls->name);
        } else {
            a[0] = LW_RESUME;
            a[1] = c.inner;
            put_next_timer(a + 2);
        }
        step_hop(SK_RESUME, t, 0, a, 5, TS_RUNNING, OUT_NONE, 0, &c);
    }
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
    if (yielded != None && t->eager) {
        (void)narr_chain(t);
        eager_suspended(t, yielded);
        return;
    }
    /* it stands here until its next step: its chain and line are kept
     * from now (nothing below reads them otherwise) */
    NarrChain c = narr_chain_keep(t, true);
    if (yielded == None) {
        uint32_t a[1] = {LW_YIELD};
        step_hop(SK_SUSPEND, t, 0, a, 1, TS_READY, OUT_NONE, const_label(CL_YIELDED), &c);
        return;
    }
    FutureObj *f = (FutureObj *)yielded;
    uint32_t id = f->until && !t->note ? until_label(f) : 0; /* a sleep's: no text */
    Obj *plain = id || t->note ? NULL : future_plain_label(f);
    if (plain) { /* its label as it is: its id kept by the str (narr_label.c) */
        id = narr_label_id(plain);
    } else if (!id) {
        Buf *label = hot(&hot_label);
        waiting_label(t, f, label);
        id = rec_store_label(sim.rec, label->s);
    }
    uint32_t a[3] = {LW_AWAIT, id, c.inner};
    step_hop(SK_SUSPEND, t, 0, a, 3, TS_WAITING, OUT_NONE, a[1], &c);
}

/* How a woken task's step reads (LW_WAKE), decided when it is recorded. */
enum {
    WK_DEADLINE, /* a timeout's deadline cancelled it */
    WK_CANCEL,   /* it was cancelled while it waited */
    WK_WAIT_FOR, /* wait_for's deadline fired */
    WK_SLEEP,    /* its sleep is over */
    WK_COLON,    /* what it waited on, with a detail after a colon */
    WK_PAREN,    /* "Queue.get (empty)": the wait, without its detail */
    WK_PLAIN
};

void narr_task_woken(TaskObj *t, FutureObj *by)
{
    if (t->rec_id < 0)
        return;
    NarrChain c;
    if (by->until && by->state != FUT_CANCELLED) {
        /* a sleep is over (WK_SLEEP below): its READY label is the future's
         * label, which is the words before " until " */
        uint32_t a[4] = {LW_WAKE, WK_SLEEP, memo_store(&memo_wake, STR_S(by->label)), 0};
        c = narr_chain(t);
        step_hop(SK_WAKE, t, 0, a, 4, TS_READY, OUT_NONE, a[2], &c);
        return;
    }
    /* what it waited on, read from its label's text: kept per label str
     * (narr_label.c) when that is the text as it is, else written now */
    Obj *plain = future_plain_label(by);
    const char *text;
    NarrLabel read, *what = &read;
    if (plain) {
        text = STR_S(plain);
        what = narr_label_of(plain);
    } else {
        Buf *lb = hot(&hot_label);
        future_describe(by, lb);
        text = lb->s;
        narr_label_read(text, &read);
    }
    bool cancelled = by->state == FUT_CANCELLED, asked = t->num_cancels_requested > 0;
    bool deadline = t->note && !strncmp(STR_S(t->note), "deadline ", 9);
    uint32_t how;
    if (cancelled && asked && deadline)
        how = WK_DEADLINE;
    else if (cancelled && asked)
        how = WK_CANCEL;
    else if (what->kind & NL_WAIT_FOR)
        how = WK_WAIT_FOR;
    else if ((what->kind & NL_SLEEP) && !cancelled)
        how = WK_SLEEP;
    else if (what->kind & NL_COLON)
        how = WK_COLON;
    else if (what->kind & NL_PAREN)
        how = WK_PAREN;
    else
        how = WK_PLAIN;
    /* the task's READY label is what it waited on, without the detail */
    uint32_t n = how == WK_SLEEP ? what->cut_until : how == WK_PAREN ? what->cut_paren : what->len;
    uint32_t a[4] = {LW_WAKE, how | (uint32_t)cancelled << 3, memo_store_said(&memo_wake, text, n, what),
                     how == WK_DEADLINE ? rec_store(sim.rec, STR_S(t->note)) : 0};
    c = narr_chain(t);
    step_hop(SK_WAKE, t, 0, a, 4, TS_READY, OUT_NONE, a[2], &c);
}

/* The words of a woken task's step (LW_WAKE): how it reads (WK_*), whether
 * what it waited on was cancelled, the label of that wait, the task's
 * deadline note, and w naming the task. */
static void woken_words(int what, unsigned how, bool cancelled, const char *label, const char *note, const char *w,
                        Buf *out)
{
    if (what == REC_LOG) {
        if (how == WK_DEADLINE)
            buf_printf(out, "%s is cancelled: %s", w, note);
        else if (how == WK_CANCEL)
            buf_printf(out, "%s is cancelled", w);
        else
            buf_printf(out, "%s is ready", w);
        return;
    }
    const char *why = cancelled ? "was cancelled" : "is done";
    switch (how) {
    case WK_DEADLINE:
        buf_printf(out, "the timeout's %s: %s is cancelled while it waits on %s. CancelledError is raised at "
                        "that await, and the `async with timeout()` turns it into TimeoutError", note, w, label);
        break;
    case WK_CANCEL:
        buf_printf(out, "%s is cancelled while it waits on %s: it is READY, and CancelledError will be raised "
                        "at that await so its except and finally blocks can clean up", w, label);
        break;
    case WK_WAIT_FOR:
        buf_printf(out, "%s is READY: %s. wait_for now cancels it, waits for it to end, and turns its "
                        "CancelledError into TimeoutError at the wait_for", w, label);
        break;
    case WK_SLEEP:
        buf_printf(out, "%s is READY: its %s is over, so its next step joins the ready queue", w, label);
        break;
    case WK_COLON:
        buf_printf(out, "%s is READY: what it waited on %s (%s)", w, why, label);
        break;
    case WK_PAREN:
        buf_printf(out, "%s is READY: its wait on %s %s, so its next step joins the ready queue", w, label,
                   cancelled ? "was cancelled" : "is over");
        break;
    default:
        buf_printf(out, "%s is READY: %s %s, so its next step joins the ready queue", w, label, why);
        break;
    }
}

/* A clock jump's caption (LW_CLOCK): until when, and what is due then. */
static void clock_caption(const Recording *r, const Step *s, const uint32_t *a, Buf *out)
{
    buf_puts(out, "nothing is ready: the loop sleeps until t=");
    narr_fmt_time(out, s->t);
    if (a[1] == CLOCK_NEXT) {
        buf_puts(out, ", when the next timer is due");
        return;
    }
    buf_puts(out, ", when ");
    rec_put_ref(out, (int)a[2]);
    if (a[1] == CLOCK_TIMEOUT)
        buf_puts(out, "'s timeout is due");
    else if (a[1] == CLOCK_DEADLINE)
        buf_puts(out, "'s deadline is due");
    else
        buf_printf(out, "'s %s is due", rec_str(r, a[3]));
}

/* A lazy step's log line after its "[t] " (w names the step's task). */
static void lazy_log(const Recording *r, const Step *s, const uint32_t *a, const char *w, Buf *out)
{
    switch (a[0]) {
    case LW_CREATE:
        buf_printf(out, "%s scheduled as %s", w, rec_str(r, a[1]));
        break;
    case LW_FIRST:
        buf_printf(out, "%s entered", w);
        break;
    case LW_RESUME:
        buf_printf(out, "%s resumes", w);
        break;
    case LW_THROWN:
        buf_printf(out, "%s resumes with %s", w, rec_str(r, a[1]));
        break;
    case LW_YIELD:
        buf_printf(out, "%s yields to the loop", w);
        break;
    case LW_AWAIT:
        buf_printf(out, "%s awaits %s", w, rec_str(r, a[1]));
        break;
    case LW_WAKE:
        woken_words(REC_LOG, a[1] & 7, a[1] >> 3 & 1, rec_str(r, a[2]), rec_str(r, a[3]), w, out);
        break;
    case LW_DONE:
        buf_printf(out, "%s done %s", w, rec_str(r, a[2]));
        break;
    case LW_CLOCK:
        buf_puts(out, "clock jumps to ");
        narr_fmt_time(out, s->t);
        break;
    default:
        break;
    }
}

/* A lazy step's caption (w names the step's task). */
static void lazy_caption(const Recording *r, const Step *s, const uint32_t *a, const char *w, Buf *out)
{
    switch (a[0]) {
    case LW_CREATE:
        buf_printf(out, "%s is wrapped in a task and queued: it is READY but has not started", w);
        if (a[2]) {
            buf_puts(out, "; it can run once ");
            rec_put_ref(out, (int)a[2] - 1);
            buf_puts(out, " reaches an await");
        }
        break;
    case LW_FIRST:
        buf_printf(out, "the loop runs %s's first step: it is next in the ready queue", w);
        if (a[1])
            buf_puts(out, ", but it was cancelled before it began, so CancelledError is raised at once");
        else
            why_now(r, out, a + 2);
        break;
    case LW_RESUME:
        buf_printf(out, "%s resumes where it left off", w);
        if (a[1])
            buf_printf(out, ", inside %s", rec_str(r, a[1]));
        buf_puts(out, ": the ready queue runs its next step");
        why_now(r, out, a + 2);
        break;
    case LW_THROWN:
        buf_printf(out, "%s resumes: %s is raised at its await", w, rec_str(r, a[1]));
        break;
    case LW_YIELD:
        buf_printf(out, "%s gives the loop a turn (sleep(0)) and goes to the back of the READY queue", w);
        break;
    case LW_AWAIT: {
        const char *label = rec_str(r, a[1]), *inner = rec_str(r, a[2]);
        if (*inner)
            buf_printf(out, "%s awaits %s: %s's task gives control back to the loop, which is free to run others",
                       inner, label, w);
        else
            buf_printf(out, "%s awaits %s and gives control back to the loop, which is free to run others", w,
                       label);
        break;
    }
    case LW_WAKE:
        woken_words(REC_CAPTION, a[1] & 7, a[1] >> 3 & 1, rec_str(r, a[2]), rec_str(r, a[3]), w, out);
        break;
    case LW_DONE: {
        const char *result = rec_str(r, a[2]);
        result += strncmp(result, "\xe2\x86\x92 ", 4) ? 0 : 4; /* "→ 42": 42 */
        if (a[1])
            buf_printf(out, "%s returns %s without ever awaiting: its task is DONE before create_task even "
                            "returns, and it never went through the ready queue", w, result);
        else
            buf_printf(out, "%s returns %s: its task is DONE and anyone awaiting it is woken", w, result);
        break;
    }
    case LW_CLOCK:
        clock_caption(r, s, a, out);
        break;
    default:
        break;
    }
}

/* Step i's caption or log line (what: REC_CAPTION or REC_LOG), written
 * from the numbers its lazy step stored: the recording's narrator
 * (rec_set_narrator). Reads the recording only. */
void narr_words(const Recording *r, size_t i, int what, Buf *out)
{
    const Step *st = rec_step_at(r, i);
    if (!st)
        return;
    Step s = *st;
    uint32_t a[LW_MAX_ARGS];
    memcpy(a, rec_step_args(r, i), sizeof a);
    if (a[0] >= LW_COUNT || (s.task < 0 && a[0] != LW_CLOCK))
        return;
    char w[24] = "";
    if (s.task >= 0) {
        Buf ref;
        buf_init(&ref);
        rec_put_ref(&ref, s.task);
        snprintf(w, sizeof w, "%s", ref.s);
        buf_free(&ref);
    }
    if (what == REC_LOG) {
        buf_putc(out, '[');
        narr_fmt_time(out, s.t);
        buf_puts(out, "] ");
        lazy_log(r, &s, a, w, out);
    } else {
        lazy_caption(r, &s, a, w, out);
    }
}

void narr_group_label(size_t running, size_t total, Buf *out)
{
    size_t done = total > running ? total - running : 0;
    if (!running) {
        buf_puts(out, "TaskGroup: every task is done; the group hears of it on the next loop turn");
        return;
    }
    buf_printf(out, "TaskGroup: %zu task%s still running", running, running == 1 ? "" : "s");
    if (done)
        buf_printf(out, ", %zu done (the group hears of it on the next loop turn)", done);
}

void narr_gather_label(const FutureObj *outer, Buf *out)
{
    buf_printf(out, "gather: %zu of %zu pending", outer->children_pending, outer->children_total);
}

/* Future f now reads `words`; the task waiting on it (if it waits on f
 * itself) shows them in this same step. */
static void relabel(FutureObj *f, Buf *words)
{
    SETREF(f->label, str_new(words->s, words->len));
    f->until = false;
    TaskObj *w = loop_waiter_of(f);
    if (!w || w->rec_id < 0 || w->fut_waiter != f)
        return;
    Buf label;
    buf_init(&label);
    waiting_label(w, f, &label);
    set_state(w, TS_WAITING, OUT_NONE, label.s);
    buf_free(&label);
}

/* The gathering future a done callback of gather's belongs to: the
 * callback closes over it (a cell holding a future with children). */
static FutureObj *gather_of(Obj *cb)
{
    if (IS(cb, BuiltinClass)) /* gather.c's */
        return gather_outer_of(cb);
    if (!IS(cb, FuncClass) || !((FuncObj *)cb)->closure || strcmp(STR_S(((FuncObj *)cb)->name), "_done_callback"))
        return NULL;
    Obj *cells = ((FuncObj *)cb)->closure;
    for (size_t i = 0; i < TUP_N(cells); i++) {
        Obj *v = ((CellObj *)TUP_ITEMS(cells)[i])->v;
        if (v && is_future(v) && ((FutureObj *)v)->children)
            return (FutureObj *)v;
    }
    return NULL;
}

bool narr_may_count(const Obj *cb)
{
    /* what gather_of and the TaskGroup check below may take: any function
     * or bound method (their names, cells and receivers are read at the
     * end), and gather.c's callback; not a task's wakeup */
    return IS(cb, BuiltinClass) ? gather_is_child_done(cb) : IS(cb, FuncClass) || IS(cb, BoundClass);
}

/* Each of f's done callbacks says who counts on it: a gather's, or a
 * TaskGroup's (its bound _on_task_done). O(callbacks) per future, and
 * nothing for a future never given such a callback (FutureObj.counted):
 * a task's end or a sleep's reads no callback here. */
static uint64_t counts_read;

uint64_t narr_counts_read(void)
{
    return counts_read;
}

void narr_counts_done(FutureObj *f)
{
    if (!f->counted)
        return;
    counts_read++;
    Buf words;
    buf_init(&words);
    for (size_t i = 0; f->callbacks && i < LIST_N(f->callbacks); i++) {
        Obj *cb = LIST_ITEMS(f->callbacks)[i];
        FutureObj *outer = gather_of(cb);
        if (outer && outer->state == FUT_PENDING && outer->children_pending) {
            outer->children_pending--;
            buf_clear(&words);
            narr_gather_label(outer, &words);
            relabel(outer, &words);
            continue;
        }
        Obj *group = IS(cb, BoundClass) ? ((BoundObj *)cb)->self : NULL;
        Obj *running = group ? loop_attr(group, "_running") : NULL;
        Obj *tasks = group ? loop_attr(group, "_tasks") : NULL;
        if (!running || !is_int(running) || !tasks || !IS(tasks, ListClass) || int_value(running) <= 0)
            continue;
        int64_t left = int_value(running) - 1;
        Obj *n = int_new(left);
        dict_set_c(((InstanceObj *)group)->dict, "_running", n);
        DECREF(n);
        Obj *done = loop_attr(group, "_on_completed_fut");
        if (done && is_future(done) && ((FutureObj *)done)->state == FUT_PENDING) {
            buf_clear(&words);
            narr_group_label((size_t)left, LIST_N(tasks), &words);
            relabel((FutureObj *)done, &words);
        }
    }
    buf_free(&words);
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
    StepKind kind;
    Outcome out;
    Buf text;
    buf_init(&text);
    if (t->fut.state != FUT_FINISHED || t->fut.exception) { /* an eager step's words (not a result's) */
        log_prefix(&log);
        buf_puts(&text, tname(t));
        buf_putc(&text, ' ');
        buf_puts(&text, cname(t));
    }
    if (t->fut.state == FUT_CANCELLED && t->returned) {
        kind = SK_DONE; /* the trace's word for a coroutine that returned */
        out = OUT_CANCELLED;
        buf_puts(&label, "cancelled");
        buf_printf(&log, "%s returned, but its task is cancelled", who(t));
        buf_printf(&cap, "%s returns, but cancel() was called on its task during this last step: the task "
                         "ends CANCELLED anyway, and its return value is dropped", who(t));
    } else if (t->fut.state == FUT_CANCELLED) {
        kind = SK_CANCELLED;
        out = OUT_CANCELLED;
        buf_puts(&label, "cancelled");
        buf_printf(&log, "%s cancelled", who(t));
        buf_printf(&cap, "%s ends cancelled: CancelledError reached the top of its coroutine", who(t));
    } else if (t->fut.exception) {
        kind = SK_RAISED;
        out = OUT_RAISED;
        buf_printf(&text, " %s", t->fut.exception->cls->name);
        klass_quiet(true);
        obj_repr(t->fut.exception, &label);
        klass_quiet(false);
        buf_printf(&log, "%s raised %s", who(t), label.s);
        const ExcObj *e = (const ExcObj *)t->fut.exception;
        if (class_is_sub(e->hdr.cls, &BaseExceptionGroupClass) && e->extra && IS(e->extra, TupleClass))
            buf_printf(&cap, "%s ends with an %s of %zu error%s: every failure is kept and raised together, "
                             "and `except*` can handle each kind", who(t), e->hdr.cls->name, TUP_N(e->extra),
                       TUP_N(e->extra) == 1 ? "" : "s");
        else
            buf_printf(&cap, "%s ends with an exception: %s; whoever awaits it will see it raised", who(t),
                       label.s);
    } else {
        kind = SK_DONE;
        out = OUT_RESULT;
        buf_puts(&label, "\xe2\x86\x92 ");
        klass_quiet(true);
        obj_repr(t->fut.result, &label);
        klass_quiet(false);
    }
    err_clear();
    if (out == OUT_RESULT) { /* every task ends so: its words wait to be read (LW_DONE) */
        uint32_t a[3] = {LW_DONE, t->eager, rec_store(sim.rec, label.s)};
        NarrChain c = narr_chain(t);
        step_hop(kind, t, rec_task_text(sim.rec, t->rec_id), a, 3, TS_DONE, out, a[2], &c);
    } else {
        step(kind, t->rec_id, task_line(t), text.s, cap.s, log.s);
        set_state(t, TS_DONE, out, label.s);
    }
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
        buf_printf(&log, "%s waits on %s", who(t), label.s);
        buf_printf(&cap, "%s is still WAITING: %s", who(t), label.s);
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
    int id = rec_task_new(sim.rec, "(coroutine)", STR_S(coro->name), false);
    Buf call;
    buf_init(&call);
    call_words(&coro->hdr, &call);
    rec_task_call(sim.rec, id, call.s, false);
    buf_free(&call);
    buf_puts(&cap, "\xe2\x9a\xa0 ");
    rec_put_ref(&cap, id);
    buf_puts(&cap, " was called but never awaited: calling an async function only creates a coroutine, "
                   "and this one was thrown away without running a line of its body");
    step(SK_WARN, id, coro->created_line, msg.s, cap.s, log.s);
    rec_task_set(sim.rec, id, TS_DONE, OUT_NEVER, "never awaited", "", coro->created_line, 0);
    buf_free(&msg);
    buf_free(&log);
    buf_free(&cap);
}

void narr_warn(const char *msg, const char *caption)
{
    narr_flush_print();
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_printf(&log, "warning: %s", msg);
    step(SK_WARN, -1, vm_current_line(), msg, caption, log.s);
    buf_free(&log);
}

/* One line the program wrote to standard error (logging, sys.stderr): shown
 * in the log and the caption, kept out of the trace as CPython keeps it off
 * stdout. */
void narr_stderr(const char *text)
{
    Buf log;
    buf_init(&log);
    log_prefix(&log);
    buf_printf(&log, "stderr: %s", text);
    int id = sim.current && sim.current->rec_id >= 0 ? sim.current->rec_id : -1;
    step(SK_STDERR, id, vm_current_line(), text, "written to standard error (a log line), not to the program's output",
         log.s);
    buf_free(&log);
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
