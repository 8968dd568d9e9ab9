def f(): pass
print(f.__closure__)
