/* symbol.c: Symbol values.
 * Owns: making symbols (each one a property key string no scenario text can
 * spell: the byte 0xff, a serial number, then ':' and the description, or
 * '!' when there is none), their description and their printed form
 * (`Symbol(foo)`), the global Symbol function with the well-known
 * Symbol.iterator and Symbol.asyncIterator, Symbol.for/keyFor, and
 * Symbol.prototype. Leaves iteration (which reads Symbol.iterator) to vm/
 * and formatting objects to inspect.c. */
#include "symbol.h"

#include <stdio.h>
#include <string.h>

JsString *js_symbol_key(JsRt *rt, const char *desc, size_t n, bool has_desc)
{
    Buf b;
    buf_init(&b);
    buf_printf(&b, "\xff%d%c", ++rt->nsymbols, has_desc ? ':' : '!');
    if (has_desc)
        buf_putn(&b, desc, n);
    JsString *k = js_str(rt, b.s, b.len);
    buf_free(&b);
    return k;
}

bool js_symbol_description(const JsString *key, const char **s, size_t *n)
{
    size_t i = 1;
    while (i < key->len && key->s[i] >= '0' && key->s[i] <= '9')
        i++;
    if (i >= key->len || key->s[i] == '!') {
        *s = "";
        *n = 0;
        return false;
    }
    *s = key->s + i + 1;
    *n = key->len - i - 1;
    return true;
}

void js_symbol_describe(const JsString *key, Buf *b)
{
    const char *s;
    size_t n;
    js_symbol_description(key, &s, &n);
    buf_puts(b, "Symbol(");
    buf_putn(b, s, n);
    buf_putc(b, ')');
}

JsString *js_key_function_name(JsRt *rt, JsString *key)
{
    if (js_is_private_key(key)) {
        const char *h = strchr(key->s, '#');
        return js_cstr(rt, h ? h : key->s);
    }
    if (!js_is_symkey(key))
        return key;
    const char *s;
    size_t n;
    if (!js_symbol_description(key, &s, &n))
        return js_intern(rt, "");
    return js_strf(rt, "[%.*s]", (int)n, s);
}

/* The symbol a method was called on (this), or a TypeError. */
static int this_symbol(JsRt *rt, JsValue self, const char *what, JsString **out)
{
    if (self.tag == JV_SYM) {
        *out = self.u.s;
        return 0;
    }
    return js_throw_error(rt, ERR_TYPE, "Symbol.prototype.%s requires that 'this' be a Symbol", what);
}

static int sym_call(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    if (argc == 0 || args[0].tag == JV_UNDEF) {
        *out = js_symv(js_symbol_key(rt, "", 0, false));
        return 0;
    }
    JsString *d;
    if (js_to_string(rt, args[0], &d) < 0)
        return -1;
    *out = js_symv(js_symbol_key(rt, d->s, d->len, true));
    return 0;
}

static int sym_to_string(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)args, (void)argc, (void)fn;
    JsString *k = NULL;
    if (this_symbol(rt, self, "toString", &k) < 0)
        return -1;
    Buf b;
    buf_init(&b);
    js_symbol_describe(k, &b);
    *out = js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

static int sym_value_of(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)args, (void)argc, (void)fn;
    JsString *k = NULL;
    if (this_symbol(rt, self, "valueOf", &k) < 0)
        return -1;
    *out = self;
    return 0;
}

static int sym_description(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)args, (void)argc, (void)fn;
    JsString *k = NULL;
    if (this_symbol(rt, self, "description", &k) < 0)
        return -1;
    const char *s;
    size_t n;
    *out = js_symbol_description(k, &s, &n) ? js_strv(js_str(rt, s, n)) : JS_UNDEF;
    return 0;
}

/* Symbol.for(key): one symbol per description, for the whole run. */
static int sym_for(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    JsString *d;
    if (js_to_string(rt, argc ? args[0] : JS_UNDEF, &d) < 0)
        return -1;
    JsProp *p = js_own_prop(rt->sym_registry, d);
    if (p) {
        *out = p->v;
        return 0;
    }
    *out = js_symv(js_symbol_key(rt, d->s, d->len, true));
    js_define(rt, rt->sym_registry, d, *out, 0);
    return 0;
}

static int sym_key_for(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    JsValue v = argc ? args[0] : JS_UNDEF;
    if (v.tag != JV_SYM) {
        JsString *s = NULL;
        if (v.tag == JV_STR)
            s = v.u.s;
        return js_throw_error(rt, ERR_TYPE, "%s is not a symbol", s ? s->s : js_typeof(v));
    }
    *out = JS_UNDEF;
    for (int i = 0; i < rt->sym_registry->nprops; i++)
        if (rt->sym_registry->props[i].v.u.s == v.u.s)
            *out = js_strv(rt->sym_registry->props[i].key);
    return 0;
}

void js_symbol_install(JsRt *rt)
{
    rt->symbol_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    rt->sym_registry = js_obj_new(rt, JK_OBJECT, NULL);
    JsObject *S = js_native_class(rt, "Symbol", 0, sym_call, rt->symbol_proto);
    static const char it[] = "Symbol.iterator", ait[] = "Symbol.asyncIterator";
    rt->sym_iterator = js_symbol_key(rt, it, sizeof it - 1, true);
    rt->sym_async_iterator = js_symbol_key(rt, ait, sizeof ait - 1, true);
    js_define(rt, S, js_intern(rt, "iterator"), js_symv(rt->sym_iterator), PF_CONST);
    js_define(rt, S, js_intern(rt, "asyncIterator"), js_symv(rt->sym_async_iterator), PF_CONST);
    static const char *const others[] = {"hasInstance", "toPrimitive", "toStringTag", "species"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        char d[64];
        snprintf(d, sizeof d, "Symbol.%s", others[i]);
        js_define(rt, S, js_intern(rt, others[i]), js_symv(js_symbol_key(rt, d, strlen(d), true)), PF_CONST);
    }
    js_method(rt, S, "for", 1, sym_for);
    js_method(rt, S, "keyFor", 1, sym_key_for);
    js_method(rt, rt->symbol_proto, "toString", 0, sym_to_string);
    js_method(rt, rt->symbol_proto, "valueOf", 0, sym_value_of);
    js_define_accessor(rt, rt->symbol_proto, js_intern(rt, "description"),
                       js_objv(js_native_new(rt, "get description", 0, sym_description)), JS_UNDEF, 0);
}
