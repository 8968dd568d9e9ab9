/* check_rec.c: the recording module alone (src/record/rec.c).
 * Owns: the rec suite. Interned strings, steps and their limit, task
 * creation and visibility, and rec_task_at's binary search checked against
 * a brute-force model (a flat log of every change, scanned linearly) over
 * random change sequences from a fixed-seed PRNG, so a failure replays.
 * Steps' packed storage is checked the same way (a model of random steps
 * read back in every order), and labels kept as numbers read back exact.
 * Knows nothing about the simulator: every call here is rec.h's API.
 * known_bugs holds checks that fail today; they only run with
 * LOOPSCOPE_KNOWN_BUGS=1. */
#include "suites.h"

#include "../src/record/rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift64*: small, fixed-seed, the same sequence on every platform */
static uint64_t rng_state;

static void rng_seed(uint64_t s)
{
    rng_state = s ? s : 0x9e3779b97f4a7c15ULL;
}

static uint32_t rng(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

/* ------------------------------------------------------------ strings */

START_TEST(test_intern_basics)
{
    Recording *r = rec_new(0);
    ck_assert_uint_eq(rec_intern(r, ""), 0);
    ck_assert_uint_eq(rec_intern(r, NULL), 0);
    ck_assert_str_eq(rec_str(r, 0), "");
    uint32_t a = rec_intern(r, "sleep(1)");
    uint32_t b = rec_intern(r, "sleep(1) until 1.00");
    uint32_t c = rec_intern(r, "sleep");
    ck_assert_uint_ne(a, 0);
    ck_assert(a != b && b != c && a != c);
    ck_assert_uint_eq(rec_intern(r, "sleep(1)"), a);
    char buf[32];
    strcpy(buf, "sleep(1)");
    ck_assert_uint_eq(rec_intern(r, buf), a); /* by content, not by pointer */
    ck_assert_str_eq(rec_str(r, a), "sleep(1)");
    ck_assert_str_eq(rec_str(r, b), "sleep(1) until 1.00");
    ck_assert_str_eq(rec_str(r, c), "sleep");
    /* UTF-8 is stored as bytes */
    uint32_t u = rec_intern(r, "\xe2\x86\x92 42");
    ck_assert_str_eq(rec_str(r, u), "\xe2\x86\x92 42");
    /* an id that was never handed out reads as "" */
    ck_assert_str_eq(rec_str(r, 1000000), "");
    rec_free(r);
}
END_TEST

/* Enough strings to grow the pool, the id table and the hash many times. */
START_TEST(test_intern_many)
{
    Recording *r = rec_new(0);
    enum { N = 200000 };
    uint32_t *ids = malloc(N * sizeof *ids);
    char buf[64];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "label %d of a long-ish string", i);
        ids[i] = rec_intern(r, buf);
        if (ids[i] == 0 || (i && ids[i] <= ids[i - 1])) /* new strings get new ids */
            ck_abort_msg("string %d got id %u", i, ids[i]);
    }
    for (int i = N - 1; i >= 0; i--) {
        snprintf(buf, sizeof buf, "label %d of a long-ish string", i);
        if (rec_intern(r, buf) != ids[i] || strcmp(rec_str(r, ids[i]), buf) != 0)
            ck_abort_msg("string %d: id %u reads '%s'", i, ids[i], rec_str(r, ids[i]));
    }
    free(ids);
    rec_free(r);
}
END_TEST

/* -------------------------------------------------------------- steps */

START_TEST(test_steps)
{
    Recording *r = rec_new(0);
    ck_assert_uint_eq(rec_nsteps(r), 0);
    ck_assert_ptr_null(rec_step_at(r, 0));
    rec_set_t0(r, 5.0); /* no step yet: nothing to change */
    char text[16] = "hello";
    ck_assert(rec_step(r, SK_PRINT, 1.5, 3, 12, text, "a caption", "[1.50] print: hello"));
    strcpy(text, "changed"); /* strings were copied */
    ck_assert(rec_step(r, SK_CLOCK, 2.5, -1, 0, NULL, "", NULL));
    rec_set_t0(r, 1.5);
    ck_assert(rec_step(r, SK_BLOCK, 3.0, 0, 7, "", "blocks", ""));
    ck_assert_uint_eq(rec_nsteps(r), 3);

    const Step *s = rec_step_at(r, 0);
    ck_assert_int_eq(s->kind, SK_PRINT);
    ck_assert(s->t == 1.5 && s->t0 == 1.5); /* t0 defaults to t */
    ck_assert_int_eq(s->task, 3);
    ck_assert_int_eq(s->line, 12);
    ck_assert_str_eq(rec_str(r, s->text), "hello");
    ck_assert_str_eq(rec_str(r, s->caption), "a caption");
    ck_assert_str_eq(rec_str(r, s->log), "[1.50] print: hello");

    s = rec_step_at(r, 1);
    ck_assert_int_eq(s->kind, SK_CLOCK);
    ck_assert(s->t0 == 1.5 && s->t == 2.5); /* rec_set_t0 changed the last step only */
    ck_assert_int_eq(s->task, -1);
    ck_assert_uint_eq(s->text, 0);
    ck_assert_uint_eq(s->caption, 0);
    ck_assert_uint_eq(s->log, 0);
    s = rec_step_at(r, 2);
    ck_assert(s->t0 == 3.0);
    ck_assert_ptr_null(rec_step_at(r, 3));
    ck_assert(!rec_full(r));
    rec_free(r);
}
END_TEST

static bool is_final(StepKind k)
{
    return k == SK_END || k == SK_ERROR || k == SK_DEADLOCK || k == SK_LIMIT || k == SK_UNHANDLED;
}

/* rec_step returns false once max_steps steps are recorded, except for the
 * kinds that end a run, which always fit. */
START_TEST(test_step_limit)
{
    Recording *r = rec_new(10);
    for (int i = 0; i < 10; i++) {
        ck_assert(!rec_full(r));
        ck_assert(rec_step(r, SK_RESUME, i, 0, 1, "", "", ""));
    }
    ck_assert_uint_eq(rec_nsteps(r), 10);
    for (int k = 0; k < SK_KIND_COUNT; k++) {
        if (is_final((StepKind)k))
            continue;
        ck_assert_msg(!rec_step(r, (StepKind)k, 99, 0, 1, "over", "", ""), "kind %d fit", k);
        ck_assert(rec_full(r));
    }
    ck_assert_uint_eq(rec_nsteps(r), 10);
    ck_assert(rec_step(r, SK_LIMIT, 10, -1, 0, "limit", "limit", ""));
    ck_assert(rec_step(r, SK_END, 10, -1, 0, "", "", ""));
    ck_assert(rec_step(r, SK_ERROR, 10, -1, 0, "ValueError", "", ""));
    ck_assert(rec_step(r, SK_DEADLOCK, 10, -1, 0, "", "", ""));
    ck_assert(rec_step(r, SK_UNHANDLED, 10, -1, 0, "TypeError", "", ""));
    ck_assert_uint_eq(rec_nsteps(r), 15);
    ck_assert_int_eq(rec_step_at(r, 10)->kind, SK_LIMIT);
    ck_assert_str_eq(rec_str(r, rec_step_at(r, 10)->text), "limit");
    ck_assert_int_eq(rec_step_at(r, 13)->kind, SK_DEADLOCK);
    /* still full for everything else */
    ck_assert(!rec_step(r, SK_PRINT, 11, -1, 0, "late", "", ""));
    ck_assert_uint_eq(rec_nsteps(r), 15);
    rec_free(r);

    /* 0 means no limit */
    r = rec_new(0);
    for (int i = 0; i < 100000; i++)
        if (!rec_step(r, SK_WAKE, i, 0, 0, NULL, NULL, NULL))
            ck_abort_msg("step %d refused without a limit", i);
    ck_assert(!rec_full(r));
    ck_assert_uint_eq(rec_nsteps(r), 100000);
    ck_assert(rec_step_at(r, 99999)->t == 99999.0);
    rec_free(r);

    /* a limit of 1: the first step fits, the second does not */
    r = rec_new(1);
    ck_assert(rec_step(r, SK_LOOP, 0, -1, 0, "", "", ""));
    ck_assert(!rec_step(r, SK_CREATE, 0, 0, 0, "", "", ""));
    ck_assert(rec_full(r));
    ck_assert(rec_step(r, SK_END, 0, -1, 0, "", "", ""));
    ck_assert_uint_eq(rec_nsteps(r), 2);
    rec_free(r);
}
END_TEST

/* -------------------------------------------------------------- tasks */

START_TEST(test_task_visibility)
{
    Recording *r = rec_new(0);
    TaskView v;
    ck_assert_int_eq(rec_ntasks(r), 0);
    ck_assert(!rec_task_at(r, 0, 0, &v));
    rec_step(r, SK_LOOP, 0, -1, 0, "", "", "");
    int a = rec_task_new(r, "Task-1", "main", false);
    ck_assert_int_eq(a, 0);
    ck_assert_int_eq(rec_ntasks(r), 1);
    /* created but without a state: not visible yet */
    ck_assert(!rec_task_at(r, a, 0, &v));
    rec_step(r, SK_CREATE, 0, a, 3, "", "", "");
    rec_task_set(r, a, TS_READY, OUT_NONE, "scheduled", "main", 3, 1);
    ck_assert(!rec_task_at(r, a, 0, &v));
    ck_assert(rec_task_at(r, a, 1, &v));
    ck_assert_int_eq(v.id, a);
    ck_assert_str_eq(v.name, "Task-1");
    ck_assert_str_eq(v.coro, "main");
    ck_assert_int_eq(v.state, TS_READY);
    ck_assert_int_eq(v.outcome, OUT_NONE);
    ck_assert_str_eq(v.label, "scheduled");
    ck_assert_str_eq(v.chain, "main");
    ck_assert_int_eq(v.line, 3);
    ck_assert_uint_eq(v.order, 1);
    ck_assert(!v.hidden);
    /* every later step, and steps not recorded yet, see the last change */
    ck_assert(rec_task_at(r, a, 1000, &v));
    ck_assert_int_eq(v.state, TS_READY);

    int h = rec_task_new(r, "Task-2", "_shutdown", true);
    ck_assert_int_eq(h, 1);
    rec_step(r, SK_START, 0, a, 3, "Task-1 main", "", "");
    rec_task_set(r, h, TS_RUNNING, OUT_NONE, NULL, NULL, 0, 0);
    ck_assert(rec_task_at(r, h, 2, &v));
    ck_assert(v.hidden);
    ck_assert_str_eq(v.label, "");
    ck_assert_str_eq(v.chain, "");
    ck_assert(!rec_task_at(r, h, 1, &v));

    /* several changes within one step: the last one wins */
    rec_step(r, SK_SUSPEND, 0, a, 4, "", "", "");
    rec_task_set(r, a, TS_RUNNING, OUT_NONE, "", "main", 4, 0);
    rec_task_set(r, a, TS_WAITING, OUT_NONE, "sleep(1) until 1.00", "main", 4, 0);
    ck_assert(rec_task_at(r, a, 3, &v));
    ck_assert_int_eq(v.state, TS_WAITING);
    ck_assert_str_eq(v.label, "sleep(1) until 1.00");
    ck_assert(rec_task_at(r, a, 2, &v));
    ck_assert_int_eq(v.state, TS_READY);

    /* bad ids are ignored or refused */
    rec_task_set(r, -1, TS_DONE, OUT_RESULT, "x", "", 0, 0);
    rec_task_set(r, 2, TS_DONE, OUT_RESULT, "x", "", 0, 0);
    rec_task_rename(r, 7, "nobody");
    ck_assert(!rec_task_at(r, -1, 3, &v));
    ck_assert(!rec_task_at(r, 2, 3, &v));
    ck_assert_int_eq(rec_ntasks(r), 2);

    /* renaming changes the name the views show from now on */
    rec_step(r, SK_RESUME, 1, a, 4, "", "", "");
    rec_task_rename(r, a, "fetcher");
    ck_assert(rec_task_at(r, a, 4, &v));
    ck_assert_str_eq(v.name, "fetcher");
    rec_free(r);
}
END_TEST

/* Known bug: rec.h says a rename shows "from now on", but rec_task_rename
 * overwrites the one name a task has, so views of steps before the rename
 * show the new name too (`loopscope steps` on a scenario that calls
 * set_name at t=1 lists the new name at t=0). */
START_TEST(test_known_rename_history)
{
    Recording *r = rec_new(0);
    int a = rec_task_new(r, "Task-2", "job", false);
    rec_step(r, SK_CREATE, 0, a, 1, "", "", "");
    rec_task_set(r, a, TS_READY, OUT_NONE, "scheduled", "", 1, 0);
    rec_step(r, SK_RESUME, 1, a, 1, "", "", "");
    rec_task_rename(r, a, "renamed");
    TaskView v;
    ck_assert(rec_task_at(r, a, 1, &v));
    ck_assert_str_eq(v.name, "renamed");
    ck_assert(rec_task_at(r, a, 0, &v));
    ck_assert_str_eq(v.name, "Task-2");
    rec_free(r);
}
END_TEST

/* A step's "name coro" text (rec_task_text) is written out when read, with
 * the name the task had when the step was recorded. */
START_TEST(test_task_text)
{
    Recording *r = rec_new(0);
    int a = rec_task_new(r, "Task-2", "job", false);
    const uint32_t none[1] = {0};
    ck_assert(rec_step_lazy_text(r, SK_START, 0, a, 1, rec_task_text(r, a), none, 0));
    rec_task_rename(r, a, "renamed");
    ck_assert(rec_step_lazy_text(r, SK_DONE, 1, a, 2, rec_task_text(r, a), none, 0));
    ck_assert_str_eq(rec_str(r, rec_step_at(r, 0)->text), "Task-2 job");
    ck_assert_str_eq(rec_str(r, rec_step_at(r, 1)->text), "renamed job");
    ck_assert_uint_eq(rec_task_text(r, a), rec_step_at(r, 1)->text); /* one id until the next rename */
    ck_assert_uint_eq(rec_task_text(r, 99), 0);
    rec_free(r);
}
END_TEST

/* Changes made before the first step belong to step 0. */
START_TEST(test_changes_before_first_step)
{
    Recording *r = rec_new(0);
    int a = rec_task_new(r, "t", "c", false);
    rec_task_set(r, a, TS_READY, OUT_NONE, "early", "", 1, 0);
    TaskView v;
    ck_assert(rec_task_at(r, a, 0, &v));
    ck_assert_str_eq(v.label, "early");
    rec_step(r, SK_LOOP, 0, -1, 0, "", "", "");
    rec_task_set(r, a, TS_RUNNING, OUT_NONE, "step0", "", 1, 0);
    ck_assert(rec_task_at(r, a, 0, &v));
    ck_assert_str_eq(v.label, "step0");
    rec_free(r);
}
END_TEST

/* ------------------------------------------- rec_task_at vs brute force */

typedef struct ModelChange {
    int task;
    size_t step;
    TaskState st;
    Outcome out;
    const char *label, *chain; /* from the pool below, never freed */
    int line;
    uint32_t order;
} ModelChange;

static const char *const pool[] = {
    NULL, "", "scheduled", "sleep(1) until 1.00", "gather: 1 of 2 pending", "gather: 2 of 2 pending",
    "task worker", "a future", "\xe2\x86\x92 42", "ValueError('x')", "cancelled", "main \xe2\x86\x92 fetch",
};

static const char *norm(const char *s)
{
    return s ? s : "";
}

/* One random run: ops random operations on a recording with a step limit
 * of max_steps (0: none), then every task at every step (and a few past
 * the end) compared with a linear scan of the change log. */
static void random_run(uint64_t seed, int ops, size_t max_steps, int max_tasks)
{
    rng_seed(seed);
    Recording *r = rec_new(max_steps);
    ModelChange *log = malloc((size_t)ops * 4 * sizeof *log); /* bursts are at most 4 */
    size_t nlog = 0, nsteps = 0, checked = 0;
    int ntasks = 0;
    for (int i = 0; i < ops; i++) {
        uint32_t op = rng(100);
        if (op < 30) {
            StepKind k = (StepKind)rng(SK_KIND_COUNT);
            bool fits = max_steps == 0 || nsteps < max_steps || is_final(k);
            bool ok = rec_step(r, k, (double)nsteps, ntasks ? (int)rng((uint32_t)ntasks) : -1, (int)rng(50),
                               pool[rng(sizeof pool / sizeof pool[0])], "", NULL);
            nsteps += ok;
            if (ok != fits || rec_nsteps(r) != nsteps)
                ck_abort_msg("seed %llu op %d: rec_step returned %d with %zu steps", (unsigned long long)seed, i,
                             ok, nsteps);
        } else if (op < 38 && ntasks < max_tasks) {
            char name[32];
            snprintf(name, sizeof name, "Task-%d", ntasks + 1);
            ck_assert_int_eq(rec_task_new(r, name, "coro", rng(8) == 0), ntasks);
            ntasks++;
        } else if (ntasks) {
            /* one change, or a burst on one task within the same step */
            int t = (int)rng((uint32_t)ntasks);
            int burst = op >= 95 ? 1 + (int)rng(4) : 1;
            for (int b = 0; b < burst; b++) {
                ModelChange c = {
                    .task = t, .step = nsteps ? nsteps - 1 : 0, .st = (TaskState)rng(4),
                    .out = (Outcome)rng(5), .label = pool[rng(sizeof pool / sizeof pool[0])],
                    .chain = pool[rng(sizeof pool / sizeof pool[0])], .line = (int)rng(1000),
                    .order = rng(1u << 20),
                };
                rec_task_set(r, t, c.st, c.out, c.label, c.chain, c.line, c.order);
                log[nlog++] = c;
            }
        }
    }
    ck_assert_int_eq(rec_ntasks(r), ntasks);
    for (int t = 0; t < ntasks; t++) {
        /* this task's changes, in the order they were made */
        ModelChange *mine = malloc((nlog + 1) * sizeof *mine);
        size_t nm = 0;
        for (size_t j = 0; j < nlog; j++)
            if (log[j].task == t)
                mine[nm++] = log[j];
        /* a change at the same step as the task's last one replaces it:
         * one change per step, in order (hist_add's fast path must not
         * append a second) */
        size_t nd = 0;
        for (size_t j = 0; j < nm; j++) {
            if (j + 1 < nm && mine[j + 1].step == mine[j].step)
                continue;
            size_t got = rec_task_change_step(r, t, nd);
            if (got != mine[j].step)
                ck_abort_msg("seed %llu task %d change %zu: step %zu, model %zu", (unsigned long long)seed, t, nd,
                             got, mine[j].step);
            nd++;
        }
        if (rec_task_nchanges(r, t) != nd)
            ck_abort_msg("seed %llu task %d: %zu changes, model %zu", (unsigned long long)seed, t,
                         rec_task_nchanges(r, t), nd);
        for (size_t s = 0; s < nsteps + 3; s++) {
            const ModelChange *want = NULL;
            for (size_t j = 0; j < nm; j++)
                if (mine[j].step <= s)
                    want = &mine[j]; /* the last one made at or before s */
            /* plain comparisons, Check only on a mismatch: this loop runs
             * millions of times and every ck_assert costs a message */
            TaskView v;
            bool got = rec_task_at(r, t, s, &v);
            if (got != (want != NULL))
                ck_abort_msg("seed %llu task %d step %zu: exists %d, model %d", (unsigned long long)seed, t, s,
                             got, want != NULL);
            if (!want)
                continue;
            if (v.state != want->st || v.outcome != want->out || v.line != want->line ||
                v.order != (want->st == TS_READY ? want->order : 0) || v.id != t || strcmp(v.label, norm(want->label)) != 0 ||
                strcmp(v.chain, norm(want->chain)) != 0)
                ck_abort_msg("seed %llu task %d step %zu: got %d/%d '%s' '%s' %d %u, model %d/%d '%s' '%s' %d %u",
                             (unsigned long long)seed, t, s, (int)v.state, (int)v.outcome, v.label, v.chain,
                             v.line, v.order, (int)want->st, (int)want->out, norm(want->label),
                             norm(want->chain), want->line, want->order);
            checked++;
        }
        free(mine);
    }
    ck_assert_uint_gt(checked, nsteps); /* the run was not trivial */
    free(log);
    rec_free(r);
}

START_TEST(test_task_at_model)
{
    static const uint64_t seeds[] = {1, 42, 20240611, 0xdeadbeefcafeULL};
    random_run(seeds[_i], 20000, 0, 40);
}
END_TEST

/* Few steps, many changes: long runs of changes at the same step. */
START_TEST(test_task_at_model_dense)
{
    random_run(7, 5000, 0, 3);
}
END_TEST

/* With a step limit, changes after the limit pile up on the last step. */
START_TEST(test_task_at_model_limited)
{
    random_run(99, 20000, 300, 20);
}
END_TEST

/* ------------------------------------------------------- info / status */

START_TEST(test_info_status)
{
    Recording *r = rec_new(0);
    ck_assert_str_eq(rec_path(r), "");
    ck_assert_str_eq(rec_doc(r), "");
    ck_assert_str_eq(rec_traceback(r), "");
    ck_assert_int_eq(rec_status(r), 0);
    rec_set_info(r, "scenarios/gather.py", "Gather\n\nRuns two at once.");
    ck_assert_str_eq(rec_path(r), "scenarios/gather.py");
    ck_assert_str_eq(rec_doc(r), "Gather\n\nRuns two at once.");
    rec_set_info(r, NULL, NULL);
    ck_assert_str_eq(rec_path(r), "");
    ck_assert_str_eq(rec_doc(r), "");
    rec_set_status(r, 1, "Traceback (most recent call last):\nValueError: x\n");
    ck_assert_int_eq(rec_status(r), 1);
    ck_assert_str_eq(rec_traceback(r), "Traceback (most recent call last):\nValueError: x\n");
    rec_set_status(r, 0, NULL);
    ck_assert_int_eq(rec_status(r), 0);
    ck_assert_str_eq(rec_traceback(r), "");
    rec_free(r);
    rec_free(NULL);
}
END_TEST


/* Steps as recorded, against what was given: a model of 150,000 random
 * steps (lazy ones with up to 7 numbers, a third of them the numbers of the
 * last lazy step of the same kind or with one of them changed, which the
 * storage keeps as "the same"; eager ones with words, texts, lines often
 * the one before; clock jumps with and without a t0 of the step before's time), read back
 * forward, backward and at random, across the storage's blocks and the
 * 64-step groups its differences restart at. */
typedef struct ModelStep {
    StepKind kind;
    double t, t0;
    int task, line;
    bool lazy;
    uint32_t nargs, args[7];
    char text[24], caption[24], log[24];
} ModelStep;

static void check_model_step(const Recording *r, const ModelStep *m, size_t i)
{
    const Step *s = rec_step_at(r, i);
    ck_assert_ptr_nonnull(s);
    ck_assert_msg(s->kind == m->kind && s->task == m->task && s->line == m->line, "step %zu", i);
    ck_assert_msg(s->t == m->t && s->t0 == m->t0, "step %zu: t %g/%g t0 %g/%g", i, s->t, m->t, s->t0, m->t0);
    ck_assert_str_eq(rec_str(r, s->text), m->text);
    const uint32_t *a = rec_step_args(r, i);
    if (m->lazy) {
        for (uint32_t k = 0; k < 7; k++)
            ck_assert_msg(a[k] == (k < m->nargs ? m->args[k] : 0), "step %zu arg %u", i, k);
    } else {
        ck_assert_str_eq(rec_str(r, s->caption), m->caption);
        ck_assert_str_eq(rec_str(r, s->log), m->log);
    }
}

START_TEST(test_step_bytes_model)
{
    enum { N = 150000 };
    rng_seed(0x5715);
    ModelStep *m = calloc(N, sizeof *m);
    ck_assert_ptr_nonnull(m);
    Recording *r = rec_new(0);
    double t = 0;
    size_t last_of[SK_KIND_COUNT] = {0}; /* each kind's last lazy step + 1 */
    for (size_t i = 0; i < N; i++) {
        ModelStep *x = &m[i];
        if (rng(4) == 0)
            t += rng(1000) / 100.0;
        x->t = x->t0 = t;
        /* mostly small ids; some past what a step's 20 bits hold (kept in its bytes) */
        x->task = rng(8) ? (int)rng(2000) - 1 : rng(2) ? 0xFFFFC + (int)rng(8) : (int)rng(1u << 24) - 3;
        x->line = i && rng(2) ? m[i - 1].line : (int)rng(1u << 20);
        x->lazy = rng(3) != 0;
        if (rng(5) == 0)
            snprintf(x->text, sizeof x->text, "Task-%u w", rng(rng(2) ? 10 : 100000));
        if (x->lazy) {
            x->kind = rng(2) ? SK_RESUME : SK_CLOCK;
            x->nargs = rng(8);
            for (uint32_t k = 0; k < x->nargs; k++) {
                uint32_t v = rng(4) == 0 ? 0 : rng(3) == 0 ? rng(5) : rng(2) ? rng(1u << 31) * 2 + rng(2) : rng(70000);
                x->args[k] = v;
            }
            size_t like = last_of[x->kind];
            if (like && rng(3) == 0) { /* the numbers of the last of its kind, or all but one */
                x->nargs = m[like - 1].nargs;
                memcpy(x->args, m[like - 1].args, sizeof x->args);
                if (rng(2) && x->nargs)
                    x->args[rng(x->nargs)] = rng(70000);
            }
            last_of[x->kind] = i + 1;
            while (x->nargs && !x->args[x->nargs - 1]) /* trailing zeros read back as zeros anyway */
                x->nargs--;
            ck_assert(rec_step_lazy(r, x->kind, t, x->task, x->line, x->text, x->args, x->nargs));
        } else {
            x->kind = rng(2) ? SK_PRINT : SK_BLOCK;
            snprintf(x->caption, sizeof x->caption, "cap %u", rng(rng(2) ? 5 : 1000000));
            if (rng(2))
                snprintf(x->log, sizeof x->log, "[%u] log", rng(1000000));
            ck_assert(rec_step(r, x->kind, t, x->task, x->line, x->text, x->caption, x->log));
        }
        if (x->kind == SK_CLOCK || x->kind == SK_BLOCK) {
            x->t0 = rng(2) && i ? m[i - 1].t : t - rng(50) / 10.0;
            rec_set_t0(r, x->t0 + 1); /* set twice: the last one holds */
            rec_set_t0(r, x->t0);
        }
    }
    ck_assert_uint_eq(rec_nsteps(r), N);
    for (size_t i = 0; i < N; i++)
        check_model_step(r, &m[i], i);
    for (size_t i = N; i-- > 0;)
        if (i % 7 == 0)
            check_model_step(r, &m[i], i);
    for (int k = 0; k < 20000; k++) {
        size_t i = rng(N);
        check_model_step(r, &m[i], i);
    }
    rec_free(r);
    free(m);
}
END_TEST

/* A label ending in a time is kept as a number and reads back exactly;
 * anything else is kept as it is. */
START_TEST(test_store_label)
{
    Recording *r = rec_new(0);
    char longp[400];
    memset(longp, 'x', 300);
    strcpy(longp + 300, " until 1.25");
    const char *cases[] = {
        "sleep(1) until 12.35", "sleep(0.5) until 0.00", "until 9999999.99", "t 12345678.90", "a 007.50",
        "a -1.00", "x 12.3", "1.005", "12.34", ".25", "sleep(2)", "", "until 0.05", longp, "Queue.get (empty)",
    };
    uint32_t ids[sizeof cases / sizeof *cases];
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        ids[k] = rec_store_label(r, cases[k]);
    ck_assert_uint_eq(rec_store_label(r, "sleep(1) until 12.35"), ids[0]); /* a recent one: the same id */
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ck_assert_str_eq(rec_str(r, ids[k]), cases[k]);
        ck_assert_str_eq(rec_str(r, ids[k]), cases[k]); /* written out once, read again */
    }
    ck_assert_uint_eq(ids[11], 0);
    rec_free(r);
}
END_TEST

/* rec_num keeps doubles for a narrator's numbers; the same as the last one
 * gets the same id. */
START_TEST(test_num)
{
    Recording *r = rec_new(0);
    uint32_t a = rec_num(r, 1.25), b = rec_num(r, 1.25), c = rec_num(r, 1e300), d = rec_num(r, -0.5);
    ck_assert_uint_eq(a, b);
    ck_assert(rec_num_at(r, a) == 1.25 && rec_num_at(r, c) == 1e300 && rec_num_at(r, d) == -0.5);
    ck_assert(rec_num_at(r, 99) == 0);
    rec_free(r);
}
END_TEST

Suite *rec_suite(void)
{
    Suite *s = suite_create("rec");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_intern_basics);
    tcase_add_test(tc, test_intern_many);
    tcase_add_test(tc, test_steps);
    tcase_add_test(tc, test_step_limit);
    tcase_add_test(tc, test_task_visibility);
    tcase_add_test(tc, test_changes_before_first_step);
    tcase_add_loop_test(tc, test_task_at_model, 0, 4);
    tcase_add_test(tc, test_task_at_model_dense);
    tcase_add_test(tc, test_task_at_model_limited);
    tcase_add_test(tc, test_info_status);
    tcase_add_test(tc, test_step_bytes_model);
    tcase_add_test(tc, test_store_label);
    tcase_add_test(tc, test_num);
    tcase_add_test(tc, test_task_text);
    suite_add_tcase(s, tc);
    if (getenv("LOOPSCOPE_KNOWN_BUGS")) {
        tc = tcase_create("known_bugs");
        tcase_add_test(tc, test_known_rename_history);
        suite_add_tcase(s, tc);
    }
    return s;
}
