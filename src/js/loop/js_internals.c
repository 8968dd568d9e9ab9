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

#include <stdio.h>
#include <string.h>

enum { SHOW = 12 };

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

/* One entry: the words interned, named by id after its letter. */
static void entry(Loop *L, Buf *snap, char letter, Buf *words)
{
    buf_printf(snap, "%c%u\n", letter, rec_intern(L->rec, words->s));
    buf_clear(words);
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
    put_fn(w, j->handler, j->rejected ? "catch callback" : "then callback");
}

static void put_ms(Buf *b, int64_t ms)
{
    buf_printf(b, "%lld.%03lld", (long long)(ms / 1000), (long long)(ms % 1000));
}

void js_internals_record(Loop *L)
{
    if (!rec_nsteps(L->rec))
        return;
    JsRt *rt = L->rt;
    Buf snap, w;
    buf_init(&snap);
    buf_init(&w);
    /* the title: the loop's turn and where it is */
    buf_printf(&snap, "Hturn %d \xc2\xb7 %s\n", L->turns, L->phase ? L->phase : "main script");
    int depth = js_vm_depth(rt), shown = 0;
    for (int i = 0; i < depth && shown < SHOW; i++) {
        const Frame *f = js_vm_frame(rt, i);
        if (f->fn == NULL)
            continue;
        if (i == depth - 1 && !strcmp(L->context, "script"))
            buf_printf(&w, "(main script) \xc2\xb7 at line %d", js_vm_frame_line(f));
        else if (f->fn->name && *f->fn->name)
            buf_printf(&w, "%s() \xc2\xb7 at line %d", frame_name(f), js_vm_frame_line(f));
        else
            buf_printf(&w, "function (line %d) \xc2\xb7 at line %d", f->fn->line, js_vm_frame_line(f));
        entry(L, &snap, 'S', &w);
        shown++;
    }
    if (!depth && L->current_task >= 0) {
        /* a callback the loop takes now: on the stack from this step on */
        rec_put_ref(&w, L->current_task);
        buf_puts(&w, " \xc2\xb7 runs now");
        entry(L, &snap, 'S', &w);
    }
    if (depth > shown)
        buf_printf(&snap, "s%d\n", depth - shown);
    for (size_t i = 0; i < L->tick_n && i < SHOW; i++) {
        const Tick *t = &L->ticks[(L->tick_head + i) % L->tick_cap];
        put_fn(&w, t->cb, "callback");
        entry(L, &snap, 'N', &w);
    }
    if (L->tick_n > SHOW)
        buf_printf(&snap, "n%zu\n", L->tick_n - SHOW);
    for (size_t i = 0; i < L->job_n && i < SHOW; i++) {
        size_t at = (L->job_head + i) % L->job_cap;
        job_words(&L->jobs[at], L->job_card ? L->job_card[at] : -1, &w);
        entry(L, &snap, 'M', &w);
    }
    if (L->job_n > SHOW)
        buf_printf(&snap, "m%zu\n", L->job_n - SHOW);
    /* timers: the lists by (expiry, id), each list's timers in order */
    size_t nt = 0, total = 0;
    for (int i = 0; i < L->nlists; i++) {
        const TList *l = L->lists[i];
        for (size_t k = 0; k < l->n; k++) {
            const Timer *t = l->items[l->head + k];
            if (t->destroyed)
                continue;
            total++;
            if (nt >= SHOW)
                continue;
            put_ms(&w, t->start + l->msecs);
            buf_putc(&w, '\t');
            if (t->task >= 0)
                rec_put_ref(&w, t->task);
            buf_putc(&w, '\t');
            put_fn(&w, t->cb, "callback");
            if (t->repeat)
                buf_printf(&w, ", repeats every %lld ms", (long long)t->repeat);
            if (!t->ref)
                buf_puts(&w, " (unref'd)");
            entry(L, &snap, 'T', &w);
            nt++;
        }
    }
    if (total > nt)
        buf_printf(&snap, "t%zu\n", total - nt);
    size_t ni = 0;
    for (size_t i = 0; i < L->imm_n; i++) {
        const Timer *t = L->immediates[i];
        if (t->destroyed)
            continue;
        if (ni++ >= SHOW)
            continue;
        put_fn(&w, t->cb, "callback");
        entry(L, &snap, 'X', &w);
    }
    if (ni > SHOW)
        buf_printf(&snap, "x%zu\n", ni - SHOW);
    rec_set_internals(L->rec, snap.s);
    buf_free(&snap);
    buf_free(&w);
}
