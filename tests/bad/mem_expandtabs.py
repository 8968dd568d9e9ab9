x = "\t" * 1000
y = x.expandtabs(10**8)
