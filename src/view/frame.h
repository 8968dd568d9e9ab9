/* frame.h: one whole screen. Lays out the panes for the grid's size, draws
 * each into the grid, then the help overlay or the "too small" notice.
 * The only entry point the backends use to get a screen. */
#ifndef LS_FRAME_H
#define LS_FRAME_H

#include "grid.h"
#include "view.h"

/* Clear g and draw v into it; stores the layout in v->lay. */
void frame_draw(View *v, Grid *g);

#endif
