print(id(1))
