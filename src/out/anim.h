/* anim.h: a run as one animated SVG (`loopscope record --format svg`), for
 * a README or a web page: it plays in a loop by itself, with CSS keyframes
 * and no script, like termtosvg. Cells are drawn by svg.c, the playback
 * is play.c's; the same run always gives the same bytes. */
#ifndef LS_ANIM_H
#define LS_ANIM_H

#include "../view/grid.h"
#include "../view/theme.h"
#include "../view/view.h"

#include <stdbool.h>
#include <stdio.h>

/* The shortest frame: 10 frames a second at most, smooth enough for the
 * clock and the playhead, and half the bytes of the 20 of playback. */
#define ANIM_MIN_US 100000u
/* Seconds the last frame stays before the animation starts again. */
#define ANIM_HOLD_US 3000000u

/* Play v from its first step at its current speed into a w x h grid g and
 * write the animation to out: pal's colours (color false: monochrome),
 * title (may be NULL) as its <title>. Errors show in ferror(out). */
void anim_record(View *v, Grid *g, const Palette *pal, bool color, const char *title, FILE *out);

#endif
