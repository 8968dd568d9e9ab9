/* vm_cache.c: filling the eval loop's name caches (vm_cache.h) after a
 * full lookup. Owns the rules for what may be cached: a str name the
 * bytecode interned, and an instance of a user class (not an exception)
 * whose attribute lookup is klass_getattr's (the instance attribute's
 * rule and slot are attrslot.[ch]'s, shared with src/py/loop/sync.c), or
 * (methods only) an object of a built-in type whose lookup is
 * getattr_generic's. Leaves the lookups themselves to vm_eval.c,
 * ops_attr.c and klass.c. */
#include "vm_cache.h"

void cache_fill_global(NameCache *nc, Obj *globals, Obj *builtins, Obj *name)
{
    int32_t ix = dict_entry_of(globals, name);
    uint64_t gver = ((DictObj *)globals)->version; /* the state that answered */
    if (ix >= 0) {
        nc->gver = gver;
        nc->bver = 0;
        nc->gix = ix;
        return;
    }
    if (err_occurred() || (ix = dict_entry_of(builtins, name)) < 0)
        return;
    nc->gver = gver;
    nc->bver = ((DictObj *)builtins)->version;
    nc->gix = ix;
}

void cache_fill_attr(NameCache *nc, Obj *o, Obj *name)
{
    if (o->cls == &ModuleClass) {
        /* a name with a leading underscore may be hidden from scenario
         * code (module_hides): not cached */
        if (!IS(name, StrClass) || !((StrObj *)name)->interned || STR_S(name)[0] == '_')
            return;
        Obj *d = ((ModuleObj *)o)->dict;
        int32_t ix = dict_entry_of(d, name);
        if (ix >= 0) {
            nc->dver = ((DictObj *)d)->version;
            nc->dix = ix;
        }
        return;
    }
    attrslot_fill_get(&nc->attr, o, name);
}

/* o's class when it is a built-in one whose attributes are found by
 * getattr_generic (ops_attr.c) alone: no getattr hook on its chain, not
 * a class object. Else NULL. */
static Class *builtin_class(Obj *o, Obj *name)
{
    Class *c = o->cls;
    if (c->heap || c == &ClassClass || !IS(name, StrClass) || !((StrObj *)name)->interned)
        return NULL;
    for (Class *k = c; k; k = k->base)
        if (k->getattr)
            return NULL;
    return c;
}

Obj *cache_fill_method(NameCache *nc, Obj *o, Obj *name)
{
    Class *c = builtin_class(o, name);
    if (c) {
        /* getattr_generic binds what the class has: a built-in method
         * with no receiver becomes builtin_new(name, fn, o) */
        Obj *v = class_lookup_owner(c, name, NULL);
        if (!v || !IS(v, BuiltinClass) || ((BuiltinObj *)v)->self)
            return NULL;
        nc->mcls = c;
        nc->meth = v;
        nc->mepoch = attrcache_epoch_;
        return v;
    }
    c = attrslot_class(o, name);
    Class *owner = NULL;
    Obj *v = c ? class_lookup_owner(c, name, &owner) : NULL;
    if (!v || !IS(v, FuncClass))
        return NULL;
    nc->mcls = c;
    nc->meth = v;
    nc->mepoch = attrcache_epoch_;
    return cached_method(nc, o, name);
}

void cache_fill_store(NameCache *nc, Obj *o, Obj *name)
{
    attrslot_fill_set(&nc->store, o, name);
}
