"""cockpit: a keyboard-driven terminal cockpit for a product manager.

Importing this package must stay cheap and side-effect free: the CLI's `add` runs in
well under 150 ms only because nothing here imports textual or touches the filesystem.
"""

__version__ = "0.1.0"
