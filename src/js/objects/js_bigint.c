/* bigint.c: BigInt arithmetic and the BigInt global. See bigint.h.
 * Owns: the magnitude arithmetic (schoolbook add, subtract, multiply,
 * shift-subtract division), two's-complement bitwise operators, parsing and
 * printing in any radix, comparisons with numbers, the size cap (a result
 * past MAX_LIMBS throws RangeError: Maximum BigInt size exceeded, the
 * message Node gives at its own, larger, cap), BigInt(v) and
 * BigInt.prototype. Leaves the operators' dispatch (mixing with numbers is
 * a TypeError) to vm/ and printing `10n` to inspect.c. */
#include "bigint.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { MAX_LIMBS = 16384 };   /* 524,288 bits */

static JsBig *big_alloc(JsRt *rt, int n)
{
    JsBig *b = js_alloc(rt, sizeof(JsBig) + (size_t)(n ? n : 1) * sizeof(uint32_t));
    b->neg = false;
    b->n = n;
    memset(b->d, 0, (size_t)(n ? n : 1) * sizeof(uint32_t));
    return b;
}

static JsBig *trim(JsBig *b)
{
    while (b->n && !b->d[b->n - 1])
        b->n--;
    if (!b->n)
        b->neg = false;
    return b;
}

static JsBig *copy(JsRt *rt, const JsBig *a, int extra)
{
    JsBig *r = big_alloc(rt, a->n + extra);
    memcpy(r->d, a->d, (size_t)a->n * sizeof(uint32_t));
    r->neg = a->neg;
    return r;
}

JsBig *js_big_from_double(JsRt *rt, double d)
{
    bool neg = d < 0;
    d = fabs(d);
    int n = 0;
    for (double t = d; t >= 1; t = floor(t / 4294967296.0))
        n++;
    JsBig *b = big_alloc(rt, n);
    for (int i = 0; i < n; i++) {
        double q = floor(d / 4294967296.0);
        b->d[i] = (uint32_t)(d - q * 4294967296.0);
        d = q;
    }
    b->neg = neg;
    return trim(b);
}

double js_big_to_double(const JsBig *b)
{
    double d = 0;
    for (int i = b->n - 1; i >= 0; i--)
        d = d * 4294967296.0 + b->d[i];
    return b->neg ? -d : d;
}

/* |a| <=> |b| */
static int cmp_mag(const JsBig *a, const JsBig *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (int i = a->n - 1; i >= 0; i--)
        if (a->d[i] != b->d[i])
            return a->d[i] < b->d[i] ? -1 : 1;
    return 0;
}

int js_big_cmp(const JsBig *a, const JsBig *b)
{
    if (a->neg != b->neg)
        return a->neg ? -1 : 1;
    int c = cmp_mag(a, b);
    return a->neg ? -c : c;
}

int js_big_cmp_num(JsRt *rt, const JsBig *a, double d)
{
    if (isnan(d))
        return 2;
    if (isinf(d))
        return d > 0 ? -1 : 1;
    double x = js_big_to_double(a);
    if (x != d)
        return x < d ? -1 : 1;
    /* equal as doubles (so d is an integer): compare exactly */
    return js_big_cmp(a, js_big_from_double(rt, d));
}

static JsBig *add_mag(JsRt *rt, const JsBig *a, const JsBig *b)
{
    if (a->n < b->n) {
        const JsBig *t = a;
        a = b;
        b = t;
    }
    JsBig *r = big_alloc(rt, a->n + 1);
    uint64_t carry = 0;
    for (int i = 0; i < a->n; i++) {
        uint64_t s = (uint64_t)a->d[i] + (i < b->n ? b->d[i] : 0) + carry;
        r->d[i] = (uint32_t)s;
        carry = s >> 32;
    }
    r->d[a->n] = (uint32_t)carry;
    return trim(r);
}

/* |a| - |b|, with |a| >= |b| */
static JsBig *sub_mag(JsRt *rt, const JsBig *a, const JsBig *b)
{
    JsBig *r = big_alloc(rt, a->n);
    int64_t borrow = 0;
    for (int i = 0; i < a->n; i++) {
        int64_t s = (int64_t)a->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
        borrow = s < 0;
        r->d[i] = (uint32_t)(s + (borrow ? 4294967296LL : 0));
    }
    return trim(r);
}

static JsBig *add_signed(JsRt *rt, const JsBig *a, const JsBig *b, bool negate_b)
{
    bool bneg = negate_b ? !b->neg : b->neg;
    JsBig *r;
    if (a->neg == bneg) {
        r = add_mag(rt, a, b);
        r->neg = a->neg;
    } else if (cmp_mag(a, b) >= 0) {
        r = sub_mag(rt, a, b);
        r->neg = a->neg;
    } else {
        r = sub_mag(rt, b, a);
        r->neg = bneg;
    }
    return trim(r);
}

static JsBig *mul(JsRt *rt, const JsBig *a, const JsBig *b)
{
    JsBig *r = big_alloc(rt, a->n + b->n);
    for (int i = 0; i < a->n; i++) {
        uint64_t carry = 0;
        for (int j = 0; j < b->n; j++) {
            uint64_t t = (uint64_t)a->d[i] * b->d[j] + r->d[i + j] + carry;
            r->d[i + j] = (uint32_t)t;
            carry = t >> 32;
        }
        r->d[i + b->n] = (uint32_t)carry;
    }
    r->neg = a->neg != b->neg;
    return trim(r);
}

/* q = |a| / d, the remainder returned (one-limb divisor). */
static uint32_t divmod_small(JsBig *q, const JsBig *a, uint32_t d)
{
    uint64_t rem = 0;
    for (int i = a->n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | a->d[i];
        q->d[i] = (uint32_t)(cur / d);
        rem = cur % d;
    }
    return (uint32_t)rem;
}

static int bit_length(const JsBig *a)
{
    if (!a->n)
        return 0;
    int bits = (a->n - 1) * 32;
    for (uint32_t top = a->d[a->n - 1]; top; top >>= 1)
        bits++;
    return bits;
}

/* Truncating division of magnitudes: *q and *r (either may be NULL). */
static void divmod(JsRt *rt, const JsBig *a, const JsBig *b, JsBig **q, JsBig **r)
{
    JsBig *quo = big_alloc(rt, a->n), *rem = big_alloc(rt, b->n + 1);
    if (b->n == 1) {
        uint32_t m = divmod_small(quo, a, b->d[0]);
        rem->d[0] = m;
        rem->n = 1;
    } else {
        rem->n = 0;
        for (int bit = bit_length(a) - 1; bit >= 0; bit--) {
            /* rem = rem * 2 + bit */
            uint32_t carry = (a->d[bit / 32] >> (bit % 32)) & 1;
            for (int i = 0; i < rem->n; i++) {
                uint32_t top = rem->d[i] >> 31;
                rem->d[i] = (rem->d[i] << 1) | carry;
                carry = top;
            }
            if (carry)
                rem->d[rem->n++] = carry;
            if (cmp_mag(rem, b) >= 0) {
                int64_t borrow = 0;
                for (int i = 0; i < rem->n; i++) {
                    int64_t s = (int64_t)rem->d[i] - (i < b->n ? b->d[i] : 0) - borrow;
                    borrow = s < 0;
                    rem->d[i] = (uint32_t)(s + (borrow ? 4294967296LL : 0));
                }
                trim(rem);
                quo->d[bit / 32] |= 1u << (bit % 32);
            }
        }
    }
    quo->neg = a->neg != b->neg;
    rem->neg = a->neg;
    if (q)
        *q = trim(quo);
    if (r)
        *r = trim(rem);
}

/* Two's complement limbs of a, n limbs wide (n > a's size). */
static void twos(const JsBig *a, uint32_t *out, int n)
{
    for (int i = 0; i < n; i++)
        out[i] = i < a->n ? a->d[i] : 0;
    if (!a->neg)
        return;
    uint64_t carry = 1;
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)(uint32_t)~out[i] + carry;
        out[i] = (uint32_t)t;
        carry = t >> 32;
    }
}

static JsBig *bitwise(JsRt *rt, int op, const JsBig *a, const JsBig *b)
{
    int n = (a->n > b->n ? a->n : b->n) + 1;
    uint32_t *x = xmalloc((size_t)n * sizeof(uint32_t)), *y = xmalloc((size_t)n * sizeof(uint32_t));
    twos(a, x, n);
    twos(b, y, n);
    JsBig *r = big_alloc(rt, n);
    for (int i = 0; i < n; i++)
        r->d[i] = op == '&' ? x[i] & y[i] : op == '|' ? x[i] | y[i] : x[i] ^ y[i];
    xfree(x);
    xfree(y);
    if (r->d[n - 1] >> 31) {
        /* negative: back from two's complement */
        uint64_t carry = 1;
        for (int i = 0; i < n; i++) {
            uint64_t t = (uint64_t)(uint32_t)~r->d[i] + carry;
            r->d[i] = (uint32_t)t;
            carry = t >> 32;
        }
        r->neg = true;
    }
    return trim(r);
}

static JsBig *shift_left(JsRt *rt, const JsBig *a, long k)
{
    int limbs = (int)(k / 32), bits = (int)(k % 32);
    JsBig *r = big_alloc(rt, a->n + limbs + 1);
    for (int i = 0; i < a->n; i++) {
        uint64_t t = (uint64_t)a->d[i] << bits;
        r->d[i + limbs] |= (uint32_t)t;
        r->d[i + limbs + 1] |= (uint32_t)(t >> 32);
    }
    r->neg = a->neg;
    return trim(r);
}

/* a >> k, rounding toward negative infinity as BigInt does. */
static JsBig *shift_right(JsRt *rt, const JsBig *a, long k)
{
    JsBig *two = shift_left(rt, js_big_from_double(rt, 1), k);
    JsBig *q, *r;
    divmod(rt, a, two, &q, &r);
    if (a->neg && r->n)
        q = add_signed(rt, q, js_big_from_double(rt, 1), true);
    return q;
}

static int too_big(JsRt *rt)
{
    return js_throw_error(rt, ERR_RANGE, "Maximum BigInt size exceeded");
}

int js_big_binary(JsRt *rt, int op, const JsBig *a, const JsBig *b, JsBig **out)
{
    switch (op) {
    case '+':
    case '-':
        *out = add_signed(rt, a, b, op == '-');
        break;
    case '*':
        if (a->n + b->n > MAX_LIMBS)
            return too_big(rt);
        *out = mul(rt, a, b);
        break;
    case '/':
    case '%':
        if (!b->n)
            return js_throw_error(rt, ERR_RANGE, "Division by zero");
        if (cmp_mag(a, b) < 0) {
            *out = op == '/' ? big_alloc(rt, 0) : copy(rt, a, 0);
            break;
        }
        divmod(rt, a, b, op == '/' ? out : NULL, op == '%' ? out : NULL);
        break;
    case 'e': {
        if (b->neg)
            return js_throw_error(rt, ERR_RANGE, "Exponent must be non-negative");
        if (!b->n) {
            *out = js_big_from_double(rt, 1);
            break;
        }
        if (a->n == 0 || (a->n == 1 && a->d[0] == 1)) {
            *out = copy(rt, a, 0);
            if (a->neg && !(b->d[0] & 1))
                (*out)->neg = false;
            break;
        }
        if (b->n > 1 || (double)bit_length(a) * b->d[0] > (double)MAX_LIMBS * 32)
            return too_big(rt);
        JsBig *r = js_big_from_double(rt, 1), *base = copy(rt, a, 0);
        for (uint32_t e = b->d[0]; e; e >>= 1) {
            if (e & 1)
                r = mul(rt, r, base);
            if (e > 1)
                base = mul(rt, base, base);
        }
        *out = r;
        break;
    }
    case '&':
    case '|':
    case '^':
        *out = bitwise(rt, op, a, b);
        break;
    case '<':
    case '>': {
        bool left = (op == '<') != b->neg;
        if (b->n > 1 || (left && b->n && b->d[0] > (uint32_t)MAX_LIMBS * 32))
            return left ? too_big(rt) : (*out = a->neg ? js_big_from_double(rt, -1) : big_alloc(rt, 0), 0);
        long k = b->n ? (long)b->d[0] : 0;
        if (left && a->n + k / 32 + 1 > MAX_LIMBS)
            return too_big(rt);
        *out = left ? shift_left(rt, a, k) : shift_right(rt, a, k);
        break;
    }
    default:
        return js_throw_error(rt, ERR_TYPE, "BigInts have no unsigned right shift, use >> instead");
    }
    return 0;
}

JsBig *js_big_neg(JsRt *rt, const JsBig *a)
{
    JsBig *r = copy(rt, a, 0);
    r->neg = a->n ? !a->neg : false;
    return r;
}

JsString *js_big_to_string(JsRt *rt, const JsBig *b, int radix)
{
    if (!b->n)
        return js_intern(rt, "0");
    Buf digits;
    buf_init(&digits);
    JsBig *q = copy(rt, b, 0);
    q->neg = false;
    while (q->n) {
        uint32_t m = divmod_small(q, q, (uint32_t)radix);
        trim(q);
        buf_putc(&digits, "0123456789abcdefghijklmnopqrstuvwxyz"[m]);
    }
    Buf out;
    buf_init(&out);
    if (b->neg)
        buf_putc(&out, '-');
    for (size_t i = digits.len; i > 0; i--)
        buf_putc(&out, digits.s[i - 1]);
    JsString *s = js_str(rt, out.s, out.len);
    buf_free(&digits);
    buf_free(&out);
    return s;
}

JsBig *js_big_parse(JsRt *rt, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
        n--;
    bool neg = false;
    int radix = 10;
    if (n && (*s == '-' || *s == '+')) {
        neg = *s == '-';
        s++, n--;
    } else if (n > 2 && s[0] == '0' && strchr("xXoObB", s[1])) {
        radix = (s[1] | 32) == 'x' ? 16 : (s[1] | 32) == 'o' ? 8 : 2;
        s += 2, n -= 2;
    }
    JsBig *r = big_alloc(rt, (int)(n / 9) + 2);
    r->n = 0;
    for (size_t i = 0; i < n; i++) {
        int c = s[i], d;
        if (c == '_' )
            return NULL;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'z') d = (c | 32) - 'a' + 10;
        else return NULL;
        if (d >= radix)
            return NULL;
        /* r = r * radix + d */
        uint64_t carry = (uint64_t)d;
        for (int k = 0; k < r->n; k++) {
            uint64_t t = (uint64_t)r->d[k] * (uint64_t)radix + carry;
            r->d[k] = (uint32_t)t;
            carry = t >> 32;
        }
        if (carry)
            r->d[r->n++] = (uint32_t)carry;
        if (r->n > MAX_LIMBS)
            return NULL;
    }
    r->neg = neg;
    return trim(r);
}

/* ---- BigInt(v) and the prototype ---- */

static int to_bigint(JsRt *rt, JsValue v, JsBig **out)
{
    switch (v.tag) {
    case JV_BIG:
        *out = v.u.big;
        return 0;
    case JV_BOOL:
        *out = js_big_from_double(rt, v.u.b);
        return 0;
    case JV_NUM: {
        double d = v.u.n;
        if (!isfinite(d) || d != floor(d)) {
            char buf[64];
            js_number_fmt(d, buf, sizeof buf);
            return js_throw_error(rt, ERR_RANGE, "The number %s cannot be converted to a BigInt because it is not an integer", buf);
        }
        *out = js_big_from_double(rt, d);
        return 0;
    }
    case JV_STR:
        *out = js_big_parse(rt, v.u.s->s, v.u.s->len);
        if (!*out)
            return js_throw_error(rt, ERR_SYNTAX, "Cannot convert %s to a BigInt", v.u.s->s);
        return 0;
    case JV_OBJ: {
        JsString *s;
        if (js_to_string(rt, v, &s) < 0)
            return -1;
        return to_bigint(rt, js_strv(s), out);
    }
    default: {
        JsString *s;
        if (js_to_string(rt, v, &s) < 0)
            return -1;
        return js_throw_error(rt, ERR_TYPE, "Cannot convert %s to a BigInt", s->s);
    }
    }
}

static int big_call(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self, (void)fn;
    JsBig *b;
    if (to_bigint(rt, argc ? args[0] : JS_UNDEF, &b) < 0)
        return -1;
    *out = js_bigv(b);
    return 0;
}

static int big_to_string(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)fn;
    if (self.tag != JV_BIG)
        return js_throw_error(rt, ERR_TYPE, "BigInt.prototype.toString requires that 'this' be a BigInt");
    double radix = 10;
    if (argc && args[0].tag != JV_UNDEF && js_to_number(rt, args[0], &radix) < 0)
        return -1;
    if (!(radix >= 2 && radix <= 36))
        return js_throw_error(rt, ERR_RANGE, "toString() radix must be between 2 and 36");
    *out = js_strv(js_big_to_string(rt, self.u.big, (int)radix));
    return 0;
}

static int big_value_of(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)args, (void)argc, (void)fn;
    if (self.tag != JV_BIG)
        return js_throw_error(rt, ERR_TYPE, "BigInt.prototype.valueOf requires that 'this' be a BigInt");
    *out = self;
    return 0;
}

/* BigInt.asUintN (arity 0) and asIntN (1): v wrapped to `bits` bits. */
static int big_as_n(JsRt *rt, JsValue self, JsValue *args, int argc, JsObject *fn, JsValue *out)
{
    (void)self;
    double bits = 0;
    JsBig *v, *m, *r;
    if (argc > 0 && js_to_number(rt, args[0], &bits) < 0)
        return -1;
    if (!(bits >= 0 && bits <= 65536 && bits == floor(bits)))
        return js_throw_error(rt, ERR_RANGE, "Invalid value: not (convertible to) a safe integer");
    if (to_bigint(rt, argc > 1 ? args[1] : JS_UNDEF, &v) < 0)
        return -1;
    JsBig *mod = shift_left(rt, js_big_from_double(rt, 1), (long)bits);
    if (js_big_binary(rt, '%', v, mod, &m) < 0)
        return -1;
    if (m->neg)
        m = add_signed(rt, m, mod, false);
    r = m;
    if (fn->x.nat.arity == 1 && bits > 0) {
        JsBig *half = shift_left(rt, js_big_from_double(rt, 1), (long)bits - 1);
        if (js_big_cmp(m, half) >= 0)
            r = add_signed(rt, m, mod, true);
    }
    *out = js_bigv(r);
    return 0;
}

void js_bigint_install(JsRt *rt)
{
    rt->bigint_proto = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    JsObject *B = js_native_class(rt, "BigInt", 1, big_call, rt->bigint_proto);
    js_method(rt, rt->bigint_proto, "toString", 0, big_to_string);
    js_method(rt, rt->bigint_proto, "toLocaleString", 0, big_to_string);
    js_method(rt, rt->bigint_proto, "valueOf", 0, big_value_of);
    js_method(rt, B, "asUintN", 2, big_as_n)->x.nat.arity = 0;
    js_method(rt, B, "asIntN", 2, big_as_n)->x.nat.arity = 1;
}

/* ---- the operators on mixed operands ---- */

int js_big_operator(JsRt *rt, int op, JsValue a, JsValue b, JsValue *out)
{
    if (a.tag != JV_BIG || b.tag != JV_BIG)
        return js_throw_error(rt, ERR_TYPE, "Cannot mix BigInt and other types, use explicit conversions");
    JsBig *r;
    if (js_big_binary(rt, op, a.u.big, b.u.big, &r) < 0)
        return -1;
    *out = js_bigv(r);
    return 0;
}

int js_big_compare(JsRt *rt, JsValue a, JsValue b)
{
    if (a.tag == JV_BIG && b.tag == JV_BIG)
        return js_big_cmp(a.u.big, b.u.big);
    bool swap = a.tag != JV_BIG;
    JsValue big = swap ? b : a, other = swap ? a : b;
    int c;
    if (other.tag == JV_STR) {
        JsBig *o = js_big_parse(rt, other.u.s->s, other.u.s->len);
        if (!o)
            return 2;
        c = js_big_cmp(big.u.big, o);
    } else {
        c = js_big_cmp_num(rt, big.u.big, js_to_number_prim(rt, other));
    }
    return c == 2 ? 2 : swap ? -c : c;
}
