# a long needle that almost matches everywhere: the searches stay linear
x = b"a" * 9000000
y = b"a" * 4000000 + b"b"
print(y in x, x.find(y), x.rfind(y), x.count(y), len(x.split(y)), len(x.replace(y, b"")))
