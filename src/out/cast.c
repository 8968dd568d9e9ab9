/* cast.c: the asciicast v2 writer. See cast.h.
 * Owns the header, the events and their JSON and the row diff between two
 * frames. Rows come out of plain.c (the same SGR bytes as `loopscope
 * frame --ansi`), the playback out of play.c; this file only decides
 * which rows changed and when.
 * Choices, and why:
 *   - A changed row is repainted whole: move to it (CUP), erase it (EL 2,
 *     which does not move the cursor, so a row that fills the last column
 *     is never cut by a pending wrap), draw it. Cheaper than a full
 *     repaint (playback mostly changes the clock and the timeline) and as
 *     robust: a terminal that measures a character differently from us
 *     can spoil one row, never the rest of the screen.
 *   - Times are whole microseconds printed as integers ("1.500000"): no
 *     floating-point formatting, so no locale can put a comma in them,
 *     and the same run gives the same bytes.
 *   - No "timestamp" in the header (the wall clock would break that), and
 *     the env names the TERM the bytes are written for. */
#include "cast.h"

#include "../base/base.h"
#include "plain.h"
#include "play.h"

#include <stdlib.h>
#include <string.h>

struct Cast {
    FILE *out;
    bool color;
    int w, h;          /* the size the player has now */
    Cell *prev;        /* the last frame written, w * h; NULL before the first */
    uint64_t last;     /* time of the last event */
    Buf b;             /* scratch for one event */
};

static void put_time(Buf *b, uint64_t us)
{
    buf_printf(b, "%llu.%06llu", (unsigned long long)(us / 1000000), (unsigned long long)(us % 1000000));
}

/* [time, "type", data] and a newline; data is JSON-escaped. */
static void event(Cast *c, uint64_t us, const char *type, const char *data)
{
    if (us < c->last)
        us = c->last;
    c->last = us;
    Buf *b = &c->b;
    buf_clear(b);
    buf_putc(b, '[');
    put_time(b, us);
    buf_printf(b, ", \"%s\", ", type);
    buf_put_json(b, data);
    buf_puts(b, "]\n");
    fwrite(b->s, 1, b->len, c->out);
}

Cast *cast_new(FILE *out, int w, int h, const char *title, const Palette *pal, bool color)
{
    Cast *c = xcalloc(1, sizeof *c);
    c->out = out;
    c->color = color;
    c->w = w;
    c->h = h;
    buf_init(&c->b);
    Buf *b = &c->b;
    buf_printf(b, "{\"version\": 2, \"width\": %d, \"height\": %d", w, h);
    if (title && *title) {
        buf_puts(b, ", \"title\": ");
        buf_put_json(b, title);
    }
    buf_puts(b, ", \"env\": {\"TERM\": \"xterm-256color\", \"SHELL\": \"/bin/sh\"}");
    buf_printf(b, ", \"theme\": {\"fg\": \"#%06x\", \"bg\": \"#%06x\", \"palette\": \"", (unsigned)pal->fg,
               (unsigned)pal->bg);
    for (int i = 0; i < 16; i++)
        buf_printf(b, "%s#%06x", i ? ":" : "", (unsigned)pal->ansi[i]);
    buf_puts(b, "\"}}\n");
    fwrite(b->s, 1, b->len, out);
    return c;
}

static bool blank_row(const Grid *g, int y)
{
    for (int x = 0; x < g->w; x++) {
        const Cell *c = grid_at(g, x, y);
        if ((c->ch && c->ch != ' ') || c->flags || c->style != ST_NORMAL)
            return false;
    }
    return true;
}

void cast_frame(Cast *c, uint64_t us, const Grid *g)
{
    Buf out;
    buf_init(&out);
    bool repaint = !c->prev;
    if (c->prev && (g->w != c->w || g->h != c->h)) {
        char size[32];
        snprintf(size, sizeof size, "%dx%d", g->w, g->h);
        event(c, us, "r", size);
        repaint = true;
    }
    if (repaint) {
        /* hide the cursor, default look, clear: the rows below start from nothing */
        buf_puts(&out, "\x1b[?25l\x1b[0m\x1b[H\x1b[2J");
        xfree(c->prev);
        c->w = g->w;
        c->h = g->h;
        c->prev = xmalloc(((size_t)g->w * (size_t)g->h + 1) * sizeof(Cell));
    }
    for (int y = 0; y < g->h; y++) {
        const Cell *row = c->prev + (size_t)y * (size_t)g->w;
        if (repaint ? blank_row(g, y) : grid_row_is(g, y, row))
            continue;
        buf_printf(&out, "\x1b[%d;1H\x1b[2K", y + 1);
        plain_row_ansi(&out, g, y, c->color);
    }
    memcpy(c->prev, g->cells, (size_t)g->w * (size_t)g->h * sizeof(Cell));
    if (out.len)
        event(c, us, "o", out.s);
    buf_free(&out);
}

void cast_marker(Cast *c, uint64_t us, const char *label)
{
    event(c, us, "m", label);
}

void cast_end(Cast *c, uint64_t us)
{
    event(c, us, "o", "\x1b[?25h");
    xfree(c->prev);
    buf_free(&c->b);
    xfree(c);
}

void cast_mark_step(Cast *c, uint64_t us, const View *v, size_t step)
{
    if (step < view_nsteps(v))
        cast_marker(c, us, play_step_label(v, step));
}

static void sink_frame(void *ctx, uint64_t us, const Grid *g) { cast_frame(ctx, us, g); }

static void sink_marker(void *ctx, uint64_t us, size_t step, const char *label)
{
    (void)step;
    cast_marker(ctx, us, label);
}

uint64_t cast_play(Cast *c, View *v, Grid *g)
{
    PlaySink sink = {.frame = sink_frame, .marker = sink_marker, .ctx = c};
    return play_run(v, g, &sink);
}
