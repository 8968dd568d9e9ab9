/* view.c: the viewer state machine. See view.h.
 * Owns what each key does (stepping, seeking by moment and time, speed,
 * focus, the help overlay and the goto prompt) and playback in virtual
 * time: the playhead moves through clock gaps at the chosen speed and
 * dwells a little on steps that happen at the same instant, so every step
 * is seen. Pane-specific keys (scrolling) are passed to the focused pane;
 * drawing is frame.c's. No real clock here: the app passes elapsed time. */
#include "view.h"

#include "compare.h"
#include "layout.h"
#include "pane.h"
#include "picker.h"

#include <stdio.h>
#include <string.h>

static const double speeds[] = {0.25, 0.5, 1, 2, 4, 8, 16};
static const char *const speed_labels[] = {"0.25x", "0.5x", "1x", "2x", "4x", "8x", "16x"};
enum { NSPEEDS = sizeof speeds / sizeof speeds[0], SPEED_1X = 2 };

/* Real seconds a step at the same instant as the one before stays on
 * screen at 1x; divided by the speed. */
#define DWELL_1X 0.5
#define DWELL_MIN 0.02
/* While the playhead crosses a clock gap the clock is redrawn this often. */
#define FRAME_INTERVAL 0.05
#define EPS 1e-9

/* A run with no steps (no asyncio.run) is at time 0. */
static double step_time(const View *v, size_t i)
{
    const Step *s = rec_step_at(v->rec, i);
    return s ? s->t : 0;
}

static void set_title(View *v)
{
    const char *doc = rec_doc(v->rec);
    while (*doc == ' ' || *doc == '\n' || *doc == '\t')
        doc++;
    size_t n = strcspn(doc, "\n");
    if (n == 0) {
        const char *path = rec_path(v->rec);
        const char *slash = strrchr(path, '/');
        doc = slash ? slash + 1 : path;
        n = strlen(doc);
    }
    while (n > 0 && (doc[n - 1] == ' ' || doc[n - 1] == '\t'))
        n--;
    if (n >= sizeof v->title)
        n = sizeof v->title - 1;
    /* cut at a character boundary */
    while (n > 0 && ((unsigned char)doc[n] & 0xC0) == 0x80)
        n--;
    memcpy(v->title, doc, n);
    v->title[n] = 0;
}

void view_init(View *v, const Recording *rec, const Source *src, const Seek *seek)
{
    memset(v, 0, sizeof *v);
    v->rec = rec;
    v->src = src;
    v->seek = seek;
    v->speed = SPEED_1X;
    v->focus = FOCUS_TASKS;
    v->hints = true;
    v->stop_pause = true;
    code_pane_measure(v);
    set_title(v);
    view_seek(v, 0);
}

/* Only the steps the index has seen: a recording still growing on another
 * thread has more, not yet ready to be shown. */
size_t view_nsteps(const View *v) { return v->seek ? seek_nsteps(v->seek) : rec_nsteps(v->rec); }

/* After a move every scrolled pane follows the action again: the code its
 * current line, the columns the card the step changed, the log its newest
 * line. */
static void follow_action(View *v)
{
    for (int f = 0; f < FOCUS_COUNT; f++)
        v->pinned[f] = false;
}

void view_seek(View *v, size_t step)
{
    size_t n = view_nsteps(v);
    if (n == 0) {
        v->step = 0;
        v->playhead = 0;
        return;
    }
    if (step >= n)
        step = n - 1;
    v->step = step;
    v->playhead = step_time(v, step);
    v->dwell = 0;
    follow_action(v);
}

double view_speed(const View *v) { return speeds[v->speed]; }
const char *view_speed_label(const View *v) { return speed_labels[v->speed]; }

/* Predict mode: the first question not yet asked whose step is after
 * the current one and at or before `to`, or -1. */
static long pending_question(const View *v, size_t to)
{
    if (!v->predict || !v->quiz || v->twin)
        return -1;
    for (size_t i = v->next_q; i < v->quiz->n; i++) {
        size_t at = v->quiz->q[i].at;
        if (at > to)
            break;
        if (at > v->step)
            return (long)i;
    }
    return -1;
}

/* Stop just before question q's step and ask it. */
static void ask(View *v, long q)
{
    v->playing = false;
    view_seek(v, v->quiz->q[q].at - 1);
    v->asking = (size_t)q + 1;
    v->status[0] = 0;
}

static double dwell_time(const View *v)
{
    double d = DWELL_1X / view_speed(v);
    return d < DWELL_MIN ? DWELL_MIN : d;
}

static bool at_end(const View *v) { return v->step + 1 >= view_nsteps(v); }

/* What the last step is called in messages: the run's, or while it is
 * still being recorded, the last one so far. */
static const char *last_step_words(const View *v)
{
    return v->growing ? "the last step recorded so far (still recording)" : "last step";
}

double view_tick_delay(const View *v)
{
    if (v->twin)
        return compare_tick_delay(v);
    if (!v->playing || at_end(v))
        return -1;
    double gap = step_time(v, v->step + 1) - v->playhead;
    if (gap <= EPS) {
        double left = dwell_time(v) - v->dwell;
        return left > 0 ? left : 0;
    }
    double need = gap / view_speed(v);
    return need < FRAME_INTERVAL ? need : FRAME_INTERVAL;
}

static void stop_at_end(View *v)
{
    v->playing = false;
    v->dwell = 0;
    snprintf(v->status, sizeof v->status, "end of the run: r restarts, Home goes to the first step");
}

Action view_tick(View *v, double elapsed)
{
    if (v->twin)
        return compare_tick(v, elapsed);
    if (!v->playing)
        return ACT_NONE;
    size_t before = v->step;
    double head = v->playhead;
    while (elapsed > 0 && !at_end(v)) {
        double next_t = step_time(v, v->step + 1);
        double gap = next_t - v->playhead;
        double need = gap > EPS ? gap / view_speed(v) : dwell_time(v) - v->dwell;
        long q = pending_question(v, v->step + 1);
        if (q >= 0) { /* predict mode: ask before the step is seen */
            ask(v, q);
            return ACT_PLAYBACK;
        }
        if (elapsed + 1e-6 >= need) {
            /* reached the next step (timers fire a hair early or late) */
            elapsed -= need;
            v->step++;
            v->playhead = next_t;
            v->dwell = 0;
            if (v->stop_pause && view_at_stop(v) >= 0)
                break; /* a presenter's stop: pause here */
        } else if (gap > EPS) {
            v->playhead += elapsed * view_speed(v);
            elapsed = 0;
        } else {
            v->dwell += elapsed;
            elapsed = 0;
        }
    }
    if (v->step != before)
        follow_action(v);
    if (at_end(v) && !v->growing) {
        stop_at_end(v);
        return ACT_PLAYBACK;
    }
    if (v->step != before && v->stop_pause && view_at_stop(v) >= 0) {
        v->playing = false;
        v->dwell = 0;
        v->status[0] = 0; /* the banner says where and why */
        return ACT_PLAYBACK;
    }
    /* at the edge of a recording that is still growing, playback waits
     * there for more steps (no timer: the app rearms when they come) */
    return v->step != before || v->playhead != head ? ACT_REDRAW : ACT_NONE;
}

void view_ask_here(View *v)
{
    long q = pending_question(v, v->step + 1);
    if (q >= 0)
        ask(v, q);
}

/* A manual move pauses playback. */
static Action move_to(View *v, size_t step)
{
    bool was = v->playing;
    long q = step > v->step ? pending_question(v, step) : -1;
    if (q >= 0) {
        ask(v, q);
        return was ? ACT_PLAYBACK : ACT_REDRAW;
    }
    v->playing = false;
    v->status[0] = 0;
    view_seek(v, step);
    if (at_end(v) && view_nsteps(v) > 1)
        snprintf(v->status, sizeof v->status, "%s: r restarts, Home goes to the first step", last_step_words(v));
    return was ? ACT_PLAYBACK : ACT_REDRAW;
}

static Action toggle_play(View *v)
{
    v->status[0] = 0;
    if (v->playing) {
        v->playing = false;
        return ACT_PLAYBACK;
    }
    if (at_end(v) && !v->growing)
        view_seek(v, 0);
    if (at_end(v) && !v->growing)
        return ACT_REDRAW; /* a single step: nothing to play */
    v->playing = true;
    v->dwell = 0;
    return ACT_PLAYBACK;
}

static Action change_speed(View *v, int d)
{
    int s = v->speed + d;
    if (s < 0 || s >= NSPEEDS) {
        snprintf(v->status, sizeof v->status, "speed is already %s (%s .. %s)", speed_labels[v->speed],
                 speed_labels[0], speed_labels[NSPEEDS - 1]);
        return ACT_REDRAW;
    }
    v->speed = s;
    v->dwell = 0;
    snprintf(v->status, sizeof v->status, "speed %s", speed_labels[s]);
    return ACT_PLAYBACK;
}

static Action prev_moment(View *v)
{
    size_t m = seek_moment_of(v->seek, v->step);
    size_t first = seek_moment_step(v->seek, m);
    if (v->step > first)
        return move_to(v, first);
    return m > 0 ? move_to(v, seek_moment_step(v->seek, m - 1)) : move_to(v, 0);
}

static Action next_moment(View *v)
{
    size_t m = seek_moment_of(v->seek, v->step);
    if (m + 1 < seek_moments(v->seek))
        return move_to(v, seek_moment_step(v->seek, m + 1));
    return move_to(v, view_nsteps(v) - 1);
}

Action view_seek_time(View *v, double t)
{
    if (v->twin) {
        compare_seek_time(v, t);
        return ACT_REDRAW;
    }
    if (t < 0)
        t = 0;
    Action a = move_to(v, seek_step_at_time(v->seek, t));
    double st = step_time(v, v->step);
    if (t > st && !at_end(v) && t < step_time(v, v->step + 1))
        v->playhead = t;
    if (v->growing && at_end(v) && t > st)
        snprintf(v->status, sizeof v->status, "not recorded yet: this is the last step so far (still recording)");
    return a;
}

bool view_parse_time(const char *s, double *out)
{
    double v = 0, scale = 0;
    bool digits = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digits = true;
            if (scale == 0) {
                v = v * 10 + (*s - '0');
            } else {
                v += (*s - '0') * scale;
                scale /= 10;
            }
        } else if ((*s == '.' || *s == ',') && scale == 0) {
            scale = 0.1;
        } else if (*s == 's' && s[1] == 0) {
            break;
        } else {
            return false;
        }
        if (v > 1e12)
            return false;
    }
    *out = v;
    return digits;
}

static Action prompt_key(View *v, const Input *in)
{
    size_t n = strlen(v->input);
    switch (in->key) {
    case K_ESC:
    case K_CTRL_C:
        v->prompt = false;
        v->status[0] = 0;
        return ACT_REDRAW;
    case K_BACKSPACE:
    case 8:
        if (n)
            v->input[n - 1] = 0;
        return ACT_REDRAW;
    case K_ENTER:
    case '\n': {
        double t;
        v->prompt = false;
        if (!n) {
            snprintf(v->status, sizeof v->status, "no time typed: g, then seconds like 1.5 and Enter");
            return ACT_REDRAW;
        }
        if (!view_parse_time(v->input, &t)) {
            snprintf(v->status, sizeof v->status, "not a time: '%s' (try 1.5)", v->input);
            return ACT_REDRAW;
        }
        Action a = view_seek_time(v, t);
        double end = v->seek ? seek_end_time(v->seek) : 0;
        if (t > end + EPS) {
            char te[32], tt[32];
            pane_format_time(end, 2, te, sizeof te);
            pane_format_time(t, 2, tt, sizeof tt);
            snprintf(v->status, sizeof v->status, "the run ends at t = %s, before %s: this is its last step", te, tt);
        }
        return a;
    }
    default:
        if ((in->key >= '0' && in->key <= '9') || in->key == '.' || in->key == ',' || in->key == 's') {
            if (n + 1 < sizeof v->input) {
                v->input[n] = (char)in->key;
                v->input[n + 1] = 0;
            }
            v->status[0] = 0;
        } else if (in->key > ' ' && in->key < 0x7f) {
            snprintf(v->status, sizeof v->status, "'%c' is not part of a time: type seconds like 1.5 (Esc cancels)",
                     (char)in->key);
        } else if (in->key != K_CLICK && in->key != K_WHEEL_UP && in->key != K_WHEEL_DOWN) {
            snprintf(v->status, sizeof v->status, "that key is not part of a time: type seconds like 1.5 (Esc cancels)");
        }
        return ACT_REDRAW;
    }
}

static Rect focus_rect(const View *v, Focus f) { return v->lay.box[f]; }

static bool inside(Rect r, int x, int y)
{
    return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static Action click(View *v, const Input *in)
{
    if (v->lay.too_small)
        return ACT_NONE;
    if (inside(v->lay.timeline, in->x, in->y)) {
        double t = timeline_time_at(v, v->lay.timeline, in->x);
        return t < 0 ? ACT_NONE : view_seek_time(v, t);
    }
    for (int f = 0; f < FOCUS_COUNT; f++) {
        if (inside(focus_rect(v, (Focus)f), in->x, in->y)) {
            v->focus = (Focus)f;
            return ACT_REDRAW;
        }
    }
    return ACT_NONE;
}

/* ------------------------------------------------------------ the keys */

static Action key_leave(View *v, const Input *in);

/* q quits; Backspace and N leave for the scenario list (key_leave). */
static Action key_quit(View *v, const Input *in)
{
    if (in->key != 'q' && in->key != 'Q')
        return key_leave(v, in);
    return ACT_QUIT;
}

static Action key_play(View *v, const Input *in)
{
    (void)in;
    return toggle_play(v);
}

static Action key_next(View *v, const Input *in)
{
    (void)in;
    if (at_end(v)) {
        snprintf(v->status, sizeof v->status, "already at %s: r restarts",
                 v->growing ? "the last step recorded so far" : "the last step");
        return ACT_REDRAW;
    }
    return move_to(v, v->step + 1);
}

static Action key_prev(View *v, const Input *in)
{
    (void)in;
    if (v->step == 0) {
        snprintf(v->status, sizeof v->status, "already at the first step");
        return ACT_REDRAW;
    }
    return move_to(v, v->step - 1);
}

static Action key_ends(View *v, const Input *in)
{
    size_t n = view_nsteps(v);
    return move_to(v, in->key == K_HOME ? 0 : n ? n - 1 : 0);
}

static Action key_stop(View *v, const Input *in);

/* [ and ]: moments; , and .: a presenter's stops (one row of the help). */
static Action key_moment(View *v, const Input *in)
{
    if (in->key == ',' || in->key == '.')
        return key_stop(v, in);
    return in->key == '[' ? prev_moment(v) : next_moment(v);
}

static Action key_speed(View *v, const Input *in)
{
    return change_speed(v, in->key == '+' || in->key == '=' ? +1 : -1);
}

static Action key_goto(View *v, const Input *in)
{
    (void)in;
    v->prompt = true;
    v->input[0] = 0;
    v->status[0] = 0;
    return ACT_REDRAW;
}

static Action key_restart(View *v, const Input *in)
{
    (void)in;
    bool was = v->playing;
    view_seek(v, 0);
    v->playing = was;
    snprintf(v->status, sizeof v->status, "back to the start");
    return ACT_PLAYBACK;
}

/* The next pane on screen after (or before) the focused one, in the
 * order of their toggle keys (code, tasks, log, output, notes: top left
 * to bottom right). */
static Action key_focus(View *v, const Input *in)
{
    int order[FOCUS_COUNT], n = 0, at = 0;
    for (int k = 1; k < 128 && n < FOCUS_COUNT; k++)
        for (int f = 0; f < FOCUS_COUNT; f++)
            if (pane_slots[f].key == k)
                order[n++] = f;
    for (int f = 0; f < FOCUS_COUNT; f++) /* any pane without a key goes last */
        if (!pane_slots[f].key)
            order[n++] = f;
    for (int i = 0; i < n; i++)
        if (order[i] == (int)v->focus)
            at = i;
    int d = in->key == K_BTAB ? n - 1 : 1;
    bool drawn = v->lay.too_small || v->lay.header.w > 0; /* else no frame yet: ask the view */
    for (int i = 1; i <= n; i++) {
        int f = order[(at + d * i) % n];
        if (drawn ? v->lay.too_small || v->lay.box[f].w > 0 : view_shown(v, f, 0)) {
            v->focus = (Focus)f;
            return ACT_REDRAW;
        }
    }
    return ACT_NONE;
}

static Action key_scroll(View *v, const Input *in)
{
    const Pane *p = pane_slots[v->focus].pane;
    if (!p->key || v->lay.too_small || focus_rect(v, v->focus).w <= 0)
        return ACT_NONE;
    Input k = *in;
    if (k.key == 'k')
        k.key = K_UP;
    else if (k.key == 'j')
        k.key = K_DOWN;
    return p->key(v, &k, focus_rect(v, v->focus));
}

/* < and >: the code sideways, whichever pane has the keyboard (the code
 * pane takes it). */
static Action key_sideways(View *v, const Input *in)
{
    Rect r = focus_rect(v, FOCUS_CODE);
    if (v->lay.too_small || r.w <= 0) {
        snprintf(v->status, sizeof v->status, "the code pane is hidden: %c shows it", pane_slots[FOCUS_CODE].key);
        return ACT_REDRAW;
    }
    Action a = pane_code.key(v, in, r);
    if (v->focus != FOCUS_CODE) {
        v->focus = FOCUS_CODE;
        return ACT_REDRAW;
    }
    return a;
}

static Action key_panes_reset(View *v, const Input *in);

static Action key_internals(View *v, const Input *in)
{
    (void)in;
    v->internals = !v->internals;
    snprintf(v->status, sizeof v->status, "%s", v->internals ? "loop internals: i shows the tasks again" : "");
    return ACT_REDRAW;
}

static Action key_toggle(View *v, const Input *in)
{
    if (in->key == '0')
        return key_panes_reset(v, in);
    if (in->key == 'i')
        return key_internals(v, in);
    for (int p = 0; p < PART_COUNT; p++) {
        if (pane_slots[p].key != in->key)
            continue;
        int w = v->lay.too_small ? 0 : v->lay.header.w;
        bool on = !view_shown(v, p, w);
        v->show[p] = on ? SHOW_ON : SHOW_OFF;
        snprintf(v->status, sizeof v->status, "%s pane %s (%c brings it %s, 0 shows the usual panes)",
                 pane_slots[p].name, on ? "shown" : "hidden", in->key, on ? "away" : "back");
        if (!on && (int)v->focus == p) { /* the keyboard goes to the next pane on screen */
            Input tab = {.key = K_TAB};
            key_focus(v, &tab);
        }
        return ACT_REDRAW;
    }
    return ACT_NONE;
}

static Action key_panes_reset(View *v, const Input *in)
{
    (void)in;
    for (int p = 0; p < PART_COUNT; p++)
        v->show[p] = SHOW_AUTO;
    snprintf(v->status, sizeof v->status, "the usual panes for this screen size");
    return ACT_REDRAW;
}

static Action key_help(View *v, const Input *in)
{
    (void)in;
    v->help = true;
    return ACT_REDRAW;
}

static Action key_predict(View *v);

/* R records; P turns predict mode on and off (one row of the help). */
static Action key_record(View *v, const Input *in)
{
    if (in->key == 'P')
        return key_predict(v);
    return ACT_RECORD;
}

static Action key_esc(View *v, const Input *in)
{
    (void)in;
    if (!v->status[0])
        return ACT_NONE;
    v->status[0] = 0;
    return ACT_REDRAW;
}

static Action key_click(View *v, const Input *in) { return click(v, in); }

long view_at_stop(const View *v) { return v->stops ? stops_find(v->stops, v->step) : -1; }

/* . and ,: the next and previous stop. */
static Action key_stop(View *v, const Input *in)
{
    size_t n = stops_count(v->stops);
    if (!n) {
        snprintf(v->status, sizeof v->status,
                 "no stops: add '# loopscope: pause: NOTE' comments, or run with --pause-on print");
        return ACT_REDRAW;
    }
    size_t k = stops_reached(v->stops, v->step); /* stops at or before this step */
    if (in->key == '.') {
        if (k >= n) {
            snprintf(v->status, sizeof v->status, "no stop after this one (%zu of %zu): , goes back", n, n);
            return ACT_REDRAW;
        }
        return move_to(v, stops_get(v->stops, k)->step);
    }
    size_t before = view_at_stop(v) >= 0 ? k - 1 : k; /* stops strictly before this step */
    if (!before) {
        snprintf(v->status, sizeof v->status, "no stop before this one: . goes to the next");
        return ACT_REDRAW;
    }
    return move_to(v, stops_get(v->stops, before - 1)->step);
}

/* Backspace and N: back to the scenario list, or on to the next scenario. */
static Action key_leave(View *v, const Input *in)
{
    if (!v->from_list) {
        snprintf(v->status, sizeof v->status, "not opened from a list: loopscope FOLDER/ opens one");
        return ACT_REDRAW;
    }
    v->leave = in->key == 'N' ? VIEW_LEAVE_NEXT : VIEW_LEAVE_LIST;
    return ACT_QUIT;
}

/* The answer to the question on screen: 1..n, or Esc to see it without
 * answering. Then the step it asked about, with its caption. */
static Action answer_key(View *v, const Input *in)
{
    const Question *q = &v->quiz->q[v->asking - 1];
    int k = in->key - '1';
    if (in->key == 'q' || in->key == 'Q' || in->key == '?')
        return ACT_NONE; /* the table's: quit, help */
    if (in->key != K_ESC && (k < 0 || k >= q->n)) {
        snprintf(v->status, sizeof v->status, "answer with 1-%d (Esc shows it without answering)", q->n);
        return ACT_REDRAW;
    }
    v->next_q = v->asking;
    v->asking = 0;
    view_seek(v, q->at);
    if (in->key == K_ESC) {
        snprintf(v->status, sizeof v->status, "it was %d) %.120s", q->answer + 1, q->choice[q->answer]);
        return ACT_REDRAW;
    }
    bool right = k == q->answer;
    v->score += right;
    v->answered++;
    if (right)
        snprintf(v->status, sizeof v->status, "right! %d) %.120s", k + 1, q->choice[k]);
    else
        snprintf(v->status, sizeof v->status, "not this time: it was %d) %.120s", q->answer + 1, q->choice[q->answer]);
    return ACT_REDRAW;
}

/* P: predict mode on or off. */
static Action key_predict(View *v)
{
    if (!v->quiz || !v->quiz->n) {
        snprintf(v->status, sizeof v->status, "no questions to ask: the scenario has no stops and prints nothing");
        return ACT_REDRAW;
    }
    v->predict = !v->predict;
    v->asking = 0;
    if (v->predict)
        snprintf(v->status, sizeof v->status, "predict mode: before %s the screen asks what comes next (1-4)",
                 stops_count(v->stops) ? "each stop" : "each print");
    else
        snprintf(v->status, sizeof v->status, "predict mode off");
    return ACT_REDRAW;
}

static const ViewKey keys[] = {
    {"Space", "Space", "play / pause", {' ', 'p'}, key_play},
    {"\u2192 l", "Right l", "next step", {K_RIGHT, 'l', 'n', K_WHEEL_DOWN}, key_next},
    {"\u2190 h", "Left h", "previous step", {K_LEFT, 'h', K_WHEEL_UP}, key_prev},
    {"Home End", "Home End", "first / last step", {K_HOME, K_END}, key_ends},
    {"[ ] , .", "[ ] , .", "moment, stop", {'[', ']', ',', '.'}, key_moment},
    {"+ -", "+ -", "speed 0.25x..16x", {'+', '=', '-', '_'}, key_speed},
    {"g", "g", "go to a time", {'g'}, key_goto},
    {"r", "r", "restart", {'r'}, key_restart},
    {"Tab S-Tab", "Tab S-Tab", "focus next/prev", {K_TAB, K_BTAB}, key_focus},
    {"\u2191 \u2193 j k", "Up Dn j k", "scroll the pane", {K_UP, K_DOWN, 'j', 'k'}, key_scroll},
    {"PgUp PgDn", "PgUp PgDn", "scroll a page", {K_PGUP, K_PGDN}, key_scroll},
    {"< >", "< >", "code sideways", {'<', '>'}, key_sideways},
    {"1-5 0 i", "1-5 0 i", "panes, internals", {'1', '2', '3', '4', '5', '0', 'i'}, key_toggle},
    {"click", "click", "seek / focus", {K_CLICK}, key_click},
    {"R P", "R P", "record, predict", {'R', 'P'}, key_record},
    {"Esc", "Esc", "clear the message", {K_ESC}, key_esc},
    {"?", "?", "close this help", {'?'}, key_help},
    {"q Bksp N", "q Bksp N", "quit, list, next", {'q', 'Q', K_BACKSPACE, 8, 'N'}, key_quit},
};

const ViewKey *view_keys(size_t *n)
{
    *n = sizeof keys / sizeof keys[0];
    return keys;
}

bool view_shown(const View *v, int part, int w)
{
    if (part < 0 || part >= PART_COUNT)
        return false;
    if (v->show[part] != SHOW_AUTO)
        return v->show[part] == SHOW_ON;
    if (part == FOCUS_NOTES)
        return w >= 140;
    if (part == FOCUS_OUTPUT)
        return w >= 80;
    return true;
}

bool view_set_panes(View *v, const char *list, char *bad, size_t n)
{
    int8_t show[PART_COUNT];
    for (int p = 0; p < PART_COUNT; p++)
        show[p] = SHOW_OFF;
    const char *s = list;
    for (;;) {
        size_t len = strcspn(s, ",");
        int found = -1;
        for (int p = 0; p < PART_COUNT && len; p++)
            if (strlen(pane_slots[p].name) == len && !strncmp(pane_slots[p].name, s, len))
                found = p;
        if (found < 0) {
            snprintf(bad, n, "%.*s", (int)(len > 40 ? 40 : len), s);
            return false;
        }
        show[found] = SHOW_ON;
        if (!s[len])
            break;
        s += len + 1;
    }
    memcpy(v->show, show, sizeof show);
    if (!view_shown(v, v->focus, 0))
        for (int f = 0; f < FOCUS_COUNT; f++)
            if (view_shown(v, f, 0)) {
                v->focus = (Focus)f;
                break;
            }
    return true;
}

Action view_key(View *v, const Input *in)
{
    if (in->key == K_CTRL_C)
        return ACT_QUIT;
    if (v->picker)
        return picker_key(v, in);
    if (v->prompt)
        return prompt_key(v, in);
    if (v->help) {
        if (in->key == 'q')
            return ACT_QUIT;
        if (in->key == K_CLICK || in->key == K_WHEEL_UP || in->key == K_WHEEL_DOWN)
            return ACT_NONE;
        v->help = false; /* any other key closes the overlay */
        return ACT_REDRAW;
    }
    Action ca;
    if (v->twin && compare_key(v, in, &ca))
        return ca;
    if (v->asking && (ca = answer_key(v, in)) != ACT_NONE)
        return ca;
    size_t n;
    const ViewKey *k = view_keys(&n);
    for (size_t i = 0; i < n; i++)
        for (const int *p = k[i].keys; p < k[i].keys + 8 && *p; p++)
            if (*p == in->key)
                return k[i].run(v, in);
    return ACT_NONE;
}
