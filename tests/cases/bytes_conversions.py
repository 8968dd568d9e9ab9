# bytes where CPython's built-ins take them: int(), float(), reversed(),
# and the iteration built-ins (enumerate, zip, sorted, set, map ...).
def show(label, fn):
    try:
        print(label, repr(fn()))
    except (TypeError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)

show('int', lambda: int(b'42'))
show('int ws', lambda: int(b' -7_000 \n'))
show('int base', lambda: int(b'ff', 16))
show('int base0', lambda: int(b'0x1F', 0))
show('int bad', lambda: int(b'4x'))
show('int high', lambda: int(b'\xff1'))
show('float', lambda: float(b'1.5'))
show('float exp', lambda: float(b' -2e3 '))
show('float bad', lambda: float(b'one'))
show('reversed', lambda: list(reversed(b'abc')))
show('reversed empty', lambda: list(reversed(b'')))
show('enumerate', lambda: list(enumerate(b'hi')))
show('zip', lambda: list(zip(b'ab', 'xy')))
show('sorted', lambda: sorted(b'cab'))
show('set', lambda: sorted(set(b'abca')))
show('tuple', lambda: tuple(b'\x00\xff'))
show('any', lambda: (any(b'\x00\x00'), all(b'\x01\x02'), min(b'zay'), sum(b'')))
show('map', lambda: list(map(chr, b'hey')))
show('bool', lambda: [bool(b''), bool(b' ')])
