/* check_seek.c: the seek index (src/record/seek.c) over real recordings.
 * Owns: the seek suite. Every query is checked against a brute-force
 * answer computed from the recording itself (a linear scan of the steps,
 * or every task's state), on the shipped scenarios. */
#include "suites.h"

#include "fixture.h"

#include "../src/record/live.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const scenario_files[] = {
    "scenarios/gather.py",         "scenarios/blocking_sleep.py", "scenarios/fire_and_forget.py",
    "scenarios/never_awaited.py",  "scenarios/slow_fast.py",      "scenarios/dashboard.py",
    "scenarios/return_exceptions.py", "scenarios/sequential_vs_gather.py",
};

START_TEST(test_moments_match_scan)
{
    Fixture f;
    fixture_open_file(&f, scenario_files[_i]);
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t n = rec_nsteps(r);
    ck_assert_uint_gt(n, 0);
    /* a moment starts exactly where the time changes */
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        double t = rec_step_at(r, i)->t;
        if (i == 0 || t != rec_step_at(r, i - 1)->t) {
            ck_assert_uint_eq(seek_moment_step(s, m), i);
            ck_assert(seek_moment_time(s, m) == t);
            m++;
        }
        ck_assert_uint_eq(seek_moment_of(s, i), m - 1);
    }
    ck_assert_uint_eq(seek_moments(s), m);
    ck_assert(seek_end_time(s) == rec_step_at(r, n - 1)->t);
    fixture_close(&f);
}
END_TEST

START_TEST(test_step_at_time)
{
    Fixture f;
    fixture_open_file(&f, scenario_files[_i]);
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t n = rec_nsteps(r);
    ck_assert_uint_eq(seek_step_at_time(s, -1), 0);
    ck_assert_uint_eq(seek_step_at_time(s, 0), 0);
    for (size_t m = 0; m < seek_moments(s); m++) {
        double t = seek_moment_time(s, m);
        ck_assert_uint_eq(seek_step_at_time(s, t), seek_moment_step(s, m));
        /* halfway to the next moment: the last step before it */
        double next = m + 1 < seek_moments(s) ? seek_moment_time(s, m + 1) : t + 1;
        size_t last = m + 1 < seek_moments(s) ? seek_moment_step(s, m + 1) - 1 : n - 1;
        ck_assert_uint_eq(seek_step_at_time(s, (t + next) / 2), last);
    }
    ck_assert_uint_eq(seek_step_at_time(s, seek_end_time(s) + 100), n - 1);
    fixture_close(&f);
}
END_TEST

START_TEST(test_logs_match_scan)
{
    Fixture f;
    fixture_open_file(&f, scenario_files[_i]);
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t n = rec_nsteps(r), k = 0;
    long last = -1;
    for (size_t i = 0; i < n; i++) {
        if (rec_step_at(r, i)->log) {
            ck_assert_uint_eq(seek_log_step(s, k), i);
            last = (long)k++;
        }
        ck_assert_int_eq(seek_log_of(s, i), last);
    }
    ck_assert_uint_eq(seek_logs(s), k);
    fixture_close(&f);
}
END_TEST

/* The running task from the step kinds agrees with the recorded states. */
START_TEST(test_running_matches_states)
{
    Fixture f;
    fixture_open_file(&f, scenario_files[_i]);
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t n = rec_nsteps(r);
    for (size_t i = 0; i < n; i++) {
        int running = -1, count = 0;
        for (int id = 0; id < rec_ntasks(r); id++) {
            TaskView tv;
            if (rec_task_at(r, id, i, &tv) && tv.state == TS_RUNNING) {
                running = id;
                count++;
            }
        }
        ck_assert_int_le(count, 1);
        ck_assert_msg(seek_running(s, i) == running, "%s step %zu: seek says %d, states say %d",
                      scenario_files[_i], i + 1, seek_running(s, i), running);
    }
    fixture_close(&f);
}
END_TEST

START_TEST(test_tasks_visible_in_creation_order)
{
    Fixture f;
    fixture_open_file(&f, scenario_files[_i]);
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t n = rec_nsteps(r), k = 0;
    for (int id = 0; id < rec_ntasks(r); id++) {
        TaskView tv;
        if (rec_task_at(r, id, n - 1, &tv) && !tv.hidden)
            ck_assert_int_eq(seek_task(s, k++), id);
    }
    ck_assert_uint_eq(seek_tasks(s), k);
    ck_assert_int_eq(seek_task(s, k), -1);
    fixture_close(&f);
}
END_TEST

START_TEST(test_blocks)
{
    Fixture f;
    fixture_open_file(&f, "scenarios/blocking_sleep.py");
    const Recording *r = f.rec;
    const Seek *s = f.seek;
    size_t expect = 0;
    for (size_t i = 0; i < rec_nsteps(r); i++)
        expect += rec_step_at(r, i)->kind == SK_BLOCK;
    ck_assert_uint_gt(expect, 0);
    ck_assert_uint_eq(seek_blocks(s), expect);
    double t0, t1;
    size_t step;
    seek_block(s, 0, &t0, &t1, &step);
    ck_assert_int_eq(rec_step_at(r, step)->kind, SK_BLOCK);
    ck_assert(t0 < t1);
    ck_assert(t1 == rec_step_at(r, step)->t && t0 == rec_step_at(r, step)->t0);
    /* out of range reads as an empty stretch, not a crash */
    seek_block(s, 1000, &t0, &t1, &step);
    ck_assert(t0 == 0 && t1 == 0);
    fixture_close(&f);
}
END_TEST

START_TEST(test_empty_recording)
{
    Recording *r = rec_new(0);
    Seek *s = seek_new(r);
    ck_assert_uint_eq(seek_moments(s), 0);
    ck_assert_uint_eq(seek_logs(s), 0);
    ck_assert_uint_eq(seek_step_at_time(s, 3), 0);
    ck_assert_int_eq(seek_log_of(s, 5), -1);
    ck_assert_int_eq(seek_running(s, 0), -1);
    ck_assert(seek_end_time(s) == 0);
    seek_free(s);
    rec_free(r);
}
END_TEST


START_TEST(test_lanes)
{
    Recording *r = rec_new(0);
    int a = rec_lane(r, "asyncio_0", LANE_THREAD);
    ck_assert_int_eq(rec_lane(r, "asyncio_0", LANE_THREAD), a);
    int b = rec_lane(r, "asyncio_1", LANE_THREAD);
    ck_assert_int_ne(a, b);
    ck_assert(rec_step(r, SK_LOOP, 0, -1, 0, "", "", ""));
    ck_assert(rec_step(r, SK_JOB_START, 0, -1, 0, "asyncio_0", "", "")); /* step 1 */
    int j0 = rec_job_new(r, a, "load", 0, 1.0);
    ck_assert(rec_step(r, SK_JOB_START, 0, -1, 0, "asyncio_1", "", "")); /* step 2 */
    int j1 = rec_job_new(r, b, "parse", 0, 0.5);
    ck_assert(rec_step(r, SK_JOB_END, 0.5, -1, 0, "asyncio_1", "", "")); /* step 3 */
    rec_job_end(r, j1, JOB_RESULT);
    ck_assert(rec_step(r, SK_JOB_END, 1.0, -1, 0, "asyncio_0", "", "")); /* step 4 */
    rec_job_end(r, j0, JOB_RAISED);
    ck_assert(rec_step(r, SK_END, 1.0, -1, 0, "", "", ""));
    Seek *s = seek_new(r);
    ck_assert_int_eq(seek_lane_job(s, a, 0), -1);
    ck_assert_int_eq(seek_lane_job(s, a, 1), j0);
    ck_assert_int_eq(seek_lane_job(s, b, 1), -1);
    ck_assert_int_eq(seek_lane_job(s, b, 2), j1);
    ck_assert_int_eq(seek_lane_job(s, b, 3), -1);
    ck_assert_int_eq(seek_lane_job(s, a, 3), j0);
    ck_assert_int_eq(seek_lane_job(s, a, 4), -1);
    ck_assert_int_eq(seek_busy_lanes(s, 2), 2);
    ck_assert_int_eq(seek_busy_lanes(s, 3), 1);
    ck_assert_int_eq(seek_busy_lanes(s, 5), 0);
    ck_assert_int_eq(seek_lane_job_at_time(s, a, 0.75), j0);
    ck_assert_int_eq(seek_lane_job_at_time(s, b, 0.75), -1);
    ck_assert_int_eq(seek_lane_job_at_time(s, a, 1.0), -1);
    ck_assert_int_eq(seek_lane_job(s, 7, 1), -1);
    JobView jv;
    ck_assert(rec_job_at(r, j0, &jv));
    ck_assert_str_eq(jv.func, "load");
    ck_assert_int_eq(jv.status, JOB_RAISED);
    ck_assert_uint_eq(rec_lane_step(r, b), 0);
    seek_free(s);
    rec_free(r);
}
END_TEST

/* A shared recording publishes all its steps but the last (whose task
 * changes may still come) until the writer finishes. */
START_TEST(test_published_while_growing)
{
    Recording *r = rec_new(0);
    rec_share(r);
    ck_assert_uint_eq(rec_published(r), 0);
    ck_assert(!rec_done(r));
    ck_assert(rec_step(r, SK_LOOP, 0, -1, 0, "", "", "[0.00] loop"));
    ck_assert_uint_eq(rec_published(r), 0);
    ck_assert(rec_step(r, SK_CLOCK, 1, -1, 0, "", "", "[1.00] clock"));
    ck_assert_uint_eq(rec_published(r), 1);
    rec_lock(r);
    Seek *s = seek_new(r);
    rec_unlock(r);
    ck_assert_uint_eq(seek_nsteps(s), 1);
    ck_assert_uint_eq(seek_logs(s), 1);
    ck_assert(seek_end_time(s) == 0);
    rec_finish(r);
    ck_assert(rec_done(r));
    ck_assert_uint_eq(rec_published(r), 2);
    ck_assert_uint_eq(seek_update(s), 1);
    ck_assert_uint_eq(seek_nsteps(s), 2);
    ck_assert_uint_eq(seek_moments(s), 2);
    ck_assert(seek_end_time(s) == 1);
    ck_assert_uint_eq(seek_update(s), 0);
    /* a cancelled shared recording refuses steps, except the final ones */
    Recording *c = rec_new(0);
    rec_share(c);
    rec_cancel(c);
    ck_assert(!rec_step(c, SK_LOOP, 0, -1, 0, "", "", ""));
    ck_assert(rec_full(c));
    ck_assert(rec_step(c, SK_LIMIT, 0, -1, 0, "", "", ""));
    rec_free(c);
    seek_free(s);
    rec_free(r);
}
END_TEST

/* Tasks come to exist out of id order: the index keeps creation (id)
 * order, places each task once, and skips hidden ones. */
START_TEST(test_growing_tasks_in_order)
{
    Recording *r = rec_new(0);
    int a = rec_task_new(r, "Task-1", "main", false);
    int b = rec_task_new(r, "Task-2", "helper", true);
    int c = rec_task_new(r, "Task-3", "worker", false);
    ck_assert(rec_step(r, SK_CREATE, 0, c, 1, "", "", ""));
    rec_task_set(r, c, TS_READY, OUT_NONE, "", "", 1, 0);
    Seek *s = seek_new(r);
    ck_assert_uint_eq(seek_tasks(s), 1);
    ck_assert_int_eq(seek_task(s, 0), c);
    ck_assert(rec_step(r, SK_CREATE, 0, a, 1, "", "", ""));
    rec_task_set(r, a, TS_READY, OUT_NONE, "", "", 1, 1);
    rec_task_set(r, b, TS_READY, OUT_NONE, "", "", 1, 2);
    seek_update(s);
    ck_assert_uint_eq(seek_tasks(s), 2);
    ck_assert_int_eq(seek_task(s, 0), a);
    ck_assert_int_eq(seek_task(s, 1), c);
    seek_update(s); /* nothing new: nothing placed twice */
    ck_assert_uint_eq(seek_tasks(s), 2);
    seek_free(s);
    rec_free(r);
}
END_TEST

typedef struct Growing {
    Source *src;
    SimRun *run;
} Growing;

static void run_it(void *p) { sim_exec(((Growing *)p)->run); }

/* The index of a recording made on another thread, brought up to date
 * while it grows, ends equal to an index of the finished recording; and
 * at every look it covers exactly the published steps. */
START_TEST(test_growing_matches_finished)
{
    static const char py[] =
        "import asyncio\n"
        "import time\n"
        "async def tick(name, n, d):\n"
        "    for i in range(n):\n"
        "        await asyncio.sleep(d)\n"
        "        if i % 50 == 0:\n"
        "            print(name, i)\n"
        "    return n\n"
        "async def main():\n"
        "    ts = [asyncio.create_task(tick('t%d' % k, 400 + k, 0.01 * (k + 1))) for k in range(8)]\n"
        "    await asyncio.sleep(0.5)\n"
        "    extra = asyncio.create_task(tick('late', 300, 0.02))\n"
        "    print(await asyncio.gather(*ts, extra))\n"
        "    time.sleep(0.25)\n"
        "asyncio.run(main())\n";
    Growing g;
    g.src = source_from_string("growing.py", py, sizeof py - 1);
    LangError err = {0};
    g.run = sim_load(g.src, NULL, &err);
    ck_assert_ptr_nonnull(g.run);
    Recording *r = sim_recording(g.run);
    Live *live = live_start(r, run_it, &g);
    ck_assert_ptr_nonnull(live);
    rec_lock(r);
    Seek *s = seek_new(r);
    rec_unlock(r);
    size_t looks = 0;
    for (;;) {
        rec_lock(r);
        seek_update(s);
        bool done = rec_done(r);
        size_t n = rec_nsteps(r);
        ck_assert_uint_eq(seek_nsteps(s), done || !n ? n : n - 1);
        /* what is indexed answers as the recording says */
        size_t k = seek_nsteps(s);
        if (k) {
            ck_assert(seek_end_time(s) == rec_step_at(r, k - 1)->t);
            ck_assert_uint_eq(seek_moment_step(s, seek_moment_of(s, k - 1)) <= k - 1, 1);
        }
        rec_unlock(r);
        looks++;
        if (done)
            break;
        struct timespec ms = {0, 200000};
        nanosleep(&ms, NULL);
    }
    ck_assert(live_stop(live, false, 10));
    Seek *full = seek_new(r);
    size_t n = rec_nsteps(r);
    ck_assert_uint_gt(n, 3000);
    ck_assert_uint_eq(seek_nsteps(s), n);
    ck_assert_uint_eq(seek_moments(s), seek_moments(full));
    for (size_t m = 0; m < seek_moments(full); m++) {
        ck_assert(seek_moment_time(s, m) == seek_moment_time(full, m));
        ck_assert_uint_eq(seek_moment_step(s, m), seek_moment_step(full, m));
    }
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(seek_moment_of(s, i), seek_moment_of(full, i));
        ck_assert_int_eq(seek_running(s, i), seek_running(full, i));
        ck_assert_int_eq(seek_log_of(s, i), seek_log_of(full, i));
    }
    ck_assert_uint_eq(seek_logs(s), seek_logs(full));
    ck_assert_uint_eq(seek_blocks(s), seek_blocks(full));
    ck_assert_uint_eq(seek_blocks(s), 1);
    ck_assert_uint_eq(seek_tasks(s), seek_tasks(full));
    for (size_t i = 0; i < seek_tasks(full); i++)
        ck_assert_int_eq(seek_task(s, i), seek_task(full, i));
    ck_assert(seek_end_time(s) == seek_end_time(full));
    ck_assert_uint_ge(looks, 1);
    seek_free(full);
    seek_free(s);
    rec_free(r);
    source_free(g.src);
}
END_TEST

Suite *seek_suite(void)
{
    Suite *s = suite_create("seek");
    TCase *tc = tcase_create("seek");
    int nfiles = (int)(sizeof scenario_files / sizeof scenario_files[0]);
    tcase_add_loop_test(tc, test_moments_match_scan, 0, nfiles);
    tcase_add_loop_test(tc, test_step_at_time, 0, nfiles);
    tcase_add_loop_test(tc, test_logs_match_scan, 0, nfiles);
    tcase_add_loop_test(tc, test_running_matches_states, 0, nfiles);
    tcase_add_loop_test(tc, test_tasks_visible_in_creation_order, 0, nfiles);
    tcase_add_test(tc, test_blocks);
    tcase_add_test(tc, test_empty_recording);
    tcase_add_test(tc, test_lanes);
    tcase_add_test(tc, test_published_while_growing);
    tcase_add_test(tc, test_growing_tasks_in_order);
    tcase_add_test(tc, test_growing_matches_finished);
    suite_add_tcase(s, tc);
    return s;
}
