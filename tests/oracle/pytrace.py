# pytrace.py: the CPython oracle. Runs a scenario under real CPython asyncio
# (3.11.7, 3.12.1 or 3.13.0: whichever python3 runs it) on a virtual clock and
# prints the trace described in docs trace-format.md.
#
#   python3 tests/oracle/pytrace.py FILE.py
#   python3 tests/oracle/pytrace.py --batch OUTDIR SECONDS < "KEY<TAB>FILE" lines
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

_PY = sys.version_info[:2]       # (3, 11), (3, 12) or (3, 13): the branches below
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
        if task is None and self._task is None:
            # an eager task (3.12+) runs its first step inside Task(): the
            # factory has not been told the task yet, but it is current
            task = asyncio.current_task()
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
    """Like the default task creation, plus the tracing wrapper. Takes name
    so that a named task does not use up a Task-N number (see _TraceLoop).
    A task factory the scenario installed (loop.set_task_factory, e.g.
    3.12's eager_task_factory) makes the task, from the wrapped coroutine."""
    if (not asyncio.iscoroutine(coro)
            or getattr(coro, "cr_code", None) in _SHUTDOWN_CODES):
        # Not traced: asyncio.run's own shutdown tasks (they still use up
        # their Task-N numbers), and non-coroutines, which Task rejects with
        # CPython's own TypeError.
        return asyncio.Task(coro, loop=loop, name=name, context=context)
    wrapped = _TracedCoro(coro)
    factory = loop.get_task_factory()
    if factory is None:
        task = asyncio.Task(wrapped, loop=loop, name=name, context=context)
    else:
        # as BaseEventLoop.create_task calls a factory; the name is set
        # only when one was given: the behaviour fixed in 3.13.3
        # (gh-130033; 3.13.0 to 3.13.2 call set_name(None))
        if context is None:
            task = factory(loop, wrapped)
        else:
            task = factory(loop, wrapped, context=context)
        if name is not None:
            task.set_name(name)
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
        # The stock create_task calls a task factory without the name and
        # then renames the task, so a named task would still use up a Task-N
        # number. Passing the name to the Task keeps the numbering of plain
        # CPython (where 3.11 and 3.12's asyncio.create_task name the task
        # after making it, so a number is used up; 3.13's passes the name).
        self._check_closed()
        return _task_factory(self, coro, context=context, name=name)


# Reprs name the loop's class ("unclosed event loop <...>" when a loop that
# was never closed is collected): show the class plain CPython uses.
_TraceLoop.__name__ = _TraceLoop.__qualname__ = "_UnixSelectorEventLoop"


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


def _run(main, **kwargs):
    try:
        return _stock_run(main, **kwargs)
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
#     futures that are already done come out. Per version, from that
#     version's source, with both sets replaced by an insertion-ordered set:
#     3.11.7's and 3.12.1's generator function below (they differ in one
#     call: 3.12 takes the loop from get_event_loop()), and 3.13.0's
#     _AsCompletedIterator, whose __init__ alone is replaced.
#   - TaskGroup._abort: `for t in self._tasks: t.cancel()` decides the order in
#     which siblings get their CancelledError. TaskGroup.__init__ is wrapped to
#     make `_tasks` an insertion-ordered set; the rest is the real TaskGroup.
# asyncio.wait is not patched: it takes no coroutines in 3.11, and the order
# in which it adds its callback to its futures is not observable. The (done,
# pending) sets it returns stay real sets (scenarios must not iterate them
# unsorted). asyncio.run's shutdown order is handled by _cancel_all_tasks above.

import asyncio.queues
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
    """asyncio.tasks.as_completed of CPython 3.11.7 and 3.12.1 with ordered sets."""
    if asyncio.futures.isfuture(fs) or asyncio.coroutines.iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")

    from asyncio.queues import Queue
    done = Queue()

    if _PY >= (3, 12):
        loop = asyncio.events.get_event_loop()
    else:
        loop = asyncio.events._get_event_loop()
    todo = _InsertionOrderedSet(asyncio.tasks.ensure_future(f, loop=loop)
                                for f in _InsertionOrderedSet(fs))
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)  # None tells _wait_for_one that time ran out
        todo.clear()  # after the loop: the set is being iterated

    def _on_completion(f):
        if not todo:
            return  # the timeout already emptied todo
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            # the None the timeout queued
            raise asyncio.exceptions.TimeoutError
        return f.result()  # May raise f.exception().

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def _ordered_as_completed_iterator_init(self, aws, timeout):
    """asyncio.tasks._AsCompletedIterator.__init__ of CPython 3.13.0 with
    ordered sets (the rest of the class is the real one)."""
    self._done = asyncio.queues.Queue()
    self._timeout_handle = None

    loop = asyncio.events.get_event_loop()
    todo = _InsertionOrderedSet(asyncio.tasks.ensure_future(aw, loop=loop)
                                for aw in _InsertionOrderedSet(aws))
    for f in todo:
        f.add_done_callback(self._handle_completion)
    if todo and timeout is not None:
        self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
    self._todo = todo
    self._todo_left = len(todo)


_stock_taskgroup_init = asyncio.taskgroups.TaskGroup.__init__


def _ordered_taskgroup_init(self):
    _stock_taskgroup_init(self)
    self._tasks = _InsertionOrderedSet()


def _install_set_order():
    if _PY >= (3, 13):
        asyncio.tasks._AsCompletedIterator.__init__ = _ordered_as_completed_iterator_init
    else:
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
    exiting = False
    try:
        runpy.run_path(path, run_name="__main__")
        # Module-level garbage (a coroutine kept in a global) goes away now.
        gc.collect()
    except SystemExit as e:
        # sys.exit(): no traceback and no error line, CPython's exit status
        # (a code that is not an int or None is written to stderr, status 1)
        exiting, code = True, e.code
    except BaseException as e:
        _flush_pending()
        _out.flush()
        _print_traceback(e)
        sys.stderr.flush()
        _event("error", type(e).__name__)
        status = 1
    if exiting:
        gc.collect()   # the traceback let go of the module's globals
        if code is None:
            status = 0
        elif isinstance(code, int):
            status = code & 0xff
        else:
            sys.stderr.write(f"{code}\n")
            status = 1
    _flush_pending()
    _out.flush()
    sys.stderr.flush()
    os._exit(status)


# ---- executors (docs/threads.md) ------------------------------------------
# Worker threads and processes under loopscope's deterministic rule. Real
# threads would make the order depend on timing, so the pools below run no
# thread at all: a job's function runs to completion when the job starts
# (in this thread), on a clock of its own that starts at the loop's time;
# time.sleep/time.time inside it use that clock, and its prints are held
# back. What the job does is delivered when the virtual clock reaches its
# thread time: when the selector would jump the clock (events due at or
# before the next timer come first), inside a blocking time.sleep, inside
# a blocking wait (shutdown, Future.result) and when the program ends. A
# job's end completes its concurrent.futures.Future there, so real
# asyncio.wrap_future / call_soon_threadsafe do the rest.

import concurrent.futures
import types

_wk = types.SimpleNamespace(
    events=[],          # heap of (t, seq, text or None, job)
    seq=itertools.count(),
    running=None,       # the job whose function runs now, or None
    clock=0.0,          # that job's thread clock
    busy=False,         # delivering events (no nested delivery)
    pools=itertools.count(),      # ThreadPoolExecutor-N
    processes=itertools.count(1), # process-N
)
_WK_THREADS = 8      # ThreadPoolExecutor(): min(32, cpu_count() + 4) with cpu_count() = 4
_WK_PROCESSES = 4    # ProcessPoolExecutor(): cpu_count() = 4


class _WkFuture(concurrent.futures.Future):
    """A job's future: result()/exception() on the loop thread wait in
    virtual time (a blocking wait) instead of on a lock."""

    def result(self, timeout=None):
        _wk_block_until(self.done)
        return super().result(0)

    def exception(self, timeout=None):
        _wk_block_until(self.done)
        return super().exception(0)


def _wk_block_until(done):
    """A blocking wait on the loop thread: deliver thread events until done()."""
    if _wk.running is not None and not done():
        raise RuntimeError("loopscope: a worker cannot wait for other jobs")
    while not done() and _wk.events:
        _wk_run_until(_wk.events[0][0])


class _WkJob:
    def __init__(self, pool, fn, args, kwargs):
        self.pool, self.fn, self.args, self.kwargs = pool, fn, args, kwargs
        self.future = _WkFuture()
        self.worker = None
        self.outcome = None


class _WkPool:
    _process = False

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            max_workers = _WK_PROCESSES if self._process else _WK_THREADS
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        if self._process:
            self._prefix = ""
        else:
            self._prefix = thread_name_prefix or f"ThreadPoolExecutor-{next(_wk.pools)}"
        self._workers = []      # [name, job or None]
        self._queue = []
        self._idle_waiters = []
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        job = _WkJob(self, fn, args, kwargs)
        self._queue.append(job)
        self._dispatch()
        _wk_run_until(_clock)
        return job.future

    def _busy(self):
        return bool(self._queue) or any(w[1] is not None for w in self._workers)

    def _dispatch(self):
        while self._queue:
            idle = [i for i, w in enumerate(self._workers) if w[1] is None]
            if idle:
                i = idle[0]
            elif len(self._workers) < self._max_workers:
                i = len(self._workers)
                name = (f"process-{next(_wk.processes)}" if self._process
                        else f"{self._prefix}_{i}")
                self._workers.append([name, None])
            else:
                return
            job = self._queue.pop(0)
            if job.future.set_running_or_notify_cancel():
                _wk_start(self, i, job)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if cancel_futures:
            for job in self._queue:
                job.future.cancel()
            self._queue.clear()
        if wait:
            _wk_block_until(lambda: not self._busy())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


class _WkThreadPool(_WkPool):
    pass


class _WkProcessPool(_WkPool):
    _process = True


def _wk_start(pool, i, job):
    """Run the job's function now, as on worker i, on the worker's clock."""
    global _clock
    pool._workers[i][1] = job
    job.worker = i
    outer = (_wk.running, _wk.clock)
    _wk.running, _wk.clock = job, _clock
    loop = asyncio.events._get_running_loop()
    asyncio.events._set_running_loop(None)   # a worker thread has no running loop
    try:
        job.outcome = (True, job.fn(*job.args, **job.kwargs))
    except BaseException as e:
        job.outcome = (False, e)
    finally:
        asyncio.events._set_running_loop(loop)
        t_end = _wk.clock
        _wk.running, _wk.clock = outer
    heapq.heappush(_wk.events, (t_end, next(_wk.seq), None, job))


def _wk_end(job):
    """The job's end reaches the loop: complete its future (its callbacks
    run here, as on the worker), free the worker, start what is queued."""
    pool = job.pool
    ok, value = job.outcome
    if ok:
        job.future.set_result(value)
    else:
        job.future.set_exception(value)
    pool._workers[job.worker][1] = None
    job.outcome = None
    pool._dispatch()
    if not pool._busy():
        waiters, pool._idle_waiters = pool._idle_waiters, []
        for w in waiters:
            w.set_result(None)


def _wk_run_until(t):
    """Deliver thread events due at or before t in time order, moving the clock."""
    global _clock
    if _wk.busy:
        return
    _wk.busy = True
    try:
        while _wk.events and _wk.events[0][0] <= t:
            when, _, text, job = heapq.heappop(_wk.events)
            _clock = max(_clock, when)
            if text is not None:
                _stock_print_fn(text, end="")
            else:
                _wk_end(job)
    finally:
        _wk.busy = False


_stock_select = _VirtualSelector.select


def _wk_select(self, timeout=None):
    if (timeout is None or timeout > 0) and _wk.events and not _wk.busy:
        t = _wk.events[0][0]
        live = [h._when for h in self.loop._scheduled if not h._cancelled]
        if not live or t <= min(live):
            _wk_run_until(t)
            return []
    return _stock_select(self, timeout)


def _wk_sleep(secs):
    global _clock
    if _wk.running is not None:
        if secs < 0:
            raise ValueError("sleep length must be non-negative")
        _wk.clock = _wk.clock + secs
        return
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    to = _clock + secs
    _wk_run_until(to)
    _clock = to


def _wk_time():
    return _wk.clock if _wk.running is not None else _clock


_stock_print_fn = _print


def _wk_print(*args, sep=" ", end="\n", file=None, flush=False):
    if _wk.running is None or (file is not None and file is not sys.stdout):
        return _stock_print_fn(*args, sep=sep, end=end, file=file, flush=flush)
    text = (" " if sep is None else sep).join(str(a) for a in args) + ("\n" if end is None else end)
    heapq.heappush(_wk.events, (_wk.clock, next(_wk.seq), text, _wk.running))


async def _wk_shutdown_default_executor(self, timeout=None):
    self._executor_shutdown_called = True
    pool = self._default_executor
    if pool is None:
        return
    pool._shutdown = True
    if not pool._busy():
        return
    idle = _WkFuture()
    idle.set_running_or_notify_cancel()
    pool._idle_waiters.append(idle)
    await asyncio.wrap_future(idle, loop=self)


_SHUTDOWN_CODES = _SHUTDOWN_CODES + (_wk_shutdown_default_executor.__code__,)
_stock_install = _install
_stock_run_path = runpy.run_path


def _wk_run_path(*args, **kwargs):
    result = _stock_run_path(*args, **kwargs)
    _wk_run_until(float("inf"))     # the program waits for its workers at exit
    return result


def _install():
    _stock_install()
    _VirtualSelector.select = _wk_select
    _TraceLoop.shutdown_default_executor = _wk_shutdown_default_executor
    concurrent.futures.ThreadPoolExecutor = _WkThreadPool
    concurrent.futures.ProcessPoolExecutor = _WkProcessPool
    time.sleep = _wk_sleep
    time.time = time.monotonic = time.perf_counter = _wk_time
    builtins.print = _wk_print
    runpy.run_path = _wk_run_path

# ---- end of executors ------------------------------------------------------

# ---- the standard library on the virtual clock (issue 13) ------------------
# Calendar functions read the virtual clock: virtual time 0 is 1970-01-01
# 00:00:00 UTC and the local zone is UTC (loopscope's src/py/lib/time.py and
# datetime.py do the same). Nothing else of the modules changes.

_real_gmtime = time.gmtime
_real_strftime = time.strftime
_real_asctime = time.asctime


def _vt_gmtime(secs=None):
    return _real_gmtime(_wk_time() if secs is None else secs)


def _vt_strftime(fmt, t=None):
    return _real_strftime(fmt, _vt_gmtime() if t is None else t)


def _vt_asctime(t=None):
    return _real_asctime(_vt_gmtime() if t is None else t)


def _vt_ctime(secs=None):
    return _real_asctime(_vt_gmtime(secs))


# datetime: now(), today() and utcnow() read the virtual clock. The class
# that scenarios see only makes instances of the real datetime class.
import datetime as _dt_mod

_RealDateTime = _dt_mod.datetime
_RealDate = _dt_mod.date


class _VirtualDateTime(_RealDateTime):
    def __new__(cls, *args, **kwargs):
        return _RealDateTime(*args, **kwargs)

    @classmethod
    def now(cls, tz=None):
        return _RealDateTime.fromtimestamp(_wk_time(), tz)

    @classmethod
    def today(cls):
        return _RealDateTime.fromtimestamp(_wk_time())

    @classmethod
    def utcnow(cls):
        return _RealDateTime.utcfromtimestamp(_wk_time())


class _VirtualDate(_RealDate):
    def __new__(cls, *args, **kwargs):
        return _RealDate(*args, **kwargs)

    @classmethod
    def today(cls):
        return _RealDate.fromtimestamp(_wk_time())


for _c, _n in ((_VirtualDateTime, "datetime"), (_VirtualDate, "date")):
    _c.__name__ = _c.__qualname__ = _n
    _c.__module__ = "datetime"


# random: a program that never seeds (or seeds with None) gets the numbers of
# seed(0), as in loopscope (src/py/lib/random.py).
import random

_real_random_seed = random.Random.seed


def _fixed_seed(self, a=None, version=2):
    _real_random_seed(self, 0 if a is None else a, version)


# Simulated packages (aiohttp, httpx, aiofiles and their _simnet): the very
# files loopscope embeds (src/py/lib), loaded as stand-ins, so a scenario that
# uses them behaves the same under both. They read the scenario's
# `# loopscope:` directive lines through _directives().
_LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "py", "lib")
_STANDINS = ("_simnet", "aiohttp", "httpx", "aiofiles")


def _directives():
    out = []
    with open(sys.argv[0], encoding="utf-8", newline=None) as f:
        for line in f.read().split("\n"):
            line = line.lstrip(" \t")
            if line.startswith("# loopscope:"):
                out.append(line[len("# loopscope:"):].lstrip(" "))
    return out


def _load_standins():
    import importlib.util
    for name in _STANDINS:
        spec = importlib.util.spec_from_file_location(name, os.path.join(_LIB, name + ".py"))
        mod = importlib.util.module_from_spec(spec)
        mod._directives = _directives
        mod._wait_label = lambda fut, text: None   # loopscope's viewer label only
        sys.modules[name] = mod
        spec.loader.exec_module(mod)


class _StdoutProxy:
    """sys.stdout for the scenario: what it writes becomes print lines, as
    print's output does (loopscope's sys.stdout.write is print(s, end=""))."""

    def write(self, text):
        global _pending
        if not isinstance(text, str):  # the real sys.stdout's check and wording
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        _pending += text
        *lines, _pending = _pending.split("\n")
        for line in lines:
            _write("print", line)
        return len(text)

    def flush(self):
        pass

    def __getattr__(self, attr):
        return getattr(_out, attr)


_stdlib_install_prev = _install


def _install():
    _stdlib_install_prev()
    os.environ["TZ"] = "UTC"
    time.tzset()
    time.gmtime = time.localtime = _vt_gmtime
    time.strftime = _vt_strftime
    time.asctime = _vt_asctime
    time.ctime = _vt_ctime
    random.Random.seed = _fixed_seed
    random.seed = random._inst.seed
    random.seed(0)
    _dt_mod.datetime = _VirtualDateTime
    _dt_mod.date = _VirtualDate
    _load_standins()
    sys.stdout = _StdoutProxy()

# ---- end of the standard library ---------------------------------------------


# ---- batch mode (tests/run_cases.sh) ---------------------------------------
# `pytrace.py --batch OUTDIR SECONDS` reads "KEY<TAB>FILE" lines on standard
# input and runs each FILE as `pytrace.py FILE` would, in a child forked from
# this process (which has imported everything but changed nothing yet):
# standard output and error go to OUTDIR/KEY.out and .err, the exit status
# to OUTDIR/KEY.rc (124 when the child ran for more than SECONDS or was
# killed). The imports are paid once instead of once per file.

import signal


def _batch(outdir, limit):
    for line in sys.stdin:
        key, _, path = line.rstrip("\n").partition("\t")
        if not path:
            continue
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            try:
                for fd, name, mode in ((0, os.devnull, os.O_RDONLY),
                                       (1, f"{outdir}/{key}.out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
                                       (2, f"{outdir}/{key}.err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)):
                    f = os.open(name, mode, 0o644)
                    os.dup2(f, fd)
                    os.close(f)
                signal.alarm(limit)
                main(["pytrace.py", path])
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(3)
        _, status = os.waitpid(pid, 0)
        rc = os.waitstatus_to_exitcode(status)
        with open(f"{outdir}/{key}.rc", "w") as f:
            f.write(f"{rc if rc >= 0 else 124}\n")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--batch":
        sys.exit(_batch(sys.argv[2], int(sys.argv[3])))
    main(sys.argv)
