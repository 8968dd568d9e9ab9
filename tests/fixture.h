/* fixture.h: what the view and seek suites share (tests/check_fixture.c).
 * Owns recording a scenario for a test (a file, or text under a name):
 * the source, the recording, its seek index and a view at step 0, with an
 * optional grid to draw into, all freed in one call; finding tasks and
 * steps in the recording; and reading grids back (cells as UTF-8, the
 * whole grid as plain text, the sentinel that shows where a pane drew).
 * What each suite checks stays in its own check_*.c. The file is named
 * check_fixture.c so the Makefile's tests/check_*.c picks it up; it has no
 * suite of its own. */
#ifndef LS_FIXTURE_H
#define LS_FIXTURE_H

#include "../src/base/source.h"
#include "../src/record/rec.h"
#include "../src/record/seek.h"
#include "../src/py/py.h"
#include "../src/view/grid.h"
#include "../src/view/pane.h"
#include "../src/view/view.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Two fetches gathered, no docstring, no prints: fetch_user sleeps 1.5 s
 * (line 4) and returns a dict, fetch_posts sleeps 1.0 s (line 8) and
 * returns a list, main gathers them (line 12). The code and tasks suites
 * read its lines, names and results. */
extern const char fixture_gather_py[];

typedef struct Fixture {
    Source *src;
    Recording *rec;     /* NULL when a suite set up only a source */
    Seek *seek;         /* NULL likewise */
    View v;
    SimStatus status;   /* how the run ended: SIM_OK, or SIM_FAILED (an error, a deadlock, a limit) */
    Grid *g;            /* a grid the suite draws into, or NULL */
} Fixture;

/* Run the scenario file at path and open a view on it at step 0, the
 * focus on the tasks. Fails the test if the file cannot be read or the
 * scenario does not load; a run that fails is recorded as usual (see
 * f->status). f->g is NULL. */
void fixture_open_file(Fixture *f, const char *path);
/* The same for scenario text py, named name (the code pane's title and,
 * without a docstring, the view's). */
void fixture_open_text(Fixture *f, const char *name, const char *py);
/* fixture_open_text for a scenario that must run to its end (SIM_OK),
 * with a gw x gh grid in f->g for a pane to draw into. */
void fixture_open_grid(Fixture *f, const char *name, const char *py, int gw, int gh, bool ascii);
/* Put f's view at step (as it is, pins and all), fill f->g with the
 * sentinel and draw pane p in r. */
void fixture_draw(Fixture *f, const Pane *p, Rect r, size_t step);
/* Free whatever f holds: the grid, the seek index, the recording, the
 * source (any of them may be NULL). */
void fixture_close(Fixture *f);

/* The id of the nth (0-based) visible task running coroutine coro; fails
 * the test if there is none. */
int fixture_task(const Fixture *f, const char *coro, int nth);
/* The first step at or after from of kind kind concerning task (-2: any
 * task); fails the test if there is none. */
size_t fixture_step(const Fixture *f, StepKind kind, int task, size_t from);

/* What a grid holds before a pane draws into it: a character and a style
 * no pane draws, so the cells a pane left alone can be told apart. */
#define FIXTURE_SENTINEL '@'
#define FIXTURE_SENTINEL_ST ST_NEVER

/* Unclip g and fill all of it with the sentinel. */
void fixture_sentinel(Grid *g);
/* Fail the test, naming what drew, if any cell outside r lost the
 * sentinel. */
void fixture_assert_untouched(const Grid *g, Rect r, const char *what);

/* Cells [x, x+w) of row y as UTF-8: the right halves of wide characters
 * and cells off the grid are skipped; trailing spaces are cut when trim.
 * Returns a static buffer that the next call overwrites. */
const char *fixture_cells(const Grid *g, int x, int y, int w, bool trim);
/* The whole grid as `loopscope frame` writes it (plain_write); the caller
 * frees it. */
char *fixture_grid_text(const Grid *g);

#endif
