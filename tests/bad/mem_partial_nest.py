# 20k nested partial objects: calling the outer one recursed in C through
# every layer (1.5 GB, exit 0 before). Each layer now costs one level of the
# depth budget, so the call ends as a RecursionError long before memory runs out.
from functools import partial
def f(*a):
    return len(a)
p = f
for i in range(20000):
    p = partial(p, i)
print(p())
