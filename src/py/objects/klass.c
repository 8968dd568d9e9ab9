/* klass.c: user-defined classes and their instances. See klass.h.
 * A class statement runs its body (vm.c) into a namespace dict, then
 * klass_new turns that dict into a UserClass: a Class allocated on the heap
 * whose hooks (ctor, call, getattr, dealloc) are the instance functions
 * below. Every object of a heap class holds a reference to its class
 * (obj_alloc/obj_decref), so a class lives as long as its instances.
 * Attribute lookup follows CPython for the single-inheritance case: a
 * property on the class chain, then the instance dict, then the class
 * attribute (functions bind to the instance). */
#include "klass.h"

#include "ops.h"
#include "../vm/vm.h"

#include <stdlib.h>
#include <string.h>

static uint64_t instance_serial;
static int quiet;

/* Interned special-method names by the address of the C literal naming
 * them, so that a lookup allocates nothing. Emptied by klass_init: the
 * interned strings die with each run. */
typedef struct SpecialName { const char *name; Obj *str; } SpecialName;
static SpecialName special_names[64];
static size_t nnames;

static Obj *special_name(const char *name)
{
    for (size_t i = 0; i < nnames; i++)
        if (special_names[i].name == name)
            return special_names[i].str;
    Obj *s = str_intern(name);
    if (nnames < sizeof special_names / sizeof special_names[0])
        special_names[nnames++] = (SpecialName){name, s};
    return s;
}

/* ------------------------------------------------------------ helpers */

/* The instance dict slot of o (an object of a heap class). */
static Obj **dict_slot(Obj *o)
{
    if (CLS(o)->is_exception)
        return &((ExcObj *)o)->attrs;
    return &((InstanceObj *)o)->dict;
}

/* The nearest built-in class on c's chain (object at the latest). */
static Class *builtin_base(Class *c)
{
    while (c->heap)
        c = c->base;
    return c;
}

static Obj *call_with_self(Obj *f, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    int total = nargs + (kwnames ? (int)TUP_N(kwnames) : 0);
    Obj *small[8];
    Obj **a = total + 1 <= 8 ? small : xmalloc(sizeof(Obj *) * (size_t)(total + 1));
    a[0] = self;
    if (total)
        memcpy(a + 1, args, sizeof(Obj *) * (size_t)total);
    Obj *r = vm_call(f, a, nargs + 1, kwnames);
    if (a != small)
        xfree(a);
    return r;
}

/* ------------------------------------------------------ NotImplemented */

static void notimpl_repr(Obj *o, Buf *out) { (void)o; buf_puts(out, "NotImplemented"); }
static Class NotImplementedTypeClass = {.name = "NotImplementedType", .kind = K_OTHER, .base = &ObjectClass,
                                        .repr = notimpl_repr, .builtin = true};
static Obj notimpl_obj;
Obj *NotImplemented = &notimpl_obj;

/* ------------------------------------------- staticmethod, classmethod */

typedef struct WrapObj { Obj hdr; Obj *func; } WrapObj;
typedef struct PropertyObj { Obj hdr; Obj *fget, *fset; } PropertyObj;

static void wrap_dealloc(Obj *o) { XDECREF(((WrapObj *)o)->func); }

static void wrap_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<%s(", CLS(o)->name);
    obj_repr(((WrapObj *)o)->func, out);
    buf_puts(out, ")>");
}

static Obj *wrap_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Class *c = (Class *)self;
    if (!vm_no_keywords(c->name, kwnames))
        return NULL;
    if (nargs != 1)
        return err_null(&TypeErrorClass, "%s expected 1 argument, got %d", c->name, nargs);
    WrapObj *w = (WrapObj *)obj_alloc(c, sizeof(WrapObj));
    INCREF(args[0]);
    w->func = args[0];
    return &w->hdr;
}

Class StaticMethodClass = {.name = "staticmethod", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(WrapObj),
                           .dealloc = wrap_dealloc, .repr = wrap_repr, .ctor = wrap_ctor, .builtin = true};
Class ClassMethodClass = {.name = "classmethod", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(WrapObj),
                          .dealloc = wrap_dealloc, .repr = wrap_repr, .ctor = wrap_ctor, .builtin = true};

/* ------------------------------------------------------------ property */

static void property_dealloc(Obj *o)
{
    XDECREF(((PropertyObj *)o)->fget);
    XDECREF(((PropertyObj *)o)->fset);
}

static void property_repr(Obj *o, Buf *out)
{
    (void)o;
    buf_puts(out, "<property object>");
}

static Obj *property_make(Obj *fget, Obj *fset)
{
    PropertyObj *p = (PropertyObj *)obj_alloc(&PropertyClass, sizeof(PropertyObj));
    p->fget = fget && fget != None ? (INCREF(fget), fget) : NULL;
    p->fset = fset && fset != None ? (INCREF(fset), fset) : NULL;
    return &p->hdr;
}

static Obj *property_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"fget", "fset", NULL};
    Obj *v[2];
    if (!vm_parse_args("property", args, nargs, kwnames, names, 0, v))
        return NULL;
    return property_make(v[0], v[1]);
}

/* @name.setter */
static Obj *property_setter(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("setter", nargs, kwnames))
        return NULL;
    return property_make(((PropertyObj *)self)->fget, args[0]);
}

/* The getter's name, for messages ("property 'p' of 'B' object ..."). */
static const char *property_name(Obj *prop)
{
    PropertyObj *p = (PropertyObj *)prop;
    Obj *f = p->fget ? p->fget : p->fset;
    return f && IS(f, FuncClass) ? STR_S(((FuncObj *)f)->name) : "?";
}

static Obj *property_get(Obj *prop, Obj *self)
{
    PropertyObj *p = (PropertyObj *)prop;
    if (!p->fget)
        return err_null(&AttributeErrorClass, "property '%s' of '%s' object has no getter", property_name(prop),
                        CLS(self)->name);
    return vm_call1(p->fget, self);
}

Class PropertyClass = {.name = "property", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(PropertyObj),
                       .dealloc = property_dealloc, .repr = property_repr, .ctor = property_ctor,
                       .builtin = true};

/* ------------------------------------------------------------- binding */

Obj *klass_bind(Obj *v, Obj *self)
{
    Class *c = CLS(v);
    if (c == &FuncClass)
        return bound_new(v, self);
    if (c == &BuiltinClass && !((BuiltinObj *)v)->self)
        return builtin_new(((BuiltinObj *)v)->name, ((BuiltinObj *)v)->fn, self);
    if (c == &StaticMethodClass) {
        INCREF(((WrapObj *)v)->func);
        return ((WrapObj *)v)->func;
    }
    if (c == &ClassMethodClass)
        return bound_new(((WrapObj *)v)->func, (Obj *)CLS(self));
    if (c == &PropertyClass)
        return property_get(v, self);
    INCREF(v);
    return v;
}

Obj *klass_class_attr(Class *c, Obj *v)
{
    if (IS(v, StaticMethodClass)) {
        INCREF(((WrapObj *)v)->func);
        return ((WrapObj *)v)->func;
    }
    if (IS(v, ClassMethodClass))
        return bound_new(((WrapObj *)v)->func, (Obj *)c);
    INCREF(v);
    return v;
}

/* v found on `owner` for the instance self: user classes' dicts hold plain
 * values (a built-in function stored there is not a method). */
static Obj *bind_from(Class *owner, Obj *v, Obj *self)
{
    if (owner->heap && IS(v, BuiltinClass)) {
        INCREF(v);
        return v;
    }
    return klass_bind(v, self);
}

Obj *klass_qualname(Class *c)
{
    if (c->heap) {
        INCREF(((UserClass *)c)->qualname);
        return ((UserClass *)c)->qualname;
    }
    return str_from(c->name);
}

Obj *klass_module(Class *c)
{
    if (c->heap) {
        INCREF(((UserClass *)c)->module);
        return ((UserClass *)c)->module;
    }
    return str_from("builtins");
}

/* ---------------------------------------------------------- attributes */

Obj *klass_getattr(Obj *o, Obj *name)
{
    Class *c = CLS(o), *owner = NULL;
    Obj *cv = class_lookup_owner(c, name, &owner);
    if (cv && IS(cv, PropertyClass))
        return property_get(cv, o);
    Obj *d = *dict_slot(o);
    if (d) {
        Obj *v = dict_get(d, name);
        if (v) {
            INCREF(v);
            return v;
        }
    }
    if (cv)
        return bind_from(owner, cv, o);
    if (str_eq_c(name, "__class__")) {
        INCREF(c);
        return (Obj *)c;
    }
    if (c->is_exception) {
        /* args, __cause__ ...: the built-in exception's own hook */
        for (Class *k = c->base; k; k = k->base)
            if (k->getattr && k->getattr != klass_getattr)
                return k->getattr(o, name);
    }
    return err_null(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
}

/* Names whose assignment would change what an object is (its class, its
 * dict, a class's identity): CPython allows some; loopscope refuses them. */
static bool refused_write(Obj *o, Obj *name)
{
    static const char *const on_objects[] = {"__class__", "__dict__", NULL};
    static const char *const on_classes[] = {"__class__", "__dict__", "__name__", "__qualname__", "__module__",
                                             "__base__", "__bases__", "__mro__", NULL};
    if (IS(name, StrClass) && (STR_LEN(name) < 4 || STR_S(name)[0] != '_' || STR_S(name)[1] != '_'))
        return false; /* every refused name is a dunder */
    for (const char *const *n = IS(o, ClassClass) ? on_classes : on_objects; *n; n++)
        if (str_eq_c(name, *n)) {
            err_format(&TypeErrorClass, "setting or deleting '%s' is not supported by loopscope", *n);
            return true;
        }
    return false;
}

static int class_setattr(Class *c, Obj *name, Obj *v)
{
    if (!c->heap) {
        err_format(&TypeErrorClass, "cannot set '%s' attribute of immutable type '%s'", STR_S(name), c->name);
        return -1;
    }
    if (v)
        return dict_set(c->dict, name, v);
    int r = dict_del(c->dict, name);
    if (r == 0)
        err_format(&AttributeErrorClass, "type object '%s' has no attribute '%s'", c->name, STR_S(name));
    return r > 0 ? 0 : -1;
}

int klass_setattr(Obj *o, Obj *name, Obj *v)
{
    if (refused_write(o, name))
        return -1;
    if (IS(o, ClassClass))
        return class_setattr((Class *)o, name, v);
    Class *c = CLS(o);
    if (c->heap) {
        /* __setattr__ / __delattr__ set on the class by the library (a frozen
         * dataclass): NotImplemented from it means "store as usual". Class
         * bodies in scenarios cannot define them (compile.c refuses). */
        Obj *hook = class_lookup(c, v ? special_name("__setattr__") : special_name("__delattr__"));
        if (hook && IS(hook, FuncClass)) {
            Obj *a[3] = {o, name, v};
            Obj *r = vm_call(hook, a, v ? 3 : 2, NULL);
            if (!r)
                return -1;
            bool through = r == NotImplemented;
            DECREF(r);
            if (!through)
                return 0;
        }
    }
    Obj *cv = class_lookup(c, name);
    if (cv && IS(cv, PropertyClass)) {
        PropertyObj *p = (PropertyObj *)cv;
        if (!v || !p->fset) {
            err_format(&AttributeErrorClass, "property '%s' of '%s' object has no %s", property_name(cv), c->name,
                       v ? "setter" : "deleter");
            return -1;
        }
        Obj *r = vm_call2(p->fset, o, v);
        XDECREF(r);
        return r ? 0 : -1;
    }
    if (c->is_exception && v)
        return KLASS_NONE; /* args, __cause__ ...: obj_setattr's exception rules */
    Obj **slot = dict_slot(o);
    if (v) {
        if (!*slot)
            *slot = dict_new();
        return dict_set(*slot, name, v);
    }
    int r = *slot ? dict_del(*slot, name) : 0;
    if (r == 0)
        err_format(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
    return r > 0 ? 0 : -1;
}

/* ----------------------------------------------------------- instances */

static void instance_dealloc(Obj *o)
{
    Class *b = builtin_base(CLS(o));
    if (b->dealloc)
        b->dealloc(o);
    else
        XDECREF(((InstanceObj *)o)->dict);
}

/* A class defining __class_call__ (loopscope's stand-in for a metaclass's
 * __call__, as enum uses it to hand back an existing member): called as
 * __class_call__(cls, *args, **kw). NotImplemented from it means "make an
 * instance as usual"; *done is false then. */
static Obj *class_call_hook(Class *c, Obj **args, int nargs, Obj *kwnames, bool *done)
{
    *done = false;
    Obj *f = class_lookup(c, special_name("__class_call__"));
    if (!f || !IS(f, FuncClass))
        return NULL;
    size_t n = (size_t)nargs + (kwnames ? TUP_N(kwnames) : 0);
    Obj **a = xmalloc((n + 1) * sizeof *a);
    a[0] = &c->hdr;
    for (size_t i = 0; i < n; i++)
        a[i + 1] = args[i];
    Obj *r = vm_call(f, a, nargs + 1, kwnames);
    xfree(a);
    if (r == NotImplemented) {
        DECREF(r);
        return NULL;
    }
    *done = true;
    return r;
}

/* Calling a user class: make the instance, then run __init__. */
static Obj *instance_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Class *c = (Class *)self;
    Obj *o;
    bool hooked;
    Obj *made = class_call_hook(c, args, nargs, kwnames, &hooked);
    if (hooked)
        return made;
    if (c->is_exception) {
        Obj *t = tuple_new((size_t)nargs);
        for (int i = 0; i < nargs; i++) {
            INCREF(args[i]);
            TUP_ITEMS(t)[i] = args[i];
        }
        o = exc_new(c, t);
        DECREF(t);
    } else {
        o = obj_alloc(c, sizeof(InstanceObj));
        ((InstanceObj *)o)->serial = ++instance_serial;
    }
    Class *owner = NULL;
    Obj *init = class_lookup_owner(c, special_name("__init__"), &owner);
    if (!init || !owner->heap) {
        /* object.__init__ / BaseException.__init__ */
        bool kw = kwnames && TUP_N(kwnames);
        if (kw || (nargs && !c->is_exception)) {
            DECREF(o);
            return err_null(&TypeErrorClass, "%s() takes no %sarguments", c->name, c->is_exception ? "keyword " : "");
        }
        return o;
    }
    Obj *f = klass_bind(init, o);
    Obj *r = f ? vm_call(f, args, nargs, kwnames) : NULL;
    XDECREF(f);
    if (r && r != None) {
        err_format(&TypeErrorClass, "__init__() should return None, not '%s'", obj_type_name(r));
        DECREF(r);
        r = NULL;
    }
    if (!r) {
        DECREF(o);
        return NULL;
    }
    DECREF(r);
    return o;
}

static Obj *instance_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Obj *f = klass_special(self, "__call__");
    if (!f)
        return err_null(&TypeErrorClass, "'%s' object is not callable", CLS(self)->name);
    Obj *m = klass_bind(f, self);
    Obj *r = m ? vm_call(m, args, nargs, kwnames) : NULL;
    XDECREF(m);
    return r;
}

bool klass_callable(Obj *o)
{
    return klass_special(o, "__call__") != NULL;
}

void klass_default_repr(Obj *o, Buf *out)
{
    Class *c = CLS(o);
    uint64_t serial = c->is_exception ? 0 : ((InstanceObj *)o)->serial;
    if (c->heap)
        buf_printf(out, "<%s.%s", STR_S(((UserClass *)c)->module), STR_S(((UserClass *)c)->qualname));
    else
        buf_printf(out, "<%s", c->name);
    /* CPython prints the address; loopscope a deterministic one of that shape */
    buf_printf(out, " object at 0x%012llx>", (unsigned long long)(0x7f0000000000ULL + serial * 0x30));
}

Obj *klass_class_iter(Obj *o)
{
    if (!IS(o, ClassClass) || !((Class *)o)->heap)
        return NULL;
    Obj *f = class_lookup((Class *)o, str_intern("__class_iter__"));
    if (!f || !IS(f, FuncClass))
        return NULL;
    return vm_call(f, &o, 1, NULL);
}

/* --------------------------------------------------------------- classes */

static void class_dealloc(Obj *o)
{
    UserClass *u = (UserClass *)o;
    XDECREF(u->cls.dict);
    if (u->cls.base)
        DECREF(u->cls.base);
    XDECREF(u->name);
    XDECREF(u->qualname);
    XDECREF(u->module);
}

static bool base_allowed(Class *b)
{
    if (b == &ObjectClass || b->heap)
        return true;
    return b->is_exception && b != &LimitErrorClass && !class_is_sub(b, &BaseExceptionGroupClass);
}

Obj *klass_new(Obj *name, Obj *qualname, Obj *base, Obj *ns)
{
    Class *b = &ObjectClass;
    if (base) {
        if (!IS(base, ClassClass))
            return err_null(&TypeErrorClass, "a class's base must be a class, not '%s'", obj_type_name(base));
        b = (Class *)base;
        if (!base_allowed(b))
            return err_null(&TypeErrorClass, "subclassing '%s' is not supported by loopscope", b->name);
    }
    UserClass *u = (UserClass *)obj_alloc(&ClassClass, sizeof(UserClass));
    Class *c = &u->cls;
    INCREF(name);
    u->name = name;
    INCREF(qualname);
    u->qualname = qualname;
    Obj *mod = dict_get_c(ns, "__module__");
    u->module = mod && IS(mod, StrClass) ? (INCREF(mod), mod) : str_from("__main__");
    c->name = STR_S(name);
    c->kind = b->is_exception ? K_EXC : K_OTHER;
    INCREF(b);
    c->base = b;
    c->dict = dict_new();
    size_t pos = 0;
    Obj *k, *v;
    while (dict_next(ns, &pos, &k, &v))
        if (!str_eq_c(k, "__qualname__"))
            dict_set(c->dict, k, v);
    /* like CPython: defining __eq__ without __hash__ makes instances unhashable */
    if (dict_get_c(c->dict, "__eq__") && !dict_get_c(c->dict, "__hash__"))
        dict_set_c(c->dict, "__hash__", None);
    Class *bb = builtin_base(b);
    c->size = bb->is_exception ? sizeof(ExcObj) : sizeof(InstanceObj);
    c->dealloc = instance_dealloc;
    c->free_mem = bb->free_mem;
    c->call = instance_call;
    c->ctor = instance_ctor;
    c->getattr = klass_getattr;
    c->is_exception = b->is_exception;
    c->heap = true;
    return &c->hdr;
}

/* ------------------------------------------------------ special methods */

Obj *klass_special(Obj *o, const char *name)
{
    Obj *key = NULL;
    for (Class *c = CLS(o); c && c->heap; c = c->base) {
        if (!key)
            key = special_name(name);
        Obj *v = dict_get(c->dict, key);
        if (v)
            return v;
    }
    return NULL;
}

Obj *klass_call_special(Obj *o, const char *name, Obj **args, int nargs)
{
    Obj *f = klass_special(o, name);
    if (!f)
        return err_null(&TypeErrorClass, "'%s' object has no %s", CLS(o)->name, name);
    if (f == None)
        return err_null(&TypeErrorClass, "'%s' object is not callable", "NoneType");
    if (IS(f, FuncClass))
        return call_with_self(f, o, args, nargs, NULL);
    Obj *m = klass_bind(f, o);
    Obj *r = m ? vm_call(m, args, nargs, NULL) : NULL;
    XDECREF(m);
    return r;
}

void klass_quiet(bool on)
{
    quiet += on ? 1 : -1;
}

int klass_text(Obj *o, const char *dunder, Buf *out)
{
    if (quiet || !klass_special(o, dunder))
        return KLASS_NONE;
    Obj *r = klass_call_special(o, dunder, NULL, 0);
    if (!r)
        return -1;
    if (!IS(r, StrClass)) {
        err_format(&TypeErrorClass, "%s returned non-string (type %s)", dunder, obj_type_name(r));
        DECREF(r);
        return -1;
    }
    buf_putn(out, STR_S(r), STR_LEN(r));
    DECREF(r);
    return 0;
}

static const char *const cmp_names[] = {
    [OP_EQ] = "__eq__", [OP_NE] = "__ne__", [OP_LT] = "__lt__",
    [OP_LE] = "__le__", [OP_GT] = "__gt__", [OP_GE] = "__ge__",
};

static Op reflected(Op op)
{
    switch (op) {
    case OP_LT: return OP_GT;
    case OP_GT: return OP_LT;
    case OP_LE: return OP_GE;
    case OP_GE: return OP_LE;
    default: return op;
    }
}

/* x.name(y) if x's class defines it: a new ref (maybe NotImplemented), or
 * NULL with *err when it raised; NULL without *err when not defined. */
static Obj *try_cmp(Obj *x, const char *name, Obj *y, bool *err)
{
    *err = false;
    if (!CLS(x)->heap || !klass_special(x, name) || klass_special(x, name) == None)
        return NULL;
    Obj *r = klass_call_special(x, name, &y, 1);
    *err = r == NULL;
    return r;
}

/* The rich comparison's result object, or NotImplemented. */
static Obj *rich_compare(Op op, Obj *a, Obj *b)
{
    bool err;
    bool b_first = CLS(b) != CLS(a) && class_is_sub(CLS(b), CLS(a));
    Obj *first = b_first ? b : a, *second = b_first ? a : b;
    Op op1 = b_first ? reflected(op) : op, op2 = b_first ? op : reflected(op);
    Obj *r = try_cmp(first, cmp_names[op1], second, &err);
    if (r && r != NotImplemented)
        return r;
    XDECREF(r);
    if (err)
        return NULL;
    r = try_cmp(second, cmp_names[op2], first, &err);
    if (r || err)
        return r;
    INCREF(NotImplemented);
    return NotImplemented;
}

int klass_compare(Op op, Obj *a, Obj *b)
{
    Obj *r = rich_compare(op, a, b);
    if (r == NotImplemented && op == OP_NE) {
        /* object.__ne__: the inverse of __eq__ */
        DECREF(r);
        r = rich_compare(OP_EQ, a, b);
        if (r && r != NotImplemented) {
            int t = obj_truth(r);
            DECREF(r);
            return t < 0 ? -1 : !t;
        }
    }
    if (!r)
        return -1;
    if (r == NotImplemented) {
        DECREF(r);
        if (op == OP_EQ)
            return a == b;
        if (op == OP_NE)
            return a != b;
        static const char *const sym[] = {[OP_LT] = "<", [OP_LE] = "<=", [OP_GT] = ">", [OP_GE] = ">="};
        err_format(&TypeErrorClass, "'%s' not supported between instances of '%s' and '%s'", sym[op],
                   CLS(a)->name, CLS(b)->name);
        return -1;
    }
    int t = obj_truth(r);
    DECREF(r);
    return t;
}

bool klass_hash(Obj *o, int64_t *out)
{
    Obj *f = klass_special(o, "__hash__");
    if (!f)
        return false;
    *out = -1;
    if (f == None) {
        err_format(&TypeErrorClass, "unhashable type: '%s'", CLS(o)->name);
        return true;
    }
    Obj *r = klass_call_special(o, "__hash__", NULL, 0);
    if (!r)
        return true;
    if (!is_int(r))
        err_format(&TypeErrorClass, "__hash__ method should return an integer");
    else
        *out = INT_V(r) == -1 ? -2 : INT_V(r);
    DECREF(r);
    return true;
}

int64_t klass_len(Obj *o)
{
    if (!klass_special(o, "__len__"))
        return KLASS_NONE;
    Obj *r = klass_call_special(o, "__len__", NULL, 0);
    if (!r)
        return -1;
    int64_t n = -1;
    if (!is_int(r))
        err_format(&TypeErrorClass, "'%s' object cannot be interpreted as an integer", obj_type_name(r));
    else if (INT_V(r) < 0)
        err_format(&ValueErrorClass, "__len__() should return >= 0");
    else
        n = INT_V(r);
    DECREF(r);
    return n;
}

int klass_truth(Obj *o)
{
    if (klass_special(o, "__bool__")) {
        Obj *r = klass_call_special(o, "__bool__", NULL, 0);
        if (!r)
            return -1;
        int t = r == True;
        if (!IS(r, BoolClass)) {
            err_format(&TypeErrorClass, "__bool__ should return bool, returned %s", obj_type_name(r));
            t = -1;
        }
        DECREF(r);
        return t;
    }
    int64_t n = klass_len(o);
    if (n == KLASS_NONE)
        return 1;
    return n < 0 ? -1 : n > 0;
}

int klass_contains(Obj *o, Obj *item)
{
    if (klass_special(o, "__contains__")) {
        Obj *r = klass_call_special(o, "__contains__", &item, 1);
        if (!r)
            return -1;
        int t = obj_truth(r);
        DECREF(r);
        return t;
    }
    if (!klass_special(o, "__iter__"))
        return KLASS_NONE;
    Obj *it = klass_iter(o);
    if (!it)
        return -1;
    Obj *v;
    int found = 0;
    while (!found && (v = obj_next(it))) {
        found = v == item ? 1 : obj_eq(v, item);
        DECREF(v);
        if (found < 0)
            break;
    }
    DECREF(it);
    if (found >= 0 && err_occurred())
        found = -1;
    return found;
}

bool klass_is_iterator(Obj *o)
{
    return IS(o, IterClass) || IS(o, GenClass) || (CLS(o)->heap && klass_special(o, "__next__"));
}

Obj *klass_iter(Obj *o)
{
    Obj *r = klass_call_special(o, "__iter__", NULL, 0);
    if (r && !klass_is_iterator(r)) {
        err_format(&TypeErrorClass, "iter() returned non-iterator of type '%s'", obj_type_name(r));
        DECREF(r);
        return NULL;
    }
    return r;
}

Obj *klass_next(Obj *o)
{
    Obj *r = klass_call_special(o, "__next__", NULL, 0);
    if (!r && err_matches(&StopIterationClass))
        err_clear();
    return r;
}

/* ----------------------------------------------------------------- super */

typedef struct SuperObj { Obj hdr; Class *type; Obj *obj; } SuperObj;

static void super_dealloc(Obj *o)
{
    DECREF(((SuperObj *)o)->type);
    DECREF(((SuperObj *)o)->obj);
}

static void super_repr(Obj *o, Buf *out)
{
    SuperObj *s = (SuperObj *)o;
    buf_printf(out, "<super: <class '%s'>, <%s object>>", s->type->name, obj_type_name(s->obj));
}

/* super(type, obj); the compiler turns a method's super() into
 * super(__class__, <first argument>). */
static Obj *super_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_no_keywords("super", kwnames))
        return NULL;
    if (nargs == 0)
        return err_null(&RuntimeErrorClass, "super(): no arguments");
    if (nargs != 2)
        return err_null(&TypeErrorClass, "super() with %d argument%s is not supported by loopscope", nargs,
                        nargs == 1 ? "" : "s");
    if (!IS(args[0], ClassClass))
        return err_null(&TypeErrorClass, "super() argument 1 must be a type, not %s", obj_type_name(args[0]));
    Class *t = (Class *)args[0];
    Obj *obj = args[1];
    bool ok = obj_isinstance(obj, t) || (IS(obj, ClassClass) && class_is_sub((Class *)obj, t));
    if (!ok)
        return err_null(&TypeErrorClass, "super(type, obj): obj must be an instance or subtype of type");
    SuperObj *s = (SuperObj *)obj_alloc(&SuperClass, sizeof(SuperObj));
    INCREF(t);
    s->type = t;
    INCREF(obj);
    s->obj = obj;
    return &s->hdr;
}

static Obj *super_getattr(Obj *o, Obj *name)
{
    SuperObj *s = (SuperObj *)o;
    Class *owner = NULL;
    Obj *v = s->type->base ? class_lookup_owner(s->type->base, name, &owner) : NULL;
    if (!v)
        return err_null(&AttributeErrorClass, "'super' object has no attribute '%s'", STR_S(name));
    if (IS(s->obj, ClassClass))
        return klass_class_attr((Class *)s->obj, v);
    return bind_from(owner, v, s->obj);
}

Class SuperClass = {.name = "super", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(SuperObj),
                    .dealloc = super_dealloc, .repr = super_repr, .ctor = super_ctor, .getattr = super_getattr,
                    .builtin = true};

/* ------------------------------------------- object and BaseException */

static Obj *object_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Class *c = (Class *)self;
    if (c != &ObjectClass)
        return err_null(&TypeErrorClass, "cannot create '%s' instances", c->name);
    if (nargs || (kwnames && TUP_N(kwnames)))
        return err_null(&TypeErrorClass, "object() takes no arguments");
    (void)args;
    Obj *o = obj_alloc(&ObjectClass, sizeof(InstanceObj));
    ((InstanceObj *)o)->serial = ++instance_serial;
    return o;
}

static Obj *object_init(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    (void)args;
    if (nargs || (kwnames && TUP_N(kwnames)))
        return err_null(&TypeErrorClass, "object.__init__() takes exactly one argument (the instance to initialize)");
    return none_new();
}

static Obj *object_str(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!vm_check_nargs("__str__", nargs, kwnames, 0, 0))
        return NULL;
    Buf b;
    buf_init(&b);
    Obj *r = obj_str_builtin(self, &b) < 0 ? NULL : str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

static Obj *object_repr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!vm_check_nargs("__repr__", nargs, kwnames, 0, 0))
        return NULL;
    Buf b;
    buf_init(&b);
    obj_repr_builtin(self, &b);
    Obj *r = err_occurred() ? NULL : str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

/* BaseException.__init__(self, *args): sets args. */
static Obj *exc_init(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(CLS(self)->name, kwnames))
        return NULL;
    Obj *t = tuple_new((size_t)nargs);
    for (int i = 0; i < nargs; i++) {
        INCREF(args[i]);
        TUP_ITEMS(t)[i] = args[i];
    }
    SETREF(((ExcObj *)self)->args, t);
    return none_new();
}

void klass_init(Obj *builtins)
{
    Class *all[] = {&StaticMethodClass, &ClassMethodClass, &PropertyClass, &SuperClass,
                    &NotImplementedTypeClass};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        class_init(all[i]);
    notimpl_obj = (Obj){.rc = 1 << 30, .cls = &NotImplementedTypeClass};
    instance_serial = 0;
    nnames = 0;
    quiet = 0;
    ClassClass.dealloc = class_dealloc;
    ObjectClass.ctor = object_ctor;
    class_add_method(&PropertyClass, "setter", property_setter);
    class_add_method(&ObjectClass, "__init__", object_init);
    class_add_method(&ObjectClass, "__str__", object_str);
    class_add_method(&ObjectClass, "__repr__", object_repr);
    class_add_method(&BaseExceptionClass, "__init__", exc_init);
    dict_set_c(builtins, "staticmethod", (Obj *)&StaticMethodClass);
    dict_set_c(builtins, "classmethod", (Obj *)&ClassMethodClass);
    dict_set_c(builtins, "property", (Obj *)&PropertyClass);
    dict_set_c(builtins, "super", (Obj *)&SuperClass);
    dict_set_c(builtins, "NotImplemented", NotImplemented);
}
