/* functools.c: the functools module a scenario can import, with one name:
 * partial, the usual companion of run_in_executor (which takes no keyword
 * arguments). Owns the partial object: a callable holding a function and
 * leading arguments. Leaves naming what a partial runs (for labels) to
 * partial_func, which executor.c uses. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

typedef struct PartialObj {
    Obj hdr;
    Obj *func;
    Obj *args;      /* tuple of positional arguments */
    Obj *kwnames;   /* tuple of keyword names, or NULL */
    Obj *kwvals;    /* tuple of their values, or NULL */
} PartialObj;

static void partial_dealloc(Obj *o)
{
    PartialObj *p = (PartialObj *)o;
    XDECREF(p->func);
    XDECREF(p->args);
    XDECREF(p->kwnames);
    XDECREF(p->kwvals);
}

static void partial_repr(Obj *o, Buf *out)
{
    PartialObj *p = (PartialObj *)o;
    buf_puts(out, "functools.partial(");
    obj_repr(p->func, out);
    for (size_t i = 0; i < TUP_N(p->args); i++) {
        buf_puts(out, ", ");
        obj_repr(TUP_ITEMS(p->args)[i], out);
    }
    for (size_t i = 0; p->kwnames && i < TUP_N(p->kwnames); i++) {
        buf_printf(out, ", %s=", STR_S(TUP_ITEMS(p->kwnames)[i]));
        obj_repr(TUP_ITEMS(p->kwvals)[i], out);
    }
    buf_putc(out, ')');
}

/* Call: stored positionals, then the call's; stored keywords, then the call's. */
static Obj *partial_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    PartialObj *p = (PartialObj *)self;
    size_t np = TUP_N(p->args), nk0 = p->kwnames ? TUP_N(p->kwnames) : 0;
    size_t nk1 = kwnames ? TUP_N(kwnames) : 0;
    size_t total = np + (size_t)nargs + nk0 + nk1;
    Obj **a = xmalloc((total ? total : 1) * sizeof *a);
    memcpy(a, TUP_ITEMS(p->args), np * sizeof *a);
    memcpy(a + np, args, (size_t)nargs * sizeof *a);
    Obj *names = NULL;
    if (nk0 + nk1) {
        names = tuple_new(nk0 + nk1);
        for (size_t i = 0; i < nk0; i++) {
            a[np + (size_t)nargs + i] = TUP_ITEMS(p->kwvals)[i];
            TUP_ITEMS(names)[i] = TUP_ITEMS(p->kwnames)[i];
            INCREF(TUP_ITEMS(names)[i]);
        }
        for (size_t i = 0; i < nk1; i++) {
            a[np + (size_t)nargs + nk0 + i] = args[nargs + (int)i];
            TUP_ITEMS(names)[nk0 + i] = TUP_ITEMS(kwnames)[i];
            INCREF(TUP_ITEMS(names)[nk0 + i]);
        }
    }
    /* a partial of a partial of ... calls down in C: one level of the
     * depth budget each, as CPython's call of a C object */
    Obj *r = NULL;
    if (vm_recursion_enter(" while calling a Python object")) {
        r = vm_call(p->func, a, (int)(np + (size_t)nargs), names);
        vm_recursion_leave();
    }
    XDECREF(names);
    xfree(a);
    return r;
}

static Obj *partial_new(Obj *self, Obj **args, int nargs, Obj *kwnames);
static Obj *partial_getattr(Obj *o, Obj *name);

Class PartialClass = {.name = "partial", .kind = K_OTHER, .base = &ObjectClass, .size = sizeof(PartialObj),
                      .dealloc = partial_dealloc, .repr = partial_repr, .call = partial_call,
                      .ctor = partial_new, .getattr = partial_getattr, .builtin = true};

static Obj *partial_new(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (nargs < 1)
        return err_null(&TypeErrorClass, "type 'partial' takes at least one argument");
    PartialObj *p = (PartialObj *)obj_alloc(&PartialClass, sizeof(PartialObj));
    INCREF(args[0]);
    p->func = args[0];
    p->args = tuple_new((size_t)(nargs - 1));
    for (int i = 1; i < nargs; i++) {
        INCREF(args[i]);
        TUP_ITEMS(p->args)[i - 1] = args[i];
    }
    if (kwnames && TUP_N(kwnames)) {
        INCREF(kwnames);
        p->kwnames = kwnames;
        p->kwvals = tuple_new(TUP_N(kwnames));
        for (size_t i = 0; i < TUP_N(kwnames); i++) {
            INCREF(args[nargs + (int)i]);
            TUP_ITEMS(p->kwvals)[i] = args[nargs + (int)i];
        }
    }
    return &p->hdr;
}

static Obj *partial_getattr(Obj *o, Obj *name)
{
    PartialObj *p = (PartialObj *)o;
    Obj *v = str_eq_c(name, "func") ? p->func : str_eq_c(name, "args") ? p->args : NULL;
    if (!v)
        return err_null(&AttributeErrorClass, "'functools.partial' object has no attribute '%s'", STR_S(name));
    INCREF(v);
    return v;
}

Obj *partial_func(Obj *o)
{
    while (IS(o, PartialClass))
        o = ((PartialObj *)o)->func;
    return o;
}

Obj *functools_module_new(void)
{
    class_init(&PartialClass);
    Obj *m = module_new("_functools");
    dict_set_c(((ModuleObj *)m)->dict, "partial", &PartialClass.hdr);
    return m;
}
