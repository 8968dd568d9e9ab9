# next() through 300k nested enumerate objects recursed in C.
z = [1, 2]
for i in range(300000):
    z = enumerate(z)
print(list(z))
