/* js_abort.c: AbortController and AbortSignal, with AbortSignal.timeout on
 * the virtual clock (its timer is unref'd, as in Node: it does not keep the
 * loop alive), and the DOMException their reasons are.
 * Owns: signals (aborted, reason, listeners, onabort) and dispatching the
 * abort event synchronously, in the order the listeners were added. Leaves
 * timers to js_loop.c. */
#include "loop.h"
#include "../vm/natives.h"

#include <string.h>

static JsObject *signal_proto, *controller_proto, *dom_exception_ctor;

/* new DOMException(message, name) */
NATIVE(dom_exception)
{
    UNUSED;
    bool constructing = rt->constructing;
    rt->constructing = false;
    JsObject *e;
    if (constructing && self.tag == JV_OBJ) {
        e = self.u.o;
        e->kind = JK_ERROR;
    } else {
        return js_throw_error(rt, ERR_TYPE, "Class constructor DOMException cannot be invoked without 'new'");
    }
    JsString *msg = js_intern(rt, ""), *name = js_intern(rt, "Error");
    if (ARG(0).tag != JV_UNDEF && js_to_string(rt, ARG(0), &msg) < 0)
        return -1;
    if (ARG(1).tag != JV_UNDEF && js_to_string(rt, ARG(1), &name) < 0)
        return -1;
    js_define(rt, e, rt->s_message, js_strv(msg), 0);
    js_define(rt, e, rt->s_name, js_strv(name), 0);
    js_define(rt, e, rt->s_stack, js_strv(js_strf(rt, "%s: %s\n    at <anonymous>", name->s, msg->s)), 0);
    *out = js_objv(e);
    return 0;
}

static JsValue dom_error(JsRt *rt, const char *msg, const char *name)
{
    JsValue a[2] = {js_strv(js_cstr(rt, msg)), js_strv(js_cstr(rt, name))}, r = JS_UNDEF;
    if (rt->construct(rt, js_objv(dom_exception_ctor), a, 2, &r) < 0)
        return js_catch(rt);
    return r;
}

static JsObject *signal_new(JsRt *rt)
{
    JsObject *s = js_obj_new(rt, JK_SIGNAL, signal_proto);
    s->x.boxed = js_objv(js_array_new(rt, 0)); /* listeners */
    js_define(rt, s, js_intern(rt, "aborted"), js_bool(false), PF_ENUM);
    js_define(rt, s, rt->s_reason, JS_UNDEF, 0);
    return s;
}

/* Abort s with reason: set the state, then call onabort and the listeners. */
static int signal_abort(JsRt *rt, JsObject *s, JsValue reason)
{
    JsProp *ab = js_own_prop(s, js_intern(rt, "aborted"));
    if (ab && js_truthy(ab->v))
        return 0;
    if (reason.tag == JV_UNDEF)
        reason = dom_error(rt, "This operation was aborted", "AbortError");
    js_define(rt, s, js_intern(rt, "aborted"), js_bool(true), PF_ENUM);
    js_define(rt, s, rt->s_reason, reason, 0);
    JsObject *ev = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, ev, js_intern(rt, "type"), js_strv(js_intern(rt, "abort")), PF_ENUM);
    js_define(rt, ev, js_intern(rt, "target"), js_objv(s), 0);
    JsValue evv = js_objv(ev), r, on;
    if (js_get(rt, js_objv(s), js_intern(rt, "onabort"), &on) < 0)
        return -1;
    if (js_is_callable(on) && js_call(rt, on, js_objv(s), &evv, 1, &r) < 0)
        return -1;
    JsObject *ls = s->x.boxed.u.o;
    size_t n = ls->x.arr.len;
    for (size_t i = 0; i < n && i < ls->x.arr.len; i++)
        if (js_call(rt, ls->x.arr.items[i], js_objv(s), &evv, 1, &r) < 0)
            return -1;
    ls->x.arr.len = 0;
    return 0;
}

static int this_signal(JsRt *rt, JsValue self, JsObject **out)
{
    if (self.tag != JV_OBJ || self.u.o->kind != JK_SIGNAL)
        return js_throw_error(rt, ERR_TYPE, "Value of \"this\" must be of type AbortSignal");
    *out = self.u.o;
    return 0;
}

/* addEventListener(type, fn) / removeEventListener(type, fn): arity 0 / 1 */
NATIVE(signal_listener)
{
    UNUSED;
    JsObject *s = NULL;
    *out = JS_UNDEF;
    if (this_signal(rt, self, &s) < 0)
        return -1;
    JsString *type;
    if (js_to_string(rt, ARG(0), &type) < 0)
        return -1;
    if (strcmp(type->s, "abort") != 0 || !js_is_callable(ARG(1)))
        return 0;
    JsObject *ls = s->x.boxed.u.o;
    for (size_t i = 0; i < ls->x.arr.len; i++) {
        if (js_strict_equals(ls->x.arr.items[i], ARG(1))) {
            if (fn->x.nat.arity == 1) {
                memmove(ls->x.arr.items + i, ls->x.arr.items + i + 1, (ls->x.arr.len - i - 1) * sizeof(JsValue));
                ls->x.arr.len--;
            }
            return 0;
        }
    }
    if (fn->x.nat.arity == 0)
        js_array_push(rt, ls, ARG(1));
    return 0;
}

NATIVE(signal_throw_if_aborted)
{
    UNUSED;
    JsObject *s = NULL;
    *out = JS_UNDEF;
    if (this_signal(rt, self, &s) < 0)
        return -1;
    JsProp *ab = js_own_prop(s, js_intern(rt, "aborted"));
    if (ab && js_truthy(ab->v)) {
        JsProp *rp = js_own_prop(s, rt->s_reason);
        return js_throw(rt, rp ? rp->v : JS_UNDEF);
    }
    return 0;
}

/* the timer of AbortSignal.timeout: slot 0 the signal */
NATIVE(timeout_fire)
{
    UNUSED;
    *out = JS_UNDEF;
    return signal_abort(rt, fn->x.nat.slot[0].u.o,
                        dom_error(rt, "The operation was aborted due to timeout", "TimeoutError"));
}

NATIVE(signal_timeout)
{
    UNUSED;
    double ms;
    if (js_to_number(rt, ARG(0), &ms) < 0)
        return -1;
    if (!(ms >= 0 && ms <= 4294967295.0))
        return js_throw_error(rt, ERR_RANGE, "The value of \"delay\" is out of range.");
    JsObject *s = signal_new(rt);
    JsObject *cb = js_native_new(rt, "", 0, timeout_fire);
    cb->x.nat.slot[0] = js_objv(s);
    js_loop_timeout(rt->loop, js_objv(cb), (int64_t)ms, false);
    *out = js_objv(s);
    return 0;
}

NATIVE(signal_abort_static)
{
    UNUSED;
    JsObject *s = signal_new(rt);
    *out = js_objv(s);
    return signal_abort(rt, s, ARG(0));
}

NATIVE(signal_ctor)
{
    UNUSED;
    (void)out;
    rt->constructing = false;
    return js_throw_error(rt, ERR_TYPE, "Illegal constructor");
}

NATIVE(controller_ctor)
{
    UNUSED;
    bool constructing = rt->constructing;
    rt->constructing = false;
    if (!constructing || self.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Class constructor AbortController cannot be invoked without 'new'");
    js_define(rt, self.u.o, js_intern(rt, "signal"), js_objv(signal_new(rt)), PF_ENUM);
    *out = self;
    return 0;
}

NATIVE(controller_abort)
{
    UNUSED;
    JsValue s;
    *out = JS_UNDEF;
    if (js_get(rt, self, js_intern(rt, "signal"), &s) < 0)
        return -1;
    if (s.tag != JV_OBJ || s.u.o->kind != JK_SIGNAL)
        return js_throw_error(rt, ERR_TYPE, "Value of \"this\" must be of type AbortController");
    return signal_abort(rt, s.u.o, ARG(0));
}

void js_abort_install(Loop *L)
{
    JsRt *rt = L->rt;
    JsObject *dproto = js_obj_new(rt, JK_OBJECT, rt->error_proto);
    dom_exception_ctor = js_native_ctor(rt, "DOMException", 2, dom_exception, dproto);
    signal_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    JsObject *S = js_native_ctor(rt, "AbortSignal", 0, signal_ctor, signal_proto);
    js_native_method(rt, signal_proto, "addEventListener", 2, signal_listener)->x.nat.arity = 0;
    js_native_method(rt, signal_proto, "removeEventListener", 2, signal_listener)->x.nat.arity = 1;
    js_native_method(rt, signal_proto, "throwIfAborted", 0, signal_throw_if_aborted);
    js_native_method(rt, S, "timeout", 1, signal_timeout);
    js_native_method(rt, S, "abort", 1, signal_abort_static);
    controller_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_native_ctor(rt, "AbortController", 0, controller_ctor, controller_proto);
    js_native_method(rt, controller_proto, "abort", 1, controller_abort);
}
