# An item's __repr__ empties the list being printed (was a use-after-free).
class R:
    def __repr__(self):
        l.clear()
        return "r"
l = [R(), "x" * 100, 2, 3]
print(repr(l))
t = (1, [R()], 2)
l = [0]
print(t)
