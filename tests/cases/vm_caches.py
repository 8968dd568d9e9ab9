"""the eval loop's caches (LOAD_GLOBAL, LOAD_ATTR, STORE_ATTR, LOAD_METHOD) and its int/float shortcuts give what a full lookup gives after globals, builtins, class attributes and instance dicts change"""
import asyncio

G = 1

class A:
    k = 5
    def m(self, x):
        return x + 1
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, x):
        return (cls.__name__, x)
    @property
    def p(self):
        return 42

class P:
    def __init__(self):
        self._v = 0
        self.w = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, x):
        self._v = x * 10

def setw(o, k):
    o.w = k

class B(A):
    def m(self, x):
        return x + 100

def count(x):
    return len(x)

def setlen():
    global len
    len = lambda x: -1

def dellen():
    global len
    del len

def helper():
    return G

async def main():
    a = A()
    out = []
    for i in range(3):
        out.append(a.m(i))
        out.append(a.s(i))
        out.append(a.c(i))
        out.append(a.p)
        out.append(helper())
    a.m = lambda x: x - 1
    out.append(a.m(10))
    del a.m
    out.append(a.m(10))
    A.m = lambda self, x: x * 1000
    out.append(a.m(3))
    b = B()
    for o in (a, b, a, b):
        out.append(o.m(1))
    global G
    G = 7
    out.append(helper())
    del G
    try:
        helper()
    except NameError as e:
        out.append(str(e))
    out.append(len(out))
    setlen()
    out.append(count(out))
    dellen()
    out.append(count(out))
    a.x = 1
    a.y = 2
    for o in (a, b):
        try:
            out.append(o.x)
        except AttributeError as e:
            out.append(str(e))
    c = A()
    c.y = 5
    c.x = 6
    out.append(c.x)
    out.append([a.x, c.x, a.y, c.y])
    try:
        None.foo()
    except AttributeError as e:
        out.append(str(e))
    try:
        a.nosuch(1)
    except AttributeError as e:
        out.append(str(e))
    l = []
    l.append(3)
    out.append(l.pop())
    x = 2**62
    out.append(-7 // 2)
    out.append(-7 % 3)
    out.append(7 % -3)
    out.append(5 >> 70)
    out.append(True + True)
    out.append(0.1 + 0.2)
    out.append(1.0 / 3.0)
    out.append(float('nan') == float('nan'))
    out.append(3 < 4 < 5)
    out.append(1.5 * 2.0 == 3.0)
    p = P()
    for k in range(3):
        setw(p, k)
        p.v = k
        out.append((p.v, p.w))
    P.w = property(lambda self: "class wins")
    try:
        setw(p, 9)
    except AttributeError:
        out.append("no setter")
    out.append(p.w)
    words = []
    for t in ("a,b", "c", "d,e,f"):
        words.extend(t.split(","))
        words.append(t.upper())
    d = {}
    for w in words:
        d[w] = d.get(w, 0) + 1
    out.append((words, sorted(d.items()), b"x-y".split(b"-")))
    for o in ([], {}, "s"):
        try:
            o.nosuch()
        except AttributeError as e:
            out.append(str(e))
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(5)
    out.append((fut.done(), fut.result()))
    print(out)

asyncio.run(main())
