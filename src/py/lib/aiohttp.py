# aiohttp: a simulated aiohttp client (ClientSession, responses, timeouts
# and errors) on loopscope's simulated network (_simnet: latencies and
# responses come from `# loopscope: net` directives). Never touches the host.
# Shared with the CPython oracle as a stand-in package.

import asyncio
import json
import _simnet


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientOSError(ClientConnectionError):
    pass


class ClientConnectorError(ClientOSError):
    def __init__(self, host, message="Connect call failed"):
        super().__init__(f"Cannot connect to host {host} ssl:default [{message}]")
        self.host = host


class ServerDisconnectedError(ClientConnectionError):
    pass


class ClientPayloadError(ClientError):
    pass


class InvalidURL(ClientError):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


class ClientResponseError(ClientError):
    def __init__(self, request_info, history, *, status=None, message="", headers=None):
        super().__init__(f"{status}, message={message!r}, url={str(request_info.real_url)!r}")
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers


class ContentTypeError(ClientResponseError):
    pass


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None, ceil_threshold=5):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return (f"ClientTimeout(total={self.total!r}, connect={self.connect!r}, "
                f"sock_read={self.sock_read!r}, sock_connect={self.sock_connect!r}, ceil_threshold=5)")


class RequestInfo:
    def __init__(self, url, method, headers):
        self.url = url
        self.real_url = url
        self.method = method
        self.headers = headers


def _host(url):
    rest = url.split("://", 1)[-1]
    return rest.split("/", 1)[0]


class ClientResponse:
    def __init__(self, method, url, status, body, headers):
        self.method = method
        self.url = url
        self.real_url = url
        self.status = status
        self.reason = _simnet.REASONS.get(status, "Unknown")
        self.ok = status < 400
        self._body = body
        self.headers = headers
        self.content_type = headers.get("Content-Type", "text/plain").split(";")[0]
        self.request_info = RequestInfo(url, method, {})
        self.history = ()
        self.closed = False

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    async def text(self, encoding=None):
        return self._body

    async def read(self):
        return self._body.encode()

    async def json(self, *, encoding=None, loads=None, content_type="application/json"):
        if loads is None:
            loads = json.loads
        if content_type is not None and self.content_type != content_type:
            raise ContentTypeError(self.request_info, self.history, status=self.status,
                                   message=f"Attempt to decode JSON with unexpected mimetype: {self.content_type}",
                                   headers=self.headers)
        return loads(self._body)

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.request_info, self.history, status=self.status, message=self.reason,
                                      headers=self.headers)

    def release(self):
        self.closed = True

    def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, exc_type, exc, tb):
        self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, headers=None, timeout=None, raise_for_status=False, **kwargs):
        self._base_url = base_url
        self.headers = dict(headers) if headers else {}
        self.timeout = timeout if timeout is not None else ClientTimeout(total=300)
        self._raise_for_status = raise_for_status
        self.closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()

    async def close(self):
        self.closed = True

    def request(self, method, url, **kwargs):
        return _RequestContextManager(self._request(method.upper(), url, **kwargs))

    def get(self, url, **kwargs):
        return _RequestContextManager(self._request("GET", url, **kwargs))

    def post(self, url, **kwargs):
        return _RequestContextManager(self._request("POST", url, **kwargs))

    def put(self, url, **kwargs):
        return _RequestContextManager(self._request("PUT", url, **kwargs))

    def patch(self, url, **kwargs):
        return _RequestContextManager(self._request("PATCH", url, **kwargs))

    def delete(self, url, **kwargs):
        return _RequestContextManager(self._request("DELETE", url, **kwargs))

    def head(self, url, **kwargs):
        return _RequestContextManager(self._request("HEAD", url, **kwargs))

    def options(self, url, **kwargs):
        return _RequestContextManager(self._request("OPTIONS", url, **kwargs))

    async def _request(self, method, url, *, params=None, data=None, json=None, headers=None, timeout=None,
                       raise_for_status=None, **kwargs):
        if self.closed:
            raise RuntimeError("Session is closed")
        url = _simnet.join_url(self._base_url, str(url))
        if not _simnet.is_absolute(url):
            raise InvalidURL(url)
        url = _simnet.with_params(url, params)
        if timeout is None:
            timeout = self.timeout
        total = timeout.total if isinstance(timeout, ClientTimeout) else timeout
        route = _simnet.lookup(method, url)
        if not await _simnet.transfer(route, total, f"{method} {url}"):
            raise asyncio.TimeoutError()
        if route.error:
            raise ClientConnectorError(_host(url))
        body, ctype = _simnet.answer(route, method, url)
        resp = ClientResponse(method, url, route.status, body, {"Content-Type": f"{ctype}; charset=utf-8"})
        check = self._raise_for_status if raise_for_status is None else raise_for_status
        if check:
            resp.raise_for_status()
        return resp


async def request(method, url, **kwargs):
    async with ClientSession() as session:
        return await session._request(method.upper(), url, **kwargs)
