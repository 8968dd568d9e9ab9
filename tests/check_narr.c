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

Suite *narr_suite(void)
{
    Suite *s = suite_create("narr");
    TCase *tc = tcase_create("narr");
    tcase_add_test(tc, test_counted_mark);
    suite_add_tcase(s, tc);
    return s;
}
