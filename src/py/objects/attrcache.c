/* attrcache.c: a direct-mapped table of class attribute lookups, emptied
 * by moving an epoch. See attrcache.h. */
#include "attrcache.h"

#define SLOTS 4096 /* a power of two */

typedef struct Entry {
    uint64_t epoch;      /* valid while it equals attrcache_epoch_ */
    Class *cls;
    Obj *name;
    Obj *value;
    Class *owner;
} Entry;

uint64_t attrcache_epoch_ = 1; /* entries start at epoch 0: all invalid */
static Entry table[SLOTS];

static inline Entry *slot_of(Class *c, Obj *name)
{
    uintptr_t h = ((uintptr_t)c >> 4) * 31u ^ ((uintptr_t)name >> 4);
    return &table[(h ^ (h >> 12)) & (SLOTS - 1)];
}

bool attrcache_get(Class *c, Obj *name, Obj **value, Class **owner)
{
    Entry *e = slot_of(c, name);
    if (e->epoch != attrcache_epoch_ || e->cls != c || e->name != name)
        return false;
    *value = e->value;
    *owner = e->owner;
    return true;
}

void attrcache_put(Class *c, Obj *name, Obj *value, Class *owner)
{
    *slot_of(c, name) = (Entry){attrcache_epoch_, c, name, value, owner};
}
