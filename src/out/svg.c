/* svg.c: a grid as SVG. See svg.h.
 * Owns turning cells into SVG: resolving each cell's look (theme.c's
 * StyleAttr) to real colours from a palette, one background rect per run
 * of cells with the same non-default background, one <text> per run of
 * cells that look the same. Leaves the looks to theme.c and the cells to
 * the panes.
 * Why it looks like the terminal whatever font the viewer has:
 *   - every run carries textLength = cells x cell width with
 *     lengthAdjust="spacingAndGlyphs", so a font that is a little wider or
 *     narrower is squeezed back onto the grid instead of drifting;
 *   - a wide character (CJK, emoji) gets a <text> of its own, two cells
 *     long, so a fallback font's width for it cannot shift its neighbours;
 *   - reverse video swaps the colours and dim mixes the text colour
 *     towards the background, as terminals do, so no opacity is needed.
 *   - box-drawing lines (the pane frames, the timeline) and block
 *     elements (the playhead) are drawn as rectangles, not glyphs: a font's
 *     box glyphs rarely fill a 17px line, and frames drawn with them show
 *     gaps between rows. Rectangles meet exactly at the cell edges.
 * Spaces are kept (xml:space="preserve") inside a run; runs start and end
 * at visible characters, so blank stretches cost nothing.
 * Every number is an integer count of tenths of a pixel, printed exactly:
 * no floating point, no locale, the same bytes everywhere. */
#include "svg.h"

#include "../base/base.h"
#include "../base/esc.h"

#include <string.h>

/* Baseline below the top of a cell. 14px DejaVu Sans Mono has 13px of
 * ascent and 3.3px of descent; a baseline a little above the centred one
 * keeps underscores off the cell's last pixel row, where they would merge
 * into a highlighted line below. */
#define BASELINE 125

/* What a cell looks like once the palette is applied. */
typedef struct Look {
    uint32_t fg, bg;
    uint8_t attr; /* ATTR_BOLD, ATTR_ITALIC, ATTR_UNDERLINE; dim and reverse are in the colours */
} Look;

uint32_t svg_mix(uint32_t a, uint32_t b, unsigned share)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        unsigned ca = (a >> shift) & 0xFF, cb = (b >> shift) & 0xFF;
        unsigned c = (ca * share + cb * (100 - share) + 50) / 100;
        out |= (uint32_t)c << shift;
    }
    return out;
}

static Look cell_look(const Cell *c, const Palette *pal, bool color)
{
    StyleAttr a = theme_style((Style)c->style, color);
    Look l;
    l.fg = a.fg < 0 ? pal->fg : pal->ansi[a.fg & 15];
    l.bg = a.bg < 0 ? pal->bg : pal->ansi[a.bg & 15];
    if (a.attr & ATTR_REVERSE) {
        uint32_t t = l.fg;
        l.fg = l.bg;
        l.bg = t;
    }
    if (a.attr & ATTR_DIM)
        l.fg = svg_mix(l.fg, l.bg, SVG_DIM_SHARE);
    l.attr = a.attr & (ATTR_BOLD | ATTR_ITALIC | ATTR_UNDERLINE);
    return l;
}

/* Box drawing: the arms a line character has, 2 bits each (0 none,
 * 1 light, 2 heavy), in the order left, right, up, down. */
enum { ARM_L = 0, ARM_R = 2, ARM_U = 4, ARM_D = 6 };
#define ARMS(l, r, u, d) ((uint8_t)((l) << ARM_L | (r) << ARM_R | (u) << ARM_U | (d) << ARM_D))
/* Line widths in tenths of a pixel, light and heavy. */
static const int line_width[3] = {0, 12, 30};

static uint8_t box_arms(uint32_t cp)
{
    static const struct {
        uint16_t cp;
        uint8_t arms;
    } boxes[] = {
        {0x2500, ARMS(1, 1, 0, 0)}, {0x2501, ARMS(2, 2, 0, 0)}, {0x2502, ARMS(0, 0, 1, 1)},
        {0x2503, ARMS(0, 0, 2, 2)}, {0x250C, ARMS(0, 1, 0, 1)}, {0x250F, ARMS(0, 2, 0, 2)},
        {0x2510, ARMS(1, 0, 0, 1)}, {0x2513, ARMS(2, 0, 0, 2)}, {0x2514, ARMS(0, 1, 1, 0)},
        {0x2517, ARMS(0, 2, 2, 0)}, {0x2518, ARMS(1, 0, 1, 0)}, {0x251B, ARMS(2, 0, 2, 0)},
        {0x251C, ARMS(0, 1, 1, 1)}, {0x2523, ARMS(0, 2, 2, 2)}, {0x2524, ARMS(1, 0, 1, 1)},
        {0x252B, ARMS(2, 0, 2, 2)}, {0x252C, ARMS(1, 1, 0, 1)}, {0x2533, ARMS(2, 2, 0, 2)},
        {0x2534, ARMS(1, 1, 1, 0)}, {0x253B, ARMS(2, 2, 2, 0)}, {0x253C, ARMS(1, 1, 1, 1)},
        {0x254B, ARMS(2, 2, 2, 2)}, {0x2574, ARMS(1, 0, 0, 0)}, {0x2575, ARMS(0, 0, 1, 0)},
        {0x2576, ARMS(0, 1, 0, 0)}, {0x2577, ARMS(0, 0, 0, 1)}, {0x2578, ARMS(2, 0, 0, 0)},
        {0x2579, ARMS(0, 0, 2, 0)}, {0x257A, ARMS(0, 2, 0, 0)}, {0x257B, ARMS(0, 0, 0, 2)},
    };
    for (size_t i = 0; i < sizeof boxes / sizeof boxes[0]; i++)
        if (boxes[i].cp == cp)
            return boxes[i].arms;
    return 0;
}

static int arm(uint8_t arms, int which) { return (arms >> which) & 3; }

/* Block elements: the part of the cell they fill, in eighths
 * (x0, y0, x1, y1), or false. */
static bool block_part(uint32_t cp, int part[4])
{
    static const struct {
        uint16_t cp;
        uint8_t part[4];
    } blocks[] = {
        {0x2588, {0, 0, 8, 8}}, {0x2580, {0, 0, 8, 4}}, {0x2584, {0, 4, 8, 8}},
        {0x258C, {0, 0, 4, 8}}, {0x2590, {4, 0, 8, 8}},
    };
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        if (blocks[i].cp == cp) {
            for (int k = 0; k < 4; k++)
                part[k] = blocks[i].part[k];
            return true;
        }
    }
    return false;
}

static uint32_t cell_cp(const Cell *c) { return c->ch ? c->ch : ' '; }

/* Drawn as rectangles rather than text. */
static bool drawn(const Cell *c)
{
    int part[4];
    return box_arms(cell_cp(c)) || block_part(cell_cp(c), part);
}

static bool same_text_look(Look a, Look b) { return a.fg == b.fg && a.attr == b.attr; }

/* A length in tenths of a pixel: "84" is 8.4, "860" is 86. */
void svg_put_tenths(Buf *b, long v)
{
    if (v % 10)
        buf_printf(b, "%ld.%ld", v / 10, v % 10);
    else
        buf_printf(b, "%ld", v / 10);
}

void svg_put_color(Buf *b, uint32_t rgb) { buf_printf(b, "#%06x", (unsigned)(rgb & 0xFFFFFF)); }

/* Code points XML 1.0 allows in text. */
static bool xml_char_ok(uint32_t cp)
{
    if (cp < 0x20)
        return false; /* the grid never holds tab or newline */
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return false;
    return cp != 0xFFFE && cp != 0xFFFF && cp <= 0x10FFFF;
}

void svg_put_xml_char(Buf *b, uint32_t cp)
{
    switch (cp) {
    case '&':
        buf_puts(b, "&amp;");
        break;
    case '<':
        buf_puts(b, "&lt;");
        break;
    case '>':
        buf_puts(b, "&gt;");
        break;
    case '"':
        buf_puts(b, "&quot;");
        break;
    case '\'':
        buf_puts(b, "&apos;");
        break;
    default:
        buf_put_utf8(b, xml_char_ok(cp) ? cp : '?');
    }
}

/* Text from outside (the title: a docstring, --title, a file name) as
 * XML text, through the same filter as the cells: decoded strictly (a byte
 * that is not UTF-8 is U+FFFD), what a cell would not show (controls,
 * bidi: esc_hidden) is U+FFFD too, and what XML forbids is '?'. */
static void put_xml_text(Buf *b, const char *s)
{
    for (size_t n = strlen(s); n;) {
        uint32_t cp;
        size_t len = utf8_decode(s, n, &cp);
        svg_put_xml_char(b, esc_hidden(cp) ? UTF8_BAD : cp);
        s += len;
        n -= len;
    }
}

static void put_text(Buf *b, const Grid *g, int y, int x0, int cells, Look l)
{
    buf_puts(b, "<text x=\"");
    svg_put_tenths(b, SVG_MARGIN + (long)x0 * SVG_CELL_W);
    buf_puts(b, "\" y=\"");
    svg_put_tenths(b, SVG_MARGIN + (long)y * SVG_CELL_H + BASELINE);
    buf_puts(b, "\" textLength=\"");
    svg_put_tenths(b, (long)cells * SVG_CELL_W);
    buf_puts(b, "\" lengthAdjust=\"spacingAndGlyphs\" fill=\"");
    svg_put_color(b, l.fg);
    buf_putc(b, '"');
    if (l.attr & ATTR_BOLD)
        buf_puts(b, " font-weight=\"bold\"");
    if (l.attr & ATTR_ITALIC)
        buf_puts(b, " font-style=\"italic\"");
    if (l.attr & ATTR_UNDERLINE)
        buf_puts(b, " text-decoration=\"underline\"");
    buf_puts(b, " xml:space=\"preserve\">");
    for (int x = x0; x < x0 + cells; x++) {
        const Cell *c = grid_at(g, x, y);
        if (!(c->flags & CELL_CONT))
            svg_put_xml_char(b, drawn(c) ? ' ' : cell_cp(c));
    }
    buf_puts(b, "</text>\n");
}

/* A cell a text run may carry without showing it: a space that is not
 * underlined (its colour does not matter, nothing is drawn), or a line
 * or block drawn as rectangles. */
static bool blank(const Cell *c, Look l)
{
    return (cell_cp(c) == ' ' && !(l.attr & ATTR_UNDERLINE)) || drawn(c);
}

static void put_rect(Buf *b, long x, long y, long w, long h, uint32_t rgb)
{
    buf_puts(b, "<rect x=\"");
    svg_put_tenths(b, x);
    buf_puts(b, "\" y=\"");
    svg_put_tenths(b, y);
    buf_puts(b, "\" width=\"");
    svg_put_tenths(b, w);
    buf_puts(b, "\" height=\"");
    svg_put_tenths(b, h);
    buf_puts(b, "\" fill=\"");
    svg_put_color(b, rgb);
    buf_puts(b, "\"/>\n");
}

/* The span a cell's line covers along one axis, in tenths within the
 * cell: from the edge (an arm towards it) or from the far side of the
 * crossing line, so corners are filled. Returns the width, 0 if none. */
static int line_span(uint8_t arms, int lo_arm, int hi_arm, int across_lo, int across_hi, int len, int *a, int *z)
{
    int wl = line_width[arm(arms, lo_arm)], wh = line_width[arm(arms, hi_arm)];
    int w = wl > wh ? wl : wh;
    if (!w)
        return 0;
    /* the crossing line's half width, so an arm reaches across it */
    int cw = line_width[arm(arms, across_lo)] > line_width[arm(arms, across_hi)] ? line_width[arm(arms, across_lo)]
                                                                                  : line_width[arm(arms, across_hi)];
    int half = (cw > w ? cw : w) / 2;
    *a = wl ? 0 : len / 2 - half;
    *z = wh ? len : len / 2 + half;
    return w;
}

/* Lines along rows (horizontal) or columns (vertical), merged where
 * neighbours meet with the same width and colour. */
static void lines(Buf *b, const Grid *g, const Palette *pal, bool color, bool vertical)
{
    int outer = vertical ? g->w : g->h, inner = vertical ? g->h : g->w;
    int len = vertical ? SVG_CELL_H : SVG_CELL_W, thick = vertical ? SVG_CELL_W : SVG_CELL_H;
    for (int o = 0; o < outer; o++) {
        long run_a = 0, run_z = -1;
        int run_w = 0;
        uint32_t run_fg = 0;
        for (int i = 0; i <= inner; i++) {
            int a = 0, z = 0, w = 0;
            uint32_t fg = 0;
            if (i < inner) {
                const Cell *c = vertical ? grid_at(g, o, i) : grid_at(g, i, o);
                uint8_t arms = c->flags & CELL_CONT ? 0 : box_arms(cell_cp(c));
                w = vertical ? line_span(arms, ARM_U, ARM_D, ARM_L, ARM_R, len, &a, &z)
                             : line_span(arms, ARM_L, ARM_R, ARM_U, ARM_D, len, &a, &z);
                if (w)
                    fg = cell_look(c, pal, color).fg;
            }
            long start = (long)i * len + a, stop = (long)i * len + z;
            if (w && run_w == w && run_fg == fg && run_z == start) {
                run_z = stop;
                continue;
            }
            if (run_w) {
                long across = SVG_MARGIN + (long)o * thick + thick / 2 - run_w / 2;
                if (vertical)
                    put_rect(b, across, SVG_MARGIN + run_a, run_w, run_z - run_a, run_fg);
                else
                    put_rect(b, SVG_MARGIN + run_a, across, run_z - run_a, run_w, run_fg);
            }
            run_w = w, run_fg = fg, run_a = start, run_z = stop;
        }
    }
}

static void blocks(Buf *b, const Grid *g, const Palette *pal, bool color)
{
    for (int y = 0; y < g->h; y++) {
        for (int x = 0; x < g->w; x++) {
            const Cell *c = grid_at(g, x, y);
            int p[4];
            if (c->flags & CELL_CONT || !block_part(cell_cp(c), p))
                continue;
            long x0 = SVG_MARGIN + (long)x * SVG_CELL_W, y0 = SVG_MARGIN + (long)y * SVG_CELL_H;
            put_rect(b, x0 + p[0] * SVG_CELL_W / 8, y0 + p[1] * SVG_CELL_H / 8, (p[2] - p[0]) * SVG_CELL_W / 8,
                     (p[3] - p[1]) * SVG_CELL_H / 8, cell_look(c, pal, color).fg);
        }
    }
}

static void row_backgrounds(Buf *b, const Grid *g, int y, const Palette *pal, bool color)
{
    int x = 0;
    while (x < g->w) {
        uint32_t bg = cell_look(grid_at(g, x, y), pal, color).bg;
        int e = x + 1;
        while (e < g->w && cell_look(grid_at(g, e, y), pal, color).bg == bg)
            e++;
        if (bg != pal->bg)
            put_rect(b, SVG_MARGIN + (long)x * SVG_CELL_W, SVG_MARGIN + (long)y * SVG_CELL_H,
                     (long)(e - x) * SVG_CELL_W, SVG_CELL_H, bg);
        x = e;
    }
}

static void row_texts(Buf *b, const Grid *g, int y, const Palette *pal, bool color)
{
    int x = 0;
    while (x < g->w) {
        const Cell *c = grid_at(g, x, y);
        Look l = cell_look(c, pal, color);
        if (c->flags & CELL_CONT || blank(c, l)) {
            x++;
            continue;
        }
        if (c->flags & CELL_WIDE) {
            int cells = x + 1 < g->w ? 2 : 1;
            put_text(b, g, y, x, cells, l);
            x += cells;
            continue;
        }
        /* a run of narrow cells in look l; blanks ride along, and the
         * run ends after its last visible cell */
        // cppcheck-suppress duplicateAssignExpression ; end and e start at the same cell on purpose
        int end = x + 1, e = x + 1;
        for (; e < g->w; e++) {
            const Cell *d = grid_at(g, e, y);
            if (d->flags & (CELL_WIDE | CELL_CONT))
                break;
            Look dl = cell_look(d, pal, color);
            if (same_text_look(dl, l)) {
                if (!blank(d, dl))
                    end = e + 1;
            } else if (!blank(d, dl) || (l.attr & ATTR_UNDERLINE)) {
                break;
            }
        }
        put_text(b, g, y, x, end - x, l);
        x = end;
    }
}

void svg_begin(Buf *b, int cols, int rows, const Palette *pal, const char *title)
{
    long w = 2L * SVG_MARGIN + (long)cols * SVG_CELL_W;
    long h = 2L * SVG_MARGIN + (long)rows * SVG_CELL_H;
    buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
    svg_put_tenths(b, w);
    buf_puts(b, "\" height=\"");
    svg_put_tenths(b, h);
    buf_puts(b, "\" viewBox=\"0 0 ");
    svg_put_tenths(b, w);
    buf_putc(b, ' ');
    svg_put_tenths(b, h);
    buf_puts(b, "\">\n");
    if (title && *title) {
        buf_puts(b, "<title>");
        put_xml_text(b, title);
        buf_puts(b, "</title>\n");
    }
    buf_puts(b, "<rect width=\"100%\" height=\"100%\" fill=\"");
    svg_put_color(b, pal->bg);
    buf_puts(b, "\"/>\n");
}

void svg_shapes(Buf *b, const Grid *g, const Palette *pal, bool color)
{
    for (int y = 0; y < g->h; y++)
        row_backgrounds(b, g, y, pal, color);
    lines(b, g, pal, color, false);
    lines(b, g, pal, color, true);
    blocks(b, g, pal, color);
}

void svg_texts(Buf *b, const Grid *g, const Palette *pal, bool color)
{
    for (int y = 0; y < g->h; y++)
        row_texts(b, g, y, pal, color);
}

void svg_write(const Grid *g, const Palette *pal, bool color, const char *title, FILE *out)
{
    Buf b;
    buf_init(&b);
    svg_begin(&b, g->w, g->h, pal, title);
    buf_puts(&b, "<g " SVG_SHAPE_ATTRS ">\n");
    svg_shapes(&b, g, pal, color);
    buf_puts(&b, "</g>\n<g " SVG_TEXT_ATTRS ">\n");
    svg_texts(&b, g, pal, color);
    buf_puts(&b, "</g>\n</svg>\n");
    fwrite(b.s, 1, b.len, out);
    buf_free(&b);
}
