# asyncio.exceptions: the exception classes of asyncio, reachable as
# asyncio.exceptions.X as in CPython (the same classes as asyncio.X).
# export: CancelledError TimeoutError InvalidStateError
from asyncio import CancelledError, TimeoutError, InvalidStateError


class SendfileNotAvailableError(RuntimeError):
    pass


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        r_expected = "undefined" if expected is None else repr(expected)
        super().__init__(f"{len(partial)} bytes read on a total of {r_expected} expected bytes")
        self.partial = partial
        self.expected = expected


class LimitOverrunError(Exception):
    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed


class BrokenBarrierError(RuntimeError):
    pass
