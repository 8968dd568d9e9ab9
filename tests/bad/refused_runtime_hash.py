def f():
    return vars(1)
if False:
    vars = 1
print(f())
