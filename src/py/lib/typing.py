# typing: accepted and mostly ignored, as annotations are never evaluated by
# loopscope. The names exist so that imports work and so that what scenarios
# do at run time (List[int], Optional[str], TypeVar("T"), Generic[T] as a
# base class, cast, NamedTuple-free code) behaves. Written for loopscope.


class _Special:
    """A typing name: subscripting gives a parameterised form, printing
    shows typing.Name as CPython does."""

    def __init__(self, name, args=None):
        self._name = name
        self._args = args

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Special(self._name, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __repr__(self):
        if self._args is None:
            return f"typing.{self._name}"
        return f"typing.{self._name}[{', '.join(_type_repr(a) for a in self._args)}]"

    def __eq__(self, other):
        return isinstance(other, _Special) and self._name == other._name and self._args == other._args

    def __hash__(self):
        return hash(self._name)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    return repr(obj)


Any = _Special("Any")
Union = _Special("Union")
Optional = _Special("Optional")
List = _Special("List")
Dict = _Special("Dict")
Set = _Special("Set")
FrozenSet = _Special("FrozenSet")
Tuple = _Special("Tuple")
Type = _Special("Type")
Callable = _Special("Callable")
Awaitable = _Special("Awaitable")
Coroutine = _Special("Coroutine")
AsyncIterator = _Special("AsyncIterator")
AsyncIterable = _Special("AsyncIterable")
AsyncGenerator = _Special("AsyncGenerator")
Iterator = _Special("Iterator")
Iterable = _Special("Iterable")
Generator = _Special("Generator")
Sequence = _Special("Sequence")
MutableSequence = _Special("MutableSequence")
Mapping = _Special("Mapping")
MutableMapping = _Special("MutableMapping")
Collection = _Special("Collection")
Container = _Special("Container")
Hashable = _Special("Hashable")
Sized = _Special("Sized")
Deque = _Special("Deque")
DefaultDict = _Special("DefaultDict")
OrderedDict = _Special("OrderedDict")
Counter = _Special("Counter")
ChainMap = _Special("ChainMap")
Literal = _Special("Literal")
Final = _Special("Final")
ClassVar = _Special("ClassVar")
Annotated = _Special("Annotated")
NoReturn = _Special("NoReturn")
Never = _Special("Never")
Self = _Special("Self")
LiteralString = _Special("LiteralString")
TypeAlias = _Special("TypeAlias")
TypeGuard = _Special("TypeGuard")
Concatenate = _Special("Concatenate")
Required = _Special("Required")
NotRequired = _Special("NotRequired")
Unpack = _Special("Unpack")
AnyStr = _Special("AnyStr")
Text = str
TYPE_CHECKING = False


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


class Generic:
    """A base class: Generic[T] is Generic itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj):
    return {}


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable")


def reveal_type(obj):
    return obj


def NewType(name, tp):
    def new_type(x):
        return x
    return new_type


class TypedDict:
    """class Config(TypedDict): host: str -- Config(host=...) makes a dict.
    TypedDict("Config", {"host": str}) is the functional form."""

    def __class_call__(cls, *args, total=True, **kwargs):
        if cls is TypedDict:
            fields = args[1] if len(args) > 1 else kwargs
            return _new_class(args[0], TypedDict, {"__annotations__": dict(fields), "__module__": "__main__"})
        return dict(*args, **kwargs)


class NamedTuple:
    """class Job(NamedTuple): id: int; name: str = "x" -- the fields come
    from the annotations, their defaults from the class body; methods
    defined in the body stay. NamedTuple("Job", [("id", int)]) is the
    functional form."""

    def __class_call__(cls, *args, **kwargs):
        if cls is NamedTuple:
            from collections import namedtuple
            fields = args[1] if len(args) > 1 else None
            names = [f[0] for f in fields] if fields else list(kwargs)
            return namedtuple(args[0], names)
        return NotImplemented

    def __init_subclass__(cls):
        from collections import namedtuple
        own = _class_dict(cls)
        names = list(own.get("__annotations__", {}))
        defaults = []
        for name in names:
            if name in own:
                defaults.append(own[name])
            elif defaults:
                with_default = ", ".join(n for n in names if n in own)
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {with_default}")
        made = namedtuple(cls.__name__, names, defaults=defaults)
        for key, value in _class_dict(made).items():
            if key not in own and key not in ("__module__", "__qualname__", "__doc__", "__dict__"):
                setattr(cls, key, value)
