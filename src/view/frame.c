/* frame.c: one whole screen (see frame.h). Clears the grid, lays out the
 * panes for its size and the parts shown, clips the grid to each pane's rectangle while it
 * draws (so no pane can spill into another), then draws the help overlay
 * or, on a screen below the minimum, only a "too small" notice. */
#include "frame.h"

#include "compare.h"
#include "picker.h"
#include "layout.h"
#include "pane.h"

#include <stdio.h>

static void draw_pane(const Pane *p, const View *v, Grid *g, Rect r) { pane_draw_in(p, v, g, r); }

/* The notice, in its long form when that fits the width, else a short one
 * that still fits a 10x3 screen whole ("too small", "need 60x16", "q
 * quits"); rows below the screen are clipped. */
static void draw_too_small(const Layout *l, Grid *g)
{
    char have[64], need[64];
    snprintf(have, sizeof have, "terminal too small (%dx%d)", g->w, g->h);
    snprintf(need, sizeof need, "need %dx%d", l->min_w, l->min_h);
    const char *lines[3] = {have, need, "enlarge it, or q to quit"};
    if (grid_text_width(have) > g->w || grid_text_width(lines[2]) > g->w) {
        lines[0] = "too small";
        lines[2] = "q quits";
    }
    int y = g->h / 2 - 1;
    for (int i = 0; i < 3; i++) {
        int x = (g->w - grid_text_width(lines[i])) / 2;
        grid_text(g, x < 0 ? 0 : x, (y < 0 ? 0 : y) + i, g->w, i == 2 ? ST_DIM : ST_WARNING, lines[i]);
    }
}

void frame_draw(View *v, Grid *g)
{
    if (v->twin) {
        compare_draw(v, g);
        return;
    }
    if (v->picker) {
        picker_draw(v, g);
        return;
    }
    grid_clear(g);
    v->lay = layout_compute(v, g->w, g->h);
    if (v->lay.too_small) {
        draw_too_small(&v->lay, g);
        return;
    }
    draw_pane(&pane_header, v, g, v->lay.header);
    draw_pane(&pane_banner, v, g, v->lay.banner);
    for (int f = 0; f < FOCUS_COUNT; f++) {
        /* the internals view takes the task columns' place (key i) */
        const Pane *p = f == FOCUS_TASKS && v->internals ? &pane_internals : pane_slots[f].pane;
        draw_pane(p, v, g, v->lay.box[f]);
    }
    draw_pane(&pane_caption, v, g, v->lay.caption);
    draw_pane(&pane_timeline, v, g, v->lay.timeline);
    if (v->help)
        draw_pane(&pane_help, v, g, (Rect){0, 0, g->w, g->h});
}
