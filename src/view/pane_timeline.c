/* pane_timeline.c: the scrubber under the caption (pane_timeline) and its
 * inverse for mouse seeks (timeline_time_at).
 * Owns the mapping between virtual time and the columns of the bar: a bar
 * from 0 to the end of the run, a tick in every column that holds a
 * moment, the stretches where time.sleep froze the loop, the playhead, the
 * "1.5 / 2.4s" clock at its right and a row of time labels under it.
 * Column of time t: bx + round(t / end * (bw - 1)), so 0 is the first
 * column and the end the last. Drawing asks, per column, whether a moment
 * or a block falls in it (binary searches over seek.c's indexes), so a run
 * of a million steps draws as fast as a short one. Times are formatted by
 * pane_format_time (pane.c): '.' in every locale. */
#include "pane.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The narrowest bar worth a clock label beside it. */
#define BAR_MIN 12

/* Where the bar is in r: columns bx .. bx+bw-1 of row r.y, and the clock
 * label after it (lw columns at lx, 0 when there is no room). */
typedef struct Geom {
    int bx, bw;
    int lx, lw;
    double end;
} Geom;

static void clock_label(const View *v, double t, char *buf, size_t n)
{
    char a[32], b[32];
    pane_format_time(t, 1, a, sizeof a);
    pane_format_time(seek_end_time(v->seek), 1, b, sizeof b);
    snprintf(buf, n, "%s / %ss", a, b);
}

static Geom geom(const View *v, Rect r)
{
    Geom g = {.bx = r.x, .bw = r.w, .end = seek_end_time(v->seek)};
    if (!(g.end > 0))
        g.end = 0;
    /* the label's width comes from the end time alone, so the bar (and
     * every tick on it) keeps its columns while the clock runs */
    char lab[80];
    clock_label(v, g.end, lab, sizeof lab);
    int lw = grid_text_width(lab);
    if (r.w - lw - 1 >= BAR_MIN) {
        g.bw = r.w - lw - 1;
        g.lx = r.x + r.w - lw;
        g.lw = lw;
    }
    if (g.bw < 0)
        g.bw = 0;
    return g;
}

/* Column offset (0 .. bw-1) of time t. */
static int col_of(const Geom *g, double t)
{
    if (g->bw <= 1 || !(g->end > 0) || !(t > 0))
        return 0;
    if (t >= g->end)
        return g->bw - 1;
    return (int)floor(t / g->end * (g->bw - 1) + 0.5);
}

/* The first moment whose column is >= c (seek_moments() if none). */
static size_t first_moment_from(const View *v, const Geom *g, int c)
{
    size_t lo = 0, hi = seek_moments(v->seek);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (col_of(g, seek_moment_time(v->seek, mid)) < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool moment_in(const View *v, const Geom *g, int c)
{
    size_t i = first_moment_from(v, g, c);
    return i < seek_moments(v->seek) && col_of(g, seek_moment_time(v->seek, i)) == c;
}

/* Does a blocked stretch cover column c? Blocks are in time order and do
 * not overlap (the loop is frozen during each). */
static bool block_in(const View *v, const Geom *g, int c)
{
    size_t lo = 0, hi = seek_blocks(v->seek);
    double t0, t1;
    size_t st;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        seek_block(v->seek, mid, &t0, &t1, &st);
        if (col_of(g, t1) < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == seek_blocks(v->seek))
        return false;
    seek_block(v->seek, lo, &t0, &t1, &st);
    return col_of(g, t0) <= c;
}

static int playhead_col(const View *v, const Geom *g)
{
    if (g->end > 0)
        return col_of(g, v->playhead);
    /* everything happens at t = 0: show progress by step instead */
    size_t n = view_nsteps(v);
    if (n <= 1 || g->bw <= 1)
        return 0;
    size_t s = v->step < n ? v->step : n - 1;
    return (int)((double)s / (double)(n - 1) * (g->bw - 1) + 0.5);
}

double timeline_time_at(const View *v, Rect r, int x)
{
    if (r.w <= 0 || r.h <= 0)
        return -1;
    Geom g = geom(v, r);
    if (g.bw <= 0 || x < g.bx || x >= g.bx + g.bw)
        return -1;
    int c = x - g.bx;
    if (!(g.end > 0) || g.bw <= 1)
        return 0;
    /* a column with a tick seeks to its first moment, exactly (so the
     * first step at that time is shown); other columns to their time */
    size_t i = first_moment_from(v, &g, c);
    if (i < seek_moments(v->seek) && col_of(&g, seek_moment_time(v->seek, i)) == c)
        return seek_moment_time(v->seek, i);
    if (c >= g.bw - 1)
        return g.end;
    return (double)c / (g.bw - 1) * g.end;
}

/* A time label centred on column offset c of the bar, kept inside it. */
static void label_at(Grid *g, const Geom *ge, int y, int c, const char *text, Style st, int *used_to)
{
    int w = grid_text_width(text);
    if (w > ge->bw)
        return;
    int x = c - w / 2;
    if (x < 0)
        x = 0;
    if (x + w > ge->bw)
        x = ge->bw - w;
    if (x < *used_to)
        return; /* would run into the label before it */
    grid_text(g, ge->bx + x, y, w, st, text);
    *used_to = x + w + 1;
}

static void timeline_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    grid_fill(g, r, ' ', ST_NORMAL);

    Geom ge = geom(v, r);
    bool a = g->ascii;
    uint32_t track = a ? '-' : 0x2500, tick = a ? '+' : 0x253C, block = a ? '=' : 0x2501,
             head = a ? '#' : 0x2588;
    bool any_block = false;
    for (int c = 0; c < ge.bw; c++) {
        if (block_in(v, &ge, c)) {
            grid_put(g, ge.bx + c, r.y, block, ST_BLOCKED);
            any_block = true;
        } else if (moment_in(v, &ge, c)) {
            grid_put(g, ge.bx + c, r.y, tick, ST_TICK);
        } else {
            grid_put(g, ge.bx + c, r.y, track, ST_TRACK);
        }
    }
    if (ge.bw > 0)
        grid_put(g, ge.bx + playhead_col(v, &ge), r.y, head, ST_PLAYHEAD);
    if (ge.lw > 0) {
        char lab[80];
        clock_label(v, v->playhead, lab, sizeof lab);
        int w = grid_text_width(lab);
        grid_text(g, ge.lx + ge.lw - w, r.y, ge.lw, ST_BOLD, lab);
    }

    if (r.h >= 2 && ge.bw > 0) {
        int y = r.y + 1;
        char t0[32], mid[32], end[32];
        pane_format_time(0, 1, t0, sizeof t0);
        pane_format_time(ge.end / 2, 1, mid, sizeof mid);
        pane_format_time(ge.end, 1, end, sizeof end);
        strcat(t0, "s");
        strcat(mid, "s");
        strcat(end, "s");
        const char *legend = a ? "= blocked" : "\u2501 blocked";
        int legw = grid_text_width(legend);
        bool legend_right = any_block && ge.lw >= legw;
        int used_to = 0;
        label_at(g, &ge, y, 0, t0, ST_DIM, &used_to);
        if (ge.end > 0) {
            /* the end label is placed first so the middle one yields to it */
            int endw = grid_text_width(end);
            int end_x = ge.bw - endw;
            if (any_block && !legend_right) {
                int lx = (ge.bw - legw) / 2;
                if (lx >= used_to && lx + legw < end_x) {
                    grid_text(g, ge.bx + lx, y, legw, ST_BLOCKED, legend);
                    used_to = lx + legw + 1;
                }
            } else if (ge.bw >= 3 * endw + 4) {
                int mid_used = used_to;
                int mw = grid_text_width(mid);
                int mc = col_of(&ge, ge.end / 2);
                if (mc - mw / 2 + mw < end_x)
                    label_at(g, &ge, y, mc, mid, ST_DIM, &mid_used);
            }
            if (end_x >= used_to)
                grid_text(g, ge.bx + end_x, y, endw, ST_DIM, end);
        }
        if (legend_right)
            grid_text(g, ge.lx + ge.lw - legw, y, legw, ST_BLOCKED, legend);
    }
    grid_clip_pop(g, saved);
}

const Pane pane_timeline = {
    .name = "timeline",
    .draw = timeline_draw,
    .key = NULL,
};
