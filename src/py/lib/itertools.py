# itertools: the iterator building blocks, as generators written for
# loopscope from the documented behaviour of CPython's itertools.


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def accumulate(iterable, func=None, *, initial=None):
    total = initial
    first = initial is None
    if initial is not None:
        yield initial
    for x in iterable:
        if first:
            total = x
            first = False
        elif func is None:
            total = total + x
        else:
            total = func(total, x)
        yield total


def _chain(iterables):
    for it in iterables:
        for x in it:
            yield x


class chain:
    def __init__(self, *iterables):
        self._gen = _chain(iterables)

    def __iter__(self):
        return self._gen

    def __next__(self):
        return next(self._gen)

    def from_iterable(iterables):
        return _chain(iterables)

    from_iterable = staticmethod(from_iterable)


def compress(data, selectors):
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    dropping = True
    for x in iterable:
        if dropping and predicate(x):
            continue
        dropping = False
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if not predicate(x):
            return
        yield x


def filterfalse(predicate, iterable):
    for x in iterable:
        if not (bool(x) if predicate is None else predicate(x)):
            yield x


def islice(iterable, *args):
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
    elif len(args) == 2:
        start, stop, step = args[0], args[1], 1
    else:
        start, stop, step = args
    start = 0 if start is None else start
    step = 1 if step is None else step
    if start < 0 or (stop is not None and stop < 0) or step <= 0:
        raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
    # never takes an item past stop from the iterator (CPython's islice leaves
    # the rest where it is: tuple(islice(it, n)) takes exactly n)
    it = iter(iterable)
    nexti = start
    i = 0
    while stop is None or i < stop:
        try:
            x = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield x
            nexti += step
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(list(items)) for _ in range(n))


def zip_longest(*iterables, fillvalue=None):
    lists = [list(it) for it in iterables]
    longest = max((len(x) for x in lists), default=0)
    for i in range(longest):
        yield tuple(x[i] if i < len(x) else fillvalue for x in lists)


def pairwise(iterable):
    first = True
    prev = None
    for x in iterable:
        if not first:
            yield (prev, x)
        prev = x
        first = False


def groupby(iterable, key=None):
    groups = []
    for x in iterable:
        k = x if key is None else key(x)
        if groups and groups[-1][0] == k:
            groups[-1][1].append(x)
        else:
            groups.append((k, [x]))
    for k, items in groups:
        yield k, iter(items)


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for indices in product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


if _pyver() >= (3, 12):
    # batched is new in 3.12 (3.11 has no such attribute); 3.13 adds strict=.
    def _batched(iterable, n, strict):
        it = iter(iterable)
        while True:
            batch = tuple(islice(it, n))
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError("batched(): incomplete batch")
            yield batch

    if _pyver() >= (3, 13):
        def batched(iterable, n, *, strict=False):
            if n < 1:
                raise ValueError("n must be at least one")
            return _batched(iterable, n, strict)
    else:
        def batched(iterable, n):
            if n < 1:
                raise ValueError("n must be at least one")
            return _batched(iterable, n, False)
