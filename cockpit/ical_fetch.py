"""Reading a calendar source: a local file or an http(s)/webcal URL, within limits.

Synchronous on purpose: the CLI calls it directly and the TUI from a thread worker.
Limits: connect/read timeouts, at most five redirects, and a cap on the size both on the
wire and after decompression (we inflate gzip ourselves with a bounded output, so a
small compressed bomb cannot become gigabytes in memory).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

import httpx

MAX_BYTES = 20_000_000
TIMEOUT = 15.0
USER_AGENT = "cockpit-pm (calendar subscription)"


class SourceError(Exception):
    """A calendar source that cannot be read; `str()` is one sentence for the user."""


@dataclass
class Fetched:
    """What one read of a source gave."""

    body: bytes | None  # None: not modified since the validators we sent
    etag: str | None = None
    last_modified: str | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://", "webcal://", "webcals://"))


def normalise(source: str, base: Path | None = None) -> str:
    """The stored form of a source: https for webcal, an absolute path for files."""
    text = source.strip()
    lower = text.lower()
    if lower.startswith("webcals://"):
        return "https://" + text[len("webcals://") :]
    if lower.startswith("webcal://"):
        return "https://" + text[len("webcal://") :]
    if is_url(text):
        return text
    path = Path(text).expanduser()
    if not path.is_absolute():
        path = (base or Path.cwd()) / path
    return str(path.resolve())


def fetch(
    source: str, etag: str | None = None, last_modified: str | None = None, timeout: float = TIMEOUT
) -> Fetched:
    """Read `source` (normalised); conditional for URLs when validators are given.

    Raises:
        SourceError: missing file, network failure, HTTP error, or too large.
    """
    if not is_url(source):
        return Fetched(_read_file(Path(source)))
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        with (
            httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=5) as client,
            client.stream("GET", source, headers=headers) as response,
        ):
            if response.status_code == 304:
                return Fetched(None, etag, last_modified)
            if response.status_code >= 400:
                raise SourceError(f"{source} answered HTTP {response.status_code}")
            raw = bytearray()
            for chunk in response.iter_raw():
                raw += chunk
                if len(raw) > MAX_BYTES:
                    raise SourceError(f"{source} is larger than {MAX_BYTES // 1_000_000} MB")
            body = _inflate(bytes(raw), response.headers.get("content-encoding", ""), source)
            return Fetched(
                body, response.headers.get("etag"), response.headers.get("last-modified")
            )
    except httpx.TooManyRedirects:
        raise SourceError(f"{source} redirects too often") from None
    except httpx.TimeoutException:
        raise SourceError(f"{source} did not answer within {timeout:g} seconds") from None
    except httpx.HTTPError as exc:
        raise SourceError(f"cannot reach {source} ({type(exc).__name__})") from None


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError(f"{path} is larger than {MAX_BYTES // 1_000_000} MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(f"{path} does not exist") from None
    except IsADirectoryError:
        raise SourceError(f"{path} is a folder, not a calendar file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror or exc}") from None


def _inflate(raw: bytes, encoding: str, source: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise SourceError(f"{source} sent an unsupported encoding {encoding!r}")
    wbits = 47 if encoding != "deflate" else zlib.MAX_WBITS  # 47: gzip or zlib header
    try:
        inflater = zlib.decompressobj(wbits)
        body = inflater.decompress(raw, MAX_BYTES + 1)
    except zlib.error:
        if encoding == "deflate":  # some servers send raw deflate without the header
            try:
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                body = inflater.decompress(raw, MAX_BYTES + 1)
            except zlib.error:
                raise SourceError(f"{source} sent a broken compressed body") from None
        else:
            raise SourceError(f"{source} sent a broken compressed body") from None
    if len(body) > MAX_BYTES:
        raise SourceError(f"{source} is larger than {MAX_BYTES // 1_000_000} MB")
    return body
