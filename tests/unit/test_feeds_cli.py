"""`cockpit feeds ...`: the command-line contract, in-process against a local server."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cockpit.cli.main import main
from cockpit.feeds.store import EntryStore
from cockpit.storage import WorkspaceFiles
from tests.feedserver import FeedServer, read_fixture
from tests.unit.feeds_helpers import server
from tests.unit.storage_helpers import PYTHON, cli_env, one_line, snapshot, use_cli_env

__all__ = ["server"]  # fixture

NEWSBOAT = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds" / "newsboat"
ENTRY_KEYS = {"id", "feed", "category", "title", "link", "published", "summary", "read", "starred"}
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def cockpit(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """`cockpit --data-dir ROOT ARGS...` with short feed timeouts."""
    use_cli_env(monkeypatch, tmp_path)
    config = tmp_path / "config.toml"
    config.write_text("[feeds]\ntimeout = 1\n", encoding="utf-8")
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(root), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def as_json(result: tuple[int, str, str]) -> Any:
    return json.loads(ok(result))


def test_add_and_ls(cockpit: Run, server: FeedServer) -> None:
    url = server.route("/rss.xml", body=read_fixture("rss20.xml"))
    assert ok(cockpit("feeds", "add", url, "--category", "competitor")) == (
        f"Subscribed #1 in competitor: {url} (fetched on the next refresh)\n"
    )
    (feed,) = as_json(cockpit("feeds", "ls", "--json"))
    assert feed["status"] == "new" and feed["unread"] == 0 and feed["last_fetch"] is None
    assert {"id", "url", "title", "category", "status", "error", "entries"} <= set(feed)
    code, _out, err = cockpit("feeds", "add", url)
    assert code == 1
    assert one_line(err) == f"cockpit: already subscribed to {url} (feed 1)."
    code, _out, err = cockpit("feeds", "add", "javascript:alert(1)")
    assert code == 1 and "is not an http(s) URL" in one_line(err)


def test_refresh_json_then_entries(cockpit: Run, server: FeedServer) -> None:
    cockpit("feeds", "add", server.route("/rss.xml", body=read_fixture("rss20.xml"), etag='"1"'))
    zh_url = server.route("/zh.xml", body=read_fixture("zh-planet.xml"))
    cockpit("feeds", "add", zh_url, "--category", "community")
    cockpit("feeds", "add", server.route("/404.xml", status=404))
    code, out, err = cockpit("feeds", "refresh", "--json")
    assert code == 0 and err == ""  # no progress: stderr is not a terminal
    results = {r["url"].rsplit("/", 1)[-1]: r for r in json.loads(out)}
    assert results["rss.xml"]["status"] == "ok" and results["rss.xml"]["new_entries"] == 3
    assert results["rss.xml"]["bytes"] > 0 and results["rss.xml"]["elapsed"] >= 0
    assert results["404.xml"] | {"elapsed": 0} == {
        "feed_id": 3, "url": server.url("/404.xml"), "title": "127.0.0.1", "status": "error",
        "error": "not found (HTTP 404)", "new_entries": 0, "bytes": 0, "elapsed": 0,
    }  # fmt: skip
    again = {r["feed_id"]: r["status"] for r in as_json(cockpit("feeds", "refresh", "--json"))}
    assert again == {1: "not_modified", 2: "not_modified", 3: "skipped"}  # 2: same bytes

    entries = as_json(cockpit("feeds", "entries", "--json"))
    assert len(entries) == 5 and all(set(e) >= ENTRY_KEYS for e in entries)
    dates = [e["published"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    zh = as_json(cockpit("feeds", "entries", "--category", "community", "--json"))
    assert [e["feed"] for e in zh] == ["PostgreSQL 中文社区"] * 2
    text = ok(cockpit("feeds", "entries", "--unread", "--limit", "2"))
    assert len(text.splitlines()) == 2 and "•" in text


def test_ls_text_shows_errors_under_the_feed(cockpit: Run, server: FeedServer) -> None:
    cockpit("feeds", "add", server.route("/500.xml", status=500), "--category", "planet")
    cockpit("feeds", "refresh")
    out = ok(cockpit("feeds", "ls"))
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["id", "status", "category"]
    assert "ERROR" in lines[1] and "2026-11-18 12:00" in lines[1]
    assert lines[2].strip() == "server error (HTTP 500)"


def test_refresh_summary_text(cockpit: Run, server: FeedServer) -> None:
    cockpit("feeds", "add", server.route("/a.xml", body=read_fixture("pg-news.rss")))
    cockpit("feeds", "add", server.route("/gone.xml", status=410))
    out = ok(cockpit("feeds", "refresh"))
    assert "  ✗ #2 127.0.0.1: gone (HTTP 410): the feed was removed" in out
    assert out.splitlines()[-1].startswith("Refreshed 2 feeds in ")
    assert out.splitlines()[-1].endswith("1 updated, 0 unchanged, 1 failed; 2 new entries")


@pytest.mark.skipif(not NEWSBOAT.is_dir(), reason="../shared/corpus is absent")
def test_import_export_and_broken_opml(cockpit: Run, root: Path, tmp_path: Path) -> None:
    out = ok(cockpit("feeds", "import", str(NEWSBOAT / "piped.opml")))
    assert out.splitlines() == [
        f"Imported 1 feed from {NEWSBOAT / 'piped.opml'}, skipped 1",
        "  skipped Birdsite search: not an http(s) URL",
    ]
    before = snapshot(root)
    code, _out, err = cockpit("feeds", "import", str(NEWSBOAT / "opml-element-missing.opml"))
    assert code == 1
    assert one_line(err).endswith("is not OPML (its root element is <not-opml>).")
    assert snapshot(root) == before
    target = tmp_path / "out.opml"
    assert ok(cockpit("feeds", "export", "-o", str(target))) == ""
    assert b'xmlUrl="https://example.com/feed.atom"' in target.read_bytes()
    assert ok(cockpit("feeds", "export")).startswith("<?xml version='1.0' encoding='utf-8'?>")
    code, _out, err = cockpit("feeds", "import")
    assert code == 1 and one_line(err) == "cockpit: give an OPML file or --defaults (not both)."


def test_import_defaults_enable_disable_rm(cockpit: Run) -> None:
    assert ok(cockpit("feeds", "import", "--defaults")).startswith("Added 42 of the bundled")
    feeds = as_json(cockpit("feeds", "ls", "--json"))
    off = [f["id"] for f in feeds if not f["enabled"]]
    assert len(off) == 6
    assert ok(cockpit("feeds", "enable", str(off[0]))).startswith(f"Enabled #{off[0]}: ")
    assert ok(cockpit("feeds", "disable", "1")).startswith("Disabled #1: ")
    assert ok(cockpit("feeds", "rm", "2")).startswith("Unsubscribed #2: ")
    code, _out, err = cockpit("feeds", "rm", "999")
    assert code == 1 and one_line(err) == "cockpit: no feed with id 999 (see `cockpit feeds ls`)."
    code, _out, err = cockpit("feeds", "enable", "x1")
    assert code == 1 and "is not a feed id" in one_line(err)


def test_refresh_without_subscriptions_installs_the_defaults(
    cockpit: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as probe:  # every request goes to a proxy that refuses: no network
        probe.bind(("127.0.0.1", 0))
        proxy = f"http://127.0.0.1:{probe.getsockname()[1]}"
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(name, proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    code, out, err = cockpit("feeds", "refresh", "--json")
    assert code == 0
    assert err == "No subscriptions yet: added the 42 bundled feeds.\n"
    results = json.loads(out)
    assert len(results) == 36  # the enabled ones
    assert {r["status"] for r in results} == {"error"}


def test_cli_refresh_from_cron_while_the_tui_marks_entries(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `cockpit feeds refresh` process and this process (standing in for the TUI)
    write the same files at once; the workspace lock keeps both changes."""
    use_cli_env(monkeypatch, tmp_path)
    with FeedServer(latency=0.05) as srv:
        urls = [srv.route(f"/f{n}.xml", body=read_fixture("pg-news.rss").replace(
            b"PgBouncer", f"PgBouncer{n}".encode())) for n in range(6)]  # fmt: skip
        assert main(["--data-dir", str(root), "feeds", "add", urls[0]]) == 0
        assert main(["--data-dir", str(root), "feeds", "refresh"]) == 0
        for url in urls[1:]:
            main(["--data-dir", str(root), "feeds", "add", url])
        capsys.readouterr()
        files = WorkspaceFiles(root)
        first = [e.id for e in EntryStore(files).all()]
        cron = subprocess.Popen(
            [PYTHON, "-m", "cockpit", "--data-dir", str(root), "feeds", "refresh", "--json"],
            env=cli_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        flips = 0
        while cron.poll() is None and flips < 200:
            EntryStore(files).set_mark(first[flips % 2], "starred", flips % 4 < 2)
            flips += 1
            time.sleep(0.005)
        out, err = cron.communicate(timeout=60)
    assert cron.returncode == 0, err
    assert sum(r["new_entries"] for r in json.loads(out)) == 10
    store = EntryStore(WorkspaceFiles(root))
    assert len(store.all()) == 12
    assert flips >= 2
    last = {first[n % 2]: n % 4 < 2 for n in (flips - 2, flips - 1)}  # the final writes
    assert {e.id: e.starred for e in store.all() if e.id in first} == last


@pytest.mark.parametrize(
    "module",
    ["cockpit.feeds.refresh", "cockpit.feeds.subscriptions", "cockpit.feeds.workers"],
)
def test_feed_modules_never_import_textual(module: str, tmp_path: Path) -> None:
    from tests.unit.test_layout import loaded_after_import

    loaded = loaded_after_import(module, tmp_path, tmp_path)
    assert "cockpit" in loaded
    assert "textual" not in loaded  # (rich may be: httpx imports it for its own CLI)


def test_building_the_cli_loads_no_feed_machinery(tmp_path: Path) -> None:
    """`cockpit add` must not pay for httpx and feedparser (imported by feed commands only)."""
    probe = "import sys; from cockpit.cli.main import build_parser; build_parser(); "
    probe += "print(sorted(sys.modules))"
    done = subprocess.run(
        [PYTHON, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    loaded = set(json.loads(done.stdout.replace("'", '"')))
    assert not loaded & {"httpx", "feedparser", "defusedxml", "cockpit.feeds.refresh"}
