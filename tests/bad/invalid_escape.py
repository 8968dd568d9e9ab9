x = "\q"
print(x)
