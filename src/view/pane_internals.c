/* pane_internals.c: the loop internals view (pane_internals), drawn where
 * the task columns go while it is toggled on (the i key, frame --internals).
 * Owns how the recorded snapshot of the loop at the current step reads: the
 * iteration count in the title, the READY QUEUE in run order with what each
 * handle will do, the TIMERS by deadline with the task each one wakes, and
 * the sync primitives in play. A snapshot with a title line (H, from a
 * JavaScript run) reads as Node's loop instead: the CALL STACK, the
 * NEXTTICK QUEUE, the MICROTASKS in run order, the TIMERS by expiry and
 * the IMMEDIATES, in two columns when there is room. Task references read
 * as labels (rec_words).
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

enum { READY, TIMERS, SYNC, STACK, TICKS, MICRO, CHECK, NSEC };

/* The text of one snapshot line after its letter (a handle's words, a
 * timer's "when\twho\twhat", a primitive's state), task references read
 * as labels. The text is appended to store, NUL-ended; returns its offset. */
static size_t line_text(const Recording *rec, const char *line, Buf *store, Buf *scratch)
{
    size_t at = store->len;
    buf_puts(store, rec_words_s(rec, line + 1, scratch));
    buf_putc(store, '\0');
    return at;
}

/* The section of a snapshot line's letter (upper case: an entry, lower
 * case: how many more), or -1. */
static int section_of(char c)
{
    static const char letters[] = "rtpsnmx";
    static const int secs[] = {READY, TIMERS, SYNC, STACK, TICKS, MICRO, CHECK};
    const char *at = c ? strchr(letters, c | 0x20) : NULL;
    return at ? secs[at - letters] : -1;
}

/* Read the snapshot (s, cut in place) into the sections; the texts go to
 * store. Returns the iteration count; a title line (H) goes to title. */
static unsigned long long build(const Recording *rec, Section *sec, char *s, Buf *store, char *title, size_t tn)
{
    unsigned long long iter = 0;
    Buf scratch;
    buf_init(&scratch);
    sec[READY] = (Section){.st = ST_READY, .title = "READY QUEUE", .sub = "runs next, in this order",
                           .empty = "(empty)", .numbered = true};
    sec[TIMERS] = (Section){.st = ST_WAITING, .title = "TIMERS", .sub = "by deadline", .empty = "(none)",
                            .timers = true};
    sec[SYNC] = (Section){.st = ST_BOLD, .title = "SYNC", .sub = "locks, semaphores, events, queues"};
    sec[STACK] = (Section){.st = ST_RUNNING, .title = "CALL STACK", .sub = "innermost first", .empty = "(empty)"};
    sec[TICKS] = (Section){.st = ST_READY, .title = "NEXTTICK QUEUE", .sub = "runs first", .empty = "(empty)",
                           .numbered = true};
    sec[MICRO] = (Section){.st = ST_READY, .title = "MICROTASKS", .sub = "then, in this order", .empty = "(empty)",
                           .numbered = true};
    sec[CHECK] = (Section){.st = ST_READY, .title = "IMMEDIATES", .sub = "check phase", .empty = "(none)",
                           .numbered = true};
    for (char *line = s; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        /* a ready handle, a timer, a primitive, a frame or a job: an entry
         * of its section */
        int k = line[0] == 'P' ? SYNC : line[0] == 'p' ? -1 : section_of(line[0]);
        if (line[0] == 'I')
            iter = strtoull(line + 1, NULL, 10);
        else if (line[0] == 'H')
            snprintf(title, tn, "%s", line + 1);
        else if (k >= 0 && line[0] >= 'a' && line[0] <= 'z')
            sec[k].more = strtoul(line + 1, NULL, 10);
        else if (k >= 0 && sec[k].n < (int)(sizeof sec[k].text / sizeof sec[k].text[0]))
            sec[k].text[sec[k].n++] = line_text(rec, line, store, &scratch);
        line = nl ? nl + 1 : NULL;
    }
    buf_free(&scratch);
    return iter;
}

/* Rows for each of the n sections in order[] out of h: every section gets
 * its heading and one row first (an empty one just its heading, which
 * says so), then the rest goes round one row at a
 * time to those that want more, so no section is pushed off by a long one.
 * Returns whether there is room for a blank row between sections. */
static bool share_rows(const Section *sec, const int *order, int n, int h, int *rows)
{
    int want[NSEC], used = 0, total = 0;
    for (int i = 0; i < n; i++) {
        const Section *c = &sec[order[i]];
        rows[i] = 0;
        want[i] = 1 + c->n + (c->more ? 1 : 0); /* an empty one says so on its heading */
        total += want[i];
    }
    bool gaps = total + n - 1 <= h;
    if (gaps)
        h -= n - 1;
    for (int i = 0; i < n && used < h; i++) {
        rows[i] = want[i] < 2 || h - used < 2 ? (h - used < want[i] ? h - used : want[i]) : 2;
        used += rows[i];
    }
    for (bool more = true; more && used < h;) {
        more = false;
        for (int i = 0; i < n && used < h; i++)
            if (rows[i] < want[i]) {
                rows[i]++;
                used++;
                more = true;
            }
    }
    return gaps;
}

/* Draw the n sections of order[] down the rectangle in. */
static void draw_sections(Grid *g, Rect in, Section *sec, const int *order, int n, Buf *store)
{
    int pad = in.w > 20 ? 1 : 0, x = in.x + pad, w = in.w - 2 * pad;
    /* the timers' "when" and "who" columns line up */
    int ww = 0, whw = 0;
    const char *twho[64], *twhat[64];
    bool timers = false;
    for (int i = 0; i < n; i++)
        timers |= order[i] == TIMERS;
    for (int i = 0; timers && i < sec[TIMERS].n; i++) {
        char *when = store->s + sec[TIMERS].text[i];
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
    int rows[NSEC];
    bool gaps = share_rows(sec, order, n, in.h, rows);
    int y = in.y;
    for (int i = 0; i < n; i++) {
        if (!rows[i])
            continue;
        if (y > in.y && gaps)
            y++;
        const Section *c = &sec[order[i]];
        int used = grid_text(g, x, y, w, c->st, c->title);
        bool empty = !c->n && !c->more;
        if (used + 2 < w)
            grid_text(g, x + used + 2, y, w - used - 2, ST_DIM, empty ? c->empty : c->sub);
        y++;
        int room = rows[i] - 1, fit = c->n;
        if (fit + (c->more ? 1 : 0) > room) /* keep a row for "+N more" */
            fit = room > 0 ? room - 1 : 0;
        for (int k = 0; k < fit; k++, y++) {
            const char *text = store->s + c->text[k];
            if (c->timers) {
                int cx = x + 2;
                grid_text(g, cx, y, ww, ST_WAITING, text);
                cx += ww + 2;
                grid_text(g, cx, y, whw, ST_BOLD, twho[k]);
                cx += whw + 2;
                if (cx < x + w)
                    grid_text(g, cx, y, x + w - cx, ST_NORMAL, twhat[k]);
                continue;
            }
            int nw = 0;
            if (c->numbered)
                nw = grid_textf(g, x + 2, y, w - 2, ST_DIM, "%d ", k + 1);
            grid_text(g, x + 2 + nw, y, w - 2 - nw, ST_NORMAL, text);
        }
        unsigned long rest = (unsigned long)(c->n - fit) + c->more;
        if (rest && room > fit)
            grid_textf(g, x + 2, y++, w - 2, ST_DIM, "+%lu more", rest);
    }
}

static void internals_draw(const View *v, Grid *g, Rect r)
{
    size_t n = view_nsteps(v);
    const char *snap = n ? rec_internals_at(v->rec, v->step < n ? v->step : n - 1) : "";
    char *s = xstrdup(snap);
    Buf store;
    buf_init(&store);
    Section sec[NSEC];
    char node[80] = "";
    unsigned long long iter = build(v->rec, sec, s, &store, node, sizeof node);
    char title[120];
    if (node[0])
        snprintf(title, sizeof title, g->ascii ? "event loop - %s" : "event loop \u00b7 %s", node);
    else
        snprintf(title, sizeof title,
                 g->ascii ? "loop internals - iteration %llu" : "loop internals \u00b7 iteration %llu", iter);
    pane_box(v, g, r, FOCUS_TASKS, title);
    Rect in = rect_inset(r, 1);
    if (in.w > 0 && in.h > 0) {
        Rect saved = grid_clip_push(g, in);
        if (!node[0]) {
            int order[3] = {READY, TIMERS, SYNC};
            draw_sections(g, in, sec, order, sec[SYNC].n > 0 ? 3 : 2, &store);
        } else {
            /* Node's loop: what runs now and next on the left, what waits
             * for the clock on the right (one column when narrow) */
            sec[TIMERS].sub = "by expiry";
            int left[3] = {STACK, TICKS, MICRO}, right[2] = {TIMERS, CHECK}, all[5] = {STACK, TICKS, MICRO, TIMERS, CHECK};
            if (in.w >= 60) {
                int lw = in.w / 2;
                draw_sections(g, (Rect){in.x, in.y, lw, in.h}, sec, left, 3, &store);
                for (int y = in.y; y < in.y + in.h; y++)
                    grid_text(g, in.x + lw, y, 1, ST_DIM, g->ascii ? "|" : "\u2502");
                draw_sections(g, (Rect){in.x + lw + 1, in.y, in.w - lw - 1, in.h}, sec, right, 2, &store);
            } else {
                draw_sections(g, in, sec, all, 5, &store);
            }
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
