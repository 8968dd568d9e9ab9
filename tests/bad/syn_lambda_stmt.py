x = lambda: pass
