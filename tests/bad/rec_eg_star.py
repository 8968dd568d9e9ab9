# except* on a 100k-deep exception group recursed in C.
e = ValueError("x")
for i in range(100000):
    e = ExceptionGroup("g", [e])
try:
    raise e
except* ValueError:
    print("caught")
