/* term.h: the ncurses backend. The only file that includes curses.
 * Owns the terminal: entering and leaving curses mode (and restoring the
 * terminal on every way out, signals and crashes included), copying a
 * grid to the screen with one doupdate(), and reading keys and mouse
 * events as view Inputs. */
#ifndef LS_TERM_H
#define LS_TERM_H

#include "../view/grid.h"
#include "../view/view.h"

#include <stdbool.h>

/* Enter curses mode on the controlling terminal. color false forces
 * monochrome (NO_COLOR). Returns false with a message in err if the
 * terminal cannot be used. */
bool term_open(bool color, char *err, size_t errlen);
/* Leave curses mode and restore the terminal; safe to call twice. */
void term_close(void);
/* Async-signal-safe part of term_close, for fatal signal handlers. */
void term_emergency_restore(void);
/* Ctrl-Z: give the terminal back before the process stops (the caller
 * then stops itself), and take it again after SIGCONT. term_resume sets
 * up keys and mouse again and makes the next term_draw repaint every
 * cell; it is harmless when the program was not suspended. */
void term_suspend(void);
void term_resume(void);
/* The current screen size (after a SIGWINCH, call term_resize first). */
void term_size(int *w, int *h);
void term_resize(void);
/* Show g: only changed cells reach the terminal. */
void term_draw(const Grid *g);
/* The next pending input, or false when there is none (never blocks). */
bool term_read(Input *in);
/* Whether the screen can show UTF-8 box drawing (the locale is UTF-8). */
bool term_utf8(void);

#endif
