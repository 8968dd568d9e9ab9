x = 1
print("{0.__class__}".format(x))
