# == and < on lists whose items' __eq__ empties one side.
class E:
    def __eq__(self, o):
        a.clear()
        b.clear()
        return True
    def __lt__(self, o):
        return False
a = [E(), E(), E()]
b = [E(), E(), E()]
print(a == b)
a = [E(), 1, 2]
b = [E(), 1, 2]
print(a < b)
a = [(E(), 1)]
b = [(E(), 1)]
print(a == b, a, b)
