"""datetime on the virtual clock (virtual epoch 1970-01-01 00:00:00 UTC)."""
import asyncio
from datetime import datetime, timedelta, date
import datetime as dt


async def job(name, seconds):
    start = datetime.now()
    await asyncio.sleep(seconds)
    elapsed = datetime.now() - start
    print(name, "took", elapsed, elapsed.total_seconds(), repr(elapsed))


async def main():
    print(datetime.now(), repr(datetime.now()), date.today())
    await asyncio.gather(job("short", 1.5), job("long", 3725))
    now = datetime.now()
    print(now, now.isoformat(), now.strftime("%Y-%m-%d %H:%M:%S"), now.timestamp())
    deadline = now + timedelta(minutes=90)
    print(deadline, repr(deadline), deadline > now, deadline - now)
    print(timedelta(days=1, hours=2), timedelta(seconds=0.25), repr(timedelta(0)),
          timedelta(hours=1) / timedelta(minutes=15), timedelta(seconds=10) * 3)
    d = datetime(2024, 2, 28, 23, 0)
    print(d + timedelta(hours=2), repr(datetime(2024, 1, 2, 3, 4, 5, 600)), d.date(), d.weekday())
    print(dt.datetime.fromtimestamp(86400 * 3), date(2024, 3, 1) - date(2024, 2, 1), dt.timedelta(weeks=1))


asyncio.run(main())
