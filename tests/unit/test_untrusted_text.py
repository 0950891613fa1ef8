"""Escape sequences and invisible characters never get in, from any source, and nothing
the command line prints can drive the terminal (issue 11, items 2 and 8).

The hostile strings live in `tests/fixtures/hostile/text.json`; the source files beside
it (a CSV, a taskwarrior export, a config with a byte-order mark) carry them the way a
real file would.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from cockpit.cli.main import main
from cockpit.core.clock import FrozenClock
from cockpit.core.config import load_config
from cockpit.core.text import clean_text, link_problem, safe_link, terminal_safe
from cockpit.importers.csvfile import import_csv
from cockpit.importers.taskwarrior import import_taskwarrior
from cockpit.items.workspace import Workspace
from cockpit.planning import launches, requirements
from cockpit.report.notes import NoteBook
from tests.unit.storage_helpers import one_line, use_cli_env

Run = Callable[..., tuple[int, str, str]]
HOSTILE = Path(__file__).parent.parent / "fixtures" / "hostile"
TEXT = json.loads((HOSTILE / "text.json").read_text(encoding="utf-8"))
DIRTY = [*TEXT["escapes"], *TEXT["invisible"]]
# Anything a terminal would act on, or that would not show: what must never be stored.
FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\U000e0000-\U000e007f]"
)


def assert_clean(text: str) -> None:
    assert FORBIDDEN.search(text) is None, repr(text)


@pytest.mark.parametrize("text", DIRTY)
def test_clean_text_removes_escapes_and_invisible_characters(text: str) -> None:
    cleaned = clean_text(text)
    assert_clean(cleaned)
    assert cleaned and "PWNED" not in cleaned and "evil.example" not in cleaned


def test_clean_text_keeps_the_words_around_what_it_removes() -> None:
    assert clean_text("\x1b]0;PWNED\x07 title") == "title"
    assert clean_text("Ac\u200bme\u200d Telecom") == "Acme Telecom"
    assert clean_text("tag\U000e0041\U000e0042 chars") == "tag chars"
    assert clean_text("a\x1b[31mred\x1b[0m b") == "ared b"
    assert clean_text("line one\u2028line two", multiline=True) == "line one\nline two"


@pytest.mark.parametrize("text", TEXT["markup"])
def test_markup_is_text_and_stays_as_typed(text: str) -> None:
    # Markup is harmless text to the domain; the screens make it inert (tests/ui).
    assert clean_text(text) == " ".join(text.split())


def test_terminal_safe_keeps_layout_and_drops_escapes() -> None:
    assert terminal_safe("a\tb\r\nc\n") == "a\tb\r\nc\n"
    assert terminal_safe("x\x1b]0;PWNED\x07y\x9b2Jz") == "xyz"


def test_every_book_cleans_what_it_is_given(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    for text in DIRTY:
        item = ws.add(text, customer=text, owner=text, tags=[text], notes=text + "\nmore")
        assert_clean(item.title + item.customer + item.owner + "".join(item.tags))
        assert_clean(item.notes.replace("\n", ""))
        edited = ws.edit(item.id, title="x " + text, notes=text)
        assert_clean(edited.title + edited.notes)
    for n, text in enumerate(DIRTY):
        cust = ws.customers.add(f"{text} {n}", industry=text, region=text, notes=text)
        assert_clean(cust.name + cust.industry + cust.region + cust.notes)
        touch = ws.customers.touch(cust.id, text)
        assert_clean(touch.note)
        req = requirements.add(ws, text, customer=text, notes=text)
        assert_clean(req.title + req.customer + req.notes)
        launch = launches.new(ws, f"{text} {n}", clock.today())
        assert_clean(launch.name)
        note = NoteBook(ws).add(text)
        assert_clean(note.text)
    # What is stored on disk is clean too (not only the returned objects).
    assert_clean((tmp_path / "ws" / "items.json").read_text(encoding="utf-8"))


def test_csv_and_taskwarrior_imports_are_cleaned(tmp_path: Path, clock: FrozenClock) -> None:
    ws = Workspace(tmp_path / "ws", clock)
    import_csv(ws, HOSTILE / "customers-escapes.csv", "customers")
    names = sorted(c.name for c in ws.customers.all())
    assert names == ["Acme Telecom", "Evil Bank", "[/b]Bold Corp"]
    for cust in ws.customers.all():
        assert_clean(cust.name + cust.industry + cust.region + cust.notes)
    import_taskwarrior(ws, HOSTILE / "taskwarrior-escapes.json")
    titles = sorted(i.title for i in ws.items())
    assert titles == ["[/red] markup in a task", "taskwarrior title"]
    for item in ws.items():
        assert_clean(item.title + "".join(item.tags) + item.notes.replace("\n", ""))


def test_a_config_with_a_byte_order_mark_reads_and_its_strings_are_cleaned() -> None:
    config = load_config(HOSTILE / "config-bom.toml")
    assert config.language == "en"
    assert config.caldav.url == "https://dav.example/cal/"
    assert config.caldav.username == "pm"
    assert [(r["title_en"], r["title_zh"]) for r in config.routines] == [("Stand-up", "站会")]


# the command line ----------------------------------------------------------------------
@pytest.fixture
def cockpit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    use_cli_env(monkeypatch, tmp_path)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["--data-dir", str(tmp_path / "ws"), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_arguments_are_cleaned_and_nothing_echoes_escapes(cockpit: Run, tmp_path: Path) -> None:
    code, out, _ = cockpit("customers", "add", "\x1b]0;PWNED\x07Ac\u200bme\u200d Bank")
    assert code == 0 and "\x1b" not in out and "Acme Bank" in out
    # A name typed with an invisible character still finds the customer.
    code, out, err = cockpit("add", "\x1b]0;PWNED\x07 title", "--customer", "Acme\u200b Bank")
    assert code == 0, err
    assert out.startswith("Added #1 to 2026-W47 plan: title") and "\x1b" not in out
    stored = json.loads((tmp_path / "ws" / "items.json").read_text(encoding="utf-8"))
    assert [(d["title"], d["customer"]) for d in stored["items"].values()] == [
        ("title", "Acme Bank")
    ]


def test_records_stored_before_sanitising_cannot_drive_the_terminal(
    cockpit: Run, tmp_path: Path
) -> None:
    """Old data (or a hand edit) with raw escapes: every listing and export strips them."""
    assert cockpit("add", "placeholder", "--due", "2026-11-20")[0] == 0
    assert cockpit("customers", "add", "placeholder")[0] == 0
    evil = "\x1b]0;PWNED\x07evil \x1b[2J\x9b31m title"
    for name, table, field in (("items", "items", "title"), ("customers", "customers", "name")):
        path = tmp_path / "ws" / f"{name}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        next(iter(data[table].values()))[field] = evil
        path.write_text(json.dumps(data), encoding="utf-8")
    for args in (
        ("ls",),
        ("ls", "--json"),
        ("customers", "ls"),
        ("customers", "ls", "--json"),
        ("report", "week"),
        ("ical", "export"),
        ("ical", "agenda", "--days", "7"),
    ):
        code, out, err = cockpit(*args)
        assert code == 0, (args, err)
        assert "evil" in out, args
        assert re.search("[\x1b\x07\x9b]", out + err) is None, (args, out)


def test_a_non_utf8_argument_is_one_sentence(cockpit: Run) -> None:
    # How Python hands over the byte 0xff of `cockpit add $'\xff'`: a lone surrogate.
    code, out, err = cockpit("add", "bad \udcff byte")
    assert code == 1 and out == ""
    assert "is not UTF-8 text (it holds the byte \\xff)" in one_line(err)
    code, _, err = cockpit("customers", "add", "\udcc3")
    assert code == 1 and "not UTF-8" in one_line(err)


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[::1", "has a broken host (an IPv6 address needs its closing ])"),
        ("http://example.com:99999/feed", "has a port out of range (99999; ports are 1 to 65535)"),
        ("https://example.com:0/", "has a port out of range (0; ports are 1 to 65535)"),
        ("http:///no-host", "has no host name"),
        ("javascript:alert(1)", "is not an http(s) URL"),
    ],
)
def test_feeds_add_refuses_a_broken_address_in_one_sentence(
    cockpit: Run, url: str, problem: str
) -> None:
    code, out, err = cockpit("feeds", "add", url)
    assert code == 1 and out == ""
    assert one_line(err) == f"cockpit: {url!r} {problem}."
    assert link_problem(url) == problem and safe_link(url) is None
