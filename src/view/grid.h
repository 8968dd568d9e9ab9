/* grid.h: the cell grid every pane draws into.
 * Owns a w x h array of cells (a character and a style each), clipping,
 * UTF-8 text with display widths (wide characters take two cells, their
 * right half is a continuation cell), boxes and lines with an ASCII
 * fallback. It knows nothing about terminals: the ncurses backend, the
 * text/ANSI writer and the exports read the cells. Display width comes
 * from our own tables, never the locale, so frames are the same anywhere. */
#ifndef LS_GRID_H
#define LS_GRID_H

#include "theme.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct Rect {
    int x, y, w, h;
} Rect;

enum { CELL_WIDE = 1, CELL_CONT = 2 };

typedef struct Cell {
    uint32_t ch;      /* code point; 0 in the right half of a wide character */
    uint8_t style;    /* Style */
    uint8_t flags;    /* CELL_WIDE: first half of a 2-cell character; CELL_CONT: second half */
} Cell;

typedef struct Grid {
    int w, h;
    Cell *cells;      /* row-major, w * h */
    Rect clip;        /* writes outside it are dropped */
    bool ascii;       /* draw boxes and symbols with ASCII only */
} Grid;

/* A grid of spaces in ST_NORMAL. w and h may be 0. Free with grid_free. */
Grid *grid_new(int w, int h, bool ascii);
void grid_free(Grid *g);
/* New size; contents become blank, clip the whole grid. */
void grid_resize(Grid *g, int w, int h);
/* Blank every cell, clip the whole grid. */
void grid_clear(Grid *g);
/* The cell at (x, y), or NULL outside the grid. */
const Cell *grid_at(const Grid *g, int x, int y);
/* Whether row y of g holds the n = g->w cells of row (same characters,
 * looks and flags; padding bytes are not compared). */
bool grid_row_is(const Grid *g, int y, const Cell *row);

/* Clip further writes to r intersected with the grid; grid_unclip undoes it. */
void grid_clip(Grid *g, Rect r);
void grid_unclip(Grid *g);
/* Narrow the clip to r within the clip already set (never widening it)
 * and return the clip it replaces; grid_clip_pop puts that back. A pane
 * draws between the two, so it stays inside its rectangle and whatever
 * clip its caller set. */
Rect grid_clip_push(Grid *g, Rect r);
void grid_clip_pop(Grid *g, Rect old);

/* One character at (x, y). A wide character takes (x, y) and (x+1, y) and
 * is replaced by a space if its second half would be clipped; overwriting
 * half of a wide character blanks the other half. Control characters are
 * drawn as U+FFFD (ASCII mode: '?'). */
void grid_put(Grid *g, int x, int y, uint32_t cp, Style st);
/* UTF-8 text from (x, y), at most maxw columns, stopping at a newline.
 * Text that does not fit ends in an ellipsis ("…", ASCII "~") in the last
 * column. In ASCII mode non-ASCII characters are replaced ('→' by '>',
 * others by '?'). Invalid UTF-8 bytes draw as U+FFFD. Returns the columns
 * used. */
int grid_text(Grid *g, int x, int y, int maxw, Style st, const char *utf8);
/* grid_text of a formatted string. */
int grid_textf(Grid *g, int x, int y, int maxw, Style st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Fill r with cp in st. */
void grid_fill(Grid *g, Rect r, uint32_t cp, Style st);
/* Change the style of the cells in r, keeping their characters. */
void grid_restyle(Grid *g, Rect r, Style st);
/* A frame around r (its outer cells), with an optional title in the top
 * edge ("┌ title ───┐"). */
void grid_box(Grid *g, Rect r, Style st, const char *title, Style title_st);
void grid_hline(Grid *g, int x, int y, int w, Style st);
void grid_vline(Grid *g, int x, int y, int h, Style st);

/* Decode one code point from s[0..n) (n > 0) into *cp and return the
 * bytes it took (at least 1). Strict, the way grid_text reads its text:
 * an overlong form, a surrogate, a value past U+10FFFF, a stray
 * continuation byte or a sequence cut short (by n or by a NUL) gives
 * U+FFFD for one byte, and decoding resumes at the next. For
 * NUL-terminated text pass SIZE_MAX (never call it at the NUL). */
size_t grid_utf8_next(const char *s, size_t n, uint32_t *cp);
/* Display width of one code point (0, 1 or 2) and of UTF-8 text. */
int grid_cp_width(uint32_t cp);
int grid_text_width(const char *utf8);

/* The inside of r after taking n cells from each side. */
Rect rect_inset(Rect r, int n);
/* a ∩ b, computed without overflow; an empty result has w == 0 or h == 0. */
Rect rect_and(Rect a, Rect b);

#endif
