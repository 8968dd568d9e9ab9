print("x", file=None)
