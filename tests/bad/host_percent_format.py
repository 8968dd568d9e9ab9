print("%s" % (().__class__,))
