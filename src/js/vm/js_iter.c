/* iter.c: the iteration protocol. See vm.h.
 * Owns: iterator records (GetIterator with fast paths for arrays, strings,
 * Maps, Sets and native generators, and Symbol.iterator /
 * Symbol.asyncIterator for everything else), stepping, sending
 * next/throw/return to an iterator (what yield* delegates), IteratorClose,
 * iteration into an array (spread, Array.from, destructuring), the array
 * iterator objects (Array.prototype[Symbol.iterator], values, keys,
 * entries) and %IteratorPrototype%[Symbol.iterator]. Leaves running
 * generator frames to gen.c. */
#include "natives.h"

#include <string.h>

/* An iterator record is a private JK_BOXED object:
 *   IT_ARRAY: proto = the array (a snapshot, or the live array), x.boxed = the index;
 *   IT_GEN:   x.boxed = a native generator object;
 *   IT_OBJ:   x.boxed = the iterator object, own property "next" = its next method. */
enum { IT_ARRAY, IT_GEN, IT_OBJ, IT_MODE = 15, IT_FROM_SYNC = 16 };

JsObject *js_iter_result(JsRt *rt, JsValue value, bool done)
{
    JsObject *r = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, r, rt->s_value, value, PF_ENUM);
    js_define(rt, r, rt->s_done, js_bool(done), PF_ENUM);
    return r;
}

static JsObject *record(JsRt *rt, int mode, JsValue boxed, JsObject *items)
{
    JsObject *it = js_obj_new(rt, JK_BOXED, items);
    it->fnflags = (uint8_t)mode;
    it->x.boxed = boxed;
    return it;
}

static int not_iterable(JsRt *rt, JsValue v, bool async)
{
    const char *what = v.tag == JV_UNDEF ? "undefined" : v.tag == JV_NULL ? "null" : js_typeof(v);
    if (v.tag == JV_OBJ)
        what = "object";
    if (async)
        return js_throw_error(rt, ERR_TYPE, "%s is not async iterable", what);
    return js_throw_error(rt, ERR_TYPE, "%s is not iterable", what);
}

/* The characters of a string, Map entries or Set keys as a new array. */
static JsObject *snapshot(JsRt *rt, JsValue v)
{
    JsObject *a = js_array_new(rt, 0);
    if (v.tag == JV_STR) {
        const JsString *s = v.u.s;
        for (size_t i = 0; i < s->len;) {
            size_t j = i + 1;
            while (j < s->len && ((unsigned char)s->s[j] & 0xc0) == 0x80)
                j++;
            js_array_push(rt, a, js_strv(js_str(rt, s->s + i, j - i)));
            i = j;
        }
        return a;
    }
    JsObject *o = v.u.o;
    for (size_t i = 0; i < o->x.map.len; i++)
        js_array_push(rt, a, o->kind == JK_MAP ? js_objv(js_array_pair(rt, o->x.map.keys[i], o->x.map.vals[i]))
                                               : o->x.map.keys[i]);
    return a;
}

/* Is the method at key of o the built-in one (so the fast path is exact)? */
static bool builtin_iterator(JsRt *rt, JsObject *o, JsObject *proto)
{
    JsProp *mine = js_find_prop(o, rt->sym_iterator, NULL), *orig = js_own_prop(proto, rt->sym_iterator);
    return mine && orig && !(mine->flags & PF_ACCESSOR) && mine->v.tag == JV_OBJ && orig->v.tag == JV_OBJ &&
           mine->v.u.o == orig->v.u.o;
}

static int open_sync(JsRt *rt, JsValue v, bool async, JsObject **rec);

int js_iter_open(JsRt *rt, JsValue v, bool async, JsObject **rec)
{
    if (async) {
        JsValue method = JS_UNDEF;
        if (!js_is_nullish(v) && js_get(rt, v, rt->sym_async_iterator, &method) < 0)
            return -1;
        if (js_is_nullish(method)) {
            /* CreateAsyncFromSyncIterator: the loop awaits each value */
            if (open_sync(rt, v, true, rec) < 0)
                return -1;
            (*rec)->fnflags |= IT_FROM_SYNC;
            return 0;
        }
    }
    return open_sync(rt, v, async, rec);
}

static int open_sync(JsRt *rt, JsValue v, bool async, JsObject **rec)
{
    {
        if (v.tag == JV_STR)
            return *rec = record(rt, IT_ARRAY, js_num(0), snapshot(rt, v)), 0;
        if (v.tag == JV_OBJ) {
            JsObject *o = v.u.o;
            /* live: elements pushed during the loop are visited */
            if (o->kind == JK_ARRAY && builtin_iterator(rt, o, rt->array_proto))
                return *rec = record(rt, IT_ARRAY, js_num(0), o), 0;
            if (o->kind == JK_MAP || o->kind == JK_SET)
                return *rec = record(rt, IT_ARRAY, js_num(0), snapshot(rt, v)), 0;
            if (o->kind == JK_GENERATOR && builtin_iterator(rt, o, rt->iterator_proto) &&
                !js_own_prop(o, rt->s_next))
                return *rec = record(rt, IT_GEN, v, NULL), 0;
        }
    }
    if (js_is_nullish(v))
        return not_iterable(rt, v, async);
    JsValue method = JS_UNDEF;
    bool via_async = async && !(js_get(rt, v, rt->sym_async_iterator, &method) == 0 && js_is_nullish(method));
    if (rt->has_exc)
        return -1;
    if (!via_async && js_get(rt, v, rt->sym_iterator, &method) < 0)
        return -1;
    if (!js_is_callable(method))
        return not_iterable(rt, v, async);
    JsValue iter;
    if (js_call(rt, method, v, NULL, 0, &iter) < 0)
        return -1;
    if (iter.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Result of the Symbol.%s method is not an object",
                              via_async ? "asyncIterator" : "iterator");
    JsValue next;
    if (js_get(rt, iter, rt->s_next, &next) < 0)
        return -1;
    *rec = record(rt, IT_OBJ, iter, NULL);
    js_define(rt, *rec, rt->s_next, next, 0);
    return 0;
}

/* Read done and value from an iterator result. */
static int unpack(JsRt *rt, JsValue r, JsValue *value, bool *done)
{
    if (r.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Iterator result %s is not an object",
                              r.tag == JV_UNDEF ? "undefined" : js_typeof(r));
    JsValue d;
    if (js_get(rt, r, rt->s_done, &d) < 0)
        return -1;
    *done = js_truthy(d);
    return js_get(rt, r, rt->s_value, value);
}

int js_iter_resume(JsRt *rt, JsObject *rec, int mode, JsValue v, JsValue *value, bool *done)
{
    *value = JS_UNDEF;
    *done = true;
    switch (rec->fnflags & IT_MODE) {
    case IT_ARRAY: {
        if (mode == GEN_THROW) {
            return js_throw_error(rt, ERR_TYPE, "The iterator does not provide a 'throw' method");
        }
        if (mode == GEN_RETURN) {
            *value = v;
            return 0;
        }
        JsObject *items = rec->proto;
        size_t i = (size_t)rec->x.boxed.u.n;
        if (i >= items->x.arr.len)
            return 0;
        rec->x.boxed = js_num((double)(i + 1));
        JsValue x = items->x.arr.items[i];
        *value = x.tag == JV_HOLE ? JS_UNDEF : x;
        *done = false;
        return 0;
    }
    case IT_GEN:
        return js_gen_resume(rt, rec->x.boxed.u.o, mode, v, value, done);
    default: {
        JsValue iter = rec->x.boxed, method, r;
        if (mode == GEN_NEXT) {
            JsProp *p = js_own_prop(rec, rt->s_next);
            method = p ? p->v : JS_UNDEF;
        } else if (js_get(rt, iter, js_intern(rt, mode == GEN_THROW ? "throw" : "return"), &method) < 0) {
            return -1;
        }
        if (js_is_nullish(method)) {
            if (mode == GEN_RETURN) {
                *value = v;
                return 0;
            }
            if (mode == GEN_THROW) {
                if (js_iter_close(rt, rec) < 0)
                    return -1;
                return js_throw_error(rt, ERR_TYPE, "The iterator does not provide a 'throw' method");
            }
        }
        if (!js_is_callable(method))
            return js_throw_error(rt, ERR_TYPE, "%s is not a function",
                                  mode == GEN_NEXT ? "next" : mode == GEN_THROW ? "throw" : "return");
        if (js_call(rt, method, iter, &v, 1, &r) < 0)
            return -1;
        return unpack(rt, r, value, done);
    }
    }
}

int js_iter_close(JsRt *rt, JsObject *rec)
{
    if ((rec->fnflags & IT_MODE) == IT_ARRAY)
        return 0;
    JsValue value;
    bool done;
    if ((rec->fnflags & IT_MODE) == IT_GEN)
        return js_gen_resume(rt, rec->x.boxed.u.o, GEN_RETURN, JS_UNDEF, &value, &done);
    JsValue method, r;
    if (js_get(rt, rec->x.boxed, js_intern(rt, "return"), &method) < 0)
        return -1;
    if (js_is_nullish(method))
        return 0;
    if (js_call(rt, method, rec->x.boxed, NULL, 0, &r) < 0)
        return -1;
    if (r.tag != JV_OBJ)
        return js_throw_error(rt, ERR_TYPE, "Iterator result %s is not an object",
                              r.tag == JV_UNDEF ? "undefined" : js_typeof(r));
    return 0;
}

int js_vm_iterate_to_array(JsRt *rt, JsValue v, JsObject **out)
{
    JsObject *a = js_array_new(rt, 0);
    *out = a;
    JsObject *rec;
    if (js_iter_open(rt, v, false, &rec) < 0)
        return -1;
    if (rec->fnflags == IT_ARRAY) {
        JsObject *items = rec->proto;
        for (size_t i = 0; i < items->x.arr.len; i++) {
            JsValue x = items->x.arr.items[i];
            js_array_push(rt, a, x.tag == JV_HOLE ? JS_UNDEF : x);
        }
        return 0;
    }
    for (;;) {
        JsValue x;
        bool done;
        if (js_iter_step(rt, rec, &x, &done) < 0)
            return -1;
        if (done)
            return 0;
        if (rt->max_items && a->x.arr.len >= rt->max_items)
            return js_limit(rt, "an array longer than --max-items");
        js_array_push(rt, a, x);
    }
}

/* ---- array iterators and %IteratorPrototype% ---- */

/* An array iterator keeps its state in hidden (0xff) properties: the
 * array, the next index and the kind (0 keys, 1 values, 2 entries). */
NATIVE(array_iter_next)
{
    UNUSED;
    JsProp *arr = self.tag == JV_OBJ ? js_own_prop(self.u.o, js_intern(rt, "\xff" "arr")) : NULL;
    if (!arr)
        return js_throw_error(rt, ERR_TYPE, "next method called on incompatible receiver");
    JsProp *ip = js_own_prop(self.u.o, js_intern(rt, "\xff" "i"));
    JsProp *kp = js_own_prop(self.u.o, js_intern(rt, "\xff" "kind"));
    size_t i = (size_t)ip->v.u.n;
    if (arr->v.tag != JV_OBJ || i >= arr->v.u.o->x.arr.len) {
        arr->v = JS_UNDEF;
        *out = js_objv(js_iter_result(rt, JS_UNDEF, true));
        return 0;
    }
    ip->v = js_num((double)(i + 1));
    JsValue x = arr->v.u.o->x.arr.items[i];
    if (x.tag == JV_HOLE)
        x = JS_UNDEF;
    int kind = (int)kp->v.u.n;
    JsValue r = kind == 0 ? js_num((double)i) : kind == 1 ? x : js_objv(js_array_pair(rt, js_num((double)i), x));
    *out = js_objv(js_iter_result(rt, r, false));
    return 0;
}

JsObject *js_array_iterator(JsRt *rt, JsObject *a, int kind)
{
    JsObject *it = js_obj_new(rt, JK_OBJECT, rt->array_iter_proto);
    js_define(rt, it, js_intern(rt, "\xff" "arr"), js_objv(a), 0);
    js_define(rt, it, js_intern(rt, "\xff" "i"), js_num(0), 0);
    js_define(rt, it, js_intern(rt, "\xff" "kind"), js_num(kind), 0);
    js_define(rt, it, js_intern(rt, "\xff" "tag"), js_strv(js_intern(rt, "Array Iterator")), 0);
    return it;
}

NATIVE(iter_self)
{
    UNUSED;
    *out = self;
    return 0;
}

NATIVE(async_iter_self)
{
    UNUSED;
    *out = self;
    return 0;
}

void js_iter_install(JsRt *rt)
{
    js_define(rt, rt->iterator_proto, rt->sym_iterator,
              js_objv(js_native_new(rt, "[Symbol.iterator]", 0, iter_self)), 0);
    rt->async_iterator_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, rt->async_iterator_proto, rt->sym_async_iterator,
              js_objv(js_native_new(rt, "[Symbol.asyncIterator]", 0, async_iter_self)), 0);
    rt->array_iter_proto = js_obj_new(rt, JK_OBJECT, rt->iterator_proto);
    js_native_method(rt, rt->array_iter_proto, "next", 0, array_iter_next);
}

bool js_iter_from_sync(const JsObject *rec)
{
    return rec->fnflags & IT_FROM_SYNC;
}

JsObject *js_iter_of_array(JsRt *rt, JsObject *items)
{
    return record(rt, IT_ARRAY, js_num(0), items);
}
