def f(): pass
print(f"{f.__globals__}")
