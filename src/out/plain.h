/* plain.h: a grid as text, for `loopscope frame` and the golden tests.
 * Plain: the characters only, trailing spaces trimmed, one line per row.
 * ANSI: the same with SGR colour sequences from the theme (reset at the
 * end of every line so pasted output never bleeds). */
#ifndef LS_PLAIN_H
#define LS_PLAIN_H

#include "../base/base.h"
#include "../view/grid.h"

#include <stdbool.h>
#include <stdio.h>

void plain_write(const Grid *g, FILE *out);
void plain_write_ansi(const Grid *g, bool color, FILE *out);
/* Row y of g in ANSI, appended to b: the cells up to the last visible one
 * with the SGR changes between them, then a reset (ESC[0m), no newline.
 * Starts from the default look. The asciicast writer repaints rows with it. */
void plain_row_ansi(Buf *b, const Grid *g, int y, bool color);

#endif
