/* attrslot.h: an instance attribute read or replaced through a remembered
 * entry of the instance's dict, for code that reads the same attribute
 * of the same kind of object over and over (the eval loop's LOAD_ATTR and
 * STORE_ATTR caches, vm_cache.h; the Queue and Lock bodies in C,
 * src/py/loop/sync.c).
 * Owns: the rule for when the instance dict decides `o.name` whenever it
 * holds the name (a user class, not an exception, whose lookup is
 * klass_getattr's, and nothing on whose chain by that name wins over the
 * dict: no property; a method or a plain class attribute, such as
 * _LoopBound._loop, loses to the instance's own), kept as the class and
 * the attribute cache's epoch (attrcache.h: any change to a class dict on
 * the chain moves it), and the entry number as
 * a hint that a hit checks still holds that very (interned) name. A hit
 * gives exactly what the full lookup would; a miss says nothing: take
 * the full way (obj_getattr, obj_setattr), then fill the slot.
 * Leaves the lookups themselves to klass.c and obj.c. */
#ifndef LS_ATTRSLOT_H
#define LS_ATTRSLOT_H

#include "attrcache.h"
#include "klass.h"

typedef struct AttrSlot {
    Class *cls;      /* a class whose instances' dicts decide name (NULL: empty) */
    uint64_t epoch;  /* the attribute cache's epoch when cls was checked */
    int32_t ix;      /* the entry in the instance dict last time */
} AttrSlot;

/* o's attribute name (borrowed) by the slot, or NULL: look it up. */
static inline Obj *attrslot_get(const AttrSlot *s, Obj *o, Obj *name)
{
    if (o->cls != s->cls || s->epoch != attrcache_epoch_)
        return NULL;
    const DictObj *d = (const DictObj *)((InstanceObj *)o)->dict;
    if (!d || (size_t)s->ix >= d->used || d->entries[s->ix].key != name)
        return NULL;
    return d->entries[s->ix].value;
}

/* o.name = v (v stolen) by the slot: true when done, false (v kept):
 * take the full way. Only an existing entry's value is replaced, which
 * changes no dict's keys (so no version moves). The slot must have been
 * filled by attrslot_fill_set. */
static inline bool attrslot_set(const AttrSlot *s, Obj *o, Obj *name, Obj *v)
{
    if (o->cls != s->cls || s->epoch != attrcache_epoch_)
        return false;
    DictObj *d = (DictObj *)((InstanceObj *)o)->dict;
    if (!d || d->watched || (size_t)s->ix >= d->used || d->entries[s->ix].key != name)
        return false;
    SETREF(d->entries[s->ix].value, v);
    return true;
}

/* o's class when a lookup of o.name may be remembered, else NULL: a user
 * class (not an exception) whose lookup is klass_getattr's, and an
 * interned str name (the attribute cache's key). */
Class *attrslot_class(Obj *o, Obj *name);

/* Fill the slot after a full lookup of o.name found it (left as it was
 * when the dict alone does not decide). */
void attrslot_fill_get(AttrSlot *s, Obj *o, Obj *name);
/* Fill the slot after o.name was stored: as attrslot_fill_get, and also
 * no library __setattr__ on the chain. */
void attrslot_fill_set(AttrSlot *s, Obj *o, Obj *name);

#endif
