object.__new__(object)
