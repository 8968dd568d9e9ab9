/* ops.c: what Python's operators do to built-in values.
 * Owns: arithmetic (64-bit ints with overflow detection, floats with
 * CPython's floor-division, modulo and power rules), sequence
 * concatenation and repetition, printf-style str % args, comparison and
 * ordering, membership, subscripts and slices, len(), format(), the size
 * limit on built values, and attribute lookup (obj_getattr/obj_setattr)
 * including method binding.
 * Leaves to others: iterators and views (iter.c), method bodies
 * (methods.c), number and str formatting (format.c), the exception
 * attribute hook (builtins.c). Every error message is CPython 3.11's. */
#include "ops.h"
#include "alias.h"

#include "format.h"
#include "iter.h"
#include "klass.h"
#include "set.h"
#include "text.h"
#include "../vm/vm.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define OVERFLOW_MSG "integer overflow: loopscope integers are 64-bit"

static Obj *int_overflow(void)
{
    return err_null(&OverflowErrorClass, OVERFLOW_MSG);
}

static bool is_number(Obj *o)
{
    return is_int(o) || IS(o, FloatClass);
}

static double num_double(Obj *o)
{
    return is_int(o) ? (double)INT_V(o) : FLOAT_V(o);
}

static const char *op_symbol(Op op)
{
    switch (op) {
    case OP_ADD: return "+";
    case OP_SUB: return "-";
    case OP_MUL: return "*";
    case OP_DIV: return "/";
    case OP_FLOORDIV: return "//";
    case OP_MOD: return "%";
    case OP_POW: return "**";
    case OP_LSHIFT: return "<<";
    case OP_RSHIFT: return ">>";
    case OP_BITAND: return "&";
    case OP_BITOR: return "|";
    case OP_BITXOR: return "^";
    case OP_MATMUL: return "@";
    case OP_NEG: return "-";
    case OP_POS: return "+";
    case OP_INVERT: return "~";
    case OP_EQ: return "==";
    case OP_NE: return "!=";
    case OP_LT: return "<";
    case OP_LE: return "<=";
    case OP_GT: return ">";
    case OP_GE: return ">=";
    default: return "?";
    }
}

static Obj *binop_unsupported(Op op, Obj *a, Obj *b, bool inplace)
{
    if (op == OP_POW && !inplace)
        return err_null(&TypeErrorClass, "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                        obj_type_name(a), obj_type_name(b));
    return err_null(&TypeErrorClass, "unsupported operand type(s) for %s%s: '%s' and '%s'",
                    op_symbol(op), inplace ? "=" : "", obj_type_name(a), obj_type_name(b));
}

bool op_check_size(size_t n)
{
    const VMLimits *lim = vm_limits();
    if (lim && lim->max_items && n > lim->max_items) {
        err_format(&LimitErrorClass,
                   "the scenario built a value of %zu items; loopscope's limit is %zu (raise it with --max-items)",
                   n, lim->max_items);
        return false;
    }
    if (n > ((size_t)1 << 32)) {
        err_set(exc_new(&MemoryErrorClass, NULL));
        return false;
    }
    /* check the memory cap before building it */
    if (!vm_memory_ok(n))
        return false;
    return true;
}

/* n * k as a size, or false (with the limit error set) when too large. */
static bool size_product(size_t n, int64_t k, size_t *out)
{
    if (k <= 0 || n == 0) {
        *out = 0;
        return true;
    }
    size_t r;
    if (__builtin_mul_overflow(n, (uint64_t)k, &r)) {
        err_set(exc_new(&MemoryErrorClass, NULL));
        return false;
    }
    *out = r;
    return op_check_size(r);
}

/* ---------------------------------------------------------------- ints */

/* a / b correctly rounded, as CPython's true division of ints. */
static double int_true_div(int64_t a, int64_t b)
{
    bool neg = (a < 0) != (b < 0);
    uint64_t na = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
    uint64_t nb = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
    const uint64_t exact = (uint64_t)1 << 53;
    double r;
    if (na <= exact && nb <= exact) {
        r = (double)na / (double)nb;
    } else if (na == 0) {
        r = 0.0;
    } else {
        /* Scale so the integer quotient has 55-56 bits, fold the remainder
         * into a sticky bit, and let the conversion to double round once. */
        __extension__ typedef unsigned __int128 u128;
        int ba = 64 - __builtin_clzll(na), bb = 64 - __builtin_clzll(nb);
        int shift = 55 + bb - ba;
        u128 num = na, den = nb;
        if (shift >= 0)
            num <<= shift;
        else
            den <<= -shift;
        u128 q = num / den;
        uint64_t q64 = (uint64_t)q | (num % den != 0);
        r = ldexp((double)q64, -shift);
    }
    return neg ? -r : r;
}

static Obj *float_pow(double iv, double iw);

static bool is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

static Obj *int_pow(int64_t a, int64_t b)
{
    if (b < 0)
        return float_pow((double)a, (double)b);
    int64_t result = 1, base = a;
    uint64_t e = (uint64_t)b;
    while (e) {
        if (e & 1) {
            if (__builtin_mul_overflow(result, base, &result))
                return int_overflow();
        }
        e >>= 1;
        if (e && __builtin_mul_overflow(base, base, &base))
            return int_overflow();
    }
    return int_new(result);
}

/* Both operands are int or bool. */
static Obj *int_binary(Op op, Obj *ao, Obj *bo)
{
    int64_t a = INT_V(ao), b = INT_V(bo), r;
    bool both_bool = IS(ao, BoolClass) && IS(bo, BoolClass);
    switch (op) {
    case OP_ADD:
        if (__builtin_add_overflow(a, b, &r))
            return int_overflow();
        return int_new(r);
    case OP_SUB:
        if (__builtin_sub_overflow(a, b, &r))
            return int_overflow();
        return int_new(r);
    case OP_MUL:
        if (__builtin_mul_overflow(a, b, &r))
            return int_overflow();
        return int_new(r);
    case OP_DIV:
        if (b == 0)
            return err_null(&ZeroDivisionErrorClass, "division by zero");
        return float_new(int_true_div(a, b));
    case OP_FLOORDIV: {
        if (b == 0)
            return err_null(&ZeroDivisionErrorClass, "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1)
            return int_overflow();
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0)))
            q--;
        return int_new(q);
    }
    case OP_MOD: {
        if (b == 0)
            return err_null(&ZeroDivisionErrorClass, "integer modulo by zero");
        if (b == -1)
            return int_new(0);
        int64_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0)))
            m += b;
        return int_new(m);
    }
    case OP_POW:
        return int_pow(a, b);
    case OP_LSHIFT:
        if (b < 0)
            return err_null(&ValueErrorClass, "negative shift count");
        if (a == 0)
            return int_new(0);
        if (b >= 64)
            return int_overflow();
        r = (int64_t)((uint64_t)a << b);
        // cppcheck-suppress shiftTooManyBitsSigned ; arithmetic right shift (gcc, clang) undoes the shift iff nothing overflowed
        if ((r >> b) != a)
            return int_overflow();
        return int_new(r);
    case OP_RSHIFT:
        if (b < 0)
            return err_null(&ValueErrorClass, "negative shift count");
        if (b >= 64)
            return int_new(a < 0 ? -1 : 0);
        // cppcheck-suppress shiftTooManyBitsSigned ; Python's >> floors: the arithmetic shift gcc and clang do
        return int_new(a >> b);
    case OP_BITAND:
        return both_bool ? bool_new(a & b) : int_new(a & b);
    case OP_BITOR:
        return both_bool ? bool_new(a | b) : int_new(a | b);
    case OP_BITXOR:
        return both_bool ? bool_new(a ^ b) : int_new(a ^ b);
    default:
        return binop_unsupported(op, ao, bo, false);
    }
}

/* -------------------------------------------------------------- floats */

static Obj *float_pow(double iv, double iw)
{
    if (iw == 0.0)
        return float_new(1.0);
    if (isnan(iv))
        return float_new(iv);
    if (isnan(iw))
        return float_new(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return float_new(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return float_new(fabs(iw));
        return float_new(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return float_new(odd ? iv : fabs(iv));
        return float_new(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0)
            return err_null(&ZeroDivisionErrorClass, "0.0 cannot be raised to a negative power");
        return float_new(odd ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw))
            return err_null(&ValueErrorClass, "complex results are not supported by loopscope");
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return float_new(negate ? -1.0 : 1.0);
    double ix = pow(iv, iw);
    if (isinf(ix)) {
        Obj *code = int_new(34), *msg = str_from("Numerical result out of range");
        Obj *args = tuple_pack(2, code, msg);
        DECREF(code);
        DECREF(msg);
        err_set(exc_new(&OverflowErrorClass, args));
        DECREF(args);
        return NULL;
    }
    return float_new(negate ? -ix : ix);
}

/* CPython's float divmod: the floor quotient and the modulo with the sign
 * of the divisor (and the sign of zero results chosen the same way). */
static void float_divmod(double vx, double wx, double *floordiv, double *modulo)
{
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    double fd;
    if (div) {
        fd = floor(div);
        if (div - fd > 0.5)
            fd += 1.0;
    } else {
        fd = copysign(0.0, vx / wx);
    }
    *floordiv = fd;
    *modulo = mod;
}

/* At least one operand is a float, the other a number. */
static Obj *float_binary(Op op, Obj *ao, Obj *bo)
{
    double a = num_double(ao), b = num_double(bo);
    double q, m;
    switch (op) {
    case OP_ADD: return float_new(a + b);
    case OP_SUB: return float_new(a - b);
    case OP_MUL: return float_new(a * b);
    case OP_DIV:
        if (b == 0.0)
            return err_null(&ZeroDivisionErrorClass, "float division by zero");
        return float_new(a / b);
    case OP_FLOORDIV:
        if (b == 0.0)
            return err_null(&ZeroDivisionErrorClass, "float floor division by zero");
        float_divmod(a, b, &q, &m);
        return float_new(q);
    case OP_MOD:
        if (b == 0.0)
            return err_null(&ZeroDivisionErrorClass, "float modulo");
        float_divmod(a, b, &q, &m);
        return float_new(m);
    case OP_POW:
        return float_pow(a, b);
    default:
        return binop_unsupported(op, ao, bo, false);
    }
}

/* ----------------------------------------------------------- sequences */

static Obj *str_concat(Obj *a, Obj *b)
{
    size_t n = STR_LEN(a) + STR_LEN(b);
    if (!op_check_size(n) || !vm_charge_bytes(n))
        return NULL;
    Buf buf;
    buf_init(&buf);
    buf_putn(&buf, STR_S(a), STR_LEN(a));
    buf_putn(&buf, STR_S(b), STR_LEN(b));
    Obj *r = str_new(buf.s, buf.len);
    buf_free(&buf);
    return r;
}

static Obj *str_repeat(Obj *s, int64_t k)
{
    size_t n;
    if (!size_product(STR_LEN(s), k, &n) || !vm_charge_bytes(n))
        return NULL;
    if (n == 0)
        return str_new("", 0);
    char *p = xmalloc(n + 1);
    for (int64_t i = 0; i < k; i++)
        memcpy(p + (size_t)i * STR_LEN(s), STR_S(s), STR_LEN(s));
    Obj *r = str_new(p, n);
    xfree(p);
    return r;
}

/* items of a list or tuple */
static Obj **seq_items(Obj *o, size_t *n)
{
    if (IS(o, ListClass)) {
        *n = LIST_N(o);
        return LIST_ITEMS(o);
    }
    *n = TUP_N(o);
    return TUP_ITEMS(o);
}

static Obj *seq_from_items(bool tuple, Obj **items, size_t n)
{
    Obj *r;
    if (tuple) {
        r = tuple_new(n);
        for (size_t i = 0; i < n; i++) {
            INCREF(items[i]);
            TUP_ITEMS(r)[i] = items[i];
        }
    } else {
        r = list_new(n);
        for (size_t i = 0; i < n; i++)
            list_append(r, items[i]);
    }
    return r;
}

static Obj *seq_concat(Obj *a, Obj *b)
{
    size_t na, nb;
    Obj **ia = seq_items(a, &na), **ib = seq_items(b, &nb);
    if (!op_check_size(na + nb) || !vm_charge_ops((na + nb) >> 2))
        return NULL;
    if (IS(a, ListClass)) {
        Obj *r = seq_from_items(false, ia, na);
        for (size_t i = 0; i < nb; i++)
            list_append(r, ib[i]);
        return r;
    }
    if (nb == 0) {
        INCREF(a);
        return a;
    }
    Obj *t = tuple_new(na + nb);
    for (size_t i = 0; i < na; i++) {
        INCREF(ia[i]);
        TUP_ITEMS(t)[i] = ia[i];
    }
    for (size_t i = 0; i < nb; i++) {
        INCREF(ib[i]);
        TUP_ITEMS(t)[na + i] = ib[i];
    }
    return t;
}

static Obj *seq_repeat(Obj *s, int64_t k)
{
    size_t n, total;
    Obj **items = seq_items(s, &n);
    if (!size_product(n, k, &total) || !vm_charge_ops(total >> 2))
        return NULL;
    bool tuple = IS(s, TupleClass);
    if (tuple && k == 1) {
        INCREF(s);
        return s;
    }
    Obj *r = tuple ? tuple_new(total) : list_new(total);
    size_t w = 0;
    for (int64_t i = 0; i < k && n; i++) {
        for (size_t j = 0; j < n; j++) {
            if (tuple) {
                INCREF(items[j]);
                TUP_ITEMS(r)[w++] = items[j];
            } else {
                list_append(r, items[j]);
            }
        }
    }
    return r;
}

/* list.extend(iterable): 0 or -1. */
static int list_extend_iter(Obj *list, Obj *iterable)
{
    if (IS(iterable, ListClass) || IS(iterable, TupleClass)) {
        size_t n, count;
        seq_items(iterable, &count); /* the length now: xs += xs doubles it once */
        if (!op_check_size(LIST_N(list) + count))
            return -1;
        /* items moves when list is iterable (xs.extend(xs)) and grows */
        for (size_t i = 0; i < count; i++) {
            Obj **items = seq_items(iterable, &n);
            list_append(list, items[i]);
        }
        return 0;
    }
    Obj *it = obj_iter(iterable);
    if (!it)
        return -1;
    Obj *v;
    while ((v = obj_next(it))) {
        list_append_steal(list, v);
        if (!op_check_size(LIST_N(list))) {
            DECREF(it);
            return -1;
        }
    }
    DECREF(it);
    return err_occurred() ? -1 : 0;
}

static Obj *dict_merge(Obj *a, Obj *b)
{
    Obj *r = dict_new();
    size_t pos = 0;
    Obj *k, *v;
    while (dict_next(a, &pos, &k, &v))
        dict_set(r, k, v);
    pos = 0;
    while (dict_next(b, &pos, &k, &v))
        dict_set(r, k, v);
    return r;
}

/* ------------------------------------------------ printf-style str % x */

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

static Obj *str_percent(Obj *fmt, Obj *args)
{
    const char *s = STR_S(fmt);
    size_t n = STR_LEN(fmt);
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
            Obj *key = str_new(s + start, i - 1 - start);
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
        switch (type) {
        case 's':
        case 'r':
        case 'a':
            conv = type == 's' ? obj_str_new(value) : obj_repr_new(value);
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
        err_format(&TypeErrorClass, "not all arguments converted during string formatting");
        goto fail;
    }
    Obj *r = str_new(out.s, out.len);
    buf_free(&out);
    buf_free(&spec);
    return r;
fail:
    buf_free(&out);
    buf_free(&spec);
    return NULL;
}

/* -------------------------------------------------------------- binary */

static Obj *binary(Op op, Obj *a, Obj *b, bool inplace)
{
    if (is_number(a) && is_number(b)) {
        Obj *r = (is_int(a) && is_int(b)) ? int_binary(op, a, b) : float_binary(op, a, b);
        if (!r && inplace && err_matches(&TypeErrorClass)) {
            err_clear();
            return binop_unsupported(op, a, b, true);
        }
        return r;
    }
    Class *ca = CLS(a), *cb = CLS(b);
    switch (op) {
    case OP_ADD:
        if (ca == &StrClass) {
            if (cb == &StrClass)
                return str_concat(a, b);
            return err_null(&TypeErrorClass, "can only concatenate str (not \"%s\") to str", cb->name);
        }
        if (ca == &ListClass || ca == &TupleClass) {
            if (cb == ca)
                return seq_concat(a, b);
            return err_null(&TypeErrorClass, "can only concatenate %s (not \"%s\") to %s", ca->name,
                            cb->name, ca->name);
        }
        break;
    case OP_MUL: {
        Obj *seq = NULL, *count = NULL;
        if (ca == &StrClass || ca == &ListClass || ca == &TupleClass) {
            seq = a;
            count = b;
        } else if (cb == &StrClass || cb == &ListClass || cb == &TupleClass) {
            seq = b;
            count = a;
        }
        if (!seq)
            break;
        if (!is_int(count))
            return err_null(&TypeErrorClass, "can't multiply sequence by non-int of type '%s'",
                            obj_type_name(count));
        if (IS(seq, StrClass))
            return str_repeat(seq, INT_V(count));
        return seq_repeat(seq, INT_V(count));
    }
    case OP_MOD:
        if (ca == &StrClass)
            return str_percent(a, b);
        break;
    case OP_BITOR:
        if (ca == &DictClass && cb == &DictClass)
            return dict_merge(a, b);
        break;
    default:
        break;
    }
    if (set_check(a) && set_check(b))
        return set_binary(op, a, b, inplace);
    return binop_unsupported(op, a, b, inplace);
}

/* a op b when either is an instance of a class statement's class: its
 * __add__ / the other's __radd__ (and so on), NotImplemented passing on,
 * as CPython does. *handled is false when neither defines the operator. */
static Obj *heap_binary(Op op, Obj *a, Obj *b, const char *inplace_name, bool *handled)
{
    static const char *const names[][2] = {
        [OP_ADD] = {"__add__", "__radd__"}, [OP_SUB] = {"__sub__", "__rsub__"},
        [OP_MUL] = {"__mul__", "__rmul__"}, [OP_DIV] = {"__truediv__", "__rtruediv__"},
        [OP_FLOORDIV] = {"__floordiv__", "__rfloordiv__"}, [OP_MOD] = {"__mod__", "__rmod__"},
        [OP_POW] = {"__pow__", "__rpow__"}, [OP_LSHIFT] = {"__lshift__", "__rlshift__"},
        [OP_RSHIFT] = {"__rshift__", "__rrshift__"}, [OP_BITAND] = {"__and__", "__rand__"},
        [OP_BITOR] = {"__or__", "__ror__"}, [OP_BITXOR] = {"__xor__", "__rxor__"},
        [OP_MATMUL] = {"__matmul__", "__rmatmul__"},
    };
    *handled = false;
    if (op <= OP_NONE || op > OP_MATMUL || !names[op][0])
        return NULL;
    const char *tries[3][2] = {{NULL, NULL}, {names[op][0], NULL}, {names[op][1], NULL}};
    Obj *self[3] = {a, a, b}, *other[3] = {b, b, a};
    tries[0][0] = inplace_name;
    for (int i = 0; i < 3; i++) {
        const char *name = tries[i][0];
        if (!name || !CLS(self[i])->heap || !klass_special(self[i], name))
            continue;
        if (i == 2 && CLS(a) == CLS(b))
            continue; /* CPython skips __rop__ of the same type */
        *handled = true;
        Obj *r = klass_call_special(self[i], name, &other[i], 1);
        if (r != NotImplemented)
            return r;
        DECREF(r);
        *handled = false;
    }
    return NULL;
}

Obj *op_binary(Op op, Obj *a, Obj *b)
{
    if (CLS(a)->heap || CLS(b)->heap) {
        bool handled;
        Obj *r = heap_binary(op, a, b, NULL, &handled);
        if (handled)
            return r;
    }
    return binary(op, a, b, false);
}

Obj *op_inplace(Op op, Obj *a, Obj *b)
{
    if (CLS(a)->heap || CLS(b)->heap) {
        static const char *const inames[] = {
            [OP_ADD] = "__iadd__", [OP_SUB] = "__isub__", [OP_MUL] = "__imul__", [OP_DIV] = "__itruediv__",
            [OP_FLOORDIV] = "__ifloordiv__", [OP_MOD] = "__imod__", [OP_POW] = "__ipow__",
            [OP_LSHIFT] = "__ilshift__", [OP_RSHIFT] = "__irshift__", [OP_BITAND] = "__iand__",
            [OP_BITOR] = "__ior__", [OP_BITXOR] = "__ixor__", [OP_MATMUL] = "__imatmul__",
        };
        bool handled;
        Obj *r = heap_binary(op, a, b, op > OP_NONE && op <= OP_MATMUL ? inames[op] : NULL, &handled);
        if (handled)
            return r;
    }
    if (IS(a, ListClass)) {
        if (op == OP_ADD) {
            if (list_extend_iter(a, b) < 0)
                return NULL;
            INCREF(a);
            return a;
        }
        if (op == OP_MUL && is_int(b)) {
            size_t n = LIST_N(a), total;
            int64_t k = INT_V(b);
            if (!size_product(n, k, &total))
                return NULL;
            if (k <= 0) {
                ListObj *l = (ListObj *)a;
                size_t old = l->n;
                l->n = 0;
                for (size_t i = 0; i < old; i++)
                    DECREF(l->items[i]);
            } else {
                for (int64_t r = 1; r < k; r++)
                    for (size_t i = 0; i < n; i++)
                        list_append(a, LIST_ITEMS(a)[i]);
            }
            INCREF(a);
            return a;
        }
    }
    if (IS(a, SetClass) && set_check(b)) {
        Obj *r = set_binary(op, a, b, true);
        if (r || err_occurred())
            return r;
    }
    if (IS(a, DictClass) && IS(b, DictClass) && op == OP_BITOR) {
        size_t pos = 0;
        Obj *k, *v;
        while (dict_next(b, &pos, &k, &v))
            dict_set(a, k, v);
        INCREF(a);
        return a;
    }
    return binary(op, a, b, true);
}

/* --------------------------------------------------------------- unary */

Obj *op_unary(Op op, Obj *a)
{
    if (op == OP_NOT) {
        int t = obj_truth(a);
        return t < 0 ? NULL : bool_new(!t);
    }
    if (is_int(a)) {
        int64_t v = INT_V(a);
        switch (op) {
        case OP_NEG:
            if (v == INT64_MIN)
                return int_overflow();
            return int_new(-v);
        case OP_POS:
            return int_new(v);
        case OP_INVERT:
            return int_new(~v);
        default:
            break;
        }
    } else if (IS(a, FloatClass)) {
        if (op == OP_NEG)
            return float_new(-FLOAT_V(a));
        if (op == OP_POS) {
            INCREF(a);
            return a;
        }
    }
    return err_null(&TypeErrorClass, "bad operand type for unary %s: '%s'", op_symbol(op),
                    obj_type_name(a));
}

/* ---------------------------------------------------------- comparison */

/* Three-way comparison of an int and a double, exact for all int64 values.
 * Returns -1, 0, 1, or 2 when d is NaN (unordered). */
static int cmp_int_double(int64_t i, double d)
{
    if (isnan(d))
        return 2;
    if (d >= 9223372036854775808.0)
        return -1;
    if (d < -9223372036854775808.0)
        return 1;
    double fl = floor(d);
    int64_t fi = (int64_t)fl;
    if (i < fi)
        return -1;
    if (i > fi)
        return 1;
    return d > fl ? -1 : 0;
}

/* -1, 0, 1 or 2 (unordered) for numbers a and b. */
static int cmp_numbers(Obj *a, Obj *b)
{
    if (is_int(a) && is_int(b)) {
        int64_t x = INT_V(a), y = INT_V(b);
        return x < y ? -1 : x > y;
    }
    if (is_int(a)) {
        return cmp_int_double(INT_V(a), FLOAT_V(b));
    }
    if (is_int(b)) {
        int r = cmp_int_double(INT_V(b), FLOAT_V(a));
        return r == 2 ? 2 : -r;
    }
    double x = FLOAT_V(a), y = FLOAT_V(b);
    if (isnan(x) || isnan(y))
        return 2;
    return x < y ? -1 : x > y;
}

static bool cmp_result(Op op, int c)
{
    if (c == 2)
        return op == OP_NE;
    switch (op) {
    case OP_EQ: return c == 0;
    case OP_NE: return c != 0;
    case OP_LT: return c < 0;
    case OP_LE: return c <= 0;
    case OP_GT: return c > 0;
    case OP_GE: return c >= 0;
    default: return false;
    }
}

/* Rich comparison a op b for an ordering op: 1, 0, or -1 with TypeError. */
static int compare_bool(Op op, Obj *a, Obj *b)
{
    if (CLS(a)->heap || CLS(b)->heap)
        return klass_compare(op, a, b);
    if (op == OP_EQ || op == OP_NE) {
        int r = obj_eq(a, b);
        if (r < 0)
            return -1;
        return op == OP_EQ ? r : !r;
    }
    if (is_number(a) && is_number(b))
        return cmp_result(op, cmp_numbers(a, b));
    int sr = set_order(op, a, b);
    if (sr != -2)
        return sr;
    Class *ca = CLS(a), *cb = CLS(b);
    if (ca == &StrClass && cb == &StrClass) {
        size_t na = STR_LEN(a), nb = STR_LEN(b);
        if (!vm_charge_bytes(na < nb ? na : nb))
            return -1;
        int c = memcmp(STR_S(a), STR_S(b), na < nb ? na : nb);
        if (c == 0)
            c = na < nb ? -1 : na > nb;
        return cmp_result(op, c < 0 ? -1 : c > 0);
    }
    if (ca == cb && (ca == &ListClass || ca == &TupleClass)) {
        size_t i = 0;
        for (;; i++) {
            size_t na, nb;
            Obj **ia = seq_items(a, &na), **ib = seq_items(b, &nb);
            if (i >= na || i >= nb)
                return cmp_result(op, na < nb ? -1 : na > nb);
            if (!vm_charge_ops(1))
                return -1;
            if (ia[i] == ib[i])
                continue;
            Obj *x = ia[i], *y = ib[i];
            INCREF(x);
            INCREF(y);
            int eq = obj_eq(x, y), r = -1;
            if (eq >= 0 && vm_recursion_enter(" in comparison")) {
                r = eq ? 2 : compare_bool(op, x, y);
                vm_recursion_leave();
            }
            DECREF(x);
            DECREF(y);
            if (r != 2)
                return r;
        }
    }
    err_format(&TypeErrorClass, "'%s' not supported between instances of '%s' and '%s'", op_symbol(op),
               ca->name, cb->name);
    return -1;
}

int op_lt(Obj *a, Obj *b)
{
    return compare_bool(OP_LT, a, b);
}

static int range_contains(Obj *r, Obj *item)
{
    RangeObj *rg = (RangeObj *)r;
    int64_t v;
    if (is_int(item)) {
        v = INT_V(item);
    } else if (IS(item, FloatClass)) {
        double d = FLOAT_V(item);
        if (d != floor(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
            return 0;
        v = (int64_t)d;
    } else {
        return 0;
    }
    if (rg->step > 0) {
        if (v < rg->start || v >= rg->stop)
            return 0;
        return ((uint64_t)v - (uint64_t)rg->start) % (uint64_t)rg->step == 0;
    }
    if (v > rg->start || v <= rg->stop)
        return 0;
    // cppcheck-suppress zerodivcond ; range() refuses step 0, so step < 0 here
    return ((uint64_t)rg->start - (uint64_t)v) % (0 - (uint64_t)rg->step) == 0;
}

int op_contains(Obj *container, Obj *item)
{
    Class *c = CLS(container);
    switch (c->kind) {
    case K_DICT: {
        Obj *v = dict_get(container, item);
        return v ? 1 : err_occurred() ? -1 : 0;
    }
    case K_STR:
        if (!IS(item, StrClass)) {
            err_format(&TypeErrorClass, "'in <string>' requires string as left operand, not %s",
                       obj_type_name(item));
            return -1;
        }
        if (!vm_charge_bytes(STR_LEN(container)))
            return -1;
        return text_find(STR_S(container), STR_LEN(container), STR_S(item), STR_LEN(item), 0,
                         TEXT_END) >= 0;
    case K_LIST:
        for (size_t i = 0; i < LIST_N(container); i++) {
            Obj *x = LIST_ITEMS(container)[i];
            if (x == item)
                return 1;
            if (!vm_charge_ops(1))
                return -1;
            INCREF(x);
            int r = obj_eq(x, item);
            DECREF(x);
            if (r)
                return r;
        }
        return 0;
    case K_TUPLE:
        for (size_t i = 0; i < TUP_N(container); i++) {
            int r = vm_charge_ops(1) ? obj_eq(TUP_ITEMS(container)[i], item) : -1;
            if (r)
                return r;
        }
        return 0;
    case K_RANGE:
        return range_contains(container, item);
    case K_SET:
    case K_FROZENSET:
        return set_contains(container, item);
    default:
        break;
    }
    if (dictview_check(container))
        return dictview_contains(container, item);
    if (c->kind == K_ITER || c == &GenClass) {
        Obj *v;
        while ((v = obj_next(container))) {
            int r = obj_eq(v, item);
            DECREF(v);
            if (r)
                return r;
        }
        return err_occurred() ? -1 : 0;
    }
    if (c->heap) {
        int r = klass_contains(container, item);
        if (r != KLASS_NONE)
            return r;
    }
    Obj *members = klass_class_iter(container);
    if (members) {
        int r = op_contains(members, item);
        DECREF(members);
        return r;
    }
    if (err_occurred())
        return -1;
    err_format(&TypeErrorClass, "argument of type '%s' is not iterable", c->name);
    return -1;
}

Obj *op_compare(Op op, Obj *a, Obj *b)
{
    switch (op) {
    case OP_IS:
        return bool_new(a == b);
    case OP_ISNOT:
        return bool_new(a != b);
    case OP_IN:
    case OP_NOTIN: {
        int r = op_contains(b, a);
        if (r < 0)
            return NULL;
        return bool_new(op == OP_IN ? r : !r);
    }
    default: {
        /* x == x is False for a NaN: the operator compares values (only
         * containers take identity for equality) */
        if (a == b && IS(a, FloatClass) && isnan(FLOAT_V(a)) && (op == OP_EQ || op == OP_NE))
            return bool_new(op == OP_NE);
        int r = compare_bool(op, a, b);
        return r < 0 ? NULL : bool_new(r);
    }
    }
}

/* ----------------------------------------------------------- subscripts */

/* Resolve slice s against a sequence of length len (PySlice_AdjustIndices).
 * Returns the number of items selected, or -1 with an exception. */
static int64_t slice_indices(Obj *s, int64_t len, int64_t *start, int64_t *stop, int64_t *step)
{
    SliceObj *sl = (SliceObj *)s;
    Obj *parts[3] = {sl->start, sl->stop, sl->step};
    for (int i = 0; i < 3; i++) {
        if (parts[i] && parts[i] != None && !is_int(parts[i])) {
            err_format(&TypeErrorClass, "slice indices must be integers or None or have an __index__ method");
            return -1;
        }
    }
    *step = (sl->step && sl->step != None) ? INT_V(sl->step) : 1;
    if (*step == 0) {
        err_format(&ValueErrorClass, "slice step cannot be zero");
        return -1;
    }
    if (*step < -INT64_MAX)
        *step = -INT64_MAX;
    bool back = *step < 0;
    if (!sl->start || sl->start == None) {
        *start = back ? len - 1 : 0;
    } else {
        *start = INT_V(sl->start);
        if (*start < 0) {
            *start = *start < -len ? (back ? -1 : 0) : *start + len;
        } else if (*start >= len) {
            *start = back ? len - 1 : len;
        }
    }
    if (!sl->stop || sl->stop == None) {
        *stop = back ? -1 : len;
    } else {
        *stop = INT_V(sl->stop);
        if (*stop < 0) {
            *stop = *stop < -len ? (back ? -1 : 0) : *stop + len;
        } else if (*stop >= len) {
            *stop = back ? len - 1 : len;
        }
    }
    if (back)
        return *stop < *start ? (int64_t)(((uint64_t)*start - (uint64_t)*stop - 1) / (0 - (uint64_t)*step) + 1) : 0;
    return *start < *stop ? (int64_t)(((uint64_t)*stop - (uint64_t)*start - 1) / (uint64_t)*step + 1) : 0;
}

/* Normalise a possibly negative index into [0, len); false if out of range. */
static bool index_fix(int64_t *i, int64_t len)
{
    if (*i < 0)
        *i += len;
    return *i >= 0 && *i < len;
}

/* Byte offsets of every code point of s, plus the end: ncp + 1 entries. */
static size_t *str_offsets(Obj *s)
{
    size_t ncp = ((StrObj *)s)->ncp, len = STR_LEN(s);
    size_t *off = xmalloc((ncp + 1) * sizeof(size_t));
    size_t k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)STR_S(s)[i] & 0xC0) != 0x80)
            off[k++] = i;
    off[k] = len;
    return off;
}

static Obj *str_getitem(Obj *s, Obj *key)
{
    StrObj *so = (StrObj *)s;
    int64_t ncp = (int64_t)so->ncp;
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, ncp))
            return err_null(&IndexErrorClass, "string index out of range");
        if (so->ascii)
            return str_new(so->s + i, 1);
        size_t *off = str_offsets(s);
        Obj *r = str_new(so->s + off[i], off[i + 1] - off[i]);
        xfree(off);
        return r;
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, ncp, &start, &stop, &step);
        if (n < 0)
            return NULL;
        if (n == 0)
            return str_new("", 0);
        if (so->ascii) {
            if (step == 1)
                return str_new(so->s + start, (size_t)n);
            char *p = xmalloc((size_t)n);
            for (int64_t k = 0, i = start; k < n; k++, i += step)
                p[k] = so->s[i];
            Obj *r = str_new(p, (size_t)n);
            xfree(p);
            return r;
        }
        size_t *off = str_offsets(s);
        Obj *r;
        if (step == 1) {
            r = str_new(so->s + off[start], off[stop] - off[start]);
        } else {
            Buf b;
            buf_init(&b);
            for (int64_t k = 0, i = start; k < n; k++, i += step)
                buf_putn(&b, so->s + off[i], off[i + 1] - off[i]);
            r = str_new(b.s, b.len);
            buf_free(&b);
        }
        xfree(off);
        return r;
    }
    return err_null(&TypeErrorClass, "string indices must be integers, not '%s'", obj_type_name(key));
}

static Obj *seq_getitem(Obj *o, Obj *key)
{
    size_t n;
    Obj **items = seq_items(o, &n);
    bool tuple = IS(o, TupleClass);
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, (int64_t)n))
            return err_null(&IndexErrorClass, "%s index out of range", tuple ? "tuple" : "list");
        INCREF(items[i]);
        return items[i];
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step;
        int64_t count = slice_indices(key, (int64_t)n, &start, &stop, &step);
        if (count < 0)
            return NULL;
        if (tuple && step == 1 && count == (int64_t)n) {
            INCREF(o);
            return o;
        }
        if (!vm_charge_ops((uint64_t)count >> 2)) /* the copy is a C loop */
            return NULL;
        Obj *r = tuple ? tuple_new((size_t)count) : list_new((size_t)count);
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            if (tuple) {
                INCREF(items[i]);
                TUP_ITEMS(r)[k] = items[i];
            } else {
                list_append(r, items[i]);
            }
        }
        return r;
    }
    return err_null(&TypeErrorClass, "%s indices must be integers or slices, not %s", CLS(o)->name,
                    obj_type_name(key));
}

static Obj *range_getitem(Obj *o, Obj *key)
{
    RangeObj *r = (RangeObj *)o;
    uint64_t len = range_len(o);
    if (len > INT64_MAX)
        return err_null(&OverflowErrorClass, "Python int too large to convert to C ssize_t");
    if (is_int(key)) {
        int64_t i = INT_V(key);
        if (!index_fix(&i, (int64_t)len))
            return err_null(&IndexErrorClass, "range object index out of range");
        return int_new((int64_t)((uint64_t)r->start + (uint64_t)i * (uint64_t)r->step));
    }
    if (IS(key, SliceClass)) {
        int64_t start, stop, step, nstart, nstop, nstep;
        if (slice_indices(key, (int64_t)len, &start, &stop, &step) < 0)
            return NULL;
        if (__builtin_mul_overflow(r->step, step, &nstep) ||
            __builtin_mul_overflow(start, r->step, &nstart) ||
            __builtin_add_overflow(nstart, r->start, &nstart) ||
            __builtin_mul_overflow(stop, r->step, &nstop) ||
            __builtin_add_overflow(nstop, r->start, &nstop))
            return int_overflow();
        return range_new(nstart, nstop, nstep);
    }
    return err_null(&TypeErrorClass, "range indices must be integers or slices, not %s", obj_type_name(key));
}

Obj *op_getitem(Obj *o, Obj *key)
{
    switch (CLS(o)->kind) {
    case K_LIST:
    case K_TUPLE:
        return seq_getitem(o, key);
    case K_STR:
        return str_getitem(o, key);
    case K_DICT: {
        Obj *v = dict_get(o, key);
        if (v) {
            INCREF(v);
            return v;
        }
        if (!err_occurred()) {
            Obj *args = tuple_pack(1, key);
            err_set(exc_new(&KeyErrorClass, args));
            DECREF(args);
        }
        return NULL;
    }
    case K_RANGE:
        return range_getitem(o, key);
    default:
        if (CLS(o)->heap && klass_special(o, "__getitem__"))
            return klass_call_special(o, "__getitem__", &key, 1);
        if (IS(o, ClassClass))
            return alias_class_getitem(o, key);
        return err_null(&TypeErrorClass, "'%s' object is not subscriptable", obj_type_name(o));
    }
}

/* A new list of the items of iterable (any iterable), or NULL. */
static Obj *list_of(Obj *iterable)
{
    Obj *l = list_new(0);
    if (list_extend_iter(l, iterable) < 0) {
        DECREF(l);
        return NULL;
    }
    return l;
}

/* xs[start:stop] = items for a step-1 slice. */
static void list_splice(Obj *list, int64_t start, int64_t stop, Obj **items, size_t n)
{
    ListObj *l = (ListObj *)list;
    if (stop < start)
        stop = start;
    size_t removed = (size_t)(stop - start);
    Obj **old = xmalloc((removed ? removed : 1) * sizeof(Obj *));
    memcpy(old, l->items + start, removed * sizeof(Obj *));
    size_t newn = l->n - removed + n;
    if (newn > l->cap) {
        l->cap = newn;
        l->items = xrealloc(l->items, l->cap * sizeof(Obj *));
    }
    memmove(l->items + start + n, l->items + stop, (l->n - (size_t)stop) * sizeof(Obj *));
    for (size_t i = 0; i < n; i++) {
        INCREF(items[i]);
        l->items[start + (int64_t)i] = items[i];
    }
    l->n = newn;
    for (size_t i = 0; i < removed; i++)
        DECREF(old[i]);
    xfree(old);
}

/* xs[key] = v. The items of v are taken first and the slice resolved
 * against the length after that: taking them may run scenario code (a
 * generator) that shrinks or grows the list, as CPython's list_ass_slice
 * re-clamps after PySequence_Fast. */
static int list_setslice(Obj *list, Obj *key, Obj *v)
{
    int64_t start, stop, step;
    if (slice_indices(key, (int64_t)LIST_N(list), &start, &stop, &step) < 0)
        return -1;
    Obj *items = list_of(v);
    int64_t count = items ? slice_indices(key, (int64_t)LIST_N(list), &start, &stop, &step) : 0;
    if (count < 0) {
        DECREF(items);
        return -1;
    }
    if (!items) {
        if (err_matches(&TypeErrorClass)) {
            err_clear();
            err_format(&TypeErrorClass, step == 1 ? "can only assign an iterable"
                                                  : "must assign iterable to extended slice");
        }
        return -1;
    }
    int rc = 0;
    if (step == 1) {
        if (!op_check_size(LIST_N(list) - (size_t)count + LIST_N(items)))
            rc = -1;
        else
            list_splice(list, start, start + count, LIST_ITEMS(items), LIST_N(items));
    } else if ((int64_t)LIST_N(items) != count) {
        err_format(&ValueErrorClass, "attempt to assign sequence of size %zu to extended slice of size %lld",
                   LIST_N(items), (long long)count);
        rc = -1;
    } else {
        for (int64_t k = 0, i = start; k < count; k++, i += step) {
            INCREF(LIST_ITEMS(items)[k]);
            SETREF(LIST_ITEMS(list)[i], LIST_ITEMS(items)[k]);
        }
    }
    DECREF(items);
    return rc;
}

int op_setitem(Obj *o, Obj *key, Obj *v)
{
    if (IS(o, ListClass)) {
        if (is_int(key)) {
            int64_t i = INT_V(key);
            if (!index_fix(&i, (int64_t)LIST_N(o))) {
                err_format(&IndexErrorClass, "list assignment index out of range");
                return -1;
            }
            INCREF(v);
            SETREF(LIST_ITEMS(o)[i], v);
            return 0;
        }
        if (IS(key, SliceClass))
            return list_setslice(o, key, v);
        err_format(&TypeErrorClass, "list indices must be integers or slices, not %s", obj_type_name(key));
        return -1;
    }
    if (IS(o, DictClass)) {
        if (dict_set(o, key, v) < 0)
            return -1;
        return op_check_size(DICT_N(o)) ? 0 : -1;
    }
    if (CLS(o)->heap && klass_special(o, "__setitem__")) {
        Obj *args[2] = {key, v};
        Obj *r = klass_call_special(o, "__setitem__", args, 2);
        XDECREF(r);
        return r ? 0 : -1;
    }
    err_format(&TypeErrorClass, "'%s' object does not support item assignment", obj_type_name(o));
    return -1;
}

int op_delitem(Obj *o, Obj *key)
{
    if (IS(o, ListClass)) {
        if (is_int(key)) {
            int64_t i = INT_V(key);
            if (!index_fix(&i, (int64_t)LIST_N(o))) {
                err_format(&IndexErrorClass, "list assignment index out of range");
                return -1;
            }
            list_splice(o, i, i + 1, NULL, 0);
            return 0;
        }
        if (IS(key, SliceClass)) {
            int64_t start, stop, step;
            int64_t count = slice_indices(key, (int64_t)LIST_N(o), &start, &stop, &step);
            if (count < 0)
                return -1;
            if (step == 1) {
                list_splice(o, start, start + count, NULL, 0);
                return 0;
            }
            /* extended slice: keep the items not selected, in order */
            ListObj *l = (ListObj *)o;
            if (step < 0) {
                start = start + (count - 1) * step;
                step = -step;
            }
            Obj **dead = xmalloc(((size_t)count + 1) * sizeof(Obj *));
            size_t w = 0, nd = 0;
            for (size_t i = 0; i < l->n; i++) {
                int64_t d = (int64_t)i - start;
                if (nd < (size_t)count && d >= 0 && d % step == 0)
                    dead[nd++] = l->items[i];
                else
                    l->items[w++] = l->items[i];
            }
            l->n = w;
            for (size_t i = 0; i < nd; i++)
                DECREF(dead[i]);
            xfree(dead);
            return 0;
        }
        err_format(&TypeErrorClass, "list indices must be integers or slices, not %s", obj_type_name(key));
        return -1;
    }
    if (IS(o, DictClass)) {
        int r = dict_del(o, key);
        if (r < 0)
            return -1;
        if (r == 0) {
            Obj *args = tuple_pack(1, key);
            err_set(exc_new(&KeyErrorClass, args));
            DECREF(args);
            return -1;
        }
        return 0;
    }
    if (CLS(o)->heap && klass_special(o, "__delitem__")) {
        Obj *r = klass_call_special(o, "__delitem__", &key, 1);
        XDECREF(r);
        return r ? 0 : -1;
    }
    err_format(&TypeErrorClass, "'%s' object doesn't support item deletion", obj_type_name(o));
    return -1;
}

int64_t obj_len(Obj *o)
{
    switch (CLS(o)->kind) {
    case K_STR: return (int64_t)((StrObj *)o)->ncp;
    case K_TUPLE: return (int64_t)TUP_N(o);
    case K_LIST: return (int64_t)LIST_N(o);
    case K_DICT: return (int64_t)DICT_N(o);
    case K_SET:
    case K_FROZENSET: return (int64_t)SET_N(o);
    case K_RANGE: {
        uint64_t n = range_len(o);
        if (n > INT64_MAX) {
            err_format(&OverflowErrorClass, "Python int too large to convert to C ssize_t");
            return -1;
        }
        return (int64_t)n;
    }
    default:
        break;
    }
    if (dictview_check(o))
        return (int64_t)DICT_N(((DictViewObj *)o)->dict);
    if (CLS(o)->heap) {
        int64_t n = klass_len(o);
        if (n != KLASS_NONE)
            return n;
    }
    Obj *members = klass_class_iter(o);
    if (members) {
        int64_t n = obj_len(members);
        DECREF(members);
        return n;
    }
    if (err_occurred())
        return -1;
    err_format(&TypeErrorClass, "object of type '%s' has no len()", obj_type_name(o));
    return -1;
}

/* -------------------------------------------------------------- format */

Obj *op_format(Obj *v, Obj *spec)
{
    const char *sp = STR_S(spec);
    size_t n = STR_LEN(spec);
    Buf out;
    buf_init(&out);
    char err[256] = "";
    int ok;
    if (IS(v, StrClass)) {
        if (n == 0) {
            buf_free(&out);
            INCREF(v);
            return v;
        }
        ok = fmt_format_str(STR_S(v), STR_LEN(v), sp, n, &out, err, sizeof err);
    } else if (is_int(v)) {
        if (n == 0 && IS(v, BoolClass)) {
            buf_free(&out);
            return str_from(v == True ? "True" : "False");
        }
        ok = fmt_format_int(INT_V(v), sp, n, &out, err, sizeof err);
    } else if (IS(v, FloatClass)) {
        ok = fmt_format_float(FLOAT_V(v), sp, n, &out, err, sizeof err);
    } else {
        buf_free(&out);
        if (CLS(v)->heap && klass_special(v, "__format__")) /* datetime's, a class's own */
            return klass_call_special(v, "__format__", &spec, 1);
        if (n == 0)
            return obj_str_new(v);
        return err_null(&TypeErrorClass, "unsupported format string passed to %s.__format__",
                        obj_type_name(v));
    }
    if (ok != FMT_OK) {
        buf_free(&out);
        return err_null(ok == FMT_OVERFLOW_ERROR ? &OverflowErrorClass : &ValueErrorClass, "%s", err);
    }
    if (!op_check_size(out.len)) {
        buf_free(&out);
        return NULL;
    }
    Obj *r = str_new(out.s, out.len);
    buf_free(&out);
    return r;
}

/* ----------------------------------------------------------- attributes */

/* `str.upper` fetched from the class: a descriptor whose call takes the
 * receiver as the first argument (sorted(names, key=str.lower)). */
typedef struct MethodDescrObj {
    Obj hdr;
    Obj *method;  /* the BuiltinObj in the class dict */
    Class *owner;
} MethodDescrObj;

static void descr_repr(Obj *o, Buf *out)
{
    MethodDescrObj *d = (MethodDescrObj *)o;
    buf_printf(out, "<method '%s' of '%s' objects>", ((BuiltinObj *)d->method)->name, d->owner->name);
}

static void descr_dealloc(Obj *o)
{
    XDECREF(((MethodDescrObj *)o)->method);
}

static Obj *descr_call(Obj *self, Obj **args, int nargs, Obj *kwnames)
{
    MethodDescrObj *d = (MethodDescrObj *)self;
    BuiltinObj *m = (BuiltinObj *)d->method;
    Class *c = d->owner;
    if (nargs < 1)
        return err_null(&TypeErrorClass, "unbound method %s.%s() needs an argument", c->name, m->name);
    if (!obj_isinstance(args[0], c))
        return err_null(&TypeErrorClass, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                        m->name, c->name, obj_type_name(args[0]));
    if (IS(args[0], StrClass) && !vm_charge_bytes(STR_LEN(args[0])))
        return NULL; /* as builtin_call: a str method scans its receiver */
    return m->fn(args[0], args + 1, nargs - 1, kwnames);
}

static Class MethodDescrClass = {.name = "method_descriptor", .kind = K_OTHER, .base = &ObjectClass,
                                 .size = sizeof(MethodDescrObj), .repr = descr_repr,
                                 .dealloc = descr_dealloc, .call = descr_call, .builtin = true};

static Obj *descr_new(Obj *method, Class *owner)
{
    if (!MethodDescrClass.hdr.cls)
        class_init(&MethodDescrClass);
    MethodDescrObj *d = (MethodDescrObj *)obj_alloc(&MethodDescrClass, sizeof(MethodDescrObj));
    INCREF(method);
    d->method = method;
    d->owner = owner;
    return &d->hdr;
}

/* Attribute of a class object (int.bit_length, ValueError.__name__). */
static Obj *class_getattr(Class *c, Obj *name)
{
    Class *owner = NULL;
    Obj *v = class_lookup_owner(c, name, &owner);
    if (v) {
        if (!owner->heap && IS(v, BuiltinClass) && !((BuiltinObj *)v)->self)
            return descr_new(v, owner);
        return klass_class_attr(c, v);
    }
    if (str_eq_c(name, "__name__"))
        return str_from(c->name);
    if (str_eq_c(name, "__qualname__"))
        return klass_qualname(c);
    if (str_eq_c(name, "__module__"))
        return klass_module(c);
    if (str_eq_c(name, "__base__")) {
        if (!c->base)
            return none_new();
        INCREF(c->base);
        return (Obj *)c->base;
    }
    if (str_eq_c(name, "__bases__"))
        return c->base ? tuple_pack(1, (Obj *)c->base) : tuple_new(0);
    if (str_eq_c(name, "__mro__")) {
        size_t n = 0;
        for (Class *p = c; p; p = p->base)
            n++;
        Obj *t = tuple_new(n);
        n = 0;
        for (Class *p = c; p; p = p->base) {
            INCREF(p);
            TUP_ITEMS(t)[n++] = (Obj *)p;
        }
        return t;
    }
    return NULL;
}

/* Generic attributes every object of a kind has (__class__, __name__). */
static Obj *kind_getattr(Obj *o, Obj *name)
{
    if (str_eq_c(name, "__class__")) {
        INCREF(CLS(o));
        return (Obj *)CLS(o);
    }
    if (is_number(o) && (str_eq_c(name, "real") || str_eq_c(name, "imag"))) {
        if (str_eq_c(name, "imag"))
            return is_int(o) ? int_new(0) : float_new(0.0);
        return is_int(o) ? int_new(INT_V(o)) : float_new(FLOAT_V(o));
    }
    if (IS(o, BoundClass)) {
        /* a method: __self__, __func__, and its function's names */
        BoundObj *m = (BoundObj *)o;
        if (str_eq_c(name, "__self__") || str_eq_c(name, "__func__")) {
            Obj *r = str_eq_c(name, "__self__") ? m->self : m->func;
            INCREF(r);
            return r;
        }
        return kind_getattr(m->func, name);
    }
    bool is_name = str_eq_c(name, "__name__"), is_qual = str_eq_c(name, "__qualname__");
    if (!is_name && !is_qual)
        return NULL;
    switch (CLS(o)->kind) {
    case K_FUNC: {
        Obj *r = is_name ? ((FuncObj *)o)->name : ((FuncObj *)o)->qualname;
        INCREF(r);
        return r;
    }
    case K_BUILTIN:
        return str_from(((BuiltinObj *)o)->name);
    case K_GEN:
    case K_CORO: {
        Obj *r = is_name ? ((GenObj *)o)->name : ((GenObj *)o)->qualname;
        if (!r)
            return NULL;
        INCREF(r);
        return r;
    }
    default:
        return NULL;
    }
}

/* Attribute found through the class (methods bound to o) or common to all
 * objects of o's kind; NULL without an exception when there is none. */
static Obj *getattr_generic(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    if (c == &ClassClass) {
        Obj *v = class_getattr((Class *)o, name);
        if (v)
            return v;
    }
    Obj *v = class_lookup(c, name);
    if (v)
        return klass_bind(v, o);
    return kind_getattr(o, name);
}

Obj *obj_getattr(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    Obj *(*hook)(Obj *, Obj *) = NULL;
    for (Class *k = c; k && !hook; k = k->base)
        hook = k->getattr;
    if (hook) {
        Obj *v = hook(o, name);
        if (v || !err_matches(&AttributeErrorClass))
            return v;
        /* no instance attribute: the class may still have it (methods) */
        Obj *exc = err_fetch();
        v = getattr_generic(o, name);
        if (v) {
            DECREF(exc);
            return v;
        }
        err_set(exc);
        return NULL;
    }
    Obj *v = getattr_generic(o, name);
    if (v)
        return v;
    if (c == &ClassClass)
        return err_null(&AttributeErrorClass, "type object '%s' has no attribute '%s'", ((Class *)o)->name,
                        STR_S(name));
    return err_null(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
}

Obj *obj_getattr_c(Obj *o, const char *name)
{
    return obj_getattr(o, str_intern(name));
}

int obj_setattr(Obj *o, Obj *name, Obj *v)
{
    Class *c = CLS(o);
    if (c->heap || c == &ClassClass) {
        int r = klass_setattr(o, name, v);
        if (r != KLASS_NONE)
            return r;
    }
    if (c->is_exception) {
        ExcObj *e = (ExcObj *)o;
        if (str_eq_c(name, "args")) {
            Obj *t;
            if (IS(v, TupleClass)) {
                INCREF(v);
                t = v;
            } else {
                Obj *l = list_of(v);
                if (!l)
                    return -1;
                t = tuple_new(LIST_N(l));
                for (size_t i = 0; i < LIST_N(l); i++) {
                    INCREF(LIST_ITEMS(l)[i]);
                    TUP_ITEMS(t)[i] = LIST_ITEMS(l)[i];
                }
                DECREF(l);
            }
            SETREF(e->args, t);
            return 0;
        }
        if (str_eq_c(name, "__cause__") || str_eq_c(name, "__context__")) {
            if (v != None && !CLS(v)->is_exception) {
                err_format(&TypeErrorClass, "exception cause must be None or derive from BaseException");
                return -1;
            }
            Obj *nv = v == None ? NULL : v;
            XINCREF(nv);
            if (str_eq_c(name, "__cause__")) {
                SETREF(e->cause, nv);
                e->suppress_context = true;
            } else {
                SETREF(e->context, nv);
            }
            return 0;
        }
        if (!e->attrs)
            e->attrs = dict_new();
        return dict_set(e->attrs, name, v);
    }
    if (c == &ModuleClass) {
        if (module_hides(name)) {
            err_format(&AttributeErrorClass, "module '%s' has no attribute '%s'",
                       STR_S(((ModuleObj *)o)->name), STR_S(name));
            return -1;
        }
        return dict_set(((ModuleObj *)o)->dict, name, v);
    }
    if (class_lookup(c, name))
        err_format(&AttributeErrorClass, "'%s' object attribute '%s' is read-only", c->name, STR_S(name));
    else
        err_format(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
    return -1;
}

int obj_delattr(Obj *o, Obj *name)
{
    Class *c = CLS(o);
    if (c->heap || c == &ClassClass)
        return klass_setattr(o, name, NULL);
    if (c->is_exception && ((ExcObj *)o)->attrs) {
        int r = dict_del(((ExcObj *)o)->attrs, name);
        if (r != 0)
            return r > 0 ? 0 : -1;
    }
    err_format(&AttributeErrorClass, "'%s' object has no attribute '%s'", c->name, STR_S(name));
    return -1;
}
