/* compare.c: two runs side by side (see compare.h). Owns the shared
 * clock and its moments, the split screen and the shared timeline; each
 * half is drawn by the usual panes (header, code, tasks, caption) into its
 * own rectangles. */
#include "compare.h"

#include "pane.h"

#include <stdio.h>
#include <string.h>

#define EPS 1e-9
#define FRAME_INTERVAL 0.05

static double end_of(const View *v) { return v->seek ? seek_end_time(v->seek) : 0; }

static double both_end(const View *a)
{
    double ea = end_of(a), eb = end_of(a->twin);
    return ea > eb ? ea : eb;
}

/* The last step of v at or before time t (0 when none). */
static size_t step_at(const View *v, double t)
{
    size_t lo = 0, hi = view_nsteps(v);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rec_step_at(v->rec, mid)->t <= t + EPS)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

/* The first step time of v after t, or a negative number. */
static double time_after(const View *v, double t)
{
    size_t s = step_at(v, t);
    for (size_t i = s; i < view_nsteps(v); i++) {
        double ti = rec_step_at(v->rec, i)->t;
        if (ti > t + EPS)
            return ti;
    }
    return -1;
}

/* The last step time of v before t, or a negative number. */
static double time_before(const View *v, double t)
{
    for (size_t i = step_at(v, t) + 1; i-- > 0;) {
        double ti = rec_step_at(v->rec, i)->t;
        if (ti < t - EPS)
            return ti;
    }
    return -1;
}

static void place(View *a, double t)
{
    View *b = a->twin;
    a->playhead = b->playhead = t;
    a->step = step_at(a, t);
    b->step = step_at(b, t);
    a->dwell = 0;
    for (int f = 0; f < FOCUS_COUNT; f++)
        a->pinned[f] = b->pinned[f] = false;
}

void compare_pair(View *a, View *b)
{
    a->twin = b;
    b->hints = a->hints;
    place(a, 0);
}

void compare_seek_time(View *a, double t)
{
    a->playing = false;
    place(a, t < 0 ? 0 : t);
}

static Action go(View *a, double t)
{
    bool was = a->playing;
    compare_seek_time(a, t);
    a->status[0] = 0;
    return was ? ACT_PLAYBACK : ACT_REDRAW;
}

bool compare_key(View *a, const Input *in, Action *out)
{
    if (a->help || a->prompt)
        return false;
    double t = a->playhead, na = time_after(a, t), nb = time_after(a->twin, t);
    double pa = time_before(a, t), pb = time_before(a->twin, t);
    switch (in->key) {
    case ' ':
    case 'p':
        a->status[0] = 0;
        if (a->playing) {
            a->playing = false;
        } else {
            if (t >= both_end(a) - EPS)
                place(a, 0);
            a->playing = both_end(a) > EPS;
        }
        *out = ACT_PLAYBACK;
        return true;
    case K_RIGHT:
    case 'l':
    case 'n':
    case ']':
    case K_WHEEL_DOWN:
        if (na < 0 && nb < 0) {
            snprintf(a->status, sizeof a->status, "both runs are over: Home goes back to the start");
            *out = ACT_REDRAW;
        } else {
            *out = go(a, na < 0 ? nb : nb < 0 ? na : na < nb ? na : nb);
        }
        return true;
    case K_LEFT:
    case 'h':
    case '[':
    case K_WHEEL_UP:
        *out = go(a, pa > pb ? pa : pb > 0 ? pb : 0);
        return true;
    case K_HOME:
    case 'r':
        *out = go(a, 0);
        return true;
    case K_END:
        *out = go(a, both_end(a));
        return true;
    default:
        return false;
    }
}

double compare_tick_delay(const View *a)
{
    return a->playing ? FRAME_INTERVAL : -1;
}

Action compare_tick(View *a, double elapsed)
{
    if (!a->playing)
        return ACT_NONE;
    double t = a->playhead + elapsed * view_speed(a), end = both_end(a);
    if (t >= end - EPS) {
        place(a, end);
        a->playing = false;
        snprintf(a->status, sizeof a->status, "both runs are over: Space plays again from the start");
        return ACT_PLAYBACK;
    }
    place(a, t);
    return ACT_REDRAW;
}

/* ------------------------------------------------------------ drawing */

/* A half's top row: "A  its title ... Python 3.12  step 5/24" (the clock
 * is shared: the top bar has it; the version says whose semantics when
 * the halves differ in it). */
static void draw_half_head(const View *v, const char *side, bool same_version, Grid *g, Rect r)
{
    grid_fill(g, r, ' ', ST_HEADER);
    char right[80];
    /* the version, when the two runs follow different ones (the top bar
     * says it once when they share it) */
    const char *rt = same_version ? "" : rec_runtime(v->rec);
    snprintf(right, sizeof right, "%s%sstep %zu/%zu", rt, *rt ? "  " : "", view_nsteps(v) ? v->step + 1 : 0,
             view_nsteps(v));
    int rw = grid_text_width(right);
    int x = r.x + 1 + grid_text(g, r.x + 1, r.y, 2, ST_HEADER_ACCENT, side) + 1;
    grid_text(g, x, r.y, r.x + r.w - 1 - rw - 2 - x, ST_HEADER, v->title);
    grid_text(g, r.x + r.w - 1 - rw, r.y, rw, ST_HEADER, right);
}

/* One half: its own header, code, columns and caption. */
static void draw_half(View *v, const char *side, bool same_version, Grid *g, Rect r)
{
    int cap = 2, code_h = (r.h - 1 - cap) * 2 / 5;
    if (code_h < 4)
        code_h = 4;
    Rect head = {r.x, r.y, r.w, 1};
    Rect code = {r.x, r.y + 1, r.w, code_h};
    Rect tasks = {r.x, r.y + 1 + code_h, r.w, r.h - 1 - code_h - cap};
    Rect caption = {r.x + 1, r.y + r.h - cap, r.w - 2, cap};
    memset(&v->lay, 0, sizeof v->lay);
    v->lay.header = head;
    v->lay.box[FOCUS_CODE] = code;
    v->lay.box[FOCUS_TASKS] = tasks;
    v->lay.caption = caption;
    grid_clip(g, head);
    draw_half_head(v, side, same_version, g, head);
    grid_unclip(g);
    pane_draw_in(&pane_code, v, g, code);
    pane_draw_in(v->internals ? &pane_internals : &pane_tasks, v, g, tasks);
    pane_draw_in(&pane_caption, v, g, caption);
}

/* Column of time t on a bar at bx, bw columns wide, for 0 .. end. */
static int col_of(double t, double end, int bx, int bw)
{
    if (end <= 0 || bw <= 1)
        return bx;
    int c = bx + (int)(t / end * (bw - 1) + 0.5);
    return c < bx ? bx : c >= bx + bw ? bx + bw - 1 : c;
}

/* A row of the shared timeline: "A ──┼───┼──█─── 2.5s", on one scale. */
static void draw_track(const View *v, const char *name, double end, double now, Grid *g, int x, int y, int w)
{
    char e[32], label[48];
    pane_format_time(end_of(v), 1, e, sizeof e);
    snprintf(label, sizeof label, "ends %ss", e);
    int lw = grid_text_width(label);
    int bx = x + 2, bw = w - 2 - lw - 1;
    grid_text(g, x, y, 2, ST_TITLE, name);
    if (bw < 4)
        return;
    for (int c = bx; c < bx + bw; c++)
        grid_put(g, c, y, g->ascii ? '-' : 0x2500, ST_TRACK);
    for (size_t i = 0; i < view_nsteps(v); i++) {
        double t = rec_step_at(v->rec, i)->t;
        if (i && t <= rec_step_at(v->rec, i - 1)->t + EPS)
            continue;
        grid_put(g, col_of(t, end, bx, bw), y, g->ascii ? '+' : 0x253c, ST_TICK);
    }
    int ec = col_of(end_of(v), end, bx, bw);
    grid_put(g, ec, y, '|', ST_BOLD);
    grid_put(g, col_of(now, end, bx, bw), y, g->ascii ? '#' : 0x2588, ST_PLAYHEAD);
    grid_text(g, bx + bw + 1, y, lw, ST_DIM, label);
}

/* A run's end for the top bar: "2.5s", and when the two runs follow
 * different versions, how their hops differ: "2.5s, 3 tasks, 21 turns"
 * (its tasks, and the iterations of its last loop). */
static void side_summary(const View *v, bool versions, char *out, size_t n)
{
    char t[32];
    pane_format_time(end_of(v), 1, t, sizeof t);
    /* the loop's count as of the last step it was running at (the end
     * step comes after the loop has stopped) */
    unsigned long long turns = 0;
    bool have_turns = false;
    for (size_t i = view_nsteps(v); i-- > 0 && !have_turns;) {
        const char *in = rec_internals_at(v->rec, i);
        have_turns = in[0] == 'I' && sscanf(in + 1, "%llu", &turns) == 1;
    }
    if (!versions)
        snprintf(out, n, "%ss", t);
    else {
        size_t tasks = v->seek ? seek_tasks(v->seek) : 0;
        int k = snprintf(out, n, "%ss, %zu task%s", t, tasks, tasks == 1 ? "" : "s");
        if (have_turns && k > 0 && (size_t)k < n)
            snprintf(out + k, n - (size_t)k, ", %llu turn%s", turns, turns == 1 ? "" : "s");
    }
}

static void draw_top(View *a, Grid *g)
{
    Rect r = {0, 0, g->w, 1};
    grid_fill(g, r, ' ', ST_HEADER);
    char ea[64], eb[64], now[32], right[160], left[192];
    const char *rt = rec_runtime(a->rec);
    bool same = !strcmp(rt, rec_runtime(a->twin->rec));
    side_summary(a, !same, ea, sizeof ea);
    side_summary(a->twin, !same, eb, sizeof eb);
    pane_format_time(a->playhead, 2, now, sizeof now);
    snprintf(left, sizeof left, "loopscope compare  A: %s%sB: %s%s%s", ea, same ? ", " : "  ", eb,
             same && *rt ? "  " : "", same ? rt : "");
    snprintf(right, sizeof right, "%s%st = %ss  %s%s", a->hints ? (a->playing ? "playing" : "paused") : "",
             a->hints ? "  " : "", now, view_speed_label(a), a->hints ? "  ? help" : "");
    int rw = grid_text_width(right);
    const char *l = left;
    if (grid_text_width(left) > g->w - 2 - rw - 2 && !strncmp(left, "loopscope compare  ", 19))
        l += 19; /* the runs' summaries before the name */
    grid_text(g, 1, 0, g->w - 2 - rw - 2, ST_HEADER_ACCENT, l);
    grid_text(g, g->w - 1 - rw, 0, rw, ST_HEADER_ACCENT, right);
}

void compare_draw(View *a, Grid *g)
{
    grid_clear(g);
    View *b = a->twin;
    memset(&a->lay, 0, sizeof a->lay);
    if (g->w < 2 * 36 || g->h < 18) {
        char msg[96];
        snprintf(msg, sizeof msg, "compare needs %dx%d (the terminal is %dx%d)", 2 * 36, 18, g->w, g->h);
        grid_text(g, 0, g->h / 2, g->w, ST_WARNING, msg);
        a->lay.too_small = true;
        return;
    }
    double end = both_end(a);
    int status = a->status[0] ? 1 : 0, tl = 2;
    int half_h = g->h - 1 - tl - status;
    int hw = g->w / 2;
    draw_top(a, g);
    bool same = !strcmp(rec_runtime(a->rec), rec_runtime(b->rec));
    draw_half(a, "A", same, g, (Rect){0, 1, hw, half_h});
    draw_half(b, "B", same, g, (Rect){hw, 1, g->w - hw, half_h});
    int y = 1 + half_h;
    draw_track(a, "A", end, a->playhead, g, 1, y, g->w - 2);
    draw_track(b, "B", end, a->playhead, g, 1, y + 1, g->w - 2);
    if (status)
        grid_text(g, 1, y + 2, g->w - 2, ST_WARNING, a->status);
    memset(&a->lay, 0, sizeof a->lay); /* no pane takes mouse hits or scroll keys here */
    a->lay.too_small = true;
    if (a->help)
        pane_draw_in(&pane_help, a, g, (Rect){0, 0, g->w, g->h});
}
