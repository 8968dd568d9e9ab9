type("A", (), {})
