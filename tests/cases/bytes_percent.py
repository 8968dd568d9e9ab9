# bytes % args: %s/%b take bytes, %r/%a give ascii(repr()), %c a byte, numbers as str %;
# and str % with %a (ascii of the repr).
def show(label, fn):
    try:
        print(label, repr(fn()))
    except (TypeError, ValueError, OverflowError, KeyError) as e:
        print(label, type(e).__name__, e)

show('s', lambda: b'%s and %b' % (b'x', b'yy'))
show('d', lambda: b'%d|%5d|%-5d|%05d|%+d|%x|%X|%#x|%o|%.3d' % (1, 2, 3, 4, 5, 255, 255, 255, 8, 7))
show('f', lambda: b'%f %.2f %e %g %10.3f' % (1.5, 2.25, 12345.678, 0.0001, 3.14159))
show('width', lambda: b'[%5s][%-5s][%.2s][%*s][%-*.*s]' % (b'ab', b'ab', b'abcdef', 4, b'x', 6, 2, b'wxyz'))
show('r a', lambda: b'%r %a %r' % (b'q', 'é', [1, 'ü']))
show('c', lambda: b'%c%c%c' % (65, b'B', 0xff))
show('c big', lambda: b'%c' % 256)
show('c str', lambda: b'%c' % 'A')
show('c long', lambda: b'%c' % b'AB')
show('s str', lambda: b'%s' % 'text')
show('s int', lambda: b'%s' % 5)
show('mapping', lambda: b'%(name)s is %(age)d' % {b'name': b'Ada', b'age': 36})
show('mapping str key', lambda: b'%(name)s' % {'name': b'Ada'})
show('percent', lambda: b'100%% %s' % b'done')
show('single', lambda: b'<%s>' % b'one')
show('too many', lambda: b'%s' % (b'a', b'b'))
show('too few', lambda: b'%s %s' % (b'a',))
show('bad char', lambda: b'%y' % 1)
show('d str', lambda: b'%d' % 'x')
show('high bytes', lambda: b'\xff%s\x00' % b'\xfe')
show('str a', lambda: '%a|%r' % ('é', 'é'))
show('str still', lambda: '%s and %d' % ('x', 5))
show('str leftover', lambda: '%s' % ('a', 'b'))
