x = 1
print(type(x).__dict__)
