/* regexp.h: regular expressions (regexp.c): our own backtracking matcher
 * over code points, and RegExp objects.
 * The subject is matched as code points, and indices (lastIndex, index)
 * count code points, like the rest of loopscope's strings. */
#ifndef LS_JS_REGEXP_H
#define LS_JS_REGEXP_H

#include "rt.h"

enum { RE_G = 1, RE_I = 2, RE_M = 4, RE_S = 8, RE_U = 16, RE_Y = 32, RE_D = 64 };

typedef struct JsRegex JsRegex;   /* a compiled pattern */

/* Compile pattern/flags. NULL with *err set to Node's message tail (e.g.
 * "Unterminated group") for a bad pattern, or "Invalid flags". */
JsRegex *js_regex_compile(JsRt *rt, const char *src, size_t n, const char *flags, const char **err);
/* Capture groups (group 0 is the whole match), and group names. */
int js_regex_ngroups(const JsRegex *re);
const char *js_regex_group_name(const JsRegex *re, int i);   /* NULL if unnamed */
int js_regex_flags(const JsRegex *re);

/* Match at or after code point index start (only at start when sticky).
 * caps gets 2 * ngroups code point offsets (-1: group did not take part).
 * 1 matched, 0 not, -1 a limit stopped it (rt's exception is pending). */
int js_regex_exec(JsRt *rt, const JsRegex *re, const uint32_t *cps, size_t n, size_t start, long *caps);

/* RegExp(pattern, flags) as the constructor makes it: 0, or -1 with a
 * SyntaxError pending (a bad pattern or bad flags). */
int js_regexp_create(JsRt *rt, JsString *pattern, const char *flags, JsValue *out);
/* A new RegExp object (rt->regexp_proto) for a compiled pattern. */
JsObject *js_regexp_new(JsRt *rt, JsRegex *re, JsString *source, const char *flags);
JsRegex *js_regexp_of(JsValue v);   /* the pattern of a RegExp object, or NULL */
/* `/source/flags` appended to b. */
void js_regexp_describe(JsObject *o, Buf *b);
/* RegExp and its prototype; String's regexp-taking methods (regexp_str.c). */
void js_regexp_install(JsRt *rt);

#endif
