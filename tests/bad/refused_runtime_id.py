if False:
    id = getattr = hash = None
print(id(print))
