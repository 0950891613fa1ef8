"""Every word the cockpit says has a Chinese form: the label catalog, every refusal the
code can raise, and the families of keys built at run time (vocabulary words, metric
tables and columns, undo steps).

A refusal carries a catalog key and its arguments (`cockpit.core.errors`); this walks
the source of every module for `raise SomeError(...)` of a keyed error class and checks
the key is in the catalog, in both languages, with the arguments its sentences name.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

import cockpit
from cockpit.cli.exits import CliError
from cockpit.core import i18n
from cockpit.core.errors import CockpitError, InvalidError, NotFoundError
from cockpit.core.i18n import CATALOG, Message, msg
from cockpit.core.labels import vocab

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "cockpit", ROOT / "screens", ROOT / "feeds"]
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")

# Labels whose Chinese is rightly the same text as the English: symbols, placeholders,
# names and commands that are not translated (cockpit, CalDAV, P0, `cockpit add`).
SAME_IN_BOTH = re.compile(r"^[\W\d_]*$|^\{\w+\}[ :·]*\{\w+\}$")


def _names(text: str) -> set[str]:
    text = i18n.PLURAL.sub(r"{\1}", text)
    return {f.split("!")[0].split(".")[0] for _, f, _, _ in string.Formatter().parse(text) if f}


def _keyed_classes() -> dict[str, type]:
    """Every error class that takes a catalog key, by name (all modules imported)."""
    for package in ("cockpit",):
        for info in pkgutil.walk_packages(cockpit.__path__, f"{package}."):
            if info.name.startswith(("cockpit.screens", "cockpit.__main__")):
                continue
            importlib.import_module(info.name)
    importlib.import_module("cockpit.screens.dialogs.forms")
    found: dict[str, type] = {}
    todo: list[type] = [CockpitError, CliError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo += cls.__subclasses__()
    return found


def _raise_sites() -> list[tuple[str, int, str, ast.Call]]:
    """(file, line, class name, call) of every `raise Name(...)` in the sources."""
    sites = []
    for folder in SOURCES:
        for path in sorted(folder.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                    func = node.exc.func
                    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                    where = str(path.relative_to(ROOT))
                    sites.append((where, node.lineno, name, node.exc))
    return sites


def test_every_label_has_chinese_that_is_chinese() -> None:
    untranslated = []
    for key, (en, zh) in CATALOG.items():
        assert en and zh, key
        if zh == en and not SAME_IN_BOTH.match(en) and not CJK.search(zh):
            untranslated.append(key)
    # Kept identical on purpose: names, commands and settings a Chinese user reads as is.
    allowed = {
        "meta.customer",  # @name
        "metrics.col.gaap",  # GAAP
        "req.col.kano",  # Kano
        "req.form.kano",
        "req.log.moved",  # {old} → {new}
        "doctor.title",  # cockpit {version}
        "doctor.caldav",
        "doctor.tmux",
        "doctor.ssh",
        "doctor.src.xdg",
        "doctor.config.exists",
        "doctor.data.workspace",
        "doctor.caldav.pw.password_command",
        "doctor.caldav.pw.env",
        "remind.why.off",  # [notify] terminal = off, a setting as written
        "remind.why.set",
        "doctor.problem.config",
        "err.decode.utf8",  # UTF-8
        "report.form.md",  # Markdown
    }
    assert sorted(set(untranslated) - allowed) == []


def test_every_raise_of_a_keyed_error_names_a_key_with_both_languages() -> None:
    classes = _keyed_classes()
    problems = []
    count = 0
    for where, line, name, call in _raise_sites():
        if name not in classes:
            continue
        count += 1
        if not call.args:
            problems.append(f"{where}:{line} {name}() without a key")
            continue
        first = call.args[0]
        if isinstance(first, ast.JoinedStr):
            # f"err.item.already_{status}": a family of keys, each in the catalog.
            parts = [p.value if isinstance(p, ast.Constant) else None for p in first.values]
            if isinstance(parts[0], str) and parts[0].startswith("err."):
                pattern = "".join(re.escape(p) if p is not None else r"[\w.-]+" for p in parts)
                if any(re.fullmatch(pattern, key) for key in CATALOG):
                    continue
            problems.append(f"{where}:{line} {name}(f'…') is a sentence, not a key")
            continue
        if not isinstance(first, ast.Constant):
            continue  # a key passed on (exc.key, a variable): checked where it was made
        key = first.value
        if key not in CATALOG:
            problems.append(f"{where}:{line} {name}({key!r}): not in the catalog")
            continue
        en, zh = CATALOG[key]
        given = {k.arg for k in call.keywords if k.arg}
        needed = _names(en) | _names(zh)
        if any(k.arg is None for k in call.keywords):
            continue  # **fields passed on
        if needed - given:
            problems.append(f"{where}:{line} {key} needs {sorted(needed - given)}")
    assert count > 150  # the walk found the raise sites
    assert problems == []


@pytest.mark.parametrize("kind", sorted(vocab.KINDS))
def test_every_value_of_every_vocabulary_has_both_words(kind: str) -> None:
    for value in vocab.KINDS[kind].values:
        word = vocab.word(kind, value)
        assert word.key in CATALOG, (kind, value)
        assert CJK.search(word.render("zh")), (kind, value)
    assert f"field.{kind}" in CATALOG


def test_families_of_keys_built_at_run_time_are_complete() -> None:
    from cockpit.metrics.specs import TABLES

    for table in TABLES.values():
        assert f"metrics.table.{table.name}" in CATALOG
        for column in table.columns:
            assert f"metrics.col.{column.name}" in CATALOG
    for label in ("check", "uncheck", "edit", "reschedule", "new"):
        assert f"undo.launch_{label}" in CATALOG
    for mark in ("read", "starred"):
        assert {f"undo.mark_{mark}", f"undo.unmark_{mark}"} <= CATALOG.keys()
    for what in ("created", "done", "dropped", "reopened", "kept", "key toggled", "edited"):
        assert vocab.history(what).key in CATALOG, what
    for status in ("done", "dropped"):
        assert f"err.item.already_{status}" in CATALOG


def test_an_error_renders_in_either_language_and_str_follows_the_active_one() -> None:
    err = InvalidError("err.customer.exists", name="瀚海银行")
    assert err.render("en") == "a customer named '瀚海银行' already exists"
    assert err.render("zh") == "已有名为 '瀚海银行' 的客户"
    assert str(err) == "a customer named '瀚海银行' already exists"
    i18n.set_language("zh")
    assert str(err) == "已有名为 '瀚海银行' 的客户"
    # An argument that is itself a word is worded in the reader's language too.
    moved = InvalidError("err.item.not_open", id=3, status=vocab.word("status", "done"))
    assert str(moved) == "事项 3 已完成，只有进行中的事项可以推迟"
    assert moved.render("en") == "item 3 is done; only open items move"
    missing = NotFoundError("err.customer.none_like", name="Glob", names=["Globex 环球", "Glo"])
    assert str(missing) == "没有名为 'Glob' 的客户；是否指 Globex 环球、Glo？"
    assert missing.render("en") == "no customer is named 'Glob'; did you mean Globex 环球, Glo?"


def test_undo_labels_are_worded_when_shown() -> None:
    label = msg("undo.item", what=vocab.history("done"), title="准备季度复盘")
    assert isinstance(label, Message)
    assert label.render("zh") == "完成 准备季度复盘"
    assert label.render("en") == "done 准备季度复盘"
    assert vocab.history("deferred to 2026-W49").render("zh") == "推迟到 2026-W49"
    assert vocab.history("created").render("zh") == "创建"
