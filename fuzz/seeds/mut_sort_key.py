# sort and sorted whose key or comparison empties or refills the list.
class C:
    def __lt__(self, o):
        l.clear()
        l.extend([C() for _ in range(30)])
        return True
l = [C() for _ in range(40)]
try:
    l.sort()
except ValueError as e:
    print(e)
l = [3, 1, 2]
print(sorted(l, key=lambda x: l.clear() or x))
print(max([C(), C()], key=lambda c: 1) is not None)
