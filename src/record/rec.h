/* rec.h: the recording of one scenario run.
 * Owns: the list of steps (what a learner can see change, one at a time),
 * the tasks and their state histories, interned strings, and reading the
 * state of every task at any step without replaying. The simulator writes
 * it; the trace, the steps listing, the UI and the exports only read it.
 * Knows nothing about the interpreter or the terminal.
 *
 * Memory is proportional to the changes: each task keeps its own list of
 * state changes, and the state at step s is a binary search per task.
 *
 * A recording can grow on one thread while another reads it (the viewer
 * opens at once on a long run): see rec_share. */
#ifndef LS_REC_H
#define LS_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../base/base.h"

typedef enum TaskState { TS_READY, TS_RUNNING, TS_WAITING, TS_DONE } TaskState;

typedef enum Outcome {
    OUT_NONE,       /* still going */
    OUT_RESULT,     /* returned a value */
    OUT_RAISED,     /* ended with an exception */
    OUT_CANCELLED,  /* ended with CancelledError */
    OUT_NEVER       /* a coroutine that was never awaited (never ran) */
} Outcome;

typedef enum StepKind {
    /* lines of the observable trace (trace-format.md, trace-format-js.md) */
    SK_START,      /* a task's first step begins; text: "<task name> <coroutine>" */
    SK_PRINT,      /* text: one line printed */
    SK_DONE,       /* text: "<task name> <coroutine>" */
    SK_RAISED,     /* text: "<task name> <coroutine> <exception type>" */
    SK_CANCELLED,  /* text: "<task name> <coroutine>" */
    SK_WARN,       /* text: warning message */
    SK_END,        /* an asyncio.run call returned or raised */
    SK_ERROR,      /* text: exception type name; the scenario ended with it */
    SK_DEADLOCK,
    SK_LIMIT,      /* text: which limit stopped the run */
    SK_UNHANDLED,  /* text: the reason's type name; a rejection nothing handled ended the run (JavaScript) */
    /* steps only the viewer shows */
    SK_LOOP,       /* asyncio.run starts an event loop */
    SK_CREATE,     /* a task is created and scheduled: READY */
    SK_RESUME,     /* a task resumes: RUNNING */
    SK_SUSPEND,    /* a task gives the loop back: WAITING (or READY after sleep(0)) */
    SK_WAKE,       /* a task's wait is over: READY */
    SK_CLOCK,      /* nothing is ready: the clock jumps to the next timer */
    SK_BLOCK,      /* time.sleep blocks the whole loop (t is when it ends) */
    SK_LABEL,      /* what a waiting task waits on changed (gather progress) */
    SK_JOB_START,  /* a job starts on a worker thread/process; text: lane name */
    SK_JOB_END,    /* a job's end reaches the loop; text: lane name */
    SK_STDERR,     /* text: one line written to standard error (logging); not in the trace */
    SK_KIND_COUNT
} StepKind;

/* A step as readers see it. The recording stores steps packed (8 bytes,
 * with the times in runs and the rest in bytes beside them) and reads one
 * out on request. */
typedef struct Step {
    double t;          /* virtual time when it happens (for SK_BLOCK: when it ends) */
    double t0;         /* SK_CLOCK / SK_BLOCK: the time before (else t) */
    uint8_t kind;      /* StepKind */
    int32_t task;      /* task id it concerns, or -1 */
    int32_t line;      /* source line, 0 if none */
    uint32_t text;     /* string ids (0 = ""); caption and log are read with
                        * rec_words only: a lazy step's are made then */
    uint32_t caption;
    uint32_t log;
} Step;

typedef struct TaskView {
    int id;
    const char *who;       /* its one label everywhere (rec_task_label) */
    const char *name;      /* "Task-2" or the given name */
    const char *coro;      /* coroutine name */
    TaskState state;
    Outcome outcome;
    const char *label;     /* what it waits on, or its result/exception when done */
    const char *chain;     /* "main → load → fetch" or "" */
    int line;
    uint32_t order;        /* queue position when READY (smaller runs first); 0 in other states */
    size_t since;          /* the step of its last change (when it finished, for DONE) */
    size_t created;        /* the step it appeared at */
    bool hidden;           /* library task (never shown) */
} TaskView;

typedef struct Recording Recording;

Recording *rec_new(size_t max_steps);
void rec_free(Recording *r);

/* Intern a string; returns its id (0 is the empty string). */
uint32_t rec_intern(Recording *r, const char *s);
const char *rec_str(const Recording *r, uint32_t id);

/* A new task (or never-awaited coroutine). Returns its id. */
int rec_task_new(Recording *r, const char *name, const char *coro, bool hidden);
/* A task was renamed (Task.set_name): views show the new name from now on,
 * and it becomes the task's label. */
void rec_task_rename(Recording *r, int task, const char *name);
/* The id of the text "NAME CORO" (the task's name, a space, its
 * coroutine's name), written out only when first read; a rename writes the
 * old one out first and the next call gives a new id, so each step reads
 * the name the task had when it was recorded. */
uint32_t rec_task_text(Recording *r, int task);
/* The call that made the task, as written with its arguments in repr style
 * ("download('notes.txt')", "main" for a call without arguments); named:
 * the program gave the task its name, which is then the label instead. */
void rec_task_call(Recording *r, int task, const char *call, bool named);
/* The string id of the task's name as it is now (rec_str reads it). */
uint32_t rec_task_name(const Recording *r, int task);
/* A task's one label, the same on the card, in captions, the log, the code
 * gutter, the Chrome lane and `steps`: its given name, else its call, else
 * its name. Only when two visible tasks of the run would share a label does
 * each get its asyncio name after it ("fetch (Task-2)"), or "#k" when it
 * has none. This is the one place that decides a task's label. */
const char *rec_task_label(const Recording *r, int task);

/* Words about a task inside a caption, log line or waiting label are stored
 * as a reference to it, so they always read as its label: rec_put_ref
 * appends one to b; rec_put_text appends text from the program (printed
 * lines, reprs) so it can never be read as a reference. rec_words returns
 * the string id with its references replaced by labels: the string itself
 * when it has none, else scratch's text (valid until scratch changes). */
void rec_put_ref(Buf *b, int task);
void rec_put_text(Buf *b, const char *s, size_t n);
const char *rec_words(const Recording *r, uint32_t id, Buf *scratch);
/* The same for a string already read out of the recording. */
const char *rec_words_s(const Recording *r, const char *s, Buf *scratch);
/* Record a new step. Returns false (and records nothing) when the step
 * limit has been reached. Strings are copied. */
bool rec_step(Recording *r, StepKind kind, double t, int task, int line, const char *text,
              const char *caption, const char *log);

/* ---- lazy words: a step can store what happened as numbers and leave
 * its caption and log line to be written when someone reads them
 * (rec_words), by the language's narrator, which the recording holds but
 * does not know. The narrator writes step's caption (REC_CAPTION) or log
 * line (REC_LOG) into out, from the step (rec_step_at: kind, task, t, t0)
 * and the numbers it stored with it (rec_step_args); task words go in as
 * references (rec_put_ref). It runs on the reader's thread with the lock
 * held, and must read nothing but the recording. ---- */
enum { REC_CAPTION, REC_LOG };
typedef void (*RecNarrate)(const Recording *r, size_t step, int what, Buf *out);
void rec_set_narrator(Recording *r, RecNarrate fn);
/* rec_step, with nargs numbers for the narrator in place of a caption and
 * a log line (copied; at most 7 are kept, and trailing zeros read back as
 * zeros). */
bool rec_step_lazy(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                   const uint32_t *args, size_t nargs);
/* rec_step_lazy, with its text given as a string id (rec_task_text). */
bool rec_step_lazy_text(Recording *r, StepKind kind, double t, int task, int line, uint32_t text,
                        const uint32_t *args, size_t nargs);
/* rec_step_lazy; with log false, the step has a caption and no log line
 * (the narrator is asked for its caption only). */
bool rec_step_lazy_as(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                      const uint32_t *args, size_t nargs, bool log);
/* The numbers step i was recorded with (zeros for a step that is not lazy). */
const uint32_t *rec_step_args(const Recording *r, size_t i);
/* A number for a narrator's step numbers that does not fit in 32 bits (a
 * time): its id, rec_num_at reads it back. A number equal to the last one
 * stored gets the same id. */
uint32_t rec_num(Recording *r, double v);
double rec_num_at(const Recording *r, uint32_t id);
/* A string's id for a step's or a change's words (rec_str reads it back).
 * Unlike rec_intern, equal strings may get different ids: use it for words
 * that are stored, not compared. */
uint32_t rec_store(Recording *r, const char *s);

/* rec_store for a label that may end in a time with two decimals
 * ("sleep(1) until 12.35"): such a label is kept as its text and the
 * number (8 bytes, not a new string at every sleep), and written out when
 * first read. Any other string is stored as rec_store does. */
uint32_t rec_store_label(Recording *r, const char *s);
/* What rec_store_label_kept keeps of one label's text between calls:
 * zeroed at first, then written by it only. */
typedef struct RecLabelKept {
    uint64_t rec;    /* the recording's serial */
    uint32_t id, h;  /* the text's id and hash (0: not kept, a label with a time or "") */
} RecLabelKept;
/* rec_store_label(r, s), for a caller that keeps k with one text: every
 * call with k must give the same s. The same id, without hashing s again
 * while the recording's recent strings still hold it (rec_store's test);
 * k is updated. */
uint32_t rec_store_label_kept(Recording *r, RecLabelKept *k, const char *s);
/* The id rec_store_label gives a label whose text before the number is
 * string prefix (a rec_store id) and whose number is cents hundredths,
 * without the text: the same words when read. */
uint32_t rec_store_label_num(Recording *r, uint32_t prefix, uint32_t cents);

/* Set t0 on the last step (a clock jump or a block: SK_CLOCK or SK_BLOCK). */
void rec_set_t0(Recording *r, double t0);
/* A task's visible state changes as of the last recorded step. */
void rec_task_set(Recording *r, int task, TaskState st, Outcome out, const char *label, const char *chain,
                  int line, uint32_t order);
/* rec_task_set with the label and the await chain as string ids (rec_store),
 * for a narrator that names the same words in a lazy step's numbers and
 * keeps a chain's id while it is the same: nothing is hashed per change. */
void rec_task_set_ids(Recording *r, int task, TaskState st, Outcome out, uint32_t label, uint32_t chain, int line,
                      uint32_t order);
/* What one hop of a task records, in one write: a lazy step of task
 * (rec_step_lazy_text: text a string id, 0 none; a log line) and that
 * task's own change in it (rec_task_set_ids, at the step's line). */
typedef struct RecHop {
    StepKind kind;
    int task, line;
    uint32_t text;
    const uint32_t *args;
    size_t nargs;
    TaskState st;
    Outcome out;
    uint32_t label, chain, order;
} RecHop;
/* Record h at time t: the step, then the change, as the two calls would.
 * When the step is refused (the step limit), the change is still recorded,
 * in the last step. Returns whether the step was recorded. */
bool rec_hop(Recording *r, double t, const RecHop *h);
bool rec_full(const Recording *r);

size_t rec_nsteps(const Recording *r);
/* Step i, read out of the packed steps (NULL past the end). The Step is
 * the calling thread's, valid for the next 63 calls on that thread: copy
 * it to keep it longer. */
const Step *rec_step_at(const Recording *r, size_t i);
/* Step i's kind alone (SK_KIND_COUNT past the end), read from its packed
 * word without decoding its bytes: for a writer that skips most steps
 * (the trace). */
StepKind rec_step_kind(const Recording *r, size_t i);
int rec_ntasks(const Recording *r);
/* State of task id as of step s (after it). Returns false if the task does
 * not exist yet at s. */
bool rec_task_at(const Recording *r, int id, size_t s, TaskView *out);

/* A task's history: how many changes it has and the step of change k
 * (ascending). For walking every change once instead of every task at
 * every step. */
size_t rec_task_nchanges(const Recording *r, int id);
size_t rec_task_change_step(const Recording *r, int id, size_t k);

/* ---- worker lanes (docs/threads.md): threads and processes that run
 * blocking functions beside the loop, and the jobs each one ran. ---- */

typedef enum LaneKind { LANE_THREAD, LANE_PROCESS } LaneKind;
typedef enum JobStatus { JOB_RUNNING, JOB_RESULT, JOB_RAISED } JobStatus;

typedef struct JobView {
    int lane;
    const char *func;      /* the function it runs */
    double t0, t1;         /* start and end, in the worker's time */
    size_t step0, step1;   /* the steps it starts and ends at (step1 = SIZE_MAX: not yet) */
    JobStatus status;
} JobView;

/* The lane called name (found or added). Returns its id. */
int rec_lane(Recording *r, const char *name, LaneKind kind);
int rec_nlanes(const Recording *r);
const char *rec_lane_name(const Recording *r, int lane);
/* The step a lane's worker first appeared at. */
size_t rec_lane_step(const Recording *r, int lane);
LaneKind rec_lane_kind(const Recording *r, int lane);
/* A job starts on lane at the last recorded step; its span [t0, t1] is
 * known from the start. Returns its id. */
int rec_job_new(Recording *r, int lane, const char *func, double t0, double t1);
/* The job ends at the last recorded step. */
void rec_job_end(Recording *r, int job, JobStatus status);
int rec_njobs(const Recording *r);
bool rec_job_at(const Recording *r, int job, JobView *out);

/* ---- the loop's insides at each step (the internals view): recorded
 * by the language's loop model as one entry per line:
 *   "I<n>"               loop iterations so far
 *   "R<words>"           a handle in the ready queue, in run order: what it
 *                        will do ("step fetch")
 *   "T<words>"           a timer, by deadline: "<when>\t<who>\t<what>"
 *   "P<text>"            a sync primitive in play (queue items, lock owner...)
 *   "r<n>" / "t<n>"      n more ready handles / timers than listed
 * (JavaScript's: "H<title>", then S s N n M m T t X x the same way.) Task
 * words are references (rec_put_ref): read them with rec_words_s. The
 * writer names an entry's words by string id (rec_internals_num with an
 * entry's letter, R T S N M X), and a timer's time apart from them
 * (rec_internals_time), so that nothing is formatted per step. The
 * recording keeps only what changed from one step's snapshot to the next
 * (src/record/inside.c): the ready queue moving up by one costs 2 bytes, a
 * step where nothing changed nothing. ---- */
void rec_set_internals(Recording *r, const char *snapshot);
/* The same snapshot line by line, without writing it as text first: begin,
 * then each line in order (a letter and a number, or any other line of n
 * bytes without its newline), then end, which records it for the last
 * step. A step no snapshot is recorded for shows the one before it. For an
 * entry's letter (R T S N M X) the number is its words' string id. */
void rec_internals_begin(Recording *r);
void rec_internals_num(Recording *r, char letter, unsigned long long v);
void rec_internals_line(Recording *r, const char *line, size_t n);
/* A line that is a string interned with rec_intern, by its id (a line
 * whose text is the same each step costs no hashing). */
void rec_internals_str(Recording *r, uint32_t id);
/* An entry with a time: letter, the time in hundredths of a second (shown
 * as "1.50", as "%.2f" shows it), a tab, then the words of string id. */
void rec_internals_time(Recording *r, char letter, unsigned long long hundredths, uint32_t id);
void rec_internals_end(Recording *r);
/* Or one section at a time, the others left as they were, for a writer
 * that knows what changed: the list of letter (R, T, P...) as n entries
 * and its count (r, t...; shown false: no count line). An entry is its
 * words' id, with a time or as a whole line (a P line's text). For I,
 * n is 0 and the count is the iteration count. */
typedef struct RecEntry {
    uint32_t id;
    bool line;                    /* the id's text is the whole line */
    bool timed;                   /* "<hundredths as 1.50>\t" before the words */
    unsigned long long hundredths;
} RecEntry;
void rec_internals_section(Recording *r, char letter, const RecEntry *e, size_t n, bool shown,
                           unsigned long long count);
/* A list section that moved like a queue: its first npop entries gone,
 * the n of e appended at its end, and its count. */
void rec_internals_move(Recording *r, char letter, size_t npop, const RecEntry *e, size_t n, bool shown,
                        unsigned long long count);
/* The snapshot as of step s ("" when none was recorded), entries with
 * their words: the calling thread's text, valid until its next call. */
const char *rec_internals_at(const Recording *r, size_t s);

/* A language's own part of the snapshot, kept as its bytes (src/record/
 * states.c): at most one record a step, each the edits from the state of
 * the step before (or, for a keyframe, from nothing), in a format only the
 * language's codec reads. rec_internals_at appends the codec's text for
 * the step after the sections' (Python's primitives: its "P" lines, whose
 * state changes at nearly every step of a queue, stored as a byte or three
 * and written out only when read). The codec's reader state is the
 * calling thread's. */
/* A varint (unsigned LEB128, as the recording writes them) at *p, read
 * no further than end; *p moves past it. */
static inline uint64_t rec_varint_get(const uint8_t **p, const uint8_t *end)
{
    uint64_t v = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 7) {
        uint8_t c = *(*p)++;
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    return v;
}
typedef struct RecStateCodec {
    void (*reset)(void);                                       /* to the empty state */
    const uint8_t *(*apply)(const uint8_t *p, const uint8_t *end); /* one record: where it ends */
    void (*text)(const Recording *r, Buf *out);                /* the lines, each with its '\n' */
} RecStateCodec;
/* Is the record for the last step due to be a keyframe (from nothing)? A
 * record already given for that step keeps its kind. codec: the reader
 * (the first call sets it). */
bool rec_state_key_due(Recording *r, const RecStateCodec *codec);
/* The last step's record, n bytes (0: none), replacing one given for it
 * before. */
void rec_state_put(Recording *r, const uint8_t *p, size_t n, bool key);


/* ---- a recording that grows while it is read (docs/longrun.md) ----
 * The writer calls rec_share before it starts another thread reading, and
 * rec_finish when the run is over. Every function above that changes the
 * recording then takes a mutex; the reader holds the same mutex with
 * rec_lock/rec_unlock for as long as it reads anything (one key, one
 * frame), and reads only the first rec_published() steps. Writes from the
 * writer's own thread need no lock on its reads. */
void rec_share(Recording *r);
void rec_lock(const Recording *r);
void rec_unlock(const Recording *r);
/* Steps a reader may look at: all of them once the run is over; before,
 * all but the last (its task changes may still be coming). Call it with
 * the lock held on a shared recording. */
size_t rec_published(const Recording *r);
/* The writer is done: every step is published. */
void rec_finish(Recording *r);
/* True when nothing more will be written (always, unless shared).
 * Call it with the lock held on a shared recording. */
bool rec_done(const Recording *r);
/* Any thread: ask the writer to stop. It refuses further steps as if the
 * recording were full (the run then ends through its step-limit path). */
void rec_cancel(Recording *r);

/* Title and summary (the scenario's docstring) and its source path. */
void rec_set_info(Recording *r, const char *path, const char *doc);
const char *rec_path(const Recording *r);
const char *rec_doc(const Recording *r);
/* Whose semantics the run followed, for headers and exports: "Python 3.12"
 * (set by the language; "" when it says nothing). Copied; at most 31 bytes. */
void rec_set_runtime(Recording *r, const char *runtime);
const char *rec_runtime(const Recording *r);
/* How the run ended, for exit codes: 0 ok, 1 error/deadlock/limit. */
void rec_set_status(Recording *r, int status, const char *traceback);
int rec_status(const Recording *r);
/* The bytes the recording holds (steps, task histories, strings, side
 * tables: the capacity allocated, not just what is used). For `make bench`'s
 * bytes-per-step figure. */
size_t rec_bytes(const Recording *r);
/* The same bytes table by table, for `bench/bench_size --detail`: fn is
 * called once per table with its name, the bytes in use and the bytes
 * allocated; internals says whether the table belongs to the internals
 * view's snapshots (rec_internals_*). */
typedef void (*RecBytesFn)(void *ctx, const char *table, size_t used, size_t cap, bool internals);
void rec_bytes_detail(const Recording *r, RecBytesFn fn, void *ctx);
const char *rec_traceback(const Recording *r);

#endif
