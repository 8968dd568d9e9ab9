# The string methods scenarios use most.
import asyncio

async def main():
    s = "  Hello, World  "
    print(repr(s.strip()), repr(s.lower()), repr(s.upper()))
    t = s.strip()
    print(t.split(", "), "a b  c".split(), "a,b,,c".split(","))
    print("-".join(["x", "y", "z"]), "".join(["a", "b"]), ", ".join([]))
    print(t.startswith("Hell"), t.endswith("!"), t.replace("l", "L"))
    print("hello world of code".title(), "ALREADY".title(), "mIxEd".lower())
    print("{} has {} items".format("cart", 3), "{0}-{1}-{0}".format("a", "b"))
    print("abc" * 2, "ab" + "cd", "b" in "abc", "abc"[1], "abcdef"[1:4], "abc"[-1])
    print(len("héllo"), "x".join("abc"), "  pad ".strip() == "pad")
    print(str(5) + "!", "42".startswith("4"), "a.b.c".split(".", 1))

asyncio.run(main())
