"""Textual screens, widgets and the app's stylesheet (`cockpit.tcss`).

Widgets only display and post intent; screens call the workspace to change data.
"""

from pathlib import Path

STYLESHEET = Path(__file__).with_name("cockpit.tcss")
