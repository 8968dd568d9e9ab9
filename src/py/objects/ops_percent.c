/* ops_percent.c: printf-style formatting, str % args and bytes % args.
 * Owns: parsing conversion specifiers (flags, width, precision, mapping
 * keys) and applying them with CPython 3.11's errors; for bytes, %s/%b take
 * bytes, %r/%a give ascii(repr(x)), %c takes a byte. Leaves number and
 * str formatting to format.c, everything else about operators to ops.c. */
#include "ops.h"
#include "ops_int.h"
#include "alias.h"
#include "bytes.h"
#include "methods.h"

#include "format.h"
#include "iter.h"
#include "klass.h"
#include "set.h"
#include "text.h"
#include "../vm/vm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Append format(v, spec) to out; false with the exception set. */
static bool format_into(Obj *v, const char *spec, size_t speclen, Buf *out)
{
    Obj *s = str_new(spec, speclen);
    Obj *r = op_format(v, s);
    DECREF(s);
    if (!r)
        return false;
    buf_putn(out, STR_S(r), STR_LEN(r));
    DECREF(r);
    return true;
}

/* One conversion of fmt % args: %[(key)][flags][width][.prec]type. */
/* One more digit of a %-format's width or precision, as CPython reads it:
 * past what a size holds is "width too big" / "precision too big". */
static bool percent_digit(long *v, char c, const char *what)
{
    long cur = *v < 0 ? 0 : *v;
    if (cur > (LONG_MAX - (c - '0')) / 10) {
        err_format(&ValueErrorClass, "%s too big", what);
        return false;
    }
    *v = cur * 10 + (c - '0');
    return true;
}

/* %s / %b of bytes % args: the bytes, cut to prec and padded to width */
static bool percent_bytes_value(Obj *value, long width, long prec, bool left, Buf *out)
{
    if (!IS(value, BytesClass)) {
        err_format(&TypeErrorClass, "%%b requires a bytes-like object, or an object that implements "
                                    "__bytes__, not '%s'", obj_type_name(value));
        return false;
    }
    size_t len = BYTES_LEN(value);
    if (prec >= 0 && (size_t)prec < len)
        len = (size_t)prec;
    size_t fill = width > 0 && (size_t)width > len ? (size_t)width - len : 0;
    for (size_t k = 0; !left && k < fill; k++)
        buf_putc(out, ' ');
    buf_putn(out, (const char *)BYTES_S(value), len);
    for (size_t k = 0; left && k < fill; k++)
        buf_putc(out, ' ');
    return true;
}

/* %c of bytes % args: an int in range(256) or a bytes of length 1 */
static Obj *percent_byte_char(Obj *value)
{
    if (is_int(value)) {
        if (INT_V(value) < 0 || INT_V(value) > 255)
            return err_null(&OverflowErrorClass, "%%c arg not in range(256)");
        char c = (char)INT_V(value);
        return bytes_new(&c, 1);
    }
    if (IS(value, BytesClass) && BYTES_LEN(value) == 1) {
        INCREF(value);
        return value;
    }
    return err_null(&TypeErrorClass, "%%c requires an integer in range(256) or a single byte");
}

static Obj *percent(Obj *fmt, Obj *args, bool bytes);

Obj *str_percent(Obj *fmt, Obj *args)
{
    return percent(fmt, args, false);
}

Obj *bytes_percent(Obj *fmt, Obj *args)
{
    return percent(fmt, args, true);
}

static Obj *percent(Obj *fmt, Obj *args, bool bytes)
{
    const char *s = bytes ? (const char *)BYTES_S(fmt) : STR_S(fmt);
    size_t n = bytes ? BYTES_LEN(fmt) : STR_LEN(fmt);
    bool is_tuple = IS(args, TupleClass);
    size_t nargs = is_tuple ? TUP_N(args) : 1, argi = 0;
    bool used_mapping = false;
    Buf out, spec;
    buf_init(&out);
    buf_init(&spec);
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '%') {
            buf_putc(&out, s[i]);
            continue;
        }
        if (++i >= n) {
            err_format(&ValueErrorClass, "incomplete format");
            goto fail;
        }
        Obj *value = NULL;
        if (s[i] == '(') {
            size_t start = ++i;
            int depth = 1;
            while (i < n && depth) {
                if (s[i] == '(')
                    depth++;
                else if (s[i] == ')')
                    depth--;
                i++;
            }
            if (depth) {
                err_format(&ValueErrorClass, "incomplete format key");
                goto fail;
            }
            if (!IS(args, DictClass)) {
                err_format(&TypeErrorClass, "format requires a mapping");
                goto fail;
            }
            Obj *key = bytes ? bytes_new(s + start, i - 1 - start) : str_new(s + start, i - 1 - start);
            value = dict_get(args, key);
            if (!value) {
                if (!err_occurred()) {
                    Obj *kargs = tuple_pack(1, key);
                    err_set(exc_new(&KeyErrorClass, kargs));
                    DECREF(kargs);
                }
                DECREF(key);
                goto fail;
            }
            DECREF(key);
            used_mapping = true;
        }
        char flags[8];
        int nflags = 0;
        while (i < n && strchr("-+ #0", s[i])) {
            if (nflags < 7 && !memchr(flags, s[i], (size_t)nflags))
                flags[nflags++] = s[i];
            i++;
        }
        long width = -1, prec = -1;
        if (i < n && s[i] == '*') {
            i++;
            if (argi >= nargs) {
                err_format(&TypeErrorClass, "not enough arguments for format string");
                goto fail;
            }
            Obj *w = is_tuple ? TUP_ITEMS(args)[argi++] : args;
            if (!is_int(w)) {
                err_format(&TypeErrorClass, "* wants int");
                goto fail;
            }
            width = (long)INT_V(w);
            if (width < 0) {
                flags[nflags++] = '-';
                width = -width;
            }
        } else {
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                if (!percent_digit(&width, s[i++], "width"))
                    goto fail;
            }
        }
        if (i < n && s[i] == '.') {
            i++;
            prec = 0;
            if (i < n && s[i] == '*') {
                i++;
                if (argi >= nargs) {
                    err_format(&TypeErrorClass, "not enough arguments for format string");
                    goto fail;
                }
                Obj *p = is_tuple ? TUP_ITEMS(args)[argi++] : args;
                if (!is_int(p)) {
                    err_format(&TypeErrorClass, "* wants int");
                    goto fail;
                }
                prec = (long)INT_V(p);
            } else {
                while (i < n && s[i] >= '0' && s[i] <= '9') {
                    if (!percent_digit(&prec, s[i++], "precision"))
                        goto fail;
                }
            }
            if (prec > INT_MAX) {
                err_format(&ValueErrorClass, "precision too big");
                goto fail;
            }
        }
        while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L'))
            i++;
        if (i >= n) {
            err_format(&ValueErrorClass, "incomplete format");
            goto fail;
        }
        char type = s[i];
        if (type == '%') {
            buf_putc(&out, '%');
            continue;
        }
        /* the padding is built in a buffer, then copied into the str: check
         * the memory cap for both first */
        size_t pad = (size_t)(width > prec ? width : prec > 0 ? prec : 0);
        if (!vm_memory_ok(2 * pad) || !op_check_size(pad))
            goto fail;
        if (!value) {
            if (argi >= nargs) {
                err_format(&TypeErrorClass, "not enough arguments for format string");
                goto fail;
            }
            value = is_tuple ? TUP_ITEMS(args)[argi++] : args;
            if (!is_tuple)
                argi = 1;
        }
        bool left = memchr(flags, '-', (size_t)nflags) != NULL;
        bool zero = memchr(flags, '0', (size_t)nflags) != NULL && !left;
        buf_clear(&spec);
        Obj *conv = NULL;
        if (bytes && (type == 's' || type == 'b')) {
            if (!percent_bytes_value(value, width, prec, left, &out))
                goto fail;
            continue;
        }
        if (bytes && type == 'c') {
            Obj *c = percent_byte_char(value);
            if (!c || !percent_bytes_value(c, width, -1, left, &out)) {
                XDECREF(c);
                goto fail;
            }
            DECREF(c);
            continue;
        }
        switch (type) {
        case 's':
        case 'r':
        case 'a':
            conv = type == 's' ? obj_str_new(value) : bytes || type == 'a' ? method_ascii_of(value)
                                                                             : obj_repr_new(value);
            if (!conv)
                goto fail;
            buf_putc(&spec, left ? '<' : '>');
            if (width >= 0)
                buf_printf(&spec, "%ld", width);
            if (prec >= 0)
                buf_printf(&spec, ".%ld", prec);
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o':
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G': {
            bool integer = strchr("diuxXo", type) != NULL;
            if (!is_number(value)) {
                err_format(&TypeErrorClass, "%%%c format: %s is required, not %s", type,
                           strchr("xXo", type) ? "an integer" : "a real number", obj_type_name(value));
                goto fail;
            }
            if (strchr("xXo", type) && !is_int(value)) {
                err_format(&TypeErrorClass, "%%%c format: an integer is required, not %s", type,
                           obj_type_name(value));
                goto fail;
            }
            if (integer) {
                if (is_int(value)) {
                    conv = int_new(INT_V(value));
                } else {
                    double d = FLOAT_V(value);
                    if (isinf(d)) {
                        err_format(&OverflowErrorClass, "cannot convert float infinity to integer");
                        goto fail;
                    }
                    if (isnan(d)) {
                        err_format(&ValueErrorClass, "cannot convert float NaN to integer");
                        goto fail;
                    }
                    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
                        int_overflow();
                        goto fail;
                    }
                    conv = int_new((int64_t)d);
                }
            } else {
                conv = float_new(num_double(value));
            }
            buf_putc(&spec, left ? '<' : '>');
            if (memchr(flags, '+', (size_t)nflags))
                buf_putc(&spec, '+');
            else if (memchr(flags, ' ', (size_t)nflags))
                buf_putc(&spec, ' ');
            if (memchr(flags, '#', (size_t)nflags) && strchr("xXo", type))
                buf_putc(&spec, '#');
            if (width >= 0) {
                if (zero) {
                    /* zero padding goes after the sign: '=' alignment */
                    spec.s[0] = '=';
                    buf_putc(&spec, '0');
                }
                buf_printf(&spec, "%ld", width);
            }
            if (integer) {
                if (prec >= 0) {
                    /* %.3d pads the digits with zeros; rare, done by hand */
                    Buf digits;
                    buf_init(&digits);
                    int64_t iv = INT_V(conv);
                    uint64_t mag = iv < 0 ? 0 - (uint64_t)iv : (uint64_t)iv;
                    const char *tf = type == 'x' ? "%llx" : type == 'X' ? "%llX" : type == 'o' ? "%llo" : "%llu";
                    buf_printf(&digits, tf, (unsigned long long)mag);
                    Buf body;
                    buf_init(&body);
                    if (iv < 0)
                        buf_putc(&body, '-');
                    else if (memchr(flags, '+', (size_t)nflags))
                        buf_putc(&body, '+');
                    else if (memchr(flags, ' ', (size_t)nflags))
                        buf_putc(&body, ' ');
                    for (long z = (long)digits.len; z < prec; z++)
                        buf_putc(&body, '0');
                    buf_putn(&body, digits.s, digits.len);
                    buf_free(&digits);
                    DECREF(conv);
                    conv = str_new(body.s, body.len);
                    buf_free(&body);
                    buf_clear(&spec);
                    buf_putc(&spec, left ? '<' : '>');
                    if (width >= 0)
                        buf_printf(&spec, "%ld", width);
                } else {
                    buf_putc(&spec, type == 'i' || type == 'u' ? 'd' : type);
                }
            } else {
                buf_printf(&spec, ".%ld%c", prec >= 0 ? prec : 6, type);
            }
            break;
        }
        case 'c':
            if (IS(value, StrClass)) {
                if (((StrObj *)value)->ncp != 1) {
                    err_format(&TypeErrorClass, "%%c requires int or char");
                    goto fail;
                }
                INCREF(value);
                conv = value;
            } else if (is_int(value)) {
                int64_t cp = INT_V(value);
                if (cp < 0 || cp > 0x10FFFF) {
                    err_format(&OverflowErrorClass, "%%c arg not in range(0x110000)");
                    goto fail;
                }
                Buf cb;
                buf_init(&cb);
                text_utf8_append(&cb, (uint32_t)cp);
                conv = str_new(cb.s, cb.len);
                buf_free(&cb);
            } else {
                err_format(&TypeErrorClass, "%%c requires int or char");
                goto fail;
            }
            buf_putc(&spec, left ? '<' : '>');
            if (width >= 0)
                buf_printf(&spec, "%ld", width);
            break;
        default:
            err_format(&ValueErrorClass, "unsupported format character '%c' (0x%x) at index %zu",
                       type, (unsigned)(unsigned char)type, i);
            goto fail;
        }
        bool ok = format_into(conv, spec.s, spec.len, &out);
        DECREF(conv);
        if (!ok)
            goto fail;
        if (!op_check_size(out.len))
            goto fail;
    }
    if (argi < nargs && !used_mapping && !(IS(args, DictClass))) {
        err_format(&TypeErrorClass, "not all arguments converted during %s formatting", bytes ? "bytes" : "string");
        goto fail;
    }
    Obj *r = bytes ? bytes_new(out.s ? out.s : "", out.len) : str_new(out.s, out.len);
    buf_free(&out);
    buf_free(&spec);
    return r;
fail:
    buf_free(&out);
    buf_free(&spec);
    return NULL;
}
