/* check_grid.c: the cell grid, the theme and the plain/ANSI writer
 * (src/view/grid.c, src/view/theme.c, src/out/plain.c).
 * Owns the grid suite: display widths, UTF-8 decoding, wide characters and
 * their halves, clipping with hostile coordinates, ellipsis, ASCII mode,
 * boxes, the theme's looks and palettes, and the exact bytes of plain and
 * ANSI output. A fixed-seed fuzz loop checks the grid's two promises after
 * every call: no orphan half of a wide character, and no write outside the
 * clip except the blanked other half of a wide character.
 * Knows nothing about panes or the recording. */
#include "suites.h"

#include "../src/out/plain.h"
#include "../src/view/grid.h"
#include "../src/view/theme.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* xorshift64*: fixed seed, the same sequence everywhere, so failures replay */
static uint64_t rng_state;

static void rng_seed(uint64_t s)
{
    rng_state = s ? s : 0x9e3779b97f4a7c15ULL;
}

static uint32_t rng(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545f4914f6cdd1dULL) >> 32) % n;
}

/* ------------------------------------------------------------ helpers */

enum { OUT_PLAIN, OUT_ANSI, OUT_MONO };

/* The writer's output as a string; the caller frees it. */
static char *render(const Grid *g, int mode)
{
    char *s = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&s, &n);
    ck_assert_ptr_nonnull(f);
    if (mode == OUT_PLAIN)
        plain_write(g, f);
    else
        plain_write_ansi(g, mode == OUT_ANSI, f);
    fclose(f);
    return s;
}

#define ck_render(g, mode, expect)                                          \
    do {                                                                    \
        char *got_ = render((g), (mode));                                   \
        if (strcmp(got_, (expect)) != 0)                                    \
            ck_abort_msg("output:\n%s\nexpected:\n%s", got_, (expect));    \
        free(got_);                                                         \
    } while (0)

static uint32_t ch_at(const Grid *g, int x, int y)
{
    const Cell *c = grid_at(g, x, y);
    ck_assert_ptr_nonnull(c);
    return c->ch;
}

static int flags_at(const Grid *g, int x, int y)
{
    return grid_at(g, x, y)->flags;
}

static int style_at(const Grid *g, int x, int y)
{
    return grid_at(g, x, y)->style;
}

/* Every CELL_WIDE is followed by a CELL_CONT in its row and every CELL_CONT
 * preceded by a CELL_WIDE; no cell is both; a CONT cell holds 0. Returns
 * NULL or what is wrong. */
static const char *pairs_broken(const Grid *g, int *bx, int *by)
{
    for (int y = 0; y < g->h; y++) {
        for (int x = 0; x < g->w; x++) {
            const Cell *c = grid_at(g, x, y);
            *bx = x, *by = y;
            if ((c->flags & CELL_WIDE) && (c->flags & CELL_CONT))
                return "both halves";
            if ((c->flags & CELL_WIDE) &&
                (x + 1 >= g->w || !(grid_at(g, x + 1, y)->flags & CELL_CONT)))
                return "wide without its right half";
            if ((c->flags & CELL_CONT) &&
                (x == 0 || !(grid_at(g, x - 1, y)->flags & CELL_WIDE)))
                return "right half without its left half";
            if ((c->flags & CELL_CONT) && c->ch != 0)
                return "right half holds a character";
            if ((c->flags & CELL_WIDE) && grid_cp_width(c->ch) != 2)
                return "wide cell holds a narrow character";
            if (!(c->flags & (CELL_WIDE | CELL_CONT)) && grid_cp_width(c->ch) != 1)
                return "narrow cell holds a wide or zero-width character";
        }
    }
    return NULL;
}

#define ck_pairs(g)                                                          \
    do {                                                                     \
        int bx_, by_;                                                        \
        const char *why_ = pairs_broken((g), &bx_, &by_);                    \
        if (why_)                                                            \
            ck_abort_msg("cell (%d, %d): %s", bx_, by_, why_);               \
    } while (0)

/* ------------------------------------------------------------ widths */

START_TEST(test_cp_width)
{
    static const struct {
        uint32_t cp;
        int w;
    } cases[] = {
        {'a', 1}, {' ', 1}, {'~', 1}, {0x00E9, 1} /* é */, {0x0416, 1} /* Ж */,
        {0x2192, 1} /* → */, {0x2026, 1} /* … */, {0x2500, 1} /* ─ */,
        {0x01, 1}, {0x7f, 1}, {0x9f, 1}, /* controls draw as U+FFFD */
        {0xD800, 1}, {0x110000, 1}, {0xFFFFFFFF, 1}, {0xFFFD, 1},
        /* combining and other zero-width marks */
        {0x0300, 0}, {0x0301, 0}, {0x036F, 0}, {0x0370, 1}, {0x02FF, 1},
        {0x0483, 0}, {0x0488, 0} /* Me */, {0x1AB0, 0}, {0x1DC0, 0}, {0x1DFF, 0},
        {0x20D0, 0}, {0x20DD, 0} /* enclosing circle, Me */, {0x20FF, 1},
        {0xFE20, 0}, {0xFE2F, 0}, {0x200B, 1} /* invisible: drawn as U+FFFD */, {0x200D, 0} /* ZWJ */,
        {0x202E, 1}, {0x2066, 1}, {0xFEFF, 1} /* bidi, BOM: drawn as U+FFFD */,
        {0xFE00, 0}, {0xFE0F, 0} /* VS16 */, {0xE0100, 0}, {0xE0067, 0} /* tag */,
        {0x1160, 0}, {0x11FF, 0},
        /* East Asian wide and fullwidth */
        {0x1100, 2}, {0x115F, 2}, {0x2E80, 2}, {0x2E7F, 1}, {0x3000, 2},
        {0x303E, 2}, {0x303F, 1}, {0x3041, 2}, {0x3042, 2} /* あ */, {0x30A2, 2},
        {0x3400, 2}, {0x4DBF, 2}, {0x4E00, 2}, {0x4E2D, 2} /* 中 */, {0x9FFF, 2},
        {0xA000, 2}, {0xA4C6, 2}, {0xA4D0, 1}, {0xAC00, 2} /* 가 */, {0xD7A3, 2},
        {0xD7A4, 1}, {0xF900, 2}, {0xFAFF, 2}, {0xFE30, 2}, {0xFE4F, 2},
        {0xFF01, 2}, {0xFF21, 2} /* Ａ */, {0xFF60, 2}, {0xFF61, 1} /* halfwidth */,
        {0xFFE0, 2}, {0xFFE6, 2}, {0xFFE7, 1},
        /* emoji */
        {0x1F300, 2}, {0x1F600, 2} /* 😀 */, {0x1F64F, 2}, {0x1F680, 2} /* 🚀 */,
        {0x1F914, 2} /* 🤔 */, {0x1F9FF, 2}, {0x1FA90, 2}, {0x231A, 2} /* ⌚ */,
        {0x26A1, 2} /* ⚡ */, {0x2705, 2} /* ✅ */, {0x274C, 2} /* ❌ */,
        {0x2B50, 2} /* ⭐ */, {0x1F321, 1} /* 🌡 text presentation */,
        {0x2764, 1} /* ❤ text presentation */, {0x2713, 1} /* ✓ */,
        {0x20000, 2}, {0x2A6DF, 2}, {0x3FFFD, 2}, {0x40000, 1}, {0x10FFFF, 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (grid_cp_width(cases[i].cp) != cases[i].w)
            ck_abort_msg("U+%04X: width %d, expected %d", (unsigned)cases[i].cp,
                         grid_cp_width(cases[i].cp), cases[i].w);
}
END_TEST

/* The table lookups against a plain scan: width 2 exactly inside these
 * blocks for every code point, width 1 in ASCII and Latin-1, and nothing
 * outside 0..2 anywhere. */
START_TEST(test_cp_width_blocks)
{
    static const uint32_t wide[][2] = {
        {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3}, {0x3041, 0x3096}, {0xFF01, 0xFF60},
        {0x1F600, 0x1F64F}, {0x1F947, 0x1F9FF}, {0x20000, 0x2FFFD},
    };
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        for (uint32_t cp = wide[i][0]; cp <= wide[i][1]; cp++)
            if (grid_cp_width(cp) != 2)
                ck_abort_msg("U+%04X should be wide", (unsigned)cp);
    for (uint32_t cp = 0x20; cp < 0x300; cp++)
        if (grid_cp_width(cp) != 1)
            ck_abort_msg("U+%04X should be narrow", (unsigned)cp);
    for (uint32_t cp = 0x300; cp <= 0x36F; cp++)
        if (grid_cp_width(cp) != 0)
            ck_abort_msg("U+%04X should be zero-width", (unsigned)cp);
    for (uint32_t cp = 0; cp <= 0x110000; cp++) {
        int w = grid_cp_width(cp);
        if (w < 0 || w > 2)
            ck_abort_msg("U+%04X: width %d", (unsigned)cp, w);
    }
}
END_TEST

START_TEST(test_text_width)
{
    ck_assert_int_eq(grid_text_width(""), 0);
    ck_assert_int_eq(grid_text_width(NULL), 0);
    ck_assert_int_eq(grid_text_width("hello"), 5);
    ck_assert_int_eq(grid_text_width("caf\xc3\xa9"), 4);                  /* café */
    ck_assert_int_eq(grid_text_width("cafe\xcc\x81"), 4);                 /* e + U+0301 */
    ck_assert_int_eq(grid_text_width("\xe4\xb8\xad\xe6\x96\x87"), 4);     /* 中文 */
    ck_assert_int_eq(grid_text_width("a\xf0\x9f\x98\x80!"), 4);           /* a😀! */
    /* 👍🏽 and a ZWJ family: our table counts each emoji, modifiers and ZWJ
     * are not joined (a cell holds one code point) */
    ck_assert_int_eq(grid_text_width("\xf0\x9f\x91\x8d"), 2);
    ck_assert_int_eq(grid_text_width("\xe2\x9d\xa4\xef\xb8\x8f"), 1);    /* ❤ VS16 */
    ck_assert_int_eq(grid_text_width("ab\ncd"), 2);                       /* stops at \n */
    ck_assert_int_eq(grid_text_width("\tx\x01"), 3);                      /* as drawn */
    ck_assert_int_eq(grid_text_width("\xff\xfe"), 2);                     /* 2 x U+FFFD */
    ck_assert_int_eq(grid_text_width("\xe4\xb8"), 2);                     /* truncated */
}
END_TEST

/* ------------------------------------------------------------ grid basics */

START_TEST(test_new_clear_resize)
{
    Grid *g = grid_new(4, 3, false);
    ck_assert_int_eq(g->w, 4);
    ck_assert_int_eq(g->h, 3);
    ck_assert(!g->ascii);
    ck_assert_int_eq(g->clip.x, 0);
    ck_assert_int_eq(g->clip.w, 4);
    ck_assert_int_eq(g->clip.h, 3);
    for (int y = 0; y < 3; y++)
        for (int x = 0; x < 4; x++) {
            ck_assert_uint_eq(ch_at(g, x, y), ' ');
            ck_assert_int_eq(style_at(g, x, y), ST_NORMAL);
            ck_assert_int_eq(flags_at(g, x, y), 0);
        }
    ck_assert_ptr_null(grid_at(g, -1, 0));
    ck_assert_ptr_null(grid_at(g, 4, 0));
    ck_assert_ptr_null(grid_at(g, 0, 3));
    ck_assert_ptr_null(grid_at(g, 0, -1));
    ck_assert_ptr_null(grid_at(g, INT_MIN, INT_MAX));

    grid_put(g, 1, 1, 'x', ST_BOLD);
    grid_clip(g, (Rect){1, 1, 1, 1});
    grid_clear(g);
    ck_assert_uint_eq(ch_at(g, 1, 1), ' ');
    ck_assert_int_eq(style_at(g, 1, 1), ST_NORMAL);
    ck_assert_int_eq(g->clip.w, 4); /* clear also unclips */

    grid_put(g, 0, 0, 'y', ST_BOLD);
    grid_clip(g, (Rect){0, 0, 1, 1});
    grid_resize(g, 7, 2);
    ck_assert_int_eq(g->w, 7);
    ck_assert_int_eq(g->h, 2);
    ck_assert_int_eq(g->clip.w, 7);
    ck_assert_int_eq(g->clip.h, 2);
    ck_assert_uint_eq(ch_at(g, 0, 0), ' ');
    ck_assert_uint_eq(ch_at(g, 6, 1), ' ');
    grid_put(g, 6, 1, 'z', ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 6, 1), 'z');

    grid_resize(g, 0, 0);
    ck_assert_ptr_null(grid_at(g, 0, 0));
    grid_put(g, 0, 0, 'x', ST_NORMAL);
    grid_text(g, 0, 0, 10, ST_NORMAL, "hello");
    grid_box(g, (Rect){0, 0, 5, 5}, ST_BORDER, "t", ST_TITLE);
    grid_free(g);

    g = grid_new(-5, 3, true);
    ck_assert_int_eq(g->w, 0);
    ck_assert(g->ascii);
    grid_fill(g, (Rect){0, 0, 10, 10}, '#', ST_NORMAL);
    ck_render(g, OUT_PLAIN, "\n\n\n");
    grid_free(g);
    grid_free(NULL);
}
END_TEST

START_TEST(test_put_and_controls)
{
    Grid *g = grid_new(6, 1, false);
    grid_put(g, 0, 0, 'a', ST_KEYWORD);
    grid_put(g, 1, 0, 0x01, ST_NORMAL);
    grid_put(g, 2, 0, 0x9b, ST_NORMAL);
    grid_put(g, 3, 0, 0xD800, ST_NORMAL);
    grid_put(g, 4, 0, 0x0301, ST_NORMAL); /* zero-width: dropped */
    grid_put(g, 5, 0, 0x00E9, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 0, 0), 'a');
    ck_assert_int_eq(style_at(g, 0, 0), ST_KEYWORD);
    ck_assert_uint_eq(ch_at(g, 1, 0), 0xFFFD);
    ck_assert_uint_eq(ch_at(g, 2, 0), 0xFFFD);
    ck_assert_uint_eq(ch_at(g, 3, 0), 0xFFFD);
    ck_assert_uint_eq(ch_at(g, 4, 0), ' ');
    ck_assert_uint_eq(ch_at(g, 5, 0), 0x00E9);
    g->ascii = true;
    grid_put(g, 1, 0, 0x1b, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 1, 0), '?');
    grid_free(g);
}
END_TEST

/* Bidi overrides and isolates, and other invisible format characters,
 * never reach a cell (a frame or the terminal): they show as U+FFFD, like
 * controls, and the text keeps its order. */
START_TEST(test_bidi_replaced)
{
    Grid *g = grid_new(8, 1, false);
    grid_text(g, 0, 0, 8, ST_NORMAL, "a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xef\xbb\xbf" "d");
    const uint32_t want[] = {'a', 0xFFFD, 'b', 0xFFFD, 'c', 0xFFFD, 'd'};
    for (int x = 0; x < 7; x++)
        ck_assert_uint_eq(ch_at(g, x, 0), want[x]);
    grid_free(g);
}
END_TEST

/* ------------------------------------------------------------ wide chars */

START_TEST(test_wide_put)
{
    Grid *g = grid_new(6, 1, false);
    grid_put(g, 1, 0, 0x4E2D, ST_RUNNING); /* 中 */
    ck_assert_uint_eq(ch_at(g, 1, 0), 0x4E2D);
    ck_assert_int_eq(flags_at(g, 1, 0), CELL_WIDE);
    ck_assert_uint_eq(ch_at(g, 2, 0), 0);
    ck_assert_int_eq(flags_at(g, 2, 0), CELL_CONT);
    ck_assert_int_eq(style_at(g, 2, 0), ST_RUNNING);
    ck_render(g, OUT_PLAIN, " \xe4\xb8\xad\n");
    ck_pairs(g);
    grid_free(g);
}
END_TEST

START_TEST(test_wide_right_edge)
{
    Grid *g = grid_new(5, 2, false);
    grid_put(g, 4, 0, 'z', ST_NORMAL);
    grid_put(g, 4, 0, 0x4E2D, ST_BOLD); /* half of it is off the grid */
    ck_assert_uint_eq(ch_at(g, 4, 0), ' ');
    ck_assert_int_eq(flags_at(g, 4, 0), 0);
    ck_assert_int_eq(style_at(g, 4, 0), ST_BOLD);
    /* text: the second 中 starts at the last column */
    ck_assert_int_eq(grid_text(g, 1, 1, 100, ST_NORMAL, "\xe4\xb8\xad\xe4\xb8\xad"), 4);
    ck_assert_int_eq(flags_at(g, 1, 1), CELL_WIDE);
    ck_assert_int_eq(flags_at(g, 3, 1), CELL_WIDE);
    ck_assert_int_eq(flags_at(g, 4, 1), CELL_CONT);
    grid_clear(g);
    ck_assert_int_eq(grid_text(g, 2, 1, 100, ST_NORMAL, "\xe4\xb8\xad\xe4\xb8\xad"), 4);
    ck_assert_uint_eq(ch_at(g, 4, 1), ' ');
    ck_assert_int_eq(flags_at(g, 4, 1), 0);
    ck_pairs(g);

    /* the clip's right edge acts the same, and leaves the cell beyond it */
    grid_clear(g);
    grid_put(g, 3, 0, 'q', ST_NORMAL);
    grid_clip(g, (Rect){0, 0, 3, 2});
    grid_put(g, 2, 0, 0x4E2D, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 2, 0), ' ');
    ck_assert_uint_eq(ch_at(g, 3, 0), 'q');
    /* and the left edge: the visible right half becomes a space */
    grid_unclip(g);
    grid_put(g, 0, 1, 'p', ST_NORMAL);
    grid_put(g, 1, 1, 'q', ST_NORMAL);
    grid_clip(g, (Rect){1, 0, 4, 2});
    grid_put(g, 0, 1, 0x4E2D, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 0, 1), 'p');
    ck_assert_uint_eq(ch_at(g, 1, 1), ' ');
    grid_unclip(g);
    grid_put(g, -1, 0, 0x4E2D, ST_NORMAL); /* off the grid's left edge */
    ck_assert_uint_eq(ch_at(g, 0, 0), ' ');
    ck_pairs(g);
    grid_free(g);
}
END_TEST

START_TEST(test_wide_overwrite_halves)
{
    Grid *g = grid_new(8, 1, false);
    /* narrow over the right half: the left half is blanked */
    grid_put(g, 2, 0, 0x4E2D, ST_RUNNING);
    grid_put(g, 3, 0, 'x', ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 2, 0), ' ');
    ck_assert_int_eq(flags_at(g, 2, 0), 0);
    ck_assert_int_eq(style_at(g, 2, 0), ST_RUNNING); /* the blank keeps its style */
    ck_assert_uint_eq(ch_at(g, 3, 0), 'x');
    ck_pairs(g);
    /* narrow over the left half: the right half is blanked */
    grid_put(g, 5, 0, 0x4E2D, ST_NORMAL);
    grid_put(g, 5, 0, 'y', ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 6, 0), ' ');
    ck_assert_int_eq(flags_at(g, 6, 0), 0);
    ck_render(g, OUT_PLAIN, "   x y\n");
    ck_pairs(g);
    /* wide over wide, shifted by one either way */
    grid_clear(g);
    grid_put(g, 2, 0, 0x4E2D, ST_NORMAL);
    grid_put(g, 3, 0, 0x6587, ST_NORMAL); /* 文 */
    ck_render(g, OUT_PLAIN, "   \xe6\x96\x87\n");
    ck_pairs(g);
    grid_clear(g);
    grid_put(g, 2, 0, 0x4E2D, ST_NORMAL);
    grid_put(g, 1, 0, 0x6587, ST_NORMAL);
    ck_render(g, OUT_PLAIN, " \xe6\x96\x87\n");
    ck_assert_uint_eq(ch_at(g, 3, 0), ' ');
    ck_assert_int_eq(flags_at(g, 3, 0), 0);
    ck_pairs(g);
    /* straddling two wide characters blanks both outer halves */
    grid_clear(g);
    grid_text(g, 0, 0, 8, ST_NORMAL, "\xe4\xb8\xad\xe4\xb8\xad\xe4\xb8\xad");
    grid_put(g, 1, 0, 0x6587, ST_NORMAL);
    ck_render(g, OUT_PLAIN, " \xe6\x96\x87 \xe4\xb8\xad\n");
    ck_pairs(g);
    /* the other half is blanked even when the clip hides it */
    grid_clear(g);
    grid_put(g, 2, 0, 0x4E2D, ST_NORMAL);
    grid_clip(g, (Rect){3, 0, 5, 1});
    grid_put(g, 3, 0, 'z', ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 2, 0), ' ');
    ck_pairs(g);
    /* fill and restyle over halves */
    grid_unclip(g);
    grid_put(g, 4, 0, 0x4E2D, ST_NORMAL);
    grid_fill(g, (Rect){5, 0, 3, 1}, '.', ST_DIM);
    ck_render(g, OUT_PLAIN, "   z ...\n");
    ck_pairs(g);
    grid_free(g);
}
END_TEST

START_TEST(test_fill_restyle)
{
    Grid *g = grid_new(6, 3, false);
    grid_fill(g, (Rect){1, 0, 5, 2}, 0x4E2D, ST_WAITING);
    ck_render(g, OUT_PLAIN, " \xe4\xb8\xad\xe4\xb8\xad\n \xe4\xb8\xad\xe4\xb8\xad\n\n");
    ck_assert_uint_eq(ch_at(g, 5, 0), ' '); /* the fifth column: no room for a third */
    ck_assert_int_eq(style_at(g, 5, 0), ST_WAITING);
    ck_pairs(g);
    /* clipping in the middle of the pattern keeps the pattern's phase */
    grid_clear(g);
    grid_clip(g, (Rect){2, 0, 4, 1});
    grid_fill(g, (Rect){0, 0, 6, 1}, 0x4E2D, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 0, 0), ' ');
    ck_assert_uint_eq(ch_at(g, 2, 0), 0x4E2D);
    ck_assert_uint_eq(ch_at(g, 4, 0), 0x4E2D);
    grid_unclip(g);
    grid_clear(g);
    grid_clip(g, (Rect){1, 0, 5, 1});
    grid_fill(g, (Rect){0, 0, 6, 1}, 0x4E2D, ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 1, 0), ' '); /* right half of a clipped 中 */
    ck_assert_uint_eq(ch_at(g, 2, 0), 0x4E2D);
    ck_pairs(g);
    /* zero-width fill draws nothing; restyle keeps characters */
    grid_unclip(g);
    grid_clear(g);
    grid_text(g, 0, 2, 6, ST_NORMAL, "abcdef");
    grid_fill(g, (Rect){0, 2, 6, 1}, 0x0301, ST_BOLD);
    ck_assert_uint_eq(ch_at(g, 0, 2), 'a');
    grid_restyle(g, (Rect){1, 2, 3, 5}, ST_CODE_CURRENT);
    ck_assert_int_eq(style_at(g, 0, 2), ST_NORMAL);
    ck_assert_int_eq(style_at(g, 1, 2), ST_CODE_CURRENT);
    ck_assert_int_eq(style_at(g, 3, 2), ST_CODE_CURRENT);
    ck_assert_int_eq(style_at(g, 4, 2), ST_NORMAL);
    ck_assert_uint_eq(ch_at(g, 2, 2), 'c');
    grid_clip(g, (Rect){0, 0, 2, 3});
    grid_restyle(g, (Rect){0, 0, 6, 3}, ST_DIM);
    ck_assert_int_eq(style_at(g, 1, 2), ST_DIM);
    ck_assert_int_eq(style_at(g, 2, 2), ST_CODE_CURRENT);
    grid_free(g);
}
END_TEST

/* ------------------------------------------------------------ clipping */

START_TEST(test_clip_basics)
{
    Grid *g = grid_new(6, 4, false);
    grid_clip(g, (Rect){2, 1, 100, 2});
    ck_assert_int_eq(g->clip.x, 2);
    ck_assert_int_eq(g->clip.y, 1);
    ck_assert_int_eq(g->clip.w, 4);
    ck_assert_int_eq(g->clip.h, 2);
    grid_fill(g, (Rect){0, 0, 6, 4}, '#', ST_NORMAL);
    ck_render(g, OUT_PLAIN, "\n  ####\n  ####\n\n");
    grid_unclip(g);
    grid_clear(g);
    grid_clip(g, (Rect){-3, -3, 5, 5}); /* only (0..1, 0..1) remains */
    ck_assert_int_eq(g->clip.x, 0);
    ck_assert_int_eq(g->clip.w, 2);
    ck_assert_int_eq(g->clip.h, 2);
    ck_assert_int_eq(grid_text(g, -1, 0, 10, ST_NORMAL, "abcdef"), 6);
    ck_render(g, OUT_PLAIN, "bc\n\n\n\n");
    /* a clip that misses the grid drops everything */
    grid_clip(g, (Rect){10, 10, 5, 5});
    ck_assert(g->clip.w == 0 || g->clip.h == 0);
    grid_fill(g, (Rect){0, 0, 6, 4}, '#', ST_NORMAL);
    grid_clip(g, (Rect){0, 0, -4, 3});
    grid_fill(g, (Rect){0, 0, 6, 4}, '#', ST_NORMAL);
    grid_clip(g, (Rect){INT_MAX, INT_MAX, INT_MAX, INT_MAX});
    grid_fill(g, (Rect){0, 0, 6, 4}, '#', ST_NORMAL);
    ck_render(g, OUT_PLAIN, "bc\n\n\n\n");
    grid_clip(g, (Rect){INT_MIN, INT_MIN, INT_MAX, INT_MAX}); /* ends at -1 */
    grid_fill(g, (Rect){0, 0, 6, 4}, '#', ST_NORMAL);
    ck_render(g, OUT_PLAIN, "bc\n\n\n\n");
    grid_clip(g, (Rect){INT_MIN, INT_MIN, INT_MAX, INT_MAX}); /* ends at -1 */
    grid_clip(g, (Rect){-1, -1, INT_MAX, INT_MAX});
    ck_assert_int_eq(g->clip.w, 6);
    ck_assert_int_eq(g->clip.h, 4);
    grid_free(g);
}
END_TEST

/* rect_and against a cell-by-cell count; hostile numbers do not overflow. */
START_TEST(test_rect_and)
{
    static const struct {
        Rect a, b, want;
    } cases[] = {
        {{0, 0, 10, 5}, {2, 1, 3, 2}, {2, 1, 3, 2}},      /* b inside a */
        {{0, 0, 4, 4}, {2, 3, 4, 4}, {2, 3, 2, 1}},       /* a corner */
        {{0, 0, 4, 4}, {4, 0, 2, 2}, {4, 0, 0, 2}},       /* touching: empty */
        {{0, 0, 4, 4}, {-9, -9, 2, 2}, {0, 0, 0, 0}},     /* apart: empty */
        {{0, 0, 4, 4}, {1, 1, -3, 2}, {1, 1, 0, 2}},      /* negative width */
        {{INT_MAX - 1, 0, INT_MAX, 3}, {0, 0, INT_MAX, INT_MAX}, {INT_MAX - 1, 0, 1, 3}},
        {{INT_MIN, INT_MIN, INT_MAX, INT_MAX}, {-5, -5, 10, 10}, {-5, -5, 4, 4}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Rect got = rect_and(cases[i].a, cases[i].b), want = cases[i].want, back = rect_and(cases[i].b, cases[i].a);
        ck_assert_msg(got.x == want.x && got.y == want.y && got.w == want.w && got.h == want.h,
                      "case %zu: {%d,%d,%d,%d}", i, got.x, got.y, got.w, got.h);
        ck_assert(back.x == got.x && back.y == got.y && back.w == got.w && back.h == got.h);
    }
}
END_TEST

/* A pushed clip stays inside the one before it; popping puts that back. */
START_TEST(test_clip_push_pop)
{
    Grid *g = grid_new(8, 4, false);
    grid_clip(g, (Rect){1, 1, 5, 2});
    Rect old = grid_clip_push(g, (Rect){3, 0, 100, 100});
    ck_assert(old.x == 1 && old.y == 1 && old.w == 5 && old.h == 2);
    ck_assert(g->clip.x == 3 && g->clip.y == 1 && g->clip.w == 3 && g->clip.h == 2);
    grid_fill(g, (Rect){0, 0, 8, 4}, '#', ST_NORMAL);
    ck_render(g, OUT_PLAIN, "\n   ###\n   ###\n\n");
    Rect inner = grid_clip_push(g, (Rect){0, 0, 2, 2}); /* misses the clip: nothing */
    ck_assert(g->clip.w == 0 && g->clip.h == 0);
    grid_clip_pop(g, inner);
    ck_assert(g->clip.x == 3 && g->clip.w == 3);
    grid_clip_pop(g, old);
    ck_assert(g->clip.x == 1 && g->clip.y == 1 && g->clip.w == 5 && g->clip.h == 2);
    grid_free(g);
}
END_TEST

START_TEST(test_clip_hostile_coordinates)
{
    static const int v[] = {INT_MIN, INT_MIN + 1, -1000000, -3, -1, 0, 1, 3,
                            5, 1000000, INT_MAX - 1, INT_MAX};
    enum { NV = sizeof v / sizeof v[0] };
    Grid *g = grid_new(5, 3, false);
    for (int i = 0; i < NV; i++)
        for (int j = 0; j < NV; j++)
            for (int k = 0; k < NV; k++) {
                int x = v[i], y = v[j], n = v[k];
                bool inside = x >= 0 && x < 5 && y >= 0 && y < 3;
                grid_clear(g);
                grid_put(g, x, y, 0x4E2D, ST_NORMAL);
                grid_put(g, x, y, 'x', ST_NORMAL);
                grid_text(g, x, y, n, ST_NORMAL, "hello \xe4\xb8\xad world");
                grid_fill(g, (Rect){x, y, n, n}, 0x4E2D, ST_BOLD);
                grid_fill(g, (Rect){x, y, n, 1}, '=', ST_BOLD);
                grid_restyle(g, (Rect){x, y, n, n}, ST_DIM);
                grid_hline(g, x, y, n, ST_BORDER);
                grid_vline(g, x, y, n, ST_BORDER);
                grid_box(g, (Rect){x, y, n, n}, ST_BORDER, "title", ST_TITLE);
                grid_box(g, (Rect){x, y, n, 3}, ST_BORDER, "t\xe4\xb8\xad", ST_TITLE);
                grid_clip(g, (Rect){x, y, n, n});
                grid_fill(g, (Rect){y, x, n, n}, '*', ST_NORMAL);
                grid_unclip(g);
                ck_pairs(g);
                Rect in = rect_inset((Rect){x, y, n, n}, n);
                ck_assert(in.w >= 0 && in.h >= 0);
                if (!inside && n <= 0) {
                    /* nothing may have landed: every cell is still blank */
                    for (int cy = 0; cy < 3; cy++)
                        for (int cx = 0; cx < 5; cx++)
                            if (ch_at(g, cx, cy) != ' ')
                                ck_abort_msg("x=%d y=%d n=%d wrote (%d,%d)", x, y, n, cx, cy);
                }
            }
    grid_free(g);
}
END_TEST

/* Random calls, each under a random clip. After every call: the pairs hold,
 * every changed cell lies inside the clip and inside the area the call
 * names, or is a blanked other half of a wide character that was cut. */
static const char *const fuzz_texts[] = {
    "", "a", "hello world", "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", "a\xe4\xb8\xad" "b",
    "x\xf0\x9f\x98\x80y\xf0\x9f\xa4\x94", "e\xcc\x81\xe2\x80\x8d\xef\xb8\x8f", "tab\there",
    "nl\nafter", "\xff\xc0\xaf\xed\xa0\x80\xe4\xb8", "\x01\x1b[31m", "\xe2\x86\x92\xe2\x80\xa6",
    "\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90", "wide\xef\xbc\xa1\xef\xbc\xa2",
};

static int fuzz_coord(void)
{
    static const int extremes[] = {INT_MIN, INT_MIN + 1, INT_MAX, INT_MAX - 1, -1000000, 1000000};
    if (rng(10) == 0)
        return extremes[rng(sizeof extremes / sizeof extremes[0])];
    return (int)rng(24) - 6;
}

static uint32_t fuzz_cp(void)
{
    static const uint32_t cps[] = {'a', ' ', 0x4E2D, 0x1F600, 0x0301, 0x200D, 0x01, 0x2500,
                                   0x2192, 0xFF21, 0xD800, 0x110000, 0x00E9, 0x3000};
    return cps[rng(sizeof cps / sizeof cps[0])];
}

static bool in_area(long long x, long long y, long long ax, long long ay, long long aw, long long ah)
{
    return x >= ax && x < ax + aw && y >= ay && y < ay + ah;
}

START_TEST(test_fuzz_clip_and_pairs)
{
    rng_seed(0x5eed0000u + (uint64_t)_i);
    int w = 1 + (int)rng(14), h = 1 + (int)rng(6);
    Grid *g = grid_new(w, h, rng(4) == 0);
    Cell *before = malloc((size_t)w * (size_t)h * sizeof *before);
    for (int step = 0; step < 3000; step++) {
        if (rng(3) == 0)
            grid_unclip(g);
        else
            grid_clip(g, (Rect){fuzz_coord(), fuzz_coord(), fuzz_coord(), fuzz_coord()});
        Rect clip = g->clip;
        memcpy(before, g->cells, (size_t)w * (size_t)h * sizeof *before);
        int x = fuzz_coord(), y = fuzz_coord(), a = fuzz_coord(), b = fuzz_coord();
        Style st = (Style)rng(ST_COUNT);
        long long ax = x, ay = y, aw = 0, ah = 0; /* the area the call may write */
        int op = (int)rng(8);
        switch (op) {
        case 0:
            grid_put(g, x, y, fuzz_cp(), st);
            aw = 2, ah = 1;
            break;
        case 1: {
            int used = grid_text(g, x, y, a, st, fuzz_texts[rng(sizeof fuzz_texts / sizeof fuzz_texts[0])]);
            ck_assert_int_ge(used, 0);
            ck_assert_int_le(used, a > 0 ? a : 0);
            aw = a, ah = 1;
            break;
        }
        case 2:
            grid_fill(g, (Rect){x, y, a, b}, fuzz_cp(), st);
            aw = a, ah = b;
            break;
        case 3:
            grid_restyle(g, (Rect){x, y, a, b}, st);
            aw = a, ah = b;
            break;
        case 4:
            grid_box(g, (Rect){x, y, a, b}, st,
                     fuzz_texts[rng(sizeof fuzz_texts / sizeof fuzz_texts[0])], ST_TITLE);
            aw = a, ah = b;
            break;
        case 5:
            grid_hline(g, x, y, a, st);
            aw = a, ah = 1;
            break;
        case 6:
            grid_vline(g, x, y, a, st);
            aw = 1, ah = a;
            break;
        default:
            grid_textf(g, x, y, a, st, "%d:\xe4\xb8\xad%s", b, "\xf0\x9f\x98\x80");
            aw = a, ah = 1;
            break;
        }
        ck_pairs(g);
        for (int cy = 0; cy < h; cy++)
            for (int cx = 0; cx < w; cx++) {
                const Cell *o = &before[cy * w + cx], *c = grid_at(g, cx, cy);
                if (memcmp(o, c, sizeof *c) == 0)
                    continue;
                bool ok = in_area(cx, cy, clip.x, clip.y, clip.w, clip.h) &&
                          in_area(cx, cy, ax, ay, aw, ah);
                if (!ok)  /* must be the other half of a wide character, blanked */
                    ok = (o->flags & (CELL_WIDE | CELL_CONT)) && c->ch == ' ' &&
                         c->flags == 0 && c->style == o->style;
                if (!ok)
                    ck_abort_msg("seed %d step %d op %d (x=%d y=%d a=%d b=%d, clip %d,%d %dx%d) "
                                 "changed (%d, %d)", _i, step, op, x, y, a, b, clip.x,
                                 clip.y, clip.w, clip.h, cx, cy);
            }
        if (g->ascii)
            for (int i = 0; i < w * h; i++)
                ck_assert_uint_lt(g->cells[i].ch, 0x80);
    }
    free(before);
    grid_free(g);
}
END_TEST

/* ------------------------------------------------------------ text */

/* grid_utf8_next on its own: strict, and a sequence cut short by n is as
 * bad as one cut short by a NUL. */
START_TEST(test_utf8_next)
{
    static const struct {
        const char *s;
        size_t n, used;
        uint32_t cp;
    } cases[] = {
        {"a", 1, 1, 'a'},
        {"\xe4\xb8\xad", 3, 3, 0x4E2D},
        {"\xe4\xb8\xad", SIZE_MAX, 3, 0x4E2D},
        {"\xe4\xb8\xad", 2, 1, 0xFFFD},           /* cut short by n */
        {"\xe4\xb8", SIZE_MAX, 1, 0xFFFD},          /* cut short by the NUL */
        {"\xf0\x9f\x98\x80", 4, 4, 0x1F600},
        {"\xc0\xaf", 2, 1, 0xFFFD},                /* overlong */
        {"\xed\xa0\x80", 3, 1, 0xFFFD},            /* surrogate */
        {"\xf4\x90\x80\x80", 4, 1, 0xFFFD},        /* past U+10FFFF */
        {"\x80" "a", 2, 1, 0xFFFD},                 /* stray continuation byte */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint32_t cp = 0;
        size_t used = grid_utf8_next(cases[i].s, cases[i].n, &cp);
        ck_assert_msg(used == cases[i].used && cp == cases[i].cp, "case %zu: %zu bytes, U+%04X", i, used,
                      (unsigned)cp);
    }
}
END_TEST

/* One grid_text call: the text, the width it gets, the columns it must
 * report and the plain output it must leave. */
typedef struct TextCase {
    const char *text;
    int maxw, used;
    const char *out;
} TextCase;

/* Each case drawn at (0, 0) of g, cleared first; wide characters keep
 * both halves. */
static void check_text_cases(Grid *g, const TextCase *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        grid_clear(g);
        int used = grid_text(g, 0, 0, cases[i].maxw, ST_NORMAL, cases[i].text);
        char *got = render(g, OUT_PLAIN);
        char want[64];
        snprintf(want, sizeof want, "%s\n", cases[i].out);
        if (used != cases[i].used || strcmp(got, want) != 0)
            ck_abort_msg("case %zu: used %d, drew '%s'; expected %d, '%s'", i, used, got,
                         cases[i].used, cases[i].out);
        free(got);
        ck_pairs(g);
    }
}

START_TEST(test_text_ellipsis)
{
    Grid *g = grid_new(12, 1, false);
    static const TextCase cases[] = {
        {"abcdef", 4, 4, "abc\xe2\x80\xa6"},
        {"abcd", 4, 4, "abcd"},                 /* exact fit: no ellipsis */
        {"abcd\nefgh", 4, 4, "abcd"},           /* the newline ends the text */
        {"ab", 1, 1, "\xe2\x80\xa6"},
        {"a", 1, 1, "a"},
        {"abc", 0, 0, ""},
        {"abc", -7, 0, ""},
        {"", 5, 0, ""},
        {"\nabc", 5, 0, ""},
        {"ab\xe4\xb8\xad", 3, 3, "ab\xe2\x80\xa6"},
        {"ab\xe4\xb8\xad", 4, 4, "ab\xe4\xb8\xad"},
        /* the wide character would reach the ellipsis column: dropped */
        {"a\xe4\xb8\xad" "b", 3, 2, "a\xe2\x80\xa6"},
        {"\xe4\xb8\xad\xe6\x96\x87", 3, 3, "\xe4\xb8\xad\xe2\x80\xa6"},
        {"\xe4\xb8\xad\xe6\x96\x87", 2, 1, "\xe2\x80\xa6"},
        /* zero-width characters take no room, so this fits */
        {"cafe\xcc\x81!", 5, 5, "cafe!"},
        {"a\tb", 3, 3, "a b"},
        {"a\x01" "b", 3, 3, "a\xef\xbf\xbd" "b"},
        {"\xff" "a", 5, 2, "\xef\xbf\xbd" "a"},
        {"\xc0\xaf", 5, 2, "\xef\xbf\xbd\xef\xbf\xbd"},                     /* overlong */
        {"\xe0\x80\xaf", 5, 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},    /* overlong '/' */
        {"\xf0\x82\x82\xac", 9, 4,
         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},               /* overlong '€' */
        {"\xed\xa0\x80", 5, 3, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},    /* surrogate */
        {"\xf4\x90\x80\x80", 9, 4,
         "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},               /* > U+10FFFF */
        {"x\xe4\xb8", 5, 3, "x\xef\xbf\xbd\xef\xbf\xbd"},                   /* truncated */
        {"\xf0\x9f\x98\x80 ok", 9, 5, "\xf0\x9f\x98\x80 ok"},
        {"\xe2\x86\x92 \xe2\x80\xa6", 9, 3, "\xe2\x86\x92 \xe2\x80\xa6"},
    };
    check_text_cases(g, cases, sizeof cases / sizeof cases[0]);
    /* text with a style, and NULL text */
    grid_clear(g);
    ck_assert_int_eq(grid_text(g, 2, 0, 5, ST_STRING, "ab"), 2);
    ck_assert_int_eq(style_at(g, 2, 0), ST_STRING);
    ck_assert_int_eq(style_at(g, 4, 0), ST_NORMAL);
    ck_assert_int_eq(grid_text(g, 0, 0, 5, ST_NORMAL, NULL), 0);
    /* the columns are counted off the grid too, clipped or not */
    ck_assert_int_eq(grid_text(g, 0, -4, 20, ST_NORMAL, "hello"), 5);
    ck_assert_int_eq(grid_text(g, 10, 0, 20, ST_NORMAL, "hello"), 5);
    ck_assert_int_eq(grid_text(g, INT_MAX - 1, 0, INT_MAX, ST_NORMAL, "hello"), 5);
    ck_render(g, OUT_PLAIN, "  ab      he\n");
    grid_free(g);
}
END_TEST

START_TEST(test_textf)
{
    Grid *g = grid_new(16, 1, false);
    ck_assert_int_eq(grid_textf(g, 0, 0, 16, ST_NORMAL, "%s(%d) %.2f", "sleep", 2, 1.5), 13);
    ck_render(g, OUT_PLAIN, "sleep(2) 1.50\n");
    grid_clear(g);
    ck_assert_int_eq(grid_textf(g, 0, 0, 6, ST_NORMAL, "task %s", "fetch_user"), 6);
    ck_render(g, OUT_PLAIN, "task \xe2\x80\xa6\n");
    /* longer than any fixed buffer */
    char big[3001];
    memset(big, 'x', 3000);
    big[3000] = '\0';
    grid_clear(g);
    ck_assert_int_eq(grid_textf(g, 0, 0, 4000, ST_NORMAL, "%s|%s", big, "end"), 3004);
    grid_free(g);
}
END_TEST

/* ------------------------------------------------------------ ASCII mode */

START_TEST(test_ascii_mode)
{
    Grid *g = grid_new(16, 1, true);
    static const TextCase cases[] = {
        {"a \xe2\x86\x92 b", 9, 5, "a > b"},
        {"wait\xe2\x80\xa6", 9, 5, "wait~"},
        {"abcdef", 4, 4, "abc~"},                                   /* ASCII ellipsis */
        {"\xe2\x94\x8c\xe2\x94\x80\xe2\x94\x90\xe2\x94\x82\xe2\x94\x94\xe2\x94\x98", 9, 6,
         "+-+|++"},                                                  /* ┌─┐│└┘ */
        {"caf\xc3\xa9", 9, 4, "caf?"},
        {"\xe4\xb8\xad\xe6\x96\x87!", 9, 3, "?" "?!"},                 /* a wide char: one '?' */
        {"\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", 3, 3, "???"},     /* fits as 3 columns */
        {"\xf0\x9f\x98\x80", 9, 1, "?"},
        {"e\xcc\x81", 9, 1, "e"},                                   /* marks still dropped */
        {"\x01\xff", 9, 2, "??"},
        {"\xe2\x80\x94\xe2\x80\x9cq\xe2\x80\x9d", 9, 4, "-\"q\""},
    };
    check_text_cases(g, cases, sizeof cases / sizeof cases[0]);
    grid_clear(g);
    grid_put(g, 0, 0, 0x2192, ST_NORMAL);
    grid_put(g, 1, 0, 0x4E2D, ST_NORMAL);
    grid_put(g, 2, 0, 0x2551, ST_NORMAL);
    grid_put(g, 3, 0, 0x256D, ST_NORMAL);
    grid_put(g, 4, 0, 0xFFFD, ST_NORMAL);
    ck_render(g, OUT_PLAIN, ">?|+?\n");
    ck_assert_int_eq(flags_at(g, 1, 0), 0);
    ck_assert_int_eq(flags_at(g, 2, 0), 0);
    grid_free(g);
}
END_TEST

/* ------------------------------------------------------------ boxes */

START_TEST(test_box)
{
    Grid *g = grid_new(12, 4, false);
    grid_box(g, (Rect){0, 0, 12, 4}, ST_BORDER, "tasks", ST_TITLE);
    ck_render(g, OUT_PLAIN,
              "\xe2\x94\x8c tasks \xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x90\n"
              "\xe2\x94\x82          \xe2\x94\x82\n"
              "\xe2\x94\x82          \xe2\x94\x82\n"
              "\xe2\x94\x94\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
              "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x98\n");
    ck_assert_int_eq(style_at(g, 0, 0), ST_BORDER);
    ck_assert_int_eq(style_at(g, 1, 0), ST_BORDER);
    ck_assert_int_eq(style_at(g, 2, 0), ST_TITLE);
    ck_assert_int_eq(style_at(g, 6, 0), ST_TITLE);
    ck_assert_int_eq(style_at(g, 7, 0), ST_BORDER);
    ck_assert_int_eq(style_at(g, 0, 1), ST_BORDER);
    ck_assert_int_eq(style_at(g, 1, 1), ST_NORMAL); /* the inside is left alone */

    /* ASCII, long title cut with an ellipsis; a wide title */
    g->ascii = true;
    grid_clear(g);
    grid_box(g, (Rect){0, 0, 12, 3}, ST_BORDER, "a long title", ST_TITLE);
    grid_box(g, (Rect){0, 3, 7, 1}, ST_BORDER, NULL, ST_TITLE);
    ck_render(g, OUT_PLAIN, "+ a long ~ +\n|          |\n+----------+\n-------\n");
    g->ascii = false;
    grid_clear(g);
    grid_box(g, (Rect){1, 0, 9, 2}, ST_BORDER, "\xe4\xb8\xad\xe6\x96\x87\xe5\xad\x97", ST_TITLE);
    ck_render(g, OUT_PLAIN,
              " \xe2\x94\x8c \xe4\xb8\xad\xe6\x96\x87\xe2\x80\xa6 \xe2\x94\x90\n"
              " \xe2\x94\x94\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
              "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x98\n\n\n");
    ck_pairs(g);
    grid_free(g);
}
END_TEST

START_TEST(test_box_small)
{
    Grid *g = grid_new(6, 3, true);
    static const struct {
        Rect r;
        const char *title;
        const char *out;
    } cases[] = {
        {{0, 0, 0, 0}, "t", "\n\n\n"},
        {{0, 0, 3, 0}, "t", "\n\n\n"},
        {{0, 0, -2, -2}, "t", "\n\n\n"},
        {{0, 0, 1, 1}, "t", "|\n\n\n"},
        {{0, 0, 1, 3}, "t", "|\n|\n|\n"},
        {{0, 0, 4, 1}, "t", "----\n\n\n"},
        {{0, 0, 2, 2}, "t", "++\n++\n\n"},
        {{0, 0, 4, 2}, "title", "+--+\n+--+\n\n"},      /* no room for a title */
        {{0, 0, 5, 2}, "title", "+ ~ +\n+---+\n\n"},
        {{0, 0, 6, 2}, "ab", "+ ab +\n+----+\n\n"},
        {{0, 0, 6, 2}, "", "+----+\n+----+\n\n"},
        {{0, 0, 6, 2}, "\n", "+----+\n+----+\n\n"},
        {{0, 0, 6, 2}, "\xcc\x81", "+----+\n+----+\n\n"}, /* nothing visible */
        {{0, 0, 6, 3}, "a", "+ a -+\n|    |\n+----+\n"},
        {{-2, -1, 6, 3}, "title", "   |\n---+\n\n"},
        {{3, 1, 100, 100}, "x", "\n   + x\n   |\n"},
        {{2, 0, 3, INT_MAX}, NULL, "  +-+\n  | |\n  | |\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        grid_clear(g);
        grid_box(g, cases[i].r, ST_BORDER, cases[i].title, ST_TITLE);
        char *got = render(g, OUT_PLAIN);
        if (strcmp(got, cases[i].out) != 0)
            ck_abort_msg("case %zu:\n%s\nexpected:\n%s", i, got, cases[i].out);
        free(got);
    }
    grid_free(g);
}
END_TEST

START_TEST(test_lines_and_inset)
{
    Grid *g = grid_new(5, 3, false);
    grid_hline(g, 1, 0, 3, ST_BORDER);
    grid_vline(g, 0, 0, 3, ST_BORDER);
    grid_hline(g, 2, 2, 100, ST_BORDER);
    ck_render(g, OUT_PLAIN,
              "\xe2\x94\x82\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n"
              "\xe2\x94\x82\n"
              "\xe2\x94\x82 \xe2\x94\x80\xe2\x94\x80\xe2\x94\x80\n");
    grid_free(g);

    Rect r = rect_inset((Rect){2, 3, 10, 6}, 1);
    ck_assert(r.x == 3 && r.y == 4 && r.w == 8 && r.h == 4);
    r = rect_inset((Rect){2, 3, 10, 6}, 3);
    ck_assert(r.x == 5 && r.y == 6 && r.w == 4 && r.h == 0);
    r = rect_inset((Rect){2, 3, 10, 6}, 9);
    ck_assert(r.w == 0 && r.h == 0);
    r = rect_inset((Rect){2, 3, 10, 6}, -1);
    ck_assert(r.x == 1 && r.y == 2 && r.w == 12 && r.h == 8);
    r = rect_inset((Rect){2, 3, 10, 6}, 0);
    ck_assert(r.x == 2 && r.y == 3 && r.w == 10 && r.h == 6);
    r = rect_inset((Rect){INT_MAX, INT_MIN, INT_MAX, 5}, INT_MIN);
    ck_assert(r.w >= 0 && r.h >= 0);
}
END_TEST

/* ------------------------------------------------------------ theme */

static const Style task_states[] = {ST_RUNNING, ST_WAITING, ST_READY, ST_DONE,
                                    ST_RAISED, ST_CANCELLED, ST_NEVER};

static bool same_look(StyleAttr a, StyleAttr b)
{
    return a.fg == b.fg && a.bg == b.bg && a.attr == b.attr;
}

START_TEST(test_theme_rules)
{
    for (int s = 0; s < ST_COUNT; s++) {
        StyleAttr c = theme_style((Style)s, true), m = theme_style((Style)s, false);
        /* plain ANSI colours only: bright ones vanish on one background */
        if (c.fg < -1 || c.fg > 6 || c.fg == 0 || c.bg != -1)
            ck_abort_msg("style %d: fg %d bg %d", s, c.fg, c.bg);
        if (m.fg != -1 || m.bg != -1)
            ck_abort_msg("style %d: monochrome has a colour", s);
        const uint8_t all = ATTR_BOLD | ATTR_DIM | ATTR_REVERSE | ATTR_UNDERLINE | ATTR_ITALIC;
        ck_assert_uint_eq(c.attr & ~all, 0);
        ck_assert_uint_eq(m.attr & ~all, 0);
    }
    /* ordinary text keeps the terminal's colours */
    static const Style plain[] = {ST_NORMAL, ST_CODE, ST_LOG};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        StyleAttr a = theme_style(plain[i], true);
        ck_assert(a.fg == -1 && a.bg == -1 && a.attr == 0);
    }
    /* highlights are reverse video in both forms */
    static const Style hi[] = {ST_CODE_CURRENT, ST_LOG_CURRENT, ST_HEADER};
    for (size_t i = 0; i < sizeof hi / sizeof hi[0]; i++) {
        ck_assert(theme_style(hi[i], true).attr & ATTR_REVERSE);
        ck_assert(theme_style(hi[i], false).attr & ATTR_REVERSE);
    }
    /* the playhead is a solid block: reverse video would paint it in the
     * background colour, a hole in the track */
    ck_assert(!(theme_style(ST_PLAYHEAD, true).attr & ATTR_REVERSE));
    ck_assert(!(theme_style(ST_PLAYHEAD, false).attr & ATTR_REVERSE));
    ck_assert(theme_style(ST_PLAYHEAD, false).attr & ATTR_BOLD);
    ck_assert_int_eq(theme_style(ST_RUNNING, true).fg, 2);
    ck_assert_int_eq(theme_style(ST_WAITING, true).fg, 3);
    ck_assert_int_eq(theme_style(ST_READY, true).fg, 6);
    ck_assert_int_eq(theme_style(ST_RAISED, true).fg, 1);
    ck_assert_int_eq(theme_style(ST_CANCELLED, true).fg, 5);
    ck_assert_int_eq(theme_style(ST_BLOCKED, true).fg, 1);
    ck_assert(theme_style(ST_COMMENT, true).attr & ATTR_DIM);
    ck_assert(theme_style(ST_LOG_TIME, false).attr & ATTR_DIM);
    ck_assert(theme_style(ST_RUNNING, false).attr == ATTR_BOLD);
    ck_assert(theme_style(ST_WAITING, false).attr == 0);
    ck_assert(theme_style(ST_READY, false).attr == ATTR_UNDERLINE);
    ck_assert(theme_style(ST_DONE, false).attr == ATTR_DIM);
    ck_assert(theme_style(ST_RAISED, false).attr == (ATTR_BOLD | ATTR_UNDERLINE));
    /* task states are told apart in both forms */
    enum { NS = sizeof task_states / sizeof task_states[0] };
    for (int i = 0; i < NS; i++)
        for (int j = i + 1; j < NS; j++)
            for (int color = 0; color < 2; color++)
                if (same_look(theme_style(task_states[i], color),
                              theme_style(task_states[j], color)))
                    ck_abort_msg("states %d and %d look alike (color %d)", task_states[i],
                                 task_states[j], color);
    /* in monochrome, the current code line differs from the others */
    ck_assert(!same_look(theme_style(ST_CODE_CURRENT, false), theme_style(ST_CODE, false)));
    ck_assert(!same_look(theme_style(ST_CODE_WAITING, false), theme_style(ST_CODE, false)));
    ck_assert(!same_look(theme_style(ST_CODE_WAITING, false), theme_style(ST_CODE_CURRENT, false)));
    /* a style outside the enum reads as ST_NORMAL */
    ck_assert(same_look(theme_style(ST_COUNT, true), theme_style(ST_NORMAL, true)));
    ck_assert(same_look(theme_style((Style)200, false), theme_style(ST_NORMAL, false)));
}
END_TEST

static double channel(uint32_t rgb, int shift)
{
    double c = ((rgb >> shift) & 0xff) / 255.0;
    return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t rgb)
{
    return 0.2126 * channel(rgb, 16) + 0.7152 * channel(rgb, 8) + 0.0722 * channel(rgb, 0);
}

static double contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

START_TEST(test_theme_palettes)
{
    const Palette *dark = theme_palette(true), *light = theme_palette(false);
    ck_assert_ptr_ne(dark, light);
    ck_assert(luminance(dark->bg) < 0.05);
    ck_assert(luminance(light->bg) > 0.85);
    const Palette *ps[2] = {dark, light};
    for (int p = 0; p < 2; p++) {
        const Palette *pal = ps[p];
        if (contrast(pal->fg, pal->bg) < 7.0)
            ck_abort_msg("palette %d: text contrast %.2f", p, contrast(pal->fg, pal->bg));
        for (int i = 0; i < 16; i++) {
            ck_assert_uint_le(pal->ansi[i], 0xffffff);
            bool accent = (i >= 1 && i <= 6) || (i >= 9 && i <= 14);
            if (accent && contrast(pal->ansi[i], pal->bg) < 4.0)
                ck_abort_msg("palette %d: colour %d contrast %.2f", p, i,
                             contrast(pal->ansi[i], pal->bg));
        }
        /* the two reds, greens... are distinct colours */
        for (int i = 0; i < 16; i++)
            for (int j = i + 1; j < 16; j++)
                if (i != 7 && j != 7 && pal->ansi[i] == pal->ansi[j])
                    ck_abort_msg("palette %d: colours %d and %d are equal", p, i, j);
    }
    /* the light palette's white is still readable text */
    ck_assert(contrast(light->ansi[7], light->bg) >= 4.0);
    ck_assert(contrast(dark->ansi[7], dark->bg) >= 7.0);
}
END_TEST

/* ------------------------------------------------------------ plain */

START_TEST(test_plain_write)
{
    Grid *g = grid_new(8, 4, false);
    grid_text(g, 0, 0, 8, ST_BOLD, "ab   ");               /* trailing spaces */
    grid_text(g, 2, 1, 8, ST_NORMAL, "\xe4\xb8\xad x");      /* wide written once */
    grid_fill(g, (Rect){0, 2, 8, 1}, ' ', ST_CODE_CURRENT); /* styled blanks */
    grid_text(g, 7, 3, 1, ST_NORMAL, "z");                  /* last column */
    ck_render(g, OUT_PLAIN, "ab\n  \xe4\xb8\xad x\n\n       z\n");
    /* a cell holding 0 outside a wide pair prints as a space */
    g->cells[0].ch = 0;
    ck_render(g, OUT_PLAIN, " b\n  \xe4\xb8\xad x\n\n       z\n");
    grid_free(g);

    g = grid_new(0, 0, false);
    ck_render(g, OUT_PLAIN, "");
    ck_render(g, OUT_ANSI, "");
    grid_free(g);
    g = grid_new(3, 2, false);
    ck_render(g, OUT_PLAIN, "\n\n");
    grid_put(g, 1, 1, 0x1F600, ST_NORMAL);
    ck_render(g, OUT_PLAIN, "\n \xf0\x9f\x98\x80\n");
    grid_free(g);
}
END_TEST

START_TEST(test_ansi_write)
{
    Grid *g = grid_new(10, 3, false);
    grid_text(g, 0, 0, 10, ST_RUNNING, "run");
    grid_text(g, 4, 0, 10, ST_KEYWORD, "await");
    grid_fill(g, (Rect){0, 1, 6, 1}, ' ', ST_CODE_CURRENT);
    grid_text(g, 0, 1, 6, ST_CODE_CURRENT, "cur");
    grid_text(g, 0, 2, 10, ST_NORMAL, "plain   ");
    ck_render(g, OUT_ANSI,
              "\x1b[1;32mrun\x1b[22;39m \x1b[35mawait\x1b[0m\n"
              "\x1b[1;7mcur   \x1b[0m\n"      /* reverse blanks are kept */
              "plain\x1b[0m\n");
    ck_render(g, OUT_MONO,
              "\x1b[1mrun\x1b[22m \x1b[1mawait\x1b[0m\n"
              "\x1b[1;7mcur   \x1b[0m\n"
              "plain\x1b[0m\n");
    /* ANSI without styles is the plain text plus the resets */
    Grid *p = grid_new(4, 2, false);
    grid_text(p, 0, 0, 4, ST_NORMAL, "\xe4\xb8\xad" "a");
    ck_render(p, OUT_ANSI, "\xe4\xb8\xad" "a\x1b[0m\n\x1b[0m\n");
    grid_free(p);

    /* transitions: bold to dim needs 22 then 2; dim+italic to bold; colours
     * to default with 39; underline and reverse switched off on their own */
    grid_clear(g);
    grid_put(g, 0, 0, 'a', ST_BOLD);
    grid_put(g, 1, 0, 'b', ST_DIM);
    grid_put(g, 2, 0, 'c', ST_COMMENT);
    grid_put(g, 3, 0, 'd', ST_BOLD);
    grid_put(g, 4, 0, 'e', ST_NEVER);
    grid_put(g, 5, 0, 'f', ST_WAITING);
    grid_put(g, 6, 0, 'g', ST_LOG_CURRENT);
    grid_put(g, 7, 0, 'h', ST_NORMAL);
    ck_render(g, OUT_ANSI,
              "\x1b[1ma\x1b[22;2mb\x1b[3mc\x1b[22;1;23md\x1b[22;4;33me\x1b[24mf"
              "\x1b[7;39mg\x1b[27mh\x1b[0m\n\x1b[0m\n\x1b[0m\n");
    /* never an SGR between cells of the same look */
    grid_clear(g);
    grid_text(g, 0, 0, 10, ST_RAISED, "ValueError");
    char *s = render(g, OUT_ANSI);
    int esc = 0;
    for (char *q = s; *q; q++)
        esc += *q == '\x1b';
    ck_assert_int_eq(esc, 1 + 3); /* one to enter, one reset per line */
    ck_assert_str_eq(s, "\x1b[1;31mValueError\x1b[0m\n\x1b[0m\n\x1b[0m\n");
    free(s);
    grid_free(g);
}
END_TEST

/* The same cells give the same bytes, every time and in a fresh grid. */
START_TEST(test_output_deterministic)
{
    rng_seed(42);
    char *out[2][3];
    for (int round = 0; round < 2; round++) {
        rng_seed(42);
        Grid *g = grid_new(20, 6, false);
        for (int i = 0; i < 200; i++) {
            int x = (int)rng(22) - 1, y = (int)rng(7) - 1;
            Style st = (Style)rng(ST_COUNT);
            if (rng(2))
                grid_text(g, x, y, (int)rng(12), st,
                          fuzz_texts[rng(sizeof fuzz_texts / sizeof fuzz_texts[0])]);
            else
                grid_put(g, x, y, fuzz_cp(), st);
        }
        for (int m = 0; m < 3; m++)
            out[round][m] = render(g, m);
        grid_free(g);
    }
    for (int m = 0; m < 3; m++) {
        ck_assert_str_eq(out[0][m], out[1][m]);
        ck_assert(strlen(out[0][m]) > 20);
        free(out[0][m]);
        free(out[1][m]);
    }
}
END_TEST

/* Stripping the SGR sequences from the ANSI output leaves the plain output
 * with trailing styled blanks put back: the two writers agree. */
START_TEST(test_ansi_matches_plain)
{
    rng_seed(7 + (uint64_t)_i);
    Grid *g = grid_new(16, 5, _i % 2);
    for (int i = 0; i < 120; i++) {
        int x = (int)rng(18) - 1, y = (int)rng(6) - 1;
        Style st = (Style)rng(ST_COUNT);
        grid_text(g, x, y, (int)rng(10), st,
                  fuzz_texts[rng(sizeof fuzz_texts / sizeof fuzz_texts[0])]);
    }
    for (int color = 0; color < 2; color++) {
        char *plain = render(g, OUT_PLAIN), *ansi = render(g, color ? OUT_ANSI : OUT_MONO);
        /* strip SGRs, then trailing spaces of each line */
        char *t = malloc(strlen(ansi) + 1), *o = t;
        for (const char *q = ansi; *q;) {
            if (*q == '\x1b') {
                ck_assert_int_eq(q[1], '[');
                q += 2;
                while ((*q >= '0' && *q <= '9') || *q == ';')
                    q++;
                ck_assert_int_eq(*q, 'm');
                q++;
                continue;
            }
            if (*q == '\n')
                while (o > t && o[-1] == ' ')
                    o--;
            *o++ = *q++;
        }
        *o = '\0';
        ck_assert_str_eq(t, plain);
        free(t);
        free(plain);
        free(ansi);
    }
    grid_free(g);
}
END_TEST

Suite *grid_suite(void)
{
    Suite *s = suite_create("grid");
    TCase *tc = tcase_create("grid");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_cp_width);
    tcase_add_test(tc, test_cp_width_blocks);
    tcase_add_test(tc, test_text_width);
    tcase_add_test(tc, test_new_clear_resize);
    tcase_add_test(tc, test_put_and_controls);
    tcase_add_test(tc, test_bidi_replaced);
    tcase_add_test(tc, test_wide_put);
    tcase_add_test(tc, test_wide_right_edge);
    tcase_add_test(tc, test_wide_overwrite_halves);
    tcase_add_test(tc, test_fill_restyle);
    tcase_add_test(tc, test_clip_basics);
    tcase_add_test(tc, test_rect_and);
    tcase_add_test(tc, test_clip_push_pop);
    tcase_add_test(tc, test_clip_hostile_coordinates);
    tcase_add_loop_test(tc, test_fuzz_clip_and_pairs, 0, 24);
    tcase_add_test(tc, test_utf8_next);
    tcase_add_test(tc, test_text_ellipsis);
    tcase_add_test(tc, test_textf);
    tcase_add_test(tc, test_ascii_mode);
    tcase_add_test(tc, test_box);
    tcase_add_test(tc, test_box_small);
    tcase_add_test(tc, test_lines_and_inset);
    suite_add_tcase(s, tc);
    tc = tcase_create("theme");
    tcase_add_test(tc, test_theme_rules);
    tcase_add_test(tc, test_theme_palettes);
    suite_add_tcase(s, tc);
    tc = tcase_create("plain");
    tcase_add_test(tc, test_plain_write);
    tcase_add_test(tc, test_ansi_write);
    tcase_add_test(tc, test_output_deterministic);
    tcase_add_loop_test(tc, test_ansi_matches_plain, 0, 8);
    suite_add_tcase(s, tc);
    return s;
}
