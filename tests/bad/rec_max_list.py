# max() comparing 200k-deep lists recursed in C.
a = []
b = []
for i in range(200000):
    a = [a]
    b = [b, 1]
print(max([a, b]) is b)
