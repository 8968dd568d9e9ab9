/* loop.h: the Node event loop model, private to src/js/loop.
 * Owns the loop's state: the virtual clock (whole milliseconds), the
 * nextTick queue, the microtask queue (promise jobs and queueMicrotask),
 * the timer lists (one FIFO list per duration, the lists ordered by
 * (expiry, list id), a new id when a list re-arms, as Node keeps them),
 * the immediates, the rejections waiting to be reported, and the
 * recording. narrate.c turns what happens into recorded steps. */
#ifndef LS_JS_LOOP_H
#define LS_JS_LOOP_H

#include "../../record/rec.h"
#include "../vm/vm.h"

typedef struct Timer Timer;
typedef struct TList TList;

struct Timer {
    JsObject *obj;        /* the Timeout or Immediate object the scenario holds */
    JsValue cb;
    JsValue *args;
    int argc;
    int64_t start, duration, repeat;
    bool ref, destroyed, immediate;
    TList *list;
    int id;
    int task;             /* its card, or -1 */
    int line;             /* where it was made */
    uint32_t words;       /* internals.c: its entry's words (0: not made), for ... */
    int64_t words_due;    /* ... this due time (-1: an immediate's) */
};

struct TList {
    int64_t msecs, expiry;
    int id;
    Timer **items;
    size_t head, n, cap;
};

typedef struct Tick {
    JsValue cb;
    JsValue *args;
    int argc;
} Tick;

typedef struct Loop {
    JsRt *rt;
    Recording *rec;
    int64_t now;
    /* queues */
    Tick *ticks;
    size_t tick_head, tick_n, tick_cap;
    JsJob *jobs;
    int *job_card;        /* beside jobs: the job's card in the recording, or -1 */
    uint32_t *job_words;  /* beside jobs: internals.c's words for it (0: not made yet) */
    int *tick_card;       /* beside ticks: the same */
    size_t job_head, job_n, job_cap;
    TList **lists;        /* sorted by (expiry, id) */
    int nlists, caplists;
    int list_ids, timer_ids;
    Timer **timers;       /* by id - 1 */
    int ntimers, captimers;
    int refed, imm_refed;
    Timer **immediates;
    size_t imm_n, imm_cap;
    JsObject **rejected;  /* unhandled so far, in order */
    size_t nrejected, caprejected;
    /* output */
    Buf pending;          /* an unfinished printed line */
    bool finished;
    int status;           /* 0 ok, 1 error */
    /* recording */
    const char *context;  /* what is running: script, nextTick, microtask, timer, immediate */
    int main_task;
    int current_task;     /* the card on the call stack, or -1 */
    int seq;
    JsObject *timeout_proto, *immediate_proto;
    int64_t until;        /* --until, in ms (INT64_MAX: none) */
    int turns;            /* loop turns begun (the internals view's title) */
    const char *phase;    /* where the loop is, in words: "main script", "timers phase"... */
    char until_msg[160];  /* the limit's words once it stops the run */
    struct Narr *narr;    /* narrate.c's own state (cards of callbacks, waits) */
    struct Inside *inside; /* internals.c's own state (words made, the last snapshot) */
} Loop;

/* js_loop.c: a virtual setTimeout(cb, ms) for the loop's own users (it
 * keeps the loop alive only when ref). */
Timer *js_loop_timeout(Loop *L, JsValue cb, int64_t ms, bool ref);
/* js_abort.c: AbortController, AbortSignal (with timeout) and DOMException. */
void js_abort_install(Loop *L);

/* internals.c: the snapshot of the queues for the internals view, as of
 * the last recorded step (called after each step and each enqueue). */
void js_internals_record(Loop *L);
void js_internals_free(Loop *L);

/* narrate.c: the recording. */
void js_narr_init(Loop *L);
void js_narr_free(Loop *L);
void js_narr_print(Loop *L, const char *line, size_t n);
void js_narr_end(Loop *L);
void js_narr_error(Loop *L, JsValue exc, bool unhandled);
void js_narr_limit(Loop *L, const char *what);
void js_narr_main_start(Loop *L);
void js_narr_main_end(Loop *L);
void js_narr_clock(Loop *L, int64_t from, int64_t to, const char *why);
void js_narr_timer_new(Loop *L, Timer *t);
/* A phase begins with these callbacks due (READY). */
void js_narr_phase(Loop *L, Timer **due, size_t n, bool check);
void js_narr_timer_run(Loop *L, Timer *t);
void js_narr_timer_done(Loop *L, Timer *t, bool cleared);
void js_narr_async_start(Loop *L, Frame *f);
void js_narr_async_await(Loop *L, Frame *f, JsObject *awaited, JsValue value);
void js_narr_async_ready(Loop *L, Frame *f, bool rejected);
void js_narr_async_resume(Loop *L, Frame *f);
void js_narr_async_end(Loop *L, Frame *f, bool threw, JsValue v);
void js_narr_drain(Loop *L, const char *after);
/* Cards for callbacks queued as jobs: a then/catch callback or a
 * queueMicrotask callback (READY as a microtask), a nextTick callback.
 * Each returns the card, or -1 when the job gets none (an await's
 * continuation has its function's card; internal jobs have none). */
int js_narr_job_queued(Loop *L, const JsJob *j);
/* A callback's words: "then callback (line 12)", "then callback handle()
 * of p (line 12)" (recv: what then() was called on, or NULL). */
void js_callback_words(Buf *b, const char *what, JsValue fn, const char *recv);
int js_narr_tick_queued(Loop *L, JsValue cb);
/* The card's callback starts (RUNNING) and ends (DONE with the value of
 * derived, the promise then() returned, when there is one). card -1:
 * nothing is recorded. */
void js_narr_callback_run(Loop *L, int card, JsValue cb);
void js_narr_callback_done(Loop *L, int card, JsObject *derived);
/* A combinator's promise has pending of total elements left: the label of
 * every function awaiting it changes (a SK_LABEL step). */
void js_narr_progress(Loop *L, JsObject *p, int pending, int total);
bool js_narr_room(Loop *L);


#endif
