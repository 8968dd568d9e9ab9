"""Operators on user classes: __add__, __radd__, __mul__, __iadd__, NotImplemented."""
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)
    def __radd__(self, other):
        return self + other
    def __mul__(self, k):
        return Money(self.cents * k)
    __rmul__ = __mul__
    def __repr__(self):
        return f"Money({self.cents})"
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Money(5) + Money(7)
print(a, 3 + a, a * 2, 2 * a, sum([Money(1), Money(2)], Money(0)))
m = Money(1)
m += Money(2)
acc = Acc()
acc += 5
print(m, acc.items)
try:
    Money(1) + "x"
except TypeError as e:
    print(e)
