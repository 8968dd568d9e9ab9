/* cast.c: the asciicast v2 writer and virtual-time playback into it.
 * See cast.h.
 * Owns the header, the events and their JSON, the row diff between two
 * frames, and driving a View through playback the way the app does. Rows
 * come out of plain.c (the same SGR bytes as `loopscope frame --ansi`),
 * frames out of frame.c, timing out of view.c; this file only decides
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
#include "../record/rec.h"
#include "../record/trace.h"
#include "../view/frame.h"
#include "plain.h"

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

static bool same_cell(const Cell *a, const Cell *b)
{
    return a->ch == b->ch && a->style == b->style && a->flags == b->flags;
}

static bool same_row(const Cell *a, const Grid *g, int y)
{
    for (int x = 0; x < g->w; x++)
        if (!same_cell(&a[x], grid_at(g, x, y)))
            return false;
    return true;
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
        if (repaint ? blank_row(g, y) : same_row(row, g, y))
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

/* The caption of a step (words is the scratch for its task labels), or
 * its kind when it has none. */
static const char *step_label(const View *v, size_t s, Buf *words)
{
    const Step *st = rec_step_at(v->rec, s);
    const char *cap = rec_words(v->rec, st->caption, words);
    return *cap ? cap : step_kind_name((StepKind)st->kind);
}

void cast_mark_step(Cast *c, uint64_t us, const View *v, size_t step)
{
    if (step >= view_nsteps(v))
        return;
    Buf words;
    buf_init(&words);
    cast_marker(c, us, step_label(v, step, &words));
    buf_free(&words);
}

static void draw(Cast *c, View *v, Grid *g, double t)
{
    v->status[0] = 0;
    frame_draw(v, g);
    cast_frame(c, trace_us(t), g);
}

/* Real seconds of the longest clock gap a recording plays. */
#define CAST_MAX_GAP 10.0

uint64_t cast_play(Cast *c, View *v, Grid *g)
{
    view_seek(v, 0);
    Input play = {.key = ' '};
    view_key(v, &play);
    double t = 0;
    draw(c, v, g, t);
    cast_mark_step(c, 0, v, 0);
    size_t marked = 0;
    for (;;) {
        /* a clock gap plays for at most CAST_MAX_GAP real seconds and the
         * clock jumps over the rest (as asciinema's idle_time_limit cuts
         * idle pauses): a day-long sleep records in seconds of frames, not
         * a day of them */
        if (v->step + 1 < view_nsteps(v)) {
            double next = rec_step_at(v->rec, v->step + 1)->t, most = CAST_MAX_GAP * view_speed(v);
            if (next - v->playhead > most)
                v->playhead = next - most;
        }
        double d = view_tick_delay(v);
        if (d < 0)
            break;
        t += d;
        Action a = view_tick(v, d);
        /* the frame first: a player that pauses on a marker shows its step */
        if (a != ACT_NONE)
            draw(c, v, g, t);
        for (size_t s = marked + 1; s <= v->step; s++)
            cast_mark_step(c, trace_us(t), v, s);
        if (v->step > marked)
            marked = v->step;
        if (!v->playing)
            break;
    }
    return trace_us(t);
}
