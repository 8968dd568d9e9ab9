# prelude.py: the parts of asyncio that loopscope writes in the scenario
# language itself, on top of the C primitives in asyncio.c (loop, Future,
# Task, handles). Building sleep, gather and run from the same primitives
# CPython uses makes the extra loop iterations ("hops") come out right by
# construction. Written for loopscope from the documented semantics of
# CPython 3.11's asyncio; frames here are library frames, hidden from users.

def get_running_loop():
    loop = _get_running_loop()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def get_event_loop():
    loop = _get_running_loop()
    if loop is None:
        loop = _get_event_loop()
    if loop is None:
        raise RuntimeError("There is no current event loop in thread 'MainThread'.")
    return loop


def iscoroutine(obj):
    return _iscoroutine(obj)


def isfuture(obj):
    return _isfuture(obj)


def ensure_future(coro_or_future, *, loop=None):
    if _isfuture(coro_or_future):
        return coro_or_future
    if not _iscoroutine(coro_or_future):
        raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")
    if loop is None:
        loop = get_event_loop()
    return loop.create_task(coro_or_future)


def create_task(coro, *, name=None, context=None):
    loop = get_running_loop()
    # like CPython 3.11: the task is made without the name (so it uses up a
    # Task-N number) and renamed afterwards
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_task()


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _all_tasks(loop)


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut.set_result(result)


async def sleep(delay, result=None):
    if delay <= 0:
        await _yield_now()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    _set_label(future, f"sleep({delay!r}) until {h.when():.2f}")
    try:
        return await future
    finally:
        h.cancel()


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    done_futs = []
    loop = None
    outer = None

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if nfinished < nfuts:
            _set_label(outer, f"gather: {nfuts - nfinished} of {nfuts} pending")
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if nfinished == nfuts:
            results = []
            for fut in children:
                if fut.cancelled():
                    res = CancelledError("" if fut._cancel_message is None else fut._cancel_message)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    arg_to_fut = {}
    children = []
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)

    outer = _gathering_future(children, loop)
    _set_label(outer, f"gather: {nfuts - nfinished} of {nfuts} pending")
    return outer


async def _shutdown_asyncgens():
    return


async def _shutdown_default_executor():
    return


def _cancel_all_tasks(loop):
    to_cancel = _all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))


def new_event_loop():
    return _new_loop()


def run(main, *, debug=None):
    try:
        if _get_running_loop() is not None:
            raise RuntimeError("asyncio.run() cannot be called from a running event loop")
        if not _iscoroutine(main):
            raise ValueError(f"a coroutine was expected, got {main!r}")
        loop = _new_loop()
        _set_event_loop(loop)
        _loop_begin()
        try:
            task = loop.create_task(main)
            return loop.run_until_complete(task)
        finally:
            try:
                _cancel_all_tasks(loop)
                loop.run_until_complete(_shutdown_asyncgens())
                loop.run_until_complete(_shutdown_default_executor())
            finally:
                _set_event_loop(None)
                loop.close()
    finally:
        _loop_end()


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
