# contextvars: ContextVar, Token, Context and copy_context, written for
# loopscope on its current context (context.c). As in CPython's asyncio, a
# task copies the context current when it is created and runs in that copy.


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


_MISSING = _Missing()


class Token:
    MISSING = _MISSING

    def __init__(self, var, old_value):
        self.var = var
        self.old_value = old_value
        self._used = False

    def __repr__(self):
        return f"<Token{' used' if self._used else ''} var={self.var!r}>"


class ContextVar:
    __class_getitem__ = type(list[int])   # ContextVar[int]
    def __init__(self, name, *, default=_MISSING):
        self.name = name
        self._default = default

    def get(self, *args):
        ctx = _ctx_current()
        if self in ctx:
            return ctx[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _ctx_current()
        old = ctx[self] if self in ctx else _MISSING
        ctx[self] = value
        return Token(self, old)

    def reset(self, token):
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token.var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        ctx = _ctx_current()
        if token.old_value is _MISSING:
            if self in ctx:
                del ctx[self]
        else:
            ctx[self] = token.old_value
        token._used = True

    def __repr__(self):
        d = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self.name!r}{d}>"

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other


class Context:
    def __init__(self, data=None):
        self._data = {} if data is None else data

    def run(self, callable, *args, **kwargs):
        prev = _ctx_swap(self._data)
        try:
            return callable(*args, **kwargs)
        finally:
            _ctx_swap(prev)

    def copy(self):
        return Context(dict(self._data))

    def get(self, var, default=None):
        return self._data.get(var, default)

    def __getitem__(self, var):
        return self._data[var]

    def __contains__(self, var):
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()


def copy_context():
    return Context(dict(_ctx_current()))
