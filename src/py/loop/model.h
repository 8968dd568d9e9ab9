/* model.h: the asyncio model's objects, shared by the files of src/sim.
 * Owns: the layouts of the event loop, handles, futures and tasks, and the
 * per-run simulator state (virtual clock, task counter, recording). Not
 * for use outside src/sim: the rest of the program sees sim.h. */
#ifndef LS_MODEL_H
#define LS_MODEL_H

#include "../objects/obj.h"
#include "../vm/vm.h"
#include "../../record/rec.h"
#include "../front/code.h"

typedef struct HandleObj {
    Obj hdr;
    Obj *callback;      /* callable */
    Obj *args;          /* tuple */
    double when;        /* timers only */
    uint64_t seq;       /* scheduling order: ties on `when` fire FIFO */
    bool cancelled, timer, in_heap;
    /* internals.c: its description in the recording (a string id, 0: not
     * yet) and what it depended on, so it is made once, not every step */
    uint32_t words;
    const void *words_key;
    uint8_t words_state;
    bool words_task;       /* a task's step or wakeup, its words made when queued */
    uint32_t words_epoch;  /* internals_epoch then: good while it holds */
} HandleObj;

/* A timer's place in the heap's order, kept beside it (LoopObj.hkey): the
 * heap's sifts and the internals view compare these, not the handles. */
typedef struct HeapKey {
    double when;
    uint64_t seq;
} HeapKey;

/* a comes before b in the heap's order: the earlier deadline, then the
 * earlier push */
static inline bool heap_key_before(const HeapKey *a, const HeapKey *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

typedef struct LoopObj {
    Obj hdr;
    HandleObj **ready;  /* ring buffer */
    size_t rhead, rlen, rcap;
    HandleObj **heap;   /* binary heap on (when, seq) */
    HeapKey *hkey;      /* heap[i]'s (when, seq) at the same index: the
                           sifts compare these, not the handles' cold lines */
    size_t hlen, hcap;
    Obj *tasks;         /* list of tasks in creation order (pruned when done) */
    Obj *exc_handler;   /* set_exception_handler's callable, or NULL */
    bool running, stopping, closed;
    Obj *executor;      /* the default executor (executor.c), or NULL */
    uint64_t iterations;/* _run_once calls so far (the internals view) */
    bool executor_shutdown;
    Obj *task_factory;  /* set_task_factory's callable, or NULL (3.12+: eager_task_factory) */
} LoopObj;

typedef enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED } FutState;

/* Fields ordered so the small ones share a word: every task and every
 * sleep has one (128 bytes, a pool class, not 144). */
typedef struct FutureObj {
    Obj hdr;
    LoopObj *loop;
    FutState state;
    bool blocking;      /* CPython's _asyncio_future_blocking */
    bool retrieved;
    bool cancel_requested; /* a gathering future's */
    bool counted : 1;   /* a callback that may count its end was added (narr_may_count) */
    bool until : 1;     /* a sleep's: its words are label, " until ", then `when` (future_describe) */
    Obj *result, *exception;
    Obj *callbacks;     /* list of callables */
    Obj *cancel_msg;    /* or NULL */
    Obj *cancelled_exc; /* the CancelledError that cancelled a task, or NULL */
    Obj *label;         /* str: what waiting on this future means, or NULL; a
                           writer of it clears `until` */
    /* a gathering future (asyncio.gather's outer future) */
    Obj *children;      /* tuple or NULL */
    union {
        struct {
            size_t children_total, children_pending; /* distinct children, and those not done (the label) */
        };
        double when;    /* until (never with children): the time its words end with */
    };
} FutureObj;

/* The flags and ints together, after the pointers: 224 bytes, not 256. */
typedef struct TaskObj {
    FutureObj fut;
    Obj *coro;
    Obj *name;          /* str */
    Obj *coro_name;     /* str */
    FutureObj *fut_waiter;
    Obj *note;          /* str added to its waiting label (a deadline), or NULL */
    Obj *context;       /* contextvars: the copy it runs its steps in (dict), or NULL */
    struct TaskObj *eager_from; /* while eager: the task whose step made it (borrowed), or NULL */
    uint64_t cancel_sweep;  /* the future_cancel_all sweep that cancelled it, or 0 */
    uint64_t told_inner;/* narrate.c: the awaited coroutine whose running in
                           this task a caption explained last (a hash) */
    Obj *step_cb, *wake_cb; /* its task_step and task_wakeup builtins, made
                               once (future.c's task_cb), dropped when done */
    int num_cancels_requested;
    int rec_id;         /* -1 for hidden library tasks */
    bool must_cancel;
    bool started;
    bool eager;         /* its first step runs now, inside the call that made it (eager_start) */
    bool returned;      /* its coroutine returned, yet a cancel() during that step cancelled it */
} TaskObj;

extern Class LoopClass, HandleClass, FutureClass, TaskClass;

/* Per-run state. */
typedef struct SimState {
    Recording *rec;
    double now;                 /* the virtual clock (never goes back) */
    uint64_t task_counter;      /* Task-N names */
    uint64_t seq;               /* handle sequence numbers */
    LoopObj *running;           /* loop inside run_forever, or NULL */
    LoopObj *event_loop;        /* set_event_loop's loop, or NULL */
    TaskObj *current;           /* task whose step is running */
    Buf pending;                /* printed text not yet ended by a newline */
    bool stopped;               /* a limit or deadlock ended the run */
    double until;               /* --until: the clock may not pass it (INFINITY: no limit) */
} SimState;

extern SimState sim;

/* loop.c */
Obj *loop_new(void);
HandleObj *loop_call_soon(LoopObj *l, Obj *cb, Obj *args);          /* borrowed; returns borrowed */
HandleObj *loop_call_at(LoopObj *l, double when, Obj *cb, Obj *args);
/* handle.cancel(): it will not run; its callback and arguments go now */
void loop_handle_cancel(HandleObj *h);
/* The tuple whose items args is, when args are those of the handle
 * running now (a C callback called by the loop), else NULL: borrowed. */
Obj *loop_running_args(Obj *const *args);
/* Run until stop() is called. NULL on error (a LimitError escapes). */
Obj *loop_run_forever(LoopObj *l);
Obj *loop_run_until_complete(LoopObj *l, Obj *fut);
void loop_init_class(void);
/* Drop what loop.c keeps for the run (after it): its spare handles too. */
void loop_reset(void);
/* Handles handle_new took from its spares (not allocated), so far: the
 * tests' proof that the list is used. */
uint64_t loop_handles_reused(void);
/* future.c: the same for plain futures (not tasks), and the drain of
 * their spares (after the run) */
uint64_t future_spares_reused(void);
void future_reset(void);

/* spares.c: objects no one holds, kept for reuse (a class's finalize
 * hook keeps one). link: the offset of the pointer field that chains them. */
typedef struct Spares {
    Obj *top;
    size_t n;
    size_t link;
    uint64_t reused;    /* handed out again so far (the tests' proof) */
} Spares;
/* A loop is made: the run's objects may be kept from now on. */
void spares_start(void);
/* May s keep one more now? (Ask before dropping what the object holds.) */
bool spares_room(const Spares *s);
/* Keep o, whose count fell to 0 and whose fields were dropped: its body is
 * zeroed, it is chained, and its count is 1 again (the list's). */
void spares_keep(Spares *s, Obj *o);
/* A finalize hook's whole work, when o has nothing to keep: if there is
 * room, drop (the class's dealloc) what o holds and keep it. */
bool spares_offer(Spares *s, Obj *o, void (*drop)(Obj *));
/* The last object kept (count 1, zeroed body), or NULL. */
Obj *spares_take(Spares *s);
/* Release every object kept, and keep none until spares_start. */
void spares_drain(Spares *s);

/* future.c */
Obj *future_new(LoopObj *loop);
bool future_done(Obj *f);
/* Set result/exception: schedule the done callbacks. Steal nothing. */
void future_set_result(FutureObj *f, Obj *v);
void future_set_exception(FutureObj *f, Obj *exc);
/* future_set_result, a lone task wakeup's handle given args (a tuple whose
 * first item is f: no new (f,) for it); other callbacks get (f,). */
void future_set_result_with(FutureObj *f, Obj *v, Obj *args);
/* Wakeups that were given such args so far (the tests' proof). */
uint64_t future_args_shared(void);
bool future_cancel(FutureObj *f, Obj *msg);
/* task.cancel() for each task of a list (asyncio.run's shutdown), in
 * linear time: a task the same sweep already cancelled counts the request
 * but does not pass it down its await chain again. 0, or -1 with an error. */
int future_cancel_all(Obj *tasks);
/* future._make_cancelled_error(): the CancelledError a cancelled future
 * raises (new ref). */
Obj *future_cancelled_error(FutureObj *f);
/* future.result(): new ref or NULL with the exception raised. */
Obj *future_result(FutureObj *f);
void future_add_callback(FutureObj *f, Obj *cb);
/* A label describing f for the WAITING column ("sleep(1) until 1.00", "task fetch"). */
void future_describe(FutureObj *f, Buf *out);
/* The str whose text future_describe writes for f as it is (its label,
 * with no time after it), or NULL: borrowed. */
Obj *future_plain_label(const FutureObj *f);
Obj *task_new(LoopObj *loop, Obj *coro, Obj *name);
/* task_new with eager_start (3.12+): when the loop runs, the task's first
 * step runs now, inside this call, up to its first await (or to its end);
 * else it is scheduled like any task. NULL with an error (a limit). */
Obj *task_new_eager(LoopObj *loop, Obj *coro, Obj *name);
/* loop.create_task: through the loop's task factory when one is set (the
 * name is set after, as CPython does), else task_new. */
Obj *loop_create_task(LoopObj *loop, Obj *coro, Obj *name);
void future_init_class(void);
/* Is o a Future (a Task too)? The two exact classes first: every hop asks. */
static inline bool is_future(const Obj *o)
{
    return o->cls == &FutureClass || o->cls == &TaskClass || class_is_sub(o->cls, &FutureClass);
}
static inline bool is_task(const Obj *o)
{
    return o->cls == &TaskClass || class_is_sub(o->cls, &TaskClass);
}

/* narrate.c: turns model events into recorded steps with captions. */
void narr_loop_begin(void);
void narr_loop_end(long left);  /* left: tasks cancelled at the end, -1 unknown */
/* Record the label of task t from the call that made coro (named: the
 * program gave the task its name, which is the label then). */
void narr_task_call(TaskObj *t, Obj *coro, bool named);
void narr_task_created(TaskObj *t);
/* Task t's eager first step is over (t waits, or is already done): the
 * task whose step made it (t->eager_from) runs again. */
void narr_task_eager_back(TaskObj *t);
void narr_task_running(TaskObj *t, bool first, Obj *thrown);
void narr_task_suspended(TaskObj *t, Obj *yielded);
void narr_task_woken(TaskObj *t, FutureObj *by);
/* The recording's narrator (rec_set_narrator): a lazy step's caption or
 * log line, written when it is read. */
void narr_words(const Recording *r, size_t i, int what, Buf *out);
/* A time as every caption writes it: "%.2f", without printf. */
void narr_fmt_time(Buf *b, double t);
/* The rest of a sleep's words after its label (f->until): " until " and
 * its time, as future_describe writes them. */
void narr_until_words(const FutureObj *f, Buf *out);
/* Free the narrator's scratch text (after a run). */
void narr_reset(void);
/* narr_chain.c: task t's await chain and the coroutine its line runs in
 * (string ids, from a cache kept while the chain is the same), and its
 * line (the innermost user frame's, else the running code's). */
typedef struct NarrChain {
    uint32_t chain, inner;
    int line;
} NarrChain;
NarrChain narr_chain(TaskObj *t);
/* narr_chain(t), then t's chain and line kept as given while t stays
 * suspended (keep: at its suspend; !keep: at its next step), in one
 * look-up of its cache. */
NarrChain narr_chain_keep(TaskObj *t, bool keep);
/* Append the innermost coroutine of chain when it is not the first. */
void narr_chain_inner(const char *chain, Buf *out);
void narr_chain_reset(void);
/* narr_label.c: what a waiting label's text tells a task's wake-up (WK_*
 * in narrate.c): NL_* of its start and what it holds (a ':', a " (" in a
 * label not "task ..."), its length and where its READY words end (" until
 * " for a sleep's, " (" for a detail), each the length when it has none.
 * The text is the C string (up to a NUL). */
enum { NL_WAIT_FOR = 1, NL_SLEEP = 2, NL_COLON = 4, NL_PAREN = 8 };
typedef struct NarrLabel {
    uint32_t kind, len, cut_until, cut_paren;
    /* narrate.c's: the generation of its memo of READY words when it gave
     * the first said_n bytes of this text (0: never) */
    uint64_t said;
    uint32_t said_n;
} NarrLabel;
/* s's NarrLabel (said 0). */
void narr_label_read(const char *s, NarrLabel *out);
/* narr_label_read of str label's text, and rec_store_label's id of it,
 * kept per text in a small table of held strs (no text written, hashed
 * or scanned again while one is kept). narr_label_of's is valid until the
 * next call of either. */
NarrLabel *narr_label_of(Obj *label);
uint32_t narr_label_id(Obj *label);
/* Labels found in that table so far (the tests' proof it was used). */
uint64_t narr_label_hits(void);
void narr_label_reset(void);
void narr_task_finished(TaskObj *t);
void narr_label_changed(FutureObj *f);
/* The waiting words of a TaskGroup with `running` of its `total` tasks not
 * done ("TaskGroup: 2 tasks still running, 1 done ..."), and of a gathering
 * future ("gather: 1 of 2 pending"), counted as the columns count. */
void narr_group_label(size_t running, size_t total, Buf *out);
void narr_gather_label(const FutureObj *outer, Buf *out);
/* Future f is done (a task's end is already recorded): the counts that
 * wait on it drop now, in this step, not when their done callbacks run. */
void narr_counts_done(FutureObj *f);
/* Whether done callback cb may be one that counts its future's end (a
 * gather's or a TaskGroup's, as narr_counts_done tells them): a future
 * given one is marked (FutureObj.counted), and only a marked future's end
 * reads its callbacks. Reads cb's class and function only. */
bool narr_may_count(const Obj *cb);
/* Futures whose done callbacks narr_counts_done read, so far (the tests'
 * proof that an unmarked future's are not read). */
uint64_t narr_counts_read(void);
void narr_print(const char *text, size_t len);
void narr_never_awaited(GenObj *coro);
/* A `warn` trace line with this message, and a caption for the screen. */
void narr_warn(const char *msg, const char *caption);
/* A line written to standard error: on screen, not in the trace. */
void narr_stderr(const char *text);
void narr_clock(double from, double to);
void narr_block(double from, double to, int line);
void narr_flush_print(void);
void narr_error(Obj *exc);
void narr_deadlock(void);
void narr_limit(Obj *exc);
/* Raise the LimitError that stops the run when the recording is full. */
bool narr_check_room(void);

/* asyncio.c: may the virtual clock move on to t? Every place that moves
 * the clock asks first. False, with a LimitError raised and the clock at
 * the --until time, when t is past it. */
bool sim_clock_may_reach(double t);

/* narrate.c: worker threads and processes (executor.c) */
void narr_job_queued(const char *func, bool process, int max_workers);
void narr_job_started(const char *func, const char *lane, bool process, double t0, double t1);
void narr_job_finished(const char *func, const char *lane, bool process, double t0, double t1,
                       const char *outcome);
void narr_thread_print(const char *lane, const char *text, size_t len);
void narr_thread_wait(double from, double to, const char *lane);
void narr_wait_block(double from, double to, int line, const char *what);

/* internals.c: the loop's insides for the internals view, per step. */
void internals_record(void);
/* A sync primitive comes into play (on) or is not one to show (off). */
void internals_track(Obj *o, bool on);
void internals_reset(void);
/* A handle joins the ready queue (loop.c): a task's has its words made
 * now, while what they are made of is at hand. */
void internals_queued(HandleObj *h);
/* Moved by whatever changes a queued handle's words behind its back: a
 * handle's cancel(), a task's must_cancel set or taken back. */
extern uint64_t internals_epoch;
/* The futures and tasks the shown timers' words hang on, as bits of a
 * 512-bit mask by address: future.c touches a future whose state or
 * callbacks change and a task whose awaited future changes, and a touch of
 * a watched one counts, so the timers are read again only then. */
extern uint64_t internals_watch[8], internals_touched;
/* ... and the last touches counted, by address (touch i at i % 16). */
extern const void *internals_touched_at[16];
static inline void internals_touch(const void *o)
{
    uintptr_t b = (uintptr_t)o >> 4 & 511;
    if (internals_watch[b >> 6] >> (b & 63) & 1)
        internals_touched_at[internals_touched++ & 15] = o;
}
/* The last timer loop.c pushed on a heap, and how many it pushed. */
extern const HandleObj *internals_pushed;
extern uint64_t internals_npushed;
/* The task waiting on f, the next live timer, the task a timer wakes (or
 * NULL each). */
TaskObj *loop_waiter_of(FutureObj *f);
/* The task cb wakes when cb is a task's wakeup (a builtin whose function
 * and self never change), else NULL. */
TaskObj *loop_wakeup_task(Obj *cb);
HandleObj *loop_next_timer(void);
TaskObj *loop_timer_task(const HandleObj *h);
/* An instance attribute of a prelude object (borrowed, or NULL), read
 * without running any code. */
Obj *loop_attr(Obj *o, const char *name);

/* executor.c: simulated worker threads (docs/threads.md). */
void executor_init_class(void);
Obj *executor_module_new(void);          /* concurrent.futures */
void executor_add_prims(Obj *asyncio_module);
void executor_bind_prelude(Obj *asyncio_dict);
void executor_reset(void);               /* drop every pending job and event */
/* The earliest pending thread event (false if none). */
bool executor_next(double *t);
/* The loop is idle and the next thing due is a thread event at t: move the
 * clock there and deliver what is due. False when the run must stop. */
bool executor_advance(double t);
/* Deliver thread events due at or before t, in time order, moving the
 * clock to each. False when the run must stop (a limit). */
bool executor_run_until(double t);
/* Inside a job's function ("on a worker"): its clock, sleep and prints. */
bool executor_in_thread(void);
double executor_clock(void);
void executor_thread_sleep(double d);
/* A worker thread's own clock while its job runs, else 0. */
double executor_thread_clock(void);
bool executor_print(const char *text, size_t len);

/* shortcut.c: a prelude coroutine function whose awaited call runs in C */
typedef struct Shortcut {
    FuncObj *fn;        /* the prelude's function (the VM holds it), or NULL */
    int call_line;      /* its body's first call (where the awaitable is made) */
    int await_line;     /* its body's await */
} Shortcut;
/* `await fn(...)` runs fast (vm_set_await_shortcut), and sc learns fn's
 * lines. False (sc->fn NULL) when fn is no function or the table is full. */
bool shortcut_bind(Shortcut *sc, Obj *fn, CFunc fast);
/* The pending exception leaves sc's function at its call (or its await,
 * at_await) with these locals (NULL ones skipped): the traceback entry and
 * the locals its frame would have added. */
void shortcut_left(const Shortcut *sc, bool at_await, Obj *const *locals, int n);
/* Drop every shortcut (the run is over). */
void shortcut_reset(void);

/* sleep.c: the awaitable of asyncio.sleep (_sleep_awaitable) */
void sleep_add_prims(Obj *asyncio_module_dict);
/* after the prelude ran: `await sleep(...)` without sleep's coroutine */
void sleep_bind_prelude(Obj *asyncio_module_dict);
void sleep_reset(void);
/* `await sleep(0)`s that were given the last one's awaitable, so far
 * (the tests' proof that it is shared). */
uint64_t sleep_zeros_shared(void);
/* Sleeps' labels made (not found in sleep.c's table), so far. */
uint64_t sleep_labels_made(void);

/* sync.c: Queue's get/put paths, Event.set and Lock's acquire/release
 * (the prelude calls them) */
void sync_add_prims(Obj *asyncio_module_dict);
/* after the prelude ran: the methods a subclass may replace, and the
 * exception classes */
void sync_bind_prelude(Obj *asyncio_module_dict);
void sync_reset(void);

/* gather.c: asyncio.gather of one or more awaitables (_gather) */
void gather_add_prims(Obj *asyncio_module_dict);
void gather_bind_prelude(Obj *asyncio_module_dict);
void gather_reset(void);
/* The gathering future whose children's done callback cb is, or NULL. */
FutureObj *gather_outer_of(Obj *cb);
/* Whether cb is a gather's children's done callback (its outer future may
 * not be made yet). */
bool gather_is_child_done(const Obj *cb);

/* functools.c */
extern Class PartialClass;
Obj *functools_module_new(void);
/* The function under any functools.partial wrappers (borrowed). */
Obj *partial_func(Obj *o);

/* stdlib.c: the modules written in the scenario language (src/py/lib) */
/* Every importable module: builtin (NULL-terminated) then the library ones. */
const ModuleSpec *const *stdlib_specs(const ModuleSpec *const *builtin);
/* The VM's import hook: a new reference to the module, loading it first. */
Obj *stdlib_import(void *ud, Obj *name);
/* Register a module and link it into its package (a.b into a). */
void stdlib_add_module(Obj *module);
/* Built-in functions for the library modules' namespaces. */
typedef struct LibPrim { const char *name; CFunc fn; } LibPrim;
void stdlib_add_prims(Obj *module_dict, const LibPrim *prims, size_t n);
/* Check the scenario's `# loopscope:` directives (README: simulated network
 * and files); false with a located error for a malformed one. */
bool stdlib_check_directives(const Source *src, LangError *err);
/* The scenario whose `# loopscope:` directives the library reads (borrowed). */
void stdlib_set_scenario(const Source *src);

/* context.c: contextvars' current context (a dict) */
Obj *context_current(void);            /* borrowed */
Obj *context_copy(void);               /* new dict, or NULL when the current context is empty */
Obj *context_swap(Obj *ctx);           /* make ctx current (NULL: none); returns the previous (owned) */
void context_restore(Obj *prev);       /* undo context_swap, taking prev back */
/* context_restore, after a step that ran in *own: when *own was NULL and
 * the step made a context (a variable set), *own keeps it */
void context_leave(Obj **own, Obj *prev);
void context_reset(void);
void context_add_prims(Obj *module_dict);

/* mathmod.c: the C library's float functions for src/py/lib/math.py */
void mathmod_add_prims(Obj *module_dict);

/* cpython_names.c (generated): dir() of CPython 3.11's module, or NULL */
const char *const *cpython_names(const char *module);

/* asyncio.c */
extern Class DeadlockClass;
/* get_event_loop() outside a running loop (3.11's policy): borrowed, or
 * NULL with RuntimeError set. */
LoopObj *asyncio_policy_loop(void);
/* _set_label(fut, label[, quiet]): a future's waiting words; a change
 * of words is a step unless quiet. False with TypeError for a non-future
 * or non-str. */
bool asyncio_set_label(Obj *fut, Obj *label, bool quiet);
/* _who(task): the task's words on screen (a reference, or the name of a
 * hidden task) appended to out. False with TypeError for a non-task. */
bool asyncio_who(Obj *task, Buf *out);
/* The code flags (CO_COROUTINE, ...) of a function under bound methods and
 * functools.partial; 0 for anything else. */
int asyncio_code_flags(Obj *f);

#endif
