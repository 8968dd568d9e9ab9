l = [1]
for i in range(100):
    l.insert(0, l)
print(len(l))
print(l)
