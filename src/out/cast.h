/* cast.h: asciicast v2 recordings (asciinema's format) of what the viewer
 * shows: `loopscope record` plays a run in virtual time into one, and the
 * viewer's R key records a live session. A header line, then one JSON
 * array per event: [time, "o", bytes] for a change of the screen, [time,
 * "m", label] for a marker (one per scheduler step, so asciinema-player
 * can jump between steps and pause at each), [time, "r", "WxH"] when the
 * screen changes size. The bytes come from the same cell grid as the
 * terminal and the golden frames. */
#ifndef LS_CAST_H
#define LS_CAST_H

#include "../view/grid.h"
#include "../view/theme.h"
#include "../view/view.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct Cast Cast;

/* Start a recording of a w x h screen on out: writes the header line,
 * with title (may be NULL) and pal's colours as the player's theme. color
 * false records the monochrome looks. Free with cast_end. */
Cast *cast_new(FILE *out, int w, int h, const char *title, const Palette *pal, bool color);
/* The screen is now g, us microseconds after the start (an earlier time
 * counts as the last one written: times never go back). Writes the bytes
 * that turn the last frame into g (the changed rows, each moved to,
 * cleared and redrawn), or nothing if g shows the same. A grid of another
 * size writes a resize event and repaints everything. */
void cast_frame(Cast *c, uint64_t us, const Grid *g);
/* A marker at us with label (asciinema-player lists and pauses on them). */
void cast_marker(Cast *c, uint64_t us, const char *label);
/* A marker for step of v's recording, labelled with its caption. */
void cast_mark_step(Cast *c, uint64_t us, const View *v, size_t step);
/* Show the cursor again (the last event, at us or the last time written)
 * and free c. The stream is the caller's: errors show in ferror(out). */
void cast_end(Cast *c, uint64_t us);

/* Play v from its first step to its last as the viewer plays it (space,
 * then view_tick for exactly view_tick_delay each time) at its current
 * speed, drawing each change into g and writing it to c at virtual
 * playback time, with a marker at each step labelled with its caption.
 * Status messages (key hints such as "r restarts") are left out: keys do
 * nothing in a recording. A clock gap plays for at most 10 real seconds;
 * the clock jumps over the rest of a longer one. Returns the time of the last frame, in us. */
uint64_t cast_play(Cast *c, View *v, Grid *g);

#endif
