# f-string format specs on objects with __format__: datetime
# (f"{now:%H:%M:%S}"), a class's own __format__, enum members (an IntEnum
# formats as its value, a plain Enum as its str).
import asyncio
from datetime import datetime, timedelta
from enum import Enum, IntEnum


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        text = f"${self.cents / 100:.2f}"
        return format(text, spec) if spec else text


class Level(IntEnum):
    LOW = 1
    HIGH = 10


class Color(Enum):
    RED = "r"


async def main():
    await asyncio.sleep(3725.25)
    now = datetime.now()
    print(f"{now:%Y-%m-%d %H:%M:%S}", f"{now:%H:%M}", f"[{now}]", f"{now.date():%d/%m/%Y}",
          now.isoformat(timespec="seconds"), now.isoformat(timespec="milliseconds"), now.isoformat(" ", "minutes"),
          now.isoformat(timespec="hours"))
    print(f"{Money(1234):>10}|{Money(5)}|", format(Money(99), "<8") + "|")
    print(f"{Level.HIGH:>4}|{Level.LOW:03d}|{Level.LOW}|{Color.RED}|{Color.RED:>12}|")
    print(f"{timedelta(seconds=90)}", f"{now + timedelta(days=1, hours=2):%a %H:%M}")


asyncio.run(main())
