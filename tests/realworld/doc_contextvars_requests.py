# source: CPython docs, contextvars "asyncio support" (the server became tasks with sleeps)
import asyncio
import contextvars

client_addr_var = contextvars.ContextVar('client_addr')

def render_goodbye():
    # The address of the currently handled client can be accessed
    # without passing it explicitly to this function.

    client_addr = client_addr_var.get()
    return f'Good bye, client @ {client_addr}\r\n'.encode()

async def handle_request(addr, lines):
    client_addr_var.set(addr)

    # In any code that we call is now possible to get
    # client's address by calling 'client_addr_var.get()'.

    for line in lines:
        await asyncio.sleep(0.1)
        print(addr, "got", line)
        if not line.strip():
            break

    print(render_goodbye())

async def main():
    await asyncio.gather(
        handle_request(('127.0.0.1', 8001), ['GET /', '']),
        handle_request(('127.0.0.1', 8002), ['HEAD /', 'x', '']),
    )

asyncio.run(main())
