# loopscope: python 3.12
# the type statement (3.12) is not supported by loopscope
type Pair = tuple[int, int]
