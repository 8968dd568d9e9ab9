# next() through 300k nested zip objects recursed in C.
z = [1, 2]
for i in range(300000):
    z = zip(z)
print(list(z))
