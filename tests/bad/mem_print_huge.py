print("x" * 9000000)
