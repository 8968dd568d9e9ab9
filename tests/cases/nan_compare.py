"""A NaN is not equal to itself with ==, but containers take identity first."""
x = float("nan")
print(x != x, x == x, [x] == [x], x in [x], x < x, x >= x)
