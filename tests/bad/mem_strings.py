l = []
i = 0
while True:
    l.append(str(i) * 100)
    i += 1
