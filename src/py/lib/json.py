# json: loads and dumps with CPython's default formatting (separators,
# indent, sort_keys, ensure_ascii), written for loopscope. No file
# functions beyond load/dump on objects with read()/write().


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        super().__init__(f"{msg}: line {lineno} column {colno} (char {pos})")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_ESC = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _quote(s, ensure_ascii):
    out = ['"']
    for ch in s:
        if ch in _ESC:
            out.append(_ESC[ch])
        elif ord(ch) < 0x20 or (ensure_ascii and ord(ch) > 0x7E):
            n = ord(ch)
            if n > 0xFFFF:
                n -= 0x10000
                out.append(f"\\u{0xD800 | (n >> 10):04x}\\u{0xDC00 | (n & 0x3FF):04x}")
            else:
                out.append(f"\\u{n:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _float(f):
    if f != f:
        return "NaN"
    if f == float("inf"):
        return "Infinity"
    if f == -float("inf"):
        return "-Infinity"
    return repr(f)


def _builtin_view(o):
    # collections' defaultdict, Counter and OrderedDict are dict subclasses
    # in CPython and a namedtuple is a tuple: json writes them as such
    import collections
    if isinstance(o, collections._DictLike):
        return dict(o.items())
    if hasattr(o, "_value_") and hasattr(type(o), "_builtin_base_"):
        return o._value_   # an IntEnum or `class S(str, Enum)` member
    if hasattr(type(o), "_fields") and hasattr(o, "_values"):
        return o._values
    return o


def _encode(o, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, level, out):
    if o is not None and type(o) not in (str, int, float, bool, list, tuple, dict):
        o = _builtin_view(o)
    if o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif isinstance(o, str):
        out.append(_quote(o, ensure_ascii))
    elif isinstance(o, int):
        out.append(str(o))
    elif isinstance(o, float):
        out.append(_float(o))
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        out.append("[")
        inner = None if indent is None else "\n" + indent * (level + 1)
        for i, v in enumerate(o):
            if i:
                out.append(item_sep)
            if inner is not None:
                out.append(inner)
            _encode(v, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, level + 1, out)
        if inner is not None:
            out.append("\n" + indent * level)
        out.append("]")
    elif isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        out.append("{")
        inner = None if indent is None else "\n" + indent * (level + 1)
        keys = sorted(o) if sort_keys else list(o)
        for i, k in enumerate(keys):
            v = o[k]
            if isinstance(k, str):
                ks = k
            elif k is True:
                ks = "true"
            elif k is False:
                ks = "false"
            elif k is None:
                ks = "null"
            elif isinstance(k, float):
                ks = _float(k)
            elif isinstance(k, int):
                ks = str(k)
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")
            if i:
                out.append(item_sep)
            if inner is not None:
                out.append(inner)
            out.append(_quote(ks, ensure_ascii))
            out.append(key_sep)
            _encode(v, indent, item_sep, key_sep, sort_keys, ensure_ascii, default, level + 1, out)
        if inner is not None:
            out.append("\n" + indent * level)
        out.append("}")
    elif default is not None:
        _encode(default(o), indent, item_sep, key_sep, sort_keys, ensure_ascii, default, level, out)
    else:
        raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
          indent=None, separators=None, default=None, sort_keys=False):
    if isinstance(indent, int):
        indent = " " * indent
    if separators is None:
        separators = (", ", ": ") if indent is None else (",", ": ")
    out = []
    _encode(obj, indent, separators[0], separators[1], sort_keys, ensure_ascii, default, 0, out)
    return "".join(out)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


_WS = " \t\n\r"
# 3.13 names a trailing comma ("Illegal trailing comma before end of object")
_TRAILING_COMMA = _pyver() >= (3, 13)


class _Parser:
    def __init__(self, doc):
        self.doc = doc
        self.pos = 0

    def fail(self, msg, pos=None):
        raise JSONDecodeError(msg, self.doc, self.pos if pos is None else pos)

    def ws(self):
        doc = self.doc
        while self.pos < len(doc) and doc[self.pos] in _WS:
            self.pos += 1

    def value(self):
        self.ws()
        doc = self.doc
        if self.pos >= len(doc):
            self.fail("Expecting value")
        ch = doc[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        for word, v in (("null", None), ("true", True), ("false", False), ("NaN", float("nan")),
                        ("Infinity", float("inf")), ("-Infinity", -float("inf"))):
            if doc.startswith(word, self.pos):
                self.pos += len(word)
                return v
        return self.number()

    def number(self):
        doc = self.doc
        start = self.pos
        i = start
        if i < len(doc) and doc[i] == "-":
            i += 1
        if i >= len(doc) or not doc[i].isdigit():
            self.fail("Expecting value", start)
        if doc[i] == "0":
            i += 1
        else:
            while i < len(doc) and doc[i].isdigit():
                i += 1
        is_float = False
        if i < len(doc) and doc[i] == "." and i + 1 < len(doc) and doc[i + 1].isdigit():
            is_float = True
            i += 1
            while i < len(doc) and doc[i].isdigit():
                i += 1
        if i < len(doc) and doc[i] in "eE":
            j = i + 1
            if j < len(doc) and doc[j] in "+-":
                j += 1
            if j < len(doc) and doc[j].isdigit():
                is_float = True
                i = j
                while i < len(doc) and doc[i].isdigit():
                    i += 1
        self.pos = i
        text = doc[start:i]
        return float(text) if is_float else int(text)

    def string(self):
        doc = self.doc
        start = self.pos
        self.pos += 1
        out = []
        while True:
            if self.pos >= len(doc):
                self.fail("Unterminated string starting at", start)
            ch = doc[self.pos]
            if ch == '"':
                self.pos += 1
                return "".join(out)
            if ch == "\\":
                self.pos += 1
                if self.pos >= len(doc):
                    self.fail("Unterminated string starting at", start)
                e = doc[self.pos]
                if e == "u":
                    hexs = doc[self.pos + 1:self.pos + 5]
                    if len(hexs) != 4:
                        self.fail("Invalid \\uXXXX escape", self.pos - 1)
                    n = int(hexs, 16)
                    self.pos += 5
                    if 0xD800 <= n < 0xDC00 and doc.startswith("\\u", self.pos):
                        m = int(doc[self.pos + 2:self.pos + 6], 16)
                        if 0xDC00 <= m < 0xE000:
                            n = 0x10000 + ((n - 0xD800) << 10) + (m - 0xDC00)
                            self.pos += 6
                    out.append(chr(n))
                    continue
                mapping = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
                if e not in mapping:
                    self.fail("Invalid \\escape", self.pos - 1)
                out.append(mapping[e])
                self.pos += 1
                continue
            if ord(ch) < 0x20:
                self.fail("Invalid control character at", self.pos)
            out.append(ch)
            self.pos += 1

    def obj(self):
        doc = self.doc
        self.pos += 1
        result = {}
        self.ws()
        if self.pos < len(doc) and doc[self.pos] == "}":
            self.pos += 1
            return result
        comma = None
        while True:
            self.ws()
            if self.pos >= len(doc) or doc[self.pos] != '"':
                if comma is not None and _TRAILING_COMMA and self.pos < len(doc) and doc[self.pos] == "}":
                    self.fail("Illegal trailing comma before end of object", comma)
                self.fail("Expecting property name enclosed in double quotes")
            key = self.string()
            self.ws()
            if self.pos >= len(doc) or doc[self.pos] != ":":
                self.fail("Expecting ':' delimiter")
            self.pos += 1
            result[key] = self.value()
            self.ws()
            if self.pos < len(doc) and doc[self.pos] == ",":
                comma = self.pos
                self.pos += 1
                continue
            if self.pos < len(doc) and doc[self.pos] == "}":
                self.pos += 1
                return result
            self.fail("Expecting ',' delimiter")

    def arr(self):
        doc = self.doc
        self.pos += 1
        result = []
        self.ws()
        if self.pos < len(doc) and doc[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.ws()
            if self.pos < len(doc) and doc[self.pos] == ",":
                comma = self.pos
                self.pos += 1
                if _TRAILING_COMMA:
                    self.ws()
                    if self.pos < len(doc) and doc[self.pos] == "]":
                        self.fail("Illegal trailing comma before end of array", comma)
                continue
            if self.pos < len(doc) and doc[self.pos] == "]":
                self.pos += 1
                return result
            self.fail("Expecting ',' delimiter")


def loads(s, **kwargs):
    if isinstance(s, bytes):
        s = s.decode()
    if not isinstance(s, str):
        raise TypeError(f"the JSON object must be str, bytes or bytearray, not {type(s).__name__}")
    p = _Parser(s)
    v = p.value()
    p.ws()
    if p.pos != len(s):
        p.fail("Extra data")
    return v


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
