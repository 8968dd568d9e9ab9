x = "a".ljust(10**10)
