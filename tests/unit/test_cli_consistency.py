"""One rule for "key" everywhere, and customer names that match one customer exactly or
are refused naming the candidates; run as real `cockpit` processes (the CLI contract)."""

from __future__ import annotations

import json
from pathlib import Path

from cockpit.report.build import build_report
from tests.unit.report_helpers import parts
from tests.unit.storage_helpers import cli_env, open_ws, run_cockpit


def cli(root: Path, tmp_path: Path, *args: str) -> tuple[int, str, str]:
    proc = run_cockpit(root, *args, env=cli_env(tmp_path))
    return proc.returncode, proc.stdout, proc.stderr


def test_key_is_one_rule_in_ls_json_and_the_report(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    added = cli(root, tmp_path, "add", "flagged with --key", "--key")[1]
    assert added == "Added #1 to 2026-W47 key: flagged with --key\n"  # as ls shows it
    cli(root, tmp_path, "add", "on the key list", "--list", "key")
    cli(root, tmp_path, "add", "plain plan")
    cli(root, tmp_path, "add", "ops work", "--list", "ops", "--key")
    code, out, err = cli(root, tmp_path, "ls", "--list", "key", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert sorted(r["title"] for r in rows) == ["flagged with --key", "on the key list", "ops work"]
    assert all(r["key"] is True for r in rows)
    plan = json.loads(cli(root, tmp_path, "ls", "--list", "plan", "--json")[1])
    assert [r["title"] for r in plan] == ["plain plan"]  # key items show once, under key
    assert json.loads(cli(root, tmp_path, "ls", "--list", "ops", "--json")[1]) == []
    text = cli(root, tmp_path, "ls")[1]
    flagged = next(line for line in text.splitlines() if "flagged with --key" in line)
    assert " ! " in flagged and " key " in flagged
    report = parts(build_report(open_ws(root), "2026-W47", "en"))
    assert report[1] == [  # every key item under Key items, open ones without a status
        "**Key items**",
        "- flagged with --key",
        "- on the key list",
        "- ops work",
    ]


def test_customer_names_must_match_one_customer_exactly(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    assert cli(root, tmp_path, "customers", "add", "Globex 环球")[0] == 0
    assert cli(root, tmp_path, "customers", "add", "Globetrotter Bank")[0] == 0
    before = (root / "customers.json").read_bytes()

    code, out, err = cli(root, tmp_path, "customers", "touch", "Glob", "--note", "call")
    assert (code, out) == (1, "")
    assert err == (
        "cockpit: no customer is named 'Glob'; did you mean Globetrotter Bank, Globex 环球?\n"
    )
    assert (root / "customers.json").read_bytes() == before

    code, out, err = cli(root, tmp_path, "add", "Renewal call", "--customer", "ACME")
    assert (code, out) == (1, "")
    assert err.startswith("cockpit: no customer is named 'ACME' (see `cockpit customers ls`")
    assert len(err.splitlines()) == 1
    assert not (root / "items.json").exists() or "Renewal" not in (root / "items.json").read_text()

    code, out, _ = cli(root, tmp_path, "add", "Renewal call", "--customer", "globex 环球")
    assert code == 0
    assert json.loads(cli(root, tmp_path, "ls", "--json")[1])[0]["customer"] == "Globex 环球"
    code, out, _ = cli(root, tmp_path, "customers", "touch", "GLOBEX 环球", "--note", "call")
    assert (code, out.split(" on ")[0]) == (0, "Logged call with Globex 环球")
    code, _, err = cli(root, tmp_path, "req", "add", "CDC to Kafka", "--customer", "Globe")
    assert code == 1 and "did you mean Globetrotter Bank, Globex 环球?" in err
