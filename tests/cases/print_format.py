# print with sep and end, several arguments, empty print, and strings with
# newlines (one trace line per printed line).
import asyncio

async def main():
    print("a", "b", "c")
    print("a", "b", "c", sep=", ")
    print("x", 1, 2.5, None, True, sep="")
    print()
    print("two\nlines")
    print("ends with newline\n")
    print("no newline", end="")
    print(" ...continued", end="|\n")
    print("trailing spaces   ")
    print(1, [1, "a"], {"k": (1,)}, sep=" | ")
    print("""triple
quoted""")

asyncio.run(main())
