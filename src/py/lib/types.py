# types: SimpleNamespace, and names for the types of a few objects.


class SimpleNamespace:
    def __init__(self, **kwargs):
        self._names = []
        for k in kwargs:
            setattr(self, k, kwargs[k])
            self._names.append(k)

    def __repr__(self):
        items = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._names if hasattr(self, k))
        return f"namespace({items})"

    def __eq__(self, other):
        if not isinstance(other, SimpleNamespace):
            return False
        mine = {k: getattr(self, k) for k in self._names if hasattr(self, k)}
        theirs = {k: getattr(other, k) for k in other._names if hasattr(other, k)}
        return mine == theirs


async def _coro():
    pass


def _gen():
    yield


def _func():
    pass


_c = _coro()
CoroutineType = type(_c)
_c.close()
GeneratorType = type(_gen())
FunctionType = type(_func)
LambdaType = FunctionType
BuiltinFunctionType = type(len)
import _ctime
ModuleType = type(_ctime)
NoneType = type(None)
GenericAlias = type(list[int])
