# `in` on dict views while a value's __eq__ empties the dict.
class V:
    def __eq__(self, o):
        d.clear()
        return False
d = {1: V(), 2: V(), 3: V()}
try:
    print(5 in d.values())
except RuntimeError as e:
    print(e)
d = {1: V()}
print((1, 5) in d.items())
