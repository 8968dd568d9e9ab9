s = "x" * 1000
l = []
while True:
    l.append(s * 9000)
