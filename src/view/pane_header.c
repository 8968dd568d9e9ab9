/* pane_header.c: the top bar (pane_header).
 * Owns what the one-row bar says and which parts give way on a narrow
 * screen: "loopscope" and the scenario's title on the left; whose
 * semantics the run followed ("Python 3.12" when everything fits, else
 * "py3.12"), the play state,
 * the clock "t = 1.50s", the speed, "step 12/40", "stop 2/5" (the
 * presenter's stops reached, when there are any), the recording marker and
 * the "? help" hint on the right (the hint and "paused" only when the view
 * shows interactive hints: not in frames, SVGs and casts). The whole title
 * wins over the speed and the name; then the title shrinks (with an
 * ellipsis) and goes when too short to read, then the hint goes, then the
 * speed, then the name, then the right-hand parts take their short forms;
 * nothing is ever drawn outside the pane. While the run is still being
 * recorded (docs/longrun.md) a part says how far it has got
 * ("recording… 340,000 steps, t = 1,204.0s"); once a run that a limit
 * stopped is complete, a part names the limit ("⚠ stopped: step limit")
 * at every step. The clock is formatted by
 * pane_format_time (pane.c), so its decimal point is '.' in every locale.
 * The view's state is view.c's; the cells are grid.c's. */
#include "pane.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Narrowest title worth showing (with its ellipsis) before parts go. */
#define TITLE_MIN 12
#define GAP 2

enum { P_LANG, P_PLAY, P_CLOCK, P_SPEED, P_STEP, P_STOP, P_SCORE, P_RUN, P_REC, P_HINT, NPARTS };

typedef struct Part {
    char text[96];
    Style st;
    bool on;
} Part;

/* Total width of the parts that are on, with the gaps between them. */
static int parts_width(const Part *p)
{
    int w = 0, k = 0;
    for (int i = 0; i < NPARTS; i++) {
        if (!p[i].on)
            continue;
        w += grid_text_width(p[i].text) + (k++ ? GAP : 0);
    }
    return w;
}

/* The limit that stopped a finished run, named by the option that raises
 * it (every limit's message names it), or NULL if none stopped it. */
static const char *limit_name(const View *v)
{
    size_t n = view_nsteps(v);
    const Step *last = n && !v->growing ? rec_step_at(v->rec, n - 1) : NULL;
    if (!last || last->kind != SK_LIMIT)
        return NULL;
    static const struct {
        const char *opt, *name;
    } names[] = {
        {"--max-steps", "step limit"},   {"--max-ops", "operation limit"}, {"--max-memory", "memory limit"},
        {"--max-items", "size limit"},   {"--max-depth", "depth limit"},   {"--until", "time limit"},
    };
    const char *text = rec_str(v->rec, last->text);
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strstr(text, names[i].opt))
            return names[i].name;
    return "a limit";
}

/* The run part: how far the recording has got while it grows, or the
 * limit that stopped it. Returns false when there is nothing to say. */
static bool run_part(const View *v, bool ascii, bool longform, char *out, size_t size)
{
    if (v->growing) {
        char num[32], steps[32], t[32];
        snprintf(num, sizeof num, "%zu", view_nsteps(v));
        pane_group_digits(num, steps, sizeof steps);
        pane_format_time(v->seek ? seek_end_time(v->seek) : 0, 1, num, sizeof num);
        pane_group_digits(num, t, sizeof t);
        const char *dots = ascii ? "..." : "\u2026";
        if (longform)
            snprintf(out, size, "recording%s %s steps, t = %ss", dots, steps, t);
        else
            snprintf(out, size, "rec%s %s", dots, steps);
        return true;
    }
    const char *lim = limit_name(v);
    if (!lim)
        return false;
    const char *warn = ascii ? "!" : "\u26a0";
    if (longform)
        snprintf(out, size, "%s stopped: %s", warn, lim);
    else
        snprintf(out, size, "%s %s", warn, lim);
    return true;
}

static void set_parts(const View *v, bool ascii, bool longform, bool langlong, Part *p)
{
    char t[32];
    pane_format_time(v->playhead, 2, t, sizeof t);
    const char *play = v->playing ? (ascii ? ">" : "\u25b6") : (ascii ? "||" : "\u275a\u275a");
    const char *state = v->playing ? "playing" : "paused";
    size_t n = view_nsteps(v);
    size_t cur = n ? v->step + 1 : 0;

    if (longform) {
        snprintf(p[P_PLAY].text, sizeof p[P_PLAY].text, "%s %s", play, state);
        snprintf(p[P_CLOCK].text, sizeof p[P_CLOCK].text, "t = %ss", t);
        snprintf(p[P_STEP].text, sizeof p[P_STEP].text, "step %zu/%zu", cur, n);
        snprintf(p[P_REC].text, sizeof p[P_REC].text, "%s REC", ascii ? "*" : "\u25cf");
        snprintf(p[P_STOP].text, sizeof p[P_STOP].text, "stop %zu/%zu", stops_reached(v->stops, v->step),
                 stops_count(v->stops));
    } else {
        snprintf(p[P_PLAY].text, sizeof p[P_PLAY].text, "%s", play);
        snprintf(p[P_CLOCK].text, sizeof p[P_CLOCK].text, "%ss", t);
        snprintf(p[P_STEP].text, sizeof p[P_STEP].text, "%zu/%zu", cur, n);
        snprintf(p[P_REC].text, sizeof p[P_REC].text, "%s", ascii ? "*REC" : "\u25cfREC");
        snprintf(p[P_STOP].text, sizeof p[P_STOP].text, "s%zu/%zu", stops_reached(v->stops, v->step),
                 stops_count(v->stops));
    }
    /* whose semantics: "Python 3.12", short "py3.12" */
    const char *rt = rec_runtime(v->rec);
    if (!langlong && !strncmp(rt, "Python ", 7))
        snprintf(p[P_LANG].text, sizeof p[P_LANG].text, "py%s", rt + 7);
    else
        snprintf(p[P_LANG].text, sizeof p[P_LANG].text, "%s", rt);
    p[P_LANG].st = ST_HEADER;
    snprintf(p[P_SPEED].text, sizeof p[P_SPEED].text, "%s", view_speed_label(v));
    snprintf(p[P_HINT].text, sizeof p[P_HINT].text, "? help");
    p[P_PLAY].st = ST_HEADER_ACCENT;
    p[P_CLOCK].st = ST_HEADER_ACCENT;
    p[P_SPEED].st = ST_HEADER;
    p[P_STEP].st = ST_HEADER;
    p[P_STOP].st = ST_HEADER_ACCENT;
    p[P_REC].st = ST_HEADER_ACCENT;
    p[P_HINT].st = ST_HEADER;
    p[P_RUN].st = ST_HEADER_ACCENT;
    for (int i = 0; i < NPARTS; i++)
        p[i].on = true;
    p[P_REC].on = v->recording;
    p[P_LANG].on = rt[0] != 0;
    p[P_STOP].on = v->stops && stops_count(v->stops) > 0;
    snprintf(p[P_SCORE].text, sizeof p[P_SCORE].text, longform ? "score %d/%d" : "%d/%d", v->score, v->answered);
    p[P_SCORE].st = ST_HEADER_ACCENT;
    p[P_SCORE].on = v->predict;
    /* a picture or a cast has no keys to press and is not paused */
    p[P_PLAY].on = v->hints;
    p[P_HINT].on = v->hints;
    p[P_RUN].on = run_part(v, ascii, longform, p[P_RUN].text, sizeof p[P_RUN].text);
}

static void header_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    grid_fill(g, r, ' ', ST_HEADER);

    /* one column of margin on each side when there is room for it */
    int margin = r.w >= 20 ? 1 : 0;
    int x0 = r.x + margin, w = r.w - 2 * margin;
    const char *name = "loopscope";
    const char *title = v->title;
    int namew = grid_text_width(name), titlew = grid_text_width(title);

    /* From the richest form to the barest: the first that fits wins. */
    static const struct Level {
        bool hint, speed, title, name, longform, whole, lang;
    } levels[] = {
        {true, true, true, true, true, true, true},     /* the whole title, if it fits */
        {true, true, true, false, true, true, true},    /* the name makes room for it */
        {true, false, true, true, true, true, true},    /* or the speed */
        {true, false, true, false, true, true, true},   /* or both */
        {true, true, true, true, true, false, true},    /* the title shrinks to TITLE_MIN, then goes */
        {true, true, false, true, true, false, true},    /* everything else (the version short) */
        {true, true, false, true, true, false, false},   /* then the version goes */
        {false, true, false, true, true, false, false},   /* then the hint */
        {false, false, false, true, true, false, false},  /* then the speed */
        {false, false, false, false, true, false, false}, /* then the name */
        {false, false, false, false, false, false, false} /* short forms: "||  1.50s  12/40" */
    };
    enum { NLEVELS = sizeof levels / sizeof levels[0] };
    Part p[NPARTS];
    int title_room = 0;
    bool show_name = false, name_on = true;
    for (int l = 0; l < NLEVELS; l++) {
        const struct Level *lv = &levels[l];
        /* the version's long form only when everything fits */
        set_parts(v, g->ascii, lv->longform, l == 0, p);
        p[P_HINT].on = p[P_HINT].on && lv->hint;
        p[P_SPEED].on = lv->speed;
        p[P_LANG].on = p[P_LANG].on && lv->lang;
        int right = parts_width(p);
        int left = lv->name ? namew : 0;
        if (lv->title && titlew > 0) {
            int room = w - right - GAP - left - GAP;
            if (room >= titlew || (!lv->whole && room >= TITLE_MIN)) {
                title_room = room < titlew ? room : titlew;
                show_name = true;
                name_on = lv->name;
                break;
            }
            continue;
        }
        if (lv->whole)
            continue;
        if (left + (left ? GAP : 0) + right <= w || l == NLEVELS - 1) {
            show_name = lv->name;
            break;
        }
    }

    int x = x0;
    if (show_name) {
        if (name_on)
            x += grid_text(g, x, r.y, w, ST_HEADER_ACCENT, name) + (title_room > 0 ? GAP : 0);
        if (title_room > 0)
            grid_text(g, x, r.y, title_room, ST_HEADER, title);
    }
    /* right-aligned; if even the barest form is too wide, it is cut on the
     * right by the width limit (the play state and clock come first) */
    int right = parts_width(p);
    int rx = x0 + w - right;
    if (rx < x0)
        rx = x0;
    int end = x0 + w;
    bool first = true;
    for (int i = 0; i < NPARTS && rx < end; i++) {
        if (!p[i].on)
            continue;
        if (!first)
            rx += GAP;
        first = false;
        if (rx >= end)
            break;
        rx += grid_text(g, rx, r.y, end - rx, p[i].st, p[i].text);
    }
    grid_clip_pop(g, saved);
}

const Pane pane_header = {
    .name = "header",
    .draw = header_draw,
    .key = NULL,
};
