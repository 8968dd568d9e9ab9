/* mathmod.c: the C half of the math module (_cmath_fns): the float
 * functions of the C library that the scenario language cannot compute
 * exactly, each as CPython's math module calls it. src/py/lib/math.py
 * builds the module scenarios import on top of it (constants, floor, ceil,
 * isclose, gcd, ...). Owns nothing else. */
#include "model.h"

#include <math.h>
#include <string.h>

static bool as_double(Obj *o, double *out)
{
    if (IS(o, FloatClass)) {
        *out = FLOAT_V(o);
        return true;
    }
    if (is_int(o)) {
        *out = (double)int_value(o);
        return true;
    }
    err_format(&TypeErrorClass, "must be real number, not %s", obj_type_name(o));
    return false;
}

typedef double (*Fn1)(double);

static const struct { const char *name; Fn1 fn; bool positive, nonneg, unit; } fns[] = {
    {"sqrt", sqrt, false, true, false}, {"exp", exp, false, false, false}, {"log", log, true, false, false},
    {"log2", log2, true, false, false}, {"log10", log10, true, false, false}, {"sin", sin, false, false, false},
    {"cos", cos, false, false, false}, {"tan", tan, false, false, false}, {"asin", asin, false, false, true},
    {"acos", acos, false, false, true}, {"atan", atan, false, false, false}, {"sinh", sinh, false, false, false},
    {"cosh", cosh, false, false, false}, {"tanh", tanh, false, false, false}, {"fabs", fabs, false, false, false},
    {"log1p", log1p, false, false, false}, {"expm1", expm1, false, false, false},
};

/* _cmath_fn(name, x): fns[name](x), with CPython's "math domain error" */
static Obj *p_fn(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_cmath_fn", nargs, kw, 2, 2))
        return NULL;
    double x;
    if (!IS(args[0], StrClass) || !as_double(args[1], &x))
        return NULL;
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        if (strcmp(fns[i].name, STR_S(args[0])) != 0)
            continue;
        if (!isnan(x) && ((fns[i].positive && x <= 0) || (fns[i].nonneg && x < 0) ||
                          (fns[i].unit && (x < -1 || x > 1)) ||
                          (strcmp(fns[i].name, "log1p") == 0 && x <= -1)))
            return err_null(&ValueErrorClass, "math domain error");
        double r = fns[i].fn(x);
        if (isinf(r) && !isinf(x))
            return err_null(&OverflowErrorClass, "math range error");
        return float_new(r);
    }
    return err_null(&ValueErrorClass, "_cmath_fn: no function %s", STR_S(args[0]));
}

/* _cmath_pow(x, y) and _cmath_atan2(y, x), _cmath_fmod(x, y) */
static Obj *p_fn2(Obj *self, Obj **args, int nargs, Obj *kw)
{
    (void)self;
    if (!vm_check_nargs("_cmath_fn2", nargs, kw, 3, 3))
        return NULL;
    double x, y;
    if (!IS(args[0], StrClass) || !as_double(args[1], &x) || !as_double(args[2], &y))
        return NULL;
    const char *n = STR_S(args[0]);
    if (strcmp(n, "atan2") == 0)
        return float_new(atan2(x, y));
    if (strcmp(n, "hypot") == 0)
        return float_new(hypot(x, y));
    if (strcmp(n, "fmod") == 0) {
        if (y == 0 && !isnan(x))
            return err_null(&ValueErrorClass, "math domain error");
        return float_new(fmod(x, y));
    }
    if (strcmp(n, "pow") == 0) {
        if (x == 0 && y < 0)
            return err_null(&ValueErrorClass, "math domain error");
        if (x < 0 && y != floor(y) && !isinf(y))
            return err_null(&ValueErrorClass, "math domain error");
        double r = pow(x, y);
        if (isinf(r) && !isinf(x) && !isinf(y))
            return err_null(&OverflowErrorClass, "math range error");
        return float_new(r);
    }
    return err_null(&ValueErrorClass, "_cmath_fn2: no function %s", n);
}

void mathmod_add_prims(Obj *module_dict)
{
    static const LibPrim prims[] = {{"_cmath_fn", p_fn}, {"_cmath_fn2", p_fn2}};
    stdlib_add_prims(module_dict, prims, sizeof prims / sizeof prims[0]);
}
