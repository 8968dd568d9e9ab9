# int.to_bytes and int.from_bytes: byte orders, signed values, lengths past
# eight bytes, defaults and CPython's errors (values within 64 bits).
def show(label, fn):
    try:
        print(label, repr(fn()))
    except (TypeError, ValueError, OverflowError) as e:
        print(label, type(e).__name__, e)

for v, n, order, sgn in [(1024, 2, 'big', False), (1024, 2, 'little', False), (1024, 1, 'big', False),
                         (-1, 2, 'big', False), (-1, 2, 'big', True), (128, 1, 'big', True),
                         (-128, 1, 'big', True), (-129, 1, 'big', True), (0, 0, 'big', False),
                         (1, 0, 'big', False), (255, 1, 'little', False), (256, 1, 'little', False),
                         (2**62, 8, 'big', False), (-2**62 * 2, 8, 'little', True), (-5, 10, 'big', True),
                         (5, 10, 'little', False), (2**62 - 1 + 2**62, 8, 'big', True), (1, -1, 'big', False)]:
    show(f'to_bytes {v} {n} {order} {sgn}', lambda: v.to_bytes(n, order, signed=sgn))
show('default', lambda: (5).to_bytes())
show('kw', lambda: (5).to_bytes(length=2, byteorder='little'))
show('bad order', lambda: (5).to_bytes(2, 'middle'))
show('three pos', lambda: (5).to_bytes(2, 'big', True))
show('len str', lambda: (5).to_bytes('2', 'big'))
for data, order, sgn in [(b'\x04\x00', 'big', False), (b'\x04\x00', 'little', False), (b'\xff\xff', 'big', True),
                         (b'\xff\xff', 'big', False), (b'', 'big', False), (b'\x80', 'big', True),
                         (b'\x00' * 12 + b'\x01', 'big', False), (b'\xff' * 12, 'little', True),
                         (b'\x7f' + b'\xff' * 7, 'big', True), (b'\x80' + b'\x00' * 7, 'big', True),
                         (b'\x01' * 8, 'big', False)]:
    show(f'from_bytes {data} {order} {sgn}', lambda: int.from_bytes(data, order, signed=sgn))
show('default', lambda: int.from_bytes(b'\xff'))
show('list', lambda: int.from_bytes([1, 2], 'big'))
show('str', lambda: int.from_bytes('ab', 'big'))
show('bad order', lambda: int.from_bytes(b'\x01', byteorder='x'))
show('round trip', lambda: int.from_bytes((123456789).to_bytes(4, 'little'), 'little'))
