/* layout.h: where each pane goes for a screen size. A pure function of the
 * size (and nothing else), so a frame of a given size is always the same. */
#ifndef LS_LAYOUT_H
#define LS_LAYOUT_H

#include "view.h"

#define LAYOUT_MIN_W 60
#define LAYOUT_MIN_H 16

Layout layout_compute(int w, int h);

#endif
