# aiofiles: simulated asynchronous files in loopscope's in-memory file
# system (_simnet: a scenario seeds files with `# loopscope: file` lines;
# what it writes stays in memory). Never touches the host. Each operation
# yields to the loop once. Shared with the CPython oracle as a stand-in.
# Binary modes ("rb", "wb", ...) read and write bytes; the file system keeps
# str or bytes, converted as UTF-8 when a file is opened in the other mode.

import _simnet


def _as(content, binary):
    if binary and isinstance(content, str):
        return content.encode()
    if not binary and isinstance(content, bytes):
        return content.decode()
    return content


class _File:
    def __init__(self, path, mode):
        self.name = path
        self.mode = mode
        self.closed = False
        self._binary = "b" in mode
        empty = b"" if self._binary else ""
        if "r" in mode:
            self._text = _as(_simnet.read_file(path), self._binary)
        elif "a" in mode:
            self._text = _as(_simnet.read_file(path), self._binary) if _simnet.file_exists(path) else empty
            _simnet.write_file(path, self._text)
        elif "x" in mode and _simnet.file_exists(path):
            raise FileExistsError(f"[Errno 17] File exists: '{path}'")
        else:
            self._text = empty
            _simnet.write_file(path, empty)
        self._pos = 0 if "a" not in mode else len(self._text)

    def _check(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    async def read(self, size=-1):
        await _simnet.file_op()
        self._check()
        if "r" not in self.mode and "+" not in self.mode:
            raise OSError("not readable")
        end = len(self._text) if size is None or size < 0 else min(len(self._text), self._pos + size)
        out = self._text[self._pos:end]
        self._pos = end
        return out

    async def readline(self):
        await _simnet.file_op()
        self._check()
        nl = self._text.find(b"\n" if self._binary else "\n", self._pos)
        end = len(self._text) if nl < 0 else nl + 1
        out = self._text[self._pos:end]
        self._pos = end
        return out

    async def readlines(self):
        out = []
        while True:
            line = await self.readline()
            if not line:
                return out
            out.append(line)

    async def write(self, s):
        await _simnet.file_op()
        self._check()
        if "r" in self.mode and "+" not in self.mode:
            raise OSError("not writable")
        if self._binary and not isinstance(s, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(s).__name__}'")
        if not self._binary and not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        self._text = self._text[:self._pos] + s + self._text[self._pos + len(s):]
        self._pos += len(s)
        _simnet.write_file(self.name, self._text)
        return len(s)

    async def writelines(self, lines):
        for line in lines:
            await self.write(line)

    async def flush(self):
        await _simnet.file_op()

    async def seek(self, offset, whence=0):
        await _simnet.file_op()
        self._pos = offset if whence == 0 else (self._pos + offset if whence == 1 else len(self._text) + offset)
        return self._pos

    async def tell(self):
        await _simnet.file_op()
        return self._pos

    async def close(self):
        await _simnet.file_op()
        self.closed = True

    def __aiter__(self):
        return self

    async def __anext__(self):
        line = await self.readline()
        if not line:
            raise StopAsyncIteration
        return line

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()


class _OpenContext:
    def __init__(self, coro):
        self._coro = coro
        self._file = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._file = await self._coro
        return self._file

    async def __aexit__(self, exc_type, exc, tb):
        await self._file.close()


async def _open(path, mode):
    await _simnet.file_op()
    return _File(str(path), mode)


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None,
         loop=None, executor=None):
    return _OpenContext(_open(file, mode))
