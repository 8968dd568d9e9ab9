/* value.c: allocation, strings, properties and conversions. See value.h. */
#include "rt.h"
#include "bigint.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- heap ---- */

static void track(JsRt *rt, void *p, size_t n)
{
    if (rt->nblocks == rt->capblocks) {
        rt->capblocks = rt->capblocks ? rt->capblocks * 2 : 256;
        rt->blocks = xrealloc(rt->blocks, rt->capblocks * sizeof(void *));
    }
    rt->blocks[rt->nblocks++] = p;
    rt->bytes += n + 16;
}

enum { BUMP_CHUNK = 256 * 1024, BUMP_MAX = 4096 };

/* Small blocks come from 256 KB chunks (bump allocation: nothing is freed
 * before the run ends, and one free per chunk then); large ones stand alone. */
void *js_alloc(JsRt *rt, size_t n)
{
    if (!n)
        n = 1;
    if (n > BUMP_MAX) {
        void *p = xcalloc(1, n);
        track(rt, p, n);
        return p;
    }
    size_t need = (n + 15) & ~(size_t)15;
    if (rt->bump_left < need) {
        rt->bump = xcalloc(1, BUMP_CHUNK);
        rt->bump_left = BUMP_CHUNK;
        track(rt, rt->bump, 0);
        rt->bytes -= 16;
    }
    void *p = rt->bump;
    rt->bump += need;
    rt->bump_left -= need;
    rt->bytes += n + 16;
    return p;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

JsString *js_str(JsRt *rt, const char *s, size_t n)
{
    JsString *r = js_alloc(rt, sizeof(JsString) + n + 1);
    r->len = n;
    if (n)
        memcpy(r->s, s, n);
    r->s[n] = 0;
    r->hash = hash_bytes(r->s, n);
    return r;
}

JsString *js_cstr(JsRt *rt, const char *s)
{
    return js_str(rt, s, strlen(s));
}

JsString *js_vstrf(JsRt *rt, const char *fmt, va_list ap)
{
    Buf b;
    buf_init(&b);
    buf_vprintf(&b, fmt, ap);
    JsString *r = js_str(rt, b.s, b.len);
    buf_free(&b);
    return r;
}

JsString *js_strf(JsRt *rt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    JsString *r = js_vstrf(rt, fmt, ap);
    va_end(ap);
    return r;
}

bool js_str_eq(const JsString *a, const JsString *b)
{
    return a == b || (a->len == b->len && a->hash == b->hash && memcmp(a->s, b->s, a->len) == 0);
}

JsString *js_intern(JsRt *rt, const char *s)
{
    size_t n = strlen(s);
    uint32_t h = hash_bytes(s, n);
    if (rt->capinterned) {
        size_t i = h & (rt->capinterned - 1);
        while (rt->interned[i]) {
            JsString *e = rt->interned[i];
            if (e->hash == h && e->len == n && !memcmp(e->s, s, n))
                return e;
            i = (i + 1) & (rt->capinterned - 1);
        }
    }
    if ((rt->ninterned + 1) * 2 > rt->capinterned) {
        size_t nc = rt->capinterned ? rt->capinterned * 2 : 256;
        JsString **t = xcalloc(nc, sizeof *t);
        for (size_t i = 0; i < rt->capinterned; i++) {
            JsString *e = rt->interned[i];
            if (!e)
                continue;
            size_t j = e->hash & (nc - 1);
            while (t[j])
                j = (j + 1) & (nc - 1);
            t[j] = e;
        }
        xfree(rt->interned);
        rt->interned = t;
        rt->capinterned = nc;
    }
    JsString *r = js_str(rt, s, n);
    size_t i = h & (rt->capinterned - 1);
    while (rt->interned[i])
        i = (i + 1) & (rt->capinterned - 1);
    rt->interned[i] = r;
    rt->ninterned++;
    return r;
}

JsObject *js_obj_new(JsRt *rt, JsKind kind, JsObject *proto)
{
    JsObject *o = js_alloc(rt, sizeof *o);
    o->next_alloc = rt->heap;
    rt->heap = o;
    o->kind = (uint8_t)kind;
    o->proto = proto;
    o->extensible = true;
    return o;
}

JsObject *js_method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn fn)
{
    JsObject *m = js_native_new(rt, name, arity, fn);
    js_define(rt, o, js_intern(rt, name), js_objv(m), 0);
    return m;
}

JsObject *js_native_class(JsRt *rt, const char *name, int arity, JsNativeFn fn, JsObject *proto)
{
    JsObject *c = js_native_new(rt, name, arity, fn);
    js_define(rt, c, rt->s_prototype, js_objv(proto), PF_CONST);
    js_define(rt, proto, rt->s_constructor, js_objv(c), 0);
    js_define(rt, rt->global, js_intern(rt, name), js_objv(c), 0);
    return c;
}

JsObject *js_array_new(JsRt *rt, size_t cap)
{
    JsObject *a = js_obj_new(rt, JK_ARRAY, rt->array_proto);
    if (cap) {
        a->x.arr.items = xmalloc(cap * sizeof(JsValue));
        a->x.arr.cap = cap;
        rt->bytes += cap * sizeof(JsValue);
    }
    return a;
}

void js_array_push(JsRt *rt, JsObject *a, JsValue v)
{
    if (a->x.arr.len == a->x.arr.cap) {
        size_t nc = a->x.arr.cap ? a->x.arr.cap * 2 : 4;
        a->x.arr.items = xrealloc(a->x.arr.items, nc * sizeof(JsValue));
        rt->bytes += (nc - a->x.arr.cap) * sizeof(JsValue);
        a->x.arr.cap = nc;
    }
    a->x.arr.items[a->x.arr.len++] = v;
}

JsObject *js_array_pair(JsRt *rt, JsValue a, JsValue b)
{
    JsObject *p = js_array_new(rt, 2);
    js_array_push(rt, p, a);
    js_array_push(rt, p, b);
    return p;
}

JsObject *js_native_new(JsRt *rt, const char *name, int arity, JsNativeFn fn)
{
    JsObject *o = js_obj_new(rt, JK_NATIVE, rt->function_proto);
    o->x.nat.fn = fn;
    o->x.nat.name = name;
    o->x.nat.arity = arity;
    if (rt->s_name)
        js_define(rt, o, rt->s_name, js_strv(js_intern(rt, name)), PF_CONST);
    return o;
}

bool js_is_callable(JsValue v)
{
    return v.tag == JV_OBJ && (v.u.o->kind == JK_FUNCTION || v.u.o->kind == JK_NATIVE);
}

/* ---- properties ---- */

JsProp *js_own_prop(const JsObject *o, const JsString *key)
{
    for (int i = 0; i < o->nprops; i++)
        if (js_str_eq(o->props[i].key, key))
            return &o->props[i];
    return NULL;
}

JsProp *js_find_prop(const JsObject *o, const JsString *key, JsObject **holder)
{
    for (int guard = 0; o && guard < 10000; o = o->proto, guard++) {
        JsProp *p = js_own_prop(o, key);
        if (p) {
            if (holder)
                *holder = (JsObject *)o;
            return p;
        }
    }
    return NULL;
}

static JsProp *add_prop(JsRt *rt, JsObject *o, JsString *key)
{
    if (o->nprops == o->cap) {
        int nc = o->cap ? o->cap * 2 : 4;
        o->props = xrealloc(o->props, (size_t)nc * sizeof(JsProp));
        rt->bytes += (size_t)(nc - o->cap) * sizeof(JsProp);
        o->cap = nc;
    }
    JsProp *p = &o->props[o->nprops++];
    memset(p, 0, sizeof *p);
    p->key = key;
    return p;
}

void js_define(JsRt *rt, JsObject *o, JsString *key, JsValue v, uint8_t flags)
{
    JsProp *p = js_own_prop(o, key);
    if (!p)
        p = add_prop(rt, o, key);
    p->v = v;
    p->set = JS_UNDEF;
    p->flags = flags;
}

void js_define_accessor(JsRt *rt, JsObject *o, JsString *key, JsValue get, JsValue set, uint8_t flags)
{
    JsProp *p = js_own_prop(o, key);
    if (!p) {
        p = add_prop(rt, o, key);
        p->v = JS_UNDEF;
        p->set = JS_UNDEF;
    } else if (!(p->flags & PF_ACCESSOR)) {
        p->v = JS_UNDEF;
        p->set = JS_UNDEF;
    }
    if (get.tag != JV_UNDEF)
        p->v = get;
    if (set.tag != JV_UNDEF)
        p->set = set;
    p->flags = (uint8_t)(flags | PF_ACCESSOR);
}

bool js_delete(JsObject *o, const JsString *key)
{
    for (int i = 0; i < o->nprops; i++) {
        if (js_str_eq(o->props[i].key, key)) {
            if (o->props[i].flags & PF_CONST)
                return false;
            memmove(&o->props[i], &o->props[i + 1], (size_t)(o->nprops - i - 1) * sizeof(JsProp));
            o->nprops--;
            return true;
        }
    }
    return true;
}

static int cmp_index(const void *a, const void *b)
{
    long x = js_array_index(((const JsValue *)a)->u.s), y = js_array_index(((const JsValue *)b)->u.s);
    return x < y ? -1 : x > y;
}

JsObject *js_own_keys(JsRt *rt, JsObject *o, bool enumerable_only)
{
    JsObject *a = js_array_new(rt, 0);
    if (o->kind == JK_ARRAY)
        for (size_t i = 0; i < o->x.arr.len; i++)
            if (o->x.arr.items[i].tag != JV_HOLE)
                js_array_push(rt, a, js_strv(js_number_to_string(rt, (double)i)));
    size_t first = a->x.arr.len;
    for (int i = 0; i < o->nprops; i++)
        if ((!enumerable_only || (o->props[i].flags & PF_ENUM)) && js_array_index(o->props[i].key) >= 0)
            js_array_push(rt, a, js_strv(o->props[i].key));
    if (a->x.arr.len - first > 1)
        qsort(a->x.arr.items + first, a->x.arr.len - first, sizeof(JsValue), cmp_index);
    for (int i = 0; i < o->nprops; i++)
        if ((!enumerable_only || (o->props[i].flags & PF_ENUM)) && js_array_index(o->props[i].key) < 0 &&
            !js_is_symkey(o->props[i].key) && !js_is_private_key(o->props[i].key))
            js_array_push(rt, a, js_strv(o->props[i].key));
    return a;
}

long js_array_index(const JsString *s)
{
    if (s->len == 0 || s->len > 10 || (s->len > 1 && s->s[0] == '0'))
        return -1;
    long v = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (s->s[i] < '0' || s->s[i] > '9')
            return -1;
        v = v * 10 + (s->s[i] - '0');
    }
    return v < 4294967295L ? v : -1;
}

/* Code point count and the byte offset of code point i (strings are UTF-8;
 * lengths count code points, a documented simplification of UTF-16). */
static size_t utf8_len(const JsString *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->len; i++)
        n += ((unsigned char)s->s[i] & 0xc0) != 0x80;
    return n;
}

static int str_char_at(JsRt *rt, const JsString *s, long idx, JsValue *out)
{
    long k = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (((unsigned char)s->s[i] & 0xc0) == 0x80)
            continue;
        if (k++ == idx) {
            size_t j = i + 1;
            while (j < s->len && ((unsigned char)s->s[j] & 0xc0) == 0x80)
                j++;
            *out = js_strv(js_str(rt, s->s + i, j - i));
            return 1;
        }
    }
    return 0;
}

static int call_getter(JsRt *rt, JsProp *p, JsValue self, JsValue *out)
{
    if (p->v.tag == JV_UNDEF) {
        *out = JS_UNDEF;
        return 0;
    }
    return js_call(rt, p->v, self, NULL, 0, out);
}

static int get_from(JsRt *rt, JsObject *start, JsValue self, JsString *key, JsValue *out)
{
    JsProp *p = js_find_prop(start, key, NULL);
    if (!p) {
        *out = JS_UNDEF;
        return 0;
    }
    if (p->flags & PF_ACCESSOR)
        return call_getter(rt, p, self, out);
    *out = p->v;
    return 0;
}

int js_get(JsRt *rt, JsValue obj, JsString *key, JsValue *out)
{
    switch (obj.tag) {
    case JV_UNDEF:
    case JV_NULL:
        return js_throw_error(rt, ERR_TYPE, "Cannot read properties of %s (reading '%s')",
                              obj.tag == JV_NULL ? "null" : "undefined", key->s);
    case JV_STR: {
        if (key == rt->s_length || js_str_eq(key, rt->s_length)) {
            *out = js_num((double)utf8_len(obj.u.s));
            return 0;
        }
        long i = js_array_index(key);
        if (i >= 0) {
            if (!str_char_at(rt, obj.u.s, i, out))
                *out = JS_UNDEF;
            return 0;
        }
        return get_from(rt, rt->string_proto, obj, key, out);
    }
    case JV_NUM:
        return get_from(rt, rt->number_proto, obj, key, out);
    case JV_BOOL:
        return get_from(rt, rt->boolean_proto, obj, key, out);
    case JV_SYM:
        return get_from(rt, rt->symbol_proto, obj, key, out);
    case JV_BIG:
        return get_from(rt, rt->bigint_proto, obj, key, out);
    case JV_OBJ: {
        JsObject *o = obj.u.o;
        if (o->kind == JK_ARRAY) {
            if (js_str_eq(key, rt->s_length)) {
                *out = js_num((double)o->x.arr.len);
                return 0;
            }
            long i = js_array_index(key);
            if (i >= 0) {
                *out = (size_t)i < o->x.arr.len ? o->x.arr.items[i] : JS_UNDEF;
                if (out->tag == JV_HOLE)
                    *out = JS_UNDEF;
                return 0;
            }
        }
        return get_from(rt, o, obj, key, out);
    }
    default:
        *out = JS_UNDEF;
        return 0;
    }
}

static int set_array_length(JsRt *rt, JsObject *a, JsValue v)
{
    double d;
    if (js_to_number(rt, v, &d) < 0)
        return -1;
    if (!(d >= 0 && d == floor(d) && d < 4294967296.0))
        return js_throw_error(rt, ERR_RANGE, "Invalid array length");
    size_t n = (size_t)d;
    if (rt->max_items && n > rt->max_items)
        return js_limit(rt, "an array longer than --max-items");
    while (a->x.arr.len < n)
        js_array_push(rt, a, JS_HOLE);
    a->x.arr.len = n;
    return 0;
}

int js_set(JsRt *rt, JsValue obj, JsString *key, JsValue v)
{
    if (obj.tag != JV_OBJ) {
        if (js_is_nullish(obj))
            return js_throw_error(rt, ERR_TYPE, "Cannot set properties of %s (setting '%s')",
                                  obj.tag == JV_NULL ? "null" : "undefined", key->s);
        return 0; /* sloppy mode: ignored */
    }
    JsObject *o = obj.u.o;
    if (o->kind == JK_ARRAY) {
        if (js_str_eq(key, rt->s_length))
            return set_array_length(rt, o, v);
        long i = js_array_index(key);
        if (i >= 0) {
            if (rt->max_items && (size_t)i >= rt->max_items)
                return js_limit(rt, "an array longer than --max-items");
            while (o->x.arr.len <= (size_t)i)
                js_array_push(rt, o, JS_HOLE);
            o->x.arr.items[i] = v;
            return 0;
        }
    }
    JsObject *holder;
    JsProp *p = js_find_prop(o, key, &holder);
    if (p && (p->flags & PF_ACCESSOR)) {
        if (p->set.tag == JV_UNDEF)
            return 0;
        JsValue ignored;
        return js_call(rt, p->set, obj, &v, 1, &ignored);
    }
    if (p && holder == o) {
        if (!(p->flags & PF_CONST))
            p->v = v;
        return 0;
    }
    if (!o->extensible)
        return 0;
    js_define(rt, o, key, v, js_is_private_key(key) ? 0 : PF_ENUM);
    return 0;
}

JsString *js_to_key(JsRt *rt, JsValue v)
{
    if (v.tag == JV_STR || v.tag == JV_SYM)
        return v.u.s;
    if (v.tag == JV_NUM) {
        char buf[64];
        js_number_fmt(v.u.n, buf, sizeof buf);
        return js_cstr(rt, buf);
    }
    JsString *s;
    if (js_to_string(rt, v, &s) < 0) {
        js_catch(rt);
        return js_cstr(rt, "?");
    }
    return s;
}

int js_get_elem(JsRt *rt, JsValue obj, JsValue key, JsValue *out)
{
    if (obj.tag == JV_OBJ && obj.u.o->kind == JK_ARRAY && key.tag == JV_NUM) {
        double d = key.u.n;
        JsObject *a = obj.u.o;
        if (d >= 0 && d == floor(d)) {
            *out = d < (double)a->x.arr.len ? a->x.arr.items[(size_t)d] : JS_UNDEF;
            if (out->tag == JV_HOLE)
                *out = JS_UNDEF;
            return 0;
        }
    }
    if (js_is_nullish(obj)) {
        JsString *k = js_to_key(rt, key);
        return js_throw_error(rt, ERR_TYPE, "Cannot read properties of %s (reading '%s')",
                              obj.tag == JV_NULL ? "null" : "undefined", k->s);
    }
    return js_get(rt, obj, js_to_key(rt, key), out);
}

int js_set_elem(JsRt *rt, JsValue obj, JsValue key, JsValue v)
{
    if (obj.tag == JV_OBJ && obj.u.o->kind == JK_ARRAY && key.tag == JV_NUM) {
        double d = key.u.n;
        JsObject *a = obj.u.o;
        if (d >= 0 && d == floor(d) && d < 4294967295.0) {
            size_t i = (size_t)d;
            if (rt->max_items && i >= rt->max_items)
                return js_limit(rt, "an array longer than --max-items");
            while (a->x.arr.len <= i)
                js_array_push(rt, a, JS_HOLE);
            a->x.arr.items[i] = v;
            return 0;
        }
    }
    return js_set(rt, obj, js_to_key(rt, key), v);
}

/* ---- conversions ---- */

bool js_truthy(JsValue v)
{
    switch (v.tag) {
    case JV_BOOL:
        return v.u.b;
    case JV_NUM:
        return !(v.u.n == 0 || isnan(v.u.n));
    case JV_STR:
        return v.u.s->len > 0;
    case JV_OBJ:
    case JV_SYM:
        return true;
    case JV_BIG:
        return !js_big_is_zero(v.u.big);
    default:
        return false;
    }
}

static double parse_number(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    if (n == 0)
        return 0;
    char buf[128];
    if (n >= sizeof buf)
        return NAN;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (!strcmp(buf, "Infinity") || !strcmp(buf, "+Infinity"))
        return INFINITY;
    if (!strcmp(buf, "-Infinity"))
        return -INFINITY;
    if (n > 2 && buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X' || buf[1] == 'o' || buf[1] == 'O' ||
                                   buf[1] == 'b' || buf[1] == 'B')) {
        int base = (buf[1] | 32) == 'x' ? 16 : (buf[1] | 32) == 'o' ? 8 : 2;
        double v = 0;
        for (size_t i = 2; i < n; i++) {
            int c = buf[i], d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'f' ? (c | 32) - 'a' + 10 : 99;
            if (d >= base)
                return NAN;
            v = v * base + d;
        }
        return v;
    }
    for (size_t i = 0; i < n; i++) {
        char c = buf[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return NAN;
    }
    char *end;
    double v = strtod(buf, &end);
    return *end ? NAN : v;
}

double js_to_number_prim(JsRt *rt, JsValue v)
{
    (void)rt;
    switch (v.tag) {
    case JV_UNDEF:
        return NAN;
    case JV_NULL:
        return 0;
    case JV_BOOL:
        return v.u.b;
    case JV_NUM:
        return v.u.n;
    case JV_STR:
        return parse_number(v.u.s->s, v.u.s->len);
    default:
        return NAN;
    }
}

/* ToPrimitive for objects: valueOf, then toString (hint number), or the
 * other way round for hint string. */
static int to_primitive(JsRt *rt, JsValue v, bool string_first, JsValue *out)
{
    static const char *const order[2][2] = {{"valueOf", "toString"}, {"toString", "valueOf"}};
    for (int i = 0; i < 2; i++) {
        JsValue f;
        if (js_get(rt, v, js_intern(rt, order[string_first][i]), &f) < 0)
            return -1;
        if (js_is_callable(f)) {
            JsValue r;
            if (js_call(rt, f, v, NULL, 0, &r) < 0)
                return -1;
            if (r.tag != JV_OBJ) {
                *out = r;
                return 0;
            }
        }
    }
    return js_throw_error(rt, ERR_TYPE, "Cannot convert object to primitive value");
}

int js_to_number(JsRt *rt, JsValue v, double *out)
{
    if (v.tag == JV_OBJ) {
        JsValue p;
        if (to_primitive(rt, v, false, &p) < 0)
            return -1;
        v = p;
    }
    if (v.tag == JV_SYM)
        return js_throw_error(rt, ERR_TYPE, "Cannot convert a Symbol value to a number");
    if (v.tag == JV_BIG)
        return js_throw_error(rt, ERR_TYPE, "Cannot convert a BigInt value to a number");
    *out = js_to_number_prim(rt, v);
    return 0;
}

/* The shortest digits that read back as d, formatted as Number::toString. */
void js_number_fmt(double d, char *buf, size_t n)
{
    if (isnan(d)) {
        snprintf(buf, n, "NaN");
        return;
    }
    if (isinf(d)) {
        snprintf(buf, n, d < 0 ? "-Infinity" : "Infinity");
        return;
    }
    if (d == 0) {
        snprintf(buf, n, "0");
        return;
    }
    if (d == floor(d) && fabs(d) < 9007199254740992.0) { /* exact: beyond 2^53 the shortest digits differ */
        snprintf(buf, n, "%.0f", d);
        return;
    }
    char tmp[64];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, d);
        if (strtod(tmp, NULL) == d)
            break;
    }
    /* tmp: [-]D.DDDe[+-]XX -> digits and exponent */
    const char *p = tmp;
    bool neg = *p == '-';
    if (neg)
        p++;
    char digits[32];
    int k = 0;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[k++] = *p;
    while (k > 1 && digits[k - 1] == '0')
        k--;
    digits[k] = 0;
    int e = atoi(p + 1) + 1; /* the n of the spec: value = 0.digits * 10^e */
    Buf b;
    buf_init(&b);
    if (neg)
        buf_putc(&b, '-');
    if (k <= e && e <= 21) {
        buf_puts(&b, digits);
        for (int i = k; i < e; i++)
            buf_putc(&b, '0');
    } else if (0 < e && e <= 21) {
        buf_putn(&b, digits, (size_t)e);
        buf_putc(&b, '.');
        buf_puts(&b, digits + e);
    } else if (-6 < e && e <= 0) {
        buf_puts(&b, "0.");
        for (int i = 0; i < -e; i++)
            buf_putc(&b, '0');
        buf_puts(&b, digits);
    } else {
        buf_putc(&b, digits[0]);
        if (k > 1) {
            buf_putc(&b, '.');
            buf_puts(&b, digits + 1);
        }
        buf_printf(&b, "e%c%d", e - 1 >= 0 ? '+' : '-', abs(e - 1));
    }
    snprintf(buf, n, "%s", b.s);
    buf_free(&b);
}

JsString *js_number_to_string(JsRt *rt, double d)
{
    char buf[64];
    js_number_fmt(d, buf, sizeof buf);
    return js_cstr(rt, buf);
}

int js_to_string(JsRt *rt, JsValue v, JsString **out)
{
    switch (v.tag) {
    case JV_UNDEF:
        *out = js_intern(rt, "undefined");
        return 0;
    case JV_NULL:
        *out = js_intern(rt, "null");
        return 0;
    case JV_BOOL:
        *out = js_intern(rt, v.u.b ? "true" : "false");
        return 0;
    case JV_NUM:
        *out = js_number_to_string(rt, v.u.n);
        return 0;
    case JV_STR:
        *out = v.u.s;
        return 0;
    case JV_SYM:
        return js_throw_error(rt, ERR_TYPE, "Cannot convert a Symbol value to a string");
    case JV_BIG:
        *out = js_big_to_string(rt, v.u.big, 10);
        return 0;
    case JV_OBJ: {
        JsValue p;
        if (to_primitive(rt, v, true, &p) < 0)
            return -1;
        return js_to_string(rt, p, out);
    }
    default:
        *out = js_intern(rt, "");
        return 0;
    }
}

bool js_strict_equals(JsValue a, JsValue b)
{
    if (a.tag != b.tag)
        return false;
    switch (a.tag) {
    case JV_UNDEF:
    case JV_NULL:
        return true;
    case JV_BOOL:
        return a.u.b == b.u.b;
    case JV_NUM:
        return a.u.n == b.u.n;
    case JV_STR:
        return js_str_eq(a.u.s, b.u.s);
    case JV_OBJ:
        return a.u.o == b.u.o;
    case JV_SYM:
        return a.u.s == b.u.s;
    case JV_BIG:
        return js_big_cmp(a.u.big, b.u.big) == 0;
    default:
        return false;
    }
}

bool js_same_value_zero(JsValue a, JsValue b)
{
    if (a.tag == JV_NUM && b.tag == JV_NUM && isnan(a.u.n) && isnan(b.u.n))
        return true;
    return js_strict_equals(a, b);
}

int js_loose_equals(JsRt *rt, JsValue a, JsValue b, bool *out)
{
    for (int guard = 0; guard < 4; guard++) {
        if (a.tag == b.tag) {
            *out = js_strict_equals(a, b);
            return 0;
        }
        if (js_is_nullish(a) && js_is_nullish(b)) {
            *out = true;
            return 0;
        }
        if (js_is_nullish(a) || js_is_nullish(b)) {
            *out = false;
            return 0;
        }
        if (a.tag == JV_OBJ || b.tag == JV_OBJ) {
            JsValue *o = a.tag == JV_OBJ ? &a : &b;
            if (to_primitive(rt, *o, false, o) < 0)
                return -1;
            continue;
        }
        if (a.tag == JV_SYM || b.tag == JV_SYM) {
            *out = false;
            return 0;
        }
        if (a.tag == JV_BIG || b.tag == JV_BIG) {
            *out = js_big_compare(rt, a, b) == 0;
            return 0;
        }
        /* both primitives of different types: compare as numbers */
        *out = js_to_number_prim(rt, a) == js_to_number_prim(rt, b);
        return 0;
    }
    *out = false;
    return 0;
}

const char *js_typeof(JsValue v)
{
    switch (v.tag) {
    case JV_UNDEF:
        return "undefined";
    case JV_NULL:
        return "object";
    case JV_BOOL:
        return "boolean";
    case JV_NUM:
        return "number";
    case JV_STR:
        return "string";
    case JV_OBJ:
        return js_is_callable(v) ? "function" : "object";
    case JV_SYM:
        return "symbol";
    case JV_BIG:
        return "bigint";
    default:
        return "undefined";
    }
}

double js_to_integer(double d)
{
    if (isnan(d))
        return 0;
    if (isinf(d))
        return d;
    return trunc(d);
}

int32_t js_to_int32(double d)
{
    if (isnan(d) || isinf(d))
        return 0;
    double m = fmod(trunc(d), 4294967296.0);
    if (m < 0)
        m += 4294967296.0;
    return (int32_t)(uint32_t)m;
}
