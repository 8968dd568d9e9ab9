/* compare.h: two runs side by side (loopscope compare A B).
 * Owns the pair: the left view (A, the one the app and the exports drive)
 * holds the shared clock (its playhead, playing, speed) and a pointer to
 * the right one (B, v->twin). Both halves show the last step of their run
 * at or before the shared time; moments are the times either run has a
 * step at. view.c and frame.c hand a paired view's keys, ticks and frames
 * here; what the panes draw stays theirs. */
#ifndef LS_COMPARE_H
#define LS_COMPARE_H

#include "grid.h"
#include "view.h"

#include <stdbool.h>

/* Pair a with b (both from view_init) and go to time 0. */
void compare_pair(View *a, View *b);
/* A key for the pair: true when it was handled (*out says what next);
 * false leaves it to the view's own keys (speed, help, quit...). */
bool compare_key(View *a, const Input *in, Action *out);
double compare_tick_delay(const View *a);
Action compare_tick(View *a, double elapsed);
/* Go to shared time t (paused). */
void compare_seek_time(View *a, double t);
/* The whole screen: a shared header ("A: 2.5s, B: 1.5s"), the two halves
 * (each its header, code, columns and caption) and one timeline with
 * both runs' ticks and one playhead. */
void compare_draw(View *a, Grid *g);

#endif
