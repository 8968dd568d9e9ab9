hasattr(1, "x")
