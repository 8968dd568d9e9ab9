/* layout.h: where each pane goes for a screen size. A pure function of the
 * size, the parts shown and the scenario's lines, so a frame of a given size
 * is always the same. */
#ifndef LS_LAYOUT_H
#define LS_LAYOUT_H

#include "view.h"

#define LAYOUT_MIN_W 60
#define LAYOUT_MIN_H 16

/* The rectangles for a w x h screen, from which parts v shows and how wide
 * its code is. */
Layout layout_compute(const View *v, int w, int h);

#endif
