/* inspect.h: values as Node's util.inspect and console.log print them
 * (colours off, depth 2, breakLength 80, compact 3): quoting, -0, nested
 * [Object]/[Array], circular references, the single-line rule and the
 * grouping of arrays of more than six short items into columns.
 * Owns formatting only; reads values through value.h (getters are shown as
 * [Getter], never called). */
#ifndef LS_JS_INSPECT_H
#define LS_JS_INSPECT_H

#include "rt.h"

/* util.inspect(v) appended to b. */
void js_inspect(JsRt *rt, JsValue v, Buf *b);
/* console.log's formatting of its arguments (format specifiers in a first
 * string argument, the rest joined by spaces). 0, or -1 if a conversion
 * threw (a toString of the scenario's). */
int js_format_log(JsRt *rt, JsValue *args, int argc, Buf *b);
/* A string as a quoted literal, the way inspect quotes it. */
void js_quote(const JsString *s, Buf *b);

/* JSON.stringify(v, null, indent): appended to b; *undef is set (and
 * nothing written) when the value has no JSON form. 0, or -1 thrown
 * (circular structure, a throwing toJSON). */
int js_json_stringify(JsRt *rt, JsValue v, const char *indent, Buf *b, bool *undef);

#endif
