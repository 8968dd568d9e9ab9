class A(foo=1):
    pass
