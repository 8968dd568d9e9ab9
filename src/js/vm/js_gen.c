/* gen.c: generator objects. See vm.h.
 * Owns: resuming a generator's frame with next(v), throw(e) or return(v)
 * (return sends a completion that only finally blocks see, so they run,
 * and a finally that yields or returns wins, as in the spec), resuming a
 * frame paused inside yield* (the mode and value go to the delegate), and
 * %GeneratorPrototype%'s next/throw/return. Leaves the frames themselves to
 * vm.c and async generators to agen.c. */
#include "natives.h"

int js_gen_resume(JsRt *rt, JsObject *g, int mode, JsValue v, JsValue *value, bool *done)
{
    Frame *f = g->x.gen.frame;
    *value = JS_UNDEF;
    *done = true;
    if (g->x.gen.running)
        return js_throw_error(rt, ERR_TYPE, "Generator is already running");
    if (g->x.gen.done || (!g->x.gen.started && mode != GEN_NEXT)) {
        g->x.gen.done = true;
        if (mode == GEN_THROW)
            return js_throw(rt, v);
        *value = mode == GEN_RETURN ? v : JS_UNDEF;
        return 0;
    }
    bool throwing = false;
    if (!g->x.gen.started) {
        g->x.gen.started = true;
    } else if (f->delegating) {
        /* paused in yield*: the delegate gets the value and the mode */
        f->delegating = false;
        js_vm_push(f, v);
        js_vm_push(f, js_num(mode));
    } else if (mode == GEN_NEXT) {
        js_vm_push(f, v);
    } else {
        if (mode == GEN_RETURN)
            f->ret_value = v;
        rt->has_exc = true;
        rt->exc = mode == GEN_THROW ? v : js_vm_return_completion(rt);
        rt->exc_line = 0;
        throwing = true;
    }
    if (++rt->depth > rt->max_depth) {
        rt->depth--;
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    }
    g->x.gen.running = true;
    ExecStatus st = js_vm_exec(rt, f, throwing);
    g->x.gen.running = false;
    rt->depth--;
    if (st == EX_THROW) {
        g->x.gen.done = true;
        if (!rt->limit && js_vm_is_return_completion(rt, rt->exc)) {
            js_catch(rt);
            *value = f->ret_value;
            return 0;
        }
        return -1;
    }
    *value = f->result;
    *done = st != EX_YIELD;
    g->x.gen.done = *done;
    return 0;
}

NATIVE(gen_method)
{
    if (self.tag != JV_OBJ || self.u.o->kind != JK_GENERATOR || self.u.o->fnflags)
        return js_throw_error(rt, ERR_TYPE, "%s method called on incompatible receiver", fn->x.nat.name);
    JsValue value;
    bool done;
    if (js_gen_resume(rt, self.u.o, fn->x.nat.arity, ARG(0), &value, &done) < 0)
        return -1;
    (void)argc;
    *out = js_objv(js_iter_result(rt, value, done));
    return 0;
}

void js_gen_install(JsRt *rt)
{
    static const char *const names[] = {"next", "throw", "return"};
    for (int i = 0; i < 3; i++) {
        JsObject *m = js_native_new(rt, names[i], 1, gen_method);
        m->x.nat.arity = i;
        js_define(rt, rt->generator_proto, js_intern(rt, names[i]), js_objv(m), 0);
    }
}
