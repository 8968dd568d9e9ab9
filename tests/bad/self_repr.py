l = [1]
l.append(l)
d = {}
d[1] = d
print(l, d)
