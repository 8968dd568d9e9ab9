__builtins__.__dict__["open"]
