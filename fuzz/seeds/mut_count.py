# An item's __eq__ clears and refills the list that count/index/in walk.
class E:
    def __eq__(self, o):
        l.clear()
        l.extend([E2() for _ in range(40)])
        return False
class E2:
    def __eq__(self, o):
        return True
l = [E(), E(), E()]
print(l.count(1))
l = [E(), E()]
print(l.index(1))
l = [E(), E()]
print(1 in l)
