/* pane.h: the panes of the screen, each a small table of functions.
 * A pane draws the view into its rectangle of the grid (and nowhere else:
 * the grid is clipped to it) and, when it has the keyboard, may handle
 * scrolling keys. Key handlers change the view and return what should
 * happen next; they never draw. */
#ifndef LS_PANE_H
#define LS_PANE_H

#include "grid.h"
#include "view.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct Pane {
    const char *name;
    void (*draw)(const View *v, Grid *g, Rect r);
    /* Scrolling keys when focused (↑/↓, PgUp/PgDn); NULL if the pane has none. */
    Action (*key)(View *v, const Input *in, Rect r);
} Pane;

extern const Pane pane_header;    /* title, t = 1.50s, play state, speed, step 12/40 */
extern const Pane pane_code;      /* source, current line, suspended tasks in the gutter */
extern const Pane pane_tasks;     /* RUNNING / WAITING / READY / DONE columns */
extern const Pane pane_caption;   /* why this step happened; the status message */
extern const Pane pane_timeline;  /* scrubber 0 .. end, ticks, blocked stretches */
extern const Pane pane_log;       /* timestamped log, current line highlighted */
extern const Pane pane_output;    /* what the scenario printed, current line highlighted */
extern const Pane pane_notes;     /* the scenario's docstring, wrapped */
extern const Pane pane_help;      /* the key overlay (drawn over everything) */
extern const Pane pane_internals; /* ready queue, timers, sync primitives (in the tasks' place) */
extern const Pane pane_banner;    /* a presenter's stop: "stop 2/5, line 12: note" */

/* Draw pane p into r (nothing when r is empty), the grid clipped to r. */
void pane_draw_in(const Pane *p, const View *v, Grid *g, Rect r);

/* Rows the banner of v's current stop needs on a w-column screen (1 or 2). */
int banner_rows(const View *v, int w);

/* The parts that can be shown and hidden, indexed by Focus then PART_*:
 * the pane that draws it, its name (for --panes and the help) and the
 * key that shows and hides it. The one table the layout, the focus keys,
 * the toggles, --panes and the help all read. */
typedef struct PaneSlot {
    const Pane *pane;
    const char *name;     /* "code", "tasks", ..., "caption", "timeline" */
    int key;              /* the toggle key, or 0 for none (--panes only) */
} PaneSlot;
extern const PaneSlot pane_slots[PART_COUNT];

/* Columns the code pane wants to show every line of the scenario whole
 * (without the module docstring, which the notes pane shows), its
 * gutters and frame included; and the least it needs to show them with
 * the suspended tasks only marked, not named. */
int code_pane_want(const View *v);
int code_pane_need(const View *v);
/* Measure v's source once for the two above and the pane's drawing
 * (view_init calls it; without it they measure on every call). */
void code_pane_measure(View *v);

/* Where text (n bytes, one line, no tabs) breaks to fit w columns: the
 * byte length of the first row, at the last space (the spaces after it
 * start the next row) or after the last "(", "[", "{", ",", "/" or "="
 * inside a word, whichever is later; else at w columns (*hard set: a
 * word longer than the row). All of text when it fits. */
size_t pane_wrap_at(const char *text, size_t n, int w, bool *hard);

/* The time under column x of the timeline drawn in r, or -1 when x is not
 * on the bar (for mouse seeks). */
double timeline_time_at(const View *v, Rect r, int x);

/* Blank r and, when it is at least 2x2, frame it with title in the top
 * edge; the border is in the focus style when f has the keyboard. The
 * inside is rect_inset(r, 1). */
void pane_box(const View *v, Grid *g, Rect r, Focus f, const char *title);

/* The scrolling keys of the pane with focus f, now showing rows from top
 * (of 0 .. most): up/down and the wheel move one row, PgUp/PgDn `page`
 * rows, Home/End go to 0 / most. The new first row, clamped, goes to
 * v->scroll[f] and pins the pane: it stops following the action until the
 * step changes. With end_follows, reaching `most` unpins it instead (the
 * log follows its newest line, which is at the bottom). Returns
 * ACT_REDRAW when the pane changed, ACT_NONE when it did not or the key
 * is not one of these. */
Action pane_scroll(View *v, Focus f, const Input *in, int top, int page, int most, bool end_follows);

/* t seconds with dec decimals (0..3) into buf (n bytes), rounded exactly
 * like printf's "%.*f" (half to even on the binary value) but with '.'
 * in every locale: integer arithmetic, no printf of a double. No "-0.00":
 * a negative t that rounds to zero prints as zero. */
void pane_format_time(double t, int dec, char *buf, size_t n);
/* A number as text ("1204.5", "340000") with its whole part in groups of
 * three ("1,204.5", "340,000") into buf (n bytes; cut to fit). */
void pane_group_digits(const char *num, char *buf, size_t n);

#endif
