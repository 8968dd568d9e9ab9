/* check_narr.c: the narrator's shortcuts, each held to what it skips.
 * Owns: the narr suite. A scenario runs through sim_run (from a string);
 * the checks read the recording (each task's label at a step) and the
 * narrator's counters, which prove a shortcut was taken; each test fails
 * when its shortcut misses a change it should hang on (see each). */
#include "suites.h"

#include "../src/base/source.h"
#include "../src/record/rec.h"
#include "../src/py/py.h"
#include "../src/py/loop/model.h"

#include <stdio.h>
#include <string.h>

static Recording *run(const char *code)
{
    Source *src = source_from_string("<test>", code, strlen(code));
    Recording *rec = NULL;
    LangError err = {0};
    SimStatus st = sim_run(src, NULL, &rec, &err);
    source_free(src);
    ck_assert_msg(st == SIM_OK, "status %d (load error %d:%d %s)", (int)st, err.line, err.col, err.msg);
    return rec;
}

/* Task id's label at step s, words resolved, into out. */
static const char *label_at(const Recording *rec, int id, size_t s, Buf *out)
{
    TaskView v;
    ck_assert_msg(rec_task_at(rec, id, s, &v), "task %d at step %zu", id, s);
    buf_clear(out);
    return rec_words_s(rec, v.label, out);
}

/* The first step at or after from of kind (any task when task is -2). */
static size_t find(const Recording *rec, StepKind kind, int task, size_t from)
{
    for (size_t i = from; i < rec_nsteps(rec); i++) {
        const Step *s = rec_step_at(rec, i);
        if (s->kind == kind && (task == -2 || s->task == task))
            return i;
    }
    ck_abort_msg("no step of kind %d for task %d after %zu", (int)kind, task, from);
    return 0;
}

/* A future's end reads its done callbacks only when one that may count
 * it was added (FutureObj.counted): a gather's over plain futures and a
 * task, and a TaskGroup's, count down in the step their child ends. It
 * fails when the mark is missed for gather.c's callback (the gather stays
 * at 3 of 3) or a bound method (the group stays at 3 running), and when
 * the mark is not read (counts_read counts every future done). */
START_TEST(test_counted_mark)
{
    uint64_t before = narr_counts_read();
    Recording *rec = run("import asyncio\n"
                         "async def w(d):\n"
                         "    await asyncio.sleep(d)\n"
                         "    return d\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    f1 = loop.create_future()\n"
                         "    f2 = loop.create_future()\n"
                         "    loop.call_later(1, f1.set_result, 1)\n"
                         "    loop.call_later(2, f2.set_result, 2)\n"
                         "    print(await asyncio.gather(f1, f2, w(3)))\n"
                         "    async with asyncio.TaskGroup() as tg:\n"
                         "        for d in (1, 2, 3):\n"
                         "            tg.create_task(w(d))\n"
                         "asyncio.run(main())\n");
    Buf b;
    buf_init(&b);
    size_t c1 = find(rec, SK_CLOCK, -2, 0), c2 = find(rec, SK_CLOCK, -2, c1 + 1);
    ck_assert_str_eq(label_at(rec, 0, c1 - 1, &b), "gather: 3 of 3 pending");
    ck_assert_str_eq(label_at(rec, 0, c1, &b), "gather: 2 of 3 pending");
    ck_assert_str_eq(label_at(rec, 0, c2, &b), "gather: 1 of 3 pending");
    size_t d = find(rec, SK_DONE, 1, 0);
    ck_assert_str_eq(label_at(rec, 0, d, &b), "gather: 0 of 3 pending");
    size_t g = find(rec, SK_DONE, 2, d + 1);
    ck_assert_str_eq(label_at(rec, 0, g - 1, &b), "TaskGroup: 3 tasks still running");
    ck_assert_str_eq(label_at(rec, 0, g, &b),
                     "TaskGroup: 2 tasks still running, 1 done (the group hears of it on the next loop turn)");
    /* f1, f2 and w(3) (gather's), the group's three: not the sleeps, main,
     * the gathering future or the group's own */
    ck_assert_uint_eq(narr_counts_read() - before, 6);
    buf_free(&b);
    rec_free(rec);
}
END_TEST

/* A sleep's words are its delay's label ("sleep(0.3)", one string per
 * delay and class) and its time, written when read. Before each sleep
 * the scenario prints what its label must read (Python's own repr and
 * %.2f), over more delays than the labels' table holds: int and float of
 * one value, a bool, a time past what is kept as a number; then a sleep
 * with a deadline note and a cancelled one. It fails when the table's key
 * leaves out the class (1 and 1.0 share words) or the value, and when a
 * woken sleep's READY words are not the label's. */
START_TEST(test_sleep_words)
{
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    async with asyncio.timeout(5):\n"
                         "        await asyncio.sleep(1)\n"
                         "    t = asyncio.create_task(asyncio.sleep(3))\n"
                         "    await asyncio.sleep(1)\n"
                         "    t.cancel()\n"
                         "    await asyncio.sleep(1)\n"
                         "    ds = [1, 1.0, True, 0.1 + 0.2, 0.3, 1e-05, 2, 2.0]\n"
                         "    ds += [0.001 * (k + 1) for k in range(600)] + [1, 0.3, 1e7, 2**40]\n"
                         "    for d in ds:\n"
                         "        print(f'sleep({d!r}) until {loop.time() + d:.2f}')\n"
                         "        await asyncio.sleep(d)\n"
                         "asyncio.run(main())\n");
    Buf b;
    buf_init(&b);
    size_t s = find(rec, SK_SUSPEND, 0, 0);
    ck_assert_str_eq(label_at(rec, 0, s, &b), "sleep(1) until 1.00 \xc2\xb7 timeout 5.00 \xe2\x86\x92 cancel");
    size_t w = find(rec, SK_WAKE, 0, s);
    ck_assert_str_eq(label_at(rec, 0, w, &b), "sleep(1)");
    size_t c = find(rec, SK_WAKE, 1, 0); /* the sleep task, cancelled */
    ck_assert_str_eq(label_at(rec, 1, c, &b), "sleep(3) until 4.00");
    size_t n = 0;
    for (size_t p = find(rec, SK_PRINT, -2, 0); p < rec_nsteps(rec); p++) {
        if (rec_step_at(rec, p)->kind != SK_PRINT)
            continue;
        char want[128];
        snprintf(want, sizeof want, "%s", rec_str(rec, rec_step_at(rec, p)->text));
        s = find(rec, SK_SUSPEND, 0, p);
        ck_assert_str_eq(label_at(rec, 0, s, &b), want);
        w = find(rec, SK_WAKE, 0, s);
        *strstr(want, " until ") = '\0';
        ck_assert_str_eq(label_at(rec, 0, w, &b), want);
        n++;
    }
    ck_assert_uint_eq(n, 612);
    buf_free(&b);
    rec_free(rec);
}
END_TEST

/* The labels' table is used: 40 sleeps of three delays make three. */
START_TEST(test_sleep_labels_kept)
{
    uint64_t before = sleep_labels_made();
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    for k in range(40):\n"
                         "        await asyncio.sleep((0.5, 1, 0.25)[k % 3])\n"
                         "asyncio.run(main())\n");
    ck_assert_uint_eq(sleep_labels_made() - before, 3);
    rec_free(rec);
}
END_TEST

/* Task id's await chain at step s. */
static const char *chain_at(const Recording *rec, int id, size_t s)
{
    TaskView v;
    ck_assert_msg(rec_task_at(rec, id, s, &v), "task %d at step %zu", id, s);
    return v.chain;
}

/* A chain is stored once for its names and reused by the next task with
 * the same names (narr_chain.c's last chain): tasks of a, a, b and c,
 * each awaiting into inner (a and b) or not (c), show their own chains at
 * their creation and their suspend. It fails when the reuse compares the
 * first name only, or not the count of names. */
START_TEST(test_chain_reused)
{
    Recording *rec = run("import asyncio\n"
                         "async def inner():\n"
                         "    await asyncio.sleep(1)\n"
                         "async def a():\n"
                         "    await inner()\n"
                         "async def b():\n"
                         "    await inner()\n"
                         "async def c():\n"
                         "    await asyncio.sleep(1)\n"
                         "async def main():\n"
                         "    ts = [asyncio.create_task(f()) for f in (a, a, b, c, a)]\n"
                         "    await asyncio.gather(*ts)\n"
                         "asyncio.run(main())\n");
    static const char *const want[][2] = {{"a", "a \xe2\x86\x92 inner"},
                                          {"a", "a \xe2\x86\x92 inner"},
                                          {"b", "b \xe2\x86\x92 inner"},
                                          {"c", "c"},
                                          {"a", "a \xe2\x86\x92 inner"}};
    for (int k = 0; k < 5; k++) {
        size_t cr = find(rec, SK_CREATE, k + 1, 0), su = find(rec, SK_SUSPEND, k + 1, 0);
        ck_assert_str_eq(chain_at(rec, k + 1, cr), want[k][0]);
        ck_assert_str_eq(chain_at(rec, k + 1, su), want[k][1]);
    }
    rec_free(rec);
}
END_TEST

Suite *narr_suite(void)
{
    Suite *s = suite_create("narr");
    TCase *tc = tcase_create("narr");
    tcase_add_test(tc, test_counted_mark);
    tcase_add_test(tc, test_sleep_words);
    tcase_add_test(tc, test_sleep_labels_kept);
    tcase_add_test(tc, test_chain_reused);
    suite_add_tcase(s, tc);
    return s;
}
