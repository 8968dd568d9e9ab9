print(vars())
