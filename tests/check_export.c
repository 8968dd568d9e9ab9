/* check_export.c: the exports (src/out/file.c, svg.c, cast.c, chrome.c)
 * and the string output they share (buf_put_json, buf_put_utf8).
 * Owns: the export suite. JSON escaping (controls, ESC, quotes, UTF-8 kept,
 * invalid bytes replaced); SVG escaping, wide characters in their own
 * two-cell runs, runs held to the grid, box lines as rectangles, bytes that
 * never change; the asciicast header, the row diff between frames, resize,
 * times and markers, and playback of a real run; Chrome trace spans,
 * including zero-length ones kept in step order and time.sleep's block;
 * atomic files (no overwrite, nothing left behind on failure).
 * Grids and recordings are built here with the public APIs; the end-to-end
 * checks (every scenario, asciinema, XML parsers) are in run_exports.sh. */
#include "suites.h"

#include "../src/base/base.h"
#include "../src/base/source.h"
#include "../src/out/cast.h"
#include "../src/out/chrome.h"
#include "../src/out/file.h"
#include "../src/out/svg.h"
#include "../src/record/rec.h"
#include "../src/record/seek.h"
#include "../src/py/py.h"
#include "../src/view/frame.h"
#include "../src/view/grid.h"
#include "../src/view/view.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ helpers */

static char *json_of(const char *s)
{
    Buf b;
    buf_init(&b);
    buf_put_json(&b, s);
    return b.s; /* the caller frees it */
}

/* A memory stream and its bytes, for the writers that take a FILE *. */
typedef struct Mem {
    FILE *f;
    char *s;
    size_t n;
} Mem;

static void mem_open(Mem *m)
{
    m->s = NULL;
    m->n = 0;
    m->f = open_memstream(&m->s, &m->n);
    ck_assert_ptr_nonnull(m->f);
}

/* Close the stream; m->s holds the bytes (free them with mem_free). */
static void mem_close(Mem *m)
{
    fclose(m->f);
    m->f = NULL;
}

static void mem_free(Mem *m) { free(m->s); }

static int count(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

static char *svg_of(const Grid *g, bool dark)
{
    Mem m;
    mem_open(&m);
    svg_write(g, theme_palette(dark), true, "a <title> & more", m.f);
    mem_close(&m);
    return m.s;
}

/* --------------------------------------------------------------- JSON */

START_TEST(test_json_escape)
{
    char *s = json_of("a\"b\\c\n\t\x1b[1m\x01\x7f\r");
    ck_assert_str_eq(s, "\"a\\\"b\\\\c\\n\\t\\u001b[1m\\u0001\\u007f\\u000d\"");
    free(s);
    s = json_of("é → 漢 🎉 ❚");
    ck_assert_str_eq(s, "\"é → 漢 🎉 ❚\""); /* UTF-8 as it is */
    free(s);
    s = json_of("");
    ck_assert_str_eq(s, "\"\"");
    free(s);
}
END_TEST

START_TEST(test_json_invalid_utf8)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"a\xff" "b", "\"a\\ufffdb\""},
        {"\xc0\xaf", "\"\\ufffd\\ufffd\""},           /* overlong '/' */
        {"\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""}, /* a surrogate */
        {"\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""}, /* past U+10FFFF */
        {"x\xe6\xbc", "\"x\\ufffd\\ufffd\""},          /* cut short */
        {"\x80" "ok", "\"\\ufffdok\""},                /* a stray continuation byte */
        {"\xf0\x9f\x8e\x89", "\"\xf0\x9f\x8e\x89\""},  /* U+1F389 is fine */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *s = json_of(cases[i].in);
        ck_assert_msg(!strcmp(s, cases[i].out), "case %zu: %s", i, s);
        free(s);
    }
}
END_TEST

START_TEST(test_utf8_put)
{
    Buf b;
    buf_init(&b);
    buf_put_utf8(&b, 'a');
    buf_put_utf8(&b, 0xE9);
    buf_put_utf8(&b, 0x6F22);
    buf_put_utf8(&b, 0x1F389);
    buf_put_utf8(&b, 0xD800);   /* surrogates and values past U+10FFFF: '?' */
    buf_put_utf8(&b, 0x110000);
    ck_assert_str_eq(b.s, "aé漢🎉??");
    buf_free(&b);
}
END_TEST

/* ---------------------------------------------------------------- SVG */

START_TEST(test_svg_escapes_title_and_text)
{
    Grid *g = grid_new(12, 1, false);
    grid_text(g, 0, 0, 12, ST_NORMAL, "a&<>\"'z");
    char *s = svg_of(g, true);
    ck_assert_ptr_nonnull(strstr(s, ">a&amp;&lt;&gt;&quot;&apos;z</text>"));
    ck_assert_ptr_nonnull(strstr(s, "<title>a &lt;title&gt; &amp; more</title>"));
    ck_assert_ptr_null(strstr(s, "<script"));
    free(s);
    grid_free(g);
}
END_TEST

/* A character outside what XML allows, poked straight into a cell. */
START_TEST(test_svg_unsafe_code_points)
{
    Grid *g = grid_new(4, 1, false);
    grid_text(g, 0, 0, 4, ST_NORMAL, "abcd");
    g->cells[1].ch = 0x01;
    g->cells[2].ch = 0xFFFE;
    char *s = svg_of(g, true);
    ck_assert_ptr_nonnull(strstr(s, ">a??d</text>"));
    free(s);
    grid_free(g);
}
END_TEST

START_TEST(test_svg_wide_characters)
{
    Grid *g = grid_new(10, 1, false);
    grid_text(g, 0, 0, 10, ST_NORMAL, "漢字ab");
    char *s = svg_of(g, true);
    /* each wide character in its own text, two cells (16.8 px) long;
     * "ab" starts after four cells: margin 10 + 4 x 8.4 */
    ck_assert_ptr_nonnull(strstr(s, "<text x=\"10\" y=\"22.5\" textLength=\"16.8\""));
    ck_assert_ptr_nonnull(strstr(s, "<text x=\"26.8\" y=\"22.5\" textLength=\"16.8\""));
    ck_assert_ptr_nonnull(strstr(s, "<text x=\"43.6\" y=\"22.5\" textLength=\"16.8\""));
    ck_assert_ptr_nonnull(strstr(s, ">漢</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">字</text>"));
    ck_assert_ptr_nonnull(strstr(s, ">ab</text>"));
    ck_assert_int_eq(count(s, "<text"), 3);
    free(s);
    grid_free(g);
}
END_TEST

START_TEST(test_svg_runs_held_to_the_grid)
{
    Grid *g = grid_new(20, 2, false);
    grid_text(g, 2, 0, 18, ST_NORMAL, "abc  def");
    grid_text(g, 0, 1, 3, ST_KEYWORD, "def");
    grid_text(g, 4, 1, 3, ST_STRING, "\"x\"");
    char *s = svg_of(g, true);
    /* one run across the inner spaces, trimmed at both ends: 8 cells */
    ck_assert_ptr_nonnull(strstr(s, "x=\"26.8\" y=\"22.5\" textLength=\"67.2\" lengthAdjust=\"spacingAndGlyphs\""));
    ck_assert_ptr_nonnull(strstr(s, "xml:space=\"preserve\">abc  def</text>"));
    /* a change of colour starts a run */
    ck_assert_ptr_nonnull(strstr(s, "textLength=\"25.2\" lengthAdjust=\"spacingAndGlyphs\" fill=\"#c678dd\""));
    ck_assert_ptr_nonnull(strstr(s, "fill=\"#98c379\" xml:space=\"preserve\">&quot;x&quot;</text>"));
    free(s);
    grid_free(g);
}
END_TEST

START_TEST(test_svg_boxes_are_rects)
{
    Grid *g = grid_new(6, 3, false);
    grid_box(g, (Rect){0, 0, 6, 3}, ST_BORDER, NULL, ST_TITLE);
    char *s = svg_of(g, true);
    ck_assert_int_eq(count(s, "<text"), 0); /* no glyphs for the frame */
    ck_assert_ptr_null(strstr(s, "─"));
    /* the top edge is one merged rect from the corner's middle to the
     * other corner's: from 4.2 - 0.6 to 5 cells + 4.2 + 0.6, at y 8.5 - 0.6 */
    ck_assert_ptr_nonnull(strstr(s, "<rect x=\"13.6\" y=\"17.9\" width=\"43.2\" height=\"1.2\""));
    /* and both sides run from the corners down through the middle row */
    ck_assert_int_eq(count(s, "height=\"1.2\""), 2);
    ck_assert_int_eq(count(s, "width=\"1.2\""), 2);
    free(s);
    grid_free(g);
}
END_TEST

START_TEST(test_svg_themes_and_reverse)
{
    Grid *g = grid_new(8, 1, false);
    grid_text(g, 0, 0, 8, ST_HEADER, "head");
    char *dark = svg_of(g, true), *light = svg_of(g, false);
    ck_assert_ptr_nonnull(strstr(dark, "<rect width=\"100%\" height=\"100%\" fill=\"#1c1c1c\"/>"));
    ck_assert_ptr_nonnull(strstr(light, "<rect width=\"100%\" height=\"100%\" fill=\"#fafafa\"/>"));
    /* reverse video: the bar in the text colour, the text in the background's */
    ck_assert_ptr_nonnull(strstr(dark, "width=\"33.6\" height=\"17\" fill=\"#d0d0d0\""));
    ck_assert_ptr_nonnull(strstr(dark, "fill=\"#1c1c1c\" xml:space=\"preserve\">head</text>"));
    char *again = svg_of(g, true);
    ck_assert_str_eq(dark, again);
    free(dark);
    free(light);
    free(again);
    grid_free(g);
}
END_TEST

/* ---------------------------------------------------------- asciicast */

/* The n-th line of s (0-based), copied, or NULL. */
static char *line_of(const char *s, int n)
{
    for (; n > 0 && s; n--) {
        s = strchr(s, '\n');
        if (s)
            s++;
    }
    if (!s || !*s)
        return NULL;
    return xstrndup(s, strcspn(s, "\n"));
}

START_TEST(test_cast_header)
{
    Mem m;
    mem_open(&m);
    Cast *c = cast_new(m.f, 10, 3, "say \"hi\"\n", theme_palette(true), true);
    cast_end(c, 0);
    mem_close(&m);
    char *h = line_of(m.s, 0);
    ck_assert_str_eq(h, "{\"version\": 2, \"width\": 10, \"height\": 3, \"title\": \"say \\\"hi\\\"\\n\", \"env\": "
                        "{\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}, \"theme\": {\"fg\": \"#d0d0d0\", "
                        "\"bg\": \"#1c1c1c\", \"palette\": \"#3a3a3a:#e06c75:#98c379:#e5c07b:#61afef:#c678dd:"
                        "#56b6c2:#d0d0d0:#808080:#ff7b86:#b5e890:#ffd68a:#82c4ff:#df9cf0:#7fd4de:#ffffff\"}}");
    char *last = line_of(m.s, 1);
    ck_assert_str_eq(last, "[0.000000, \"o\", \"\\u001b[?25h\"]");
    free(h);
    free(last);
    mem_free(&m);
}
END_TEST

START_TEST(test_cast_row_diff)
{
    Mem m;
    mem_open(&m);
    Cast *c = cast_new(m.f, 8, 3, NULL, theme_palette(true), false);
    Grid *g = grid_new(8, 3, false);
    grid_text(g, 0, 0, 8, ST_NORMAL, "hi");
    cast_frame(c, 0, g);
    cast_frame(c, 500000, g); /* the same screen: nothing written */
    grid_text(g, 0, 2, 8, ST_NORMAL, "漢x");
    cast_frame(c, 1500000, g);
    cast_end(c, 2000000);
    mem_close(&m);

    char *first = line_of(m.s, 1), *second = line_of(m.s, 2), *end = line_of(m.s, 3);
    ck_assert_ptr_null(strstr(m.s, "\"title\""));
    /* hidden cursor, clear, then only the rows with something on them */
    ck_assert_str_eq(first, "[0.000000, \"o\", \"\\u001b[?25l\\u001b[0m\\u001b[H\\u001b[2J"
                            "\\u001b[1;1H\\u001b[2Khi\\u001b[0m\"]");
    /* only the changed row: moved to, erased, redrawn; UTF-8 kept */
    ck_assert_str_eq(second, "[1.500000, \"o\", \"\\u001b[3;1H\\u001b[2K漢x\\u001b[0m\"]");
    ck_assert_str_eq(end, "[2.000000, \"o\", \"\\u001b[?25h\"]");
    ck_assert_ptr_null(line_of(m.s, 4));
    free(first);
    free(second);
    free(end);
    mem_free(&m);
    grid_free(g);
}
END_TEST

START_TEST(test_cast_resize_times_markers)
{
    Mem m;
    mem_open(&m);
    Cast *c = cast_new(m.f, 4, 1, "t", theme_palette(false), true);
    Grid *g = grid_new(4, 1, false);
    grid_text(g, 0, 0, 4, ST_NORMAL, "ab");
    cast_frame(c, 2000000, g);
    cast_marker(c, 1000000, "back\ttab \x1b"); /* earlier than the last event: kept at 2.0 */
    grid_resize(g, 6, 2);
    grid_text(g, 0, 1, 6, ST_NORMAL, "cd");
    cast_frame(c, 3000001, g);
    cast_end(c, 0);
    mem_close(&m);
    char *mark = line_of(m.s, 2), *resize = line_of(m.s, 3), *repaint = line_of(m.s, 4), *end = line_of(m.s, 5);
    ck_assert_str_eq(mark, "[2.000000, \"m\", \"back\\ttab \\u001b\"]");
    ck_assert_str_eq(resize, "[3.000001, \"r\", \"6x2\"]");
    /* a new size repaints everything from a cleared screen */
    ck_assert_str_eq(repaint, "[3.000001, \"o\", \"\\u001b[?25l\\u001b[0m\\u001b[H\\u001b[2J"
                              "\\u001b[2;1H\\u001b[2Kcd\\u001b[0m\"]");
    ck_assert_str_eq(end, "[3.000001, \"o\", \"\\u001b[?25h\"]");
    free(mark);
    free(resize);
    free(repaint);
    free(end);
    mem_free(&m);
    grid_free(g);
}
END_TEST

static const char play_py[] = "import asyncio\n"
                              "\n"
                              "async def main():\n"
                              "    print('start')\n"
                              "    await asyncio.sleep(1)\n"
                              "    print('end')\n"
                              "\n"
                              "asyncio.run(main())\n";

typedef struct Run {
    Source *src;
    Recording *rec;
    Seek *seek;
} Run;

static void run_open(Run *r, const char *py)
{
    LangError err = {0};
    SimOptions so = {0};
    r->src = source_from_string("play.py", py, strlen(py));
    ck_assert_int_eq(sim_run(r->src, &so, &r->rec, &err), SIM_OK);
    r->seek = seek_new(r->rec);
}

static void run_close(Run *r)
{
    seek_free(r->seek);
    rec_free(r->rec);
    source_free(r->src);
}

START_TEST(test_cast_play)
{
    Run run;
    run_open(&run, play_py);
    View v;
    view_init(&v, run.rec, run.src, run.seek);
    Grid *g = grid_new(80, 24, false);
    Mem m;
    mem_open(&m);
    Cast *c = cast_new(m.f, 80, 24, v.title, theme_palette(true), true);
    uint64_t end = cast_play(c, &v, g);
    cast_end(c, end);
    mem_close(&m);

    /* a marker per step, the last step reached, paused, no status line */
    size_t n = view_nsteps(&v);
    ck_assert_int_eq(count(m.s, "\"m\""), (int)n);
    ck_assert_uint_eq(v.step, n - 1);
    ck_assert(!v.playing);
    ck_assert_str_eq(v.status, "");
    /* 1 s of clock at 1x, plus a dwell on the steps that share an instant */
    ck_assert_uint_gt(end, 1000000);
    /* the last frame is the one frame_draw gives at the last step */
    Grid *want = grid_new(80, 24, false);
    View w;
    view_init(&w, run.rec, run.src, run.seek);
    view_seek(&w, n - 1);
    frame_draw(&w, want);
    for (int i = 0; i < 80 * 24; i++)
        ck_assert(g->cells[i].ch == want->cells[i].ch && g->cells[i].style == want->cells[i].style);
    /* and the same bytes every time */
    Mem m2;
    mem_open(&m2);
    view_init(&v, run.rec, run.src, run.seek);
    c = cast_new(m2.f, 80, 24, v.title, theme_palette(true), true);
    cast_end(c, cast_play(c, &v, g));
    mem_close(&m2);
    ck_assert_uint_eq(m.n, m2.n);
    ck_assert(memcmp(m.s, m2.s, m.n) == 0);
    mem_free(&m);
    mem_free(&m2);
    grid_free(g);
    grid_free(want);
    run_close(&run);
}
END_TEST

/* fuzz_render: a two-day sleep recorded two days of frames. A gap plays
 * at most 10 real seconds at 1x; the steps, markers and last frame are
 * all there. */
START_TEST(test_cast_long_gap_capped)
{
    Run run;
    run_open(&run, "import asyncio\n"
                   "async def main():\n"
                   "    await asyncio.sleep(86400 * 2)\n"
                   "    print('later')\n"
                   "asyncio.run(main())\n");
    View v;
    view_init(&v, run.rec, run.src, run.seek);
    Grid *g = grid_new(80, 24, false);
    Mem m;
    mem_open(&m);
    Cast *c = cast_new(m.f, 80, 24, v.title, theme_palette(true), true);
    uint64_t end = cast_play(c, &v, g);
    cast_end(c, end);
    mem_close(&m);
    size_t n = view_nsteps(&v);
    ck_assert_int_eq(count(m.s, "\"m\""), (int)n);
    ck_assert_uint_eq(v.step, n - 1);
    ck_assert_uint_gt(end, 10000000);  /* the gap still plays 10 s */
    ck_assert_uint_lt(end, 30000000);  /* not two days */
    ck_assert_int_lt(count(m.s, "\"o\""), 1000);
    mem_free(&m);
    grid_free(g);
    run_close(&run);
}
END_TEST

/* -------------------------------------------------------- Chrome trace */

/* One task: created, runs, prints, sleeps 1 s, wakes, runs, blocks the
 * loop in time.sleep from 1 s to 3 s, ends. Steps, in order:
 * 0 create, 1 resume, 2 print, 3 suspend, 4 clock, 5 wake, 6 resume,
 * 7 block, 8 done. */
static Recording *chrome_rec(void)
{
    Recording *r = rec_new(0);
    rec_set_info(r, "dir/chrome.py", "");
    int t = rec_task_new(r, "Task-1", "main", false);
    int hidden = rec_task_new(r, "Task-0", "library", true);
    rec_step(r, SK_CREATE, 0, t, 1, "", "created", "");
    rec_task_set(r, t, TS_READY, OUT_NONE, "scheduled", "main", 1, 1);
    rec_task_set(r, hidden, TS_READY, OUT_NONE, "", "", 0, 2);
    rec_step(r, SK_RESUME, 0, t, 2, "", "", "");
    rec_task_set(r, t, TS_RUNNING, OUT_NONE, "", "main", 2, 0);
    rec_step(r, SK_PRINT, 0, t, 2, "hello \"you\"", "", "");
    rec_task_set(r, t, TS_RUNNING, OUT_NONE, "", "main", 3, 0);
    rec_step(r, SK_SUSPEND, 0, t, 3, "", "", "");
    rec_task_set(r, t, TS_WAITING, OUT_NONE, "sleep(1)", "main", 3, 0);
    rec_step(r, SK_CLOCK, 1, -1, 0, "", "the clock jumps", "");
    rec_set_t0(r, 0);
    rec_step(r, SK_WAKE, 1, t, 3, "", "", "");
    rec_task_set(r, t, TS_READY, OUT_NONE, "sleep(1)", "main", 3, 3);
    rec_step(r, SK_RESUME, 1, t, 4, "", "", "");
    rec_task_set(r, t, TS_RUNNING, OUT_NONE, "", "main", 4, 0);
    rec_step(r, SK_BLOCK, 3, t, 4, "", "time.sleep blocks", "");
    rec_set_t0(r, 1);
    rec_task_set(r, t, TS_RUNNING, OUT_NONE, "blocking in time.sleep", "main", 4, 0);
    rec_step(r, SK_DONE, 3, t, 5, "Task-1 main", "", "");
    rec_task_set(r, t, TS_DONE, OUT_RESULT, "\u2192 None", "main", 5, 0);
    return r;
}

/* The position of the line of s that contains all of a and b, or -1. */
static long find_event(const char *s, const char *a, const char *b)
{
    for (const char *p = s; *p;) {
        size_t n = strcspn(p, "\n");
        char *line = xstrndup(p, n);
        bool hit = strstr(line, a) && (!b || strstr(line, b));
        free(line);
        if (hit)
            return p - s;
        p += n;
        if (*p)
            p++;
    }
    return -1;
}

START_TEST(test_chrome_spans)
{
    Recording *r = chrome_rec();
    Seek *sk = seek_new(r);
    Mem m;
    mem_open(&m);
    chrome_write(r, sk, m.f);
    mem_close(&m);
    const char *s = m.s;
    ck_assert(!strncmp(s, "{\"traceEvents\": [\n", 18));
    ck_assert_ptr_nonnull(strstr(s, "\"displayTimeUnit\": \"ms\""));
    ck_assert_ptr_nonnull(strstr(s, "{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"args\": {\"name\": "
                                    "\"loopscope chrome.py\"}}"));
    ck_assert_ptr_nonnull(strstr(s, "\"tid\": 1, \"args\": {\"name\": \"event loop\"}"));
    ck_assert_ptr_nonnull(strstr(s, "\"tid\": 2, \"args\": {\"name\": \"main\"}"));
    ck_assert_ptr_null(strstr(s, "library")); /* hidden tasks get no lane */

    /* zero-length spans at t = 0, in step order: ready, running */
    long ready = find_event(s, "{\"name\": \"ready\"", "\"ts\": 0, \"pid\": 1, \"tid\": 2, \"dur\": 0");
    long run0 = find_event(s, "{\"name\": \"running\"", "\"ts\": 0, \"pid\": 1, \"tid\": 2, \"dur\": 0");
    long print = find_event(s, "{\"name\": \"print: hello \\\"you\\\"\"", "\"ph\": \"i\", \"ts\": 0, \"pid\": 1, \"tid\": 2, \"s\": \"t\"");
    ck_assert(ready >= 0 && run0 > ready && print > run0);
    /* a running task moving to another line stays one span */
    ck_assert_int_eq(count(s, "{\"name\": \"running\", \"cat\": \"task\", \"ph\": \"X\", \"ts\": 0,"), 1);
    /* waiting, with what it waits on, for the whole second */
    ck_assert(find_event(s, "{\"name\": \"waiting: sleep(1)\"", "\"ts\": 0, \"pid\": 1, \"tid\": 2, \"dur\": 1000000") > print);
    /* time.sleep: the task is busy from the block's start, not its end */
    ck_assert(find_event(s, "{\"name\": \"running: blocking in time.sleep\"",
                         "\"ts\": 1000000, \"pid\": 1, \"tid\": 2, \"dur\": 2000000") >= 0);
    ck_assert(find_event(s, "{\"name\": \"running\"", "\"ts\": 1000000, \"pid\": 1, \"tid\": 2, \"dur\": 0") >= 0);
    ck_assert(find_event(s, "{\"name\": \"done \u2192 None\"", "\"ts\": 3000000, \"pid\": 1, \"tid\": 2") >= 0);
    /* the loop's lane: idle while the clock jumps, blocked by time.sleep */
    ck_assert(find_event(s, "{\"name\": \"idle: until the next timer\"", "\"ts\": 0, \"pid\": 1, \"tid\": 1, \"dur\": 1000000") >= 0);
    ck_assert(find_event(s, "{\"name\": \"blocked: time.sleep\"", "\"ts\": 1000000, \"pid\": 1, \"tid\": 1, \"dur\": 2000000") >= 0);
    ck_assert_ptr_nonnull(strstr(s, "\"args\": {\"step\": 8, \"label\": \"time.sleep blocks\", \"line\": 4}"));
    mem_free(&m);
    seek_free(sk);
    rec_free(r);
}
END_TEST

/* ---------------------------------------------------------------- files */

static char *temp_dir(void)
{
    char tmpl[] = "/tmp/loopscope-check-export.XXXXXX";
    char *d = mkdtemp(tmpl);
    ck_assert_ptr_nonnull(d);
    return xstrdup(d);
}

static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char buf[256];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    return xstrndup(buf, n);
}

static void cleanup_dir(char *dir, const char *const *names)
{
    char path[512];
    for (; *names; names++) {
        snprintf(path, sizeof path, "%s/%s", dir, *names);
        unlink(path);
    }
    rmdir(dir);
    free(dir);
}

START_TEST(test_file_atomic_no_overwrite)
{
    char *dir = temp_dir(), path[512], err[600];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    OutFile *f = file_begin(path, false, err, sizeof err);
    ck_assert_ptr_nonnull(f);
    fputs("first", file_stream(f));
    ck_assert_int_eq(entries(dir), 1);  /* only the temp file, not yet the name */
    ck_assert(access(path, F_OK) != 0);
    ck_assert(file_commit(f, err, sizeof err));
    ck_assert_int_eq(entries(dir), 1);
    char *got = slurp(path);
    ck_assert_str_eq(got, "first");
    free(got);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    mode_t mask = umask(0);
    umask(mask);
    ck_assert_uint_eq(st.st_mode & 0777, 0666 & ~mask); /* not mkstemp's 0600 */

    /* no overwrite without force */
    errno = 0;
    ck_assert_ptr_null(file_begin(path, false, err, sizeof err));
    ck_assert_int_eq(errno, EEXIST);
    char want[600];
    snprintf(want, sizeof want, "cannot write %s: it already exists", path);
    ck_assert_str_eq(err, want);
    /* with force: replaced */
    f = file_begin(path, true, err, sizeof err);
    ck_assert_ptr_nonnull(f);
    fputs("second", file_stream(f));
    ck_assert(file_commit(f, err, sizeof err));
    got = slurp(path);
    ck_assert_str_eq(got, "second");
    free(got);
    ck_assert_int_eq(entries(dir), 1);
    cleanup_dir(dir, (const char *const[]){"out.txt", NULL});
}
END_TEST

/* The target appears while we write: the commit refuses, and neither our
 * file nor the temp file is left; theirs is untouched. */
START_TEST(test_file_commit_race_and_abort)
{
    char *dir = temp_dir(), path[512], err[600];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    OutFile *f = file_begin(path, false, err, sizeof err);
    ck_assert_ptr_nonnull(f);
    fputs("ours", file_stream(f));
    FILE *theirs = fopen(path, "w");
    fputs("theirs", theirs);
    fclose(theirs);
    ck_assert(!file_commit(f, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "it already exists"));
    char *got = slurp(path);
    ck_assert_str_eq(got, "theirs");
    free(got);
    ck_assert_int_eq(entries(dir), 1);

    /* abort: nothing new */
    snprintf(path, sizeof path, "%s/other.txt", dir);
    f = file_begin(path, false, err, sizeof err);
    ck_assert_ptr_nonnull(f);
    fputs("dropped", file_stream(f));
    file_abort(f);
    ck_assert_int_eq(entries(dir), 1);
    cleanup_dir(dir, (const char *const[]){"out.txt", NULL});
}
END_TEST

START_TEST(test_file_errors)
{
    char *dir = temp_dir(), path[512], err[600], want[600];
    snprintf(path, sizeof path, "%s/missing/out.txt", dir);
    ck_assert_ptr_null(file_begin(path, true, err, sizeof err));
    snprintf(want, sizeof want, "cannot write %s: No such file or directory", path);
    ck_assert_str_eq(err, want);
    snprintf(path, sizeof path, "%s/", dir);
    ck_assert_ptr_null(file_begin(path, true, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "that is a folder, not a file name"));
    /* a folder where the file should go: refused, even with force, nothing left */
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(mkdir(path, 0755), 0);
    ck_assert_ptr_null(file_begin(path, true, err, sizeof err));
    snprintf(want, sizeof want, "cannot write %s: that is a folder, not a file name", path);
    ck_assert_str_eq(err, want);
    ck_assert_int_eq(entries(dir), 1);
    rmdir(path);
    /* a device or a named pipe is never replaced by a plain file */
    ck_assert_ptr_null(file_begin("/dev/null", true, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "cannot write /dev/null: it is a device, not a file"));
    snprintf(path, sizeof path, "%s/fifo", dir);
    ck_assert_int_eq(mkfifo(path, 0644), 0);
    ck_assert_ptr_null(file_begin(path, true, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "it is a named pipe, not a file"));
    unlink(path);
    /* a link: refused, the file it points to is kept */
    snprintf(path, sizeof path, "%s/link", dir);
    ck_assert_int_eq(symlink("/etc/hostname", path), 0);
    ck_assert_ptr_null(file_begin(path, true, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "it is a symbolic link"));
    unlink(path);
    cleanup_dir(dir, (const char *const[]){NULL});
}
END_TEST

Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("json");
    tcase_add_test(tc, test_json_escape);
    tcase_add_test(tc, test_json_invalid_utf8);
    tcase_add_test(tc, test_utf8_put);
    suite_add_tcase(s, tc);
    tc = tcase_create("svg");
    tcase_add_test(tc, test_svg_escapes_title_and_text);
    tcase_add_test(tc, test_svg_unsafe_code_points);
    tcase_add_test(tc, test_svg_wide_characters);
    tcase_add_test(tc, test_svg_runs_held_to_the_grid);
    tcase_add_test(tc, test_svg_boxes_are_rects);
    tcase_add_test(tc, test_svg_themes_and_reverse);
    suite_add_tcase(s, tc);
    tc = tcase_create("cast");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, test_cast_header);
    tcase_add_test(tc, test_cast_row_diff);
    tcase_add_test(tc, test_cast_long_gap_capped);
    tcase_add_test(tc, test_cast_resize_times_markers);
    tcase_add_test(tc, test_cast_play);
    suite_add_tcase(s, tc);
    tc = tcase_create("chrome");
    tcase_add_test(tc, test_chrome_spans);
    suite_add_tcase(s, tc);
    tc = tcase_create("file");
    tcase_add_test(tc, test_file_atomic_no_overwrite);
    tcase_add_test(tc, test_file_commit_race_and_abort);
    tcase_add_test(tc, test_file_errors);
    suite_add_tcase(s, tc);
    return s;
}
