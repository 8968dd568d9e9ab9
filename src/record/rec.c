/* rec.c: steps, tasks, state histories and interned strings. See rec.h.
 * A shared recording (rec_share) is written on one thread while another
 * reads it: every public function that changes it takes the mutex, and the
 * reader holds the same mutex (rec_lock) for as long as it looks. Writes
 * that touch nothing a reader can see (the step not yet published) still
 * lock, so that reallocating an array never races with a read. A reader
 * waiting for the lock goes before the writer's next write (wlock), or a
 * writer that locks thousands of times a second would starve it. */
#include "rec.h"

#include "../base/base.h"
#include "inside.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* Step texts, captions, log lines and labels are mostly either the same
 * few strings over and over or strings seen once (they hold a time). A
 * direct-mapped cache of recent strings finds the repeats; the rest are
 * stored without a hash-table probe, which on a long run is a cache miss
 * into a table of millions of entries for a string that never comes back.
 * A string stored twice this way just has two ids: ids are read through
 * rec_str, never compared. */
#define RECENT_SLOTS 4096

/* One change of a task's state: 20 bytes. lso packs the line (27 bits),
 * the state (2) and the outcome (3). */
typedef struct Change {
    uint32_t step;
    uint32_t label, chain;
    uint32_t lso;
    uint32_t order;
} Change;

#define CH_LINE_MAX 0x7FFFFFF

/* A step as stored: 16 bytes. kl packs the kind (5 bits), whether its
 * words are the narrator's to make (LAZY) and the line (24 bits). arg is,
 * for a lazy step, where its numbers start in args; else its index in
 * words (caption and log ids). Its time is in the time runs, its t0 (when
 * it is not t) in the t0 list. */
typedef struct PStep {
    uint32_t kl;
    int32_t task;
    uint32_t text;
    uint32_t arg;
} PStep;

enum { KL_KIND = 0x1F, KL_LAZY = 0x20, KL_NOLOG = 0x40, KL_LINE_SHIFT = 8 };
#define KL_LINE_MAX 0xFFFFFF

/* The id a lazy step's caption or log is read by (rec_words): a tag bit,
 * which of the two, and the step. Steps are clamped below 2^30. */
#define LAZY_ID 0x80000000u
#define LAZY_LOG 0x40000000u
#define LAZY_STEP 0x3FFFFFFFu

typedef struct Words {
    uint32_t caption, log;
} Words;

typedef struct T0 {
    uint32_t step;
    double t0;
} T0;

typedef struct RecTask {
    uint32_t name, coro;
    uint32_t created;   /* first step it exists at */
    bool hidden;
    bool named;         /* the program named it: the name is its label */
    uint32_t call;      /* the call as written, or 0 */
    uint32_t base;      /* its label before any clash suffix */
    uint32_t label;     /* its label (rec_task_label) */
    int gprev, gnext;   /* the other visible tasks with the same base label */
    uint32_t gserial;   /* its number among them, for "#k" */
    Change *ch;
    size_t nch, capch;
} RecTask;

typedef struct RecLane {
    uint32_t name;
    LaneKind kind;
    size_t created;
} RecLane;

typedef struct RecJob {
    int lane;
    uint32_t func;
    double t0, t1;
    size_t step0, step1;
    JobStatus status;
} RecJob;

/* The visible tasks that share one base label, as a list through RecTask. */
typedef struct LabelGroup {
    uint32_t base;      /* 0: empty slot */
    int head, tail;
    uint32_t count, serial;
} LabelGroup;

struct Recording {
    PStep *steps;
    Inside *inside;     /* the internals snapshots (inside.c), or NULL */
    size_t nsteps, capsteps, max_steps;
    /* times: the steps at which the clock reads a new time, ascending */
    uint32_t *tstep;
    double *tval;
    size_t ntimes, captimes;
    T0 *t0s;            /* the steps whose t0 is not their t */
    size_t nt0, capt0;
    Words *words;       /* eager steps' captions and logs */
    size_t nwords, capwords;
    uint32_t *args;     /* lazy steps' numbers for the narrator */
    size_t nargs, capargs;
    RecNarrate narrate;
    RecTask *tasks;
    int ntasks, captasks;
    /* string interning: offsets into one pool, hashed */
    char *pool;
    size_t poollen, poolcap;
    uint32_t *strs;     /* id -> pool offset */
    uint32_t *hashes;   /* id -> its string's hash (no rehashing, fewer strcmp) */
    uint32_t nstrs, capstrs;
    uint32_t *hash;     /* open addressing: id+1, 0 empty */
    uint32_t hashcap, ntable;  /* slots, strings in the table */
    uint32_t recent[RECENT_SLOTS];  /* hash -> id of a recently stored string, 0 none */
    RecLane *lanes;
    int nlanes, caplanes;
    RecJob *jobs;
    int njobs, capjobs;
    LabelGroup *groups; /* open addressing on base label id */
    uint32_t ngroups, capgroups;
    char *path, *doc, *traceback;
    char runtime[32];   /* whose semantics the run followed ("Python 3.12"), or "" */
    int status;
    bool full;
    /* sharing with a reader on another thread (rec_share) */
    bool shared;
    bool done;              /* rec_finish: nothing more will be written */
    atomic_bool cancel;     /* rec_cancel: steps are refused from now on */
    atomic_int want;        /* readers waiting for the lock */
    pthread_mutex_t mu;
};

/* The writer's side of the lock: only a shared recording locks. The
 * writer takes and drops the mutex thousands of times a second, and a
 * mutex is not fair: a reader woken by one unlock would mostly find it
 * taken again. So a waiting reader goes first. */
static void wlock(Recording *r)
{
    if (!r->shared)
        return;
    while (atomic_load_explicit(&r->want, memory_order_relaxed))
        sched_yield();
    pthread_mutex_lock(&r->mu);
}

static void wunlock(Recording *r)
{
    if (r->shared)
        pthread_mutex_unlock(&r->mu);
}

/* A string's hash, eight bytes at a time (the strings are log lines and
 * captions of some 40-100 bytes, five or so per step), then a final mix so
 * that the low bits, which index the tables, depend on every byte. *len
 * receives strlen(s). */
static uint32_t str_hash(const char *s, size_t *len)
{
    size_t n = strlen(s);
    *len = n;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    const char *p = s;
    for (; n >= 8; n -= 8, p += 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (uint32_t)h;
}

static void hash_insert(Recording *r, uint32_t id)
{
    uint32_t mask = r->hashcap - 1;
    uint32_t i = r->hashes[id] & mask;
    while (r->hash[i])
        i = (i + 1) & mask;
    r->hash[i] = id + 1;
}

/* Append s (len bytes and its NUL, hash h) to the pool: its new id. */
static uint32_t pool_add(Recording *r, const char *s, size_t len, uint32_t h)
{
    size_t n = len + 1;
    while (r->poollen + n > r->poolcap) {
        r->poolcap *= 2;
        r->pool = xrealloc(r->pool, r->poolcap);
    }
    memcpy(r->pool + r->poollen, s, n);
    if (r->nstrs == r->capstrs) {
        r->capstrs *= 2;
        r->strs = xrealloc(r->strs, r->capstrs * sizeof(uint32_t));
        r->hashes = xrealloc(r->hashes, r->capstrs * sizeof(uint32_t));
    }
    uint32_t id = r->nstrs++;
    r->strs[id] = (uint32_t)r->poollen;
    r->hashes[id] = h;
    r->poollen += n;
    return id;
}

/* Is string id s (len bytes, hash h)? */
static bool str_is(const Recording *r, uint32_t id, uint32_t h, const char *s, size_t len)
{
    return r->hashes[id] == h && memcmp(r->pool + r->strs[id], s, len + 1) == 0;
}

/* The id of s: the same id for the same content, always. */
static uint32_t intern(Recording *r, const char *s)
{
    if (!s || !*s)
        return 0;
    size_t len;
    uint32_t h = str_hash(s, &len);
    uint32_t mask = r->hashcap - 1;
    uint32_t i = h & mask;
    while (r->hash[i]) {
        if (str_is(r, r->hash[i] - 1, h, s, len))
            return r->hash[i] - 1;
        i = (i + 1) & mask;
    }
    uint32_t id = pool_add(r, s, len, h);
    if (++r->ntable * 2 > r->hashcap) {
        uint32_t *old = r->hash, oldcap = r->hashcap;
        r->hashcap *= 2;
        r->hash = xcalloc(r->hashcap, sizeof(uint32_t));
        for (uint32_t k = 0; k < oldcap; k++)
            if (old[k])
                hash_insert(r, old[k] - 1);
        xfree(old);
    }
    hash_insert(r, id);
    return id;
}

/* The id of a step's or a change's string: a recent equal string's, or a
 * new one (see RECENT_SLOTS). */
static uint32_t store(Recording *r, const char *s)
{
    if (!s || !*s)
        return 0;
    size_t len;
    uint32_t h = str_hash(s, &len);
    uint32_t *slot = &r->recent[h & (RECENT_SLOTS - 1)];
    if (*slot && str_is(r, *slot, h, s, len))
        return *slot;
    *slot = pool_add(r, s, len, h);
    return *slot;
}

uint32_t rec_intern(Recording *r, const char *s)
{
    wlock(r);
    uint32_t id = intern(r, s);
    wunlock(r);
    return id;
}

const char *rec_str(const Recording *r, uint32_t id)
{
    return id < r->nstrs ? r->pool + r->strs[id] : "";
}

Recording *rec_new(size_t max_steps)
{
    Recording *r = xcalloc(1, sizeof *r);
    r->max_steps = max_steps ? max_steps : (size_t)-1;
    if (r->max_steps > LAZY_STEP) /* lazy ids name the step in 30 bits */
        r->max_steps = LAZY_STEP;
    r->capsteps = 256;
    r->steps = xmalloc(r->capsteps * sizeof(PStep));
    r->poolcap = 4096;
    r->pool = xmalloc(r->poolcap);
    r->pool[0] = '\0';
    r->poollen = 1;
    r->capstrs = 256;
    r->strs = xmalloc(r->capstrs * sizeof(uint32_t));
    r->strs[0] = 0;
    r->hashes = xmalloc(r->capstrs * sizeof(uint32_t));
    r->hashes[0] = 0;
    r->nstrs = 1;
    r->hashcap = 1024;
    r->hash = xcalloc(r->hashcap, sizeof(uint32_t));
    return r;
}

void rec_free(Recording *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->ntasks; i++)
        xfree(r->tasks[i].ch);
    xfree(r->tasks);
    xfree(r->groups);
    xfree(r->lanes);
    xfree(r->jobs);
    xfree(r->steps);
    xfree(r->tstep);
    xfree(r->tval);
    xfree(r->t0s);
    xfree(r->words);
    xfree(r->args);
    inside_free(r->inside);
    xfree(r->pool);
    xfree(r->strs);
    xfree(r->hashes);
    xfree(r->hash);
    xfree(r->path);
    xfree(r->doc);
    xfree(r->traceback);
    if (r->shared)
        pthread_mutex_destroy(&r->mu);
    xfree(r);
}

/* ------------------------------------------------------------ labels
 * A task's base label is its given name, else its call, else its name.
 * Tasks with the same base label form a group; while a group has more than
 * one task, each one's label carries its asyncio name (or "#k"). Joining
 * and leaving touch at most the task and the group's first member, so a
 * run of many same-named tasks stays linear. */

static LabelGroup *group_slot(Recording *r, uint32_t base, bool add)
{
    if (add && (r->ngroups + 1) * 2 > r->capgroups) {
        uint32_t oldcap = r->capgroups;
        LabelGroup *old = r->groups;
        r->capgroups = oldcap ? oldcap * 2 : 64;
        r->groups = xcalloc(r->capgroups, sizeof *r->groups);
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i].base) {
                uint32_t j = old[i].base * 2654435761u & (r->capgroups - 1);
                while (r->groups[j].base)
                    j = (j + 1) & (r->capgroups - 1);
                r->groups[j] = old[i];
            }
        xfree(old);
    }
    if (!r->capgroups)
        return NULL;
    uint32_t mask = r->capgroups - 1, j = base * 2654435761u & mask;
    while (r->groups[j].base && r->groups[j].base != base)
        j = (j + 1) & mask;
    if (r->groups[j].base)
        return &r->groups[j];
    if (!add)
        return NULL;
    r->ngroups++;
    r->groups[j] = (LabelGroup){.base = base, .head = -1, .tail = -1};
    return &r->groups[j];
}

static bool made_up_name(const char *s)
{
    if (strncmp(s, "Task-", 5) != 0 || !s[5])
        return false;
    for (s += 5; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Set t's label from its base and whether its group clashes. */
static void label_set(Recording *r, int id, bool clash)
{
    RecTask *t = &r->tasks[id];
    if (!clash) {
        t->label = t->base;
        return;
    }
    const char *base = rec_str(r, t->base), *name = rec_str(r, t->name);
    Buf b;
    buf_init(&b);
    if (!t->named && made_up_name(name))
        buf_printf(&b, "%s (%s)", base, name);
    else
        buf_printf(&b, "%s #%u", base, t->gserial);
    t->label = intern(r, b.s); /* the lock is held (label_join/label_leave) */
    buf_free(&b);
}

static void label_join(Recording *r, int id)
{
    RecTask *t = &r->tasks[id];
    t->base = t->named ? t->name : t->call;
    if (!t->base) /* no call recorded: a made-up name says less than the coroutine */
        t->base = t->coro && (!t->name || made_up_name(rec_str(r, t->name))) ? t->coro : t->name;
    t->label = t->base;
    if (t->hidden || !t->base)
        return;
    LabelGroup *g = group_slot(r, t->base, true);
    t->gserial = ++g->serial;
    t->gprev = g->tail;
    t->gnext = -1;
    if (g->tail >= 0)
        r->tasks[g->tail].gnext = id;
    else
        g->head = id;
    g->tail = id;
    if (++g->count == 2)
        label_set(r, g->head, true);
    label_set(r, id, g->count > 1);
}

static void label_leave(Recording *r, int id)
{
    RecTask *t = &r->tasks[id];
    LabelGroup *g = t->hidden || !t->base ? NULL : group_slot(r, t->base, false);
    if (!g)
        return;
    if (t->gprev >= 0)
        r->tasks[t->gprev].gnext = t->gnext;
    else
        g->head = t->gnext;
    if (t->gnext >= 0)
        r->tasks[t->gnext].gprev = t->gprev;
    else
        g->tail = t->gprev;
    t->gprev = t->gnext = -1;
    if (t->gserial == g->serial) /* leaving just after joining (a call recorded): keep its number */
        g->serial--;
    if (--g->count == 1)
        label_set(r, g->head, false);
}

void rec_share(Recording *r)
{
    if (r->shared)
        return;
    pthread_mutex_init(&r->mu, NULL);
    atomic_init(&r->want, 0);
    r->shared = true;
}

void rec_lock(const Recording *r)
{
    if (!r->shared)
        return;
    Recording *w = (Recording *)r;
    atomic_fetch_add(&w->want, 1);
    pthread_mutex_lock(&w->mu);
    atomic_fetch_sub(&w->want, 1);
}

void rec_unlock(const Recording *r)
{
    if (r->shared)
        pthread_mutex_unlock(&((Recording *)r)->mu);
}

void rec_finish(Recording *r)
{
    wlock(r);
    r->done = true;
    wunlock(r);
}

bool rec_done(const Recording *r)
{
    return !r->shared || r->done;
}

void rec_cancel(Recording *r)
{
    atomic_store(&r->cancel, true);
}

size_t rec_published(const Recording *r)
{
    /* the last step is still being filled in (its task changes come
     * after it) until the next step begins or the run ends */
    if (r->shared && !r->done && r->nsteps)
        return r->nsteps - 1;
    return r->nsteps;
}

int rec_task_new(Recording *r, const char *name, const char *coro, bool hidden)
{
    wlock(r);
    if (r->ntasks == r->captasks) {
        r->captasks = r->captasks ? r->captasks * 2 : 16;
        r->tasks = xrealloc(r->tasks, (size_t)r->captasks * sizeof(RecTask));
    }
    RecTask *t = &r->tasks[r->ntasks];
    memset(t, 0, sizeof *t);
    t->name = intern(r, name);
    t->coro = intern(r, coro);
    t->hidden = hidden;
    t->created = (uint32_t)(r->nsteps ? r->nsteps - 1 : 0);
    t->gprev = t->gnext = -1;
    int id = r->ntasks++;
    label_join(r, id);
    wunlock(r);
    return id;
}

/* A task's name or call changes (NULL: keep it): it leaves its label's
 * group and joins the new one. */
static void task_relabel(Recording *r, int task, const char *name, const char *call, bool named)
{
    wlock(r);
    if (task >= 0 && task < r->ntasks) {
        label_leave(r, task);
        RecTask *t = &r->tasks[task];
        if (name)
            t->name = intern(r, name);
        if (call)
            t->call = intern(r, call);
        t->named = named;
        label_join(r, task);
    }
    wunlock(r);
}

void rec_task_rename(Recording *r, int task, const char *name) { task_relabel(r, task, name, NULL, true); }

void rec_task_call(Recording *r, int task, const char *call, bool named)
{
    task_relabel(r, task, NULL, call ? call : "", named);
}

const char *rec_task_label(const Recording *r, int task)
{
    return task >= 0 && task < r->ntasks ? rec_str(r, r->tasks[task].label) : "";
}

/* ------------------------------------------------ references to tasks */

enum { REF_OPEN = 1, REF_CLOSE = 2 }; /* \1 id \2; \1\2 is a literal \1 */

void rec_put_ref(Buf *b, int task)
{
    buf_putc(b, REF_OPEN);
    if (task < 0) {
        buf_putc(b, '-');
        buf_put_uint(b, (unsigned long long)-(long long)task);
    } else {
        buf_put_uint(b, (unsigned long long)task);
    }
    buf_putc(b, REF_CLOSE);
}

void rec_put_text(Buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        buf_putc(b, s[i]);
        if (s[i] == REF_OPEN)
            buf_putc(b, REF_CLOSE);
    }
}

const char *rec_words_s(const Recording *r, const char *s, Buf *scratch)
{
    if (!s || !strchr(s, REF_OPEN))
        return s ? s : "";
    if (!scratch->s)
        buf_init(scratch); /* a zeroed (static) Buf works too */
    buf_clear(scratch);
    while (*s) {
        if (*s != REF_OPEN) {
            buf_putc(scratch, *s++);
            continue;
        }
        s++;
        if (*s == REF_CLOSE) {
            buf_putc(scratch, REF_OPEN);
            s++;
            continue;
        }
        long id = 0;
        bool digits = false;
        while (*s >= '0' && *s <= '9' && id < 100000000) {
            id = id * 10 + (*s++ - '0');
            digits = true;
        }
        if (*s != REF_CLOSE || !digits) /* not a reference: drop it */
            continue;
        s++;
        buf_puts(scratch, rec_task_label(r, (int)id));
    }
    return scratch->s;
}

const char *rec_words(const Recording *r, uint32_t id, Buf *scratch)
{
    if (!(id & LAZY_ID) || !r->narrate)
        return rec_words_s(r, rec_str(r, id), scratch);
    /* a lazy step's words: the narrator makes them now, from its numbers */
    static _Thread_local Buf raw;
    if (!raw.s)
        buf_init(&raw);
    buf_clear(&raw);
    size_t step = id & LAZY_STEP;
    if (step < r->nsteps)
        r->narrate(r, step, (id & LAZY_LOG) ? REC_LOG : REC_CAPTION, &raw);
    const char *w = rec_words_s(r, raw.s, scratch);
    if (w == raw.s) { /* no references: still the caller's scratch, as promised */
        if (!scratch->s)
            buf_init(scratch);
        buf_clear(scratch);
        buf_putn(scratch, raw.s, raw.len);
        w = scratch->s;
    }
    /* a long caption once read must not keep its memory on this thread */
    if (raw.cap > 4096) {
        buf_free(&raw);
        raw = (Buf){0};
    }
    return w;
}

bool rec_full(const Recording *r)
{
    return r->full;
}

/* Room for one more step, and for the side tables that grow with it. */
static bool step_room(Recording *r, StepKind kind)
{
    /* the events that end a run always fit, so a full recording still says why it stopped */
    bool final = kind == SK_END || kind == SK_ERROR || kind == SK_DEADLOCK || kind == SK_LIMIT ||
                 kind == SK_UNHANDLED;
    /* a reader that gave up on the run (rec_cancel) stops it as a full recording would */
    bool stop = r->nsteps >= r->max_steps || (r->shared && atomic_load_explicit(&r->cancel, memory_order_relaxed));
    if (stop && !final) {
        r->full = true;
        return false;
    }
    if (r->nsteps == r->capsteps) {
        r->capsteps *= 2;
        r->steps = xrealloc(r->steps, r->capsteps * sizeof(PStep));
    }
    return true;
}

/* Append step number r->nsteps at time t (the lock is held). */
static void step_add(Recording *r, StepKind kind, double t, int task, int line, uint32_t text, bool lazy,
                     uint32_t arg)
{
    if (!r->ntimes || r->tval[r->ntimes - 1] != t) {
        if (r->ntimes == r->captimes) {
            r->captimes = r->captimes ? r->captimes * 2 : 64;
            r->tstep = xrealloc(r->tstep, r->captimes * sizeof(uint32_t));
            r->tval = xrealloc(r->tval, r->captimes * sizeof(double));
        }
        r->tstep[r->ntimes] = (uint32_t)r->nsteps;
        r->tval[r->ntimes++] = t;
    }
    uint32_t l = line < 0 ? 0 : line > KL_LINE_MAX ? KL_LINE_MAX : (uint32_t)line;
    r->steps[r->nsteps] = (PStep){
        .kl = (uint32_t)kind | (lazy ? KL_LAZY : 0) | l << KL_LINE_SHIFT, .task = task, .text = text, .arg = arg,
    };
    r->nsteps++;
}

bool rec_step(Recording *r, StepKind kind, double t, int task, int line, const char *text, const char *caption,
              const char *log)
{
    wlock(r);
    if (!step_room(r, kind)) {
        wunlock(r);
        return false;
    }
    if (r->nwords == r->capwords) {
        r->capwords = r->capwords ? r->capwords * 2 : 64;
        r->words = xrealloc(r->words, r->capwords * sizeof(Words));
    }
    r->words[r->nwords] = (Words){store(r, caption), store(r, log)};
    step_add(r, kind, t, task, line, store(r, text), false, (uint32_t)r->nwords++);
    wunlock(r);
    return true;
}

bool rec_step_lazy(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                   const uint32_t *args, size_t nargs)
{
    return rec_step_lazy_as(r, kind, t, task, line, text, args, nargs, true);
}

bool rec_step_lazy_as(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                      const uint32_t *args, size_t nargs, bool log)
{
    wlock(r);
    if (!step_room(r, kind)) {
        wunlock(r);
        return false;
    }
    while (r->nargs + nargs > r->capargs) {
        r->capargs = r->capargs ? r->capargs * 2 : 256;
        r->args = xrealloc(r->args, r->capargs * sizeof(uint32_t));
    }
    uint32_t at = (uint32_t)r->nargs;
    if (nargs)
        memcpy(r->args + at, args, nargs * sizeof(uint32_t));
    r->nargs += nargs;
    step_add(r, kind, t, task, line, store(r, text), true, at);
    if (!log)
        r->steps[r->nsteps - 1].kl |= KL_NOLOG;
    wunlock(r);
    return true;
}

void rec_set_narrator(Recording *r, RecNarrate fn)
{
    wlock(r);
    r->narrate = fn;
    wunlock(r);
}

const uint32_t *rec_step_args(const Recording *r, size_t i)
{
    static const uint32_t none[8];
    if (i >= r->nsteps || !(r->steps[i].kl & KL_LAZY))
        return none;
    return r->args + r->steps[i].arg;
}

uint32_t rec_store(Recording *r, const char *s)
{
    wlock(r);
    uint32_t id = store(r, s);
    wunlock(r);
    return id;
}

/* ------------------------------------------------ internals snapshots
 * Stored by inside.c as what changed from one step's snapshot to the next.
 * The lines are given to the writer's own next snapshot without the lock;
 * only the end, which stores, takes it. */

static Inside *inside_of(Recording *r)
{
    if (!r->inside)
        r->inside = inside_new();
    return r->inside;
}

void rec_internals_begin(Recording *r) { inside_begin(inside_of(r)); }

/* The letters whose number is a string id: an entry's words. */
static bool is_ref_letter(char letter) { return letter && strchr("RTSNMX", letter); }

void rec_internals_num(Recording *r, char letter, unsigned long long v)
{
    InLine l = {.kind = IL_NUM, .letter = letter, .v = v};
    if (is_ref_letter(letter) && v <= UINT32_MAX)
        l = (InLine){.kind = IL_REF, .letter = letter, .id = (uint32_t)v};
    inside_add(inside_of(r), l);
}

void rec_internals_str(Recording *r, uint32_t id)
{
    inside_add(inside_of(r), (InLine){.kind = IL_LINE, .letter = rec_str(r, id)[0], .id = id});
}

void rec_internals_time(Recording *r, char letter, unsigned long long hundredths, uint32_t id)
{
    inside_add(inside_of(r), (InLine){.kind = IL_TIME, .letter = letter, .id = id, .v = hundredths});
}

void rec_internals_line(Recording *r, const char *line, size_t n)
{
    /* a letter and a number (no leading zero) is a number line */
    if (n >= 2 && n <= 20 && strchr("IRrTtSsNnMmXx", line[0]) && line[1] != '0') {
        unsigned long long v = 0;
        size_t i = 1;
        while (i < n && line[i] >= '0' && line[i] <= '9')
            v = v * 10 + (unsigned long long)(line[i++] - '0');
        if (i == n) {
            rec_internals_num(r, line[0], v);
            return;
        }
    }
    char *text = xmalloc(n + 1);
    memcpy(text, line, n);
    text[n] = '\0';
    uint32_t id = rec_store(r, text); /* equal lines from step to step share an id (store's recent strings) */
    xfree(text);
    rec_internals_str(r, id);
}

void rec_internals_end(Recording *r)
{
    wlock(r);
    if (r->nsteps)
        inside_end(inside_of(r), r->nsteps - 1);
    wunlock(r);
}

/* Entries as inside.c keeps them (at most 64). */
static size_t in_lines(char letter, const RecEntry *e, size_t n, InLine *l)
{
    if (n > 64)
        n = 64;
    for (size_t i = 0; i < n; i++)
        l[i] = (InLine){.kind = e[i].line ? IL_LINE : e[i].timed ? IL_TIME : IL_REF,
                        .letter = e[i].line ? 'P' : letter, .id = e[i].id, .v = e[i].hundredths};
    return n;
}

void rec_internals_section(Recording *r, char letter, const RecEntry *e, size_t n, bool shown,
                           unsigned long long count)
{
    InLine l[64];
    n = in_lines(letter, e, n, l);
    wlock(r);
    if (r->nsteps)
        inside_section(inside_of(r), r->nsteps - 1, letter, l, n, shown, count);
    wunlock(r);
}

void rec_internals_move(Recording *r, char letter, size_t npop, const RecEntry *e, size_t n, bool shown,
                        unsigned long long count)
{
    InLine l[64];
    n = in_lines(letter, e, n, l);
    wlock(r);
    if (r->nsteps)
        inside_move(inside_of(r), r->nsteps - 1, letter, npop, l, n, shown, count);
    wunlock(r);
}

void rec_set_internals(Recording *r, const char *snapshot)
{
    rec_internals_begin(r);
    for (const char *p = snapshot; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        rec_internals_line(r, p, len);
        p += len + (nl != NULL);
    }
    rec_internals_end(r);
}

const char *rec_internals_at(const Recording *r, size_t s)
{
    return s < r->nsteps ? inside_at(r->inside, r, s) : "";
}

void rec_set_t0(Recording *r, double t0)
{
    wlock(r);
    if (r->nsteps) {
        uint32_t last = (uint32_t)(r->nsteps - 1);
        if (r->nt0 && r->t0s[r->nt0 - 1].step == last) {
            r->t0s[r->nt0 - 1].t0 = t0;
        } else {
            if (r->nt0 == r->capt0) {
                r->capt0 = r->capt0 ? r->capt0 * 2 : 64;
                r->t0s = xrealloc(r->t0s, r->capt0 * sizeof(T0));
            }
            r->t0s[r->nt0++] = (T0){last, t0};
        }
    }
    wunlock(r);
}

static void change_add(Recording *r, int task, TaskState st, Outcome out, uint32_t label, uint32_t chain, int line,
                       uint32_t order);

void rec_task_set(Recording *r, int task, TaskState st, Outcome out, const char *label, const char *chain,
                  int line, uint32_t order)
{
    if (task < 0 || task >= r->ntasks)
        return;
    wlock(r);
    change_add(r, task, st, out, store(r, label), store(r, chain), line, order);
    wunlock(r);
}

void rec_task_set_id(Recording *r, int task, TaskState st, Outcome out, uint32_t label, const char *chain, int line,
                     uint32_t order)
{
    if (task < 0 || task >= r->ntasks)
        return;
    wlock(r);
    change_add(r, task, st, out, label, store(r, chain), line, order);
    wunlock(r);
}

/* Record a change of task in the last step (the lock is held). */
static void change_add(Recording *r, int task, TaskState st, Outcome out, uint32_t label, uint32_t chain, int line,
                       uint32_t order)
{
    RecTask *t = &r->tasks[task];
    uint32_t step = (uint32_t)(r->nsteps ? r->nsteps - 1 : 0);
    uint32_t l = line < 0 ? 0 : line > CH_LINE_MAX ? CH_LINE_MAX : (uint32_t)line;
    Change c = {step, label, chain, l << 5 | (uint32_t)st << 3 | (uint32_t)out, order};
    if (t->nch && t->ch[t->nch - 1].step == step) {
        t->ch[t->nch - 1] = c; /* several changes in one step: keep the last */
    } else {
        if (t->nch == t->capch) {
            t->capch = t->capch ? t->capch * 2 : 4;
            t->ch = xrealloc(t->ch, t->capch * sizeof(Change));
        }
        t->ch[t->nch++] = c;
    }
}

size_t rec_nsteps(const Recording *r) { return r->nsteps; }
/* The time run step i is in: the last k with tstep[k] <= i. Walks from
 * the run the last call on this thread found, since readers mostly go
 * step by step. */
static double time_at(const Recording *r, size_t i)
{
    static _Thread_local const Recording *last_r;
    static _Thread_local size_t last_k;
    size_t n = r->ntimes, k = last_r == r && last_k < n ? last_k : 0;
    if (!n)
        return 0;
    if (r->tstep[k] <= i && (k + 1 == n || r->tstep[k + 1] > i)) {
        /* the same run */
    } else if (k + 1 < n && r->tstep[k + 1] <= i && (k + 2 == n || r->tstep[k + 2] > i)) {
        k++;
    } else {
        size_t lo = 0, hi = n;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (r->tstep[mid] <= i)
                lo = mid;
            else
                hi = mid;
        }
        k = lo;
    }
    last_r = r;
    last_k = k;
    return r->tval[k];
}

static double t0_at(const Recording *r, size_t i, double t)
{
    size_t lo = 0, hi = r->nt0;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (r->t0s[mid].step < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nt0 && r->t0s[lo].step == i ? r->t0s[lo].t0 : t;
}

/* Steps are read out of their packed form into a small ring per thread:
 * see rec_step_at's contract. */
enum { STEP_RING = 64 };

const Step *rec_step_at(const Recording *r, size_t i)
{
    static _Thread_local Step ring[STEP_RING];
    static _Thread_local unsigned next;
    if (i >= r->nsteps)
        return NULL;
    const PStep *p = &r->steps[i];
    Step *s = &ring[next++ % STEP_RING];
    double t = time_at(r, i);
    StepKind kind = (StepKind)(p->kl & KL_KIND);
    *s = (Step){
        .t = t, .t0 = (kind == SK_CLOCK || kind == SK_BLOCK) && r->nt0 ? t0_at(r, i, t) : t,
        .kind = (uint8_t)kind, .task = p->task, .line = (int32_t)(p->kl >> KL_LINE_SHIFT), .text = p->text,
    };
    if (p->kl & KL_LAZY) {
        s->caption = LAZY_ID | (uint32_t)i;
        s->log = p->kl & KL_NOLOG ? 0 : LAZY_ID | LAZY_LOG | (uint32_t)i;
    } else {
        s->caption = r->words[p->arg].caption;
        s->log = r->words[p->arg].log;
    }
    return s;
}
int rec_ntasks(const Recording *r) { return r->ntasks; }

bool rec_task_at(const Recording *r, int id, size_t s, TaskView *out)
{
    if (id < 0 || id >= r->ntasks)
        return false;
    const RecTask *t = &r->tasks[id];
    if (!t->nch || t->ch[0].step > s)
        return false;
    size_t lo = 0, hi = t->nch; /* last change with step <= s */
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (t->ch[mid].step <= s)
            lo = mid;
        else
            hi = mid;
    }
    const Change *c = &t->ch[lo];
    *out = (TaskView){
        .id = id, .who = rec_str(r, t->label), .name = rec_str(r, t->name), .coro = rec_str(r, t->coro), .state = (TaskState)(c->lso >> 3 & 3),
        .outcome = (Outcome)(c->lso & 7), .label = rec_str(r, c->label), .chain = rec_str(r, c->chain),
        .line = (int)(c->lso >> 5), .order = c->order, .since = c->step, .created = t->ch[0].step, .hidden = t->hidden,
    };
    return true;
}

size_t rec_task_nchanges(const Recording *r, int id)
{
    return id >= 0 && id < r->ntasks ? r->tasks[id].nch : 0;
}

size_t rec_task_change_step(const Recording *r, int id, size_t k)
{
    return k < rec_task_nchanges(r, id) ? r->tasks[id].ch[k].step : 0;
}

int rec_lane(Recording *r, const char *name, LaneKind kind)
{
    wlock(r);
    uint32_t id = intern(r, name);
    int lane = 0;
    while (lane < r->nlanes && !(r->lanes[lane].name == id && r->lanes[lane].kind == kind))
        lane++;
    if (lane == r->nlanes) {
        if (r->nlanes == r->caplanes) {
            r->caplanes = r->caplanes ? r->caplanes * 2 : 8;
            r->lanes = xrealloc(r->lanes, (size_t)r->caplanes * sizeof(RecLane));
        }
        r->lanes[r->nlanes++] = (RecLane){id, kind, r->nsteps ? r->nsteps - 1 : 0};
    }
    wunlock(r);
    return lane;
}

int rec_nlanes(const Recording *r) { return r->nlanes; }

const char *rec_lane_name(const Recording *r, int lane)
{
    return lane >= 0 && lane < r->nlanes ? rec_str(r, r->lanes[lane].name) : "";
}

size_t rec_lane_step(const Recording *r, int lane)
{
    return lane >= 0 && lane < r->nlanes ? r->lanes[lane].created : 0;
}

LaneKind rec_lane_kind(const Recording *r, int lane)
{
    return lane >= 0 && lane < r->nlanes ? r->lanes[lane].kind : LANE_THREAD;
}

int rec_job_new(Recording *r, int lane, const char *func, double t0, double t1)
{
    wlock(r);
    if (r->njobs == r->capjobs) {
        r->capjobs = r->capjobs ? r->capjobs * 2 : 16;
        r->jobs = xrealloc(r->jobs, (size_t)r->capjobs * sizeof(RecJob));
    }
    r->jobs[r->njobs] = (RecJob){lane, intern(r, func), t0, t1, r->nsteps ? r->nsteps - 1 : 0, SIZE_MAX,
                                 JOB_RUNNING};
    int id = r->njobs++;
    wunlock(r);
    return id;
}

void rec_job_end(Recording *r, int job, JobStatus status)
{
    if (job < 0 || job >= r->njobs)
        return;
    wlock(r);
    r->jobs[job].step1 = r->nsteps ? r->nsteps - 1 : 0;
    r->jobs[job].status = status;
    wunlock(r);
}

int rec_njobs(const Recording *r) { return r->njobs; }

bool rec_job_at(const Recording *r, int job, JobView *out)
{
    if (job < 0 || job >= r->njobs)
        return false;
    const RecJob *j = &r->jobs[job];
    *out = (JobView){j->lane, rec_str(r, j->func), j->t0, j->t1, j->step0, j->step1, j->status};
    return true;
}

void rec_set_info(Recording *r, const char *path, const char *doc)
{
    wlock(r);
    xfree(r->path);
    xfree(r->doc);
    r->path = xstrdup(path ? path : "");
    r->doc = xstrdup(doc ? doc : "");
    wunlock(r);
}

const char *rec_path(const Recording *r) { return r->path ? r->path : ""; }
const char *rec_doc(const Recording *r) { return r->doc ? r->doc : ""; }

void rec_set_runtime(Recording *r, const char *runtime)
{
    wlock(r);
    snprintf(r->runtime, sizeof r->runtime, "%s", runtime ? runtime : "");
    wunlock(r);
}

const char *rec_runtime(const Recording *r) { return r->runtime; }

void rec_set_status(Recording *r, int status, const char *traceback)
{
    wlock(r);
    r->status = status;
    xfree(r->traceback);
    r->traceback = traceback ? xstrdup(traceback) : NULL;
    wunlock(r);
}

int rec_status(const Recording *r) { return r->status; }
const char *rec_traceback(const Recording *r) { return r->traceback ? r->traceback : ""; }

size_t rec_bytes(const Recording *r)
{
    size_t n = sizeof *r + r->capsteps * sizeof(PStep) + inside_bytes(r->inside);
    n += r->captimes * (sizeof(uint32_t) + sizeof(double)) + r->capt0 * sizeof(T0);
    n += r->capwords * sizeof(Words) + r->capargs * sizeof(uint32_t);
    n += (size_t)r->captasks * sizeof(RecTask);
    for (int i = 0; i < r->ntasks; i++)
        n += r->tasks[i].capch * sizeof(Change);
    n += r->poolcap + (size_t)r->capstrs * 2 * sizeof(uint32_t) + (size_t)r->hashcap * sizeof(uint32_t);
    n += (size_t)r->caplanes * sizeof(RecLane) + (size_t)r->capjobs * sizeof(RecJob);
    n += (size_t)r->capgroups * sizeof(LabelGroup);
    return n;
}
