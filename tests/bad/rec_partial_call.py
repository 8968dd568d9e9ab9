# Calling 300k nested partial objects recursed in C.
import functools
p = print
for i in range(300000):
    p = functools.partial(p)
p("hi")
