# bytes literals, repr, and bytes as values: indexing, slicing, iteration,
# comparison, hashing, + and *, `in`, str() and f-strings.
import asyncio

plain = b'hello'
print(plain, B"x", rb'\d+', Rb'\n', br'\x41', b'\x00\x7f\x80\xff')
print(b'tab\there', b'nl\n', b'cr\r', b'bell\a', b'\101\102\103', b'\0\1\377')
print(b"it's", b'say "hi"', b'both \' and "', b'\\')
print(rb'\u20ac \N{DASH} \q', b'\\u20ac')
print(b'ab' b'cd' b'''ef''', len(b''), len(b'\x00\x00'))
print(b"""multi
line""")
print(plain[0], plain[-1], plain[1:3], plain[::-1], plain[::2], plain[10:])
print(list(plain), [c for c in b'az'], sum(b'\x01\x02\x03'), max(plain))
print(b'a' < b'b', b'ab' < b'a', b'' < b'\x00', b'abc' == b'abc', b'a' == 'a', b'a' != b'b')
print(sorted([b'pear', b'apple', b'Zed', b'', b'apple!']))
print(plain + b' world', b'-' * 5, 3 * b'ab', b'x' * 0, b'x' * -2)
print(104 in plain, b'ell' in plain, b'' in plain, b'z' not in plain)
print(str(plain), repr(b"q'"), f'{plain}', f'{plain!r:>12}', '%s|%r' % (plain, plain))
print(isinstance(plain, bytes), type(plain).__name__, type(plain) is bytes, bool(b''), bool(b'\x00'))
d = {b'k': 1, 'k': 2}
print(d[b'k'], d['k'], len(d), hash(b'abc') == hash(b'ab' + b'c'), hash(b'abc') == hash('abc'))
print(sorted({b'b', b'a', b'b'}))
acc = b''
for part in (b'x', b'y', b'z'):
    acc += part
print(acc, acc.__class__)

async def send(tag, payload):
    await asyncio.sleep(0.1 * len(payload))
    return tag + b':' + payload

async def main():
    got = await asyncio.gather(send(b'a', b'xyz'), send(b'b', b'q'))
    print(got, b'|'.join(got))

asyncio.run(main())
