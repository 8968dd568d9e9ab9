/* pane_log.c: the two panes of lines that grow as the run goes on: the
 * timestamped scheduler log (pane_log) and the scenario's own output
 * (pane_output: exactly the lines `python3 scenario.py` prints, the text
 * of the SK_PRINT steps, nothing of the scheduler's).
 * Owns which lines are on screen and how they look: the lines of the
 * steps up to and including the current one (later ones stay hidden, so
 * the learner watches them grow), the newest at the bottom unless the
 * learner scrolled away (v->pinned[f], first row in v->scroll[f]); in the
 * log the line of the current step (or the last before it) highlighted
 * and the "[1.00]" prefix in its own style; in the output the line the
 * current step printed highlighted. Scrolling back to the bottom follows
 * the newest line again. The lines themselves are formatted by the
 * simulator; the indexes are seek.c's. Drawing touches only the rows on
 * screen, however long the run. */
#include "pane.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* What tells the two panes apart. */
typedef struct Lines {
    Focus f;
    const char *title, *empty;
    bool output;      /* the step's text (a printed line), not its log line */
} Lines;

static const Lines log_lines = {FOCUS_LOG, "log", "(nothing logged yet)", false};
static const Lines out_lines = {FOCUS_OUTPUT, "output", "(nothing printed yet)", true};

static long last_of(const Lines *l, const View *v, size_t step)
{
    return l->output ? seek_print_of(v->seek, step) : seek_log_of(v->seek, step);
}

/* Line i of the pane. Log lines name tasks by reference (rec_words fills
 * in their labels, into the pane's scratch); printed text is verbatim. */
static const char *line_text(const Lines *l, const View *v, size_t i, Buf *words)
{
    const Step *st = rec_step_at(v->rec, l->output ? seek_print_step(v->seek, i) : seek_log_step(v->seek, i));
    return l->output ? rec_str(v->rec, st->text) : rec_words(v->rec, st->log, words);
}

/* Lines shown at the current step: those of steps <= v->step. */
static size_t shown_lines(const Lines *l, const View *v)
{
    if (view_nsteps(v) == 0 || !v->seek)
        return 0;
    long last = last_of(l, v, v->step);
    return last < 0 ? 0 : (size_t)last + 1;
}

static size_t max_top(size_t n, int rows)
{
    return rows > 0 && n > (size_t)rows ? n - (size_t)rows : 0;
}

/* First line on screen for `rows` rows: the newest at the bottom, or where
 * the learner scrolled to (clamped: the log is shorter at earlier steps). */
static size_t top_line(const View *v, Focus f, size_t n, int rows)
{
    size_t mt = max_top(n, rows);
    if (!v->pinned[f])
        return mt;
    if (v->scroll[f] <= 0)
        return 0;
    size_t s = (size_t)v->scroll[f];
    return s < mt ? s : mt;
}

/* Length of a "[1.00]" prefix (with the space after it), 0 if none. */
static size_t time_prefix(const char *s)
{
    if (s[0] != '[')
        return 0;
    for (size_t i = 1; i < 32 && s[i]; i++) {
        if (s[i] == ']')
            return s[i + 1] == ' ' ? i + 2 : i + 1;
        if (!((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-'))
            return 0;
    }
    return 0;
}

static void lines_draw(const Lines *l, const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    pane_box(v, g, r, l->f, l->title);
    Rect in = rect_inset(r, 1);
    size_t n = shown_lines(l, v);
    if (in.w <= 0 || in.h <= 0) {
        grid_clip_pop(g, saved);
        return;
    }
    /* a column of padding on each side when the box is wide enough */
    int pad = in.w > 20 ? 1 : 0;
    int x = in.x + pad, w = in.w - 2 * pad;
    if (n == 0) {
        grid_text(g, x, in.y, w, ST_DIM, l->empty);
        grid_clip_pop(g, saved);
        return;
    }
    size_t top = top_line(v, l->f, n, in.h);
    Buf words;
    buf_init(&words);
    for (int row = 0; row < in.h && top + (size_t)row < n; row++) {
        size_t i = top + (size_t)row;
        const char *s = line_text(l, v, i, &words);
        int y = in.y + row;
        if (l->output) {
            bool now = i + 1 == n && seek_print_step(v->seek, i) == v->step;
            if (now)
                grid_fill(g, (Rect){in.x, y, in.w, 1}, ' ', ST_LOG_CURRENT);
            grid_text(g, x, y, w, now ? ST_LOG_CURRENT : ST_NORMAL, s);
            continue;
        }
        if (i + 1 == n) {
            /* the line of the current step (or the last one before it) */
            grid_fill(g, (Rect){in.x, y, in.w, 1}, ' ', ST_LOG_CURRENT);
            grid_text(g, x, y, w, ST_LOG_CURRENT, s);
            continue;
        }
        size_t p = time_prefix(s);
        int used = 0;
        if (p) {
            char pre[40];
            memcpy(pre, s, p);
            pre[p] = 0;
            used = grid_text(g, x, y, w, ST_LOG_TIME, pre);
        }
        if (used < w)
            grid_text(g, x + used, y, w - used, ST_LOG, s + p);
    }
    buf_free(&words);
    /* scrolled up: say how much newer log is below */
    size_t below = n - top > (size_t)in.h ? n - top - (size_t)in.h : 0;
    if (below > 0) {
        char msg[48];
        snprintf(msg, sizeof msg, " %s %zu newer ", g->ascii ? "v" : "\u2193", below);
        int mw = grid_text_width(msg);
        if (mw + 4 <= r.w)
            grid_text(g, r.x + r.w - 2 - mw, r.y + r.h - 1, mw, ST_DIM, msg);
    }
    grid_clip_pop(g, saved);
}

/* ↑/↓ a line, PgUp/PgDn a page, Home/End: pins the pane where it is,
 * until it is back at the bottom (or the step changes). */
static Action lines_key(const Lines *l, View *v, const Input *in, Rect r)
{
    int rows = r.h - 2;
    if (rows < 1)
        rows = 1;
    size_t n = shown_lines(l, v), mt = max_top(n, rows), top = top_line(v, l->f, n, rows);
    int most = mt < INT_MAX ? (int)mt : INT_MAX, at = top < (size_t)most ? (int)top : most;
    return pane_scroll(v, l->f, in, at, rows > 2 ? rows - 1 : 1, most, true);
}

static void log_draw(const View *v, Grid *g, Rect r) { lines_draw(&log_lines, v, g, r); }
static Action log_key(View *v, const Input *in, Rect r) { return lines_key(&log_lines, v, in, r); }
static void output_draw(const View *v, Grid *g, Rect r) { lines_draw(&out_lines, v, g, r); }
static Action output_key(View *v, const Input *in, Rect r) { return lines_key(&out_lines, v, in, r); }

const Pane pane_log = {
    .name = "log",
    .draw = log_draw,
    .key = log_key,
};

const Pane pane_output = {
    .name = "output",
    .draw = output_draw,
    .key = output_key,
};
