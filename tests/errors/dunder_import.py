__import__("os").system("true")
