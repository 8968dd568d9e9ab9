# source: CPython docs, contextlib "asynccontextmanager" (acquire/release filled in with sleeps)
import asyncio
from contextlib import asynccontextmanager

async def acquire_db_connection():
    await asyncio.sleep(0.1)
    print("connected")
    return {"queries": 0}

async def release_db_connection(conn):
    await asyncio.sleep(0.05)
    print("released after", conn["queries"], "queries")

@asynccontextmanager
async def get_connection():
    conn = await acquire_db_connection()
    try:
        yield conn
    finally:
        await release_db_connection(conn)

async def get_all_users():
    async with get_connection() as conn:
        conn["queries"] += 1
        return ['ada', 'bob']

print(asyncio.run(get_all_users()))
