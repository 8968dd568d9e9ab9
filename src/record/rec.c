/* rec.c: steps, tasks, state histories and interned strings. See rec.h.
 * A shared recording (rec_share) is written on one thread while another
 * reads it: every public function that changes it takes the mutex, and the
 * reader holds the same mutex (rec_lock) for as long as it looks. Writes
 * that touch nothing a reader can see (the step not yet published) still
 * lock, so that growing a table never races with a read. A reader
 * waiting for the lock goes before the writer's next write (wlock), or a
 * writer that locks thousands of times a second would starve it. A
 * reader may write too: a label kept as a number (rec_store_label) is
 * written out into the pool the first time it is read, under the lock.
 *
 * Storage (docs/perf.md): the big tables grow a 64 KiB block at a time
 * (chunk.h), never copied; a step is 8 bytes plus a few bytes of
 * differences (its text, numbers, caption and log ids); a task's changes
 * are differences in pooled blocks (hist.c). */
#include "rec.h"

#include "../base/base.h"
#include "chunk.h"
#include "hist.h"
#include "hist_enc.h"
#include "inside.h"
#include "states.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>

/* Step texts, captions, log lines and labels are mostly either the same
 * few strings over and over or strings seen once (they hold a time). A
 * direct-mapped cache of recent strings finds the repeats; the rest are
 * stored without a hash-table probe, which on a long run is a cache miss
 * into a table of millions of entries for a string that never comes back.
 * A string stored twice this way just has two ids: ids are read through
 * rec_str, never compared. */
#define RECENT_SLOTS 4096
#define NUM_RECENT 1024

#define CH_LINE_MAX 0x7FFFFFF

/* A step as stored: 4 bytes. kl packs the kind (5 bits), whether its words
 * are the narrator's to make (LAZY) and it has none for the log (NOLOG),
 * whether its t0 is the step before's time (T0PREV), whether it has a
 * text (TEXT), whether a lazy step's numbers are all those of the last
 * step of its kind in its group of steps (SAME: none in its bytes), whether
 * its line is the last one of its group (SAMELINE: not in them), and the task (20
 * bits: 0 none, k + 1 task k, KL_TASK_BYTES: in the step's bytes, for a
 * task past a million or an id no narrator gives). Its line is in the
 * step's bytes (a line is mostly the one before: a byte), its time in the
 * time runs, its other t0s in the t0 list. */
typedef struct PStep {
    uint32_t kl;
} PStep;

enum {
    KL_KIND = 0x1F, KL_LAZY = 0x20, KL_NOLOG = 0x40, KL_T0PREV = 0x80, KL_TEXT = 0x100,
    KL_SAME = 0x200, KL_NARGS = 7, /* a lazy step keeps at most 7 numbers */
    KL_SAMELINE = 0x400, /* its line is the last nonzero one of its group: not in its bytes */
    KL_TASK_SHIFT = 12, KL_TASK_BYTES = 0xFFFFF
};
#define KL_LINE_MAX 0xFFFFF

/* The id a lazy step's caption or log is read by (rec_words): a tag bit,
 * which of the two, and the step. Steps are clamped below 2^30. */
#define LAZY_ID 0x80000000u
#define LAZY_LOG 0x40000000u
#define LAZY_STEP 0x3FFFFFFFu

/* ---- a step's bytes: its line, its task when kl cannot hold it, its
 * text (when it has one), then a lazy step's
 * numbers (as many as its kl says) or an eager step's caption and log. Each
 * number is a varint of its difference from the last nonzero number in
 * the same place (0 is 0; a lazy number's place is its step kind's: SbCtx), so string ids just stored and times that move
 * a little cost a byte or two. The places start again from zero every
 * SB_GROUP steps, whose bytes' offset is kept (ck): reading step i decodes
 * at most SB_GROUP - 1 steps before it, and a reader walking forward
 * decodes each step once (its thread's cursor). A step's bytes never
 * straddle two blocks: one that might not fit starts the next block. */
enum { SB_GROUP = 64, SB_ARGS = 8, SB_TEXT = SB_ARGS, SB_CAPTION, SB_LOG, SB_LINE, SB_TASK, SB_PLACES,
       SB_MAX = 2 + 13 * 5, SB_KINDS = SK_KIND_COUNT };

/* What a step's bytes are written against, from the start of its group.
 * A lazy step's numbers are told against the last ones of the same step
 * kind (a task resumes with the same numbers over and over, and a
 * wake-up's are far from the suspend's between them): a byte with a bit
 * for each number that is not the same as there, then those numbers, each
 * against the last nonzero one in its place for that kind; none at all
 * when every one is the same (KL_SAME). A kind's rows are zeroed when it
 * is first met in a group (kgroup: the group's number + 1). */
typedef struct SbCtx {
    uint32_t at[SB_PLACES];
    size_t group;                       /* the group's number + 1 */
    size_t kgroup[SB_KINDS];
    uint32_t last[SB_KINDS][SB_ARGS];   /* each kind's last numbers */
    uint32_t nz[SB_KINDS][SB_ARGS];     /* and its last nonzero ones */
    uint8_t lastn[SB_KINDS];            /* the writer's: last[kind] is zero from here on */
} SbCtx;

/* ctx's rows for kind, zeroed when it is the first of its kind in the group. */
static uint32_t *sb_kind(SbCtx *ctx, unsigned kind)
{
    if (ctx->kgroup[kind] != ctx->group) {
        ctx->kgroup[kind] = ctx->group;
        memset(ctx->last[kind], 0, sizeof ctx->last[kind]);
        memset(ctx->nz[kind], 0, sizeof ctx->nz[kind]);
        ctx->lastn[kind] = 0;
    }
    return ctx->last[kind];
}

/* Start a group's places: group is its number. */
static void sb_group(SbCtx *ctx, size_t group)
{
    memset(ctx->at, 0, sizeof ctx->at);
    ctx->group = group + 1;
}

typedef struct StepBytes {
    uint32_t line, task; /* task: only when kl says KL_TASK_BYTES */
    uint32_t text, caption, log;
    uint32_t args[SB_ARGS];
} StepBytes;

typedef struct SbCursor {
    unsigned long serial; /* the recording's (rec_new): a freed one's address may come back */
    size_t step;          /* the next step to decode */
    size_t off;           /* its bytes */
    SbCtx ctx;
    size_t have;          /* the step in sb + 1, 0 none */
    StepBytes sb;
} SbCursor;

typedef struct T0 {
    uint32_t step;
    double t0;
} T0;

/* A task's names and label (36 bytes). Its state changes (hist.c) are
 * in a table of their own (Recording.hists, HIST), 64 bytes a row: a hop
 * writes its change touching that row and the block, not the names. */
typedef struct RecTask {
    uint32_t name, coro;
    uint32_t call;      /* the call as written, or 0 */
    uint32_t base;      /* its label before any clash suffix */
    uint32_t label;     /* its label (rec_task_label) */
    int gprev, gnext;   /* the other visible tasks with the same base label */
    uint32_t gserial : 30; /* its number among them, for "#k" */
    uint32_t hidden : 1;
    uint32_t named : 1; /* the program named it: the name is its label */
    uint32_t text;      /* its "name coro" (rec_task_text), or 0 */
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
    uint32_t base;      /* the base label's id */
    int head, tail;
    uint32_t count, serial;
} LabelGroup;

struct Recording {
    Chunks steps;       /* PStep */
    Inside *inside;     /* the internals snapshots (inside.c), or NULL */
    States *states;     /* the language's own part of them (states.c), or NULL */
    size_t nsteps, max_steps;
    unsigned long serial;
    /* times: the steps at which the clock reads a new time, ascending */
    Chunks tstep;       /* uint32_t */
    Chunks tval;        /* double */
    size_t ntimes;
    double tlast;       /* the last run's time (tval's last), kept at hand */
    T0 *t0s;            /* the steps whose t0 is neither their t nor the step before's */
    size_t nt0, capt0;
    Chunks sbytes;      /* the steps' bytes (StepBytes) */
    size_t sblen;
    Chunks ck;          /* size_t: the offset of each SB_GROUP steps' bytes */
    SbCtx sbctx;        /* the writer's places */
    Chunks nums;        /* double: numbers for narrators (rec_num) */
    uint32_t nnums;
    RecNarrate narrate;
    Chunks tasks;       /* RecTask (its first block moves while it grows: small_put) */
    Chunks hists;       /* Hist: each task's changes (the same) */
    int ntasks;
    HistPool hist;      /* the blocks of every task's changes */
    /* strings: in blocks (never moved), by id; interned ones hashed */
    Chunks pool;
    size_t poollen;     /* bytes used of the pool's blocks: block << 16 | offset of the next string */
    char **big;         /* strings too long for a block, each its own allocation */
    size_t nbig, capbig, bigbytes;
    Chunks strs;        /* uint32_t: id -> where (STR_BIG | index in big, STR_NUM | index in
                         * nlabels, or block << 16 | offset) */
    Chunks nlabels;     /* NumLabel */
    uint32_t nnlabels;
    uint32_t numrecent[NUM_RECENT][3]; /* (prefix, cents, id) of recent ones */
    char lastpre[48];                  /* the last prefix a label with a time had, and its id */
    uint32_t lastpre_len, lastpre_id;
    uint32_t nstrs;
    uint32_t *hash;     /* open addressing: id+1 per slot, 0 empty; then hashcap tags */
    uint8_t *htag;      /* each slot's hash's top byte: most probes compare no string */
    uint32_t hashcap, ntable;  /* slots, strings in the table */
    uint32_t recent[RECENT_SLOTS][2];  /* hash -> (id, hash) of a recently stored string, id 0 none */
    RecLane *lanes;
    int nlanes, caplanes;
    RecJob *jobs;
    int njobs, capjobs;
    uint32_t *gslot;    /* the groups by base label id, open addressing (group_find) */
    uint32_t nslots, capslots;
    LabelGroup *groups; /* the groups that ever had a second member, or lost their one */
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
    /* the small tables' first blocks' sizes (small_put) */
    size_t strs0, nlabels0, tstep0, tval0, ck0, nums0, tasks0, hists0, sbytes0;
};

/* The small tables (string ids, labels with a time, the clock's runs, the
 * step groups' offsets, the narrators' numbers, the tasks, the steps'
 * bytes) begin with a block of 1 KiB that doubles, moved each time, up to
 * a whole chunk: a run that keeps a few hundred of them does not hold 64
 * KiB of each. No pointer into them is kept across a write (a task's
 * history is found again at each read: rec_task_change_step), and a
 * reader holds the lock. */
enum { SMALL_FIRST = 1024 };
_Static_assert(sizeof(Hist) == 64, "a task's changes' row is a cache line");
_Static_assert(sizeof(RecTask) == 36, "a task's names");

/* Element i (of size bytes) of table c, made room for: its address. */
static void *small_put(Chunks *c, size_t *cap0, size_t size, size_t i)
{
    size_t per = CHUNK_BYTES / size, end = (i % per + 1) * size;
    if (i >= per || (c->n && end <= *cap0))
        return chunks_block(c, i / per) + (i % per) * size;
    if (!c->n) {
        chunks_block(c, 0); /* the list of blocks, then block 0 made small */
        xfree(c->blk[0]);
        c->blk[0] = xcalloc(1, SMALL_FIRST);
        *cap0 = SMALL_FIRST;
    }
    if (end > *cap0) {
        size_t cap = *cap0;
        while (cap < end)
            cap *= 2;
        c->blk[0] = xrealloc(c->blk[0], cap);
        memset(c->blk[0] + *cap0, 0, cap - *cap0);
        *cap0 = cap;
    }
    return c->blk[0] + (i % per) * size;
}
#define SMALL_PUT(r, table, T, i) ((T *)small_put(&(r)->table, &(r)->table##0, sizeof(T), (i)))

/* A small table's bytes allocated. */
static size_t small_bytes(const Chunks *c, size_t cap0)
{
    return chunks_bytes(c) - (c->n && cap0 < CHUNK_BYTES ? CHUNK_BYTES - cap0 : 0);
}

/* The time runs: run k starts at step TSTEP and reads TVAL. */
#define TSTEP(r, k) (*CHUNKS_AT((r)->tstep, uint32_t, k))
#define TVAL(r, k) (*CHUNKS_AT((r)->tval, double, k))


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

/* Strings live in the pool's 64 KiB blocks (one that does not fit in
 * what is left of the current block starts the next; one longer than
 * STR_BIG_LEN gets an allocation of its own), so adding one never moves
 * another, and an id's entry says where it is. A label that ends in a
 * time ("sleep(1) until 12.35", rec_store_label) is new at every sleep:
 * it is kept as its text's id and the number (STR_NUM: 8 bytes in nlabels
 * instead of the text), and written out the first time it is read. */
#define STR_BIG 0x80000000u
#define STR_NUM 0x40000000u
#define STR_TASK (STR_BIG | STR_NUM) /* | task: its "name coro" (rec_task_text) */
enum { STR_BIG_LEN = CHUNK_BYTES / 4, STR_MAX_BLOCKS = 1 << 14 };
/* The pool's first block is 16 KiB, never grown (the strings in it are
 * read by address): a short run's strings fit in it, and a long run's go
 * on in whole chunks. */
enum { POOL_FIRST = 16384 };

typedef struct NumLabel {
    uint32_t prefix; /* the text before the number */
    uint32_t cents;  /* the number, which has two decimals */
} NumLabel;

/* The intern table: a slot is the id + 1 (4 bytes) and a tag byte, the
 * hash's top byte, in an array after the ids; the whole hash is not kept
 * (growing the table hashes its strings again), so a slot is 5 bytes, not
 * 8. */
static void hash_alloc(Recording *r, uint32_t cap)
{
    r->hashcap = cap;
    r->hash = xcalloc((size_t)cap, sizeof(uint32_t) + 1);
    r->htag = (uint8_t *)(r->hash + cap);
}

static void hash_insert(Recording *r, uint32_t id, uint32_t h)
{
    uint32_t mask = r->hashcap - 1;
    uint32_t i = h & mask;
    while (r->hash[i])
        i = (i + 1) & mask;
    r->hash[i] = id + 1;
    r->htag[i] = (uint8_t)(h >> 24);
}

/* Copy s (len bytes and its NUL) into the pool: where it is. */
static uint32_t pool_put(Recording *r, const char *s, size_t len)
{
    size_t n = len + 1;
    if (n > STR_BIG_LEN) {
        if (r->nbig == r->capbig) {
            r->capbig = r->capbig ? r->capbig * 2 : 8;
            r->big = xrealloc(r->big, r->capbig * sizeof *r->big);
        }
        r->big[r->nbig] = xmalloc(n);
        memcpy(r->big[r->nbig], s, n);
        r->bigbytes += n;
        return STR_BIG | (uint32_t)r->nbig++;
    }
    size_t k = r->poollen >> CHUNK_SHIFT, off = r->poollen & (CHUNK_BYTES - 1);
    if (off + n > (k ? CHUNK_BYTES : POOL_FIRST)) {
        k++;
        off = 0;
    }
    if (k >= STR_MAX_BLOCKS)
        die("loopscope: the recording's strings passed 1 GiB");
    if (!r->pool.n) { /* the first block, made small */
        chunks_block(&r->pool, 0);
        xfree(r->pool.blk[0]);
        r->pool.blk[0] = xcalloc(1, POOL_FIRST);
    }
    memcpy(chunks_block(&r->pool, k) + off, s, n);
    r->poollen = (k << CHUNK_SHIFT) + off + n;
    return (uint32_t)(k << CHUNK_SHIFT | off);
}

/* A new id for a string that is where says. */
static uint32_t str_new(Recording *r, uint32_t where)
{
    if (r->nstrs == STR_NUM)
        die("loopscope: the recording holds too many strings");
    uint32_t id = r->nstrs++;
    *SMALL_PUT(r, strs, uint32_t, id) = where;
    return id;
}

/* Append s (len bytes and its NUL) to the pool: its new id. */
static uint32_t pool_add(Recording *r, const char *s, size_t len)
{
    return str_new(r, pool_put(r, s, len));
}

#define TASK(r, i) CHUNKS_AT((r)->tasks, RecTask, i)
#define HIST(r, i) CHUNKS_AT((r)->hists, Hist, i)

static const char *str_at(const Recording *r, uint32_t id)
{
    uint32_t *w = CHUNKS_AT(r->strs, uint32_t, id);
    if ((*w & STR_TASK) == STR_TASK) { /* written out now, once, as the task is named now */
        const RecTask *t = TASK(r, *w & ~STR_TASK);
        Buf b;
        buf_init(&b);
        buf_puts(&b, str_at(r, t->name));
        buf_putc(&b, ' ');
        buf_puts(&b, str_at(r, t->coro));
        *w = pool_put((Recording *)r, b.s, b.len);
        buf_free(&b);
    } else if (*w & STR_NUM) { /* written out now, once; a reader holds the lock (rec_lock) */
        Recording *m = (Recording *)r;
        const NumLabel *l = CHUNKS_AT(r->nlabels, NumLabel, *w & ~STR_NUM);
        Buf b;
        buf_init(&b);
        buf_puts(&b, str_at(r, l->prefix));
        buf_put_uint(&b, l->cents / 100);
        buf_putc(&b, '.');
        buf_putc(&b, (char)('0' + l->cents / 10 % 10));
        buf_putc(&b, (char)('0' + l->cents % 10));
        *w = pool_put(m, b.s, b.len);
        buf_free(&b);
    }
    if (*w & STR_BIG)
        return r->big[*w & ~STR_BIG];
    return (const char *)r->pool.blk[*w >> CHUNK_SHIFT] + (*w & (CHUNK_BYTES - 1));
}

/* Is string id s? */
static bool str_is(const Recording *r, uint32_t id, const char *s)
{
    return strcmp(str_at(r, id), s) == 0;
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
    uint8_t tag = (uint8_t)(h >> 24);
    while (r->hash[i]) {
        if (r->htag[i] == tag && str_is(r, r->hash[i] - 1, s))
            return r->hash[i] - 1;
        i = (i + 1) & mask;
    }
    uint32_t id = pool_add(r, s, len);
    if (++r->ntable * 4 > r->hashcap * 3) { /* at most 3/4 full: the tags keep long probes cheap */
        uint32_t *old = r->hash, oldcap = r->hashcap;
        hash_alloc(r, oldcap * 2);
        for (uint32_t k = 0; k < oldcap; k++)
            if (old[k]) {
                size_t n;
                hash_insert(r, old[k] - 1, str_hash(str_at(r, old[k] - 1), &n));
            }
        xfree(old);
    }
    hash_insert(r, id, h);
    return id;
}

/* The id of a step's or a change's string: a recent equal string's, or a
 * new one (see RECENT_SLOTS). */
static uint32_t store_hashed(Recording *r, const char *s, size_t len, uint32_t h)
{
    uint32_t *slot = r->recent[h & (RECENT_SLOTS - 1)];
    if (slot[0] && slot[1] == h && str_is(r, slot[0], s))
        return slot[0];
    slot[0] = pool_add(r, s, len);
    slot[1] = h;
    return slot[0];
}

static uint32_t store(Recording *r, const char *s)
{
    if (!s || !*s)
        return 0;
    size_t len;
    uint32_t h = str_hash(s, &len);
    return store_hashed(r, s, len, h);
}

/* s's last number, when it has two decimals and reads back the same
 * ("12.35": no sign, no leading zero, at most 7 digits before the point):
 * where it starts and its value in hundredths. */
static bool ends_in_cents(const char *s, size_t len, size_t *at, uint32_t *cents)
{
    if (len < 4 || s[len - 3] != '.' || !isdigit((unsigned char)s[len - 1]) || !isdigit((unsigned char)s[len - 2]))
        return false;
    size_t i = len - 3;
    while (i > 0 && isdigit((unsigned char)s[i - 1]))
        i--;
    size_t nint = len - 3 - i;
    if (!nint || nint > 7 || (nint > 1 && s[i] == '0'))
        return false;
    uint32_t v = 0;
    for (size_t k = i; k < len - 3; k++)
        v = v * 10 + (uint32_t)(s[k] - '0');
    *at = i;
    *cents = v * 100 + (uint32_t)(s[len - 2] - '0') * 10 + (uint32_t)(s[len - 1] - '0');
    return true;
}

/* The id of a label kept as numbers (under the writer's lock). */
static uint32_t num_label(Recording *r, NumLabel l)
{
    /* many tasks sleep until the same time: a recent equal label's id */
    uint32_t *slot = r->numrecent[(l.prefix * 2654435761u ^ l.cents * 40503u) % NUM_RECENT];
    if (!slot[2] || slot[0] != l.prefix || slot[1] != l.cents) {
        *SMALL_PUT(r, nlabels, NumLabel, r->nnlabels) = l;
        slot[0] = l.prefix;
        slot[1] = l.cents;
        slot[2] = str_new(r, STR_NUM | r->nnlabels++);
    }
    return slot[2];
}

uint32_t rec_store_label(Recording *r, const char *s)
{
    size_t len = s ? strlen(s) : 0, at;
    uint32_t cents;
    if (!ends_in_cents(s, len, &at, &cents) || at >= 256)
        return rec_store(r, s);
    char prefix[256];
    memcpy(prefix, s, at);
    prefix[at] = '\0';
    wlock(r);
    /* a task sleeps for the same delay again and again: the same prefix,
     * known without hashing it */
    bool same = r->lastpre_id && at == r->lastpre_len && !memcmp(prefix, r->lastpre, at);
    NumLabel l = {same ? r->lastpre_id : store(r, prefix), cents};
    if (!same && at < sizeof r->lastpre && l.prefix) {
        memcpy(r->lastpre, prefix, at);
        r->lastpre_len = (uint32_t)at;
        r->lastpre_id = l.prefix;
    }
    uint32_t id = num_label(r, l);
    wunlock(r);
    return id;
}

uint32_t rec_store_label_kept(Recording *r, RecLabelKept *k, const char *s)
{
    wlock(r);
    if (k->id && k->rec == r->serial) {
        /* store's own test: the recent slot of the text's hash holds its id */
        const uint32_t *slot = r->recent[k->h & (RECENT_SLOTS - 1)];
        if (slot[0] == k->id && slot[1] == k->h) {
            wunlock(r);
            return k->id;
        }
    }
    size_t len = s ? strlen(s) : 0, at;
    uint32_t cents;
    if (!len || (ends_in_cents(s, len, &at, &cents) && at < 256)) { /* not kept: rec_store_label's way */
        wunlock(r);
        *k = (RecLabelKept){0};
        return rec_store_label(r, s);
    }
    uint32_t h = str_hash(s, &len);
    *k = (RecLabelKept){.rec = r->serial, .id = store_hashed(r, s, len, h), .h = h};
    wunlock(r);
    return k->id;
}

uint32_t rec_store_label_num(Recording *r, uint32_t prefix, uint32_t cents)
{
    wlock(r);
    uint32_t id = num_label(r, (NumLabel){prefix, cents});
    wunlock(r);
    return id;
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
    return id && id < r->nstrs ? str_at(r, id) : "";
}

Recording *rec_new(size_t max_steps)
{
    static atomic_ulong serials;
    Recording *r = xcalloc(1, sizeof *r);
    r->serial = atomic_fetch_add(&serials, 1) + 1;
    r->max_steps = max_steps ? max_steps : (size_t)-1;
    if (r->max_steps > LAZY_STEP) /* lazy ids name the step in 30 bits */
        r->max_steps = LAZY_STEP;
    pool_add(r, "", 0); /* id 0 */
    hash_alloc(r, 1024);
    return r;
}

void rec_free(Recording *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->ntasks; i++)
        hist_free(HIST(r, i));
    hist_pool_free(&r->hist);
    chunks_free(&r->tasks);
    chunks_free(&r->hists);
    xfree(r->gslot);
    xfree(r->groups);
    xfree(r->lanes);
    xfree(r->jobs);
    chunks_free(&r->steps);
    chunks_free(&r->tstep);
    chunks_free(&r->tval);
    xfree(r->t0s);
    chunks_free(&r->sbytes);
    chunks_free(&r->ck);
    chunks_free(&r->nums);
    inside_free(r->inside);
    states_free(r->states);
    chunks_free(&r->pool);
    for (size_t i = 0; i < r->nbig; i++)
        xfree(r->big[i]);
    xfree(r->big);
    chunks_free(&r->strs);
    chunks_free(&r->nlabels);
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

/* A slot of the groups' table: 0 empty, GS_GROUP | k the group groups[k],
 * else task + 1: a group whose one member is that task, and ever was
 * (most tasks' labels are their own: "worker(12)"), kept as the task
 * alone, 4 bytes instead of a LabelGroup's 20. */
#define GS_GROUP 0x80000000u

static uint32_t slot_base(const Recording *r, uint32_t v)
{
    return v & GS_GROUP ? r->groups[v & ~GS_GROUP].base : TASK(r, v - 1)->base;
}

/* The slot of base's group (*slot 0: none yet, and room was made when add). */
static uint32_t *group_find(Recording *r, uint32_t base, bool add)
{
    if (add && (r->nslots + 1) * 4 > r->capslots * 3) { /* at most 3/4 full: one group a task is common */
        uint32_t oldcap = r->capslots, *old = r->gslot;
        r->capslots = oldcap ? oldcap * 2 : 64;
        r->gslot = xcalloc(r->capslots, sizeof *r->gslot);
        for (uint32_t i = 0; i < oldcap; i++)
            if (old[i]) {
                uint32_t j = slot_base(r, old[i]) * 2654435761u & (r->capslots - 1);
                while (r->gslot[j])
                    j = (j + 1) & (r->capslots - 1);
                r->gslot[j] = old[i];
            }
        xfree(old);
    }
    if (!r->capslots)
        return NULL;
    uint32_t mask = r->capslots - 1, j = base * 2654435761u & mask;
    while (r->gslot[j] && slot_base(r, r->gslot[j]) != base)
        j = (j + 1) & mask;
    return r->gslot[j] || add ? &r->gslot[j] : NULL;
}

/* The group in *slot as a LabelGroup: a lone task's made into one. */
static LabelGroup *group_at(Recording *r, uint32_t *slot)
{
    if (*slot & GS_GROUP)
        return &r->groups[*slot & ~GS_GROUP];
    if (r->ngroups == r->capgroups) {
        r->capgroups = r->capgroups ? r->capgroups * 2 : 16;
        r->groups = xrealloc(r->groups, r->capgroups * sizeof *r->groups);
    }
    int only = (int)*slot - 1;
    r->groups[r->ngroups] = (LabelGroup){.base = TASK(r, only)->base, .head = only, .tail = only, .count = 1,
                                         .serial = 1};
    *slot = GS_GROUP | r->ngroups;
    return &r->groups[r->ngroups++];
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
    RecTask *t = TASK(r, id);
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
        buf_printf(&b, "%s #%u", base, (unsigned)t->gserial);
    t->label = intern(r, b.s); /* the lock is held (label_join/label_leave) */
    buf_free(&b);
}

static void label_join(Recording *r, int id)
{
    RecTask *t = TASK(r, id);
    t->base = t->named ? t->name : t->call;
    if (!t->base) /* no call recorded: a made-up name says less than the coroutine */
        t->base = t->coro && (!t->name || made_up_name(rec_str(r, t->name))) ? t->coro : t->name;
    t->label = t->base;
    if (t->hidden || !t->base)
        return;
    uint32_t *slot = group_find(r, t->base, true);
    t->gprev = t->gnext = -1;
    if (!*slot) { /* the first with this label: a group of its own */
        r->nslots++;
        *slot = (uint32_t)id + 1;
        t->gserial = 1;
        return;
    }
    LabelGroup *g = group_at(r, slot);
    t->gserial = ++g->serial;
    t->gprev = g->tail;
    t->gnext = -1;
    if (g->tail >= 0)
        TASK(r, g->tail)->gnext = id;
    else
        g->head = id;
    g->tail = id;
    if (++g->count == 2)
        label_set(r, g->head, true);
    label_set(r, id, g->count > 1);
}

static void label_leave(Recording *r, int id)
{
    RecTask *t = TASK(r, id);
    uint32_t *slot = t->hidden || !t->base ? NULL : group_find(r, t->base, false);
    if (!slot)
        return;
    LabelGroup *g = group_at(r, slot);
    if (t->gprev >= 0)
        TASK(r, t->gprev)->gnext = t->gnext;
    else
        g->head = t->gnext;
    if (t->gnext >= 0)
        TASK(r, t->gnext)->gprev = t->gprev;
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
    memset(SMALL_PUT(r, hists, Hist, r->ntasks), 0, sizeof(Hist));
    RecTask *t = SMALL_PUT(r, tasks, RecTask, r->ntasks);
    memset(t, 0, sizeof *t);
    t->coro = intern(r, coro);
    /* a made-up name ("Task-12") is never a label group's key while the
     * task has a coroutine (label_join): stored, it costs the intern
     * table nothing (one per task) */
    t->name = t->coro && name && made_up_name(name) ? store(r, name) : intern(r, name);
    t->hidden = hidden;
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
        RecTask *t = TASK(r, task);
        if (name && t->text) { /* its steps so far read the old name */
            str_at(r, t->text);
            t->text = 0;
        }
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

uint32_t rec_task_text(Recording *r, int task)
{
    wlock(r);
    uint32_t id = 0;
    if (task >= 0 && task < r->ntasks) {
        RecTask *t = TASK(r, task);
        if (!t->text)
            t->text = str_new(r, STR_TASK | (uint32_t)task);
        id = t->text;
    }
    wunlock(r);
    return id;
}

void rec_task_call(Recording *r, int task, const char *call, bool named)
{
    task_relabel(r, task, NULL, call ? call : "", named);
}

uint32_t rec_task_name(const Recording *r, int task)
{
    return task >= 0 && task < r->ntasks ? TASK(r, task)->name : 0;
}

const char *rec_task_label(const Recording *r, int task)
{
    return task >= 0 && task < r->ntasks ? rec_str(r, TASK(r, task)->label) : "";
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
static LS_ALWAYS_INLINE bool step_room(Recording *r, StepKind kind)
{
    /* a reader that gave up on the run (rec_cancel) stops it as a full recording would */
    bool stop = r->nsteps >= r->max_steps || (r->shared && atomic_load_explicit(&r->cancel, memory_order_relaxed));
    if (LS_UNLIKELY(stop)) {
        /* the events that end a run always fit, so a full recording still says why it stopped */
        if (kind == SK_END || kind == SK_ERROR || kind == SK_DEADLOCK || kind == SK_LIMIT || kind == SK_UNHANDLED)
            return true;
        r->full = true;
        return false;
    }
    return true;
}

/* Block k of c, made when it is the next one (CHUNKS_PUT's, without a
 * call for the blocks there already). */
static LS_ALWAYS_INLINE unsigned char *block_at(Chunks *c, size_t k)
{
    return k < c->n ? c->blk[k] : chunks_block(c, k);
}

/* One number of a step's bytes at place k. */
static LS_ALWAYS_INLINE unsigned char *sb_put(unsigned char *q, uint32_t v, uint32_t *ctx)
{
    if (!v)
        return varint_put(q, 0);
    int64_t d = (int64_t)v - (int64_t)*ctx;
    *ctx = v;
    return varint_put(q, zigzag(d) + 1);
}

static const unsigned char *sb_get(const unsigned char *q, uint32_t *v, uint32_t *ctx)
{
    uint64_t c;
    q = varint_get(q, &c);
    if (!c) {
        *v = 0;
        return q;
    }
    *v = *ctx = (uint32_t)((int64_t)*ctx + unzigzag(c - 1));
    return q;
}

/* Where step bytes of at most SB_MAX bytes start, from off. */
static size_t sb_fit(size_t off)
{
    if ((off & (CHUNK_BYTES - 1)) + SB_MAX > CHUNK_BYTES)
        off = (off | (CHUNK_BYTES - 1)) + 1;
    return off;
}

/* Step i reads a new time: a new run of the clock's values. */
static __attribute__((noinline)) void time_run(Recording *r, size_t i, double t)
{
    *SMALL_PUT(r, tstep, uint32_t, r->ntimes) = (uint32_t)i;
    *SMALL_PUT(r, tval, double, r->ntimes) = t;
    r->tlast = t;
    r->ntimes++;
}

/* Step i starts a group of SB_GROUP: its places start again, and its
 * bytes' offset is kept. */
static LS_COLD void group_start(Recording *r, size_t i)
{
    sb_group(&r->sbctx, i / SB_GROUP);
    *SMALL_PUT(r, ck, size_t, i / SB_GROUP) = r->sblen;
}

/* Where the next step's bytes go (at most SB_MAX of them, never across
 * two blocks): *off is set to their offset. The first block starts small
 * and grows (small_put) only when the bytes would pass its end. */
static LS_ALWAYS_INLINE unsigned char *sb_room(Recording *r, size_t *off)
{
    size_t o = sb_fit(r->sblen);
    *off = o;
    if (o < CHUNK_BYTES) {
        if (LS_UNLIKELY(!r->sbytes.n || o + SB_MAX > r->sbytes0))
            small_put(&r->sbytes, &r->sbytes0, 1, o + SB_MAX - 1);
        return r->sbytes.blk[0] + o;
    }
    return block_at(&r->sbytes, o >> CHUNK_SHIFT) + (o & (CHUNK_BYTES - 1));
}

/* A lazy step's numbers against the last ones of its kind (see SbCtx):
 * KL_SAME when they are all the same, else the mask byte and the numbers
 * that moved, written at q. */
static LS_ALWAYS_INLINE unsigned char *sb_args(SbCtx *ctx, unsigned kind, const uint32_t *args, size_t nargs,
                                         uint32_t *flags, unsigned char *q)
{
    if (nargs > KL_NARGS)
        nargs = KL_NARGS;
    uint32_t *last = sb_kind(ctx, kind), diff = 0;
    switch (nargs) { /* unrolled: a hop has five */
    case 7: diff |= args[6] ^ last[6]; /* fall through */
    case 6: diff |= args[5] ^ last[5]; /* fall through */
    case 5: diff |= args[4] ^ last[4]; /* fall through */
    case 4: diff |= args[3] ^ last[3]; /* fall through */
    case 3: diff |= args[2] ^ last[2]; /* fall through */
    case 2: diff |= args[1] ^ last[1]; /* fall through */
    case 1: diff |= args[0] ^ last[0]; /* fall through */
    default: break;
    }
    if (!diff && ctx->lastn[kind] <= nargs) { /* and none past nargs was nonzero */
        *flags |= KL_SAME;
        return q;
    }
    uint32_t *nz = ctx->nz[kind];
    unsigned char *mask = q++;
    unsigned m = 0, n = 0;
    for (unsigned k = 0; k < SB_ARGS; k++) {
        uint32_t v = k < nargs ? args[k] : 0;
        if (v != last[k]) {
            m |= 1u << k;
            last[k] = v;
            q = sb_put(q, v, &nz[k]);
        }
        if (v)
            n = k + 1;
    }
    *mask = (unsigned char)m;
    ctx->lastn[kind] = (uint8_t)n;
    return q;
}

/* Append step number r->nsteps at time t (the lock is held), with its
 * bytes: text, then args (lazy) or caption and log. */
static LS_ALWAYS_INLINE void step_add(Recording *r, StepKind kind, double t, int task, int line, uint32_t text, bool lazy,
                                const uint32_t *args, size_t nargs, uint32_t caption, uint32_t log)
{
    size_t i = r->nsteps;
    if (LS_UNLIKELY(!r->ntimes || r->tlast != t))
        time_run(r, i, t);
    if (LS_UNLIKELY(i % SB_GROUP == 0))
        group_start(r, i);
    size_t off;
    unsigned char *q0 = sb_room(r, &off), *q = q0;
    uint32_t l = line < 0 ? 0 : line > KL_LINE_MAX ? KL_LINE_MAX : (uint32_t)line;
    uint32_t tk = task >= -1 && task < KL_TASK_BYTES - 1 ? (uint32_t)(task + 1) : KL_TASK_BYTES;
    uint32_t flags = (uint32_t)kind | (lazy ? KL_LAZY : 0) | (text ? KL_TEXT : 0) | tk << KL_TASK_SHIFT;
    if (l && l == r->sbctx.at[SB_LINE])
        flags |= KL_SAMELINE;
    else
        q = sb_put(q, l, &r->sbctx.at[SB_LINE]);
    if (LS_UNLIKELY(tk == KL_TASK_BYTES))
        q = sb_put(q, (uint32_t)task, &r->sbctx.at[SB_TASK]);
    if (text)
        q = sb_put(q, text, &r->sbctx.at[SB_TEXT]);
    if (lazy) {
        q = sb_args(&r->sbctx, kind, args, nargs, &flags, q);
    } else {
        q = sb_put(q, caption, &r->sbctx.at[SB_CAPTION]);
        q = sb_put(q, log, &r->sbctx.at[SB_LOG]);
    }
    r->sblen = off + (size_t)(q - q0);
    size_t per = CHUNK_BYTES / sizeof(PStep);
    ((PStep *)(void *)block_at(&r->steps, i / per))[i % per] = (PStep){.kl = flags};
    r->nsteps++;
}

/* Step i's bytes, read through the calling thread's cursor. */
static const StepBytes *step_bytes(const Recording *r, size_t i)
{
    static _Thread_local SbCursor cur;
    if (cur.serial == r->serial && cur.have == i + 1)
        return &cur.sb;
    if (cur.serial != r->serial || cur.step > i || i - cur.step >= SB_GROUP) {
        cur.serial = r->serial;
        cur.step = i - i % SB_GROUP;
        cur.off = *CHUNKS_AT(r->ck, size_t, i / SB_GROUP);
        memset(cur.ctx.kgroup, 0, sizeof cur.ctx.kgroup); /* a group read before may come again */
    }
    for (;;) {
        size_t j = cur.step;
        if (j % SB_GROUP == 0)
            sb_group(&cur.ctx, j / SB_GROUP);
        uint32_t kl = CHUNKS_AT(r->steps, PStep, j)->kl;
        size_t off = sb_fit(cur.off);
        const unsigned char *q0 = r->sbytes.blk[off >> CHUNK_SHIFT] + (off & (CHUNK_BYTES - 1)), *q = q0;
        StepBytes *sb = &cur.sb;
        memset(sb, 0, sizeof *sb);
        if (kl & KL_SAMELINE)
            sb->line = cur.ctx.at[SB_LINE];
        else
            q = sb_get(q, &sb->line, &cur.ctx.at[SB_LINE]);
        if ((kl >> KL_TASK_SHIFT) == KL_TASK_BYTES)
            q = sb_get(q, &sb->task, &cur.ctx.at[SB_TASK]);
        if (kl & KL_TEXT)
            q = sb_get(q, &sb->text, &cur.ctx.at[SB_TEXT]);
        if (kl & KL_LAZY) {
            unsigned kind = kl & KL_KIND;
            uint32_t *last = sb_kind(&cur.ctx, kind), *nz = cur.ctx.nz[kind];
            unsigned mask = kl & KL_SAME ? 0 : *q++;
            for (size_t k = 0; k < SB_ARGS; k++)
                if (mask >> k & 1)
                    q = sb_get(q, &last[k], &nz[k]);
            memcpy(sb->args, last, sizeof sb->args);
        } else {
            q = sb_get(q, &sb->caption, &cur.ctx.at[SB_CAPTION]);
            q = sb_get(q, &sb->log, &cur.ctx.at[SB_LOG]);
        }
        cur.off = off + (size_t)(q - q0);
        cur.step = j + 1;
        cur.have = j + 1;
        if (j == i)
            return sb;
    }
}

bool rec_step(Recording *r, StepKind kind, double t, int task, int line, const char *text, const char *caption,
              const char *log)
{
    wlock(r);
    if (!step_room(r, kind)) {
        wunlock(r);
        return false;
    }
    uint32_t c = store(r, caption), l = store(r, log);
    step_add(r, kind, t, task, line, store(r, text), false, NULL, 0, c, l);
    wunlock(r);
    return true;
}

bool rec_step_lazy(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                   const uint32_t *args, size_t nargs)
{
    return rec_step_lazy_as(r, kind, t, task, line, text, args, nargs, true);
}

/* A lazy step whose text is text, or when that is NULL the string text_id. */
static bool lazy_add(Recording *r, StepKind kind, double t, int task, int line, const char *text, uint32_t text_id,
                     const uint32_t *args, size_t nargs, bool log)
{
    wlock(r);
    if (!step_room(r, kind)) {
        wunlock(r);
        return false;
    }
    step_add(r, kind, t, task, line, text ? store(r, text) : text_id, true, args, nargs, 0, 0);
    if (!log)
        CHUNKS_AT(r->steps, PStep, r->nsteps - 1)->kl |= KL_NOLOG;
    wunlock(r);
    return true;
}

bool rec_step_lazy_as(Recording *r, StepKind kind, double t, int task, int line, const char *text,
                      const uint32_t *args, size_t nargs, bool log)
{
    return lazy_add(r, kind, t, task, line, text ? text : "", 0, args, nargs, log);
}

bool rec_step_lazy_text(Recording *r, StepKind kind, double t, int task, int line, uint32_t text,
                        const uint32_t *args, size_t nargs)
{
    return lazy_add(r, kind, t, task, line, NULL, text, args, nargs, true);
}

void rec_set_narrator(Recording *r, RecNarrate fn)
{
    wlock(r);
    r->narrate = fn;
    wunlock(r);
}

const uint32_t *rec_step_args(const Recording *r, size_t i)
{
    static const uint32_t none[SB_ARGS];
    static _Thread_local uint32_t ring[4][SB_ARGS];
    static _Thread_local unsigned next;
    if (i >= r->nsteps || !(CHUNKS_AT(r->steps, PStep, i)->kl & KL_LAZY))
        return none;
    uint32_t *a = ring[next++ % 4];
    memcpy(a, step_bytes(r, i)->args, sizeof ring[0]);
    return a;
}

uint32_t rec_num(Recording *r, double v)
{
    wlock(r);
    if (!r->nnums || *CHUNKS_AT(r->nums, double, r->nnums - 1) != v) {
        *SMALL_PUT(r, nums, double, r->nnums) = v;
        r->nnums++;
    }
    uint32_t id = r->nnums - 1;
    wunlock(r);
    return id;
}

double rec_num_at(const Recording *r, uint32_t id)
{
    return id < r->nnums ? *CHUNKS_AT(r->nums, double, id) : 0;
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

/* An entry as inside.c keeps it. */
static inline InLine in_line(char letter, const RecEntry *e)
{
    return (InLine){.kind = e->line ? IL_LINE : e->timed ? IL_TIME : IL_REF, .letter = e->line ? 'P' : letter,
                    .id = e->id, .v = e->hundredths};
}

/* Entries as inside.c keeps them (at most 64). */
static size_t in_lines(char letter, const RecEntry *e, size_t n, InLine *l)
{
    if (n > 64)
        n = 64;
    for (size_t i = 0; i < n; i++)
        l[i] = in_line(letter, &e[i]);
    return n;
}

void rec_internals_section(Recording *r, char letter, const RecEntry *e, size_t n, bool shown,
                           unsigned long long count)
{
    InLine l[64];
    wlock(r);
    n = in_lines(letter, e, n, l);
    if (r->nsteps)
        inside_section(inside_of(r), r->nsteps - 1, letter, l, n, shown, count);
    wunlock(r);
}

void rec_internals_move(Recording *r, char letter, size_t npop, const RecEntry *e, size_t n, bool shown,
                        unsigned long long count)
{
    InLine l[64];
    wlock(r);
    if (n == 1) /* the rule: one entry joined (or none) */
        l[0] = in_line(letter, e);
    else
        n = in_lines(letter, e, n, l);
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
    if (s >= r->nsteps)
        return "";
    const char *t = inside_at(r->inside, r, s);
    if (!r->states)
        return t;
    static _Thread_local Buf text; /* the sections', then the language's */
    if (!text.s)
        buf_init(&text);
    buf_clear(&text);
    buf_puts(&text, t);
    states_at(r->states, r, s, &text);
    return text.s;
}

bool rec_state_key_due(Recording *r, const RecStateCodec *codec)
{
    if (!r->states)
        r->states = states_new(codec);
    return r->nsteps && states_key_due(r->states, r->nsteps - 1);
}

void rec_state_put(Recording *r, const uint8_t *p, size_t n, bool key)
{
    if (!r->states || !r->nsteps)
        return;
    wlock(r);
    states_put(r->states, r->nsteps - 1, p, n, key);
    wunlock(r);
}

static double time_at(const Recording *r, size_t i);

void rec_set_t0(Recording *r, double t0)
{
    wlock(r);
    if (r->nsteps) {
        uint32_t last = (uint32_t)(r->nsteps - 1);
        PStep *p = CHUNKS_AT(r->steps, PStep, last);
        p->kl &= ~(uint32_t)KL_T0PREV;
        if (r->nt0 && r->t0s[r->nt0 - 1].step == last) /* set again: decided again */
            r->nt0--;
        if (last && time_at(r, last - 1) == t0) {
            p->kl |= KL_T0PREV; /* the clock jumps from the time of the step before: nothing to keep */
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

/* Record a change of task in the last step (the lock is held). */
static LS_ALWAYS_INLINE void change_add(Recording *r, int task, TaskState st, Outcome out, uint32_t label, uint32_t chain, int line,
                       uint32_t order)
{
    uint32_t l = line < 0 ? 0 : line > CH_LINE_MAX ? CH_LINE_MAX : (uint32_t)line;
    HistChange c = {
        .step = (uint32_t)(r->nsteps ? r->nsteps - 1 : 0), .label = label, .chain = chain, .line = l,
        .order = order, .state = (uint8_t)st, .outcome = (uint8_t)out,
    };
    hist_add(&r->hist, HIST(r, task), &c);
}

void rec_task_set(Recording *r, int task, TaskState st, Outcome out, const char *label, const char *chain,
                  int line, uint32_t order)
{
    if (task < 0 || task >= r->ntasks)
        return;
    wlock(r);
    change_add(r, task, st, out, store(r, label), store(r, chain), line, order);
    wunlock(r);
}

void rec_task_set_ids(Recording *r, int task, TaskState st, Outcome out, uint32_t label, uint32_t chain, int line,
                      uint32_t order)
{
    if (task < 0 || task >= r->ntasks)
        return;
    wlock(r);
    change_add(r, task, st, out, label, chain, line, order);
    wunlock(r);
}

bool rec_hop(Recording *r, double t, const RecHop *h)
{
    wlock(r);
    bool room = step_room(r, h->kind);
    if (room)
        step_add(r, h->kind, t, h->task, h->line, h->text, true, h->args, h->nargs, 0, 0);
    if (h->task >= 0 && h->task < r->ntasks)
        change_add(r, h->task, h->st, h->out, h->label, h->chain, h->line, h->order);
    wunlock(r);
    return room;
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
    if (TSTEP(r, k) <= i && (k + 1 == n || TSTEP(r, k + 1) > i)) {
        /* the same run */
    } else if (k + 1 < n && TSTEP(r, k + 1) <= i && (k + 2 == n || TSTEP(r, k + 2) > i)) {
        k++;
    } else {
        size_t lo = 0, hi = n;
        while (hi - lo > 1) {
            size_t mid = (lo + hi) / 2;
            if (TSTEP(r, mid) <= i)
                lo = mid;
            else
                hi = mid;
        }
        k = lo;
    }
    last_r = r;
    last_k = k;
    return TVAL(r, k);
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
    const PStep *p = CHUNKS_AT(r->steps, PStep, i);
    Step *s = &ring[next++ % STEP_RING];
    double t = time_at(r, i), t0 = t;
    StepKind kind = (StepKind)(p->kl & KL_KIND);
    if (kind == SK_CLOCK || kind == SK_BLOCK) {
        if (p->kl & KL_T0PREV)
            t0 = time_at(r, i - 1);
        else if (r->nt0)
            t0 = t0_at(r, i, t);
    }
    const StepBytes *sb = step_bytes(r, i);
    uint32_t tk = p->kl >> KL_TASK_SHIFT;
    *s = (Step){
        .t = t, .t0 = t0, .kind = (uint8_t)kind, .task = tk == KL_TASK_BYTES ? (int32_t)sb->task : (int32_t)tk - 1,
        .line = (int32_t)sb->line, .text = sb->text,
    };
    if (p->kl & KL_LAZY) {
        s->caption = LAZY_ID | (uint32_t)i;
        s->log = p->kl & KL_NOLOG ? 0 : LAZY_ID | LAZY_LOG | (uint32_t)i;
    } else {
        s->caption = sb->caption;
        s->log = sb->log;
    }
    return s;
}
StepKind rec_step_kind(const Recording *r, size_t i)
{
    return i < r->nsteps ? (StepKind)(CHUNKS_AT(r->steps, PStep, i)->kl & KL_KIND) : SK_KIND_COUNT;
}

int rec_ntasks(const Recording *r) { return r->ntasks; }

bool rec_task_at(const Recording *r, int id, size_t s, TaskView *out)
{
    if (id < 0 || id >= r->ntasks)
        return false;
    const RecTask *t = TASK(r, id);
    HistChange c;
    const Hist *h = HIST(r, id);
    if (!hist_at(&r->hist, h, s > UINT32_MAX ? UINT32_MAX : (uint32_t)s, &c))
        return false;
    *out = (TaskView){
        .id = id, .who = rec_str(r, t->label), .name = rec_str(r, t->name), .coro = rec_str(r, t->coro),
        .state = (TaskState)c.state, .outcome = (Outcome)c.outcome, .label = rec_str(r, c.label),
        .chain = rec_str(r, c.chain), .line = (int)c.line, .order = c.order, .since = c.step,
        .created = hist_first_step(&r->hist, h), .hidden = t->hidden,
    };
    return true;
}

size_t rec_task_nchanges(const Recording *r, int id)
{
    return id >= 0 && id < r->ntasks ? HIST(r, id)->n : 0;
}

size_t rec_task_change_step(const Recording *r, int id, size_t k)
{
    static _Thread_local struct {
        unsigned long serial;
        int task;
        HistCursor cur;
    } c;
    if (k >= rec_task_nchanges(r, id))
        return 0;
    if (c.serial != r->serial || c.task != id) {
        c.serial = r->serial;
        c.task = id;
        c.cur = (HistCursor){0};
    }
    if (c.cur.h) /* the table may have moved: the history is the same */
        c.cur.h = HIST(r, id);
    HistChange ch;
    hist_get(&r->hist, HIST(r, id), (uint32_t)k, &c.cur, &ch);
    return ch.step;
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

/* Each table's bytes in use and allocated; internals: the internals
 * view's (rec_internals_*). */
static void bytes_tables(const Recording *r, RecBytesFn fn, void *ctx)
{
    size_t ckn = (r->nsteps + SB_GROUP - 1) / SB_GROUP;
    fn(ctx, "recording", sizeof *r, sizeof *r, false);
    fn(ctx, "steps", r->nsteps * sizeof(PStep), chunks_bytes(&r->steps), false);
    fn(ctx, "step bytes", r->sblen + ckn * sizeof(size_t), small_bytes(&r->sbytes, r->sbytes0) + small_bytes(&r->ck, r->ck0), false);
    fn(ctx, "times", r->ntimes * (sizeof(uint32_t) + sizeof(double)),
       small_bytes(&r->tstep, r->tstep0) + small_bytes(&r->tval, r->tval0), false);
    fn(ctx, "t0s", r->nt0 * sizeof(T0), r->capt0 * sizeof(T0), false);
    fn(ctx, "numbers", r->nnums * sizeof(double), small_bytes(&r->nums, r->nums0), false);
    size_t hused, hcap = 0;
    size_t hpool = hist_pool_bytes(&r->hist, &hused);
    for (int i = 0; i < r->ntasks; i++)
        hcap += hist_bytes(HIST(r, i));
    fn(ctx, "tasks", (size_t)r->ntasks * (sizeof(RecTask) + sizeof(Hist)),
       small_bytes(&r->tasks, r->tasks0) + small_bytes(&r->hists, r->hists0), false);
    fn(ctx, "changes", hused + hcap, hpool + hcap, false);
    /* the strings the internals snapshots name are counted with the other
     * strings: inside.c keeps ids in its edits, not a list of them */
    size_t pool = small_bytes(&r->pool, POOL_FIRST) + r->bigbytes + r->capbig * sizeof(char *);
    size_t pool_used = r->poollen + r->bigbytes + r->nbig * sizeof(char *);
    fn(ctx, "strings", pool_used, pool, false);
    fn(ctx, "labels with times", (size_t)r->nnlabels * sizeof(NumLabel), small_bytes(&r->nlabels, r->nlabels0), false);
    fn(ctx, "string ids", (size_t)r->nstrs * sizeof(uint32_t), small_bytes(&r->strs, r->strs0), false);
    fn(ctx, "intern table", (size_t)r->hashcap * (sizeof(uint32_t) + 1), (size_t)r->hashcap * (sizeof(uint32_t) + 1),
       false);
    fn(ctx, "lanes+jobs+groups",
       (size_t)r->nlanes * sizeof(RecLane) + (size_t)r->njobs * sizeof(RecJob) + (size_t)r->ngroups * sizeof(LabelGroup) +
           (size_t)r->nslots * sizeof(uint32_t),
       (size_t)r->caplanes * sizeof(RecLane) + (size_t)r->capjobs * sizeof(RecJob) +
           (size_t)r->capgroups * sizeof(LabelGroup) + (size_t)r->capslots * sizeof(uint32_t),
       false);
    fn(ctx, "internals (inside.c)", inside_bytes(r->inside), inside_bytes(r->inside), true);
    size_t st_used, st = states_bytes(r->states, &st_used);
    fn(ctx, "internals' language state", st_used, st, true);
}

static void bytes_sum(void *ctx, const char *table, size_t used, size_t cap, bool internals)
{
    (void)table, (void)used, (void)internals;
    *(size_t *)ctx += cap;
}

size_t rec_bytes(const Recording *r)
{
    size_t n = 0;
    bytes_tables(r, bytes_sum, &n);
    return n;
}

void rec_bytes_detail(const Recording *r, RecBytesFn fn, void *ctx)
{
    bytes_tables(r, fn, ctx);
}
