/* check_tasks_pane.c: the RUNNING / WAITING / READY / DONE columns
 * (src/view/pane_tasks.c).
 * Owns: the tasks_pane suite. Scenarios run through sim_run from strings;
 * the pane draws into a grid pre-filled with a sentinel and the checks
 * read the cells back column by column (the columns are found from the
 * rules on the title row, not from the pane's arithmetic): which cards
 * each column holds and in what order, names, details and their styles,
 * "+N more" and scrolling, and that nothing lands outside the rectangle. */
#include "suites.h"

#include "fixture.h"

#include "../src/view/pane.h"
#include "../src/view/view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { MAXROWS = 128 };

/* Run code as test.py (it must run to its end) with a gw x gh grid. */
static void fx_open(Fixture *f, const char *code, int gw, int gh, bool ascii)
{
    fixture_open_grid(f, "test.py", code, gw, gh, ascii);
}

/* Draw the pane in r at step over the sentinel. */
static void draw_at(Fixture *f, Rect r, size_t step) { fixture_draw(f, &pane_tasks, r, step); }

/* The four columns of the pane drawn in r: x and width of each, found
 * from the rules on the title row. */
typedef struct Cols {
    int x[4], w[4];
} Cols;

static Cols find_cols(const Grid *g, Rect r)
{
    Cols c;
    int k = 0, start = r.x + 1, y = r.y + 1;
    for (int x = r.x + 1; x < r.x + r.w - 1 && k < 3; x++) {
        const Cell *cell = grid_at(g, x, y);
        if (cell->ch == 0x2502 || (g->ascii && cell->ch == '|')) {
            c.x[k] = start, c.w[k] = x - start, k++;
            start = x + 1;
        }
    }
    ck_assert_int_eq(k, 3);
    c.x[3] = start, c.w[3] = r.x + r.w - 1 - start;
    return c;
}

/* Rows of column k, the title first. Returns how many. */
static int col_rows(const Grid *g, Rect r, int k, char rows[][256])
{
    Cols c = find_cols(g, r);
    int n = 0;
    for (int y = r.y + 1; y < r.y + r.h - 1 && n < MAXROWS; y++)
        snprintf(rows[n++], 256, "%s", fixture_cells(g, c.x[k], y, c.w[k], true));
    return n;
}

/* The row of column k whose text starts with s (a "▸ " or "> " marker
 * skipped), or -1. */
static int col_find(const Grid *g, Rect r, int k, const char *s)
{
    static char rows[MAXROWS][256];
    int n = col_rows(g, r, k, rows);
    for (int i = 0; i < n; i++) {
        const char *t = rows[i];
        if (!strncmp(t, "▸ ", strlen("▸ ")))
            t += strlen("▸ ");
        else if (!strncmp(t, "> ", 2))
            t += 2;
        if (!strncmp(t, s, strlen(s)))
            return i;
    }
    if (getenv("DEBUG_PANE"))
        for (int i = 0; i < n; i++)
            fprintf(stderr, "col %d row %d: '%s'\n", k, i, rows[i]);
    return -1;
}

/* The cell at the start of row i (0 = title) of column k. */
static const Cell *col_cell(const Grid *g, Rect r, int k, int i, int dx)
{
    Cols c = find_cols(g, r);
    return grid_at(g, c.x[k] + dx, r.y + 1 + i);
}


enum { RUN, WAIT, READY, DONE };

START_TEST(test_gather_columns)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 160, 40, false);
    Rect r = {3, 2, 150, 30};
    int main_id = fixture_task(&f, "main", 0), user = fixture_task(&f, "fetch_user", 0), posts = fixture_task(&f, "fetch_posts", 0);

    /* main awaits the gather: both children READY, in queue order */
    size_t s = fixture_step(&f, SK_SUSPEND, main_id, 0);
    draw_at(&f, r, s);
    fixture_assert_untouched(f.g, r, "tasks");
    ck_assert_int_eq(col_find(f.g, r, RUN, "RUNNING 0"), 0);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "WAITING 1"), 0);
    ck_assert_int_eq(col_find(f.g, r, READY, "READY 2"), 0);
    ck_assert_int_eq(col_find(f.g, r, DONE, "DONE 0"), 0);
    ck_assert_int_eq(col_cell(f.g, r, READY, 0, 0)->style, ST_READY);
    ck_assert_int_eq(col_cell(f.g, r, WAIT, 0, 0)->style, ST_WAITING);
    int m = col_find(f.g, r, WAIT, "main");
    ck_assert_int_eq(m, 1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "  gather: 2 of 2 pending"), 2);
    int u = col_find(f.g, r, READY, "fetch_user"), p = col_find(f.g, r, READY, "fetch_posts");
    ck_assert_int_gt(u, 0);
    ck_assert_int_gt(p, u);
    ck_assert_int_eq(col_find(f.g, r, READY, "  scheduled"), u + 1);

    /* fetch_user runs */
    s = fixture_step(&f, SK_START, user, 0);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, RUN, "RUNNING 1"), 0);
    ck_assert_int_eq(col_find(f.g, r, RUN, "fetch_user"), 1);
    ck_assert_int_eq(col_find(f.g, r, READY, "READY 1"), 0);
    ck_assert_int_eq(col_find(f.g, r, READY, "fetch_user"), -1);

    /* both sleeping; then fetch_posts finishes first */
    s = fixture_step(&f, SK_SUSPEND, posts, 0);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "WAITING 3"), 0);
    ck_assert_int_gt(col_find(f.g, r, WAIT, "  sleep(1.5) until 1.50"), 0);
    ck_assert_int_lt(col_find(f.g, r, WAIT, "main"), col_find(f.g, r, WAIT, "fetch_user"));
    ck_assert_int_lt(col_find(f.g, r, WAIT, "fetch_user"), col_find(f.g, r, WAIT, "fetch_posts"));

    s = fixture_step(&f, SK_DONE, posts, 0);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, DONE, "DONE 1"), 0);
    ck_assert_int_eq(col_find(f.g, r, DONE, "fetch_posts"), 1);
    ck_assert_int_eq(col_find(f.g, r, DONE, "  → ['first post', 'second post']"), 2);

    /* the end: DONE in the order they finished */
    draw_at(&f, r, rec_nsteps(f.rec) - 1);
    fixture_assert_untouched(f.g, r, "tasks");
    ck_assert_int_eq(col_find(f.g, r, DONE, "DONE 3"), 0);
    int dp = col_find(f.g, r, DONE, "fetch_posts"), du = col_find(f.g, r, DONE, "fetch_user"),
        dm = col_find(f.g, r, DONE, "main");
    ck_assert_int_gt(dp, 0);
    ck_assert_int_gt(du, dp);
    ck_assert_int_gt(dm, du);
    ck_assert_int_eq(col_find(f.g, r, DONE, "  → {'id': 1, 'name': 'Ada'}"), du + 1);
    fixture_close(&f);
}
END_TEST

/* The card the step changed is marked and bold; the frame's border shows
 * the focus. */
START_TEST(test_changed_card_and_focus)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 120, 40, false);
    Rect r = {0, 0, 100, 20};
    int posts = fixture_task(&f, "fetch_posts", 0);
    size_t s = fixture_step(&f, SK_SUSPEND, posts, 0);
    f.v.focus = FOCUS_TASKS;
    draw_at(&f, r, s);
    ck_assert_int_eq(grid_at(f.g, 0, 0)->style, ST_BORDER_FOCUS);
    int row = col_find(f.g, r, WAIT, "fetch_posts");
    ck_assert_int_gt(row, 0);
    ck_assert_uint_eq(col_cell(f.g, r, WAIT, row, 0)->ch, 0x25B8); /* ▸ */
    ck_assert_int_eq(col_cell(f.g, r, WAIT, row, 2)->style, ST_BOLD);
    int other = col_find(f.g, r, WAIT, "fetch_user");
    ck_assert_uint_eq(col_cell(f.g, r, WAIT, other, 0)->ch, 'f');
    ck_assert_int_eq(col_cell(f.g, r, WAIT, other, 0)->style, ST_WAITING);

    f.v.focus = FOCUS_CODE;
    draw_at(&f, r, s);
    ck_assert_int_eq(grid_at(f.g, 0, 0)->style, ST_BORDER);
    fixture_close(&f);
}
END_TEST

/* A task re-queued by sleep(0) goes behind the one created after it:
 * READY follows the queue, not creation. */
START_TEST(test_ready_queue_order)
{
    Fixture f;
    fx_open(&f,
            "import asyncio\n"
            "async def first():\n"
            "    await asyncio.sleep(0)\n"
            "async def second():\n"
            "    await asyncio.sleep(0)\n"
            "async def third():\n"
            "    await asyncio.sleep(0)\n"
            "async def main():\n"
            "    a = asyncio.create_task(first())\n"
            "    b = asyncio.create_task(second())\n"
            "    c = asyncio.create_task(third())\n"
            "    await asyncio.sleep(0.1)\n"
            "asyncio.run(main())\n",
            120, 40, false);
    Rect r = {0, 0, 120, 30};
    int a = fixture_task(&f, "first", 0), b = fixture_task(&f, "second", 0);
    size_t s = fixture_step(&f, SK_SUSPEND, a, 0);
    TaskView ta, tb;
    ck_assert(rec_task_at(f.rec, a, s, &ta) && ta.state == TS_READY);
    ck_assert(rec_task_at(f.rec, b, s, &tb) && tb.state == TS_READY);
    ck_assert_uint_gt(ta.order, tb.order);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, READY, "READY 3"), 0);
    int pb = col_find(f.g, r, READY, "second"), pc = col_find(f.g, r, READY, "third"),
        pa = col_find(f.g, r, READY, "first");
    ck_assert_int_gt(pb, 0);
    ck_assert_int_gt(pc, pb);
    ck_assert_int_gt(pa, pc);
    /* second is next in the queue: a sleep(0) that is over */
    s = fixture_step(&f, SK_SUSPEND, b, 0);
    draw_at(&f, r, s);
    pa = col_find(f.g, r, READY, "first");
    ck_assert_int_lt(col_find(f.g, r, READY, "third"), pa);
    ck_assert_int_lt(pa, col_find(f.g, r, READY, "second"));
    fixture_close(&f);
}
END_TEST

static const char *const names_py =
    "import asyncio\n"
    "async def worker(n):\n"
    "    await asyncio.sleep(n)\n"
    "async def solo():\n"
    "    await asyncio.sleep(1)\n"
    "async def main():\n"
    "    a = asyncio.create_task(worker(1))\n"
    "    b = asyncio.create_task(worker(1))\n"
    "    c = asyncio.create_task(worker(3), name='poller')\n"
    "    d = asyncio.create_task(solo())\n"
    "    e = asyncio.create_task(worker(2))\n"
    "    await asyncio.gather(a, b, c, d, e)\n"
    "asyncio.run(main())\n";

/* A card shows the task's one label: the call with its arguments; two
 * equal calls get their Task-N; a given name is shown as it is; a call
 * without arguments is the bare name. */
START_TEST(test_name_disambiguation)
{
    Fixture f;
    fx_open(&f, names_py, 140, 40, false);
    Rect r = {0, 0, 140, 30};
    size_t s = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "main", 0), 0);
    draw_at(&f, r, s);
    ck_assert_int_gt(col_find(f.g, r, READY, "worker(1) (Task-2)"), 0);
    ck_assert_int_gt(col_find(f.g, r, READY, "worker(1) (Task-3)"), 0);
    ck_assert_int_gt(col_find(f.g, r, READY, "worker(2)"), 0);
    ck_assert_int_eq(col_find(f.g, r, READY, "worker(2) ("), -1);
    ck_assert_int_gt(col_find(f.g, r, READY, "poller"), 0);
    ck_assert_int_eq(col_find(f.g, r, READY, "poller ("), -1);
    int solo = col_find(f.g, r, READY, "solo");
    ck_assert_int_gt(solo, 0);
    ck_assert_int_eq(col_find(f.g, r, READY, "solo ("), -1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "main ("), -1);

    /* before the second worker(1) exists the first already carries its
     * number: labels do not change while stepping */
    size_t early = fixture_step(&f, SK_CREATE, fixture_task(&f, "worker", 0), 0);
    draw_at(&f, r, early);
    ck_assert_int_gt(col_find(f.g, r, READY, "worker(1) (Task-2)"), 0);

    /* narrow: the number survives, the call is cut */
    Rect n = {0, 0, 44, 30};
    draw_at(&f, n, s);
    fixture_assert_untouched(f.g, n, "tasks");
    ck_assert_int_gt(col_find(f.g, n, READY, "worker… #2"), 0);
    ck_assert_int_gt(col_find(f.g, n, READY, "worker… #3"), 0);
    fixture_close(&f);
}
END_TEST

static const char *const ends_py =
    "import asyncio\n"
    "async def ok():\n"
    "    await asyncio.sleep(0.2)\n"
    "    return 42\n"
    "async def bad():\n"
    "    await asyncio.sleep(0.1)\n"
    "    raise ValueError('boom')\n"
    "async def slow():\n"
    "    await asyncio.sleep(10)\n"
    "async def forgotten():\n"
    "    pass\n"
    "async def main():\n"
    "    t1 = asyncio.create_task(ok())\n"
    "    t2 = asyncio.create_task(bad())\n"
    "    t3 = asyncio.create_task(slow())\n"
    "    forgotten()\n"
    "    await asyncio.sleep(0.05)\n"
    "    t3.cancel()\n"
    "    await asyncio.gather(t1, t2, return_exceptions=True)\n"
    "    try:\n"
    "        await t3\n"
    "    except asyncio.CancelledError:\n"
    "        pass\n"
    "asyncio.run(main())\n";

/* How tasks end: a result, an exception, cancelled, never awaited; each in
 * its own style, in the order they ended. */
START_TEST(test_done_outcomes)
{
    Fixture f;
    fx_open(&f, ends_py, 120, 40, false);
    Rect r = {0, 0, 120, 30};
    draw_at(&f, r, rec_nsteps(f.rec) - 1);
    /* the never-awaited coroutine is not DONE: it has the NEVER RAN area */
    ck_assert_int_eq(col_find(f.g, r, DONE, "DONE 4"), 0);
    ck_assert_int_eq(col_find(f.g, r, DONE, "⚠ forgotten"), -1);
    int slow = col_find(f.g, r, DONE, "slow"), bad = col_find(f.g, r, DONE, "bad"), ok = col_find(f.g, r, DONE, "ok"),
        main_row = col_find(f.g, r, DONE, "main");
    ck_assert_int_ge(slow, 0);
    ck_assert_int_gt(bad, slow);
    ck_assert_int_gt(ok, bad);
    ck_assert_int_gt(main_row, ok);
    bool area = false, line = false;
    for (int y = r.y; y < r.y + r.h; y++) {
        const char *t = fixture_cells(f.g, r.x, y, r.w, false);
        area |= strstr(t, "NEVER RAN 1") != NULL;
        line |= strstr(t, "⚠ forgotten  line ") != NULL;
    }
    ck_assert(area && line);
    ck_assert_int_eq(col_find(f.g, r, DONE, "  cancelled"), slow + 1);
    ck_assert_int_eq(col_cell(f.g, r, DONE, slow + 1, 2)->style, ST_CANCELLED);
    ck_assert_int_eq(col_find(f.g, r, DONE, "  ValueError('boom')"), bad + 1);
    ck_assert_int_eq(col_cell(f.g, r, DONE, bad + 1, 2)->style, ST_RAISED);
    ck_assert_int_eq(col_find(f.g, r, DONE, "  → 42"), ok + 1);
    ck_assert_int_eq(col_cell(f.g, r, DONE, ok, 0)->style, ST_DONE);

    /* ASCII: the warning marker has an ASCII form, and nothing else leaks */
    grid_free(f.g);
    f.g = grid_new(120, 40, true);
    draw_at(&f, r, rec_nsteps(f.rec) - 1);
    ck_assert_int_eq(col_find(f.g, r, DONE, "! forgotten"), -1);
    bool ascii_area = false;
    for (int y = r.y; y < r.y + r.h; y++)
        ascii_area |= strstr(fixture_cells(f.g, r.x, y, r.w, false), "! NEVER RAN 1") != NULL;
    ck_assert(ascii_area);
    for (int y = 0; y < r.h; y++)
        for (int x = 0; x < r.w; x++)
            ck_assert_uint_lt(grid_at(f.g, x, y)->ch, 0x80);
    fixture_close(&f);
}
END_TEST

/* A chain is shown under the label of a task waiting inside nested awaits. */
START_TEST(test_chain)
{
    Fixture f;
    fx_open(&f,
            "import asyncio\n"
            "async def fetch_user():\n"
            "    await asyncio.sleep(1)\n"
            "async def load():\n"
            "    await fetch_user()\n"
            "async def main():\n"
            "    await load()\n"
            "asyncio.run(main())\n",
            120, 40, false);
    Rect r = {0, 0, 120, 20};
    size_t s = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "main", 0), 0);
    draw_at(&f, r, s);
    int m = col_find(f.g, r, WAIT, "main");
    ck_assert_int_gt(m, 0);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "  sleep(1) until 1.00"), m + 1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "  main → load → fetch_user"), m + 2);
    ck_assert_int_eq(col_cell(f.g, r, WAIT, m + 2, 2)->style, ST_DIM);
    /* two rows only: the label wins over the chain */
    Rect low = {0, 0, 120, 5};
    draw_at(&f, low, s);
    ck_assert_int_eq(col_find(f.g, low, WAIT, "  sleep(1) until 1.00"), m + 1);
    ck_assert_int_eq(col_find(f.g, low, WAIT, "  main →"), -1);
    fixture_close(&f);
}
END_TEST

/* n workers sleeping a little over a second each, all gathered by main. */
static void open_many(Fixture *f, int n, int gw, int gh)
{
    char code[1024];
    snprintf(code, sizeof code,
             "import asyncio\n"
             "async def worker(i):\n"
             "    await asyncio.sleep(1 + i * 0.001)\n"
             "async def main():\n"
             "    tasks = [asyncio.create_task(worker(i)) for i in range(%d)]\n"
             "    await asyncio.gather(*tasks)\n"
             "asyncio.run(main())\n",
             n);
    fx_open(f, code, gw, gh, false);
}

/* 200 waiting tasks: each column shows what fits and counts the rest;
 * scrolling moves through them and stops at the ends. */
START_TEST(test_many_more_and_scroll)
{
    Fixture f;
    open_many(&f, 200, 120, 40);
    Rect r = {2, 3, 100, 22}; /* 20 rows inside: a title and 19 rows */
    size_t s = fixture_step(&f, SK_CLOCK, -2, 0); /* all of them asleep */
    f.v.pinned[FOCUS_TASKS] = true;
    draw_at(&f, r, s);
    fixture_assert_untouched(f.g, r, "tasks");
    ck_assert_int_eq(col_find(f.g, r, WAIT, "WAITING 201"), 0);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "main gather: 200 of 200"), 1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "worker(0)"), 2);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "+183 more"), 19);

    /* one down: the first is counted above */
    Input down = {.key = K_DOWN}, up = {.key = K_UP}, pgdn = {.key = K_PGDN}, pgup = {.key = K_PGUP};
    f.v.pinned[FOCUS_TASKS] = false;
    ck_assert_int_eq(pane_tasks.key(&f.v, &down, r), ACT_REDRAW);
    ck_assert_int_eq(f.v.scroll[FOCUS_TASKS], 1);
    ck_assert(f.v.pinned[FOCUS_TASKS]);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "↑ 1 more"), 1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "worker(0)"), 2);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "+183 more"), 19);

    /* to the end and no further: the last task shows, nothing below */
    for (int i = 0; i < 50; i++)
        pane_tasks.key(&f.v, &pgdn, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_TASKS], 201 - 18);
    ck_assert_int_eq(pane_tasks.key(&f.v, &pgdn, r), ACT_NONE);
    ck_assert_int_eq(pane_tasks.key(&f.v, &down, r), ACT_NONE);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "↑ 183 more"), 1);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "worker(199)"), 19);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "+"), -1);

    /* a scroll left too far (the view is const in draw) is clamped */
    f.v.scroll[FOCUS_TASKS] = 100000;
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "worker(199)"), 19);
    f.v.scroll[FOCUS_TASKS] = -5;
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "main"), 1);

    /* back to the top */
    f.v.scroll[FOCUS_TASKS] = 3;
    ck_assert_int_eq(pane_tasks.key(&f.v, &pgup, r), ACT_REDRAW);
    ck_assert_int_eq(f.v.scroll[FOCUS_TASKS], 0);
    ck_assert_int_eq(pane_tasks.key(&f.v, &up, r), ACT_NONE);
    Input other = {.key = 'x'};
    ck_assert_int_eq(pane_tasks.key(&f.v, &other, r), ACT_NONE);

    /* short columns are not scrolled along with the long one */
    size_t created = fixture_step(&f, SK_CREATE, fixture_task(&f, "worker", 20), 0);
    f.v.scroll[FOCUS_TASKS] = 5;
    draw_at(&f, r, created);
    ck_assert_int_eq(col_find(f.g, r, RUN, "main"), 1);
    fixture_close(&f);
}
END_TEST

/* Unless the learner scrolled, a column scrolls to the card the step
 * changed. */
START_TEST(test_follows_changed_card)
{
    Fixture f;
    open_many(&f, 200, 120, 40);
    Rect r = {0, 0, 100, 22};
    int w150 = fixture_task(&f, "worker", 150);
    size_t s = fixture_step(&f, SK_SUSPEND, w150, 0);
    draw_at(&f, r, s);
    int row = col_find(f.g, r, WAIT, "worker(150)");
    ck_assert_int_gt(row, 1);
    ck_assert_int_lt(row, 20);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "↑ 134 more"), 1);
    /* a key scrolls on from where the column was following */
    Input up = {.key = K_UP};
    ck_assert_int_eq(pane_tasks.key(&f.v, &up, r), ACT_REDRAW);
    ck_assert_int_eq(f.v.scroll[FOCUS_TASKS], 133);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "↑ 133 more"), 1);
    f.v.pinned[FOCUS_TASKS] = true;
    f.v.scroll[FOCUS_TASKS] = 0;
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "worker(150)"), -1);
    fixture_close(&f);
}
END_TEST

/* Narrow panes keep four columns with short titles; tiny rectangles draw
 * nothing outside themselves and do not crash. */
START_TEST(test_narrow_and_tiny)
{
    Fixture f;
    fx_open(&f, ends_py, 80, 30, false);
    size_t last = rec_nsteps(f.rec) - 1, mid = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "main", 0), 0);
    Rect narrow = {5, 2, 36, 14};
    draw_at(&f, narrow, mid);
    fixture_assert_untouched(f.g, narrow, "tasks");
    ck_assert_int_eq(col_find(f.g, narrow, RUN, "RUN 0"), 0);
    ck_assert_int_eq(col_find(f.g, narrow, WAIT, "WAIT 1"), 0);
    ck_assert_int_eq(col_find(f.g, narrow, DONE, "DONE 0"), 0);
    ck_assert_int_eq(col_find(f.g, narrow, READY, "READY 3"), 0);
    for (int w = 0; w <= 12; w++)
        for (int h = 0; h <= 5; h++)
            for (size_t s = 0; s <= last; s += last / 3 + 1) {
                Rect r = {7, 4, w, h};
                draw_at(&f, r, s);
                fixture_assert_untouched(f.g, r, "tasks");
            }
    /* a rectangle hanging off the grid */
    Rect off = {70, 20, 40, 20};
    draw_at(&f, off, mid);
    fixture_assert_untouched(f.g, off, "tasks");
    fixture_close(&f);
}
END_TEST

/* 1,000 tasks on a 200x60 grid: drawing stays fast (no quadratic work). */
START_TEST(test_thousand_tasks_fast)
{
    Fixture f;
    open_many(&f, 1000, 200, 60);
    Rect r = {80, 1, 120, 50};
    size_t s = fixture_step(&f, SK_CLOCK, -2, 0);
    clock_t t0 = clock();
    int frames = 100;
    for (int i = 0; i < frames; i++)
        draw_at(&f, r, s - (size_t)(i % 7));
    double per = (double)(clock() - t0) / CLOCKS_PER_SEC / frames;
    if (getenv("DEBUG_PANE"))
        fprintf(stderr, "%.6f s per frame\n", per);
    /* about 0.25 ms natively; the bound leaves room for valgrind and
     * sanitizers and still catches quadratic work (bench/bench_frame
     * measures the real thing) */
    ck_assert_msg(per < 0.05, "%.4f s per frame", per);
    draw_at(&f, r, s);
    ck_assert_int_eq(col_find(f.g, r, WAIT, "+"), 47);
    fixture_assert_untouched(f.g, r, "tasks");
    fixture_close(&f);
}
END_TEST

/* An empty column keeps only the room for its title; the columns with
 * cards share the rest. With no cards at all the four are equal. */
START_TEST(test_empty_columns_narrow)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 100, 30, false);
    Rect r = {0, 0, 100, 20};
    size_t s = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "fetch_posts", 0), 0); /* RUNNING and DONE empty */
    draw_at(&f, r, s);
    Cols c = find_cols(f.g, r);
    ck_assert_int_eq(c.w[RUN], (int)strlen("RUNNING 0") + 1);
    ck_assert_int_eq(c.w[DONE], (int)strlen("DONE 0") + 1);
    ck_assert_int_ge(c.w[WAIT], 30);
    fixture_close(&f);
    fx_open(&f, "print('hi')\n", 80, 20, false);
    draw_at(&f, (Rect){0, 0, 80, 10}, 0);
    c = find_cols(f.g, (Rect){0, 0, 80, 10});
    for (int k = 1; k < 4; k++)
        ck_assert_int_le(abs(c.w[k] - c.w[0]), 1);
    fixture_close(&f);
}
END_TEST

/* No tasks at all (before asyncio.run makes one): four empty columns. */
START_TEST(test_no_tasks)
{
    Fixture f;
    fx_open(&f, "print('hi')\n", 80, 20, false);
    Rect r = {0, 0, 80, 10};
    draw_at(&f, r, 0);
    ck_assert_int_eq(col_find(f.g, r, RUN, "RUNNING 0"), 0);
    ck_assert_int_eq(col_find(f.g, r, DONE, "DONE 0"), 0);
    fixture_close(&f);
}
END_TEST


/* The THREADS area: one row per worker lane, only when the run used one. */
START_TEST(test_threads_area)
{
    Fixture f;
    fx_open(&f,
            "import asyncio, time\n"
            "def load_file():\n"
            "    time.sleep(0.8)\n"
            "async def tick():\n"
            "    await asyncio.sleep(0.3)\n"
            "async def main():\n"
            "    t = asyncio.create_task(tick())\n"
            "    await asyncio.to_thread(load_file)\n"
            "    await t\n"
            "asyncio.run(main())\n",
            80, 24, false);
    Rect r = {0, 0, 80, 20};
    size_t s = fixture_step(&f, SK_WAKE, -2, 0); /* tick wakes at 0.3 while the thread works */
    draw_at(&f, r, s);
    char *text = fixture_grid_text(f.g);
    ck_assert_msg(strstr(text, "THREADS 1/1 busy"), "%s", text);
    ck_assert_msg(strstr(text, "asyncio_0  load_file  0.30/0.80s"), "%s", text);
    ck_assert_msg(strstr(text, "thread: load_file") && strstr(text, "0.80s"), "%s", text);
    free(text);
    draw_at(&f, r, rec_nsteps(f.rec) - 1);
    text = fixture_grid_text(f.g);
    ck_assert_msg(strstr(text, "THREADS 0/1 busy") && strstr(text, "asyncio_0  idle"), "%s", text);
    free(text);
    fixture_assert_untouched(f.g, r, "threads area");
    fixture_close(&f);

    fx_open(&f, "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n", 80, 24,
            false);
    draw_at(&f, r, 3);
    text = fixture_grid_text(f.g);
    ck_assert(!strstr(text, "THREADS"));
    free(text);
    fixture_close(&f);
}
END_TEST

Suite *tasks_pane_suite(void)
{
    Suite *s = suite_create("tasks_pane");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_gather_columns);
    tcase_add_test(tc, test_changed_card_and_focus);
    tcase_add_test(tc, test_ready_queue_order);
    tcase_add_test(tc, test_name_disambiguation);
    tcase_add_test(tc, test_done_outcomes);
    tcase_add_test(tc, test_chain);
    tcase_add_test(tc, test_many_more_and_scroll);
    tcase_add_test(tc, test_follows_changed_card);
    tcase_add_test(tc, test_narrow_and_tiny);
    tcase_add_test(tc, test_thousand_tasks_fast);
    tcase_add_test(tc, test_no_tasks);
    tcase_add_test(tc, test_empty_columns_narrow);
    tcase_add_test(tc, test_threads_area);
    suite_add_tcase(s, tc);
    return s;
}
