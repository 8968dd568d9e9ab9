# _simnet: the simulated network and file system behind loopscope's aiohttp,
# httpx and aiofiles. Nothing touches the host. The same file runs under the
# CPython oracle (tests/oracle/pytrace.py loads it as a stand-in package), so
# scenarios that use them are still compared with CPython byte for byte.
#
# A scenario sets responses with directive comments, one per line:
#
#   # loopscope: net [METHOD] URL LATENCY [STATUS] [BODY]
#   # loopscope: net GET https://api.example.com/users/* 0.3s {"login": "ada"}
#   # loopscope: net https://slow.example.com/* 7s
#   # loopscope: net POST https://api.example.com/items 0.2s 201 {"id": 7}
#   # loopscope: net https://down.example.com/* 0.05s error
#   # loopscope: file data.txt "first line\nsecond line\n"
#
# URL may use * for any run of characters (the query string is part of the
# URL); the first matching line wins. LATENCY is seconds (0.3s, 300ms or
# 0.3). STATUS defaults to 200; `error` makes the request fail to connect
# after the latency. BODY is the rest of the line (JSON or plain text).
# Defaults: a request that no line matches takes 0.1s and answers 200 with
# the JSON {"method": M, "url": U}. A file line's content is a JSON string
# literal or, without quotes, the rest of the line; files written by the
# scenario live in memory for the rest of the run. File operations take no
# virtual time but each yields to the loop once (await asyncio.sleep(0)).

import asyncio
import json

DEFAULT_LATENCY = 0.1
FILE_LATENCY = 0

REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
    302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
    418: "I'm a Teapot", 422: "Unprocessable Entity", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*")


class Route:
    def __init__(self, method, pattern, latency, status, body, error):
        self.method = method
        self.pattern = pattern
        self.latency = latency
        self.status = status
        self.body = body
        self.error = error


class _State:
    routes = None
    files = None


def parse_latency(tok):
    if tok.endswith("ms"):
        return float(tok[:-2]) / 1000
    if tok.endswith("s"):
        return float(tok[:-1])
    return float(tok)


def _load():
    if _State.routes is not None:
        return
    _State.routes = []
    _State.files = {}
    for line in _directives():
        parts = line.split(None, 1)
        if not parts:
            continue
        kind = parts[0]
        rest = parts[1] if len(parts) > 1 else ""
        if kind == "net":
            _parse_net(rest)
        elif kind == "file":
            fparts = rest.split(None, 1)
            if fparts:
                content = fparts[1] if len(fparts) > 1 else ""
                if content.startswith('"'):
                    content = json.loads(content)
                _State.files[fparts[0]] = content


def _parse_net(rest):
    toks = rest.split(None, 2)
    method = "*"
    if toks and toks[0].upper() in METHODS:
        method = toks[0].upper()
        toks = rest.split(None, 3)[1:]
    if len(toks) < 2:
        raise ValueError(f"loopscope: net directive needs a URL and a latency: {rest!r}")
    pattern = toks[0]
    latency = parse_latency(toks[1])
    tail = toks[2] if len(toks) > 2 else ""
    status = 200
    error = False
    first = tail.split(None, 1)
    if first and first[0] == "error":
        error = True
        tail = first[1] if len(first) > 1 else ""
    elif first and first[0].isdigit() and len(first[0]) == 3:
        status = int(first[0])
        tail = first[1] if len(first) > 1 else ""
    _State.routes.append(Route(method, pattern, latency, status, tail if tail else None, error))


def glob_match(pattern, text):
    pi = 0
    ti = 0
    star = -1
    mark = 0
    while ti < len(text):
        if pi < len(pattern) and pattern[pi] == "*":
            star = pi
            mark = ti
            pi += 1
        elif pi < len(pattern) and pattern[pi] == text[ti]:
            pi += 1
            ti += 1
        elif star >= 0:
            pi = star + 1
            mark += 1
            ti = mark
        else:
            return False
    while pi < len(pattern) and pattern[pi] == "*":
        pi += 1
    return pi == len(pattern)


def lookup(method, url):
    _load()
    for r in _State.routes:
        if (r.method == "*" or r.method == method) and glob_match(r.pattern, url):
            return r
    return Route(method, url, DEFAULT_LATENCY, 200, None, False)


def default_body(method, url):
    return json.dumps({"method": method, "url": url})


def answer(route, method, url):
    """(body, content type) of a route's response."""
    body = route.body if route.body is not None else default_body(method, url)
    return body, ("application/json" if body[:1] in ("{", "[") else "text/plain")


def with_params(url, params):
    if not params:
        return url
    items = params.items() if isinstance(params, dict) else params
    query = "&".join(f"{k}={v}" for k, v in items)
    return url + ("&" if "?" in url else "?") + query


def join_url(base, url):
    if base is None or base == "" or url.startswith("http://") or url.startswith("https://"):
        return url
    return base.rstrip("/") + "/" + url.lstrip("/")


def is_absolute(url):
    return url.startswith("http://") or url.startswith("https://")


def _wake(fut):
    if not fut.cancelled():
        fut.set_result(None)


async def _wait(seconds, what):
    """asyncio.sleep(seconds), built the same way (a future and a timer, so
    the same loop iterations), but labelled with what it waits for: the
    viewer shows `GET https://...` rather than a sleep. (_wait_label does
    nothing under the CPython oracle.)"""
    if seconds <= 0:
        await asyncio.sleep(0)
        return
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    h = loop.call_later(seconds, _wake, fut)
    _wait_label(fut, what)
    try:
        await fut
    finally:
        h.cancel()


async def transfer(route, timeout, what="network"):
    """Wait out the request's latency; True if it completed, False if the
    timeout ran out first (after waiting the timeout)."""
    if timeout is not None and route.latency > timeout:
        await _wait(timeout, what + " (times out)")
        return False
    await _wait(route.latency, what)
    return True


def read_file(path):
    _load()
    if path not in _State.files:
        raise FileNotFoundError(f"[Errno 2] No such file or directory: '{path}'")
    return _State.files[path]


def write_file(path, text):
    _load()
    _State.files[path] = text


def file_exists(path):
    _load()
    return path in _State.files


async def file_op():
    await asyncio.sleep(FILE_LATENCY)
