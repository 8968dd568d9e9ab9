# inspect: the predicates scenarios use to tell functions, coroutines and
# generators apart (iscoroutinefunction, isawaitable, ...), from the code
# flags of the function (under bound methods and functools.partial).

_CO_COROUTINE = 1
_CO_GENERATOR = 2
_CO_ASYNC_GENERATOR = 64


from types import CoroutineType as _CoroutineType, GeneratorType as _GeneratorType


def iscoroutinefunction(obj):
    return bool(_code_flags(obj) & _CO_COROUTINE)


def isgeneratorfunction(obj):
    return bool(_code_flags(obj) & _CO_GENERATOR)


def isasyncgenfunction(obj):
    return bool(_code_flags(obj) & _CO_ASYNC_GENERATOR)


def iscoroutine(obj):
    return isinstance(obj, _CoroutineType)


def isgenerator(obj):
    return isinstance(obj, _GeneratorType)


def isawaitable(obj):
    return isinstance(obj, _CoroutineType) or hasattr(obj, "__await__")


def isfunction(obj):
    return _code_flags(obj) != 0 or type(obj).__name__ == "function"


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return type(obj).__name__ == "method"
