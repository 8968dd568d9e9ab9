/* literal.c: constants for BigInt literals, tagged templates' strings
 * arrays and regexp literals, made when the scenario is compiled.
 * Owns: parsing a BigInt literal's digits, the one frozen strings array
 * (with .raw) each tagged template site passes on every call, and
 * checking a regexp literal's pattern at load time (a bad one is a
 * located SyntaxError with Node's wording), keeping the compiled pattern
 * in a template RegExp that each evaluation copies. Leaves emitting
 * instructions to compile.c. */
#include "literal.h"
#include "../objects/bigint.h"
#include "../objects/regexp.h"

#include <stdio.h>
#include <string.h>

int js_literal_const(JsRt *rt, const Node *n, JsValue *out, char *msg, size_t size)
{
    switch (n->kind) {
    case N_NUM: {
        JsBig *big = js_big_parse(rt, n->str, strlen(n->str));
        if (!big) {
            snprintf(msg, size, "RangeError: Maximum BigInt size exceeded");
            return -1;
        }
        *out = js_bigv(big);
        return 0;
    }
    case N_TEMPLATE_OBJ: {
        JsObject *arr = js_array_new(rt, 0), *raw = js_array_new(rt, 0);
        for (int i = 0; i < n->n; i++) {
            js_array_push(rt, arr, js_strv(js_str(rt, n->list[i]->str, n->list[i]->slen)));
            js_array_push(rt, raw, js_strv(js_str(rt, n->a->list[i]->str, n->a->list[i]->slen)));
        }
        raw->extensible = false;
        js_define(rt, arr, js_intern(rt, "raw"), js_objv(raw), 0);
        arr->extensible = false;
        *out = js_objv(arr);
        return 0;
    }
    default: {
        const char *err;
        JsRegex *re = js_regex_compile(rt, n->str, n->slen, n->str2, &err);
        if (!re) {
            snprintf(msg, size, "SyntaxError: Invalid regular expression: /%.*s/%.10s: %.60s",
                     (int)(n->slen > 200 ? 200 : n->slen), n->str, n->str2, err);
            return -1;
        }
        *out = js_objv(js_regexp_new(rt, re, js_str(rt, n->str, n->slen), n->str2));
        return 0;
    }
    }
}
