/* play.h: a run played in virtual time, frame by frame, into any export.
 * Owns driving a View the way the viewer's playback does (space, then
 * view_tick for exactly view_tick_delay each time) and saying when each
 * step is reached. What becomes of a frame is the sink's: the asciicast
 * writer (cast.c), the animated SVG (anim.c), the GIF (gif.c). */
#ifndef LS_PLAY_H
#define LS_PLAY_H

#include "../view/grid.h"
#include "../view/view.h"

#include <stddef.h>
#include <stdint.h>

/* Where the frames of a playback go. frame: the screen is now g, us
 * microseconds after the start (called only when the view says something
 * changed; times never go back). marker: step `step` was reached at us,
 * with its label (the step's caption, or its kind). This is the one place
 * markers come from, so a later kind of marker (a scenario's stops) is
 * added here for every export at once. */
typedef struct PlaySink {
    void (*frame)(void *ctx, uint64_t us, const Grid *g);
    void (*marker)(void *ctx, uint64_t us, size_t step, const char *label);
    void *ctx;
} PlaySink;

/* Play v from its first step to its last at its current speed, drawing
 * each change into g (status messages left out: keys do nothing in an
 * export) and handing it to sink, with a marker at each step. A clock gap
 * plays for at most 10 real seconds; the clock jumps over the rest of a
 * longer one. Returns the time of the last frame, in us. */
uint64_t play_run(View *v, Grid *g, const PlaySink *sink);

/* The label of step s of v's recording: its caption with its task labels
 * filled in, or its kind when it has none. The text lives until the next
 * call (one scratch buffer: exports are single-threaded). */
const char *play_step_label(const View *v, size_t s);

#endif
