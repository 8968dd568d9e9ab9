/* plain.c: a grid as plain text or as text with ANSI SGR sequences.
 * Owns UTF-8 output of cells, trimming, and the smallest SGR change from
 * one cell's look to the next. Leaves the looks to theme.c and the drawing
 * to the panes; it never touches a terminal (no terminfo: SGR codes are
 * the ECMA-48 ones every terminal in use understands).
 * Output depends only on the cells, so the same grid gives the same bytes
 * everywhere: that is what the golden tests compare. */
#include "plain.h"

#include "../base/base.h"

/* The character a cell shows; false for the right half of a wide one. */
static bool cell_char(const Cell *c, uint32_t *cp)
{
    if (c->flags & CELL_CONT)
        return false;
    *cp = c->ch ? c->ch : ' ';
    return true;
}

void plain_write(const Grid *g, FILE *out)
{
    Buf b;
    buf_init(&b);
    for (int y = 0; y < g->h; y++) {
        size_t keep = b.len; /* bytes up to the last non-space */
        for (int x = 0; x < g->w; x++) {
            uint32_t cp;
            if (!cell_char(grid_at(g, x, y), &cp))
                continue;
            buf_put_utf8(&b, cp);
            if (cp != ' ')
                keep = b.len;
        }
        b.len = keep;
        buf_putc(&b, '\n');
    }
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}

/* A space that shows nothing: no background, no reverse, no underline.
 * Only these are trimmed at the end of a line in ANSI output. */
static bool invisible_space(uint32_t cp, StyleAttr a)
{
    return cp == ' ' && a.bg < 0 && !(a.attr & (ATTR_REVERSE | ATTR_UNDERLINE));
}

static void sgr_color(Buf *b, const char **sep, int c, int base, int bright, int def)
{
    int code = c < 0 ? def : c < 8 ? base + c : bright + (c - 8);
    buf_printf(b, "%s%d", *sep, code);
    *sep = ";";
}

/* The shortest parameter list that turns look `from` into `to`, using the
 * attribute-off codes (22 24 27 23) and 39/49 rather than a full reset. */
static void sgr_change(Buf *b, StyleAttr from, StyleAttr to)
{
    if (from.fg == to.fg && from.bg == to.bg && from.attr == to.attr)
        return;
    static const struct {
        uint8_t attr;
        int on, off;
    } codes[] = {
        {ATTR_BOLD, 1, 22}, {ATTR_DIM, 2, 22}, {ATTR_ITALIC, 3, 23},
        {ATTR_UNDERLINE, 4, 24}, {ATTR_REVERSE, 7, 27},
    };
    const char *sep = "";
    buf_puts(b, "\x1b[");
    uint8_t have = from.attr;
    /* 22 clears bold and dim together, so one of them may come back */
    uint8_t bd = ATTR_BOLD | ATTR_DIM;
    if ((from.attr & bd) & ~(to.attr & bd)) {
        buf_printf(b, "%s22", sep);
        sep = ";";
        have &= (uint8_t)~bd;
    }
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        uint8_t a = codes[i].attr;
        if ((have & a) && !(to.attr & a)) {
            buf_printf(b, "%s%d", sep, codes[i].off);
            sep = ";";
        } else if (!(have & a) && (to.attr & a)) {
            buf_printf(b, "%s%d", sep, codes[i].on);
            sep = ";";
        }
    }
    if (from.fg != to.fg)
        sgr_color(b, &sep, to.fg, 30, 90, 39);
    if (from.bg != to.bg)
        sgr_color(b, &sep, to.bg, 40, 100, 49);
    buf_putc(b, 'm');
}

void plain_row_ansi(Buf *b, const Grid *g, int y, bool color)
{
    static const StyleAttr plain = {-1, -1, 0};
    /* the last visible cell, so invisible trailing spaces are dropped */
    int end = 0;
    for (int x = 0; x < g->w; x++) {
        const Cell *c = grid_at(g, x, y);
        uint32_t cp;
        if (cell_char(c, &cp) && !invisible_space(cp, theme_style((Style)c->style, color)))
            end = x + 1;
    }
    StyleAttr cur = plain;
    for (int x = 0; x < end; x++) {
        const Cell *c = grid_at(g, x, y);
        uint32_t cp;
        if (!cell_char(c, &cp))
            continue;
        StyleAttr a = theme_style((Style)c->style, color);
        sgr_change(b, cur, a);
        cur = a;
        buf_put_utf8(b, cp);
    }
    buf_puts(b, "\x1b[0m");
}

void plain_write_ansi(const Grid *g, bool color, FILE *out)
{
    Buf b;
    buf_init(&b);
    for (int y = 0; y < g->h; y++) {
        plain_row_ansi(&b, g, y, color);
        buf_putc(&b, '\n');
    }
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}
