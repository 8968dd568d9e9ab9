/* builtins.c: the global objects a scenario can use that do not touch the
 * loop: Object, Function.prototype, Array, String, Number, Boolean, Math,
 * JSON, the Error family, Map and Set, and the global functions. Timers,
 * console, process and Date live in loop/ (they need the virtual clock
 * and the recording). Math.random is seeded (fixed, so runs repeat). */
#include "../objects/bigint.h"
#include "../objects/symbol.h"
#include "../objects/regexp.h"
#include "natives.h"
#include "../objects/inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

JsObject *js_native_method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn f)
{
    return js_method(rt, o, name, arity, f);
}

JsObject *js_native_ctor(JsRt *rt, const char *name, int arity, JsNativeFn f, JsObject *proto)
{
    JsObject *c = js_native_class(rt, name, arity, f, proto);
    c->fnflags |= FN_CTOR;
    return c;
}

int js_arg_number(JsRt *rt, JsValue v, double dflt, double *out)
{
    if (v.tag == JV_UNDEF) {
        *out = dflt;
        return 0;
    }
    return js_to_number(rt, v, out);
}

/* ---- Object ---- */

NATIVE(obj_ctor)
{
    UNUSED;
    JsValue v = ARG(0);
    if (v.tag == JV_OBJ) {
        *out = v;
        return 0;
    }
    *out = js_objv(js_obj_new(rt, JK_OBJECT, rt->object_proto));
    return 0;
}

static int to_object(JsRt *rt, JsValue v, JsObject **out)
{
    if (v.tag == JV_OBJ) {
        *out = v.u.o;
        return 0;
    }
    if (js_is_nullish(v))
        return js_throw_error(rt, ERR_TYPE, "Cannot convert undefined or null to object");
    *out = NULL;
    return 0;
}

enum { KV_KEYS, KV_VALUES, KV_ENTRIES };

static void push_kv(JsRt *rt, JsObject *r, int what, JsValue k, JsValue x)
{
    js_array_push(rt, r, what == KV_ENTRIES ? js_objv(js_array_pair(rt, k, x)) : what == KV_KEYS ? k : x);
}

static int keys_values(JsRt *rt, JsValue v, int what, JsValue *out)
{
    JsObject *o = NULL;
    if (to_object(rt, v, &o) < 0)
        return -1;
    JsObject *r = js_array_new(rt, 0);
    *out = js_objv(r);
    if (!o) {
        if (v.tag == JV_STR) {
            JsObject *chars;
            js_vm_iterate_to_array(rt, v, &chars);
            for (size_t i = 0; i < chars->x.arr.len; i++)
                push_kv(rt, r, what, js_strv(js_number_to_string(rt, (double)i)), chars->x.arr.items[i]);
        }
        return 0;
    }
    JsObject *keys = js_own_keys(rt, o, true);
    for (size_t i = 0; i < keys->x.arr.len; i++) {
        JsValue k = keys->x.arr.items[i], x = JS_UNDEF;
        if (what != KV_KEYS && js_get(rt, v, k.u.s, &x) < 0)
            return -1;
        push_kv(rt, r, what, k, x);
    }
    return 0;
}

NATIVE(obj_keys) { UNUSED; return keys_values(rt, ARG(0), KV_KEYS, out); }
NATIVE(obj_values) { UNUSED; return keys_values(rt, ARG(0), KV_VALUES, out); }
NATIVE(obj_entries) { UNUSED; return keys_values(rt, ARG(0), KV_ENTRIES, out); }

NATIVE(obj_assign)
{
    UNUSED;
    JsValue t = ARG(0);
    JsObject *o = NULL;
    if (to_object(rt, t, &o) < 0)
        return -1;
    for (int i = 1; i < argc; i++) {
        if (args[i].tag != JV_OBJ)
            continue;
        JsObject *keys = js_own_keys(rt, args[i].u.o, true);
        for (size_t k = 0; k < keys->x.arr.len; k++) {
            JsValue x;
            if (js_get(rt, args[i], keys->x.arr.items[k].u.s, &x) < 0 ||
                js_set(rt, t, keys->x.arr.items[k].u.s, x) < 0)
                return -1;
        }
    }
    *out = t;
    return 0;
}

NATIVE(obj_freeze)
{
    UNUSED;
    JsValue v = ARG(0);
    if (v.tag == JV_OBJ) {
        JsObject *o = v.u.o;
        o->extensible = false;
        for (int i = 0; i < o->nprops; i++)
            o->props[i].flags |= PF_CONST;
    }
    *out = v;
    return 0;
}

NATIVE(obj_is_frozen)
{
    UNUSED;
    JsValue v = ARG(0);
    *out = js_bool(v.tag != JV_OBJ || !v.u.o->extensible);
    return 0;
}

NATIVE(obj_create)
{
    UNUSED;
    JsValue p = ARG(0);
    if (p.tag != JV_OBJ && p.tag != JV_NULL)
        return js_throw_error(rt, ERR_TYPE, "Object prototype may only be an Object or null: %s", js_typeof(p));
    *out = js_objv(js_obj_new(rt, JK_OBJECT, p.tag == JV_OBJ ? p.u.o : NULL));
    return 0;
}

NATIVE(obj_get_proto)
{
    UNUSED;
    JsValue v = ARG(0);
    JsObject *p = NULL;
    if (v.tag == JV_OBJ)
        p = v.u.o->proto;
    else if (v.tag == JV_STR)
        p = rt->string_proto;
    else if (v.tag == JV_NUM)
        p = rt->number_proto;
    else if (v.tag == JV_BOOL)
        p = rt->boolean_proto;
    else
        return js_throw_error(rt, ERR_TYPE, "Cannot convert undefined or null to object");
    *out = p ? js_objv(p) : JS_NULL;
    return 0;
}

NATIVE(obj_set_proto)
{
    UNUSED;
    JsValue v = ARG(0), p = ARG(1);
    if (v.tag == JV_OBJ)
        v.u.o->proto = p.tag == JV_OBJ ? p.u.o : NULL;
    *out = v;
    return 0;
}

NATIVE(obj_define_property)
{
    UNUSED;
    JsValue v = ARG(0), d = ARG(2);
    if (v.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Object.defineProperty called on non-object");
    if (d.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Property description must be an object");
    JsString *k = js_to_key(rt, ARG(1));
    JsValue val, get, set, en, wr;
    if (js_get(rt, d, rt->s_value, &val) < 0 || js_get(rt, d, js_intern(rt, "get"), &get) < 0 ||
        js_get(rt, d, js_intern(rt, "set"), &set) < 0 || js_get(rt, d, js_intern(rt, "enumerable"), &en) < 0 ||
        js_get(rt, d, js_intern(rt, "writable"), &wr) < 0)
        return -1;
    uint8_t flags = js_truthy(en) ? PF_ENUM : 0;
    if (get.tag != JV_UNDEF || set.tag != JV_UNDEF)
        js_define_accessor(rt, v.u.o, k, get, set, flags);
    else
        js_define(rt, v.u.o, k, val, (uint8_t)(flags | (js_truthy(wr) ? 0 : PF_CONST)));
    *out = v;
    return 0;
}

NATIVE(obj_from_entries)
{
    UNUSED;
    JsObject *items, *o = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    if (js_vm_iterate_to_array(rt, ARG(0), &items) < 0)
        return -1;
    for (size_t i = 0; i < items->x.arr.len; i++) {
        JsValue e = items->x.arr.items[i], k, x;
        if (js_get_elem(rt, e, js_num(0), &k) < 0 || js_get_elem(rt, e, js_num(1), &x) < 0)
            return -1;
        js_define(rt, o, js_to_key(rt, k), x, PF_ENUM);
    }
    *out = js_objv(o);
    return 0;
}

NATIVE(obj_own_names)
{
    UNUSED;
    JsObject *o = NULL;
    if (to_object(rt, ARG(0), &o) < 0)
        return -1;
    *out = js_objv(o ? js_own_keys(rt, o, false) : js_array_new(rt, 0));
    return 0;
}

NATIVE(obj_has_own)
{
    UNUSED;
    JsValue v = argc > 1 && fn->x.nat.arity == 2 ? ARG(0) : self;
    JsValue k = fn->x.nat.arity == 2 ? ARG(1) : ARG(0);
    if (v.tag != JV_OBJ) {
        *out = js_bool(false);
        return 0;
    }
    JsString *key = js_to_key(rt, k);
    bool has = js_own_prop(v.u.o, key) != NULL;
    if (!has && v.u.o->kind == JK_ARRAY) {
        long i = js_array_index(key);
        has = i >= 0 && (size_t)i < v.u.o->x.arr.len && v.u.o->x.arr.items[i].tag != JV_HOLE;
    }
    *out = js_bool(has);
    return 0;
}

NATIVE(obj_to_string)
{
    UNUSED;
    const char *t = "Object";
    if (self.tag == JV_UNDEF)
        t = "Undefined";
    else if (self.tag == JV_NULL)
        t = "Null";
    else if (self.tag == JV_OBJ && self.u.o->kind == JK_ARRAY)
        t = "Array";
    else if (js_is_callable(self))
        t = "Function";
    else if (self.tag == JV_OBJ && self.u.o->kind == JK_ERROR)
        t = "Error";
    else if (self.tag == JV_OBJ && self.u.o->kind == JK_PROMISE)
        t = "Promise";
    else if (self.tag == JV_OBJ && self.u.o->kind == JK_GENERATOR)
        t = self.u.o->fnflags ? "AsyncGenerator" : "Generator";
    else if (self.tag == JV_SYM)
        t = "Symbol";
    else if (self.tag == JV_BIG)
        t = "BigInt";
    *out = js_strv(js_strf(rt, "[object %s]", t));
    return 0;
}

NATIVE(obj_value_of)
{
    UNUSED;
    *out = self;
    return 0;
}

NATIVE(obj_is_proto_of)
{
    UNUSED;
    JsValue v = ARG(0);
    *out = js_bool(false);
    if (v.tag != JV_OBJ || self.tag != JV_OBJ)
        return 0;
    for (JsObject *o = v.u.o->proto; o; o = o->proto)
        if (o == self.u.o)
            *out = js_bool(true);
    return 0;
}

NATIVE(obj_is)
{
    UNUSED;
    JsValue a = ARG(0), b = ARG(1);
    if (a.tag == JV_NUM && b.tag == JV_NUM)
        *out = js_bool((isnan(a.u.n) && isnan(b.u.n)) || (a.u.n == b.u.n && signbit(a.u.n) == signbit(b.u.n)));
    else
        *out = js_bool(js_strict_equals(a, b));
    return 0;
}

/* ---- Function.prototype ---- */

NATIVE(fn_call)
{
    UNUSED;
    return js_call(rt, self, ARG(0), argc > 1 ? args + 1 : NULL, argc > 1 ? argc - 1 : 0, out);
}

NATIVE(fn_apply)
{
    UNUSED;
    JsValue a = ARG(1);
    if (js_is_nullish(a))
        return js_call(rt, self, ARG(0), NULL, 0, out);
    JsObject *items;
    if (js_vm_iterate_to_array(rt, a, &items) < 0)
        return -1;
    return js_call(rt, self, ARG(0), items->x.arr.items, (int)items->x.arr.len, out);
}

/* bound: slot 0 target, slot 1 this, slot 2 array of bound arguments */
NATIVE(bound_call)
{
    (void)self;
    JsObject *bound = fn->x.nat.slot[2].u.o;
    size_t n = bound->x.arr.len + (size_t)argc;
    JsValue *all = xmalloc((n ? n : 1) * sizeof(JsValue));
    memcpy(all, bound->x.arr.items, bound->x.arr.len * sizeof(JsValue));
    if (argc)
        memcpy(all + bound->x.arr.len, args, (size_t)argc * sizeof(JsValue));
    int r;
    if (rt->constructing) {
        rt->constructing = false;
        r = rt->construct(rt, fn->x.nat.slot[0], all, (int)n, out);
    } else {
        r = js_call(rt, fn->x.nat.slot[0], fn->x.nat.slot[1], all, (int)n, out);
    }
    xfree(all);
    return r;
}

NATIVE(fn_bind)
{
    UNUSED;
    if (!js_is_callable(self))
        return js_throw_error(rt, ERR_TYPE, "Bind must be called on a function");
    JsObject *b = js_native_new(rt, "", 0, bound_call);
    b->fnflags |= FN_CTOR;
    JsObject *bargs = js_array_new(rt, 0);
    for (int i = 1; i < argc; i++)
        js_array_push(rt, bargs, args[i]);
    b->x.nat.slot[0] = self;
    b->x.nat.slot[1] = ARG(0);
    b->x.nat.slot[2] = js_objv(bargs);
    JsValue nm;
    if (js_get(rt, self, rt->s_name, &nm) < 0)
        return -1;
    js_define(rt, b, rt->s_name, js_strv(js_strf(rt, "bound %s", nm.tag == JV_STR ? nm.u.s->s : "")), PF_CONST);
    *out = js_objv(b);
    return 0;
}

NATIVE(fn_to_string)
{
    UNUSED;
    JsValue nm = JS_UNDEF;
    if (js_is_callable(self) && js_get(rt, self, rt->s_name, &nm) < 0)
        return -1;
    *out = js_strv(js_strf(rt, "function %s() { [native code] }", nm.tag == JV_STR ? nm.u.s->s : ""));
    return 0;
}

/* ---- Array ---- */

static int this_array(JsRt *rt, JsValue self, JsObject **out)
{
    if (self.tag != JV_OBJ || self.u.o->kind != JK_ARRAY)
        return js_throw_error(rt, ERR_TYPE, "Array.prototype method called on a non-array");
    *out = self.u.o;
    return 0;
}

#define THIS_ARRAY(a)                          \
    JsObject *a = NULL;                        \
    if (this_array(rt, self, &a) < 0)          \
        return -1

static JsValue item(JsObject *a, size_t i)
{
    JsValue v = i < a->x.arr.len ? a->x.arr.items[i] : JS_UNDEF;
    return v.tag == JV_HOLE ? JS_UNDEF : v;
}

NATIVE(arr_ctor)
{
    UNUSED;
    JsObject *a = js_array_new(rt, 0);
    if (argc == 1 && args[0].tag == JV_NUM) {
        double d = args[0].u.n;
        if (!(d >= 0 && d == floor(d) && d < 4294967296.0))
            return js_throw_error(rt, ERR_RANGE, "Invalid array length");
        if (rt->max_items && d > (double)rt->max_items)
            return js_limit(rt, "an array longer than --max-items");
        for (size_t i = 0; i < (size_t)d; i++)
            js_array_push(rt, a, JS_HOLE);
    } else {
        for (int i = 0; i < argc; i++)
            js_array_push(rt, a, args[i]);
    }
    *out = js_objv(a);
    return 0;
}

NATIVE(arr_is_array)
{
    UNUSED;
    *out = js_bool(ARG(0).tag == JV_OBJ && ARG(0).u.o->kind == JK_ARRAY);
    return 0;
}

NATIVE(arr_from)
{
    UNUSED;
    JsValue src = ARG(0), map = ARG(1);
    JsObject *items;
    if (src.tag == JV_OBJ && src.u.o->kind == JK_OBJECT && !js_find_prop(src.u.o, rt->sym_iterator, NULL)) {
        /* an array-like: { length: n } */
        JsValue len;
        double n;
        if (js_get(rt, src, rt->s_length, &len) < 0 || js_to_number(rt, len, &n) < 0)
            return -1;
        n = js_to_integer(n);
        if (n < 0)
            n = 0;
        if (rt->max_items && n > (double)rt->max_items)
            return js_limit(rt, "an array longer than --max-items");
        items = js_array_new(rt, 0);
        for (size_t i = 0; i < (size_t)n; i++) {
            JsValue x;
            if (js_get_elem(rt, src, js_num((double)i), &x) < 0)
                return -1;
            js_array_push(rt, items, x);
        }
    } else if (js_vm_iterate_to_array(rt, src, &items) < 0) {
        return -1;
    }
    if (items == src.u.o && src.tag == JV_OBJ) {
        JsObject *copy = js_array_new(rt, 0);
        for (size_t i = 0; i < items->x.arr.len; i++)
            js_array_push(rt, copy, item(items, i));
        items = copy;
    }
    if (js_is_callable(map)) {
        for (size_t i = 0; i < items->x.arr.len; i++) {
            JsValue a2[2] = {items->x.arr.items[i], js_num((double)i)}, r;
            if (js_call(rt, map, JS_UNDEF, a2, 2, &r) < 0)
                return -1;
            items->x.arr.items[i] = r;
        }
    }
    *out = js_objv(items);
    return 0;
}

NATIVE(arr_of)
{
    UNUSED;
    JsObject *a = js_array_new(rt, 0);
    for (int i = 0; i < argc; i++)
        js_array_push(rt, a, args[i]);
    *out = js_objv(a);
    return 0;
}

NATIVE(arr_push)
{
    UNUSED;
    THIS_ARRAY(a);
    if (rt->max_items && a->x.arr.len + (size_t)argc > rt->max_items)
        return js_limit(rt, "an array longer than --max-items");
    for (int i = 0; i < argc; i++)
        js_array_push(rt, a, args[i]);
    *out = js_num((double)a->x.arr.len);
    return 0;
}

NATIVE(arr_pop)
{
    UNUSED;
    THIS_ARRAY(a);
    *out = a->x.arr.len ? item(a, a->x.arr.len - 1) : JS_UNDEF;
    if (a->x.arr.len)
        a->x.arr.len--;
    return 0;
}

NATIVE(arr_shift)
{
    UNUSED;
    THIS_ARRAY(a);
    if (!a->x.arr.len) {
        *out = JS_UNDEF;
        return 0;
    }
    *out = item(a, 0);
    memmove(a->x.arr.items, a->x.arr.items + 1, (a->x.arr.len - 1) * sizeof(JsValue));
    a->x.arr.len--;
    return 0;
}

NATIVE(arr_unshift)
{
    UNUSED;
    THIS_ARRAY(a);
    for (int i = 0; i < argc; i++)
        js_array_push(rt, a, JS_UNDEF);
    memmove(a->x.arr.items + argc, a->x.arr.items, (a->x.arr.len - (size_t)argc) * sizeof(JsValue));
    for (int i = 0; i < argc; i++)
        a->x.arr.items[i] = args[i];
    *out = js_num((double)a->x.arr.len);
    return 0;
}

/* A relative index argument (negative counts from the end), clamped to [0, len]. */
int js_rel_index(JsRt *rt, JsValue v, size_t len, size_t dflt, size_t *out)
{
    if (v.tag == JV_UNDEF) {
        *out = dflt;
        return 0;
    }
    double d;
    if (js_to_number(rt, v, &d) < 0)
        return -1;
    d = js_to_integer(d);
    if (d < 0)
        d = fmax((double)len + d, 0);
    *out = d > (double)len ? len : (size_t)d;
    return 0;
}

NATIVE(arr_slice)
{
    UNUSED;
    THIS_ARRAY(a);
    size_t s, e;
    if (js_rel_index(rt, ARG(0), a->x.arr.len, 0, &s) < 0 || js_rel_index(rt, ARG(1), a->x.arr.len, a->x.arr.len, &e) < 0)
        return -1;
    JsObject *r = js_array_new(rt, 0);
    for (size_t i = s; i < e; i++)
        js_array_push(rt, r, a->x.arr.items[i]);
    *out = js_objv(r);
    return 0;
}

NATIVE(arr_splice)
{
    UNUSED;
    THIS_ARRAY(a);
    size_t len = a->x.arr.len, s, del;
    if (js_rel_index(rt, ARG(0), len, 0, &s) < 0)
        return -1;
    if (argc < 2) {
        del = len - s;
    } else {
        double d;
        if (js_to_number(rt, args[1], &d) < 0)
            return -1;
        d = js_to_integer(d);
        del = d < 0 ? 0 : d > (double)(len - s) ? len - s : (size_t)d;
    }
    JsObject *removed = js_array_new(rt, 0);
    for (size_t i = 0; i < del; i++)
        js_array_push(rt, removed, a->x.arr.items[s + i]);
    size_t ins = argc > 2 ? (size_t)argc - 2 : 0;
    size_t nlen = len - del + ins;
    JsValue *items = xmalloc((nlen ? nlen : 1) * sizeof(JsValue));
    memcpy(items, a->x.arr.items, s * sizeof(JsValue));
    for (size_t i = 0; i < ins; i++)
        items[s + i] = args[2 + i];
    memcpy(items + s + ins, a->x.arr.items + s + del, (len - s - del) * sizeof(JsValue));
    xfree(a->x.arr.items);
    a->x.arr.items = items;
    a->x.arr.len = a->x.arr.cap = nlen;
    if (!nlen) {
        a->x.arr.cap = 1;
    }
    *out = js_objv(removed);
    return 0;
}

NATIVE(arr_concat)
{
    UNUSED;
    THIS_ARRAY(a);
    JsObject *r = js_array_new(rt, 0);
    for (size_t i = 0; i < a->x.arr.len; i++)
        js_array_push(rt, r, a->x.arr.items[i]);
    for (int k = 0; k < argc; k++) {
        if (args[k].tag == JV_OBJ && args[k].u.o->kind == JK_ARRAY) {
            JsObject *b = args[k].u.o;
            for (size_t i = 0; i < b->x.arr.len; i++)
                js_array_push(rt, r, b->x.arr.items[i]);
        } else {
            js_array_push(rt, r, args[k]);
        }
    }
    *out = js_objv(r);
    return 0;
}

static int join_array(JsRt *rt, JsObject *a, const char *sep, size_t seplen, JsValue *out, int depth)
{
    Buf b;
    buf_init(&b);
    if (depth > 50) {
        *out = js_strv(js_intern(rt, ""));
        buf_free(&b);
        return 0;
    }
    for (size_t i = 0; i < a->x.arr.len; i++) {
        if (i)
            buf_putn(&b, sep, seplen);
        JsValue v = a->x.arr.items[i];
        if (js_is_nullish(v) || v.tag == JV_HOLE)
            continue;
        JsString *s;
        if (v.tag == JV_OBJ && v.u.o->kind == JK_ARRAY) {
            JsValue inner;
            join_array(rt, v.u.o, ",", 1, &inner, depth + 1);
            s = inner.u.s;
        } else if (js_to_string(rt, v, &s) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, s->s, s->len);
        if (rt->max_items && b.len > rt->max_items) {
            buf_free(&b);
            return js_limit(rt, "a string longer than --max-items");
        }
    }
    return js_native_string(rt, &b, out);
}

NATIVE(arr_join)
{
    UNUSED;
    THIS_ARRAY(a);
    JsString *sep = js_intern(rt, ",");
    if (ARG(0).tag != JV_UNDEF && js_to_string(rt, ARG(0), &sep) < 0)
        return -1;
    return join_array(rt, a, sep->s, sep->len, out, 0);
}

NATIVE(arr_to_string)
{
    UNUSED;
    if (self.tag != JV_OBJ || self.u.o->kind != JK_ARRAY)
        return obj_to_string(rt, self, args, argc, fn, out);
    return join_array(rt, self.u.o, ",", 1, out, 0);
}

NATIVE(arr_reverse)
{
    UNUSED;
    THIS_ARRAY(a);
    for (size_t i = 0, j = a->x.arr.len; i + 1 < j; i++, j--) {
        JsValue t = a->x.arr.items[i];
        a->x.arr.items[i] = a->x.arr.items[j - 1];
        a->x.arr.items[j - 1] = t;
    }
    *out = self;
    return 0;
}

NATIVE(arr_index_of)
{
    UNUSED;
    THIS_ARRAY(a);
    bool last = fn->x.nat.arity == 2, includes = fn->x.nat.arity == 3;
    double r = -1;
    for (size_t k = 0; k < a->x.arr.len; k++) {
        size_t i = last ? a->x.arr.len - 1 - k : k;
        JsValue v = includes ? item(a, i) : a->x.arr.items[i];
        if (includes ? js_same_value_zero(v, ARG(0)) : js_strict_equals(v, ARG(0))) {
            r = (double)i;
            break;
        }
    }
    *out = includes ? js_bool(r >= 0) : js_num(r);
    return 0;
}

/* The callback methods: forEach map filter find findIndex findLast
 * findLastIndex some every, chosen by arity. */
enum { CB_FOREACH, CB_MAP, CB_FILTER, CB_FIND, CB_FINDINDEX, CB_SOME, CB_EVERY, CB_FINDLAST, CB_FINDLASTINDEX, CB_FLATMAP };

NATIVE(arr_callback)
{
    THIS_ARRAY(a);
    int kind = fn->x.nat.arity;
    JsValue cb = ARG(0), cbthis = ARG(1);
    if (!js_is_callable(cb)) {
        Buf b;
        buf_init(&b);
        js_inspect(rt, cb, &b);
        int r = js_throw_error(rt, ERR_TYPE, "%s is not a function", b.s);
        buf_free(&b);
        return r;
    }
    JsObject *r = (kind == CB_MAP || kind == CB_FILTER || kind == CB_FLATMAP) ? js_array_new(rt, 0) : NULL;
    size_t len = a->x.arr.len;
    bool backwards = kind == CB_FINDLAST || kind == CB_FINDLASTINDEX;
    for (size_t k = 0; k < len && k < a->x.arr.len; k++) {
        size_t i = backwards ? len - 1 - k : k;
        if (a->x.arr.items[i].tag == JV_HOLE && kind != CB_FIND && kind != CB_FINDINDEX && !backwards) {
            if (kind == CB_MAP)
                js_array_push(rt, r, JS_HOLE);
            continue;
        }
        JsValue v = item(a, i), res;
        JsValue a3[3] = {v, js_num((double)i), self};
        if (js_call(rt, cb, cbthis, a3, 3, &res) < 0)
            return -1;
        bool t = js_truthy(res);
        switch (kind) {
        case CB_MAP: js_array_push(rt, r, res); break;
        case CB_FILTER: if (t) js_array_push(rt, r, v); break;
        case CB_FLATMAP:
            if (res.tag == JV_OBJ && res.u.o->kind == JK_ARRAY)
                for (size_t j = 0; j < res.u.o->x.arr.len; j++)
                    js_array_push(rt, r, res.u.o->x.arr.items[j]);
            else
                js_array_push(rt, r, res);
            break;
        case CB_FIND:
        case CB_FINDLAST:
            if (t) { *out = v; return 0; }
            break;
        case CB_FINDINDEX:
        case CB_FINDLASTINDEX:
            if (t) { *out = js_num((double)i); return 0; }
            break;
        case CB_SOME: if (t) { *out = js_bool(true); return 0; } break;
        case CB_EVERY: if (!t) { *out = js_bool(false); return 0; } break;
        default: break;
        }
    }
    switch (kind) {
    case CB_MAP: case CB_FILTER: case CB_FLATMAP: *out = js_objv(r); break;
    case CB_FINDINDEX: case CB_FINDLASTINDEX: *out = js_num(-1); break;
    case CB_SOME: *out = js_bool(false); break;
    case CB_EVERY: *out = js_bool(true); break;
    default: *out = JS_UNDEF; break;
    }
    return 0;
}

NATIVE(arr_reduce)
{
    UNUSED;
    THIS_ARRAY(a);
    bool right = fn->x.nat.arity == 2;
    JsValue cb = ARG(0);
    if (!js_is_callable(cb))
        return js_throw_error(rt, ERR_TYPE, "%s is not a function", js_typeof(cb));
    size_t len = a->x.arr.len, k = 0;
    JsValue acc;
    if (argc >= 2) {
        acc = args[1];
    } else {
        while (k < len && a->x.arr.items[right ? len - 1 - k : k].tag == JV_HOLE)
            k++;
        if (k >= len)
            return js_throw_error(rt, ERR_TYPE, "Reduce of empty array with no initial value");
        acc = a->x.arr.items[right ? len - 1 - k : k];
        k++;
    }
    for (; k < len && k < a->x.arr.len; k++) {
        size_t i = right ? len - 1 - k : k;
        if (a->x.arr.items[i].tag == JV_HOLE)
            continue;
        JsValue a4[4] = {acc, a->x.arr.items[i], js_num((double)i), self};
        if (js_call(rt, cb, JS_UNDEF, a4, 4, &acc) < 0)
            return -1;
    }
    *out = acc;
    return 0;
}

/* Stable merge sort with a comparator that may throw. */
static int sort_cmp(JsRt *rt, JsValue cmp, JsValue x, JsValue y, double *r)
{
    if (x.tag == JV_UNDEF || y.tag == JV_UNDEF) {
        *r = x.tag == JV_UNDEF ? (y.tag == JV_UNDEF ? 0 : 1) : -1;
        return 0;
    }
    if (js_is_callable(cmp)) {
        JsValue a2[2] = {x, y}, v;
        if (js_call(rt, cmp, JS_UNDEF, a2, 2, &v) < 0)
            return -1;
        return js_to_number(rt, v, r);
    }
    JsString *sx, *sy;
    if (js_to_string(rt, x, &sx) < 0 || js_to_string(rt, y, &sy) < 0)
        return -1;
    *r = strcmp(sx->s, sy->s);
    return 0;
}

static int merge_sort(JsRt *rt, JsValue cmp, JsValue *v, JsValue *tmp, size_t n)
{
    if (n < 2)
        return 0;
    size_t m = n / 2;
    if (merge_sort(rt, cmp, v, tmp, m) < 0 || merge_sort(rt, cmp, v + m, tmp, n - m) < 0)
        return -1;
    size_t i = 0, j = m, k = 0;
    while (i < m && j < n) {
        double r;
        if (sort_cmp(rt, cmp, v[j], v[i], &r) < 0)
            return -1;
        tmp[k++] = r < 0 ? v[j++] : v[i++];
    }
    while (i < m)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, n * sizeof(JsValue));
    return 0;
}

NATIVE(arr_sort)
{
    UNUSED;
    THIS_ARRAY(a);
    JsValue cmp = ARG(0);
    if (cmp.tag != JV_UNDEF && !js_is_callable(cmp))
        return js_throw_error(rt, ERR_TYPE, "The comparison function must be either a function or undefined");
    size_t n = a->x.arr.len;
    JsValue *copy = xmalloc((n ? n : 1) * sizeof(JsValue)), *tmp = xmalloc((n ? n : 1) * sizeof(JsValue));
    for (size_t i = 0; i < n; i++)
        copy[i] = item(a, i);
    int r = merge_sort(rt, cmp, copy, tmp, n);
    if (r == 0)
        for (size_t i = 0; i < n && i < a->x.arr.len; i++)
            a->x.arr.items[i] = copy[i];
    xfree(copy);
    xfree(tmp);
    *out = self;
    return r;
}

static void flatten(JsRt *rt, JsObject *r, JsObject *a, double depth)
{
    for (size_t i = 0; i < a->x.arr.len; i++) {
        JsValue v = a->x.arr.items[i];
        if (v.tag == JV_HOLE)
            continue;
        if (depth >= 1 && v.tag == JV_OBJ && v.u.o->kind == JK_ARRAY)
            flatten(rt, r, v.u.o, depth - 1);
        else
            js_array_push(rt, r, v);
    }
}

NATIVE(arr_flat)
{
    UNUSED;
    THIS_ARRAY(a);
    double d;
    if (js_arg_number(rt, ARG(0), 1, &d) < 0)
        return -1;
    JsObject *r = js_array_new(rt, 0);
    flatten(rt, r, a, d > 100 ? 100 : d);
    *out = js_objv(r);
    return 0;
}

NATIVE(arr_fill)
{
    UNUSED;
    THIS_ARRAY(a);
    size_t s, e;
    if (js_rel_index(rt, ARG(1), a->x.arr.len, 0, &s) < 0 || js_rel_index(rt, ARG(2), a->x.arr.len, a->x.arr.len, &e) < 0)
        return -1;
    for (size_t i = s; i < e; i++)
        a->x.arr.items[i] = ARG(0);
    *out = self;
    return 0;
}

NATIVE(arr_at)
{
    UNUSED;
    double d;
    if (js_to_number(rt, ARG(0), &d) < 0)
        return -1;
    d = js_to_integer(d);
    if (self.tag == JV_STR) {
        JsObject *chars;
        js_vm_iterate_to_array(rt, self, &chars);
        if (d < 0)
            d += (double)chars->x.arr.len;
        *out = d >= 0 && d < (double)chars->x.arr.len ? chars->x.arr.items[(size_t)d] : JS_UNDEF;
        return 0;
    }
    THIS_ARRAY(a);
    if (d < 0)
        d += (double)a->x.arr.len;
    *out = d >= 0 && d < (double)a->x.arr.len ? item(a, (size_t)d) : JS_UNDEF;
    return 0;
}

NATIVE(arr_keys_values)
{
    UNUSED;
    THIS_ARRAY(a);
    JsObject *r = js_array_new(rt, 0);
    for (size_t i = 0; i < a->x.arr.len; i++) {
        if (fn->x.nat.arity == 0) {
            js_array_push(rt, r, js_num((double)i));
        } else if (fn->x.nat.arity == 1) {
            js_array_push(rt, r, item(a, i));
        } else {
            js_array_push(rt, r, js_objv(js_array_pair(rt, js_num((double)i), item(a, i))));
        }
    }
    *out = js_objv(js_array_iterator(rt, r, 1));
    return 0;
}

/* Array.prototype[Symbol.iterator]: a live iterator over the array. */
NATIVE(arr_values_iter)
{
    UNUSED;
    THIS_ARRAY(a);
    *out = js_objv(js_array_iterator(rt, a, 1));
    return 0;
}

/* ---- Errors ---- */

NATIVE(error_ctor)
{
    UNUSED;
    int type = fn->x.nat.arity;
    bool constructing = rt->constructing;
    rt->constructing = false;
    JsObject *e;
    JsValue msgv = type == ERR_AGGREGATE ? ARG(1) : ARG(0);
    JsValue opts = type == ERR_AGGREGATE ? ARG(2) : ARG(1);
    JsString *msg = NULL;
    if (msgv.tag != JV_UNDEF && js_to_string(rt, msgv, &msg) < 0)
        return -1;
    if (constructing && self.tag == JV_OBJ) {
        e = self.u.o;
        e->kind = JK_ERROR;
    } else {
        e = js_error_new(rt, type, NULL);
    }
    if (msg)
        js_define(rt, e, rt->s_message, js_strv(msg), 0);
    /* the stack's first line names the error as its prototype chain does */
    JsValue name;
    if (js_get(rt, js_objv(e), rt->s_name, &name) < 0)
        return -1;
    JsString *ns = name.tag == JV_STR ? name.u.s : js_intern(rt, "Error");
    js_define(rt, e, rt->s_stack,
              js_strv(js_strf(rt, "%s%s%s\n    at <anonymous>", ns->s, msg && msg->len ? ": " : "", msg ? msg->s : "")), 0);
    if (opts.tag == JV_OBJ) {
        JsProp *p = js_find_prop(opts.u.o, rt->s_cause, NULL);
        if (p)
            js_define(rt, e, rt->s_cause, p->v, 0);
    }
    if (type == ERR_AGGREGATE) {
        JsObject *errs;
        if (js_vm_iterate_to_array(rt, ARG(0), &errs) < 0)
            return -1;
        js_define(rt, e, rt->s_errors, js_objv(errs), 0);
    }
    *out = js_objv(e);
    return 0;
}

NATIVE(error_to_string)
{
    UNUSED;
    JsValue n, m;
    if (js_get(rt, self, rt->s_name, &n) < 0 || js_get(rt, self, rt->s_message, &m) < 0)
        return -1;
    JsString *ns = js_intern(rt, "Error"), *ms = js_intern(rt, "");
    if (n.tag != JV_UNDEF && js_to_string(rt, n, &ns) < 0)
        return -1;
    if (m.tag != JV_UNDEF && js_to_string(rt, m, &ms) < 0)
        return -1;
    if (!ns->len)
        *out = js_strv(ms);
    else if (!ms->len)
        *out = js_strv(ns);
    else
        *out = js_strv(js_strf(rt, "%s: %s", ns->s, ms->s));
    return 0;
}

/* ---- Map and Set ---- */

static long map_find(JsObject *m, JsValue k)
{
    for (size_t i = 0; i < m->x.map.len; i++)
        if (js_same_value_zero(m->x.map.keys[i], k))
            return (long)i;
    return -1;
}

static void map_put(JsRt *rt, JsObject *m, JsValue k, JsValue v)
{
    if (k.tag == JV_NUM && k.u.n == 0)
        k = js_num(0); /* -0 is stored as +0 */
    long i = map_find(m, k);
    if (i >= 0) {
        if (m->kind == JK_MAP)
            m->x.map.vals[i] = v;
        return;
    }
    if (m->x.map.len == m->x.map.cap) {
        size_t nc = m->x.map.cap ? m->x.map.cap * 2 : 4;
        m->x.map.keys = xrealloc(m->x.map.keys, nc * sizeof(JsValue));
        m->x.map.vals = xrealloc(m->x.map.vals, nc * sizeof(JsValue));
        rt->bytes += (nc - m->x.map.cap) * 2 * sizeof(JsValue);
        m->x.map.cap = nc;
    }
    m->x.map.keys[m->x.map.len] = k;
    m->x.map.vals[m->x.map.len] = v;
    m->x.map.len++;
}

static int this_coll(JsRt *rt, JsValue self, JsKind kind, JsObject **out)
{
    if (self.tag != JV_OBJ || self.u.o->kind != kind)
        return js_throw_error(rt, ERR_TYPE, "Method %s.prototype function called on incompatible receiver",
                              kind == JK_MAP ? "Map" : "Set");
    *out = self.u.o;
    return 0;
}

NATIVE(coll_ctor)
{
    UNUSED;
    bool is_map = fn->x.nat.arity == 0;
    bool constructing = rt->constructing;
    rt->constructing = false;
    if (!constructing || self.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Constructor %s requires 'new'", is_map ? "Map" : "Set");
    JsObject *m = self.u.o;
    m->kind = is_map ? JK_MAP : JK_SET;
    memset(&m->x, 0, sizeof m->x);
    if (!js_is_nullish(ARG(0))) {
        JsObject *items;
        if (js_vm_iterate_to_array(rt, ARG(0), &items) < 0)
            return -1;
        for (size_t i = 0; i < items->x.arr.len; i++) {
            JsValue e = items->x.arr.items[i];
            if (is_map) {
                JsValue k, v;
                if (e.tag != JV_OBJ)
                    return js_throw_error(rt, ERR_TYPE, "Iterator value %s is not an entry object", js_typeof(e));
                if (js_get_elem(rt, e, js_num(0), &k) < 0 || js_get_elem(rt, e, js_num(1), &v) < 0)
                    return -1;
                map_put(rt, m, k, v);
            } else {
                map_put(rt, m, e, JS_UNDEF);
            }
        }
    }
    *out = self;
    return 0;
}

/* arity: 0 get 1 set/add 2 has 3 delete 4 clear 5 size 6 forEach 7 keys 8 values 9 entries */
NATIVE(coll_method)
{
    bool is_map = fn->x.nat.slot[0].tag == JV_BOOL && fn->x.nat.slot[0].u.b;
    JsObject *m = NULL;
    if (this_coll(rt, self, is_map ? JK_MAP : JK_SET, &m) < 0)
        return -1;
    long i;
    switch (fn->x.nat.arity) {
    case 0:
        i = map_find(m, ARG(0));
        *out = i >= 0 ? m->x.map.vals[i] : JS_UNDEF;
        return 0;
    case 1:
        map_put(rt, m, ARG(0), ARG(1));
        *out = self;
        return 0;
    case 2:
        *out = js_bool(map_find(m, ARG(0)) >= 0);
        return 0;
    case 3:
        i = map_find(m, ARG(0));
        if (i >= 0) {
            memmove(m->x.map.keys + i, m->x.map.keys + i + 1, (m->x.map.len - (size_t)i - 1) * sizeof(JsValue));
            memmove(m->x.map.vals + i, m->x.map.vals + i + 1, (m->x.map.len - (size_t)i - 1) * sizeof(JsValue));
            m->x.map.len--;
        }
        *out = js_bool(i >= 0);
        return 0;
    case 4:
        m->x.map.len = 0;
        *out = JS_UNDEF;
        return 0;
    case 5:
        *out = js_num((double)m->x.map.len);
        return 0;
    case 6: {
        JsValue cb = ARG(0);
        if (!js_is_callable(cb))
            return js_throw_error(rt, ERR_TYPE, "%s is not a function", js_typeof(cb));
        for (size_t k = 0; k < m->x.map.len; k++) {
            JsValue a3[3] = {is_map ? m->x.map.vals[k] : m->x.map.keys[k], m->x.map.keys[k], self}, r;
            if (js_call(rt, cb, ARG(1), a3, 3, &r) < 0)
                return -1;
        }
        *out = JS_UNDEF;
        return 0;
    }
    default: {
        JsObject *r = js_array_new(rt, 0);
        for (size_t k = 0; k < m->x.map.len; k++) {
            int w = fn->x.nat.arity;
            if (w == 7 || (w == 8 && !is_map)) {
                js_array_push(rt, r, m->x.map.keys[k]);
            } else if (w == 8) {
                js_array_push(rt, r, m->x.map.vals[k]);
            } else {
                JsValue second = is_map ? m->x.map.vals[k] : m->x.map.keys[k];
                js_array_push(rt, r, js_objv(js_array_pair(rt, m->x.map.keys[k], second)));
            }
        }
        *out = js_objv(r);
        return 0;
    }
    }
}

static void coll_methods(JsRt *rt, JsObject *proto, bool is_map)
{
    static const char *const names[] = {"get", "set", "has", "delete", "clear", "size", "forEach", "keys", "values", "entries"};
    for (int i = 0; i < 10; i++) {
        if (is_map ? false : i == 0)
            continue;
        const char *name = !is_map && i == 1 ? "add" : names[i];
        JsObject *f = js_native_new(rt, name, i, coll_method);
        f->x.nat.slot[0] = js_bool(is_map);
        if (i == 5)
            js_define_accessor(rt, proto, js_intern(rt, "size"), js_objv(f), JS_UNDEF, 0);
        else
            js_define(rt, proto, js_intern(rt, name), js_objv(f), 0);
    }
}

NATIVE(global_this_getter)
{
    UNUSED;
    *out = js_objv(rt->global);
    return 0;
}

/* ---- structuredClone ---- */

typedef struct CloneMemo {
    JsObject **from, **to;
    int n, cap;
} CloneMemo;

/* The structured clone of v: plain objects (own enumerable string keys, the
 * prototype dropped), arrays (holes kept), Map, Set, Date, boxed values and
 * errors; cycles and shared references kept. Functions and symbols cannot
 * be cloned (DataCloneError). */
static int clone_value(JsRt *rt, JsValue v, CloneMemo *m, JsValue *out)
{
    if (v.tag == JV_SYM || js_is_callable(v)) {
        JsString *src = NULL;
        if (v.tag == JV_SYM)
            src = js_intern(rt, "Symbol()");
        else if (js_to_string(rt, v, &src) < 0)
            return -1;
        JsObject *e = js_error_new(rt, ERR_ERROR, js_strf(rt, "%s could not be cloned.", src->s));
        js_define(rt, e, rt->s_name, js_strv(js_intern(rt, "DataCloneError")), 0);
        return js_throw(rt, js_objv(e));
    }
    if (v.tag != JV_OBJ) {
        *out = v;
        return 0;
    }
    JsObject *o = v.u.o;
    for (int i = 0; i < m->n; i++)
        if (m->from[i] == o) {
            *out = js_objv(m->to[i]);
            return 0;
        }
    JsObject *c;
    switch (o->kind) {
    case JK_ARRAY: c = js_array_new(rt, o->x.arr.len); break;
    case JK_MAP: c = js_obj_new(rt, JK_MAP, rt->map_proto); break;
    case JK_SET: c = js_obj_new(rt, JK_SET, rt->set_proto); break;
    case JK_DATE: c = js_obj_new(rt, JK_DATE, rt->date_proto); c->x.date = o->x.date; break;
    case JK_ERROR: c = js_obj_new(rt, JK_ERROR, o->proto); break;
    case JK_OBJECT: c = js_obj_new(rt, JK_OBJECT, rt->object_proto); break;
    default: {
        JsObject *e = js_error_new(rt, ERR_ERROR, js_strf(rt, "%s could not be cloned.", "#<Object>"));
        js_define(rt, e, rt->s_name, js_strv(js_intern(rt, "DataCloneError")), 0);
        return js_throw(rt, js_objv(e));
    }
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 16;
        m->from = xrealloc(m->from, (size_t)m->cap * sizeof(JsObject *));
        m->to = xrealloc(m->to, (size_t)m->cap * sizeof(JsObject *));
    }
    m->from[m->n] = o;
    m->to[m->n++] = c;
    *out = js_objv(c);
    if (++rt->depth > rt->max_depth) {
        rt->depth--;
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    }
    int rc = 0;
    if (o->kind == JK_ARRAY) {
        for (size_t i = 0; i < o->x.arr.len && rc == 0; i++) {
            JsValue x = o->x.arr.items[i], y = JS_HOLE;
            if (x.tag != JV_HOLE)
                rc = clone_value(rt, x, m, &y);
            js_array_push(rt, c, y);
        }
    } else if (o->kind == JK_MAP || o->kind == JK_SET) {
        for (size_t i = 0; i < o->x.map.len && rc == 0; i++) {
            JsValue k, val = JS_UNDEF;
            rc = clone_value(rt, o->x.map.keys[i], m, &k);
            if (rc == 0 && o->kind == JK_MAP)
                rc = clone_value(rt, o->x.map.vals[i], m, &val);
            if (rc == 0) {
                JsValue add, ignored, kv[2] = {k, val};
                rc = js_get(rt, js_objv(c), js_intern(rt, o->kind == JK_MAP ? "set" : "add"), &add);
                if (rc == 0)
                    rc = js_call(rt, add, js_objv(c), kv, o->kind == JK_MAP ? 2 : 1, &ignored);
            }
        }
    } else if (o->kind == JK_ERROR) {
        static const char *const keep[] = {"message", "stack", "name", "cause"};
        for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
            JsProp *p = js_own_prop(o, js_intern(rt, keep[i]));
            if (p && !(p->flags & PF_ACCESSOR))
                js_define(rt, c, p->key, p->v, p->flags & PF_ENUM);
        }
    }
    if (o->kind == JK_OBJECT || o->kind == JK_ARRAY) {
        for (int i = 0; i < o->nprops && rc == 0; i++) {
            JsProp *p = &o->props[i];
            if (!(p->flags & PF_ENUM) || js_is_symkey(p->key))
                continue;
            JsValue x, y;
            rc = js_get(rt, v, p->key, &x);
            if (rc == 0)
                rc = clone_value(rt, x, m, &y);
            if (rc == 0)
                js_define(rt, c, p->key, y, PF_ENUM);
        }
    }
    rt->depth--;
    return rc;
}

NATIVE(structured_clone)
{
    UNUSED;
    CloneMemo m = {0};
    int rc = clone_value(rt, ARG(0), &m, out);
    xfree(m.from);
    xfree(m.to);
    return rc;
}

/* ---- install ---- */

static void fn_arity(JsObject *f, int a)
{
    f->x.nat.arity = a;
}

void js_builtins_install(JsRt *rt)
{
    JsObject *g = rt->global;
    js_symbol_install(rt);
    js_bigint_install(rt);
    js_define(rt, g, js_intern(rt, "globalThis"), js_objv(g), 0);
    js_native_method(rt, g, "structuredClone", 1, structured_clone);
    (void)global_this_getter;
    js_define(rt, g, js_intern(rt, "NaN"), js_num(NAN), PF_CONST);
    js_define(rt, g, js_intern(rt, "Infinity"), js_num(INFINITY), PF_CONST);
    js_define(rt, g, js_intern(rt, "undefined"), JS_UNDEF, PF_CONST);

    JsObject *O = js_native_ctor(rt, "Object", 1, obj_ctor, rt->object_proto);
    rt->object_ctor = O;
    js_native_method(rt, O, "keys", 1, obj_keys);
    js_native_method(rt, O, "values", 1, obj_values);
    js_native_method(rt, O, "entries", 1, obj_entries);
    js_native_method(rt, O, "assign", 2, obj_assign);
    js_native_method(rt, O, "freeze", 1, obj_freeze);
    js_native_method(rt, O, "isFrozen", 1, obj_is_frozen);
    js_native_method(rt, O, "create", 2, obj_create);
    js_native_method(rt, O, "getPrototypeOf", 1, obj_get_proto);
    js_native_method(rt, O, "setPrototypeOf", 2, obj_set_proto);
    js_native_method(rt, O, "defineProperty", 3, obj_define_property);
    js_native_method(rt, O, "fromEntries", 1, obj_from_entries);
    js_native_method(rt, O, "getOwnPropertyNames", 1, obj_own_names);
    js_native_method(rt, O, "is", 2, obj_is);
    fn_arity(js_native_method(rt, O, "hasOwn", 2, obj_has_own), 2);
    fn_arity(js_native_method(rt, rt->object_proto, "hasOwnProperty", 1, obj_has_own), 1);
    js_native_method(rt, rt->object_proto, "toString", 0, obj_to_string);
    js_native_method(rt, rt->object_proto, "valueOf", 0, obj_value_of);
    js_native_method(rt, rt->object_proto, "isPrototypeOf", 1, obj_is_proto_of);

    JsObject *F = js_native_new(rt, "Function", 1, obj_ctor);
    js_define(rt, F, rt->s_prototype, js_objv(rt->function_proto), PF_CONST);
    js_define(rt, rt->function_proto, rt->s_constructor, js_objv(F), 0);
    rt->function_proto->x.nat.fn = obj_value_of;
    rt->function_proto->x.nat.name = "";
    js_native_method(rt, rt->function_proto, "call", 1, fn_call);
    js_native_method(rt, rt->function_proto, "apply", 2, fn_apply);
    js_native_method(rt, rt->function_proto, "bind", 1, fn_bind);
    js_native_method(rt, rt->function_proto, "toString", 0, fn_to_string);

    JsObject *A = js_native_ctor(rt, "Array", 1, arr_ctor, rt->array_proto);
    rt->array_ctor = A;
    js_native_method(rt, A, "isArray", 1, arr_is_array);
    js_native_method(rt, A, "from", 1, arr_from);
    js_native_method(rt, A, "of", 0, arr_of);
    JsObject *ap = rt->array_proto;
    js_native_method(rt, ap, "push", 1, arr_push);
    js_native_method(rt, ap, "pop", 0, arr_pop);
    js_native_method(rt, ap, "shift", 0, arr_shift);
    js_native_method(rt, ap, "unshift", 1, arr_unshift);
    js_native_method(rt, ap, "slice", 2, arr_slice);
    js_native_method(rt, ap, "splice", 2, arr_splice);
    js_native_method(rt, ap, "concat", 1, arr_concat);
    js_native_method(rt, ap, "join", 1, arr_join);
    js_native_method(rt, ap, "toString", 0, arr_to_string);
    js_native_method(rt, ap, "reverse", 0, arr_reverse);
    fn_arity(js_native_method(rt, ap, "indexOf", 1, arr_index_of), 1);
    fn_arity(js_native_method(rt, ap, "lastIndexOf", 1, arr_index_of), 2);
    fn_arity(js_native_method(rt, ap, "includes", 1, arr_index_of), 3);
    static const char *const cbs[] = {"forEach", "map", "filter", "find", "findIndex", "some", "every", "findLast", "findLastIndex", "flatMap"};
    for (int i = 0; i < 10; i++)
        fn_arity(js_native_method(rt, ap, cbs[i], 1, arr_callback), i);
    fn_arity(js_native_method(rt, ap, "reduce", 1, arr_reduce), 1);
    fn_arity(js_native_method(rt, ap, "reduceRight", 1, arr_reduce), 2);
    js_native_method(rt, ap, "sort", 1, arr_sort);
    js_native_method(rt, ap, "flat", 0, arr_flat);
    js_native_method(rt, ap, "fill", 1, arr_fill);
    js_native_method(rt, ap, "at", 1, arr_at);
    fn_arity(js_native_method(rt, ap, "keys", 0, arr_keys_values), 0);
    fn_arity(js_native_method(rt, ap, "values", 0, arr_keys_values), 1);
    js_define(rt, ap, rt->sym_iterator, js_objv(js_native_new(rt, "values", 0, arr_values_iter)), 0);
    js_iter_install(rt);
    js_gen_install(rt);
    js_agen_install(rt);
    fn_arity(js_native_method(rt, ap, "entries", 0, arr_keys_values), 2);

    js_text_install(rt);
    js_regexp_install(rt);
    js_native_method(rt, rt->string_proto, "at", 1, arr_at);

    static const char *const en[] = {"Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError",
                                     "EvalError", "URIError", "AggregateError"};
    for (int i = 0; i < 8; i++) {
        JsObject *proto = i == 0 ? rt->error_proto : js_obj_new(rt, JK_OBJECT, rt->error_proto);
        JsObject *E = js_native_ctor(rt, en[i], 1, error_ctor, proto);
        E->x.nat.arity = i;
        if (i > 0)
            E->proto = rt->error_ctors[0];
        rt->error_ctors[i] = E;
        js_define(rt, proto, rt->s_name, js_strv(js_intern(rt, en[i])), 0);
        js_define(rt, proto, rt->s_message, js_strv(js_intern(rt, "")), 0);
    }
    js_native_method(rt, rt->error_proto, "toString", 0, error_to_string);

    JsObject *Map = js_native_ctor(rt, "Map", 0, coll_ctor, rt->map_proto);
    Map->x.nat.arity = 0;
    coll_methods(rt, rt->map_proto, true);
    JsObject *Set = js_native_ctor(rt, "Set", 0, coll_ctor, rt->set_proto);
    Set->x.nat.arity = 1;
    coll_methods(rt, rt->set_proto, false);
}
