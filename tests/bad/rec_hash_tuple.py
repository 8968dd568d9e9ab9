# Hashing a 200k-deep tuple (as a set member) recursed in C.
a = ()
for i in range(200000):
    a = (a,)
print(len({a}))
