l = [1, 2, 3]
for i in range(30):
    l[1:1] = l
print(len(l))
