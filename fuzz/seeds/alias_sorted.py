l = [3, 1, 2]
def k(x):
    l.clear()
    return x
print(sorted(l, key=k))
