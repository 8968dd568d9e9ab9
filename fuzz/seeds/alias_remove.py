class E:
    def __eq__(self, o):
        l.clear()
        return False
l = [E(), E(), E()]
l.remove(7)
