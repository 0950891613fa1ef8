"""`ctrl+e`: a form's multi-line field in the user's own editor, read back into the field.

As git and taskwarrior do: `$VISUAL`, else `$EDITOR` (`$VISUAL` is passed over on a dumb
terminal, as git does), else the first of `editor` (Debian's alternative), `nano` and
`vi` found on PATH. The command is split the way a shell splits words (`shlex`:
`code -w`, `emacsclient -t`, a quoted path with spaces) and the file is appended as one
more argument; it is never run through a shell.

The text goes to a private temporary file (0600); the TUI hands the terminal over
(`App.suspend`) while the editor runs and takes it back afterwards. What the editor saved
goes back into the field only, never into the workspace: the form's own save stores it,
as a change of what the form showed when it opened (a record changed meanwhile is merged
field by field, or refused, as with any form). An editor that fails (not found, a status
other than 0) or a file that cannot be read back (gone, not UTF-8, too big) leaves the
field as it was, and one notification says why.

cockpit ignores SIGINT and SIGQUIT while the editor runs (git does the same): the
terminal is in its normal mode then, and a ctrl+c meant for the editor would otherwise
end the app underneath it.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from textual.app import App, SuspendNotSupported
from textual.widgets import TextArea

from cockpit.core.i18n import t
from cockpit.core.text import clean_block, clean_line
from cockpit.screens.safe import say

DEFAULTS = ("editor", "nano", "vi")
"""Tried in this order when neither variable names an editor (Debian's sensible-editor)."""
MAX_BYTES = 1_000_000  # read back at most this much: notes, not a data file
QUICK_SECONDS = 1.0  # an editor back this fast without a change did not wait for the user


class EditorProblem(Exception):
    """Why the field keeps its text: one sentence in the UI language."""


def editor_command(
    environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
) -> list[str]:
    """The editor to run, as an argv the file name is appended to.

    Raises:
        EditorProblem: a variable that shlex cannot split (an unclosed quote), or no
            variable set and none of `DEFAULTS` installed.
    """
    for var in ("VISUAL", "EDITOR"):
        if var == "VISUAL" and environ.get("TERM") == "dumb":
            continue  # a full-screen editor cannot run there (git's rule)
        value = environ.get(var, "").strip()
        if not value:
            continue
        try:
            argv = shlex.split(value)
        except ValueError as exc:
            raise EditorProblem(
                t("editor.bad_command", var=var, value=clean_line(value), problem=str(exc))
            ) from None
        if argv and argv[0]:
            return argv
    for name in DEFAULTS:
        found = which(name)
        if found:
            return [found]
    raise EditorProblem(t("editor.none", tried=", ".join(DEFAULTS)))


def write_draft(text: str) -> Path:
    """`text` in a new private temporary file (ending with a line break, as editors
    write files); the caller removes it.

    Raises:
        EditorProblem: the file could not be made or written.
    """
    try:
        fd, name = tempfile.mkstemp(prefix="cockpit-", suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as draft:
            draft.write(text if not text or text.endswith("\n") else text + "\n")
    except OSError as exc:
        raise EditorProblem(t("editor.no_draft", problem=exc.strerror or str(exc))) from None
    return Path(name)


def read_draft(path: Path) -> str:
    """The text the editor left in `path`, cleaned as the field's text is when saved
    (escape sequences and controls out, CR LF as LF, the ends stripped).

    Raises:
        EditorProblem: gone or unreadable, over `MAX_BYTES`, or not UTF-8.
    """
    try:
        with path.open("rb") as draft:
            raw = draft.read(MAX_BYTES + 1)
    except OSError as exc:
        problem = exc.strerror or str(exc)
        raise EditorProblem(t("editor.unreadable", path=str(path), problem=problem)) from None
    if len(raw) > MAX_BYTES:
        raise EditorProblem(t("editor.too_big", n=MAX_BYTES // 1000))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EditorProblem(t("editor.not_utf8", at=exc.start)) from None
    return clean_block(text)


def run_editor(app: App[Any], argv: list[str]) -> int:
    """Run `argv` with the terminal handed over to it; its exit status.

    Headless (`run_test`, the Pilot tests) there is no terminal to hand over: the editor
    runs without one, its input from /dev/null (a script edits; an interactive editor
    would see no terminal and fail, which the caller reports like any failure).

    Raises:
        EditorProblem: the program could not be started.
        SuspendNotSupported: this environment cannot give the terminal away.
    """
    if app.is_headless:
        return _wait(argv, stdin=subprocess.DEVNULL)
    with app.suspend():
        return _wait(argv)


def _wait(argv: list[str], **options: Any) -> int:
    name = Path(argv[0]).name
    with _interrupts_ignored():
        try:
            process = subprocess.Popen(argv, **options)
        except OSError as exc:
            problem = exc.strerror or str(exc)
            raise EditorProblem(t("editor.cannot_start", name=name, problem=problem)) from None
        return process.wait()


def _ignore(_signum: int, _frame: object) -> None:
    """A handler that does nothing (the wait for the editor simply goes on)."""


@contextlib.contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """SIGINT and SIGQUIT do nothing to cockpit here, from before the editor starts.

    A handler that does nothing, not SIG_IGN: an ignored signal stays ignored in the
    program started (ctrl+c could not stop an editor then), a handled one is reset to
    its default there. Set before the start, so a signal that comes at once is covered
    (git ignores them only once its editor runs).
    """
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may change signal handlers
        return
    saved = {sig: signal.signal(sig, _ignore) for sig in (signal.SIGINT, signal.SIGQUIT)}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)


def edit_in_editor(area: TextArea) -> bool:
    """Open `area`'s text in the user's editor and put what was saved there back in it
    (one undoable edit of the field: ctrl+z takes it back). True when the text changed.

    Every failure leaves the field as it was and says why in one notification.
    """
    app = area.app
    before = area.text
    try:
        argv = editor_command(os.environ)
        name = Path(argv[0]).name
        path = write_draft(before)
        try:
            started = time.monotonic()
            try:
                status = run_editor(app, [*argv, str(path)])
            except SuspendNotSupported:
                raise EditorProblem(t("editor.no_terminal")) from None
            took = time.monotonic() - started
            if status != 0:
                raise EditorProblem(t("editor.failed", name=name, status=status))
            after = read_draft(path)
        finally:
            with contextlib.suppress(OSError):
                path.unlink()
    except EditorProblem as exc:
        say(area, str(exc), severity="error", timeout=10)
        return False
    if after == clean_block(before):
        quick = took < QUICK_SECONDS
        say(area, t("editor.quick" if quick else "editor.unchanged", name=name), timeout=6)
        return False
    area.replace(after, (0, 0), area.document.end)
    area.move_cursor(area.document.end)
    say(area, t("editor.read", name=name), timeout=4)
    return True
