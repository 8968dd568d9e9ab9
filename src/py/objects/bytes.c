/* bytes.c: the bytes type.
 * Owns: bytes values, their repr (CPython's quote choice and escapes), the
 * bytes() constructor, the methods of bytes, and the codecs: str.encode,
 * bytes.decode and str(b, encoding) for utf-8, ascii and latin-1 with
 * CPython's UnicodeEncodeError / UnicodeDecodeError messages and the
 * strict, ignore, replace and backslashreplace handlers; the byte-level
 * parts of +, *, ordering, `in` and b[i]; int.to_bytes and int.from_bytes.
 * Leaves to others: operator dispatch (ops.c), len and subscripts
 * (ops_subscript.c), iteration (iter.c), hash and == (obj.c), the parsing
 * of b'' literals (front/lex.c). */
#include "bytes.h"

#include "methods.h"
#include "ops.h"
#include "text.h"
#include "../vm/vm.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>
#include <strings.h>

/* defined in vm/exctree.c with the rest of the exception tree */
extern Class UnicodeDecodeErrorClass, UnicodeEncodeErrorClass;

/* ---------------------------------------------------------------- values */

static void bytes_repr(Obj *o, Buf *out)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = BYTES_S(o);
    size_t n = BYTES_LEN(o);
    char quote = memchr(s, '\'', n) && !memchr(s, '"', n) ? '"' : '\'';
    buf_putc(out, 'b');
    buf_putc(out, quote);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == (unsigned char)quote || c == '\\') {
            buf_putc(out, '\\');
            buf_putc(out, (char)c);
        } else if (c == '\t') {
            buf_puts(out, "\\t");
        } else if (c == '\n') {
            buf_puts(out, "\\n");
        } else if (c == '\r') {
            buf_puts(out, "\\r");
        } else if (c < ' ' || c >= 0x7f) {
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            buf_putn(out, esc, 4);
        } else {
            buf_putc(out, (char)c);
        }
    }
    buf_putc(out, quote);
}

Class BytesClass = {.name = "bytes", .kind = K_BYTES, .base = &ObjectClass, .repr = bytes_repr,
                    .builtin = true};

Obj *bytes_new(const void *s, size_t len)
{
    BytesObj *o = (BytesObj *)obj_alloc(&BytesClass, sizeof(BytesObj) + len + 1);
    if (len)
        memcpy(o->s, s, len);
    o->s[len] = '\0';
    o->len = len;
    o->hash = -1;
    return &o->hdr;
}

static Obj *bytes_from_buf_free(Buf *b)
{
    Obj *r = bytes_new(b->s, b->len);
    buf_free(b);
    return r;
}

static Obj *bytes_sub(Obj *b, size_t off, size_t len)
{
    if (off == 0 && len == BYTES_LEN(b)) {
        INCREF(b);
        return b;
    }
    return bytes_new(BYTES_S(b) + off, len);
}

/* "a bytes-like object is required, not 'str'" unless o is bytes */
static bool need_bytes(Obj *o)
{
    if (IS(o, BytesClass))
        return true;
    err_format(&TypeErrorClass, "a bytes-like object is required, not '%s'", obj_type_name(o));
    return false;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Leftmost (or rightmost) occurrence of sub in s[start:end), or -1; in
 * linear time (text.c's searches), so a hostile needle cannot stall a run. */
static long find_in(const unsigned char *s, size_t start, size_t end, const unsigned char *sub,
                    size_t subn, bool right)
{
    if (end < start || end - start < subn)
        return -1;
    if (subn == 0)
        return (long)(right ? end : start);
    size_t at = right ? text_mem_rfind((const char *)s, start, end, (const char *)sub, subn)
                      : text_mem_find((const char *)s, start, end, (const char *)sub, subn);
    return at == (size_t)-1 ? -1 : (long)at;
}

/* ---------------------------------------------------------- operators */

int bytes_cmp(Obj *a, Obj *b)
{
    size_t na = BYTES_LEN(a), nb = BYTES_LEN(b);
    int c = memcmp(BYTES_S(a), BYTES_S(b), na < nb ? na : nb);
    if (c == 0)
        return na < nb ? -1 : na > nb;
    return c;
}

/* An int in range(256) (`in`, find, count): 0..255, or -1 with an error. */
static int byte_value(Obj *o, const char *range_msg)
{
    if (!is_int(o)) {
        err_format(&TypeErrorClass, "'%s' object cannot be interpreted as an integer", obj_type_name(o));
        return -1;
    }
    if (INT_V(o) < 0 || INT_V(o) > 255) {
        err_format(&ValueErrorClass, "%s", range_msg);
        return -1;
    }
    return (int)INT_V(o);
}

int bytes_contains(Obj *b, Obj *item)
{
    if (IS(item, BytesClass)) {
        if (!vm_charge_bytes(BYTES_LEN(b)))
            return -1;
        return find_in(BYTES_S(b), 0, BYTES_LEN(b), BYTES_S(item), BYTES_LEN(item), false) >= 0;
    }
    if (!is_int(item)) {
        err_format(&TypeErrorClass, "a bytes-like object is required, not '%s'", obj_type_name(item));
        return -1;
    }
    int v = byte_value(item, "byte must be in range(0, 256)");
    if (v < 0)
        return -1;
    return memchr(BYTES_S(b), v, BYTES_LEN(b)) != NULL;
}

Obj *bytes_slice(Obj *b, int64_t start, int64_t step, int64_t n)
{
    if (step == 1)
        return bytes_sub(b, (size_t)start, (size_t)n);
    unsigned char *p = xmalloc(n ? (size_t)n : 1);
    for (int64_t k = 0, i = start; k < n; k++, i += step)
        p[k] = BYTES_S(b)[i];
    Obj *r = bytes_new(p, (size_t)n);
    xfree(p);
    return r;
}

static Obj *bytes_repeat(Obj *b, int64_t k)
{
    size_t len = BYTES_LEN(b);
    if (k <= 0 || len == 0)
        return bytes_new("", 0);
    if ((uint64_t)k > SIZE_MAX / len || !op_check_size(len * (size_t)k) || !vm_charge_bytes(len * (size_t)k))
        return NULL;
    Buf out;
    buf_init(&out);
    for (int64_t i = 0; i < k; i++)
        buf_putn(&out, (const char *)BYTES_S(b), len);
    return bytes_from_buf_free(&out);
}

Obj *bytes_binary(Op op, Obj *a, Obj *b)
{
    bool ab = IS(a, BytesClass), bb = IS(b, BytesClass);
    switch (op) {
    case OP_ADD: {
        if (!ab)
            return NULL;
        if (!bb)
            return err_null(&TypeErrorClass, "can't concat %s to bytes", obj_type_name(b));
        size_t n = BYTES_LEN(a) + BYTES_LEN(b);
        if (!op_check_size(n) || !vm_charge_bytes(n))
            return NULL;
        Buf out;
        buf_init(&out);
        buf_putn(&out, (const char *)BYTES_S(a), BYTES_LEN(a));
        buf_putn(&out, (const char *)BYTES_S(b), BYTES_LEN(b));
        return bytes_from_buf_free(&out);
    }
    case OP_MUL: {
        Obj *seq = ab ? a : b, *count = ab ? b : a;
        if (!is_int(count))
            return err_null(&TypeErrorClass, "can't multiply sequence by non-int of type '%s'",
                            obj_type_name(count));
        return bytes_repeat(seq, INT_V(count));
    }
    default: /* % is ops_percent.c's */
        return NULL;
    }
}

/* ------------------------------------------------------------- codecs */

typedef enum Codec { CODEC_UTF8, CODEC_ASCII, CODEC_LATIN1, CODEC_NONE } Codec;

/* CPython's codec lookup: lower case, '-' and ' ' read as '_'. */
static Codec codec_of(Obj *name, const char **canon)
{
    static const struct { const char *alias; Codec c; } aliases[] = {
        {"utf_8", CODEC_UTF8}, {"utf8", CODEC_UTF8}, {"u8", CODEC_UTF8}, {"utf", CODEC_UTF8},
        {"ascii", CODEC_ASCII}, {"us_ascii", CODEC_ASCII}, {"646", CODEC_ASCII}, {"us", CODEC_ASCII},
        {"latin_1", CODEC_LATIN1}, {"latin1", CODEC_LATIN1}, {"latin", CODEC_LATIN1},
        {"iso_8859_1", CODEC_LATIN1}, {"iso8859_1", CODEC_LATIN1}, {"8859", CODEC_LATIN1},
        {"cp819", CODEC_LATIN1}, {"l1", CODEC_LATIN1}, {"iso_ir_100", CODEC_LATIN1},
    };
    static const char *const names[] = {"utf-8", "ascii", "latin-1"};
    char norm[32];
    size_t n = STR_LEN(name);
    if (n < sizeof norm) {
        for (size_t i = 0; i < n; i++) {
            char c = STR_S(name)[i];
            norm[i] = c == '-' || c == ' ' ? '_' : (char)tolower((unsigned char)c);
        }
        norm[n] = '\0';
        for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
            if (strcmp(norm, aliases[i].alias) == 0) {
                *canon = names[aliases[i].c];
                return aliases[i].c;
            }
    }
    return CODEC_NONE;
}

/* Resolve an encoding argument; NULL means utf-8. */
static bool codec_lookup(Obj *enc, Codec *c, const char **canon)
{
    *c = CODEC_UTF8;
    *canon = "utf-8";
    if (!enc)
        return true;
    *c = codec_of(enc, canon);
    if (*c != CODEC_NONE)
        return true;
    static const char *const others[] = {
        "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-7",
        "cp1252", "cp1251", "cp437", "cp850", "iso-8859-15", "iso-8859-2", "koi8-r", "mac-roman",
        "shift_jis", "euc-jp", "gbk", "gb2312", "big5", "idna", "utf-8-sig", "utf16", "utf32",
        NULL,
    };
    for (const char *const *o = others; *o; o++)
        if (strcasecmp(*o, STR_S(enc)) == 0) {
            err_format(&LookupErrorClass, "the '%s' codec is not supported by loopscope "
                                          "(utf-8, ascii and latin-1 are)", STR_S(enc));
            return false;
        }
    err_format(&LookupErrorClass, "unknown encoding: %s", STR_S(enc));
    return false;
}

typedef enum Handler { H_STRICT, H_IGNORE, H_REPLACE, H_BACKSLASH, H_BAD } Handler;

/* The errors= handler, looked up when an error needs it (as CPython does). */
static Handler handler_of(Obj *errors)
{
    if (!errors || str_eq_c(errors, "strict"))
        return H_STRICT;
    if (str_eq_c(errors, "ignore"))
        return H_IGNORE;
    if (str_eq_c(errors, "replace"))
        return H_REPLACE;
    if (str_eq_c(errors, "backslashreplace"))
        return H_BACKSLASH;
    static const char *const others[] = {"xmlcharrefreplace", "namereplace", "surrogateescape",
                                         "surrogatepass", NULL};
    for (const char *const *o = others; *o; o++)
        if (str_eq_c(errors, *o)) {
            err_format(&LookupErrorClass, "the '%s' error handler is not supported by loopscope", *o);
            return H_BAD;
        }
    err_format(&LookupErrorClass, "unknown error handler name '%s'", STR_S(errors));
    return H_BAD;
}

/* Raise cls with CPython's message and attributes (encoding, object,
 * start, end, reason); args holds the message alone. */
static void codec_error(Class *cls, const char *canon, Obj *object, size_t start, size_t end,
                        const char *reason, const char *msg)
{
    Obj *m = str_from(msg);
    Obj *args = tuple_pack(1, m);
    Obj *e = exc_new(cls, args);
    DECREF(args);
    DECREF(m);
    Obj *attrs = dict_new();
    Obj *v;
    dict_set_c(attrs, "encoding", v = str_from(canon));
    DECREF(v);
    dict_set_c(attrs, "object", object);
    dict_set_c(attrs, "start", v = int_new((int64_t)start));
    DECREF(v);
    dict_set_c(attrs, "end", v = int_new((int64_t)end));
    DECREF(v);
    dict_set_c(attrs, "reason", v = str_from(reason));
    DECREF(v);
    ((ExcObj *)e)->attrs = attrs;
    err_set(e);
}

static void put_escape(Buf *out, uint32_t v)
{
    if (v <= 0xff)
        buf_printf(out, "\\x%02x", (unsigned)v);
    else if (v <= 0xffff)
        buf_printf(out, "\\u%04x", (unsigned)v);
    else
        buf_printf(out, "\\U%08x", (unsigned)v);
}

/* s.encode(): utf-8 is the str's own bytes; ascii and latin-1 fail on
 * each run of code points past their limit. */
static Obj *encode_str(Obj *s, Codec c, const char *canon, Obj *errors)
{
    if (!vm_charge_bytes(STR_LEN(s)))
        return NULL;
    if (c == CODEC_UTF8 || ((StrObj *)s)->ascii)
        return bytes_new(STR_S(s), STR_LEN(s));
    uint32_t limit = c == CODEC_ASCII ? 0x80 : 0x100;
    const char *p = STR_S(s);
    size_t n = STR_LEN(s), i = 0, pos = 0;
    Buf out;
    buf_init(&out);
    Handler h = H_STRICT;
    bool looked = false;
    while (i < n) {
        uint32_t cp;
        int k = text_utf8_decode(p + i, n - i, &cp);
        if (k <= 0)
            k = 1, cp = (unsigned char)p[i];
        if (cp < limit) {
            buf_putc(&out, (char)cp);
            i += (size_t)k;
            pos++;
            continue;
        }
        /* the run of unencodable characters */
        size_t j = i, end = pos;
        uint32_t first = cp;
        while (j < n) {
            uint32_t c2;
            int k2 = text_utf8_decode(p + j, n - j, &c2);
            if (k2 <= 0 || c2 < limit)
                break;
            j += (size_t)k2;
            end++;
        }
        if (!looked) {
            h = handler_of(errors);
            looked = true;
        }
        if (h == H_STRICT) {
            char msg[160], what[40];
            const char *reason = c == CODEC_ASCII ? "ordinal not in range(128)" : "ordinal not in range(256)";
            if (end - pos == 1) {
                Buf e;
                buf_init(&e);
                put_escape(&e, first);
                snprintf(what, sizeof what, "character '%s' in position %zu", e.s, pos);
                buf_free(&e);
            } else {
                snprintf(what, sizeof what, "characters in position %zu-%zu", pos, end - 1);
            }
            snprintf(msg, sizeof msg, "'%s' codec can't encode %s: %s", canon, what, reason);
            codec_error(&UnicodeEncodeErrorClass, canon, s, pos, end, reason, msg);
        }
        if (h == H_STRICT || h == H_BAD) {
            buf_free(&out);
            return NULL;
        }
        for (size_t q = i; q < j;) {
            uint32_t c2;
            int k2 = text_utf8_decode(p + q, j - q, &c2);
            if (k2 <= 0)
                k2 = 1, c2 = (unsigned char)p[q];
            if (h == H_REPLACE)
                buf_putc(&out, '?');
            else if (h == H_BACKSLASH)
                put_escape(&out, c2);
            q += (size_t)k2;
        }
        i = j;
        pos = end;
    }
    return bytes_from_buf_free(&out);
}

/* The length of the valid UTF-8 sequence at s[0..n), or a negative length
 * of the invalid prefix CPython reports (*why says why). */
static int utf8_step(const unsigned char *s, size_t n, const char **why)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    int need;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else {
        *why = "invalid start byte";
        return -1;
    }
    for (int k = 1; k < need; k++) {
        if ((size_t)k >= n) {
            *why = "unexpected end of data";
            return -k;
        }
        unsigned char lo_k = k == 1 ? lo : 0x80, hi_k = k == 1 ? hi : 0xbf;
        if (s[k] < lo_k || s[k] > hi_k) {
            *why = "invalid continuation byte";
            return -k;
        }
    }
    return need;
}

static Obj *decode_bytes(Obj *b, Codec c, const char *canon, Obj *errors)
{
    const unsigned char *s = BYTES_S(b);
    size_t n = BYTES_LEN(b), i = 0;
    if (!vm_charge_bytes(n))
        return NULL;
    Buf out;
    buf_init(&out);
    Handler h = H_STRICT;
    bool looked = false;
    while (i < n) {
        const char *why = "ordinal not in range(128)";
        int k;
        if (s[i] < 0x80)
            k = 1;
        else if (c == CODEC_LATIN1)
            k = 2;
        else if (c == CODEC_ASCII)
            k = -1;
        else
            k = utf8_step(s + i, n - i, &why);
        if (k == 2 && c == CODEC_LATIN1) {
            text_utf8_append(&out, s[i]);
            i++;
            continue;
        }
        if (k > 0) {
            buf_putn(&out, (const char *)s + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        size_t bad = (size_t)-k;
        if (!looked) {
            h = handler_of(errors);
            looked = true;
        }
        if (h == H_STRICT) {
            char msg[200];
            if (bad == 1)
                snprintf(msg, sizeof msg, "'%s' codec can't decode byte 0x%02x in position %zu: %s", canon, s[i],
                         i, why);
            else
                snprintf(msg, sizeof msg, "'%s' codec can't decode bytes in position %zu-%zu: %s", canon, i,
                         i + bad - 1, why);
            codec_error(&UnicodeDecodeErrorClass, canon, b, i, i + bad, why, msg);
        }
        if (h == H_STRICT || h == H_BAD) {
            buf_free(&out);
            return NULL;
        }
        for (size_t q = 0; q < bad; q++)
            if (h == H_BACKSLASH)
                put_escape(&out, s[i + q]);
        if (h == H_REPLACE)
            text_utf8_append(&out, 0xfffd);
        i += bad;
    }
    Obj *r = str_new(out.s ? out.s : "", out.len);
    buf_free(&out);
    return r;
}

/* Check that an encoding/errors argument is a str: "decode() argument
 * 'encoding' must be str, not int". */
static bool codec_args(const char *fname, Obj *enc, Obj *errors)
{
    if (enc && !IS(enc, StrClass)) {
        err_format(&TypeErrorClass, "%s() argument 'encoding' must be str, not %s", fname, obj_type_name(enc));
        return false;
    }
    if (errors && !IS(errors, StrClass)) {
        err_format(&TypeErrorClass, "%s() argument 'errors' must be str, not %s", fname, obj_type_name(errors));
        return false;
    }
    return true;
}

static Obj *str_encode_with(const char *fname, Obj *s, Obj *enc, Obj *errors)
{
    Codec c;
    const char *canon;
    if (!codec_args(fname, enc, errors) || !codec_lookup(enc, &c, &canon))
        return NULL;
    return encode_str(s, c, canon, errors);
}

Obj *bytes_decode_obj(Obj *b, Obj *enc, Obj *errors)
{
    Codec c;
    const char *canon;
    if (!codec_args("str", enc, errors) || !codec_lookup(enc, &c, &canon))
        return NULL;
    return decode_bytes(b, c, canon, errors);
}

static Obj *str_m_encode(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    Obj *a[2];
    if (!vm_parse_args("encode", args, nargs, kwnames, names, 0, a))
        return NULL;
    return str_encode_with("encode", self, a[0], a[1]);
}

static Obj *bytes_m_decode(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"encoding", "errors", NULL};
    Obj *a[2];
    if (!vm_parse_args("decode", args, nargs, kwnames, names, 0, a))
        return NULL;
    Codec c;
    const char *canon;
    if (!codec_args("decode", a[0], a[1]) || !codec_lookup(a[0], &c, &canon))
        return NULL;
    return decode_bytes(self, c, canon, a[1]);
}

/* ---------------------------------------------------------- constructor */

static Obj *bytes_from_iterable(Obj *src)
{
    Obj *it = obj_iter(src);
    if (!it) {
        if (err_matches(&TypeErrorClass)) {
            err_clear();
            err_format(&TypeErrorClass, "cannot convert '%s' object to bytes", obj_type_name(src));
        }
        return NULL;
    }
    Buf out;
    buf_init(&out);
    Obj *v;
    while ((v = obj_next(it))) {
        int x = byte_value(v, "bytes must be in range(0, 256)");
        DECREF(v);
        if (x < 0 || !op_check_size(out.len + 1))
            break;
        buf_putc(&out, (char)x);
    }
    DECREF(it);
    if (err_occurred()) {
        buf_free(&out);
        return NULL;
    }
    return bytes_from_buf_free(&out);
}

static Obj *bytes_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"source", "encoding", "errors", NULL};
    Obj *a[3];
    if (!vm_parse_args("bytes", args, nargs, kwnames, names, 0, a))
        return NULL;
    if (!a[0]) {
        if (a[1] || a[2])
            return err_null(&TypeErrorClass, a[1] ? "encoding without a string argument"
                                                  : "errors without a string argument");
        return bytes_new("", 0);
    }
    if (IS(a[0], StrClass)) {
        if (!a[1])
            return err_null(&TypeErrorClass, "string argument without an encoding");
        return str_encode_with("bytes", a[0], a[1], a[2]);
    }
    if (a[1] || a[2]) {
        if (!codec_args("bytes", a[1], a[2]))
            return NULL;
        return err_null(&TypeErrorClass, a[1] ? "encoding without a string argument"
                                              : "errors without a string argument");
    }
    if (IS(a[0], BytesClass)) {
        INCREF(a[0]);
        return a[0];
    }
    if (is_int(a[0])) {
        int64_t n = INT_V(a[0]);
        if (n < 0)
            return err_null(&ValueErrorClass, "negative count");
        if (!op_check_size((size_t)n) || !vm_charge_bytes((size_t)n))
            return NULL;
        unsigned char *z = xcalloc((size_t)n + 1, 1);
        Obj *r = bytes_new(z, (size_t)n);
        xfree(z);
        return r;
    }
    return bytes_from_iterable(a[0]);
}

/* ------------------------------------------------------------- methods */

/* A method that hands its arguments to a shared implementation. */
#define METHOD(fn, call) \
    static Obj *fn(Obj *self, Obj **args, int nargs, Obj *kwnames) \
    { \
        (void)args; \
        return call; \
    }

/* CPython's ADJUST_INDICES for optional start/end arguments. */
static bool bounds(Obj *self, Obj **args, int nargs, int first, size_t *start, size_t *end)
{
    long s, e;
    if (!method_slice_bound(nargs > first ? args[first] : NULL, 0, &s) ||
        !method_slice_bound(nargs > first + 1 ? args[first + 1] : NULL, LONG_MAX, &e))
        return false;
    long n = (long)BYTES_LEN(self);
    if (e > n)
        e = n;
    else if (e < 0 && (e += n) < 0)
        e = 0;
    if (s < 0 && (s += n) < 0)
        s = 0;
    *start = (size_t)s;
    *end = (size_t)e;
    return true;
}

/* The needle of find/count/index: bytes, or an int in range(256). */
static bool needle(Obj *o, unsigned char *one, const unsigned char **p, size_t *n)
{
    if (IS(o, BytesClass)) {
        *p = BYTES_S(o);
        *n = BYTES_LEN(o);
        return true;
    }
    if (!is_int(o)) {
        err_format(&TypeErrorClass, "argument should be integer or bytes-like object, not '%s'", obj_type_name(o));
        return false;
    }
    int v = byte_value(o, "byte must be in range(0, 256)");
    if (v < 0)
        return false;
    *one = (unsigned char)v;
    *p = one;
    *n = 1;
    return true;
}

static Obj *find_impl(const char *name, bool right, bool raise, Obj *self, Obj **args, int nargs,
                      Obj *kwnames)
{
    unsigned char one;
    const unsigned char *sub;
    size_t subn, start, end;
    if (!method_oldstyle(name, nargs, kwnames, 1, 3) || !needle(args[0], &one, &sub, &subn) ||
        !bounds(self, args, nargs, 1, &start, &end))
        return NULL;
    long r = find_in(BYTES_S(self), start, end, sub, subn, right);
    if (r < 0 && raise)
        return err_null(&ValueErrorClass, "subsection not found");
    return int_new(r);
}

METHOD(bytes_m_find, find_impl("find", false, false, self, args, nargs, kwnames))
METHOD(bytes_m_rfind, find_impl("rfind", true, false, self, args, nargs, kwnames))
METHOD(bytes_m_index, find_impl("index", false, true, self, args, nargs, kwnames))
METHOD(bytes_m_rindex, find_impl("rindex", true, true, self, args, nargs, kwnames))

/* Non-overlapping occurrences of sub in s[start:end) (empty sub: one more
 * than the length). */
static size_t count_in(const unsigned char *s, size_t start, size_t end, const unsigned char *sub, size_t subn)
{
    if (end < start)
        return 0;
    if (subn == 0)
        return end - start + 1;
    size_t k = 0;
    long at;
    while ((at = find_in(s, start, end, sub, subn, false)) >= 0) {
        k++;
        start = (size_t)at + subn;
    }
    return k;
}

static Obj *bytes_m_count(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    unsigned char one;
    const unsigned char *sub;
    size_t subn, start, end;
    if (!method_oldstyle("count", nargs, kwnames, 1, 3) || !needle(args[0], &one, &sub, &subn) ||
        !bounds(self, args, nargs, 1, &start, &end))
        return NULL;
    return int_new((int64_t)count_in(BYTES_S(self), start, end, sub, subn));
}

static Obj *bytes_m_replace(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("replace", nargs, kwnames, 2, 3) || !need_bytes(args[0]) || !need_bytes(args[1]))
        return NULL;
    int64_t count = -1;
    if (nargs == 3 && !method_as_index(args[2], &count))
        return NULL;
    const unsigned char *s = BYTES_S(self), *old = BYTES_S(args[0]), *new_ = BYTES_S(args[1]);
    size_t n = BYTES_LEN(self), oldn = BYTES_LEN(args[0]), newn = BYTES_LEN(args[1]);
    size_t matches = count_in(s, 0, n, old, oldn);
    if (count >= 0 && matches > (uint64_t)count)
        matches = (size_t)count;
    if (newn > oldn && !op_check_size(n + matches * (newn - oldn)))
        return NULL;
    Buf out;
    buf_init(&out);
    size_t i = 0;
    for (size_t done = 0; done < matches; done++) {
        if (oldn == 0) { /* before every byte, and at the end */
            buf_putn(&out, (const char *)new_, newn);
            if (i < n)
                buf_putc(&out, (char)s[i++]);
            continue;
        }
        long at = find_in(s, i, n, old, oldn, false);
        buf_putn(&out, (const char *)s + i, (size_t)at - i);
        buf_putn(&out, (const char *)new_, newn);
        i = (size_t)at + oldn;
    }
    buf_putn(&out, (const char *)s + i, n - i);
    return bytes_from_buf_free(&out);
}

static Obj *affix_impl(const char *name, bool ends, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    size_t start, end;
    if (!method_oldstyle(name, nargs, kwnames, 1, 3) || !bounds(self, args, nargs, 1, &start, &end))
        return NULL;
    size_t n = 0;
    Obj **cands = method_affixes(name, &args[0], &BytesClass, &n);
    if (!cands)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!need_bytes(cands[i]))
            return NULL;
        size_t k = BYTES_LEN(cands[i]);
        if (end < start || end - start < k)
            continue;
        const unsigned char *at = BYTES_S(self) + (ends ? end - k : start);
        if (memcmp(at, BYTES_S(cands[i]), k) == 0)
            return bool_new(true);
    }
    return bool_new(false);
}

METHOD(bytes_m_startswith, affix_impl("startswith", false, self, args, nargs, kwnames))
METHOD(bytes_m_endswith, affix_impl("endswith", true, self, args, nargs, kwnames))

static Obj *fix_impl(const char *name, bool suffix, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(name, nargs, kwnames) || !need_bytes(args[0]))
        return NULL;
    size_t n = BYTES_LEN(self), k = BYTES_LEN(args[0]);
    if (k <= n && memcmp(BYTES_S(self) + (suffix ? n - k : 0), BYTES_S(args[0]), k) == 0)
        return bytes_sub(self, suffix ? 0 : k, n - k);
    INCREF(self);
    return self;
}

METHOD(bytes_m_removeprefix, fix_impl("removeprefix", false, self, args, nargs, kwnames))
METHOD(bytes_m_removesuffix, fix_impl("removesuffix", true, self, args, nargs, kwnames))

/* strip/lstrip/rstrip: which = 1 left, 2 right, 3 both */
static Obj *strip_impl(const char *name, int which, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs(name, nargs, kwnames, 0, 1))
        return NULL;
    Obj *chars = nargs ? args[0] : None;
    if (chars != None && !need_bytes(chars))
        return NULL;
    bool strip[256]; /* a table: long chars cannot make the scan quadratic */
    for (int c = 0; c < 256; c++)
        strip[c] = chars == None && is_space((unsigned char)c);
    if (chars != None)
        for (size_t k = 0; k < BYTES_LEN(chars); k++)
            strip[BYTES_S(chars)[k]] = true;
    const unsigned char *s = BYTES_S(self);
    size_t i = 0, j = BYTES_LEN(self);
    if (which & 1)
        while (i < j && strip[s[i]])
            i++;
    if (which & 2)
        while (j > i && strip[s[j - 1]])
            j--;
    return bytes_sub(self, i, j - i);
}

METHOD(bytes_m_strip, strip_impl("strip", 3, self, args, nargs, kwnames))
METHOD(bytes_m_lstrip, strip_impl("lstrip", 1, self, args, nargs, kwnames))
METHOD(bytes_m_rstrip, strip_impl("rstrip", 2, self, args, nargs, kwnames))

static Obj *split_impl(const char *name, bool right, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Obj *a[2];
    if (!vm_parse_args(name, args, nargs, kwnames, names, 0, a))
        return NULL;
    Obj *sep = a[0] && a[0] != None ? a[0] : NULL;
    int64_t maxsplit = -1;
    if ((sep && !need_bytes(sep)) || (a[1] && !method_as_index(a[1], &maxsplit)))
        return NULL;
    if (sep && BYTES_LEN(sep) == 0)
        return err_null(&ValueErrorClass, "empty separator");
    const unsigned char *s = BYTES_S(self);
    size_t n = BYTES_LEN(self);
    Obj *l = list_new(0);
    if (!sep) { /* runs of whitespace, no empty pieces */
        size_t i = right ? n : 0;
        while (right ? i > 0 : i < n) {
            if (right) {
                while (i > 0 && is_space(s[i - 1]))
                    i--;
            } else {
                while (i < n && is_space(s[i]))
                    i++;
            }
            if (right ? i == 0 : i == n)
                break;
            size_t j = i;
            if (maxsplit == 0) {
                j = right ? 0 : n;
            } else if (right) {
                while (j > 0 && !is_space(s[j - 1]))
                    j--;
            } else {
                while (j < n && !is_space(s[j]))
                    j++;
            }
            list_append_steal(l, right ? bytes_sub(self, j, i - j) : bytes_sub(self, i, j - i));
            if (maxsplit > 0)
                maxsplit--;
            else if (maxsplit == 0)
                break;
            i = j;
        }
    } else {
        size_t k = BYTES_LEN(sep), i = right ? n : 0;
        for (;;) {
            long at = maxsplit == 0 ? -1 : right ? find_in(s, 0, i, BYTES_S(sep), k, true)
                                                 : find_in(s, i, n, BYTES_S(sep), k, false);
            if (at < 0)
                break;
            if (right) {
                list_append_steal(l, bytes_sub(self, (size_t)at + k, i - (size_t)at - k));
                i = (size_t)at;
            } else {
                list_append_steal(l, bytes_sub(self, i, (size_t)at - i));
                i = (size_t)at + k;
            }
            if (maxsplit > 0)
                maxsplit--;
        }
        list_append_steal(l, right ? bytes_sub(self, 0, i) : bytes_sub(self, i, n - i));
    }
    if (right) { /* collected right to left */
        ListObj *lo = (ListObj *)l;
        for (size_t x = 0, y = lo->n; x + 1 < y; x++, y--) {
            Obj *t = lo->items[x];
            lo->items[x] = lo->items[y - 1];
            lo->items[y - 1] = t;
        }
    }
    return l;
}

METHOD(bytes_m_split, split_impl("split", false, self, args, nargs, kwnames))
METHOD(bytes_m_rsplit, split_impl("rsplit", true, self, args, nargs, kwnames))

static Obj *partition_impl(const char *name, bool right, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(name, nargs, kwnames) || !need_bytes(args[0]))
        return NULL;
    size_t n = BYTES_LEN(self), k = BYTES_LEN(args[0]);
    if (k == 0)
        return err_null(&ValueErrorClass, "empty separator");
    long at = find_in(BYTES_S(self), 0, n, BYTES_S(args[0]), k, right);
    Obj *t = tuple_new(3);
    if (at < 0) {
        TUP_ITEMS(t)[right ? 2 : 0] = bytes_sub(self, 0, n);
        TUP_ITEMS(t)[1] = bytes_new("", 0);
        TUP_ITEMS(t)[right ? 0 : 2] = bytes_new("", 0);
        return t;
    }
    TUP_ITEMS(t)[0] = bytes_sub(self, 0, (size_t)at);
    INCREF(args[0]);
    TUP_ITEMS(t)[1] = args[0];
    TUP_ITEMS(t)[2] = bytes_sub(self, (size_t)at + k, n - (size_t)at - k);
    return t;
}

METHOD(bytes_m_partition, partition_impl("partition", false, self, args, nargs, kwnames))
METHOD(bytes_m_rpartition, partition_impl("rpartition", true, self, args, nargs, kwnames))

static Obj *bytes_m_join(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("join", nargs, kwnames))
        return NULL;
    Buf out;
    buf_init(&out);
    if (!method_join(args[0], &BytesClass, "a bytes-like object", (const char *)BYTES_S(self), BYTES_LEN(self),
                     &out)) {
        buf_free(&out);
        return NULL;
    }
    return bytes_from_buf_free(&out);
}

/* upper/lower: ASCII letters only, as CPython's bytes methods. */
static Obj *case_impl(const char *qual, bool upper, Obj *self, int nargs, Obj *kwnames)
{
    if (!method_noargs(qual, nargs, kwnames))
        return NULL;
    Obj *r = bytes_new(BYTES_S(self), BYTES_LEN(self));
    unsigned char *p = BYTES_S(r);
    for (size_t i = 0; i < BYTES_LEN(r); i++)
        if (upper ? (p[i] >= 'a' && p[i] <= 'z') : (p[i] >= 'A' && p[i] <= 'Z'))
            p[i] ^= 0x20;
    return r;
}

METHOD(bytes_m_upper, case_impl("bytes.upper", true, self, nargs, kwnames))
METHOD(bytes_m_lower, case_impl("bytes.lower", false, self, nargs, kwnames))

/* isdigit, isalpha, isalnum, isspace, isupper, islower, isascii */
static Obj *is_impl(const char *qual, int (*pred)(int), bool cased, Obj *self, int nargs, Obj *kwnames)
{
    if (!method_noargs(qual, nargs, kwnames))
        return NULL;
    size_t n = BYTES_LEN(self);
    bool any_cased = false;
    for (size_t i = 0; i < n; i++) {
        int c = BYTES_S(self)[i];
        if (cased) { /* isupper/islower: no letter of the other case, at least one of this */
            if (isalpha(c) && !pred(c))
                return bool_new(false);
            any_cased |= pred(c) != 0;
        } else if (c >= 0x80 || !pred(c)) {
            return bool_new(false);
        }
    }
    return bool_new(cased ? any_cased : n > 0);
}

static int is_ascii_byte(int c) { return c < 0x80; }

METHOD(bytes_m_isdigit, is_impl("bytes.isdigit", isdigit, false, self, nargs, kwnames))
METHOD(bytes_m_isalpha, is_impl("bytes.isalpha", isalpha, false, self, nargs, kwnames))
METHOD(bytes_m_isalnum, is_impl("bytes.isalnum", isalnum, false, self, nargs, kwnames))
METHOD(bytes_m_isspace, is_impl("bytes.isspace", isspace, false, self, nargs, kwnames))
METHOD(bytes_m_isupper, is_impl("bytes.isupper", isupper, true, self, nargs, kwnames))
METHOD(bytes_m_islower, is_impl("bytes.islower", islower, true, self, nargs, kwnames))

static Obj *bytes_m_isascii(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!method_noargs("bytes.isascii", nargs, kwnames))
        return NULL;
    for (size_t i = 0; i < BYTES_LEN(self); i++)
        if (!is_ascii_byte(BYTES_S(self)[i]))
            return bool_new(false);
    return bool_new(true);
}

/* b.hex([sep[, bytes_per_sep]]) */
static Obj *bytes_m_hex(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"sep", "bytes_per_sep", NULL};
    static const char hex[] = "0123456789abcdef";
    Obj *a[2];
    if (!vm_parse_args("hex", args, nargs, kwnames, names, 0, a))
        return NULL;
    const char *sep = NULL;
    int64_t per = 1;
    if (a[0]) {
        if (!IS(a[0], StrClass) && !IS(a[0], BytesClass))
            return err_null(&TypeErrorClass, "object of type '%s' has no len()", obj_type_name(a[0]));
        size_t k = IS(a[0], StrClass) ? STR_LEN(a[0]) : BYTES_LEN(a[0]);
        sep = IS(a[0], StrClass) ? STR_S(a[0]) : (const char *)BYTES_S(a[0]);
        if (k != 1 || (unsigned char)sep[0] >= 0x80)
            return err_null(&ValueErrorClass, k != 1 ? "sep must be length 1." : "sep must be ASCII.");
    }
    if (a[1] && !method_as_index(a[1], &per))
        return NULL;
    size_t n = BYTES_LEN(self);
    if (!op_check_size(n * 3))
        return NULL;
    uint64_t group = per < 0 ? 0 - (uint64_t)per : (uint64_t)per;
    Buf out;
    buf_init(&out);
    for (size_t i = 0; i < n; i++) {
        /* a separator between groups, counted from the right for per > 0 */
        if (sep && i > 0 && group && (per > 0 ? (n - i) % group == 0 : i % group == 0))
            buf_putc(&out, sep[0]);
        buf_putc(&out, hex[BYTES_S(self)[i] >> 4]);
        buf_putc(&out, hex[BYTES_S(self)[i] & 15]);
    }
    return str_from_buf(&out);
}

/* bytes.fromhex(string): registered bound to the class */
static Obj *bytes_m_fromhex(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("fromhex", nargs, kwnames))
        return NULL;
    if (!IS(args[0], StrClass))
        return err_null(&TypeErrorClass, "fromhex() argument must be str, not %s", obj_type_name(args[0]));
    const char *s = STR_S(args[0]);
    size_t n = STR_LEN(args[0]), i = 0;
    Buf out;
    buf_init(&out);
    while (i < n) {
        if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
            i++;
            continue;
        }
        int hi = isxdigit((unsigned char)s[i]) ? s[i] : -1;
        int lo = i + 1 < n && isxdigit((unsigned char)s[i + 1]) ? s[i + 1] : -1;
        if (hi < 0 || lo < 0) {
            buf_free(&out);
            return err_null(&ValueErrorClass, "non-hexadecimal number found in fromhex() arg at position %zu",
                            text_length(s, hi < 0 ? i : i + 1));
        }
        int v = (isdigit(hi) ? hi - '0' : (hi | 0x20) - 'a' + 10) * 16 +
                (isdigit(lo) ? lo - '0' : (lo | 0x20) - 'a' + 10);
        buf_putc(&out, (char)v);
        i += 2;
    }
    return bytes_from_buf_free(&out);
}

/* b.splitlines(keepends=False): breaks at \n, \r and \r\n only */
static Obj *bytes_m_splitlines(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    Obj *a[1];
    if (!vm_parse_args("splitlines", args, nargs, kwnames, names, 0, a))
        return NULL;
    int64_t keep = 0;
    if (a[0] && !method_as_index(a[0], &keep))
        return NULL;
    const unsigned char *s = BYTES_S(self);
    size_t n = BYTES_LEN(self), i = 0;
    Obj *l = list_new(0);
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r')
            j++;
        size_t eol = j;
        if (j < n)
            j += s[j] == '\r' && j + 1 < n && s[j + 1] == '\n' ? 2 : 1;
        list_append_steal(l, bytes_sub(self, i, (keep ? j : eol) - i));
        i = j;
    }
    return l;
}

/* CPython's bytes methods loopscope leaves out: a clear refusal rather
 * than an AttributeError that would read like a typo. */
#define UNSUPPORTED(fn, qual) \
    static Obj *fn(Obj *self, Obj **args, int nargs, Obj *kwnames) \
    { \
        (void)self, (void)args, (void)nargs, (void)kwnames; \
        return err_null(&TypeErrorClass, qual "() is not supported by loopscope"); \
    }
UNSUPPORTED(bytes_m_capitalize, "bytes.capitalize")
UNSUPPORTED(bytes_m_center, "bytes.center")
UNSUPPORTED(bytes_m_expandtabs, "bytes.expandtabs")
UNSUPPORTED(bytes_m_istitle, "bytes.istitle")
UNSUPPORTED(bytes_m_ljust, "bytes.ljust")
UNSUPPORTED(bytes_m_maketrans, "bytes.maketrans")
UNSUPPORTED(bytes_m_rjust, "bytes.rjust")
UNSUPPORTED(bytes_m_swapcase, "bytes.swapcase")
UNSUPPORTED(bytes_m_title, "bytes.title")
UNSUPPORTED(bytes_m_translate, "bytes.translate")
UNSUPPORTED(bytes_m_zfill, "bytes.zfill")
#undef UNSUPPORTED

/* ------------------------------------------------- int.to_bytes/from_bytes */

/* byteorder argument: 1 little, 0 big, -1 with ValueError */
static int byteorder_of(Obj *o)
{
    if (!o || (IS(o, StrClass) && str_eq_c(o, "big")))
        return 0;
    if (IS(o, StrClass) && str_eq_c(o, "little"))
        return 1;
    if (!IS(o, StrClass)) {
        err_format(&TypeErrorClass, "byteorder must be str, not %s", obj_type_name(o));
        return -1;
    }
    err_format(&ValueErrorClass, "byteorder must be either 'little' or 'big'");
    return -1;
}

/* The positional/keyword split both take: (a, byteorder, *, signed) */
static bool int_bytes_args(const char *fname, Obj **args, int nargs, Obj *kwnames, Obj **a)
{
    if (nargs > 2) {
        err_format(&TypeErrorClass, "%s() takes at most 2 positional arguments (%d given)", fname, nargs);
        return false;
    }
    static const char *const to_names[] = {"length", "byteorder", "signed", NULL};
    static const char *const from_names[] = {"bytes", "byteorder", "signed", NULL};
    return vm_parse_args(fname, args, nargs, kwnames, fname[0] == 't' ? to_names : from_names,
                         fname[0] == 't' ? 0 : 1, a);
}

static Obj *int_m_to_bytes(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Obj *a[3];
    if (!int_bytes_args("to_bytes", args, nargs, kwnames, a))
        return NULL;
    int64_t length = 1;
    if (a[0] && !method_as_index(a[0], &length))
        return NULL;
    int little = byteorder_of(a[1]);
    int sgn = a[2] ? obj_truth(a[2]) : 0;
    if (little < 0 || sgn < 0)
        return NULL;
    if (length < 0)
        return err_null(&ValueErrorClass, "length argument must be non-negative");
    int64_t v = int_value(self);
    if (v < 0 && !sgn)
        return err_null(&OverflowErrorClass, "can't convert negative int to unsigned");
    /* fits when the bits past the last byte are all sign bits (0 unsigned) */
    bool fits = length >= 8 ? (sgn || v >= 0)
                            : sgn ? (v >= -((int64_t)1 << (length * 8 - 1)) && v < ((int64_t)1 << (length * 8 - 1)))
                                  : (uint64_t)v < ((uint64_t)1 << (length * 8));
    if (length == 0)
        fits = v == 0;
    if (!fits)
        return err_null(&OverflowErrorClass, "int too big to convert");
    if (!op_check_size((size_t)length) || !vm_charge_bytes((size_t)length))
        return NULL;
    unsigned char *p = xmalloc((size_t)length + 1);
    uint64_t u = (uint64_t)v;
    for (int64_t i = 0; i < length; i++) {
        unsigned char byte = i < 8 ? (unsigned char)(u >> (8 * i)) : (v < 0 ? 0xff : 0);
        p[little ? i : length - 1 - i] = byte;
    }
    Obj *r = bytes_new(p, (size_t)length);
    xfree(p);
    return r;
}

/* int.from_bytes(bytes, byteorder='big', *, signed=False): registered bound
 * to the class */
static Obj *int_m_from_bytes(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    Obj *a[3];
    if (!int_bytes_args("from_bytes", args, nargs, kwnames, a))
        return NULL;
    int little = byteorder_of(a[1]);
    int sgn = a[2] ? obj_truth(a[2]) : 0;
    if (little < 0 || sgn < 0)
        return NULL;
    Obj *b = IS(a[0], BytesClass) ? (INCREF(a[0]), a[0]) : IS(a[0], StrClass) ? NULL : bytes_from_iterable(a[0]);
    if (!b) {
        if (!err_occurred())
            err_format(&TypeErrorClass, "cannot convert 'str' object to bytes");
        return NULL;
    }
    size_t n = BYTES_LEN(b);
    const unsigned char *p = BYTES_S(b);
#define MSB(k) p[little ? n - 1 - (k) : (k)] /* k-th byte from the most significant */
    bool neg = sgn && n > 0 && (MSB(0) & 0x80);
    size_t skip = 0; /* leading sign-extension bytes */
    while (n - skip > 8 && MSB(skip) == (neg ? 0xff : 0x00))
        skip++;
    bool over = n - skip > 8;
    uint64_t u = neg && n - skip < 8 ? ~(uint64_t)0 : 0;
    for (size_t k = skip; k < n && !over; k++)
        u = (u << 8) | MSB(k);
#undef MSB
    DECREF(b);
    if (over || (bool)(u >> 63) != neg)
        return err_null(&OverflowErrorClass, "integer overflow: loopscope integers are 64-bit");
    return int_new((int64_t)u);
}

/* ---------------------------------------------------------------- init */

void bytes_init(void)
{
    static const struct { const char *name; CFunc fn; } defs[] = {
        {"decode", bytes_m_decode}, {"hex", bytes_m_hex}, {"join", bytes_m_join},
        {"split", bytes_m_split}, {"rsplit", bytes_m_rsplit}, {"strip", bytes_m_strip},
        {"lstrip", bytes_m_lstrip}, {"rstrip", bytes_m_rstrip}, {"startswith", bytes_m_startswith},
        {"endswith", bytes_m_endswith}, {"upper", bytes_m_upper}, {"lower", bytes_m_lower},
        {"find", bytes_m_find}, {"rfind", bytes_m_rfind}, {"index", bytes_m_index},
        {"rindex", bytes_m_rindex}, {"count", bytes_m_count}, {"replace", bytes_m_replace},
        {"removeprefix", bytes_m_removeprefix}, {"removesuffix", bytes_m_removesuffix},
        {"partition", bytes_m_partition}, {"rpartition", bytes_m_rpartition},
        {"isdigit", bytes_m_isdigit}, {"isalpha", bytes_m_isalpha}, {"isalnum", bytes_m_isalnum},
        {"isspace", bytes_m_isspace}, {"isupper", bytes_m_isupper}, {"islower", bytes_m_islower},
        {"isascii", bytes_m_isascii}, {"splitlines", bytes_m_splitlines},
        {"capitalize", bytes_m_capitalize}, {"center", bytes_m_center},
        {"expandtabs", bytes_m_expandtabs}, {"istitle", bytes_m_istitle}, {"ljust", bytes_m_ljust},
        {"maketrans", bytes_m_maketrans}, {"rjust", bytes_m_rjust}, {"swapcase", bytes_m_swapcase},
        {"title", bytes_m_title}, {"translate", bytes_m_translate}, {"zfill", bytes_m_zfill},
    };
    class_init(&BytesClass);
    BytesClass.ctor = bytes_ctor;
    BytesClass.dict = NULL; /* the previous run's died in obj_teardown */
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        class_add_method(&BytesClass, defs[i].name, defs[i].fn);
    Obj *fromhex = builtin_new("fromhex", bytes_m_fromhex, (Obj *)&BytesClass);
    dict_set_c(BytesClass.dict, "fromhex", fromhex);
    DECREF(fromhex);
    class_add_method(&StrClass, "encode", str_m_encode);
    class_add_method(&IntClass, "to_bytes", int_m_to_bytes);
    Obj *from_bytes = builtin_new("from_bytes", int_m_from_bytes, (Obj *)&IntClass);
    dict_set_c(IntClass.dict, "from_bytes", from_bytes);
    DECREF(from_bytes);
}
