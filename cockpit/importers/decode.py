"""Reading the bytes of a file to import as text, whichever encoding Excel chose.

Shared by the item/customer CSV importer and the metrics tables importer.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from cockpit.core.errors import ImportFileError


def read_text(path: Path) -> str:
    """The text of a spreadsheet export: UTF-8 (with or without BOM), UTF-16 or GBK.

    Raises:
        ImportFileError: unreadable, or in none of those encodings.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"cannot read {path}: {exc.strerror or exc}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError(f"{path} starts like UTF-16 text but is not") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK.
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    # GB18030 maps almost any byte pair to something; private-use, unassigned or
    # control characters mean the bytes were some other encoding, not Chinese text.
    if text and not any(_odd(ch) for ch in text):
        return text
    raise ImportFileError(f"{path} is neither UTF-8 nor GBK text; save it as CSV UTF-8 and retry")


def _odd(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Co", "Cn") or (category == "Cc" and ch not in "\t\r\n")
