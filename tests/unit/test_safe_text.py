"""No way around `cockpit/screens/safe.py`: every screen module (and the app) is read as
a syntax tree and refused when user text could reach Textual as markup (issue 11, 1).

Textual parses markup in a plain `str` given to `notify`, a border title, `Static`,
`Label`, `DataTable` cells, option prompts and the palette's help. The rules:

- toasts only through `say(...)` (no `.notify(` call outside safe.py);
- a border title or subtitle is always `plain(...)`;
- `Static`, `Label`, `DataTable`, `OptionList`, `Select` come from safe.py (markup off),
  never from `textual.widgets`;
- nothing parses markup on purpose (`from_markup`, `markup=True`);
- a table row or column (Rich's `Table` parses `str` cells as markup) gets `Text`, never
  a formatted string (f-string, `t(...)`, concatenation);
- a palette command's help is `palette_help(...)`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "screens"
SAFE = SCREENS / "safe.py"
UNSAFE_WIDGETS = {"Static", "Label", "DataTable", "OptionList", "Select"}
TABLE_CALLS = {"add_row", "add_column", "add_columns", "add_rows", "update_cell"}


def modules() -> list[Path]:
    found = [p for p in SCREENS.rglob("*.py") if p != SAFE]
    return [*sorted(found), *sorted((ROOT / "cockpit" / "app").glob("*.py"))]


def _is_call_to(node: ast.AST, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    return (isinstance(func, ast.Name) and func.id == name) or (
        isinstance(func, ast.Attribute) and func.attr == name
    )


def _formatted(node: ast.AST) -> bool:
    """A `str` that was built from values: where user text would hide."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _formatted(node.left) or _formatted(node.right) or _stringish(node)
    if isinstance(node, ast.IfExp):
        return _formatted(node.body) or _formatted(node.orelse)
    if _is_call_to(node, "t") or _is_call_to(node, "format") or _is_call_to(node, "join"):
        return True
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "[" in node.value  # a literal is checked as it stands
    return False


def _stringish(node: ast.BinOp) -> bool:
    return any(
        isinstance(side, ast.Constant) and isinstance(side.value, str)
        for side in (node.left, node.right)
    )


def problems(source: str, name: str = "<module>") -> Iterator[str]:
    """Every way around safe.py in `source`, as "file:line what"."""
    tree = ast.parse(source, name)
    for node in ast.walk(tree):
        line = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
            for alias in node.names:
                if alias.name in UNSAFE_WIDGETS:
                    yield f"{line} imports {alias.name} from textual.widgets, not safe.py"
        imports = isinstance(node, ast.ImportFrom) and node.module == "textual"
        if imports and any(alias.name == "widgets" for alias in node.names):  # type: ignore[union-attr]
            yield f"{line} imports textual.widgets whole"
        if isinstance(node, ast.Call):
            func = node.func
            attr = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if attr == "notify":
                yield f"{line} calls notify (use say)"
            if attr == "from_markup":
                yield f"{line} parses markup"
            for kw in node.keywords:
                if kw.arg == "markup" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    yield f"{line} passes markup={ast.unparse(kw.value)}"
            if attr in TABLE_CALLS:
                for arg in node.args:
                    if _formatted(arg):
                        yield f"{line} gives {attr} a formatted str: {ast.unparse(arg)}"
            palette = attr == "SystemCommand" and len(node.args) >= 2
            if palette and not _is_call_to(node.args[1], "palette_help"):
                yield f"{line} palette help is not palette_help(...)"
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr in (
                    "border_title",
                    "border_subtitle",
                ):
                    value = node.value
                    inert = value is None or (
                        isinstance(value, ast.Constant) and value.value in (None, "")
                    )
                    if isinstance(node, ast.AugAssign) or not (
                        inert or _is_call_to(value, "plain")  # type: ignore[arg-type]
                    ):
                        yield f"{line} sets {target.attr} without plain(...)"


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_screen_modules_show_text_only_through_safe(path: Path) -> None:
    found = list(problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))))
    assert not found, "\n".join(found)


def test_every_screen_module_is_checked() -> None:
    checked = {p.relative_to(ROOT).as_posix() for p in modules()}
    assert {"cockpit/app/__init__.py", "cockpit/app/commands.py", "cockpit/app/jobs.py"} <= checked
    assert {"screens/base.py", "screens/daily/screen.py"} <= checked
    assert len(checked) > 30


@pytest.mark.parametrize(
    ("snippet", "reason"),
    [
        ("self.notify(item.title)", "calls notify"),
        ("self.app.notify(t('x', title=name), markup=False)", "calls notify"),
        ("card.border_title = cust.name", "border_title without plain"),
        ("box.border_subtitle = f'{n} new'", "border_subtitle without plain"),
        ("pane.border_title += name", "border_title without plain"),
        ("from textual.widgets import Footer, Static", "imports Static"),
        ("from textual import widgets", "imports textual.widgets whole"),
        ("Label(title, markup=True)", "markup=True"),
        ("Text.from_markup(title)", "parses markup"),
        ("grid.add_row(f'{a}', b)", "formatted str"),
        ("grid.add_row(t('x.y', name=cust.name), b)", "formatted str"),
        ("grid.add_column('[b]keys')", "formatted str"),
        ("SystemCommand('a: b', t('cmd.help'), run)", "palette help"),
    ],
)
def test_the_check_catches_each_way_around(snippet: str, reason: str) -> None:
    found = list(problems(snippet))
    assert found and reason.split()[-1] in found[0], found


def test_the_check_accepts_the_safe_ways() -> None:
    ok = """
from textual.widgets import Footer, Header, Input
from cockpit.screens.safe import DataTable, Label, Static, palette_help, plain, say
say(self, t("note.done", title=item.title))
card.border_title = plain(cust.name)
pane.border_title = None
Label(t("form.title", name=name))
grid.add_row(Text(t("customers.card.stage")), Text(cust.name))
table.add_columns("keys", "action")
SystemCommand(t("cmd.x"), palette_help(t("cmd.x.help")), run)
"""
    assert list(problems(ok)) == []
