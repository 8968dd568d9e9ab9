# Closures keep their variables; lambdas as sort keys; sorted is stable.
import asyncio

def make_counter(start):
    box = [start]
    def step(by=1):
        box[0] += by
        return box[0]
    return step

def make_adders():
    return [lambda x, k=k: x + k for k in range(3)]

async def main():
    c = make_counter(10)
    c()
    c(5)
    print(c())
    print([f(100) for f in make_adders()])
    people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 20)]
    print(sorted(people, key=lambda p: p[1]))
    print(sorted(people, key=lambda p: p[1], reverse=True))
    print(sorted(people))
    print(sorted([p[0] for p in people], key=len))
    scale = 3
    times = lambda v: v * scale
    scale = 4
    print(times(2), list(map_like(times, [1, 2])))

def map_like(f, xs):
    return [f(x) for x in xs]

asyncio.run(main())
