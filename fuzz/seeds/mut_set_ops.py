# Set algebra where __eq__ empties the sets being walked.
class K:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return 3
    def __eq__(self, o):
        if ready:
            a.clear()
            b.clear()
        return False
ready = False
a = {K(1), K(2), K(3)}
b = {K(4), K(5)}
ready = True
print(len(a & b), len(a), len(b))
ready = False
a = {K(1), K(2)}
b = {K(4), K(5), K(6)}
ready = True
print(len(a - b))
ready = False
a = {K(1), K(2)}
b = {K(4), K(5)}
ready = True
print(a == b, a <= b)
ready = False
a = {K(1), K(2)}
b = {K(4), K(5)}
ready = True
a ^= b
ready = False
a = {K(1), K(2)}
b = {K(4), K(5)}
ready = True
print(a.isdisjoint(b))
ready = False
a = {K(1), K(2)}
b = {K(4), K(5)}
ready = True
a |= b
print(len(a) >= 0)
