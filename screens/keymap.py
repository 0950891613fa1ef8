"""`[keys]` checked before the TUI starts, and the reference of every binding id.

Textual applies a keymap without a word: an id no binding has does nothing, and a key
given to one binding silently stops doing what another binding of the same screen did
(the README's old `defer = "greater_than_sign,w"` took `w` from Routines). So the keymap
is checked against every screen's bindings first, and a mistake is one sentence naming
both bindings; the TUI does not start.

A screen's keys are its own bindings with an id, plus the app's (the command palette's
`ctrl+p` and Textual's `ctrl+q`, which win on every screen). A widget's keys without an
id (a panel's page keys) are the fallbacks of the focused widget, not part of this check.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import REPLACED_KEYS, Keys, _character_to_key, key_to_character
from textual.screen import Screen

from cockpit.core.config import Config
from cockpit.core.errors import ConfigError
from cockpit.core.i18n import CATALOG, Message, msg, render
from cockpit.core.settings import SettingError, closest
from cockpit.screens.keys import APP

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(k.value for k in Keys) | {"space"}
FIRST = (
    *("daily", "review", "reading", "customers", "routines", "report", "metrics"),
    *("requirements", "launches", "goals", "roadmap"),
    *("help", "finder", "form", "defer", "item_picker", "turn"),
)
"""The order of the reference: the screens a day goes through first, then the rest."""


@dataclass(frozen=True)
class Bound:
    """One binding of a screen: its id, its keys (Textual's names), what it does."""

    id: str
    keys: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class Scope:
    """A screen (or dialog) and the bindings active on it."""

    area: str
    bindings: tuple[Bound, ...]

    def label(self) -> Message:
        """The screen's name, worded where it is shown."""
        return msg(f"area.{self.area}")


def _bound(bindings: list[Binding]) -> list[Bound]:
    """Textual's one-binding-per-key list grouped back by id, in declared order."""
    keys: dict[str, list[str]] = {}
    described: dict[str, str] = {}
    for binding in bindings:
        ident = binding.id or f"textual:{binding.action}"
        keys.setdefault(ident, []).append(binding.key)
        described.setdefault(ident, binding.description or binding.action)
    return [Bound(i, tuple(k), described[i]) for i, k in keys.items()]


def _own(cls: type[DOMNode]) -> list[Binding]:
    merged = cls._merged_bindings
    if merged is None:
        return []
    return [b for bs in merged.key_to_bindings.values() for b in bs]


def _screen_classes() -> list[type[Screen[object]]]:
    """cockpit's screens that name themselves (`AREA`), every module imported first."""
    # Imported here: walking the screens is needed only to check [keys] or list them.
    import importlib
    import pkgutil

    import cockpit.screens

    for info in pkgutil.walk_packages(cockpit.screens.__path__, "cockpit.screens."):
        importlib.import_module(info.name)
    found: list[type[Screen[object]]] = []
    todo: list[type[Screen[object]]] = [Screen]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("cockpit.") and "AREA" in cls.__dict__:
            found.append(cls)
    return found


def scopes() -> list[Scope]:
    """Every screen with its bindings (the app's last), in the reference's order."""
    app_bindings = [
        *Binding.make_bindings(APP),
        *(b for b in _own(App) if b.priority),  # Textual's ctrl+q
    ]
    result = []
    for cls in _screen_classes():
        own = [b for b in _own(cls) if b.id]
        result.append(Scope(cls.__dict__["AREA"], tuple(_bound([*own, *app_bindings]))))
    order = {area: n for n, area in enumerate(FIRST)}
    result.sort(key=lambda s: (order.get(s.area, len(order)), s.area))
    return result


def binding_ids() -> set[str]:
    """Every id `[keys]` may name."""
    return {b.id for s in scopes() for b in s.bindings if not b.id.startswith("textual:")}


def _key_name(name: str, keys: str, key: str) -> str:
    """`key` in Textual's spelling (`>` is `greater_than_sign`), or a refusal."""
    if not key:
        raise SettingError("err.keys.empty", name=name, value=keys)
    if len(key) == 1:
        return _character_to_key(key)
    *mods, base = key.split("+")
    if (
        base
        and all(m in MODIFIERS for m in mods)
        and (len(base) == 1 or base in NAMED_KEYS or _is_character_name(base))
    ):
        return "+".join([*mods, _character_to_key(base) if len(base) == 1 else base])
    raise SettingError("err.keys.not_a_key", name=name, key=key)


def _is_character_name(base: str) -> bool:
    """`greater_than_sign`, `slash`: a character's name as Textual spells it."""
    return _character(base) is not None


def _character(key: str) -> str | None:
    return key_to_character(REPLACED_KEYS.get(key, key))


def check_keymap(keymap: dict[str, str]) -> dict[str, str]:
    """`keymap` with every key in Textual's spelling, once it is known to be usable.

    Raises:
        SettingError: an id no binding has (with the nearest real one), a key that is
            not a key, or a key that two bindings of one screen would both have after
            the remap (naming both, and the screen).
    """
    if not keymap:
        return {}
    all_scopes = scopes()
    known = sorted({b.id for s in all_scopes for b in s.bindings if ":" not in b.id})
    normal: dict[str, str] = {}
    for name, keys in keymap.items():
        if name not in known:
            raise SettingError("err.keys.unknown", name=name, mean=closest(name, known))
        parts = [_key_name(name, keys, k.strip()) for k in keys.split(",")]
        normal[name] = ",".join(dict.fromkeys(parts))
    for scope in all_scopes:
        taken: dict[str, Bound] = {}
        for bound in scope.bindings:
            now = tuple(normal[bound.id].split(",")) if bound.id in normal else bound.keys
            for key in now:
                other = taken.setdefault(key, bound)
                if other is not bound and (bound.id in normal or other.id in normal):
                    first, second = (bound, other) if bound.id in normal else (other, bound)
                    raise SettingError(
                        "err.keys.twice",
                        key=key,
                        first=first.id,
                        second=second.id,
                        screen=scope.label(),
                    )
    return normal


def reference() -> str:
    """The README's table of binding ids: screens, id, default keys, what it does (in
    English, whatever the UI language is). An id shared by several screens (the moves)
    is one row naming them all; the app's own keys come last."""
    rows: dict[str, tuple[list[str], Bound]] = {}
    app_ids = _app_ids()
    for scope in scopes():
        for bound in scope.bindings:
            if bound.id.startswith("textual:"):
                continue  # Textual's own ctrl+q: not a binding [keys] can name
            area = "app" if bound.id in app_ids else scope.area
            areas = rows.setdefault(bound.id, ([], bound))[0]
            if area not in areas:
                areas.append(area)
    ordered = sorted(rows.values(), key=lambda row: row[0] == ["app"])
    lines = ["| screen | id | keys | what it does |", "|---|---|---|---|"]
    lines.extend(_row(areas, bound) for areas, bound in ordered)
    return "\n".join(lines) + "\n"


def _app_ids() -> set[str]:
    return {b.id for b in Binding.make_bindings(APP) if b.id}


def _row(areas: list[str], bound: Bound) -> str:
    what = render(bound.description, {}, "en") if bound.description in CATALOG else ""
    keys = " ".join(f"`{_shown(k)}`" for k in bound.keys)
    where = ", ".join(render(f"area.{area}", {}, "en") for area in areas)
    return f"| {where} | `{bound.id}` | {keys} | {what} |"


def _shown(key: str) -> str:
    """A key as the README shows it: `>` rather than `greater_than_sign` (both work)."""
    char = _character(key) if "+" not in key and len(key) > 1 else None
    return char if char is not None and char.isprintable() and not char.isspace() else key


def keymap_of(config: Config) -> dict[str, str]:
    """The config's `[keys]`, checked (see `check_keymap`).

    Raises:
        ConfigError: the sentence naming the config file and the mistake.
    """
    try:
        return check_keymap(config.keys)
    except SettingError as exc:
        where = config.path or "config.toml"
        raise ConfigError("err.config", path=where, problem=exc.message) from None
