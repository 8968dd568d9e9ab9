print(int.__mro__)
