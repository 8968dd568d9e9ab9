x = "%.999999999d" % 1
print(len(x))
