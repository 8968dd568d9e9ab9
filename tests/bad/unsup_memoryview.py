memoryview(b"")
