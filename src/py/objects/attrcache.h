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

/* The table's entries and where (c, name) lives (attrcache.c keeps the
 * table; the lookup is here, inline: every attribute read of an instance
 * makes one). */
typedef struct AttrEntry {
    uint64_t epoch;      /* valid while it equals attrcache_epoch_ */
    Class *cls;
    Obj *name;
    Obj *value;
    Class *owner;
} AttrEntry;

#define ATTRCACHE_SLOTS 4096 /* a power of two */
extern AttrEntry attrcache_table_[ATTRCACHE_SLOTS];

static inline AttrEntry *attrcache_slot(Class *c, Obj *name)
{
    uintptr_t h = ((uintptr_t)c >> 4) * 31u ^ ((uintptr_t)name >> 4);
    return &attrcache_table_[(h ^ (h >> 12)) & (ATTRCACHE_SLOTS - 1)];
}

/* True with *value (borrowed, may be NULL: not on the chain) and *owner
 * when (c, name) is cached; false otherwise. */
static inline bool attrcache_get(Class *c, Obj *name, Obj **value, Class **owner)
{
    AttrEntry *e = attrcache_slot(c, name);
    if (e->epoch != attrcache_epoch_ || e->cls != c || e->name != name)
        return false;
    *value = e->value;
    *owner = e->owner;
    return true;
}
/* Remember what a walk found for (c, name); name must be interned. */
void attrcache_put(Class *c, Obj *name, Obj *value, Class *owner);

#endif
