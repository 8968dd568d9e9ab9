/* gif.h: a run as an animated GIF (`loopscope record --format gif`), for
 * slides that take neither SVG nor video. Each frame is the SVG svg.c
 * draws, rendered by librsvg; giflib encodes it with a palette made from
 * the theme, delays from the virtual-time playback, looping forever. The
 * only export that needs GUI libraries, so only the loopscope binary
 * links it (the core and the Check runner do not). */
#ifndef LS_GIF_H
#define LS_GIF_H

#include "../view/grid.h"
#include "../view/theme.h"
#include "../view/view.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The shortest frame, in hundredths of a second: 10 frames a second is
 * smooth enough for the clock and the playhead, and half the size of 20. */
#define GIF_MIN_CS 10
/* Seconds (in hundredths) the last frame stays before the GIF loops. */
#define GIF_HOLD_CS 300
/* The largest picture, in pixels: a bigger --size is refused. */
#define GIF_MAX_PIXELS (12L * 1000 * 1000)

/* Whether a w x h screen fits in a GIF (GIF_MAX_PIXELS). */
bool gif_size_ok(int w, int h);

/* Play v from its first step at its current speed into g and write the
 * GIF to out. Returns false with a message in err when a frame cannot be
 * rendered or encoded; stream errors show in ferror(out). */
bool gif_record(View *v, Grid *g, const Palette *pal, bool color, FILE *out, char *err, size_t n);

#endif
