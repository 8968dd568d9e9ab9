# loopscope: python 3.11
# a backslash inside an f-string's field is 3.12+ (PEP 701)
lines = ["a", "b"]
print(f"{'\n'.join(lines)}")
