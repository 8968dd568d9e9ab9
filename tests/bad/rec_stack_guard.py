# At --max-depth 16000 a chain of __eq__ -> list == -> __eq__ needs more C
# stack per level than plain calls: the stack guard raises RecursionError.
class A:
    def __eq__(self, o):
        return [self] == [o]
try:
    A() == A()
except RecursionError as e:
    print("RecursionError")
