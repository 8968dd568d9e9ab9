# split() on a 100k-deep exception group recursed in C.
e = ValueError("x")
for i in range(100000):
    e = ExceptionGroup("g", [e])
try:
    e.split(ValueError)
except RecursionError as r:
    print("split:", r)
print(e.subgroup(ValueError) is not None)
