/* attrcache.h: the cache of class attribute lookups.
 * Owns: a table from (class, interned name) to what class_lookup_owner
 * found walking the class chain (the value and the class that defines it,
 * or nothing), so that reading self.x or calling self.m() does not search
 * every class dict on the chain each time. Every dict a cached walk read is
 * marked watched (DictObj.watched); a change to a watched dict, a watched
 * dict's release, a class dict set or cleared and teardown all move the
 * epoch, which empties the table at once. Only interned names are cached:
 * they live until teardown, so a name's address names one string.
 * Leaves the walk itself to obj.c (class_lookup_owner). */
#ifndef LS_ATTRCACHE_H
#define LS_ATTRCACHE_H

#include "obj.h"

#include <stdbool.h>
#include <stdint.h>

extern uint64_t attrcache_epoch_;

/* Forget every entry (a watched dict or a class's dict changed). */
static inline void attrcache_invalidate(void)
{
    attrcache_epoch_++;
}

/* True with *value (borrowed, may be NULL: not on the chain) and *owner
 * when (c, name) is cached; false otherwise. */
bool attrcache_get(Class *c, Obj *name, Obj **value, Class **owner);
/* Remember what a walk found for (c, name); name must be interned. */
void attrcache_put(Class *c, Obj *name, Obj *value, Class *owner);

#endif
