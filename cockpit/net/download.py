"""The one bounded HTTP download, shared by feeds and calendar subscriptions.

One conditional GET with async httpx, within hard limits: connect/read timeouts and a
total deadline (a server trickling one byte a second never trips a read timeout; the
deadline is the configured timeout unless set apart), only well-formed http(s)
addresses (the first and every redirect: `javascript:`, a broken IPv6 host or a port
of 99999 stop here, with the reason), at most `max_redirects`, a redirect that comes
back to an address already visited named a loop, and a cap on the *decoded* size.

We ask for gzip/deflate and decompress ourselves with a bounded `max_length`, because
httpx's decoder inflates a whole network chunk at once: 64 KB of gzip bomb would become
64 MB before any cap could look at it. Here a bomb costs at most the cap.

Every failure becomes a short human reason (and its kind) on the `Download`; nothing
raises, whatever the server sends (a last guard turns an unforeseen exception into
"download failed: …" on that download alone). `download_sync` is the same for
synchronous callers (the CLI, thread workers).
"""

from __future__ import annotations

import asyncio
import functools
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from cockpit.core.text import clean_text, link_problem
from cockpit.net.reasons import describe, http_reason, size_text


@dataclass
class Request:
    """What to fetch and the validators from the last successful fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Limits:
    """The hard limits of one download."""

    timeout: float = 10.0
    """Connect and read timeout, seconds."""
    total_timeout: float | None = None
    """Whole-download deadline, seconds; None: `timeout` (the time a download gets)."""
    max_bytes: int = 10_000_000
    max_redirects: int = 5

    @property
    def deadline(self) -> float:
        """Seconds the whole download (redirects, headers and body) may take."""
        return self.total_timeout if self.total_timeout is not None else self.timeout


@dataclass
class Download:
    """The outcome of one GET: a body, a 304, or an error reason."""

    status: str  # "ok" | "not_modified" | "error"
    url: str
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str = ""
    error_kind: str = ""
    """What failed: "http", "too_big", "redirects" (too many, or a loop), "timeout",
    "scheme" (not a usable http(s) address, first or redirected to), "encoding" or
    "network" (callers word their own sentence from it)."""
    http_status: int = 0
    retry_after: str | None = None
    """The Retry-After header of an error answer, as sent (see `retry_after`)."""
    bytes: int = 0
    """Bytes received on the wire (compressed)."""
    elapsed: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class TooBigError(Exception):
    """The decoded body passed the cap."""


class SchemeError(Exception):
    """An address (or a redirect's target) that is not a usable http(s) address;
    `str()` is the reason."""


class RedirectLoopError(Exception):
    """A redirect back to an address already visited; `str()` names the loop."""


def is_http(url: str) -> bool:
    """True for an http:// or https:// address (the only ones we fetch)."""
    return url.lower().startswith(("http://", "https://"))


def make_client(user_agent: str, limits: Limits, connections: int) -> httpx.AsyncClient:
    """A client for one refresh. The first one in a process loads the CA bundle
    (~20 ms of CPU; later ones share its TLS settings), so callers on an event loop
    create it in a thread."""
    return httpx.AsyncClient(
        verify=_tls(),
        timeout=httpx.Timeout(limits.timeout, pool=None),
        follow_redirects=False,  # followed in `download`, see there
        headers={
            "User-Agent": user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml, "
            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        event_hooks={"response": [_hold_location]},
    )


@functools.cache
def _tls() -> ssl.SSLContext:
    """httpx's default TLS settings (certifi's CA bundle, certificates checked), made
    once per process: loading the bundle was most of building a client, paid again
    by every refresh (every 30 minutes in the TUI, every `feeds refresh`)."""
    return httpx.create_ssl_context()


_LOCATION = "cockpit.location"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


async def _hold_location(response: httpx.Response) -> None:
    """Take a redirect's Location away from httpx: it would build the next request from
    it before we see it, and word one it cannot parse ("http://[::1") as a broken HTTP
    answer, or fail on a port of 99999 deep in the socket layer. `_follow` checks it."""
    if response.status_code in _REDIRECTS and "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


async def download(client: httpx.AsyncClient, req: Request, limits: Limits) -> Download:
    """GET `req.url` conditionally; never raises (errors are in the result)."""
    began = time.monotonic()
    headers = {}
    if req.etag:
        headers["If-None-Match"] = req.etag
    if req.last_modified:
        headers["If-Modified-Since"] = req.last_modified
    result = Download(status="error", url=req.url)
    try:
        problem = link_problem(req.url)
        if problem is not None:
            raise SchemeError(f"the address {problem}")
        async with asyncio.timeout(limits.deadline):
            await _follow(
                client, client.build_request("GET", req.url, headers=headers), result, limits
            )
    except TimeoutError:
        result.error, result.error_kind = _deadline_reason(result, limits), "timeout"
    except SchemeError as exc:
        result.error, result.error_kind = str(exc), "scheme"
    except RedirectLoopError as exc:
        result.error, result.error_kind = str(exc), "redirects"
    except httpx.TooManyRedirects as exc:
        result.error = describe(exc, limits.timeout, limits.max_redirects)
        result.error_kind = "redirects"
    except httpx.TimeoutException as exc:
        result.error = describe(exc, limits.timeout, limits.max_redirects)
        result.error_kind = "timeout"
    except httpx.HTTPError as exc:
        result.error = describe(exc, limits.timeout, limits.max_redirects)
        result.error_kind = "network"
    except httpx.InvalidURL:
        result.error, result.error_kind = "the address is not a usable http(s) URL", "scheme"
    except TooBigError:
        result.error = f"larger than {size_text(limits.max_bytes)} (the limit)"
        result.error_kind = "too_big"
    except zlib.error:
        result.error, result.error_kind = "corrupt compressed body", "encoding"
    except Exception as exc:  # the last guard: one download's failure never leaves it
        result.error = f"download failed: {type(exc).__name__}"
        result.error_kind = "network"
    if result.error and not result.error_kind:
        result.error_kind = "http"
    if result.error:
        result.status, result.body = "error", b""
    result.elapsed = time.monotonic() - began
    return result


def _deadline_reason(result: Download, limits: Limits) -> str:
    """Why the deadline stopped a download: no answer at all, or an answer too slow."""
    seconds = f"{limits.deadline:g} s"
    if not result.http_status:
        return f"no answer within {seconds}"
    got = size_text(result.bytes) if result.bytes >= 1000 else f"{result.bytes} bytes"
    return f"sent too slowly: {got} in {seconds} (the time a download gets)"


async def _follow(
    client: httpx.AsyncClient, request: httpx.Request, result: Download, limits: Limits
) -> None:
    """Send, following redirects ourselves: httpx would read (and inflate) the whole
    body of every redirect response, unbounded, and it words a broken Location as a
    broken HTTP answer; here each target is checked and a loop is named."""
    visited = [str(request.url)]
    for _hop in range(limits.max_redirects + 1):
        resp = await client.send(request, stream=True)
        try:
            result.http_status = resp.status_code
            location = resp.extensions.get(_LOCATION)
            if not isinstance(location, str):
                await _read(resp, result, limits)
                return
            target = _redirect_target(str(resp.url), location)
            if target in visited:
                raise RedirectLoopError(_loop_reason(visited, target))
            visited.append(target)
            request = client.build_request("GET", target, headers=_kept(request))
        finally:
            await resp.aclose()
    raise httpx.TooManyRedirects("too many redirects", request=request)


def _redirect_target(base: str, location: str) -> str:
    """The absolute address a Location header points at, when it is usable."""
    location = clean_text(location)
    try:
        target = urljoin(base, location)
    except ValueError:  # urljoin refuses "http://[::1" outright: check it as it stands
        target = location
    problem = link_problem(target)
    if problem is not None:
        raise SchemeError(f"redirected to {target[:80]!r}, which {problem}")
    try:
        httpx.URL(target)
    except httpx.InvalidURL:
        raise SchemeError(f"redirected to {target[:80]!r}, which is not a usable URL") from None
    return target


def _loop_reason(visited: list[str], target: str) -> str:
    """`redirect loop: /a → /b → /a` (paths when the hosts are the same)."""
    loop = [*visited[visited.index(target) :], target]
    host = httpx.URL(loop[0]).host
    same = all(httpx.URL(u).host == host for u in loop)
    shown = [(httpx.URL(u).raw_path.decode("ascii", "replace") if same else u) for u in loop]
    return "redirect loop: " + " → ".join(x[:60] for x in shown)


def _kept(request: httpx.Request) -> dict[str, str]:
    """The conditional headers of a request, carried to the redirect's target."""
    return {
        name: request.headers[name]
        for name in ("if-none-match", "if-modified-since")
        if name in request.headers
    }


async def _read(resp: httpx.Response, result: Download, limits: Limits) -> None:
    result.url = str(resp.url)
    result.headers = {"content-type": resp.headers.get("content-type", "")}
    if resp.status_code == 304:
        result.status = "not_modified"
        result.etag = resp.headers.get("etag")
        result.last_modified = resp.headers.get("last-modified")
        return
    if resp.status_code != 200:
        result.error = http_reason(resp.status_code)
        result.retry_after = resp.headers.get("retry-after")
        return
    encoding = resp.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate", ""):
        result.error = f"unsupported content encoding {encoding[:20]!r}"
        result.error_kind = "encoding"
        return
    length = resp.headers.get("content-length", "")
    if encoding in ("identity", "") and length.isdigit() and int(length) > limits.max_bytes:
        raise TooBigError
    inflater = None if encoding in ("identity", "") else _Inflater(limits.max_bytes)
    parts: list[bytes] = []
    size = 0
    async for chunk in resp.aiter_raw():
        result.bytes += len(chunk)
        data = chunk if inflater is None else inflater.feed(chunk)
        size += len(data)
        if size > limits.max_bytes:
            raise TooBigError
        parts.append(data)
    if inflater is not None:
        parts.append(inflater.finish())
    result.body = b"".join(parts)
    result.content_type = resp.headers.get("content-type", "")
    result.etag = resp.headers.get("etag")
    result.last_modified = resp.headers.get("last-modified")
    result.status = "ok"


class _Inflater:
    """gzip / zlib / raw-deflate decompression that never outputs more than `cap`."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.out = 0
        self.obj = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
        self.raw_tried = False

    def feed(self, chunk: bytes) -> bytes:
        parts = []
        data = chunk
        while data:
            try:
                piece = self.obj.decompress(data, self.cap - self.out + 1)
            except zlib.error:
                if self.raw_tried or self.out:
                    raise
                self.raw_tried = True  # servers that send raw deflate as "deflate"
                self.obj = zlib.decompressobj(-zlib.MAX_WBITS)
                continue
            self.out += len(piece)
            if self.out > self.cap:
                raise TooBigError
            parts.append(piece)
            if self.obj.unconsumed_tail:
                data = self.obj.unconsumed_tail
            elif self.obj.eof and self.obj.unused_data:  # a second gzip member
                data = self.obj.unused_data
                self.obj = zlib.decompressobj(zlib.MAX_WBITS | 32)
            else:
                data = b""
        return b"".join(parts)

    def finish(self) -> bytes:
        return self.obj.flush()


def download_sync(req: Request, limits: Limits, user_agent: str) -> Download:
    """`download` for synchronous callers, on a client and event loop of its own."""

    async def run() -> Download:
        async with make_client(user_agent, limits, 1) as client:
            return await download(client, req, limits)

    return asyncio.run(run())
