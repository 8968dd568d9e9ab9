/* pane_tasks.c: the RUNNING / WAITING / READY / DONE columns.
 * Owns the task board at the current step: which column each visible task
 * is in and in what order (RUNNING and WAITING by creation, READY by queue
 * position, DONE by when it finished), the card each task gets (its name,
 * disambiguated as "worker (Task-2)", or "worker #2" when narrow, when
 * coroutine names clash anywhere in the run; what it waits on, its await
 * chain, how it ended; a marker on the card the step changed), how a
 * column shares its rows among its cards, and, when they do not fit, one
 * row per card with "+N more", scrolled to the changed card or, once the
 * learner scrolls, by v->scroll[FOCUS_TASKS]. Below the columns, when the
 * run used worker threads or processes (docs/threads.md), a THREADS area:
 * one row per lane with the job it runs and its progress, or "idle".
 * Leaves to others: the task states and labels (the recording), the visible
 * tasks and their order of creation (seek), where the pane goes (layout),
 * unpinning (view). Everything is recomputed per frame from the recording:
 * O(tasks log tasks) with a few allocations, no state kept. */
#include "pane.h"

#include "../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { COL_RUNNING, COL_WAITING, COL_READY, COL_DONE, NCOLS };

typedef struct Card {
    TaskView tv;
    size_t seq;     /* creation order among the visible tasks */
    bool clash;     /* another visible task runs a coroutine of the same name */
    uint8_t detail_rows, chain_rows;  /* rows given to each below the name (fit_column) */
} Card;

typedef struct Board {
    Card *cards;          /* the tasks that exist at the step, in creation order */
    size_t n;
    size_t *idx;          /* indexes into cards, column by column */
    size_t start[NCOLS];  /* first entry of each column in idx */
    size_t count[NCOLS];
} Board;

static const char *const col_full[NCOLS] = {"RUNNING", "WAITING", "READY", "DONE"};
static const char *const col_short[NCOLS] = {"RUN", "WAIT", "RDY", "DONE"};
static const Style col_style[NCOLS] = {ST_RUNNING, ST_WAITING, ST_READY, ST_DONE};

static int col_of(TaskState st)
{
    switch (st) {
    case TS_RUNNING:
        return COL_RUNNING;
    case TS_WAITING:
        return COL_WAITING;
    case TS_READY:
        return COL_READY;
    default:
        return COL_DONE;
    }
}

/* No NULL strings from here on. */
static void tv_tidy(TaskView *tv)
{
    tv->name = tv->name ? tv->name : "";
    tv->coro = tv->coro ? tv->coro : "";
    tv->label = tv->label ? tv->label : "";
    tv->chain = tv->chain ? tv->chain : "";
}

static bool multi_chain(const char *chain) { return chain && strchr(chain, ' ') != NULL; }

/* The text under a card's name: what it waits on or how it ended. */
static const char *card_detail(const TaskView *tv, Style *st)
{
    *st = ST_NORMAL;
    switch (tv->state) {
    case TS_RUNNING:
        return "";
    case TS_WAITING:
        return tv->label;
    case TS_READY:
        if (!*tv->label || !strcmp(tv->label, "scheduled")) {
            *st = ST_DIM;
            return "scheduled";
        }
        return tv->label;
    default:
        break;
    }
    switch (tv->outcome) {
    case OUT_RAISED:
        *st = ST_RAISED;
        return *tv->label ? tv->label : "raised";
    case OUT_CANCELLED:
        *st = ST_CANCELLED;
        return *tv->label ? tv->label : "cancelled";
    case OUT_NEVER:
        *st = ST_NEVER;
        return "never awaited";
    default:
        return *tv->label ? tv->label : "done";
    }
}

/* The name a card shows (see the top of the file). */
static void card_name(const Card *c, char *buf, size_t size)
{
    const TaskView *tv = &c->tv;
    if (!pane_made_up_name(tv->name) || !*tv->coro)
        snprintf(buf, size, "%s", *tv->name ? tv->name : "?");
    else if (c->clash && tv->name[0] != '(')
        snprintf(buf, size, "%s (%s)", tv->coro, tv->name);
    else
        snprintf(buf, size, "%s", tv->coro);
}

typedef struct NameKey {
    const char *coro;
    size_t seq;
} NameKey;

static int cmp_namekey(const void *a, const void *b)
{
    const NameKey *x = a, *y = b;
    int c = strcmp(x->coro, y->coro);
    return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Mark the tasks whose coroutine name another task (of the whole run, so a
 * name does not change while the learner steps) also shows. */
static void mark_clashes(const View *v, Board *b, size_t nvis)
{
    size_t nsteps = view_nsteps(v);
    if (!nsteps || !b->n)
        return;
    NameKey *keys = xmalloc(nvis * sizeof *keys);
    bool *clash = xcalloc(nvis, 1);
    size_t nk = 0, c = 0;
    for (size_t i = 0; i < nvis; i++) {
        /* names and coroutines do not change with the step: the cards
         * already hold them; later tasks are read at the last step */
        TaskView last;
        const TaskView *tv = &last;
        if (c < b->n && b->cards[c].seq == i)
            tv = &b->cards[c++].tv;
        else if (!rec_task_at(v->rec, seek_task(v->seek, i), nsteps - 1, &last))
            continue;
        else
            tv_tidy(&last); /* only when read here: a card's view is tidy, last unset */
        if (pane_made_up_name(tv->name) && tv->name[0] != '(' && *tv->coro)
            keys[nk++] = (NameKey){tv->coro, i};
    }
    qsort(keys, nk, sizeof *keys, cmp_namekey);
    for (size_t i = 0; i + 1 < nk; i++)
        if (!strcmp(keys[i].coro, keys[i + 1].coro))
            clash[keys[i].seq] = clash[keys[i + 1].seq] = true;
    for (size_t i = 0; i < b->n; i++)
        b->cards[i].clash = clash[b->cards[i].seq];
    free(clash);
    free(keys);
}

/* A column entry while sorting: the key (queue position for READY, the
 * step it finished at for DONE), creation order to break ties, the card. */
typedef struct Ent {
    size_t key, seq, card;
} Ent;

static int cmp_ent(const void *a, const void *b)
{
    const Ent *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

static void sort_column(Board *b, int k, Ent *tmp)
{
    size_t n = b->count[k], *ix = n ? b->idx + b->start[k] : NULL; /* idx is NULL with no cards */
    for (size_t i = 0; i < n; i++) {
        const Card *c = &b->cards[ix[i]];
        tmp[i] = (Ent){k == COL_READY ? (size_t)c->tv.order : c->tv.since, c->seq, ix[i]};
    }
    qsort(tmp, n, sizeof *tmp, cmp_ent);
    for (size_t i = 0; i < n; i++)
        ix[i] = tmp[i].card;
}

static void board_build(const View *v, Board *b)
{
    memset(b, 0, sizeof *b);
    size_t nvis = v->seek ? seek_tasks(v->seek) : 0;
    if (!v->rec || !nvis)
        return;
    b->cards = xmalloc(nvis * sizeof *b->cards);
    b->idx = xmalloc(nvis * sizeof *b->idx);
    for (size_t i = 0; i < nvis; i++) {
        Card *c = &b->cards[b->n];
        if (!rec_task_at(v->rec, seek_task(v->seek, i), v->step, &c->tv) || c->tv.hidden)
            continue;
        tv_tidy(&c->tv);
        c->seq = i;
        c->clash = false;
        b->count[col_of(c->tv.state)]++;
        b->n++;
    }
    mark_clashes(v, b, nvis);
    size_t fill[NCOLS];
    for (int k = 0, at = 0; k < NCOLS; k++) {
        b->start[k] = (size_t)at;
        fill[k] = (size_t)at;
        at += (int)b->count[k];
    }
    for (size_t i = 0; i < b->n; i++)
        b->idx[fill[col_of(b->cards[i].tv.state)]++] = i;
    Ent *tmp = xmalloc((b->n ? b->n : 1) * sizeof *tmp);
    sort_column(b, COL_READY, tmp);
    sort_column(b, COL_DONE, tmp);
    free(tmp);
}

static void board_free(Board *b)
{
    free(b->cards);
    free(b->idx);
}

static int clampi(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }

/* Geometry shared by draw and key: the inside of the frame, and the x and
 * width of each column (separated by one-cell rules). */
typedef struct Cols {
    Rect in;
    int x[NCOLS], w[NCOLS];
    Rect threads;   /* the THREADS area below the columns (h = 0: none) */
} Cols;

/* Rows for the THREADS area: a rule with its title, then one per lane, up
 * to half the pane; none when the run used no worker. */
static int threads_rows(const View *v, int h)
{
    int n = v->rec ? rec_nlanes(v->rec) : 0;
    if (!n || h < 6)
        return 0;
    return n + 1 < h / 2 ? n + 1 : h / 2;
}

static bool cols_layout(const View *v, Rect r, Cols *c)
{
    c->in = rect_inset(r, 1);
    int tr = threads_rows(v, c->in.h);
    c->threads = (Rect){c->in.x, c->in.y + c->in.h - tr, c->in.w, tr};
    c->in.h -= tr;
    if (c->in.w < NCOLS * 2 + NCOLS - 1 || c->in.h < 1)
        return false;
    int avail = c->in.w - (NCOLS - 1), base = avail / NCOLS, extra = avail % NCOLS;
    int x = c->in.x;
    for (int k = 0; k < NCOLS; k++) {
        c->x[k] = x;
        c->w[k] = base + (k < extra);
        x += c->w[k] + 1;
    }
    return true;
}

/* The scroll offset a column of n one-row cards can use when rows are free
 * below its title: 0 when everything fits. */
static int max_scroll(size_t n, int rows)
{
    if (rows < 2 || n <= (size_t)rows)
        return 0;
    return (int)(n - (size_t)(rows - 1));
}

static void draw_title(Grid *g, int x, int y, int w, int k, size_t n)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%s %zu", col_full[k], n);
    if (grid_text_width(buf) > w)
        snprintf(buf, sizeof buf, "%s %zu", col_short[k], n);
    if (grid_text_width(buf) > w)
        snprintf(buf, sizeof buf, "%s%zu", col_short[k], n);
    if (grid_text_width(buf) > w)
        snprintf(buf, sizeof buf, "%zu", n);
    grid_text(g, x, y, w, col_style[k], buf);
}

/* Where text too wide for w columns breaks: the byte length of
 * the first row, at the last space when there is one past a third of w. */
static size_t wrap_at(const char *text, int w)
{
    size_t i = 0, space = 0;
    int col = 0;
    while (text[i]) {
        size_t n = 1;
        while ((text[i + n] & 0xC0) == 0x80)
            n++;
        char one[8] = {0};
        memcpy(one, text + i, n < sizeof one ? n : sizeof one - 1);
        int cw = grid_text_width(one);
        if (col + cw > w)
            break;
        if (text[i] == ' ' && col >= w / 3)
            space = i;
        col += cw;
        i += n;
    }
    return space ? space : i;
}

/* text in up to rows rows (1 or 2) of w columns; the last ends in an
 * ellipsis if it still does not fit. Returns the rows used. */
static int draw_wrapped(Grid *g, int x, int y, int w, int rows, Style st, const char *text)
{
    if (w <= 0 || rows <= 0)
        return 0;
    if (rows == 1 || grid_text_width(text) <= w) {
        grid_text(g, x, y, w, st, text);
        return 1;
    }
    size_t cut = wrap_at(text, w);
    char *first = xstrndup(text, cut);
    grid_text(g, x, y, w, st, first);
    free(first);
    const char *rest = text + cut;
    while (*rest == ' ')
        rest++;
    grid_text(g, x, y + 1, w, st, rest);
    return 2;
}

static int indent_of(int w) { return w >= 16 ? 2 : 1; }

/* Rows text needs at width w: 0 for none, 1, or 2 when it must wrap. */
static uint8_t rows_for(const char *text, int w)
{
    if (!text || !*text)
        return 0;
    return grid_text_width(text) <= w ? 1 : 2;
}

/* The name row: marker of the changed card, the never-awaited warning,
 * then the name; a clashing name keeps its task number when cut. Returns
 * the columns used. */
static int draw_name(Grid *g, const Card *c, int x, int y, int w, bool changed)
{
    const TaskView *tv = &c->tv;
    Style st = tv->outcome == OUT_NEVER ? ST_NEVER : col_style[col_of(tv->state)];
    int used = 0;
    if (changed) {
        used += grid_text(g, x, y, w, ST_BOLD, g->ascii ? "> " : "▸ ");
        st = ST_BOLD;
    }
    if (tv->outcome == OUT_NEVER && used < w)
        used += grid_text(g, x + used, y, w - used, ST_NEVER, g->ascii ? "! " : "⚠ ");
    if (used >= w)
        return used;
    char name[256];
    card_name(c, name, sizeof name);
    int room = w - used;
    if (c->clash && pane_made_up_name(tv->name) && tv->name[0] != '(' && grid_text_width(name) > room) {
        char suffix[48];
        snprintf(suffix, sizeof suffix, " #%s", tv->name + 5);
        int sw = grid_text_width(suffix);
        if (room - sw >= 2) {
            int cw = grid_text(g, x + used, y, room - sw, st, tv->coro);
            return used + cw + grid_text(g, x + used + cw, y, sw, st, suffix);
        }
    }
    return used + grid_text(g, x + used, y, room, st, name);
}

/* Draw a card from y: the name, then c->detail_rows of its detail and
 * c->chain_rows of its await chain (compact: the detail after the name). */
static void draw_card(Grid *g, const Card *c, int x, int y, int w, bool compact, bool changed)
{
    const TaskView *tv = &c->tv;
    Style dst;
    const char *detail = card_detail(tv, &dst);
    int used = draw_name(g, c, x, y, w, changed);
    if (compact) {
        if (*detail && used + 1 < w)
            grid_text(g, x + used + 1, y, w - used - 1, dst == ST_NORMAL ? ST_DIM : dst, detail);
        return;
    }
    int in = indent_of(w), row = 1;
    if (w <= in)
        return;
    row += draw_wrapped(g, x + in, y + row, w - in, c->detail_rows, dst, detail);
    if (tv->state != TS_DONE)
        draw_wrapped(g, x + in, y + row, w - in, c->chain_rows, ST_DIM, tv->chain);
}

/* Share out `rows` rows among the column's n cards (n <= rows): every card
 * gets its name row, then, round by round, its first detail row, its
 * first chain row, the second rows of the two when they wrap (the changed
 * card first in each round, the rest from the top). Returns the blank rows
 * to leave between cards (1 when there is room for it, else 0). */
static int fit_column(Board *b, const size_t *ix, size_t n, int rows, int w, int changed)
{
    int spare = rows - (int)n, in = indent_of(w);
    uint8_t (*want)[2] = xmalloc(n * sizeof *want);
    for (size_t i = 0; i < n; i++) {
        Card *c = &b->cards[ix[i]];
        Style st;
        want[i][0] = w > in ? rows_for(card_detail(&c->tv, &st), w - in) : 0;
        want[i][1] = w > in && c->tv.state != TS_DONE && multi_chain(c->tv.chain) ? rows_for(c->tv.chain, w - in) : 0;
        c->detail_rows = c->chain_rows = 0;
    }
    for (int round = 0; round < 4 && spare > 0; round++) {
        int part = round & 1;
        uint8_t need = (uint8_t)(round / 2 + 1);
        for (size_t pass = 0; pass < 2 && spare > 0; pass++) {
            for (size_t i = 0; i < n && spare > 0; i++) {
                Card *c = &b->cards[ix[i]];
                if ((c->tv.id == changed) != (pass == 0) || want[i][part] < need)
                    continue;
                if (part == 0)
                    c->detail_rows = need;
                else
                    c->chain_rows = need;
                spare--;
            }
        }
    }
    free(want);
    return n > 1 && spare >= (int)n - 1 ? 1 : 0;
}

/* The first card a column of one-row cards shows: the learner's scroll
 * once pinned, else whatever keeps the card this step changed in sight. */
static int col_offset(const View *v, const Board *b, int k, int rows, int changed)
{
    size_t n = b->count[k];
    const size_t *ix = n ? b->idx + b->start[k] : NULL; /* idx is NULL with no cards */
    int most = max_scroll(n, rows);
    if (v->pinned[FOCUS_TASKS])
        return clampi(v->scroll[FOCUS_TASKS], 0, most);
    for (size_t i = 0; most > 0 && i < n; i++)
        if (b->cards[ix[i]].tv.id == changed)
            return i + 1 >= (size_t)rows ? clampi((int)i - (rows - 1) / 2, 0, most) : 0;
    return 0;
}

static void draw_column(const View *v, Grid *g, Board *b, int k, int x, int y, int w, int h, int changed)
{
    size_t n = b->count[k];
    draw_title(g, x, y, w, k, n);
    int rows = h - 1;
    y++;
    if (rows <= 0 || !n)
        return;
    const size_t *ix = b->idx + b->start[k]; /* b->idx is NULL when there are no tasks */
    if (n <= (size_t)rows) {
        int gap = fit_column(b, ix, n, rows, w, changed);
        for (size_t i = 0; i < n; i++) {
            const Card *c = &b->cards[ix[i]];
            draw_card(g, c, x, y, w, false, c->tv.id == changed);
            y += 1 + c->detail_rows + c->chain_rows + gap;
        }
        return;
    }
    /* too many: one row each, scrolled, with what is above and below counted */
    char more[48];
    int off = col_offset(v, b, k, rows, changed);
    int row = 0;
    if (off > 0) {
        snprintf(more, sizeof more, "%s %d more", g->ascii ? "^" : "↑", off);
        grid_text(g, x, y + row++, w, ST_DIM, more);
    }
    int left = rows - row;
    size_t shown = (size_t)left;
    if ((size_t)off + shown < n)
        shown = left > 0 ? (size_t)(left - 1) : 0;
    for (size_t i = 0; i < shown; i++) {
        const Card *c = &b->cards[ix[(size_t)off + i]];
        draw_card(g, c, x, y + row++, w, true, c->tv.id == changed);
    }
    size_t below = n - (size_t)off - shown;
    if (below > 0) {
        snprintf(more, sizeof more, "+%zu more", below);
        if (grid_text_width(more) > w)
            snprintf(more, sizeof more, "+%zu", below);
        grid_text(g, x, y + row, w, ST_DIM, more);
    }
}

/* "asyncio_0  load_file  0.30/0.80s" or "asyncio_0  idle", one row a lane. */
static void draw_threads(const View *v, Grid *g, Rect a)
{
    if (a.h < 2 || !v->seek)
        return;
    int n = rec_nlanes(v->rec);
    int busy = seek_busy_lanes(v->seek, v->step);
    grid_hline(g, a.x, a.y, a.w, ST_BORDER);
    char title[64];
    snprintf(title, sizeof title, " THREADS %d/%d busy ", busy, n);
    grid_text(g, a.x + 1, a.y, a.w - 2, ST_TITLE, title);
    int namew = 0;
    for (int i = 0; i < n; i++) {
        int w = grid_text_width(rec_lane_name(v->rec, i));
        namew = w > namew ? w : namew;
    }
    /* the step's time, or later while playback crosses a gap after it */
    const Step *st = rec_step_at(v->rec, v->step);
    double now = st ? st->t : 0;
    now = v->playhead > now ? v->playhead : now;
    int rows = a.h - 1;
    for (int i = 0; i < n && i < rows; i++) {
        int y = a.y + 1 + i;
        if (i == rows - 1 && n > rows) {
            grid_textf(g, a.x + 1, y, a.w - 1, ST_DIM, "+%d more", n - i);
            break;
        }
        int x = a.x + 1;
        bool exists = rec_lane_step(v->rec, i) <= v->step;
        grid_text(g, x, y, a.w - 1, exists ? ST_NORMAL : ST_DIM, rec_lane_name(v->rec, i));
        x += namew + 2;
        if (!exists) {
            grid_text(g, x, y, a.x + a.w - x, ST_DIM, "not started yet");
            continue;
        }
        int job = seek_lane_job(v->seek, i, v->step);
        JobView jv;
        if (job < 0 || !rec_job_at(v->rec, job, &jv)) {
            grid_text(g, x, y, a.x + a.w - x, ST_DIM, "idle");
            continue;
        }
        double dur = jv.t1 - jv.t0, done = now - jv.t0;
        done = done < 0 ? 0 : done > dur ? dur : done;
        grid_textf(g, x, y, a.x + a.w - x, ST_RUNNING, "%s  %.2f/%.2fs", jv.func, done, dur);
    }
}

static void tasks_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    pane_box(v, g, r, FOCUS_TASKS, "tasks");
    Cols c;
    if (cols_layout(v, r, &c)) {
        Board b;
        board_build(v, &b);
        const Step *st = v->rec ? rec_step_at(v->rec, v->step) : NULL;
        int changed = st ? st->task : -1;
        for (int k = 0; k < NCOLS; k++) {
            if (k > 0)
                grid_vline(g, c.x[k] - 1, c.in.y, c.in.h, ST_BORDER);
            draw_column(v, g, &b, k, c.x[k], c.in.y, c.w[k], c.in.h, changed);
        }
        board_free(&b);
        draw_threads(v, g, c.threads);
    }
    grid_clip_pop(g, saved);
}

/* ↑/↓ one row, PgUp/PgDn a column's height, Home/End; clamped to the
 * longest column's overflow. */
static Action tasks_key(View *v, const Input *in, Rect r)
{
    Cols c;
    int rows = cols_layout(v, r, &c) ? c.in.h - 1 : 0;
    int most = 0, s = 0;
    if (rows > 0) {
        Board b;
        board_build(v, &b);
        const Step *st = v->rec ? rec_step_at(v->rec, v->step) : NULL;
        for (int k = 0; k < NCOLS; k++) {
            int m = max_scroll(b.count[k], rows), at = col_offset(v, &b, k, rows, st ? st->task : -1);
            most = m > most ? m : most;
            s = at > s ? at : s; /* unpinned: from where the followed column is */
        }
        board_free(&b);
    }
    return pane_scroll(v, FOCUS_TASKS, in, s, rows > 3 ? rows - 2 : 1, most, false);
}

const Pane pane_tasks = {
    .name = "tasks",
    .draw = tasks_draw,
    .key = tasks_key,
};
