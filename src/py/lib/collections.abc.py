# collections.abc: the abstract base classes by name. isinstance() against
# them is not supported by loopscope; they are here so imports and
# annotations work.


class Hashable:
    pass


class Iterable:
    pass


class Iterator(Iterable):
    pass


class Generator(Iterator):
    pass


class Sized:
    pass


class Container:
    pass


class Callable:
    pass


class Collection(Sized, ):
    pass


class Sequence(Collection):
    pass


class MutableSequence(Sequence):
    pass


class Set(Collection):
    pass


class MutableSet(Set):
    pass


class Mapping(Collection):
    pass


class MutableMapping(Mapping):
    pass


class Awaitable:
    pass


class Coroutine(Awaitable):
    pass


class AsyncIterable:
    pass


class AsyncIterator(AsyncIterable):
    pass


class AsyncGenerator(AsyncIterator):
    pass
