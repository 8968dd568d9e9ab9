/* builtins.c: the global objects a scenario can use that do not touch the
 * loop: Object, Function.prototype, Array, String, Number, Boolean, Math,
 * JSON, the Error family, Map and Set, and the global functions. Timers,
 * console, process and Date live in loop/ (they need the virtual clock
 * and the recording). Math.random is seeded (fixed, so runs repeat). */
#include "vm.h"
#include "../objects/inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARG(i) ((i) < argc ? args[i] : JS_UNDEF)
#define NATIVE(name) static int name(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
#define UNUSED (void)rt, (void)self, (void)args, (void)argc, (void)fn

static JsObject *method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn f)
{
    JsObject *n = js_native_new(rt, name, arity, f);
    js_define(rt, o, js_intern(rt, name), js_objv(n), 0);
    return n;
}

static JsObject *ctor(JsRt *rt, const char *name, int arity, JsNativeFn f, JsObject *proto)
{
    JsObject *c = js_native_new(rt, name, arity, f);
    c->fnflags |= FN_CTOR;
    js_define(rt, c, rt->s_prototype, js_objv(proto), PF_CONST);
    js_define(rt, proto, rt->s_constructor, js_objv(c), 0);
    js_define(rt, rt->global, js_intern(rt, name), js_objv(c), 0);
    return c;
}

static int this_string(JsRt *rt, JsValue self, JsString **out)
{
    if (js_is_nullish(self))
        return js_throw_error(rt, ERR_TYPE, "String.prototype method called on null or undefined");
    return js_to_string(rt, self, out);
}

static int arg_number(JsRt *rt, JsValue v, double dflt, double *out)
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
            for (size_t i = 0; i < chars->x.arr.len; i++) {
                JsValue k = js_strv(js_number_to_string(rt, (double)i)), x = chars->x.arr.items[i];
                if (what == KV_ENTRIES) {
                    JsObject *p = js_array_new(rt, 2);
                    js_array_push(rt, p, k);
                    js_array_push(rt, p, x);
                    js_array_push(rt, r, js_objv(p));
                } else {
                    js_array_push(rt, r, what == KV_KEYS ? k : x);
                }
            }
        }
        return 0;
    }
    JsObject *keys = js_own_keys(rt, o, true);
    for (size_t i = 0; i < keys->x.arr.len; i++) {
        JsValue k = keys->x.arr.items[i], x = JS_UNDEF;
        if (what != KV_KEYS && js_get(rt, v, k.u.s, &x) < 0)
            return -1;
        if (what == KV_ENTRIES) {
            JsObject *p = js_array_new(rt, 2);
            js_array_push(rt, p, k);
            js_array_push(rt, p, x);
            js_array_push(rt, r, js_objv(p));
        } else {
            js_array_push(rt, r, what == KV_KEYS ? k : x);
        }
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
    free(all);
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
    if (src.tag == JV_OBJ && src.u.o->kind == JK_OBJECT) {
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
static int rel_index(JsRt *rt, JsValue v, size_t len, size_t dflt, size_t *out)
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
    if (rel_index(rt, ARG(0), a->x.arr.len, 0, &s) < 0 || rel_index(rt, ARG(1), a->x.arr.len, a->x.arr.len, &e) < 0)
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
    if (rel_index(rt, ARG(0), len, 0, &s) < 0)
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
    free(a->x.arr.items);
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
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
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
    free(copy);
    free(tmp);
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
    if (arg_number(rt, ARG(0), 1, &d) < 0)
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
    if (rel_index(rt, ARG(1), a->x.arr.len, 0, &s) < 0 || rel_index(rt, ARG(2), a->x.arr.len, a->x.arr.len, &e) < 0)
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
            JsObject *p = js_array_new(rt, 2);
            js_array_push(rt, p, js_num((double)i));
            js_array_push(rt, p, item(a, i));
            js_array_push(rt, r, js_objv(p));
        }
    }
    *out = js_objv(r);
    return 0;
}

/* ---- String ---- */

NATIVE(str_ctor)
{
    UNUSED;
    JsString *s;
    if (argc == 0) {
        s = js_intern(rt, "");
    } else if (js_to_string(rt, args[0], &s) < 0) {
        return -1;
    }
    *out = js_strv(s);
    return 0;
}

/* Byte offset of code point index i in s (or s->len). */
static size_t cp_offset(const JsString *s, size_t i)
{
    size_t k = 0, b = 0;
    for (; b < s->len; b++) {
        if (((unsigned char)s->s[b] & 0xc0) == 0x80)
            continue;
        if (k++ == i)
            return b;
    }
    return s->len;
}

static size_t cp_len(const JsString *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->len; i++)
        n += ((unsigned char)s->s[i] & 0xc0) != 0x80;
    return n;
}

static JsString *cp_slice(JsRt *rt, const JsString *s, size_t a, size_t b)
{
    size_t x = cp_offset(s, a), y = cp_offset(s, b);
    return js_str(rt, s->s + x, y > x ? y - x : 0);
}

NATIVE(str_slice)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    size_t len = cp_len(s), a, b;
    int kind = fn->x.nat.arity; /* 0 slice, 1 substring, 2 substr */
    if (kind == 1) {
        double x, y;
        if (arg_number(rt, ARG(0), 0, &x) < 0 || arg_number(rt, ARG(1), (double)len, &y) < 0)
            return -1;
        x = fmin(fmax(js_to_integer(x), 0), (double)len);
        y = fmin(fmax(js_to_integer(y), 0), (double)len);
        a = (size_t)fmin(x, y);
        b = (size_t)fmax(x, y);
    } else if (kind == 2) {
        if (rel_index(rt, ARG(0), len, 0, &a) < 0)
            return -1;
        double n;
        if (arg_number(rt, ARG(1), (double)(len - a), &n) < 0)
            return -1;
        n = fmin(fmax(js_to_integer(n), 0), (double)(len - a));
        b = a + (size_t)n;
    } else {
        if (rel_index(rt, ARG(0), len, 0, &a) < 0 || rel_index(rt, ARG(1), len, len, &b) < 0)
            return -1;
        if (b < a)
            b = a;
    }
    *out = js_strv(cp_slice(rt, s, a, b));
    return 0;
}

NATIVE(str_char_at)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    double d;
    if (arg_number(rt, ARG(0), 0, &d) < 0)
        return -1;
    size_t len = cp_len(s);
    d = js_to_integer(d);
    bool code = fn->x.nat.arity == 1;
    if (d < 0 || d >= (double)len) {
        *out = code ? js_num(NAN) : js_strv(js_intern(rt, ""));
        return 0;
    }
    JsString *c = cp_slice(rt, s, (size_t)d, (size_t)d + 1);
    if (code) {
        const unsigned char *p = (const unsigned char *)c->s;
        uint32_t cp = p[0];
        if (cp >= 0xf0) cp = ((cp & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
        else if (cp >= 0xe0) cp = ((cp & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        else if (cp >= 0xc0) cp = ((cp & 31u) << 6) | (p[1] & 63u);
        *out = js_num(cp);
    } else {
        *out = js_strv(c);
    }
    return 0;
}

NATIVE(str_index_of)
{
    UNUSED;
    JsString *s, *t;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &t) < 0)
        return -1;
    int kind = fn->x.nat.arity; /* 0 indexOf 1 lastIndexOf 2 includes 3 startsWith 4 endsWith */
    const char *hit = NULL;
    if (kind == 1) {
        for (size_t i = s->len + 1; i-- > 0;)
            if (i + t->len <= s->len && !memcmp(s->s + i, t->s, t->len)) {
                hit = s->s + i;
                break;
            }
    } else if (kind == 3) {
        size_t from = 0;
        if (ARG(1).tag != JV_UNDEF) {
            double d;
            if (js_to_number(rt, ARG(1), &d) < 0)
                return -1;
            from = cp_offset(s, (size_t)fmax(js_to_integer(d), 0));
        }
        *out = js_bool(from + t->len <= s->len && !memcmp(s->s + from, t->s, t->len));
        return 0;
    } else if (kind == 4) {
        *out = js_bool(t->len <= s->len && !memcmp(s->s + s->len - t->len, t->s, t->len));
        return 0;
    } else {
        size_t from = 0;
        if (ARG(1).tag != JV_UNDEF) {
            double d;
            if (js_to_number(rt, ARG(1), &d) < 0)
                return -1;
            from = cp_offset(s, (size_t)fmax(js_to_integer(d), 0));
        }
        for (size_t i = from; i + t->len <= s->len; i++)
            if (!memcmp(s->s + i, t->s, t->len)) {
                hit = s->s + i;
                break;
            }
    }
    if (kind == 2) {
        *out = js_bool(hit != NULL);
        return 0;
    }
    if (!hit) {
        *out = js_num(-1);
        return 0;
    }
    size_t cp = 0;
    for (const char *p = s->s; p < hit; p++)
        cp += ((unsigned char)*p & 0xc0) != 0x80;
    *out = js_num((double)cp);
    return 0;
}

NATIVE(str_case)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    JsString *r = js_str(rt, s->s, s->len);
    for (size_t i = 0; i < r->len; i++) {
        char ch = r->s[i];
        if (fn->x.nat.arity == 0 && ch >= 'a' && ch <= 'z')
            r->s[i] = (char)(ch - 32);
        else if (fn->x.nat.arity == 1 && ch >= 'A' && ch <= 'Z')
            r->s[i] = (char)(ch + 32);
    }
    *out = js_strv(js_str(rt, r->s, r->len));
    return 0;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

NATIVE(str_trim)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    size_t a = 0, b = s->len;
    if (fn->x.nat.arity != 2)
        while (a < b && is_space(s->s[a]))
            a++;
    if (fn->x.nat.arity != 1)
        while (b > a && is_space(s->s[b - 1]))
            b--;
    *out = js_strv(js_str(rt, s->s + a, b - a));
    return 0;
}

NATIVE(str_pad)
{
    UNUSED;
    JsString *s, *fill = js_intern(rt, " ");
    double n;
    if (this_string(rt, self, &s) < 0 || js_to_number(rt, ARG(0), &n) < 0)
        return -1;
    if (ARG(1).tag != JV_UNDEF && js_to_string(rt, ARG(1), &fill) < 0)
        return -1;
    size_t len = cp_len(s);
    n = js_to_integer(n);
    if (n <= (double)len || !fill->len) {
        *out = js_strv(s);
        return 0;
    }
    if (rt->max_items && n > (double)rt->max_items)
        return js_limit(rt, "a string longer than --max-items");
    Buf b;
    buf_init(&b);
    size_t need = (size_t)n - len;
    if (fn->x.nat.arity == 1)
        buf_putn(&b, s->s, s->len);
    size_t flen = cp_len(fill);
    for (size_t k = 0; k < need; k += flen) {
        size_t take = need - k < flen ? need - k : flen;
        buf_putn(&b, fill->s, cp_offset(fill, take));
    }
    if (fn->x.nat.arity == 0)
        buf_putn(&b, s->s, s->len);
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

NATIVE(str_repeat)
{
    UNUSED;
    JsString *s;
    double n;
    if (this_string(rt, self, &s) < 0 || js_to_number(rt, ARG(0), &n) < 0)
        return -1;
    n = js_to_integer(n);
    if (n < 0 || isinf(n))
        return js_throw_error(rt, ERR_RANGE, "Invalid count value: %s", js_number_to_string(rt, n)->s);
    if (rt->max_items && n * (double)s->len > (double)rt->max_items)
        return js_limit(rt, "a string longer than --max-items");
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < (size_t)n; i++)
        buf_putn(&b, s->s, s->len);
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

NATIVE(str_split)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    JsObject *r = js_array_new(rt, 0);
    *out = js_objv(r);
    if (ARG(0).tag == JV_UNDEF) {
        js_array_push(rt, r, js_strv(s));
        return 0;
    }
    JsString *sep;
    if (js_to_string(rt, ARG(0), &sep) < 0)
        return -1;
    if (!sep->len) {
        JsObject *chars;
        js_vm_iterate_to_array(rt, js_strv(s), &chars);
        *out = js_objv(chars);
        return 0;
    }
    size_t start = 0;
    for (size_t i = 0; i + sep->len <= s->len;) {
        if (!memcmp(s->s + i, sep->s, sep->len)) {
            js_array_push(rt, r, js_strv(js_str(rt, s->s + start, i - start)));
            i += sep->len;
            start = i;
        } else {
            i++;
        }
    }
    js_array_push(rt, r, js_strv(js_str(rt, s->s + start, s->len - start)));
    return 0;
}

NATIVE(str_replace)
{
    UNUSED;
    JsString *s, *pat;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &pat) < 0)
        return -1;
    bool all = fn->x.nat.arity == 1;
    JsValue rep = ARG(1);
    Buf b;
    buf_init(&b);
    size_t i = 0, start = 0;
    bool done = false;
    while (i + pat->len <= s->len && !done) {
        if (memcmp(s->s + i, pat->s, pat->len) != 0) {
            i++;
            continue;
        }
        buf_putn(&b, s->s + start, i - start);
        JsString *r;
        if (js_is_callable(rep)) {
            JsValue a2[2] = {js_strv(pat), js_num((double)i)}, v;
            if (js_call(rt, rep, JS_UNDEF, a2, 2, &v) < 0 || js_to_string(rt, v, &r) < 0) {
                buf_free(&b);
                return -1;
            }
        } else if (js_to_string(rt, rep, &r) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, r->s, r->len);
        i += pat->len ? pat->len : 1;
        start = pat->len ? i : i - 1;
        if (!all)
            done = true;
        if (!pat->len && i > s->len)
            break;
    }
    if (start < s->len)
        buf_putn(&b, s->s + start, s->len - start);
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

NATIVE(str_concat)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    Buf b;
    buf_init(&b);
    buf_putn(&b, s->s, s->len);
    for (int i = 0; i < argc; i++) {
        JsString *t;
        if (js_to_string(rt, args[i], &t) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, t->s, t->len);
    }
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

NATIVE(str_to_string)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    *out = js_strv(s);
    return 0;
}

NATIVE(str_locale_compare)
{
    UNUSED;
    JsString *s, *t;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &t) < 0)
        return -1;
    int c = strcmp(s->s, t->s);
    *out = js_num(c < 0 ? -1 : c > 0);
    return 0;
}

/* ---- Number and Boolean ---- */

NATIVE(num_ctor)
{
    UNUSED;
    double d = 0;
    if (argc && js_to_number(rt, args[0], &d) < 0)
        return -1;
    *out = js_num(d);
    return 0;
}

NATIVE(bool_ctor)
{
    UNUSED;
    *out = js_bool(js_truthy(ARG(0)));
    return 0;
}

NATIVE(num_is)
{
    UNUSED;
    JsValue v = ARG(0);
    bool r = false;
    if (v.tag == JV_NUM) {
        double d = v.u.n;
        switch (fn->x.nat.arity) {
        case 0: r = isfinite(d) && d == floor(d); break;        /* isInteger */
        case 1: r = isfinite(d); break;                          /* isFinite */
        case 2: r = isnan(d); break;                             /* isNaN */
        case 3: r = isfinite(d) && d == floor(d) && fabs(d) <= 9007199254740991.0; break; /* isSafeInteger */
        default: break;
        }
    }
    *out = js_bool(r);
    return 0;
}

NATIVE(global_is)
{
    UNUSED;
    double d;
    if (js_to_number(rt, ARG(0), &d) < 0)
        return -1;
    *out = js_bool(fn->x.nat.arity == 2 ? isnan(d) : isfinite(d));
    return 0;
}

NATIVE(parse_float)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    const char *p = s->s;
    while (is_space(*p))
        p++;
    char *end;
    double d = strtod(p, &end);
    if (end == p || ((*p | 32) == 'i' ) || ((p[0] == '-' || p[0] == '+') && (p[1] | 32) == 'i'))
        d = !strncmp(p, "Infinity", 8) ? INFINITY : !strncmp(p, "-Infinity", 9) ? -INFINITY :
            !strncmp(p, "+Infinity", 9) ? INFINITY : NAN;
    if ((p[0] == '0' && (p[1] | 32) == 'x'))
        d = 0;
    if ((*p | 32) == 'n')
        d = NAN;
    *out = js_num(d);
    return 0;
}

NATIVE(parse_int)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    double radix = 0;
    if (ARG(1).tag != JV_UNDEF && js_to_number(rt, ARG(1), &radix) < 0)
        return -1;
    const char *p = s->s;
    while (is_space(*p))
        p++;
    int sign = 1;
    if (*p == '-' || *p == '+') {
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    int r = (int)radix;
    if ((r == 0 || r == 16) && p[0] == '0' && (p[1] | 32) == 'x') {
        p += 2;
        r = 16;
    }
    if (r == 0)
        r = 10;
    if (r < 2 || r > 36) {
        *out = js_num(NAN);
        return 0;
    }
    double v = 0;
    int k = 0;
    for (;; p++, k++) {
        int c = *p, d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'z') d = (c | 32) - 'a' + 10;
        else break;
        if (d >= r)
            break;
        v = v * r + d;
    }
    *out = js_num(k ? sign * v : NAN);
    return 0;
}

NATIVE(num_to_fixed)
{
    UNUSED;
    double d = self.tag == JV_NUM ? self.u.n : NAN, digits = 0;
    if (arg_number(rt, ARG(0), 0, &digits) < 0)
        return -1;
    if (digits < 0 || digits > 100)
        return js_throw_error(rt, ERR_RANGE, "toFixed() digits argument must be between 0 and 100");
    if (!isfinite(d) || fabs(d) >= 1e21) {
        *out = js_strv(js_number_to_string(rt, d));
        return 0;
    }
    /* exact decimal expansion, rounded half up as the spec's "let n be an
     * integer for which n / 10^f - x is as close to zero as possible" */
    char buf[512];
    snprintf(buf, sizeof buf, "%.*f", (int)digits + 30, fabs(d));
    /* round the long expansion at the wanted digit, half up */
    char *dot = strchr(buf, '.');
    size_t keep = (size_t)(dot - buf) + ((int)digits ? (size_t)digits + 1 : 0);
    bool up = dot[(int)digits + 1] >= '5';
    buf[keep] = 0;
    if (!(int)digits)
        buf[dot - buf] = 0;
    if (up) {
        for (long i = (long)strlen(buf) - 1; i >= 0; i--) {
            if (buf[i] == '.')
                continue;
            if (buf[i] == '9') {
                buf[i] = '0';
                if (i == 0) {
                    memmove(buf + 1, buf, strlen(buf) + 1);
                    buf[0] = '1';
                }
            } else {
                buf[i]++;
                break;
            }
        }
    }
    bool zero = true;
    for (char *p = buf; *p; p++)
        if (*p >= '1' && *p <= '9')
            zero = false;
    *out = js_strv(js_strf(rt, "%s%s", d < 0 && !zero ? "-" : "", buf));
    return 0;
}

NATIVE(num_to_string)
{
    UNUSED;
    double d = self.tag == JV_NUM ? self.u.n : NAN, radix = 10;
    if (arg_number(rt, ARG(0), 10, &radix) < 0)
        return -1;
    if (radix == 10 || !isfinite(d) || d != floor(d)) {
        *out = js_strv(js_number_to_string(rt, d));
        return 0;
    }
    if (radix < 2 || radix > 36)
        return js_throw_error(rt, ERR_RANGE, "toString() radix must be between 2 and 36");
    char buf[80];
    int k = 79;
    buf[k] = 0;
    double v = fabs(d);
    do {
        int dig = (int)fmod(v, radix);
        buf[--k] = (char)(dig < 10 ? '0' + dig : 'a' + dig - 10);
        v = floor(v / radix);
    } while (v > 0 && k > 1);
    if (d < 0)
        buf[--k] = '-';
    *out = js_strv(js_cstr(rt, buf + k));
    return 0;
}

NATIVE(bool_to_string)
{
    UNUSED;
    *out = js_strv(js_intern(rt, js_truthy(self) ? "true" : "false"));
    return 0;
}

/* ---- Math ---- */

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

NATIVE(math_fn)
{
    UNUSED;
    double x = 0, y = 0;
    if (argc > 0 && js_to_number(rt, args[0], &x) < 0)
        return -1;
    if (argc == 0)
        x = NAN;
    if (argc > 1 && js_to_number(rt, args[1], &y) < 0)
        return -1;
    double r;
    switch (fn->x.nat.arity) {
    case 0: r = floor(x); break;
    case 1: r = ceil(x); break;
    case 2: r = floor(x + 0.5); if (r == 0 && signbit(x)) r = -0.0; break;
    case 3: r = fabs(x); break;
    case 4: r = sqrt(x); break;
    case 5: r = trunc(x); break;
    case 6: r = isnan(x) ? NAN : x > 0 ? 1 : x < 0 ? -1 : x; break;
    case 7: r = argc > 1 ? pow(x, y) : NAN; break;
    case 8: r = log(x); break;
    case 9: r = exp(x); break;
    case 10: r = sin(x); break;
    case 11: r = cos(x); break;
    case 12: r = cbrt(x); break;
    case 13: r = log2(x); break;
    case 14: r = log10(x); break;
    case 15: r = atan2(x, y); break;
    case 16: r = tan(x); break;
    case 17: r = atan(x); break;
    default: r = NAN; break;
    }
    *out = js_num(r);
    return 0;
}

NATIVE(math_minmax)
{
    UNUSED;
    bool max = fn->x.nat.arity == 1;
    double r = max ? -INFINITY : INFINITY;
    for (int i = 0; i < argc; i++) {
        double d;
        if (js_to_number(rt, args[i], &d) < 0)
            return -1;
        if (isnan(d))
            r = NAN;
        else if (!isnan(r) && (max ? (d > r || (d == 0 && r == 0 && !signbit(d))) : (d < r || (d == 0 && r == 0 && signbit(d)))))
            r = d;
    }
    *out = js_num(r);
    return 0;
}

NATIVE(math_hypot)
{
    UNUSED;
    double s = 0;
    for (int i = 0; i < argc; i++) {
        double d;
        if (js_to_number(rt, args[i], &d) < 0)
            return -1;
        s += d * d;
    }
    *out = js_num(sqrt(s));
    return 0;
}

NATIVE(math_random)
{
    UNUSED;
    /* xorshift64*: fixed seed, so a scenario's run repeats (Node's does not) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t v = rng_state * 2685821657736338717ULL;
    *out = js_num((double)(v >> 11) / 9007199254740992.0);
    return 0;
}

/* ---- JSON ---- */

NATIVE(json_stringify)
{
    UNUSED;
    char indent[11] = "";
    JsValue sp = ARG(2);
    if (sp.tag == JV_NUM) {
        int n = (int)fmin(fmax(sp.u.n, 0), 10);
        memset(indent, ' ', (size_t)n);
        indent[n] = 0;
    } else if (sp.tag == JV_STR) {
        snprintf(indent, sizeof indent, "%s", sp.u.s->s);
    }
    Buf b;
    buf_init(&b);
    bool undef = false;
    if (js_json_stringify(rt, ARG(0), indent, &b, &undef) < 0) {
        buf_free(&b);
        return -1;
    }
    *out = undef ? JS_UNDEF : js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

typedef struct JsonP {
    JsRt *rt;
    const char *p, *start, *end;
    int depth;
} JsonP;

static void jp_ws(JsonP *j)
{
    while (j->p < j->end && is_space(*j->p))
        j->p++;
}

static int jp_fail(JsonP *j)
{
    if (j->p >= j->end)
        return js_throw_error(j->rt, ERR_SYNTAX, "Unexpected end of JSON input");
    return js_throw_error(j->rt, ERR_SYNTAX, "Unexpected token '%c', \"%.*s\" is not valid JSON", *j->p,
                          (int)(j->end - j->start > 30 ? 30 : j->end - j->start), j->start);
}

static int jp_value(JsonP *j, JsValue *out);

static int jp_string(JsonP *j, JsString **out)
{
    Buf b;
    buf_init(&b);
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        char c = *j->p++;
        if (c == '\\') {
            char e = j->p < j->end ? *j->p++ : 0;
            switch (e) {
            case 'n': buf_putc(&b, '\n'); break;
            case 't': buf_putc(&b, '\t'); break;
            case 'r': buf_putc(&b, '\r'); break;
            case 'b': buf_putc(&b, '\b'); break;
            case 'f': buf_putc(&b, '\f'); break;
            case '/': case '\\': case '"': buf_putc(&b, e); break;
            case 'u': {
                unsigned cp = 0;
                for (int i = 0; i < 4; i++) {
                    char h = j->p < j->end ? *j->p++ : 0;
                    int v = h >= '0' && h <= '9' ? h - '0' : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : -1;
                    if (v < 0) {
                        buf_free(&b);
                        return jp_fail(j);
                    }
                    cp = cp * 16 + (unsigned)v;
                }
                buf_put_utf8(&b, cp);
                break;
            }
            default:
                buf_free(&b);
                j->p--;
                return jp_fail(j);
            }
        } else if ((unsigned char)c < 0x20) {
            buf_free(&b);
            j->p--;
            return jp_fail(j);
        } else {
            buf_putc(&b, c);
        }
    }
    if (j->p >= j->end) {
        buf_free(&b);
        return jp_fail(j);
    }
    j->p++;
    *out = js_str(j->rt, b.s, b.len);
    buf_free(&b);
    return 0;
}

static int jp_value(JsonP *j, JsValue *out)
{
    JsRt *rt = j->rt;
    jp_ws(j);
    if (j->p >= j->end)
        return jp_fail(j);
    if (++j->depth > 500)
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    char c = *j->p;
    int r = 0;
    if (c == '{') {
        JsObject *o = js_obj_new(rt, JK_OBJECT, rt->object_proto);
        j->p++;
        jp_ws(j);
        if (j->p < j->end && *j->p == '}') {
            j->p++;
        } else {
            for (;;) {
                jp_ws(j);
                if (j->p >= j->end || *j->p != '"')
                    return jp_fail(j);
                JsString *k;
                JsValue v;
                if (jp_string(j, &k) < 0)
                    return -1;
                jp_ws(j);
                if (j->p >= j->end || *j->p != ':')
                    return jp_fail(j);
                j->p++;
                if (jp_value(j, &v) < 0)
                    return -1;
                js_define(rt, o, k, v, PF_ENUM);
                jp_ws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == '}') {
                    j->p++;
                    break;
                }
                return jp_fail(j);
            }
        }
        *out = js_objv(o);
    } else if (c == '[') {
        JsObject *a = js_array_new(rt, 0);
        j->p++;
        jp_ws(j);
        if (j->p < j->end && *j->p == ']') {
            j->p++;
        } else {
            for (;;) {
                JsValue v;
                if (jp_value(j, &v) < 0)
                    return -1;
                js_array_push(rt, a, v);
                jp_ws(j);
                if (j->p < j->end && *j->p == ',') {
                    j->p++;
                    continue;
                }
                if (j->p < j->end && *j->p == ']') {
                    j->p++;
                    break;
                }
                return jp_fail(j);
            }
        }
        *out = js_objv(a);
    } else if (c == '"') {
        JsString *s;
        if (jp_string(j, &s) < 0)
            return -1;
        *out = js_strv(s);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        char *end;
        double d = strtod(j->p, &end);
        j->p = end;
        *out = js_num(d);
    } else if (!strncmp(j->p, "true", 4) || !strncmp(j->p, "null", 4)) {
        *out = c == 't' ? js_bool(true) : JS_NULL;
        j->p += 4;
    } else if (!strncmp(j->p, "false", 5)) {
        *out = js_bool(false);
        j->p += 5;
    } else {
        r = jp_fail(j);
    }
    j->depth--;
    return r;
}

NATIVE(json_parse)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    JsonP j = {.rt = rt, .p = s->s, .start = s->s, .end = s->s + s->len};
    if (jp_value(&j, out) < 0)
        return -1;
    jp_ws(&j);
    if (j.p < j.end)
        return jp_fail(&j);
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
                JsObject *p = js_array_new(rt, 2);
                js_array_push(rt, p, m->x.map.keys[k]);
                js_array_push(rt, p, is_map ? m->x.map.vals[k] : m->x.map.keys[k]);
                js_array_push(rt, r, js_objv(p));
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

/* ---- install ---- */

static void fn_arity(JsObject *f, int a)
{
    f->x.nat.arity = a;
}

void js_builtins_install(JsRt *rt)
{
    JsObject *g = rt->global;
    js_define(rt, g, js_intern(rt, "globalThis"), js_objv(g), 0);
    (void)global_this_getter;
    js_define(rt, g, js_intern(rt, "NaN"), js_num(NAN), PF_CONST);
    js_define(rt, g, js_intern(rt, "Infinity"), js_num(INFINITY), PF_CONST);
    js_define(rt, g, js_intern(rt, "undefined"), JS_UNDEF, PF_CONST);

    JsObject *O = ctor(rt, "Object", 1, obj_ctor, rt->object_proto);
    rt->object_ctor = O;
    method(rt, O, "keys", 1, obj_keys);
    method(rt, O, "values", 1, obj_values);
    method(rt, O, "entries", 1, obj_entries);
    method(rt, O, "assign", 2, obj_assign);
    method(rt, O, "freeze", 1, obj_freeze);
    method(rt, O, "isFrozen", 1, obj_is_frozen);
    method(rt, O, "create", 2, obj_create);
    method(rt, O, "getPrototypeOf", 1, obj_get_proto);
    method(rt, O, "setPrototypeOf", 2, obj_set_proto);
    method(rt, O, "defineProperty", 3, obj_define_property);
    method(rt, O, "fromEntries", 1, obj_from_entries);
    method(rt, O, "getOwnPropertyNames", 1, obj_own_names);
    method(rt, O, "is", 2, obj_is);
    fn_arity(method(rt, O, "hasOwn", 2, obj_has_own), 2);
    fn_arity(method(rt, rt->object_proto, "hasOwnProperty", 1, obj_has_own), 1);
    method(rt, rt->object_proto, "toString", 0, obj_to_string);
    method(rt, rt->object_proto, "valueOf", 0, obj_value_of);
    method(rt, rt->object_proto, "isPrototypeOf", 1, obj_is_proto_of);

    JsObject *F = js_native_new(rt, "Function", 1, obj_ctor);
    js_define(rt, F, rt->s_prototype, js_objv(rt->function_proto), PF_CONST);
    js_define(rt, rt->function_proto, rt->s_constructor, js_objv(F), 0);
    rt->function_proto->x.nat.fn = obj_value_of;
    rt->function_proto->x.nat.name = "";
    method(rt, rt->function_proto, "call", 1, fn_call);
    method(rt, rt->function_proto, "apply", 2, fn_apply);
    method(rt, rt->function_proto, "bind", 1, fn_bind);
    method(rt, rt->function_proto, "toString", 0, fn_to_string);

    JsObject *A = ctor(rt, "Array", 1, arr_ctor, rt->array_proto);
    rt->array_ctor = A;
    method(rt, A, "isArray", 1, arr_is_array);
    method(rt, A, "from", 1, arr_from);
    method(rt, A, "of", 0, arr_of);
    JsObject *ap = rt->array_proto;
    method(rt, ap, "push", 1, arr_push);
    method(rt, ap, "pop", 0, arr_pop);
    method(rt, ap, "shift", 0, arr_shift);
    method(rt, ap, "unshift", 1, arr_unshift);
    method(rt, ap, "slice", 2, arr_slice);
    method(rt, ap, "splice", 2, arr_splice);
    method(rt, ap, "concat", 1, arr_concat);
    method(rt, ap, "join", 1, arr_join);
    method(rt, ap, "toString", 0, arr_to_string);
    method(rt, ap, "reverse", 0, arr_reverse);
    fn_arity(method(rt, ap, "indexOf", 1, arr_index_of), 1);
    fn_arity(method(rt, ap, "lastIndexOf", 1, arr_index_of), 2);
    fn_arity(method(rt, ap, "includes", 1, arr_index_of), 3);
    static const char *const cbs[] = {"forEach", "map", "filter", "find", "findIndex", "some", "every", "findLast", "findLastIndex", "flatMap"};
    for (int i = 0; i < 10; i++)
        fn_arity(method(rt, ap, cbs[i], 1, arr_callback), i);
    fn_arity(method(rt, ap, "reduce", 1, arr_reduce), 1);
    fn_arity(method(rt, ap, "reduceRight", 1, arr_reduce), 2);
    method(rt, ap, "sort", 1, arr_sort);
    method(rt, ap, "flat", 0, arr_flat);
    method(rt, ap, "fill", 1, arr_fill);
    method(rt, ap, "at", 1, arr_at);
    fn_arity(method(rt, ap, "keys", 0, arr_keys_values), 0);
    fn_arity(method(rt, ap, "values", 0, arr_keys_values), 1);
    fn_arity(method(rt, ap, "entries", 0, arr_keys_values), 2);

    ctor(rt, "String", 1, str_ctor, rt->string_proto);
    JsObject *sp = rt->string_proto;
    fn_arity(method(rt, sp, "slice", 2, str_slice), 0);
    fn_arity(method(rt, sp, "substring", 2, str_slice), 1);
    fn_arity(method(rt, sp, "substr", 2, str_slice), 2);
    fn_arity(method(rt, sp, "charAt", 1, str_char_at), 0);
    fn_arity(method(rt, sp, "charCodeAt", 1, str_char_at), 1);
    fn_arity(method(rt, sp, "codePointAt", 1, str_char_at), 1);
    fn_arity(method(rt, sp, "indexOf", 1, str_index_of), 0);
    fn_arity(method(rt, sp, "lastIndexOf", 1, str_index_of), 1);
    fn_arity(method(rt, sp, "includes", 1, str_index_of), 2);
    fn_arity(method(rt, sp, "startsWith", 1, str_index_of), 3);
    fn_arity(method(rt, sp, "endsWith", 1, str_index_of), 4);
    fn_arity(method(rt, sp, "toUpperCase", 0, str_case), 0);
    fn_arity(method(rt, sp, "toLowerCase", 0, str_case), 1);
    fn_arity(method(rt, sp, "trim", 0, str_trim), 0);
    fn_arity(method(rt, sp, "trimStart", 0, str_trim), 1);
    fn_arity(method(rt, sp, "trimEnd", 0, str_trim), 2);
    fn_arity(method(rt, sp, "padStart", 2, str_pad), 0);
    fn_arity(method(rt, sp, "padEnd", 2, str_pad), 1);
    method(rt, sp, "repeat", 1, str_repeat);
    method(rt, sp, "split", 2, str_split);
    fn_arity(method(rt, sp, "replace", 2, str_replace), 0);
    fn_arity(method(rt, sp, "replaceAll", 2, str_replace), 1);
    method(rt, sp, "concat", 1, str_concat);
    method(rt, sp, "at", 1, arr_at);
    method(rt, sp, "toString", 0, str_to_string);
    method(rt, sp, "valueOf", 0, str_to_string);
    method(rt, sp, "localeCompare", 1, str_locale_compare);

    JsObject *N = ctor(rt, "Number", 1, num_ctor, rt->number_proto);
    fn_arity(method(rt, N, "isInteger", 1, num_is), 0);
    fn_arity(method(rt, N, "isFinite", 1, num_is), 1);
    fn_arity(method(rt, N, "isNaN", 1, num_is), 2);
    fn_arity(method(rt, N, "isSafeInteger", 1, num_is), 3);
    JsObject *pf = method(rt, N, "parseFloat", 1, parse_float);
    JsObject *pi = method(rt, N, "parseInt", 2, parse_int);
    js_define(rt, g, js_intern(rt, "parseFloat"), js_objv(pf), 0);
    js_define(rt, g, js_intern(rt, "parseInt"), js_objv(pi), 0);
    fn_arity(method(rt, g, "isNaN", 1, global_is), 2);
    fn_arity(method(rt, g, "isFinite", 1, global_is), 1);
    js_define(rt, N, js_intern(rt, "MAX_SAFE_INTEGER"), js_num(9007199254740991.0), PF_CONST);
    js_define(rt, N, js_intern(rt, "MIN_SAFE_INTEGER"), js_num(-9007199254740991.0), PF_CONST);
    js_define(rt, N, js_intern(rt, "EPSILON"), js_num(2.220446049250313e-16), PF_CONST);
    js_define(rt, N, js_intern(rt, "MAX_VALUE"), js_num(1.7976931348623157e308), PF_CONST);
    js_define(rt, N, js_intern(rt, "POSITIVE_INFINITY"), js_num(INFINITY), PF_CONST);
    js_define(rt, N, js_intern(rt, "NEGATIVE_INFINITY"), js_num(-INFINITY), PF_CONST);
    js_define(rt, N, js_intern(rt, "NaN"), js_num(NAN), PF_CONST);
    method(rt, rt->number_proto, "toFixed", 1, num_to_fixed);
    method(rt, rt->number_proto, "toString", 1, num_to_string);
    method(rt, rt->number_proto, "valueOf", 0, obj_value_of);
    ctor(rt, "Boolean", 1, bool_ctor, rt->boolean_proto);
    method(rt, rt->boolean_proto, "toString", 0, bool_to_string);

    JsObject *M = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "Math"), js_objv(M), 0);
    static const char *const mf[] = {"floor", "ceil", "round", "abs", "sqrt", "trunc", "sign", "pow", "log", "exp",
                                     "sin", "cos", "cbrt", "log2", "log10", "atan2", "tan", "atan"};
    for (int i = 0; i < (int)(sizeof mf / sizeof mf[0]); i++)
        fn_arity(method(rt, M, mf[i], 1, math_fn), i);
    fn_arity(method(rt, M, "min", 2, math_minmax), 0);
    fn_arity(method(rt, M, "max", 2, math_minmax), 1);
    method(rt, M, "hypot", 2, math_hypot);
    method(rt, M, "random", 0, math_random);
    rng_state = 0x2545F4914F6CDD1DULL;
    js_define(rt, M, js_intern(rt, "PI"), js_num(3.141592653589793), PF_CONST);
    js_define(rt, M, js_intern(rt, "E"), js_num(2.718281828459045), PF_CONST);
    js_define(rt, M, js_intern(rt, "LN2"), js_num(0.6931471805599453), PF_CONST);
    js_define(rt, M, js_intern(rt, "SQRT2"), js_num(1.4142135623730951), PF_CONST);

    JsObject *J = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "JSON"), js_objv(J), 0);
    method(rt, J, "stringify", 3, json_stringify);
    method(rt, J, "parse", 2, json_parse);

    static const char *const en[] = {"Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError",
                                     "EvalError", "URIError", "AggregateError"};
    for (int i = 0; i < 8; i++) {
        JsObject *proto = i == 0 ? rt->error_proto : js_obj_new(rt, JK_OBJECT, rt->error_proto);
        JsObject *E = ctor(rt, en[i], 1, error_ctor, proto);
        E->x.nat.arity = i;
        if (i > 0)
            E->proto = rt->error_ctors[0];
        rt->error_ctors[i] = E;
        js_define(rt, proto, rt->s_name, js_strv(js_intern(rt, en[i])), 0);
        js_define(rt, proto, rt->s_message, js_strv(js_intern(rt, "")), 0);
    }
    method(rt, rt->error_proto, "toString", 0, error_to_string);

    JsObject *Map = ctor(rt, "Map", 0, coll_ctor, rt->map_proto);
    Map->x.nat.arity = 0;
    coll_methods(rt, rt->map_proto, true);
    JsObject *Set = ctor(rt, "Set", 0, coll_ctor, rt->set_proto);
    Set->x.nat.arity = 1;
    coll_methods(rt, rt->set_proto, false);
}
