/* check_bar_pane.c: the header, caption, timeline, log and help panes
 * (src/view/pane_header.c, pane_caption.c, pane_timeline.c, pane_log.c,
 * pane_help.c). Owns the bar_pane suite. Scenarios run through sim_run
 * from strings; each pane draws a real recording into a grid filled with a
 * sentinel first, and the checks read the cells back: the text, the
 * styles, the columns of ticks and the playhead, and that nothing outside
 * the pane's rectangle changed. */
#include "suites.h"

#include "fixture.h"

#include "../src/base/base.h"
#include "../src/view/pane.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- scenarios ---------------------------------------------------------- */

static const char *const gather_py =
    "\"\"\"Two fetches at once with asyncio.gather\n"
    "The total is the slowest fetch, not the sum.\n"
    "\"\"\"\n"
    "import asyncio\n"
    "\n"
    "async def fetch_user():\n"
    "    print('fetch_user: request sent')\n"
    "    await asyncio.sleep(1.5)\n"
    "    return 1\n"
    "\n"
    "async def fetch_posts():\n"
    "    print('fetch_posts: request sent')\n"
    "    await asyncio.sleep(1.0)\n"
    "    return 2\n"
    "\n"
    "async def main():\n"
    "    await asyncio.gather(fetch_user(), fetch_posts())\n"
    "    print('all done')\n"
    "\n"
    "asyncio.run(main())\n";

static const char *const blocking_py =
    "\"\"\"time.sleep freezes the loop\"\"\"\n"
    "import asyncio\n"
    "import time\n"
    "\n"
    "async def ticker():\n"
    "    for i in range(3):\n"
    "        print('tick', i)\n"
    "        await asyncio.sleep(0.5)\n"
    "\n"
    "async def blocking():\n"
    "    time.sleep(2)\n"
    "    print('woke up')\n"
    "\n"
    "async def main():\n"
    "    await asyncio.gather(ticker(), blocking())\n"
    "\n"
    "asyncio.run(main())\n";

/* Everything happens at t = 0: the timeline has no time to spread over. */
static const char *const instant_py =
    "import asyncio\n"
    "\n"
    "async def main():\n"
    "    print('one')\n"
    "    await asyncio.sleep(0)\n"
    "    print('two')\n"
    "\n"
    "asyncio.run(main())\n";

static const char *const deadlock_py =
    "import asyncio\n"
    "\n"
    "async def main():\n"
    "    fut = asyncio.get_running_loop().create_future()\n"
    "    await fut\n"
    "\n"
    "asyncio.run(main())\n";

/* A long log: 300 printed lines, one moment each. */
static const char *const chatty_py =
    "import asyncio\n"
    "\n"
    "async def main():\n"
    "    for i in range(300):\n"
    "        print('line', i)\n"
    "        await asyncio.sleep(0.01)\n"
    "\n"
    "asyncio.run(main())\n";

/* ---- fixture ------------------------------------------------------------ */

static void fx_open(Fixture *f, const char *code) { fixture_open_text(f, "<test>", code); }

static size_t nsteps(const Fixture *f) { return rec_nsteps(f->rec); }

/* The first step of kind k, which must exist. */
static size_t find_kind(const Fixture *f, StepKind k) { return fixture_step(f, k, -2, 0); }

/* ---- grid helpers -------------------------------------------------------- */

static Grid *sentinel_grid(int w, int h, bool ascii)
{
    Grid *g = grid_new(w, h, ascii);
    fixture_sentinel(g);
    return g;
}

/* Row y from x, w cells, as UTF-8 (continuation cells skipped, trailing
 * spaces kept). Returns a static buffer. */
static const char *row_span(const Grid *g, int x, int y, int w) { return fixture_cells(g, x, y, w, false); }

static const char *row_text(const Grid *g, int y) { return row_span(g, 0, y, g->w); }

static uint32_t ch_at(const Grid *g, int x, int y) { return grid_at(g, x, y)->ch; }
static Style st_at(const Grid *g, int x, int y) { return (Style)grid_at(g, x, y)->style; }

/* Draw pane p of f into a sentinel grid of gw x gh at r; checks nothing
 * outside r changed. Caller frees the grid. */
static Grid *draw(const Pane *p, const Fixture *f, int gw, int gh, Rect r, bool ascii)
{
    Grid *g = sentinel_grid(gw, gh, ascii);
    p->draw(&f->v, g, r);
    fixture_assert_untouched(g, r, p->name);
    return g;
}

/* ---- header -------------------------------------------------------------- */

START_TEST(test_header_widths)
{
    Fixture f;
    fx_open(&f, gather_py);
    size_t s = find_kind(&f, SK_CLOCK) + 1;
    view_seek(&f.v, s);
    f.v.playhead = 1.5;
    char want_step[32];
    snprintf(want_step, sizeof want_step, "step %zu/%zu", s + 1, nsteps(&f));
    static const int widths[] = {60, 100, 120, 200};
    for (int i = 0; i < 4; i++) {
        int w = widths[i];
        Rect r = {0, 1, w, 1};
        Grid *g = draw(&pane_header, &f, w, 3, r, false);
        const char *row = row_text(g, 1);
        ck_assert_msg(strstr(row, "t = 1.50s"), "width %d: %s", w, row);
        ck_assert_msg(strstr(row, want_step), "width %d: %s", w, row);
        /* at 100 the name makes room for the version ("py3.12") */
        if (w != 100)
            ck_assert_msg(strstr(row, "loopscope"), "width %d: %s", w, row);
        ck_assert_msg(strstr(row, " 1x "), "width %d: %s", w, row);
        if (w >= 100)
            ck_assert_msg(strstr(row, w >= 120 ? "Python 3.12" : "py3.12"), "width %d: %s", w, row);
        ck_assert_msg(strstr(row, "\u275a\u275a paused"), "width %d: %s", w, row);
        ck_assert_msg(strstr(row, "? help"), "width %d: %s", w, row);
        /* the whole bar is the header's */
        for (int x = 0; x < w; x++) {
            Style st = st_at(g, x, 1);
            ck_assert(st == ST_HEADER || st == ST_HEADER_ACCENT);
        }
        if (w >= 100)
            ck_assert_msg(strstr(row, "Two fetches at once with asyncio.gather"), "width %d: %s", w, row);
        grid_free(g);
    }
    fixture_close(&f);
}
END_TEST

/* Narrower and narrower: the whole title first drops the speed and the
 * name, then shrinks and goes, then the hint, then the speed; the clock
 * and the step stay longest; never past the edge. */
START_TEST(test_header_gives_way)
{
    Fixture f;
    fx_open(&f, gather_py);
    view_seek(&f.v, 3);
    f.v.playhead = 0;
    bool saw_short_title = false, saw_no_hint_with_speed = false;
    for (int w = 0; w <= 120; w++) {
        Rect r = {2, 0, w, 1};
        Grid *g = draw(&pane_header, &f, w + 4, 1, r, false);
        const char *row = row_span(g, 2, 0, w);
        bool title = strstr(row, "Two fetches") != NULL;
        bool hint = strstr(row, "? help") != NULL;
        bool speed = strstr(row, " 1x") != NULL;
        bool clock = strstr(row, "0.00s") != NULL;
        bool step = strstr(row, "4/") != NULL;
        if (title && !strstr(row, "asyncio.gather"))
            saw_short_title = true; /* shrunk with an ellipsis */
        bool whole = strstr(row, "Two fetches at once with asyncio.gather") != NULL;
        if (title && !whole) /* a shrunk title goes before the hint and the speed */
            ck_assert_msg(hint && speed, "w %d: the title outlived the hint or speed: %s", w, row);
        if (whole) /* the whole title wins over the speed and the name, not the hint */
            ck_assert_msg(hint, "w %d: the title outlived the hint: %s", w, row);
        if (hint && !whole)
            ck_assert_msg(speed, "w %d: the hint outlived the speed: %s", w, row);
        if (speed && !hint)
            saw_no_hint_with_speed = true;
        if (w >= 30)
            ck_assert_msg(clock && step, "w %d: %s", w, row);
        if (w >= 60)
            ck_assert_msg(strstr(row, "t = 0.00s") && hint, "w %d: %s", w, row);
        grid_free(g);
    }
    ck_assert(saw_short_title);
    ck_assert(saw_no_hint_with_speed);
    fixture_close(&f);
}
END_TEST

START_TEST(test_header_states)
{
    Fixture f;
    fx_open(&f, gather_py);
    f.v.playing = true;
    f.v.recording = true;
    Grid *g = draw(&pane_header, &f, 100, 1, (Rect){0, 0, 100, 1}, false);
    ck_assert_ptr_nonnull(strstr(row_text(g, 0), "\u25b6 playing"));
    ck_assert_ptr_nonnull(strstr(row_text(g, 0), "\u25cf REC"));
    ck_assert_ptr_nonnull(strstr(row_text(g, 0), "step 1/"));
    grid_free(g);

    g = draw(&pane_header, &f, 100, 1, (Rect){0, 0, 100, 1}, true);
    const char *row = row_text(g, 0);
    ck_assert_msg(strstr(row, "> playing") && strstr(row, "* REC"), "%s", row);
    for (const char *p = row; *p; p++)
        ck_assert_msg((unsigned char)*p < 0x80, "non-ASCII in ASCII mode: %s", row);
    grid_free(g);

    f.v.playing = false;
    f.v.recording = false;
    f.v.speed = 6; /* 16x */
    g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, true); /* room for the version too */
    row = row_text(g, 0);
    ck_assert_msg(strstr(row, "|| paused") && strstr(row, view_speed_label(&f.v)) && !strstr(row, "REC"), "%s",
                  row);
    grid_free(g);
    fixture_close(&f);
}
END_TEST

/* The run part: while the run is still being recorded, how far it has
 * got; once a limit stopped it, which limit, at every step; nothing for a
 * run that ended by itself. */
START_TEST(test_header_run_part)
{
    Fixture f;
    fx_open(&f, gather_py);
    char want[80];
    f.v.growing = true;
    Grid *g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, false);
    snprintf(want, sizeof want, "recording\u2026 %zu steps, t = 1.5s", nsteps(&f));
    ck_assert_msg(strstr(row_text(g, 0), want), "%s", row_text(g, 0));
    grid_free(g);
    g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, true);
    snprintf(want, sizeof want, "recording... %zu steps", nsteps(&f));
    ck_assert_msg(strstr(row_text(g, 0), want), "%s", row_text(g, 0));
    grid_free(g);
    for (int w = 20; w <= 60; w += 8) /* narrow: short forms, never outside the pane */
        grid_free(draw(&pane_header, &f, w, 1, (Rect){0, 0, w, 1}, false));
    f.v.growing = false;
    g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, false);
    ck_assert_msg(!strstr(row_text(g, 0), "recording") && !strstr(row_text(g, 0), "stopped"), "%s",
                  row_text(g, 0));
    grid_free(g);
    fixture_close(&f);

    fx_open(&f, "import asyncio\n"
                "async def main():\n"
                "    print('big')\n"
                "    s = 'x' * 20000000\n"
                "asyncio.run(main())\n");
    ck_assert_int_eq(rec_step_at(f.rec, nsteps(&f) - 1)->kind, SK_LIMIT);
    for (size_t step = 0; step < nsteps(&f); step += nsteps(&f) - 1) {
        view_seek(&f.v, step);
        g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, false);
        ck_assert_msg(strstr(row_text(g, 0), "\u26a0 stopped: size limit"), "%s", row_text(g, 0));
        grid_free(g);
    }
    g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, true);
    ck_assert_msg(strstr(row_text(g, 0), "! stopped: size limit"), "%s", row_text(g, 0));
    grid_free(g);
    fixture_close(&f);
}
END_TEST

START_TEST(test_group_digits)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"0", "0"},       {"999", "999"},         {"1000", "1,000"},     {"340000", "340,000"},
        {"1204.0", "1,204.0"}, {"1234567.25", "1,234,567.25"}, {"-1234", "-1,234"}, {"", ""},
    };
    char buf[32];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        pane_group_digits(cases[i].in, buf, sizeof buf);
        ck_assert_str_eq(buf, cases[i].out);
    }
    pane_group_digits("1234567", buf, 4); /* cut to fit, still terminated */
    ck_assert_str_eq(buf, "1,2");
}
END_TEST

/* The clock rounds like Python's f"{t:.2f}" (half to even on the binary
 * value), so it agrees with the "[0.12]" of the log lines. */
START_TEST(test_header_clock_rounding)
{
    static const struct {
        double t;
        const char *want;
    } cases[] = {
        {0, "t = 0.00s"},       {0.125, "t = 0.12s"},   {0.375, "t = 0.38s"},      {1.005, "t = 1.00s"},
        {2.675, "t = 2.67s"},   {0.995, "t = 0.99s"},   {0.999, "t = 1.00s"},      {9.995, "t = 9.99s"},
        {1.5, "t = 1.50s"},     {0.1 + 0.2, "t = 0.30s"}, {123456.789, "t = 123456.79s"}, {0.0049, "t = 0.00s"},
    };
    Fixture f;
    fx_open(&f, gather_py);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        f.v.playhead = cases[i].t;
        char want[64];
        snprintf(want, sizeof want, "%.2f", cases[i].t); /* C locale here: the reference */
        ck_assert_msg(strstr(cases[i].want, want), "table wrong for %.17g: printf says %s", cases[i].t, want);
        Grid *g = draw(&pane_header, &f, 120, 1, (Rect){0, 0, 120, 1}, false);
        ck_assert_msg(strstr(row_text(g, 0), cases[i].want), "%.17g: %s", cases[i].t, row_text(g, 0));
        grid_free(g);
    }
    fixture_close(&f);
}
END_TEST

/* A locale with a decimal comma changes nothing on screen. Skipped where
 * no such locale is installed; to run it anyway:
 *   localedef -i de_DE -f UTF-8 /tmp/loc/de_DE.UTF-8
 *   LOCPATH=/tmp/loc CK_RUN_SUITE=bar_pane build/check_runner
 * (The scenario is recorded before the locale changes: the panes are
 * under test here, not the lexer.) */
START_TEST(test_header_locale)
{
    Fixture f;
    fx_open(&f, gather_py);
    static const char *const names[] = {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8"};
    const char *got = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !got; i++)
        got = setlocale(LC_NUMERIC, names[i]);
    if (!got) {
        fixture_close(&f);
        return;
    }
    char probe[16];
    snprintf(probe, sizeof probe, "%.1f", 1.5);
    ck_assert_str_eq(probe, "1,5"); /* the locale really is in effect */
    f.v.playhead = 1.5;
    Grid *g = draw(&pane_header, &f, 100, 1, (Rect){0, 0, 100, 1}, false);
    ck_assert_msg(strstr(row_text(g, 0), "t = 1.50s"), "%s", row_text(g, 0));
    grid_free(g);
    g = draw(&pane_timeline, &f, 60, 2, (Rect){0, 0, 60, 2}, false);
    ck_assert_msg(strstr(row_text(g, 0), "1.5 / 1.5s"), "%s", row_text(g, 0));
    ck_assert_ptr_null(strchr(row_text(g, 1), ','));
    grid_free(g);
    fixture_close(&f);
    setlocale(LC_NUMERIC, "C");
}
END_TEST

/* ---- caption ------------------------------------------------------------- */

/* Words of s, split at spaces, joined by single spaces (for comparing). */
static void squeeze(const char *s, char *out, size_t n)
{
    size_t k = 0;
    bool space = true;
    for (; *s && k + 1 < n; s++) {
        if (*s == ' ' || *s == '\n') {
            if (!space)
                out[k++] = ' ';
            space = true;
        } else {
            out[k++] = *s;
            space = false;
        }
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = 0;
}

START_TEST(test_caption_wraps)
{
    Fixture f;
    fx_open(&f, gather_py);
    size_t s = find_kind(&f, SK_SUSPEND);
    view_seek(&f.v, s);
    static Buf words;
    const char *cap = rec_words(f.rec, rec_step_at(f.rec, s)->caption, &words);
    ck_assert_uint_gt(strlen(cap), 60);
    /* enough rows: every word is there, in order, none cut */
    Rect r = {1, 1, 24, 8};
    Grid *g = draw(&pane_caption, &f, 30, 10, r, false);
    char all[2048] = "";
    for (int y = r.y; y < r.y + r.h; y++) {
        const char *row = row_span(g, r.x, y, r.w);
        ck_assert_msg(row[0] != ' ' || strspn(row, " ") == strlen(row), "row starts with a space: '%s'", row);
        strcat(all, row);
        strcat(all, " ");
    }
    char a[2048], b[2048];
    squeeze(all, a, sizeof a);
    squeeze(cap, b, sizeof b);
    ck_assert_str_eq(a, b);
    ck_assert(st_at(g, r.x, r.y) == ST_CAPTION);
    /* a row breaks only where the caption has a space */
    for (int y = r.y; y < r.y + r.h - 1; y++) {
        const char *row = row_span(g, r.x, y, r.w);
        size_t len = strlen(row);
        while (len && row[len - 1] == ' ')
            len--;
        if (!len)
            continue;
        char word_end[64];
        snprintf(word_end, sizeof word_end, "%.*s", (int)(len < 8 ? len : 8), row + len - (len < 8 ? len : 8));
        ck_assert_msg(strstr(cap, word_end), "%s", word_end);
    }
    grid_free(g);

    /* too few rows: the last one ends in an ellipsis */
    r = (Rect){0, 0, 24, 2};
    g = draw(&pane_caption, &f, 24, 2, r, false);
    ck_assert_uint_eq(ch_at(g, 23, 1), 0x2026);
    ck_assert_uint_ne(ch_at(g, 0, 1), ' ');
    grid_free(g);
    g = draw(&pane_caption, &f, 24, 1, (Rect){0, 0, 24, 1}, true);
    ck_assert_uint_eq(ch_at(g, 23, 0), '~');
    grid_free(g);
    fixture_close(&f);
}
END_TEST

START_TEST(test_caption_prompt_and_status)
{
    Fixture f;
    fx_open(&f, gather_py);
    view_seek(&f.v, 2);
    f.v.prompt = true;
    strcpy(f.v.input, "1.5");
    Grid *g = draw(&pane_caption, &f, 60, 2, (Rect){0, 0, 60, 2}, false);
    ck_assert_ptr_nonnull(strstr(row_text(g, 0), "goto time: 1.5_"));
    ck_assert(st_at(g, 0, 0) == ST_WARNING);
    grid_free(g);

    f.v.prompt = false;
    strcpy(f.v.status, "speed 2x");
    g = draw(&pane_caption, &f, 60, 2, (Rect){0, 0, 60, 2}, false);
    ck_assert_str_eq(row_span(g, 0, 1, 8), "speed 2x");
    static Buf words;
    const char *cap = rec_words(f.rec, rec_step_at(f.rec, 2)->caption, &words);
    char head[16];
    snprintf(head, sizeof head, "%.10s", cap);
    ck_assert_msg(strncmp(row_text(g, 0), head, strlen(head)) == 0, "%s", row_text(g, 0));
    grid_free(g);

    /* one row: the status wins */
    g = draw(&pane_caption, &f, 60, 1, (Rect){0, 0, 60, 1}, false);
    ck_assert_str_eq(row_span(g, 0, 0, 8), "speed 2x");
    grid_free(g);
    fixture_close(&f);
}
END_TEST

START_TEST(test_caption_end)
{
    Fixture f;
    fx_open(&f, gather_py);
    view_seek(&f.v, nsteps(&f) - 1);
    Grid *g = draw(&pane_caption, &f, 80, 2, (Rect){0, 0, 80, 2}, false);
    char *txt = fixture_grid_text(g);
    ck_assert_msg(strstr(txt, "end of the run") && strstr(txt, "r restarts"), "%s", txt);
    free(txt);
    ck_assert(st_at(g, 0, 0) == ST_CAPTION);
    grid_free(g);
    /* not before the end */
    view_seek(&f.v, nsteps(&f) - 2);
    g = draw(&pane_caption, &f, 80, 2, (Rect){0, 0, 80, 2}, false);
    txt = fixture_grid_text(g);
    ck_assert_ptr_null(strstr(txt, "end of the run"));
    free(txt);
    grid_free(g);
    fixture_close(&f);

    /* a run that deadlocked: its last caption says so, as an error */
    fx_open(&f, deadlock_py);
    const Step *last = rec_step_at(f.rec, nsteps(&f) - 1);
    ck_assert_int_eq(last->kind, SK_DEADLOCK);
    view_seek(&f.v, nsteps(&f) - 1);
    g = draw(&pane_caption, &f, 80, 3, (Rect){0, 0, 80, 3}, false);
    char want[24];
    snprintf(want, sizeof want, "%.20s", rec_str(f.rec, last->caption));
    ck_assert_msg(strncmp(row_text(g, 0), want, strlen(want)) == 0, "%s", row_text(g, 0));
    ck_assert(st_at(g, 0, 0) == ST_RAISED);
    grid_free(g);
    fixture_close(&f);
}
END_TEST

/* ---- timeline ------------------------------------------------------------ */

/* Column of the playhead in row y, or -1. */
static int playhead_x(const Grid *g, int y)
{
    int found = -1;
    for (int x = 0; x < g->w; x++)
        if (st_at(g, x, y) == ST_PLAYHEAD) {
            ck_assert_msg(found < 0, "two playheads, at %d and %d", found, x);
            found = x;
        }
    return found;
}

/* gather: moments at 0, 1.0 and 1.5. At width 62 the label "1.5 / 1.5s"
 * takes 10 columns and a gap, so the bar is 51 columns: t -> round(t /
 * 1.5 * 50). */
START_TEST(test_timeline_ticks)
{
    Fixture f;
    fx_open(&f, gather_py);
    ck_assert(seek_end_time(f.seek) == 1.5);
    ck_assert_uint_eq(seek_moments(f.seek), 3);
    size_t s = seek_moment_step(f.seek, 1); /* the clock jump to 1.0 */
    view_seek(&f.v, s);
    Rect r = {0, 0, 62, 2};
    Grid *g = draw(&pane_timeline, &f, 62, 2, r, false);
    ck_assert_uint_eq(ch_at(g, 0, 0), 0x253C);
    ck_assert_uint_eq(ch_at(g, 50, 0), 0x253C);
    ck_assert(st_at(g, 0, 0) == ST_TICK);
    ck_assert_int_eq(playhead_x(g, 0), 33);
    ck_assert_uint_eq(ch_at(g, 33, 0), 0x2588);
    for (int x = 1; x < 50; x++)
        if (x != 33) {
            ck_assert_uint_eq(ch_at(g, x, 0), 0x2500);
            ck_assert(st_at(g, x, 0) == ST_TRACK);
        }
    ck_assert_str_eq(row_span(g, 52, 0, 10), "1.0 / 1.5s");
    /* the time labels under the bar: 0, the middle, the end */
    ck_assert_str_eq(row_span(g, 0, 1, 4), "0.0s");
    ck_assert_str_eq(row_span(g, 23, 1, 4), "0.8s"); /* centred on 0.75 s, column 25 */
    ck_assert_str_eq(row_span(g, 47, 1, 4), "1.5s");
    grid_free(g);

    /* between two moments the playhead is at its own time's column */
    f.v.playhead = 0.75;
    g = draw(&pane_timeline, &f, 62, 2, r, true);
    ck_assert_int_eq(playhead_x(g, 0), 25);
    ck_assert_uint_eq(ch_at(g, 25, 0), '#');
    ck_assert_uint_eq(ch_at(g, 0, 0), '+');
    ck_assert_uint_eq(ch_at(g, 33, 0), '+');
    ck_assert_uint_eq(ch_at(g, 10, 0), '-');
    ck_assert_str_eq(row_span(g, 52, 0, 10), "0.8 / 1.5s");
    grid_free(g);
    fixture_close(&f);
}
END_TEST

START_TEST(test_timeline_blocked)
{
    Fixture f;
    fx_open(&f, blocking_py);
    ck_assert_uint_eq(seek_blocks(f.seek), 1);
    double t0, t1;
    size_t bs;
    seek_block(f.seek, 0, &t0, &t1, &bs);
    ck_assert(t0 == 0 && t1 == 2.0);
    double end = seek_end_time(f.seek);
    view_seek(&f.v, 0);
    Rect r = {2, 1, 70, 2};
    Grid *g = draw(&pane_timeline, &f, 74, 4, r, false);
    /* the label is "0.0 / E / Es": the bar is what is left of it */
    char lab[32];
    snprintf(lab, sizeof lab, "0.0 / %.1fs", end);
    int bw = r.w - (int)strlen(lab) - 1;
    ck_assert_str_eq(row_span(g, r.x + bw + 1, 1, (int)strlen(lab)), lab);
    int last_blocked = (int)(2.0 / end * (bw - 1) + 0.5);
    for (int c = 1; c <= last_blocked; c++) {
        ck_assert_uint_eq(ch_at(g, r.x + c, 1), 0x2501);
        ck_assert(st_at(g, r.x + c, 1) == ST_BLOCKED);
    }
    ck_assert(st_at(g, r.x + last_blocked + 1, 1) != ST_BLOCKED);
    ck_assert_int_eq(playhead_x(g, 1), r.x);
    char *txt = fixture_grid_text(g);
    ck_assert_msg(strstr(txt, "blocked"), "%s", txt);
    free(txt);
    grid_free(g);
    g = draw(&pane_timeline, &f, 74, 4, r, true);
    ck_assert_uint_eq(ch_at(g, r.x + 1, 1), '=');
    ck_assert_ptr_nonnull(strstr(row_text(g, 2), "= blocked"));
    grid_free(g);
    fixture_close(&f);
}
END_TEST

/* Clicking a column puts the playhead in that column; clicking a tick
 * lands on the first step of its moment. */
static void check_round_trip(const char *code, Rect r)
{
    Fixture f;
    fx_open(&f, code);
    int bx = -1, bend = -1;
    for (int x = r.x - 3; x < r.x + r.w + 3; x++) {
        double t = timeline_time_at(&f.v, r, x);
        if (t < 0) {
            ck_assert_msg(bx < 0 || bend < 0 || x > bend, "a hole in the bar at %d", x);
            if (bx >= 0 && bend < 0)
                bend = x - 1;
            continue;
        }
        if (bx < 0)
            bx = x;
        ck_assert_int_ge(x, r.x);
        ck_assert_int_lt(x, r.x + r.w);
        ck_assert(t <= seek_end_time(f.seek));
    }
    ck_assert_int_ge(bx, 0);
    ck_assert_int_ge(bend, bx);
    /* every moment is reachable */
    size_t nm = seek_moments(f.seek);
    bool *hit = xcalloc(nm, sizeof *hit);
    for (int x = bx; x <= bend; x++) {
        double t = timeline_time_at(&f.v, r, x);
        size_t s = seek_step_at_time(f.seek, t);
        size_t m = seek_moment_of(f.seek, s);
        if (seek_moment_time(f.seek, m) == t) {
            ck_assert_uint_eq(s, seek_moment_step(f.seek, m));
            hit[m] = true;
        }
        /* through the view, as a mouse click */
        f.v.lay = (Layout){.timeline = r};
        Input in = {.key = K_CLICK, .x = x, .y = r.y};
        view_key(&f.v, &in);
        Grid *g = draw(&pane_timeline, &f, r.x + r.w + 2, r.y + r.h, r, false);
        ck_assert_msg(playhead_x(g, r.y) == x, "clicked %d, playhead at %d (t %.17g)", x, playhead_x(g, r.y), t);
        grid_free(g);
    }
    for (size_t m = 0; m < nm; m++)
        ck_assert_msg(hit[m], "moment %zu (t %.17g) unreachable", m, seek_moment_time(f.seek, m));
    free(hit);
    fixture_close(&f);
}

START_TEST(test_timeline_time_at)
{
    check_round_trip(gather_py, (Rect){0, 0, 62, 2});
    check_round_trip(gather_py, (Rect){5, 3, 80, 2});
    check_round_trip(blocking_py, (Rect){1, 0, 100, 2});
    check_round_trip(blocking_py, (Rect){1, 0, 20, 2}); /* no label: the bar takes it all */

    Fixture f;
    fx_open(&f, gather_py);
    Rect r = {4, 2, 62, 2};
    ck_assert(timeline_time_at(&f.v, r, 3) == -1);
    ck_assert(timeline_time_at(&f.v, r, 4) == 0);
    ck_assert(timeline_time_at(&f.v, r, 4 + 50) == 1.5);
    ck_assert(timeline_time_at(&f.v, r, 4 + 51) == -1);  /* the gap before the label */
    ck_assert(timeline_time_at(&f.v, r, 4 + 56) == -1);  /* the label */
    ck_assert(timeline_time_at(&f.v, r, 4 + 62) == -1);
    ck_assert(timeline_time_at(&f.v, r, -100) == -1);
    ck_assert(timeline_time_at(&f.v, (Rect){0, 0, 0, 2}, 0) == -1);
    ck_assert(timeline_time_at(&f.v, (Rect){0, 0, 5, 0}, 0) == -1);
    fixture_close(&f);
}
END_TEST

START_TEST(test_timeline_instant)
{
    Fixture f;
    fx_open(&f, instant_py);
    ck_assert(seek_end_time(f.seek) == 0);
    Rect r = {0, 0, 50, 2};
    view_seek(&f.v, 0);
    Grid *g = draw(&pane_timeline, &f, 50, 2, r, false);
    ck_assert_int_eq(playhead_x(g, 0), 0);
    ck_assert_ptr_nonnull(strstr(row_text(g, 0), "0.0 / 0.0s"));
    grid_free(g);
    /* the playhead goes by step when the clock never moves */
    view_seek(&f.v, nsteps(&f) - 1);
    g = draw(&pane_timeline, &f, 50, 2, r, false);
    int bw = 50 - (int)strlen("0.0 / 0.0s") - 1;
    ck_assert_int_eq(playhead_x(g, 0), bw - 1);
    grid_free(g);
    view_seek(&f.v, nsteps(&f) / 2);
    g = draw(&pane_timeline, &f, 50, 2, r, false);
    ck_assert_int_gt(playhead_x(g, 0), 0);
    ck_assert_int_lt(playhead_x(g, 0), bw - 1);
    grid_free(g);
    for (int x = 0; x < bw; x++)
        ck_assert(timeline_time_at(&f.v, r, x) == 0);
    ck_assert(timeline_time_at(&f.v, r, bw) == -1);
    for (int w = 0; w < 4; w++)
        for (int x = -1; x < 5; x++) {
            double t = timeline_time_at(&f.v, (Rect){0, 0, w, 2}, x);
            ck_assert(t == -1 || t == 0);
        }
    fixture_close(&f);
}
END_TEST

/* ---- log ----------------------------------------------------------------- */

/* A step's log line as shown: task references read as labels. */
static const char *log_of(const Fixture *f, size_t step)
{
    static Buf words;
    return rec_words(f->rec, rec_step_at(f->rec, step)->log, &words);
}

START_TEST(test_log_grows)
{
    Fixture f;
    fx_open(&f, gather_py);
    Rect r = {0, 0, 70, 30};
    for (size_t s = 0; s < 12 && s < nsteps(&f); s++) {
        view_seek(&f.v, s);
        Grid *g = draw(&pane_log, &f, 70, 30, r, false);
        long last = seek_log_of(f.seek, s);
        ck_assert_int_ge(last, 0);
        /* the lines up to this step, one a row, in order; nothing after */
        for (long i = 0; i <= last; i++) {
            const char *want = log_of(&f, seek_log_step(f.seek, (size_t)i));
            ck_assert_msg(strncmp(row_span(g, 2, 1 + (int)i, 60), want, strlen(want)) == 0, "step %zu row %ld: %s",
                          s, i, row_span(g, 2, 1 + (int)i, 60));
        }
        const char *after = row_span(g, 1, 2 + (int)last, 68);
        ck_assert_uint_eq(strspn(after, " "), 68);
        /* the newest is the current line; the others show their time */
        ck_assert(st_at(g, 1, 1 + (int)last) == ST_LOG_CURRENT);
        ck_assert(st_at(g, 2, 1 + (int)last) == ST_LOG_CURRENT);
        if (last > 0) {
            ck_assert(st_at(g, 2, 1) == ST_LOG_TIME);
            ck_assert(st_at(g, 7, 1) == ST_LOG_TIME);
            ck_assert(st_at(g, 9, 1) == ST_LOG);
        }
        ck_assert(st_at(g, 0, 0) == ST_BORDER);
        grid_free(g);
    }
    /* a later step's line is not shown early */
    view_seek(&f.v, 0);
    Grid *g = draw(&pane_log, &f, 70, 30, r, false);
    char *txt = fixture_grid_text(g);
    ck_assert_ptr_null(strstr(txt, log_of(&f, 1)));
    ck_assert_ptr_nonnull(strstr(txt, "log"));
    free(txt);
    grid_free(g);
    f.v.focus = FOCUS_LOG;
    g = draw(&pane_log, &f, 70, 30, r, true);
    ck_assert(st_at(g, 0, 0) == ST_BORDER_FOCUS);
    ck_assert_uint_eq(ch_at(g, 0, 0), '+');
    grid_free(g);
    fixture_close(&f);
}
END_TEST

/* Row y of the log box (inside the border and padding). */
static const char *log_row(const Grid *g, Rect r, int row) { return row_span(g, r.x + 2, r.y + 1 + row, r.w - 4); }

static bool row_is_line(const Grid *g, Rect r, int row, const Fixture *f, size_t line)
{
    const char *want = log_of(f, seek_log_step(f->seek, line));
    return strncmp(log_row(g, r, row), want, strlen(want)) == 0;
}

START_TEST(test_log_scroll)
{
    Fixture f;
    fx_open(&f, chatty_py);
    size_t n = seek_logs(f.seek);
    ck_assert_uint_gt(n, 600);
    view_seek(&f.v, nsteps(&f) - 1);
    ck_assert_int_eq(seek_log_of(f.seek, f.v.step), (long)n - 1);
    Rect r = {0, 0, 60, 7}; /* 5 rows of log */
    Grid *g = draw(&pane_log, &f, 60, 7, r, false);
    ck_assert(row_is_line(g, r, 4, &f, n - 1));
    ck_assert(row_is_line(g, r, 0, &f, n - 5));
    grid_free(g);

    /* up one: pinned, one line further back */
    Input up = {.key = K_UP}, down = {.key = K_DOWN}, pgup = {.key = K_PGUP}, pgdn = {.key = K_PGDN};
    ck_assert_int_eq(pane_log.key(&f.v, &up, r), ACT_REDRAW);
    ck_assert(f.v.pinned[FOCUS_LOG]);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)(n - 6));
    g = draw(&pane_log, &f, 60, 7, r, false);
    ck_assert(row_is_line(g, r, 0, &f, n - 6));
    ck_assert(row_is_line(g, r, 4, &f, n - 2));
    ck_assert_ptr_nonnull(strstr(row_text(g, 6), "1 newer"));
    grid_free(g);

    /* a page is the rows less one */
    pane_log.key(&f.v, &pgup, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)(n - 10));
    /* clamped at the top */
    for (int i = 0; i < 1000; i++)
        pane_log.key(&f.v, &pgup, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], 0);
    ck_assert(f.v.pinned[FOCUS_LOG]);
    g = draw(&pane_log, &f, 60, 7, r, false);
    ck_assert(row_is_line(g, r, 0, &f, 0));
    grid_free(g);
    pane_log.key(&f.v, &down, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], 1);

    /* pinned: stepping back and forth keeps the rows where they are */
    f.v.step = nsteps(&f) - 20;
    g = draw(&pane_log, &f, 60, 7, r, false);
    ck_assert(row_is_line(g, r, 0, &f, 1));
    grid_free(g);
    f.v.step = nsteps(&f) - 1;

    /* down to the bottom: following again, and clamped there */
    for (int i = 0; i < 1000; i++)
        pane_log.key(&f.v, &pgdn, r);
    ck_assert(!f.v.pinned[FOCUS_LOG]);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)(n - 5));
    pane_log.key(&f.v, &down, r);
    ck_assert(!f.v.pinned[FOCUS_LOG]);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)(n - 5));
    /* Home and End: the top (pinned), the bottom (following); a key that
     * changes nothing asks for no redraw */
    Input home = {.key = K_HOME}, end = {.key = K_END};
    ck_assert_int_eq(pane_log.key(&f.v, &home, r), ACT_REDRAW);
    ck_assert(f.v.pinned[FOCUS_LOG]);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], 0);
    ck_assert_int_eq(pane_log.key(&f.v, &up, r), ACT_NONE);
    ck_assert_int_eq(pane_log.key(&f.v, &end, r), ACT_REDRAW);
    ck_assert(!f.v.pinned[FOCUS_LOG]);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)(n - 5));
    ck_assert_int_eq(pane_log.key(&f.v, &down, r), ACT_NONE);

    /* following: the newest line at the bottom at every step */
    for (size_t s = 0; s < nsteps(&f); s += 97) {
        f.v.step = s;
        long last = seek_log_of(f.seek, s);
        g = draw(&pane_log, &f, 60, 7, r, false);
        int row = last < 4 ? (int)last : 4;
        ck_assert(row_is_line(g, r, row, &f, (size_t)last));
        ck_assert(st_at(g, 2, 1 + row) == ST_LOG_CURRENT);
        grid_free(g);
    }

    /* a pin past the end of a shorter log is clamped when drawn */
    f.v.step = 10;
    f.v.pinned[FOCUS_LOG] = true;
    f.v.scroll[FOCUS_LOG] = 100000;
    long last = seek_log_of(f.seek, 10);
    g = draw(&pane_log, &f, 60, 7, r, false);
    ck_assert(row_is_line(g, r, 4, &f, (size_t)last));
    grid_free(g);
    /* and by the keys */
    pane_log.key(&f.v, &up, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_LOG], (int)last - 5);

    /* keys that are not the log's */
    Input other = {.key = 'x'};
    ck_assert_int_eq(pane_log.key(&f.v, &other, r), ACT_NONE);
    fixture_close(&f);
}
END_TEST

/* ---- help ---------------------------------------------------------------- */

static void check_help(int w, int h, bool ascii)
{
    Fixture f;
    fx_open(&f, gather_py);
    f.v.help = true;
    Grid *g = draw(&pane_help, &f, w, h, (Rect){0, 0, w, h}, ascii);
    char *txt = fixture_grid_text(g);
    /* every key of the table the keys are dispatched through, and every
     * pane toggle, is listed */
    size_t nk;
    const ViewKey *keys = view_keys(&nk);
    for (size_t i = 0; i < nk; i++) {
        ck_assert_msg(strstr(txt, ascii ? keys[i].ascii : keys[i].label), "%dx%d: key '%s' missing:\n%s", w, h,
                      keys[i].label, txt);
        ck_assert_msg(strstr(txt, keys[i].what), "%dx%d: '%s' missing:\n%s", w, h, keys[i].what, txt);
    }
    static const char *const want[] = {"1 code", "2 tasks", "3 log", "4 output", "5 notes",
                                       "RUNNING", "READY",  "WAITING", "DONE"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(txt, want[i]), "%dx%d: '%s' missing:\n%s", w, h, want[i], txt);
    ck_assert_msg(!strstr(txt, ascii ? "~" : "\u2026"), "%dx%d: something was cut:\n%s", w, h, txt);
    free(txt);
    grid_free(g);
    fixture_close(&f);
}

START_TEST(test_help_fits)
{
    check_help(60, 16, false);
    check_help(60, 16, true);
    check_help(100, 30, false);
    check_help(200, 60, true);
}
END_TEST

START_TEST(test_help_small)
{
    Fixture f;
    fx_open(&f, gather_py);
    for (int w = 0; w <= 61; w += (w < 8 ? 1 : 9))
        for (int h = 0; h <= 17; h += (h < 6 ? 1 : 5)) {
            Rect r = {1, 1, w, h};
            Grid *g = draw(&pane_help, &f, w + 2, h + 2, r, w % 2);
            grid_free(g);
        }
    /* a narrow screen keeps the key names readable */
    Grid *g = draw(&pane_help, &f, 40, 30, (Rect){0, 0, 40, 30}, false);
    char *txt = fixture_grid_text(g);
    ck_assert_ptr_nonnull(strstr(txt, "play / pause"));
    ck_assert_ptr_nonnull(strstr(txt, "quit"));
    free(txt);
    grid_free(g);
    fixture_close(&f);
}
END_TEST

/* ---- every pane ---------------------------------------------------------- */

static const Pane *const panes[] = {&pane_header, &pane_caption, &pane_timeline, &pane_log, &pane_help};
/* Runs of every shape: spread over time, blocked, all at t = 0, deadlocked. */
static const char *const codes[] = {gather_py, blocking_py, instant_py, deadlock_py};

/* Tiny and odd rectangles, at the start, middle and end of the run, with
 * the prompt and the status on, in both character sets: no crash, and
 * nothing outside the rectangle. */
START_TEST(test_tiny_rects)
{
    for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++) {
        Fixture f;
        fx_open(&f, codes[c]);
        size_t steps[3] = {0, nsteps(&f) / 2, nsteps(&f) - 1};
        for (int k = 0; k < 3; k++) {
            view_seek(&f.v, steps[k]);
            f.v.prompt = k == 1;
            strcpy(f.v.input, "12.5");
            strcpy(f.v.status, k == 2 ? "a status line that is rather long for a tiny pane" : "");
            for (size_t p = 0; p < sizeof panes / sizeof panes[0]; p++)
                for (int w = 0; w <= 5; w++)
                    for (int h = 0; h <= 4; h++) {
                        Rect r = {2, 1, w, h};
                        Grid *g = draw(panes[p], &f, 9, 6, r, (w + h) % 2);
                        grid_free(g);
                        if (panes[p]->key) {
                            Input in = {.key = K_PGUP};
                            panes[p]->key(&f.v, &in, r);
                            in.key = K_DOWN;
                            panes[p]->key(&f.v, &in, r);
                        }
                    }
        }
        fixture_close(&f);
    }
}
END_TEST

/* ASCII mode draws ASCII only, whatever the pane shows. */
START_TEST(test_ascii_only)
{
    for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++) {
        Fixture f;
        fx_open(&f, codes[c]);
        for (size_t s = 0; s < nsteps(&f); s += nsteps(&f) / 5 + 1) {
            for (int mode = 0; mode < 4; mode++) {
                view_seek(&f.v, mode == 3 ? nsteps(&f) - 1 : s);
                f.v.prompt = mode == 1;
                f.v.playing = f.v.recording = mode == 2;
                f.v.pinned[FOCUS_LOG] = mode == 2;
                strcpy(f.v.input, "1.5");
                strcpy(f.v.status, mode == 3 ? "last step: r restarts" : "");
                for (size_t p = 0; p < sizeof panes / sizeof panes[0]; p++) {
                    Grid *g = draw(panes[p], &f, 100, 30, (Rect){0, 0, 100, 30}, true);
                    for (int y = 0; y < g->h; y++)
                        for (int x = 0; x < g->w; x++) {
                            uint32_t ch = ch_at(g, x, y);
                            ck_assert_msg(ch < 0x80, "%s: U+%04X at (%d,%d)", panes[p]->name, (unsigned)ch, x, y);
                            /* '?' is what grid_text makes of a character it
                             * cannot show; only the help keys use it */
                            if (panes[p] != &pane_header && panes[p] != &pane_help)
                                ck_assert_msg(ch != '?', "%s: '?' at (%d,%d): %s", panes[p]->name, x, y,
                                              row_text(g, y));
                        }
                    grid_free(g);
                }
            }
        }
        fixture_close(&f);
    }
}
END_TEST

/* The panes respect a clip narrower than their rectangle (frame.c clips
 * to the rectangle; nothing may widen it back). */
START_TEST(test_clip_respected)
{
    Fixture f;
    fx_open(&f, blocking_py);
    view_seek(&f.v, nsteps(&f) / 2);
    for (size_t p = 0; p < sizeof panes / sizeof panes[0]; p++) {
        Grid *g = sentinel_grid(80, 20, false);
        Rect clip = {10, 3, 30, 4};
        grid_clip(g, clip);
        panes[p]->draw(&f.v, g, (Rect){0, 0, 80, 20});
        ck_assert(g->clip.x == clip.x && g->clip.y == clip.y && g->clip.w == clip.w && g->clip.h == clip.h);
        fixture_assert_untouched(g, clip, panes[p]->name);
        grid_free(g);
    }
    fixture_close(&f);
}
END_TEST

Suite *bar_pane_suite(void)
{
    Suite *s = suite_create("bar_pane");
    TCase *tc = tcase_create("header");
    tcase_add_test(tc, test_header_widths);
    tcase_add_test(tc, test_header_gives_way);
    tcase_add_test(tc, test_header_states);
    tcase_add_test(tc, test_header_run_part);
    tcase_add_test(tc, test_group_digits);
    tcase_add_test(tc, test_header_clock_rounding);
    tcase_add_test(tc, test_header_locale);
    suite_add_tcase(s, tc);

    tc = tcase_create("caption");
    tcase_add_test(tc, test_caption_wraps);
    tcase_add_test(tc, test_caption_prompt_and_status);
    tcase_add_test(tc, test_caption_end);
    suite_add_tcase(s, tc);

    tc = tcase_create("timeline");
    tcase_add_test(tc, test_timeline_ticks);
    tcase_add_test(tc, test_timeline_blocked);
    tcase_add_test(tc, test_timeline_time_at);
    tcase_add_test(tc, test_timeline_instant);
    suite_add_tcase(s, tc);

    tc = tcase_create("log");
    tcase_add_test(tc, test_log_grows);
    tcase_add_test(tc, test_log_scroll);
    suite_add_tcase(s, tc);

    tc = tcase_create("help");
    tcase_add_test(tc, test_help_fits);
    tcase_add_test(tc, test_help_small);
    suite_add_tcase(s, tc);

    tc = tcase_create("all");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_tiny_rects);
    tcase_add_test(tc, test_clip_respected);
    tcase_add_test(tc, test_ascii_only);
    suite_add_tcase(s, tc);
    return s;
}
