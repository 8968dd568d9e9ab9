# logging: loggers, levels, basicConfig and %-style formats, written for
# loopscope. Records go to standard error, as in CPython: loopscope shows
# them in its log and captions and keeps them out of the stdout trace.
# %(asctime)s reads the virtual clock (virtual epoch 1970-01-01 UTC).
# Handlers other than the standard-error stream are not supported.

from time import time as _now, gmtime as _gmtime, strftime as _strftime

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_level_names = {CRITICAL: "CRITICAL", ERROR: "ERROR", WARNING: "WARNING", INFO: "INFO", DEBUG: "DEBUG",
                NOTSET: "NOTSET"}
_name_levels = {"CRITICAL": CRITICAL, "FATAL": FATAL, "ERROR": ERROR, "WARN": WARNING, "WARNING": WARNING,
                "INFO": INFO, "DEBUG": DEBUG, "NOTSET": NOTSET}

BASIC_FORMAT = "%(levelname)s:%(name)s:%(message)s"


def getLevelName(level):
    if level in _level_names:
        return _level_names[level]
    if level in _name_levels:
        return _name_levels[level]
    return f"Level {level}"


def addLevelName(level, name):
    _level_names[level] = name
    _name_levels[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if level in _name_levels:
        return _name_levels[level]
    raise ValueError(f"Unknown level: {level!r}")


class LogRecord:
    def __init__(self, name, level, msg, args, func=None):
        self.name = name
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        self.args = args
        self.created = _now()
        self.msecs = int((self.created - int(self.created)) * 1000)
        self.funcName = func
        self.exc_text = None

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    default_time_format = "%Y-%m-%d %H:%M:%S"

    def __init__(self, fmt=None, datefmt=None, style="%"):
        self._fmt = fmt if fmt is not None else "%(message)s"
        self.datefmt = datefmt

    def formatTime(self, record, datefmt=None):
        t = _gmtime(record.created)
        if datefmt:
            return _strftime(datefmt, t)
        return f"{_strftime(self.default_time_format, t)},{record.msecs:03d}"

    def format(self, record):
        record.message = record.getMessage()
        values = {"name": record.name, "levelname": record.levelname, "levelno": record.levelno,
                  "message": record.message, "msecs": record.msecs, "created": record.created,
                  "funcName": record.funcName, "process": 0, "thread": 0, "threadName": "MainThread",
                  "processName": "MainProcess", "module": "__main__", "filename": "", "lineno": 0,
                  "pathname": "", "relativeCreated": record.created * 1000}
        if "%(asctime)" in self._fmt:
            values["asctime"] = self.formatTime(record, self.datefmt)
        s = self._fmt % values
        if record.exc_text:
            s = s + "\n" + record.exc_text
        return s


class Handler:
    def __init__(self, level=NOTSET):
        self.level = _check_level(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if record.levelno >= self.level:
            self.emit(record)

    def emit(self, record):
        pass


class StreamHandler(Handler):
    def __init__(self, stream=None):
        super().__init__()

    def emit(self, record):
        _stderr(self.format(record) + "\n")


class NullHandler(Handler):
    pass


_default_formatter = Formatter()


class Logger:
    def __init__(self, name, level=NOTSET):
        self.name = name
        self.level = level
        self.parent = None
        self.handlers = []
        self.propagate = True
        self.disabled = False

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger is not None:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return level >= self.getEffectiveLevel()

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        logger = self
        while logger is not None:
            if logger.handlers:
                return True
            logger = logger.parent if logger.propagate else None
        return False

    def getChild(self, suffix):
        return getLogger(f"{self.name}.{suffix}" if self is not root else suffix)

    def _log(self, level, msg, args, exc_info=False):
        if self.disabled or not self.isEnabledFor(level):
            return
        record = LogRecord(self.name, level, msg, args)
        if exc_info:
            record.exc_text = "Traceback (most recent call last): (not shown by loopscope)"
        found = False
        logger = self
        while logger is not None:
            for h in logger.handlers:
                found = True
                h.handle(record)
            logger = logger.parent if logger.propagate else None
        if not found and level >= WARNING:
            _stderr(record.getMessage() + "\n")

    def debug(self, msg, *args, **kwargs):
        self._log(DEBUG, msg, args)

    def info(self, msg, *args, **kwargs):
        self._log(INFO, msg, args)

    def warning(self, msg, *args, **kwargs):
        self._log(WARNING, msg, args)

    warn = warning

    def error(self, msg, *args, exc_info=False, **kwargs):
        self._log(ERROR, msg, args, exc_info)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self._log(ERROR, msg, args, exc_info)

    def critical(self, msg, *args, **kwargs):
        self._log(CRITICAL, msg, args)

    fatal = critical

    def log(self, level, msg, *args, **kwargs):
        self._log(level, msg, args)

    def __repr__(self):
        return f"<Logger {self.name} ({getLevelName(self.getEffectiveLevel())})>"


class RootLogger(Logger):
    def __repr__(self):
        return f"<RootLogger root ({getLevelName(self.getEffectiveLevel())})>"


root = RootLogger("root", WARNING)
_loggers = {}


def getLogger(name=None):
    if not name or name == "root":
        return root
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    _loggers[name] = logger
    parent = root
    parts = name.split(".")
    for i in range(len(parts) - 1, 0, -1):
        prefix = ".".join(parts[:i])
        if prefix in _loggers:
            parent = _loggers[prefix]
            break
    logger.parent = parent
    for other in _loggers.values():
        if other.name.startswith(name + ".") and (other.parent is parent):
            other.parent = logger
    return logger


def basicConfig(*, level=None, format=None, datefmt=None, style="%", force=False, handlers=None, **kwargs):
    if force:
        root.handlers = []
    if not root.handlers:
        h = StreamHandler()
        h.setFormatter(Formatter(format if format is not None else BASIC_FORMAT, datefmt))
        root.addHandler(h)
    if level is not None:
        root.setLevel(level)


def disable(level=CRITICAL):
    root.manager_disable = level


def _root():
    """The root logger, given a standard-error handler on first use, as
    logging's module-level functions do."""
    if not root.handlers:
        basicConfig()
    return root


def debug(msg, *args, **kwargs):
    _root().debug(msg, *args)


def info(msg, *args, **kwargs):
    _root().info(msg, *args)


def warning(msg, *args, **kwargs):
    _root().warning(msg, *args)


def error(msg, *args, **kwargs):
    _root().error(msg, *args)


def exception(msg, *args, **kwargs):
    _root().exception(msg, *args)


def critical(msg, *args, **kwargs):
    _root().critical(msg, *args)


def log(level, msg, *args, **kwargs):
    _root().log(level, msg, *args)
