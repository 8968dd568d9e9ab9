def f():
    return hash(1)
if False:
    hash = 1
print(f())
