"""Writing the user's config file: the one setting cockpit saves there, `[ui] theme`
(the palette's theme switch), changed in place so that every other line, comment and
blank stays as the user wrote it. Reading is `cockpit.core.config`'s.
"""

from __future__ import annotations

import re
from pathlib import Path

from cockpit.core.errors import ConfigError
from cockpit.core.text import clean_text

_TABLE = r"^[ \t]*\[[ \t]*ui[ \t]*\][ \t]*(#.*)?$"
_ANY_TABLE = r"^[ \t]*\["
_THEME = r"""^([ \t]*theme[ \t]*=[ \t]*)("(?:[^"\\\n]|\\.)*"|'[^'\n]*')([ \t]*(#.*)?)$"""


def save_theme(path: Path, name: str) -> None:
    """Set `[ui] theme = "name"` in the config file at `path`, leaving every other line,
    comment and blank as the user wrote it (a missing file is created with only that).

    The file is the user's: the new text is read back and must mean exactly what the old
    one did with only the theme changed, else nothing is written.

    Raises:
        ConfigError: the file cannot be read or parsed, or holds `[ui]` in a form this
            does not edit (an inline table, dotted keys); nothing was written.
        StorageError: it cannot be written (one sentence: which file, what to do).
    """
    # Imported here: only a theme switch writes the config.
    import tomllib

    from cockpit.storage.atomic import atomic_write

    value = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    try:
        raw = path.read_bytes() if path.exists() else b""
        bom = raw.startswith(b"\xef\xbb\xbf")
        old = raw.decode("utf-8-sig")
        before = tomllib.loads(old)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError("err.config.read", path=path, problem=clean_text(str(exc))) from None
    new = _with_theme(old, value)
    wanted = {**before, "ui": {**before.get("ui", {}), "theme": name}}
    try:
        same = tomllib.loads(new) == wanted
    except tomllib.TOMLDecodeError:
        same = False
    if not same:
        raise ConfigError("err.config.theme_not_saved", path=path, name=name)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write(path, (b"\xef\xbb\xbf" if bom else b"") + new.encode("utf-8"))


def _with_theme(text: str, value: str) -> str:
    """`text` with its `[ui]` table's theme line set to `value` (added when missing)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    tables = (n for n, line in enumerate(lines) if re.match(_TABLE, line.rstrip("\r\n")))
    header = next(tables, None)
    if header is None:
        gap = "" if not text or text.endswith(("\n\n", "\r\n\r\n")) else newline
        end = "" if not text or text.endswith("\n") else newline
        return f"{text}{end}{gap}[ui]{newline}theme = {value}{newline}"
    for n in range(header + 1, len(lines)):
        line = lines[n].rstrip("\r\n")
        if re.match(_ANY_TABLE, line):
            break
        if (found := re.match(_THEME, line)) is not None:
            ending = lines[n][len(line) :]
            lines[n] = f"{found.group(1)}{value}{found.group(3)}{ending}"
            return "".join(lines)
    if not lines[header].endswith("\n"):
        lines[header] += newline
    lines.insert(header + 1, f"theme = {value}{newline}")
    return "".join(lines)
