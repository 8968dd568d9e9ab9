/* builtins.c: the builtins namespace.
 * Owns: the built-in functions (print, len, sorted, min, max, ...), the
 * constructors of the built-in classes (int(), str(), list(), range() ...,
 * set as Class.ctor so that the class objects themselves are registered
 * and work with isinstance), the exception classes' constructors and their
 * attribute hook (e.args, eg.exceptions, stop.value).
 * Leaves to others: operator semantics (ops.c), iterators (iter.c), the
 * types' methods and sorting (methods.c), number parsing and formatting
 * (format.c), calling Python functions (vm.c). */
#include "builtins.h"

#include "../objects/bytes.h"
#include "../objects/exgroup.h"
#include "../objects/format.h"
#include "../objects/iter.h"
#include "../objects/klass.h"
#include "../objects/methods.h"
#include "../objects/ops.h"
#include "../objects/set.h"
#include "../objects/text.h"
#include "vm.h"
#include "../front/pyver.h"

#include <math.h>
#include <string.h>

#define OVERFLOW_MSG "integer overflow: loopscope integers are 64-bit"

/* ------------------------------------------------------ argument checks */




/* Split keywords from kwnames into the named slots; unknown names give
 * CPython's "'x' is an invalid keyword argument for f()". */
static bool take_keywords(const char *fname, Obj **args, int nargs, Obj *kwnames, const char *const *names,
                          Obj **out)
{
    int n = 0;
    while (names[n])
        n++;
    for (int i = 0; i < n; i++)
        out[i] = NULL;
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    for (int k = 0; k < nkw; k++) {
        Obj *name = TUP_ITEMS(kwnames)[k];
        int j;
        for (j = 0; j < n; j++)
            if (str_eq_c(name, names[j]))
                break;
        if (j == n) {
            err_format(&TypeErrorClass, "'%s' is an invalid keyword argument for %s()", STR_S(name), fname);
            return false;
        }
        out[j] = args[nargs + k];
    }
    return true;
}

/* An int argument (int or bool) as int64; TypeError otherwise. */
static bool as_index(Obj *o, int64_t *out)
{
    if (!is_int(o)) {
        err_format(&TypeErrorClass, "'%s' object cannot be interpreted as an integer", obj_type_name(o));
        return false;
    }
    *out = INT_V(o);
    return true;
}

/* A float that must become an int: int(), round(). */
static Obj *int_from_double(double d)
{
    if (isinf(d))
        return err_null(&OverflowErrorClass, "cannot convert float infinity to integer");
    if (isnan(d))
        return err_null(&ValueErrorClass, "cannot convert float NaN to integer");
    if (d >= 9223372036854775808.0 || d < -9223372036854775808.0)
        return err_null(&OverflowErrorClass, OVERFLOW_MSG);
    return int_new((int64_t)d);
}

/* A new list of iterable's items, or NULL. */
static Obj *list_from(Obj *iterable)
{
    Obj *l = list_new(0);
    Obj *it = obj_iter(iterable);
    if (!it) {
        DECREF(l);
        return NULL;
    }
    Obj *v;
    while ((v = obj_next(it))) {
        list_append_steal(l, v);
        if (!op_check_size(LIST_N(l)))
            break;
    }
    DECREF(it);
    if (err_occurred()) {
        DECREF(l);
        return NULL;
    }
    return l;
}

/* ---------------------------------------------------------------- print */

static bool print_sep(const char *name, Obj *v, Buf *out, const char *dflt)
{
    if (!v || v == None) {
        buf_puts(out, dflt);
        return true;
    }
    if (!IS(v, StrClass)) {
        err_format(&TypeErrorClass, "%s must be None or a string, not %s", name, obj_type_name(v));
        return false;
    }
    buf_putn(out, STR_S(v), STR_LEN(v));
    return true;
}

static Obj *bi_print(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    Obj *kw[4];
    if (!take_keywords("print", args, nargs, kwnames, names, kw))
        return NULL;
    /* file=: an object with a write method (sys.stdout, sys.stderr, a
     * simulated file); there is no host file to print to */
    Obj *file = kw[2] && kw[2] != None ? kw[2] : NULL;
    if (file && !(CLS(file)->heap && klass_special(file, "write")))
        return err_null(&TypeErrorClass, "print(file=...) is not supported by loopscope");
    Buf sep, text;
    buf_init(&sep);
    buf_init(&text);
    if (!print_sep("sep", kw[0], &sep, " "))
        goto fail;
    if (file) {
        /* as CPython: file.write(str(arg)), with file.write(sep) between and file.write(end) after */
        for (int i = 0; i <= nargs; i++) {
            Buf piece;
            buf_init(&piece);
            bool ok = i == nargs ? print_sep("end", kw[1], &piece, "\n") : obj_str(args[i], &piece) >= 0;
            Obj *parts[2] = {i > 0 && i < nargs ? str_new(sep.s, sep.len) : NULL,
                             ok ? str_new(piece.s, piece.len) : NULL};
            buf_free(&piece);
            for (int k = 0; k < 2 && ok; k++) {
                Obj *r = parts[k] ? klass_call_special(file, "write", &parts[k], 1) : None;
                if (!r)
                    ok = false;
                else if (parts[k])
                    DECREF(r);
            }
            XDECREF(parts[0]);
            XDECREF(parts[1]);
            if (!ok)
                goto fail;
        }
        buf_free(&sep);
        buf_free(&text);
        return none_new();
    }
    for (int i = 0; i < nargs; i++) {
        if (i)
            buf_putn(&text, sep.s, sep.len);
        if (obj_str(args[i], &text) < 0)
            goto fail;
    }
    if (!print_sep("end", kw[1], &text, "\n"))
        goto fail;
    vm_print(text.s, text.len);
    buf_free(&sep);
    buf_free(&text);
    return none_new();
fail:
    buf_free(&sep);
    buf_free(&text);
    return NULL;
}

/* ------------------------------------------------- simple one-arg ones */

static Obj *bi_len(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("len", nargs, kwnames))
        return NULL;
    int64_t n = obj_len(args[0]);
    return n < 0 ? NULL : int_new(n);
}

static Obj *bi_repr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("repr", nargs, kwnames))
        return NULL;
    return obj_repr_new(args[0]);
}

static Obj *bi_abs(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("abs", nargs, kwnames))
        return NULL;
    Obj *x = args[0];
    if (is_int(x)) {
        int64_t v = INT_V(x);
        if (v == INT64_MIN)
            return err_null(&OverflowErrorClass, OVERFLOW_MSG);
        return int_new(v < 0 ? -v : v);
    }
    if (IS(x, FloatClass))
        return float_new(fabs(FLOAT_V(x)));
    return err_null(&TypeErrorClass, "bad operand type for abs(): '%s'", obj_type_name(x));
}

/* any() and all(): stop at the first item whose truth is `stop_on`. */
static Obj *any_all(const char *fname, Obj **args, int nargs, Obj *kwnames, bool stop_on)
{
    if (!vm_one_arg(fname, nargs, kwnames))
        return NULL;
    Obj *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    Obj *v;
    while ((v = obj_next(it))) {
        int t = obj_truth(v);
        DECREF(v);
        if (t < 0) {
            DECREF(it);
            return NULL;
        }
        if ((t != 0) == stop_on) {
            DECREF(it);
            return bool_new(stop_on);
        }
    }
    DECREF(it);
    return err_occurred() ? NULL : bool_new(!stop_on);
}

static Obj *bi_any(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return any_all("any", args, nargs, kwnames, true);
}

static Obj *bi_all(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return any_all("all", args, nargs, kwnames, false);
}

/* ------------------------------------------------------- isinstance */

static bool is_class(Obj *o)
{
    return IS(o, ClassClass);
}

/* The library's stand-ins for CPython's subclasses of built-in types
 * (collections' Counter for dict, a namedtuple for tuple, an IntEnum for
 * int) name that type as the class attribute _builtin_base_: isinstance
 * and issubclass count it, nothing else does (the object is not a dict). */
static int builtin_stand_in(Class *c, Class *spec)
{
    if (!c->heap || spec->heap)
        return 0;
    Obj *b = class_lookup(c, str_intern("_builtin_base_"));
    return b && is_class(b) && !((Class *)b)->heap && class_is_sub((Class *)b, spec);
}

/* 1, 0, or -1 with TypeError (fname: isinstance or issubclass). */
static int class_matches(const char *fname, Class *c, Obj *spec)
{
    if (is_class(spec))
        return class_is_sub(c, (Class *)spec) || builtin_stand_in(c, (Class *)spec);
    if (IS(spec, TupleClass)) {
        for (size_t i = 0; i < TUP_N(spec); i++) {
            int r = class_matches(fname, c, TUP_ITEMS(spec)[i]);
            if (r)
                return r;
        }
        return 0;
    }
    err_format(&TypeErrorClass, "%s() arg 2 must be a type, a tuple of types, or a union", fname);
    return -1;
}

static Obj *bi_isinstance(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("isinstance", nargs, kwnames, 2, 2))
        return NULL;
    int r = class_matches("isinstance", CLS(args[0]), args[1]);
    return r < 0 ? NULL : bool_new(r);
}

static Obj *bi_issubclass(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("issubclass", nargs, kwnames, 2, 2))
        return NULL;
    if (!is_class(args[0]))
        return err_null(&TypeErrorClass, "issubclass() arg 1 must be a class");
    int r = class_matches("issubclass", (Class *)args[0], args[1]);
    return r < 0 ? NULL : bool_new(r);
}

bool obj_callable(Obj *o)
{
    Class *c = CLS(o);
    if (c == &FuncClass || c == &BoundClass || c == &ClassClass)
        return true;
    if (c->heap)
        return klass_callable(o);
    for (; c; c = c->base)
        if (c->call)
            return true;
    return false;
}

static Obj *bi_callable(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("callable", nargs, kwnames))
        return NULL;
    return bool_new(obj_callable(args[0]));
}

/* ------------------------------------------------------------ sum/min/max */

static Obj *bi_sum(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"start", NULL};
    Obj *kw[1];
    if (nargs < 1)
        return err_null(&TypeErrorClass, "sum() takes at least 1 positional argument (0 given)");
    if (nargs > 2)
        return err_null(&TypeErrorClass, "sum() takes at most 2 arguments (%d given)", nargs);
    if (!take_keywords("sum", args, nargs, kwnames, names, kw))
        return NULL;
    Obj *start = nargs == 2 ? args[1] : kw[0];
    if (start && IS(start, StrClass))
        return err_null(&TypeErrorClass, "sum() can't sum strings [use ''.join(seq) instead]");
    Obj *it = obj_iter(args[0]);
    if (!it)
        return NULL;
    /* Ints add up in 128 bits, so only a total beyond 64 bits overflows
     * (CPython's ints never do); other values go through `+`. */
    __extension__ typedef __int128 i128;
    const i128 lim = (i128)1 << 100;
    bool int_mode = !start || IS(start, IntClass);
    i128 total = start && int_mode ? INT_V(start) : 0;
    Obj *acc = NULL;
    if (!int_mode) {
        INCREF(start);
        acc = start;
    }
    /* 3.12+ adds floats with Neumaier's compensation (sum([0.1] * 10) is
     * 1.0; 3.11's plain adds make it 0.9999999999999999): once the total
     * is a float, float items go into (fsum, comp), whole numbers into
     * fsum, and anything else ends it, the compensation added first */
    bool fmode = false, ftried = pyver_minor() < 12 || acc; /* CPython looks once: at a float start, */
    double fsum = 0, comp = 0;                                /* or after the first add past the ints */
    if (acc && IS(acc, FloatClass) && pyver_minor() >= 12) {
        fmode = true;
        fsum = FLOAT_V(acc);
        DECREF(acc);
        acc = NULL;
    }
    Obj *v;
    while ((v = obj_next(it))) {
        if (int_mode) {
            if (is_int(v) && total + INT_V(v) < lim && total + INT_V(v) > -lim) {
                total += INT_V(v);
                DECREF(v);
                continue;
            }
            int_mode = false;
            if (total > INT64_MAX || total < INT64_MIN) {
                DECREF(v);
                err_format(&OverflowErrorClass, OVERFLOW_MSG);
                break;
            }
            acc = int_new((int64_t)total);
        }
        if (fmode) {
            if (IS(v, FloatClass)) {
                double x = FLOAT_V(v), t = fsum + x;
                comp += fabs(fsum) >= fabs(x) ? (fsum - t) + x : (x - t) + fsum;
                fsum = t;
                DECREF(v);
                continue;
            }
            if (is_int(v)) {
                fsum += (double)int_value(v);
                DECREF(v);
                continue;
            }
            fmode = false;
            acc = float_new(comp != 0 && isfinite(comp) ? fsum + comp : fsum);
        }
        Obj *r = op_binary(OP_ADD, acc, v);
        DECREF(v);
        DECREF(acc);
        acc = r;
        if (!acc)
            break;
        if (!ftried) {
            ftried = true;
            if (IS(acc, FloatClass)) {
                fmode = true;
                fsum = FLOAT_V(acc);
                DECREF(acc);
                acc = NULL;
            }
        }
    }
    DECREF(it);
    if (err_occurred()) {
        XDECREF(acc);
        return NULL;
    }
    if (fmode)
        return float_new(comp != 0 && isfinite(comp) ? fsum + comp : fsum);
    if (int_mode) {
        if (total > INT64_MAX || total < INT64_MIN)
            return err_null(&OverflowErrorClass, OVERFLOW_MSG);
        return int_new((int64_t)total);
    }
    return acc;
}

static Obj *min_max(const char *fname, Obj **args, int nargs, Obj *kwnames, Op op)
{
    static const char *const names[] = {"key", "default", NULL};
    Obj *kw[2];
    if (!take_keywords(fname, args, nargs, kwnames, names, kw))
        return NULL;
    if (nargs == 0)
        return err_null(&TypeErrorClass, "%s expected at least 1 argument, got 0", fname);
    if (nargs > 1 && kw[1])
        return err_null(&TypeErrorClass,
                        "Cannot specify a default for %s() with multiple positional arguments", fname);
    Obj *key = kw[0] && kw[0] != None ? kw[0] : NULL;
    /* one iterable, or the positional arguments themselves, in order */
    Obj *it = NULL;
    if (nargs == 1 && !(it = obj_iter(args[0])))
        return NULL;
    Obj *best = NULL, *bestkey = NULL, *v;
    for (int i = 0; (v = it ? obj_next(it) : i < nargs ? (INCREF(args[i]), args[i]) : NULL); i++) {
        Obj *k = v;
        if (key) {
            k = vm_call1(key, v);
            if (!k) {
                DECREF(v);
                break;
            }
        } else {
            INCREF(k);
        }
        if (!best) {
            best = v;
            bestkey = k;
            continue;
        }
        Obj *c = op_compare(op, k, bestkey);
        int t = c ? obj_truth(c) : -1;
        XDECREF(c);
        if (t > 0) {
            SETREF(best, v);
            SETREF(bestkey, k);
        } else {
            DECREF(v);
            DECREF(k);
        }
        if (t < 0)
            break;
    }
    XDECREF(it);
    XDECREF(bestkey);
    if (err_occurred()) {
        XDECREF(best);
        return NULL;
    }
    if (!best) {
        if (kw[1]) {
            INCREF(kw[1]);
            return kw[1];
        }
        return err_null(&ValueErrorClass, "%s() arg is an empty sequence", fname);
    }
    return best;
}

static Obj *bi_min(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return min_max("min", args, nargs, kwnames, OP_LT);
}

static Obj *bi_max(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return min_max("max", args, nargs, kwnames, OP_GT);
}

/* ---------------------------------------------------------------- round */

/* round(x, ndigits) for an int with ndigits < 0: ties to even. */
static Obj *round_int(int64_t x, int64_t ndigits)
{
    if (ndigits >= 0)
        return int_new(x);
    if (ndigits < -38)
        return int_new(0);
    __extension__ typedef __int128 i128;
    i128 p = 1;
    for (int64_t i = 0; i < -ndigits; i++)
        p *= 10;
    i128 v = x, q = v / p, r = v % p;
    if (r < 0) {
        r += p;
        q -= 1;
    }
    /* now v = q*p + r with 0 <= r < p */
    if (2 * r > p || (2 * r == p && (q & 1)))
        q += 1;
    i128 res = q * p;
    if (res > INT64_MAX || res < INT64_MIN)
        return err_null(&OverflowErrorClass, OVERFLOW_MSG);
    return int_new((int64_t)res);
}

static Obj *bi_round(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"number", "ndigits", NULL};
    Obj *a[2];
    if (!vm_parse_args("round", args, nargs, kwnames, names, 1, a))
        return NULL;
    Obj *x = a[0], *nd = a[1] == None ? NULL : a[1];
    int64_t ndigits = 0;
    if (nd && !as_index(nd, &ndigits))
        return NULL;
    if (is_int(x)) {
        if (!nd)
            return int_new(INT_V(x));
        return round_int(INT_V(x), ndigits);
    }
    if (IS(x, FloatClass)) {
        double d = FLOAT_V(x);
        if (!nd)
            return int_from_double(fmt_round_half_even(d));
        long n = ndigits > 100000 ? 100000 : ndigits < -100000 ? -100000 : (long)ndigits;
        double out;
        if (!fmt_round(d, n, &out))
            return err_null(&OverflowErrorClass, "rounded value too large to represent");
        return float_new(out);
    }
    return err_null(&TypeErrorClass, "type %s doesn't define __round__ method", obj_type_name(x));
}

/* ----------------------------------------------------------- sequences */

static Obj *bi_sorted(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"key", "reverse", NULL};
    Obj *kw[2];
    if (nargs != 1) {
        return err_null(&TypeErrorClass, "sorted expected 1 argument, got %d", nargs);
    }
    if (!take_keywords("sort", args, nargs, kwnames, names, kw))
        return NULL;
    int reverse = 0;
    if (kw[1]) {
        if (!is_int(kw[1]))
            return err_null(&TypeErrorClass, "'%s' object cannot be interpreted as an integer",
                            obj_type_name(kw[1]));
        reverse = INT_V(kw[1]) != 0;
    }
    Obj *l = list_from(args[0]);
    if (!l)
        return NULL;
    if (list_sort(l, kw[0], reverse) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

static Obj *bi_zip(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"strict", NULL};
    Obj *kw[1];
    if (!take_keywords("zip", args, nargs, kwnames, names, kw))
        return NULL;
    int strict = 0;
    if (kw[0] && (strict = obj_truth(kw[0])) < 0)
        return NULL;
    return zip_new(args, nargs, strict);
}

static Obj *bi_enumerate(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"iterable", "start", NULL};
    Obj *a[2];
    if (!vm_parse_args("enumerate", args, nargs, kwnames, names, 0, a))
        return NULL;
    if (!a[0])
        return err_null(&TypeErrorClass, "enumerate() missing required argument 'iterable'");
    int64_t start = 0;
    if (a[1] && !as_index(a[1], &start))
        return NULL;
    return enumerate_new(a[0], start);
}

static Obj *bi_reversed(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("reversed", nargs, kwnames, 1, 1))
        return NULL;
    return reversed_new(args[0]);
}

static Obj *bi_map(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_no_keywords("map", kwnames))
        return NULL;
    if (nargs < 2)
        return err_null(&TypeErrorClass, "map() must have at least two arguments.");
    return map_new(args[0], args + 1, nargs - 1);
}

static Obj *bi_filter(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("filter", nargs, kwnames, 2, 2))
        return NULL;
    return filter_new(args[0], args[1]);
}

static Obj *bi_iter(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("iter", nargs, kwnames, 1, 1))
        return NULL;
    return obj_iter(args[0]);
}

static Obj *bi_next(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("next", nargs, kwnames, 1, 2))
        return NULL;
    Obj *it = args[0];
    if (!IS(it, IterClass) && !IS(it, GenClass))
        return err_null(&TypeErrorClass, "'%s' object is not an iterator", obj_type_name(it));
    Obj *v = obj_next(it);
    if (v || err_occurred())
        return v;
    if (nargs == 2) {
        INCREF(args[1]);
        return args[1];
    }
    err_set(exc_new(&StopIterationClass, NULL));
    return NULL;
}

/* ------------------------------------------------------------- numbers */

static Obj *bi_divmod(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("divmod", nargs, kwnames, 2, 2))
        return NULL;
    Obj *a = args[0], *b = args[1];
    bool num_a = is_int(a) || IS(a, FloatClass), num_b = is_int(b) || IS(b, FloatClass);
    if (!num_a || !num_b)
        return err_null(&TypeErrorClass, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                        obj_type_name(a), obj_type_name(b));
    if (!(is_int(a) && is_int(b)) && (is_int(b) ? INT_V(b) == 0 : FLOAT_V(b) == 0.0))
        return err_null(&ZeroDivisionErrorClass, "float divmod()");
    Obj *q = op_binary(OP_FLOORDIV, a, b);
    if (!q)
        return NULL;
    Obj *m = op_binary(OP_MOD, a, b);
    if (!m) {
        DECREF(q);
        return NULL;
    }
    Obj *t = tuple_pack(2, q, m);
    DECREF(q);
    DECREF(m);
    return t;
}

static Obj *bi_pow(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"base", "exp", "mod", NULL};
    Obj *a[3];
    if (!vm_parse_args("pow", args, nargs, kwnames, names, 2, a))
        return NULL;
    if (!a[2] || a[2] == None)
        return op_binary(OP_POW, a[0], a[1]);
    if (!is_int(a[0]) || !is_int(a[1]) || !is_int(a[2]))
        return err_null(&TypeErrorClass, "pow() 3rd argument not allowed unless all arguments are integers");
    __extension__ typedef __int128 i128;
    i128 m = INT_V(a[2]), base = INT_V(a[0]);
    int64_t e = INT_V(a[1]);
    if (m == 0)
        return err_null(&ValueErrorClass, "pow() 3rd argument cannot be 0");
    bool neg = m < 0;
    if (neg)
        m = -m;
    base %= m;
    if (base < 0)
        base += m;
    if (e < 0) {
        /* modular inverse by the extended Euclidean algorithm */
        i128 t = 0, newt = 1, r = m, newr = base;
        while (newr) {
            i128 q = r / newr, tmp = t - q * newt;
            t = newt;
            newt = tmp;
            tmp = r - q * newr;
            r = newr;
            newr = tmp;
        }
        if (r != 1)
            return err_null(&ValueErrorClass, "base is not invertible for the given modulus");
        base = t < 0 ? t + m : t;
        e = e == INT64_MIN ? INT64_MAX : -e; /* INT64_MIN only matters for huge moduli */
    }
    i128 result = 1 % m;
    while (e) {
        if (e & 1)
            result = result * base % m;
        base = base * base % m;
        e >>= 1;
    }
    if (neg && result)
        result -= m;
    return int_new((int64_t)result);
}

static Obj *bi_chr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("chr", nargs, kwnames))
        return NULL;
    int64_t cp;
    if (!as_index(args[0], &cp))
        return NULL;
    if (cp < 0 || cp > 0x10FFFF)
        return err_null(&ValueErrorClass, "chr() arg not in range(0x110000)");
    Buf b;
    buf_init(&b);
    text_utf8_append(&b, (uint32_t)cp);
    Obj *r = str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

static Obj *bi_ord(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("ord", nargs, kwnames))
        return NULL;
    Obj *s = args[0];
    if (!IS(s, StrClass))
        return err_null(&TypeErrorClass, "ord() expected string of length 1, but %s found", obj_type_name(s));
    if (((StrObj *)s)->ncp != 1)
        return err_null(&TypeErrorClass, "ord() expected a character, but string of length %zu found",
                        ((StrObj *)s)->ncp);
    uint32_t cp = (unsigned char)STR_S(s)[0];
    text_utf8_decode(STR_S(s), STR_LEN(s), &cp);
    return int_new(cp);
}

/* hex(), oct(), bin(): format(x, '#x') and friends. */
static Obj *int_radix(const char *fname, const char *spec, Obj **args, int nargs, Obj *kwnames)
{
    if (!vm_one_arg(fname, nargs, kwnames))
        return NULL;
    int64_t v;
    if (!as_index(args[0], &v))
        return NULL;
    Buf b;
    buf_init(&b);
    char err[128];
    fmt_format_int(v, spec, strlen(spec), &b, err, sizeof err);
    Obj *r = str_new(b.s, b.len);
    buf_free(&b);
    return r;
}

static Obj *bi_hex(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return int_radix("hex", "#x", args, nargs, kwnames);
}

static Obj *bi_oct(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return int_radix("oct", "#o", args, nargs, kwnames);
}

static Obj *bi_bin(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    return int_radix("bin", "#b", args, nargs, kwnames);
}

static Obj *bi_format(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("format", nargs, kwnames, 1, 2))
        return NULL;
    if (nargs == 2 && !IS(args[1], StrClass))
        return err_null(&TypeErrorClass, "format() argument 2 must be str, not %s", obj_type_name(args[1]));
    if (nargs == 2)
        return op_format(args[0], args[1]);
    Obj *empty = str_new("", 0);
    Obj *r = op_format(args[0], empty);
    DECREF(empty);
    return r;
}

static Obj *bi_hash(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("hash", nargs, kwnames))
        return NULL;
    int64_t h = obj_hash(args[0]);
    if (h == -1 && err_occurred())
        return NULL;
    return int_new(h);
}

static Obj *bi_id(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_one_arg("id", nargs, kwnames))
        return NULL;
    /* CPython's id is an address; loopscope's must not vary between runs:
     * an instance's is the address its default repr prints; other objects
     * get their allocation number in another range, and static ones (None,
     * builtins, classes) their offset from None, fixed for a given binary. */
    Obj *o = args[0];
    Class *c = CLS(o);
    if ((c->heap && !c->is_exception) || c == &ObjectClass)
        return int_new((int64_t)(0x7f0000000000ULL + ((InstanceObj *)o)->serial * 0x30));
    if (o->serial)
        return int_new((int64_t)(0x7f1000000000ULL + o->serial * 0x10));
    return int_new((int64_t)0x7e8000000000LL + (int64_t)((intptr_t)o - (intptr_t)None));
}

/* ----------------------------------------------------------- attributes */

static bool attr_name(Obj *name)
{
    if (!IS(name, StrClass)) {
        err_format(&TypeErrorClass, "attribute name must be string, not '%s'", obj_type_name(name));
        return false;
    }
    return true;
}

static Obj *bi_getattr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("getattr", nargs, kwnames, 2, 3) || !attr_name(args[1]))
        return NULL;
    Obj *v = obj_getattr(args[0], args[1]);
    if (!v && nargs == 3 && err_matches(&AttributeErrorClass)) {
        err_clear();
        INCREF(args[2]);
        return args[2];
    }
    return v;
}

static Obj *bi_hasattr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("hasattr", nargs, kwnames, 2, 2) || !attr_name(args[1]))
        return NULL;
    Obj *v = obj_getattr(args[0], args[1]);
    if (v) {
        DECREF(v);
        return bool_new(true);
    }
    if (err_matches(&AttributeErrorClass)) {
        err_clear();
        return bool_new(false);
    }
    return NULL;
}

static Obj *bi_setattr(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("setattr", nargs, kwnames, 3, 3) || !attr_name(args[1]))
        return NULL;
    return obj_setattr(args[0], args[1], args[2]) < 0 ? NULL : none_new();
}

/* ------------------------------------------------------ class constructors */

static Obj *int_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"base", NULL};
    Obj *kw[1];
    if (nargs > 2)
        return err_null(&TypeErrorClass, "int() takes at most 2 arguments (%d given)", nargs);
    if (!take_keywords("int", args, nargs, kwnames, names, kw))
        return NULL;
    Obj *x = nargs >= 1 ? args[0] : NULL;
    Obj *base_obj = nargs == 2 ? args[1] : kw[0];
    if (!x) {
        if (base_obj)
            return err_null(&TypeErrorClass, "int() missing string argument");
        return int_new(0);
    }
    int64_t base = 10;
    if (base_obj) {
        if (!as_index(base_obj, &base))
            return NULL;
        if (!IS(x, StrClass) && !IS(x, BytesClass))
            return err_null(&TypeErrorClass, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            return err_null(&ValueErrorClass, "int() base must be >= 2 and <= 36, or 0");
    }
    if (IS(x, StrClass) || IS(x, BytesClass)) { /* int(b'12') too, as CPython */
        int64_t v;
        bool text = IS(x, StrClass);
        int r = text ? fmt_parse_int(STR_S(x), STR_LEN(x), (int)base, &v)
                     : fmt_parse_int((const char *)BYTES_S(x), BYTES_LEN(x), (int)base, &v);
        if (r == 1)
            return int_new(v);
        if (r < 0)
            return err_null(&OverflowErrorClass, OVERFLOW_MSG);
        Buf b;
        buf_init(&b);
        if (text)
            fmt_str_repr(STR_S(x), STR_LEN(x), &b);
        else
            obj_repr(x, &b);
        if (b.len > 200) {
            /* %.200R: the repr cut at 200 code points */
            size_t off = text_offset(b.s, b.len, 200);
            b.len = off;
            b.s[off] = '\0';
        }
        err_format(&ValueErrorClass, "invalid literal for int() with base %d: %s", (int)base, b.s);
        buf_free(&b);
        return NULL;
    }
    if (is_int(x))
        return int_new(INT_V(x));
    if (IS(x, FloatClass))
        return int_from_double(trunc(FLOAT_V(x)));
    return err_null(&TypeErrorClass,
                    "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                    obj_type_name(x));
}

static Obj *float_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("float", nargs, kwnames, 0, 1))
        return NULL;
    if (nargs == 0)
        return float_new(0.0);
    Obj *x = args[0];
    if (IS(x, FloatClass)) {
        INCREF(x);
        return x;
    }
    if (is_int(x))
        return float_new((double)INT_V(x));
    if (IS(x, StrClass) || IS(x, BytesClass)) { /* float(b'1.5') too, as CPython */
        double d;
        bool text = IS(x, StrClass);
        if (text ? fmt_parse_float(STR_S(x), STR_LEN(x), &d)
                 : fmt_parse_float((const char *)BYTES_S(x), BYTES_LEN(x), &d))
            return float_new(d);
        Buf b;
        buf_init(&b);
        if (text)
            fmt_str_repr(STR_S(x), STR_LEN(x), &b);
        else
            obj_repr(x, &b);
        err_format(&ValueErrorClass, "could not convert string to float: %s", b.s);
        buf_free(&b);
        return NULL;
    }
    return err_null(&TypeErrorClass, "float() argument must be a string or a real number, not '%s'",
                    obj_type_name(x));
}

static Obj *str_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    static const char *const names[] = {"object", "encoding", "errors", NULL};
    Obj *a[3];
    if (!vm_parse_args("str", args, nargs, kwnames, names, 0, a))
        return NULL;
    if (a[0] && (a[1] || a[2])) {
        if (IS(a[0], BytesClass))
            return bytes_decode_obj(a[0], a[1], a[2]);
        if (IS(a[0], StrClass))
            return err_null(&TypeErrorClass, "decoding str is not supported");
        return err_null(&TypeErrorClass, "decoding to str: need a bytes-like object, %s found",
                        obj_type_name(a[0]));
    }
    if (!a[0])
        return str_new("", 0);
    return obj_str_new(a[0]);
}

static Obj *bool_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_range_nargs("bool", nargs, kwnames, 0, 1))
        return NULL;
    if (nargs == 0)
        return bool_new(false);
    int t = obj_truth(args[0]);
    return t < 0 ? NULL : bool_new(t);
}

static Obj *list_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_no_keywords("list", kwnames) || !vm_range_nargs("list", nargs, NULL, 0, 1))
        return NULL;
    if (nargs == 0)
        return list_new(0);
    return list_from(args[0]);
}

static Obj *tuple_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_no_keywords("tuple", kwnames) || !vm_range_nargs("tuple", nargs, NULL, 0, 1))
        return NULL;
    if (nargs == 0)
        return tuple_new(0);
    if (IS(args[0], TupleClass)) {
        INCREF(args[0]);
        return args[0];
    }
    Obj *l = list_from(args[0]);
    if (!l)
        return NULL;
    Obj *t = tuple_new(LIST_N(l));
    for (size_t i = 0; i < LIST_N(l); i++) {
        INCREF(LIST_ITEMS(l)[i]);
        TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
    }
    DECREF(l);
    return t;
}

static Obj *dict_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (nargs > 1)
        return err_null(&TypeErrorClass, "dict expected at most 1 argument, got %d", nargs);
    Obj *d = dict_new();
    if (nargs == 1 && dict_update(d, args[0]) < 0) {
        DECREF(d);
        return NULL;
    }
    int nkw = kwnames ? (int)TUP_N(kwnames) : 0;
    for (int k = 0; k < nkw; k++)
        dict_set(d, TUP_ITEMS(kwnames)[k], args[nargs + k]);
    return d;
}

static Obj *range_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (!vm_no_keywords("range", kwnames) || !vm_range_nargs("range", nargs, NULL, 1, 3))
        return NULL;
    int64_t v[3] = {0, 0, 1};
    for (int i = 0; i < nargs; i++)
        if (!as_index(args[i], &v[i]))
            return NULL;
    if (nargs == 1)
        return range_new(0, v[0], 1);
    if (v[2] == 0)
        return err_null(&ValueErrorClass, "range() arg 3 must not be zero");
    return range_new(v[0], v[1], v[2]);
}

static Obj *type_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    (void)self;
    if (nargs != 1 || (kwnames && TUP_N(kwnames))) {
        if (nargs == 3)
            return err_null(&TypeErrorClass, "type() with 3 arguments is not supported by loopscope");
        return err_null(&TypeErrorClass, "type() takes 1 or 3 arguments");
    }
    Obj *c = (Obj *)CLS(args[0]);
    INCREF(c);
    return c;
}

/* ----------------------------------------------------------- exceptions */

static Obj *exc_ctor(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    Class *cls = (Class *)self;
    if (kwnames && TUP_N(kwnames))
        return err_null(&TypeErrorClass, "%s() takes no keyword arguments", cls->name);
    Obj *t = tuple_new((size_t)nargs);
    for (int i = 0; i < nargs; i++) {
        INCREF(args[i]);
        TUP_ITEMS(t)[i] = args[i];
    }
    Obj *e = exc_new(cls, t);
    DECREF(t);
    if (class_is_sub(cls, &StopIterationClass) && nargs > 0) {
        INCREF(args[0]);
        ((ExcObj *)e)->extra = args[0];
    }
    return e;
}

static Obj *new_ref_or_none(Obj *o)
{
    if (!o)
        return none_new();
    INCREF(o);
    return o;
}

/* Class.getattr hook of every exception class: instance data. */
static Obj *exc_getattr(Obj *o, Obj *name)
{
    ExcObj *e = (ExcObj *)o;
    if (e->attrs) {
        Obj *v = dict_get(e->attrs, name);
        if (v) {
            INCREF(v);
            return v;
        }
    }
    if (str_eq_c(name, "args"))
        return new_ref_or_none(e->args);
    if (str_eq_c(name, "__cause__"))
        return new_ref_or_none(e->cause);
    if (str_eq_c(name, "__context__"))
        return new_ref_or_none(e->context);
    if (str_eq_c(name, "__suppress_context__"))
        return bool_new(e->suppress_context);
    if (obj_isinstance(o, &StopIterationClass) && str_eq_c(name, "value"))
        return new_ref_or_none(e->extra);
    if (obj_isinstance(o, &BaseExceptionGroupClass)) {
        if (str_eq_c(name, "message"))
            return new_ref_or_none(TUP_N(e->args) ? TUP_ITEMS(e->args)[0] : NULL);
        if (str_eq_c(name, "exceptions"))
            return new_ref_or_none(e->extra);
    }
    return err_null(&AttributeErrorClass, "'%s' object has no attribute '%s'", CLS(o)->name, STR_S(name));
}

/* ----------------------------------------------------------------- init */

typedef struct BuiltinDef {
    const char *name;
    CFunc fn;
} BuiltinDef;

static const BuiltinDef builtin_defs[] = {
    {"print", bi_print},       {"len", bi_len},           {"repr", bi_repr},
    {"abs", bi_abs},           {"any", bi_any},           {"all", bi_all},
    {"isinstance", bi_isinstance}, {"issubclass", bi_issubclass}, {"callable", bi_callable},
    {"sum", bi_sum},           {"min", bi_min},           {"max", bi_max},
    {"round", bi_round},       {"sorted", bi_sorted},     {"zip", bi_zip},
    {"enumerate", bi_enumerate}, {"reversed", bi_reversed}, {"map", bi_map},
    {"filter", bi_filter},     {"iter", bi_iter},         {"next", bi_next},
    {"divmod", bi_divmod},     {"pow", bi_pow},           {"chr", bi_chr},
    {"ord", bi_ord},           {"hex", bi_hex},           {"oct", bi_oct},
    {"bin", bi_bin},           {"format", bi_format},     {"hash", bi_hash},
    {"id", bi_id},             {"getattr", bi_getattr},   {"hasattr", bi_hasattr},
    {"setattr", bi_setattr},
};

static void register_class(Obj *dict, const char *name, Class *c, CFunc ctor)
{
    class_init(c);
    if (ctor)
        c->ctor = ctor;
    dict_set_c(dict, name, (Obj *)c);
}

void builtins_init(Obj *builtins_dict)
{
    obj_init();
    iter_init();
    set_init();
    methods_init();
    bytes_init();
    klass_init(builtins_dict);
    for (size_t i = 0; i < sizeof builtin_defs / sizeof builtin_defs[0]; i++) {
        Obj *b = builtin_new(builtin_defs[i].name, builtin_defs[i].fn, NULL);
        dict_set_c(builtins_dict, builtin_defs[i].name, b);
        DECREF(b);
    }
    register_class(builtins_dict, "int", &IntClass, int_ctor);
    register_class(builtins_dict, "bool", &BoolClass, bool_ctor);
    register_class(builtins_dict, "float", &FloatClass, float_ctor);
    register_class(builtins_dict, "str", &StrClass, str_ctor);
    register_class(builtins_dict, "bytes", &BytesClass, NULL);
    register_class(builtins_dict, "list", &ListClass, list_ctor);
    register_class(builtins_dict, "tuple", &TupleClass, tuple_ctor);
    register_class(builtins_dict, "dict", &DictClass, dict_ctor);
    register_class(builtins_dict, "range", &RangeClass, range_ctor);
    register_class(builtins_dict, "set", &SetClass, set_ctor);
    register_class(builtins_dict, "frozenset", &FrozenSetClass, set_ctor);
    register_class(builtins_dict, "type", &ClassClass, type_ctor);
    register_class(builtins_dict, "object", &ObjectClass, NULL);

    Class *excs[] = {
        &BaseExceptionClass, &ExceptionClass, &ArithmeticErrorClass, &ZeroDivisionErrorClass,
        &OverflowErrorClass, &ValueErrorClass, &UnicodeErrorClass, &TypeErrorClass, &NameErrorClass,
        &UnboundLocalErrorClass, &AttributeErrorClass, &LookupErrorClass, &KeyErrorClass,
        &IndexErrorClass, &RuntimeErrorClass, &RecursionErrorClass, &NotImplementedErrorClass,
        &StopIterationClass, &StopAsyncIterationClass, &AssertionErrorClass, &OSErrorClass,
        &TimeoutErrorClass, &MemoryErrorClass, &GeneratorExitClass, &KeyboardInterruptClass,
        &SystemExitClass, &BaseExceptionGroupClass, &ExceptionGroupClass,
    };
    for (size_t i = 0; i < sizeof excs / sizeof excs[0]; i++) {
        Class *c = excs[i];
        bool group = c == &BaseExceptionGroupClass || c == &ExceptionGroupClass;
        register_class(builtins_dict, c->name, c, group ? exgroup_ctor : exc_ctor);
    }
    /* The hook on every exception class, including the ones only src/sim
     * exposes (CancelledError, InvalidStateError) and LimitError. */
    Class *hooked[] = {&BaseExceptionClass, &CancelledErrorClass, &InvalidStateErrorClass, &LimitErrorClass};
    for (size_t i = 0; i < sizeof excs / sizeof excs[0]; i++)
        excs[i]->getattr = exc_getattr;
    for (size_t i = 0; i < sizeof hooked / sizeof hooked[0]; i++) {
        hooked[i]->getattr = exc_getattr;
        if (!hooked[i]->ctor)
            hooked[i]->ctor = exc_ctor;
    }
    exctree_init(builtins_dict, exc_ctor, exc_getattr);
}
