/* pane_notes.c: the scenario's docstring, the lesson in the author's
 * words (pane_notes). Owns how it is laid out: the first line (the
 * title) on its own row in the title style, then the text re-wrapped to
 * the pane's width at spaces (the source's own line breaks inside a
 * paragraph are joined; a blank line, an indented line or a "- " item
 * starts a new one), and which rows are shown: from the top, or where the
 * learner scrolled (v->scroll[FOCUS_NOTES]). The docstring is the
 * recording's; wrapping is pane_wrap_at (pane.c). */
#include "pane.h"

#include "../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does a source line start a new paragraph rather than go on the last? */
static bool starts_block(const char *p, size_t n)
{
    return n == 0 || p[0] == ' ' || p[0] == '\t' || (n > 1 && (p[0] == '-' || p[0] == '*') && p[1] == ' ');
}

/* Where the rows go: drawn into g from (x, y0) when g is set, rows
 * [top, top + h) of them; row counts every row, drawn or not. */
typedef struct Out {
    Grid *g;
    int x, y0, top, h, w, row;
    bool gap; /* a blank row is owed before the next paragraph */
} Out;

/* One paragraph t[0..n), wrapped. */
static void emit(Out *o, const char *t, size_t n, Style st)
{
    if (o->gap && o->row > 0)
        o->row++;
    o->gap = false;
    while (n) {
        bool hard;
        size_t k = pane_wrap_at(t, n, o->w, &hard);
        if (o->g && o->row >= o->top && o->row < o->top + o->h) {
            char *piece = xstrndup(t, k);
            grid_text(o->g, o->x, o->y0 + o->row - o->top, o->w, st, piece);
            xfree(piece);
        }
        o->row++;
        t += k, n -= k;
        while (n && *t == ' ')
            t++, n--;
    }
}

static void flush(Out *o, Buf *para)
{
    if (para->len)
        emit(o, para->s, para->len, ST_NORMAL);
    buf_clear(para);
}

/* Lay out the rows of doc for o; returns how many there are. */
static int notes_rows(const char *doc, Out *o)
{
    if (o->w < 1)
        return 0;
    while (*doc == '\n' || *doc == ' ' || *doc == '\t')
        doc++;
    Buf para;
    buf_init(&para);
    bool first = true;
    for (const char *p = doc; *p;) {
        size_t n = strcspn(p, "\n");
        const char *next = p + n + (p[n] ? 1 : 0);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\r' || p[n - 1] == '\t'))
            n--;
        if (first) {
            emit(o, p, n, ST_TITLE); /* the title is a paragraph of its own */
            first = false;
        } else if (!n) {
            flush(o, &para);
            o->gap = o->row > 0;
        } else {
            if (starts_block(p, n))
                flush(o, &para);
            if (para.len)
                buf_puts(&para, " ");
            buf_putn(&para, p, n);
        }
        p = next;
    }
    flush(o, &para);
    buf_free(&para);
    return o->row;
}

static int notes_w(Rect in) { return in.w > 20 ? in.w - 2 : in.w; }

static int notes_top(const View *v, int rows, int h)
{
    int most = rows > h ? rows - h : 0;
    if (!v->pinned[FOCUS_NOTES] || v->scroll[FOCUS_NOTES] < 0)
        return 0;
    return v->scroll[FOCUS_NOTES] < most ? v->scroll[FOCUS_NOTES] : most;
}

static void notes_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    pane_box(v, g, r, FOCUS_NOTES, "notes");
    Rect in = rect_inset(r, 1);
    const char *doc = v->rec ? rec_doc(v->rec) : "";
    if (in.w > 0 && in.h > 0) {
        int pad = in.w > 20 ? 1 : 0;
        Out count = {.w = notes_w(in)};
        int rows = notes_rows(doc, &count);
        if (!rows) {
            grid_text(g, in.x + pad, in.y, in.w - 2 * pad, ST_DIM, "(the scenario has no docstring)");
        } else {
            Out o = {.g = g, .x = in.x + pad, .y0 = in.y, .top = notes_top(v, rows, in.h), .h = in.h, .w = notes_w(in)};
            notes_rows(doc, &o);
            if (o.top + in.h < rows) {
                char more[48];
                snprintf(more, sizeof more, " %s %d more ", g->ascii ? "v" : "\u2193", rows - o.top - in.h);
                int mw = grid_text_width(more);
                if (mw + 4 <= r.w)
                    grid_text(g, r.x + r.w - 2 - mw, r.y + r.h - 1, mw, ST_DIM, more);
            }
        }
    }
    grid_clip_pop(g, saved);
}

/* ↑/↓ a row, PgUp/PgDn a page, Home/End. */
static Action notes_key(View *v, const Input *in, Rect r)
{
    Rect inner = rect_inset(r, 1);
    int h = inner.h > 0 ? inner.h : 1;
    Out count = {.w = notes_w(inner)};
    int rows = notes_rows(v->rec ? rec_doc(v->rec) : "", &count);
    int most = rows > h ? rows - h : 0;
    return pane_scroll(v, FOCUS_NOTES, in, notes_top(v, rows, h), h > 2 ? h - 1 : 1, most, false);
}

const Pane pane_notes = {
    .name = "notes",
    .draw = notes_draw,
    .key = notes_key,
};
