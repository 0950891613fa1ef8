"""The header names the screen on top after what reloads every screen: `R` on the
reading screen, and a change made from the command line while the customers screen is
open (the app notices it by itself within a second or two)."""

from __future__ import annotations

from tests.terminal.conftest import StartCockpit


def test_header_survives_refresh_and_outside_changes(cockpit_term: StartCockpit) -> None:
    term = cockpit_term(setup=lambda t: t.cli("customers", "add", "Acme Telecom"))
    assert "2026-W47" in term.grid().line(0)
    term.send("f")
    term.wait_for(lambda g: "Friday reading" in g.line(0))
    term.send("R")  # refresh all: ends by reloading every screen on the stack
    grid = term.wait_for("No feeds to refresh")
    assert "Friday reading" in grid.line(0) and "2026-W47" not in grid.line(0)
    term.send("Escape")
    term.wait_for(lambda g: "2026-W47" in g.line(0))
    term.send("C")
    term.wait_for(lambda g: "Customers" in g.line(0) and "Acme Telecom" in g.text)
    assert term.cli("customers", "add", "星河电信").returncode == 0
    grid = term.wait_for("星河电信", timeout=20)
    assert "Customers" in grid.line(0) and "2026-W47" not in grid.line(0), grid.line(0)
    term.send("Escape")
    term.wait_for(lambda g: "2026-W47" in g.line(0))
    assert term.quit() == 0
