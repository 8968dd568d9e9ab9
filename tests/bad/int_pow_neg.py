x = 2 ** -10**10
print(x)
