/* pane_banner.c: the presenter's banner (pane_banner), the row under the
 * header that a stop brings (or, in predict mode, the question and its
 * choices, a row each): "stop 2/5", where it is (the line of code,
 * or the event of --pause-on) and the note, wrapped onto a second row when
 * the layout gave it one, else cut with an ellipsis. The key hint only
 * where keys work (v->hints). Which steps are stops is stops.c's; where
 * the banner goes, layout.c's. */
#include "pane.h"

#include "../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The banner's words for the stop the view is at, into b. */
static void banner_words(const View *v, Buf *b)
{
    long k = view_at_stop(v);
    const Stop *s = stops_get(v->stops, k < 0 ? 0 : (size_t)k);
    if (k < 0 || !s)
        return;
    char head[96];
    if (s->line)
        snprintf(head, sizeof head, "stop %ld/%zu, line %d", k + 1, stops_count(v->stops), s->line);
    else
        snprintf(head, sizeof head, "stop %ld/%zu, on %s", k + 1, stops_count(v->stops), s->event);
    buf_puts(b, head);
    if (s->note[0]) {
        buf_puts(b, ": ");
        buf_puts(b, s->note);
    }
    if (v->hints)
        buf_puts(b, "   (Space plays on, . next stop)");
}

int banner_rows(const View *v, int w)
{
    if (v->asking)
        return 1 + v->quiz->q[v->asking - 1].n;
    Buf b;
    buf_init(&b);
    banner_words(v, &b);
    int rows = grid_text_width(b.s ? b.s : "") + 4 > w ? 2 : 1;
    buf_free(&b);
    return rows;
}

/* Predict mode's question: "? 2/6  Which task runs line 11 next?", then
 * a row per choice ("1) main"), or the rest of them on the last row when
 * the banner is short. */
static void question_draw(const View *v, Grid *g, Rect r)
{
    const Question *q = &v->quiz->q[v->asking - 1];
    char head[160];
    snprintf(head, sizeof head, "? %zu/%zu  %s  (answer 1-%d)", v->asking, v->quiz->n, q->text, q->n);
    grid_fill(g, r, ' ', ST_BANNER);
    grid_text(g, r.x + 1, r.y, r.w - 2, ST_BANNER, head);
    Buf row;
    buf_init(&row);
    for (int c = 0, y = r.y + 1; c < q->n && y < r.y + r.h; c++) {
        char one[160];
        snprintf(one, sizeof one, "%s%d) %s", row.len ? "    " : "", c + 1, q->choice[c]);
        buf_puts(&row, one);
        if (y + 1 < r.y + r.h || c + 1 == q->n) {
            grid_text(g, r.x + 3, y++, r.w - 4, ST_BANNER, row.s);
            buf_clear(&row);
        }
    }
    buf_free(&row);
}

static void banner_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    if (v->asking) {
        Rect saved = grid_clip_push(g, r);
        question_draw(v, g, r);
        grid_clip_pop(g, saved);
        return;
    }
    Rect saved = grid_clip_push(g, r);
    grid_fill(g, r, ' ', ST_BANNER);
    Buf b;
    buf_init(&b);
    banner_words(v, &b);
    const char *mark = g->ascii ? ">>" : "\u25a0";
    int x = r.x + 1 + grid_text(g, r.x + 1, r.y, r.w - 2, ST_BANNER, mark) + 1, w = r.x + r.w - 1 - x;
    const char *t = b.s ? b.s : "";
    size_t n = b.len;
    for (int row = 0; row < r.h && n && w > 0; row++) {
        bool hard;
        size_t k = row + 1 < r.h ? pane_wrap_at(t, n, w, &hard) : n;
        char *piece = xstrndup(t, k);
        grid_text(g, x, r.y + row, w, ST_BANNER, piece);
        xfree(piece);
        t += k, n -= k;
        while (n && *t == ' ')
            t++, n--;
    }
    buf_free(&b);
    grid_clip_pop(g, saved);
}

const Pane pane_banner = {
    .name = "banner",
    .draw = banner_draw,
    .key = NULL,
};
