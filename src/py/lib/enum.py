# enum: Enum, IntEnum, StrEnum, auto and unique, written for loopscope.
# Members are made when the class statement ends (through
# __init_subclass__): Color.RED, .name, .value, Color(1), Color["RED"],
# repr <Color.RED: 1>, str Color.RED. `class S(str, Enum)` gets the value
# type as _member_type_ (the compiler puts it there): members compare and
# hash as their values. Iterating over the class, len(Color) and
# `x in Color` go through __class_iter__ (loopscope's stand-in for the
# metaclass), Color(1) through __class_call__ (for its __call__), so it
# is Color.RED itself. IntEnum members do int arithmetic and StrEnum
# members str's methods, by delegating to the value.


class auto:
    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto()"


class _Building:
    active = False


def _is_descriptor(v):
    return callable(v) or isinstance(v, (property, staticmethod, classmethod))


class Enum:
    def __class_call__(cls, value):
        # Color(1) is Color.RED: the member itself (a metaclass's __call__
        # in CPython; loopscope's class objects call this hook)
        if _Building.active:
            return NotImplemented
        if type(value) is cls:
            return value
        for m in cls._member_list_:
            if m._value_ == value:
                return m
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __init__(self, value):
        self._value_ = value

    def __init_subclass__(cls):
        members = []
        by_name = {}
        last = 0
        _Building.active = True
        try:
            for name, value in _class_dict(cls).items():
                if name.startswith("_") or _is_descriptor(value):
                    continue
                if isinstance(value, auto):
                    value = cls._generate_next_value_(name, 1, len(members), [m._value_ for m in members])
                alias = None
                for m in members:
                    if m._value_ == value:
                        alias = m
                if alias is not None:
                    setattr(cls, name, alias)
                    by_name[name] = alias
                    continue
                member = cls(value)
                member._name_ = name
                setattr(cls, name, member)
                members.append(member)
                by_name[name] = member
        finally:
            _Building.active = False
        cls._member_list_ = members
        cls._member_map_ = by_name
        cls.__members__ = dict(by_name)
        mixed = _class_dict(cls).get("_member_type_")
        if mixed in (str, int, float):
            cls._builtin_base_ = mixed   # isinstance(S.A, str), as in CPython
        if mixed is str or _class_dict(cls).get("_builtin_base_") is str:
            _give_str_methods(cls)

    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            if isinstance(v, int):
                return v + 1
        return start

    _generate_next_value_ = staticmethod(_generate_next_value_)

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    def __class_iter__(cls):
        # iterating over the class, len() and `in` (a metaclass's work in
        # CPython; loopscope's class objects call this hook)
        return list(cls._member_list_)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __eq__(self, other):
        if isinstance(other, Enum):
            if getattr(type(self), "_member_type_", None) is not None:
                return self._value_ == other._value_
            return type(self) is type(other) and self._name_ == other._name_
        if getattr(type(self), "_member_type_", None) is not None:
            return self._value_ == other
        return NotImplemented

    def __hash__(self):
        if getattr(type(self), "_member_type_", None) is not None:
            return hash(self._value_)
        return hash(self._name_)

    def _order(self, other, op):
        if getattr(type(self), "_member_type_", None) is None:
            raise TypeError(f"'{op}' not supported between instances of '{type(self).__name__}' and "
                            f"'{type(other).__name__}'")
        return self._value_, _value_of(other)

    def __lt__(self, other):
        a, b = self._order(other, "<")
        return a < b

    def __le__(self, other):
        a, b = self._order(other, "<=")
        return a <= b

    def __gt__(self, other):
        a, b = self._order(other, ">")
        return a > b

    def __ge__(self, other):
        a, b = self._order(other, ">=")
        return a >= b


def _arith(name, op):
    # IntEnum members (and `class X(int, Enum)` ones) do their value's
    # arithmetic; plain Enum members have none
    def forward(self, other):
        if getattr(type(self), "_member_type_", None) is None:
            return NotImplemented
        return op(self._value_, _value_of(other))

    def backward(self, other):
        if getattr(type(self), "_member_type_", None) is None:
            return NotImplemented
        return op(_value_of(other), self._value_)

    setattr(Enum, f"__{name}__", forward)
    setattr(Enum, f"__r{name}__", backward)


for _name, _op in (("add", lambda a, b: a + b), ("sub", lambda a, b: a - b),
                   ("mul", lambda a, b: a * b), ("truediv", lambda a, b: a / b),
                   ("floordiv", lambda a, b: a // b), ("mod", lambda a, b: a % b),
                   ("pow", lambda a, b: a ** b)):
    _arith(_name, _op)


class _ValueEnum(Enum):
    """Members that print as, and compare equal to, their values."""

    _member_type_ = object

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)   # IntEnum, StrEnum: the value's format


_STR_METHODS = ("upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip", "lstrip",
                "rstrip", "split", "rsplit", "splitlines", "startswith", "endswith", "replace", "find",
                "rfind", "index", "count", "join", "partition", "rpartition", "center", "ljust", "rjust",
                "zfill", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "removeprefix",
                "removesuffix", "format", "encode")


def _str_method(name):
    def method(self, *args, **kwargs):
        return getattr(self._value_, name)(*args, **kwargs)
    return method


def _give_str_methods(cls):
    # members of a str-valued enum have str's methods (CPython's are str
    # instances): S.A.upper() works on the value
    for name in _STR_METHODS:
        if name not in _class_dict(cls):
            setattr(cls, name, _str_method(name))


def _value_of(x):
    return x._value_ if isinstance(x, Enum) else x


class IntEnum(_ValueEnum):
    _builtin_base_ = int


class StrEnum(_ValueEnum):
    _builtin_base_ = str

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    _generate_next_value_ = staticmethod(_generate_next_value_)


def unique(enumeration):
    return enumeration
