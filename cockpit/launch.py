"""Starting the TUI (imports textual only here)."""

from __future__ import annotations

import shutil
from argparse import Namespace
from pathlib import Path


def start_tui(args: Namespace) -> int:
    """Open the workspace (or a fresh demo copy) and run the app until quit."""
    from cockpit.context import load_settings, make_clock, open_workspace

    demo_root: Path | None = None
    if args.demo:
        from cockpit.demo import make_demo_workspace

        config = load_settings(args)
        ws = make_demo_workspace(make_clock(config), config)
        demo_root = ws.root
    else:
        ws = open_workspace(args)
        ws.files.check("items", "customers", "entries", "entry_state")
    from cockpit.app import make_app

    try:
        make_app(ws).run()
    finally:
        if demo_root is not None:
            shutil.rmtree(demo_root, ignore_errors=True)
    return 0
