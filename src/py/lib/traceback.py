# traceback: print_exc, format_exc, print_exception, format_exception and
# format_exception_only, written for loopscope. The exception being
# handled is found the way CPython chains exceptions (a probe raised here
# gets it as __context__). The text is loopscope's own traceback: the same
# "Traceback (most recent call last):" shape, frames and last line as
# CPython's, but the library's frames are named <asyncio> and the like and
# there are no ^^^ markers under the failing expression. print_exc and
# print_exception write to standard error (kept out of the trace, as in
# CPython); format_exception_only is exactly CPython's.


class _Probe(Exception):
    pass


def _handled():
    try:
        raise _Probe()
    except _Probe as probe:
        return probe.__context__


def _exception(exc, value):
    # print_exception(exc) and the older print_exception(type, value, tb)
    return exc if value is _NO_VALUE else value


class _NO_VALUE:
    # a class, not an instance: importing makes no object (addresses stay put)
    pass


def _write(text, file):
    if file is None:
        _stderr(text)
    else:
        file.write(text)


# asyncio's exceptions live in the asyncio prelude or in C here; CPython
# names the submodule that defines them
_ASYNCIO_HOMES = {
    "CancelledError": "asyncio.exceptions", "InvalidStateError": "asyncio.exceptions",
    "BrokenBarrierError": "asyncio.exceptions", "IncompleteReadError": "asyncio.exceptions",
    "LimitOverrunError": "asyncio.exceptions", "SendfileNotAvailableError": "asyncio.exceptions",
    "QueueEmpty": "asyncio.queues", "QueueFull": "asyncio.queues",
}


def format_exception_only(exc, value=_NO_VALUE):
    e = _exception(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    name = type(e).__qualname__
    module = type(e).__module__
    if module in ("builtins", "asyncio") and name in _ASYNCIO_HOMES:
        module = _ASYNCIO_HOMES[name]
    if module not in ("builtins", "__main__"):
        name = f"{module}.{name}"
    text = str(e)
    return [f"{name}: {text}\n" if text else f"{name}\n"]


def format_exception(exc, value=_NO_VALUE, tb=None, limit=None, chain=True):
    e = _exception(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    return [line + "\n" for line in _format_tb(e).rstrip("\n").split("\n")]


def print_exception(exc, value=_NO_VALUE, tb=None, limit=None, file=None, chain=True):
    _write("".join(format_exception(exc, value)), file)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(_handled()))


def print_exc(limit=None, file=None, chain=True):
    _write(format_exc(), file)
