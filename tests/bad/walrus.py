if (n := 3) > 1:
    print(n)
