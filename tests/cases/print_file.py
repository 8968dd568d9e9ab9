"""print(file=sys.stderr) goes to standard error (off the trace); file=sys.stdout is output."""
import asyncio
import sys


async def main():
    print("to stdout", file=sys.stdout)
    print("to stderr", 42, file=sys.stderr)
    print("partial", end="", file=sys.stdout)
    await asyncio.sleep(0.5)
    print(" line", file=sys.stdout)
    print("error: something failed", file=sys.stderr)


asyncio.run(main())


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


c = Collector()
print("a", 1, [2], sep="-", end="!", file=c)
print(file=c)
print(c.parts)
