/* context.c: contextvars' current context, as CPython's asyncio uses it: a
 * task copies the context that is current when it is created and runs each
 * of its steps inside that copy, so a ContextVar set in one task is not seen
 * by the others. Owns the current context (a dict from ContextVar to value)
 * and its primitives for src/py/lib/contextvars.py; the Task keeps its own
 * copy (future.c). */
#include "model.h"

#include "../objects/methods.h"

static Obj *current; /* dict, or NULL before first use */

Obj *context_current(void)
{
    if (!current)
        current = dict_new();
    return current;
}

/* A copy of an empty context is NULL, not a new empty dict: most tasks
 * never set a variable, and a dict each (350 bytes) was a seventh of a
 * task's memory. The task's first step that asks for its context makes
 * one, and context_leave gives it to the task for its later steps. */
Obj *context_copy(void)
{
    if (!current || DICT_N(current) == 0)
        return NULL;
    Obj *d = dict_new();
    if (current && dict_update(d, current) < 0)
        err_clear();
    return d;
}

Obj *context_swap(Obj *ctx)
{
    Obj *prev = current;
    XINCREF(ctx);
    current = ctx;
    return prev;
}

void context_restore(Obj *prev)
{
    XDECREF(current);
    current = prev;
}

void context_leave(Obj **own, Obj *prev)
{
    if (!*own && current) {
        INCREF(current);
        *own = current;
    }
    context_restore(prev);
}

void context_reset(void)
{
    XDECREF(current);
    current = NULL;
}

/* _ctx_current(): the current context's dict */
static Obj *p_ctx_current(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    (void)args;
    if (!vm_check_nargs("_ctx_current", nargs, kw, 0, 0))
        return NULL;
    Obj *c = context_current();
    INCREF(c);
    return c;
}

/* _ctx_swap(dict or None): make it current; returns the previous one */
static Obj *p_ctx_swap(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_ctx_swap", nargs, kw, 1, 1))
        return NULL;
    if (args[0] != None && !IS(args[0], DictClass))
        return err_null(&TypeErrorClass, "_ctx_swap(dict or None)");
    Obj *prev = context_swap(args[0] == None ? NULL : args[0]);
    return prev ? prev : none_new();
}

void context_add_prims(Obj *module_dict)
{
    static const LibPrim prims[] = {{"_ctx_current", p_ctx_current}, {"_ctx_swap", p_ctx_swap}};
    stdlib_add_prims(module_dict, prims, sizeof prims / sizeof prims[0]);
}
