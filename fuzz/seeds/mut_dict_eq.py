# dict == dict and dict.update while a value's __eq__ empties the dicts.
class V:
    def __eq__(self, o):
        a.clear()
        b.clear()
        return True
a = {1: V(), 2: V()}
b = {1: V(), 2: V()}
print(a == b)
class H:
    def __hash__(self):
        src.clear()
        return 1
src = {}
src[2] = "y"
src[H()] = "x" * 30
dst = {}
dst.update(src)
print(len(dst))
print(len({**{H(): 1}}))
