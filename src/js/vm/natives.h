/* natives.h: what the files of built-in functions share (private to
 * src/js/vm and src/js/loop): the native function signature's macros, the
 * helpers that define methods and constructors, argument conversions, and
 * each file's install function. */
#ifndef LS_JS_NATIVES_H
#define LS_JS_NATIVES_H

#include "vm.h"

#define ARG(i) ((i) < argc ? args[i] : JS_UNDEF)
#define NATIVE(name) static int name(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
#define UNUSED (void)rt, (void)self, (void)args, (void)argc, (void)fn

/* A native function defined on o as a non-enumerable method; returned. */
JsObject *js_native_method(JsRt *rt, JsObject *o, const char *name, int arity, JsNativeFn f);
/* A native constructor with its prototype, defined on the global object. */
JsObject *js_native_ctor(JsRt *rt, const char *name, int arity, JsNativeFn f, JsObject *proto);
/* ToNumber(v), or dflt when v is undefined. 0, or -1 thrown. */
int js_arg_number(JsRt *rt, JsValue v, double dflt, double *out);
/* A relative index (negative counts from the end), clamped to [0, len]. */
int js_rel_index(JsRt *rt, JsValue v, size_t len, size_t dflt, size_t *out);
/* *out = the text of b as a string; b is released. Returns 0. */
static inline int js_native_string(JsRt *rt, Buf *b, JsValue *out)
{
    *out = js_strv(js_str(rt, b->s, b->len));
    buf_free(b);
    return 0;
}
/* js_text.c: String, Number, Boolean, Math, JSON.parse. */
void js_text_install(JsRt *rt);

#endif
