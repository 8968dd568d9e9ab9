def f():
    def g():
        pass
   return 1
