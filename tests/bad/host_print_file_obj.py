class F:
    def write(self, s):
        pass
print("x", file=F())
