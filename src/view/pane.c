/* pane.c: what the panes have in common (see pane.h): the frame and the
 * scrolling keys of the boxed panes (code, tasks, log), and times as the
 * panes print them, the same in every locale. Task labels are the
 * recording's (rec_task_label). Each pane's drawing, its key handler and its table are in
 * its own pane_*.c; which rows a pane shows when it follows the action is
 * the pane's, so it passes them in here. */
#include "pane.h"

#include <math.h>
#include <stdio.h>

void pane_box(const View *v, Grid *g, Rect r, Focus f, const char *title)
{
    grid_fill(g, r, ' ', ST_NORMAL);
    if (r.w >= 2 && r.h >= 2)
        grid_box(g, r, v->focus == f ? ST_BORDER_FOCUS : ST_BORDER, title, ST_TITLE);
}

Action pane_scroll(View *v, Focus f, const Input *in, int top, int page, int most, bool end_follows)
{
    long to;
    switch (in->key) {
    case K_UP:
    case K_WHEEL_UP:
        to = (long)top - 1;
        break;
    case K_DOWN:
    case K_WHEEL_DOWN:
        to = (long)top + 1;
        break;
    case K_PGUP:
        to = (long)top - page;
        break;
    case K_PGDN:
        to = (long)top + page;
        break;
    case K_HOME:
        to = 0;
        break;
    case K_END:
        to = most;
        break;
    default:
        return ACT_NONE;
    }
    if (to > most)
        to = most;
    if (to < 0)
        to = 0;
    bool pin = !(end_follows && to >= most);
    if (v->pinned[f] == pin && v->scroll[f] == (int)to)
        return ACT_NONE;
    v->scroll[f] = (int)to;
    v->pinned[f] = pin;
    return ACT_REDRAW;
}

void pane_format_time(double t, int dec, char *buf, size_t n)
{
    static const double scale[] = {1, 10, 100, 1000};
    if (dec < 0)
        dec = 0;
    if (dec > 3)
        dec = 3;
    bool neg = t < 0;
    if (neg)
        t = -t;
    if (!(t < 1e12)) /* also NaN */
        t = 1e12;
    double s = scale[dec];
    double v = floor(t * s);
    /* fma gives the sign of t*s - x exactly: fix a product rounded up to
     * an integer, then decide the rounding on the exact half */
    if (fma(t, s, -v) < 0)
        v -= 1;
    double h = fma(t, s, -(v + 0.5));
    if (h > 0 || (h == 0 && fmod(v, 2) != 0))
        v += 1;
    long long iv = (long long)v, is = (long long)s;
    const char *sign = neg && iv ? "-" : "";
    if (dec)
        snprintf(buf, n, "%s%lld.%0*lld", sign, iv / is, dec, iv % is);
    else
        snprintf(buf, n, "%s%lld", sign, iv);
}
