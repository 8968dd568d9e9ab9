/* pane_code.c: the scenario's source, where the action is.
 * Owns drawing the source with line numbers and light syntax colouring
 * (keywords, strings, comments; a triple-quoted string is followed from
 * the top of the file, so docstrings colour right), tabs expanded to 8
 * columns; the current line (the running task's, or the step's) marked,
 * highlighted across the pane and always shown whole: when it is wider
 * than the pane it wraps under itself, at spaces where it can; the names
 * of suspended tasks (WAITING or READY) in a column of their own right of
 * the longest line ("◂ fetch_user +2"), never over code (when that column
 * is narrow, a short line lets them start further left), down to a bare
 * "◂3"; which lines are shown (centred on the
 * current line unless the learner scrolled: v->scroll[FOCUS_CODE]) and
 * from which column (v->hscroll, the < and > keys); and how wide the pane
 * wants to be (code_pane_want / code_pane_need, for layout.c).
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

/* Columns cp takes on g (in ASCII mode every visible character is one;
 * g NULL: as on a UTF-8 screen). */
static int cp_cols(const Grid *g, uint32_t cp)
{
    int w = grid_cp_width(cp);
    return g && g->ascii && cp >= 0x80 && w ? 1 : w;
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

/* Draw line p[0..n) at (x, y) in w columns, from its column skip on:
 * styles from sty (per byte), or all in `all` when sty is NULL; too long
 * ends in an ellipsis. */
static void draw_line(Grid *g, int x, int y, int w, long skip, const char *p, size_t n, const uint8_t *sty,
                      Style all)
{
    if (w <= 0)
        return;
    bool cut = line_cols(g, p, n, skip + w) > skip + w;
    long limit = skip + (cut ? w - 1 : w), col = 0;
    Style st = all;
    for (size_t i = 0; i < n && col < limit;) {
        uint32_t cp;
        size_t at = i;
        i += grid_utf8_next(p + i, n - i, &cp);
        if (sty)
            st = (Style)sty[at];
        long cw = cp == '\t' ? TAB - col % TAB : cp_cols(g, cp);
        if (cp == '\t' || col < skip) {
            /* blanks, and what is left of a wide character cut by the skip */
            for (long c = col; c < col + cw && c < limit; c++)
                if (c >= skip && (cp == '\t' || col < skip))
                    grid_put(g, x + (int)(c - skip), y, ' ', st);
        } else if (col + cw <= limit && cw) {
            grid_put(g, x + (int)(col - skip), y, cp, st);
        }
        col += cw;
    }
    if (cut)
        grid_put(g, x + (int)(limit - skip), y, g->ascii ? '~' : 0x2026, sty ? ST_DIM : all);
}

/* Line p[0..n) with its tabs expanded, as a new string. */
static char *expand_tabs(const char *p, size_t n)
{
    size_t cap = n + 1;
    for (size_t i = 0; i < n; i++)
        cap += p[i] == '\t' ? TAB : 0;
    char *out = xmalloc(cap);
    size_t o = 0;
    long col = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = grid_utf8_next(p + i, n - i, &cp);
        if (cp == '\t') {
            do
                out[o++] = ' ';
            while (++col % TAB);
        } else {
            memcpy(out + o, p + i, k);
            o += k;
            col += grid_cp_width(cp);
        }
        i += k;
    }
    out[o] = 0;
    return out;
}

/* The byte where column col of text (no tabs) starts. */
static size_t col_byte(const Grid *g, const char *text, long col)
{
    size_t i = 0, n = strlen(text);
    for (long c = 0; i < n;) {
        uint32_t cp;
        size_t k = grid_utf8_next(text + i, n - i, &cp);
        c += cp_cols(g, cp);
        if (c > col)
            break;
        i += k;
    }
    return i;
}

/* How far the wrapped rows of a line are indented in w columns: as far
 * as the line itself, up to half the width. */
static int wrap_indent(const char *text, int w)
{
    int indent = 0;
    while (indent < w / 2 && text[indent] == ' ')
        indent++;
    return indent;
}

/* The rows the current line takes when wrapped: the first w columns, then
 * rows of w - indent under its own indentation. Fills starts[]/lens[]
 * (up to max rows) when they are not NULL. */
static int wrap_rows(const char *text, int w, int indent, size_t *starts, size_t *lens, int max)
{
    size_t n = strlen(text), at = 0;
    int rows = 0;
    if (w <= 0) {
        if (starts && max > 0)
            starts[0] = lens[0] = 0;
        return 1;
    }
    do {
        int room = rows ? w - indent : w;
        if (room < 1)
            room = 1;
        if (rows)
            while (at < n && text[at] == ' ')
                at++;
        bool hard;
        size_t len = pane_wrap_at(text + at, n - at, room, &hard);
        if (starts && rows < max) {
            starts[rows] = at;
            lens[rows] = len;
        }
        rows++;
        at += len;
        while (at < n && text[at] == ' ')
            at++;
    } while (at < n && rows < 1000);
    return rows;
}

/* ------------------------------------------------------------ measure */

/* What the layout needs to know about the text: its lines, the widest
 * line outside the module docstring (what the pane is sized for) and the
 * widest of all (how far it scrolls sideways). */
typedef struct Measure {
    int lines, code_cols, all_cols;
} Measure;

static bool blank_or_comment(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '#')
            return true;
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
            return false;
    }
    return true;
}

static Measure measure(const Grid *g, const Source *src) /* g NULL: widths as on a UTF-8 screen */
{
    Measure m = {0};
    if (!src || !src->len)
        return m;
    char open = 0;
    int doc = 0; /* 0: before the first statement, 1: in the docstring, 2: past it */
    for (const char *p = src->text, *end = src->text + src->len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        long cols = line_cols(g, p, len, 1L << 30);
        m.lines++;
        if (doc == 0 && !blank_or_comment(p, len)) {
            size_t i = 0;
            while (i < len && (p[i] == ' ' || p[i] == '\t'))
                i++;
            size_t j = i;
            while (j < len && ident_char((unsigned char)p[j]))
                j++;
            bool str = j < len && (p[j] == '"' || p[j] == '\'') && (j == i || string_prefix(p + i, j - i));
            doc = str ? 1 : 2;
        }
        scan_line(p, len, NULL, &open);
        bool in_doc = doc == 1;
        if (doc == 1 && !open)
            doc = 2; /* the docstring ended on this line */
        if (cols > m.all_cols)
            m.all_cols = (int)(cols > 100000 ? 100000 : cols);
        if (!in_doc && cols > m.code_cols)
            m.code_cols = (int)(cols > 100000 ? 100000 : cols);
        if (!nl)
            break;
        p = nl + 1;
    }
    return m;
}

/* ------------------------------------------------------------ where */

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

/* The first line shown (0-based) for h rows of n lines, when the current
 * line cur takes extra rows more than one (it wraps). */
static int code_top(const View *v, int n, int h, int cur, int extra)
{
    int most = n > h - extra ? n - (h - extra) : 0;
    if (most < 0)
        most = 0;
    if (v->pinned[FOCUS_CODE])
        return clampi(v->scroll[FOCUS_CODE], 0, n > h ? n - h : 0);
    int a = anchor_line(v, cur);
    if (a <= 0)
        return 0;
    int top = clampi(a - 1 - (h - 1 - extra) * 2 / 5, 0, most);
    /* every row of the current line in view */
    if (cur > 0 && cur - 1 + 1 + extra - top > h)
        top = clampi(cur + extra - h, 0, most);
    return top;
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

/* The gutter left of the code: the current-line mark, a space, the line
 * number and a space ("▶ 11 "). */
static int gutter(int lines) { return 2 + digits(lines > 0 ? lines : 1) + 1; }

/* The names column right of the code: a space, then at least "◂3" and a
 * digit more, at most a name and a count. */
enum { NAMES_MIN = 3, NAMES_WANT = 16, NAMES_MAX = 24 };

/* v's source measured: from the view's cache when it is for this source. */
static Measure measured(const View *v)
{
    if (v->src && v->src_size.of == v->src)
        return (Measure){v->src_size.lines, v->src_size.code_cols, v->src_size.all_cols};
    return measure(NULL, v->src);
}

void code_pane_measure(View *v)
{
    Measure m = measure(NULL, v->src);
    v->src_size.of = v->src;
    v->src_size.lines = m.lines;
    v->src_size.code_cols = m.code_cols;
    v->src_size.all_cols = m.all_cols;
}

int code_pane_need(const View *v)
{
    Measure m = measured(v);
    return 2 + gutter(m.lines) + m.code_cols + 1 + NAMES_MIN;
}

int code_pane_want(const View *v)
{
    Measure m = measured(v);
    return 2 + gutter(m.lines) + m.code_cols + 1 + NAMES_WANT;
}

/* Where the code goes in the inside of the pane: from code_x, code_w
 * columns on rows that name a task (the rest of the row is the names
 * column, names_x, names_w wide), the whole width on the others. */
typedef struct Geo {
    Measure m;
    int num_x, code_x, code_w, full_w, names_x, names_w;
    long hs; /* first column shown */
} Geo;

static Geo geometry(const View *v, Rect in)
{
    Geo o;
    o.m = measured(v);
    o.num_x = in.x + 2;
    o.code_x = in.x + gutter(o.m.lines);
    o.full_w = in.x + in.w - o.code_x;
    int room = o.full_w - 1 - NAMES_MIN; /* the most code a named row can show */
    o.code_w = o.m.code_cols < room ? o.m.code_cols : room;
    if (o.code_w < 1)
        o.code_w = o.full_w > 1 ? 1 : 0;
    o.names_x = o.code_x + o.code_w + 1;
    o.names_w = in.x + in.w - o.names_x;
    if (o.names_w > NAMES_MAX)
        o.names_w = NAMES_MAX;
    long most = o.m.all_cols - o.full_w;
    o.hs = v->hscroll < most ? v->hscroll : most > 0 ? most : 0;
    return o;
}

/* "◂ fetch_user +2", cut to w columns; "◂3" (or a bare "◂") when the
 * name does not fit. */
static void draw_names(Grid *g, int x, int y, int w, int count, const char *name)
{
    const char *mark = g->ascii ? "<" : "\u25c2";
    char more[16] = "";
    if (count > 1)
        snprintf(more, sizeof more, " +%d", count - 1);
    int mw = grid_text_width(more);
    if (w >= 2 + 4 + mw) {
        int used = grid_text(g, x, y, 2, ST_CODE_WAITING, mark);
        used += grid_text(g, x + used, y, 1, ST_CODE_WAITING, " ");
        int nw = grid_text_width(name), room = w - used - mw;
        used += grid_text(g, x + used, y, nw < room ? nw : room, ST_CODE_WAITING, name);
        grid_text(g, x + used, y, mw, ST_CODE_WAITING, more);
        return;
    }
    char tiny[16];
    if (count > 1)
        snprintf(tiny, sizeof tiny, "%s%d", mark, count > 99 ? 99 : count);
    else
        snprintf(tiny, sizeof tiny, "%s", mark);
    grid_text(g, x, y, w, ST_CODE_WAITING, tiny);
}

/* Where the names go on a row whose line is p[0..n): in the names column,
 * or, when the column is too narrow for them and the line is short, as
 * far left as they need to fit at the pane's right edge, but never over
 * the line's own text. */
static int names_at(const Grid *g, const Geo *o, Rect in, const char *p, size_t n, int count, const char *name)
{
    char more[16] = "";
    if (count > 1)
        snprintf(more, sizeof more, " +%d", count - 1);
    int want = 2 + grid_text_width(name) + grid_text_width(more);
    if (want > NAMES_MAX)
        want = NAMES_MAX;
    if (want <= o->names_w)
        return o->names_x;
    long cols = line_cols(g, p, n, o->hs + o->full_w) - o->hs;
    int after = o->code_x + (int)(cols > 0 ? cols : 0) + 2; /* a blank column after the code */
    int x = in.x + in.w - 1 - want; /* a blank column before the frame */
    return x < after ? (after < o->names_x ? after : o->names_x) : x < o->names_x ? x : o->names_x;
}

/* The current line's rows, from row y: wrapped (see wrap_rows) in the
 * current-line style, its number and mark on the first. */
static void draw_current(Grid *g, const Geo *o, Rect in, int y, int rows_left, const char *p, size_t len, int fill_w)
{
    char *text = expand_tabs(p, len);
    const char *from = text + col_byte(g, text, o->hs);
    int w = o->code_w; /* as code_draw counted its rows, named or not */
    int indent = wrap_indent(from, w);
    enum { MAXROWS = 64 };
    size_t starts[MAXROWS], lens[MAXROWS];
    int rows = wrap_rows(from, w, indent, starts, lens, MAXROWS);
    for (int r = 0; r < rows && r < rows_left && r < MAXROWS; r++) {
        int ry = y + r;
        /* the highlight runs across the code, not the names */
        grid_fill(g, (Rect){in.x, ry, fill_w, 1}, ' ', ST_CODE_CURRENT);
        if (r == 0)
            grid_text(g, in.x, ry, 1, ST_CODE_CURRENT, g->ascii ? ">" : "\u25b6");
        else
            grid_text(g, o->code_x - 2, ry, 1, ST_CODE_CURRENT, g->ascii ? "+" : "\u21aa");
        int x = o->code_x + (r ? indent : 0), rw = (r ? w - indent : w);
        char *piece = xstrndup(from + starts[r], lens[r]);
        grid_text(g, x, ry, rw > 0 ? rw : 1, ST_CODE_CURRENT, piece);
        xfree(piece);
    }
    xfree(text);
}

static void code_draw(const View *v, Grid *g, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    Rect saved = grid_clip_push(g, r);
    Rect in = rect_inset(r, 1);
    Geo o = geometry(v, in);
    char title[200];
    const char *name = base_name(v->src ? v->src->path : NULL);
    if (o.hs > 0)
        snprintf(title, sizeof title, "%s %s col %ld", name, g->ascii ? ">" : "\u25b8", o.hs + 1);
    else
        snprintf(title, sizeof title, "%s", name);
    pane_box(v, g, r, FOCUS_CODE, title);
    int n = o.m.lines;
    if (!v->src || in.w <= 0 || in.h <= 0 || !n) {
        grid_clip_pop(g, saved);
        return;
    }
    int cur = current_line(v);

    /* how many rows the current line takes: from its own text */
    int extra = 0;
    if (cur > 0) {
        const char *p = v->src->text, *end = v->src->text + v->src->len;
        for (int line = 1; line < cur && p < end; line++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
        if (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            char *text = expand_tabs(p, (size_t)((nl ? nl : end) - p));
            /* named or not, the narrower width decides, so the rows do not
             * change with the tasks on the line */
            int w = o.code_w;
            const char *from = text + col_byte(g, text, o.hs);
            int indent = wrap_indent(from, w);
            extra = wrap_rows(from, w, indent, NULL, NULL, 0) - 1;
            xfree(text);
            if (extra > in.h - 1)
                extra = in.h - 1;
        }
    }
    int top = code_top(v, n, in.h, cur, extra);

    /* suspended tasks on the lines shown: how many, and the first's name */
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

    uint8_t *sty = NULL;
    size_t cap = 0;
    char open = 0;
    int y = in.y;
    const char *p = v->src->text, *end = v->src->text + v->src->len;
    for (int line = 1; p < end && y < in.y + in.h; line++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t len = (size_t)((nl ? nl : end) - p);
        if (line <= top) {
            scan_line(p, len, NULL, &open);
        } else {
            int row = line - top - 1;
            if (len > cap) {
                cap = len * 2;
                sty = xrealloc(sty, cap);
            }
            scan_line(p, len, sty, &open);
            bool named = row < in.h && cnt[row] && o.names_w >= 2;
            if (line == cur) {
                /* a line that wraps keeps the names column; one that does not
                 * may leave the names more room, as the other lines do */
                int nx = !named ? 0 : extra ? o.names_x : names_at(g, &o, in, p, len, cnt[row], first[row]);
                draw_current(g, &o, in, y, in.y + in.h - y, p, len, named ? nx - 1 - in.x : in.w);
                grid_textf(g, o.num_x, y, in.x + in.w - o.num_x, ST_CODE_CURRENT, "%*d", digits(n), line);
                if (named)
                    draw_names(g, nx, y, in.x + in.w - nx < NAMES_MAX ? in.x + in.w - nx : NAMES_MAX, cnt[row],
                               first[row]);
                y += 1 + extra;
            } else {
                Style num_st = named ? ST_CODE_WAITING : ST_LINENO;
                grid_textf(g, o.num_x, y, in.x + in.w - o.num_x, num_st, "%*d", digits(n), line);
                if (o.hs > 0 && line_cols(g, p, len, o.hs) > 0)
                    grid_text(g, o.code_x - 1, y, 1, ST_DIM, g->ascii ? "~" : "\u2026");
                int nx = named ? names_at(g, &o, in, p, len, cnt[row], first[row]) : 0;
                draw_line(g, o.code_x, y, named ? nx - 1 - o.code_x : o.full_w, o.hs, p, len, sty, ST_CODE);
                if (named)
                    draw_names(g, nx, y, in.x + in.w - nx < NAMES_MAX ? in.x + in.w - nx : NAMES_MAX, cnt[row],
                               first[row]);
                y++;
            }
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
 * showing. < and > scroll sideways, 8 columns a press, as far as the
 * longest line needs. */
static Action code_key(View *v, const Input *in, Rect r)
{
    Rect inner = rect_inset(r, 1);
    int h = inner.h > 0 ? inner.h : 1;
    Geo o = geometry(v, inner);
    int n = o.m.lines, most = n > h ? n - h : 0;
    if (in->key == '<' || in->key == '>') {
        long room = o.m.all_cols - o.full_w, to = o.hs + (in->key == '>' ? 8 : -8);
        if (room <= 0) {
            snprintf(v->status, sizeof v->status, "every line fits: nothing to scroll sideways");
            return ACT_REDRAW;
        }
        to = to < 0 ? 0 : to > room ? room : to;
        if (to == o.hs && to == v->hscroll)
            return ACT_NONE;
        v->hscroll = (int)to;
        return ACT_REDRAW;
    }
    int top = code_top(v, n, h, current_line(v), 0);
    return pane_scroll(v, FOCUS_CODE, in, top, h > 2 ? h - 1 : 1, most, false);
}

const Pane pane_code = {
    .name = "code",
    .draw = code_draw,
    .key = code_key,
};
