/* js_text.c: the built-ins for text and numbers: String and its methods
 * (strings are UTF-8 and their lengths and indices count code points, a
 * documented simplification of UTF-16), Number and Boolean, the global
 * parseInt/parseFloat/isNaN/isFinite, Math (random is seeded, so a run
 * repeats), and JSON.parse (JSON.stringify's writer lives in inspect.c).
 * Object, Array, errors and collections are in js_builtins.c. */
#include "../objects/bigint.h"
#include "../objects/symbol.h"
#include "natives.h"
#include "../objects/inspect.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int this_string(JsRt *rt, JsValue self, JsString **out)
{
    if (js_is_nullish(self))
        return js_throw_error(rt, ERR_TYPE, "String.prototype method called on null or undefined");
    return js_to_string(rt, self, out);
}

/* ---- String ---- */

NATIVE(str_ctor)
{
    UNUSED;
    JsString *s;
    if (argc == 0) {
        s = js_intern(rt, "");
    } else if (args[0].tag == JV_SYM && !rt->constructing) {
        Buf b;
        buf_init(&b);
        js_symbol_describe(args[0].u.s, &b);
        return js_native_string(rt, &b, out);
    } else if (js_to_string(rt, args[0], &s) < 0) {
        return -1;
    }
    *out = js_strv(s);
    return 0;
}

/* Byte offset of code point index i in s (or s->len). */
static size_t cp_offset(const JsString *s, size_t i)
{
    size_t k = 0, b = 0;
    for (; b < s->len; b++) {
        if (((unsigned char)s->s[b] & 0xc0) == 0x80)
            continue;
        if (k++ == i)
            return b;
    }
    return s->len;
}

static size_t cp_len(const JsString *s)
{
    size_t n = 0;
    for (size_t i = 0; i < s->len; i++)
        n += ((unsigned char)s->s[i] & 0xc0) != 0x80;
    return n;
}

static JsString *cp_slice(JsRt *rt, const JsString *s, size_t a, size_t b)
{
    size_t x = cp_offset(s, a), y = cp_offset(s, b);
    return js_str(rt, s->s + x, y > x ? y - x : 0);
}

NATIVE(str_from_char_code)
{
    UNUSED;
    Buf b;
    buf_init(&b);
    for (int i = 0; i < argc; i++) {
        double d;
        if (js_to_number(rt, args[i], &d) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_put_utf8(&b, (uint32_t)js_to_int32(d) & 0xffff);
    }
    return js_native_string(rt, &b, out);
}

NATIVE(str_slice)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    size_t len = cp_len(s), a, b;
    int kind = fn->x.nat.arity; /* 0 slice, 1 substring, 2 substr */
    if (kind == 1) {
        double x, y;
        if (js_arg_number(rt, ARG(0), 0, &x) < 0 || js_arg_number(rt, ARG(1), (double)len, &y) < 0)
            return -1;
        x = fmin(fmax(js_to_integer(x), 0), (double)len);
        y = fmin(fmax(js_to_integer(y), 0), (double)len);
        a = (size_t)fmin(x, y);
        b = (size_t)fmax(x, y);
    } else if (kind == 2) {
        if (js_rel_index(rt, ARG(0), len, 0, &a) < 0)
            return -1;
        double n;
        if (js_arg_number(rt, ARG(1), (double)(len - a), &n) < 0)
            return -1;
        n = fmin(fmax(js_to_integer(n), 0), (double)(len - a));
        b = a + (size_t)n;
    } else {
        if (js_rel_index(rt, ARG(0), len, 0, &a) < 0 || js_rel_index(rt, ARG(1), len, len, &b) < 0)
            return -1;
        if (b < a)
            b = a;
    }
    *out = js_strv(cp_slice(rt, s, a, b));
    return 0;
}

NATIVE(str_char_at)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    double d;
    if (js_arg_number(rt, ARG(0), 0, &d) < 0)
        return -1;
    size_t len = cp_len(s);
    d = js_to_integer(d);
    bool code = fn->x.nat.arity == 1;
    if (d < 0 || d >= (double)len) {
        *out = code ? js_num(NAN) : js_strv(js_intern(rt, ""));
        return 0;
    }
    JsString *c = cp_slice(rt, s, (size_t)d, (size_t)d + 1);
    if (code) {
        const unsigned char *p = (const unsigned char *)c->s;
        uint32_t cp = p[0];
        if (cp >= 0xf0) cp = ((cp & 7u) << 18) | ((p[1] & 63u) << 12) | ((p[2] & 63u) << 6) | (p[3] & 63u);
        else if (cp >= 0xe0) cp = ((cp & 15u) << 12) | ((p[1] & 63u) << 6) | (p[2] & 63u);
        else if (cp >= 0xc0) cp = ((cp & 31u) << 6) | (p[1] & 63u);
        *out = js_num(cp);
    } else {
        *out = js_strv(c);
    }
    return 0;
}

NATIVE(str_index_of)
{
    UNUSED;
    JsString *s, *t;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &t) < 0)
        return -1;
    int kind = fn->x.nat.arity; /* 0 indexOf 1 lastIndexOf 2 includes 3 startsWith 4 endsWith */
    const char *hit = NULL;
    if (kind == 1) {
        for (size_t i = s->len + 1; i-- > 0;)
            if (i + t->len <= s->len && !memcmp(s->s + i, t->s, t->len)) {
                hit = s->s + i;
                break;
            }
    } else if (kind == 3) {
        size_t from = 0;
        if (ARG(1).tag != JV_UNDEF) {
            double d;
            if (js_to_number(rt, ARG(1), &d) < 0)
                return -1;
            from = cp_offset(s, (size_t)fmax(js_to_integer(d), 0));
        }
        *out = js_bool(from + t->len <= s->len && !memcmp(s->s + from, t->s, t->len));
        return 0;
    } else if (kind == 4) {
        *out = js_bool(t->len <= s->len && !memcmp(s->s + s->len - t->len, t->s, t->len));
        return 0;
    } else {
        size_t from = 0;
        if (ARG(1).tag != JV_UNDEF) {
            double d;
            if (js_to_number(rt, ARG(1), &d) < 0)
                return -1;
            from = cp_offset(s, (size_t)fmax(js_to_integer(d), 0));
        }
        for (size_t i = from; i + t->len <= s->len; i++)
            if (!memcmp(s->s + i, t->s, t->len)) {
                hit = s->s + i;
                break;
            }
    }
    if (kind == 2) {
        *out = js_bool(hit != NULL);
        return 0;
    }
    if (!hit) {
        *out = js_num(-1);
        return 0;
    }
    size_t cp = 0;
    for (const char *p = s->s; p < hit; p++)
        cp += ((unsigned char)*p & 0xc0) != 0x80;
    *out = js_num((double)cp);
    return 0;
}

NATIVE(str_case)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    JsString *r = js_str(rt, s->s, s->len);
    for (size_t i = 0; i < r->len; i++) {
        char ch = r->s[i];
        if (fn->x.nat.arity == 0 && ch >= 'a' && ch <= 'z')
            r->s[i] = (char)(ch - 32);
        else if (fn->x.nat.arity == 1 && ch >= 'A' && ch <= 'Z')
            r->s[i] = (char)(ch + 32);
    }
    *out = js_strv(js_str(rt, r->s, r->len));
    return 0;
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

NATIVE(str_trim)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    size_t a = 0, b = s->len;
    if (fn->x.nat.arity != 2)
        while (a < b && is_space(s->s[a]))
            a++;
    if (fn->x.nat.arity != 1)
        while (b > a && is_space(s->s[b - 1]))
            b--;
    *out = js_strv(js_str(rt, s->s + a, b - a));
    return 0;
}

NATIVE(str_pad)
{
    UNUSED;
    JsString *s, *fill = js_intern(rt, " ");
    double n;
    if (this_string(rt, self, &s) < 0 || js_to_number(rt, ARG(0), &n) < 0)
        return -1;
    if (ARG(1).tag != JV_UNDEF && js_to_string(rt, ARG(1), &fill) < 0)
        return -1;
    size_t len = cp_len(s);
    n = js_to_integer(n);
    if (n <= (double)len || !fill->len) {
        *out = js_strv(s);
        return 0;
    }
    if (rt->max_items && n > (double)rt->max_items)
        return js_limit(rt, "a string longer than --max-items");
    Buf b;
    buf_init(&b);
    size_t need = (size_t)n - len;
    if (fn->x.nat.arity == 1)
        buf_putn(&b, s->s, s->len);
    size_t flen = cp_len(fill);
    for (size_t k = 0; k < need; k += flen) {
        size_t take = need - k < flen ? need - k : flen;
        buf_putn(&b, fill->s, cp_offset(fill, take));
    }
    if (fn->x.nat.arity == 0)
        buf_putn(&b, s->s, s->len);
    return js_native_string(rt, &b, out);
}

NATIVE(str_repeat)
{
    UNUSED;
    JsString *s;
    double n;
    if (this_string(rt, self, &s) < 0 || js_to_number(rt, ARG(0), &n) < 0)
        return -1;
    n = js_to_integer(n);
    if (n < 0 || isinf(n))
        return js_throw_error(rt, ERR_RANGE, "Invalid count value: %s", js_number_to_string(rt, n)->s);
    if (rt->max_items && n * (double)s->len > (double)rt->max_items)
        return js_limit(rt, "a string longer than --max-items");
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < (size_t)n; i++)
        buf_putn(&b, s->s, s->len);
    return js_native_string(rt, &b, out);
}

NATIVE(str_split)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    JsObject *r = js_array_new(rt, 0);
    *out = js_objv(r);
    if (ARG(0).tag == JV_UNDEF) {
        js_array_push(rt, r, js_strv(s));
        return 0;
    }
    JsString *sep;
    if (js_to_string(rt, ARG(0), &sep) < 0)
        return -1;
    if (!sep->len) {
        JsObject *chars;
        js_vm_iterate_to_array(rt, js_strv(s), &chars);
        *out = js_objv(chars);
        return 0;
    }
    size_t start = 0;
    for (size_t i = 0; i + sep->len <= s->len;) {
        if (!memcmp(s->s + i, sep->s, sep->len)) {
            js_array_push(rt, r, js_strv(js_str(rt, s->s + start, i - start)));
            i += sep->len;
            start = i;
        } else {
            i++;
        }
    }
    js_array_push(rt, r, js_strv(js_str(rt, s->s + start, s->len - start)));
    return 0;
}

NATIVE(str_replace)
{
    UNUSED;
    JsString *s, *pat;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &pat) < 0)
        return -1;
    bool all = fn->x.nat.arity == 1;
    JsValue rep = ARG(1);
    Buf b;
    buf_init(&b);
    size_t i = 0, start = 0;
    bool done = false;
    while (i + pat->len <= s->len && !done) {
        if (memcmp(s->s + i, pat->s, pat->len) != 0) {
            i++;
            continue;
        }
        buf_putn(&b, s->s + start, i - start);
        JsString *r;
        if (js_is_callable(rep)) {
            JsValue a2[2] = {js_strv(pat), js_num((double)i)}, v;
            if (js_call(rt, rep, JS_UNDEF, a2, 2, &v) < 0 || js_to_string(rt, v, &r) < 0) {
                buf_free(&b);
                return -1;
            }
        } else if (js_to_string(rt, rep, &r) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, r->s, r->len);
        i += pat->len ? pat->len : 1;
        start = pat->len ? i : i - 1;
        if (!all)
            done = true;
        if (!pat->len && i > s->len)
            break;
    }
    if (start < s->len)
        buf_putn(&b, s->s + start, s->len - start);
    return js_native_string(rt, &b, out);
}

NATIVE(str_concat)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    Buf b;
    buf_init(&b);
    buf_putn(&b, s->s, s->len);
    for (int i = 0; i < argc; i++) {
        JsString *t;
        if (js_to_string(rt, args[i], &t) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, t->s, t->len);
    }
    return js_native_string(rt, &b, out);
}

NATIVE(str_to_string)
{
    UNUSED;
    JsString *s;
    if (this_string(rt, self, &s) < 0)
        return -1;
    *out = js_strv(s);
    return 0;
}

NATIVE(str_locale_compare)
{
    UNUSED;
    JsString *s, *t;
    if (this_string(rt, self, &s) < 0 || js_to_string(rt, ARG(0), &t) < 0)
        return -1;
    int c = strcmp(s->s, t->s);
    *out = js_num(c < 0 ? -1 : c > 0);
    return 0;
}

/* ---- Number and Boolean ---- */

NATIVE(num_ctor)
{
    UNUSED;
    double d = 0;
    if (argc && args[0].tag == JV_BIG)
        d = js_big_to_double(args[0].u.big);
    else if (argc && js_to_number(rt, args[0], &d) < 0)
        return -1;
    *out = js_num(d);
    return 0;
}

NATIVE(bool_ctor)
{
    UNUSED;
    *out = js_bool(js_truthy(ARG(0)));
    return 0;
}

NATIVE(num_is)
{
    UNUSED;
    JsValue v = ARG(0);
    bool r = false;
    if (v.tag == JV_NUM) {
        double d = v.u.n;
        switch (fn->x.nat.arity) {
        case 0: r = isfinite(d) && d == floor(d); break;        /* isInteger */
        case 1: r = isfinite(d); break;                          /* isFinite */
        case 2: r = isnan(d); break;                             /* isNaN */
        case 3: r = isfinite(d) && d == floor(d) && fabs(d) <= 9007199254740991.0; break; /* isSafeInteger */
        default: break;
        }
    }
    *out = js_bool(r);
    return 0;
}

NATIVE(global_is)
{
    UNUSED;
    double d;
    if (js_to_number(rt, ARG(0), &d) < 0)
        return -1;
    *out = js_bool(fn->x.nat.arity == 2 ? isnan(d) : isfinite(d));
    return 0;
}

NATIVE(parse_float)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    const char *p = s->s;
    while (is_space(*p))
        p++;
    char *end;
    double d = strtod(p, &end);
    if (end == p || ((*p | 32) == 'i' ) || ((p[0] == '-' || p[0] == '+') && (p[1] | 32) == 'i'))
        d = !strncmp(p, "Infinity", 8) ? INFINITY : !strncmp(p, "-Infinity", 9) ? -INFINITY :
            !strncmp(p, "+Infinity", 9) ? INFINITY : NAN;
    if ((p[0] == '0' && (p[1] | 32) == 'x'))
        d = 0;
    if ((*p | 32) == 'n')
        d = NAN;
    *out = js_num(d);
    return 0;
}

NATIVE(parse_int)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    double radix = 0;
    if (ARG(1).tag != JV_UNDEF && js_to_number(rt, ARG(1), &radix) < 0)
        return -1;
    const char *p = s->s;
    while (is_space(*p))
        p++;
    int sign = 1;
    if (*p == '-' || *p == '+') {
        sign = *p == '-' ? -1 : 1;
        p++;
    }
    int r = (int)radix;
    if ((r == 0 || r == 16) && p[0] == '0' && (p[1] | 32) == 'x') {
        p += 2;
        r = 16;
    }
    if (r == 0)
        r = 10;
    if (r < 2 || r > 36) {
        *out = js_num(NAN);
        return 0;
    }
    double v = 0;
    int k = 0;
    for (;; p++, k++) {
        int c = *p, d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if ((c | 32) >= 'a' && (c | 32) <= 'z') d = (c | 32) - 'a' + 10;
        else break;
        if (d >= r)
            break;
        v = v * r + d;
    }
    *out = js_num(k ? sign * v : NAN);
    return 0;
}

/* Number.prototype.toPrecision: p significant digits, rounded half up on
 * the exact decimal expansion; exponent form when e < -6 or e >= p. */
NATIVE(num_to_precision)
{
    UNUSED;
    double d = self.tag == JV_NUM ? self.u.n : NAN, pd;
    if (ARG(0).tag == JV_UNDEF || !isfinite(d)) {
        *out = js_strv(js_number_to_string(rt, d));
        return 0;
    }
    if (js_arg_number(rt, ARG(0), 0, &pd) < 0)
        return -1;
    if (!(pd >= 1 && pd <= 100))
        return js_throw_error(rt, ERR_RANGE, "toPrecision() argument must be between 1 and 100");
    int p = (int)pd;
    Buf b;
    buf_init(&b);
    if (d < 0) {
        buf_putc(&b, '-');
        d = -d;
    }
    char digits[160];
    int e = 0;
    if (d == 0) {
        memset(digits, '0', (size_t)p);
        digits[p] = 0;
    } else {
        /* the exact expansion, then round half up at p digits */
        char tmp[200];
        snprintf(tmp, sizeof tmp, "%.*e", p + 40 < 110 ? p + 40 : 110, d);
        int k = 0;
        for (const char *q = tmp; *q && *q != 'e'; q++)
            if (*q != '.')
                digits[k++] = *q;
        e = atoi(strchr(tmp, 'e') + 1);
        bool up = digits[p] >= '5';
        digits[p] = 0;
        if (up) {
            int i = p - 1;
            while (i >= 0 && digits[i] == '9')
                digits[i--] = '0';
            if (i >= 0) {
                digits[i]++;
            } else {
                memmove(digits + 1, digits, (size_t)p);
                digits[0] = '1';
                digits[p] = 0;
                e++;
            }
        }
    }
    if (e < -6 || e >= p) {
        buf_putc(&b, digits[0]);
        if (p > 1) {
            buf_putc(&b, '.');
            buf_puts(&b, digits + 1);
        }
        buf_printf(&b, "e%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (e >= 0) {
        buf_putn(&b, digits, (size_t)e + 1);
        if (p > e + 1) {
            buf_putc(&b, '.');
            buf_puts(&b, digits + e + 1);
        }
    } else {
        buf_puts(&b, "0.");
        for (int i = 0; i < -e - 1; i++)
            buf_putc(&b, '0');
        buf_puts(&b, digits);
    }
    return js_native_string(rt, &b, out);
}

/* String.raw(strings, ...subs): the raw texts with the substitutions between. */
NATIVE(str_raw)
{
    UNUSED;
    JsValue raw;
    if (js_is_nullish(ARG(0)))
        return js_throw_error(rt, ERR_TYPE, "Cannot convert undefined or null to object");
    if (js_get(rt, ARG(0), js_intern(rt, "raw"), &raw) < 0)
        return -1;
    JsValue lenv;
    double len;
    if (js_get(rt, raw, rt->s_length, &lenv) < 0 || js_to_number(rt, lenv, &len) < 0)
        return -1;
    Buf b;
    buf_init(&b);
    for (size_t i = 0; i < (size_t)(len > 0 ? len : 0); i++) {
        JsValue part;
        JsString *ps;
        if (js_get_elem(rt, raw, js_num((double)i), &part) < 0 || js_to_string(rt, part, &ps) < 0) {
            buf_free(&b);
            return -1;
        }
        buf_putn(&b, ps->s, ps->len);
        if (i + 1 < (size_t)len && (int)i + 1 < argc) {
            if (js_to_string(rt, args[i + 1], &ps) < 0) {
                buf_free(&b);
                return -1;
            }
            buf_putn(&b, ps->s, ps->len);
        }
    }
    return js_native_string(rt, &b, out);
}

NATIVE(num_to_fixed)
{
    UNUSED;
    double d = self.tag == JV_NUM ? self.u.n : NAN, digits = 0;
    if (js_arg_number(rt, ARG(0), 0, &digits) < 0)
        return -1;
    if (digits < 0 || digits > 100)
        return js_throw_error(rt, ERR_RANGE, "toFixed() digits argument must be between 0 and 100");
    if (!isfinite(d) || fabs(d) >= 1e21) {
        *out = js_strv(js_number_to_string(rt, d));
        return 0;
    }
    /* exact decimal expansion, rounded half up as the spec's "let n be an
     * integer for which n / 10^f - x is as close to zero as possible" */
    char buf[512];
    snprintf(buf, sizeof buf, "%.*f", (int)digits + 30, fabs(d));
    /* round the long expansion at the wanted digit, half up */
    char *dot = strchr(buf, '.');
    size_t keep = (size_t)(dot - buf) + ((int)digits ? (size_t)digits + 1 : 0);
    bool up = dot[(int)digits + 1] >= '5';
    buf[keep] = 0;
    if (!(int)digits)
        buf[dot - buf] = 0;
    if (up) {
        for (long i = (long)strlen(buf) - 1; i >= 0; i--) {
            if (buf[i] == '.')
                continue;
            if (buf[i] == '9') {
                buf[i] = '0';
                if (i == 0) {
                    memmove(buf + 1, buf, strlen(buf) + 1);
                    buf[0] = '1';
                }
            } else {
                buf[i]++;
                break;
            }
        }
    }
    bool zero = true;
    for (char *p = buf; *p; p++)
        if (*p >= '1' && *p <= '9')
            zero = false;
    *out = js_strv(js_strf(rt, "%s%s", d < 0 && !zero ? "-" : "", buf));
    return 0;
}

NATIVE(num_to_string)
{
    UNUSED;
    double d = self.tag == JV_NUM ? self.u.n : NAN, radix = 10;
    if (js_arg_number(rt, ARG(0), 10, &radix) < 0)
        return -1;
    if (radix == 10 || !isfinite(d) || d != floor(d)) {
        *out = js_strv(js_number_to_string(rt, d));
        return 0;
    }
    if (radix < 2 || radix > 36)
        return js_throw_error(rt, ERR_RANGE, "toString() radix must be between 2 and 36");
    char buf[80];
    int k = 79;
    buf[k] = 0;
    double v = fabs(d);
    do {
        int dig = (int)fmod(v, radix);
        buf[--k] = (char)(dig < 10 ? '0' + dig : 'a' + dig - 10);
        v = floor(v / radix);
    } while (v > 0 && k > 1);
    if (d < 0)
        buf[--k] = '-';
    *out = js_strv(js_cstr(rt, buf + k));
    return 0;
}

NATIVE(num_value_of)
{
    UNUSED;
    *out = self;
    return 0;
}

NATIVE(bool_to_string)
{
    UNUSED;
    *out = js_strv(js_intern(rt, js_truthy(self) ? "true" : "false"));
    return 0;
}

/* ---- Math ---- */

static uint64_t rng_state = 0x2545F4914F6CDD1DULL;

NATIVE(math_fn)
{
    UNUSED;
    double x = 0, y = 0;
    if (argc > 0 && js_to_number(rt, args[0], &x) < 0)
        return -1;
    if (argc == 0)
        x = NAN;
    if (argc > 1 && js_to_number(rt, args[1], &y) < 0)
        return -1;
    double r;
    switch (fn->x.nat.arity) {
    case 0: r = floor(x); break;
    case 1: r = ceil(x); break;
    case 2: r = floor(x + 0.5); if (r == 0 && signbit(x)) r = -0.0; break;
    case 3: r = fabs(x); break;
    case 4: r = sqrt(x); break;
    case 5: r = trunc(x); break;
    case 6: r = isnan(x) ? NAN : x > 0 ? 1 : x < 0 ? -1 : x; break;
    case 7: r = argc > 1 ? pow(x, y) : NAN; break;
    case 8: r = log(x); break;
    case 9: r = exp(x); break;
    case 10: r = sin(x); break;
    case 11: r = cos(x); break;
    case 12: r = cbrt(x); break;
    case 13: r = log2(x); break;
    case 14: r = log10(x); break;
    case 15: r = atan2(x, y); break;
    case 16: r = tan(x); break;
    case 17: r = atan(x); break;
    default: r = NAN; break;
    }
    *out = js_num(r);
    return 0;
}

NATIVE(math_minmax)
{
    UNUSED;
    bool max = fn->x.nat.arity == 1;
    double r = max ? -INFINITY : INFINITY;
    for (int i = 0; i < argc; i++) {
        double d;
        if (js_to_number(rt, args[i], &d) < 0)
            return -1;
        if (isnan(d))
            r = NAN;
        else if (!isnan(r) && (max ? (d > r || (d == 0 && r == 0 && !signbit(d))) : (d < r || (d == 0 && r == 0 && signbit(d)))))
            r = d;
    }
    *out = js_num(r);
    return 0;
}

NATIVE(math_hypot)
{
    UNUSED;
    double s = 0;
    for (int i = 0; i < argc; i++) {
        double d;
        if (js_to_number(rt, args[i], &d) < 0)
            return -1;
        s += d * d;
    }
    *out = js_num(sqrt(s));
    return 0;
}

NATIVE(math_random)
{
    UNUSED;
    /* xorshift64*: fixed seed, so a scenario's run repeats (Node's does not) */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    uint64_t v = rng_state * 2685821657736338717ULL;
    *out = js_num((double)(v >> 11) / 9007199254740992.0);
    return 0;
}

/* ---- JSON ---- */

NATIVE(json_stringify)
{
    UNUSED;
    char indent[11] = "";
    JsValue sp = ARG(2);
    if (sp.tag == JV_NUM) {
        int n = (int)fmin(fmax(sp.u.n, 0), 10);
        memset(indent, ' ', (size_t)n);
        indent[n] = 0;
    } else if (sp.tag == JV_STR) {
        snprintf(indent, sizeof indent, "%s", sp.u.s->s);
    }
    Buf b;
    buf_init(&b);
    bool undef = false;
    if (js_json_stringify(rt, ARG(0), indent, &b, &undef) < 0) {
        buf_free(&b);
        return -1;
    }
    *out = undef ? JS_UNDEF : js_strv(js_str(rt, b.s, b.len));
    buf_free(&b);
    return 0;
}

typedef struct JsonP {
    JsRt *rt;
    const char *p, *start, *end;
    int depth;
} JsonP;

static void jp_ws(JsonP *j)
{
    while (j->p < j->end && is_space(*j->p))
        j->p++;
}

static int jp_fail(JsonP *j)
{
    if (j->p >= j->end)
        return js_throw_error(j->rt, ERR_SYNTAX, "Unexpected end of JSON input");
    return js_throw_error(j->rt, ERR_SYNTAX, "Unexpected token '%c', \"%.*s\" is not valid JSON", *j->p,
                          (int)(j->end - j->start > 30 ? 30 : j->end - j->start), j->start);
}

static int jp_value(JsonP *j, JsValue *out);

/* An empty object or array: its closing character is consumed. */
static bool jp_empty(JsonP *j, char close)
{
    jp_ws(j);
    if (j->p < j->end && *j->p == close) {
        j->p++;
        return true;
    }
    return false;
}

/* After an item: ',' means another (1), close ends the container (0),
 * anything else is an error (-1, thrown). */
static int jp_next_item(JsonP *j, char close)
{
    jp_ws(j);
    if (j->p < j->end && (*j->p == ',' || *j->p == close))
        return *j->p++ == ',';
    return jp_fail(j);
}

static int jp_string(JsonP *j, JsString **out)
{
    Buf b;
    buf_init(&b);
    j->p++;
    while (j->p < j->end && *j->p != '"') {
        char c = *j->p++;
        if (c == '\\') {
            char e = j->p < j->end ? *j->p++ : 0;
            switch (e) {
            case 'n': buf_putc(&b, '\n'); break;
            case 't': buf_putc(&b, '\t'); break;
            case 'r': buf_putc(&b, '\r'); break;
            case 'b': buf_putc(&b, '\b'); break;
            case 'f': buf_putc(&b, '\f'); break;
            case '/': case '\\': case '"': buf_putc(&b, e); break;
            case 'u': {
                unsigned cp = 0;
                for (int i = 0; i < 4; i++) {
                    char h = j->p < j->end ? *j->p++ : 0;
                    int v = h >= '0' && h <= '9' ? h - '0' : (h | 32) >= 'a' && (h | 32) <= 'f' ? (h | 32) - 'a' + 10 : -1;
                    if (v < 0) {
                        buf_free(&b);
                        return jp_fail(j);
                    }
                    cp = cp * 16 + (unsigned)v;
                }
                buf_put_utf8(&b, cp);
                break;
            }
            default:
                buf_free(&b);
                j->p--;
                return jp_fail(j);
            }
        } else if ((unsigned char)c < 0x20) {
            buf_free(&b);
            j->p--;
            return jp_fail(j);
        } else {
            buf_putc(&b, c);
        }
    }
    if (j->p >= j->end) {
        buf_free(&b);
        return jp_fail(j);
    }
    j->p++;
    *out = js_str(j->rt, b.s, b.len);
    buf_free(&b);
    return 0;
}

static int jp_value(JsonP *j, JsValue *out)
{
    JsRt *rt = j->rt;
    jp_ws(j);
    if (j->p >= j->end)
        return jp_fail(j);
    if (++j->depth > 500)
        return js_throw_error(rt, ERR_RANGE, "Maximum call stack size exceeded");
    char c = *j->p;
    int r = 0;
    if (c == '{') {
        JsObject *o = js_obj_new(rt, JK_OBJECT, rt->object_proto);
        j->p++;
        for (int more = jp_empty(j, '}') ? 0 : 1; more == 1;) {
            jp_ws(j);
            if (j->p >= j->end || *j->p != '"')
                return jp_fail(j);
            JsString *k;
            JsValue v;
            if (jp_string(j, &k) < 0)
                return -1;
            jp_ws(j);
            if (j->p >= j->end || *j->p != ':')
                return jp_fail(j);
            j->p++;
            if (jp_value(j, &v) < 0)
                return -1;
            js_define(rt, o, k, v, PF_ENUM);
            if ((more = jp_next_item(j, '}')) < 0)
                return -1;
        }
        *out = js_objv(o);
    } else if (c == '[') {
        JsObject *a = js_array_new(rt, 0);
        j->p++;
        for (int more = jp_empty(j, ']') ? 0 : 1; more == 1;) {
            JsValue v;
            if (jp_value(j, &v) < 0)
                return -1;
            js_array_push(rt, a, v);
            if ((more = jp_next_item(j, ']')) < 0)
                return -1;
        }
        *out = js_objv(a);
    } else if (c == '"') {
        JsString *s;
        if (jp_string(j, &s) < 0)
            return -1;
        *out = js_strv(s);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        char *end;
        double d = strtod(j->p, &end);
        j->p = end;
        *out = js_num(d);
    } else if (!strncmp(j->p, "true", 4) || !strncmp(j->p, "null", 4)) {
        *out = c == 't' ? js_bool(true) : JS_NULL;
        j->p += 4;
    } else if (!strncmp(j->p, "false", 5)) {
        *out = js_bool(false);
        j->p += 5;
    } else {
        r = jp_fail(j);
    }
    j->depth--;
    return r;
}

NATIVE(json_parse)
{
    UNUSED;
    JsString *s;
    if (js_to_string(rt, ARG(0), &s) < 0)
        return -1;
    JsonP j = {.rt = rt, .p = s->s, .start = s->s, .end = s->s + s->len};
    if (jp_value(&j, out) < 0)
        return -1;
    jp_ws(&j);
    if (j.p < j.end)
        return jp_fail(&j);
    return 0;
}

/* ---- install ---- */

static void fn_arity(JsObject *f, int a)
{
    f->x.nat.arity = a;
}

void js_text_install(JsRt *rt)
{
    JsObject *g = rt->global;
    JsObject *S = js_native_ctor(rt, "String", 1, str_ctor, rt->string_proto);
    js_native_method(rt, S, "fromCharCode", 1, str_from_char_code);
    JsObject *sp = rt->string_proto;
    fn_arity(js_native_method(rt, sp, "slice", 2, str_slice), 0);
    fn_arity(js_native_method(rt, sp, "substring", 2, str_slice), 1);
    fn_arity(js_native_method(rt, sp, "substr", 2, str_slice), 2);
    fn_arity(js_native_method(rt, sp, "charAt", 1, str_char_at), 0);
    fn_arity(js_native_method(rt, sp, "charCodeAt", 1, str_char_at), 1);
    fn_arity(js_native_method(rt, sp, "codePointAt", 1, str_char_at), 1);
    fn_arity(js_native_method(rt, sp, "indexOf", 1, str_index_of), 0);
    fn_arity(js_native_method(rt, sp, "lastIndexOf", 1, str_index_of), 1);
    fn_arity(js_native_method(rt, sp, "includes", 1, str_index_of), 2);
    fn_arity(js_native_method(rt, sp, "startsWith", 1, str_index_of), 3);
    fn_arity(js_native_method(rt, sp, "endsWith", 1, str_index_of), 4);
    fn_arity(js_native_method(rt, sp, "toUpperCase", 0, str_case), 0);
    fn_arity(js_native_method(rt, sp, "toLowerCase", 0, str_case), 1);
    fn_arity(js_native_method(rt, sp, "trim", 0, str_trim), 0);
    fn_arity(js_native_method(rt, sp, "trimStart", 0, str_trim), 1);
    fn_arity(js_native_method(rt, sp, "trimEnd", 0, str_trim), 2);
    fn_arity(js_native_method(rt, sp, "padStart", 2, str_pad), 0);
    fn_arity(js_native_method(rt, sp, "padEnd", 2, str_pad), 1);
    js_native_method(rt, sp, "repeat", 1, str_repeat);
    js_native_method(rt, sp, "split", 2, str_split);
    fn_arity(js_native_method(rt, sp, "replace", 2, str_replace), 0);
    fn_arity(js_native_method(rt, sp, "replaceAll", 2, str_replace), 1);
    js_native_method(rt, sp, "concat", 1, str_concat);
    js_native_method(rt, sp, "toString", 0, str_to_string);
    js_native_method(rt, sp, "valueOf", 0, str_to_string);
    js_native_method(rt, sp, "localeCompare", 1, str_locale_compare);

    JsObject *N = js_native_ctor(rt, "Number", 1, num_ctor, rt->number_proto);
    fn_arity(js_native_method(rt, N, "isInteger", 1, num_is), 0);
    fn_arity(js_native_method(rt, N, "isFinite", 1, num_is), 1);
    fn_arity(js_native_method(rt, N, "isNaN", 1, num_is), 2);
    fn_arity(js_native_method(rt, N, "isSafeInteger", 1, num_is), 3);
    JsObject *pf = js_native_method(rt, N, "parseFloat", 1, parse_float);
    JsObject *pi = js_native_method(rt, N, "parseInt", 2, parse_int);
    js_define(rt, g, js_intern(rt, "parseFloat"), js_objv(pf), 0);
    js_define(rt, g, js_intern(rt, "parseInt"), js_objv(pi), 0);
    fn_arity(js_native_method(rt, g, "isNaN", 1, global_is), 2);
    fn_arity(js_native_method(rt, g, "isFinite", 1, global_is), 1);
    js_define(rt, N, js_intern(rt, "MAX_SAFE_INTEGER"), js_num(9007199254740991.0), PF_CONST);
    js_define(rt, N, js_intern(rt, "MIN_SAFE_INTEGER"), js_num(-9007199254740991.0), PF_CONST);
    js_define(rt, N, js_intern(rt, "EPSILON"), js_num(2.220446049250313e-16), PF_CONST);
    js_define(rt, N, js_intern(rt, "MAX_VALUE"), js_num(1.7976931348623157e308), PF_CONST);
    js_define(rt, N, js_intern(rt, "POSITIVE_INFINITY"), js_num(INFINITY), PF_CONST);
    js_define(rt, N, js_intern(rt, "NEGATIVE_INFINITY"), js_num(-INFINITY), PF_CONST);
    js_define(rt, N, js_intern(rt, "NaN"), js_num(NAN), PF_CONST);
    js_native_method(rt, rt->number_proto, "toFixed", 1, num_to_fixed);
    js_native_method(rt, rt->number_proto, "toPrecision", 1, num_to_precision);
    js_native_method(rt, S, "raw", 1, str_raw);
    js_native_method(rt, rt->number_proto, "toString", 1, num_to_string);
    js_native_method(rt, rt->number_proto, "valueOf", 0, num_value_of);
    js_native_ctor(rt, "Boolean", 1, bool_ctor, rt->boolean_proto);
    js_native_method(rt, rt->boolean_proto, "toString", 0, bool_to_string);

    JsObject *M = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "Math"), js_objv(M), 0);
    static const char *const mf[] = {"floor", "ceil", "round", "abs", "sqrt", "trunc", "sign", "pow", "log", "exp",
                                     "sin", "cos", "cbrt", "log2", "log10", "atan2", "tan", "atan"};
    for (int i = 0; i < (int)(sizeof mf / sizeof mf[0]); i++)
        fn_arity(js_native_method(rt, M, mf[i], 1, math_fn), i);
    fn_arity(js_native_method(rt, M, "min", 2, math_minmax), 0);
    fn_arity(js_native_method(rt, M, "max", 2, math_minmax), 1);
    js_native_method(rt, M, "hypot", 2, math_hypot);
    js_native_method(rt, M, "random", 0, math_random);
    rng_state = 0x2545F4914F6CDD1DULL;
    js_define(rt, M, js_intern(rt, "PI"), js_num(3.141592653589793), PF_CONST);
    js_define(rt, M, js_intern(rt, "E"), js_num(2.718281828459045), PF_CONST);
    js_define(rt, M, js_intern(rt, "LN2"), js_num(0.6931471805599453), PF_CONST);
    js_define(rt, M, js_intern(rt, "SQRT2"), js_num(1.4142135623730951), PF_CONST);

    JsObject *J = js_obj_new(rt, JK_OBJECT, rt->object_proto);
    js_define(rt, g, js_intern(rt, "JSON"), js_objv(J), 0);
    js_native_method(rt, J, "stringify", 3, json_stringify);
    js_native_method(rt, J, "parse", 2, json_parse);
}
