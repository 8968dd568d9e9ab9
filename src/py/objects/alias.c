/* alias.c: subscripting a class, `list[int]`, `dict[str, list[int]]`,
 * `asyncio.Queue[int]`, at run time (types.GenericAlias).
 * Owns: the GenericAlias object (its __origin__, __args__, CPython's repr,
 * calling it, which calls the origin) and the rule for which classes may be
 * subscripted: the built-in containers and type, and any class whose
 * __class_getitem__ says so (typing's Generic, the library's collections;
 * a library class sets `__class_getitem__ = GenericAlias`). ops.c's
 * subscript calls alias_class_getitem for every class object. */
#include "alias.h"

#include "klass.h"
#include "set.h"
#include "../vm/vm.h"

#include <string.h>

typedef struct AliasObj {
    Obj hdr;
    Obj *origin; /* a class */
    Obj *args;   /* tuple */
} AliasObj;

static void alias_dealloc(Obj *o)
{
    XDECREF(((AliasObj *)o)->origin);
    XDECREF(((AliasObj *)o)->args);
}

/* CPython's ga_repr for one item: a class as module.qualname (builtins
 * without the module), ... for Ellipsis, an alias as its repr. */
static int item_repr(Obj *o, Buf *out)
{
    if (o == Ellipsis) {
        buf_puts(out, "...");
        return 0;
    }
    if (IS(o, ClassClass)) {
        Class *c = (Class *)o;
        if (c->heap) {
            UserClass *u = (UserClass *)c;
            buf_printf(out, "%s.%s", STR_S(u->module), STR_S(u->qualname));
        } else {
            buf_puts(out, c->name);
        }
        return 0;
    }
    return obj_repr(o, out);
}

static void alias_repr(Obj *o, Buf *out)
{
    AliasObj *a = (AliasObj *)o;
    if (item_repr(a->origin, out) < 0)
        return;
    buf_putc(out, '[');
    size_t n = TUP_N(a->args);
    if (n == 0)
        buf_puts(out, "()");
    for (size_t i = 0; i < n; i++) {
        if (i)
            buf_puts(out, ", ");
        if (item_repr(TUP_ITEMS(a->args)[i], out) < 0)
            return;
    }
    buf_putc(out, ']');
}

static Obj *alias_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return vm_call(((AliasObj *)self)->origin, args, nargs, kwnames);
}

static Obj *alias_getattr(Obj *o, Obj *name)
{
    AliasObj *a = (AliasObj *)o;
    Obj *v = NULL;
    if (str_eq_c(name, "__origin__"))
        v = a->origin;
    else if (str_eq_c(name, "__args__"))
        v = a->args;
    if (v) {
        INCREF(v);
        return v;
    }
    /* list[int].append and the like: the origin's attributes */
    return obj_getattr(a->origin, name);
}

static Obj *alias_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames);

Class GenericAliasClass = {.name = "GenericAlias", .kind = K_OTHER, .base = &ObjectClass,
                           .size = sizeof(AliasObj), .dealloc = alias_dealloc, .repr = alias_repr,
                           .call = alias_call, .ctor = alias_ctor, .getattr = alias_getattr,
                           .builtin = true};

static Obj *alias_new(Obj *origin, Obj *key)
{
    class_init(&GenericAliasClass);
    AliasObj *a = (AliasObj *)obj_alloc(&GenericAliasClass, sizeof(AliasObj));
    INCREF(origin);
    a->origin = origin;
    if (IS(key, TupleClass)) {
        INCREF(key);
        a->args = key;
    } else {
        a->args = tuple_pack(1, key);
    }
    return &a->hdr;
}

/* GenericAlias(origin, args), also what `__class_getitem__ = GenericAlias`
 * calls with (cls, key). */
static Obj *alias_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_check_nargs("GenericAlias", nargs, kwnames, 2, 2))
        return NULL;
    return alias_new(args[0], args[1]);
}

Obj *alias_class_getitem(Obj *cls, Obj *key)
{
    Class *c = (Class *)cls;
    if (c->heap) {
        /* Generic[T]: __class_getitem__, implicitly a class method */
        Obj *f = class_lookup(c, str_intern("__class_getitem__"));
        if (f) {
            Obj *args[2] = {cls, key};
            return vm_call(f, args, 2, NULL);
        }
        return err_null(&TypeErrorClass, "type '%s' is not subscriptable", c->name);
    }
    static Class *const generic[] = {&ListClass, &DictClass, &TupleClass, &SetClass,
                                     &FrozenSetClass, &ClassClass};
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (c == generic[i])
            return alias_new(cls, key);
    return err_null(&TypeErrorClass, "type '%s' is not subscriptable", c->name);
}
