/* agen.c: async generators: the object, its methods and awaitables, and
 * the finalizer hook. See agen.h. Written for loopscope from CPython 3.11's
 * documented behaviour (and checked against it): an awaitable's first step
 * checks the generator's state, then every send/throw goes straight into
 * the generator; a `yield` ends the awaitable with the yielded value, an
 * await inside the generator suspends the task. */
#include "agen.h"

#include "../front/code.h"
#include "../vm/vm.h"

#include <string.h>

#define AG(o) ((AsyncGenObj *)(o))

static const char *const awaitable_names[AGEN_MODES] = {
    "async_generator_asend", "async_generator_athrow", "async_generator_athrow"};
static CodeObj *awaitable_code[AGEN_MODES];
static AsyncGenObj *live_head, *live_tail;

/* ------------------------------------------------------------ live list */

static void live_append(AsyncGenObj *ag)
{
    ag->prev = live_tail;
    ag->next = NULL;
    if (live_tail)
        live_tail->next = ag;
    else
        live_head = ag;
    live_tail = ag;
}

static void live_unlink(AsyncGenObj *ag)
{
    if (!ag->prev && live_head != ag)
        return; /* not on the list */
    if (ag->prev)
        ag->prev->next = ag->next;
    else
        live_head = ag->next;
    if (ag->next)
        ag->next->prev = ag->prev;
    else
        live_tail = ag->prev;
    ag->prev = ag->next = NULL;
}

Obj *agen_live(void)
{
    Obj *l = list_new(4);
    for (AsyncGenObj *ag = live_head; ag; ag = ag->next)
        list_append(l, &ag->gen.hdr);
    return l;
}

/* ------------------------------------------------------------- object */

static void agen_dealloc(Obj *o)
{
    AsyncGenObj *ag = AG(o);
    live_unlink(ag);
    /* a generator handed to a finalizer is left as it is (CPython does not
     * close it then); one without hooks is closed like a generator */
    if (ag->finalizer && ag->gen.state == GEN_SUSPENDED)
        ag->gen.state = GEN_CLOSED;
    XDECREF(ag->finalizer);
    ag->finalizer = NULL;
    gen_release(o);
}

/* Called when the last reference goes: an unfinished generator that has a
 * finalizer goes to it (which may keep it alive, as asyncio's does). */
static void agen_finalize(Obj *o)
{
    AsyncGenObj *ag = AG(o);
    if (ag->finalized || !ag->finalizer || ag->closed || ag->gen.state == GEN_CLOSED)
        return;
    ag->finalized = true;
    live_unlink(ag);
    Obj *saved = err_fetch();
    Obj *r = vm_call1(ag->finalizer, o);
    if (r)
        DECREF(r);
    else
        err_clear(); /* CPython reports it as unraisable */
    if (saved)
        err_set(saved);
}

static void agen_repr(Obj *o, Buf *out)
{
    buf_printf(out, "<async_generator object %s>", STR_S(((GenObj *)o)->qualname));
}

Class AsyncGenClass = {.name = "async_generator", .kind = K_OTHER, .base = &ObjectClass,
                       .size = sizeof(AsyncGenObj), .repr = agen_repr, .dealloc = agen_dealloc,
                       .free_mem = gen_free_mem, .finalize = agen_finalize, .builtin = true};

/* ----------------------------------------------------------- stepping */

/* What the generator's suspension or end means for an awaitable in mode. */
static AwaitStatus outcome(AsyncGenObj *ag, AgenMode mode, GenResult g, Obj *r, Obj **out)
{
    *out = NULL;
    if (g == GEN_YIELDED && !ag->yielded) {
        *out = r; /* an await inside the generator: up to the task */
        return AW_SUSPEND;
    }
    ag->running_async = false;
    if (g == GEN_YIELDED) {
        if (mode == AGEN_ACLOSE) {
            DECREF(r);
            err_format(&RuntimeErrorClass, "async generator ignored GeneratorExit");
            return AW_ERROR;
        }
        *out = r;
        return AW_DONE;
    }
    if (g == GEN_RETURNED) {
        XDECREF(r);
        ag->closed = true;
        if (mode == AGEN_ACLOSE) {
            *out = none_new();
            return AW_DONE;
        }
        err_set(exc_new(&StopAsyncIterationClass, NULL));
        return AW_ERROR;
    }
    if (err_matches(&StopAsyncIterationClass) || err_matches(&GeneratorExitClass)) {
        ag->closed = true;
        if (mode == AGEN_ACLOSE) {
            err_clear();
            *out = none_new();
            return AW_DONE;
        }
    }
    return AW_ERROR;
}

static AwaitStatus step(AsyncGenObj *ag, AgenMode mode, bool thrown, Obj *value, Obj **out)
{
    Obj *r = NULL;
    ag->yielded = false;
    GenResult g = thrown ? gen_throw(&ag->gen.hdr, value, &r) : gen_send(&ag->gen.hdr, value, &r);
    return outcome(ag, mode, g, r, out);
}

AwaitStatus agen_first(Obj *agen, AgenMode mode, Obj *arg, Obj **out)
{
    AsyncGenObj *ag = AG(agen);
    *out = NULL;
    if (mode != AGEN_ASEND && ag->gen.state == GEN_CLOSED) {
        *out = none_new();
        return AW_DONE;
    }
    if (ag->running_async) {
        err_format(&RuntimeErrorClass, "%s(): asynchronous generator is already running",
                   mode == AGEN_ASEND ? "anext" : mode == AGEN_ATHROW ? "athrow" : "aclose");
        return AW_ERROR;
    }
    if (mode != AGEN_ASEND && ag->closed) {
        err_set(exc_new(&StopAsyncIterationClass, NULL));
        return AW_ERROR;
    }
    ag->running_async = true;
    if (mode == AGEN_ASEND)
        return step(ag, mode, false, arg, out);
    if (mode == AGEN_ATHROW)
        return step(ag, mode, true, arg, out);
    ag->closed = true;
    Obj *exit = exc_new(&GeneratorExitClass, NULL);
    AwaitStatus st = step(ag, mode, true, exit, out);
    DECREF(exit);
    return st;
}

AwaitStatus agen_resume(Obj *agen, AgenMode mode, bool thrown, Obj *value, Obj **out)
{
    AsyncGenObj *ag = AG(agen);
    if (thrown && class_is_sub(value->cls, &GeneratorExitClass)) {
        /* the awaitable is being closed (its awaiting coroutine is): like
         * CPython's asend.close(), that leaves the generator alone */
        ag->running_async = false;
        *out = NULL;
        INCREF(value);
        err_set(value);
        return AW_ERROR;
    }
    return step(ag, mode, thrown, value, out);
}

/* ------------------------------------------------------------ methods */

/* The built-in code of an awaitable: await the generator (fast 0) with
 * fast 1 as the first value to send or the exception to throw. */
static CodeObj *awaitable_code_new(AgenMode mode)
{
    CodeObj *co = (CodeObj *)obj_alloc(&CodeClass, sizeof(CodeObj));
    co->ops = xmalloc(2 * sizeof(uint32_t));
    co->ops[0] = MAKE_OP(I_AGEN_AWAIT, mode);
    co->ops[1] = MAKE_OP(I_RETURN_VALUE, 0);
    co->lines = xcalloc(2, sizeof(int));
    co->nops = 2;
    co->consts = tuple_new(0);
    co->names = tuple_new(0);
    co->varnames = tuple_new(2);
    TUP_ITEMS(co->varnames)[0] = str_from("agen");
    TUP_ITEMS(co->varnames)[1] = str_from("arg");
    co->cellnames = tuple_new(0);
    co->freenames = tuple_new(0);
    co->cell2arg = xmalloc(sizeof(int));
    co->argcount = co->nlocals = 2;
    co->flags = CO_COROUTINE | CO_LIBRARY;
    co->name = str_from(awaitable_names[mode]);
    co->qualname = str_from(awaitable_names[mode]);
    return co;
}

/* A new awaitable; the first one also runs the first-iteration hook. */
static Obj *awaitable_new(Obj *agen, AgenMode mode, Obj *arg)
{
    AsyncGenObj *ag = AG(agen);
    if (!ag->hooks_inited) {
        ag->hooks_inited = true;
        ag->finalizer = vm_asyncgen_firstiter(agen);
        if (ag->finalizer)
            live_append(ag);
    }
    Obj *locals[2] = {agen, arg ? arg : None};
    return vm_coro_new(awaitable_code[mode], locals, 2, agen);
}

Obj *agen_aclose(Obj *agen)
{
    return awaitable_new(agen, AGEN_ACLOSE, NULL);
}

static Obj *am_aiter(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__aiter__", nargs, kw, 0, 0))
        return NULL;
    INCREF(self);
    return self;
}

static Obj *am_anext(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__anext__", nargs, kw, 0, 0))
        return NULL;
    return awaitable_new(self, AGEN_ASEND, NULL);
}

static Obj *am_asend(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_one_arg("asend", nargs, kw))
        return NULL;
    return awaitable_new(self, AGEN_ASEND, args[0]);
}

static Obj *am_athrow(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_range_nargs("athrow", nargs, kw, 1, 3))
        return NULL;
    Obj *typ = args[0], *exc = NULL;
    if (IS(typ, ClassClass) && ((Class *)typ)->is_exception) {
        exc = nargs > 1 && args[1] != None ? vm_call1(typ, args[1]) : vm_call0(typ);
        if (!exc)
            return NULL;
    } else if (typ->cls->is_exception) {
        if (nargs > 1 && args[1] != None)
            return err_null(&TypeErrorClass, "instance exception may not have a separate value");
        INCREF(typ);
        exc = typ;
    } else {
        return err_null(&TypeErrorClass, "exceptions must be classes or instances deriving from BaseException, not %s",
                        obj_type_name(typ));
    }
    Obj *aw = awaitable_new(self, AGEN_ATHROW, exc);
    DECREF(exc);
    return aw;
}

static Obj *am_aclose(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("aclose", nargs, kw, 0, 0))
        return NULL;
    return agen_aclose(self);
}

void agen_init(void)
{
    class_init(&AsyncGenClass);
    class_add_method(&AsyncGenClass, "__aiter__", am_aiter);
    class_add_method(&AsyncGenClass, "__anext__", am_anext);
    class_add_method(&AsyncGenClass, "asend", am_asend);
    class_add_method(&AsyncGenClass, "athrow", am_athrow);
    class_add_method(&AsyncGenClass, "aclose", am_aclose);
    /* the previous run's objects went with obj_teardown */
    live_head = live_tail = NULL;
    for (int m = 0; m < AGEN_MODES; m++)
        awaitable_code[m] = awaitable_code_new((AgenMode)m);
}
