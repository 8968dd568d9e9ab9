/* seek.c: indexes over a recording for moving around it by time, moment
 * and log line. See seek.h. Each step is indexed once, in order, when
 * seek_update first sees it published (all at once for a finished run, a
 * batch at a time for one still recording); queries are array reads or
 * binary searches. */
#include "seek.h"

#include "../base/base.h"

#include <stdlib.h>
#include <string.h>

typedef struct Block {
    double t0, t1;
    size_t step;
} Block;

struct Seek {
    size_t nsteps;      /* steps indexed so far */
    size_t cap;         /* room in the per-step arrays */
    double end;
    double *mtime;      /* moments: distinct times, ascending */
    size_t *mstep;      /* first step of each moment */
    size_t nmoments;
    size_t *moment_of;  /* step -> moment */
    size_t *logs;       /* steps with a log line */
    size_t nlogs;
    size_t *prints;     /* SK_PRINT steps: the scenario's output lines */
    size_t nprints;
    Block *blocks;
    size_t nblocks, capb;
    int *tasks;         /* visible task ids, creation order */
    size_t ntasks, captasks;
    unsigned char *seen;  /* task id -> already placed (shown or hidden) */
    int nseen;            /* task ids the seen array covers */
    int task_scan;        /* every id below it is placed */
    int *running;       /* step -> running task id or -1 */
    int run_now;        /* the running task after the last indexed step */
    const Recording *rec;
    int nlanes;
    int **lane_jobs;    /* per lane: its job ids in start order */
    size_t *lane_njobs;
    int next_job;       /* jobs below it are placed in their lanes */
};

/* Two step times are the same moment when they print the same at the
 * recording's resolution (the loop's clock resolution is 1e-9). */
static bool same_time(double a, double b)
{
    double d = a - b;
    return d < 1e-9 && d > -1e-9;
}

Seek *seek_new(const Recording *r)
{
    Seek *s = xcalloc(1, sizeof *s);
    s->rec = r;
    s->run_now = -1;
    seek_update(s);
    return s;
}

/* Room for n steps in every per-step array. */
static void reserve_steps(Seek *s, size_t n)
{
    if (n <= s->cap && s->cap)
        return;
    size_t cap = s->cap ? s->cap : 256;
    while (cap < n)
        cap *= 2;
    s->mtime = xrealloc(s->mtime, cap * sizeof(double));
    s->mstep = xrealloc(s->mstep, cap * sizeof(size_t));
    s->moment_of = xrealloc(s->moment_of, cap * sizeof(size_t));
    s->logs = xrealloc(s->logs, cap * sizeof(size_t));
    s->prints = xrealloc(s->prints, cap * sizeof(size_t));
    s->running = xrealloc(s->running, cap * sizeof(int));
    s->cap = cap;
}

/* Index one more step, i (the steps before it are indexed). */
static void index_step(Seek *s, size_t i, const Step *st)
{
    /* Times never go back; a moment starts where the time moves on. */
    if (!s->nmoments || !same_time(st->t, s->mtime[s->nmoments - 1])) {
        s->mtime[s->nmoments] = st->t;
        s->mstep[s->nmoments] = i;
        s->nmoments++;
    }
    s->moment_of[i] = s->nmoments - 1;
    if (st->log)
        s->logs[s->nlogs++] = i;
    if (st->kind == SK_PRINT)
        s->prints[s->nprints++] = i;
    if (st->kind == SK_BLOCK) {
        if (s->nblocks == s->capb) {
            s->capb = s->capb ? s->capb * 2 : 8;
            s->blocks = xrealloc(s->blocks, s->capb * sizeof(Block));
        }
        s->blocks[s->nblocks++] = (Block){st->t0, st->t, i};
    }
    /* The running task changes only on the steps that hand control over. */
    switch ((StepKind)st->kind) {
    case SK_START:
    case SK_RESUME:
        s->run_now = st->task;
        break;
    case SK_SUSPEND:
    case SK_DONE:
    case SK_RAISED:
    case SK_CANCELLED:
        if (st->task == s->run_now)
            s->run_now = -1;
        break;
    case SK_END:
    case SK_ERROR:
    case SK_UNHANDLED:
    case SK_DEADLOCK:
    case SK_LOOP:
        s->run_now = -1;
        break;
    default:
        break;
    }
    s->running[i] = s->run_now;
    s->end = st->t;
}

/* The visible tasks that exist by the last indexed step, in id (creation)
 * order. A task is placed once, when it first exists; an id that does not
 * exist yet is looked at again next time. */
static void index_tasks(Seek *s)
{
    const Recording *r = s->rec;
    int nt = rec_ntasks(r);
    if (nt > s->nseen) {
        s->seen = xrealloc(s->seen, (size_t)nt);
        memset(s->seen + s->nseen, 0, (size_t)(nt - s->nseen));
        s->nseen = nt;
    }
    if (!s->nsteps)
        return;
    for (int id = s->task_scan; id < nt; id++) {
        TaskView tv;
        if (s->seen[id] || !rec_task_at(r, id, s->nsteps - 1, &tv))
            continue;
        s->seen[id] = 1;
        if (tv.hidden)
            continue;
        if (s->ntasks == s->captasks) {
            s->captasks = s->captasks ? s->captasks * 2 : 16;
            s->tasks = xrealloc(s->tasks, s->captasks * sizeof(int));
        }
        size_t k = s->ntasks++; /* usually at the end; kept in id order */
        while (k > 0 && s->tasks[k - 1] > id) {
            s->tasks[k] = s->tasks[k - 1];
            k--;
        }
        s->tasks[k] = id;
    }
    while (s->task_scan < nt && s->seen[s->task_scan])
        s->task_scan++;
}

/* Jobs whose start step is indexed, each in its lane's list. */
static void index_jobs(Seek *s)
{
    const Recording *r = s->rec;
    int nl = rec_nlanes(r);
    if (nl > s->nlanes) {
        s->lane_jobs = xrealloc(s->lane_jobs, ((size_t)nl + 1) * sizeof *s->lane_jobs);
        s->lane_njobs = xrealloc(s->lane_njobs, ((size_t)nl + 1) * sizeof *s->lane_njobs);
        for (int i = s->nlanes; i <= nl; i++) {
            s->lane_jobs[i] = NULL;
            s->lane_njobs[i] = 0;
        }
        s->nlanes = nl;
    }
    int nj = rec_njobs(r);
    while (s->next_job < nj) {
        JobView jv;
        rec_job_at(r, s->next_job, &jv);
        if (s->nsteps == 0 || jv.step0 >= s->nsteps)
            break; /* jobs start in step order: the rest start later too */
        if (jv.lane >= 0 && jv.lane < s->nlanes) {
            size_t k = s->lane_njobs[jv.lane]++;
            s->lane_jobs[jv.lane] = xrealloc(s->lane_jobs[jv.lane], (k + 1) * sizeof(int));
            s->lane_jobs[jv.lane][k] = s->next_job;
        }
        s->next_job++;
    }
}

size_t seek_update(Seek *s)
{
    const Recording *r = s->rec;
    size_t n = rec_published(r);
    size_t before = s->nsteps;
    if (n > s->nsteps) {
        reserve_steps(s, n);
        for (size_t i = s->nsteps; i < n; i++)
            index_step(s, i, rec_step_at(r, i));
        s->nsteps = n;
    } else if (!s->cap) {
        reserve_steps(s, 1);
    }
    index_tasks(s);
    index_jobs(s);
    return s->nsteps - before;
}

size_t seek_nsteps(const Seek *s) { return s->nsteps; }

void seek_free(Seek *s)
{
    if (!s)
        return;
    xfree(s->mtime);
    xfree(s->mstep);
    xfree(s->moment_of);
    xfree(s->logs);
    xfree(s->prints);
    xfree(s->blocks);
    xfree(s->tasks);
    xfree(s->running);
    xfree(s->seen);
    for (int i = 0; i < s->nlanes; i++)
        xfree(s->lane_jobs[i]);
    xfree(s->lane_jobs);
    xfree(s->lane_njobs);
    xfree(s);
}

double seek_end_time(const Seek *s) { return s->end; }
size_t seek_moments(const Seek *s) { return s->nmoments; }
double seek_moment_time(const Seek *s, size_t i) { return i < s->nmoments ? s->mtime[i] : s->end; }
size_t seek_moment_step(const Seek *s, size_t i) { return i < s->nmoments ? s->mstep[i] : 0; }
size_t seek_moment_of(const Seek *s, size_t step) { return step < s->nsteps ? s->moment_of[step] : 0; }

size_t seek_step_at_time(const Seek *s, double t)
{
    if (!s->nmoments)
        return 0;
    /* the last moment whose time is <= t (treating "the same" as equal) */
    size_t lo = 0, hi = s->nmoments;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (s->mtime[mid] <= t || same_time(s->mtime[mid], t))
            lo = mid;
        else
            hi = mid;
    }
    if (same_time(s->mtime[lo], t) || t < s->mtime[lo])
        return s->mstep[lo];
    /* t falls in the gap after moment lo: show its last step */
    return lo + 1 < s->nmoments ? s->mstep[lo + 1] - 1 : s->nsteps - 1;
}

size_t seek_logs(const Seek *s) { return s->nlogs; }
size_t seek_log_step(const Seek *s, size_t i) { return i < s->nlogs ? s->logs[i] : 0; }

/* The last index into steps[0..n) (ascending) whose step is <= step, or -1. */
static long last_at_or_before(const size_t *steps, size_t n, size_t step)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (steps[mid] <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

long seek_log_of(const Seek *s, size_t step) { return last_at_or_before(s->logs, s->nlogs, step); }

size_t seek_prints(const Seek *s) { return s->nprints; }
size_t seek_print_step(const Seek *s, size_t i) { return i < s->nprints ? s->prints[i] : 0; }
long seek_print_of(const Seek *s, size_t step) { return last_at_or_before(s->prints, s->nprints, step); }

size_t seek_blocks(const Seek *s) { return s->nblocks; }

void seek_block(const Seek *s, size_t i, double *t0, double *t1, size_t *step)
{
    static const Block none;
    const Block *b = i < s->nblocks ? &s->blocks[i] : &none;
    if (t0)
        *t0 = b->t0;
    if (t1)
        *t1 = b->t1;
    if (step)
        *step = b->step;
}

size_t seek_tasks(const Seek *s) { return s->ntasks; }
int seek_task(const Seek *s, size_t i) { return i < s->ntasks ? s->tasks[i] : -1; }
int seek_running(const Seek *s, size_t step) { return step < s->nsteps ? s->running[step] : -1; }

/* The last job on lane that starts at or before the key (a step, or a time
 * when by_time), if it is still running there. */
static int lane_search(const Seek *s, int lane, size_t step, double t, bool by_time)
{
    if (lane < 0 || lane >= s->nlanes)
        return -1;
    const int *ids = s->lane_jobs[lane];
    size_t lo = 0, hi = s->lane_njobs[lane];
    JobView jv;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        rec_job_at(s->rec, ids[mid], &jv);
        if (by_time ? jv.t0 <= t : jv.step0 <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (!lo)
        return -1;
    rec_job_at(s->rec, ids[lo - 1], &jv);
    bool busy = by_time ? t < jv.t1 : step < jv.step1;
    return busy ? ids[lo - 1] : -1;
}

int seek_lane_job(const Seek *s, int lane, size_t step) { return lane_search(s, lane, step, 0, false); }
int seek_lane_job_at_time(const Seek *s, int lane, double t) { return lane_search(s, lane, 0, t, true); }

int seek_busy_lanes(const Seek *s, size_t step)
{
    int n = 0;
    for (int i = 0; i < s->nlanes; i++)
        n += seek_lane_job(s, i, step) >= 0;
    return n;
}
