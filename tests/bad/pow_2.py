x = 2**100000
print(len(str(x)))
