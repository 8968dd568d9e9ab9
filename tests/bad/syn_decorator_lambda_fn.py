@(lambda f: f)
def f():
    pass
print(f)
