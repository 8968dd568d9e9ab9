/* symbol.h: Symbol values (symbol.c). A symbol is a JsValue with tag
 * JV_SYM whose u.s is a property key string that starts with 0xff. */
#ifndef LS_JS_SYMBOL_H
#define LS_JS_SYMBOL_H

#include "rt.h"

/* A new, unique symbol key (has_desc false: Symbol() with no description). */
JsString *js_symbol_key(JsRt *rt, const char *desc, size_t n, bool has_desc);
/* The description of a symbol key (s, n): false when it has none. */
bool js_symbol_description(const JsString *key, const char **s, size_t *n);
/* `Symbol(desc)` appended to b. */
void js_symbol_describe(const JsString *key, Buf *b);
/* The name a function defined under key gets: key itself, or `[desc]`. */
JsString *js_key_function_name(JsRt *rt, JsString *key);
/* Install Symbol and Symbol.prototype (before anything uses Symbol.iterator). */
void js_symbol_install(JsRt *rt);

#endif
