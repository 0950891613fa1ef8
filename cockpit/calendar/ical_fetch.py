"""Reading a calendar source: a local file or an http(s)/webcal URL, within limits.

Synchronous on purpose: the CLI calls it directly and the TUI from a thread worker.
URLs go through the one bounded downloader (`cockpit.net.download`: http(s) only,
timeouts, at most five redirects, a cap on the decompressed size), as feeds do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cockpit.core.errors import CockpitError
from cockpit.core.text import redact_url

MAX_BYTES = 20_000_000
TIMEOUT = 15.0
USER_AGENT = "cockpit-pm (calendar subscription)"


class SourceError(CockpitError):
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
    # Imported here for start-up time: httpx costs ~60 ms and only URLs need it.
    from cockpit.net.download import Limits, Request, download_sync

    limits = Limits(timeout=timeout, total_timeout=4 * timeout, max_bytes=MAX_BYTES)
    got = download_sync(Request(source, etag, last_modified), limits, USER_AGENT)
    if got.status == "not_modified":
        return Fetched(None, etag, last_modified)
    if got.status == "ok":
        return Fetched(got.body, got.etag, got.last_modified)
    raise SourceError(_sentence(source, got.error_kind, got.http_status, got.error, timeout))


def _sentence(address: str, kind: str, status: int, reason: str, timeout: float) -> str:
    """The download's failure as one sentence naming the calendar source (its
    password, if the URL holds one, replaced by ***)."""
    source = redact_url(address)
    if kind == "http":
        return f"{source} answered HTTP {status}"
    if kind == "too_big":
        return f"{source} is larger than {MAX_BYTES // 1_000_000} MB"
    if kind == "redirects":  # too many, or a loop (the reason names it)
        return f"{source}: {reason}"
    if kind == "timeout":
        return f"{source} did not answer within {timeout:g} seconds"
    if kind == "encoding":
        return f"{source} sent a broken or unsupported compressed body"
    if kind == "scheme":  # not http(s), or a broken host or port (the reason says which)
        return f"{source}: {reason}"
    return f"cannot reach {source} ({reason})"


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceError("err.file.too_big", path=path, mb=MAX_BYTES // 1_000_000)
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError("err.file.missing", path=path) from None
    except IsADirectoryError:
        raise SourceError("err.cal.folder", path=path) from None
    except OSError as exc:
        raise SourceError("err.file.read", path=path, problem=exc.strerror or exc) from None
