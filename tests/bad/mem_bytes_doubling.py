n = 0
x = b"\xff" * 100
while True:
    x = x + x
    n += 1
