# datetime: date, datetime, timedelta and timezone.utc on loopscope's
# virtual clock, written for loopscope. now(), today() and utcnow() read the
# virtual clock: virtual time 0 is 1970-01-01 00:00:00 UTC and the local
# time zone is UTC (the oracle does the same). Naive and UTC datetimes only;
# microseconds are kept as whole numbers.

from time import gmtime, mktime, strftime as _strftime
from time import time as _now

MINYEAR = 1
MAXYEAR = 9999


def _cmp_key(x):
    return x._key()


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        total = (((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds) * 1000000
                 + milliseconds * 1000 + microseconds)
        total = int(round(total))
        self._us = total
        d = total // 86400000000
        rest = total - d * 86400000000
        self.days = d
        self.seconds = rest // 1000000
        self.microseconds = rest % 1000000

    def _key(self):
        return self._us

    def total_seconds(self):
        return self._us / 1000000

    def __repr__(self):
        parts = []
        if self.days:
            parts.append(f"days={self.days}")
        if self.seconds:
            parts.append(f"seconds={self.seconds}")
        if self.microseconds:
            parts.append(f"microseconds={self.microseconds}")
        return f"datetime.timedelta({', '.join(parts) if parts else '0'})"

    def __str__(self):
        mm, ss = divmod(self.seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f"{hh}:{mm:02d}:{ss:02d}"
        if self.days:
            s = f"{self.days} day{'s' if abs(self.days) != 1 else ''}, " + s
        if self.microseconds:
            s += f".{self.microseconds:06d}"
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us + other._us)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._us - other._us)
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._us)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return timedelta(microseconds=self._us * k)
        return NotImplemented

    def __rmul__(self, k):
        return self.__mul__(k)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us / other._us
        return timedelta(microseconds=self._us / other)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us // other._us
        return timedelta(microseconds=self._us // other)

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._us == other._us

    def __lt__(self, other):
        return self._us < other._us

    def __le__(self, other):
        return self._us <= other._us

    def __gt__(self, other):
        return self._us > other._us

    def __ge__(self, other):
        return self._us >= other._us

    def __hash__(self):
        return hash(self._us)

    def __bool__(self):
        return self._us != 0


class tzinfo:
    pass


class timezone(tzinfo):
    def __init__(self, offset, name=None):
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        return "UTC" if self._name is None else self._name

    def __repr__(self):
        if self._offset == timedelta(0) and self._name is None:
            return "datetime.timezone.utc"
        return f"datetime.timezone({self._offset!r})"

    def __str__(self):
        return self.tzname(None)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


class date:
    def __init__(self, year, month, day):
        if not 1 <= month <= 12:
            raise ValueError("month must be in 1..12")
        self.year = year
        self.month = month
        self.day = day

    def _key(self):
        return (self.year, self.month, self.day)

    def today():
        t = gmtime(_now())
        return date(t.tm_year, t.tm_mon, t.tm_mday)

    today = staticmethod(today)

    def _ordinal_secs(self):
        return mktime((self.year, self.month, self.day, 0, 0, 0, 0, 0, 0))

    def weekday(self):
        return gmtime(self._ordinal_secs()).tm_wday

    def isoweekday(self):
        return self.weekday() + 1

    def isoformat(self):
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def strftime(self, fmt):
        return _strftime(fmt, gmtime(self._ordinal_secs()))

    def replace(self, year=None, month=None, day=None):
        return date(self.year if year is None else year, self.month if month is None else month,
                    self.day if day is None else day)

    def __repr__(self):
        return f"datetime.date({self.year}, {self.month}, {self.day})"

    def __str__(self):
        return self.isoformat()

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __lt__(self, other):
        return self._key() < other._key()

    def __le__(self, other):
        return self._key() <= other._key()

    def __gt__(self, other):
        return self._key() > other._key()

    def __ge__(self, other):
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __add__(self, other):
        if isinstance(other, timedelta):
            t = gmtime(self._ordinal_secs() + other.days * 86400)
            return date(t.tm_year, t.tm_mon, t.tm_mday)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(days=-other.days)
        if isinstance(other, date):
            return timedelta(seconds=self._ordinal_secs() - other._ordinal_secs())
        return NotImplemented


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        super().__init__(year, month, day)
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.tzinfo = tzinfo

    def _key(self):
        return (self.year, self.month, self.day, self.hour, self.minute, self.second, self.microsecond)

    def _from_secs(secs, us, tz):
        t = gmtime(secs)
        return datetime(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, us, tz)

    _from_secs = staticmethod(_from_secs)

    def fromtimestamp(ts, tz=None):
        whole = int(ts // 1)
        us = int(round((ts - whole) * 1000000))
        if us >= 1000000:
            whole += 1
            us -= 1000000
        return datetime._from_secs(whole, us, tz)

    fromtimestamp = staticmethod(fromtimestamp)

    def utcfromtimestamp(ts):
        return datetime.fromtimestamp(ts)

    utcfromtimestamp = staticmethod(utcfromtimestamp)

    def now(tz=None):
        return datetime.fromtimestamp(_now(), tz)

    now = staticmethod(now)

    def utcnow():
        return datetime.fromtimestamp(_now())

    utcnow = staticmethod(utcnow)

    def today():
        return datetime.fromtimestamp(_now())

    today = staticmethod(today)

    def timestamp(self):
        return self._ordinal_secs() + self.hour * 3600 + self.minute * 60 + self.second + self.microsecond / 1000000

    def date(self):
        return date(self.year, self.month, self.day)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        return datetime(self.year if year is None else year, self.month if month is None else month,
                        self.day if day is None else day, self.hour if hour is None else hour,
                        self.minute if minute is None else minute, self.second if second is None else second,
                        self.microsecond if microsecond is None else microsecond, self.tzinfo)

    def isoformat(self, sep="T", timespec="auto"):
        s = f"{self.year:04d}-{self.month:02d}-{self.day:02d}{sep}{self.hour:02d}"
        if timespec == "auto":
            timespec = "microseconds" if self.microsecond else "seconds"
        if timespec not in ("hours", "minutes", "seconds", "milliseconds", "microseconds"):
            raise ValueError("Unknown timespec value")
        if timespec != "hours":
            s += f":{self.minute:02d}"
        if timespec not in ("hours", "minutes"):
            s += f":{self.second:02d}"
        if timespec == "milliseconds":
            s += f".{self.microsecond // 1000:03d}"
        elif timespec == "microseconds":
            s += f".{self.microsecond:06d}"
        if self.tzinfo is not None:
            s += "+00:00"
        return s

    def strftime(self, fmt):
        fmt = fmt.replace("%f", f"{self.microsecond:06d}")
        return _strftime(fmt, gmtime(self._ordinal_secs() + self.hour * 3600 + self.minute * 60 + self.second))

    def __repr__(self):
        s = f"datetime.datetime({self.year}, {self.month}, {self.day}, {self.hour}, {self.minute}"
        if self.second or self.microsecond:
            s += f", {self.second}"
        if self.microsecond:
            s += f", {self.microsecond}"
        if self.tzinfo is not None:
            s += f", tzinfo={self.tzinfo!r}"
        return s + ")"

    def __str__(self):
        return self.isoformat(" ")

    def __add__(self, other):
        if isinstance(other, timedelta):
            us = self.microsecond + other.microseconds
            secs = self.timestamp() - self.microsecond / 1000000 + other.days * 86400 + other.seconds + us // 1000000
            return datetime._from_secs(int(secs), us % 1000000, self.tzinfo)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + (-other)
        if isinstance(other, datetime):
            secs = (self._ordinal_secs() - other._ordinal_secs() + (self.hour - other.hour) * 3600
                    + (self.minute - other.minute) * 60 + self.second - other.second)
            return timedelta(seconds=int(secs), microseconds=self.microsecond - other.microsecond)
        return NotImplemented
