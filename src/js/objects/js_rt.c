/* rt.c: the runtime's life cycle, exceptions and errors. See rt.h. */
#include "rt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const error_names[] = {"Error", "TypeError", "RangeError", "ReferenceError",
                                          "SyntaxError", "EvalError", "URIError", "AggregateError"};

void js_rt_init(JsRt *rt)
{
    memset(rt, 0, sizeof *rt);
    rt->s_length = js_intern(rt, "length");
    rt->s_prototype = js_intern(rt, "prototype");
    rt->s_constructor = js_intern(rt, "constructor");
    rt->s_then = js_intern(rt, "then");
    rt->s_message = js_intern(rt, "message");
    rt->s_name = js_intern(rt, "name");
    rt->s_stack = js_intern(rt, "stack");
    rt->s_value = js_intern(rt, "value");
    rt->s_done = js_intern(rt, "done");
    rt->s_next = js_intern(rt, "next");
    rt->s_errors = js_intern(rt, "errors");
    rt->s_status = js_intern(rt, "status");
    rt->s_reason = js_intern(rt, "reason");
    rt->s_cause = js_intern(rt, "cause");
    rt->object_proto = js_obj_new(rt, JK_OBJECT, NULL);
    rt->function_proto = js_obj_new(rt, JK_NATIVE, rt->object_proto);
    rt->array_proto = js_obj_new(rt, JK_ARRAY, rt->object_proto);
    rt->string_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->number_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->boolean_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->error_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->promise_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->map_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->set_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->iterator_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->generator_proto = js_obj_new(rt, JK_OBJECT, rt->iterator_proto);
    rt->date_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->global = js_obj_new(rt, JK_OBJECT, rt->object_proto);
}

void js_rt_free(JsRt *rt)
{
    for (JsObject *o = rt->heap; o;) {
        JsObject *next = o->next_alloc;
        xfree(o->props);
        if (o->kind == JK_ARRAY)
            xfree(o->x.arr.items);
        if (o->kind == JK_MAP || o->kind == JK_SET) {
            xfree(o->x.map.keys);
            xfree(o->x.map.vals);
        }
        o = next; /* the object itself lives in a js_alloc chunk */
    }
    for (size_t i = 0; i < rt->nblocks; i++)
        xfree(rt->blocks[i]);
    xfree(rt->blocks);
    xfree(rt->interned);
    memset(rt, 0, sizeof *rt);
}

int js_throw(JsRt *rt, JsValue v)
{
    rt->has_exc = true;
    rt->exc = v;
    rt->exc_line = 0;
    return -1;
}

JsObject *js_error_new(JsRt *rt, int type, JsString *msg)
{
    JsObject *proto = rt->error_proto;
    if (type > 0 && type < 8 && rt->error_ctors[type]) {
        JsProp *p = js_own_prop(rt->error_ctors[type], rt->s_prototype);
        if (p && p->v.tag == JV_OBJ)
            proto = p->v.u.o;
    }
    JsObject *e = js_obj_new(rt, JK_ERROR, proto);
    if (msg && msg->len)
        js_define(rt, e, rt->s_message, js_strv(msg), 0);
    js_define(rt, e, rt->s_stack, js_strv(js_strf(rt, "%s%s%s\n    at <anonymous>", error_names[type],
                                                    msg && msg->len ? ": " : "", msg ? msg->s : "")), 0);
    return e;
}

int js_throw_error(JsRt *rt, int type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    JsString *msg = js_vstrf(rt, fmt, ap);
    va_end(ap);
    return js_throw(rt, js_objv(js_error_new(rt, type, msg)));
}

int js_limit(JsRt *rt, const char *what)
{
    if (!rt->limit)
        rt->limit = what;
    rt->has_exc = true;
    rt->exc = JS_UNDEF;
    return -1;
}

JsValue js_catch(JsRt *rt)
{
    JsValue v = rt->exc;
    rt->has_exc = false;
    rt->exc = JS_UNDEF;
    rt->exc_line = 0;
    return v;
}

const char *js_ctor_name(JsRt *rt, JsValue v)
{
    if (v.tag == JV_NULL)
        return "null";
    if (v.tag != JV_OBJ)
        return js_typeof(v);
    JsValue c;
    if (js_get(rt, v, rt->s_constructor, &c) < 0) {
        js_catch(rt);
        return "Object";
    }
    if (c.tag == JV_OBJ && c.u.o->kind == JK_NATIVE && !js_own_prop(c.u.o, rt->s_name))
        return c.u.o->x.nat.name && *c.u.o->x.nat.name ? c.u.o->x.nat.name : "Object";
    if (c.tag == JV_OBJ) {
        JsValue n;
        if (js_get(rt, c, rt->s_name, &n) < 0) {
            js_catch(rt);
            return "Object";
        }
        if (n.tag == JV_STR && n.u.s->len)
            return n.u.s->s;
    }
    return "Object";
}
