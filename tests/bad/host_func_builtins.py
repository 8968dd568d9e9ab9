def f(): pass
print(f.__builtins__)
