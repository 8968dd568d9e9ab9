print >>f, "x"
