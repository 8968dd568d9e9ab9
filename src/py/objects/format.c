/* format.c: repr, the format-spec mini-language, round() and number
 * parsing, as CPython 3.11 does them. See format.h for the contracts.
 * Float digits come from the C library, which is correctly rounded for
 * "%.*e" and "%.*f", run under a private "C" locale (uselocale) so that the
 * program's LC_NUMERIC never leaks in. The code that lays the digits out
 * follows CPython's pystrtod.c (format_float_short) and
 * formatter_unicode.c (spec parsing, padding, grouping) closely, because
 * their corner cases are the behaviour we must reproduce. Unicode data
 * (printable, decimal digits, whitespace) comes from text.c. */
#include "format.h"

#include "text.h"

#include <float.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the C locale ---- */

static locale_t c_locale(void)
{
    static locale_t loc;
    if (!loc) {
        loc = newlocale(LC_ALL_MASK, "C", (locale_t)0);
        if (!loc)
            die("cannot create the C locale");
    }
    return loc;
}

/* Replace b's contents with x printed by "%.*e" (exp_form) or "%.*f". */
static void c_print(Buf *b, int exp_form, int prec, double x)
{
    locale_t old = uselocale(c_locale());
    buf_clear(b);
    if (exp_form)
        buf_printf(b, "%.*e", prec, x);
    else
        buf_printf(b, "%.*f", prec, x);
    uselocale(old);
}

double fmt_strtod_c(const char *s)
{
    locale_t old = uselocale(c_locale());
    double x = strtod(s, NULL);
    uselocale(old);
    return x;
}

/* ---- errors ---- */

static int fail(char *err, size_t errsz, const char *fmt, ...) LS_PRINTF(3, 4);

/* Write the message into err and return FMT_VALUE_ERROR. */
static int fail(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;
    if (errsz > 0) {
        va_start(ap, fmt);
        vsnprintf(err, errsz, fmt, ap);
        va_end(ap);
    }
    return FMT_VALUE_ERROR;
}

/* ---- float digits ---- */

/* A finite double as dtoa gives it: value = 0.<d> * 10**decpt, no
 * trailing zeros in d; zero is "0" with decpt 1, and a mode-3 result that
 * rounds to zero is "" with decpt = -ndigits. */
typedef struct Digits {
    Buf d;
    long decpt;
    int neg;
} Digits;

static void strip_trailing_zeros(Digits *g)
{
    while (g->d.len > 0 && g->d.s[g->d.len - 1] == '0')
        g->d.len--;
    g->d.s[g->d.len] = '\0';
}

/* Fill g from "%.*e" output in tmp: "[-]D[.DDD]e[+-]XX". */
static void digits_from_exp(Digits *g, const Buf *tmp)
{
    const char *p = tmp->s;
    buf_clear(&g->d);
    if (*p == '-')
        p++;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9')
            buf_putc(&g->d, *p);
    g->decpt = (*p == 'e' ? strtol(p + 1, NULL, 10) : 0) + 1;
    strip_trailing_zeros(g);
}

/* Fill g from "%.*f" output in tmp: "[-]DDD[.DDD]". */
static void digits_from_fixed(Digits *g, const Buf *tmp)
{
    const char *p = tmp->s;
    size_t lead = 0;
    int in_frac = 0;
    buf_clear(&g->d);
    g->decpt = 0;
    if (*p == '-')
        p++;
    for (; *p; p++) {
        if (*p < '0' || *p > '9') {
            in_frac = 1;
            continue;
        }
        if (!in_frac)
            g->decpt++;
        buf_putc(&g->d, *p);
    }
    while (lead < g->d.len && g->d.s[lead] == '0')
        lead++;
    memmove(g->d.s, g->d.s + lead, g->d.len - lead + 1);
    g->d.len -= lead;
    g->decpt -= (long)lead;
    strip_trailing_zeros(g);
}

/* Round the exact digits in g to keep significant digits, ties to even
 * (dtoa mode 3 semantics); an empty result gets decpt = -ndigits. */
static void digits_round(Digits *g, long keep, long ndigits)
{
    long n = (long)g->d.len;
    char *d = g->d.s;
    if (keep >= n)
        return;
    int up;
    if (keep < 0) {
        up = 0;
    } else {
        char c = d[keep];
        int rest = 0;
        for (long i = keep + 1; i < n; i++)
            if (d[i] != '0')
                rest = 1;
        if (c != '5')
            up = c > '5';
        else if (rest)
            up = 1;
        else  /* exact tie: to even; an empty result counts as even */
            up = keep > 0 && (d[keep - 1] - '0') % 2 == 1;
    }
    if (keep <= 0) {
        buf_clear(&g->d);
        if (up) {
            buf_putc(&g->d, '1');
            g->decpt += 1 - keep;  /* the 1 sits just above the cut */
        } else {
            g->decpt = -ndigits;
        }
        return;
    }
    g->d.len = (size_t)keep;
    d[keep] = '\0';
    if (up) {
        long i = keep - 1;
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i >= 0) {
            d[i]++;
        } else {  /* 999 -> 1000 */
            d[0] = '1';
            g->decpt++;
        }
    }
    strip_trailing_zeros(g);
}

/* Step the digit string d (no leading zero) one unit in its last place
 * up or down; an all-nines string carries into "100..." and bumps decpt. */
static void digits_step(Buf *d, int up, long *decpt)
{
    long i = (long)d->len - 1;
    if (up) {
        while (i >= 0 && d->s[i] == '9')
            d->s[i--] = '0';
        if (i >= 0) {
            d->s[i]++;
        } else {
            d->s[0] = '1';
            ++*decpt;
        }
    } else {
        while (i >= 0 && d->s[i] == '0')
            d->s[i--] = '9';
        if (i >= 0)
            d->s[i]--;
    }
}

/* dtoa mode 0: the shortest digits that read back as x, nearest to x when
 * several qualify. The correctly rounded p-digit string is the nearest
 * p-digit candidate, but near a power of two the rounding interval of x is
 * lopsided, so its neighbour on the other side of x can read back as x
 * when it does not. Check both before going to p+1 digits. */
static void digits_shortest(Digits *g, double x, Buf *tmp)
{
    Buf cand;
    buf_init(&cand);
    for (int prec = 0; prec < 17; prec++) {
        c_print(tmp, 1, prec, x);
        double y = fmt_strtod_c(tmp->s);
        if (y == x) {
            digits_from_exp(g, tmp);
            buf_free(&cand);
            return;
        }
        /* the unstripped digits and point of the rounded string */
        const char *p = tmp->s;
        buf_clear(&cand);
        for (; *p && *p != 'e'; p++)
            if (*p >= '0' && *p <= '9')
                buf_putc(&cand, *p);
        long decpt = strtol(p + 1, NULL, 10) + 1;
        digits_step(&cand, fabs(y) < fabs(x), &decpt);
        buf_clear(tmp);
        buf_printf(tmp, "0.%se%ld", cand.s, decpt);
        if (fmt_strtod_c(tmp->s) == fabs(x)) {
            size_t lead = 0;
            while (cand.s[lead] == '0')
                lead++;
            buf_clear(&g->d);
            buf_puts(&g->d, cand.s + lead);
            g->decpt = decpt - (long)lead;
            strip_trailing_zeros(g);
            buf_free(&cand);
            return;
        }
    }
    buf_free(&cand);
    c_print(tmp, 1, 16, x);  /* 17 digits always read back */
    digits_from_exp(g, tmp);
}

/* Fill g with the digits of finite x in dtoa mode 0 (shortest), 2
 * (ndigits significant digits) or 3 (ndigits past the point, which may be
 * negative). */
static void digits_of(Digits *g, double x, int mode, long ndigits)
{
    Buf tmp;
    buf_init(&tmp);
    g->neg = signbit(x) != 0;
    g->decpt = 0;
    buf_clear(&g->d);
    if (x == 0) {
        buf_putc(&g->d, '0');
        g->decpt = 1;
    } else if (mode == 0) {
        digits_shortest(g, x, &tmp);
    } else if (mode == 2) {
        /* a double has at most 767 significant digits: print no more */
        c_print(&tmp, 1, (int)(ndigits < 800 ? ndigits - 1 : 799), x);
        digits_from_exp(g, &tmp);
    } else if (ndigits >= 0) {
        /* and at most 1074 digits after the point */
        c_print(&tmp, 0, (int)(ndigits < 1100 ? ndigits : 1100), x);
        digits_from_fixed(g, &tmp);
        if (g->d.len == 0)
            g->decpt = -ndigits;
    } else if (fabs(x) < 1) {
        g->decpt = -ndigits;  /* rounds to zero at 10**-ndigits >= 10 */
    } else {
        /* |x| >= 1 is a multiple of 2**-52: 52 places are exact */
        c_print(&tmp, 0, 52, x);
        digits_from_fixed(g, &tmp);
        digits_round(g, g->decpt + ndigits, ndigits);
    }
    buf_free(&tmp);
}

/* ---- floats to strings (CPython's PyOS_double_to_string) ---- */

#define DTSF_SIGN 1       /* always write a sign */
#define DTSF_ADD_DOT_0 2  /* integral values get ".0" (repr, type none) */
#define DTSF_ALT 4        /* '#': keep the point and trailing zeros */
#define DTSF_NO_NEG_0 8   /* 'z': no '-' on a zero result */

static void put_zeros(Buf *out, long n)
{
    for (; n > 0; n--)
        buf_putc(out, '0');
}

/* Append val formatted with code 'e', 'E', 'f', 'F', 'g', 'G' or 'r'
 * (shortest repr; precision unused) and the DTSF_* flags. */
static void double_to_string(Buf *out, double val, char code, long precision,
                             int flags)
{
    int upper = code == 'E' || code == 'F' || code == 'G';
    int mode = 0;
    switch (code) {
    case 'E':
    case 'e':
        code = 'e';
        mode = 2;
        precision++;
        break;
    case 'F':
    case 'f':
        code = 'f';
        mode = 3;
        break;
    case 'G':
    case 'g':
        code = 'g';
        mode = 2;
        if (precision == 0)
            precision = 1;
        break;
    default:
        code = 'r';
        break;
    }

    if (!isfinite(val)) {
        /* the sign of a nan is ignored */
        if (isinf(val) && val < 0)
            buf_putc(out, '-');
        else if (flags & DTSF_SIGN)
            buf_putc(out, '+');
        if (isinf(val))
            buf_puts(out, upper ? "INF" : "inf");
        else
            buf_puts(out, upper ? "NAN" : "nan");
        return;
    }

    Digits g;
    buf_init(&g.d);
    digits_of(&g, val, mode, precision);
    const char *digits = g.d.s;
    long digits_len = (long)g.d.len, decpt = g.decpt, exp = 0;
    int neg = g.neg, use_exp = 0, alt = (flags & DTSF_ALT) != 0;
    int add_dot_0 = (flags & DTSF_ADD_DOT_0) != 0;
    if ((flags & DTSF_NO_NEG_0) && neg &&
        (digits_len == 0 || (digits_len == 1 && digits[0] == '0')))
        neg = 0;

    /* Output the slice vdigits[vdigits_start:vdigits_end] of the digits
     * padded with zeros on both sides, with the point after position
     * decpt (format_float_short's scheme). */
    long vdigits_end = digits_len, vdigits_start;
    switch (code) {
    case 'e':
        use_exp = 1;
        vdigits_end = precision;
        break;
    case 'f':
        vdigits_end = decpt + precision;
        break;
    case 'g':
        if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision))
            use_exp = 1;
        if (alt)
            vdigits_end = precision;
        break;
    default:  /* 'r': exponent form from 1e16 on, as repr does */
        if (decpt <= -4 || decpt > 16)
            use_exp = 1;
        break;
    }
    if (use_exp) {
        exp = decpt - 1;
        decpt = 1;
    }
    vdigits_start = decpt <= 0 ? decpt - 1 : 0;
    if (!use_exp && add_dot_0)
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt + 1;
    else
        vdigits_end = vdigits_end > decpt ? vdigits_end : decpt;

    if (neg)
        buf_putc(out, '-');
    else if (flags & DTSF_SIGN)
        buf_putc(out, '+');
    if (decpt <= 0) {
        put_zeros(out, decpt - vdigits_start);
        buf_putc(out, '.');
        put_zeros(out, -decpt);
    } else {
        put_zeros(out, -vdigits_start);
    }
    if (0 < decpt && decpt <= digits_len) {
        buf_putn(out, digits, (size_t)decpt);
        buf_putc(out, '.');
        buf_putn(out, digits + decpt, (size_t)(digits_len - decpt));
    } else {
        buf_putn(out, digits, (size_t)digits_len);
    }
    if (digits_len < decpt) {
        put_zeros(out, decpt - digits_len);
        buf_putc(out, '.');
        put_zeros(out, vdigits_end - decpt);
    } else {
        put_zeros(out, vdigits_end - digits_len);
    }
    if (out->s[out->len - 1] == '.' && !alt) {
        out->len--;
        out->s[out->len] = '\0';
    }
    if (use_exp) {
        buf_putc(out, upper ? 'E' : 'e');
        buf_putc(out, exp < 0 ? '-' : '+');
        if (exp < 0)
            exp = -exp;
        buf_printf(out, "%02ld", exp);
    }
    buf_free(&g.d);
}

void fmt_float_repr(double x, Buf *out)
{
    double_to_string(out, x, 'r', 0, DTSF_ADD_DOT_0);
}

void fmt_int_repr(int64_t v, Buf *out)
{
    buf_put_int(out, (long long)v);
}

/* ---- the format-spec mini-language ---- */

/* A parsed spec, CPython's InternalFormatSpec. */
typedef struct Spec {
    uint32_t fill, align, type;  /* type 0: none given */
    char sign;                   /* 0, '+', '-' or ' ' */
    int no_neg_0, alternate;
    int64_t width, precision;    /* -1: not given */
    char sep;                    /* thousands separator: 0, ',' or '_' */
    int group;                   /* digits per group: 3; 4 for '_' with bxoX */
} Spec;

/* Decode the spec into cps (room for n entries); returns the count.
 * Invalid bytes become U+FFFD. */
static size_t spec_decode(const char *spec, size_t n, uint32_t *cps)
{
    size_t count = 0;
    for (size_t i = 0; i < n; count++) {
        int k = text_utf8_decode(spec + i, n - i, &cps[count]);
        if (k == 0) {
            cps[count] = 0xFFFD;
            k = 1;
        }
        i += (size_t)k;
    }
    return count;
}

/* CPython's get_integer: a run of decimal digits (any script) at *pos.
 * Returns the number of digits, or -1 on overflow (message in err). */
static long spec_integer(const uint32_t *c, size_t end, size_t *pos,
                         int64_t *result, char *err, size_t errsz)
{
    int64_t acc = 0;
    long digits = 0;
    for (; *pos < end; ++*pos, digits++) {
        int v = text_cp_decimal(c[*pos]);
        if (v < 0)
            break;
        if (acc > (INT64_MAX - v) / 10) {
            fail(err, errsz, "Too many decimal digits in format string");
            return -1;
        }
        acc = acc * 10 + v;
    }
    *result = acc;
    return digits;
}

/* The message for a presentation type CPython cannot print as itself. */
static int fail_type(char *err, size_t errsz, const char *what, uint32_t type,
                     const char *tail)
{
    if (type > 32 && type < 128)
        return fail(err, errsz, "%s'%c'%s", what, (char)type, tail);
    return fail(err, errsz, "%s'\\x%x'%s", what, (unsigned)type, tail);
}

static int fail_unknown(char *err, size_t errsz, uint32_t type,
                        const char *type_name)
{
    char tail[64];
    snprintf(tail, sizeof tail, " for object of type '%s'", type_name);
    return fail_type(err, errsz, "Unknown format code ", type, tail);
}

static int is_align(uint32_t c)
{
    return c == '<' || c == '>' || c == '=' || c == '^';
}

/* CPython's parse_internal_render_format_spec:
 * [[fill]align][sign][z][#][0][width][,|_][.precision][type]. */
static int spec_parse(const char *spec, size_t n, const char *type_name,
                      uint32_t default_type, uint32_t default_align, Spec *f,
                      char *err, size_t errsz)
{
    uint32_t small[64];
    uint32_t *c = n <= 64 ? small : xmalloc(n * sizeof *c);
    size_t end = spec_decode(spec, n, c), pos = 0;
    int align_specified = 0, fill_specified = 0, ok = 0;

    f->fill = ' ';
    f->align = default_align;
    f->alternate = f->no_neg_0 = 0;
    f->sign = 0;
    f->width = f->precision = -1;
    f->sep = 0;
    f->group = 3;
    f->type = default_type;

    if (end - pos >= 2 && is_align(c[pos + 1])) {
        f->align = c[pos + 1];
        f->fill = c[pos];
        fill_specified = align_specified = 1;
        pos += 2;
    } else if (end - pos >= 1 && is_align(c[pos])) {
        f->align = c[pos];
        align_specified = 1;
        pos++;
    }
    if (end - pos >= 1 && (c[pos] == '+' || c[pos] == '-' || c[pos] == ' '))
        f->sign = (char)c[pos++];
    if (end - pos >= 1 && c[pos] == 'z') {
        f->no_neg_0 = 1;
        pos++;
    }
    if (end - pos >= 1 && c[pos] == '#') {
        f->alternate = 1;
        pos++;
    }
    /* '0' before the width: zero fill, and '=' alignment for numbers */
    if (!fill_specified && end - pos >= 1 && c[pos] == '0') {
        f->fill = '0';
        if (!align_specified && default_align == '>')
            f->align = '=';
        pos++;
    }
    long got = spec_integer(c, end, &pos, &f->width, err, errsz);
    if (got < 0)
        goto done;
    if (got == 0)
        f->width = -1;
    if (end - pos >= 1 && c[pos] == ',') {
        f->sep = ',';
        pos++;
    }
    if (end - pos >= 1 && c[pos] == '_') {
        if (f->sep) {
            fail(err, errsz, "Cannot specify both ',' and '_'.");
            goto done;
        }
        f->sep = '_';
        pos++;
    }
    if (end - pos >= 1 && c[pos] == ',' && f->sep == '_') {
        fail(err, errsz, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (end - pos >= 1 && c[pos] == '.') {
        pos++;
        got = spec_integer(c, end, &pos, &f->precision, err, errsz);
        if (got < 0)
            goto done;
        if (got == 0) {
            fail(err, errsz, "Format specifier missing precision");
            goto done;
        }
    }
    if (end - pos > 1) {
        fail(err, errsz,
             "Invalid format specifier '%.*s' for object of type '%s'",
             (int)n, spec, type_name);
        goto done;
    }
    if (end - pos == 1)
        f->type = c[pos++];
    if (f->sep) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G':
        case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->sep == '_') {  /* every four digits in bin/oct/hex */
                f->group = 4;
                break;
            }
            /* fall through */
        default:
            fail_type(err, errsz, f->sep == ',' ? "Cannot specify ',' with "
                                                : "Cannot specify '_' with ",
                      f->type, ".");
            goto done;
        }
    }
    ok = 1;
done:
    if (c != small)
        xfree(c);
    return ok;
}

static void put_fill(Buf *out, uint32_t fill, int64_t count)
{
    char enc[4];
    int k = text_utf8_encode(fill, enc);
    for (; count > 0; count--)
        buf_putn(out, enc, (size_t)k);
}

/* CPython's _PyUnicode_InsertThousandsGrouping: append the n digits,
 * grouped from the right, zero-padded on the left to min_width (which
 * counts the separators) when that is larger. group 0: no separators. */
static void put_grouped(Buf *out, const char *digits, int64_t n,
                        int64_t min_width, int group, char sep)
{
    Buf r;  /* built right to left, then reversed */
    int64_t remaining = n, len, zeros, chars;
    int use_sep = 0, broken = 0;
    buf_init(&r);
    if (min_width < 0)
        min_width = 0;
    while (group > 0) {
        len = remaining > min_width ? remaining : min_width;
        if (len < 1)
            len = 1;
        if (len > group)
            len = group;
        zeros = len - remaining > 0 ? len - remaining : 0;
        chars = remaining < len ? remaining : len;
        if (chars < 0)
            chars = 0;
        if (use_sep)
            buf_putc(&r, sep);
        for (int64_t i = 0; i < chars; i++)
            buf_putc(&r, digits[--remaining]);
        put_zeros(&r, zeros);
        use_sep = 1;
        min_width -= len;
        if (remaining <= 0 && min_width <= 0) {
            broken = 1;
            break;
        }
        min_width -= 1;  /* the separator */
    }
    if (!broken) {
        len = remaining > min_width ? remaining : min_width;
        if (len < 1)
            len = 1;
        zeros = len - remaining > 0 ? len - remaining : 0;
        chars = remaining < len ? remaining : len;
        if (chars < 0)
            chars = 0;
        if (use_sep)
            buf_putc(&r, sep);
        for (int64_t i = 0; i < chars; i++)
            buf_putc(&r, digits[--remaining]);
        put_zeros(&r, zeros);
    }
    for (size_t i = r.len; i > 0; i--)
        buf_putc(out, r.s[i - 1]);
    buf_free(&r);
}

/* A number broken into the pieces CPython lays out (NumberFieldWidths):
 * <lpad><sign><prefix><spad><grouped digits><point><remainder><rpad>. */
typedef struct Number {
    char sign;               /* '-' or 0, from the value */
    const char *prefix;      /* "0x" etc., or "" */
    const char *digits;      /* the integer digits to group */
    size_t n_digits;
    int has_point;
    const char *rest;        /* after the point: fraction, exponent, '%' */
    size_t n_rest;           /* bytes */
    size_t rest_width;       /* code points */
    int upper;               /* 'X': uppercase prefix and digits */
    int group;               /* 0: no grouping ('n', or no separator) */
} Number;

/* CPython's calc_number_widths + fill_number. */
static int put_number(Buf *out, const Spec *f, const Number *num, char *err,
                      size_t errsz)
{
    if (f->width > FMT_WIDTH_MAX)
        return fail(err, errsz, "width too large");
    char sign = 0;
    if (f->sign == '+')
        sign = num->sign == '-' ? '-' : '+';
    else if (f->sign == ' ')
        sign = num->sign == '-' ? '-' : ' ';
    else if (num->sign == '-')
        sign = '-';
    int64_t n_prefix = (int64_t)strlen(num->prefix);
    int64_t fixed = (sign ? 1 : 0) + n_prefix + (num->has_point ? 1 : 0) +
                    (int64_t)num->rest_width;
    int64_t min_width = 0;
    if (f->fill == '0' && f->align == '=')
        min_width = f->width - fixed;
    Buf grouped;
    buf_init(&grouped);
    if (num->n_digits > 0)
        put_grouped(&grouped, num->digits, (int64_t)num->n_digits, min_width,
                    num->group ? f->group : 0, f->sep);
    if (num->upper)
        for (size_t i = 0; i < grouped.len; i++)
            if (grouped.s[i] >= 'a' && grouped.s[i] <= 'f')
                grouped.s[i] = (char)(grouped.s[i] - 32);

    int64_t padding = f->width - (fixed + (int64_t)grouped.len);
    int64_t lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (f->align) {
        case '<': rpad = padding; break;
        case '^': lpad = padding / 2; rpad = padding - lpad; break;
        case '=': spad = padding; break;
        default: lpad = padding; break;
        }
    }
    put_fill(out, f->fill, lpad);
    if (sign)
        buf_putc(out, sign);
    for (int64_t i = 0; i < n_prefix; i++) {
        char ch = num->prefix[i];
        if (num->upper && ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 32);
        buf_putc(out, ch);
    }
    put_fill(out, f->fill, spad);
    buf_putn(out, grouped.s, grouped.len);
    if (num->has_point)
        buf_putc(out, '.');
    buf_putn(out, num->rest, num->n_rest);
    put_fill(out, f->fill, rpad);
    buf_free(&grouped);
    return FMT_OK;
}

/* CPython's format_float_internal. */
static int format_float_spec(double val, const Spec *f, Buf *out, char *err,
                             size_t errsz)
{
    if (f->precision > INT_MAX || f->precision > FMT_PRECISION_MAX)
        return fail(err, errsz, "precision too big");
    long precision = (long)f->precision, default_precision = 6;
    int flags = 0, add_pct = 0;
    uint32_t type = f->type;
    if (f->alternate)
        flags |= DTSF_ALT;
    if (f->no_neg_0)
        flags |= DTSF_NO_NEG_0;
    if (type == 0) {  /* like repr, or 'g' keeping a digit after the point */
        flags |= DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n')
        type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = 1;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';

    Buf tmp;
    buf_init(&tmp);
    double_to_string(&tmp, val, (char)type, precision, flags);
    if (add_pct)
        buf_putc(&tmp, '%');
    Number num = {0};
    const char *p = tmp.s;
    if (*p == '-') {
        num.sign = '-';
        p++;
    }
    num.prefix = "";
    num.digits = p;
    while (*p >= '0' && *p <= '9')
        p++;
    num.n_digits = (size_t)(p - num.digits);
    if (*p == '.') {
        num.has_point = 1;
        p++;
    }
    num.rest = p;
    num.n_rest = num.rest_width = strlen(p);
    num.group = f->type != 'n' && f->sep;
    int r = put_number(out, f, &num, err, errsz);
    buf_free(&tmp);
    return r;
}

/* CPython's format_long_internal. */
static int format_int_spec(int64_t v, const Spec *f, Buf *out, char *err,
                           size_t errsz)
{
    if (f->precision != -1)
        return fail(err, errsz,
                    "Precision not allowed in integer format specifier");
    if (f->no_neg_0)
        return fail(err, errsz, "Negative zero coercion (z) not allowed in "
                                "integer format specifier");
    Number num = {0};
    char digits[72], ch[4];
    num.prefix = "";
    if (f->type == 'c') {
        if (f->sign)
            return fail(err, errsz, "Sign not allowed with integer format "
                                    "specifier 'c'");
        if (f->alternate)
            return fail(err, errsz, "Alternate form (#) not allowed with "
                                    "integer format specifier 'c'");
        if (v < 0 || v > 0x10FFFF) {
            fail(err, errsz, "%%c arg not in range(0x110000)");
            return FMT_OVERFLOW_ERROR;
        }
        /* the character is "remainder", copied but not grouped */
        num.rest = ch;
        num.n_rest = (size_t)text_utf8_encode((uint32_t)v, ch);
        num.rest_width = 1;
        return put_number(out, f, &num, err, errsz);
    }
    unsigned base = 10;
    switch (f->type) {
    case 'b': base = 2; num.prefix = "0b"; break;
    case 'o': base = 8; num.prefix = "0o"; break;
    case 'x': case 'X': base = 16; num.prefix = "0x"; break;
    default: break;
    }
    if (!f->alternate)
        num.prefix = "";
    uint64_t mag = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    size_t i = sizeof digits;
    do {
        digits[--i] = "0123456789abcdef"[mag % base];
        mag /= base;
    } while (mag);
    num.sign = v < 0 ? '-' : 0;
    num.digits = digits + i;
    num.n_digits = sizeof digits - i;
    num.rest = "";
    num.upper = f->type == 'X';
    num.group = f->type != 'n' && f->sep;
    return put_number(out, f, &num, err, errsz);
}

int fmt_format_int(int64_t v, const char *spec, size_t n, Buf *out,
                   char *err, size_t errsz)
{
    Spec f;
    if (n == 0) {
        fmt_int_repr(v, out);
        return FMT_OK;
    }
    if (!spec_parse(spec, n, "int", 'd', '>', &f, err, errsz))
        return FMT_VALUE_ERROR;
    switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
        return format_int_spec(v, &f, out, err, errsz);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return format_float_spec((double)v, &f, out, err, errsz);
    default:
        return fail_unknown(err, errsz, f.type, "int");
    }
}

int fmt_format_float(double v, const char *spec, size_t n, Buf *out,
                     char *err, size_t errsz)
{
    Spec f;
    if (n == 0) {
        fmt_float_repr(v, out);
        return FMT_OK;
    }
    if (!spec_parse(spec, n, "float", 0, '>', &f, err, errsz))
        return FMT_VALUE_ERROR;
    switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
    case 'n': case '%':
        return format_float_spec(v, &f, out, err, errsz);
    default:
        return fail_unknown(err, errsz, f.type, "float");
    }
}

int fmt_format_str(const char *s, size_t len, const char *spec, size_t n,
                   Buf *out, char *err, size_t errsz)
{
    Spec f;
    if (n == 0) {
        buf_putn(out, s, len);
        return FMT_OK;
    }
    if (!spec_parse(spec, n, "str", 's', '<', &f, err, errsz))
        return FMT_VALUE_ERROR;
    if (f.type != 's')
        return fail_unknown(err, errsz, f.type, "str");
    if (f.sign == ' ')
        return fail(err, errsz,
                    "Space not allowed in string format specifier");
    if (f.sign)
        return fail(err, errsz, "Sign not allowed in string format specifier");
    if (f.no_neg_0)
        return fail(err, errsz, "Negative zero coercion (z) not allowed in "
                                "string format specifier");
    if (f.alternate)
        return fail(err, errsz, "Alternate form (#) not allowed in string "
                                "format specifier");
    if (f.align == '=')
        return fail(err, errsz, "'=' alignment not allowed in string format "
                                "specifier");
    int64_t chars = (int64_t)text_length(s, len);
    if (f.precision >= 0 && chars > f.precision) {
        len = text_offset(s, len, (size_t)f.precision);
        chars = f.precision;
    }
    int64_t total = f.width > chars ? f.width : chars, lpad = 0;
    if (total > chars && f.width > FMT_WIDTH_MAX)
        return fail(err, errsz, "width too large");
    if (f.align == '>')
        lpad = total - chars;
    else if (f.align == '^')
        lpad = (total - chars) / 2;
    put_fill(out, f.fill, lpad);
    buf_putn(out, s, len);
    put_fill(out, f.fill, total - chars - lpad);
    return FMT_OK;
}

/* ---- repr(str) ---- */

void fmt_str_repr(const char *s, size_t len, Buf *out)
{
    static const char hex[] = "0123456789abcdef";
    int squote = memchr(s, '\'', len) != NULL;
    int dquote = memchr(s, '"', len) != NULL;
    char quote = squote && !dquote ? '"' : '\'';
    uint32_t cp;
    buf_putc(out, quote);
    for (size_t i = 0; i < len;) {
        int k = text_utf8_decode(s + i, len - i, &cp);
        if (k == 0) {  /* not UTF-8: show the byte */
            buf_printf(out, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        if (cp == (uint32_t)quote || cp == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)cp);
        } else if (cp == '\t') {
            buf_puts(out, "\\t");
        } else if (cp == '\n') {
            buf_puts(out, "\\n");
        } else if (cp == '\r') {
            buf_puts(out, "\\r");
        } else if (cp < ' ' || cp == 0x7F) {
            buf_putc(out, '\\');
            buf_putc(out, 'x');
            buf_putc(out, hex[cp >> 4]);
            buf_putc(out, hex[cp & 15]);
        } else if (cp < 0x7F || text_cp_isprintable(cp)) {
            buf_putn(out, s + i, (size_t)k);
        } else if (cp <= 0xFF) {
            buf_printf(out, "\\x%02x", (unsigned)cp);
        } else if (cp <= 0xFFFF) {
            buf_printf(out, "\\u%04x", (unsigned)cp);
        } else {
            buf_printf(out, "\\U%08x", (unsigned)cp);
        }
        i += (size_t)k;
    }
    buf_putc(out, quote);
}

/* ---- round() ---- */

int fmt_round(double x, long ndigits, double *out)
{
    /* beyond these every finite double rounds to itself, or to zero */
    const long ndigits_max = (long)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const long ndigits_min = -(long)((DBL_MAX_EXP + 1) * 0.30103);
    if (!isfinite(x) || ndigits > ndigits_max) {
        *out = x;
        return 1;
    }
    if (ndigits < ndigits_min) {
        *out = 0.0 * x;
        return 1;
    }
    /* CPython's double_round: round in decimal, read the string back */
    Digits g;
    Buf tmp;
    buf_init(&g.d);
    buf_init(&tmp);
    digits_of(&g, x, 3, ndigits);
    buf_printf(&tmp, "%s0%se%ld", g.neg ? "-" : "", g.d.s,
               g.decpt - (long)g.d.len);
    double r = fmt_strtod_c(tmp.s);
    buf_free(&g.d);
    buf_free(&tmp);
    if (isinf(r))
        return 0;
    *out = r;
    return 1;
}

double fmt_round_half_even(double x)
{
    double r = round(x);
    if (fabs(x - r) == 0.5)
        r = 2.0 * round(x / 2.0);
    return r;
}

/* ---- int() and float() ---- */

/* CPython first maps Unicode decimal digits to ASCII and Unicode spaces to
 * ' ' (_PyUnicode_TransformDecimalAndSpaceToASCII); anything else
 * non-ASCII becomes '?', which no parser accepts. */
static char *to_ascii(const char *s, size_t len, size_t *n_out)
{
    char *a = xmalloc(len + 1);
    size_t n = 0;
    uint32_t cp;
    for (size_t i = 0; i < len;) {
        int k = text_utf8_decode(s + i, len - i, &cp);
        if (k == 0) {
            cp = 0xFFFD;
            k = 1;
        }
        i += (size_t)k;
        if (cp < 0x80)
            a[n++] = (char)cp;
        else if (text_cp_isspace(cp))
            a[n++] = ' ';
        else if (text_cp_decimal(cp) >= 0)
            a[n++] = (char)('0' + text_cp_decimal(cp));
        else
            a[n++] = '?';
    }
    a[n] = '\0';
    *n_out = n;
    return a;
}

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/* CPython's PyLong_FromString on the ASCII form. */
int fmt_parse_int(const char *s, size_t len, int base, int64_t *out)
{
    size_t n;
    char *a = to_ascii(s, len, &n);
    const char *p = a, *end = a + n;
    int neg = 0, zero_only = 0, overflow = 0, result = 0, ndigits = 0;
    uint64_t mag = 0, limit;
    char prev = 0;

    if ((base != 0 && base < 2) || base > 36)
        goto done;
    while (p < end && is_space(*p))
        p++;
    if (p < end && (*p == '+' || *p == '-'))
        neg = *p++ == '-';
    if (base == 0) {
        if (p[0] != '0')
            base = 10;
        else if (p[1] == 'x' || p[1] == 'X')
            base = 16;
        else if (p[1] == 'o' || p[1] == 'O')
            base = 8;
        else if (p[1] == 'b' || p[1] == 'B')
            base = 2;
        else {  /* old-style octal: only zeros are allowed */
            zero_only = 1;
            base = 10;
        }
    }
    if (p[0] == '0' &&
        ((base == 16 && (p[1] == 'x' || p[1] == 'X')) ||
         (base == 8 && (p[1] == 'o' || p[1] == 'O')) ||
         (base == 2 && (p[1] == 'b' || p[1] == 'B')))) {
        p += 2;
        if (*p == '_')  /* one underscore may follow the prefix */
            p++;
    }
    if (*p == '_')
        goto done;
    limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; p < end && (digit_value(*p) < base || *p == '_'); prev = *p++) {
        if (*p == '_') {
            if (prev == '_')
                goto done;
            continue;
        }
        unsigned d = (unsigned)digit_value(*p);
        ndigits++;
        if (mag > (limit - d) / (unsigned)base)
            overflow = 1;
        else
            mag = mag * (unsigned)base + d;
    }
    if (prev == '_' || ndigits == 0)
        goto done;
    if (zero_only && (mag != 0 || overflow))
        goto done;
    while (p < end && is_space(*p))
        p++;
    if (p != end)
        goto done;
    if (overflow) {
        result = -1;
        goto done;
    }
    *out = neg ? (int64_t)(0 - mag) : (int64_t)mag;
    result = 1;
done:
    xfree(a);
    return result;
}

static int match_word(const char *p, const char *end, const char *word)
{
    size_t k = strlen(word);
    if ((size_t)(end - p) < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if ((p[i] | 32) != word[i])
            return 0;
    return 1;
}

/* CPython's float(): underscores only between digits, surrounding
 * whitespace, then _Py_dg_strtod's grammar or inf/infinity/nan. */
int fmt_parse_float(const char *s, size_t len, double *out)
{
    size_t n;
    char *a = to_ascii(s, len, &n);
    const char *p = a, *end = a + n;
    char prev = 0;
    int result = 0, neg = 0;
    Buf clean;
    buf_init(&clean);

    /* underscores: after a digit and before one */
    for (size_t i = 0; i < n; i++) {
        char ch = a[i];
        if (ch == '_' && !(prev >= '0' && prev <= '9'))
            goto done;
        if (ch != '_' && prev == '_' && !(ch >= '0' && ch <= '9'))
            goto done;
        prev = ch;
    }
    if (prev == '_')
        goto done;
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    if (p == end)
        goto done;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    if (match_word(p, end, "inf")) {
        p += 3;
        if (match_word(p, end, "inity"))
            p += 5;
        if (p != end)
            goto done;
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        result = 1;
        goto done;
    }
    if (match_word(p, end, "nan")) {
        if (p + 3 != end)
            goto done;
        *out = neg ? -NAN : NAN;
        result = 1;
        goto done;
    }
    /* digits [. digits] [e [sign] digits], at least one mantissa digit */
    int mant = 0;
    if (neg)
        buf_putc(&clean, '-');
    for (; p < end && (*p == '_' || (*p >= '0' && *p <= '9')); p++)
        if (*p != '_') {
            buf_putc(&clean, *p);
            mant++;
        }
    if (p < end && *p == '.') {
        buf_putc(&clean, '.');
        for (p++; p < end && (*p == '_' || (*p >= '0' && *p <= '9')); p++)
            if (*p != '_') {
                buf_putc(&clean, *p);
                mant++;
            }
    }
    if (mant == 0)
        goto done;
    if (p < end && (*p == 'e' || *p == 'E')) {
        int expdigits = 0;
        buf_putc(&clean, 'e');
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            buf_putc(&clean, *p++);
        for (; p < end && (*p == '_' || (*p >= '0' && *p <= '9')); p++)
            if (*p != '_') {
                buf_putc(&clean, *p);
                expdigits++;
            }
        if (expdigits == 0)
            goto done;
    }
    if (p != end)
        goto done;
    *out = fmt_strtod_c(clean.s);
    result = 1;
done:
    buf_free(&clean);
    xfree(a);
    return result;
}
