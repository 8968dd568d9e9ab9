/* picker.c: the scenario list (see picker.h). */
#include "picker.h"

#include "pane.h"

#include <stdio.h>
#include <string.h>

void picker_view(View *v, Picker *p, const Catalog *cat, size_t sel)
{
    memset(v, 0, sizeof *v);
    memset(p, 0, sizeof *p);
    p->cat = cat;
    p->sel = sel < cat->n ? sel : 0;
    p->chosen = -1;
    v->picker = p;
    v->hints = true;
    snprintf(v->title, sizeof v->title, "%s", cat->dir);
}

/* Rows of the list on a screen h rows high: the header, the column
 * titles, the list, the path and the key hint. */
static int list_rows(int h) { return h - 5 > 1 ? h - 5 : 1; }

static void follow(Picker *p, int rows)
{
    if ((int)p->sel < p->top)
        p->top = (int)p->sel;
    if ((int)p->sel >= p->top + rows)
        p->top = (int)p->sel - rows + 1;
}

Action picker_key(View *v, const Input *in)
{
    Picker *p = v->picker;
    size_t n = p->cat->n, sel = p->sel;
    int page = p->rows > 0 ? p->rows : 10;
    switch (in->key) {
    case K_UP:
    case 'k':
    case K_WHEEL_UP:
        sel = sel ? sel - 1 : 0;
        break;
    case K_DOWN:
    case 'j':
    case K_WHEEL_DOWN:
        sel = sel + 1 < n ? sel + 1 : sel;
        break;
    case K_PGUP:
        sel = sel > (size_t)page ? sel - (size_t)page : 0;
        break;
    case K_PGDN:
        sel = sel + (size_t)page < n ? sel + (size_t)page : n - 1;
        break;
    case K_HOME:
        sel = 0;
        break;
    case K_END:
        sel = n - 1;
        break;
    case K_ENTER:
    case '\n':
    case K_RIGHT:
    case 'l':
        p->chosen = (long)sel;
        return ACT_QUIT;
    case 'q':
    case 'Q':
    case K_ESC:
        p->chosen = -1;
        return ACT_QUIT;
    default:
        snprintf(v->status, sizeof v->status, "Up and Down choose a scenario, Enter opens it, q quits");
        return ACT_REDRAW;
    }
    v->status[0] = 0;
    p->sel = sel;
    return ACT_REDRAW;
}

void picker_draw(View *v, Grid *g)
{
    Picker *p = v->picker;
    const Catalog *c = p->cat;
    grid_clear(g);
    memset(&v->lay, 0, sizeof v->lay);
    v->lay.header = (Rect){0, 0, g->w, 1};
    int rows = list_rows(g->h);
    p->rows = rows;
    follow(p, rows);
    grid_fill(g, (Rect){0, 0, g->w, 1}, ' ', ST_HEADER);
    char right[48];
    snprintf(right, sizeof right, "%zu/%zu", p->sel + 1, c->n);
    int rw = grid_text_width(right);
    int x = 1 + grid_text(g, 1, 0, g->w - 2, ST_HEADER_ACCENT, "loopscope") + 2;
    grid_text(g, x, 0, g->w - x - rw - 3, ST_HEADER, c->dir);
    grid_text(g, g->w - 1 - rw, 0, rw, ST_HEADER, right);
    int namew = 0;
    for (size_t i = 0; i < c->n; i++) {
        int w = grid_text_width(c->e[i].name);
        namew = w > namew ? w : namew;
    }
    if (namew > g->w / 3)
        namew = g->w / 3;
    grid_text(g, 3, 1, namew, ST_TITLE, "scenario");
    grid_text(g, 3 + namew + 2, 1, g->w - namew - 6, ST_TITLE, "what it shows");
    for (int r = 0; r < rows && p->top + r < (int)c->n; r++) {
        size_t i = (size_t)(p->top + r);
        bool on = i == p->sel;
        int y = 2 + r;
        if (on)
            grid_fill(g, (Rect){0, y, g->w, 1}, ' ', ST_CODE_CURRENT);
        Style st = on ? ST_CODE_CURRENT : ST_NORMAL;
        grid_text(g, 1, y, 2, st, on ? (g->ascii ? ">" : "\u25b8") : " ");
        grid_text(g, 3, y, namew, on ? ST_CODE_CURRENT : ST_BOLD, c->e[i].name);
        const char *t = c->e[i].title[0] ? c->e[i].title : "(no docstring)";
        grid_text(g, 3 + namew + 2, y, g->w - namew - 6, on ? st : c->e[i].title[0] ? ST_NORMAL : ST_DIM, t);
    }
    if (p->top + rows < (int)c->n) {
        char more[48];
        snprintf(more, sizeof more, "%s %d more", g->ascii ? "v" : "\u2193", (int)c->n - p->top - rows);
        grid_text(g, g->w - 2 - grid_text_width(more), 2 + rows - 1, grid_text_width(more), ST_DIM, more);
    }
    grid_text(g, 1, g->h - 2, g->w - 2, ST_DIM, c->e[p->sel].path);
    const char *hint = v->status[0] ? v->status
                                    : "\u2191 \u2193 choose  Enter opens  q quits   then Backspace: this list, N: the next";
    if (g->ascii && !v->status[0])
        hint = "Up Down choose  Enter opens  q quits   then Backspace: this list, N: the next";
    if (v->hints || v->status[0])
        grid_text(g, 1, g->h - 1, g->w - 2, v->status[0] ? ST_WARNING : ST_DIM, hint);
}
