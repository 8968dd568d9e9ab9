def f(): pass
getattr(f, "__globals__")
