x = [str(i) for i in range(100000)]
print(len(x))
