class E:
    def __eq__(self, o):
        l.clear()
        return False
l = [E(), E(), E()]
print(l.index(5) if 5 in l else 0)
print(l.count(1))
