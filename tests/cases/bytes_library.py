# bytes through the rest of the library: sys.stdout.write refuses them (the
# real stdout's TypeError), copy, Counter, json.loads, str % and str.format.
import sys, json, copy, collections, logging
try:
    sys.stdout.write(b'x')
except TypeError as e:
    print('TypeError', e)
print(copy.copy(b'ab'), copy.deepcopy([b'x']))
print(collections.Counter(b'abca').most_common(1))
print(json.loads(b'{"k": [1, 2]}'))
print('%s|%r|%a' % (b'x', b'y', b'z'))
print('{}|{!r}|{:}'.format(b'x', b'y', b'z'))
print(str(b'a') == "b'a'", repr(b'') , [b'\x00'], {b'k': b'v'})
d = dict.fromkeys([b'a', b'b'])
print(d, list(d))
print(b'abc'.decode('utf-8').encode('ascii').hex(), bytes.fromhex('68 69').decode())
print(max(b'abc', b'abd'), b'x' in (b'x', 1))
