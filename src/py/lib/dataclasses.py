# dataclasses: @dataclass (init, repr, eq, order, frozen, unsafe_hash),
# field, fields, asdict, astuple, replace, is_dataclass, written for
# loopscope from the documented behaviour of CPython's dataclasses. The
# fields come from the class body's annotations. frozen=True makes the
# class hashable and assigning or deleting a field raises
# FrozenInstanceError (a __setattr__ put on the class, which returns
# NotImplemented while __init__ runs: loopscope's "store as usual").


class _MissingType:
    def __repr__(self):
        return "<dataclasses._MISSING_TYPE object>"


MISSING = _MissingType()


class FrozenInstanceError(AttributeError):
    pass


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f"Field(name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},_field_type=_FIELD)")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(annotation):
    return isinstance(annotation, str) and (annotation.startswith("ClassVar") or
                                            annotation.startswith("typing.ClassVar"))


def _collect(cls, kw_only_default):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, "__dataclass_fields__", None)
        if base_fields:
            for f in base_fields.values():
                fields[f.name] = f
    annotations = _class_dict(cls).get("__annotations__", {})
    kw_only = kw_only_default
    for name in annotations:
        typ = annotations[name]
        if typ == "KW_ONLY" or typ == "dataclasses.KW_ONLY":
            kw_only = True
            continue
        if _is_classvar(typ):
            continue
        default = getattr(cls, name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = typ
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if f.default_factory is not MISSING and isinstance(getattr(cls, name, None), Field):
            setattr(cls, name, None)
        elif isinstance(getattr(cls, name, None), Field):
            setattr(cls, name, f.default)
        if f.default is not MISSING and isinstance(f.default, (list, dict, set)):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: "
                             "use default_factory")
        fields[name] = f
    return fields


def _own_annotations(cls):
    return getattr(cls, "__annotations__", {})


def _make_init(cls, fields, frozen):
    init_fields = [f for f in fields.values() if f.init]
    positional = [f for f in init_fields if not f.kw_only]
    keyword = [f for f in init_fields if f.kw_only]
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")
        seen_default = seen_default or has_default
    all_fields = list(fields.values())

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            most = len(positional) + 1
            least = most - len([f for f in positional if f.default is not MISSING or
                                f.default_factory is not MISSING])
            takes = f"{most}" if least == most else f"from {least} to {most}"
            raise TypeError(f"{cls.__qualname__}.__init__() takes {takes} positional "
                            f"argument{'s' if most != 1 else ''} but {len(args) + 1} were given")
        values = {}
        for f, v in zip(positional, args):
            values[f.name] = v
        missing_pos = []
        missing_kw = []
        for f in positional[len(args):] + keyword:
            if f.name in kwargs:
                values[f.name] = kwargs.pop(f.name)
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            elif f.kw_only:
                missing_kw.append(f.name)
            else:
                missing_pos.append(f.name)
        for f, v in zip(positional, args):
            if f.name in kwargs:
                raise TypeError(f"{cls.__qualname__}.__init__() got multiple values for argument '{f.name}'")
        if kwargs:
            raise TypeError(f"{cls.__qualname__}.__init__() got an unexpected keyword argument "
                            f"'{list(kwargs)[0]}'")
        for missing, kind in ((missing_pos, "positional"), (missing_kw, "keyword-only")):
            if missing:
                names = [repr(m) for m in missing]
                text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
                raise TypeError(f"{cls.__qualname__}.__init__() missing {len(missing)} required {kind} "
                                f"argument{'s' if len(missing) > 1 else ''}: {text}")
        if frozen:
            _Initializing.ids.add(id(self))
        try:
            for f in all_fields:
                if f.init:
                    setattr(self, f.name, values[f.name])
                elif f.default is not MISSING:
                    setattr(self, f.name, f.default)
                elif f.default_factory is not MISSING:
                    setattr(self, f.name, f.default_factory())
        finally:
            _Initializing.ids.discard(id(self))
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post()

    return __init__


class FrozenInstanceError(AttributeError):
    pass


class _Initializing:
    ids = set()


def _frozen_setattr(self, name, value):
    if id(self) in _Initializing.ids:
        return NotImplemented
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def _frozen_delattr(self, name):
    raise FrozenInstanceError(f"cannot delete field '{name}'")


def _values(obj, fields, which):
    return tuple(getattr(obj, f.name) for f in fields.values() if getattr(f, which))


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    fields = _collect(cls, kw_only)
    cls.__dataclass_fields__ = fields
    if init:
        cls.__init__ = _make_init(cls, fields, frozen)
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    if repr:
        def __repr__(self):
            parts = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields.values() if f.repr)
            return f"{type(self).__qualname__}({parts})"
        cls.__repr__ = __repr__
    if eq:
        def __eq__(self, other):
            if type(other) is not type(self):
                return NotImplemented
            return _values(self, fields, "compare") == _values(other, fields, "compare")
        cls.__eq__ = __eq__
    if order:
        def _check(self, other, op):
            if type(other) is not type(self):
                raise TypeError(f"'{op}' not supported between instances of '{type(self).__name__}' "
                                f"and '{type(other).__name__}'")

        def __lt__(self, other):
            _check(self, other, "<")
            return _values(self, fields, "compare") < _values(other, fields, "compare")

        def __le__(self, other):
            _check(self, other, "<=")
            return _values(self, fields, "compare") <= _values(other, fields, "compare")

        def __gt__(self, other):
            _check(self, other, ">")
            return _values(self, fields, "compare") > _values(other, fields, "compare")

        def __ge__(self, other):
            _check(self, other, ">=")
            return _values(self, fields, "compare") >= _values(other, fields, "compare")
        cls.__lt__ = __lt__
        cls.__le__ = __le__
        cls.__gt__ = __gt__
        cls.__ge__ = __ge__
    if unsafe_hash or (eq and frozen):
        def __hash__(self):
            return hash(_values(self, fields, "compare"))
        cls.__hash__ = __hash__
    elif eq:
        cls.__hash__ = None
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    fs = getattr(class_or_instance, "__dataclass_fields__", None)
    if fs is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(fs.values())


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def _asdict_inner(obj, factory):
    if hasattr(obj, "__dataclass_fields__") and not isinstance(obj, type):
        return factory([(f.name, _asdict_inner(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, list):
        return [_asdict_inner(v, factory) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_asdict_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return {_asdict_inner(k, factory): _asdict_inner(v, factory) for k, v in obj.items()}
    return obj


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj):
    if hasattr(obj, "__dataclass_fields__") and not isinstance(obj, type):
        return tuple(_astuple_inner(getattr(obj, f.name)) for f in fields(obj))
    if isinstance(obj, list):
        return [_astuple_inner(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(_astuple_inner(v) for v in obj)
    if isinstance(obj, dict):
        return {_astuple_inner(k): _astuple_inner(v) for k, v in obj.items()}
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return tuple_factory(_astuple_inner(obj))


def replace(obj, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)


KW_ONLY = "KW_ONLY"
