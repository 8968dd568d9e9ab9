/* attrcache.c: a direct-mapped table of class attribute lookups, emptied
 * by moving an epoch. See attrcache.h (which holds the inline lookup). */
#include "attrcache.h"

uint64_t attrcache_epoch_ = 1; /* entries start at epoch 0: all invalid */
AttrEntry attrcache_table_[ATTRCACHE_SLOTS];

void attrcache_put(Class *c, Obj *name, Obj *value, Class *owner)
{
    *attrcache_slot(c, name) = (AttrEntry){attrcache_epoch_, c, name, value, owner};
}
