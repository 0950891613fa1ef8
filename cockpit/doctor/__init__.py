"""`cockpit doctor` and the TUI's "about": what cockpit reads, from where and why.

`facts` gathers (reading only, never creating a file), `describe` words the facts in
the user's language; the CLI and the TUI only lay the lines out.
"""
