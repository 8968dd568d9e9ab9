# prelude.py: the parts of asyncio that loopscope writes in the scenario
# language itself, on top of the C primitives in asyncio.c (loop, Future,
# Task, handles). Building sleep, gather and run from the same primitives
# CPython uses makes the extra loop iterations ("hops") come out right by
# construction. Written for loopscope from the documented semantics of
# CPython 3.11's asyncio; frames here are library frames, hidden from users.
# One program for every version loopscope follows: _PYVER is (3, 11),
# (3, 12) or (3, 13) (--python, front/pyver.c), and each place where the
# versions' asyncio differs branches on it, saying which version does what.

def get_running_loop():
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    loop = _get_running_loop()
    if loop is None:
        loop = _get_event_loop()
    return loop


def set_event_loop(loop):
    _set_event_loop(loop)


def iscoroutine(obj):
    return _iscoroutine(obj)


def isfuture(obj):
    return _isfuture(obj)


def ensure_future(coro_or_future, *, loop=None):
    if _isfuture(coro_or_future):
        return coro_or_future
    if not _iscoroutine(coro_or_future):
        if not hasattr(coro_or_future, "__await__"):
            raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
        coro_or_future = _wrap_awaitable(coro_or_future)
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


async def _wrap_awaitable(awaitable):
    # CPython's wrapper for an awaitable that is not a coroutine (a class
    # with __await__) handed to ensure_future or gather
    return await awaitable


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    if _PYVER >= (3, 13):
        # 3.13 hands the name to the loop: a named task uses up no Task-N
        return loop.create_task(coro, name=name)
    # 3.11 and 3.12: the task is made without the name (so it uses up a
    # Task-N number) and renamed afterwards
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


if _PYVER >= (3, 12):
    # eager tasks: a factory that makes each task with eager_start=True, so
    # its body runs inside create_task up to its first await (future.c)
    def create_eager_task_factory(custom_task_constructor):
        def factory(loop, coro, *, name=None, context=None):
            return custom_task_constructor(coro, loop=loop, name=name, context=context, eager_start=True)
        return factory

    eager_task_factory = create_eager_task_factory(Task)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_task()


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _all_tasks(loop)


async def sleep(delay, result=None):
    # sleep.c: for a delay <= 0 a bare yield; else a future labelled
    # "sleep(D) until T", a timer calling _set_result_unless_cancelled, and
    # the timer cancelled once the await ends, however it ends
    future = _sleep_awaitable(delay, result)
    return await future


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    # gather.c: ensure_future of each distinct argument, a done callback
    # (_done_callback) on each child (3.12: a child already done is counted
    # at once instead), and the outer future "gather: N of M pending", done
    # with the results in order, the first error, or CancelledError
    return _gather(coros_or_futures, return_exceptions)


# ---------------------------------------------- waiting with a deadline

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


def _wait_for_deadline(waiter, words):
    # loopscope: wait_for's timer; the label says the deadline fired
    if not waiter.done():
        _set_label(waiter, words[0], True)
    _release_waiter(waiter)


def _unique(items):
    # distinct items in the order given: loopscope's rule where CPython
    # makes a set of them (trace-format.md)
    out = []
    for item in items:
        if not _contains_identical(out, item):
            out.append(item)
    return out


def _contains_identical(items, x):
    for item in items:
        if item is x:
            return True
    return False


async def _cancel_and_wait(fut, loop):
    # cancel fut and wait until it has really finished; waits on a separate
    # future so that this wait itself stays cancellable
    waiter = loop.create_future()
    _set_label(waiter, f"{_describe(fut)} to finish cancelling")

    def release(f):
        _release_waiter(waiter)

    fut.add_done_callback(release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(release)


async def wait_for(fut, timeout):
    if _PYVER >= (3, 12):
        return await _wait_for_with_timeout(fut, timeout)
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    deadline_words = [None]
    handle = loop.call_later(timeout, _wait_for_deadline, waiter, deadline_words)

    def release(f):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    _set_label(waiter, f"{_describe(fut)}, timeout {handle.when():.2f} \u2192 cancel")
    deadline_words[0] = f"wait_for's deadline {handle.when():.2f} fired before {_describe(fut)} finished"
    fut.add_done_callback(release)
    try:
        try:
            await waiter
        except CancelledError:
            # the caller was cancelled: take the inner task down with it
            if fut.done():
                return fut.result()
            fut.remove_done_callback(release)
            await _cancel_and_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        # the deadline passed first
        fut.remove_done_callback(release)
        await _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        handle.cancel()


async def _wait_for_with_timeout(fut, delay):
    # 3.12+: wait_for is `async with timeout(delay): return await fut`; a
    # coroutine is awaited in the caller's task (no task of its own, no
    # Task-N), and the deadline cancels the caller
    if delay is not None and delay <= 0:
        fut = ensure_future(fut)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, fut.get_loop())
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    async with timeout(delay):
        return await fut


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if _isfuture(fs) or _iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when != FIRST_COMPLETED and return_when != FIRST_EXCEPTION and return_when != ALL_COMPLETED:
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = _unique(fs)
    for f in fs:
        if _iscoroutine(f):
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    handle = None
    if timeout is not None:
        handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)
    if return_when == FIRST_COMPLETED:
        what = f"wait: the first of {counter} to finish"
    elif return_when == FIRST_EXCEPTION:
        what = f"wait: all {counter}, or the first to fail"
    else:
        what = f"wait: all {counter} to finish"
    if handle is not None:
        what += f", timeout {handle.when():.2f}"
    _set_label(waiter, what)

    def on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if handle is not None:
                handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        await waiter
    finally:
        if handle is not None:
            handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)
    done = set()
    pending = set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


if _PYVER >= (3, 13):
    class _AsCompletedIterator:
        # 3.13's as_completed object: its tasks are made when as_completed
        # is called; `async for` yields the futures themselves (the tasks
        # given, or those made for coroutines) as they finish, a plain
        # `for` yields coroutines that return each one's result
        def __init__(self, aws, timeout):
            self._done = Queue()
            self._done._get_label = "as_completed: the next one to finish"
            self._timeout_handle = None
            loop = get_event_loop()
            todo = []
            for aw in _unique(aws):
                fut = ensure_future(aw, loop=loop)
                if not _contains_identical(todo, fut):
                    todo.append(fut)
            for f in todo:
                f.add_done_callback(self._handle_completion)
            if todo and timeout is not None:
                self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
            self._todo = todo
            self._todo_left = len(todo)

        def __aiter__(self):
            return self

        def __iter__(self):
            return self

        async def __anext__(self):
            if not self._todo_left:
                raise StopAsyncIteration
            self._todo_left -= 1
            return await self._wait_for_one()

        def __next__(self):
            if not self._todo_left:
                raise StopIteration
            self._todo_left -= 1
            return self._wait_for_one(resolve=True)

        def _handle_timeout(self):
            for f in self._todo:
                f.remove_done_callback(self._handle_completion)
                self._done.put_nowait(None)
            self._todo.clear()

        def _handle_completion(self, f):
            if not self._todo:
                return
            self._todo.remove(f)
            self._done.put_nowait(f)
            if not self._todo and self._timeout_handle is not None:
                self._timeout_handle.cancel()

        async def _wait_for_one(self, resolve=False):
            f = await self._done.get()
            if f is None:
                raise TimeoutError
            return f.result() if resolve else f

    def as_completed(fs, *, timeout=None):
        if _isfuture(fs) or _iscoroutine(fs) or hasattr(fs, "__await__"):
            raise TypeError(f"expects an iterable of awaitables, not {type(fs).__name__}")
        return _AsCompletedIterator(fs, timeout)
else:
    def as_completed(fs, *, timeout=None):
        if _isfuture(fs) or _iscoroutine(fs):
            raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
        done = Queue()
        done._get_label = "as_completed: the next one to finish"
        loop = get_event_loop()
        todo = []
        for f in _unique(fs):
            fut = ensure_future(f, loop=loop)
            if not _contains_identical(todo, fut):
                todo.append(fut)
        handle = None

        def on_timeout():
            for f in todo:
                f.remove_done_callback(on_completion)
                done.put_nowait(None)
            todo.clear()

        def on_completion(f):
            if not todo:
                return
            todo.remove(f)
            done.put_nowait(f)
            if not todo and handle is not None:
                handle.cancel()

        async def _wait_for_one():
            f = await done.get()
            if f is None:
                raise TimeoutError
            return f.result()

        for f in todo:
            f.add_done_callback(on_completion)
        if todo and timeout is not None:
            handle = loop.call_later(timeout, on_timeout)
        for _ in range(len(todo)):
            yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()
    _set_label(outer, f"shield({_describe(inner)})")

    def inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


class Timeout:
    # states: "created", "active", "expiring", "expired", "finished"

    def __init__(self, when):
        self._state = "created"
        self._handle = None
        self._task = None
        self._when = when
        self._outer_note = None
        self._cancelling = 0

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state != "active":
            if self._state == "created":
                raise RuntimeError("Timeout has not been entered")
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._handle is not None:
            self._handle.cancel()
        if when is None:
            self._handle = None
            _set_note(self._task, self._outer_note)
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._handle = loop.call_soon(self._on_timeout)
            else:
                self._handle = loop.call_at(when, self._on_timeout)
            _set_note(self._task, f"timeout {when:.2f} \u2192 cancel")

    def expired(self):
        return self._state == "expiring" or self._state == "expired"

    def __repr__(self):
        info = ""
        if self._state == "active":
            when = round(self._when, 3) if self._when is not None else None
            info = f" when={when}"
        return f"<Timeout [{self._state}]{info}>"

    async def __aenter__(self):
        if self._state != "created":
            raise RuntimeError("Timeout has already been entered")
        task = current_task()
        if task is None:
            raise RuntimeError("Timeout should be used inside a task")
        self._state = "active"
        self._task = task
        self._cancelling = task.cancelling()
        self._outer_note = _get_note(self._task)
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        _set_note(self._task, self._outer_note)
        if self._state == "expiring":
            self._state = "expired"
            if _PYVER >= (3, 13):
                # 3.13: any exception leaving the block after the deadline
                # fired counts; a CancelledError (or a subclass) becomes
                # TimeoutError, another gets a TimeoutError in its context
                if self._task.uncancel() <= self._cancelling and exc_type is not None:
                    if issubclass(exc_type, CancelledError):
                        raise TimeoutError from exc_val
                    elif exc_val is not None:
                        _insert_timeout_error(exc_val)
                        if isinstance(exc_val, ExceptionGroup):
                            for exc in exc_val.exceptions:
                                _insert_timeout_error(exc)
            elif self._task.uncancel() <= self._cancelling and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == "active":
            self._state = "finished"
        return None

    def _on_timeout(self):
        _set_note(self._task, f"deadline {self._when:.2f} fired")   # loopscope: for the words
        self._task.cancel()
        self._state = "expiring"
        self._handle = None


def _insert_timeout_error(exc_val):
    # 3.13: a TimeoutError goes between an exception and the CancelledError
    # it was raised while handling, so the chain says the deadline fired
    while exc_val.__context__ is not None:
        if isinstance(exc_val.__context__, CancelledError):
            te = TimeoutError()
            te.__context__ = te.__cause__ = exc_val.__context__
            exc_val.__context__ = te
            break
        exc_val = exc_val.__context__


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


# ------------------------------------------------ structured concurrency

class TaskGroup:

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []    # creation order: loopscope's rule for CPython's set
        self._running = 0   # loopscope: its tasks not done yet, for the words
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = ""
        if self._tasks:
            info += f" tasks={len(self._tasks)}"
        if self._errors:
            info += f" errors={len(self._errors)}"
        if self._aborting:
            info += " cancelling"
        elif self._entered:
            info += " entered"
        return f"<TaskGroup{info}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        if self._loop is None:
            self._loop = get_running_loop()
        self._parent_task = current_task(self._loop)
        if self._parent_task is None:
            raise RuntimeError(f"TaskGroup {self!r} cannot determine the parent task")
        self._entered = True
        return self

    def _waiting_label(self):
        # loopscope: _running drops when a task finishes (narrate.c), as the
        # columns count, not when its done callback runs a loop turn later
        return _group_label(self._running, len(self._tasks))

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if _PYVER >= (3, 13):
            # 3.13: a subclass of CancelledError counts too, and the
            # parent's uncancel() waits until the tasks are done (below)
            propagate_cancellation_error = exc if et is not None and issubclass(et, CancelledError) else None
        else:
            propagate_cancellation_error = exc if et is CancelledError else None
            if self._parent_cancel_requested:
                if self._parent_task.uncancel() == 0:
                    propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
                _set_label(self._on_completed_fut, self._waiting_label())
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if _PYVER >= (3, 13):
            if self._parent_cancel_requested:
                if self._parent_task.uncancel() == 0:
                    propagate_cancellation_error = None
            if propagate_cancellation_error is not None and not self._errors:
                raise propagate_cancellation_error
            if et is not None and not issubclass(et, CancelledError):
                self._errors.append(exc)
        else:
            if propagate_cancellation_error and not self._errors:
                raise propagate_cancellation_error
            if et is not None and et is not CancelledError:
                self._errors.append(exc)
        if self._errors:
            if _PYVER >= (3, 13) and self._parent_task.cancelling():
                # 3.13: a cancellation from outside the group stays counted
                self._parent_task.uncancel()
                self._parent_task.cancel()
            try:
                me = BaseExceptionGroup("unhandled errors in a TaskGroup", self._errors)
                raise me from None
            finally:
                self._errors = None

    def create_task(self, coro, *, name=None, context=None):
        refused = None
        if not self._entered:
            refused = f"TaskGroup {self!r} has not been entered"
        elif self._exiting and not self._tasks:
            refused = f"TaskGroup {self!r} is finished"
        elif self._aborting:
            refused = f"TaskGroup {self!r} is shutting down"
        if refused is not None:
            if _PYVER >= (3, 13):
                coro.close()    # 3.13: no "never awaited" warning follows
            raise RuntimeError(refused)
        if _PYVER >= (3, 13):
            task = self._loop.create_task(coro, name=name)   # no Task-N when named
        else:
            task = self._loop.create_task(coro)
            if name is not None:
                task.set_name(name)
        if _PYVER >= (3, 12) and task.done():
            # 3.12: a task already done (an eager one that finished) is
            # counted at once, with no done callback
            self._on_task_done(task)
            return task
        task.add_done_callback(self._on_task_done)
        self._tasks.append(task)
        self._running += 1
        return task

    def _is_base_error(self, exc):
        return isinstance(exc, SystemExit) or isinstance(exc, KeyboardInterrupt)

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if _contains_identical(self._tasks, task):
            self._tasks.remove(task)
        if self._on_completed_fut is not None:
            if not self._tasks:
                if not self._on_completed_fut.done():
                    _set_label(self._on_completed_fut, "TaskGroup: every task has finished")
                    self._on_completed_fut.set_result(True)
            else:
                _set_label(self._on_completed_fut, self._waiting_label())
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


# --------------------------------------------------- synchronisation


def _state_repr(obj, what, extra, waiters):
    if waiters:
        extra = f"{extra}, waiters:{len(waiters)}"
    return f"<asyncio.locks.{what} object at {id(obj):#x} [{extra}]>"


class _LoopBound:
    _loop = None

    def _get_loop(self):
        loop = _get_running_loop()
        if self._loop is None:
            self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop


class _AsyncWithAcquire(_LoopBound):
    # async with x: acquire on the way in, release on the way out

    async def __aenter__(self):
        await _acquire_of(self)     # sync.c: a Lock's own acquire waits there; else self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_AsyncWithAcquire):

    def __init__(self):
        self._waiters = None
        self._locked = False
        self._holder = None     # loopscope: for the labels only
        _track(self)            # loopscope: the internals view

    def __repr__(self):
        return _state_repr(self, "Lock", "locked" if self._locked else "unlocked", self._waiters)

    def locked(self):
        return self._locked

    # sync.c runs these; each self.method() there still finds a
    # subclass's own method
    def _label(self):
        return _lock_label(self)        # "Lock (held by <_who(self._holder)>)", or "someone"

    def _take(self):
        # locked by the current task; the waiters' labels say who holds it
        _lock_take(self)

    async def acquire(self):
        # free (not locked, no waiter that is not cancelled): self._take();
        # else wait on a future in _waiters labelled self._label(), remove
        # it when the wait ends (a CancelledError wakes the next waiter if
        # the lock is free), then self._take(); True
        waiter = _lock_acquire(self)
        return await waiter

    def release(self):
        _lock_release(self)             # RuntimeError when not locked; else free, self._wake_up_first()

    def _wake_up_first(self):
        _lock_wake_up_first(self)       # the first waiter, if not done, gets True


class Event(_LoopBound):

    def __init__(self):
        self._waiters = []
        self._value = False
        _track(self)            # loopscope: the internals view

    def __repr__(self):
        return _state_repr(self, "Event", "set" if self._value else "unset", self._waiters)

    def is_set(self):
        return self._value

    def set(self):
        _event_set(self)    # queue.c: set, and every waiter not done gets True

    def clear(self):
        self._value = False

    async def wait(self):
        return await self._wait_as("Event.wait (not set yet)")

    async def _wait_as(self, label):
        if self._value:
            return True
        fut = self._get_loop().create_future()
        _set_label(fut, label)
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_AsyncWithAcquire):

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    def __repr__(self):
        return _state_repr(self, "Condition", "locked" if self.locked() else "unlocked", self._waiters)

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            fut = self._get_loop().create_future()
            _set_label(fut, "Condition.wait (until notified)")
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # take the lock back before returning, even when cancelled
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_AsyncWithAcquire):

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value
        self._size = value      # loopscope: for the labels only
        _track(self)            # loopscope: the internals view

    def __repr__(self):
        extra = "locked" if self.locked() else f"unlocked, value:{self._value}"
        return _state_repr(self, type(self).__name__, extra, self._waiters)

    def locked(self):
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = self._get_loop().create_future()
        _set_label(fut, f"Semaphore (all {self._size} taken)")
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


# ------------------------------------------------------------- queues

class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


if _PYVER >= (3, 13):
    class QueueShutDown(Exception):
        """Raised when putting on to or getting from a shut-down Queue."""
        pass


class Queue(_LoopBound):
    _get_label = "Queue.get (empty)"
    __class_getitem__ = type(list[int])   # asyncio.Queue[int]

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._is_shutdown = False   # only 3.13's shutdown() sets it
        self._finished = Event()
        _track(self._finished, False)   # loopscope: part of the queue
        self._finished.set()
        self._init(maxsize)
        _track(self)            # loopscope: the internals view

    def _init(self, maxsize):
        self._queue = []

    def _get(self):
        return self._queue.pop(0)

    def _put(self, item):
        self._queue.append(item)

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x} {self._format()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._format()}>"

    def _format(self):
        result = f"maxsize={self._maxsize!r}"
        if self._queue:
            result += f" _queue={list(self._queue)!r}"
        if self._getters:
            result += f" _getters[{len(self._getters)}]"
        if self._putters:
            result += f" _putters[{len(self._putters)}]"
        if self._unfinished_tasks:
            result += f" tasks={self._unfinished_tasks}"
        if self._is_shutdown:
            result += " shutdown"
        return result

    # queue.c runs these methods, and get() and put() wait there; each
    # self.method() they make still finds a subclass's own method
    def qsize(self):
        return _queue_qsize(self)       # len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return _queue_empty(self)       # not self._queue

    def full(self):
        return _queue_full(self)        # _maxsize > 0 and qsize() >= _maxsize

    async def put(self, item):
        # while self.full(): wait on a future in _putters labelled "Queue.put
        # (full, M of M)" (on an exception: take it out, pass the wake-up
        # on); then self.put_nowait(item)
        putter = _queue_wait(self, item)
        return await putter

    def put_nowait(self, item):
        # QueueShutDown, QueueFull, else self._put(item), one more unfinished
        # task, self._finished.clear(), and the first getter not done wakes
        return _queue_put_nowait(self, item)

    async def get(self):
        # while self.empty(): wait on a future in _getters labelled
        # self._get_label (as put does); then self.get_nowait()
        getter = _queue_wait(self)
        return await getter

    def get_nowait(self):
        # QueueShutDown, QueueEmpty, else self._get(), and the first putter
        # not done wakes
        return _queue_get_nowait(self)

    def task_done(self):
        _queue_task_done(self)          # ValueError, or one fewer; at 0 _finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished._wait_as(f"Queue.join ({self._unfinished_tasks} unfinished)")

    if _PYVER >= (3, 13):
        def shutdown(self, immediate=False):
            # 3.13: puts raise QueueShutDown from now on, gets once the queue
            # is empty (at once when immediate, which drops what is queued
            # and counts it done); every waiting getter and putter wakes up
            # to find out
            self._is_shutdown = True
            if immediate:
                while not self.empty():
                    self._get()
                    if self._unfinished_tasks > 0:
                        self._unfinished_tasks -= 1
                if self._unfinished_tasks == 0:
                    self._finished.set()
            while self._getters:
                getter = self._getters.pop(0)
                if not getter.done():
                    _set_label(getter, "Queue.get: the queue was shut down", True)   # loopscope: the wake step says it
                    getter.set_result(None)
            while self._putters:
                putter = self._putters.pop(0)
                if not putter.done():
                    _set_label(putter, "Queue.put: the queue was shut down", True)
                    putter.set_result(None)


def _sift_down(heap, start, pos):
    # move heap[pos] up towards start while it is smaller than its parent
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) // 2
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _heap_push(heap, item):
    heap.append(item)
    _sift_down(heap, 0, len(heap) - 1)


def _heap_pop(heap):
    # the same comparisons as the heapq module, so equal priorities come
    # out in the same order as in CPython
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    n = len(heap)
    pos = 0
    item = heap[0]
    child = 1
    while child < n:
        right = child + 1
        if right < n and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_down(heap, 0, pos)
    return top


class PriorityQueue(Queue):

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        _heap_push(self._queue, item)

    def _get(self):
        return _heap_pop(self._queue)


class LifoQueue(Queue):

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


async def _shutdown_asyncgens():
    # lang-async: CPython's loop.shutdown_asyncgens: each async generator
    # still alive is aclose()d in a task of its own
    agens = _asyncgens(get_running_loop())
    if not agens:
        return
    await gather(*[ag.aclose() for ag in agens], return_exceptions=True)


async def _shutdown_default_executor():
    return


# the builtins aiter() and anext() (asyncio.c puts them among the builtins)
def _builtin_aiter(obj):
    # the special method is looked up on the type, as CPython does
    if not hasattr(type(obj), "__aiter__"):
        raise TypeError(f"'{type(obj).__name__}' object is not an async iterable")
    return obj.__aiter__()


async def _anext_or(iterator, default):
    try:
        return await iterator.__anext__()
    except StopAsyncIteration:
        return default


class _NO_DEFAULT:
    # a class, not an instance: loading the prelude makes no object, so
    # the deterministic addresses of the program's own objects stay put
    pass


def _builtin_anext(iterator, default=_NO_DEFAULT):
    if not hasattr(type(iterator), "__anext__"):
        raise TypeError(f"'{type(iterator).__name__}' object is not an async iterator")
    if default is _NO_DEFAULT:
        return iterator.__anext__()
    return _anext_or(iterator, default)


# loop.shutdown_asyncgens() and loop.shutdown_default_executor() (asyncio.c
# puts them on the loop class)
async def _loop_shutdown_asyncgens(self):
    await _shutdown_asyncgens()


async def _loop_shutdown_default_executor(self, timeout=None):
    await _shutdown_default_executor()


def _cancel_all_tasks(loop):
    to_cancel = _all_tasks(loop)
    if not to_cancel:
        return 0
    # lang-async: CPython calls task.cancel() on each; _cancel_all does the
    # same without walking a chain of tasks awaiting tasks once per task
    _cancel_all(to_cancel)
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    return len(to_cancel)


def new_event_loop():
    return _new_loop()


def _run(main, debug, loop_factory):
    left = [None]   # loopscope: how many tasks were left over, for the words
    try:
        if _get_running_loop() is not None:
            raise RuntimeError("asyncio.run() cannot be called from a running event loop")
        if not _iscoroutine(main):
            raise ValueError(f"a coroutine was expected, got {main!r}")
        if loop_factory is None:
            loop = _new_loop()
            _set_event_loop(loop)
        else:
            loop = loop_factory()   # 3.12: not made the current event loop
        _loop_begin()
        try:
            task = loop.create_task(main)
            return loop.run_until_complete(task)
        finally:
            try:
                left[0] = _cancel_all_tasks(loop)
                loop.run_until_complete(_shutdown_asyncgens())
                loop.run_until_complete(_shutdown_default_executor())
            finally:
                if loop_factory is None:
                    _set_event_loop(None)
                loop.close()
    finally:
        _loop_end(left[0])


if _PYVER >= (3, 12):
    def run(main, *, debug=None, loop_factory=None):
        return _run(main, debug, loop_factory)
else:
    def run(main, *, debug=None):
        return _run(main, debug, None)


class Runner:
    """asyncio.Runner (3.11): one event loop for several run() calls.
    Unlike asyncio.run, it writes no `end` line (CPython's oracle wraps
    asyncio.run only)."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = "created"
        self._loop = None
        self._loop_factory = loop_factory
        self._set_loop = False

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != "initialized":
            return
        try:
            loop = self._loop
            _cancel_all_tasks(loop)
            loop.run_until_complete(_shutdown_asyncgens())
            loop.run_until_complete(_shutdown_default_executor())
        finally:
            if self._set_loop:
                _set_event_loop(None)
            loop.close()
            self._loop = None
            self._state = "closed"

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not _iscoroutine(coro):
            raise ValueError(f"a coroutine was expected, got {coro!r}")
        if _get_running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        task = self._loop.create_task(coro)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == "closed":
            raise RuntimeError("Runner is closed")
        if self._state == "initialized":
            return
        if self._loop_factory is None:
            self._loop = _new_loop()
            if not self._set_loop:
                _set_event_loop(self._loop)
                self._set_loop = True
        else:
            self._loop = self._loop_factory()
        self._state = "initialized"


def iscoroutinefunction(func):
    return _iscoroutinefunction(func)


class Barrier(_LoopBound):
    """asyncio.Barrier (3.11): parties tasks wait() until all have arrived."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._cond = Condition()
        self._parties = parties
        self._state = 0          # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        await self._cond.wait_for(lambda: self._state not in (1, -1))
        if self._state == -2:
            raise BrokenBarrierError("Barrier aborted")

    async def _release(self):
        self._state = 1
        self._cond.notify_all()

    async def _wait(self):
        await self._cond.wait_for(lambda: self._state != 0)
        if self._state in (-2, -1):
            raise BrokenBarrierError("Abort call")

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
            self._cond.notify_all()

    async def reset(self):
        async with self._cond:
            if self._count > 0:
                if self._state != -1:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    async def abort(self):
        async with self._cond:
            self._state = -2
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2

    def __repr__(self):
        state = {0: "filling", 1: "draining", -1: "resetting", -2: "broken"}[self._state]
        return f"<asyncio.locks.Barrier object at {id(self):#x} [{state}, waiters:{self.n_waiting}/{self.parties}]>"


# ---- executors (threads.md) ----
# asyncio.to_thread, wrap_future and the default executor's shutdown, on top
# of loop.run_in_executor and the simulated workers in executor.c. A job's
# end comes back to the loop as in CPython: the worker calls
# call_soon_threadsafe(_set_state, ...), _set_state copies the outcome into
# the asyncio future, and that future's done callbacks wake the awaiter.

def _chain_executor_future(source, destination):
    dest_loop = destination.get_loop()

    def _set_state(future, other):
        if future.cancelled():
            return
        if other.cancelled():
            future.cancel()
            return
        exc = other.exception()
        if exc is not None:
            future.set_exception(exc)
        else:
            future.set_result(other.result())

    def _call_check_cancel(destination):
        if destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        if dest_loop.is_closed():
            return
        dest_loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)
    _executor_label(destination, source)


def wrap_future(future, *, loop=None):
    if _isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()
    _chain_executor_future(future, new_future)
    return new_future


async def to_thread(func, *args, **kwargs):
    loop = get_running_loop()
    if kwargs:
        func = _functools_partial(func, *args, **kwargs)
        args = ()
    return await loop.run_in_executor(None, func, *args)


async def _shutdown_default_executor():
    loop = get_running_loop()
    idle = _default_executor_shutdown(loop)
    if idle is not None:
        await wrap_future(idle, loop=loop)
