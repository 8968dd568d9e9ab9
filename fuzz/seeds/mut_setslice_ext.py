# An extended-slice assignment whose generator empties the list.
l = list(range(10))
try:
    l[::2] = (l.clear() or x for x in range(5))
except ValueError as e:
    print(e)
print(l)
l = list(range(10))
l[1::3] = (x * 10 for x in range(3))
print(l)
