# A key's __eq__ empties and refills the dict being searched: the lookup
# holds the key it compares and starts again (CPython's lookdict), judged
# by a version number, not by addresses malloc may reuse.
class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 7
    def __eq__(self, o):
        global left
        if left:
            left -= 1
            d.clear()
            for i in range(20):
                d[i] = i
        return False
left = 0
d = {}
d[K(1)] = 1
left = 1
print(d.get(K(3)))
left = 0
d = {}
d[K(1)] = 1
left = 3
d[K(2)] = 2
print(len(d))
left = 0
d = {}
d[K(1)] = 1
left = 2
print(K(2) in d, len(d))
s = set()
left = 0
s.add(K(1))
class S(K):
    __hash__ = K.__hash__
    def __eq__(self, o):
        global left
        if left:
            left -= 1
            s.clear()
            s.update(range(20))
        return False
left = 0
s = {S(1)}
left = 2
print(S(2) in s, len(s))
