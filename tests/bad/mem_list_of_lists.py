x = [[0] * 9000000 for i in range(100)]
