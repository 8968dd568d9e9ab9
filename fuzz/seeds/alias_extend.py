l = [1, 2, 3]
l.extend(l)
l += l
print(l)
