/* svg.h: a grid as a standalone SVG screenshot (`loopscope frame --svg`,
 * `make screenshots`). No scripts, no external fonts: a monospace font
 * stack, every text run held to the cell grid with textLength, background
 * rects for coloured cells, real colours from a theme palette. The same
 * grid always gives the same bytes. */
#ifndef LS_SVG_H
#define LS_SVG_H

#include "../view/grid.h"
#include "../base/base.h"
#include "../view/theme.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Geometry, in tenths of a pixel so every coordinate prints exactly:
 * 14px text in 8.4 x 17 px cells, with a margin around the screen. */
enum { SVG_CELL_W = 84, SVG_CELL_H = 170, SVG_FONT = 140, SVG_MARGIN = 100 };

/* Write g as SVG to out. pal gives the real colours (theme_palette(dark));
 * color false draws the monochrome looks (attributes only) in pal's
 * default colours. title (may be NULL) becomes the <title>, the text
 * a browser shows on hover and a screen reader reads. */
void svg_write(const Grid *g, const Palette *pal, bool color, const char *title, FILE *out);

/* The parts of svg_write, for pictures made of several grids (anim.c's
 * animated SVG, whose rows are grids one row high). */
#define SVG_FONT_STACK "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"
/* The attributes of the group around svg_shapes and of the one around svg_texts. */
#define SVG_SHAPE_ATTRS "shape-rendering=\"crispEdges\""
/* 14px: SVG_FONT */
#define SVG_TEXT_ATTRS "font-family=\"" SVG_FONT_STACK "\" font-size=\"14px\""
/* The XML declaration, the <svg> element for a cols x rows screen (left
 * open), the title (may be NULL) and the background. */
void svg_begin(Buf *b, int cols, int rows, const Palette *pal, const char *title);
/* g's coloured backgrounds, lines and blocks as <rect>s. */
void svg_shapes(Buf *b, const Grid *g, const Palette *pal, bool color);
/* g's text runs as <text>s. */
void svg_texts(Buf *b, const Grid *g, const Palette *pal, bool color);
/* A length in tenths of a pixel ("84" is 8.4) and a colour ("#1c1c1c"). */
void svg_put_tenths(Buf *b, long v);
void svg_put_color(Buf *b, uint32_t rgb);
/* One character as XML (and HTML) text: & < > " ' as entities, a
 * character XML does not allow (a control) as '?'. */
void svg_put_xml_char(Buf *b, uint32_t cp);
/* Dim text: SVG_DIM_SHARE (of 100) of the text colour, the rest background. */
#define SVG_DIM_SHARE 60
/* share (of 100) of colour a, the rest b. */
uint32_t svg_mix(uint32_t a, uint32_t b, unsigned share);

#endif
