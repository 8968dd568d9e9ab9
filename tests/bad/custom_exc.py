class Boom(Exception):
    pass
raise Boom("bang")
