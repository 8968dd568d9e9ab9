/* picker.h: the scenario list that `loopscope FOLDER` opens.
 * Owns the list's state (the highlighted row, the first row shown, the
 * choice), its keys (up/down, PgUp/PgDn, Home/End, Enter, a number, q)
 * and drawing it: the name and the docstring's first line of each
 * scenario, the highlighted one's whole path under the list. A View with
 * v->picker set is the list (view.c and frame.c hand it here); the
 * folder's contents are catalog.c's; running the chosen scenario is the
 * caller's (main.c). */
#ifndef LS_PICKER_H
#define LS_PICKER_H

#include "../base/catalog.h"
#include "grid.h"
#include "view.h"

typedef struct Picker {
    const Catalog *cat;
    size_t sel;        /* the highlighted scenario */
    int top;           /* the first row shown */
    long chosen;       /* the scenario Enter opened, -1 for none (q) */
    int rows;          /* rows of the list in the last frame (a page) */
} Picker;

/* A view that is the list of cat, sel highlighted. p and cat must
 * outlive v. */
void picker_view(View *v, Picker *p, const Catalog *cat, size_t sel);
Action picker_key(View *v, const Input *in);
void picker_draw(View *v, Grid *g);

#endif
