/* vm_fast.h: the evaluation loop's shortcuts for the commonest operand
 * types, included by vm_eval.c only. Owns: int and float arithmetic and
 * comparisons done in place (no call into ops.c, and a result written
 * into an operand the stack held alone instead of a new object), and the
 * truth of True, False and None. Each shortcut answers only where its
 * answer is certainly the one ops.c would give; everything else (bool
 * operands, overflow, division by zero, subclasses, user classes) returns
 * NULL without an exception and the caller takes the general way. */
#ifndef LS_VM_FAST_H
#define LS_VM_FAST_H

#include "../objects/obj.h"
#include "../front/ast.h"

#include <math.h>

/* Whether a, popped from the stack, can take an operation's result in
 * place: the stack's reference is the only one, or a is what the local
 * the result is stored into next holds (local: that local's value, or
 * NULL) and those two are its only references (`n += k; STORE_FAST n`).
 * Either way nobody else can see the int change: the store then puts a
 * back where it was. Static objects (small ints: serial 0) never. */
static inline bool fast_alone(Obj *a, Obj *local)
{
    if (!a->serial)
        return false;
    if (a->rc == 1)
        return true;
    if (a->rc == 2 && a == local) {
        obj_renew(a); /* the program may have kept id(n): the new n is another object */
        return true;
    }
    return false;
}

/* The result v for a binary operation on a and b, both held by the stack:
 * written into a (see fast_alone) or into b when the stack's reference is
 * its only one and it is a pooled object of the right class, so the
 * caller's release of that operand is skipped (*reused names it); else a
 * new int. */
static inline Obj *fast_int_result(Obj *a, Obj *b, Obj *local, int64_t v, Obj **reused)
{
    if (v < -5 || v > 256) {
        if (fast_alone(a, local)) {
            INT_V(a) = v;
            *reused = a;
            return a;
        }
        if (b->rc == 1 && b->serial) {
            INT_V(b) = v;
            *reused = b;
            return b;
        }
    }
    return int_new(v);
}

static inline Obj *fast_float_result(Obj *a, Obj *b, Obj *local, double v, Obj **reused)
{
    if (a->cls == &FloatClass && fast_alone(a, local)) {
        FLOAT_V(a) = v;
        *reused = a;
        return a;
    }
    if (b->rc == 1 && b->cls == &FloatClass && b->serial) {
        FLOAT_V(b) = v;
        *reused = b;
        return b;
    }
    return float_new(v);
}

/* An exact int (not a bool) that converts to a double exactly. */
static inline bool fast_exact_int(Obj *o)
{
    return o->cls == &IntClass && INT_V(o) >= -(INT64_C(1) << 53) && INT_V(o) <= (INT64_C(1) << 53);
}

/* a op b (OP_ADD ... OP_BITXOR, plain or in place: the same for ints and
 * floats) when both are exactly int or exactly float, or one is a float
 * and the other an int within 2**53; NULL otherwise.
 * local: the value of the local the result is stored into next, or NULL
 * (see fast_alone). Always inlined: big for an inline function in a
 * huge caller, and its one call is on the hot path. */
static LS_ALWAYS_INLINE Obj *fast_binary(int op, Obj *a, Obj *b, Obj *local, Obj **reused)
{
    *reused = NULL;
    if (a->cls == &IntClass && b->cls == &IntClass) {
        int64_t x = INT_V(a), y = INT_V(b), r;
        switch (op) {
        case OP_ADD:
            if (__builtin_add_overflow(x, y, &r))
                return NULL;
            break;
        case OP_SUB:
            if (__builtin_sub_overflow(x, y, &r))
                return NULL;
            break;
        case OP_MUL:
            if (__builtin_mul_overflow(x, y, &r))
                return NULL;
            break;
        case OP_FLOORDIV:
            if (y <= 0 || x < 0)
                return NULL;
            r = x / y;
            break;
        case OP_MOD:
            if (y <= 0 || x < 0)
                return NULL;
            r = x % y;
            break;
        case OP_RSHIFT:
            if (y < 0 || y >= 64 || x < 0)
                return NULL;
            r = x >> y;
            break;
        case OP_BITAND: r = x & y; break;
        case OP_BITOR: r = x | y; break;
        case OP_BITXOR: r = x ^ y; break;
        default:
            return NULL;
        }
        return fast_int_result(a, b, local, r, reused);
    }
    if ((a->cls == &FloatClass || b->cls == &FloatClass) &&
        (a->cls == &FloatClass || fast_exact_int(a)) && (b->cls == &FloatClass || fast_exact_int(b))) {
        /* two floats, or a float and an int a double holds exactly (what
         * float's own operators convert it to: `0.001 * n`) */
        double x = a->cls == &FloatClass ? FLOAT_V(a) : (double)INT_V(a);
        double y = b->cls == &FloatClass ? FLOAT_V(b) : (double)INT_V(b);
        switch (op) {
        case OP_ADD: return fast_float_result(a, b, local, x + y, reused);
        case OP_SUB: return fast_float_result(a, b, local, x - y, reused);
        case OP_MUL: return fast_float_result(a, b, local, x * y, reused);
        case OP_DIV:
            if (y == 0.0)
                return NULL;
            return fast_float_result(a, b, local, x / y, reused);
        default:
            return NULL;
        }
    }
    return NULL;
}

/* a op b (OP_EQ ... OP_GE) for two exact ints or two exact floats as a
 * borrowed True or False; NULL otherwise. */
static inline Obj *fast_compare(int op, Obj *a, Obj *b)
{
    int c;
    if (a->cls == &IntClass && b->cls == &IntClass) {
        int64_t x = INT_V(a), y = INT_V(b);
        c = x < y ? -1 : x > y;
    } else if (a->cls == &FloatClass && b->cls == &FloatClass) {
        double x = FLOAT_V(a), y = FLOAT_V(b);
        if (isnan(x) || isnan(y))
            return NULL;
        c = x < y ? -1 : x > y;
    } else {
        return NULL;
    }
    switch (op) {
    case OP_EQ: return BOOL(c == 0);
    case OP_NE: return BOOL(c != 0);
    case OP_LT: return BOOL(c < 0);
    case OP_LE: return BOOL(c <= 0);
    case OP_GT: return BOOL(c > 0);
    case OP_GE: return BOOL(c >= 0);
    default: return NULL;
    }
}

/* The int v for FOR_ITER over a range, whose next instruction is next:
 * when that stores into a local holding, alone, a pooled int, that int
 * gets the new value (the store then puts it back where it was) instead
 * of a new object being made while the old one is freed. */
static inline Obj *fast_loop_int(Obj **fast, uint32_t next, int64_t v)
{
    if (OPCODE(next) == I_STORE_FAST && (v < -5 || v > 256)) {
        Obj *old = fast[OPARG(next)];
        if (old && old->cls == &IntClass && old->rc == 1 && old->serial) {
            INT_V(old) = v;
            INCREF(old);
            return old;
        }
    }
    return int_new(v);
}

/* o[k] (borrowed) for a list or tuple and an int index in range, or a
 * dict and a str key it has; NULL otherwise (the full way then gives the
 * IndexError, the KeyError, slices and every other type). */
static inline Obj *fast_subscr(Obj *o, Obj *k)
{
    if ((o->cls == &ListClass || o->cls == &TupleClass) && k->cls == &IntClass) {
        int64_t i = INT_V(k), n = (int64_t)(o->cls == &ListClass ? LIST_N(o) : TUP_N(o));
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return NULL;
        return o->cls == &ListClass ? LIST_ITEMS(o)[i] : TUP_ITEMS(o)[i];
    }
    if (o->cls == &DictClass && k->cls == &StrClass)
        return dict_get(o, k);
    return NULL;
}

/* The truth of v when it is True, False or None (1 or 0); -1 otherwise. */
static inline int fast_truth(Obj *v)
{
    if (v == True)
        return 1;
    if (v == False || v == None)
        return 0;
    return -1;
}

#endif
