/* vm_gen.c: generator and coroutine objects.
 * Owns: a suspended frame plus resuming it (gen_send, gen_throw,
 * gen_close), the send/throw/close methods and coroutine __await__, the
 * await chain of a coroutine (its innermost user frame, line and
 * arguments, for the viewer) and freeing a generator. Leaves running the
 * frame to vm_eval.c and frames to vm.c (shared through vm_int.h). */
#include "vm_int.h"

#include "../objects/agen.h"
#include "builtins.h"
#include "suggest.h"
#include "../objects/klass.h"
#include "../objects/exgroup.h"
#include "../objects/ops.h"
#include "../objects/set.h"

#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------- generators/coroutines */

static void gen_repr(Obj *o, Buf *out)
{
    GenObj *g = (GenObj *)o;
    buf_printf(out, "<%s object %s>", o->cls->name, STR_S(g->qualname));
}

Class GenClass = {.name = "generator", .kind = K_GEN, .base = &ObjectClass, .repr = gen_repr,
                  .dealloc = gen_release, .free_mem = gen_free_mem, .builtin = true};
Class CoroClass = {.name = "coroutine", .kind = K_CORO, .base = &ObjectClass, .repr = gen_repr,
                   .dealloc = gen_release, .free_mem = gen_free_mem, .builtin = true};

/* cls: GenClass, CoroClass or AsyncGenClass (size: its object size). */
Obj *gen_new(Frame *f, Class *cls, size_t size, Obj *name, Obj *qualname)
{
    GenObj *g = (GenObj *)obj_alloc(cls, size);
    g->frame = f;
    f->gen = g;
    g->state = GEN_CREATED;
    g->name = name;
    INCREF(g->name);
    g->qualname = qualname;
    INCREF(g->qualname);
    g->created_line = vm_current_line();
    return &g->hdr;
}

Obj *vm_coro_new(CodeObj *code, Obj **locals, int n, Obj *delegate)
{
    Frame *f = frame_new(code, NULL, vm.builtins);
    for (int i = 0; i < n && i < f->nfast; i++) {
        INCREF(locals[i]);
        f->fast[i] = locals[i];
    }
    INCREF(delegate);
    f->delegate = delegate;
    return gen_new(f, &CoroClass, sizeof(GenObj), code->name, code->qualname);
}

bool vm_set_await_shortcut(Obj *fn, CFunc fast)
{
    enum { N = sizeof vm.hooks.await_fn / sizeof vm.hooks.await_fn[0] };
    if (!fn) {
        for (int i = 0; i < N; i++) {
            if (vm.hooks.await_fn[i])
                ((FuncObj *)vm.hooks.await_fn[i])->code->flags &= ~CO_AWAIT_SHORTCUT;
            XDECREF(vm.hooks.await_fn[i]);
            vm.hooks.await_fn[i] = NULL;
            vm.hooks.await_fast[i] = NULL;
        }
        return true;
    }
    if (!IS(fn, FuncClass))
        return false;
    for (int i = 0; i < N; i++)
        if (!vm.hooks.await_fn[i]) {
            ((FuncObj *)fn)->code->flags |= CO_AWAIT_SHORTCUT;
            ((FuncObj *)fn)->code->await_ix = i;
            INCREF(fn);
            vm.hooks.await_fn[i] = fn;
            vm.hooks.await_fast[i] = fast;
            return true;
        }
    return false;
}

Obj *vm_await_shortcut(Obj *fn, Obj **args, int nargs)
{
    if (IS(fn, BoundClass))
        return vm_await_shortcut_on(((BoundObj *)fn)->func, ((BoundObj *)fn)->self, args, nargs);
    return vm_await_shortcut_on(fn, NULL, args, nargs);
}

static uint64_t shortcuts_taken;
uint64_t vm_await_shortcuts(void) { return shortcuts_taken; }

Obj *vm_await_shortcut_on(Obj *fn, Obj *self, Obj **args, int nargs)
{
    if (!IS(fn, FuncClass) || !(((FuncObj *)fn)->code->flags & CO_AWAIT_SHORTCUT))
        return NULL;
    /* where its code's function was put; another function of the same
     * code (a def run twice) is looked for in the whole table */
    size_t i = (size_t)((FuncObj *)fn)->code->await_ix;
    if (vm.hooks.await_fn[i] != fn)
        for (i = 0; i < sizeof vm.hooks.await_fn / sizeof vm.hooks.await_fn[0] && vm.hooks.await_fn[i] != fn; i++)
            if (!vm.hooks.await_fn[i])
                return NULL;
    if (i == sizeof vm.hooks.await_fn / sizeof vm.hooks.await_fn[0])
        return NULL;
    Obj *aw = vm.hooks.await_fast[i](self, args, nargs, NULL);
    shortcuts_taken += aw != NULL;
    return aw;
}

Obj *vm_asyncgen_firstiter(Obj *agen)
{
    return vm.hooks.asyncgen_firstiter && vm.initialised ? vm.hooks.asyncgen_firstiter(vm.hooks.ud, agen) : NULL;
}

/* "generator", "coroutine" or "async generator", for messages. */
static const char *gen_kind(Obj *o)
{
    return o->cls == &AsyncGenClass ? "async generator" : o->cls->name;
}

void gen_release(Obj *o)
{
    GenObj *g = (GenObj *)o;
    /* an async generator's awaitable starts out awaiting it: never reported */
    if (g->state == GEN_CREATED && o->cls == &CoroClass && !(g->frame && g->frame->delegate) &&
        vm.hooks.never_awaited && vm.initialised)
        vm.hooks.never_awaited(vm.hooks.ud, g);
    if (g->state == GEN_SUSPENDED && g->frame) {
        o->rc++; /* keep alive while closing */
        gen_close(o);
        o->rc--;
    }
    frame_free(g->frame);
    g->frame = NULL;
    XDECREF(g->name);
    XDECREF(g->qualname);
}


static GenResult gen_resume(Obj *o, Resume how, Obj *value, Obj **out)
{
    GenObj *g = (GenObj *)o;
    *out = NULL;
    bool coro = o->cls == &CoroClass;
    if (g->state == GEN_RUNNING) {
        err_format(&ValueErrorClass, "%s already executing", gen_kind(o));
        return GEN_RAISED;
    }
    if (g->state == GEN_CLOSED) {
        if (how == R_THROW) {
            err_set((INCREF(value), value));
            return GEN_RAISED;
        }
        if (coro) {
            err_format(&RuntimeErrorClass, "cannot reuse already awaited coroutine");
            return GEN_RAISED;
        }
        INCREF(None);
        *out = None;
        return GEN_RETURNED;
    }
    if (g->state == GEN_CREATED && how == R_SEND && value != None) {
        err_format(&TypeErrorClass, "can't send non-None value to a just-started %s", gen_kind(o));
        return GEN_RAISED;
    }
    if (g->state == GEN_CREATED && how == R_SEND)
        how = R_START;
    g->state = GEN_RUNNING;
    INCREF(o);
    XStatus st = frame_exec(g->frame, how, value, out);
    GenResult r;
    if (st == X_YIELD) {
        g->state = GEN_SUSPENDED;
        r = GEN_YIELDED;
    } else {
        g->state = GEN_CLOSED;
        Frame *f = g->frame;
        g->frame = NULL;
        g->last_line = f->code->flags & CO_LIBRARY ? 0 : frame_line(f); /* the library's lines are not the scenario's */
        frame_free(f);
        r = st == X_RETURN ? GEN_RETURNED : GEN_RAISED;
        bool agen = o->cls == &AsyncGenClass;
        if (r == GEN_RAISED && (err_matches(&StopIterationClass) || (agen && err_matches(&StopAsyncIterationClass)))) {
            Obj *e = err_fetch();
            err_format(&RuntimeErrorClass, "%s raised %s", gen_kind(o), e->cls->name);
            DECREF(e);
        }
    }
    DECREF(o);
    return r;
}

GenResult gen_send(Obj *gen, Obj *value, Obj **out)
{
    return gen_resume(gen, R_SEND, value ? value : None, out);
}

GenResult gen_throw(Obj *gen, Obj *exc, Obj **out)
{
    GenObj *g = (GenObj *)gen;
    if (g->state == GEN_CREATED && !g->frame->delegate) {
        /* throwing into an unstarted generator raises at its first line
         * (an async generator's awaitable passes it on instead) */
        g->state = GEN_CLOSED;
        Frame *f = g->frame;
        g->frame = NULL;
        frame_free(f);
        *out = NULL;
        INCREF(exc);
        err_set(exc);
        return GEN_RAISED;
    }
    return gen_resume(gen, R_THROW, exc, out);
}

void gen_close(Obj *gen)
{
    GenObj *g = (GenObj *)gen;
    if (g->state != GEN_SUSPENDED)
        return;
    Obj *saved = err_fetch();
    Obj *exit_exc = exc_new(&GeneratorExitClass, NULL);
    Obj *out = NULL;
    GenResult r = gen_resume(gen, R_THROW, exit_exc, &out);
    DECREF(exit_exc);
    XDECREF(out);
    if (r == GEN_YIELDED) {
        /* ignored GeneratorExit: CPython reports it as unraisable; we drop it */
        g->state = GEN_CLOSED;
        frame_free(g->frame);
        g->frame = NULL;
    }
    err_clear();
    if (saved)
        err_set(saved);
}

/* ---- the send/throw/close methods of generators and coroutines */


static Obj *gen_result_obj(GenResult r, Obj *out)
{
    if (r == GEN_YIELDED)
        return out;
    if (r == GEN_RAISED)
        return NULL;
    Obj *stop = vm_call1(&StopIterationClass.hdr, out); /* StopIteration(value) */
    DECREF(out);
    if (stop)
        err_set(stop);
    return NULL;
}

Obj *gm_send(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_one_arg("send", nargs, kw))
        return NULL;
    GenObj *g = (GenObj *)self;
    if (g->state == GEN_CREATED && args[0] != None)
        return err_null(&TypeErrorClass, "can't send non-None value to a just-started %s", gen_kind(self));
    Obj *out = NULL;
    GenResult r = gen_send(self, args[0], &out);
    return gen_result_obj(r, out);
}

Obj *gm_throw(Obj *self, Obj **args, int nargs, Obj *kw)
{
    if (!vm_one_arg("throw", nargs, kw))
        return NULL;
    Obj *exc = make_exception(args[0]);
    if (!exc)
        return NULL;
    Obj *out = NULL;
    GenResult r = gen_throw(self, exc, &out);
    DECREF(exc);
    return gen_result_obj(r, out);
}

/* coro.__await__(): the iterator awaiting drives. loopscope hands back the
 * coroutine itself, which a class's __await__ may return (the usual
 * `return self.run().__await__()`); I_AWAIT drives it like an awaited one. */
Obj *cm_await(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("__await__", nargs, kw, 0, 0))
        return NULL;
    INCREF(self);
    return self;
}

Obj *gm_close(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)args;
    if (!vm_check_nargs("close", nargs, kw, 0, 0))
        return NULL;
    GenObj *g = (GenObj *)self;
    if (g->state == GEN_CREATED) {
        /* closing a never-started coroutine: no "never awaited" warning */
        g->state = GEN_CLOSED;
        frame_free(g->frame);
        g->frame = NULL;
    } else {
        gen_close(self);
    }
    return none_new();
}

static Frame *coro_innermost_user(Obj *coro, Frame **any_out)
{
    Frame *user = NULL, *any = NULL;
    Obj *o = coro;
    while (o && (IS(o, CoroClass) || IS(o, GenClass) || IS(o, AsyncGenClass))) {
        Frame *f = ((GenObj *)o)->frame;
        if (!f)
            break;
        any = f;
        if (!(f->code->flags & CO_LIBRARY))
            user = f;
        o = f->delegate;
    }
    if (any_out)
        *any_out = any;
    return user;
}

bool gen_is_library(Obj *gen)
{
    GenObj *g = (GenObj *)gen;
    return g->frame && (g->frame->code->flags & CO_LIBRARY);
}

bool vm_in_user_code(void)
{
    return vm.current && !(vm.current->code->flags & CO_LIBRARY);
}

int coro_line(Obj *coro)
{
    GenObj *g = (GenObj *)coro;
    if (g->state == GEN_CLOSED)
        return g->last_line;
    Frame *f = coro_innermost_user(coro, NULL);
    return f ? frame_line(f) : 0;
}

void coro_chain(Obj *coro, Buf *out)
{
    Obj *o = coro;
    bool first = true;
    while (o && (IS(o, CoroClass) || IS(o, GenClass) || IS(o, AsyncGenClass))) {
        GenObj *g = (GenObj *)o;
        Frame *f = g->frame;
        if (!f)
            break;
        if (!(f->code->flags & CO_LIBRARY)) {
            if (!first)
                buf_puts(out, " \xe2\x86\x92 ");
            buf_puts(out, STR_S(g->name));
            first = false;
        }
        o = f->delegate;
    }
}

int coro_walk(Obj *coro, Obj **names, int max, int *line)
{
    GenObj *g = (GenObj *)coro;
    Frame *user = NULL;
    int n = 0;
    for (Obj *o = coro; o && (IS(o, CoroClass) || IS(o, GenClass) || IS(o, AsyncGenClass));) {
        Frame *f = ((GenObj *)o)->frame;
        if (!f)
            break;
        if (!(f->code->flags & CO_LIBRARY)) {
            if (n < max)
                names[n] = ((GenObj *)o)->name;
            n++;
            user = f;
        }
        o = f->delegate;
    }
    *line = g->state == GEN_CLOSED ? g->last_line : user ? frame_line(user) : 0;
    return n;
}

bool coro_args(Obj *coro, const CodeObj **code, const FuncObj **func, Obj *const **fast, int *nfast)
{
    GenObj *g = (GenObj *)coro;
    Frame *f = g->frame;
    if (!f || g->state != GEN_CREATED || (f->code->flags & CO_LIBRARY))
        return false;
    *code = f->code;
    *func = f->func;
    *fast = f->fast;
    *nfast = f->nfast;
    return true;
}
