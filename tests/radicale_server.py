"""A real Radicale CalDAV server on 127.0.0.1 for the sync tests.

Started as a subprocess of this interpreter (`python -m radicale`, installed by the dev
extras, so `make test` has it on a fresh machine) with plain-text htpasswd auth and its
storage in a temp folder; one server per test module keeps the tests fast.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

USER = "pm"
PASSWORD = "s3cret-pw"
START_TIMEOUT = 20.0


@dataclass
class Radicale:
    """A running server: base URL and the one user's credentials."""

    base: str
    user: str
    password: str
    process: subprocess.Popen[bytes]
    log: Path

    def calendar_url(self, name: str) -> str:
        """URL of calendar collection `name` of the user (create it with make_calendar)."""
        return f"{self.base}/{self.user}/{name}/"

    def make_calendar(self, name: str) -> str:
        """MKCALENDAR a fresh collection and return its URL."""
        url = self.calendar_url(name)
        auth = (self.user, self.password)
        with httpx.Client(auth=auth, timeout=10) as client:
            client.request("PROPFIND", f"{self.base}/{self.user}/", headers={"Depth": "0"})
            response = client.request("MKCALENDAR", url)
            if response.status_code not in (201, 405):  # 405: it exists already
                raise RuntimeError(f"MKCALENDAR {url}: HTTP {response.status_code}")
        return url

    def objects(self, url: str) -> dict[str, str]:
        """href -> iCalendar text of every object in collection `url` (an outside view)."""
        body = (
            '<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" '
            'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:prop><C:calendar-data/></D:prop>'
            '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>'
        )
        import xml.etree.ElementTree as ET

        with httpx.Client(auth=(self.user, self.password), timeout=10) as client:
            response = client.request(
                "REPORT", url, content=body, headers={"Depth": "1", "Content-Type": "text/xml"}
            )
        response.raise_for_status()
        ns = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
        out = {}
        for resp in ET.fromstring(response.content).findall("D:response", ns):
            href = resp.findtext("D:href", default="", namespaces=ns)
            data = resp.findtext(".//C:calendar-data", default="", namespaces=ns)
            if data:
                out[href] = data
        return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(base: str, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            httpx.get(f"{base}/.web/", timeout=1)
            return True
        except httpx.HTTPError:
            time.sleep(0.05)
    return False


@contextlib.contextmanager
def radicale(folder: Path, *options: str) -> Iterator[Radicale]:
    """Run Radicale with its files under `folder` (plus command-line `options`)."""
    folder.mkdir(parents=True, exist_ok=True)
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    log = folder / "radicale.log"
    for _attempt in range(3):  # a port taken between probe and bind: try another
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        with log.open("ab") as sink:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "radicale",
                    "--config",
                    "",
                    "--server-hosts",
                    f"127.0.0.1:{port}",
                    "--auth-type",
                    "htpasswd",
                    "--auth-htpasswd-filename",
                    str(users),
                    "--auth-htpasswd-encryption",
                    "plain",
                    "--auth-delay",
                    "0",
                    "--rights-type",
                    "owner_only",
                    "--storage-filesystem-folder",
                    str(folder / "collections"),
                    "--logging-level",
                    "warning",
                    *options,
                ],
                stdout=sink,
                stderr=subprocess.STDOUT,
            )
        if _wait(base, process):
            break
        process.kill()
        process.wait()
    else:
        raise RuntimeError(f"Radicale did not start; see {log}")
    try:
        yield Radicale(base, USER, PASSWORD, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
