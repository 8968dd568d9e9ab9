/* check_words.c: the words suite. What the screen says about a run: one
 * label per task (rec_task_label: the given name, else the call with its
 * arguments in repr style, Task-N only on a clash), task references in
 * captions and logs, the captions that say what happened and why (prints,
 * awaited coroutines, queued tasks, clock gaps, blocking calls, timeouts,
 * TaskGroup counts), the caption of a time inside a gap, and the loop
 * internals recorded per step and drawn by pane_internals. */
#include "suites.h"

#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ labels */

START_TEST(test_label_rules)
{
    Recording *r = rec_new(0);
    rec_step(r, SK_LOOP, 0, -1, 0, "", "", "");
    int a = rec_task_new(r, "Task-1", "main", false);
    int b = rec_task_new(r, "Task-2", "fetch", false);
    rec_task_call(r, b, "fetch('a')", false);
    int c = rec_task_new(r, "Task-3", "fetch", false);
    rec_task_call(r, c, "fetch('b')", false);
    /* no call recorded: the coroutine stands for a made-up name */
    ck_assert_str_eq(rec_task_label(r, a), "main");
    ck_assert_str_eq(rec_task_label(r, b), "fetch('a')");
    ck_assert_str_eq(rec_task_label(r, c), "fetch('b')");

    /* the same call twice: both carry their asyncio name, the first one too */
    int d = rec_task_new(r, "Task-4", "fetch", false);
    rec_task_call(r, d, "fetch('a')", false);
    ck_assert_str_eq(rec_task_label(r, b), "fetch('a') (Task-2)");
    ck_assert_str_eq(rec_task_label(r, d), "fetch('a') (Task-4)");
    ck_assert_str_eq(rec_task_label(r, c), "fetch('b')");

    /* a given name is the label, and clashes only with the same name */
    int e = rec_task_new(r, "poller", "fetch", false);
    rec_task_call(r, e, "fetch('a')", true);
    ck_assert_str_eq(rec_task_label(r, e), "poller");
    int f = rec_task_new(r, "poller", "fetch", false);
    rec_task_call(r, f, "fetch('c')", true);
    ck_assert_str_eq(rec_task_label(r, e), "poller #1");
    ck_assert_str_eq(rec_task_label(r, f), "poller #2");

    /* set_name moves a task out of its clash: the other one is plain again */
    rec_task_rename(r, d, "retry");
    ck_assert_str_eq(rec_task_label(r, d), "retry");
    ck_assert_str_eq(rec_task_label(r, b), "fetch('a')");

    /* hidden tasks never clash; coroutines that never ran clash by "#k" */
    int h = rec_task_new(r, "Task-9", "fetch", true);
    rec_task_call(r, h, "fetch('b')", false);
    ck_assert_str_eq(rec_task_label(r, c), "fetch('b')");
    int n1 = rec_task_new(r, "(coroutine)", "save", false);
    rec_task_call(r, n1, "save(1)", false);
    int n2 = rec_task_new(r, "(coroutine)", "save", false);
    rec_task_call(r, n2, "save(1)", false);
    ck_assert_str_eq(rec_task_label(r, n1), "save(1) #1");
    ck_assert_str_eq(rec_task_label(r, n2), "save(1) #2");

    /* the views carry the same label */
    rec_task_set(r, c, TS_READY, OUT_NONE, "", "", 1, 0);
    TaskView tv;
    ck_assert(rec_task_at(r, c, 0, &tv));
    ck_assert_str_eq(tv.who, "fetch('b')");
    ck_assert_str_eq(rec_task_label(r, 999), "");
    rec_free(r);
}
END_TEST

/* Many tasks of one call stay linear and all get their number. */
START_TEST(test_label_many)
{
    Recording *r = rec_new(0);
    rec_step(r, SK_LOOP, 0, -1, 0, "", "", "");
    char name[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(name, sizeof name, "Task-%d", i + 2);
        int id = rec_task_new(r, name, "work", false);
        rec_task_call(r, id, "work", false);
    }
    ck_assert_str_eq(rec_task_label(r, 0), "work (Task-2)");
    ck_assert_str_eq(rec_task_label(r, 4999), "work (Task-5001)");
    rec_free(r);
}
END_TEST

START_TEST(test_refs)
{
    Recording *r = rec_new(0);
    rec_step(r, SK_LOOP, 0, -1, 0, "", "", "");
    int a = rec_task_new(r, "Task-1", "main", false);
    Buf b, out;
    buf_init(&b);
    buf_init(&out);
    rec_put_ref(&b, a);
    buf_puts(&b, " prints \"");
    rec_put_text(&b, "x\001y", 3); /* a program's \1 is text, not a reference */
    buf_puts(&b, "\"");
    uint32_t id = rec_intern(r, b.s);
    ck_assert_str_eq(rec_words(r, id, &out), "main prints \"x\001y\"");
    /* no reference: the string itself */
    uint32_t plain = rec_intern(r, "plain words");
    ck_assert_ptr_eq(rec_words(r, plain, &out), rec_str(r, plain));
    /* a broken or unknown reference reads as nothing, never past the end */
    ck_assert_str_eq(rec_words_s(r, "a\001", &out), "a");
    ck_assert_str_eq(rec_words_s(r, "a\00177\002b", &out), "ab");
    buf_free(&b);
    buf_free(&out);
    rec_free(r);
}
END_TEST

/* ------------------------------------------------------ runs and words */

/* Run code following CPython 3.<python> (0: the default, 3.12). */
static Recording *run_as(const char *code, int python)
{
    Source *src = source_from_string("<test>", code, strlen(code));
    Recording *rec = NULL;
    LangError err = {0};
    SimOptions opt = {.python = python};
    SimStatus st = sim_run(src, &opt, &rec, &err);
    source_free(src);
    ck_assert_msg(st == SIM_OK, "status %d (%d:%d %s)", (int)st, err.line, err.col, err.msg);
    return rec;
}

static Recording *run(const char *code) { return run_as(code, 0); }

/* The label of the visible task running coro (the nth such). */
static const char *label_of(const Recording *r, const char *coro, int nth)
{
    for (int i = 0; i < rec_ntasks(r); i++) {
        TaskView tv;
        size_t last = rec_nsteps(r) - 1;
        if (rec_task_at(r, i, last, &tv) && !tv.hidden && !strcmp(tv.coro, coro) && nth-- == 0)
            return rec_task_label(r, i);
    }
    ck_abort_msg("no task runs %s", coro);
    return "";
}

/* Does some step's caption (read as words) contain want? Returns its
 * index or -1. */
static long caption_with(const Recording *r, const char *want)
{
    Buf w;
    buf_init(&w);
    long found = -1;
    for (size_t i = 0; i < rec_nsteps(r) && found < 0; i++)
        if (strstr(rec_words(r, rec_step_at(r, i)->caption, &w), want))
            found = (long)i;
    buf_free(&w);
    return found;
}

static int captions_with(const Recording *r, const char *want)
{
    Buf w;
    buf_init(&w);
    int n = 0;
    for (size_t i = 0; i < rec_nsteps(r); i++)
        n += strstr(rec_words(r, rec_step_at(r, i)->caption, &w), want) != NULL;
    buf_free(&w);
    return n;
}

static const char *const calls_py =
    "import asyncio\n"
    "class Client:\n"
    "    async def get(self, key, retries=3):\n"
    "        await asyncio.sleep(0)\n"
    "def parse(x):\n"
    "    return x\n"
    "async def fetch(url, *rest, timeout=10):\n"
    "    await asyncio.sleep(0)\n"
    "async def use(fn, obj):\n"
    "    await asyncio.sleep(0)\n"
    "async def main():\n"
    "    c = Client()\n"
    "    await asyncio.gather(\n"
    "        c.get('x'), c.get('y', 5), fetch('a.txt'), fetch('b', 1, 2, timeout=3),\n"
    "        use(parse, c), fetch('z' * 100), fetch('a.txt'))\n"
    "asyncio.run(main())\n";

START_TEST(test_call_labels)
{
    Recording *r = run(calls_py);
    ck_assert_str_eq(label_of(r, "main", 0), "main");
    /* a method's receiver is not written; defaults left out */
    ck_assert_str_eq(label_of(r, "get", 0), "get('x')");
    ck_assert_str_eq(label_of(r, "get", 1), "get('y', 5)");
    /* the same call twice: Task-N on both */
    ck_assert_str_eq(label_of(r, "fetch", 0), "fetch('a.txt') (Task-4)");
    ck_assert_str_eq(label_of(r, "fetch", 3), "fetch('a.txt') (Task-8)");
    ck_assert_str_eq(label_of(r, "fetch", 1), "fetch('b', 1, 2, timeout=3)");
    /* a function by its name, an object by its class */
    ck_assert_str_eq(label_of(r, "use", 0), "use(parse, <Client>)");
    /* a long repr ends in an ellipsis */
    const char *longl = label_of(r, "fetch", 2);
    ck_assert_msg(strlen(longl) < 40 && strstr(longl, "\xe2\x80\xa6"), "'%s'", longl);
    rec_free(r);
}
END_TEST

static const char *const order_py =
    "import asyncio\n"
    "async def later(text, delay):\n"
    "    await asyncio.sleep(delay)\n"
    "    print(text)\n"
    "async def inner():\n"
    "    print('A')\n"
    "    print('A2')\n"
    "    await asyncio.sleep(1)\n"
    "async def main():\n"
    "    await inner()\n"
    "    t = asyncio.create_task(later('B', 1))\n"
    "    print('C')\n"
    "    await t\n"
    "    import time\n"
    "    time.sleep(2)\n"
    "asyncio.run(main())\n";

START_TEST(test_print_and_order_captions)
{
    Recording *r = run(order_py);
    /* the text and who printed it */
    ck_assert_int_ge(caption_with(r, "main prints \"C\""), 0);
    ck_assert_int_ge(caption_with(r, "later('B', 1) prints \"B\""), 0);
    /* inside an awaited coroutine: named, and why it is the same task, once */
    ck_assert_int_ge(caption_with(r, "inner prints \"A\". It runs inside main's task: awaiting a coroutine runs "
                                     "its body now, in the same task"), 0);
    ck_assert_int_ge(caption_with(r, "inner (in main's task) prints \"A2\""), 0);
    ck_assert_int_eq(captions_with(r, "awaiting a coroutine runs its body now"), 1);
    /* why C comes before B */
    ck_assert_int_ge(caption_with(r, "main prints \"C\". later('B', 1) is READY but waits its turn"), 0);
    /* a clock gap names the timer it waits for */
    ck_assert_int_ge(caption_with(r, "nothing is ready: the loop sleeps until t=1.00, when main's sleep(1) is due"),
                     0);
    /* a blocking call, from when to when */
    long b = caption_with(r, "time.sleep(2) blocks the whole loop from 2.00 to 4.00");
    ck_assert_int_ge(b, 0);
    ck_assert_int_eq(rec_step_at(r, (size_t)b)->kind, SK_BLOCK);
    /* the log says the same names */
    Buf w;
    buf_init(&w);
    bool log = false;
    for (size_t i = 0; i < rec_nsteps(r); i++)
        log |= !strcmp(rec_words(r, rec_step_at(r, i)->log, &w), "[1.00] later('B', 1) entered");
    ck_assert(log);
    buf_free(&w);
    /* the trace keeps CPython's words */
    bool trace = false;
    for (size_t i = 0; i < rec_nsteps(r); i++) {
        const Step *s = rec_step_at(r, i);
        trace |= s->kind == SK_START && !strcmp(rec_str(r, s->text), "Task-2 later");
    }
    ck_assert(trace);
    rec_free(r);
}
END_TEST

static const char *const timeouts_py =
    "import asyncio\n"
    "async def slow():\n"
    "    await asyncio.sleep(3)\n"
    "async def main():\n"
    "    try:\n"
    "        await asyncio.wait_for(slow(), timeout=1)\n"
    "    except TimeoutError:\n"
    "        pass\n"
    "    try:\n"
    "        async with asyncio.timeout(0.5):\n"
    "            await asyncio.sleep(2)\n"
    "    except TimeoutError:\n"
    "        pass\n"
    "asyncio.run(main())\n";

START_TEST(test_timeout_captions)
{
    /* 3.12+: wait_for is a timeout() around the await, in main's own task */
    Recording *r12 = run_as(timeouts_py, 12);
    ck_assert_int_ge(caption_with(r12, "the timeout's deadline 1.00 fired: main is cancelled while it waits on sleep(3)"),
                     0);
    ck_assert_int_eq(caption_with(r12, "task slow"), -1);
    rec_free(r12);
    /* 3.11: wait_for runs slow in a task of its own */
    Recording *r = run_as(timeouts_py, 11);
    Buf cw = {0};
    long w = caption_with(r, "main is READY: wait_for's deadline 1.00 fired before task slow finished");
    ck_assert_int_ge(w, 0);
    ck_assert_ptr_nonnull(strstr(rec_words(r, rec_step_at(r, (size_t)w)->caption, &cw), "TimeoutError at the wait_for"));
    long t = caption_with(r, "the timeout's deadline 1.50 fired: main is cancelled while it waits on sleep(2)");
    ck_assert_int_ge(t, 0);
    ck_assert_ptr_nonnull(strstr(rec_words(r, rec_step_at(r, (size_t)t)->caption, &cw),
                                 "`async with timeout()` turns it into TimeoutError"));
    ck_assert_int_eq(caption_with(r, "is done (task slow, timeout"), -1);
    buf_free(&cw);
    rec_free(r);
}
END_TEST

/* Which version a run follows: --python (SimOptions.python) beats the
 * scenario's `# loopscope: python 3.X`, which beats the default, 3.12;
 * the recording says which, and so does sys.version_info. */
START_TEST(test_python_version_choice)
{
    static const char *const plain = "import sys\nprint(sys.version_info[:3])\n";
    static const char *const asks = "# loopscope: python 3.13\nimport sys\nprint(sys.version_info[:3])\n";
    static const struct {
        const char *code;
        int python;
        const char *runtime, *printed;
    } cases[] = {
        {plain, 0, "Python 3.12", "(3, 12, 1)"},
        {plain, 11, "Python 3.11", "(3, 11, 7)"},
        {asks, 0, "Python 3.13", "(3, 13, 0)"},
        {asks, 11, "Python 3.11", "(3, 11, 7)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Recording *r = run_as(cases[i].code, cases[i].python);
        ck_assert_str_eq(rec_runtime(r), cases[i].runtime);
        bool printed = false;
        for (size_t k = 0; k < rec_nsteps(r); k++) {
            const Step *st = rec_step_at(r, k);
            printed |= st->kind == SK_PRINT && !strcmp(rec_str(r, st->text), cases[i].printed);
        }
        ck_assert_msg(printed, "case %zu: no print of %s", i, cases[i].printed);
        rec_free(r);
    }
}
END_TEST

static const char *const group_py =
    "import asyncio\n"
    "async def ok(n):\n"
    "    await asyncio.sleep(n)\n"
    "async def bad():\n"
    "    await asyncio.sleep(0.5)\n"
    "    raise ValueError('x')\n"
    "async def main():\n"
    "    try:\n"
    "        async with asyncio.TaskGroup() as g:\n"
    "            g.create_task(ok(1))\n"
    "            g.create_task(bad())\n"
    "            g.create_task(ok(2))\n"
    "    except* ValueError:\n"
    "        pass\n"
    "    async with asyncio.TaskGroup() as g:\n"
    "        g.create_task(ok(1))\n"
    "        g.create_task(ok(1.5))\n"
    "asyncio.run(main())\n";

/* Whenever main waits on a TaskGroup, the count it shows is the number of
 * its group's tasks that are not DONE in the columns at that step. */
START_TEST(test_taskgroup_counts)
{
    Recording *r = run(group_py);
    Buf w;
    buf_init(&w);
    int checked = 0;
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        TaskView m;
        if (!rec_task_at(r, 0, s, &m) || m.state != TS_WAITING || strncmp(m.label, "TaskGroup: ", 11))
            continue;
        int live = 0;
        for (int id = 1; id < rec_ntasks(r); id++) {
            TaskView tv;
            live += rec_task_at(r, id, s, &tv) && !tv.hidden && tv.state != TS_DONE;
        }
        const char *l = rec_words_s(r, m.label, &w);
        int n = -1;
        if (strstr(l, "every task"))
            n = 0;
        else
            ck_assert_int_eq(sscanf(l, "TaskGroup: %d", &n), 1);
        ck_assert_msg(n == live, "step %zu: '%s' with %d running", s + 1, l, live);
        checked++;
    }
    ck_assert_int_gt(checked, 3);
    buf_free(&w);
    rec_free(r);
}
END_TEST

/* ------------------------------------------------------------ internals */

static const char *const prims_py =
    "import asyncio\n"
    "async def worker(q, lock, ev, sem):\n"
    "    async with lock:\n"
    "        await asyncio.sleep(1)\n"
    "    await ev.wait()\n"
    "    async with sem:\n"
    "        await q.put(1)\n"
    "async def main():\n"
    "    q = asyncio.Queue(maxsize=3)\n"
    "    lock = asyncio.Lock()\n"
    "    ev = asyncio.Event()\n"
    "    sem = asyncio.Semaphore(2)\n"
    "    await q.put('a')\n"
    "    ts = [asyncio.create_task(worker(q, lock, ev, sem)) for _ in range(2)]\n"
    "    await asyncio.sleep(0.5)\n"
    "    ev.set()\n"
    "    await asyncio.gather(*ts)\n"
    "asyncio.run(main())\n";

/* The snapshot at step s as text ("Rstep fetch", "T1.00\tfetch\tsleep(1)"),
 * task references read as labels. */
static const char *inside(const Recording *r, size_t s, Buf *w)
{
    static Buf text;
    buf_init(&text);
    const char *p = rec_internals_at(r, s);
    buf_puts(&text, p);
    const char *out = rec_words_s(r, text.s, w);
    if (out != w->s) { /* no references: keep it past the free */
        buf_clear(w);
        buf_puts(w, out);
    }
    buf_free(&text);
    return w->s;
}

START_TEST(test_internals_gather)
{
    Recording *r = run(fixture_gather_py);
    Buf w;
    buf_init(&w);
    /* when both children are queued: the ready queue in run order */
    bool queued = false, timers = false;
    unsigned long long last_iter = 0;
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        const char *x = inside(r, s, &w);
        if (!*x)
            continue; /* before the loop exists */
        queued |= strstr(x, "Rstart fetch_user\nRstart fetch_posts\n") != NULL;
        /* both asleep: the timers by deadline, with the task each wakes */
        timers |= strstr(x, "T1.00\tfetch_posts\tsleep(1.0)\nT1.50\tfetch_user\tsleep(1.5)\n") != NULL;
        unsigned long long it = 0;
        ck_assert_int_eq(sscanf(x, "I%llu", &it), 1);
        ck_assert_uint_ge(it, last_iter); /* iterations only go up */
        last_iter = it;
    }
    ck_assert(queued && timers);
    ck_assert_uint_ge(last_iter, 4);
    /* a wakeup says whom and what from */
    bool wake = false;
    for (size_t s = 0; s < rec_nsteps(r); s++)
        wake |= strstr(inside(r, s, &w), "Rwake main (gather)") != NULL;
    ck_assert(wake);
    buf_free(&w);
    rec_free(r);
}
END_TEST

START_TEST(test_internals_primitives)
{
    Recording *r = run(prims_py);
    Buf w;
    buf_init(&w);
    bool items = false, held = false, waiting = false, notset = false, set = false, sem = false;
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        const char *x = inside(r, s, &w);
        items |= strstr(x, "PQueue (line 9): 1 item ['a'] of 3") != NULL;
        held |= strstr(x, "PLock (line 10): held by worker(<Queue>, <Lock>, <Event>, <Semaphore>) (Task-2)") != NULL;
        waiting |= strstr(x, "\xc2\xb7 waiting: worker(<Queue>, <Lock>, <Event>, <Semaphore>) (Task-3)") != NULL;
        notset |= strstr(x, "PEvent (line 11): not set") != NULL;
        set |= strstr(x, "PEvent (line 11): set") != NULL;
        sem |= strstr(x, "PSemaphore (line 12): 2 of 2 free") != NULL;
    }
    ck_assert(items && held && waiting && notset && set && sem);
    /* the waiting words name the holder by its label too */
    bool words = false;
    for (size_t s = 0; s < rec_nsteps(r); s++) {
        TaskView tv;
        if (rec_task_at(r, 2, s, &tv) && tv.state == TS_WAITING)
            words |= !strcmp(rec_words_s(r, tv.label, &w),
                             "Lock (held by worker(<Queue>, <Lock>, <Event>, <Semaphore>) (Task-2))");
    }
    ck_assert(words);
    /* the queue's own Event is not listed */
    for (size_t s = 0; s < rec_nsteps(r); s++)
        ck_assert_ptr_null(strstr(inside(r, s, &w), "PEvent (line 9)"));
    buf_free(&w);
    rec_free(r);
}
END_TEST

/* pane_internals draws the snapshot of the view's step; the caption of a
 * time inside a clock gap is the gap's. */
START_TEST(test_internals_pane_and_gap_caption)
{
    Fixture f;
    fixture_open_grid(&f, "gather.py", fixture_gather_py, 80, 30, false);
    Rect r = {0, 0, 60, 20};
    size_t s = fixture_step(&f, SK_CLOCK, -2, 0) - 1; /* both asleep */
    fixture_draw(&f, &pane_internals, r, s);
    fixture_assert_untouched(f.g, r, "internals");
    char *all = malloc(8192);
    all[0] = 0;
    for (int y = 0; y < r.h; y++) {
        strcat(all, fixture_cells(f.g, 0, y, r.w, true));
        strcat(all, "\n");
    }
    ck_assert_msg(strstr(all, "loop internals \xc2\xb7 iteration") != NULL, "%s", all);
    ck_assert_msg(strstr(all, "READY QUEUE") && strstr(all, "(empty)"), "%s", all);
    ck_assert_msg(strstr(all, "1.00  fetch_posts  sleep(1.0)"), "%s", all);
    ck_assert_msg(strstr(all, "1.50  fetch_user   sleep(1.5)"), "%s", all);

    /* inside the gap: the caption is the clock step's */
    view_seek_time(&f.v, 0.5);
    ck_assert_double_gt(f.v.playhead, rec_step_at(f.rec, f.v.step)->t);
    Rect c = {0, 0, 80, 2};
    fixture_sentinel(f.g);
    pane_caption.draw(&f.v, f.g, c);
    const char *row = fixture_cells(f.g, 0, 0, 80, true);
    ck_assert_msg(strstr(row, "nothing is ready: the loop sleeps until t=1.00") == row, "'%s'", row);
    free(all);
    fixture_close(&f);
}
END_TEST

static const char *const crowd_py =
    "import asyncio\n"
    "async def w(n):\n"
    "    await asyncio.sleep(n)\n"
    "async def main():\n"
    "    await asyncio.sleep(0.1)\n"
    "    ts = [asyncio.create_task(w(i)) for i in range(40)]\n"
    "    await asyncio.gather(*ts)\n"
    "asyncio.run(main())\n";

/* A long ready queue does not push the timers off a short pane: each
 * section keeps its heading and a row, the rest says "+N more". */
START_TEST(test_internals_pane_shares_rows)
{
    Fixture f;
    fixture_open_grid(&f, "crowd.py", crowd_py, 60, 20, false);
    /* main's second await: all 40 starts are queued, none has run */
    size_t s = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "main", 0), 4);
    Rect r = {0, 0, 60, 12};
    fixture_draw(&f, &pane_internals, r, s);
    bool ready = false, timers = false, more = false, first = false;
    for (int y = 0; y < r.h; y++) {
        const char *t = fixture_cells(f.g, 0, y, r.w, true);
        ready |= strstr(t, "READY QUEUE") != NULL;
        timers |= strstr(t, "TIMERS") != NULL;
        more |= strstr(t, "more") != NULL && strstr(t, "+") != NULL;
        first |= strstr(t, "1 start w(0)") != NULL;
    }
    ck_assert_msg(ready && timers && more && first, "ready %d timers %d more %d first %d", ready, timers, more,
                  first);
    fixture_close(&f);
}
END_TEST

Suite *words_suite(void)
{
    Suite *s = suite_create("words");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_label_rules);
    tcase_add_test(tc, test_label_many);
    tcase_add_test(tc, test_refs);
    tcase_add_test(tc, test_call_labels);
    tcase_add_test(tc, test_print_and_order_captions);
    tcase_add_test(tc, test_timeout_captions);
    tcase_add_test(tc, test_python_version_choice);
    tcase_add_test(tc, test_taskgroup_counts);
    tcase_add_test(tc, test_internals_gather);
    tcase_add_test(tc, test_internals_primitives);
    tcase_add_test(tc, test_internals_pane_and_gap_caption);
    tcase_add_test(tc, test_internals_pane_shares_rows);
    suite_add_tcase(s, tc);
    return s;
}
