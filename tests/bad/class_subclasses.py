x = 1
print(x.__class__.__subclasses__())
