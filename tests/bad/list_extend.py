l = [0]
while True:
    l.extend(l)
