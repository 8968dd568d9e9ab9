# == on 200k-deep lists recursed in C until the stack overflowed.
a = []
b = []
for i in range(200000):
    a = [a]
    b = [b]
print(a == b)
