/* attrslot.c: filling an instance attribute's slot (attrslot.h, which
 * holds the inline reads and stores) after a full lookup. */
#include "attrslot.h"

/* o's class when the dict decides o.name whenever it has the name, else
 * NULL: attrslot_class's, an instance dict, and nothing on the class
 * chain by that name that wins over the dict (a property; a method or a
 * plain class attribute does not). */
Class *attrslot_class(Obj *o, Obj *name)
{
    Class *c = o->cls;
    if (!c->heap || c->is_exception || c->getattr != klass_getattr)
        return NULL;
    if (!IS(name, StrClass) || !((StrObj *)name)->interned)
        return NULL;
    return c;
}

static Class *dict_decides(Obj *o, Obj *name)
{
    Class *c = attrslot_class(o, name);
    if (!c || !((InstanceObj *)o)->dict)
        return NULL;
    Obj *cv = class_lookup_owner(c, name, NULL);
    if (cv && IS(cv, PropertyClass))
        return NULL;
    return c;
}

static void fill(AttrSlot *s, Class *c, Obj *o, Obj *name)
{
    int32_t ix = dict_entry_of(((InstanceObj *)o)->dict, name);
    if (ix < 0)
        return;
    s->cls = c;
    s->epoch = attrcache_epoch_;
    s->ix = ix;
}

void attrslot_fill_get(AttrSlot *s, Obj *o, Obj *name)
{
    Class *c = dict_decides(o, name);
    if (c)
        fill(s, c, o, name);
}

void attrslot_fill_set(AttrSlot *s, Obj *o, Obj *name)
{
    Class *c = dict_decides(o, name);
    if (!c)
        return;
    Obj *hook = class_lookup_owner(c, str_intern("__setattr__"), NULL);
    if (hook && IS(hook, FuncClass))
        return; /* the library's own __setattr__ (a frozen dataclass) */
    fill(s, c, o, name);
}
