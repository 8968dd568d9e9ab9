class A:
    def __repr__(self):
        return 1
print(repr(A()))
