/* pane_caption.c: the lines under the main area (pane_caption).
 * Owns how the current step's caption (why this step happened) is
 * word-wrapped over the pane's rows, the goto-time prompt that replaces it
 * while the learner types, the status message on the last row, the
 * end-of-run hint at the last step, and the look of a run that stopped on
 * a limit, a deadlock or an error. The texts themselves come from the
 * recording (captions) and view.c (status, prompt input). */
#include "pane.h"

#include "../base/base.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Decode one UTF-8 character at *p (advancing it); invalid bytes count as
 * one U+FFFD each, as grid_text draws them. */
static uint32_t utf8_next(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c = s[0];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0) {
        (*p)++;
        return 0xFFFD;
    }
    if (len == 1) {
        (*p)++;
        return c;
    }
    uint32_t cp = c & (0x3F >> (len - 1));
    for (int i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            (*p)++;
            return 0xFFFD;
        }
        cp = cp << 6 | (s[i] & 0x3F);
    }
    *p += len;
    return cp;
}

/* Columns text[0..n) takes on screen (ASCII mode: one per character,
 * since grid_text replaces each non-ASCII character by one). */
static int span_width(const char *s, size_t n, bool ascii)
{
    const char *p = s, *end = s + n;
    int w = 0;
    while (p < end) {
        uint32_t cp = utf8_next(&p);
        w += ascii ? 1 : grid_cp_width(cp);
    }
    return w;
}

static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }
static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Break text into lines of at most w columns at spaces; a newline forces a
 * break and a word wider than a line is cut between characters. Stores up
 * to max lines as (start, length) and returns how many; *rest is where the
 * text not yet placed begins ("" when everything fit). */
static int wrap(const char *text, int w, bool ascii, int max, size_t *start, size_t *len, const char **rest)
{
    const char *p = text;
    int n = 0;
    while (is_space(*p))
        p++;
    while (n < max && *p) {
        const char *line = p, *brk = p; /* brk: end of the last word placed */
        int used = 0;
        for (;;) {
            const char *word = p;
            while (*p && !is_space(*p))
                p++;
            int need = span_width(brk, (size_t)(p - brk), ascii); /* the gap and the word */
            if (brk == line && need > w) {
                /* a word wider than the line: as many characters as fit */
                const char *q = word;
                int cw = 0;
                while (q < p) {
                    const char *nq = q;
                    uint32_t cp = utf8_next(&nq);
                    int c = ascii ? 1 : grid_cp_width(cp);
                    if (cw + c > w && q > word)
                        break;
                    cw += c;
                    q = nq;
                }
                brk = p = q;
                break;
            }
            if (used + need > w) {
                p = word;
                break;
            }
            used += need;
            brk = p;
            while (is_blank(*p))
                p++;
            if (!*p || *p == '\n')
                break;
        }
        start[n] = (size_t)(line - text);
        len[n] = (size_t)(brk - line);
        n++;
        while (is_space(*p))
            p++;
    }
    *rest = p;
    return n;
}

/* Draw text word-wrapped over rows y0 .. y0+rows-1 of width w at x; an
 * ellipsis ends the last row when the text does not fit. Returns the rows
 * used and, in *lastw, the columns used on the last of them. */
static int draw_wrapped(Grid *g, int x, int y0, int w, int rows, Style st, const char *text, int *lastw)
{
    enum { MAXROWS = 64 };
    size_t start[MAXROWS], len[MAXROWS];
    if (rows > MAXROWS)
        rows = MAXROWS;
    *lastw = 0;
    if (rows <= 0 || w <= 0)
        return 0;
    const char *rest;
    int n = wrap(text, w, g->ascii, rows, start, len, &rest);
    Buf b;
    buf_init(&b);
    for (int i = 0; i < n; i++) {
        buf_clear(&b);
        buf_putn(&b, text + start[i], len[i]);
        if (i == n - 1 && *rest) {
            /* more text than rows: the tail of this row gives way to the
             * ellipsis grid_text puts in the last column */
            buf_putc(&b, ' ');
            buf_puts(&b, rest);
        }
        for (char *c = b.s; *c; c++)
            if (*c == '\n' || *c == '\t')
                *c = ' ';
        *lastw = grid_text(g, x, y0 + i, w, st, b.s);
    }
    buf_free(&b);
    return n;
}

static bool ended_badly(const Step *s)
{
    return s->kind == SK_LIMIT || s->kind == SK_DEADLOCK || s->kind == SK_ERROR ||
           s->kind == SK_UNHANDLED;
}

static void caption_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    grid_fill(g, r, ' ', ST_NORMAL);

    int rows = r.h;
    bool status = v->status[0] != 0;
    if (status) {
        rows--; /* the last row is the status line */
        grid_text(g, r.x, r.y + r.h - 1, r.w, ST_WARNING, v->status);
    }

    if (v->prompt) {
        if (rows > 0) {
            int x = r.x + grid_text(g, r.x, r.y, r.w, ST_WARNING, "goto time: ");
            int room = r.x + r.w - x;
            if (room > 0) {
                x += grid_text(g, x, r.y, room - 1 > 0 ? room - 1 : room, ST_WARNING, v->input);
                grid_put(g, x, r.y, '_', ST_WARNING);
            }
        }
        if (rows > 1 && !status)
            grid_text(g, r.x, r.y + 1, r.w, ST_DIM,
                      g->ascii ? "seconds, e.g. 1.5 - Enter jumps - Esc cancels"
                               : "seconds, e.g. 1.5 \u00b7 Enter jumps \u00b7 Esc cancels");
        grid_clip_pop(g, saved);
        return;
    }

    size_t n = view_nsteps(v);
    if (n == 0 || rows <= 0) {
        if (n == 0 && rows > 0)
            grid_text(g, r.x, r.y, r.w, ST_DIM,
                      v->growing ? "(recording: the run has not finished its first step yet)"
                                 : "(nothing was recorded)");
        grid_clip_pop(g, saved);
        return;
    }
    size_t si = v->step < n ? v->step : n - 1;
    const Step *s = rec_step_at(v->rec, si);
    /* the playhead inside a clock gap or a blocking call, between this step
     * and the next: the caption is the gap's, recorded on the next step */
    const Step *nx = si + 1 < n ? rec_step_at(v->rec, si + 1) : NULL;
    if (nx && v->playhead > s->t && (nx->kind == SK_CLOCK || nx->kind == SK_BLOCK))
        s = nx;
    bool last = si + 1 == n;
    Style st = last && ended_badly(s) ? ST_RAISED : ST_CAPTION;
    int lastw = 0;
    Buf words;
    buf_init(&words);
    int used = draw_wrapped(g, r.x, r.y, r.w, rows, st, rec_words(v->rec, s->caption, &words), &lastw);
    buf_free(&words);

    /* at the end of the run, say what comes next, unless the status says it */
    if (last && v->hints && !v->growing && !(status && strstr(v->status, "r restarts"))) {
        const char *hint = g->ascii ? "end of the run - r restarts" : "end of the run \u2014 r restarts";
        int hw = grid_text_width(hint);
        if (used > 0 && lastw + 3 + hw <= r.w)
            grid_text(g, r.x + r.w - hw, r.y + used - 1, hw, ST_DIM, hint);
        else if (used < rows)
            grid_text(g, r.x, r.y + used, r.w, ST_DIM, hint);
    }
    grid_clip_pop(g, saved);
}

const Pane pane_caption = {
    .name = "caption",
    .draw = caption_draw,
    .key = NULL,
};
