/* pane_help.c: the key overlay (pane_help), drawn over the whole screen.
 * Owns how the key table (view_keys, view.c: the same table the keys are
 * dispatched through, so the help lists every key and only real ones)
 * and the pane toggles (pane_slots) are laid out:
 * a centred box with two columns of keys when the screen is wide enough
 * (it fits the 60x16 minimum), one column otherwise, and a legend of the
 * task columns under the keys. On a screen too small for it, rows at the
 * bottom and ends of lines give way (with ellipses); nothing is drawn
 * outside the rectangle it is given. What the keys do is view.c's. */
#include "pane.h"

#include <stdbool.h>
#include <stdio.h>

/* A word and what it means, laid out in flowing lines: the legend of
 * the task columns, and the pane toggles. */
typedef struct Item {
    const char *name, *what;
    Style st;
} Item;

static const Item legend[] = {
    {"RUNNING", "now", ST_RUNNING},
    {"READY", "queued", ST_READY},
    {"WAITING", "awaiting", ST_WAITING},
    {"DONE", "finished", ST_DONE},
};
enum { NLEGEND = sizeof legend / sizeof legend[0] };

/* The toggles, from the pane table: "1 code", "2 tasks", ... */
static int pane_items(Item *out, char keys[][8])
{
    int n = 0;
    for (int k = '1'; k <= '9'; k++) /* in the order of their keys */
    for (int p = 0; p < PART_COUNT; p++) {
        if (pane_slots[p].key != k)
            continue;
        snprintf(keys[n], 8, "%c", pane_slots[p].key);
        out[n] = (Item){keys[n], pane_slots[p].name, ST_KEY};
        n++;
    }
    return n;
}

#define KEY_GAP 1   /* between a key and what it does */
#define COL_GAP 2   /* between the two columns */
#define PAD 2       /* border and a space on each side */

static const char *key_text(const ViewKey *k, bool ascii) { return ascii ? k->ascii : k->label; }

static int item_width(const Item *it) { return grid_text_width(it->name) + 1 + grid_text_width(it->what); }

/* Lay items out in lines of width w (items never split); returns the
 * number of lines, drawing them from row y when g is not NULL, and never
 * past row ymax. */
static int item_lines(const Item *items, int n, Grid *g, int x, int y, int ymax, int w)
{
    int lines = 1, cx = 0;
    for (int i = 0; i < n; i++) {
        const Item *it = &items[i];
        int iw = item_width(it);
        if (cx > 0 && cx + COL_GAP + iw > w) {
            lines++;
            cx = 0;
        } else if (cx > 0) {
            cx += COL_GAP;
        }
        int row = y + lines - 1;
        if (g && row <= ymax && cx < w) {
            int used = grid_text(g, x + cx, row, w - cx, it->st, it->name);
            if (cx + used + 1 < w)
                grid_text(g, x + cx + used + 1, row, w - cx - used - 1, ST_DIM, it->what);
        }
        cx += iw;
    }
    return lines;
}

static void help_draw(const View *v, Grid *g, Rect r)
{
    (void)v;
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    size_t nk;
    const ViewKey *keys = view_keys(&nk);
    int nkeys = (int)nk;
    Item panes[PART_COUNT];
    char pane_keys[PART_COUNT][8];
    int npanes = pane_items(panes, pane_keys);

    int kw = 0, dw = 0;
    for (int i = 0; i < nkeys; i++) {
        int a = grid_text_width(key_text(&keys[i], g->ascii)), b = grid_text_width(keys[i].what);
        kw = a > kw ? a : kw;
        dw = b > dw ? b : dw;
    }
    int colw = kw + KEY_GAP + dw;
    /* two columns when they fit across, one otherwise */
    int ncols = 2 * colw + COL_GAP + 2 * PAD <= r.w ? 2 : 1;
    int inner_w = ncols * colw + (ncols - 1) * COL_GAP;
    int box_w = inner_w + 2 * PAD;
    if (box_w > r.w)
        box_w = r.w;
    int text_w = box_w - 2 * PAD;
    if (text_w < 1) /* a sliver of a screen: no padding, just the border */
        text_w = box_w - 2;
    int rows = (nkeys + ncols - 1) / ncols;
    int leg = item_lines(legend, NLEGEND, NULL, 0, 0, 0, text_w > 0 ? text_w : 1);
    int pl = item_lines(panes, npanes, NULL, 0, 0, 0, text_w > 0 ? text_w : 1);
    int box_h = 2 + rows + 1 + pl + 1 + leg;
    if (box_h > r.h)
        box_h = r.h;
    Rect box = {r.x + (r.w - box_w) / 2, r.y + (r.h - box_h) / 2, box_w, box_h};

    grid_fill(g, box, ' ', ST_NORMAL);
    if (box.w >= 2 && box.h >= 2)
        grid_box(g, box, ST_BORDER_FOCUS, "keys", ST_TITLE);
    int x0 = box.x + (box_w - 2 >= text_w + 2 ? PAD : 1);
    int y0 = box.y + 1, ymax = box.y + box.h - 2; /* last row inside the frame */
    if (text_w <= 0 || ymax < y0) {
        grid_clip_pop(g, saved);
        return;
    }

    /* the keys, filled column by column */
    for (int i = 0; i < nkeys; i++) {
        int c = i / rows, row = i % rows;
        int y = y0 + row;
        int x = x0 + c * (colw + COL_GAP);
        int right = x0 + text_w; /* first column past the text */
        if (y > ymax || x >= right)
            continue;
        int room = right - x < colw ? right - x : colw;
        grid_text(g, x, y, room < kw ? room : kw, ST_KEY, key_text(&keys[i], g->ascii));
        if (room > kw + KEY_GAP)
            grid_text(g, x + kw + KEY_GAP, y, room - kw - KEY_GAP, ST_NORMAL, keys[i].what);
    }
    /* a blank row, the panes the digits toggle, a blank row and the
     * legend, as far as there is room under the keys */
    int py = y0 + rows + 1;
    if (py <= ymax)
        item_lines(panes, npanes, g, x0, py, ymax, text_w);
    int ly = py + pl + 1;
    if (ly <= ymax)
        item_lines(legend, NLEGEND, g, x0, ly, ymax, text_w);
    grid_clip_pop(g, saved);
}

const Pane pane_help = {
    .name = "help",
    .draw = help_draw,
    .key = NULL,
};
