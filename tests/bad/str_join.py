s = "x"
while True:
    s = "".join([s, s])
