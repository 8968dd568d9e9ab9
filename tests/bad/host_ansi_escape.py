print("\x1b[2J\x1b]0;pwned\x07 hello")
