# < on 200k-deep tuples recursed in C until the stack overflowed.
a = ()
b = ()
for i in range(200000):
    a = (a,)
    b = (b, 1)
print(a < b)
