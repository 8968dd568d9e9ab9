/* vm_cache.h: the eval loop's caches of name lookups, one set per name
 * of a code object (CodeObj.ncache, made on a frame's first lookup).
 * Owns: LOAD_GLOBAL's (the entry a global or builtin was found at, valid
 * while the globals' and builtins' dict versions stay the same: versions
 * are unique to one state of one dict, obj.h), LOAD_ATTR's for an instance
 * attribute (the instance dict's entry number as a hint, valid for one
 * class while the attribute cache's epoch says no class on its chain
 * changed, attrcache.h) and LOAD_METHOD's (the plain function a class's
 * chain gives, under the same epoch). A hit gives exactly what the full
 * lookup would; anything unusual misses and takes the full lookup.
 * Included by vm_eval.c; the filling is in vm_cache.c. */
#ifndef LS_VM_CACHE_H
#define LS_VM_CACHE_H

#include "vm_int.h"

#include "../objects/attrcache.h"
#include "../objects/attrslot.h"
#include "../objects/klass.h"

typedef struct NameCache {
    uint64_t gver;   /* LOAD_GLOBAL: the globals' version when filled (0: empty) */
    uint64_t bver;   /* and the builtins', when the name is a builtin (else 0) */
    int32_t gix;     /* its entry, in the globals or (bver) the builtins */
    AttrSlot attr;   /* LOAD_ATTR on an instance (attrslot.h) */
    Class *mcls;     /* LOAD_METHOD: a class whose chain gives the plain function meth */
    Obj *meth;       /* borrowed: its class dict holds it while mepoch is current */
    uint64_t mepoch;
    AttrSlot store;  /* STORE_ATTR on an instance (attrslot.h) */
    int32_t dix;     /* LOAD_ATTR on a module: the entry in its dict */
    uint64_t dver;   /* the module dict's version when dix was found (0: empty) */
} NameCache;

/* The code's caches, made on first use. */
static inline NameCache *name_cache(CodeObj *co, int arg)
{
    if (!co->ncache)
        co->ncache = xcalloc(TUP_N(co->names) + 1, sizeof(NameCache));
    return &co->ncache[arg];
}

/* The global (borrowed) the cache says, or NULL: look it up. */
static inline Obj *cached_global(const NameCache *nc, Obj *globals, Obj *builtins)
{
    if (nc->gver != ((DictObj *)globals)->version)
        return NULL;
    if (!nc->bver)
        return ((DictObj *)globals)->entries[nc->gix].value;
    if (nc->bver != ((DictObj *)builtins)->version)
        return NULL;
    return ((DictObj *)builtins)->entries[nc->gix].value;
}

/* o's instance attribute name (borrowed) by the cache, or NULL. */
static inline Obj *cached_attr(const NameCache *nc, Obj *o, Obj *name)
{
    return attrslot_get(&nc->attr, o, name);
}

/* Module o's attribute (borrowed) by the cache, or NULL. A dict's version
 * names one state of its keys of one dict (obj.h), so the entry still
 * holds name; its value is read as it is now. */
static inline Obj *cached_module_attr(const NameCache *nc, Obj *o)
{
    if (o->cls != &ModuleClass || ((DictObj *)((ModuleObj *)o)->dict)->version != nc->dver)
        return NULL;
    return ((DictObj *)((ModuleObj *)o)->dict)->entries[nc->dix].value;
}

/* The plain function o.name() calls with o as its first argument, or
 * the built-in method (BuiltinObj without a receiver) o.name() calls with
 * o as its receiver (borrowed), or NULL: the attribute is something else,
 * or unknown. */
static inline Obj *cached_method(const NameCache *nc, Obj *o, Obj *name)
{
    if (o->cls != nc->mcls || nc->mepoch != attrcache_epoch_)
        return NULL;
    if (!o->cls->heap)
        return nc->meth; /* a built-in type's method: no instance dict */
    Obj *d = ((InstanceObj *)o)->dict;
    if (d && DICT_N(d) && dict_entry_of(d, name) >= 0)
        return NULL; /* the instance's own attribute hides the method */
    return nc->meth;
}

/* o.name = v (v stolen) by the cache: true when done, false (v kept):
 * take the full way. */
static inline bool cached_store(const NameCache *nc, Obj *o, Obj *name, Obj *v)
{
    return attrslot_set(&nc->store, o, name, v);
}

/* Fill the caches after a full lookup found name. */
void cache_fill_global(NameCache *nc, Obj *globals, Obj *builtins, Obj *name);
void cache_fill_attr(NameCache *nc, Obj *o, Obj *name);
/* Fill STORE_ATTR's cache after o.name was stored. */
void cache_fill_store(NameCache *nc, Obj *o, Obj *name);
/* Fill LOAD_METHOD's cache for o's class; the function or NULL. */
Obj *cache_fill_method(NameCache *nc, Obj *o, Obj *name);

#endif
