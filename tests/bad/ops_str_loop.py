# Each str method call on a 10 MB string scans it: charged to the op
# budget, so this loop stops at the limit instead of running for hours.
h = "a" * 10000000
n = 0
while True:
    n += h.count("b")
