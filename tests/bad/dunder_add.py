class V:
    def __add__(self, o):
        return 1
print(V() + V())
