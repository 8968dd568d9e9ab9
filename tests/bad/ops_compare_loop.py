# == and < of long lists, slices, tuple hashing and long str == are C loops
# over 100,000 items each: charged to the op budget, this stops at the
# limit instead of running for days.
a = list(range(100000))
b = list(a)
t = tuple(a)
s = "x" * 100000
u = "x" * 100000
n = 0
while True:
    n += (a == b) + (a < b) + len(a[:]) + len({t}) + (s == u) + (s < u)
