# The traceback of a 100k-deep exception group: CPython prints 10 levels.
e = ValueError("x")
for i in range(100000):
    e = ExceptionGroup("g", [e])
raise e
