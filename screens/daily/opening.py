"""Opening the other screens from the daily screen, and showing a finder hit there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cockpit.screens.daily.rows import ITEM_PANELS
from cockpit.screens.safe import say
from cockpit.screens.widgets.panels import Panel

if TYPE_CHECKING:
    from textual.screen import Screen

    from cockpit.find.records import Hit
    from cockpit.screens.daily.screen import DailyScreen


def _make(name: str) -> Screen[None]:
    # Imported on demand: the daily screen's first paint should not pay for them.
    if name == "reading":
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.reading.screen import ReadingScreen

        return ReadingScreen()
    if name == "review":
        from cockpit.screens.dialogs.review import ReviewScreen

        return ReviewScreen()
    if name == "report":
        from cockpit.screens.report.screen import ReportScreen

        return ReportScreen()
    if name == "customers":
        from cockpit.screens.customers.screen import CustomersScreen

        return CustomersScreen()
    if name == "routines":
        from cockpit.screens.calendar.routines import RoutinesScreen

        return RoutinesScreen()
    if name == "metrics":
        from cockpit.screens.planning.metrics import MetricsScreen

        return MetricsScreen()
    if name == "requirements":
        from cockpit.screens.planning.requirements import RequirementsScreen

        return RequirementsScreen()
    if name == "history":
        from cockpit.screens.dialogs.history import HistoryScreen

        return HistoryScreen()
    if name == "goals":
        from cockpit.screens.goals.screen import GoalsScreen

        return GoalsScreen()
    if name == "roadmap":
        from cockpit.screens.goals.roadmap import RoadmapScreen

        return RoadmapScreen()
    from cockpit.screens.planning.launches import LaunchesScreen

    return LaunchesScreen()


# Screens kept installed between visits: opening one again shows it as it was left
# (a pop, then a push of the same widgets) and it redraws only what changed meanwhile,
# instead of composing and filling every widget anew on each visit.
KEPT = frozenset({"metrics"})


def push(daily: DailyScreen, name: str) -> Screen[None]:
    """Open screen `name` on top of the daily screen; the daily screen redraws after."""
    app = daily.app
    if name in KEPT:
        if not app.is_screen_installed(name):
            app.install_screen(_make(name), name)
        screen = app.get_screen(name)
    else:
        screen = _make(name)
    app.push_screen(screen, lambda _r: daily.reload())
    return screen


def open_view(daily: DailyScreen, view: str, select: int | None = None) -> None:
    """A screen in a given view: `requirements:risk` (the pool sorted by risk, the
    cursor on `select`) or `customers:deals` (the big deals)."""
    # Imported on first use, for start-up time: the screen opens without it.
    from cockpit.screens.customers.screen import CustomersScreen
    from cockpit.screens.planning.requirements import RequirementsScreen

    screen: Screen[None]
    if view == "requirements:risk":
        screen = RequirementsScreen(sort="risk", select=select)
    else:
        customers = CustomersScreen()
        customers.view = "deals"
        screen = customers
    daily.app.push_screen(screen, lambda _r: daily.reload())


def show_hit(daily: DailyScreen, hit: Hit) -> None:
    """The finder's pick: its row on the daily screen, else its form or screen."""

    if hit.kind in ("item", "archived"):
        for name in ITEM_PANELS:
            if daily.panel(name).select_ref(hit.ref):
                daily.panel(name).focus()
                return
        # Imported on first use, for start-up time: the screen opens without it.
        from cockpit.screens.dialogs.forms import ItemForm

        try:
            item = daily.ws.get(hit.ref)
        except LookupError:
            return
        if item.is_open:  # planned for a later week: edit it in place
            daily.open_form(ItemForm(daily.ws, item, {}), daily.save_item)
        else:
            say(daily, f"#{item.id} {item.title} · {item.status} · {item.week}")
        return
    if hit.kind in ("requirement", "launch"):
        open_planning(daily, hit)
        return
    target = "customers" if hit.kind == "customer" else "feeds"
    if daily.panel(target).select_ref(hit.ref):
        daily.panel(target).focus()
    else:
        say(daily, f"{hit.text} · {hit.detail}")


def open_planning(daily: DailyScreen, hit: Hit) -> None:
    """A requirement or launch from the finder: its screen, cursor on it."""
    # Imported on first use, for start-up time: the screen opens without it.
    from cockpit.screens.planning.requirements import RequirementsScreen

    if hit.kind == "requirement":
        pool = push(daily, "requirements")
        assert isinstance(pool, RequirementsScreen)

        def show_requirement() -> None:
            pool.filters["status"] = "all"  # closed ones are found too
            pool.reload()
            pool.listing.select_ref(hit.ref)

        daily.call_after_refresh(show_requirement)
        return
    launches = push(daily, "launches")
    daily.call_after_refresh(lambda: launches.query_one("#launch-list", Panel).select_ref(hit.ref))
