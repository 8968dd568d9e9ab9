# Assigning a slice from a generator that empties the list (was a heap overflow).
l = list(range(10))
l[2:5] = (l.clear() or x for x in range(3))
print(l)
m = list(range(6))
m[1:3] = (m.extend([7, 8, 9]) or x for x in range(2))
print(m)
