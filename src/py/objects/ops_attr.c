/* ops_attr.c: attribute lookup on values.
 * Owns: obj_getattr/obj_setattr/obj_delattr, class and per-kind attribute
 * lookup, method binding and method descriptors. Leaves the exception
 * attribute hook to builtins.c and the operators to ops.c. */
#include "ops.h"
#include "ops_int.h"
#include "alias.h"

#include "format.h"
#include "iter.h"
#include "klass.h"
#include "set.h"
#include "text.h"
#include "../vm/vm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* `str.upper` fetched from the class: a descriptor whose call takes the
 * receiver as the first argument (sorted(names, key=str.lower)). */
typedef struct MethodDescrObj {
    Obj hdr;
    Obj *method;  /* the BuiltinObj in the class dict */
    Class *owner;
} MethodDescrObj;

static void descr_repr(Obj *o, Buf *out)
{
    MethodDescrObj *d = (MethodDescrObj *)o;
    buf_printf(out, "<method '%s' of '%s' objects>", ((BuiltinObj *)d->method)->name, d->owner->name);
}

static void descr_dealloc(Obj *o)
{
    XDECREF(((MethodDescrObj *)o)->method);
}

static Obj *descr_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    MethodDescrObj *d = (MethodDescrObj *)self;
    BuiltinObj *m = (BuiltinObj *)d->method;
    Class *c = d->owner;
    if (nargs < 1)
        return err_null(&TypeErrorClass, "unbound method %s.%s() needs an argument", c->name, m->name);
    if (!obj_isinstance(args[0], c))
        return err_null(&TypeErrorClass, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        m->name, c->name, obj_type_name(args[0]));
    if (IS(args[0], StrClass) && !vm_charge_bytes(STR_LEN(args[0])))
        return NULL; /* as builtin_call: a str method scans its receiver */
    return m->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Class MethodDescrClass = {.name = "method_descriptor", .kind = K_OTHER, .base = &ObjectClass,
                                 .size = sizeof(MethodDescrObj), .repr = descr_repr,
                                 .dealloc = descr_dealloc, .call = descr_call, .builtin = true};

static Obj *descr_new(Obj *method, Class *owner)
{
    if (!MethodDescrClass.hdr.cls)
        class_init(&MethodDescrClass);
    MethodDescrObj *d = (MethodDescrObj *)obj_alloc(&MethodDescrClass, sizeof(MethodDescrObj));
    INCREF(method);
    d->method = method;
    d->owner = owner;
    return &d->hdr;
}

/* Attribute of a class object (int.bit_length, ValueError.__name__). */
static Obj *class_getattr(Class *c, Obj *name)
{
    Class *owner = NULL;
    Obj *v = class_lookup_owner(c, name, &owner);
    if (v) {
        if (!owner->heap && IS(v, BuiltinClass) && !((BuiltinObj *)v)->self)
            return descr_new(v, owner);
        return klass_class_attr(c, v);
    }
    if (str_eq_c(name, "__name__"))
        return str_from(c->name);
    if (str_eq_c(name, "__qualname__"))
        return klass_qualname(c);
    if (str_eq_c(name, "__module__"))
        return klass_module(c);
    if (str_eq_c(name, "__base__")) {
        if (!c->base)
            return none_new();
        INCREF(c->base);
        return (Obj *)c->base;
    }
    if (str_eq_c(name, "__bases__"))
        return c->base ? tuple_pack(1, (Obj *)c->base) : tuple_new(0);
    if (str_eq_c(name, "__mro__")) {
        size_t n = 0;
        for (Class *p = c; p; p = p->base)
            n++;
        Obj *t = tuple_new(n);
        n = 0;
        for (Class *p = c; p; p = p->base) {
            INCREF(p);
            TUP_ITEMS(t)[n++] = (Obj *)p;
        }
        return t;
    }
    return NULL;
}

/* Generic attributes every object of a kind has (__class__, __name__). */
static Obj *kind_getattr(Obj *o, Obj *name)
{
    if (str_eq_c(name, "__class__")) {
        INCREF(CLS(o));
        return (Obj *)CLS(o);
    }
    if (is_number(o) && (str_eq_c(name, "real") || str_eq_c(name, "imag"))) {
        if (str_eq_c(name, "imag"))
            return is_int(o) ? int_new(0) : float_new(0.0);
        return is_int(o) ? int_new(INT_V(o)) : float_new(FLOAT_V(o));
    }
    if (IS(o, BoundClass)) {
        /* a method: __self__, __func__, and its function's names */
        BoundObj *m = (BoundObj *)o;
        if (str_eq_c(name, "__self__") || str_eq_c(name, "__func__")) {
            Obj *r = str_eq_c(name, "__self__") ? m->self : m->func;
            INCREF(r);
            return r;
        }
        return kind_getattr(m->func, name);
    }
    bool is_name = str_eq_c(name, "__name__"), is_qual = str_eq_c(name, "__qualname__");
    if (!is_name && !is_qual)
        return NULL;
    switch (CLS(o)->kind) {
    case K_FUNC: {
        Obj *r = is_name ? ((FuncObj *)o)->name : ((FuncObj *)o)->qualname;
        INCREF(r);
        return r;
    }
    case K_BUILTIN:
        return str_from(((BuiltinObj *)o)->name);
    case K_GEN:
    case K_CORO: {
        Obj *r = is_name ? ((GenObj *)o)->name : ((GenObj *)o)->qualname;
        if (!r)
            return NULL;
        INCREF(r);
        return r;
    }
    default:
        return NULL;
    }
}

/* Attribute found through the class (methods bound to o) or common to all
 * objects of o's kind; NULL without an exception when there is none. */
static Obj *getattr_generic(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    if (c == &ClassClass) {
        Obj *v = class_getattr((Class *)o, name);
        if (v)
            return v;
    }
    Obj *v = class_lookup(c, name);
    if (v)
        return klass_bind(v, o);
    return kind_getattr(o, name);
}

Obj *obj_getattr(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    Obj *(*hook)(Obj *, Obj *) = NULL;
    for (Class *k = c; k && !hook; k = k->base)
        hook = k->getattr;
    if (hook) {
        Obj *v = hook(o, name);
        if (v || !err_matches(&AttributeErrorClass))
            return v;
        /* no instance attribute: the class may still have it (methods) */
        Obj *exc = err_fetch();
        v = getattr_generic(o, name);
        if (v) {
            DECREF(exc);
            return v;
        }
        err_set(exc);
        return NULL;
    }
    Obj *v = getattr_generic(o, name);
    if (v)
        return v;
    if (c == &ClassClass)
        return err_null(&AttributeErrorClass, "type object '%s' has no attribute '%s'", ((Class *)o)->name,
                        STR_S(name));
    return err_null(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
}

Obj *obj_getattr_c(Obj *o, const char *name)
{
    return obj_getattr(o, str_intern(name));
}

int obj_setattr(Obj *o, Obj *name, Obj *v)
{
    Class *c = CLS(o);
    if (c->heap || c == &ClassClass) {
        int r = klass_setattr(o, name, v);
        if (r != KLASS_NONE)
            return r;
    }
    if (c->is_exception) {
        ExcObj *e = (ExcObj *)o;
        if (str_eq_c(name, "args")) {
            Obj *t;
            if (IS(v, TupleClass)) {
                INCREF(v);
                t = v;
            } else {
                Obj *l = list_of(v);
                if (!l)
                    return -1;
                t = tuple_new(LIST_N(l));
                for (size_t i = 0; i < LIST_N(l); i++) {
                    INCREF(LIST_ITEMS(l)[i]);
                    TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
                }
                DECREF(l);
            }
            SETREF(e->args, t);
            return 0;
        }
        if (str_eq_c(name, "__cause__") || str_eq_c(name, "__context__")) {
            if (v != None && !CLS(v)->is_exception) {
                err_format(&TypeErrorClass, "exception cause must be None or derive from BaseException");
                return -1;
            }
            Obj *nv = v == None ? NULL : v;
            XINCREF(nv);
            if (str_eq_c(name, "__cause__")) {
                SETREF(e->cause, nv);
                e->suppress_context = true;
            } else {
                SETREF(e->context, nv);
            }
            return 0;
        }
        if (!e->attrs)
            e->attrs = dict_new();
        return dict_set(e->attrs, name, v);
    }
    if (c == &ModuleClass) {
        if (module_hides(name)) {
            err_format(&AttributeErrorClass, "module '%s' has no attribute '%s'",
                       STR_S(((ModuleObj *)o)->name), STR_S(name));
            return -1;
        }
        return dict_set(((ModuleObj *)o)->dict, name, v);
    }
    if (class_lookup(c, name))
        err_format(&AttributeErrorClass, "'%s' object attribute '%s' is read-only", c->name, STR_S(name));
    else
        err_format(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
    return -1;
}

int obj_delattr(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    if (c->heap || c == &ClassClass)
        return klass_setattr(o, name, NULL);
    if (c->is_exception && ((ExcObj *)o)->attrs) {
        int r = dict_del(((ExcObj *)o)->attrs, name);
        if (r != 0)
            return r > 0 ? 0 : -1;
    }
    if (c == &ModuleClass && !module_hides(name)) {
        int r = dict_del(((ModuleObj *)o)->dict, name);
        if (r != 0)
            return r > 0 ? 0 : -1;
    }
    err_format(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
    return -1;
}
