x = []
while True:
    x.append([])
