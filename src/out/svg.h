/* svg.h: a grid as a standalone SVG screenshot (`loopscope frame --svg`,
 * `make screenshots`). No scripts, no external fonts: a monospace font
 * stack, every text run held to the cell grid with textLength, background
 * rects for coloured cells, real colours from a theme palette. The same
 * grid always gives the same bytes. */
#ifndef LS_SVG_H
#define LS_SVG_H

#include "../view/grid.h"
#include "../view/theme.h"

#include <stdbool.h>
#include <stdio.h>

/* Geometry, in tenths of a pixel so every coordinate prints exactly:
 * 14px text in 8.4 x 17 px cells, with a margin around the screen. */
enum { SVG_CELL_W = 84, SVG_CELL_H = 170, SVG_FONT = 140, SVG_MARGIN = 100 };

/* Write g as SVG to out. pal gives the real colours (theme_palette(dark));
 * color false draws the monochrome looks (attributes only) in pal's
 * default colours. title (may be NULL) becomes the <title>, the text
 * a browser shows on hover and a screen reader reads. */
void svg_write(const Grid *g, const Palette *pal, bool color, const char *title, FILE *out);

#endif
