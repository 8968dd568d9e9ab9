/* stops.c: a recording's stops (see stops.h). Owns the rule for which
 * steps a directive's line stops at (a task that runs it, or suspends at
 * it: an await that gives the loop back is on no RUNNING step), the event
 * kinds, and the sorted, one-per-step list; the notes stay the
 * directives'. */
#include "stops.h"

#include "../base/base.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Stops {
    Stop *s;
    size_t n;
};

static const struct {
    const char *name;
    unsigned bit;
} kinds[] = {
    {"print", STOP_ON_PRINT}, {"start", STOP_ON_START}, {"done", STOP_ON_DONE},
    {"cancel", STOP_ON_CANCEL}, {"block", STOP_ON_BLOCK},
};
enum { NKINDS = sizeof kinds / sizeof kinds[0] };

bool stops_parse_events(const char *list, unsigned *mask, char *bad, size_t n)
{
    unsigned m = 0;
    for (const char *p = list;;) {
        size_t len = strcspn(p, ",");
        unsigned bit = 0;
        for (int k = 0; k < NKINDS && len; k++)
            if (strlen(kinds[k].name) == len && !strncmp(kinds[k].name, p, len))
                bit = kinds[k].bit;
        if (!bit) {
            snprintf(bad, n, "%.*s", (int)(len > 40 ? 40 : len), p);
            return false;
        }
        m |= bit;
        if (!p[len])
            break;
        p += len + 1;
    }
    *mask = m;
    return true;
}

/* The event a step is, for the kinds in mask, or NULL. */
static const char *event_of(const Step *st, unsigned mask)
{
    switch ((StepKind)st->kind) {
    case SK_PRINT: return mask & STOP_ON_PRINT ? "print" : NULL;
    case SK_START: return mask & STOP_ON_START ? "start" : NULL;
    case SK_DONE:
    case SK_RAISED: return mask & STOP_ON_DONE ? "done" : NULL;
    case SK_CANCELLED: return mask & STOP_ON_CANCEL ? "cancel" : NULL;
    case SK_BLOCK: return mask & STOP_ON_BLOCK ? "block" : NULL;
    default: return NULL;
    }
}

/* The directive on line, or NULL. */
static const Directive *directive_on(const Directives *ds, int line)
{
    for (size_t i = 0; ds && i < ds->n; i++)
        if (ds->d[i].line == line)
            return &ds->d[i];
    return NULL;
}

static void add(Stops *s, size_t *cap, Stop st)
{
    if (s->n == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        s->s = xrealloc(s->s, *cap * sizeof *s->s);
    }
    s->s[s->n++] = st;
}

static int by_step(const void *a, const void *b)
{
    const Stop *x = a, *y = b;
    if (x->step != y->step)
        return x->step < y->step ? -1 : 1;
    return (x->line == 0) - (y->line == 0); /* a directive's note first */
}

Stops *stops_new(const Recording *rec, const Directives *ds, unsigned events)
{
    Stops *s = xcalloc(1, sizeof *s);
    size_t cap = 0;
    /* directives: walk each task's changes (not every task at every
     * step) for the steps where it runs a line other than the last one
     * it ran */
    for (int t = 0; ds && ds->n && t < rec_ntasks(rec); t++) {
        int last = 0;
        for (size_t k = 0; k < rec_task_nchanges(rec, t); k++) {
            size_t at = rec_task_change_step(rec, t, k);
            TaskView tv;
            /* running a line, or giving the loop back at it (an await) */
            bool runs = rec_task_at(rec, t, at, &tv) && !tv.hidden &&
                        (tv.state == TS_RUNNING || (rec_step_at(rec, at)->kind == SK_SUSPEND && rec_step_at(rec, at)->task == t));
            if (!runs || tv.line <= 0 || tv.line == last)
                continue;
            last = tv.line;
            const Directive *d = directive_on(ds, tv.line);
            if (d)
                add(s, &cap, (Stop){.step = at, .line = d->line, .note = d->note, .event = ""});
        }
    }
    for (size_t i = 0; events && i < rec_nsteps(rec); i++) {
        const char *ev = event_of(rec_step_at(rec, i), events);
        if (ev)
            add(s, &cap, (Stop){.step = i, .note = "", .event = ev});
    }
    if (s->n)
        qsort(s->s, s->n, sizeof *s->s, by_step);
    size_t w = 0; /* one stop per step */
    for (size_t i = 0; i < s->n; i++)
        if (!w || s->s[w - 1].step != s->s[i].step)
            s->s[w++] = s->s[i];
    s->n = w;
    return s;
}

void stops_free(Stops *s)
{
    if (!s)
        return;
    xfree(s->s);
    xfree(s);
}

size_t stops_count(const Stops *s) { return s ? s->n : 0; }

const Stop *stops_get(const Stops *s, size_t i) { return s && i < s->n ? &s->s[i] : NULL; }

size_t stops_reached(const Stops *s, size_t step)
{
    size_t lo = 0, hi = stops_count(s);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->s[mid].step <= step)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

long stops_find(const Stops *s, size_t step)
{
    size_t k = stops_reached(s, step);
    return k && s->s[k - 1].step == step ? (long)k - 1 : -1;
}
