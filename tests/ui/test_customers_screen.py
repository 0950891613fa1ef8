"""Pilot tests of the customers screen on real workspace files: every change is checked
through a fresh Workspace, as the CLI (or the weekly report) would read it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Label, Static

from cockpit.app import CockpitApp, make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.i18n import CATALOG
from cockpit.items.workspace import Workspace
from cockpit.screens.customers import table as customer_table
from cockpit.screens.customers.forms import ChurnForm, CustomerForm, ItemPicker, TouchForm
from cockpit.screens.customers.screen import CUSTOMER_IDS, CUSTOMERS, CustomersScreen
from cockpit.screens.widgets.panels import Panel
from tests.ui.helpers import settle
from tests.ui.render import until

SIZE = (120, 40)


def customers_workspace(root: Path, clock: FrozenClock, language: str = "en") -> Workspace:
    """Four customers at four stages, with touches and linked items."""
    ws = Workspace(root, clock, Config(language=language))
    b = ws.customers
    b.add("招商银行", tier="top", industry="金融", region="深圳", source="direct", owner="王磊",
          stage="opportunity", deal_value=3_200_000)  # fmt: skip
    b.add("Acme Telecom", tier="key", industry="telecom", region="EU", source="partner",
          owner="Dana", next_followup=dt.date(2026, 11, 17))  # fmt: skip
    b.add("蓝鲸支付", tier="key", industry="金融", region="华东", source="sales", owner="李娜")
    b.mark_churn_risk("蓝鲸支付", "竞品报价低 30%")
    b.add("Globex", industry="retail", region="EU", stage="lead", deal_value=50_000)
    b.touch("招商银行", "PG 17 升级方案评审", channel="visit", day=dt.date(2026, 11, 2))
    b.touch("招商银行", "Sent failover slots notes", channel="mail", day=dt.date(2026, 10, 20))
    b.touch("蓝鲸支付", "续约条款", day=dt.date(2026, 11, 16), next_followup=dt.date(2026, 11, 27))
    ws.add("PG 17 升级评审", customer="招商银行")
    ws.add("Draft failover PRD")
    ws.add("Plan the Q1 roadmap", week="2026-W48")
    ws.undo_stack.clear()
    return ws


def app_on(tmp_path: Path, clock: FrozenClock, language: str = "en") -> CockpitApp:
    i18n.set_language(language)
    return make_app(customers_workspace(tmp_path / "ws", clock, language), watch=False, fetch=False)


async def open_customers(pilot: Pilot[None]) -> CustomersScreen:
    screen = CustomersScreen()
    pilot.app.push_screen(screen)
    await until(pilot, lambda: pilot.app.screen is screen and _shows_rows(screen))
    return screen


def _shows_rows(screen: CustomersScreen) -> bool:
    try:
        return bool(screen.table.refs)
    except NoMatches:  # not composed yet
        return False


async def opened(pilot: Pilot[None], kind: type[object]) -> None:
    """Wait for the form (or picker) a key opens: a loaded machine takes a while."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind))


def fresh(tmp_path: Path, clock: FrozenClock) -> Workspace:
    return Workspace(tmp_path / "ws", clock)


def names(screen: CustomersScreen) -> list[str]:
    return [screen.customers[ref].name for ref in screen.table.refs]


def shown(widget: Static) -> str:
    """What a Static shows, as plain text (its content may be a table)."""
    console = Console(width=200, file=io.StringIO(), record=True, color_system=None)
    console.print(widget.content)
    return console.export_text()


def status(screen: CustomersScreen) -> str:
    return shown(screen.query_one("#cust-status", Static))


async def type_text(pilot: Pilot[None], text: str) -> None:
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_table_detail_and_due_marks(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        # Due first, with the daily screen's rule: Acme's follow-up was yesterday and
        # 招商银行 is a top customer untouched for 16 days (over the 14 of the config).
        assert names(screen) == ["招商银行", "Acme Telecom", "Globex", "蓝鲸支付"]
        first, second, third = (r.title for r in screen.table.rows_data[:3])
        assert first.plain.startswith("● 招商银行") and "opportunity" in first.plain
        assert "3.2M" in first.plain and "2 weeks ago" in first.plain
        assert second.plain.startswith("● Acme Telecom") and "yesterday" in second.plain
        assert third.plain.startswith("  Globex") and "never" in third.plain
        head = shown(screen.query_one("#cust-head", Static))
        for column in ("Name", "Tier", "Stage", "Deal", "Industry", "Region", "Source",
                       "Sales", "Last touch", "Follow-up"):  # fmt: skip
            assert column in head
        card = shown(screen.query_one("#cust-card", Static))
        assert "opportunity since 11-18" in card and "3,200,000" in card
        assert "top · 金融 · 深圳" in card and "王磊 · direct" in card
        assert "due: top customer, no touch for 16 days" in card  # why it is due
        touches = screen.query_one("#cust-touches", Panel).rows_data
        assert [r.title.plain for r in touches] == [
            "11-02 visit PG 17 升级方案评审",
            "10-20 mail Sent failover slots notes",
        ]
        items = screen.query_one("#cust-items", Panel).rows_data
        assert [r.title.plain for r in items] == ["PG 17 升级评审"]
        await pilot.press("G")
        card = shown(screen.query_one("#cust-card", Static))
        assert "churn risk" in card and "竞品报价低 30%" in card
        assert "s sort: due first ↑" in status(screen)
        await pilot.press("escape")
        assert not isinstance(app.screen, CustomersScreen)


async def test_sort_and_filter_keys(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("s")  # name
        # By pinyin, as a Chinese contact list: 蓝鲸 (lanjing) before 招商 (zhaoshang).
        assert names(screen) == ["Acme Telecom", "Globex", "蓝鲸支付", "招商银行"]
        assert "sort: Name ↑" in status(screen)
        await pilot.press("S")
        assert names(screen) == ["招商银行", "蓝鲸支付", "Globex", "Acme Telecom"]
        await pilot.press("s", "s", "s")  # tier, stage, then deal: biggest first
        assert names(screen)[:2] == ["招商银行", "Globex"]
        assert "sort: Deal ↓" in status(screen)
        await pilot.press("s", "s", "s", "s", "s")  # ... last touch: oldest first, never last
        assert names(screen) == ["招商银行", "蓝鲸支付", "Acme Telecom", "Globex"]

        await pilot.press("1")  # tier: top
        assert names(screen) == ["招商银行"]
        assert "1 Tier: top" in status(screen) and "0 clear" in status(screen)
        assert screen.query_one("#cust-main").border_title == "Customers (1 of 4)"
        await pilot.press("1")  # tier: key
        assert set(names(screen)) == {"Acme Telecom", "蓝鲸支付"}
        # and industry, the values sorted by pinyin: 金融 (jinrong), retail, telecom
        await pilot.press("2")
        assert names(screen) == ["蓝鲸支付"]
        await pilot.press("2")
        assert names(screen) == []
        await pilot.press("2")
        assert names(screen) == ["Acme Telecom"]
        await pilot.press("0")
        assert len(names(screen)) == 4
        await pilot.press("4", "4")  # stage: lead, then opportunity
        assert names(screen) == ["招商银行"]
        await pilot.press("3", "3")  # and region: EU, then 华东
        assert "3 Region: 华东" in status(screen) and names(screen) == []


async def test_add_a_customer_through_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, CustomerForm)
        await type_text(pilot, "Initech")
        await pilot.press("tab", "tab", "tab")  # tier, stage, deal value
        await type_text(pilot, "120w")
        await pilot.press("tab")
        await type_text(pilot, "software")
        await pilot.press("enter")
        await settle(pilot)
        cust = fresh(tmp_path, clock).customers.find("Initech")
        assert (cust.deal_value, cust.industry, cust.stage) == (1_200_000, "software", "customer")
        assert screen.current() is not None and screen.current().name == "Initech"  # type: ignore[union-attr]

        await pilot.press("a")
        await type_text(pilot, "globex")
        await pilot.press("enter")
        await settle(pilot)
        # The book refused it: the form stays open and says why, nothing is saved.
        assert isinstance(app.screen, CustomerForm)
        assert "already exists" in str(app.screen.query_one(".form-error", Label).content)
        assert len(fresh(tmp_path, clock).customers.all()) == 5
        await pilot.press("escape")
        assert isinstance(app.screen, CustomersScreen)


async def test_edit_renames_and_linked_items_follow(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_customers(pilot)
        await pilot.press("e")
        await opened(pilot, CustomerForm)
        form = app.screen
        assert isinstance(form, CustomerForm)
        await pilot.press("end")
        await type_text(pilot, " HQ")
        form.query_one("#cust-deal").value = "4.5M"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        ws = fresh(tmp_path, clock)
        cust = ws.customers.find("招商银行 HQ")
        assert (cust.deal_value, cust.stage, cust.tier) == (4_500_000, "opportunity", "top")
        assert [i.title for i in ws.customers.linked_items("招商银行 HQ")] == ["PG 17 升级评审"]


async def test_form_refusals_show_inside_the_form(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_customers(pilot)
        await pilot.press("e")
        await opened(pilot, CustomerForm)
        app.screen.query_one("#cust-deal").value = "lots"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CustomerForm)
        error = str(app.screen.query_one(".form-error", Label).content)
        assert "deal value must be a number" in error
        assert app.screen.focused is app.screen.query_one("#cust-deal")


async def test_log_a_touch_with_the_next_followup(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("j", "t")  # Acme Telecom, due yesterday
        await opened(pilot, TouchForm)
        assert isinstance(app.screen, TouchForm)
        await type_text(pilot, "HA design review")
        await pilot.press("tab")
        await type_text(pilot, "+7")
        await pilot.press("enter")
        await settle(pilot)
        ws = fresh(tmp_path, clock)
        acme = ws.customers.find("Acme Telecom")
        assert (acme.last_touch, acme.next_followup) == ("2026-11-18", "2026-11-25")
        (touch,) = ws.customers.touch_log()[acme.id]
        assert (touch.channel, touch.note) == ("call", "HA design review")
        assert names(screen)[0] == "招商银行" and "Acme Telecom" not in names(screen)[:1]
        assert screen.current() is not None and screen.current().name == "Acme Telecom"  # type: ignore[union-attr]
        rows = screen.query_one("#cust-touches", Panel).rows_data
        assert rows[0].title.plain == "11-18 call HA design review"

        await pilot.press("u")
        await settle(pilot)
        acme = fresh(tmp_path, clock).customers.find("Acme Telecom")
        assert (acme.last_touch, acme.next_followup) == (None, "2026-11-17")
        assert fresh(tmp_path, clock).customers.touch_log().get(acme.id) is None


async def test_link_an_item_with_the_picker(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("j", "l")  # Acme Telecom
        await opened(pilot, ItemPicker)
        picker = app.screen
        assert isinstance(picker, ItemPicker)
        titles = [picker.by_id[ref].title for ref in picker.shown]
        assert titles == ["PG 17 升级评审", "Draft failover PRD", "Plan the Q1 roadmap"]
        await type_text(pilot, "failvoer")  # a typo still finds it
        assert picker.by_id[picker.shown[0]].title == "Draft failover PRD"
        await pilot.press("enter")
        await settle(pilot)
        ws = fresh(tmp_path, clock)
        assert [i.title for i in ws.customers.linked_items("acme telecom")] == [
            "Draft failover PRD"
        ]
        rows = screen.query_one("#cust-items", Panel).rows_data
        assert [r.title.plain for r in rows] == ["Draft failover PRD"]
        await pilot.press("u")
        await settle(pilot)
        assert fresh(tmp_path, clock).customers.linked_items("Acme Telecom") == []


async def test_mark_churn_risk_needs_a_reason(tmp_path: Path, clock: FrozenClock) -> None:
    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("c")
        await opened(pilot, ChurnForm)
        assert isinstance(app.screen, ChurnForm)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChurnForm)
        assert "Say why" in str(app.screen.query_one(".form-error", Label).content)
        await type_text(pilot, "budget cut")
        await pilot.press("enter")
        await settle(pilot)
        cust = fresh(tmp_path, clock).customers.find("招商银行")
        assert (cust.stage, cust.churn_reason, cust.stage_since) == (
            "churn-risk",
            "budget cut",
            "2026-11-18",
        )
        assert "churn risk" in screen.table.rows_data[0].title.plain


async def test_find_jumps_and_clears_a_hiding_filter(tmp_path: Path, clock: FrozenClock) -> None:
    from cockpit.screens.dialogs.finder import FinderScreen

    app = app_on(tmp_path, clock)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        await pilot.press("1")  # top only: Globex is hidden
        await pilot.press("slash")
        assert isinstance(app.screen, FinderScreen)
        await type_text(pilot, "globx")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.filters == {}
        assert screen.current() is not None and screen.current().name == "Globex"  # type: ignore[union-attr]


async def test_outside_changes_and_an_empty_book(tmp_path: Path, clock: FrozenClock) -> None:
    i18n.set_language("en")
    app = make_app(Workspace(tmp_path / "ws", clock), watch=False, fetch=False)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_customers(pilot)
        assert screen.table.row_count == 0 and screen.table.empty_key == "customers.empty"
        await pilot.press("e", "t", "l", "c")  # nothing to act on: said, not crashed
        assert isinstance(app.screen, CustomersScreen)
        Workspace(tmp_path / "ws", clock).customers.add("From the CLI", tier="top")
        app.check_outside_changes()
        await pilot.pause()
        assert names(screen) == ["From the CLI"]


def test_every_binding_has_an_id_and_a_label() -> None:
    for binding in CUSTOMERS:
        assert isinstance(binding, Binding) and binding.id
        assert binding.description in CATALOG
    assert {"customers_add", "customers_touch", "customers_link", "customers_churn"} <= (
        CUSTOMER_IDS
    )


async def test_help_lists_the_keys(
    tmp_path: Path, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cockpit.screens.dialogs import help as help_screen

    ours = help_screen.cockpit_ids()
    monkeypatch.setattr(help_screen, "cockpit_ids", lambda: ours | CUSTOMER_IDS)
    app = app_on(tmp_path, clock, "zh")
    async with app.run_test(size=SIZE) as pilot:
        await open_customers(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, help_screen.HelpScreen)
        rows = {row.label: row.keys for row in app.screen.rows}
        assert rows["关联事项"] == "l" and rows["流失风险"] == "c" and rows["记录联系"] == "t"


def test_narrow_layout_keeps_the_name_readable() -> None:
    rows = [
        {"name": "青禾省大数据局", "tier": "normal", "stage": "opportunity", "deal": "3.2M",
         "industry": "government", "region": "EU (Frankfurt)", "source": "partner",
         "owner": "Kenji Mori", "last": "2 weeks ago", "next": "in 12 days"}
    ]  # fmt: skip
    wide_name, wide = customer_table.layout(113, rows)
    narrow_name, narrow = customer_table.layout(73, rows)
    assert len(wide) == len(customer_table.COLUMNS)
    assert {c.key for c, _w in narrow} == {"tier", "stage", "deal", "last", "next"}
    assert narrow_name >= customer_table.NAME_MIN and wide_name >= customer_table.NAME_MIN


def test_status_line_fits_80_columns() -> None:
    wide = customer_table.status_line("due", False, {"industry": "finance"}, 200).plain
    narrow = customer_table.status_line("due", False, {"industry": "finance"}, 77).plain
    assert (
        wide == "s sort: due first ↑ │ 1 Tier · 2 Industry: finance · 3 Region · 4 Stage"
        " · 5 Source · 0 clear"
    )
    assert narrow == "s sort: due first ↑ │ 2 Industry: finance · 0 clear"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_customers_screen_snapshot(
    snap_compare: Any, tmp_path: Path, clock: FrozenClock, language: str
) -> None:
    app = app_on(tmp_path, clock, language)

    async def open_it(pilot: Pilot[None]) -> None:
        await open_customers(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)
