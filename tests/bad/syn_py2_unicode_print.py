print u"x"
