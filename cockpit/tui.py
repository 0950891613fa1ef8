"""Starting the TUI (imports textual only here)."""

from __future__ import annotations

import gc
import shutil
from argparse import Namespace
from pathlib import Path

from cockpit.calendar.routines import RoutineBook
from cockpit.items.context import load_settings, make_clock, open_workspace
from cockpit.items.workspace import Workspace


def open_for_tui(args: Namespace) -> tuple[Workspace, Path | None]:
    """The workspace the TUI will show (a fresh demo copy with `--demo`), checked.

    Garbage collection is paused from here to the first frame (`CockpitApp.on_ready`
    resumes it): loading builds tens of thousands of small objects that all stay alive,
    so the collections it would trigger cost start-up time and free nothing.
    """

    gc.disable()
    demo_root: Path | None = None
    if args.demo:
        # Imported on first use, for start-up time.
        from cockpit.demo.build import make_demo_workspace

        config = load_settings(args)
        ws = make_demo_workspace(make_clock(config), config)
        demo_root = ws.root
    else:
        ws = open_workspace(args)
        ws.files.check("items", "customers", "entries", "entry_state", "calendar")
    # Installs the default routines on the very first start, before the UI runs (it is
    # the one write a read would otherwise do on the event loop).
    RoutineBook(ws).all()
    return ws, demo_root


def start_tui(args: Namespace) -> int:
    """Open the workspace (or a fresh demo copy) and run the app until quit."""
    try:
        ws, demo_root = open_for_tui(args)
    finally:
        gc.enable()  # CLI errors must not leave it off; the app pauses it again below
    gc.disable()
    # Imported on first use, for start-up time.
    from cockpit.app import make_app
    from cockpit.doctor.facts import Origin

    origin = Origin(args.config, args.data_dir, demo_root)
    try:
        # A [keys] mistake is refused here (ConfigError), before the terminal changes.
        app = make_app(ws, fetch=demo_root is None, origin=origin)
        app.run()
    finally:
        gc.enable()
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)
    if app.failure is not None:
        raise app.failure  # the CLI prints its sentence and exits with status 3
    return app.return_code or 0
