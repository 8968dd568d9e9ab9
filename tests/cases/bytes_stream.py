# bytes through asyncio: a producer sends a request in chunks through a
# Queue, a consumer buffers the bytes, splits lines at b'\r\n' and decodes
# them, the way stream protocol code does.
import asyncio

REQUEST = 'GET /café HTTP/1.1\r\nHost: example.org\r\nX-Note: naïve\r\n\r\n'.encode()

async def producer(q):
    for i in range(0, len(REQUEST), 7):
        await asyncio.sleep(0.01)
        await q.put(REQUEST[i:i + 7])
    await q.put(b'')

async def consumer(q):
    buf = b''
    headers = {}
    while True:
        chunk = await q.get()
        if not chunk:
            break
        buf += chunk
        while b'\r\n' in buf:
            line, _, buf = buf.partition(b'\r\n')
            if not line:
                continue
            text = line.decode('utf-8')
            if b':' in line:
                k, v = line.split(b':', 1)
                headers[k.strip().lower().decode()] = v.strip().decode()
            else:
                method, path, version = text.split(' ')
                print('request', method, path, version, len(line))
    return headers

async def main():
    q = asyncio.Queue()
    _, headers = await asyncio.gather(producer(q), consumer(q))
    print(headers)
    print(REQUEST[:4], REQUEST.count(b'\r\n'), REQUEST.hex()[:16])
    try:
        REQUEST.decode('ascii')
    except UnicodeDecodeError as e:
        print('ascii:', e)
    print(b'\xff\xfe'.decode('latin-1').encode('utf-8'))
    await asyncio.sleep(0.1)
    b'\xc3'.decode()

asyncio.run(main())
