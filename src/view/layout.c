/* layout.c: where the panes go for a screen size (see layout.h).
 * Top to bottom: the header bar; at a presenter's stop, its banner (one
 * row, two when the note needs them and the main area can spare them,
 * taken from the main area so nothing else is covered), or predict mode's
 * question and its choices; the main area, the code and the task
 * columns; the caption; the timeline; the bottom row of the log, the
 * program's output and the notes, side by side. The code is the star: it
 * gets the columns its lines need (code_pane_want, pane_code.c) and the
 * task columns get what is left, as long as that leaves them room to
 * teach; when it does not, the code goes above the columns, full width.
 * Hidden parts give their room to the others. Which parts are shown is
 * the view's (view_shown); what each pane draws is its own. Below
 * LAYOUT_MIN_W x LAYOUT_MIN_H nothing is laid out and the frame says the
 * terminal is too small. */
#include "layout.h"

#include "pane.h"

/* The columns beside the code need this much to show four columns of
 * cards whose names can be read. */
#define TASKS_SIDE_MIN 56
/* From this width the code goes beside the columns even when its longest
 * lines must be cut (the current line still wraps whole). */
#define WIDE 140
/* Rows of the main area needed to put the code above the columns. */
#define STACK_MIN_H 13

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
static int max(int a, int b) { return a > b ? a : b; }
static int min(int a, int b) { return a < b ? a : b; }

/* The bottom row, left to right, and each pane's share of its width. */
static const struct {
    Focus f;
    int weight;
} bottom[] = {{FOCUS_LOG, 10}, {FOCUS_OUTPUT, 7}, {FOCUS_NOTES, 8}};
enum { NBOTTOM = sizeof bottom / sizeof bottom[0] };

static void lay_bottom(const View *v, Layout *l, int w, int y, int h)
{
    int total = 0;
    for (int i = 0; i < NBOTTOM; i++)
        if (view_shown(v, bottom[i].f, w))
            total += bottom[i].weight;
    if (!total || h <= 0)
        return;
    int x = 0, acc = 0;
    for (int i = 0; i < NBOTTOM; i++) {
        if (!view_shown(v, bottom[i].f, w))
            continue;
        acc += bottom[i].weight;
        int right = w * acc / total; /* the last one ends at w */
        l->box[bottom[i].f] = (Rect){x, y, right - x, h};
        x = right;
    }
}

/* The code and the columns in the main area (x 0..w, rows y..y+h). */
static void lay_main(const View *v, Layout *l, int w, int y, int h)
{
    bool code = view_shown(v, FOCUS_CODE, w), tasks = view_shown(v, FOCUS_TASKS, w);
    if (!code || !tasks) {
        l->box[code ? FOCUS_CODE : FOCUS_TASKS] = (code || tasks) ? (Rect){0, y, w, h} : (Rect){0};
        return;
    }
    int need = code_pane_need(v), want = code_pane_want(v), code_w;
    if (l->stacked) {
        int code_h = clamp(h / 2, 4, max(4, h - 4));
        l->box[FOCUS_CODE] = (Rect){0, y, w, code_h};
        l->box[FOCUS_TASKS] = (Rect){0, y + code_h, w, h - code_h};
        return;
    }
    if (w - need >= TASKS_SIDE_MIN)
        code_w = min(want, w - TASKS_SIDE_MIN);
    else
        code_w = max(clamp(w * 2 / 5, 26, 84), min(need, w - TASKS_SIDE_MIN));
    l->box[FOCUS_CODE] = (Rect){0, y, code_w, h};
    l->box[FOCUS_TASKS] = (Rect){code_w, y, w - code_w, h};
}

Layout layout_compute(const View *v, int w, int h)
{
    Layout l = {.min_w = LAYOUT_MIN_W, .min_h = LAYOUT_MIN_H};
    if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
        l.too_small = true;
        return l;
    }
    bool any_bottom = false;
    for (int i = 0; i < NBOTTOM; i++)
        any_bottom |= view_shown(v, bottom[i].f, w);
    bool code = view_shown(v, FOCUS_CODE, w), tasks = view_shown(v, FOCUS_TASKS, w);
    int caption_h = view_shown(v, PART_CAPTION, w) ? 2 : 0;
    int timeline_h = view_shown(v, PART_TIMELINE, w) ? 2 : 0;
    int bottom_h = !any_bottom ? 0 : h < 24 ? 4 : clamp(h / 4 + 1, 5, 14);
    int main_h = h - 1 - caption_h - timeline_h - bottom_h;
    /* side by side when the columns keep room to teach beside the code
     * (or the screen is wide), else stacked when the height allows it,
     * with a shorter bottom row */
    if (code && tasks && w - code_pane_need(v) < TASKS_SIDE_MIN && w < WIDE) {
        int small_bottom = any_bottom ? min(bottom_h, clamp(h / 5, 4, 6)) : 0;
        if (main_h + bottom_h - small_bottom >= STACK_MIN_H) {
            l.stacked = true;
            main_h += bottom_h - small_bottom;
            bottom_h = small_bottom;
        }
    }
    if (!code && !tasks) {
        bottom_h += main_h;
        main_h = 0;
    }
    int y = 1;
    l.header = (Rect){0, 0, w, 1};
    if ((view_at_stop(v) >= 0 || v->asking) && main_h >= 6) {
        int bh = banner_rows(v, w);
        int most = v->asking ? (main_h >= 8 ? main_h - 6 : 1) : main_h >= 14 ? 2 : 1;
        bh = bh > most ? most : bh;
        l.banner = (Rect){0, y, w, bh};
        y += bh;
        main_h -= bh;
    }
    lay_main(v, &l, w, y, main_h);
    y += main_h;
    if (caption_h)
        l.caption = (Rect){1, y, w - 2, caption_h};
    y += caption_h;
    if (timeline_h)
        l.timeline = (Rect){1, y, w - 2, timeline_h};
    y += timeline_h;
    if (!main_h && !bottom_h)
        bottom_h = h - y;
    lay_bottom(v, &l, w, y, h - y);
    return l;
}
