# CPython's compile-time SyntaxWarning for `is` / `is not` with a literal
# (the first such `is` of each comparison), after the escape warnings the
# parser gives; 3.12 names the literal's type.
import asyncio

def check(value):
    if value is 'done':
        return 'finished'
    return [v for v in (1, 2) if v is not 2.0]

async def worker(n):
    await asyncio.sleep(0.1)
    ok = n is 0 or n is not (1, 2)
    chained = 0 is n is 1
    return ok, chained, (lambda q: q is b'x')(n), n is None, n is ...

async def main():
    pattern = '\w+'
    print(check('x'), await worker(3), pattern, -1 is -1)

asyncio.run(main())
