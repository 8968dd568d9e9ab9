# A key's __eq__ empties or refills the dict being searched.
class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 7
    def __eq__(self, o):
        d.clear()
        for i in range(20):
            d[i] = i
        return False
d = {}
d[K(1)] = 1
print(d.get(K(3)))
d = {}
d[K(1)] = 1
d[K(2)] = 2
print(len(d))
d = {}
d[K(1)] = 1
print(K(2) in d)
