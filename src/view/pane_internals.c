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

/* One row to draw: a section heading, an entry, or a dim note. */
typedef struct Row {
    Style st;
    const char *a, *b, *c; /* up to three cells: "1.00", "fetch", "sleep(1)" */
} Row;

enum { MAX_ROWS = 64 };

typedef struct Rows {
    Row r[MAX_ROWS];
    int n;
    char more_ready[40], more_timers[40];
} Rows;

static void add(Rows *rs, Style st, const char *a, const char *b, const char *c)
{
    if (rs->n < MAX_ROWS)
        rs->r[rs->n++] = (Row){st, a, b, c};
}

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

/* Split the snapshot (s, cut in place) into rows: a heading per section,
 * even an empty one. Texts go to store, which must not change after. */
static unsigned long long build(const Recording *rec, Rows *rs, char *s, Buf *store)
{
    size_t ready[MAX_ROWS], timers[MAX_ROWS], prims[MAX_ROWS];
    int nr = 0, nt = 0, np = 0;
    unsigned long long iter = 0;
    Buf scratch;
    buf_init(&scratch);
    rs->more_ready[0] = rs->more_timers[0] = 0;
    for (char *line = s; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        /* a ready handle, a timer or a primitive: a row of its section */
        size_t *to = line[0] == 'R' ? ready : line[0] == 'T' ? timers : line[0] == 'P' ? prims : NULL;
        int *cnt = line[0] == 'R' ? &nr : line[0] == 'T' ? &nt : &np;
        if (to && *cnt < MAX_ROWS)
            to[(*cnt)++] = line_text(rec, line, store, &scratch);
        switch (line[0]) {
        case 'I':
            iter = strtoull(line + 1, NULL, 10);
            break;
        case 'r':
            snprintf(rs->more_ready, sizeof rs->more_ready, "+%s more", line + 1);
            break;
        case 't':
            snprintf(rs->more_timers, sizeof rs->more_timers, "+%s more", line + 1);
            break;
        default:
            break;
        }
        line = nl ? nl + 1 : NULL;
    }
    buf_free(&scratch);
    add(rs, ST_READY, "READY QUEUE", "runs next, in this order", NULL);
    if (!nr)
        add(rs, ST_DIM, "(empty)", NULL, NULL);
    for (int i = 0; i < nr; i++)
        add(rs, ST_NORMAL, store->s + ready[i], NULL, NULL);
    if (rs->more_ready[0])
        add(rs, ST_DIM, rs->more_ready, NULL, NULL);
    add(rs, ST_WAITING, "TIMERS", "by deadline", NULL);
    if (!nt)
        add(rs, ST_DIM, "(none)", NULL, NULL);
    for (int i = 0; i < nt; i++) {
        char *when = store->s + timers[i];
        char *t1 = strchr(when, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        if (t1)
            *t1 = 0;
        if (t2)
            *t2 = 0;
        add(rs, ST_NORMAL, when, t1 ? t1 + 1 : "", t2 ? t2 + 1 : "");
    }
    if (rs->more_timers[0])
        add(rs, ST_DIM, rs->more_timers, NULL, NULL);
    if (np) {
        add(rs, ST_BOLD, "SYNC", "locks, semaphores, events, queues", NULL);
        for (int i = 0; i < np; i++)
            add(rs, ST_NORMAL, store->s + prims[i], NULL, NULL);
    }
    return iter;
}

static void internals_draw(const View *v, Grid *g, Rect r)
{
    size_t n = view_nsteps(v);
    const char *snap = n ? rec_internals_at(v->rec, v->step < n ? v->step : n - 1) : "";
    char *s = xstrdup(snap);
    Buf store;
    buf_init(&store);
    /* room for every text up front: the rows point into store */
    buf_puts(&store, "");
    Rows rs = {.n = 0};
    unsigned long long iter = build(v->rec, &rs, s, &store);
    char title[80];
    snprintf(title, sizeof title, "loop internals \u00b7 iteration %llu", iter);
    if (g->ascii)
        snprintf(title, sizeof title, "loop internals - iteration %llu", iter);
    pane_box(v, g, r, FOCUS_TASKS, title);
    Rect in = rect_inset(r, 1);
    if (in.w <= 0 || in.h <= 0) {
        buf_free(&store);
        free(s);
        return;
    }
    Rect saved = grid_clip_push(g, in);
    int pad = in.w > 20 ? 1 : 0, x = in.x + pad, w = in.w - 2 * pad;
    /* the widest "when" and "who" of the timers line the columns up */
    int ww = 0, whw = 0;
    for (int i = 0; i < rs.n; i++)
        if (rs.r[i].c) {
            int a = grid_text_width(rs.r[i].a), b = grid_text_width(rs.r[i].b);
            ww = a > ww ? a : ww;
            whw = b > whw ? b : whw;
        }
    if (whw > w / 2)
        whw = w / 2;
    int y = in.y, rank = 0, section = 0;
    for (int i = 0; i < rs.n && y < in.y + in.h; i++, y++) {
        const Row *row = &rs.r[i];
        bool heading = row->b && !row->c;
        if (y == in.y + in.h - 1 && i + 1 < rs.n && !heading) {
            grid_textf(g, x, y, w, ST_DIM, "+%d more rows (a taller screen shows them)", rs.n - i);
            break;
        }
        if (heading) {
            if (i && y + 1 < in.y + in.h && y > in.y)
                y++; /* a blank row before each section but the first */
            int used = grid_text(g, x, y, w, row->st, row->a);
            if (used + 2 < w)
                grid_text(g, x + used + 2, y, w - used - 2, ST_DIM, row->b);
            rank = 0;
            section++;
            continue;
        }
        if (row->c) {
            int cx = x + 2;
            grid_text(g, cx, y, ww, ST_WAITING, row->a);
            cx += ww + 2;
            grid_text(g, cx, y, whw, ST_BOLD, row->b);
            cx += whw + 2;
            if (cx < x + w)
                grid_text(g, cx, y, x + w - cx, ST_NORMAL, row->c);
            continue;
        }
        char num[16];
        snprintf(num, sizeof num, "%d ", ++rank);
        bool numbered = row->st == ST_NORMAL && section == 1; /* the ready queue's run order */
        int used = numbered ? grid_text(g, x + 2, y, w - 2, ST_DIM, num) : 0;
        grid_text(g, x + 2 + used, y, w - 2 - used, row->st, row->a);
    }
    grid_clip_pop(g, saved);
    buf_free(&store);
    free(s);
}

const Pane pane_internals = {
    .name = "internals",
    .draw = internals_draw,
    .key = NULL,
};
