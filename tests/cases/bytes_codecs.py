# str.encode, bytes.decode and str(b, encoding): utf-8, ascii and latin-1,
# the error handlers, and CPython's UnicodeEncodeError / UnicodeDecodeError.
def show(label, fn):
    try:
        print(label, repr(fn()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(label, type(e).__name__, e)

show('utf-8', lambda: 'héllo €😀'.encode())
show('utf8 alias', lambda: 'é'.encode('UTF8'))
show('utf-8 kw', lambda: 'é'.encode(encoding='utf_8', errors='strict'))
show('ascii', lambda: 'plain'.encode('ascii'))
show('ascii bad', lambda: 'naïve'.encode('ascii'))
show('ascii run', lambda: 'ab€€€cd'.encode('us-ascii'))
show('latin-1', lambda: 'café'.encode('latin-1'))
show('latin-1 bad', lambda: 'x€'.encode('latin1'))
show('latin-1 astral', lambda: '😀'.encode('iso-8859-1'))
show('ignore', lambda: 'naïve ☃'.encode('ascii', 'ignore'))
show('replace', lambda: 'naïve ☃'.encode('ascii', 'replace'))
show('backslash', lambda: 'naïve ☃😀'.encode('ascii', 'backslashreplace'))
show('unknown', lambda: 'x'.encode('no-such-codec'))
show('bad handler', lambda: 'é'.encode('ascii', 'bogus'))
show('unused handler', lambda: 'e'.encode('ascii', 'bogus'))
show('enc type', lambda: 'x'.encode(5))
show('decode', lambda: b'h\xc3\xa9llo \xe2\x82\xac'.decode())
show('decode latin', lambda: b'caf\xe9'.decode('latin-1'))
show('start byte', lambda: b'ok\xff'.decode())
show('continuation', lambda: b'\xc3(x'.decode('utf-8'))
show('end of data', lambda: b'ab\xe2\x82'.decode())
show('surrogate', lambda: b'\xed\xa0\x80'.decode())
show('overlong', lambda: b'\xc0\xaf'.decode())
show('f4 90', lambda: b'\xf4\x90\x80\x80'.decode())
show('3 of 4', lambda: b'\xf0\x9f\x98'.decode())
show('ascii decode', lambda: b'a\x80\x81'.decode('ascii'))
show('replace dec', lambda: b'a\xffb\xe2\x82c\xf0\x9f'.decode('utf-8', 'replace'))
show('ignore dec', lambda: b'a\xffb'.decode('utf-8', 'ignore'))
show('backslash dec', lambda: b'a\xffb'.decode('ascii', 'backslashreplace'))
show('str()', lambda: str(b'caf\xc3\xa9', 'utf-8'))
show('str() errors', lambda: str(b'\xff', errors='replace'))
show('str() bad', lambda: str(b'\xff', 'utf-8'))
show('str(str, enc)', lambda: str('x', 'utf-8'))
show('bytes(str)', lambda: bytes('é', 'utf-8'))
show('bytes(str) no enc', lambda: bytes('é'))
show('round trip', lambda: 'Grüße'.encode().decode() == 'Grüße')
try:
    b'\x80abc'.decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    'a€b'.encode('ascii')
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
except ValueError:
    print('not reached')
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeEncodeError, UnicodeError))
