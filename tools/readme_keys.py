"""Write the README's table of binding ids from the code (`make readme`).

The table sits between two markers in README.md; `tests/unit/test_readme_keys.py`
fails when it differs from what this writes, so the README cannot drift from the keys.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cockpit.screens.keymap import reference

README = Path(__file__).resolve().parents[1] / "README.md"
START = "<!-- binding ids: written by tools/readme_keys.py (make readme) -->\n"
END = "<!-- end of binding ids -->\n"


def with_reference(text: str) -> str:
    """`text` (the README) with the table between the markers written afresh."""
    head, start, rest = text.partition(START)
    _old, end, tail = rest.partition(END)
    if not start or not end:
        raise SystemExit(f"README.md lacks the markers {START.strip()} ... {END.strip()}")
    return f"{head}{START}{reference()}{END}{tail}"


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = with_reference(text)
    if new != text:
        README.write_text(new, encoding="utf-8")
        print("README.md: binding ids rewritten", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
