with as f:
    pass
