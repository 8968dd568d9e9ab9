l = ["a"]
class S:
    def __str__(self):
        l.clear()
        return "x"
print(", ".join(l))
