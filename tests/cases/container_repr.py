# repr of lists, dicts and tuples, with nested strings that contain quotes,
# backslashes and newlines.
import asyncio

async def main():
    print(["it's", 'say "hi"', "both ' and \"", "back\\slash", "new\nline", "tab\t"])
    d = {"name": "O'Brien", 1: [1, 2], (1, 2): None, "t": (1,), "e": ()}
    print(d)
    print(repr("plain"), repr('x"y'), repr("x'y"), str("x'y"))
    print((), (1,), (1, "a"), [], {}, [[]], [()], ({},))
    print([None, True, False], {"a": {"b": ["c"]}})
    print([1.5, -2, 10 ** 10], (0.1 + 0.2,))
    print(str([1, "s"]), repr(["s"]), len(d), list(d), list(d)[:2])
    print(sorted(["b", "a'"]), dict(zip(["a", "b"], [1, 2])), list(range(3)))
    print(list((3, 4)), list("ab"), "t" in d, d["t"], d[(1, 2)])

asyncio.run(main())
