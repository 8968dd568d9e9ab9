/* stops.h: where playback stops in a recording, for a presenter.
 * Owns turning the scenario's pause directives (base/directive.c) and the
 * event kinds of --pause-on (print, start, done, cancel, block) into a
 * sorted list of steps, each with its note. A directive on line L stops at
 * every step where a task comes to L: runs it, or suspends at it (an
 * await), after running another line (a suspend and its resume on one
 * await line are one stop). What a stop does (pause, a banner, a marker)
 * is the view's and the exports'. */
#ifndef LS_STOPS_H
#define LS_STOPS_H

#include "../base/directive.h"
#include "rec.h"

#include <stdbool.h>
#include <stddef.h>

/* --pause-on kinds, as bits. */
enum {
    STOP_ON_PRINT = 1,
    STOP_ON_START = 2,
    STOP_ON_DONE = 4,
    STOP_ON_CANCEL = 8,
    STOP_ON_BLOCK = 16
};

typedef struct Stop {
    size_t step;
    int line;          /* the directive's line of code, 0 for an event stop */
    const char *note;  /* the presenter's note, "" for none */
    const char *event; /* "print", "start", ... for an event stop, else "" */
} Stop;

typedef struct Stops Stops;

/* The stops of rec: at the directives' lines and at the events in mask.
 * The notes point into ds, which must outlive the stops. */
Stops *stops_new(const Recording *rec, const Directives *ds, unsigned events);
void stops_free(Stops *s);
size_t stops_count(const Stops *s);
const Stop *stops_get(const Stops *s, size_t i);
/* The index of the stop at step, or -1 when step is not a stop. */
long stops_find(const Stops *s, size_t step);
/* How many stops are at or before step (0 .. count). */
size_t stops_reached(const Stops *s, size_t step);
/* "print,done" into a mask. False, with the word that is not a kind in
 * bad (n bytes), when one is not. */
bool stops_parse_events(const char *list, unsigned *mask, char *bad, size_t n);

#endif
