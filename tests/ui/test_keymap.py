"""`[keys]` is checked before the TUI starts: an id no binding has, something that is
not a key, and a key two bindings of one screen would share are refused with one
sentence naming both (the README's old `defer = "greater_than_sign,w"` silently took
`w` from Routines); a good remap works, written with a character or its name."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from cockpit.app import make_app
from cockpit.core import i18n
from cockpit.core.clock import FrozenClock
from cockpit.core.config import Config
from cockpit.core.errors import ConfigError
from cockpit.screens.daily.screen import DailyScreen
from cockpit.screens.dialogs.help import HelpScreen, key_table
from cockpit.screens.keymap import binding_ids, check_keymap, scopes
from tests.ui.helpers import settle, small_workspace

REFUSED = [
    (
        {"defer": "greater_than_sign,w"},
        "[keys] gives w to both defer and open_routines on the daily screen",
        "[keys] 让「每日」界面上的 defer 和 open_routines 都用 w 键",
    ),
    (
        {"doen": "z"},
        "[keys] has no binding 'doen' (did you mean 'done'?)",
        "[keys] 中没有编号为 'doen' 的按键（是否指 'done'？）",
    ),
    (
        {"review_done": "x,c"},
        "[keys] gives c to both review_done and review_keep on the review screen",
        "[keys] 让「周一回顾」界面上的 review_done 和 review_keep 都用 c 键",
    ),
    (
        {"add": "b", "done": "b"},
        "[keys] gives b to both done and add on the daily screen",
        "[keys] 让「每日」界面上的 done 和 add 都用 b 键",
    ),
    (
        {"done": "ctrl+p"},
        "[keys] gives ctrl+p to both done and command_palette on the daily screen",
        "[keys] 让「每日」界面上的 done 和 command_palette 都用 ctrl+p 键",
    ),
    (
        {"done": "ctlr+d"},
        "[keys] done: 'ctlr+d' is not a key (write keys as x, G, >, ctrl+d, f5, space)",
        "[keys] done：'ctlr+d' 不是按键（写法如 x、G、>、ctrl+d、f5、space）",
    ),
    (
        {"done": "x,,y"},
        "[keys] done = 'x,,y' has an empty key (keys are separated by commas)",
        "[keys] done = 'x,,y' 中有空按键（按键之间用逗号分隔）",
    ),
]


@pytest.mark.parametrize(("keymap", "en", "zh"), REFUSED, ids=[str(r[0]) for r in REFUSED])
def test_a_bad_remap_is_one_sentence_naming_both(
    keymap: dict[str, str], en: str, zh: str, tmp_path: Path, clock: FrozenClock
) -> None:
    path = tmp_path / "config.toml"
    ws = small_workspace(tmp_path / "ws", clock, Config(keys=keymap, path=path))
    with pytest.raises(ConfigError) as caught:
        make_app(ws, watch=False, fetch=False)
    assert caught.value.render("en") == f"config {path}: {en}"
    assert caught.value.render("zh") == f"配置文件 {path}：{zh}"


def test_the_default_keys_share_no_key_on_any_screen() -> None:
    for scope in scopes():
        keys = [key for bound in scope.bindings for key in bound.keys]
        assert len(keys) == len(set(keys)), scope.area


def test_keys_are_written_as_textual_names_them() -> None:
    assert check_keymap({"defer": ">,z", "find": "/ , ctrl+f"}) == {
        "defer": "greater_than_sign,z",
        "find": "slash,ctrl+f",
    }
    # moving a key away frees it: `w` for defer once Routines has another key
    assert check_keymap({"defer": "w", "open_routines": "Y"}) == {
        "defer": "w",
        "open_routines": "Y",
    }


def test_every_id_is_named_by_a_screen() -> None:
    ids = binding_ids()
    assert {"done", "defer", "review_keep", "reading_star", "command_palette", "form_save"} <= ids
    assert not any(i.startswith("textual:") for i in ids)


async def test_a_remap_works_and_help_shows_it(tmp_path: Path, clock: FrozenClock) -> None:
    ws = small_workspace(tmp_path / "ws", clock, Config(keys={"defer": ">,z"}))
    app = make_app(ws, watch=False, fetch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DailyScreen)
        rows = {row.id: row.keys for row in key_table(app.screen)}
        assert rows["defer"] == "> z"
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("z")  # the first key item: 准备产品周会材料, no due date
        await settle(pilot)
        moved = [i for i in app.ws.items() if i.title == "准备产品周会材料"]
        assert [i.week for i in moved] == ["2026-W48"]


def test_the_sentence_follows_the_language() -> None:
    i18n.set_language("zh")
    with pytest.raises(Exception) as caught:
        check_keymap({"doen": "z"})
    assert str(caught.value) == "[keys] 中没有编号为 'doen' 的按键（是否指 'done'？）"


def test_the_readme_lists_every_binding_id_as_the_code_has_them() -> None:
    """README.md's table is what tools/readme_keys.py writes (run `make readme`)."""
    tool = Path(__file__).resolve().parents[2] / "tools" / "readme_keys.py"
    spec = importlib.util.spec_from_file_location("readme_keys", tool)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.README.read_text(encoding="utf-8")
    assert module.with_reference(text) == text, "README's binding ids differ: run make readme"
    table = text.split(module.START)[1].split(module.END)[0]
    for ident in binding_ids():
        assert f"| `{ident}` |" in table
