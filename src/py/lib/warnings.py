# warnings: warn, simplefilter, filterwarnings and catch_warnings, written
# for loopscope. A warning that is shown becomes a `warn` line of the trace
# (the oracle shows every warning the same way: its filter starts as
# "always"); "ignore" drops it and "error" raises it.

_filters = []   # (action, category), newest first


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in ("error", "ignore", "always", "default", "module", "once"):
        raise ValueError(f"invalid action: {action!r}")
    item = (action, category)
    if append:
        _filters.append(item)
    else:
        _filters.insert(0, item)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    simplefilter(action, category, lineno, append)


def resetwarnings():
    _filters.clear()


def _action(category):
    for action, cat in _filters:
        if issubclass(category, cat):
            return action
    return "always"


def warn(message, category=None, stacklevel=1, source=None):
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    action = _action(category)
    if action == "ignore":
        return
    if action == "error":
        raise message if isinstance(message, Warning) else category(message)
    _warn(str(message))


class catch_warnings:
    def __init__(self, *, record=False, action=None, category=Warning):
        self._record = record
        self._action = action
        self._category = category

    def __enter__(self):
        self._saved = list(_filters)
        if self._action is not None:
            simplefilter(self._action, self._category)
        return [] if self._record else None

    def __exit__(self, *exc_info):
        _filters[:] = self._saved
