"""A real HTTP server on a loopback address for feed tests and the feeds bench.

Each path has a scripted `Route`: a body (optionally gzip-encoded), status, validators
(ETag / Last-Modified answered with 304 when the request carries them), a delay before
answering, a slow trickle, a redirect, a body without Content-Length. Every request is
logged with its headers, so tests can assert what the client sent.

    with FeedServer() as server:
        server.route("/feed.xml", body=read_fixture("rss20.xml"), etag='"v1"')
        url = server.url("/feed.xml")
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import TracebackType
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "feeds"


def read_fixture(name: str) -> bytes:
    """Bytes of `tests/fixtures/feeds/<name>`."""
    return (FIXTURES / name).read_bytes()


@lru_cache(maxsize=4)
def gzip_bomb(decoded_mb: int) -> bytes:
    """A gzip body of `decoded_mb` MB of zeros (about 1 KB of gzip per MB).

    Built as repeated 64 MB gzip members (a valid gzip stream), so making a 1 GB bomb
    takes a fifth of a second instead of compressing a gigabyte.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    member_mb = min(decoded_mb, 64)
    member = b"".join(packer.compress(block) for _ in range(member_mb)) + packer.flush()
    return member * (decoded_mb // member_mb)


@dataclass
class Route:
    """What the server does for one path."""

    body: bytes = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    """Seconds to wait before answering (on top of the server's latency)."""
    gzip: bool = False
    """Compress `body` and send it with Content-Encoding: gzip."""
    encoding: str | None = None
    """Send `body` as is, declaring this Content-Encoding (for pre-built bombs)."""
    trickle: float = 0.0
    """Seconds between pieces of the body (`piece` bytes each)."""
    piece: int = 100
    no_length: bool = False
    """Send no Content-Length and close the connection to end the body."""
    redirect: str | None = None
    """Answer 302 with this Location."""


@dataclass
class Seen:
    """One request as the server received it."""

    path: str
    headers: dict[str, str]


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real feed servers
    server: _Server

    def do_GET(self) -> None:
        owner = self.server.owner
        owner.log(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = owner.routes.get(self.path.split("?", 1)[0])
        with owner.serving():
            time.sleep(owner.latency + (route.delay if route else 0.0))
        if route is None:
            self._send(404, b"no such feed", "text/plain", {})
            return
        if route.redirect is not None:
            self._send(302, b"", "text/plain", {"Location": route.redirect})
            return
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified:
            validators["Last-Modified"] = route.last_modified
        if self._fresh(route):
            self._send(304, b"", "", validators)
            return
        body, extra = route.body, {**validators, **route.headers}
        if route.gzip:
            body, extra["Content-Encoding"] = gzip.compress(body), "gzip"
        elif route.encoding:
            extra["Content-Encoding"] = route.encoding
        self._send(route.status, body, route.content_type, extra, route)

    def _fresh(self, route: Route) -> bool:
        etag, since = self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")
        if route.etag and etag is not None:
            return etag == route.etag
        return bool(route.last_modified and since == route.last_modified)

    def _send(
        self,
        status: int,
        body: bytes,
        content_type: str,
        headers: dict[str, str],
        route: Route | None = None,
    ) -> None:
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in headers.items():
            self.send_header(name, value)
        if route is not None and route.no_length:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status == 304:
            return
        try:
            if route is not None and route.trickle:
                for start in range(0, len(body), route.piece):
                    self.wfile.write(body[start : start + route.piece])
                    self.wfile.flush()
                    time.sleep(route.trickle)
            else:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (a cap or a timeout)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep test output clean


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    owner: FeedServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hang up on purpose (caps, timeouts)


class FeedServer:
    """A threaded HTTP server on `host` (any 127.x.y.z works on Linux), port chosen freely."""

    def __init__(self, host: str = "127.0.0.1", latency: float = 0.0) -> None:
        self.host = host
        self.latency = latency
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self.in_flight = 0
        self.peak = 0
        self._httpd = _Server((host, 0), _Handler)
        self._httpd.owner = self
        self._httpd.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.port = int(self._httpd.server_address[1])
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self._httpd.serve_forever(poll_interval=0.05)  # quick `stop` for quick tests

    def start(self) -> FeedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def route(self, path: str, **options: Any) -> str:
        """Script `path`; returns its URL."""
        self.routes[path] = Route(**options)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"

    @contextlib.contextmanager
    def serving(self) -> Iterator[None]:
        """Around a request's wait: counts the requests in flight (`peak`: the most)."""
        with self._lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            yield
        finally:
            with self._lock:
                self.in_flight -= 1

    def log(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    def hits(self, path: str) -> list[Seen]:
        """Requests received for `path`, oldest first."""
        with self._lock:
            return [s for s in self.requests if s.path == path]
