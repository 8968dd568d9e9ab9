/* check_loop.c: the simulated asyncio loop, seen through its recording.
 * Owns: the loop suite. Scenarios run through sim_run (from strings) and
 * the checks read the recording's structure, not the trace text: the kind
 * and time of each step, t0 on clock jumps and blocking sleeps, and each
 * task's state at a given step through rec_task_at (READY before it
 * starts, RUNNING, WAITING with its label, DONE with its outcome). The
 * trace text itself is compared with CPython by tests/run_cases.sh; task
 * numbering below was checked against tests/oracle/pytrace.py.
 * The two test_known_* checks were written against bugs that are now
 * fixed; they run with the rest. */
#include "suites.h"

#include "../src/base/source.h"
#include "../src/record/rec.h"
#include "../src/py/py.h"
#include "../src/py/loop/model.h"

#include <stdlib.h>
#include <string.h>

/* Run code and check its status; returns the recording (caller frees). */
static Recording *run(const char *code, const SimOptions *opt, SimStatus want)
{
    Source *src = source_from_string("<test>", code, strlen(code));
    Recording *rec = NULL;
    LangError err = {0};
    SimStatus st = sim_run(src, opt, &rec, &err);
    source_free(src);
    ck_assert_msg(st == want, "status %d, want %d (load error %d:%d %s)", (int)st, (int)want, err.line, err.col,
                  err.msg);
    ck_assert_ptr_nonnull(rec);
    ck_assert_int_eq(rec_status(rec), st == SIM_OK ? 0 : 1);
    return rec;
}

/* Index of the first step at or after `from` of `kind` concerning `task`
 * (any task when task is -2), or -1. */
static long find(const Recording *rec, StepKind kind, int task, size_t from)
{
    for (size_t i = from; i < rec_nsteps(rec); i++) {
        const Step *s = rec_step_at(rec, i);
        if (s->kind == kind && (task == -2 || s->task == task))
            return (long)i;
    }
    return -1;
}

static size_t count(const Recording *rec, StepKind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < rec_nsteps(rec); i++)
        n += rec_step_at(rec, i)->kind == kind;
    return n;
}

/* The view of task id at step s, which must exist. */
static TaskView view(const Recording *rec, int id, long s)
{
    TaskView v;
    ck_assert_int_ge(s, 0);
    ck_assert_msg(rec_task_at(rec, id, (size_t)s, &v), "task %d does not exist at step %ld", id, s);
    return v;
}

static void want_state(const Recording *rec, int id, long s, TaskState st, Outcome out, const char *label)
{
    TaskView v = view(rec, id, s);
    ck_assert_msg(v.state == st, "task %d at step %ld: state %d, want %d", id, s, (int)v.state, (int)st);
    ck_assert_msg(v.outcome == out, "task %d at step %ld: outcome %d, want %d", id, s, (int)v.outcome, (int)out);
    if (label) {
        Buf words;
        buf_init(&words);
        ck_assert_str_eq(rec_words_s(rec, v.label, &words), label);
        buf_free(&words);
    }
}

static const char *const lifecycle =
    "import asyncio\n"
    "\n"
    "async def worker():\n"
    "    await asyncio.sleep(1)\n"
    "    return 42\n"
    "\n"
    "async def main():\n"
    "    t = asyncio.create_task(worker())\n"
    "    print(await t)\n"
    "\n"
    "asyncio.run(main())\n";

START_TEST(test_task_lifecycle)
{
    Recording *rec = run(lifecycle, NULL, SIM_OK);
    ck_assert_int_eq(rec_ntasks(rec), 2);
    ck_assert_int_eq(rec_step_at(rec, 0)->kind, SK_LOOP);

    /* main: created READY, then RUNNING from its first step */
    long c0 = find(rec, SK_CREATE, 0, 0);
    ck_assert_int_eq(c0, 1);
    TaskView v;
    ck_assert(!rec_task_at(rec, 0, 0, &v)); /* not yet created at the loop step */
    want_state(rec, 0, c0, TS_READY, OUT_NONE, "scheduled");
    ck_assert_str_eq(view(rec, 0, c0).name, "Task-1");
    ck_assert_str_eq(view(rec, 0, c0).coro, "main");
    long s0 = find(rec, SK_START, 0, 0);
    ck_assert_int_eq(s0, c0 + 1);
    want_state(rec, 0, s0, TS_RUNNING, OUT_NONE, "");
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, s0)->text), "Task-1 main");

    /* worker: invisible before its creation, READY until it starts */
    long c1 = find(rec, SK_CREATE, 1, 0);
    ck_assert_int_gt(c1, s0);
    ck_assert(!rec_task_at(rec, 1, (size_t)c1 - 1, &v));
    want_state(rec, 1, c1, TS_READY, OUT_NONE, "scheduled");
    ck_assert_str_eq(view(rec, 1, c1).name, "Task-2");
    ck_assert_str_eq(view(rec, 1, c1).coro, "worker");

    /* main awaits the task */
    long w0 = find(rec, SK_SUSPEND, 0, (size_t)c1);
    want_state(rec, 0, w0, TS_WAITING, OUT_NONE, "task worker");
    want_state(rec, 1, w0, TS_READY, OUT_NONE, "scheduled");

    long s1 = find(rec, SK_START, 1, 0);
    ck_assert_int_gt(s1, w0);
    want_state(rec, 1, s1, TS_RUNNING, OUT_NONE, "");
    want_state(rec, 1, s1 - 1, TS_READY, OUT_NONE, "scheduled");

    long w1 = find(rec, SK_SUSPEND, 1, (size_t)s1);
    want_state(rec, 1, w1, TS_WAITING, OUT_NONE, "sleep(1) until 1.00");
    ck_assert(rec_step_at(rec, w1)->t == 0.0);

    /* the clock jumps from 0 to 1: nothing else was ready */
    long k = find(rec, SK_CLOCK, -2, 0);
    ck_assert_int_eq(k, w1 + 1);
    ck_assert(rec_step_at(rec, k)->t0 == 0.0);
    ck_assert(rec_step_at(rec, k)->t == 1.0);
    ck_assert_int_eq(rec_step_at(rec, k)->task, -1);
    want_state(rec, 1, k, TS_WAITING, OUT_NONE, "sleep(1) until 1.00");
    ck_assert_uint_eq(count(rec, SK_CLOCK), 1);

    long wk = find(rec, SK_WAKE, 1, (size_t)k);
    ck_assert_int_eq(wk, k + 1);
    want_state(rec, 1, wk, TS_READY, OUT_NONE, NULL);
    want_state(rec, 1, find(rec, SK_RESUME, 1, (size_t)wk), TS_RUNNING, OUT_NONE, "");

    /* worker ends with a result and stays DONE */
    long d1 = find(rec, SK_DONE, 1, 0);
    ck_assert_int_gt(d1, wk);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, d1)->text), "Task-2 worker");
    for (size_t i = (size_t)d1; i < rec_nsteps(rec); i++)
        want_state(rec, 1, (long)i, TS_DONE, OUT_RESULT, "\xe2\x86\x92 42");

    long p = find(rec, SK_PRINT, -2, 0);
    ck_assert_int_gt(p, d1);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, p)->text), "42");
    ck_assert_int_eq(rec_step_at(rec, p)->task, 0);
    ck_assert(rec_step_at(rec, p)->t == 1.0);

    long d0 = find(rec, SK_DONE, 0, 0);
    ck_assert_int_gt(d0, p);
    want_state(rec, 0, d0, TS_DONE, OUT_RESULT, "\xe2\x86\x92 None");
    size_t n = rec_nsteps(rec);
    ck_assert_int_eq(rec_step_at(rec, n - 1)->kind, SK_END);
    ck_assert_int_eq(d0, (long)n - 2);
    /* the state lookup is clamped to the last change, not to the end */
    want_state(rec, 0, (long)n + 100, TS_DONE, OUT_RESULT, NULL);
    ck_assert(!rec_task_at(rec, 2, 0, &v));
    ck_assert(!rec_task_at(rec, -1, 0, &v));
    rec_free(rec);
}
END_TEST

START_TEST(test_outcomes)
{
    Recording *rec = run("import asyncio\n"
                         "\n"
                         "async def boom():\n"
                         "    raise ValueError('x')\n"
                         "\n"
                         "async def sleeper():\n"
                         "    await asyncio.sleep(5)\n"
                         "\n"
                         "async def main():\n"
                         "    t = asyncio.create_task(boom())\n"
                         "    s = asyncio.create_task(sleeper())\n"
                         "    await asyncio.sleep(0)\n"
                         "    s.cancel()\n"
                         "    try:\n"
                         "        await t\n"
                         "    except ValueError:\n"
                         "        pass\n"
                         "    await asyncio.sleep(0)\n"
                         "    raise KeyError('k')\n"
                         "\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_FAILED);
    ck_assert_int_eq(rec_ntasks(rec), 3);
    long r = find(rec, SK_RAISED, 1, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, r)->text), "Task-2 boom ValueError");
    want_state(rec, 1, r, TS_DONE, OUT_RAISED, "ValueError('x')");
    /* sleep(0) makes main READY (back of the queue), not WAITING */
    long y = find(rec, SK_SUSPEND, 0, 0);
    want_state(rec, 0, y, TS_READY, OUT_NONE, "yielded: back of the queue");
    /* cancelling a sleeping task wakes it, then it ends cancelled */
    long w = find(rec, SK_WAKE, 2, 0);
    want_state(rec, 2, w, TS_READY, OUT_NONE, "sleep(5) until 5.00");
    long c = find(rec, SK_CANCELLED, 2, 0);
    ck_assert_int_gt(c, w);
    want_state(rec, 2, c, TS_DONE, OUT_CANCELLED, "cancelled");
    /* main raises: raised, then end, then the error closes the run */
    long mr = find(rec, SK_RAISED, 0, 0);
    want_state(rec, 0, mr, TS_DONE, OUT_RAISED, "KeyError('k')");
    size_t n = rec_nsteps(rec);
    ck_assert_int_eq(rec_step_at(rec, n - 2)->kind, SK_END);
    ck_assert_int_eq(rec_step_at(rec, n - 1)->kind, SK_ERROR);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, n - 1)->text), "KeyError");
    const char *tb = rec_traceback(rec);
    ck_assert_ptr_nonnull(strstr(tb, "Traceback (most recent call last):\n"));
    const char *want = "\nKeyError: 'k'\n";
    size_t tl = strlen(tb), wl = strlen(want);
    ck_assert_msg(tl > wl && strcmp(tb + tl - wl, want) == 0, "traceback: %s", tb);
    rec_free(rec);
}
END_TEST

START_TEST(test_gather_label)
{
    Recording *rec = run("import asyncio\n"
                         "\n"
                         "async def w(d):\n"
                         "    await asyncio.sleep(d)\n"
                         "    return d\n"
                         "\n"
                         "async def main():\n"
                         "    print(await asyncio.gather(w(1), w(2)))\n"
                         "\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    ck_assert_int_eq(rec_ntasks(rec), 3);
    long s = find(rec, SK_SUSPEND, 0, 0);
    want_state(rec, 0, s, TS_WAITING, OUT_NONE, "gather: 2 of 2 pending");
    /* the count drops in the step the first child ends, as the columns
     * show it (the gather's own callback, a loop turn later, says the
     * same and adds no step) */
    ck_assert_uint_eq(count(rec, SK_LABEL), 0);
    long l = find(rec, SK_DONE, 1, 0);
    ck_assert(rec_step_at(rec, l)->t == 1.0);
    want_state(rec, 0, l - 1, TS_WAITING, OUT_NONE, "gather: 2 of 2 pending");
    want_state(rec, 0, l, TS_WAITING, OUT_NONE, "gather: 1 of 2 pending");
    want_state(rec, 2, l, TS_WAITING, OUT_NONE, "sleep(2) until 2.00");
    /* main wakes at 2.00, after its second child is done */
    long wk = find(rec, SK_WAKE, 0, 0);
    ck_assert_int_gt(wk, find(rec, SK_DONE, 2, 0));
    ck_assert(rec_step_at(rec, wk)->t == 2.0);
    long p = find(rec, SK_PRINT, -2, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, p)->text), "[1, 2]");
    rec_free(rec);
}
END_TEST

static const char *const blocking =
    "import asyncio, time\n"
    "\n"
    "async def other():\n"
    "    await asyncio.sleep(1.2)\n"
    "    print('other')\n"
    "\n"
    "async def main():\n"
    "    asyncio.create_task(other())\n"
    "    await asyncio.sleep(1)\n"
    "    time.sleep(0.5)\n"
    "    await asyncio.sleep(0.1)\n"
    "    await asyncio.sleep(0.2)\n"
    "\n"
    "asyncio.run(main())\n";

START_TEST(test_clock_and_block)
{
    Recording *rec = run(blocking, NULL, SIM_OK);
    /* three jumps: 0 -> 1, then (after the block to 1.5) 1.5 -> 1.6 -> 1.8,
     * in IEEE double arithmetic like CPython's loop.time() + delay */
    double want[][2] = {{0.0, 1.0}, {1.5, 1.5 + 0.1}, {1.5 + 0.1, 1.5 + 0.1 + 0.2}};
    ck_assert_uint_eq(count(rec, SK_CLOCK), 3);
    long k = -1;
    for (int i = 0; i < 3; i++) {
        k = find(rec, SK_CLOCK, -2, (size_t)(k + 1));
        const Step *s = rec_step_at(rec, k);
        ck_assert_msg(s->t0 == want[i][0] && s->t == want[i][1], "clock %d: %.17g -> %.17g", i, s->t0, s->t);
        ck_assert_int_eq(s->task, -1);
    }
    /* time.sleep is one SK_BLOCK step by main, from 1.0 to 1.5, main RUNNING */
    ck_assert_uint_eq(count(rec, SK_BLOCK), 1);
    long b = find(rec, SK_BLOCK, -2, 0);
    const Step *bs = rec_step_at(rec, b);
    ck_assert_int_eq(bs->task, 0);
    ck_assert(bs->t0 == 1.0 && bs->t == 1.5);
    ck_assert_int_eq(bs->line, 10);
    want_state(rec, 0, b, TS_RUNNING, OUT_NONE, "blocking in time.sleep");
    /* other was due at 1.2 but could not run during the block: it wakes at
     * 1.5 with no clock jump in between */
    want_state(rec, 1, b, TS_WAITING, OUT_NONE, "sleep(1.2) until 1.20");
    long w = find(rec, SK_WAKE, 1, (size_t)b);
    ck_assert(rec_step_at(rec, w)->t == 1.5);
    long kk = find(rec, SK_CLOCK, -2, (size_t)b);
    ck_assert_int_gt(kk, w);
    long p = find(rec, SK_PRINT, -2, 0);
    ck_assert(rec_step_at(rec, p)->t == 1.5);
    ck_assert_int_eq(rec_step_at(rec, p)->task, 1);
    /* time never goes backwards */
    for (size_t i = 1; i < rec_nsteps(rec); i++)
        ck_assert(rec_step_at(rec, i)->t >= rec_step_at(rec, i - 1)->t);
    ck_assert(rec_step_at(rec, rec_nsteps(rec) - 1)->t == 1.5 + 0.1 + 0.2);
    rec_free(rec);
}
END_TEST

START_TEST(test_float_deadline)
{
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    await asyncio.sleep(0.1)\n"
                         "    await asyncio.sleep(0.2)\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    long k = find(rec, SK_CLOCK, -2, 0);
    k = find(rec, SK_CLOCK, -2, (size_t)k + 1);
    ck_assert(rec_step_at(rec, k)->t == 0.1 + 0.2);
    ck_assert(rec_step_at(rec, k)->t > 0.3);
    rec_free(rec);
}
END_TEST

START_TEST(test_deadlock)
{
    Recording *rec = run("import asyncio\n"
                         "\n"
                         "async def main():\n"
                         "    fut = asyncio.get_running_loop().create_future()\n"
                         "    await fut\n"
                         "\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_FAILED);
    size_t n = rec_nsteps(rec);
    const Step *last = rec_step_at(rec, n - 1);
    ck_assert_int_eq(last->kind, SK_DEADLOCK);
    ck_assert_int_eq(last->task, -1);
    ck_assert_int_eq(count(rec, SK_END), 0);
    ck_assert_int_eq(count(rec, SK_ERROR), 0);
    want_state(rec, 0, (long)n - 1, TS_WAITING, OUT_NONE, "a future");
    ck_assert_str_eq(rec_traceback(rec), "loopscope: deadlock: no task can ever run again; "
                                         "real Python would wait forever here\n");
    rec_free(rec);

    /* two tasks awaiting each other (tests/cases/deadlock_mutual.py) */
    rec = run("import asyncio\n"
              "tasks = []\n"
              "async def first():\n"
              "    await asyncio.sleep(0.5)\n"
              "    await tasks[1]\n"
              "async def second():\n"
              "    await tasks[0]\n"
              "async def main():\n"
              "    tasks.append(asyncio.create_task(first()))\n"
              "    tasks.append(asyncio.create_task(second()))\n"
              "    await tasks[0]\n"
              "    print('never printed')\n"
              "asyncio.run(main())\n",
              NULL, SIM_FAILED);
    n = rec_nsteps(rec);
    last = rec_step_at(rec, n - 1);
    ck_assert_int_eq(last->kind, SK_DEADLOCK);
    ck_assert(last->t == 0.5);
    ck_assert_int_eq(count(rec, SK_PRINT), 0);
    want_state(rec, 0, (long)n - 1, TS_WAITING, OUT_NONE, "task first");
    want_state(rec, 1, (long)n - 1, TS_WAITING, OUT_NONE, "task second");
    want_state(rec, 2, (long)n - 1, TS_WAITING, OUT_NONE, "task first");
    rec_free(rec);
}
END_TEST

START_TEST(test_never_awaited)
{
    Recording *rec = run("import asyncio\n"
                         "\n"
                         "async def child():\n"
                         "    print('never runs')\n"
                         "\n"
                         "async def main():\n"
                         "    async def inner():\n"
                         "        pass\n"
                         "    child()\n"
                         "    c = inner()\n"
                         "    print('main')\n"
                         "\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    ck_assert_int_eq(rec_ntasks(rec), 3);
    /* the expression statement warns at once, at its line */
    long w = find(rec, SK_WARN, -2, 0);
    const Step *s = rec_step_at(rec, w);
    ck_assert_str_eq(rec_str(rec, s->text), "coroutine 'child' was never awaited");
    ck_assert_int_eq(s->line, 9);
    TaskView v;
    ck_assert(!rec_task_at(rec, s->task, (size_t)w - 1, &v));
    want_state(rec, s->task, w, TS_DONE, OUT_NEVER, "never awaited");
    v = view(rec, s->task, w);
    ck_assert_str_eq(v.coro, "child");
    ck_assert_str_eq(v.name, "(coroutine)");
    ck_assert(!v.hidden);
    /* a coroutine held in a local warns when main returns, before its done
     * line, with the qualified name */
    long w2 = find(rec, SK_WARN, -2, (size_t)w + 1);
    ck_assert_int_gt(w2, find(rec, SK_PRINT, -2, 0));
    ck_assert_int_lt(w2, find(rec, SK_DONE, 0, 0));
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, w2)->text), "coroutine 'main.<locals>.inner' was never awaited");
    want_state(rec, rec_step_at(rec, w2)->task, w2, TS_DONE, OUT_NEVER, NULL);
    ck_assert_uint_eq(count(rec, SK_PRINT), 1);
    ck_assert_uint_eq(count(rec, SK_START), 1);
    rec_free(rec);
}
END_TEST

/* The second asyncio.run's main is Task-4: each run spends one number on
 * main and two on its hidden shutdown tasks (CPython 3.11, pytrace.py). */
START_TEST(test_task_numbering)
{
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    await asyncio.sleep(0)\n"
                         "asyncio.run(main())\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    ck_assert_int_eq(rec_ntasks(rec), 2);
    ck_assert_uint_eq(count(rec, SK_LOOP), 2);
    ck_assert_uint_eq(count(rec, SK_END), 2);
    long s = find(rec, SK_START, 1, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, s)->text), "Task-4 main");
    ck_assert_str_eq(view(rec, 1, s).name, "Task-4");
    ck_assert_int_gt(s, find(rec, SK_END, -2, 0));
    rec_free(rec);

    /* tasks made by the first run and a name= task also use up numbers */
    rec = run("import asyncio\n"
              "async def job():\n"
              "    await asyncio.sleep(0)\n"
              "async def main():\n"
              "    a = asyncio.create_task(job())\n"
              "    b = asyncio.create_task(job(), name='dl')\n"
              "    await a\n"
              "    await b\n"
              "asyncio.run(main())\n"
              "asyncio.run(main())\n",
              NULL, SIM_OK);
    static const char *const names[] = {"Task-1", "Task-2", "dl", "Task-6", "Task-7", "dl"};
    ck_assert_int_eq(rec_ntasks(rec), 6);
    for (int i = 0; i < 6; i++)
        ck_assert_str_eq(view(rec, i, (long)rec_nsteps(rec) - 1).name, names[i]);
    rec_free(rec);
}
END_TEST

/* asyncio.run's shutdown tasks are never visible: not a task of the
 * recording, never the subject of a step, never in a view. */
START_TEST(test_hidden_tasks)
{
    Recording *rec = run("import asyncio\n"
                         "async def child():\n"
                         "    pass\n"
                         "async def sleeper():\n"
                         "    await asyncio.sleep(5)\n"
                         "async def main():\n"
                         "    child()\n"
                         "    asyncio.create_task(sleeper())\n"
                         "    await asyncio.sleep(0)\n"
                         "asyncio.run(main())\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    /* per run: main, the never-awaited child, sleeper (cancelled at shutdown) */
    int nt = rec_ntasks(rec);
    ck_assert_int_eq(nt, 6);
    ck_assert_uint_eq(count(rec, SK_CANCELLED), 2);
    ck_assert_uint_eq(count(rec, SK_START), 4);
    for (size_t i = 0; i < rec_nsteps(rec); i++) {
        const Step *s = rec_step_at(rec, i);
        ck_assert(s->task >= -1 && s->task < nt);
        for (int id = 0; id < nt; id++) {
            TaskView v;
            if (!rec_task_at(rec, id, i, &v))
                continue;
            ck_assert(!v.hidden);
            ck_assert_msg(v.coro[0] != '_' && !strstr(v.coro, "shutdown"), "step %zu: task %s", i, v.coro);
        }
    }
    long s2 = find(rec, SK_START, 3, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, s2)->text), "Task-5 main");
    rec_free(rec);
}
END_TEST

/* A task of the library's own coroutine (asyncio.sleep) stands on the
 * scenario's lines, never on the prelude's, also once it is done: its DONE
 * step and state show the line its steps ran from (asyncio.run's). */
START_TEST(test_library_task_line)
{
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    t = asyncio.create_task(asyncio.sleep(0.1))\n"
                         "    await asyncio.sleep(0.2)\n"
                         "    print(t.done())\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    long run1 = find(rec, SK_RESUME, 1, 0), done = find(rec, SK_DONE, 1, 0);
    ck_assert_int_ge(run1, 0);
    ck_assert_int_gt(done, run1);
    TaskView v = view(rec, 1, done);
    ck_assert_int_eq(v.state, TS_DONE);
    ck_assert_int_eq(v.line, 6);
    ck_assert_int_eq(rec_step_at(rec, (size_t)done)->line, 6);
    ck_assert_int_eq(view(rec, 1, run1).line, 6);
    rec_free(rec);
}
END_TEST

/* A task's chain and line are kept from its suspend to its next step
 * (narr_chain_keep), a bare yield's too: its wake-up and its resume stand
 * on the line it stopped at, and its next suspend on the new one. Fails
 * when the kept chain outlives the resume (each suspend would repeat the
 * first line) or is not kept (nothing here: the lines are the same). */
START_TEST(test_kept_chain_lines)
{
    Recording *rec = run("import asyncio\n"
                         "async def inner():\n"
                         "    await asyncio.sleep(0)\n"
                         "    await asyncio.sleep(0.5)\n"
                         "async def main():\n"
                         "    await asyncio.sleep(0)\n"
                         "    await inner()\n"
                         "    await asyncio.sleep(0)\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    static const int want[] = {6, 3, 4, 8}; /* each suspend's line, in order */
    size_t at = 0;
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        long sus = find(rec, SK_SUSPEND, 0, at);
        ck_assert_int_ge(sus, 0);
        ck_assert_msg(rec_step_at(rec, (size_t)sus)->line == want[k], "suspend %zu: line %d, want %d", k,
                      rec_step_at(rec, (size_t)sus)->line, want[k]);
        ck_assert_int_eq(view(rec, 0, (size_t)sus).line, want[k]);
        long res = find(rec, SK_RESUME, 0, (size_t)sus);
        ck_assert_int_gt(res, sus);
        ck_assert_msg(rec_step_at(rec, (size_t)res)->line == want[k], "resume %zu: line %d, want %d", k,
                      rec_step_at(rec, (size_t)res)->line, want[k]);
        const char *chain = view(rec, 0, (size_t)res).chain;
        ck_assert_str_eq(chain, k == 1 || k == 2 ? "main \xe2\x86\x92 inner" : "main");
        at = (size_t)res;
    }
    rec_free(rec);
}
END_TEST

/* READY tasks carry their queue position: creation order here. */
START_TEST(test_ready_order)
{
    Recording *rec = run("import asyncio\n"
                         "async def j():\n"
                         "    pass\n"
                         "async def main():\n"
                         "    for i in range(3):\n"
                         "        asyncio.create_task(j())\n"
                         "    await asyncio.sleep(0)\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    long y = find(rec, SK_SUSPEND, 0, 0);
    TaskView a = view(rec, 1, y), b = view(rec, 2, y), c = view(rec, 3, y), m = view(rec, 0, y);
    ck_assert(a.state == TS_READY && b.state == TS_READY && c.state == TS_READY && m.state == TS_READY);
    ck_assert_uint_lt(a.order, b.order);
    ck_assert_uint_lt(b.order, c.order);
    ck_assert_uint_lt(c.order, m.order);
    /* and they start in that order */
    ck_assert_int_lt(find(rec, SK_START, 1, 0), find(rec, SK_START, 2, 0));
    ck_assert_int_lt(find(rec, SK_START, 2, 0), find(rec, SK_START, 3, 0));
    ck_assert_int_lt(find(rec, SK_START, 3, 0), find(rec, SK_RESUME, 0, 0));
    rec_free(rec);
}
END_TEST

/* `while True: await sleep(1)` stops at the step limit with SK_LIMIT,
 * which fits even though the recording is full. */
START_TEST(test_step_limit)
{
    SimOptions opt = {.max_steps = 200};
    Recording *rec = run("import asyncio\n"
                         "async def main():\n"
                         "    while True:\n"
                         "        await asyncio.sleep(1)\n"
                         "asyncio.run(main())\n",
                         &opt, SIM_FAILED);
    ck_assert_uint_eq(rec_nsteps(rec), 201);
    ck_assert(rec_full(rec));
    const Step *last = rec_step_at(rec, 200);
    ck_assert_int_eq(last->kind, SK_LIMIT);
    ck_assert_ptr_nonnull(strstr(rec_str(rec, last->text), "--max-steps"));
    ck_assert(last->t > 10.0);
    rec_free(rec);
}
END_TEST

/* --until T: the run stops when its clock would pass T, with SK_LIMIT at
 * T itself; everything due at or before T has run. The clock is stopped
 * the same way by a timer, by time.sleep and by a worker thread. */
static Recording *run_until(const char *code, double until)
{
    SimOptions opt = {.until_set = true, .until = until};
    Recording *rec = run(code, &opt, SIM_FAILED);
    size_t n = rec_nsteps(rec);
    const Step *last = rec_step_at(rec, n - 1);
    ck_assert_int_eq(last->kind, SK_LIMIT);
    ck_assert(last->t == until);
    ck_assert_ptr_nonnull(strstr(rec_str(rec, last->text), "--until"));
    for (size_t i = 0; i < n; i++)
        ck_assert(rec_step_at(rec, i)->t <= until);
    ck_assert_ptr_nonnull(strstr(rec_traceback(rec), "time limit"));
    return rec;
}

START_TEST(test_until)
{
    static const char *const timers = "import asyncio\n"
                                      "async def main():\n"
                                      "    while True:\n"
                                      "        await asyncio.sleep(1)\n"
                                      "        print('tick')\n"
                                      "asyncio.run(main())\n";
    Recording *rec = run_until(timers, 3);
    int prints = 0;
    for (size_t i = 0; i < rec_nsteps(rec); i++)
        prints += rec_step_at(rec, i)->kind == SK_PRINT;
    ck_assert_int_eq(prints, 3); /* the ticks at 1, 2 and 3 */
    rec_free(rec);
    rec = run_until(timers, 2.5);
    rec_free(rec);
    rec = run_until("import time\n"
                    "print('a')\n"
                    "time.sleep(10)\n"
                    "print('b')\n",
                    4);
    rec_free(rec);
    rec = run_until("import asyncio, time\n"
                    "async def main():\n"
                    "    await asyncio.to_thread(time.sleep, 5)\n"
                    "asyncio.run(main())\n",
                    1.5);
    rec_free(rec);
    /* a run that ends before T is not stopped */
    SimOptions opt = {.until_set = true, .until = 10};
    rec = run("import asyncio\n"
              "asyncio.run(asyncio.sleep(10))\n",
              &opt, SIM_OK);
    rec_free(rec);
}
END_TEST

static const char *const busy =
    "'''A busy scenario for the determinism check.'''\n"
    "import asyncio, time\n"
    "\n"
    "async def fetch(name, d):\n"
    "    await asyncio.sleep(d)\n"
    "    if name == 'bad':\n"
    "        raise RuntimeError(name)\n"
    "    return name.upper()\n"
    "\n"
    "async def ticker(n):\n"
    "    for i in range(n):\n"
    "        print('tick', i, f'{asyncio.get_running_loop().time():.2f}')\n"
    "        await asyncio.sleep(0.25)\n"
    "\n"
    "async def main():\n"
    "    fetch('lost', 1)\n"
    "    t = asyncio.create_task(ticker(6))\n"
    "    s = asyncio.create_task(fetch('slow', 9))\n"
    "    r = await asyncio.gather(fetch('a', 0.5), fetch('bad', 0.7), fetch('c', 0.1),\n"
    "                             return_exceptions=True)\n"
    "    print(r)\n"
    "    time.sleep(0.3)\n"
    "    s.cancel()\n"
    "    await asyncio.sleep(0)\n"
    "    await t\n"
    "    return len(r)\n"
    "\n"
    "print(asyncio.run(main()))\n"
    "print(asyncio.run(main()))\n";

START_TEST(test_determinism)
{
    Recording *a = run(busy, NULL, SIM_OK);
    Recording *b = run(busy, NULL, SIM_OK);
    ck_assert_uint_gt(rec_nsteps(a), 100);
    ck_assert_uint_eq(rec_nsteps(a), rec_nsteps(b));
    ck_assert_int_eq(rec_ntasks(a), rec_ntasks(b));
    ck_assert_str_eq(rec_doc(a), "A busy scenario for the determinism check.");
    Buf wa = {0}, wb = {0};
    for (size_t i = 0; i < rec_nsteps(a); i++) {
        const Step *x = rec_step_at(a, i), *y = rec_step_at(b, i);
        ck_assert_msg(x->kind == y->kind && x->task == y->task && x->line == y->line && x->t == y->t &&
                          x->t0 == y->t0,
                      "step %zu differs", i);
        ck_assert_str_eq(rec_str(a, x->text), rec_str(b, y->text));
        ck_assert_str_eq(rec_words(a, x->caption, &wa), rec_words(b, y->caption, &wb));
        ck_assert_str_eq(rec_words(a, x->log, &wa), rec_words(b, y->log, &wb));
        for (int id = 0; id < rec_ntasks(a); id++) {
            TaskView u, v;
            bool hu = rec_task_at(a, id, i, &u), hv = rec_task_at(b, id, i, &v);
            ck_assert(hu == hv);
            if (!hu)
                continue;
            ck_assert(u.state == v.state && u.outcome == v.outcome && u.line == v.line && u.order == v.order);
            ck_assert_str_eq(u.name, v.name);
            ck_assert_str_eq(u.label, v.label);
            ck_assert_str_eq(u.chain, v.chain);
        }
    }
    buf_free(&wa);
    buf_free(&wb);
    rec_free(a);
    rec_free(b);
}
END_TEST

/* Known bug: when a task finishes, the tasks awaiting it are recorded as
 * woken (SK_WAKE "task worker is done") before the task's own SK_DONE step,
 * so for one step the viewer shows main READY while worker is still
 * RUNNING. future_set_result schedules the callbacks (narr_task_woken)
 * before task_step calls narr_task_finished. */
START_TEST(test_known_wake_after_done)
{
    Recording *rec = run(lifecycle, NULL, SIM_OK);
    long d1 = find(rec, SK_DONE, 1, 0);
    long w0 = find(rec, SK_WAKE, 0, 0);
    ck_assert_msg(d1 < w0, "main woken at step %ld, worker done at step %ld", w0, d1);
    rec_free(rec);
}
END_TEST

/* Known bug: the done/raised/cancelled step of a task carries the line of
 * the module's asyncio.run call (the coroutine has no frame left, so
 * task_line falls back to the VM's current line), not a line of the task. */
START_TEST(test_known_done_line)
{
    Recording *rec = run(lifecycle, NULL, SIM_OK);
    long d1 = find(rec, SK_DONE, 1, 0);
    int line = rec_step_at(rec, d1)->line;
    ck_assert_msg(line >= 3 && line <= 5, "worker's done step is at line %d", line);
    rec_free(rec);
}
END_TEST


/* ---- worker threads (docs/threads.md) ---- */

static const char *const to_thread_src =
    "import asyncio, time\n"
    "def load_file(n):\n"
    "    time.sleep(0.8)\n"
    "    return n\n"
    "async def tick():\n"
    "    for i in range(3):\n"
    "        await asyncio.sleep(0.5)\n"
    "async def main():\n"
    "    t = asyncio.create_task(tick())\n"
    "    r = await asyncio.to_thread(load_file, 1)\n"
    "    await t\n"
    "asyncio.run(main())\n";

START_TEST(test_to_thread_job)
{
    Recording *rec = run(to_thread_src, NULL, SIM_OK);
    ck_assert_int_eq(rec_nlanes(rec), 1);
    ck_assert_str_eq(rec_lane_name(rec, 0), "asyncio_0");
    ck_assert_int_eq(rec_lane_kind(rec, 0), LANE_THREAD);
    ck_assert_int_eq(rec_njobs(rec), 1);
    JobView jv;
    ck_assert(rec_job_at(rec, 0, &jv));
    ck_assert_str_eq(jv.func, "load_file");
    ck_assert(jv.t0 == 0 && jv.t1 == 0.8);
    ck_assert_int_eq(jv.status, JOB_RESULT);
    long s0 = find(rec, SK_JOB_START, -2, 0), s1 = find(rec, SK_JOB_END, -2, 0);
    ck_assert_int_eq((long)jv.step0, s0);
    ck_assert_int_eq((long)jv.step1, s1);
    ck_assert(rec_step_at(rec, (size_t)s1)->t == 0.8);
    /* the loop kept running meanwhile: tick woke at 0.5, before the job ended */
    long w = find(rec, SK_WAKE, -2, (size_t)s0);
    ck_assert(rec_step_at(rec, (size_t)w)->t == 0.5 && w < s1);
    /* main waits with the job's label */
    long susp = find(rec, SK_SUSPEND, 0, (size_t)s0);
    TaskView v = view(rec, 0, susp);
    ck_assert_int_eq(v.state, TS_WAITING);
    ck_assert_str_eq(v.label, "thread: load_file 0.80s");
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, (size_t)s0)->log), "[0.00] load_file() started on asyncio_0");
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, (size_t)s1)->log), "[0.80] load_file() finished on asyncio_0");
    rec_free(rec);
}
END_TEST

START_TEST(test_pool_queue_fifo)
{
    Recording *rec = run("import asyncio, time\n"
                         "from concurrent.futures import ThreadPoolExecutor\n"
                         "def job(d):\n"
                         "    time.sleep(d)\n"
                         "    return d\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    pool = ThreadPoolExecutor(max_workers=1)\n"
                         "    a = loop.run_in_executor(pool, job, 0.5)\n"
                         "    b = loop.run_in_executor(pool, job, 0.25)\n"
                         "    print(await a, await b)\n"
                         "    pool.shutdown()\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    ck_assert_int_eq(rec_nlanes(rec), 1);
    ck_assert_str_eq(rec_lane_name(rec, 0), "ThreadPoolExecutor-0_0");
    ck_assert_int_eq(rec_njobs(rec), 2);
    JobView a, b;
    rec_job_at(rec, 0, &a);
    rec_job_at(rec, 1, &b);
    ck_assert(a.t1 == 0.5 && b.t0 == 0.5 && b.t1 == 0.75);
    ck_assert_uint_eq(b.step0, a.step1 + 1); /* the worker takes the next job right after the first one ends */
    rec_free(rec);
}
END_TEST

START_TEST(test_thread_exception_and_process)
{
    Recording *rec = run("import asyncio, time\n"
                         "from concurrent.futures import ProcessPoolExecutor\n"
                         "def bad():\n"
                         "    time.sleep(0.1)\n"
                         "    raise ValueError('x')\n"
                         "async def main():\n"
                         "    loop = asyncio.get_running_loop()\n"
                         "    pool = ProcessPoolExecutor()\n"
                         "    try:\n"
                         "        await loop.run_in_executor(pool, bad)\n"
                         "    except ValueError:\n"
                         "        print('caught', loop.time())\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    ck_assert_int_eq(rec_nlanes(rec), 1);
    ck_assert_str_eq(rec_lane_name(rec, 0), "process-1");
    ck_assert_int_eq(rec_lane_kind(rec, 0), LANE_PROCESS);
    JobView jv;
    rec_job_at(rec, 0, &jv);
    ck_assert_int_eq(jv.status, JOB_RAISED);
    long p = find(rec, SK_PRINT, -2, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, (size_t)p)->text), "caught 0.1");
    rec_free(rec);
}
END_TEST

/* Run code, which must end well and print one line: that line; and the
 * counter must move by more than `more` (the shortcut was taken). */
static void expect_print(const char *code, const char *want, uint64_t (*counter)(void), uint64_t more)
{
    uint64_t before = counter();
    Recording *rec = run(code, NULL, SIM_OK);
    ck_assert_uint_gt(counter() - before, more);
    long p = find(rec, SK_PRINT, -2, 0);
    ck_assert_int_ge(p, 0);
    ck_assert_str_eq(rec_str(rec, rec_step_at(rec, (size_t)p)->text), want);
    rec_free(rec);
}

/* loop.c's spare handles: a handle is handed out again only when no one
 * holds it. The scenario keeps every other handle of call_soon, call_later
 * and the sleeps' timers, lets them all run, then makes more: a kept one
 * handed out again would be the same object as a new one, or would be
 * cancelled or moved under its holder. The count shows the spares are
 * used at all. */
START_TEST(test_spare_handles)
{
    expect_print("import asyncio\n"
                 "async def main():\n"
                 "    loop = asyncio.get_running_loop()\n"
                 "    seen, kept, fresh = [], [], []\n"
                 "    for i in range(40):\n"
                 "        h = loop.call_soon(seen.append, i)\n"
                 "        t = loop.call_later(0.5, seen.append, -i)\n"
                 "        if i % 2 == 0:\n"
                 "            kept.append(h)\n"
                 "            kept.append(t)\n"
                 "        await asyncio.sleep(0)\n"
                 "    await asyncio.sleep(1)\n"
                 "    for i in range(40):\n"
                 "        fresh.append(loop.call_soon(seen.append, 100 + i))\n"
                 "        await asyncio.sleep(0.01)\n"
                 "    kept[3].cancel()\n"
                 "    same = sum(1 for a in kept for b in fresh if a is b)\n"
                 "    late = sum(1 for h in kept if h.cancelled())\n"
                 "    whens = sorted(set(h.when() for h in kept[1::2]))\n"
                 "    print(same, late, len(seen), whens, sorted(seen)[-1])\n"
                 "asyncio.run(main())\n",
                 "0 1 120 [0.5] 139", loop_handles_reused, 40);
}
END_TEST

/* sleep.c's shared sleep(0) awaitable: many tasks suspended on it at
 * once, one cancelled there, and a sleep(0) with a result or another
 * delay right after: each must see its own outcome. The count shows it
 * is shared at all. */
START_TEST(test_shared_sleep0)
{
    expect_print("import asyncio\n"
                 "async def spin(k, out):\n"
                 "    for i in range(3):\n"
                 "        r = await asyncio.sleep(0)\n"
                 "        out.append((k, r))\n"
                 "    out.append(('r', await asyncio.sleep(0, k)))\n"
                 "    out.append(await asyncio.sleep(-1, 'neg'))\n"
                 "    return k\n"
                 "async def main():\n"
                 "    out = []\n"
                 "    ts = [asyncio.create_task(spin(k, out)) for k in range(5)]\n"
                 "    await asyncio.sleep(0)\n"
                 "    ts[2].cancel()\n"
                 "    rs = await asyncio.gather(*ts, return_exceptions=True)\n"
                 "    print([type(r).__name__ for r in rs], len(out), out.count('neg'),\n"
                 "          [x[1] for x in out if x[0] == 'r'], [x for x in out if x[0] == 2])\n"
                 "asyncio.run(main())\n",
                 "['int', 'int', 'CancelledError', 'int', 'int'] 20 4 [0, 1, 3, 4] []", sleep_zeros_shared, 10);
}
END_TEST

/* future.c's spare futures, as test_spare_handles: futures held, some
 * done, some with callbacks, beside the sleeps' futures that come and go;
 * a held one handed out again would be one of the fresh ones or lose its
 * result. */
START_TEST(test_spare_futures)
{
    expect_print("import asyncio\n"
                 "async def main():\n"
                 "    loop = asyncio.get_running_loop()\n"
                 "    kept, fresh, calls = [], [], []\n"
                 "    for i in range(40):\n"
                 "        f = loop.create_future()\n"
                 "        if i % 3 == 0:\n"
                 "            f.add_done_callback(calls.append)\n"
                 "        if i % 2 == 0:\n"
                 "            f.set_result(i)\n"
                 "            kept.append(f)\n"
                 "        await asyncio.sleep(0.01)\n"
                 "    for i in range(40):\n"
                 "        fresh.append(loop.create_future())\n"
                 "        await asyncio.sleep(0.01)\n"
                 "    same = sum(1 for a in kept for b in fresh if a is b)\n"
                 "    print(same, [f.result() for f in kept[-3:]], sum(g.done() for g in fresh),\n"
                 "          len(calls), all(c in kept for c in calls))\n"
                 "asyncio.run(main())\n",
                 "0 [34, 36, 38] 0 7 True", future_spares_reused, 40);
}
END_TEST

/* A sleep's timer gives its (future, result) to the lone task wakeup it
 * schedules (future_set_result_with), instead of a new (future,): each
 * task must still wake to its own sleep's outcome, with timers sharing a
 * deadline, a sleep cancelled while its timer is due in the same
 * iteration, and a task of sleep itself. */
START_TEST(test_timer_args_shared)
{
    expect_print("import asyncio\n"
                 "async def w(k):\n"
                 "    r = await asyncio.sleep(0.01 * (k % 3), k)\n"
                 "    return r * 10 + await asyncio.sleep(0.01, k % 4)\n"
                 "async def main():\n"
                 "    ts = [asyncio.create_task(w(k)) for k in range(9)]\n"
                 "    s = asyncio.create_task(asyncio.sleep(0.02, 'x'))\n"
                 "    await asyncio.sleep(0.01)\n"
                 "    ts[4].cancel()\n"
                 "    rs = await asyncio.gather(*ts, s, return_exceptions=True)\n"
                 "    print([r if not isinstance(r, BaseException) else 'C' for r in rs])\n"
                 "asyncio.run(main())\n",
                 "[0, 11, 22, 33, 'C', 51, 62, 73, 80, 'x']", future_args_shared, 10);
}
END_TEST

/* A waiting get's words are the queue's _get_label, found in its class
 * or its own dict; a waiting put's say the maxsize. sync.c remembers the
 * class's words and the last put's: this fails when the class's are kept
 * after the class changed (task 2), or after the queue got its own (task
 * 3), or when the put's are kept for another maxsize (task 5). */
START_TEST(test_queue_wait_words)
{
    Recording *rec = run("import asyncio\n"
                         "Q = asyncio.Queue\n"
                         "async def get(q):\n"
                         "    await q.get()\n"
                         "async def put(q, x):\n"
                         "    await q.put(x)\n"
                         "async def main():\n"
                         "    q = Q()\n"
                         "    ts = [asyncio.create_task(get(q))]\n"
                         "    await asyncio.sleep(0)\n"
                         "    Q._get_label = 'the class says'\n"
                         "    ts.append(asyncio.create_task(get(q)))\n"
                         "    await asyncio.sleep(0)\n"
                         "    q._get_label = 'the queue says'\n"
                         "    ts.append(asyncio.create_task(get(q)))\n"
                         "    await asyncio.sleep(0)\n"
                         "    for i in range(3):\n"
                         "        q.put_nowait(i)\n"
                         "    await asyncio.gather(*ts)\n"
                         "    q1, q2 = Q(1), Q(2)\n"
                         "    for x in range(2):\n"
                         "        q1.put_nowait(x) if x < 1 else None\n"
                         "        q2.put_nowait(x)\n"
                         "    ts = [asyncio.create_task(put(q1, 9)), asyncio.create_task(put(q2, 9))]\n"
                         "    await asyncio.sleep(0)\n"
                         "    q1.get_nowait()\n"
                         "    q2.get_nowait()\n"
                         "    await asyncio.gather(*ts)\n"
                         "asyncio.run(main())\n",
                         NULL, SIM_OK);
    const char *want[] = {NULL, "Queue.get (empty)", "the class says", "the queue says", "Queue.put (full, 1 of 1)",
                          "Queue.put (full, 2 of 2)"};
    for (int id = 1; id <= 5; id++)
        want_state(rec, id, find(rec, SK_SUSPEND, id, 0), TS_WAITING, OUT_NONE, want[id]);
    rec_free(rec);
}
END_TEST

Suite *loop_suite(void)
{
    Suite *s = suite_create("loop");
    TCase *tc = tcase_create("recording");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_task_lifecycle);
    tcase_add_test(tc, test_kept_chain_lines);
    tcase_add_test(tc, test_outcomes);
    tcase_add_test(tc, test_gather_label);
    tcase_add_test(tc, test_clock_and_block);
    tcase_add_test(tc, test_float_deadline);
    tcase_add_test(tc, test_deadlock);
    tcase_add_test(tc, test_never_awaited);
    tcase_add_test(tc, test_task_numbering);
    tcase_add_test(tc, test_hidden_tasks);
    tcase_add_test(tc, test_ready_order);
    tcase_add_test(tc, test_library_task_line);
    tcase_add_test(tc, test_step_limit);
    tcase_add_test(tc, test_determinism);
    tcase_add_test(tc, test_to_thread_job);
    tcase_add_test(tc, test_pool_queue_fifo);
    tcase_add_test(tc, test_thread_exception_and_process);
    /* once known bugs, fixed: a woken waiter comes after the awaited task's
     * done step, and done steps point at the task's own return line */
    tcase_add_test(tc, test_known_wake_after_done);
    tcase_add_test(tc, test_known_done_line);
    tcase_add_test(tc, test_until);
    tcase_add_test(tc, test_spare_handles);
    tcase_add_test(tc, test_shared_sleep0);
    tcase_add_test(tc, test_spare_futures);
    tcase_add_test(tc, test_timer_args_shared);
    tcase_add_test(tc, test_queue_wait_words);
    suite_add_tcase(s, tc);
    return s;
}
