/* bigint.h: BigInt values (bigint.c): arbitrary-precision integers, a sign
 * and base-2^32 limbs (least significant first, no leading zero limbs;
 * zero has none and is never negative). Values are immutable and live on
 * the runtime's heap. */
#ifndef LS_JS_BIGINT_H
#define LS_JS_BIGINT_H

#include "rt.h"

struct JsBig {
    bool neg;
    int n;
    uint32_t d[];
};

static inline JsValue js_bigv(JsBig *b) { JsValue v = {.tag = JV_BIG}; v.u.big = b; return v; }

JsBig *js_big_from_double(JsRt *rt, double d);   /* d must be an integer */
static inline bool js_big_is_zero(const JsBig *b) { return b->n == 0; }
/* Parse decimal (or 0x/0o/0b) digits; NULL if s is not an integer literal. */
JsBig *js_big_parse(JsRt *rt, const char *s, size_t n);
double js_big_to_double(const JsBig *b);
JsString *js_big_to_string(JsRt *rt, const JsBig *b, int radix);
/* BigInt arithmetic for the binary operator op ('+', '-', '*', '/', '%',
 * 'e' for **, '&', '|', '^', '<', '>' for << and >>). 0, or -1 thrown
 * (division by zero, a negative exponent, a result past the size cap). */
int js_big_binary(JsRt *rt, int op, const JsBig *a, const JsBig *b, JsBig **out);
JsBig *js_big_neg(JsRt *rt, const JsBig *a);
/* -1, 0, 1 */
int js_big_cmp(const JsBig *a, const JsBig *b);
/* Compare with a number: -1, 0, 1, or 2 when d is NaN. */
int js_big_cmp_num(JsRt *rt, const JsBig *a, double d);
/* The binary operator op (as js_big_binary) on two values of which one at
 * least is a BigInt: a TypeError unless both are. 0, or -1 thrown. */
int js_big_operator(JsRt *rt, int op, JsValue a, JsValue b, JsValue *out);
/* a <=> b where one is a BigInt and the other a primitive: -1, 0, 1, or 2
 * when they do not compare (NaN, a string that is no integer). */
int js_big_compare(JsRt *rt, JsValue a, JsValue b);
/* BigInt(v) and the BigInt global with its prototype. */
void js_bigint_install(JsRt *rt);

#endif
