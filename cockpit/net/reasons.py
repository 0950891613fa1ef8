"""Short human reasons for failed fetches, and the Retry-After rule.

A reason names what went wrong in words a PM can act on ("host not found (DNS)",
"gone (HTTP 410): the feed was removed"), never a traceback; it shows next to the feed.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import errno
import socket
import ssl
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

RETRY_AFTER_MAX = dt.timedelta(days=1)


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


def describe(exc: httpx.HTTPError, timeout: float, max_redirects: int) -> str:
    """A short human reason for a transport failure."""
    import httpx  # loaded already by whoever caught `exc`

    if isinstance(exc, httpx.TooManyRedirects):
        return f"too many redirects (more than {max_redirects})"
    if isinstance(exc, httpx.ConnectTimeout):
        return f"could not connect within {timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer within {timeout:g} s"
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


def size_text(n: int) -> str:
    """`n` bytes as "10 MB" or "500 KB"."""
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} KB"
