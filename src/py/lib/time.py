# time: the clock functions on loopscope's virtual clock (the C half,
# _ctime, reads and moves it), and the calendar functions (gmtime,
# localtime, mktime, strftime, asctime, ctime) on the virtual epoch:
# virtual time 0 is 1970-01-01 00:00:00 UTC, and the local time zone is
# UTC, so localtime() is gmtime(). Written for loopscope.
# export: sleep time monotonic perf_counter
from _ctime import sleep, time, monotonic, perf_counter

timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")

_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_FIELDS = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"]


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _days_in_month(y, m):
    if m == 2:
        return 29 if _is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


class struct_time:
    def __init__(self, seq):
        seq = tuple(seq)
        if len(seq) != 9:
            raise TypeError(f"time.struct_time() takes a 9-sequence ({len(seq)}-sequence given)")
        self._seq = seq
        self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec, \
            self.tm_wday, self.tm_yday, self.tm_isdst = seq
        self.tm_zone = "UTC"
        self.tm_gmtoff = 0

    def __getitem__(self, i):
        return self._seq[i]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._seq)

    def __eq__(self, other):
        if isinstance(other, struct_time):
            return self._seq == other._seq
        return self._seq == other

    def __hash__(self):
        return hash(self._seq)

    def __repr__(self):
        parts = ", ".join(f"{n}={v}" for n, v in zip(_FIELDS, self._seq))
        return f"time.struct_time({parts})"


def _civil(days):
    """(year, month, day, weekday, yearday) of a day count from 1970-01-01."""
    wday = (days + 3) % 7
    y = 1970
    while days < 0:
        y -= 1
        days += 366 if _is_leap(y) else 365
    while True:
        n = 366 if _is_leap(y) else 365
        if days < n:
            break
        days -= n
        y += 1
    yday = days + 1
    m = 1
    while days >= _days_in_month(y, m):
        days -= _days_in_month(y, m)
        m += 1
    return y, m, days + 1, wday, yday


def gmtime(secs=None):
    if secs is None:
        secs = time()
    s = int(secs // 1)
    days = s // 86400
    rem = s - days * 86400
    y, m, d, wday, yday = _civil(days)
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0))


def localtime(secs=None):
    return gmtime(secs)


def _days_before(y, m, d):
    days = 0
    if y >= 1970:
        for yy in range(1970, y):
            days += 366 if _is_leap(yy) else 365
    else:
        for yy in range(y, 1970):
            days -= 366 if _is_leap(yy) else 365
    for mm in range(1, m):
        days += _days_in_month(y, mm)
    return days + d - 1


def mktime(t):
    t = tuple(t)
    return float(_days_before(t[0], t[1], t[2]) * 86400 + t[3] * 3600 + t[4] * 60 + t[5])


def _as_tuple(t):
    if t is None:
        return tuple(localtime())
    return tuple(t)


def asctime(t=None):
    t = _as_tuple(t)
    return f"{_DAYS[t[6]]} {_MONTHS[t[1] - 1]} {t[2]:2d} {t[3]:02d}:{t[4]:02d}:{t[5]:02d} {t[0]}"


def ctime(secs=None):
    return asctime(localtime(secs))


def strftime(format, t=None):
    t = _as_tuple(t)
    out = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch != "%" or i + 1 == n:
            out.append(ch)
            i += 1
            continue
        c = format[i + 1]
        i += 2
        if c == "Y":
            out.append(str(t[0]))
        elif c == "y":
            out.append(f"{t[0] % 100:02d}")
        elif c == "m":
            out.append(f"{t[1]:02d}")
        elif c == "d":
            out.append(f"{t[2]:02d}")
        elif c == "e":
            out.append(f"{t[2]:2d}")
        elif c == "H":
            out.append(f"{t[3]:02d}")
        elif c == "I":
            out.append(f"{(t[3] + 11) % 12 + 1:02d}")
        elif c == "M":
            out.append(f"{t[4]:02d}")
        elif c == "S":
            out.append(f"{t[5]:02d}")
        elif c == "p":
            out.append("AM" if t[3] < 12 else "PM")
        elif c == "a":
            out.append(_DAYS[t[6]])
        elif c == "A":
            out.append(_DAY_NAMES[t[6]])
        elif c == "w":
            out.append(str((t[6] + 1) % 7))
        elif c == "u":
            out.append(str(t[6] + 1))
        elif c == "b" or c == "h":
            out.append(_MONTHS[t[1] - 1])
        elif c == "B":
            out.append(_MONTH_NAMES[t[1] - 1])
        elif c == "j":
            out.append(f"{t[7]:03d}")
        elif c == "Z":
            out.append("UTC")
        elif c == "z":
            out.append("+0000")
        elif c == "%":
            out.append("%")
        elif c == "F":
            out.append(f"{t[0]}-{t[1]:02d}-{t[2]:02d}")
        elif c == "T":
            out.append(f"{t[3]:02d}:{t[4]:02d}:{t[5]:02d}")
        elif c == "R":
            out.append(f"{t[3]:02d}:{t[4]:02d}")
        elif c == "D":
            out.append(f"{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}")
        elif c == "c":
            out.append(asctime(t))
        elif c == "x":
            out.append(f"{t[1]:02d}/{t[2]:02d}/{t[0] % 100:02d}")
        elif c == "X":
            out.append(f"{t[3]:02d}:{t[4]:02d}:{t[5]:02d}")
        else:
            out.append("%" + c)
    return "".join(out)
