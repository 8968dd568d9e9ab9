# pytrace.py: the CPython oracle. Runs a scenario under real CPython 3.11 asyncio
# on a virtual clock and prints the trace described in docs trace-format.md.
#
#   python3 tests/oracle/pytrace.py FILE.py
#
# Standard library only. Exit status: 0 on normal completion, 1 after an uncaught
# exception ("error" line, traceback on stderr) or a deadlock ("deadlock" line).
#
# What it changes in CPython, and nothing more:
#   - the event loop (a SelectorEventLoop subclass) reads a process-global virtual
#     clock, and its selector never sleeps: it jumps the clock to the earliest timer;
#   - timers order by (when, sequence), so equal deadlines fire first-in first-out;
#   - every task's coroutine is wrapped to write start/done/raised/cancelled;
#   - asyncio.run's leftover tasks are cancelled in creation order, and "end" is
#     written when asyncio.run returns or raises;
#   - time.sleep/time/monotonic/perf_counter use the virtual clock;
#   - print and warnings.showwarning write trace lines.

import asyncio
import asyncio.base_events
import asyncio.events
import asyncio.runners
import asyncio.tasks
import builtins
import collections.abc
import gc
import heapq
import itertools
import os
import runpy
import selectors
import sys
import time
import traceback
import warnings
import weakref

_clock = 0.0                      # the virtual clock, shared by every loop
_out = sys.stdout                 # where trace lines go
_pending = ""                     # printed text not yet ended by a newline
_real_print = builtins.print


# ---------------------------------------------------------------- trace output

def _write(kind, text=None):
    """Write one trace line "<t> kind[ text]" at the current virtual time."""
    line = f"{_clock:.3f} {kind}" if text is None else f"{_clock:.3f} {kind} {text}"
    _out.write(line + "\n")


def _flush_pending():
    """A partial line (print(..., end="")) becomes its own print event."""
    global _pending
    if _pending:
        text, _pending = _pending, ""
        _write("print", text)


def _event(kind, text=None):
    """Every non-print event first flushes a pending partial print line."""
    _flush_pending()
    _write(kind, text)


def _print(*args, sep=" ", end="\n", file=None, flush=False):
    global _pending
    if file is not None and file is not sys.stdout:
        _real_print(*args, sep=sep, end=end, file=file, flush=flush)
        return
    if sep is None:
        sep = " "
    if end is None:
        end = "\n"
    _pending += sep.join(str(a) for a in args) + end
    *lines, _pending = _pending.split("\n")
    for line in lines:
        _write("print", line)


def _showwarning(message, category, filename, lineno, file=None, line=None):
    _event("warn", str(message))


# ---------------------------------------------------------------- the clock

def _time():
    return _clock


def _sleep(secs):
    """time.sleep blocks the whole loop: the clock moves, nothing else runs."""
    global _clock
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    _clock = _clock + secs


class _VirtualSelector(selectors.SelectSelector):
    """A selector that never sleeps. Registration (the loop's self-pipe) still
    works; select reports no I/O. A wait jumps the clock to the earliest timer;
    a wait with nothing to wait for is a deadlock."""

    loop = None

    def select(self, timeout=None):
        global _clock
        if timeout is None:
            _event("deadlock")
            _out.flush()
            sys.stderr.flush()
            os._exit(1)
        if timeout > 0:
            live = [h._when for h in self.loop._scheduled if not h._cancelled]
            if live:
                # Jump to the deadline itself; now + timeout could round.
                _clock = max(_clock, min(live))
        return []


_timer_seq = itertools.count()


class _SeqTimerHandle(asyncio.events.TimerHandle):
    """A TimerHandle ordered by (when, sequence): equal deadlines are FIFO."""

    __slots__ = ["_seq"]

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_timer_seq)

    def _key(self):
        return (self._when, self._seq)

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __eq__(self, other):
        if isinstance(other, _SeqTimerHandle):
            return self._key() == other._key()
        return NotImplemented


# ---------------------------------------------------------------- tasks

_SHUTDOWN_CODES = (
    asyncio.base_events.BaseEventLoop.shutdown_asyncgens.__code__,
    asyncio.base_events.BaseEventLoop.shutdown_default_executor.__code__,
)

_registry = []    # weak references to every task, in creation order


class _TracedCoro(collections.abc.Coroutine):
    """Forwards the coroutine protocol to the task's real coroutine and writes
    start (first send/throw) and done/raised/cancelled (when it finishes)."""

    def __init__(self, coro):
        self._coro = coro
        self._task = None          # weakref to the task, set by the factory
        self._started = False
        self.__name__ = getattr(coro, "__name__", type(coro).__name__)
        self.__qualname__ = getattr(coro, "__qualname__", self.__name__)

    def _say(self, kind, extra=None):
        task = self._task() if self._task is not None else None
        name = task.get_name() if task is not None else "?"
        text = f"{name} {self.__name__}"
        if extra is not None:
            text += " " + extra
        _event(kind, text)

    def _step(self, method, *args):
        if not self._started:
            self._started = True
            self._say("start")
        try:
            return method(*args)
        except StopIteration:
            self._say("done")
            raise
        except asyncio.CancelledError:
            self._say("cancelled")
            raise
        except BaseException as e:
            self._say("raised", type(e).__name__)
            raise

    def send(self, value):
        return self._step(self._coro.send, value)

    def throw(self, *args):
        return self._step(self._coro.throw, *args)

    def close(self):
        return self._coro.close()

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def __getattr__(self, attr):
        # cr_frame, cr_code, cr_running... for reprs and introspection
        return getattr(self._coro, attr)


def _task_factory(loop, coro, context=None, name=None):
    """Like 3.11's default task creation, plus the tracing wrapper. Takes name
    so that a named task does not use up a Task-N number (see _TraceLoop)."""
    if (not asyncio.iscoroutine(coro)
            or getattr(coro, "cr_code", None) in _SHUTDOWN_CODES):
        # Not traced: asyncio.run's own shutdown tasks (they still use up
        # their Task-N numbers), and non-coroutines, which Task rejects with
        # CPython's own TypeError.
        return asyncio.Task(coro, loop=loop, name=name, context=context)
    wrapped = _TracedCoro(coro)
    task = asyncio.Task(wrapped, loop=loop, name=name, context=context)
    wrapped._task = weakref.ref(task)
    _registry.append(weakref.ref(task))
    return task


class _TraceLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        sel = _VirtualSelector()
        super().__init__(selector=sel)
        sel.loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return _clock

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _SeqTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def create_task(self, coro, *, name=None, context=None):
        # 3.11's create_task calls a task factory without the name and then
        # renames the task, so a named task would still use up a Task-N number.
        # Passing the name to the Task keeps the numbering of plain CPython.
        self._check_closed()
        return _task_factory(self, coro, context=context, name=name)


class _TracePolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = _TraceLoop


def _cancel_all_tasks(loop):
    """asyncio.runners._cancel_all_tasks, but in task-creation order."""
    to_cancel = []
    for ref in _registry:
        t = ref()
        if t is not None and t.get_loop() is loop and not t.done():
            to_cancel.append(t)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(asyncio.tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                "message": "unhandled exception during asyncio.run() shutdown",
                "exception": task.exception(),
                "task": task,
            })


_stock_run = asyncio.runners.run


def _run(main, *, debug=None):
    try:
        return _stock_run(main, debug=debug)
    finally:
        _registry[:] = [r for r in _registry if r() is not None]
        _event("end")


# ======================================================== BEGIN set-order block
# Where CPython 3.11's asyncio iterates a set of tasks, the order comes from
# memory addresses. trace-format.md fixes it as "the order the tasks were
# created (for coroutines passed in, the order given)". Only the two places
# where that order is observable are patched, and only their set:
#   - as_completed: `{ensure_future(f) for f in set(fs)}` decides which
#     coroutine's task is created first (Task-N numbers, start order), and
#     `for f in todo: f.add_done_callback(...)` decides the order in which
#     futures that are already done come out. The function below is 3.11.7's
#     as_completed with both sets replaced by an insertion-ordered set.
#   - TaskGroup._abort: `for t in self._tasks: t.cancel()` decides the order in
#     which siblings get their CancelledError. TaskGroup.__init__ is wrapped to
#     make `_tasks` an insertion-ordered set; the rest is the real TaskGroup.
# asyncio.wait is not patched: it takes no coroutines in 3.11, and the order
# in which it adds its callback to its futures is not observable. The (done,
# pending) sets it returns stay real sets (scenarios must not iterate them
# unsorted). asyncio.run's shutdown order is handled by _cancel_all_tasks above.

import asyncio.taskgroups


class _InsertionOrderedSet(collections.abc.MutableSet):
    """A set that iterates in insertion order (like a dict's keys). Changing
    it while iterating raises RuntimeError, as a real set does."""

    __slots__ = ("_items",)

    def __init__(self, items=()):
        self._items = dict.fromkeys(items)

    def __contains__(self, item):
        return item in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def add(self, item):
        self._items[item] = None

    def discard(self, item):
        self._items.pop(item, None)

    def clear(self):
        self._items.clear()


def _ordered_as_completed(fs, *, timeout=None):
    """asyncio.tasks.as_completed of CPython 3.11.7 with ordered sets."""
    if asyncio.futures.isfuture(fs) or asyncio.coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from asyncio.queues import Queue
    done = Queue()

    loop = asyncio.events._get_event_loop()
    todo = _InsertionOrderedSet(asyncio.tasks.ensure_future(f, loop=loop)
                                for f in _InsertionOrderedSet(fs))
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # Queue a dummy value for _wait_for_one().
        todo.clear()  # Can't do todo.remove(f) in the loop.

    def _on_completion(f):
        if not todo:
            return  # _on_timeout() was here first.
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # Dummy value from _on_timeout().
            raise asyncio.exceptions.TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


_stock_taskgroup_init = asyncio.taskgroups.TaskGroup.__init__


def _ordered_taskgroup_init(self):
    _stock_taskgroup_init(self)
    self._tasks = _InsertionOrderedSet()


def _install_set_order():
    asyncio.tasks.as_completed = _ordered_as_completed
    asyncio.as_completed = _ordered_as_completed
    asyncio.taskgroups.TaskGroup.__init__ = _ordered_taskgroup_init


# Applied when the harness loads, so that this block needs no line elsewhere.
_install_set_order()
# ========================================================== END set-order block


# ---------------------------------------------------------------- main

def _install():
    asyncio.set_event_loop_policy(_TracePolicy())
    asyncio.runners._cancel_all_tasks = _cancel_all_tasks
    asyncio.runners.run = _run
    asyncio.run = _run
    time.sleep = _sleep
    time.time = _time
    time.monotonic = _time
    time.perf_counter = _time
    builtins.print = _print
    warnings.simplefilter("always")
    warnings.showwarning = _showwarning


def _print_traceback(exc):
    """Print exc like Python's own top level does, without the harness's frames."""
    def harness(fs):
        return fs.filename == __file__ or fs.filename.startswith("<frozen runpy")

    te = traceback.TracebackException(type(exc), exc, exc.__traceback__)
    seen = set()
    t = te
    while t is not None and id(t) not in seen:
        seen.add(id(t))
        t.stack = traceback.StackSummary.from_list(
            [fs for fs in t.stack if not harness(fs)])
        t = t.__cause__ or t.__context__
    sys.stderr.write("".join(te.format()))


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: pytrace.py FILE.py\n")
        return 2
    path = argv[1]
    # Traces are UTF-8 with \n line ends whatever the locale says.
    sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace", newline="\n")
    sys.argv = [path]
    sys.path[0] = os.path.dirname(os.path.abspath(path))
    _install()
    status = 0
    try:
        runpy.run_path(path, run_name="__main__")
        # Module-level garbage (a coroutine kept in a global) goes away now.
        gc.collect()
    except BaseException as e:
        _flush_pending()
        _out.flush()
        _print_traceback(e)
        sys.stderr.flush()
        _event("error", type(e).__name__)
        status = 1
    _flush_pending()
    _out.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    main(sys.argv)
