x = b"ok"
y = b"ab\x4"
