"""One conditional GET of a feed with async httpx, within hard limits.

Limits: connect/read timeouts and a total deadline (a server trickling one byte a second
never trips a read timeout), at most `max_redirects`, and a cap on the *decoded* size.
We ask for gzip/deflate and decompress ourselves with a bounded `max_length`, because
httpx's decoder inflates a whole network chunk at once: 64 KB of gzip bomb would become
64 MB before any cap could look at it. Here a bomb costs at most the cap.

Every failure becomes a short human reason on the `Download`; nothing raises.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import errno
import socket
import ssl
import time
import zlib
from dataclasses import dataclass, field

import httpx

RETRY_AFTER_MAX = dt.timedelta(days=1)


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
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 5


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
    http_status: int = 0
    retry_after: str | None = None
    """The Retry-After header of an error answer, as sent (see `retry_after`)."""
    bytes: int = 0
    """Bytes received on the wire (compressed)."""
    elapsed: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


class TooBigError(Exception):
    """The decoded body passed the cap."""


def make_client(user_agent: str, limits: Limits, connections: int) -> httpx.AsyncClient:
    """A client for one refresh. Building it loads the CA bundle (~20 ms of CPU), so
    callers on an event loop create it in a thread."""
    return httpx.AsyncClient(
        timeout=httpx.Timeout(limits.timeout, pool=None),
        follow_redirects=False,  # followed in `download`, see there
        headers={
            "User-Agent": user_agent,
            "Accept": "application/rss+xml, application/atom+xml, application/rdf+xml, "
            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        },
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


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
        async with asyncio.timeout(limits.total_timeout):
            await _follow(
                client, client.build_request("GET", req.url, headers=headers), result, limits
            )
    except TimeoutError:
        result.error = f"took longer than {limits.total_timeout:g} s"
    except httpx.HTTPError as exc:
        result.error = describe(exc, limits)
    except TooBigError:
        result.error = f"larger than {_size(limits.max_bytes)} (the limit)"
    except zlib.error:
        result.error = "corrupt compressed body"
    except (OSError, ValueError) as exc:
        result.error = f"download failed: {type(exc).__name__}"
    if result.error:
        result.status, result.body = "error", b""
    result.elapsed = time.monotonic() - began
    return result


async def _follow(
    client: httpx.AsyncClient, request: httpx.Request, result: Download, limits: Limits
) -> None:
    """Send, following redirects ourselves: httpx would read (and inflate) the whole
    body of every redirect response, unbounded."""
    for _hop in range(limits.max_redirects + 1):
        resp = await client.send(request, stream=True)
        try:
            if resp.next_request is None:
                await _read(resp, result, limits)
                return
            request = resp.next_request
        finally:
            await resp.aclose()
    raise httpx.TooManyRedirects("too many redirects", request=request)


async def _read(resp: httpx.Response, result: Download, limits: Limits) -> None:
    result.http_status = resp.status_code
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


def http_reason(status: int) -> str:
    """A short reason for a non-200 answer."""
    named = {
        401: "access denied (HTTP 401)",
        403: "access denied (HTTP 403)",
        404: "not found (HTTP 404)",
        410: "gone (HTTP 410): the feed was removed",
        429: "rate limited (HTTP 429)",
    }
    if status in named:
        return named[status]
    if 500 <= status < 600:
        return f"server error (HTTP {status})"
    if 300 <= status < 400:
        return f"unexpected redirect (HTTP {status})"
    return f"unexpected answer (HTTP {status})"


def retry_after(value: str | None, now: dt.datetime) -> dt.datetime | None:
    """When a Retry-After header (seconds or an HTTP date) allows the next try.

    Capped at a day: a hostile server must not silence a feed for ever.
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        wait = dt.timedelta(seconds=min(int(value), int(RETRY_AFTER_MAX.total_seconds())))
        return now + wait
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return min(max(when, now), now + RETRY_AFTER_MAX)


def describe(exc: httpx.HTTPError, limits: Limits) -> str:
    """A short human reason for a transport failure."""
    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {limits.max_redirects})"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect within {limits.timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {limits.timeout:g} s"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return "not an http(s) URL"
    if isinstance(exc, httpx.ConnectError):
        return _connect_reason(exc)
    if isinstance(exc, httpx.RemoteProtocolError):
        return "broken HTTP answer from the server"
    if isinstance(exc, httpx.DecodingError):
        return "corrupt compressed body"
    text = str(exc)
    return f"{type(exc).__name__}: {text[:80]}" if text else type(exc).__name__


def _connect_reason(exc: BaseException) -> str:
    """Why a connection failed, from the first telling exception in the chain."""
    seen: BaseException | None = exc
    for _depth in range(8):
        if seen is None:
            break
        if isinstance(seen, ssl.SSLError):
            reason = getattr(seen, "reason", None) or getattr(seen, "verify_message", None)
            return f"TLS error: {str(reason or 'handshake failed').lower().replace('_', ' ')}"
        if isinstance(seen, socket.gaierror):
            return "host not found (DNS)"
        if isinstance(seen, ConnectionRefusedError):
            return "connection refused"
        if isinstance(seen, OSError) and seen.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "network unreachable"
        seen = seen.__cause__ or seen.__context__
    text = str(exc)
    if "ssl" in text.lower() or "certificate" in text.lower():
        return f"TLS error: {text[:80]}"
    return f"cannot connect: {text[:80] or type(exc).__name__}"


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} KB"
