# strip with millions of chars to strip: a table, not a search per byte
x = b"a" * 5000000
c = b"b" * 5000000
print(len(x.strip(c)), len(x.lstrip(c)), len(x.rstrip(c)), len(x.strip(c + b"a")))
