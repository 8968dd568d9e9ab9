# httpx: a simulated httpx.AsyncClient (responses, timeouts, errors) on
# loopscope's simulated network (_simnet: latencies and responses come from
# `# loopscope: net` directives). Never touches the host; the synchronous
# functions (httpx.get, httpx.Client) would block the loop and are absent.
# Shared with the CPython oracle as a stand-in package.

import json as _json
import _simnet


class HTTPError(Exception):
    pass


class RequestError(HTTPError):
    def __init__(self, message, *, request=None):
        super().__init__(message)
        self.request = request


class TransportError(RequestError):
    pass


class TimeoutException(TransportError):
    pass


class ConnectTimeout(TimeoutException):
    pass


class ReadTimeout(TimeoutException):
    pass


class NetworkError(TransportError):
    pass


class ConnectError(NetworkError):
    pass


class HTTPStatusError(HTTPError):
    def __init__(self, message, *, request, response):
        super().__init__(message)
        self.request = request
        self.response = response


class Timeout:
    def __init__(self, timeout=5.0, *, connect=None, read=None, write=None, pool=None):
        self.timeout = timeout
        self.connect = connect
        self.read = read
        self.write = write
        self.pool = pool


class Request:
    def __init__(self, method, url):
        self.method = method
        self.url = url

    def __repr__(self):
        return f"<Request('{self.method}', '{self.url}')>"


class Response:
    def __init__(self, status_code, *, text="", request=None, headers=None):
        self.status_code = status_code
        self.text = text
        self.content = text.encode()
        self.request = request
        self.url = request.url if request is not None else None
        self.headers = headers if headers is not None else {}
        self.reason_phrase = _simnet.REASONS.get(status_code, "")
        self.is_success = 200 <= status_code < 300
        self.is_error = status_code >= 400
        self.is_client_error = 400 <= status_code < 500
        self.is_server_error = status_code >= 500

    def __repr__(self):
        return f"<Response [{self.status_code} {self.reason_phrase}]>"

    def json(self, **kwargs):
        return _json.loads(self.text, **kwargs)

    def raise_for_status(self):
        if self.status_code < 400:
            return self
        kind = "Client error" if self.status_code < 500 else "Server error"
        message = (f"{kind} '{self.status_code} {self.reason_phrase}' for url '{self.url}'\n"
                   f"For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/"
                   f"{self.status_code}")
        raise HTTPStatusError(message, request=self.request, response=self)


def _seconds(timeout):
    if isinstance(timeout, Timeout):
        return timeout.read if timeout.read is not None else timeout.timeout
    return timeout


class AsyncClient:
    def __init__(self, *, base_url="", headers=None, params=None, timeout=5.0, follow_redirects=False, **kwargs):
        self.base_url = base_url
        self.headers = dict(headers) if headers else {}
        self.params = params
        self.timeout = timeout
        self.is_closed = False

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.aclose()

    async def aclose(self):
        self.is_closed = True

    async def request(self, method, url, *, params=None, json=None, data=None, content=None, headers=None,
                      timeout="default", **kwargs):
        if self.is_closed:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        method = method.upper()
        url = _simnet.with_params(_simnet.join_url(self.base_url, str(url)), params or self.params)
        request = Request(method, url)
        if not _simnet.is_absolute(url):
            raise RequestError(f"Request URL is missing an 'http://' or 'https://' protocol.", request=request)
        seconds = _seconds(self.timeout if timeout == "default" else timeout)
        route = _simnet.lookup(method, url)
        if not await _simnet.transfer(route, seconds, f"{method} {url}"):
            raise ReadTimeout("timed out", request=request)
        if route.error:
            raise ConnectError("[Errno 111] Connection refused", request=request)
        body, ctype = _simnet.answer(route, method, url)
        return Response(route.status, text=body, request=request, headers={"content-type": ctype})

    async def get(self, url, **kwargs):
        return await self.request("GET", url, **kwargs)

    async def post(self, url, **kwargs):
        return await self.request("POST", url, **kwargs)

    async def put(self, url, **kwargs):
        return await self.request("PUT", url, **kwargs)

    async def patch(self, url, **kwargs):
        return await self.request("PATCH", url, **kwargs)

    async def delete(self, url, **kwargs):
        return await self.request("DELETE", url, **kwargs)

    async def head(self, url, **kwargs):
        return await self.request("HEAD", url, **kwargs)
