/* agen.c: async generators and for await, as the spec defines them step by
 * step (so V8's microtask order comes out by construction).
 * Owns: the async generator object's request queue (next/throw/return each
 * return a promise and queue a request; the generator serves them in
 * order), resuming its frame (through vm.c's async stepping, so awaits
 * inside it are ordinary awaits), what a yield, a return and a throw do to
 * the queue (AsyncGeneratorYield, CompleteStep, DrainQueue, AwaitReturn),
 * and the steps of for await: the next() promise of an async iterator or
 * of a sync one wrapped as CreateAsyncFromSyncIterator does, reading the
 * awaited result, and AsyncIteratorClose on break and return.
 * Leaves the await machinery and frames to vm.c and iterator records to
 * iter.c. Async generators get no card in the viewer (their frames carry
 * task -1). */
#include "natives.h"

#include <string.h>

typedef struct AgenReq {
    int mode;          /* GEN_NEXT, GEN_THROW, GEN_RETURN */
    JsValue value;
    JsObject *promise;
} AgenReq;

typedef struct AgenQueue {
    AgenReq *r;
    int head, n, cap;
    int state;
} AgenQueue;

enum { AG_START, AG_YIELD, AG_RUN, AG_AWAIT_RETURN, AG_DONE };

static AgenQueue *queue_of(Frame *f)
{
    if (!f->agen_queue)
        f->agen_queue = xcalloc(1, sizeof(AgenQueue));
    return f->agen_queue;
}

static void enqueue(Frame *f, int mode, JsValue v, JsObject *p)
{
    AgenQueue *q = queue_of(f);
    if (q->head == q->n) {
        q->head = q->n = 0;
    }
    if (q->n == q->cap) {
        q->cap = q->cap ? q->cap * 2 : 4;
        q->r = xrealloc(q->r, (size_t)q->cap * sizeof(AgenReq));
    }
    q->r[q->n++] = (AgenReq){.mode = mode, .value = v, .promise = p};
}

static bool queue_empty(Frame *f) { return queue_of(f)->head == queue_of(f)->n; }

/* AsyncGeneratorCompleteStep: settle the first request's promise. */
static void complete_step(JsRt *rt, Frame *f, bool threw, JsValue v, bool done)
{
    AgenQueue *q = queue_of(f);
    if (q->head == q->n)
        return;
    AgenReq r = q->r[q->head++];
    if (threw)
        js_promise_reject(rt, r.promise, v);
    else
        js_promise_resolve(rt, r.promise, js_objv(js_iter_result(rt, v, done)));
}

static void drain(JsRt *rt, Frame *f);

/* p.then(fn, fn) for frame f: the fulfilled reaction has arity 0, the
 * rejected one arity 1. */
static void then_frame(JsRt *rt, JsObject *p, JsNativeFn fn, Frame *f)
{
    JsObject *on_f = js_native_new(rt, "", 1, fn);
    JsObject *on_r = js_native_new(rt, "", 1, fn);
    on_f->x.nat.ptr = on_r->x.nat.ptr = f;
    on_f->x.nat.arity = 0;
    on_r->x.nat.arity = 1;
    js_promise_then(rt, p, js_objv(on_f), js_objv(on_r), NULL);
}

/* The reactions of AsyncGeneratorAwaitReturn (arity 0: fulfilled, 1: rejected). */
NATIVE(await_return_done)
{
    (void)self, (void)args, (void)argc;
    Frame *f = fn->x.nat.ptr;
    queue_of(f)->state = AG_DONE;
    complete_step(rt, f, fn->x.nat.arity == 1, ARG(0), true);
    drain(rt, f);
    *out = JS_UNDEF;
    return rt->limit ? -1 : 0;
}

/* AsyncGeneratorAwaitReturn: await the return request's value, then settle it. */
static void await_return(JsRt *rt, Frame *f)
{
    AgenQueue *q = queue_of(f);
    q->state = AG_AWAIT_RETURN;
    JsObject *p = js_promise_resolve_value(rt, q->r[q->head].value);
    if (rt->has_exc) {
        if (rt->limit)
            return;
        JsValue e = js_catch(rt);
        q->state = AG_DONE;
        complete_step(rt, f, true, e, true);
        drain(rt, f);
        return;
    }
    then_frame(rt, p, await_return_done, f);
}

/* AsyncGeneratorDrainQueue: the generator is done; answer what is queued. */
static void drain(JsRt *rt, Frame *f)
{
    while (!queue_empty(f) && !rt->limit) {
        AgenQueue *q = queue_of(f);
        AgenReq r = q->r[q->head];
        if (r.mode == GEN_RETURN) {
            await_return(rt, f);
            return;
        }
        complete_step(rt, f, r.mode == GEN_THROW, r.mode == GEN_THROW ? r.value : JS_UNDEF, true);
    }
}

/* A return request resumed at a yield: Await(value), then return through
 * the finally blocks (arity 0), or throw the rejection there (arity 1). */
NATIVE(return_resumed)
{
    (void)self, (void)args, (void)argc;
    Frame *f = fn->x.nat.ptr;
    if (f->delegating) {
        /* in yield*: the delegate gets return(awaited) or throw(reason) */
        f->delegating = false;
        js_vm_push(f, ARG(0));
        js_vm_push(f, js_num(fn->x.nat.arity == 0 ? GEN_RETURN : GEN_THROW));
        js_vm_async_step(rt, f, false);
    } else {
        if (fn->x.nat.arity == 0)
            f->ret_value = ARG(0);
        js_throw(rt, fn->x.nat.arity == 0 ? js_vm_return_completion(rt) : ARG(0));
        js_vm_async_step(rt, f, true);
    }
    *out = JS_UNDEF;
    return rt->limit ? -1 : 0;
}

/* AsyncGeneratorResume with the request at the head of the queue. */
static void resume(JsRt *rt, Frame *f)
{
    AgenQueue *q = queue_of(f);
    AgenReq r = q->r[q->head];
    int was = q->state;
    q->state = AG_RUN;
    if (was == AG_START) {
        js_vm_async_step(rt, f, false);
        return;
    }
    if (f->delegating && r.mode != GEN_RETURN) {
        /* paused in yield*: the request goes to the delegate as it is (a
         * return's value is awaited first, below, as at any yield) */
        f->delegating = false;
        js_vm_push(f, r.value);
        js_vm_push(f, js_num(r.mode));
        js_vm_async_step(rt, f, false);
        return;
    }
    if (r.mode == GEN_NEXT) {
        js_vm_push(f, r.value);
        js_vm_async_step(rt, f, false);
    } else if (r.mode == GEN_THROW) {
        js_throw(rt, r.value);
        js_vm_async_step(rt, f, true);
    } else {
        JsObject *p = js_promise_resolve_value(rt, r.value);
        if (rt->has_exc) {
            if (!rt->limit)
                js_vm_async_step(rt, f, true);
            return;
        }
        then_frame(rt, p, return_resumed, f);
    }
}

void js_agen_after(JsRt *rt, Frame *f, ExecStatus st)
{
    AgenQueue *q = queue_of(f);
    if (st == EX_YIELD) {
        /* AsyncGeneratorYield: settle this request; go on if another waits */
        complete_step(rt, f, false, f->result, false);
        q->state = AG_YIELD;
        if (!queue_empty(f))
            resume(rt, f);
        return;
    }
    q->state = AG_DONE;
    if (st == EX_RETURN) {
        complete_step(rt, f, false, f->result, true);
    } else {
        JsValue e = js_catch(rt);
        if (js_vm_is_return_completion(rt, e))
            complete_step(rt, f, false, f->ret_value, true);
        else
            complete_step(rt, f, true, e, true);
    }
    drain(rt, f);
}

/* next/throw/return of %AsyncGeneratorPrototype% (arity = the mode). */
NATIVE(agen_method)
{
    int mode = fn->x.nat.arity;
    JsValue v = ARG(0);
    JsObject *p = js_promise_new(rt);
    *out = js_objv(p);
    if (self.tag != JV_OBJ || self.u.o->kind != JK_GENERATOR || !self.u.o->fnflags) {
        JsObject *e = js_error_new(rt, ERR_TYPE, js_strf(rt, "%s method called on incompatible receiver",
                                                         fn->x.nat.name));
        js_promise_reject(rt, p, js_objv(e));
        return 0;
    }
    Frame *f = self.u.o->x.gen.frame;
    AgenQueue *q = queue_of(f);
    if (mode == GEN_THROW && q->state == AG_START)
        q->state = AG_DONE;
    if (q->state == AG_DONE && mode == GEN_NEXT) {
        js_promise_resolve(rt, p, js_objv(js_iter_result(rt, JS_UNDEF, true)));
        return 0;
    }
    if (q->state == AG_DONE && mode == GEN_THROW) {
        js_promise_reject(rt, p, v);
        return 0;
    }
    enqueue(f, mode, v, p);
    if (mode == GEN_RETURN && (q->state == AG_START || q->state == AG_DONE))
        await_return(rt, f);
    else if (q->state == AG_START || q->state == AG_YIELD)
        resume(rt, f);
    return rt->limit ? -1 : 0;
}

void js_agen_install(JsRt *rt)
{
    rt->async_generator_proto = js_obj_new(rt, JK_OBJECT, rt->async_iterator_proto);
    static const char *const names[] = {"next", "throw", "return"};
    for (int i = 0; i < 3; i++) {
        JsObject *m = js_native_new(rt, names[i], 1, agen_method);
        m->x.nat.arity = i;
        js_define(rt, rt->async_generator_proto, js_intern(rt, names[i]), js_objv(m), 0);
    }
}

void js_agen_free(Frame *f)
{
    AgenQueue *q = f->agen_queue;
    if (!q)
        return;
    xfree(q->r);
    xfree(q);
    f->agen_queue = NULL;
}

/* ---- for await ---- */

/* The fulfilled reaction of a wrapped sync iterator's value: { value, done }
 * (slot[0] holds done). */
NATIVE(from_sync_unwrap)
{
    (void)self, (void)argc;
    *out = js_objv(js_iter_result(rt, ARG(0), js_truthy(fn->x.nat.slot[0])));
    (void)args;
    return 0;
}

/* AsyncFromSyncIteratorContinuation: a promise of { value, done } once
 * value (awaited) settles. */
static JsObject *from_sync_continuation(JsRt *rt, JsValue value, bool done)
{
    JsObject *cp = js_promise_new(rt);
    JsObject *wrapper = js_promise_resolve_value(rt, value);
    if (rt->has_exc) {
        if (!rt->limit)
            js_promise_reject(rt, cp, js_catch(rt));
        return cp;
    }
    JsObject *unwrap = js_native_new(rt, "", 1, from_sync_unwrap);
    unwrap->x.nat.slot[0] = js_bool(done);
    js_promise_then(rt, wrapper, js_objv(unwrap), JS_UNDEF, cp);
    return cp;
}

int js_await_iter_next(JsRt *rt, JsObject *rec, JsValue *out)
{
    if (js_iter_from_sync(rec)) {
        JsValue value;
        bool done;
        if (js_iter_step(rt, rec, &value, &done) < 0) {
            if (rt->limit)
                return -1;
            JsObject *p = js_promise_new(rt);
            js_promise_reject(rt, p, js_catch(rt));
            *out = js_objv(p);
            return 0;
        }
        *out = js_objv(from_sync_continuation(rt, value, done));
        return 0;
    }
    JsProp *np = js_own_prop(rec, rt->s_next);
    JsValue next = np ? np->v : JS_UNDEF;
    if (!js_is_callable(next))
        return js_throw_error(rt, ERR_TYPE, "next is not a function");
    return js_call(rt, next, rec->x.boxed, NULL, 0, out);
}

int js_await_iter_close(JsRt *rt, JsObject *rec, JsValue *out, bool *none)
{
    *none = false;
    JsValue it = rec->x.boxed, method = JS_UNDEF;
    if (js_iter_from_sync(rec)) {
        /* %AsyncFromSyncIteratorPrototype%.return: the sync return(), wrapped */
        bool has_return = rec->x.boxed.tag == JV_OBJ;
        if (has_return && js_get(rt, it, js_intern(rt, "return"), &method) < 0)
            return -1;
        if (!has_return || js_is_nullish(method)) {
            JsObject *p = js_promise_new(rt);
            js_promise_resolve(rt, p, js_objv(js_iter_result(rt, JS_UNDEF, true)));
            *out = js_objv(p);
            return 0;
        }
        JsValue r, value, d;
        if (js_call(rt, method, it, NULL, 0, &r) < 0)
            return -1;
        if (r.tag != JV_OBJ)
            return js_throw_error(rt, ERR_TYPE, "iterator result is not an object");
        if (js_get(rt, r, rt->s_done, &d) < 0 || js_get(rt, r, rt->s_value, &value) < 0)
            return -1;
        *out = js_objv(from_sync_continuation(rt, value, js_truthy(d)));
        return 0;
    }
    if (js_get(rt, it, js_intern(rt, "return"), &method) < 0)
        return -1;
    if (js_is_nullish(method)) {
        *none = true;
        return 0;
    }
    return js_call(rt, method, it, NULL, 0, out);
}

/* ---- yield* in an async generator ---- */

int js_agen_send(JsRt *rt, JsObject *rec, int *mode, JsValue recv, JsValue *out)
{
    if (js_iter_from_sync(rec)) {
        if (*mode == GEN_NEXT && js_iter_from_sync(rec)) {
            /* next(v) of the wrapped sync iterator */
            JsValue value;
            bool done;
            if (js_iter_resume(rt, rec, GEN_NEXT, recv, &value, &done) < 0)
                return -1;
            *out = js_objv(from_sync_continuation(rt, value, done));
            return 0;
        }
        if (*mode == GEN_RETURN) {
            bool none;
            return js_await_iter_close(rt, rec, out, &none);
        }
        JsValue value;
        bool done;
        if (js_iter_resume(rt, rec, GEN_THROW, recv, &value, &done) < 0)
            return -1;
        *out = js_objv(from_sync_continuation(rt, value, done));
        return 0;
    }
    JsValue it = rec->x.boxed, method;
    if (*mode == GEN_NEXT) {
        JsProp *np = js_own_prop(rec, rt->s_next);
        method = np ? np->v : JS_UNDEF;
    } else if (js_get(rt, it, js_intern(rt, *mode == GEN_THROW ? "throw" : "return"), &method) < 0) {
        return -1;
    }
    if (js_is_nullish(method) && *mode == GEN_RETURN) {
        *mode = 3; /* no return(): await the value, then return it */
        *out = recv;
        return 0;
    }
    if (js_is_nullish(method) && *mode == GEN_THROW) {
        JsValue r;
        bool none;
        if (js_await_iter_close(rt, rec, &r, &none) < 0)
            return -1;
        return js_throw_error(rt, ERR_TYPE, "The iterator does not provide a 'throw' method");
    }
    if (!js_is_callable(method))
        return js_throw_error(rt, ERR_TYPE, "%s is not a function", *mode == GEN_NEXT ? "next" : *mode == GEN_THROW ? "throw" : "return");
    return js_call(rt, method, it, &recv, 1, out);
}
