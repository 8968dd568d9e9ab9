# math: the constants and functions of CPython's math module that scenarios
# use, written for loopscope over the C library's float functions
# (_cmath_fn, _cmath_fn2 in mathmod.c). Float results are the C library's,
# as in CPython.

pi = 3.141592653589793
e = 2.718281828459045
tau = 6.283185307179586
inf = float("inf")
nan = float("nan")


def _f(name, x):
    return _cmath_fn(name, x)


def sqrt(x):
    return _f("sqrt", x)


def exp(x):
    return _f("exp", x)


def log(x, base=None):
    if base is None:
        return _f("log", x)
    return _f("log", x) / _f("log", base)


def log2(x):
    return _f("log2", x)


def log10(x):
    return _f("log10", x)


def log1p(x):
    return _f("log1p", x)


def expm1(x):
    return _f("expm1", x)


def sin(x):
    return _f("sin", x)


def cos(x):
    return _f("cos", x)


def tan(x):
    return _f("tan", x)


def asin(x):
    return _f("asin", x)


def acos(x):
    return _f("acos", x)


def atan(x):
    return _f("atan", x)


def sinh(x):
    return _f("sinh", x)


def cosh(x):
    return _f("cosh", x)


def tanh(x):
    return _f("tanh", x)


def fabs(x):
    return _f("fabs", x)


def atan2(y, x):
    return _cmath_fn2("atan2", y, x)


def hypot(x, y):
    return _cmath_fn2("hypot", x, y)


def fmod(x, y):
    return _cmath_fn2("fmod", x, y)


def pow(x, y):
    return _cmath_fn2("pow", x, y)


def degrees(x):
    return x * (180.0 / pi)


def radians(x):
    return x * (pi / 180.0)


def isnan(x):
    return isinstance(x, float) and not (-inf <= x <= inf)


def isinf(x):
    return x == inf or x == -inf


def isfinite(x):
    return not isnan(x) and not isinf(x)


def _int_check(x, name):
    if isinstance(x, float) and (isnan(x) or isinf(x)):
        raise ValueError("cannot convert float NaN to integer") if isnan(x) else \
            OverflowError("cannot convert float infinity to integer")


def floor(x):
    _int_check(x, "floor")
    return int(x // 1)


def ceil(x):
    _int_check(x, "ceil")
    return -int((-x) // 1)


def trunc(x):
    return int(x)


def copysign(x, y):
    x = fabs(x)
    return -x if (y < 0 or (y == 0 and str(float(y)).startswith("-"))) else x


def isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0):
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise ValueError("tolerances must be non-negative")
    if a == b:
        return True
    if isinf(a) or isinf(b):
        return False
    diff = fabs(b - a)
    return diff <= fabs(rel_tol * b) or diff <= fabs(rel_tol * a) or diff <= abs_tol


def gcd(*integers):
    g = 0
    for n in integers:
        a, b = abs(g), abs(n)
        while b:
            a, b = b, a % b
        g = a
    return g


def lcm(*integers):
    r = 1
    for n in integers:
        if n == 0:
            return 0
        r = abs(r * n) // gcd(r, n)
    return r


def factorial(n):
    if not isinstance(n, int):
        raise TypeError("'float' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError("factorial() not defined for negative values")
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r


def comb(n, k):
    if k < 0 or k > n:
        return 0
    return factorial(n) // (factorial(k) * factorial(n - k))


def perm(n, k=None):
    if k is None:
        k = n
    if k < 0 or k > n:
        return 0
    return factorial(n) // factorial(n - k)


def prod(iterable, *, start=1):
    r = start
    for x in iterable:
        r = r * x
    return r


def fsum(iterable):
    # Shewchuk's exactly rounded sum (as CPython's fsum computes it)
    partials = []
    for x in iterable:
        x = float(x)
        i = 0
        for y in partials:
            if fabs(x) < fabs(y):
                x, y = y, x
            hi = x + y
            lo = y - (hi - x)
            if lo:
                partials[i] = lo
                i += 1
            x = hi
        partials[i:] = [x]
    # add the partials from the largest down while the sum stays exact,
    # then round half-even across the rest (CPython's last step)
    n = len(partials)
    if n == 0:
        return 0.0
    n -= 1
    hi = partials[n]
    lo = 0.0
    while n > 0:
        x = hi
        n -= 1
        y = partials[n]
        hi = x + y
        lo = y - (hi - x)
        if lo != 0.0:
            break
    if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or (lo > 0.0 and partials[n - 1] > 0.0)):
        y = lo * 2.0
        x = hi + y
        if y == x - hi:
            hi = x
    return hi


def isqrt(n):
    if n < 0:
        raise ValueError("isqrt() argument must be nonnegative")
    if n == 0:
        return 0
    x = int(sqrt(n))
    while x * x > n:
        x -= 1
    while (x + 1) * (x + 1) <= n:
        x += 1
    return x
