/* spares.c: objects of the loop kept for reuse once no one holds them.
 * Owns the lists (a handle's, a future's): a class's finalize hook gives
 * an object whose count fell to 0 to spares_keep, which takes it (the
 * count back at 1, held by the list) when spares_room says the run is on
 * and the list is not full; spares_take hands the last one kept out again, cleared as
 * obj_alloc would give it but for its header, which keeps its serial
 * (no pool block freed and taken again).
 * Nothing can reach an object on a list: its count fell to 0. The lists
 * are emptied (really released) by spares_reset, before the run's
 * teardown, and stay off until the next run's loop is made. What each
 * field of a kept object held is the class's to drop first. */
#include "model.h"

#include <stddef.h>
#include <string.h>

enum { SPARES_MAX = 256 };

static bool spares_on;

void spares_start(void)
{
    spares_on = true;
}

bool spares_room(const Spares *s)
{
    return spares_on && s->n < SPARES_MAX;
}

void spares_keep(Spares *s, Obj *o)
{
    memset((char *)o + sizeof(Obj), 0, o->size - sizeof(Obj));
    *(Obj **)((char *)o + s->link) = s->top;
    s->top = o;
    s->n++;
    INCREF(o); /* the list's: obj_release sees it kept */
}

bool spares_offer(Spares *s, Obj *o, void (*drop)(Obj *))
{
    if (!spares_room(s))
        return false;
    drop(o);
    spares_keep(s, o);
    return true;
}

Obj *spares_take(Spares *s)
{
    Obj *o = s->top;
    if (!o)
        return NULL;
    Obj **link = (Obj **)((char *)o + s->link);
    s->top = *link;
    *link = NULL;
    s->n--;
    s->reused++;
    return o;
}

void spares_drain(Spares *s)
{
    spares_on = false;
    while (s->top) {
        Obj *o = spares_take(s);
        DECREF(o);
    }
}
