# Members of a str-valued enum (class M(str, Enum), StrEnum) have str's
# methods, working on the value.
import asyncio
from enum import Enum, StrEnum, auto

class Method(str, Enum):
    GET = "get"
    POST = "post"

class Level(StrEnum):
    DEBUG = auto()
    INFO = auto()

async def main():
    print(Method.GET.upper(), Method.POST.startswith("po"), Level.INFO.upper(), Level.DEBUG.center(9, "*"))
    print(Method.GET.value, f"{Method.GET.value}/x", Method.GET.replace("g", "G"))
    await asyncio.sleep(0)

asyncio.run(main())
