x = bytearray(b"abc")
