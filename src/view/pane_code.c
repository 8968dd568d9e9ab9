/* pane_code.c: the scenario's source, where the action is.
 * Owns drawing the source with line numbers and light syntax colouring
 * (keywords, strings, comments; a triple-quoted string is followed from
 * the top of the file, so docstrings colour right), tabs expanded to 8
 * columns, the current line (the running task's, or the step's) marked and
 * highlighted across the pane, the names of suspended tasks (WAITING or
 * READY) at the lines they stand on, right-aligned ("◂ fetch_user, +2"),
 * and which lines are shown: centred on the current line unless the
 * learner scrolled (pinned), then v->scroll[FOCUS_CODE].
 * Leaves to others: the tasks' lines and states (the recording), the
 * running task (seek), unpinning when the step changes (view), clipping
 * (frame). Each frame scans the text once from the top; no state kept. */
#include "pane.h"

#include "../base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TAB = 8 };

/* ------------------------------------------------------------ colouring */

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static bool is_keyword(const char *p, size_t n)
{
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strlen(keywords[i]) == n && !memcmp(keywords[i], p, n))
            return true;
    return false;
}

static bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool ident_start(unsigned char c) { return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80; }
static bool ident_char(unsigned char c) { return ident_start(c) || is_digit(c); }

/* r, b, f, u and their pairs (rb, br, fr, rf), any case. */
static bool string_prefix(const char *p, size_t n)
{
    if (n < 1 || n > 2)
        return false;
    int r = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        char c = (char)(p[i] | 32);
        if (c == 'r')
            r++;
        else if (c == 'b' || c == 'f' || c == 'u')
            other++;
        else
            return false;
    }
    return r <= 1 && other <= 1 && !(n == 2 && (p[0] | 32) == 'u') && !(n == 2 && (p[1] | 32) == 'u');
}

static void paint(uint8_t *sty, size_t a, size_t b, Style st)
{
    if (sty && b > a)
        memset(sty + a, st, b - a);
}

/* The end of a string body starting at i, closed by quote q (three of them
 * when triple); *closed says whether it closed on this line. A backslash
 * always protects the next character (also in raw strings, as in Python). */
static size_t string_end(const char *p, size_t n, size_t i, char q, bool triple, bool *closed)
{
    while (i < n) {
        if (p[i] == '\\') {
            i += 2;
            continue;
        }
        if (p[i] == q) {
            if (!triple) {
                *closed = true;
                return i + 1;
            }
            if (i + 2 < n && p[i + 1] == q && p[i + 2] == q) {
                *closed = true;
                return i + 3;
            }
        }
        i++;
    }
    *closed = false;
    return n;
}

/* Colour line p[0..n) into sty (NULL: only follow the state). *open is the
 * quote of a triple-quoted string still open from the lines above (0 for
 * none), updated for the next line. */
static void scan_line(const char *p, size_t n, uint8_t *sty, char *open)
{
    size_t i = 0;
    bool closed;
    if (*open) {
        i = string_end(p, n, 0, *open, true, &closed);
        paint(sty, 0, i, ST_STRING);
        if (!closed)
            return;
        *open = 0;
    }
    while (i < n) {
        unsigned char c = (unsigned char)p[i];
        size_t j = i + 1, q = i;
        if (c == '#') {
            paint(sty, i, n, ST_COMMENT);
            return;
        }
        if (ident_start(c)) {
            while (j < n && ident_char((unsigned char)p[j]))
                j++;
            if (!(j < n && (p[j] == '\'' || p[j] == '"') && string_prefix(p + i, j - i))) {
                paint(sty, i, j, is_keyword(p + i, j - i) ? ST_KEYWORD : ST_CODE);
                i = j;
                continue;
            }
            q = j;
        } else if (c != '\'' && c != '"') {
            if (is_digit(c))
                while (j < n && (ident_char((unsigned char)p[j]) || p[j] == '.'))
                    j++;
            paint(sty, i, j, ST_CODE);
            i = j;
            continue;
        }
        /* a string from i, its quote at q */
        char quote = p[q];
        bool triple = q + 2 < n && p[q + 1] == quote && p[q + 2] == quote;
        j = string_end(p, n, q + (triple ? 3 : 1), quote, triple, &closed);
        if (j > n)
            j = n;
        paint(sty, i, j, ST_STRING);
        if (!closed && triple)
            *open = quote;
        i = j;
    }
}

/* ------------------------------------------------------------ text */

/* Columns cp takes on g (in ASCII mode every visible character is one). */
static int cp_cols(const Grid *g, uint32_t cp)
{
    int w = grid_cp_width(cp);
    return g->ascii && cp >= 0x80 && w ? 1 : w;
}

/* Columns line p[0..n) takes with tabs expanded, stopping early past stop. */
static long line_cols(const Grid *g, const char *p, size_t n, long stop)
{
    long col = 0;
    for (size_t i = 0; i < n && col <= stop;) {
        uint32_t cp;
        i += grid_utf8_next(p + i, n - i, &cp);
        col += cp == '\t' ? TAB - col % TAB : cp_cols(g, cp);
    }
    return col;
}

/* Draw line p[0..n) at (x, y) in w columns: styles from sty (per byte), or
 * all in `all` when sty is NULL; too long ends in an ellipsis. */
static void draw_line(Grid *g, int x, int y, int w, const char *p, size_t n, const uint8_t *sty, Style all)
{
    if (w <= 0)
        return;
    bool cut = line_cols(g, p, n, w) > w;
    long limit = cut ? w - 1 : w, col = 0;
    Style st = all;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t at = i;
        i += grid_utf8_next(p + i, n - i, &cp);
        if (sty)
            st = (Style)sty[at];
        if (cp == '\t') {
            long to = col + TAB - col % TAB;
            for (; col < to && col < limit; col++)
                grid_put(g, x + (int)col, y, ' ', st);
            if (col >= limit)
                break;
            continue;
        }
        int cw = cp_cols(g, cp);
        if (col + cw > limit)
            break;
        if (cw)
            grid_put(g, x + (int)col, y, cp, st);
        col += cw;
    }
    if (cut)
        grid_put(g, x + (int)limit, y, g->ascii ? '~' : 0x2026, sty ? ST_DIM : all);
}

/* ------------------------------------------------------------ where */

static int count_lines(const Source *src)
{
    if (!src || !src->len)
        return 0;
    int n = 0;
    for (const char *p = src->text, *end = src->text + src->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        n++;
        if (!nl)
            break;
        p = nl + 1;
    }
    return n;
}

/* The line to highlight: the running task's, else the step's (0: none). */
static int current_line(const View *v)
{
    if (!v->rec)
        return 0;
    int run = v->seek ? seek_running(v->seek, v->step) : -1;
    TaskView tv;
    if (run >= 0 && rec_task_at(v->rec, run, v->step, &tv) && tv.line > 0)
        return tv.line;
    const Step *s = rec_step_at(v->rec, v->step);
    return s && s->line > 0 ? s->line : 0;
}

/* The line to keep in view when nothing is current (a clock jump): the
 * last one a recent step was on, so the code does not jump away. */
static int anchor_line(const View *v, int cur)
{
    if (cur > 0 || !v->rec)
        return cur;
    for (size_t i = v->step + 1, k = 0; i-- > 0 && k < 256; k++) {
        const Step *s = rec_step_at(v->rec, i);
        if (s && s->line > 0)
            return s->line;
    }
    return 0;
}

static int clampi(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }

/* The first line shown (0-based) for h rows of n lines. */
static int code_top(const View *v, int n, int h, int cur)
{
    int most = n > h ? n - h : 0;
    if (v->pinned[FOCUS_CODE])
        return clampi(v->scroll[FOCUS_CODE], 0, most);
    int a = anchor_line(v, cur);
    if (a <= 0)
        return 0;
    return clampi(a - 1 - (h - 1) * 2 / 5, 0, most);
}

/* The name a suspended task goes by in the gutter: its one label. */
static const char *short_name(const TaskView *tv)
{
    return tv->who ? tv->who : "";
}

/* ------------------------------------------------------------ the pane */

static const char *base_name(const char *path)
{
    if (!path || !*path)
        return "code";
    const char *s = strrchr(path, '/');
    return s && s[1] ? s + 1 : path;
}

static int digits(int n)
{
    int d = 1;
    while (n >= 10)
        n /= 10, d++;
    return d;
}

static void code_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    pane_box(v, g, r, FOCUS_CODE, base_name(v->src ? v->src->path : NULL));
    Rect in = rect_inset(r, 1);
    int n = count_lines(v->src);
    if (!v->src || in.w <= 0 || in.h <= 0 || !n) {
        grid_clip_pop(g, saved);
        return;
    }
    int cur = current_line(v), top = code_top(v, n, in.h, cur);

    /* suspended tasks on the rows shown: how many, and the first's name */
    int *cnt = xcalloc((size_t)in.h, sizeof *cnt);
    const char **first = xcalloc((size_t)in.h, sizeof *first);
    size_t ntasks = v->seek && v->rec ? seek_tasks(v->seek) : 0;
    for (size_t i = 0; i < ntasks; i++) {
        TaskView tv;
        if (!rec_task_at(v->rec, seek_task(v->seek, i), v->step, &tv) || tv.hidden)
            continue;
        if ((tv.state != TS_WAITING && tv.state != TS_READY) || tv.line <= top || tv.line > top + in.h)
            continue;
        int row = tv.line - top - 1;
        if (!cnt[row]++)
            first[row] = short_name(&tv);
    }

    int nd = digits(n);
    int mark_x = in.x, num_x = in.x + 2, code_x = num_x + nd + 1;
    int code_w = in.x + in.w - code_x;
    int label_max = in.w / 3 > 24 ? 24 : in.w / 3;
    uint8_t *sty = NULL;
    size_t cap = 0;
    char open = 0;
    const char *p = v->src->text, *end = v->src->text + v->src->len;
    for (int line = 1; line <= top + in.h && p < end; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        if (line <= top) {
            scan_line(p, len, NULL, &open);
        } else {
            int row = line - top - 1, y = in.y + row;
            if (len > cap) {
                cap = len * 2;
                sty = xrealloc(sty, cap);
            }
            scan_line(p, len, sty, &open);
            bool is_cur = line == cur;
            if (is_cur) {
                grid_fill(g, (Rect){in.x, y, in.w, 1}, ' ', ST_CODE_CURRENT);
                grid_text(g, mark_x, y, 1, ST_CODE_CURRENT, g->ascii ? ">" : "▶");
            }
            Style num_st = is_cur ? ST_CODE_CURRENT : cnt[row] ? ST_CODE_WAITING : ST_LINENO;
            grid_textf(g, num_x, y, in.x + in.w - num_x, num_st, "%*d", nd, line);
            int cw = code_w;
            if (cnt[row] && label_max >= 4) {
                char label[160];
                snprintf(label, sizeof label, cnt[row] > 1 ? "%s%s, +%d" : "%s%s", g->ascii ? "< " : "◂ ", first[row],
                         cnt[row] - 1);
                int lw = grid_text_width(label);
                lw = lw > label_max ? label_max : lw;
                if (lw < code_w) {
                    grid_text(g, in.x + in.w - lw, y, lw, ST_CODE_WAITING, label);
                    cw = code_w - lw - 1;
                }
            }
            draw_line(g, code_x, y, cw, p, len, is_cur ? NULL : sty, ST_CODE_CURRENT);
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    xfree(sty);
    xfree(first);
    xfree(cnt);
    grid_clip_pop(g, saved);
}

/* ↑/↓ a line, PgUp/PgDn a page, Home/End: pins the pane (it stops
 * following the action until the step changes), from wherever it was
 * showing. */
static Action code_key(View *v, const Input *in, Rect r)
{
    Rect inner = rect_inset(r, 1);
    int h = inner.h > 0 ? inner.h : 1, n = count_lines(v->src), most = n > h ? n - h : 0;
    int top = code_top(v, n, h, current_line(v));
    return pane_scroll(v, FOCUS_CODE, in, top, h > 2 ? h - 1 : 1, most, false);
}

const Pane pane_code = {
    .name = "code",
    .draw = code_draw,
    .key = code_key,
};
