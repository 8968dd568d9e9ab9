# collections: deque, defaultdict, Counter, OrderedDict, ChainMap and
# namedtuple, written for loopscope in the scenario language. Differences
# from CPython: defaultdict, Counter and OrderedDict are not dict
# subclasses (isinstance(x, dict) is False), and a namedtuple is not a
# tuple subclass; what they print and how they behave otherwise follows
# CPython.


def _check_maxlen(maxlen):
    if maxlen is not None and (not isinstance(maxlen, int) or maxlen < 0):
        raise ValueError("maxlen must be non-negative")


class deque:
    def __init__(self, iterable=(), maxlen=None):
        _check_maxlen(maxlen)
        self._items = []
        self.maxlen = maxlen
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop(0)

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def clear(self):
        self._items.clear()

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        return self._items.index(x, *args)

    def insert(self, i, x):
        if self.maxlen is not None and len(self._items) >= self.maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, x):
        self._items.remove(x)

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            if n:
                self._items[:] = self._items[-n:] + self._items[:-n]

    def copy(self):
        return deque(self._items, self.maxlen)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __iter__(self):
        return iter(list(self._items))

    def __contains__(self, x):
        return x in self._items

    def __getitem__(self, i):
        if isinstance(i, slice):
            raise TypeError("sequence index must be integer, not 'slice'")
        if not self._items:
            raise IndexError("deque index out of range")
        try:
            return self._items[i]
        except IndexError:
            raise IndexError("deque index out of range") from None

    def __setitem__(self, i, v):
        self._items[i] = v

    def __delitem__(self, i):
        del self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __repr__(self):
        if self.maxlen is None:
            return f"deque({self._items!r})"
        return f"deque({self._items!r}, maxlen={self.maxlen})"


class _DictLike:
    """The mapping methods shared by defaultdict, Counter and OrderedDict."""

    def __init__(self, *args, **kwargs):
        self._d = {}
        self.update(*args, **kwargs)

    def update(self, *args, **kwargs):
        if args:
            other = args[0]
            if isinstance(other, _DictLike):
                other = other._d
            if isinstance(other, dict):
                for k in other:
                    self[k] = other[k]
            else:
                for k, v in other:
                    self[k] = v
        for k in kwargs:
            self[k] = kwargs[k]

    def __getitem__(self, k):
        if k in self._d:
            return self._d[k]
        return self.__missing__(k)

    def __missing__(self, k):
        raise KeyError(k)

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __iter__(self):
        return iter(list(self._d))

    def __len__(self):
        return len(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def get(self, k, default=None):
        return self._d.get(k, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, k, *default):
        return self._d.pop(k, *default)

    def popitem(self):
        return self._d.popitem()

    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)

    def clear(self):
        self._d.clear()

    def copy(self):
        c = type(self)()
        c._d = dict(self._d)
        return c


class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self.default_factory = default_factory
        super().__init__(*args, **kwargs)

    def __missing__(self, k):
        if self.default_factory is None:
            raise KeyError(k)
        v = self.default_factory()
        self._d[k] = v
        return v

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        f = self.default_factory
        fr = "None" if f is None else (f"<class '{f.__name__}'>" if isinstance(f, type) else repr(f))
        return f"defaultdict({fr}, {self._d!r})"


class OrderedDict(_DictLike):
    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            rest = self._d
            self._d = {key: v}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        key = list(self._d)[-1 if last else 0]
        return key, self._d.pop(key)

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        if _pyver() >= (3, 12):
            return f"OrderedDict({self._d!r})"    # 3.12: a dict display
        return f"OrderedDict({list(self._d.items())!r})"


class Counter(_DictLike):
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        self.update(iterable, **kwargs)

    def __missing__(self, k):
        return 0

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k in kwargs:
            self._d[k] = self._d.get(k, 0) + kwargs[k]

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, (dict, _DictLike)):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) - v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        for k in kwargs:
            self._d[k] = self._d.get(k, 0) - kwargs[k]

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def elements(self):
        out = []
        for k, v in self._d.items():
            out.extend([k] * v)
        return iter(out)

    def total(self):
        return sum(self._d.values())

    def copy(self):
        return Counter(self._d)

    def __add__(self, other):
        r = Counter()
        for k, v in self._d.items():
            n = v + other[k]
            if n > 0:
                r._d[k] = n
        for k, v in other.items():
            if k not in self._d and v > 0:
                r._d[k] = v
        return r

    def __sub__(self, other):
        r = Counter()
        for k, v in self._d.items():
            n = v - other[k]
            if n > 0:
                r._d[k] = n
        for k, v in other.items():
            if k not in self._d and v < 0:
                r._d[k] = -v
        return r

    def __repr__(self):
        if not self._d:
            return "Counter()"
        parts = ", ".join(f"{k!r}: {v!r}" for k, v in self.most_common())
        return "Counter({" + parts + "})"


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, k):
        for m in self.maps:
            if k in m:
                return m[k]
        raise KeyError(k)

    def get(self, k, default=None):
        return self[k] if k in self else default

    def __contains__(self, k):
        return any(k in m for m in self.maps)

    def __setitem__(self, k, v):
        self.maps[0][k] = v

    def __delitem__(self, k):
        del self.maps[0][k]

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        seen = {}
        for m in reversed(self.maps):
            for k in m:
                seen[k] = None
        return iter(list(seen))

    def keys(self):
        return list(self)

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return f"ChainMap({', '.join(repr(m) for m in self.maps)})"


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    nf = len(fields)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > nf:
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[nf - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        if len(args) > nf:
            raise TypeError(f"{typename}.__new__() takes {nf + 1} positional arguments but {len(args) + 1} were given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [n for n in fields[len(values):] if n not in kwargs and n not in field_defaults]
                raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument"
                                f"{'s' if len(missing) > 1 else ''}: "
                                + " and ".join(repr(m) for m in missing))
        if kwargs:
            raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{list(kwargs)[0]}'")
        self._values = tuple(values)
        for name, v in zip(fields, values):
            setattr(self, name, v)

    def __repr__(self):
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(fields, self._values))
        return f"{typename}({inner})"

    def __iter__(self):
        return iter(self._values)

    def __len__(self):
        return nf

    def __getitem__(self, i):
        return self._values[i]

    def __eq__(self, other):
        if hasattr(other, "_values"):
            return self._values == other._values
        return self._values == other

    def __lt__(self, other):
        return self._values < tuple(other)

    def __le__(self, other):
        return self._values <= tuple(other)

    def __gt__(self, other):
        return self._values > tuple(other)

    def __ge__(self, other):
        return self._values >= tuple(other)

    def __hash__(self):
        return hash(self._values)

    def _asdict(self):
        return dict(zip(fields, self._values))

    def _replace(self, **kwargs):
        values = [kwargs.pop(n, v) for n, v in zip(fields, self._values)]
        if kwargs:
            raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
        return cls(*values)

    def count(self, x):
        return self._values.count(x)

    def index(self, x):
        return self._values.index(x)

    def _make(iterable):
        return cls(*iterable)

    ns = {
        "__module__": "__main__" if module is None else module,
        "__init__": __init__, "__repr__": __repr__, "__iter__": __iter__, "__len__": __len__,
        "__getitem__": __getitem__, "__eq__": __eq__, "__hash__": __hash__, "__lt__": __lt__,
        "__le__": __le__, "__gt__": __gt__, "__ge__": __ge__, "_asdict": _asdict,
        "_replace": _replace, "count": count, "index": index, "_make": staticmethod(_make),
        "_fields": fields, "_field_defaults": field_defaults,
    }
    cls = _new_class(typename, None, ns)
    return cls
