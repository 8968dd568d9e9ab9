/* pane_internals.c: the loop internals view (pane_internals), drawn where
 * the task columns go while it is toggled on (the i key, frame --internals).
 * Owns how the recorded snapshot of the loop at the current step reads: the
 * iteration count in the title, the READY QUEUE in run order with what each
 * handle will do, the TIMERS by deadline with the task each one wakes, and
 * the sync primitives in play. Task references read as labels (rec_words).
 * Leaves to others: what the snapshot holds (the language's loop model, via
 * rec_set_internals), where the pane goes (layout, frame.c). */
#include "pane.h"

#include "../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A section of the pane: its heading, and its entries as offsets into
 * the store of texts (a timer's is "when\twho\twhat"). */
typedef struct Section {
    Style st;
    const char *title, *sub, *empty;
    size_t text[64];
    int n;
    unsigned long more;  /* entries the snapshot did not list ("r"/"t" lines) */
    bool timers, numbered;
} Section;

enum { READY, TIMERS, SYNC, NSEC };

/* The text of one snapshot line: a handle's words for R and T (by string
 * id), the line itself for the rest; task references read as labels. The
 * text is appended to store, NUL-ended; returns its offset. */
static size_t line_text(const Recording *rec, const char *line, Buf *store, Buf *scratch)
{
    size_t at = store->len;
    const char *s = line + 1;
    if (line[0] == 'R' || line[0] == 'T')
        s = rec_str(rec, (uint32_t)strtoul(s, NULL, 10));
    buf_puts(store, rec_words_s(rec, s, scratch));
    buf_putc(store, '\0');
    return at;
}

/* Read the snapshot (s, cut in place) into the sections; the texts go to
 * store. Returns the iteration count. */
static unsigned long long build(const Recording *rec, Section *sec, char *s, Buf *store)
{
    unsigned long long iter = 0;
    Buf scratch;
    buf_init(&scratch);
    sec[READY] = (Section){.st = ST_READY, .title = "READY QUEUE", .sub = "runs next, in this order",
                           .empty = "(empty)", .numbered = true};
    sec[TIMERS] = (Section){.st = ST_WAITING, .title = "TIMERS", .sub = "by deadline", .empty = "(none)",
                            .timers = true};
    sec[SYNC] = (Section){.st = ST_BOLD, .title = "SYNC", .sub = "locks, semaphores, events, queues"};
    for (char *line = s; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        /* a ready handle, a timer or a primitive: an entry of its section */
        int k = line[0] == 'R' || line[0] == 'r' ? READY : line[0] == 'T' || line[0] == 't' ? TIMERS
                : line[0] == 'P'                 ? SYNC
                                                 : -1;
        if (line[0] == 'I')
            iter = strtoull(line + 1, NULL, 10);
        else if (k >= 0 && (line[0] == 'r' || line[0] == 't'))
            sec[k].more = strtoul(line + 1, NULL, 10);
        else if (k >= 0 && sec[k].n < (int)(sizeof sec[k].text / sizeof sec[k].text[0]))
            sec[k].text[sec[k].n++] = line_text(rec, line, store, &scratch);
        line = nl ? nl + 1 : NULL;
    }
    buf_free(&scratch);
    return iter;
}

/* Rows for each shown section out of h: every section gets its heading
 * and one row first, then the rest goes round one row at a time to those
 * that want more, so no section is pushed off by a long one. Returns
 * whether there is room for a blank row between sections. */
static bool share_rows(const Section *sec, const bool *shown, int h, int *rows)
{
    int want[NSEC], nshown = 0, used = 0;
    for (int k = 0; k < NSEC; k++) {
        rows[k] = 0;
        want[k] = shown[k] ? 1 + (sec[k].n ? sec[k].n : 1) + (sec[k].more ? 1 : 0) : 0;
        nshown += shown[k];
    }
    int total = 0;
    for (int k = 0; k < NSEC; k++)
        total += want[k];
    bool gaps = total + nshown - 1 <= h;
    if (gaps)
        h -= nshown - 1;
    for (int k = 0; k < NSEC && used < h; k++)
        if (shown[k]) {
            rows[k] = want[k] < 2 || h - used < 2 ? (h - used < want[k] ? h - used : want[k]) : 2;
            used += rows[k];
        }
    for (bool more = true; more && used < h;) {
        more = false;
        for (int k = 0; k < NSEC && used < h; k++)
            if (rows[k] < want[k]) {
                rows[k]++;
                used++;
                more = true;
            }
    }
    return gaps;
}

static void internals_draw(const View *v, Grid *g, Rect r)
{
    size_t n = view_nsteps(v);
    const char *snap = n ? rec_internals_at(v->rec, v->step < n ? v->step : n - 1) : "";
    char *s = xstrdup(snap);
    Buf store;
    buf_init(&store);
    Section sec[NSEC];
    unsigned long long iter = build(v->rec, sec, s, &store);
    char title[80];
    snprintf(title, sizeof title, g->ascii ? "loop internals - iteration %llu" : "loop internals \u00b7 iteration %llu",
             iter);
    pane_box(v, g, r, FOCUS_TASKS, title);
    Rect in = rect_inset(r, 1);
    if (in.w > 0 && in.h > 0) {
        Rect saved = grid_clip_push(g, in);
        int pad = in.w > 20 ? 1 : 0, x = in.x + pad, w = in.w - 2 * pad;
        /* the timers' "when" and "who" columns line up */
        int ww = 0, whw = 0;
        const char *twho[64], *twhat[64];
        for (int i = 0; i < sec[TIMERS].n; i++) {
            char *when = store.s + sec[TIMERS].text[i];
            char *t1 = strchr(when, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (t1)
                *t1 = 0;
            if (t2)
                *t2 = 0;
            twho[i] = t1 ? t1 + 1 : "";
            twhat[i] = t2 ? t2 + 1 : "";
            int a = grid_text_width(when), b = grid_text_width(twho[i]);
            ww = a > ww ? a : ww;
            whw = b > whw ? b : whw;
        }
        whw = whw > w / 2 ? w / 2 : whw;
        bool shown[NSEC] = {true, true, sec[SYNC].n > 0};
        int rows[NSEC];
        bool gaps = share_rows(sec, shown, in.h, rows);
        int y = in.y;
        for (int k = 0; k < NSEC; k++) {
            if (!rows[k])
                continue;
            if (y > in.y && gaps)
                y++;
            const Section *c = &sec[k];
            int used = grid_text(g, x, y, w, c->st, c->title);
            if (used + 2 < w)
                grid_text(g, x + used + 2, y, w - used - 2, ST_DIM, c->sub);
            y++;
            int room = rows[k] - 1, fit = c->n;
            if (fit + (c->more ? 1 : 0) > room) /* keep a row for "+N more" */
                fit = room > 0 ? room - 1 : 0;
            if (!c->n && room > 0)
                grid_text(g, x + 2, y++, w - 2, ST_DIM, c->empty);
            for (int i = 0; i < fit; i++, y++) {
                const char *text = store.s + c->text[i];
                if (c->timers) {
                    int cx = x + 2;
                    grid_text(g, cx, y, ww, ST_WAITING, text);
                    cx += ww + 2;
                    grid_text(g, cx, y, whw, ST_BOLD, twho[i]);
                    cx += whw + 2;
                    if (cx < x + w)
                        grid_text(g, cx, y, x + w - cx, ST_NORMAL, twhat[i]);
                    continue;
                }
                int nw = 0;
                if (c->numbered)
                    nw = grid_textf(g, x + 2, y, w - 2, ST_DIM, "%d ", i + 1);
                grid_text(g, x + 2 + nw, y, w - 2 - nw, ST_NORMAL, text);
            }
            unsigned long rest = (unsigned long)(c->n - fit) + c->more;
            if (rest && room > fit)
                grid_textf(g, x + 2, y++, w - 2, ST_DIM, "+%lu more", rest);
        }
        grid_clip_pop(g, saved);
    }
    buf_free(&store);
    xfree(s);
}

const Pane pane_internals = {
    .name = "internals",
    .draw = internals_draw,
    .key = NULL,
};
