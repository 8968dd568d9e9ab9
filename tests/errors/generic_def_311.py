# loopscope: python 3.11
# type parameters on a def are 3.12+ (PEP 695)
def first[T](items: list[T]) -> T:
    return items[0]
