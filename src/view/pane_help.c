/* pane_help.c: the key overlay (pane_help), drawn over the whole screen.
 * Owns the list of keys the learner is told about and how it is laid out:
 * a centred box with two columns of keys when the screen is wide enough
 * (it fits the 60x16 minimum), one column otherwise, and a legend of the
 * task columns under the keys. On a screen too small for it, rows at the
 * bottom and ends of lines give way (with ellipses); nothing is drawn
 * outside the rectangle it is given. What the keys do is view.c's. */
#include "pane.h"

#include <stdbool.h>

typedef struct HelpKey {
    const char *key;      /* UTF-8 */
    const char *ascii;    /* the same for ASCII-only screens */
    const char *what;
} HelpKey;

static const HelpKey keys[] = {
    {"Space", "Space", "play / pause"},
    {"\u2192 l", "Right l", "next step"},
    {"\u2190 h", "Left h", "previous step"},
    {"Home End", "Home End", "first / last step"},
    {"[ ]", "[ ]", "prev/next moment"},
    {"+ -", "+ -", "speed 0.25x..16x"},
    {"g", "g", "go to a time"},
    {"r", "r", "restart"},
    {"Tab S-Tab", "Tab S-Tab", "focus next/prev"},
    {"\u2191 \u2193 j k", "Up Dn j k", "scroll the pane"},
    {"PgUp PgDn", "PgUp PgDn", "scroll a page"},
    {"click", "click", "seek on timeline"},
    {"wheel", "wheel", "step back / fwd"},
    {"i", "i", "loop internals"},
    {"R", "R", "record a .cast"},
    {"?", "?", "close this help"},
    {"q", "q", "quit"},
};
enum { NKEYS = sizeof keys / sizeof keys[0] };

/* The legend of the task columns. */
static const struct {
    const char *name, *what;
    Style st;
} legend[] = {
    {"RUNNING", "now", ST_RUNNING},
    {"READY", "queued", ST_READY},
    {"WAITING", "awaiting", ST_WAITING},
    {"DONE", "finished", ST_DONE},
};
enum { NLEGEND = sizeof legend / sizeof legend[0] };

#define KEY_GAP 1   /* between a key and what it does */
#define COL_GAP 2   /* between the two columns */
#define PAD 2       /* border and a space on each side */

static const char *key_text(const HelpKey *k, bool ascii) { return ascii ? k->ascii : k->key; }

static int item_width(int i) { return grid_text_width(legend[i].name) + 1 + grid_text_width(legend[i].what); }

/* Lay the legend out in lines of width w (items never split); returns the
 * number of lines, drawing them from row y when g is not NULL, and never
 * past row ymax. */
static int legend_lines(Grid *g, int x, int y, int ymax, int w)
{
    int lines = 1, cx = 0;
    for (int i = 0; i < NLEGEND; i++) {
        int iw = item_width(i);
        if (cx > 0 && cx + COL_GAP + iw > w) {
            lines++;
            cx = 0;
        } else if (cx > 0) {
            cx += COL_GAP;
        }
        int row = y + lines - 1;
        if (g && row <= ymax && cx < w) {
            int used = grid_text(g, x + cx, row, w - cx, legend[i].st, legend[i].name);
            if (cx + used + 1 < w)
                grid_text(g, x + cx + used + 1, row, w - cx - used - 1, ST_DIM, legend[i].what);
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

    int kw = 0, dw = 0;
    for (int i = 0; i < NKEYS; i++) {
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
    int rows = (NKEYS + ncols - 1) / ncols;
    int leg = legend_lines(NULL, 0, 0, 0, text_w > 0 ? text_w : 1);
    int box_h = 2 + rows + 1 + leg;
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
    for (int i = 0; i < NKEYS; i++) {
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
    /* a blank row, then the legend, if there is room under the keys */
    int ly = y0 + rows + 1;
    if (ly <= ymax)
        legend_lines(g, x0, ly, ymax, text_w);
    grid_clip_pop(g, saved);
}

const Pane pane_help = {
    .name = "help",
    .draw = help_draw,
    .key = NULL,
};
