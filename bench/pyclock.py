#!/usr/bin/env python3
"""pyclock.py: run a scenario under CPython's own asyncio on a virtual clock,
without tracing. The yardstick `make bench` measures loopscope against
(issue 16: "python3 running the same file with a virtual clock and no
tracing"). Owns only the clock: the loop is CPython's SelectorEventLoop,
its selector never sleeps and instead moves the clock to the earliest timer,
and time.sleep/time.time/time.monotonic read the same clock. The tracing
oracle (tests/oracle/pytrace.py) is what decides fidelity; this is speed only.

    python3 bench/pyclock.py SCENARIO.py
"""
import asyncio
import runpy
import selectors
import sys
import time

_now = 0.0


class _Selector(selectors.SelectSelector):
    """Polls (the loop's self-pipe) without waiting; a wait jumps the clock."""

    loop = None

    def select(self, timeout=None):
        global _now
        ready = super().select(0)
        if not ready and timeout and timeout > 0 and self.loop is not None and self.loop._scheduled:
            _now = max(_now, self.loop._scheduled[0]._when)
        return ready


class _Loop(asyncio.SelectorEventLoop):
    def __init__(self):
        sel = _Selector()
        super().__init__(sel)
        sel.loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return _now


class _Policy(asyncio.DefaultEventLoopPolicy):
    def new_event_loop(self):
        return _Loop()


def _sleep(secs):
    global _now
    _now += secs


def main():
    if len(sys.argv) != 2:
        print("usage: pyclock.py SCENARIO.py", file=sys.stderr)
        return 2
    asyncio.set_event_loop_policy(_Policy())
    time.sleep = _sleep
    time.time = time.monotonic = time.perf_counter = lambda: _now
    sys.argv = sys.argv[1:]
    runpy.run_path(sys.argv[0], run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
