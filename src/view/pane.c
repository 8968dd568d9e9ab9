/* pane.c: what the panes have in common (see pane.h): the frame and the
 * scrolling keys of the boxed panes (code, tasks, log), and times as the
 * panes print them, the same in every locale. Task labels are the
 * recording's (rec_task_label). Each pane's drawing, its key handler and its table are in
 * its own pane_*.c; which rows a pane shows when it follows the action is
 * the pane's, so it passes them in here. */
#include "pane.h"

#include "../base/base.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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
    if (dec < 0)
        dec = 0;
    if (dec > 3)
        dec = 3;
    bool neg = t < 0;
    if (neg)
        t = -t;
    if (!(t < 1e12)) /* also NaN */
        t = 1e12;
    long long iv = fixed_round(t, dec);
    if (neg && iv && n > 1) {
        buf[0] = '-';
        fixed_write(iv, dec, buf + 1, n - 1);
    } else {
        fixed_write(iv, dec, buf, n);
    }
}

void pane_group_digits(const char *num, char *buf, size_t n)
{
    if (!n)
        return;
    size_t lead = strspn(num, "-"), digits = strspn(num + lead, "0123456789");
    size_t k = 0;
    for (size_t i = 0; num[i] && k + 1 < n; i++) {
        if (i > lead && i < lead + digits && (lead + digits - i) % 3 == 0) {
            buf[k++] = ',';
            if (k + 1 >= n)
                break;
        }
        buf[k++] = num[i];
    }
    buf[k] = 0;
}

const PaneSlot pane_slots[PART_COUNT] = {
    [FOCUS_CODE] = {&pane_code, "code", '1'},
    [FOCUS_TASKS] = {&pane_tasks, "tasks", '2'},
    [FOCUS_LOG] = {&pane_log, "log", '3'},
    [FOCUS_OUTPUT] = {&pane_output, "output", '4'},
    [FOCUS_NOTES] = {&pane_notes, "notes", '5'},
    [PART_CAPTION] = {&pane_caption, "caption", 0},
    [PART_TIMELINE] = {&pane_timeline, "timeline", 0},
};

size_t pane_wrap_at(const char *text, size_t n, int w, bool *hard)
{
    size_t i = 0, space = 0, after = 0;
    int col = 0;
    bool word = false; /* a word before: a space after it is a break */
    *hard = false;
    while (i < n) {
        uint32_t cp;
        size_t k = grid_utf8_next(text + i, n - i, &cp);
        int cw = grid_cp_width(cp);
        if (cp == ' ' && word)
            space = i;
        if (col + cw > w)
            break;
        word |= cp != ' ';
        col += cw;
        i += k;
        /* a long word may break after an opening bracket, a comma, a slash
         * or an equals sign: "DownloadError(" / "'notes.txt')" */
        if (strchr("([{,/=", (int)cp) && cp && i < n && text[i] != ' ')
            after = i;
    }
    if (i >= n)
        return n;
    if (text[i] == ' ' && word)
        return i;
    if (space || after)
        return space > after ? space : after;
    *hard = true;
    return i ? i : (n ? grid_utf8_next(text, n, &(uint32_t){0}) : 0);
}

void pane_draw_in(const Pane *p, const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    grid_clip(g, r);
    p->draw(v, g, r);
    grid_unclip(g);
}
