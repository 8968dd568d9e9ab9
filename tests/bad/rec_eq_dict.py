# == on 200k-deep dicts recursed in C until the stack overflowed.
a = {}
b = {}
for i in range(200000):
    a = {1: a}
    b = {1: b}
print(a == b)
