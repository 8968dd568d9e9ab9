x = 10.0 ** 400
print(x)
