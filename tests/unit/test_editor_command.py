"""Which editor `ctrl+e` runs and how its file is written and read back
(`cockpit.screens.editor`): the pure parts, without a terminal."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cockpit.core import i18n
from cockpit.screens.editor import (
    MAX_BYTES,
    EditorProblem,
    editor_command,
    read_draft,
    write_draft,
)


def nothing_installed(_name: str) -> str | None:
    return None


@pytest.mark.parametrize(
    ("environ", "argv"),
    [
        ({"VISUAL": "code -w", "EDITOR": "vi"}, ["code", "-w"]),
        ({"VISUAL": "  ", "EDITOR": "emacsclient -t"}, ["emacsclient", "-t"]),
        ({"EDITOR": "'/opt/My Editor/bin/ed' --wait"}, ["/opt/My Editor/bin/ed", "--wait"]),
        # git passes $VISUAL over on a dumb terminal
        ({"VISUAL": "code -w", "EDITOR": "nano", "TERM": "dumb"}, ["nano"]),
        ({"EDITOR": '""'}, ["/usr/bin/vi"]),  # splits to nothing: the default
    ],
)
def test_visual_then_editor_split_like_a_shell(environ: dict[str, str], argv: list[str]) -> None:
    def which(name: str) -> str | None:
        return "/usr/bin/vi" if name == "vi" else None

    assert editor_command(environ, which) == argv


def test_the_default_is_the_first_installed_of_editor_nano_vi() -> None:
    installed = {"nano": "/bin/nano", "vi": "/bin/vi"}
    assert editor_command({}, installed.get) == ["/bin/nano"]
    assert editor_command({}, {"editor": "/usr/bin/editor", **installed}.get) == ["/usr/bin/editor"]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "No editor to open: set $VISUAL or $EDITOR (for example EDITOR=nano); none of "
            "editor, nano, vi is installed.",
        ),
        (
            "zh",
            "没有可用的编辑器：请设置 $VISUAL 或 $EDITOR（例如 EDITOR=nano）；"
            "editor, nano, vi 都未安装。",
        ),
    ],
)
def test_no_editor_at_all_is_one_sentence(lang: str, sentence: str) -> None:
    i18n.set_language(lang)
    with pytest.raises(EditorProblem) as caught:
        editor_command({}, nothing_installed)
    assert str(caught.value) == sentence


def test_an_unsplittable_command_is_refused_naming_the_variable() -> None:
    with pytest.raises(EditorProblem) as caught:
        editor_command({"VISUAL": "vim '\x1b[31mx"}, nothing_installed)
    # the value shown without its escape sequence
    assert str(caught.value) == (
        "$VISUAL cannot be read as a command (vim 'x: No closing quotation); "
        "the field keeps its text."
    )


def test_the_draft_is_private_and_ends_with_a_line_break(tmp_path: Path) -> None:
    path = write_draft("first\n第二行")
    try:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes() == "first\n第二行\n".encode()
        assert path.name.startswith("cockpit-") and path.suffix == ".txt"
    finally:
        path.unlink()
    empty = write_draft("")
    try:
        assert empty.read_bytes() == b""
    finally:
        empty.unlink()


def test_what_is_read_back_is_cleaned_as_a_saved_note_is(tmp_path: Path) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes("\ufefffirst\r\nsecond \x1b]0;owned\x07line\r\n\r\n\r\n\r\nlast\n\n".encode())
    assert read_draft(draft) == "first\nsecond line\n\nlast"


@pytest.mark.parametrize(
    ("content", "sentence"),
    [
        (b"ok \xff", "The editor's file is not UTF-8 text (byte 3); the field keeps its text."),
        (
            b"x" * (MAX_BYTES + 1),
            "The editor's file is over 1000 KB; the field keeps its text.",
        ),
    ],
)
def test_a_draft_that_cannot_be_a_note_is_refused(
    tmp_path: Path, content: bytes, sentence: str
) -> None:
    draft = tmp_path / "d.txt"
    draft.write_bytes(content)
    with pytest.raises(EditorProblem) as caught:
        read_draft(draft)
    assert str(caught.value) == sentence


def test_a_draft_the_editor_removed_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EditorProblem) as caught:
        read_draft(tmp_path / "gone.txt")
    assert str(caught.value).startswith("The editor's file ")
    assert "could not be read back (No such file or directory)" in str(caught.value)
