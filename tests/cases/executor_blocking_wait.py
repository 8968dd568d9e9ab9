"""Blocking waits on the loop thread: time.sleep and Future.result while a worker runs."""
# Follows loopscope's documented thread rule (docs/threads.md) where CPython's order is open:
# a job runs atomically when it starts, on its own clock; its events reach the loop at thread time.
import time
from concurrent.futures import ThreadPoolExecutor


def worker(tag, secs):
    print(tag, "start", time.time())
    time.sleep(secs)
    print(tag, "end", time.time())
    return tag


pool = ThreadPoolExecutor(max_workers=1)
a = pool.submit(worker, "a", 0.4)
b = pool.submit(worker, "b", 0.2)
print("submitted", a.done(), b.done())
time.sleep(0.5)
print("slept", time.time(), a.done(), b.done())
print("b ->", b.result(), time.time())
pool.shutdown()
p2 = ThreadPoolExecutor()
c = p2.submit(worker, "c", 0.1)
p2.shutdown(wait=True)
print("c ->", c.result(), time.time())
