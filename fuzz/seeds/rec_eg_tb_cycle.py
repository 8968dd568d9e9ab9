# A member's __context__ points back at its group: printed once, as CPython.
inner = ValueError("inner")
g = ExceptionGroup("g", [inner])
inner.__context__ = g
a = KeyError("a")
b = KeyError("b")
a.__context__ = b
b.__cause__ = a
g2 = ExceptionGroup("g2", [g, a, g])
raise g2
