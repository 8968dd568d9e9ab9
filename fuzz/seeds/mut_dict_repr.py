# A key's or value's __repr__ deletes entries of the dict being printed.
class R:
    def __repr__(self):
        d.clear()
        return "r"
d = {1: R(), 2: "b" * 50, 3: 3}
print(repr(d))
s = set()
class S:
    def __repr__(self):
        s.clear()
        return "s"
s.add(S())
s.add(5)
print(len(repr(s)) > 0)
