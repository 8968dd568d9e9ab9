/* methods.c: the methods of the built-in types.
 * Owns: str methods (over text.h; str.encode is bytes.c's), str.format, list, dict, tuple, int and
 * float methods, list sorting (CPython's comparison order for short lists:
 * a run, then binary insertion; merges of runs for long ones) and
 * dict.update's argument handling. Each method is a CFunc registered in
 * its class dict; obj_getattr (ops.c) binds it to the receiver, which
 * arrives as `self`.
 * Leaves to others: the Unicode work (text.c), number formatting
 * (format.c via op_format), operators (ops.c), views and iterators
 * (iter.c). Argument errors use CPython 3.11's wording for each method. */
#include "methods.h"

#include "bytes.h"
#include "exgroup.h"
#include "format.h"
#include "iter.h"
#include "klass.h"
#include "ops.h"
#include "set.h"
#include "text.h"
#include "../vm/vm.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------ argument checks */


/* METH_NOARGS: "str.upper() takes no arguments (1 given)" */
static bool noargs(const char *qual, int nargs, Obj *kwnames)
{
    if (!vm_no_keywords(qual, kwnames))
        return false;
    if (nargs) {
        err_format(&TypeErrorClass, "%s() takes no arguments (%d given)", qual, nargs);
        return false;
    }
    return true;
}



/* PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)" */
static bool oldstyle(const char *name, int nargs, Obj *kwnames, int min, int max)
{
    if (!vm_no_keywords(name, kwnames))
        return false;
    if (nargs < min) {
        err_format(&TypeErrorClass, "%s() takes at least %d argument%s (%d given)", name, min,
                   min == 1 ? "" : "s", nargs);
        return false;
    }
    if (nargs > max) {
        err_format(&TypeErrorClass, "%s() takes at most %d argument%s (%d given)", name, max,
                   max == 1 ? "" : "s", nargs);
        return false;
    }
    return true;
}

static bool as_index(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        err_format(&TypeErrorClass, "'%s' object cannot be interpreted as an integer", obj_type_name(o));
        return false;
    }
    *out = INT_V(o);
    return true;
}

static long clamp_long(int64_t v)
{
    return v > LONG_MAX ? LONG_MAX : v < LONG_MIN ? LONG_MIN : (long)v;
}

/* Optional slice bound (None or int) for find/count/startswith. */
static bool slice_bound(Obj *o, long dflt, long *out)
{
    if (!o || o == None) {
        *out = dflt;
        return true;
    }
    if (!is_int(o)) {
        err_format(&TypeErrorClass, "slice indices must be integers or None or have an __index__ method");
        return false;
    }
    *out = clamp_long(INT_V(o));
    return true;
}

bool method_noargs(const char *qual, int nargs, Obj *kwnames)
{
    return noargs(qual, nargs, kwnames);
}

bool method_oldstyle(const char *name, int nargs, Obj *kwnames, int min, int max)
{
    return oldstyle(name, nargs, kwnames, min, max);
}

bool method_as_index(Obj *o, int64_t *out)
{
    return as_index(o, out);
}

bool method_slice_bound(Obj *o, long dflt, long *out)
{
    return slice_bound(o, dflt, out);
}

static bool need_str(Obj *o)
{
    if (!IS(o, StrClass)) {
        err_format(&TypeErrorClass, "must be str, not %s", obj_type_name(o));
        return false;
    }
    return true;
}

static Obj *str_span(Obj *s, TextSpan sp)
{
    if (sp.off == 0 && sp.len == STR_LEN(s)) {
        INCREF(s);
        return s;
    }
    return str_new(STR_S(s) + sp.off, sp.len);
}

static Obj *str_from_buf_free(Buf *b)
{
    Obj *r = str_new(b->s, b->len);
    buf_free(b);
    return r;
}

/* ------------------------------------------------------------- str: case */

typedef void (*CaseFn)(const char *s, size_t n, Buf *out);

static Obj *str_case(const char *qual, CaseFn fn, Obj *self, int nargs, Obj *kwnames)
{
    if (!noargs(qual, nargs, kwnames))
        return NULL;
    Buf b;
    buf_init(&b);
    fn(STR_S(self), STR_LEN(self), &b);
    return str_from_buf_free(&b);
}

#define CASE_METHOD(fname, qual, textfn) \
    static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kwnames) \
    { \
        (void)args; \
        return str_case(qual, textfn, self, nargs, kwnames); \
    }

CASE_METHOD(str_upper, "str.upper", text_upper)
CASE_METHOD(str_lower, "str.lower", text_lower)
CASE_METHOD(str_title, "str.title", text_title)
CASE_METHOD(str_capitalize, "str.capitalize", text_capitalize)
CASE_METHOD(str_swapcase, "str.swapcase", text_swapcase)
CASE_METHOD(str_casefold, "str.casefold", text_casefold)

/* ------------------------------------------------------- str: predicates */

typedef int (*PredFn)(const char *s, size_t n);

#define PRED_METHOD(fname, qual, textfn) \
    static Obj *fname(Obj *self, Obj **args, int nargs, Obj *kwnames) \
    { \
        (void)args; \
        if (!noargs(qual, nargs, kwnames)) \
            return NULL; \
        return bool_new(textfn(STR_S(self), STR_LEN(self))); \
    }

PRED_METHOD(str_isdigit, "str.isdigit", text_isdigit)
PRED_METHOD(str_isdecimal, "str.isdecimal", text_isdecimal)
PRED_METHOD(str_isnumeric, "str.isnumeric", text_isnumeric)
PRED_METHOD(str_isalpha, "str.isalpha", text_isalpha)
PRED_METHOD(str_isalnum, "str.isalnum", text_isalnum)
PRED_METHOD(str_isspace, "str.isspace", text_isspace)
PRED_METHOD(str_isupper, "str.isupper", text_isupper)
PRED_METHOD(str_islower, "str.islower", text_islower)
PRED_METHOD(str_istitle, "str.istitle", text_istitle)
PRED_METHOD(str_isidentifier, "str.isidentifier", text_isidentifier)
PRED_METHOD(str_isprintable, "str.isprintable", text_isprintable)

static Obj *str_isascii(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("str.isascii", nargs, kwnames))
        return NULL;
    return bool_new(((StrObj *)self)->ascii);
}

/* ------------------------------------------------------------ str: strip */

typedef TextSpan (*StripFn)(const char *s, size_t n, const char *chars, size_t charsn);

static Obj *str_strip_impl(const char *name, StripFn fn, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs(name, nargs, kwnames, 0, 1))
        return NULL;
    TextSpan sp;
    if (nargs == 0 || args[0] == None) {
        sp = fn(STR_S(self), STR_LEN(self), NULL, 0);
    } else if (IS(args[0], StrClass)) {
        sp = fn(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]));
    } else {
        return err_null(&TypeErrorClass, "%s arg must be None or str", name);
    }
    return str_span(self, sp);
}

static Obj *str_strip(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_strip_impl("strip", text_strip, self, args, nargs, kwnames);
}

static Obj *str_lstrip(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_strip_impl("lstrip", text_lstrip, self, args, nargs, kwnames);
}

static Obj *str_rstrip(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_strip_impl("rstrip", text_rstrip, self, args, nargs, kwnames);
}

static Obj *str_removeprefix(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("str.removeprefix", nargs, kwnames))
        return NULL;
    if (!IS(args[0], StrClass))
        return err_null(&TypeErrorClass, "removeprefix() argument must be str, not %s", obj_type_name(args[0]));
    size_t n = STR_LEN(args[0]);
    if (n <= STR_LEN(self) && memcmp(STR_S(self), STR_S(args[0]), n) == 0)
        return str_new(STR_S(self) + n, STR_LEN(self) - n);
    INCREF(self);
    return self;
}

static Obj *str_removesuffix(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("str.removesuffix", nargs, kwnames))
        return NULL;
    if (!IS(args[0], StrClass))
        return err_null(&TypeErrorClass, "removesuffix() argument must be str, not %s", obj_type_name(args[0]));
    size_t n = STR_LEN(args[0]), len = STR_LEN(self);
    if (n && n <= len && memcmp(STR_S(self) + len - n, STR_S(args[0]), n) == 0)
        return str_new(STR_S(self), len - n);
    INCREF(self);
    return self;
}

/* ------------------------------------------------------------ str: split */

static Obj *spans_to_list(Obj *self, TextSpan *sp, size_t n)
{
    Obj *l = list_new(n);
    for (size_t i = 0; i < n; i++)
        list_append_steal(l, str_span(self, sp[i]));
    xfree(sp);
    return l;
}

typedef int (*SplitFn)(const char *s, size_t n, const char *sep, size_t sepn, long maxsplit, TextSpan **out,
                       size_t *count);

static Obj *str_split_impl(const char *name, SplitFn fn, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"sep", "maxsplit", NULL};
    Obj *a[2];
    if (!vm_parse_args(name, args, nargs, kwnames, names, 0, a))
        return NULL;
    const char *sep = NULL;
    size_t sepn = 0;
    if (a[0] && a[0] != None) {
        if (!IS(a[0], StrClass))
            return err_null(&TypeErrorClass, "must be str or None, not %s", obj_type_name(a[0]));
        sep = STR_S(a[0]);
        sepn = STR_LEN(a[0]);
    }
    int64_t maxsplit = -1;
    if (a[1] && !as_index(a[1], &maxsplit))
        return NULL;
    TextSpan *sp;
    size_t count;
    if (!fn(STR_S(self), STR_LEN(self), sep, sepn, clamp_long(maxsplit), &sp, &count))
        return err_null(&ValueErrorClass, "empty separator");
    return spans_to_list(self, sp, count);
}

static Obj *str_split(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_split_impl("split", text_split, self, args, nargs, kwnames);
}

static Obj *str_rsplit(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_split_impl("rsplit", text_rsplit, self, args, nargs, kwnames);
}

static Obj *str_splitlines(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"keepends", NULL};
    Obj *a[1];
    if (!vm_parse_args("splitlines", args, nargs, kwnames, names, 0, a))
        return NULL;
    int keep = 0;
    if (a[0]) {
        if (!is_int(a[0]))
            return err_null(&TypeErrorClass, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(a[0]));
        keep = INT_V(a[0]) != 0;
    }
    TextSpan *sp;
    size_t count = text_splitlines(STR_S(self), STR_LEN(self), keep, &sp);
    return spans_to_list(self, sp, count);
}

static Obj *str_partition_impl(const char *name, bool right, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(name, nargs, kwnames) || !need_str(args[0]))
        return NULL;
    TextSpan parts[3];
    int ok = right ? text_rpartition(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), parts)
                   : text_partition(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), parts);
    if (!ok)
        return err_null(&ValueErrorClass, "empty separator");
    Obj *t = tuple_new(3);
    for (int i = 0; i < 3; i++)
        TUP_ITEMS(t)[i] = str_span(self, parts[i]);
    return t;
}

static Obj *str_partition(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_partition_impl("str.partition", false, self, args, nargs, kwnames);
}

static Obj *str_rpartition(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_partition_impl("str.rpartition", true, self, args, nargs, kwnames);
}

bool method_join(Obj *iterable, Class *cls, const char *what, const char *sep, size_t sepn, Buf *out)
{
    Obj *it = obj_iter(iterable);
    if (!it) {
        if (err_matches(&TypeErrorClass)) {
            err_clear();
            err_format(&TypeErrorClass, "can only join an iterable");
        }
        return false;
    }
    Obj *v;
    size_t i = 0;
    while ((v = obj_next(it))) {
        if (!IS(v, *cls)) {
            err_format(&TypeErrorClass, "sequence item %zu: expected %s, %s found", i, what, obj_type_name(v));
            DECREF(v);
            break;
        }
        if (i)
            buf_putn(out, sep, sepn);
        if (cls == &StrClass)
            buf_putn(out, STR_S(v), STR_LEN(v));
        else
            buf_putn(out, (const char *)BYTES_S(v), BYTES_LEN(v));
        DECREF(v);
        i++;
        if (!op_check_size(out->len))
            break;
    }
    DECREF(it);
    return !err_occurred();
}

static Obj *str_join(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("str.join", nargs, kwnames))
        return NULL;
    Buf b;
    buf_init(&b);
    if (!method_join(args[0], &StrClass, "str instance", STR_S(self), STR_LEN(self), &b)) {
        buf_free(&b);
        return NULL;
    }
    return str_from_buf_free(&b);
}

/* ----------------------------------------------------------- str: search */

/* Parse (sub[, start[, end]]) for find/count/index. */
static bool search_args(const char *name, Obj **args, int nargs, Obj *kwnames, long *start, long *end)
{
    if (!oldstyle(name, nargs, kwnames, 1, 3) || !need_str(args[0]))
        return false;
    return slice_bound(nargs > 1 ? args[1] : NULL, 0, start) &&
           slice_bound(nargs > 2 ? args[2] : NULL, TEXT_END, end);
}

static Obj *str_find_impl(const char *name, bool right, bool raise, Obj *self, Obj **args, int nargs,
                          Obj *kwnames)
{
    long start, end;
    if (!search_args(name, args, nargs, kwnames, &start, &end))
        return NULL;
    long r = right ? text_rfind(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), start, end)
                   : text_find(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), start, end);
    if (r < 0 && raise)
        return err_null(&ValueErrorClass, "substring not found");
    return int_new(r);
}

static Obj *str_find(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_find_impl("find", false, false, self, args, nargs, kwnames);
}

static Obj *str_rfind(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_find_impl("rfind", true, false, self, args, nargs, kwnames);
}

static Obj *str_index(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_find_impl("index", false, true, self, args, nargs, kwnames);
}

static Obj *str_rindex(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_find_impl("rindex", true, true, self, args, nargs, kwnames);
}

static Obj *str_count(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    long start, end;
    if (!search_args("count", args, nargs, kwnames, &start, &end))
        return NULL;
    return int_new(text_count(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), start, end));
}

Obj **method_affixes(const char *name, Obj **arg, Class *cls, size_t *n)
{
    Obj *p = *arg;
    if (IS(p, TupleClass)) {
        *n = TUP_N(p);
        return TUP_ITEMS(p);
    }
    *n = 1;
    if (IS(p, *cls))
        return arg;
    err_format(&TypeErrorClass, "%s first arg must be %s or a tuple of %s, not %s", name, cls->name, cls->name,
               obj_type_name(p));
    return NULL;
}

static Obj *str_affix(const char *name, bool ends, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!oldstyle(name, nargs, kwnames, 1, 3))
        return NULL;
    long start, end;
    if (!slice_bound(nargs > 1 ? args[1] : NULL, 0, &start) ||
        !slice_bound(nargs > 2 ? args[2] : NULL, TEXT_END, &end))
        return NULL;
    size_t n = 0;
    Obj **cands = method_affixes(name, &args[0], &StrClass, &n);
    if (!cands)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        Obj *c = cands[i];
        if (!IS(c, StrClass))
            return err_null(&TypeErrorClass, "tuple for %s must only contain str, not %s", name,
                            obj_type_name(c));
        int r = ends ? text_endswith(STR_S(self), STR_LEN(self), STR_S(c), STR_LEN(c), start, end)
                     : text_startswith(STR_S(self), STR_LEN(self), STR_S(c), STR_LEN(c), start, end);
        if (r)
            return bool_new(true);
    }
    return bool_new(false);
}

static Obj *str_startswith(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_affix("startswith", false, self, args, nargs, kwnames);
}

static Obj *str_endswith(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_affix("endswith", true, self, args, nargs, kwnames);
}

static Obj *str_replace(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("replace", nargs, kwnames, 2, 3))
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!IS(args[i], StrClass))
            return err_null(&TypeErrorClass, "replace() argument %d must be str, not %s", i + 1,
                            obj_type_name(args[i]));
    int64_t count = -1;
    if (nargs == 3 && !as_index(args[2], &count))
        return NULL;
    /* the result can be much larger than the input: bound it first */
    long matches = text_count(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), 0, TEXT_END);
    if (count >= 0 && matches > count)
        matches = (long)count;
    if (STR_LEN(args[1]) > STR_LEN(args[0]) &&
        !op_check_size(STR_LEN(self) + (size_t)matches * (STR_LEN(args[1]) - STR_LEN(args[0]))))
        return NULL;
    Buf b;
    buf_init(&b);
    text_replace(STR_S(self), STR_LEN(self), STR_S(args[0]), STR_LEN(args[0]), STR_S(args[1]),
                 STR_LEN(args[1]), clamp_long(count), &b);
    return str_from_buf_free(&b);
}

/* ---------------------------------------------------------- str: padding */

typedef int (*PadFn)(const char *s, size_t n, long width, uint32_t fill, Buf *out);

static Obj *str_pad(const char *name, PadFn fn, Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs(name, nargs, kwnames, 1, 2))
        return NULL;
    int64_t width;
    if (!as_index(args[0], &width))
        return NULL;
    uint32_t fill = ' ';
    if (nargs == 2) {
        Obj *f = args[1];
        if (!IS(f, StrClass))
            return err_null(&TypeErrorClass, "The fill character must be a unicode character, not %s",
                            obj_type_name(f));
        if (((StrObj *)f)->ncp != 1)
            return err_null(&TypeErrorClass, "The fill character must be exactly one character long");
        fill = (unsigned char)STR_S(f)[0];
        text_utf8_decode(STR_S(f), STR_LEN(f), &fill);
    }
    if (width > 0 && !op_check_size((size_t)width))
        return NULL;
    Buf b;
    buf_init(&b);
    if (!fn(STR_S(self), STR_LEN(self), clamp_long(width), fill, &b)) {
        buf_free(&b);
        err_set(exc_new(&MemoryErrorClass, NULL));
        return NULL;
    }
    return str_from_buf_free(&b);
}

static Obj *str_center(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_pad("center", text_center, self, args, nargs, kwnames);
}

static Obj *str_ljust(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_pad("ljust", text_ljust, self, args, nargs, kwnames);
}

static Obj *str_rjust(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_pad("rjust", text_rjust, self, args, nargs, kwnames);
}

static Obj *str_zfill(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("str.zfill", nargs, kwnames))
        return NULL;
    int64_t width;
    if (!as_index(args[0], &width))
        return NULL;
    if (width > 0 && !op_check_size((size_t)width))
        return NULL;
    Buf b;
    buf_init(&b);
    if (!text_zfill(STR_S(self), STR_LEN(self), clamp_long(width), &b)) {
        buf_free(&b);
        err_set(exc_new(&MemoryErrorClass, NULL));
        return NULL;
    }
    return str_from_buf_free(&b);
}

/* ------------------------------------------------------------ str.format */

/* ascii(v): repr with every non-ASCII character escaped. */
static Obj *ascii_of(Obj *v)
{
    Obj *r = obj_repr_new(v);
    if (!r || ((StrObj *)r)->ascii)
        return r;
    Buf b;
    buf_init(&b);
    const char *s = STR_S(r);
    size_t n = STR_LEN(r), i = 0;
    while (i < n) {
        uint32_t cp;
        int k = text_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            buf_printf(&b, "\\x%02x", (unsigned char)s[i]);
            i++;
            continue;
        }
        if (cp < 0x80)
            buf_putc(&b, (char)cp);
        else if (cp <= 0xff)
            buf_printf(&b, "\\x%02x", (unsigned)cp);
        else if (cp <= 0xffff)
            buf_printf(&b, "\\u%04x", (unsigned)cp);
        else
            buf_printf(&b, "\\U%08x", (unsigned)cp);
        i += (size_t)k;
    }
    DECREF(r);
    return str_from_buf_free(&b);
}

Obj *method_ascii_of(Obj *v)
{
    return ascii_of(v);
}

typedef struct FormatState {
    Obj **args;
    int nargs;
    Obj *kwnames;
    int auto_index;   /* next automatic field number */
    int mode;         /* 0 unset, 1 automatic, 2 manual */
} FormatState;

static bool format_render(FormatState *st, const char *s, size_t n, int depth, Buf *out);

static Obj *format_kwarg(FormatState *st, const char *name, size_t len)
{
    int nkw = st->kwnames ? (int)TUP_N(st->kwnames) : 0;
    for (int k = 0; k < nkw; k++) {
        Obj *kn = TUP_ITEMS(st->kwnames)[k];
        if (STR_LEN(kn) == len && memcmp(STR_S(kn), name, len) == 0)
            return st->args[st->nargs + k];
    }
    Obj *key = str_new(name, len);
    Obj *t = tuple_pack(1, key);
    err_set(exc_new(&KeyErrorClass, t));
    DECREF(t);
    DECREF(key);
    return NULL;
}

static bool all_digits(const char *s, size_t n)
{
    if (n == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return true;
}

static long parse_digits(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n && v < 100000000; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Resolve a field name ("", "0", "name", "0.attr", "a[1]") to a new ref. */
static Obj *format_field(FormatState *st, const char *s, size_t n)
{
    size_t first = 0;
    while (first < n && s[first] != '.' && s[first] != '[')
        first++;
    Obj *v;
    if (first == 0 || all_digits(s, first)) {
        long index;
        if (first == 0) {
            if (st->mode == 2)
                return err_null(&ValueErrorClass,
                                "cannot switch from manual field specification to automatic field numbering");
            st->mode = 1;
            index = st->auto_index++;
        } else {
            if (st->mode == 1)
                return err_null(&ValueErrorClass,
                                "cannot switch from automatic field numbering to manual field specification");
            st->mode = 2;
            index = parse_digits(s, first);
        }
        if (index >= st->nargs)
            return err_null(&IndexErrorClass, "Replacement index %ld out of range for positional args tuple",
                            index);
        v = st->args[index];
    } else {
        v = format_kwarg(st, s, first);
        if (!v)
            return NULL;
    }
    INCREF(v);
    size_t i = first;
    while (i < n) {
        Obj *next;
        if (s[i] == '.') {
            size_t start = ++i;
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start) {
                DECREF(v);
                return err_null(&ValueErrorClass, "Empty attribute in format string");
            }
            Obj *name = str_new(s + start, i - start);
            next = obj_getattr(v, name);
            DECREF(name);
        } else if (s[i] == '[') {
            size_t start = ++i;
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                DECREF(v);
                return err_null(&ValueErrorClass, "Missing ']' in format string");
            }
            if (i == start) {
                DECREF(v);
                return err_null(&ValueErrorClass, "Empty attribute in format string");
            }
            Obj *key = all_digits(s + start, i - start) ? int_new(parse_digits(s + start, i - start))
                                                        : str_new(s + start, i - start);
            i++;
            next = op_getitem(v, key);
            DECREF(key);
            if (next && i < n && s[i] != '.' && s[i] != '[') {
                DECREF(next);
                DECREF(v);
                return err_null(&ValueErrorClass, "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            DECREF(v);
            return err_null(&ValueErrorClass, "Only '.' or '[' may follow ']' in format field specifier");
        }
        DECREF(v);
        if (!next)
            return NULL;
        v = next;
    }
    return v;
}

/* One replacement field: the text between '{' and its matching '}'. */
static bool format_one(FormatState *st, const char *s, size_t n, int depth, Buf *out)
{
    /* field name ends at '!' or ':' outside brackets */
    size_t i = 0;
    while (i < n && s[i] != '!' && s[i] != ':') {
        if (s[i] == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i < n)
                i++;
            continue;
        }
        if (s[i] == '{') {
            err_format(&ValueErrorClass, "unexpected '{' in field name");
            return false;
        }
        i++;
    }
    size_t name_end = i;
    char conv = 0;
    if (i < n && s[i] == '!') {
        if (i + 1 >= n) {
            err_format(&ValueErrorClass, "unmatched '{' in format spec");
            return false;
        }
        conv = s[i + 1];
        i += 2;
        if (i < n && s[i] != ':') {
            err_format(&ValueErrorClass, "expected ':' after conversion specifier");
            return false;
        }
    }
    const char *spec = "";
    size_t specn = 0;
    if (i < n && s[i] == ':') {
        spec = s + i + 1;
        specn = n - i - 1;
    }
    Obj *v = format_field(st, s, name_end);
    if (!v)
        return false;
    if (conv) {
        Obj *c;
        if (conv == 'r')
            c = obj_repr_new(v);
        else if (conv == 's')
            c = obj_str_new(v);
        else if (conv == 'a')
            c = ascii_of(v);
        else {
            DECREF(v);
            err_format(&ValueErrorClass, "Unknown conversion specifier %c", conv);
            return false;
        }
        DECREF(v);
        if (!c)
            return false;
        v = c;
    }
    /* the spec may hold nested fields: '{:>{width}}' */
    Buf specbuf;
    buf_init(&specbuf);
    if (memchr(spec, '{', specn)) {
        if (depth >= 2) {
            DECREF(v);
            buf_free(&specbuf);
            err_format(&ValueErrorClass, "Max string recursion exceeded");
            return false;
        }
        if (!format_render(st, spec, specn, depth + 1, &specbuf)) {
            DECREF(v);
            buf_free(&specbuf);
            return false;
        }
    } else {
        buf_putn(&specbuf, spec, specn);
    }
    Obj *specobj = str_new(specbuf.s, specbuf.len);
    buf_free(&specbuf);
    Obj *r = op_format(v, specobj);
    DECREF(specobj);
    DECREF(v);
    if (!r)
        return false;
    buf_putn(out, STR_S(r), STR_LEN(r));
    DECREF(r);
    return op_check_size(out->len);
}

static bool format_render(FormatState *st, const char *s, size_t n, int depth, Buf *out)
{
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                buf_putc(out, '}');
                i += 2;
                continue;
            }
            err_format(&ValueErrorClass, "Single '}' encountered in format string");
            return false;
        }
        if (c != '{') {
            buf_putc(out, c);
            i++;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            buf_putc(out, '{');
            i += 2;
            continue;
        }
        if (i + 1 >= n) {
            err_format(&ValueErrorClass, "Single '{' encountered in format string");
            return false;
        }
        /* find the matching '}' */
        size_t start = ++i;
        int level = 1;
        while (i < n) {
            if (s[i] == '{')
                level++;
            else if (s[i] == '}' && --level == 0)
                break;
            i++;
        }
        if (i >= n) {
            err_format(&ValueErrorClass, "expected '}' before end of string");
            return false;
        }
        if (!format_one(st, s + start, i - start, depth, out))
            return false;
        i++;
    }
    return true;
}

Obj *str_format(Obj *fmt, Obj **args, int nargs, Obj *kwnames)
{
    FormatState st = {.args = args, .nargs = nargs, .kwnames = kwnames};
    Buf b;
    buf_init(&b);
    if (!format_render(&st, STR_S(fmt), STR_LEN(fmt), 0, &b)) {
        buf_free(&b);
        return NULL;
    }
    return str_from_buf_free(&b);
}

static Obj *str_format_method(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    return str_format(self, args, nargs, kwnames);
}

/* ---------------------------------------------------------------- sorting */

typedef struct SortItem {
    Obj *key;
    Obj *item;
} SortItem;

/* key(a) < key(b): 1, 0, or -1 with the error pending. */
static int sort_lt(const SortItem *a, const SortItem *b)
{
    return vm_charge_ops(1) ? op_lt(a->key, b->key) : -1;
}

static void items_reverse(SortItem *lo, SortItem *hi)
{
    for (--hi; lo < hi; lo++, hi--) {
        SortItem t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

/* Length of the run starting at lo (strictly descending runs are
 * reversed in place), as CPython's count_run. -1 on error. */
static long count_run(SortItem *lo, SortItem *hi)
{
    if (lo + 1 == hi)
        return 1;
    long n = 2;
    int r = sort_lt(&lo[1], &lo[0]);
    if (r < 0)
        return -1;
    if (r) {
        for (SortItem *p = lo + 2; p < hi; p++, n++) {
            r = sort_lt(p, p - 1);
            if (r < 0)
                return -1;
            if (!r)
                break;
        }
        items_reverse(lo, lo + n);
    } else {
        for (SortItem *p = lo + 2; p < hi; p++, n++) {
            r = sort_lt(p, p - 1);
            if (r < 0)
                return -1;
            if (r)
                break;
        }
    }
    return n;
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int binary_sort(SortItem *lo, SortItem *hi, SortItem *start)
{
    for (; start < hi; start++) {
        SortItem pivot = *start;
        SortItem *l = lo, *r = start;
        while (l < r) {
            SortItem *p = l + ((r - l) >> 1);
            int c = sort_lt(&pivot, p);
            if (c < 0)
                return -1;
            if (c)
                r = p;
            else
                l = p + 1;
        }
        memmove(l + 1, l, (size_t)(start - l) * sizeof(SortItem));
        *l = pivot;
    }
    return 0;
}

/* Stable merge of a[0..na) and a[na..na+nb) using tmp. On error the rest
 * is copied through unmerged so no item is lost. */
static int merge_runs(SortItem *a, size_t na, size_t nb, SortItem *tmp)
{
    memcpy(tmp, a, na * sizeof(SortItem));
    SortItem *pa = tmp, *ea = tmp + na, *pb = a + na, *eb = a + na + nb, *dst = a;
    int rc = 0;
    while (pa < ea && pb < eb) {
        int c = sort_lt(pb, pa);
        if (c < 0) {
            rc = -1;
            break;
        }
        *dst++ = c ? *pb++ : *pa++;
    }
    /* pb's remainder is already in place right after dst + (ea - pa) */
    memmove(dst, pa, (size_t)(ea - pa) * sizeof(SortItem));
    return rc;
}

static size_t compute_minrun(size_t n)
{
    size_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int sort_items(SortItem *a, size_t n)
{
    if (n < 2)
        return 0;
    size_t minrun = compute_minrun(n);
    size_t *runs = xmalloc((n / minrun + 2) * sizeof(size_t));
    size_t nruns = 0, pos = 0;
    int rc = 0;
    while (pos < n) {
        long run = count_run(a + pos, a + n);
        if (run < 0) {
            rc = -1;
            break;
        }
        size_t len = (size_t)run;
        if (len < minrun) {
            size_t force = n - pos < minrun ? n - pos : minrun;
            if (binary_sort(a + pos, a + pos + force, a + pos + len) < 0) {
                rc = -1;
                break;
            }
            len = force;
        }
        runs[nruns++] = len;
        pos += len;
    }
    if (rc == 0 && nruns > 1) {
        SortItem *tmp = xmalloc(n * sizeof(SortItem));
        while (nruns > 1 && rc == 0) {
            size_t w = 0, off = 0;
            for (size_t i = 0; i < nruns; i += 2) {
                size_t len = runs[i];
                if (i + 1 < nruns) {
                    if (rc == 0 && merge_runs(a + off, runs[i], runs[i + 1], tmp) < 0)
                        rc = -1;
                    len += runs[i + 1];
                }
                runs[w++] = len;
                off += len;
            }
            nruns = w;
        }
        xfree(tmp);
    }
    xfree(runs);
    return rc;
}

int list_sort(Obj *list, Obj *key, bool reverse)
{
    ListObj *l = (ListObj *)list;
    if (key == None)
        key = NULL;
    /* Take the items out while sorting, as CPython does, so a key or a
     * comparison that changes the list is caught. */
    size_t n = l->n;
    Obj **items = l->items;
    l->items = xmalloc(4 * sizeof(Obj *));
    l->cap = 4;
    l->n = 0;
    SortItem *a = xmalloc((n ? n : 1) * sizeof(SortItem));
    int rc = 0;
    size_t nkeys = 0;
    for (size_t i = 0; i < n; i++) {
        a[i].item = items[i];
        if (key) {
            a[i].key = vm_call1(key, items[i]);
            if (!a[i].key) {
                rc = -1;
                break;
            }
            nkeys++;
        } else {
            a[i].key = items[i];
        }
    }
    if (rc == 0) {
        if (reverse)
            items_reverse(a, a + n);
        rc = sort_items(a, n);
        if (reverse)
            items_reverse(a, a + n);
        for (size_t i = 0; i < n; i++)
            items[i] = a[i].item;
    }
    if (key)
        for (size_t i = 0; i < nkeys; i++)
            DECREF(a[i].key);
    xfree(a);
    bool modified = l->n != 0;
    Obj **added = l->items;
    size_t nadded = l->n;
    l->items = items;
    l->n = n;
    l->cap = n ? n : 1;
    if (n == 0) {
        xfree(items);
        l->items = xmalloc(4 * sizeof(Obj *));
        l->cap = 4;
    }
    for (size_t i = 0; i < nadded; i++)
        DECREF(added[i]);
    xfree(added);
    if (modified && rc == 0) {
        err_format(&ValueErrorClass, "list modified during sort");
        rc = -1;
    }
    return rc;
}

/* ------------------------------------------------------------------ list */

static Obj *list_m_append(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("list.append", nargs, kwnames))
        return NULL;
    if (!op_check_size(LIST_N(self) + 1))
        return NULL;
    list_append(self, args[0]);
    return none_new();
}

static Obj *list_m_extend(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("list.extend", nargs, kwnames))
        return NULL;
    Obj *r = op_inplace(OP_ADD, self, args[0]);
    if (!r)
        return NULL;
    DECREF(r);
    return none_new();
}

static Obj *list_m_insert(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("insert", nargs, kwnames, 2, 2))
        return NULL;
    int64_t i;
    if (!as_index(args[0], &i))
        return NULL;
    int64_t n = (int64_t)LIST_N(self);
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (!op_check_size((size_t)n + 1) || !vm_charge_ops((uint64_t)(n - i) >> 6))
        return NULL; /* the memmove below is a C loop over n - i items */
    list_append(self, args[1]);
    Obj **items = LIST_ITEMS(self);
    memmove(items + i + 1, items + i, (size_t)(n - i) * sizeof(Obj *));
    items[i] = args[1];
    return none_new();
}

static Obj *list_m_pop(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("pop", nargs, kwnames, 0, 1))
        return NULL;
    int64_t i = -1;
    if (nargs == 1 && !as_index(args[0], &i))
        return NULL;
    ListObj *l = (ListObj *)self;
    if (l->n == 0)
        return err_null(&IndexErrorClass, "pop from empty list");
    if (i < 0)
        i += (int64_t)l->n;
    if (i < 0 || i >= (int64_t)l->n)
        return err_null(&IndexErrorClass, "pop index out of range");
    if (!vm_charge_ops((l->n - (size_t)i) >> 6))
        return NULL;
    Obj *v = l->items[i];
    memmove(l->items + i, l->items + i + 1, (l->n - (size_t)i - 1) * sizeof(Obj *));
    l->n--;
    return v;
}

/* Index of the first item == v in list[start:end], -1 if none, -2 on error. */
static int64_t list_find(Obj *list, Obj *v, int64_t start, int64_t end)
{
    for (int64_t i = start; i < end && i < (int64_t)LIST_N(list); i++) {
        Obj *x = LIST_ITEMS(list)[i];
        if (x == v)
            return i;
        if (!vm_charge_ops(1))
            return -2;
        INCREF(x);
        int r = obj_eq(x, v);
        DECREF(x);
        if (r < 0)
            return -2;
        if (r)
            return i;
    }
    return -1;
}

static Obj *list_m_remove(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("list.remove", nargs, kwnames))
        return NULL;
    int64_t i = list_find(self, args[0], 0, (int64_t)LIST_N(self));
    if (i == -2)
        return NULL;
    if (i < 0)
        return err_null(&ValueErrorClass, "list.remove(x): x not in list");
    Obj *idx = int_new(i);
    int r = op_delitem(self, idx);
    DECREF(idx);
    return r < 0 ? NULL : none_new();
}

/* start/end of list.index and tuple.index, clamped like CPython. */
static bool seq_index_bounds(Obj **args, int nargs, int64_t len, int64_t *start, int64_t *end)
{
    *start = 0;
    *end = len;
    for (int k = 1; k < nargs && k < 3; k++) {
        if (!is_int(args[k])) {
            err_format(&TypeErrorClass, "slice indices must be integers or have an __index__ method");
            return false;
        }
        int64_t v = INT_V(args[k]);
        if (v < 0) {
            v += len;
            if (v < 0)
                v = 0;
        }
        if (k == 1)
            *start = v;
        else
            *end = v;
    }
    return true;
}

static Obj *list_m_index(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("index", nargs, kwnames, 1, 3))
        return NULL;
    int64_t start, end;
    if (!seq_index_bounds(args, nargs, (int64_t)LIST_N(self), &start, &end))
        return NULL;
    int64_t i = list_find(self, args[0], start, end);
    if (i == -2)
        return NULL;
    if (i < 0) {
        Obj *r = obj_repr_new(args[0]);
        if (!r)
            return NULL;
        err_format(&ValueErrorClass, "%s is not in list", STR_S(r));
        DECREF(r);
        return NULL;
    }
    return int_new(i);
}

/* list.count and tuple.count: __eq__ may shrink or refill a list, so each
 * item is held and the length read again on every pass. */
static Obj *seq_count(Obj *seq, Obj *v)
{
    int64_t c = 0;
    Obj *x;
    for (size_t i = 0; (x = seq_get_ref(seq, i)); i++) {
        int r = x == v ? 1 : vm_charge_ops(1) ? obj_eq(x, v) : -1;
        DECREF(x);
        if (r < 0)
            return NULL;
        c += r;
    }
    return int_new(c);
}

static Obj *list_m_count(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("list.count", nargs, kwnames))
        return NULL;
    return seq_count(self, args[0]);
}

static Obj *list_m_reverse(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("list.reverse", nargs, kwnames))
        return NULL;
    Obj **items = LIST_ITEMS(self);
    size_t n = LIST_N(self);
    if (!vm_charge_ops(n >> 6))
        return NULL;
    for (size_t i = 0; i < n / 2; i++) {
        Obj *t = items[i];
        items[i] = items[n - 1 - i];
        items[n - 1 - i] = t;
    }
    return none_new();
}

static Obj *list_m_sort(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    static const char *const names[] = {"key", "reverse"};
    if (nargs)
        return err_null(&TypeErrorClass, "sort() takes no positional arguments");
    Obj *kw[2] = {NULL, NULL};
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    for (int k = 0; k < nkw; k++) {
        Obj *name = TUP_ITEMS(kwnames)[k];
        if (str_eq_c(name, names[0]))
            kw[0] = args[k];
        else if (str_eq_c(name, names[1]))
            kw[1] = args[k];
        else
            return err_null(&TypeErrorClass, "'%s' is an invalid keyword argument for sort()", STR_S(name));
    }
    int reverse = 0;
    if (kw[1]) {
        if (!is_int(kw[1]))
            return err_null(&TypeErrorClass, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(kw[1]));
        reverse = INT_V(kw[1]) != 0;
    }
    return list_sort(self, kw[0], reverse) < 0 ? NULL : none_new();
}

static Obj *list_m_copy(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("list.copy", nargs, kwnames) || !vm_charge_ops(LIST_N(self) >> 2))
        return NULL;
    Obj *r = list_new(LIST_N(self));
    for (size_t i = 0; i < LIST_N(self); i++)
        list_append(r, LIST_ITEMS(self)[i]);
    return r;
}

static Obj *list_m_clear(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("list.clear", nargs, kwnames))
        return NULL;
    ListObj *l = (ListObj *)self;
    size_t n = l->n;
    Obj **old = l->items;
    l->items = xmalloc(4 * sizeof(Obj *));
    l->cap = 4;
    l->n = 0;
    for (size_t i = 0; i < n; i++)
        DECREF(old[i]);
    xfree(old);
    return none_new();
}

/* ----------------------------------------------------------------- tuple */

static Obj *tuple_m_index(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("index", nargs, kwnames, 1, 3))
        return NULL;
    int64_t start, end;
    if (!seq_index_bounds(args, nargs, (int64_t)TUP_N(self), &start, &end))
        return NULL;
    for (int64_t i = start; i < end && i < (int64_t)TUP_N(self); i++) {
        Obj *x = TUP_ITEMS(self)[i];
        int r = x == args[0] ? 1 : vm_charge_ops(1) ? obj_eq(x, args[0]) : -1;
        if (r < 0)
            return NULL;
        if (r)
            return int_new(i);
    }
    return err_null(&ValueErrorClass, "tuple.index(x): x not in tuple");
}

static Obj *tuple_m_count(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg("tuple.count", nargs, kwnames))
        return NULL;
    return seq_count(self, args[0]);
}

/* ------------------------------------------------------------------ dict */

static Obj *key_error(Obj *key)
{
    Obj *t = tuple_pack(1, key);
    err_set(exc_new(&KeyErrorClass, t));
    DECREF(t);
    return NULL;
}

static Obj *dict_m_get(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("get", nargs, kwnames, 1, 2))
        return NULL;
    Obj *v = dict_get(self, args[0]);
    if (!v) {
        if (err_occurred())
            return NULL;
        v = nargs == 2 ? args[1] : None;
    }
    INCREF(v);
    return v;
}

static Obj *dict_view(const char *qual, Class *cls, Obj *self, int nargs, Obj *kwnames)
{
    if (!noargs(qual, nargs, kwnames))
        return NULL;
    return dictview_new(cls, self);
}

static Obj *dict_m_keys(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    return dict_view("dict.keys", &DictKeysClass, self, nargs, kwnames);
}

static Obj *dict_m_values(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    return dict_view("dict.values", &DictValuesClass, self, nargs, kwnames);
}

static Obj *dict_m_items(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    return dict_view("dict.items", &DictItemsClass, self, nargs, kwnames);
}

static Obj *dict_m_pop(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("pop", nargs, kwnames, 1, 2))
        return NULL;
    Obj *v = dict_get(self, args[0]);
    if (!v) {
        if (err_occurred())
            return NULL;
        if (nargs == 2) {
            INCREF(args[1]);
            return args[1];
        }
        return key_error(args[0]);
    }
    INCREF(v);
    dict_del(self, args[0]);
    return v;
}

static Obj *dict_m_setdefault(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_range_nargs("setdefault", nargs, kwnames, 1, 2))
        return NULL;
    Obj *v = dict_get(self, args[0]);
    if (!v) {
        if (err_occurred())
            return NULL;
        v = nargs == 2 ? args[1] : None;
        if (dict_set(self, args[0], v) < 0)
            return NULL;
    }
    INCREF(v);
    return v;
}

int dict_update(Obj *dict, Obj *arg)
{
    if (IS(arg, DictClass)) {
        size_t pos = 0;
        Obj *k, *v;
        while (dict_next(arg, &pos, &k, &v))
            if (dict_set(dict, k, v) < 0)
                return -1;
        return 0;
    }
    if (CLS(arg)->heap && klass_special(arg, "keys")) {
        /* a mapping (it has keys()): d[k] = arg[k] for each key, as CPython does */
        Obj *keys = klass_call_special(arg, "keys", NULL, 0);
        Obj *kit = keys ? obj_iter(keys) : NULL;
        XDECREF(keys);
        if (!kit)
            return -1;
        Obj *k;
        int krc = 0;
        while (krc == 0 && (k = obj_next(kit))) {
            Obj *v = op_getitem(arg, k);
            krc = !v || dict_set(dict, k, v) < 0 ? -1 : 0;
            XDECREF(v);
            DECREF(k);
        }
        DECREF(kit);
        return krc < 0 || err_occurred() ? -1 : 0;
    }
    Obj *it = obj_iter(arg);
    if (!it)
        return -1;
    Obj *item;
    size_t i = 0;
    int rc = 0;
    while ((item = obj_next(it))) {
        Obj *pair = NULL;
        if (IS(item, ListClass) || IS(item, TupleClass)) {
            INCREF(item);
            pair = item;
        } else {
            Obj *pit = obj_iter(item);
            if (!pit) {
                if (err_matches(&TypeErrorClass)) {
                    err_clear();
                    err_format(&TypeErrorClass,
                               "cannot convert dictionary update sequence element #%zu to a sequence", i);
                }
                DECREF(item);
                rc = -1;
                break;
            }
            pair = list_new(2);
            Obj *x;
            while ((x = obj_next(pit)))
                list_append_steal(pair, x);
            DECREF(pit);
            if (err_occurred()) {
                DECREF(pair);
                DECREF(item);
                rc = -1;
                break;
            }
        }
        DECREF(item);
        size_t n = IS(pair, ListClass) ? LIST_N(pair) : TUP_N(pair);
        Obj **kv = IS(pair, ListClass) ? LIST_ITEMS(pair) : TUP_ITEMS(pair);
        if (n != 2) {
            err_format(&ValueErrorClass, "dictionary update sequence element #%zu has length %zu; 2 is required",
                       i, n);
            DECREF(pair);
            rc = -1;
            break;
        }
        int r = dict_set(dict, kv[0], kv[1]);
        DECREF(pair);
        if (r < 0 || !op_check_size(DICT_N(dict))) {
            rc = -1;
            break;
        }
        i++;
    }
    DECREF(it);
    if (rc == 0 && err_occurred())
        rc = -1;
    return rc;
}

static Obj *dict_m_update(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    if (nargs > 1)
        return err_null(&TypeErrorClass, "update expected at most 1 argument, got %d", nargs);
    if (nargs == 1 && dict_update(self, args[0]) < 0)
        return NULL;
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    for (int k = 0; k < nkw; k++)
        dict_set(self, TUP_ITEMS(kwnames)[k], args[nargs + k]);
    return none_new();
}

static Obj *dict_m_copy(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("dict.copy", nargs, kwnames))
        return NULL;
    Obj *d = dict_new();
    dict_update(d, self);
    return d;
}

static Obj *dict_m_clear(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("dict.clear", nargs, kwnames))
        return NULL;
    dict_clear(self);
    return none_new();
}

static Obj *dict_m_popitem(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("dict.popitem", nargs, kwnames))
        return NULL;
    DictObj *d = (DictObj *)self;
    for (size_t i = d->used; i > 0; i--) {
        DictEntry *e = &d->entries[i - 1];
        if (e->key) {
            Obj *t = tuple_pack(2, e->key, e->value);
            dict_del(self, TUP_ITEMS(t)[0]);
            return t;
        }
    }
    return err_null(&KeyErrorClass, "popitem(): dictionary is empty");
}

/* dict.fromkeys(iterable, value=None): registered bound to the class, so
 * dict.fromkeys and d.fromkeys both reach it with self = DictClass. */
static Obj *dict_m_fromkeys(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("fromkeys", nargs, kwnames, 1, 2))
        return NULL;
    Obj *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    Obj *d = dict_new(), *k;
    Obj *v = nargs == 2 ? args[1] : None;
    while ((k = obj_next(it))) {
        int r = dict_set(d, k, v);
        DECREF(k);
        if (r < 0 || !op_check_size(DICT_N(d)))
            break;
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(d);
        return NULL;
    }
    return d;
}

/* ------------------------------------------------------------ int, float */

static Obj *int_m_bit_length(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("int.bit_length", nargs, kwnames))
        return NULL;
    int64_t v = INT_V(self);
    uint64_t m = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    return int_new(m ? 64 - __builtin_clzll(m) : 0);
}

static Obj *float_m_is_integer(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)args;
    if (!noargs("float.is_integer", nargs, kwnames))
        return NULL;
    double d = FLOAT_V(self);
    return bool_new(isfinite(d) && d == floor(d));
}

/* ------------------------------------------------------------------ init */

typedef struct MethodDef {
    Class *cls;
    const char *name;
    CFunc fn;
} MethodDef;

static const MethodDef method_defs[] = {
    {&BaseExceptionGroupClass, "derive", exgroup_m_derive},
    {&BaseExceptionGroupClass, "split", exgroup_m_split},
    {&BaseExceptionGroupClass, "subgroup", exgroup_m_subgroup},
    {&SetClass, "add", set_m_add},
    {&SetClass, "clear", set_m_clear},
    {&SetClass, "copy", set_m_copy},
    {&SetClass, "difference", set_m_difference},
    {&SetClass, "difference_update", set_m_difference_update},
    {&SetClass, "discard", set_m_discard},
    {&SetClass, "intersection", set_m_intersection},
    {&SetClass, "intersection_update", set_m_intersection_update},
    {&SetClass, "isdisjoint", set_m_isdisjoint},
    {&SetClass, "issubset", set_m_issubset},
    {&SetClass, "issuperset", set_m_issuperset},
    {&SetClass, "pop", set_m_pop},
    {&SetClass, "remove", set_m_remove},
    {&SetClass, "symmetric_difference", set_m_symmetric_difference},
    {&SetClass, "symmetric_difference_update", set_m_symmetric_difference_update},
    {&SetClass, "union", set_m_union},
    {&SetClass, "update", set_m_update},
    {&FrozenSetClass, "copy", set_m_copy},
    {&FrozenSetClass, "difference", set_m_difference},
    {&FrozenSetClass, "intersection", set_m_intersection},
    {&FrozenSetClass, "isdisjoint", set_m_isdisjoint},
    {&FrozenSetClass, "issubset", set_m_issubset},
    {&FrozenSetClass, "issuperset", set_m_issuperset},
    {&FrozenSetClass, "symmetric_difference", set_m_symmetric_difference},
    {&FrozenSetClass, "union", set_m_union},
    {&StrClass, "upper", str_upper},
    {&StrClass, "lower", str_lower},
    {&StrClass, "title", str_title},
    {&StrClass, "capitalize", str_capitalize},
    {&StrClass, "swapcase", str_swapcase},
    {&StrClass, "casefold", str_casefold},
    {&StrClass, "strip", str_strip},
    {&StrClass, "lstrip", str_lstrip},
    {&StrClass, "rstrip", str_rstrip},
    {&StrClass, "removeprefix", str_removeprefix},
    {&StrClass, "removesuffix", str_removesuffix},
    {&StrClass, "split", str_split},
    {&StrClass, "rsplit", str_rsplit},
    {&StrClass, "splitlines", str_splitlines},
    {&StrClass, "partition", str_partition},
    {&StrClass, "rpartition", str_rpartition},
    {&StrClass, "join", str_join},
    {&StrClass, "find", str_find},
    {&StrClass, "rfind", str_rfind},
    {&StrClass, "index", str_index},
    {&StrClass, "rindex", str_rindex},
    {&StrClass, "count", str_count},
    {&StrClass, "startswith", str_startswith},
    {&StrClass, "endswith", str_endswith},
    {&StrClass, "replace", str_replace},
    {&StrClass, "center", str_center},
    {&StrClass, "ljust", str_ljust},
    {&StrClass, "rjust", str_rjust},
    {&StrClass, "zfill", str_zfill},
    {&StrClass, "isdigit", str_isdigit},
    {&StrClass, "isdecimal", str_isdecimal},
    {&StrClass, "isnumeric", str_isnumeric},
    {&StrClass, "isalpha", str_isalpha},
    {&StrClass, "isalnum", str_isalnum},
    {&StrClass, "isspace", str_isspace},
    {&StrClass, "isupper", str_isupper},
    {&StrClass, "islower", str_islower},
    {&StrClass, "istitle", str_istitle},
    {&StrClass, "isidentifier", str_isidentifier},
    {&StrClass, "isprintable", str_isprintable},
    {&StrClass, "isascii", str_isascii},
    {&StrClass, "format", str_format_method},
    {&ListClass, "append", list_m_append},
    {&ListClass, "extend", list_m_extend},
    {&ListClass, "insert", list_m_insert},
    {&ListClass, "pop", list_m_pop},
    {&ListClass, "remove", list_m_remove},
    {&ListClass, "index", list_m_index},
    {&ListClass, "count", list_m_count},
    {&ListClass, "reverse", list_m_reverse},
    {&ListClass, "sort", list_m_sort},
    {&ListClass, "copy", list_m_copy},
    {&ListClass, "clear", list_m_clear},
    {&TupleClass, "index", tuple_m_index},
    {&TupleClass, "count", tuple_m_count},
    {&DictClass, "get", dict_m_get},
    {&DictClass, "keys", dict_m_keys},
    {&DictClass, "values", dict_m_values},
    {&DictClass, "items", dict_m_items},
    {&DictClass, "pop", dict_m_pop},
    {&DictClass, "setdefault", dict_m_setdefault},
    {&DictClass, "update", dict_m_update},
    {&DictClass, "copy", dict_m_copy},
    {&DictClass, "clear", dict_m_clear},
    {&DictClass, "popitem", dict_m_popitem},
    {&IntClass, "bit_length", int_m_bit_length},
    {&FloatClass, "is_integer", float_m_is_integer},
};

void methods_init(void)
{
    /* Start from empty dicts: a previous run's were freed by obj_teardown. */
    for (size_t i = 0; i < sizeof method_defs / sizeof method_defs[0]; i++)
        method_defs[i].cls->dict = NULL;
    for (size_t i = 0; i < sizeof method_defs / sizeof method_defs[0]; i++)
        class_add_method(method_defs[i].cls, method_defs[i].name, method_defs[i].fn);
    Obj *fromkeys = builtin_new("fromkeys", dict_m_fromkeys, (Obj *)&DictClass);
    dict_set_c(DictClass.dict, "fromkeys", fromkeys);
    DECREF(fromkeys);
}
