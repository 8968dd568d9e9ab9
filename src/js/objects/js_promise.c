/* promise.c: Promise, following the spec's abstract operations. See promise.h. */
#include "promise.h"

#include <string.h>

static const JsHost *host;
static int promise_ids;

void js_promise_set_host(const JsHost *h)
{
    host = h;
}

JsObject *js_promise_new(JsRt *rt)
{
    JsObject *p = js_obj_new(rt, JK_PROMISE, rt->promise_proto);
    p->x.pr.state = PS_PENDING;
    p->x.pr.value = JS_UNDEF;
    p->x.pr.id = ++promise_ids;
    return p;
}

bool js_is_promise(JsValue v)
{
    return v.tag == JV_OBJ && v.u.o->kind == JK_PROMISE;
}

static void enqueue_reaction(JsRt *rt, JsObject *p, JsReaction *r)
{
    bool rej = p->x.pr.state == PS_REJECTED;
    JsJob j = {.kind = JOB_REACTION, .rejected = rej, .handler = rej ? r->on_rejected : r->on_fulfilled,
               .derived = r->derived, .arg = p->x.pr.value, .promise = p, .recv = r->recv};
    host->enqueue(rt, &j);
}

static void settle(JsRt *rt, JsObject *p, PromiseState st, JsValue v)
{
    if (p->x.pr.state != PS_PENDING)
        return;
    p->x.pr.state = st;
    p->x.pr.value = v;
    JsReaction *r = p->x.pr.reactions;
    p->x.pr.reactions = p->x.pr.last = NULL;
    if (st == PS_REJECTED && !p->x.pr.handled)
        host->rejection(rt, p, false);
    for (; r; r = r->next)
        enqueue_reaction(rt, p, r);
    if (host->settled)
        host->settled(rt, p);
}

void js_promise_reject(JsRt *rt, JsObject *p, JsValue reason)
{
    settle(rt, p, PS_REJECTED, reason);
}

void js_promise_resolve(JsRt *rt, JsObject *p, JsValue v)
{
    if (v.tag == JV_OBJ && v.u.o == p) {
        js_promise_reject(rt, p, js_objv(js_error_new(rt, ERR_TYPE, js_cstr(rt, "Chaining cycle detected for promise #<Promise>"))));
        return;
    }
    if (v.tag != JV_OBJ) {
        settle(rt, p, PS_FULFILLED, v);
        return;
    }
    JsValue then;
    if (js_get(rt, v, rt->s_then, &then) < 0) {
        if (rt->limit)
            return;
        js_promise_reject(rt, p, js_catch(rt));
        return;
    }
    if (!js_is_callable(then)) {
        settle(rt, p, PS_FULFILLED, v);
        return;
    }
    JsJob j = {.kind = JOB_THENABLE, .handler = then, .arg = v, .promise = p};
    host->enqueue(rt, &j);
}

/* PerformPromiseThen, the reaction remembering what then() was called on. */
static void then_on(JsRt *rt, JsObject *p, JsValue on_f, JsValue on_r, JsObject *derived, const char *recv)
{
    JsReaction *r = js_alloc(rt, sizeof *r);
    r->recv = recv;
    r->on_fulfilled = js_is_callable(on_f) ? on_f : JS_UNDEF;
    r->on_rejected = js_is_callable(on_r) ? on_r : JS_UNDEF;
    r->derived = derived;
    if (p->x.pr.state == PS_PENDING) {
        if (p->x.pr.last)
            p->x.pr.last->next = r;
        else
            p->x.pr.reactions = r;
        p->x.pr.last = r;
    } else {
        if (p->x.pr.state == PS_REJECTED && !p->x.pr.handled)
            host->rejection(rt, p, true);
        enqueue_reaction(rt, p, r);
    }
    p->x.pr.handled = true;
}

void js_promise_then(JsRt *rt, JsObject *p, JsValue on_f, JsValue on_r, JsObject *derived)
{
    then_on(rt, p, on_f, on_r, derived, NULL);
}

JsObject *js_promise_resolve_value(JsRt *rt, JsValue v)
{
    if (js_is_promise(v) && v.u.o->proto == rt->promise_proto)
        return v.u.o;
    JsObject *p = js_promise_new(rt);
    js_promise_resolve(rt, p, v);
    return p;
}

/* ---- resolving functions ---- */

/* slot 0: the promise; slot 1: the shared already-resolved flag (a boxed bool) */
static int resolve_fn(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self;
    JsObject *flag = fn->x.nat.slot[1].u.o;
    *out = JS_UNDEF;
    if (flag->x.boxed.u.b)
        return 0;
    flag->x.boxed = js_bool(true);
    JsObject *p = fn->x.nat.slot[0].u.o;
    JsValue v = argc > 0 ? args[0] : JS_UNDEF;
    if (fn->x.nat.arity == 2)
        js_promise_reject(rt, p, v);
    else
        js_promise_resolve(rt, p, v);
    return rt->limit ? -1 : 0;
}

void js_promise_functions(JsRt *rt, JsObject *p, JsValue *resolve, JsValue *reject)
{
    JsObject *flag = js_obj_new(rt, JK_BOXED, NULL);
    flag->x.boxed = js_bool(false);
    JsObject *res = js_native_new(rt, "", 1, resolve_fn);
    JsObject *rej = js_native_new(rt, "", 1, resolve_fn);
    rej->x.nat.arity = 2; /* marks the reject function */
    res->x.nat.slot[0] = rej->x.nat.slot[0] = js_objv(p);
    res->x.nat.slot[1] = rej->x.nat.slot[1] = js_objv(flag);
    *resolve = js_objv(res);
    *reject = js_objv(rej);
}

int js_job_run(JsRt *rt, const JsJob *j)
{
    switch (j->kind) {
    case JOB_CALLBACK: {
        JsValue r;
        return js_call(rt, j->handler, JS_UNDEF, NULL, 0, &r);
    }
    case JOB_THENABLE: {
        JsValue res, rej, r;
        js_promise_functions(rt, j->promise, &res, &rej);
        JsValue a[2] = {res, rej};
        if (js_call(rt, j->handler, j->arg, a, 2, &r) < 0) {
            if (rt->limit)
                return -1;
            JsValue e = js_catch(rt);
            JsValue ignored;
            js_call(rt, rej, JS_UNDEF, &e, 1, &ignored);
        }
        return rt->limit ? -1 : 0;
    }
    case JOB_REACTION: {
        JsValue r = j->arg;
        bool threw = false;
        if (j->handler.tag != JV_UNDEF) {
            JsValue arg = j->arg;
            if (js_call(rt, j->handler, JS_UNDEF, &arg, 1, &r) < 0) {
                if (rt->limit)
                    return -1;
                r = js_catch(rt);
                threw = true;
            }
        } else {
            threw = j->rejected;
        }
        if (j->derived) {
            if (threw)
                js_promise_reject(rt, j->derived, r);
            else
                js_promise_resolve(rt, j->derived, r);
        } else if (threw && j->handler.tag != JV_UNDEF) {
            /* an internal reaction (await) never throws; a bare one has nowhere to go */
        }
        return rt->limit ? -1 : 0;
    }
    }
    return 0;
}

/* ---- Promise and Promise.prototype ---- */

static int this_promise(JsRt *rt, JsValue self, const char *method, JsObject **out)
{
    if (!js_is_promise(self))
        return js_throw_error(rt, ERR_TYPE, "Method Promise.prototype.%s called on incompatible receiver", method);
    *out = self.u.o;
    return 0;
}

static int p_ctor(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    bool constructing = rt->constructing;
    rt->constructing = false;
    if (!constructing || self.tag != JV_OBJ || self.u.o->kind != JK_OBJECT)
        return js_throw_error(rt, ERR_TYPE, "Promise constructor cannot be invoked without 'new'");
    JsValue exec = argc > 0 ? args[0] : JS_UNDEF;
    if (!js_is_callable(exec))
        return js_throw_error(rt, ERR_TYPE, "Promise resolver %s is not a function",
                              exec.tag == JV_UNDEF ? "undefined" : "#<Object>");
    JsObject *p = self.u.o;
    p->kind = JK_PROMISE;
    p->x.pr.state = PS_PENDING;
    p->x.pr.value = JS_UNDEF;
    p->x.pr.id = ++promise_ids;
    JsValue res, rej, r;
    js_promise_functions(rt, p, &res, &rej);
    JsValue a[2] = {res, rej};
    JsObject *outer = rt->executor_of;
    rt->executor_of = p;
    int st = js_call(rt, exec, JS_UNDEF, a, 2, &r);
    rt->executor_of = outer;
    if (st < 0) {
        if (rt->limit)
            return -1;
        JsValue e = js_catch(rt);
        js_call(rt, rej, JS_UNDEF, &e, 1, &r);
    }
    *out = self;
    return 0;
}

static int p_then(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    JsObject *p = NULL;
    if (this_promise(rt, self, "then", &p) < 0)
        return -1;
    JsObject *d = js_promise_new(rt);
    then_on(rt, p, argc > 0 ? args[0] : JS_UNDEF, argc > 1 ? args[1] : JS_UNDEF, d,
            host->receiver ? host->receiver(rt) : NULL);
    *out = js_objv(d);
    return 0;
}

/* Invoke(v, "then", a, b) */
static int invoke_then(JsRt *rt, JsValue v, JsValue a, JsValue b, JsValue *out)
{
    JsValue then;
    if (js_get(rt, v, rt->s_then, &then) < 0)
        return -1;
    if (!js_is_callable(then))
        return js_throw_error(rt, ERR_TYPE, "then is not a function");
    JsValue ab[2] = {a, b};
    return js_call(rt, then, v, ab, 2, out);
}

static int p_catch(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    return invoke_then(rt, self, JS_UNDEF, argc > 0 ? args[0] : JS_UNDEF, out);
}

/* finally's helpers: slot 0 = onFinally, slot 1 = the value or reason */
static int value_thunk(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)rt, (void)self, (void)args, (void)argc;
    *out = fn->x.nat.slot[1];
    return 0;
}

static int thrower(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)args, (void)argc, (void)out;
    return js_throw(rt, fn->x.nat.slot[1]);
}

static int then_finally(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self;
    JsValue r;
    if (js_call(rt, fn->x.nat.slot[0], JS_UNDEF, NULL, 0, &r) < 0)
        return -1;
    JsObject *p = js_promise_resolve_value(rt, r);
    JsObject *k = js_native_new(rt, "", 0, fn->x.nat.arity == 1 ? thrower : value_thunk);
    k->x.nat.slot[1] = argc > 0 ? args[0] : JS_UNDEF;
    return invoke_then(rt, js_objv(p), js_objv(k), JS_UNDEF, out);
}

static int p_finally(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    JsValue on = argc > 0 ? args[0] : JS_UNDEF;
    if (!js_is_callable(on))
        return invoke_then(rt, self, on, on, out);
    JsObject *tf = js_native_new(rt, "", 1, then_finally);
    JsObject *cf = js_native_new(rt, "", 1, then_finally);
    tf->x.nat.slot[0] = cf->x.nat.slot[0] = on;
    tf->x.nat.arity = 0; /* value thunk */
    cf->x.nat.arity = 1; /* thrower */
    return invoke_then(rt, self, js_objv(tf), js_objv(cf), out);
}

static int p_resolve(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    *out = js_objv(js_promise_resolve_value(rt, argc > 0 ? args[0] : JS_UNDEF));
    return 0;
}

static int p_reject(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    JsObject *p = js_promise_new(rt);
    js_promise_reject(rt, p, argc > 0 ? args[0] : JS_UNDEF);
    *out = js_objv(p);
    return 0;
}

/* ---- combinators ---- */

enum { COMB_ALL, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE };

/* The shared state of one combinator call. */
typedef struct Comb {
    JsObject *values;   /* array of results (or errors for any) */
    JsObject *promise;  /* the combined promise (for the host's progress) */
    int remaining;
    JsValue resolve, reject;
    int kind;
} Comb;

/* Element functions: slot 0 = the Comb (boxed pointer through a JK_BOXED
 * holding the index), slot 1 = already-called flag object, slot 2 = index.
 * arity: 0 fulfilled element, 1 rejected element (allSettled), 2 any's reject. */
static int element_fn(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self;
    *out = JS_UNDEF;
    JsObject *flag = fn->x.nat.slot[1].u.o;
    if (flag->x.boxed.u.b)
        return 0;
    flag->x.boxed = js_bool(true);
    Comb *c = fn->x.nat.ptr;
    size_t i = (size_t)fn->x.nat.slot[2].u.n;
    JsValue x = argc > 0 ? args[0] : JS_UNDEF;
    if (c->kind == COMB_ALL_SETTLED) {
        JsObject *o = js_obj_new(rt, JK_OBJECT, rt->object_proto);
        bool rej = fn->x.nat.arity == 1;
        js_define(rt, o, rt->s_status, js_strv(js_intern(rt, rej ? "rejected" : "fulfilled")), PF_ENUM);
        js_define(rt, o, rej ? rt->s_reason : rt->s_value, x, PF_ENUM);
        x = js_objv(o);
    }
    c->values->x.arr.items[i] = x;
    --c->remaining;
    if (host->progress)
        host->progress(rt, c->promise, c->remaining, (int)c->values->x.arr.len);
    if (c->remaining == 0) {
        JsValue arr = js_objv(c->values), r;
        if (c->kind == COMB_ANY) {
            JsObject *e = js_error_new(rt, ERR_AGGREGATE, js_cstr(rt, "All promises were rejected"));
            js_define(rt, e, rt->s_errors, arr, 0);
            JsValue ev = js_objv(e);
            return js_call(rt, c->reject, JS_UNDEF, &ev, 1, &r);
        }
        return js_call(rt, c->resolve, JS_UNDEF, &arr, 1, &r);
    }
    return 0;
}

static JsObject *element(JsRt *rt, Comb *c, size_t index, int arity)
{
    JsObject *flag = js_obj_new(rt, JK_BOXED, NULL);
    flag->x.boxed = js_bool(false);
    JsObject *f = js_native_new(rt, "", 1, element_fn);
    f->x.nat.ptr = c;
    f->x.nat.slot[1] = js_objv(flag);
    f->x.nat.slot[2] = js_num((double)index);
    f->x.nat.arity = arity;
    return f;
}

static const char *const comb_names[] = {"Promise.all", "Promise.allSettled", "Promise.any", "Promise.race"};

const char *js_promise_handler_kind(JsValue handler, int *index)
{
    if (handler.tag != JV_OBJ || handler.u.o->kind != JK_NATIVE)
        return NULL;
    JsObject *f = handler.u.o;
    if (f->x.nat.fn == element_fn) {
        *index = (int)f->x.nat.slot[2].u.n;
        return comb_names[((Comb *)f->x.nat.ptr)->kind];
    }
    if (f->x.nat.fn == resolve_fn)
        return f->x.nat.arity == 2 ? "reject" : "resolve";
    return NULL;
}

static int combinator(JsRt *rt, JsValue self, JsValue *args, int argc, int kind, JsValue *out)
{
    JsObject *p = js_promise_new(rt);
    p->x.pr.origin = comb_names[kind];
    Comb *c = js_alloc(rt, sizeof *c);
    c->kind = kind;
    c->promise = p;
    js_promise_functions(rt, p, &c->resolve, &c->reject);
    *out = js_objv(p);
    JsValue iterable = argc > 0 ? args[0] : JS_UNDEF;
    JsValue presolve;
    if (js_get(rt, self, js_intern(rt, "resolve"), &presolve) < 0)
        goto abrupt;
    if (!js_is_callable(presolve)) {
        js_throw_error(rt, ERR_TYPE, "Promise resolve or reject function is not callable");
        goto abrupt;
    }
    if (iterable.tag != JV_OBJ || iterable.u.o->kind != JK_ARRAY) {
        if (iterable.tag == JV_OBJ && (iterable.u.o->kind == JK_SET)) {
            /* a Set iterates its keys */
        } else if (iterable.tag == JV_OBJ && rt->iterate) {
            /* any other iterable: its values, taken first (vm's iteration) */
            JsObject *items;
            if (rt->iterate(rt, iterable, &items) < 0)
                goto abrupt;
            iterable = js_objv(items);
        } else {
            js_throw_error(rt, ERR_TYPE, "%s is not iterable (cannot read property Symbol(Symbol.iterator))",
                           iterable.tag == JV_UNDEF ? "undefined" : js_typeof(iterable));
            goto abrupt;
        }
    }
    JsObject *src = iterable.u.o;
    c->values = js_array_new(rt, 0);
    c->remaining = 1;
    size_t n = src->kind == JK_ARRAY ? src->x.arr.len : src->x.map.len;
    for (size_t i = 0; i < (src->kind == JK_ARRAY ? src->x.arr.len : src->x.map.len) && i < n + 1000000; i++) {
        JsValue v = src->kind == JK_ARRAY ? src->x.arr.items[i] : src->x.map.keys[i];
        if (v.tag == JV_HOLE)
            v = JS_UNDEF;
        JsValue next, ignored;
        if (js_call(rt, presolve, self, &v, 1, &next) < 0)
            goto abrupt;
        if (kind == COMB_RACE) {
            if (invoke_then(rt, next, c->resolve, c->reject, &ignored) < 0)
                goto abrupt;
            continue;
        }
        js_array_push(rt, c->values, JS_UNDEF);
        c->remaining++;
        JsValue on_f, on_r;
        if (kind == COMB_ALL) {
            on_f = js_objv(element(rt, c, i, 0));
            on_r = c->reject;
        } else if (kind == COMB_ALL_SETTLED) {
            JsObject *ef = element(rt, c, i, 0), *er = element(rt, c, i, 1);
            er->x.nat.slot[1] = ef->x.nat.slot[1]; /* one already-called flag for both */
            on_f = js_objv(ef);
            on_r = js_objv(er);
        } else {
            on_f = c->resolve;
            on_r = js_objv(element(rt, c, i, 2));
        }
        if (invoke_then(rt, next, on_f, on_r, &ignored) < 0)
            goto abrupt;
    }
    if (kind != COMB_RACE && host->progress)
        host->progress(rt, p, c->remaining - 1, (int)c->values->x.arr.len);
    if (kind != COMB_RACE && --c->remaining == 0) {
        JsValue arr = js_objv(c->values), r;
        if (kind == COMB_ANY) {
            JsObject *e = js_error_new(rt, ERR_AGGREGATE, js_cstr(rt, "All promises were rejected"));
            js_define(rt, e, rt->s_errors, arr, 0);
            JsValue ev = js_objv(e);
            js_call(rt, c->reject, JS_UNDEF, &ev, 1, &r);
        } else {
            js_call(rt, c->resolve, JS_UNDEF, &arr, 1, &r);
        }
    }
    return rt->limit ? -1 : 0;
abrupt:
    if (rt->limit)
        return -1;
    {
        JsValue e = js_catch(rt), r;
        js_call(rt, c->reject, JS_UNDEF, &e, 1, &r);
    }
    return 0;
}

static int p_all(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    return combinator(rt, self, args, argc, COMB_ALL, out);
}
static int p_all_settled(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    return combinator(rt, self, args, argc, COMB_ALL_SETTLED, out);
}
static int p_any(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    return combinator(rt, self, args, argc, COMB_ANY, out);
}
static int p_race(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    return combinator(rt, self, args, argc, COMB_RACE, out);
}

static void method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn fn)
{
    js_define(rt, o, js_intern(rt, name), js_objv(js_native_new(rt, name, arity, fn)), 0);
}

void js_promise_install(JsRt *rt)
{
    JsObject *ctor = js_native_new(rt, "Promise", 1, p_ctor);
    ctor->fnflags |= FN_CTOR;
    rt->promise_ctor = ctor;
    js_define(rt, ctor, rt->s_prototype, js_objv(rt->promise_proto), 0);
    js_define(rt, rt->promise_proto, rt->s_constructor, js_objv(ctor), 0);
    method(rt, rt->promise_proto, "then", 2, p_then);
    method(rt, rt->promise_proto, "catch", 1, p_catch);
    method(rt, rt->promise_proto, "finally", 1, p_finally);
    method(rt, ctor, "resolve", 1, p_resolve);
    method(rt, ctor, "reject", 1, p_reject);
    method(rt, ctor, "all", 1, p_all);
    method(rt, ctor, "allSettled", 1, p_all_settled);
    method(rt, ctor, "any", 1, p_any);
    method(rt, ctor, "race", 1, p_race);
    js_define(rt, rt->global, js_intern(rt, "Promise"), js_objv(ctor), 0);
}
