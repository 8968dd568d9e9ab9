"{a.__class__.__base__}".format_map({"a": 1})
