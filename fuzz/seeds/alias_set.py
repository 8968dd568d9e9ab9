s = {1}
for k in s:
    s.add(k + 1)
