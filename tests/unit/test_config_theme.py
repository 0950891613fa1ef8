"""`[ui] theme` is written into the user's own config file: only that line changes
(added under `[ui]`, or the table added at the end), comments, blank lines, order,
line endings and a byte-order mark stay; a form it does not edit is refused with
nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from cockpit.core.config import load_config
from cockpit.core.errors import ConfigError
from cockpit.core.settings.theme_file import save_theme

KEPT = (
    '# mine\nlanguage = "zh"  # 中文\n\n[ui]\nbrowser = "firefox"  # links\n\n[keys]\ndone = "z"\n'
)


def test_the_theme_line_is_added_under_ui_and_nothing_else_moves(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(KEPT, encoding="utf-8")
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == KEPT.replace("[ui]\n", '[ui]\ntheme = "nord"\n')
    assert load_config(path).ui.theme == "nord"


def test_an_existing_theme_is_replaced_in_place_with_its_comment(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    text = KEPT.replace("[ui]\n", "[ui]\ntheme = 'gruvbox'   # was\n")
    path.write_text(text, encoding="utf-8")
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == text.replace("'gruvbox'", '"nord"')


def test_a_file_without_ui_gets_the_table_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "en"\n[feeds]\ntimeout = 5', encoding="utf-8")  # no final newline
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == (
        'language = "en"\n[feeds]\ntimeout = 5\n\n[ui]\ntheme = "nord"\n'
    )
    assert load_config(path).feeds.timeout == 5


def test_a_missing_file_is_created_with_only_the_theme(tmp_path: Path) -> None:
    path = tmp_path / "cockpit" / "config.toml"
    save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == '[ui]\ntheme = "nord"\n'
    assert path.stat().st_mode & 0o777 == 0o600


def test_line_endings_and_a_byte_order_mark_stay(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'\xef\xbb\xbf# Notepad\r\n[ui]\r\nbrowser = "x"\r\n')
    save_theme(path, "nord")
    assert (
        path.read_bytes() == b'\xef\xbb\xbf# Notepad\r\n[ui]\r\ntheme = "nord"\r\nbrowser = "x"\r\n'
    )


@pytest.mark.parametrize(
    "text",
    [
        'ui = { browser = "x" }\n',  # an inline table
        'ui.theme = "gruvbox"\n',  # dotted keys
        '[ui]\ntheme = """gruvbox"""\n',  # a multi-line string
    ],
)
def test_a_form_it_does_not_edit_is_refused_and_left_alone(tmp_path: Path, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        save_theme(path, "nord")
    assert 'theme = "nord"' in str(caught.value) and str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == text


def test_a_broken_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[ui\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        save_theme(path, "nord")
    assert path.read_text(encoding="utf-8") == "[ui\n"
