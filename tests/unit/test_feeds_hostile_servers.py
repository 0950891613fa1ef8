"""One bad feed never stops the others (issue 11, item 4), against a real HTTP server on
127.0.0.1: redirects to `javascript:` and other unusable addresses, redirect loops, a
server that trickles one byte a second, a stored address that no longer parses, and an
unforeseen exception while handling one feed. Each failure stays on its feed with a
true reason, and the refresh always ends (CLI and TUI).

The Location headers and their reasons are in `tests/fixtures/hostile/redirects.json`.
"""

from __future__ import annotations

import itertools
import json
import time
from pathlib import Path
from typing import Any

import pytest

from cockpit.cli.main import main
from cockpit.core.config import Config, FeedSettings
from cockpit.feeds import refresh as refresh_module
from cockpit.feeds.refresh import FetchSettings
from cockpit.feeds.store import EntryStore
from cockpit.feeds.subscriptions import FeedList
from cockpit.storage import WorkspaceFiles
from tests.feedserver import FeedServer, read_fixture
from tests.unit.feeds_helpers import QUICK, files, refresh, server, subscribe
from tests.unit.storage_helpers import use_cli_env

__all__ = ["files", "server"]  # fixtures

REDIRECTS = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "hostile" / "redirects.json").read_text("utf-8")
)


def good_feed(server: FeedServer) -> str:
    return server.route("/good.xml", body=read_fixture("rss20.xml"))


def test_a_redirect_to_an_unusable_address_stays_on_its_feed(
    files: WorkspaceFiles, server: FeedServer
) -> None:
    urls = [good_feed(server)]
    for n, (location, _reason) in enumerate(REDIRECTS["bad_targets"]):
        urls.append(server.route(f"/bad{n}", redirect=location))
    subscribe(files, *urls)
    got = refresh(files)  # returns: no exception escapes for any of them
    assert (got["good.xml"].status, got["good.xml"].new_entries) == ("ok", 3)
    for n, (_location, reason) in enumerate(REDIRECTS["bad_targets"]):
        assert (got[f"bad{n}"].status, got[f"bad{n}"].error) == ("error", reason)
    feeds = {f.url.rsplit("/", 1)[-1]: f for f in FeedList(files).all()}
    assert feeds["bad0"].error == REDIRECTS["bad_targets"][0][1]  # stored on that feed
    assert len(EntryStore(files).for_feed(feeds["good.xml"].id)) == 3


def test_redirect_loops_are_named_and_cost_one_round(
    files: WorkspaceFiles, server: FeedServer
) -> None:
    urls = [good_feed(server)]
    for chain, _reason in REDIRECTS["loops"]:
        for here, there in itertools.pairwise(chain):
            server.route(here, redirect=there)
        urls.append(server.url(chain[0]))
    server.route("/empty-location", redirect="")  # "" means: this same address
    urls.append(server.url("/empty-location"))
    subscribe(files, *urls)
    got = refresh(files)
    assert got["good.xml"].status == "ok"
    for chain, reason in REDIRECTS["loops"]:
        assert got[chain[0].lstrip("/")].error == reason
        assert "broken HTTP answer" not in reason
        # each address once, and not five redirects more
        assert sum(len(server.hits(p)) for p in set(chain)) == len(set(chain))
    assert got["empty-location"].error == "redirect loop: /empty-location → /empty-location"


def test_a_trickling_server_is_cut_at_the_configured_timeout(
    files: WorkspaceFiles, server: FeedServer
) -> None:
    # One byte a second never trips a read timeout; the whole download gets `timeout`.
    settings = FetchSettings.from_config(Config(feeds=FeedSettings(timeout=1.0)))
    assert settings.total_timeout is None and settings.limits().deadline == 1.0
    slow = server.route("/drip.xml", body=read_fixture("rss20.xml"), trickle=1.0, piece=1)
    subscribe(files, good_feed(server), slow)
    began = time.monotonic()
    got = refresh(files, settings=settings)
    took = time.monotonic() - began
    assert 0.9 < took < 2.5, took
    assert got["good.xml"].status == "ok"
    error = got["drip.xml"].error
    assert error.startswith("sent too slowly: ") and error.endswith(
        " in 1 s (the time a download gets)"
    ), error


def test_the_default_deadline_follows_the_timeout() -> None:
    for seconds in (3.0, 10.0, 45.0):
        limits = FetchSettings.from_config(Config(feeds=FeedSettings(timeout=seconds))).limits()
        assert (limits.timeout, limits.deadline) == (seconds, seconds)


def test_a_stored_address_that_no_longer_parses_stops_only_its_feed(
    files: WorkspaceFiles, server: FeedServer
) -> None:
    """Subscribed before `feeds add` checked hosts and ports (or edited by hand)."""
    subscribe(files, good_feed(server), server.url("/placeholder-1"), server.url("/p2"))
    path = files.path("feeds")
    data = json.loads(path.read_text("utf-8"))
    docs = {d["url"].rsplit("/", 1)[-1]: d for d in data["feeds"].values()}
    docs["placeholder-1"]["url"] = "http://[::1/feed"
    docs["p2"]["url"] = "http://example.com:99999/feed"
    path.write_text(json.dumps(data), "utf-8")
    got = {r.url: r for r in refresh_module.refresh_sync(files, QUICK, _now())}
    assert got[server.url("/good.xml")].status == "ok"
    assert got["http://[::1/feed"].error == (
        "the address has a broken host (an IPv6 address needs its closing ])"
    )
    assert got["http://example.com:99999/feed"].error == (
        "the address has a port out of range (99999; ports are 1 to 65535)"
    )


def test_an_unforeseen_failure_stays_on_its_feed(
    files: WorkspaceFiles, server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    digest = refresh_module._digest

    async def broken(body: bytes) -> str:
        if b"Planet" in body:
            raise RuntimeError("a bug")
        return await digest(body)

    monkeypatch.setattr(refresh_module, "_digest", broken)
    planet = server.route(
        "/planet.xml", body=read_fixture("pg-news.rss").replace(b"<title>", b"<title>Planet ", 1)
    )
    subscribe(files, good_feed(server), planet)
    got = refresh(files)
    assert got["good.xml"].status == "ok" and got["good.xml"].new_entries == 3
    assert (got["planet.xml"].status, got["planet.xml"].error) == (
        "error",
        "refresh failed: RuntimeError",
    )
    assert FeedList(files).get(2).status == "error"


def _now() -> Any:
    from tests.unit.feeds_helpers import NOW

    return NOW


def test_cli_refresh_ends_and_reports_each_feed(
    tmp_path: Path,
    server: FeedServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    use_cli_env(monkeypatch, tmp_path)
    root = tmp_path / "ws"
    config = tmp_path / "config.toml"
    config.write_text("[feeds]\ntimeout = 1\n", "utf-8")
    slow = server.route("/drip.xml", body=read_fixture("rss20.xml"), trickle=1.0, piece=1)
    js = server.route("/js", redirect="javascript:alert(1)")
    loop = server.route("/loop", redirect="/loop")
    for url in (good_feed(server), js, loop, slow):
        assert main(["--data-dir", str(root), "feeds", "add", url]) == 0
    capsys.readouterr()
    began = time.monotonic()
    code = main(["--data-dir", str(root), "--config", str(config), "feeds", "refresh"])
    out, err = capsys.readouterr()
    assert code == 0 and time.monotonic() - began < 4, err
    assert "Traceback" not in out + err
    assert "which is not an http(s) URL" in out
    assert "redirect loop: /loop → /loop" in out
    assert "sent too slowly" in out
    code = main(["--data-dir", str(root), "feeds", "ls", "--json"])
    listed = {f["url"]: f for f in json.loads(capsys.readouterr().out)}
    assert listed[loop]["error"] == "redirect loop: /loop → /loop"
    assert listed[server.url("/good.xml")]["status"] == "ok"
