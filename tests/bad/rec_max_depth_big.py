# --max-depth 50000 was accepted, but the C stack overflows near 24,000
# frames: values above what it holds are refused.
def f(n):
    return f(n + 1) if n < 30000 else n
print(f(0))
