l = [3, 1, 2]
def k(x):
    l.append(x)
    return x
l.sort(key=k)
print(l)
