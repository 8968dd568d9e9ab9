print(().__class__.__base__)
