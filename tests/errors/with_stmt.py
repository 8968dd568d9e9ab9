with x:
    pass
