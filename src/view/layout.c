/* layout.c: where the panes go for a screen size (see layout.h).
 * Top to bottom: the header bar, the main area (code beside the task
 * columns on wide screens, above them on narrow tall ones), the caption,
 * the timeline and the log. Below LAYOUT_MIN_W x LAYOUT_MIN_H nothing is
 * laid out and the frame says the terminal is too small. */
#include "layout.h"

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

Layout layout_compute(int w, int h)
{
    Layout l = {.min_w = LAYOUT_MIN_W, .min_h = LAYOUT_MIN_H};
    if (w < LAYOUT_MIN_W || h < LAYOUT_MIN_H) {
        l.too_small = true;
        return l;
    }
    int log_h = h < 24 ? 4 : clamp(h / 4 + 1, 5, 14);
    int caption_h = 2, timeline_h = 2;
    int main_h = h - 1 - caption_h - timeline_h - log_h;
    int y = 1;
    l.header = (Rect){0, 0, w, 1};
    if (w < 90 && main_h >= 16) {
        /* narrow and tall: code above the columns */
        int code_h = clamp(main_h * 2 / 5, 5, 20);
        l.code = (Rect){0, y, w, code_h};
        l.tasks = (Rect){0, y + code_h, w, main_h - code_h};
    } else {
        int code_w = clamp(w * 2 / 5, 26, 84);
        l.code = (Rect){0, y, code_w, main_h};
        l.tasks = (Rect){code_w, y, w - code_w, main_h};
    }
    y += main_h;
    l.caption = (Rect){1, y, w - 2, caption_h};
    y += caption_h;
    l.timeline = (Rect){1, y, w - 2, timeline_h};
    y += timeline_h;
    l.log = (Rect){0, y, w, log_h};
    return l;
}
