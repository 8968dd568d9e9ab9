/* internals.c: Node's event loop as the internals view shows it.
 * Owns: reading the loop at a step into the recording's snapshot text
 * (rec.h's internals lines, with JavaScript's sections): the call stack
 * (innermost first), the nextTick queue, the microtask queue in run order
 * with what each job will do ("resume main() after await", "then callback
 * (line 12)", "Promise.all element 2", "resolve thenable"), the timers by
 * expiry (due time, card, callback, repeat) and the immediates. Reads
 * only: no scenario code runs here. Leaves the wording of steps to
 * narrate.c and the drawing to src/view/pane_internals.c. */
#include "loop.h"

#include <string.h>

enum { SHOW = 12 };

/* What the snapshots reuse from one step to the next (a snapshot is made
 * at every step): the words of the frames on the stack, by depth, and the
 * last snapshot set, so an unchanged one is not interned again. */
struct Inside {
    struct {
        const JsFunc *fn;
        int line;
        bool main;
        uint32_t id;
    } frame[SHOW];
    uint32_t title, runs; /* the title's and the "runs now" line's ids */
    int title_turn, runs_task;
    const char *title_phase;
};

void js_internals_free(Loop *L)
{
    if (!L->inside)
        return;
    xfree(L->inside);
    L->inside = NULL;
}

/* A function's words: "name() (line 5)", or what (a "callback") with its
 * line when it has no name; a promise's resolve function says so. */
static void put_fn(Buf *b, JsValue fn, const char *what)
{
    int index;
    const char *kind = js_promise_handler_kind(fn, &index);
    if (fn.tag == JV_OBJ && fn.u.o->kind == JK_FUNCTION) {
        const JsFunc *c = fn.u.o->x.fn.code;
        if (c->name && *c->name)
            buf_printf(b, "%s %s() (line %d)", what, c->name, c->line);
        else
            buf_printf(b, "%s (line %d)", what, c->line);
    } else if (kind && (!strcmp(kind, "resolve") || !strcmp(kind, "reject"))) {
        buf_printf(b, "%s() of a promise", kind);
    } else if (fn.tag == JV_OBJ && fn.u.o->kind == JK_NATIVE && fn.u.o->x.nat.name && *fn.u.o->x.nat.name) {
        buf_printf(b, "%s()", fn.u.o->x.nat.name);
    } else {
        buf_puts(b, what);
    }
}

static const char *frame_name(const Frame *f)
{
    return f->fn->name && *f->fn->name ? f->fn->name : "(anonymous)";
}

/* What a microtask job will do when it runs. */
static void job_words(const JsJob *j, int card, Buf *w)
{
    if (j->kind == JOB_CALLBACK) {
        put_fn(w, j->handler, "queueMicrotask callback");
        return;
    }
    if (j->kind == JOB_THENABLE) {
        buf_puts(w, "resolve thenable: call its then()");
        return;
    }
    Frame *f = js_vm_resume_frame(j->handler);
    if (f) {
        buf_puts(w, "resume ");
        if (f->task >= 0)
            rec_put_ref(w, f->task);
        else
            buf_printf(w, "%s()", frame_name(f));
        buf_printf(w, " after await%s", j->rejected ? " (it throws there)" : "");
        return;
    }
    int index = 0;
    const char *kind = js_promise_handler_kind(j->handler, &index);
    if (kind && strcmp(kind, "resolve") && strcmp(kind, "reject")) {
        buf_printf(w, "%s element %d %s", kind, index + 1, j->rejected ? "rejected" : "fulfilled");
        return;
    }
    if (kind) {
        buf_printf(w, "%s a promise (it adopted another)", kind);
        return;
    }
    if (j->handler.tag == JV_UNDEF) {
        buf_printf(w, "pass the %s on to a chained promise", j->rejected ? "rejection" : "value");
        return;
    }
    (void)card;
    if (j->recv && j->handler.tag == JV_OBJ && j->handler.u.o->kind == JK_FUNCTION)
        js_callback_words(w, j->rejected ? "catch callback" : "then callback", j->handler, j->recv);
    else
        put_fn(w, j->handler, j->rejected ? "catch callback" : "then callback");
}

static void put_ms(Buf *b, int64_t ms)
{
    buf_printf(b, "%lld.%03lld", (long long)(ms / 1000), (long long)(ms % 1000));
}

/* The title line's id: "turn N · phase", made again only when either
 * changes (the phases are string literals). */
static uint32_t title_id(Loop *L, struct Inside *in)
{
    if (in->title && in->title_turn == L->turns && in->title_phase == L->phase)
        return in->title;
    Buf w;
    buf_init(&w);
    buf_puts(&w, "Hturn ");
    buf_put_uint(&w, (unsigned long long)L->turns);
    buf_puts(&w, " \xc2\xb7 ");
    buf_puts(&w, L->phase ? L->phase : "main script");
    in->title = rec_store(L->rec, w.s); /* new each turn: stored, not interned */
    in->title_turn = L->turns;
    in->title_phase = L->phase;
    buf_free(&w);
    return in->title;
}

/* The snapshot goes to the recording line by line (rec_internals_begin):
 * each entry is a letter and the id of its interned words, each title a
 * string id, so nothing is written as text and read back. */
void js_internals_record(Loop *L)
{
    Recording *r = L->rec;
    if (!rec_nsteps(r))
        return;
    if (!L->inside)
        L->inside = xcalloc(1, sizeof *L->inside);
    struct Inside *in = L->inside;
    JsRt *rt = L->rt;
    Buf w;
    buf_init(&w);
    rec_internals_begin(r);
    /* the title: the loop's turn and where it is */
    rec_internals_str(r, title_id(L, in));
    int depth = js_vm_depth(rt), shown = 0;
    for (int i = 0; i < depth && shown < SHOW; i++) {
        const Frame *f = js_vm_frame(rt, i);
        if (f->fn == NULL)
            continue;
        bool main = i == depth - 1 && !strcmp(L->context, "script");
        int line = js_vm_frame_line(f);
        if (!in->frame[shown].id || in->frame[shown].fn != f->fn || in->frame[shown].line != line ||
            in->frame[shown].main != main) {
            if (main)
                buf_printf(&w, "(main script) \xc2\xb7 at line %d", line);
            else if (f->fn->name && *f->fn->name)
                buf_printf(&w, "%s() \xc2\xb7 at line %d", frame_name(f), line);
            else
                buf_printf(&w, "function (line %d) \xc2\xb7 at line %d", f->fn->line, line);
            in->frame[shown].fn = f->fn;
            in->frame[shown].line = line;
            in->frame[shown].main = main;
            in->frame[shown].id = rec_intern(r, w.s);
            buf_clear(&w);
        }
        rec_internals_num(r, 'S', in->frame[shown].id);
        shown++;
    }
    if (!depth && L->current_task >= 0) {
        /* a callback the loop takes now: on the stack from this step on */
        if (!in->runs || in->runs_task != L->current_task) {
            rec_put_ref(&w, L->current_task);
            buf_puts(&w, " \xc2\xb7 runs now");
            in->runs = rec_store(r, w.s); /* a new card each run */
            in->runs_task = L->current_task;
            buf_clear(&w);
        }
        rec_internals_num(r, 'S', in->runs);
    }
    if (depth > shown)
        rec_internals_num(r, 's', (unsigned long long)(depth - shown));
    for (size_t i = 0; i < L->tick_n && i < SHOW; i++) {
        const Tick *t = &L->ticks[(L->tick_head + i) % L->tick_cap];
        put_fn(&w, t->cb, "callback");
        rec_internals_num(r, 'N', rec_intern(r, w.s));
        buf_clear(&w);
    }
    if (L->tick_n > SHOW)
        rec_internals_num(r, 'n', L->tick_n - SHOW);
    for (size_t i = 0; i < L->job_n && i < SHOW; i++) {
        size_t at = (L->job_head + i) % L->job_cap;
        if (!L->job_words[at]) {
            job_words(&L->jobs[at], L->job_card[at], &w);
            L->job_words[at] = rec_intern(r, w.s);
            buf_clear(&w);
        }
        rec_internals_num(r, 'M', L->job_words[at]);
    }
    if (L->job_n > SHOW)
        rec_internals_num(r, 'm', L->job_n - SHOW);
    /* timers: the lists by (expiry, id), each list's timers in order */
    size_t nt = 0, total = 0;
    for (int i = 0; i < L->nlists; i++) {
        const TList *l = L->lists[i];
        for (size_t k = 0; k < l->n; k++) {
            Timer *t = l->items[l->head + k];
            if (t->destroyed)
                continue;
            total++;
            if (nt >= SHOW)
                continue;
            nt++;
            int64_t due = t->start + l->msecs;
            if (!t->words || t->words_due != (t->ref ? due : -2 - due)) {
                put_ms(&w, due);
                buf_putc(&w, '\t');
                if (t->task >= 0)
                    rec_put_ref(&w, t->task);
                buf_putc(&w, '\t');
                put_fn(&w, t->cb, "callback");
                if (t->repeat)
                    buf_printf(&w, ", repeats every %lld ms", (long long)t->repeat);
                if (!t->ref)
                    buf_puts(&w, " (unref'd)");
                t->words = rec_store(r, w.s); /* new each expiry: stored, not interned */
                t->words_due = t->ref ? due : -2 - due; /* ref() or unref() makes new words */
                buf_clear(&w);
            }
            rec_internals_num(r, 'T', t->words);
        }
    }
    if (total > nt)
        rec_internals_num(r, 't', total - nt);
    size_t ni = 0;
    for (size_t i = 0; i < L->imm_n; i++) {
        Timer *t = L->immediates[i];
        if (t->destroyed)
            continue;
        if (ni++ >= SHOW)
            continue;
        if (!t->words) {
            put_fn(&w, t->cb, "callback");
            t->words = rec_intern(r, w.s);
            buf_clear(&w);
        }
        rec_internals_num(r, 'X', t->words);
    }
    if (ni > SHOW)
        rec_internals_num(r, 'x', ni - SHOW);
    /* the same snapshot as the last one is not stored again (rec.c) */
    rec_internals_end(r);
    buf_free(&w);
}
