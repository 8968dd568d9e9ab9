if False:
    vars = dir = None
print(vars(print))
