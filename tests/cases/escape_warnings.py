# CPython warns, while it compiles the file, about each str or bytes literal
# whose backslash starts no escape (the first such escape of each literal):
# DeprecationWarning in 3.11, SyntaxWarning from 3.12. The trace shows them
# as `warn` lines before the program's first line runs.
import asyncio

PATTERN = '\d+\.\d+'
RAW = r'\d+\.\d+'
DATA = b'\x00\d\777'
OCTAL = '\400'
FINE = 'tab\t newline\n quote\' \x41 \101 \u00e9'
CONT = 'one \
two'

def label(n):
    return f'item\_{n}' + f"{n!r:\>6}"

async def main():
    await asyncio.sleep(0.1)
    print(PATTERN, RAW, DATA, OCTAL, FINE, CONT)
    print(label(3), '\[done\]')

asyncio.run(main())
