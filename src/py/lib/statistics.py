# statistics: mean, fmean, median (and _low, _high), mode, multimode,
# variance, pvariance, stdev, pstdev and StatisticsError, written for
# loopscope from the documented behaviour of CPython's statistics module.
# CPython computes mean and variance exactly with fractions and rounds once;
# loopscope has no big integers, so it keeps the error terms of float sums
# and products (Shewchuk partials, Dekker's exact product) and rounds once
# at the end: the same floats as CPython's except in pathological cases.
# Integer data keep CPython's int results (mean([1, 3]) is 2, an int).

from math import fsum as _fsum, sqrt as _sqrt


class StatisticsError(ValueError):
    pass


def _two_sum(a, b):
    s = a + b
    bb = s - a
    return s, (a - (s - bb)) + (b - bb)


def _split(a):
    c = 134217729.0 * a
    hi = c - (c - a)
    return hi, a - hi


def _two_prod(a, b):
    p = a * b
    ah, al = _split(a)
    bh, bl = _split(b)
    return p, ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _divide2(parts, n):
    # the quotient of the exact sum of parts by n as hi + lo
    q = _fsum(parts) / n
    p, e = _two_prod(q, float(n))
    rest = _fsum(parts + [-p, -e])
    hi, lo = _two_sum(q, rest / n)
    return hi, lo


def _divide(parts, n):
    # the correctly rounded quotient of the exact sum of parts by n
    return _divide2(parts, n)[0]


def _all_int(data):
    for x in data:
        if type(x) is not int and type(x) is not bool:
            return False
    return True


def mean(data):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError("mean requires at least one data point")
    n = len(data)
    if _all_int(data):
        total = sum(data)
        return total // n if total % n == 0 else total / n
    return _divide([float(x) for x in data], n)


def fmean(data, weights=None):
    data = list(data)
    if weights is not None:
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError("data and weights must be the same length")
        num = _fsum(x * w for x, w in zip(data, weights))
        den = _fsum(weights)
        if not den:
            raise StatisticsError("sum of weights must be non-zero")
        return num / den
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return _fsum(data) / len(data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2] if n % 2 == 1 else data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    if len(data) == 0:
        raise StatisticsError("no median for empty data")
    return data[len(data) // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _ssd(data, xbar):
    # the sum of squared deviations from the mean, as error-free parts
    n = len(data)
    if xbar is None:
        m = _divide([float(x) for x in data], n)
        mq, me = _two_prod(m, float(n))
        m_lo = _fsum([float(x) for x in data] + [-mq, -me]) / n
    else:
        m, m_lo = float(xbar), 0.0
    parts = []
    for x in data:
        d, e = _two_sum(float(x), -m)
        e = e - m_lo
        p, pe = _two_prod(d, d)
        parts += [p, pe, 2.0 * d * e, e * e]
    return parts


def _variance2(data, xbar, ddof, what):
    # (the variance as CPython returns it, its error term)
    data = list(data)
    n = len(data)
    if n < 1 + ddof:
        raise StatisticsError(f"{what} requires at least {'two data points' if ddof else 'one data point'}")
    if xbar is None and _all_int(data):
        # integers: CPython's exact fraction, an int when it is whole
        sx = sum(data)
        num = n * sum(x * x for x in data) - sx * sx
        den = n * (n - ddof)
        if num % den == 0:
            return num // den, 0.0
        return _divide2([float(num)], den)
    return _divide2(_ssd(data, xbar), n - ddof)


def _variance(data, xbar, ddof, what):
    return _variance2(data, xbar, ddof, what)[0]


def variance(data, xbar=None):
    return _variance(data, xbar, 1, "variance")


def pvariance(data, mu=None):
    return _variance(data, mu, 0, "pvariance")


def _root(v):
    # the square root of hi + lo, rounded once
    hi, lo = float(v[0]), v[1]
    s = _sqrt(hi)
    if s == 0.0:
        return s
    p, e = _two_prod(s, s)
    return s + (((hi - p) - e) + lo) / (2.0 * s)


def stdev(data, xbar=None):
    return _root(_variance2(data, xbar, 1, "variance"))


def pstdev(data, mu=None):
    return _root(_variance2(data, mu, 0, "pvariance"))
