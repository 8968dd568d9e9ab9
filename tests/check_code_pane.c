/* check_code_pane.c: the source pane (src/view/pane_code.c).
 * Owns: the code_pane suite. Scenarios run through sim_run from strings
 * and the pane draws into a grid pre-filled with a sentinel; the checks
 * read cells back: the current line's marker and highlight, suspended
 * tasks' names at their lines, syntax styles, tabs, truncation, which
 * lines are shown (following the action, or pinned and clamped), the
 * scrolling keys, and that nothing lands outside the rectangle. */
#include "suites.h"

#include "fixture.h"

#include "../src/view/frame.h"
#include "../src/view/pane.h"
#include "../src/view/view.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Run code as demo/test.py (it must run to its end) with a gw x gh grid. */
static void fx_open(Fixture *f, const char *code, int gw, int gh, bool ascii)
{
    fixture_open_grid(f, "demo/test.py", code, gw, gh, ascii);
}

/* Source only, no recording: nothing runs, nothing is current. */
static void fx_text(Fixture *f, const char *code, int gw, int gh)
{
    memset(f, 0, sizeof *f);
    f->src = source_from_string("plain.py", code, strlen(code));
    f->v.src = f->src;
    f->v.focus = FOCUS_TASKS;
    f->g = grid_new(gw, gh, false);
}

/* Draw the pane in r at step over the sentinel. */
static void draw_at(Fixture *f, Rect r, size_t step) { fixture_draw(f, &pane_code, r, step); }

/* The inside of r on row i (0-based), trailing spaces trimmed. */
static const char *row_text(const Grid *g, Rect r, int i) { return fixture_cells(g, r.x + 1, r.y + 1 + i, r.w - 2, true); }

/* The cell at column dx of the inside of r on row i. */
static const Cell *in_cell(const Grid *g, Rect r, int i, int dx) { return grid_at(g, r.x + 1 + dx, r.y + 1 + i); }

/* The column (inside r) where text s starts on row i, or -1. */
static int col_of(const Grid *g, Rect r, int i, const char *s)
{
    const char *t = row_text(g, r, i), *hit = strstr(t, s);
    if (!hit)
        return -1;
    int cols = 0;
    for (const char *p = t; p < hit; p++)
        cols += ((unsigned char)*p & 0xC0) != 0x80;
    return cols;
}

/* The row the pane shows line n on, or -1. */
static int row_of_line(const Grid *g, Rect r, int n)
{
    char want[16];
    snprintf(want, sizeof want, "%d", n);
    for (int i = 0; i < r.h - 2; i++) {
        const char *t = row_text(g, r, i);
        while (*t && (*t == ' ' || (unsigned char)*t >= 0x80 || *t == '>'))
            t++;
        if (!strncmp(t, want, strlen(want)) && (t[strlen(want)] == ' ' || !t[strlen(want)]))
            return i;
    }
    return -1;
}


/* The running task's line: marked, highlighted across the pane. */
START_TEST(test_current_line)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 100, 30, false);
    Rect r = {2, 1, 80, 20};
    int user = fixture_task(&f, "fetch_user", 0);
    size_t s = fixture_step(&f, SK_START, user, 0);
    TaskView tv;
    ck_assert(rec_task_at(f.rec, user, s, &tv));
    ck_assert_int_eq(tv.line, 4);
    ck_assert_int_eq(seek_running(f.seek, s), user);
    draw_at(&f, r, s);
    fixture_assert_untouched(f.g, r, "code");
    ck_assert_str_eq(row_text(f.g, r, 0), "   1 import asyncio");
    ck_assert_str_eq(row_text(f.g, r, 3), "▶  4     await asyncio.sleep(1.5)");
    for (int x = 0; x < r.w - 2; x++)
        ck_assert_int_eq(in_cell(f.g, r, 3, x)->style, ST_CODE_CURRENT);
    ck_assert_int_eq(in_cell(f.g, r, 2, 3)->style, ST_LINENO);
    ck_assert_int_ne(in_cell(f.g, r, 2, 5)->style, ST_CODE_CURRENT);
    /* only one line is current */
    for (int i = 0; i < r.h - 2; i++)
        if (i != 3)
            ck_assert_int_ne(in_cell(f.g, r, i, 0)->style, ST_CODE_CURRENT);

    /* main running on line 12 */
    int main_id = fixture_task(&f, "main", 0);
    s = fixture_step(&f, SK_START, main_id, 0);
    draw_at(&f, r, s);
    ck_assert_int_eq(row_of_line(f.g, r, 11), 10);
    ck_assert_uint_eq(in_cell(f.g, r, 11, 0)->ch, 0x25B6);
    ck_assert_int_eq(in_cell(f.g, r, 11, 0)->style, ST_CODE_CURRENT);

    /* the title is the file's name; the frame shows the focus */
    f.v.focus = FOCUS_CODE;
    draw_at(&f, r, s);
    ck_assert_int_eq(grid_at(f.g, r.x, r.y)->style, ST_BORDER_FOCUS);
    ck_assert_ptr_nonnull(strstr(row_text(f.g, (Rect){r.x - 1, r.y - 1, r.w + 2, 3}, 0), "test.py"));
    f.v.focus = FOCUS_LOG;
    draw_at(&f, r, s);
    ck_assert_int_eq(grid_at(f.g, r.x, r.y)->style, ST_BORDER);
    fixture_close(&f);
}
END_TEST

/* Suspended tasks stand at their lines: names in a column of their own,
 * right of the longest line of code (never over code), line numbers in
 * the waiting style; several on a line are counted. */
START_TEST(test_gutter_names)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 100, 30, false);
    Rect r = {0, 0, 90, 20};
    int posts = fixture_task(&f, "fetch_posts", 0);
    size_t s = fixture_step(&f, SK_SUSPEND, posts, 0);
    draw_at(&f, r, s);
    const char *t = row_text(f.g, r, 3);
    ck_assert_msg(strstr(t, "◂ fetch_user") && !strcmp(strstr(t, "◂ fetch_user"), "◂ fetch_user"), "'%s'", t);
    int names = col_of(f.g, r, 3, "◂ fetch_user");
    ck_assert_int_eq(col_of(f.g, r, 7, "◂ fetch_posts"), names);
    ck_assert_int_eq(col_of(f.g, r, 11, "◂ main"), names);
    for (int i = 0; i < r.h - 2; i++) /* right of every line */
        ck_assert_int_le((int)strlen(row_text(f.g, (Rect){r.x, r.y, names + 1, r.h}, i)), names - 1);
    ck_assert_int_eq(in_cell(f.g, r, 3, names)->style, ST_CODE_WAITING);
    ck_assert_int_eq(in_cell(f.g, r, 3, 3)->style, ST_CODE_WAITING); /* its line number */
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 11), "◂ main"));
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 7), "◂ fetch_posts"));
    ck_assert_ptr_null(strstr(row_text(f.g, r, 0), "◂"));
    ck_assert_int_eq(in_cell(f.g, r, 0, 3)->style, ST_LINENO);

    /* a pane too narrow for the names column: a short line lets the name
     * start further left, after its text, never over it */
    Rect mid = {0, 0, 60, 20};
    draw_at(&f, mid, s);
    t = row_text(f.g, mid, 3);
    ck_assert_msg(strstr(t, "sleep(1.5)") && strstr(t, "◂ fetch_user"), "'%s'", t);
    ck_assert_int_gt(col_of(f.g, mid, 3, "◂ fetch_user"), col_of(f.g, mid, 3, "sleep(1.5)") + 10);
    draw_at(&f, r, s);

    /* a READY task stands at its line too; a RUNNING one does not */
    s = fixture_step(&f, SK_START, fixture_task(&f, "fetch_user", 0), 0);
    draw_at(&f, r, s);
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 7), "◂ fetch_posts"));
    ck_assert_ptr_null(strstr(row_text(f.g, r, 3), "◂"));
    fixture_close(&f);

    fx_open(&f,
            "import asyncio\n"
            "async def worker(n):\n"
            "    await asyncio.sleep(n)\n"
            "async def main():\n"
            "    await asyncio.gather(worker(1), worker(2), worker(3))\n"
            "asyncio.run(main())\n",
            100, 30, false);
    s = fixture_step(&f, SK_CLOCK, -2, 0);
    draw_at(&f, r, s);
    t = row_text(f.g, r, 2);
    ck_assert_msg(strstr(t, "◂ worker(1) +2") != NULL, "'%s'", t);
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 4), "◂ main"));

    /* narrow: a long line gives way to the marker and ends in an
     * ellipsis; the names go, the count stays */
    Rect narrow = {0, 0, 40, 20};
    draw_at(&f, narrow, s);
    t = row_text(f.g, narrow, 4);
    ck_assert_msg(strstr(t, "… ◂") != NULL, "'%s'", t);
    t = row_text(f.g, narrow, 2);
    ck_assert_msg(strstr(t, "◂3") != NULL, "'%s'", t);
    fixture_close(&f);
}
END_TEST

static const char *const colours_py =
    "\"\"\"Doc title\n"
    "second line of the doc\n"
    "\"\"\"\n"
    "import asyncio  # a comment\n"
    "async def f(x):\n"
    "\treturn 'it' + \"x#y\"  # done\n"
    "s = r'\\d' + b\"\\\"q\" + f'{x}'\n"
    "t = '''a\n"
    "b''' + rb'''c''' if True else None\n"
    "n = 12.5e3 + x_1 # tail\n";

/* Keywords, strings (docstrings across lines, prefixes, escapes, quotes
 * inside strings) and comments; tabs expanded to 8 columns. */
START_TEST(test_syntax_colours)
{
    Fixture f;
    fx_text(&f, colours_py, 80, 20);
    Rect r = {0, 0, 80, 14};
    draw_at(&f, r, 0);
    int c0 = 5; /* "xx " line numbers of width 2 behind the marker column */
    ck_assert_str_eq(row_text(f.g, r, 0), "   1 \"\"\"Doc title");
    for (int i = 0; i < 3; i++)
        ck_assert_int_eq(in_cell(f.g, r, i, c0)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 1, c0 + 10)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 0, 3)->style, ST_LINENO);
    /* import asyncio  # a comment */
    ck_assert_int_eq(in_cell(f.g, r, 3, c0)->style, ST_KEYWORD);
    ck_assert_int_eq(in_cell(f.g, r, 3, c0 + 7)->style, ST_CODE);
    ck_assert_int_eq(in_cell(f.g, r, 3, col_of(f.g, r, 3, "# a"))->style, ST_COMMENT);
    ck_assert_int_eq(in_cell(f.g, r, 3, col_of(f.g, r, 3, "comment") + 3)->style, ST_COMMENT);
    /* async def f(x): */
    ck_assert_int_eq(in_cell(f.g, r, 4, c0)->style, ST_KEYWORD);
    ck_assert_int_eq(in_cell(f.g, r, 4, c0 + 6)->style, ST_KEYWORD);
    ck_assert_int_eq(in_cell(f.g, r, 4, c0 + 10)->style, ST_CODE);
    /* the tab: return at column 8 of the code */
    ck_assert_int_eq(col_of(f.g, r, 5, "return"), c0 + 8);
    ck_assert_int_eq(in_cell(f.g, r, 5, c0 + 8)->style, ST_KEYWORD);
    int q = col_of(f.g, r, 5, "'it'");
    ck_assert_int_eq(in_cell(f.g, r, 5, q)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 5, q + 3)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 5, q + 5)->style, ST_CODE); /* + */
    ck_assert_int_eq(in_cell(f.g, r, 5, col_of(f.g, r, 5, "#y"))->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 5, col_of(f.g, r, 5, "# done"))->style, ST_COMMENT);
    /* prefixes and an escaped quote */
    ck_assert_int_eq(in_cell(f.g, r, 6, col_of(f.g, r, 6, "r'"))->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 6, col_of(f.g, r, 6, "q\""))->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 6, col_of(f.g, r, 6, "q\" +") + 3)->style, ST_CODE);
    ck_assert_int_eq(in_cell(f.g, r, 6, col_of(f.g, r, 6, "f'{x}'") + 4)->style, ST_STRING);
    /* a triple-quoted string across two lines, then code after it */
    ck_assert_int_eq(in_cell(f.g, r, 7, col_of(f.g, r, 7, "'''a"))->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 8, c0)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 8, col_of(f.g, r, 8, "rb'''"))->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, r, 8, col_of(f.g, r, 8, "if"))->style, ST_KEYWORD);
    ck_assert_int_eq(in_cell(f.g, r, 8, col_of(f.g, r, 8, "True"))->style, ST_KEYWORD);
    ck_assert_int_eq(in_cell(f.g, r, 8, col_of(f.g, r, 8, "None"))->style, ST_KEYWORD);
    /* numbers and names are plain code; no keyword inside a name */
    ck_assert_int_eq(in_cell(f.g, r, 9, col_of(f.g, r, 9, "12.5e3") + 4)->style, ST_CODE);
    ck_assert_int_eq(in_cell(f.g, r, 9, col_of(f.g, r, 9, "# tail"))->style, ST_COMMENT);
    fixture_close(&f);

    /* scrolled below the docstring's start: its rest is still a string */
    fx_text(&f, colours_py, 80, 20);
    f.v.pinned[FOCUS_CODE] = true;
    f.v.scroll[FOCUS_CODE] = 1;
    Rect small = {0, 0, 80, 5};
    draw_at(&f, small, 0);
    ck_assert_str_eq(row_text(f.g, small, 0), "   2 second line of the doc");
    ck_assert_int_eq(in_cell(f.g, small, 0, c0)->style, ST_STRING);
    ck_assert_int_eq(in_cell(f.g, small, 2, c0)->style, ST_KEYWORD);
    fixture_close(&f);
}
END_TEST

/* Long lines end in an ellipsis at the pane's edge; wide characters stay
 * whole; control characters do not reach the grid. */
START_TEST(test_truncation_and_wide)
{
    Fixture f;
    fx_text(&f,
            "x = 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz'\n"
            "y = '日本語のテキスト日本語のテキスト日本語のテキスト'\n"
            "z = 1\x01\n",
            60, 10);
    Rect r = {1, 1, 30, 6};
    draw_at(&f, r, 0);
    fixture_assert_untouched(f.g, r, "code");
    int last = r.w - 3; /* the last column inside the frame */
    ck_assert_uint_eq(in_cell(f.g, r, 0, last)->ch, 0x2026);
    ck_assert_uint_eq(grid_at(f.g, r.x + r.w - 1, r.y + 1)->ch, 0x2502); /* the frame is intact */
    ck_assert_uint_eq(grid_at(f.g, r.x + r.w - 1, r.y + 2)->ch, 0x2502);
    const char *t = row_text(f.g, r, 1);
    ck_assert_msg(strstr(t, "日本") && strstr(t, "…"), "'%s'", t);
    for (int x = 0; x < r.w - 2; x++) {
        const Cell *c = in_cell(f.g, r, 1, x);
        if (c->flags & CELL_WIDE)
            ck_assert(in_cell(f.g, r, 1, x + 1)->flags & CELL_CONT);
    }
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 2), "z = 1\xEF\xBF\xBD"));
    fixture_close(&f);
}
END_TEST

static char *long_py(void)
{
    static const char body[] = "import asyncio\n"
                               "async def helper():\n"
                               "    await asyncio.sleep(1)\n"
                               "async def main():\n"
                               "    await helper()\n"
                               "    print('done')\n"
                               "asyncio.run(main())\n";
    char *s = malloc(150 * 16 + sizeof body);
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        n += (size_t)sprintf(s + n, "# filler %03d\n", i);
    memcpy(s + n, body, sizeof body - 1);
    n += sizeof body - 1;
    for (int i = 0; i < 50; i++)
        n += (size_t)sprintf(s + n, "# after %03d\n", i);
    return s;
}

/* Following the action keeps the current line in view with context;
 * pinned, the scroll is used and clamped; the keys pin and scroll. */
START_TEST(test_follow_pin_keys)
{
    Fixture f;
    char *code = long_py();
    fx_open(&f, code, 80, 30, false);
    free(code);
    Rect r = {0, 0, 60, 12}; /* ten lines */
    int main_id = fixture_task(&f, "main", 0);
    size_t s = fixture_step(&f, SK_START, main_id, 0);
    draw_at(&f, r, s);
    int row = row_of_line(f.g, r, 105);
    ck_assert_int_ge(row, 2);
    ck_assert_int_le(row, 7);
    ck_assert_uint_eq(in_cell(f.g, r, row, 0)->ch, 0x25B6);

    /* main's last line when it is done */
    size_t end = fixture_step(&f, SK_DONE, main_id, 0);
    draw_at(&f, r, end);
    ck_assert_int_eq(row_of_line(f.g, r, 106), 3);
    /* nothing current (the clock jumps): the view stays where it was */
    size_t jump = fixture_step(&f, SK_CLOCK, -2, 0);
    draw_at(&f, r, jump);
    row = row_of_line(f.g, r, 103);
    ck_assert_int_ge(row, 2);
    ck_assert_int_le(row, 7);

    /* pinned */
    f.v.pinned[FOCUS_CODE] = true;
    f.v.scroll[FOCUS_CODE] = 0;
    draw_at(&f, r, s);
    ck_assert_int_eq(row_of_line(f.g, r, 1), 0);
    ck_assert_int_eq(row_of_line(f.g, r, 105), -1);
    f.v.scroll[FOCUS_CODE] = 5000;
    draw_at(&f, r, s);
    ck_assert_int_eq(row_of_line(f.g, r, 157), 9);
    f.v.scroll[FOCUS_CODE] = -3;
    draw_at(&f, r, s);
    ck_assert_int_eq(row_of_line(f.g, r, 1), 0);

    /* keys: from where it was showing, one line up pins it */
    f.v.pinned[FOCUS_CODE] = false;
    f.v.scroll[FOCUS_CODE] = 0;
    draw_at(&f, r, s);
    int top = 105 - 1 - row_of_line(f.g, r, 105);
    Input up = {.key = K_UP}, down = {.key = K_DOWN}, pgup = {.key = K_PGUP}, pgdn = {.key = K_PGDN};
    ck_assert_int_eq(pane_code.key(&f.v, &up, r), ACT_REDRAW);
    ck_assert(f.v.pinned[FOCUS_CODE]);
    ck_assert_int_eq(f.v.scroll[FOCUS_CODE], top - 1);
    draw_at(&f, r, s);
    ck_assert_int_eq(row_of_line(f.g, r, top), 0);
    ck_assert_int_eq(pane_code.key(&f.v, &down, r), ACT_REDRAW);
    ck_assert_int_eq(f.v.scroll[FOCUS_CODE], top);
    for (int i = 0; i < 30; i++)
        pane_code.key(&f.v, &pgup, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_CODE], 0);
    ck_assert_int_eq(pane_code.key(&f.v, &up, r), ACT_NONE);
    for (int i = 0; i < 30; i++)
        pane_code.key(&f.v, &pgdn, r);
    ck_assert_int_eq(f.v.scroll[FOCUS_CODE], 157 - 10);
    ck_assert_int_eq(pane_code.key(&f.v, &down, r), ACT_NONE);
    Input other = {.key = 'z'};
    ck_assert_int_eq(pane_code.key(&f.v, &other, r), ACT_NONE);
    fixture_close(&f);
}
END_TEST

/* Tiny and odd rectangles: nothing outside them, no crash; ASCII mode
 * has ASCII markers only. */
START_TEST(test_tiny_and_ascii)
{
    Fixture f;
    fx_open(&f, fixture_gather_py, 60, 30, false);
    size_t last = rec_nsteps(f.rec) - 1;
    for (int w = 0; w <= 8; w++)
        for (int h = 0; h <= 5; h++)
            for (size_t s = 0; s <= last; s += last / 4 + 1) {
                Rect r = {10, 10, w, h};
                draw_at(&f, r, s);
                fixture_assert_untouched(f.g, r, "code");
                f.v.pinned[FOCUS_CODE] = true;
                draw_at(&f, r, s);
                fixture_assert_untouched(f.g, r, "code");
                f.v.pinned[FOCUS_CODE] = false;
                Input k = {.key = K_PGDN};
                pane_code.key(&f.v, &k, r);
                f.v.pinned[FOCUS_CODE] = false;
            }
    Rect off = {50, 20, 40, 20};
    draw_at(&f, off, last);
    fixture_assert_untouched(f.g, off, "code");
    fixture_close(&f);

    fx_open(&f, fixture_gather_py, 100, 30, true);
    Rect r = {0, 0, 90, 20};
    size_t s = fixture_step(&f, SK_SUSPEND, fixture_task(&f, "fetch_posts", 0), 0);
    draw_at(&f, r, s);
    for (int y = 0; y < r.h; y++)
        for (int x = 0; x < r.w; x++)
            ck_assert_uint_lt(grid_at(f.g, x, y)->ch, 0x80);
    ck_assert_ptr_nonnull(strstr(row_text(f.g, r, 3), "< fetch_user"));
    ck_assert_uint_eq(in_cell(f.g, r, 7, 0)->ch, '>');
    fixture_close(&f);
}
END_TEST

/* An empty source, or none at all: a frame and nothing else. */
START_TEST(test_empty_source)
{
    Fixture f;
    fx_text(&f, "", 40, 10);
    Rect r = {0, 0, 40, 10};
    draw_at(&f, r, 0);
    ck_assert_str_eq(row_text(f.g, r, 0), "");
    f.v.src = NULL;
    draw_at(&f, r, 0);
    Input k = {.key = K_DOWN};
    ck_assert_int_eq(pane_code.key(&f.v, &k, r), ACT_REDRAW);
    ck_assert_int_eq(f.v.scroll[FOCUS_CODE], 0);
    fixture_close(&f);
}
END_TEST

/* The line the code pane marks as current at the view's step: the
 * running task's, else the step's (0: none). */
static int expected_line(const View *v)
{
    int run = seek_running(v->seek, v->step);
    TaskView tv;
    if (run >= 0 && rec_task_at(v->rec, run, v->step, &tv) && tv.line > 0)
        return tv.line;
    const Step *st = rec_step_at(v->rec, v->step);
    return st && st->line > 0 ? st->line : 0;
}

/* Line n of src with tabs expanded and every space dropped. */
static char *squeezed_line(const Source *src, int n)
{
    const char *p = src->text, *end = src->text + src->len;
    for (int i = 1; i < n && p < end; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = (size_t)((nl ? nl : end) - p);
    char *out = malloc(len + 1);
    size_t o = 0;
    for (size_t i = 0; i < len; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            out[o++] = p[i];
    out[o] = 0;
    return out;
}

/* Append the cells of a code row after its gutter, spaces dropped, up to
 * the names column ("◂"). */
static void squeeze_append(char *buf, size_t size, const char *row, int gutter)
{
    const char *p = row;
    for (int c = 0; c < gutter && *p; c++) /* one column per character: the gutter is ASCII or ▶/↪ */
        p += (*p & 0x80) ? ((*p & 0xE0) == 0xC0 ? 2 : (*p & 0xF0) == 0xE0 ? 3 : 4) : 1;
    const char *mark = strstr(p, "\u25c2");
    size_t n = strlen(buf);
    for (; *p && p != mark && n + 1 < size; p++)
        if (*p != ' ')
            buf[n++] = *p;
    buf[n] = 0;
}

/* At 100x30 (and 80x24, 160x45, 220x60), at every step of every shipped
 * scenario, the current line is on screen whole: its rows (the first marked ▶, the wrapped ones ↪) hold
 * all of its text, and none of them is cut with an ellipsis. */
START_TEST(test_current_line_never_cut)
{
    DIR *d = opendir("scenarios");
    ck_assert_ptr_nonnull(d);
    int files = 0;
    long checked = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".py") != 0)
            continue;
        char path[512];
        snprintf(path, sizeof path, "scenarios/%s", e->d_name);
        Fixture f;
        fixture_open_file(&f, path);
        files++;
        static const int sizes[][2] = {{100, 30}, {80, 24}, {160, 45}, {220, 60}};
        for (size_t sz = 0; sz < sizeof sizes / sizeof sizes[0]; sz++) {
            Grid *g = grid_new(sizes[sz][0], sizes[sz][1], false);
            for (size_t step = 0; step < view_nsteps(&f.v); step++) {
                view_seek(&f.v, step);
                frame_draw(&f.v, g);
                int line = expected_line(&f.v);
                if (line <= 0)
                    continue;
                Rect r = f.v.lay.box[FOCUS_CODE];
                ck_assert_msg(r.w > 0, "%s step %zu: no code pane", path, step + 1);
                int first = -1;
                for (int i = 0; i < r.h - 2 && first < 0; i++)
                    if (!strncmp(row_text(g, r, i), "\u25b6", 3))
                        first = i;
                ck_assert_msg(first >= 0, "%s step %zu at %dx%d: line %d is not on screen", path, step + 1,
                              sizes[sz][0], sizes[sz][1], line);
                char want_no[16];
                snprintf(want_no, sizeof want_no, " %d ", line);
                ck_assert_msg(strstr(row_text(g, r, first), want_no), "%s step %zu: the marked line is not %d: %s", path,
                              step + 1, line, row_text(g, r, first));
                const char *t = row_text(g, r, first);
                int gutter = (int)(strstr(t, want_no) - t) + (int)strlen(want_no) - 2; /* ▶ is 3 bytes, 1 column */
                char shown[1024] = "";
                for (int i = first; i < r.h - 2; i++) {
                    const char *row = row_text(g, r, i);
                    if (i > first && !strstr(row, "\u21aa"))
                        break;
                    const char *cut = strstr(row, "\u2026"), *mark = strstr(row, "\u25c2");
                    ck_assert_msg(!cut || (mark && cut > mark), "%s step %zu at %dx%d: line %d is cut: %s", path, step + 1,
                                  sizes[sz][0], sizes[sz][1], line, row);
                    squeeze_append(shown, sizeof shown, row, gutter);
                }
                char *want = squeezed_line(f.src, line);
                ck_assert_msg(!strcmp(shown, want), "%s step %zu at %dx%d: line %d shows '%s', not '%s'", path, step + 1,
                              sizes[sz][0], sizes[sz][1], line, shown, want);
                free(want);
                checked++;
            }
            grid_free(g);
        }
        fixture_close(&f);
    }
    closedir(d);
    ck_assert_int_ge(files, 10);
    ck_assert_int_gt(checked, 2000);
}
END_TEST

Suite *code_pane_suite(void)
{
    Suite *s = suite_create("code_pane");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_current_line);
    tcase_add_test(tc, test_gutter_names);
    tcase_add_test(tc, test_syntax_colours);
    tcase_add_test(tc, test_truncation_and_wide);
    tcase_add_test(tc, test_follow_pin_keys);
    tcase_add_test(tc, test_tiny_and_ascii);
    tcase_add_test(tc, test_empty_source);
    tcase_add_test(tc, test_current_line_never_cut);
    suite_add_tcase(s, tc);
    return s;
}
