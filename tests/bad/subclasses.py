print(object.__subclasses__())
