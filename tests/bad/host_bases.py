print(int.__bases__)
