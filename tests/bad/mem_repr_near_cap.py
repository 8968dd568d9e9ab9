x = [[1, 2, 3]] * 9000000
s = repr(x)
print(len(s))
