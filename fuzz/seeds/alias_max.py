l = [3, 1, 2]
def k(x):
    l.clear()
    return x
print(max(l, key=k), min(l, key=k))
