def f(): pass
print("{0.__globals__[os]}".format(f))
