/* ops.c: what Python's operators do to built-in values.
 * Owns: arithmetic (64-bit ints with overflow detection, floats with
 * CPython's floor-division, modulo and power rules), sequence
 * concatenation and repetition, binary, in-place and unary operators,
 * comparison and ordering, membership, format(), and the size limit on
 * built values.
 * Leaves to ops_percent.c printf-style str % args, to ops_subscript.c
 * subscripts, slices and len(), to ops_attr.c attribute lookup
 * (obj_getattr/obj_setattr) including method binding (they share
 * ops_int.h); iterators and views to iter.c, method bodies to methods.c,
 * number and str formatting to format.c, the exception attribute hook to
 * builtins.c. Every error message is CPython 3.11's. */
#include "ops.h"
#include "ops_int.h"
#include "alias.h"
#include "bytes.h"

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

Obj *int_overflow(void)
{
    return err_null(&OverflowErrorClass, OVERFLOW_MSG);
}

bool is_number(Obj *o)
{
    return is_int(o) || IS(o, FloatClass);
}

double num_double(Obj *o)
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
Obj **seq_items(Obj *o, size_t *n)
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
int list_extend_iter(Obj *list, Obj *iterable)
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
    if ((ca == &BytesClass || cb == &BytesClass) && ca != &StrClass && ca != &ListClass && ca != &TupleClass) {
        Obj *r = bytes_binary(op, a, b);
        if (r || err_occurred())
            return r;
    }
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
        if (ca == &BytesClass)
            return bytes_percent(a, b);
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
    if (ca == &BytesClass && cb == &BytesClass) {
        int c = bytes_cmp(a, b);
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
    case K_BYTES:
        return bytes_contains(container, item);
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
