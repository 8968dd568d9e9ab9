class A:
    def __repr__(self):
        return f"{self!r}"
print(A())
