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

/* Step s's caption, words resolved, into out. */
static const char *caption_at(const Recording *rec, size_t s, Buf *out)
{
    Buf scratch;
    buf_init(&scratch);
    buf_clear(out);
    buf_puts(out, rec_words(rec, rec_step_at(rec, s)->caption, &scratch));
    buf_free(&scratch);
    return out->s;
}

/* The first step at or after from of kind whose task's label then starts
 * with prefix. */
static size_t find_label(const Recording *rec, StepKind kind, size_t from, const char *prefix)
{
    Buf b;
    buf_init(&b);
    size_t i = find(rec, kind, -2, from); /* find fails the test when there is none */
    int t;
    while ((t = rec_step_at(rec, i)->task) < 0 || strncmp(label_at(rec, t, i, &b), prefix, strlen(prefix)))
        i = find(rec, kind, -2, i + 1);
    buf_free(&b);
    return i;
}

/* A waiting label's id and what its wake-up reads are kept per label str
 * (narr_label.c), found by the object or by its text. A queue's put label
 * is a new str at every wait ("Queue.put (full, M of M)"): with the
 * maxsize moved between waits, each suspend shows its own M, and each
 * wake-up its READY words and caption. A TaskGroup's label is replaced
 * while main waits on it, and main wakes to the last one ("what it waited
 * on is done (TaskGroup: every task has finished)"); a Lock's waiters are
 * relabelled when the lock changes hands, and its holder renamed by
 * set_name meanwhile. Here the lock label c wakes from is made where the
 * gather's label was freed: the test fails when an entry is found by the
 * str's address without holding the str (c wakes READY with "Lock (held
 * by bee)", read as the gather's words were), and when the table is not
 * used (its hits). */
START_TEST(test_label_words_kept)
{
    uint64_t before = narr_label_hits();
    Recording *rec = run("import asyncio\n"
                         "async def put(q, x):\n"
                         "    await q.put(x)\n"
                         "async def hold(lock, d):\n"
                         "    async with lock:\n"
                         "        await asyncio.sleep(d)\n"
                         "async def main():\n"
                         "    q = asyncio.Queue(maxsize=1)\n"
                         "    for m in (1, 2, 3, 3, 1):\n"
                         "        q._maxsize = m\n"
                         "        while not q.full():\n"
                         "            q.put_nowait(0)\n"
                         "        t = asyncio.create_task(put(q, 1))\n"
                         "        await asyncio.sleep(0)\n"
                         "        while not q.empty():\n"
                         "            q.get_nowait()\n"
                         "        await t\n"
                         "    async with asyncio.TaskGroup() as tg:\n"
                         "        tg.create_task(asyncio.sleep(1))\n"
                         "    lock = asyncio.Lock()\n"
                         "    a = asyncio.create_task(hold(lock, 1), name='a')\n"
                         "    b = asyncio.create_task(hold(lock, 1), name='b')\n"
                         "    c = asyncio.create_task(hold(lock, 1), name='c')\n"
                         "    await asyncio.sleep(0.5)\n"
                         "    b.set_name('bee')\n"
                         "    await asyncio.gather(a, b, c)\n"
                         "asyncio.run(main())\n");
    Buf b, cap;
    buf_init(&b);
    buf_init(&cap);
    static const int ms[] = {1, 2, 3, 3, 1};
    size_t p0 = 0;
    for (int k = 0; k < 5; k++) { /* task k + 1 puts with the queue's maxsize at ms[k] */
        char want[64];
        snprintf(want, sizeof want, "Queue.put (full, %d of %d)", ms[k], ms[k]);
        size_t su = find(rec, SK_SUSPEND, k + 1, p0), wk = find(rec, SK_WAKE, k + 1, su);
        ck_assert_str_eq(label_at(rec, k + 1, su, &b), want);
        ck_assert_str_eq(label_at(rec, k + 1, wk, &b), "Queue.put");
        ck_assert_msg(strstr(caption_at(rec, wk, &cap), "is READY: its wait on Queue.put is over"), "%s", cap.s);
        p0 = wk;
    }
    size_t g = find_label(rec, SK_SUSPEND, p0, "TaskGroup"), gw = find(rec, SK_WAKE, 0, g);
    ck_assert_str_eq(label_at(rec, 0, g, &b), "TaskGroup: 1 task still running");
    ck_assert_str_eq(label_at(rec, 0, gw, &b), "TaskGroup: every task has finished");
    ck_assert_msg(strstr(caption_at(rec, gw, &cap), "is READY: what it waited on is done (TaskGroup: every task "
                                                    "has finished)"), "%s", cap.s);
    /* the lock: b and c wait on "Lock (held by a)"; then b (renamed bee
     * meanwhile) holds it, and c's label names it */
    size_t sb = find_label(rec, SK_SUSPEND, gw, "Lock"), sc = find_label(rec, SK_SUSPEND, sb + 1, "Lock");
    int tb = rec_step_at(rec, sb)->task, tc = rec_step_at(rec, sc)->task;
    ck_assert_str_eq(label_at(rec, tb, sb, &b), "Lock (held by a)");
    ck_assert_str_eq(label_at(rec, tc, sc, &b), "Lock (held by a)");
    size_t wb = find(rec, SK_WAKE, tb, sb), wc = find(rec, SK_WAKE, tc, sc);
    ck_assert_str_eq(label_at(rec, tb, wb, &b), "Lock");
    ck_assert_str_eq(label_at(rec, tc, wc - 1, &b), "Lock (held by bee)");
    ck_assert_str_eq(label_at(rec, tc, wc, &b), "Lock");
    ck_assert_msg(strstr(caption_at(rec, wc, &cap), "is READY: its wait on Lock is over"), "%s", cap.s);
    ck_assert_uint_ge(narr_label_hits() - before, 8);
    buf_free(&b);
    buf_free(&cap);
    rec_free(rec);
}
END_TEST

/* rec_store_label_kept gives rec_store_label's id: two recordings take
 * the same calls, one through kept labels, the other not, between runs
 * of other strings that push the labels out of the recent ones, and a
 * label with a time and an empty one, which are not kept. It fails when a
 * kept id is given without store's test of the recent slot (an old id
 * where the text is stored anew). Kept labels given to another recording
 * give its own ids (the recording's serial in RecLabelKept makes sure; the
 * slot's test alone would be wrong only for two texts of one hash). */
START_TEST(test_label_kept_ids)
{
    static const char *const labels[] = {"Queue.get (empty)", "Queue.put (full, 10 of 10)", "Lock (held by x)",
                                         "sleep(1) until 2.50", ""};
    enum { NL = sizeof labels / sizeof *labels };
    Recording *r = rec_new(0), *plain = rec_new(0);
    RecLabelKept kept[NL] = {{0}};
    char other[32];
    for (int round = 0; round < 40; round++) {
        for (int k = 0; k < NL; k++) {
            int i = (k * 3 + round) % NL;
            uint32_t want = rec_store_label(plain, labels[i]);
            ck_assert_uint_eq(rec_store_label_kept(r, &kept[i], labels[i]), want);
            ck_assert_str_eq(rec_str(r, want), labels[i]);
        }
        for (int k = 0; k < (round % 4) * 3000; k++) { /* other strings, the same in both */
            snprintf(other, sizeof other, "other %d %d", round, k);
            ck_assert_uint_eq(rec_store(r, other), rec_store(plain, other));
        }
    }
    Recording *r2 = rec_new(0), *plain2 = rec_new(0);
    for (int k = 0; k < 7; k++) {
        snprintf(other, sizeof other, "first %d", k);
        rec_store(r2, other);
        rec_store(plain2, other);
    }
    for (int i = 0; i < NL; i++)
        ck_assert_uint_eq(rec_store_label_kept(r2, &kept[i], labels[i]), rec_store_label(plain2, labels[i]));
    rec_free(r);
    rec_free(plain);
    rec_free(r2);
    rec_free(plain2);
}
END_TEST

/* A wake-up's READY words are the memo's (memo_wake) while it holds the
 * same text (NarrLabel.said): a consumer wakes from the same get label
 * ("Queue.get (empty)", one str) six times, with its own sleep's and the
 * producer's wake-ups between, and each wake-up shows its own words. It
 * fails when said is trusted without the memo's generation (the get's
 * wake-up shows "sleep(2)"). */
START_TEST(test_ready_words_said)
{
    Recording *rec = run("import asyncio\n"
                         "async def consume(q):\n"
                         "    for _ in range(6):\n"
                         "        await q.get()\n"
                         "        await asyncio.sleep(1)\n"
                         "async def main():\n"
                         "    q = asyncio.Queue()\n"
                         "    t = asyncio.create_task(consume(q))\n"
                         "    for k in range(6):\n"
                         "        await asyncio.sleep(2)\n"
                         "        q.put_nowait(k)\n"
                         "    await t\n"
                         "asyncio.run(main())\n");
    Buf b;
    buf_init(&b);
    size_t n[2] = {0};
    for (size_t i = 0; i < rec_nsteps(rec); i++) {
        const Step *s = rec_step_at(rec, i);
        if (s->kind != SK_WAKE || s->task < 0 || n[0] + n[1] >= 18) /* the last: main's await t */
            continue;
        const char *want = s->task == 1 ? (n[1]++ % 2 ? "sleep(1)" : "Queue.get") : (n[0]++, "sleep(2)");
        ck_assert_str_eq(label_at(rec, s->task, i, &b), want);
    }
    ck_assert_uint_eq(n[1], 12);
    ck_assert_uint_eq(n[0], 6);
    buf_free(&b);
    rec_free(rec);
}
END_TEST

/* More label texts at once than narr_label.c's table holds (40 queues of
 * 40 maxsizes, each with a task waiting to put; then each queue emptied in
 * turn, twice): every suspend shows its queue's words, every wake-up
 * "Queue.put". Entries are made anew, moved to the second way and dropped
 * while tasks still wait on their strs; it fails when a kept entry's words
 * are read for another text, and under ASan when an entry's str is not
 * held as it moves. */
START_TEST(test_label_table_full)
{
    Recording *rec = run("import asyncio\n"
                         "async def put(q):\n"
                         "    await q.put(0)\n"
                         "async def main():\n"
                         "    for _ in range(2):\n"
                         "        qs = [asyncio.Queue(maxsize=m + 1) for m in range(40)]\n"
                         "        for q in qs:\n"
                         "            while not q.full():\n"
                         "                q.put_nowait(0)\n"
                         "        ts = [asyncio.create_task(put(q)) for q in qs]\n"
                         "        await asyncio.sleep(0)\n"
                         "        for k in (7, 3, 39, 0, 21, 8) + tuple(range(40)):\n"
                         "            if qs[k].full():\n"
                         "                qs[k].get_nowait()\n"
                         "                await asyncio.sleep(0)\n"
                         "        await asyncio.gather(*ts)\n"
                         "asyncio.run(main())\n");
    Buf b, want;
    buf_init(&b);
    buf_init(&want);
    size_t nsus = 0, nwake = 0;
    for (size_t i = 0; i < rec_nsteps(rec); i++) {
        const Step *s = rec_step_at(rec, i);
        if (s->task < 1 || (s->kind != SK_SUSPEND && s->kind != SK_WAKE))
            continue;
        int m = (s->task - 1) % 40 + 1; /* tasks 1-40, then 41-80: queue m - 1 */
        buf_clear(&want);
        buf_printf(&want, "Queue.put (full, %d of %d)", m, m);
        ck_assert_str_eq(label_at(rec, s->task, i, &b), s->kind == SK_SUSPEND ? want.s : "Queue.put");
        *(s->kind == SK_SUSPEND ? &nsus : &nwake) += 1;
    }
    ck_assert_uint_eq(nsus, 80);
    ck_assert_uint_eq(nwake, 80);
    buf_free(&b);
    buf_free(&want);
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
    tcase_add_test(tc, test_label_words_kept);
    tcase_add_test(tc, test_label_kept_ids);
    tcase_add_test(tc, test_ready_words_said);
    tcase_add_test(tc, test_label_table_full);
    suite_add_tcase(s, tc);
    return s;
}
