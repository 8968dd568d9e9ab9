x = int(1e300)
