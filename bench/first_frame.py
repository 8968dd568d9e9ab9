#!/usr/bin/env python3
"""first_frame.py: time from starting the viewer until its first full frame
is on the terminal, through a pseudo-terminal of a given size.

    python3 bench/first_frame.py [--size 100x30] [--runs 3] -- ./loopscope SCENARIO.py [options]

A frame is full when the bottom corners of its three boxes (code, tasks,
log: three '┘') have been written. Prints the best of the runs in
milliseconds, then quits the viewer with q. Exit 1 if no frame came
within --timeout seconds. Part of `make bench`, never of `make test`.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def one_run(cmd, cols, rows, timeout):
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ["LC_ALL"] = "C.UTF-8"
        os.environ.pop("NO_COLOR", None)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    start = time.monotonic()
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    seen = b""
    corner = "\u2518".encode()
    took = None
    while time.monotonic() - start < timeout:
        r, _, _ = select.select([fd], [], [], 0.05)
        if not r:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if seen.count(corner) >= 3:
            took = time.monotonic() - start
            break
    try:
        os.write(fd, b"q")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", default="100x30")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("cmd", nargs="+")
    a = ap.parse_args()
    cols, rows = (int(x) for x in a.size.lower().split("x"))
    best = None
    for _ in range(a.runs):
        t = one_run(a.cmd, cols, rows, a.timeout)
        if t is None:
            print("no frame within %.0f s" % a.timeout)
            return 1
        best = t if best is None else min(best, t)
    print("%.1f ms" % (best * 1000))
    return 0


if __name__ == "__main__":
    sys.exit(main())
