"""CPython's built-in exception hierarchy, with the same bases."""
import asyncio

names = [
    ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
    ConnectionResetError, EOFError, FileNotFoundError, FileExistsError, PermissionError,
    IsADirectoryError, NotADirectoryError, InterruptedError, BlockingIOError,
    ChildProcessError, ProcessLookupError, ImportError, ModuleNotFoundError,
    FloatingPointError, BufferError, ReferenceError, SystemError, SyntaxError,
    IndentationError, TabError, UnicodeDecodeError, UnicodeEncodeError,
    UnicodeTranslateError, Warning, UserWarning, DeprecationWarning,
    PendingDeprecationWarning, RuntimeWarning, SyntaxWarning, FutureWarning,
    ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning,
    TimeoutError, OSError,
]
for cls in names:
    print(cls.__name__, "<-", cls.__bases__[0].__name__)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(ConnectionResetError, OSError), issubclass(UserWarning, Exception))
print(issubclass(TabError, SyntaxError), issubclass(ModuleNotFoundError, ImportError))


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ConnectionResetError("peer reset")
    if n == 3:
        raise FileNotFoundError("no such file")
    return n


async def main():
    results = await asyncio.gather(fetch(1), fetch(2), fetch(3), return_exceptions=True)
    for r in results:
        print(repr(r), isinstance(r, OSError), isinstance(r, ConnectionError))
    try:
        await fetch(2)
    except ConnectionError as e:
        print("caught", type(e).__name__, e)
    try:
        raise EOFError
    except IOError:
        print("not here")
    except Exception as e:
        print("EOFError is not an IOError:", repr(e))


asyncio.run(main())
