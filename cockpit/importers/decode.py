"""Reading the bytes of a file to import as text, whichever encoding Excel chose.

Shared by the item/customer CSV importer and the metrics tables importer.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from cockpit.core.errors import ImportFileError
from cockpit.core.i18n import msg


def read_text(path: Path) -> str:
    """The text of a spreadsheet export: UTF-8 (with or without BOM), UTF-16 or GBK,
    the whole file in one of them.

    Raises:
        ImportFileError: unreadable, in none of those encodings, or mixing two (rows
            pasted from a UTF-8 file into a GBK one): the sentence names the first line
            in the other encoding, since importing it would garble one kind of row.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError("err.file.read", path=path, problem=exc.strerror or exc) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFileError("err.decode.utf16", path=path) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    _refuse_mixed(path, data)
    try:
        # Excel on Chinese Windows saves "CSV" in the ANSI code page, GBK.
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    # GB18030 maps almost any byte pair to something; private-use, unassigned or
    # control characters mean the bytes were some other encoding, not Chinese text.
    if text and not any(_odd(ch) for ch in text):
        return text
    raise ImportFileError("err.decode.neither", path=path)


def _refuse_mixed(path: Path, data: bytes) -> None:
    """Raise when some lines are UTF-8 and others are not (the file is not UTF-8).

    Only lines with non-ASCII bytes tell; the first of those sets the file's encoding,
    and the first line that disagrees is named.
    """
    first: tuple[int, bool] | None = None
    for number, line in enumerate(data.split(b"\n"), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8-sig" if number == 1 else "utf-8")
            utf8 = True
        except UnicodeDecodeError:
            utf8 = False
        if first is None:
            first = (number, utf8)
        elif utf8 != first[1]:
            utf, other = msg("err.decode.utf8"), msg("err.decode.other")
            kinds = (utf, other) if first[1] else (other, utf)
            raise ImportFileError(
                "err.decode.mixed", path=path, line=number, kind=kinds[1], first=first[0],
                first_kind=kinds[0],
            )  # fmt: skip


def _odd(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category in ("Co", "Cn") or (category == "Cc" and ch not in "\t\r\n")
