"""The one label catalog (English and Chinese) and relative-time wording.

Every user-visible label of the TUI comes from `t(key)`. `set_language("zh")` switches
the labels and humanize's locale together.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from cockpit.core import labels

CATALOG = labels.CATALOG

_lang = "en"


def set_language(lang: str) -> None:
    """Switch labels (and humanize) to `lang` ("en" or "zh")."""
    global _lang
    _lang = "zh" if lang == "zh" else "en"


_humanize_lang: str | None = None


def _humanize() -> object:
    """humanize, imported on first use (the CLI rarely needs it) in the active locale."""
    global _humanize_lang
    import humanize

    if _humanize_lang != _lang:
        if _lang == "zh":
            humanize.i18n.activate("zh_CN")
        else:
            humanize.i18n.deactivate()
        _humanize_lang = _lang
    return humanize


def language() -> str:
    """The active language code."""
    return _lang


PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def fill(text: str, kwargs: dict[str, object]) -> str:
    """Format a label: `{name}` as str.format does, and `{n|item|items}` as the word for
    the count `n` (the first for exactly 1, else the second), so English labels say
    "1 launch" and "3 launches" (Chinese labels have no plural and do not use it)."""
    if "|" in text:
        text = PLURAL.sub(lambda m: m.group(2) if kwargs.get(m.group(1)) == 1 else m.group(3), text)
    return text.format(**kwargs) if kwargs else text


def t(key: str, **kwargs: object) -> str:
    """The label `key` in the active language, formatted with `kwargs` (see `fill`)."""
    en, zh = CATALOG[key]
    return fill(zh if _lang == "zh" else en, {k: shown(v) for k, v in kwargs.items()})


class _Frozen:
    """What `@dataclass(frozen=True)` gave these three (equality and hash by their
    fields, a repr naming them, no changes after creation), written out: every command
    makes them, and generating each dataclass's methods cost ~0.5 ms at start-up."""

    __slots__: tuple[str, ...] = ()
    FIELDS: tuple[str, ...] = ()
    """The fields in the order `__init__` takes them."""

    def _fields(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__name__}({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[object, ...]:
        # Copied and pickled (an error from a feed-parsing process) by its fields.
        return (type(self), self._fields())


class Message(_Frozen):
    """A sentence kept as a catalog key and its arguments, worded when it is shown.

    Domain errors and undo steps carry one, so the same refusal or "undone: …" reads in
    the language active where it is shown (a CLI run, the TUI, either report language),
    not the one active where it was made. An argument may itself be a `Message` (a
    status, a tier) or a list of them (the choices a value must be one of).
    """

    __slots__ = ("args", "key")
    FIELDS = ("key", "args")
    key: str
    args: Mapping[str, object]

    def __init__(self, key: str, args: Mapping[str, object] | None = None) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "args", {} if args is None else args)

    def render(self, lang: str | None = None) -> str:
        """The sentence in `lang` (default: the active language)."""
        return render(self.key, self.args, lang)

    def __str__(self) -> str:
        return self.render()


class Pair(_Frozen):
    """A text the user wrote in both languages (a routine's title), as an argument of
    a `Message`: the one of the reader's language is shown (else the other)."""

    __slots__ = FIELDS = ("en", "zh")
    en: str
    zh: str

    def __init__(self, en: str, zh: str) -> None:
        object.__setattr__(self, "en", en)
        object.__setattr__(self, "zh", zh)

    def render(self, lang: str | None = None) -> str:
        zh = (lang or _lang) == "zh"
        return (self.zh or self.en) if zh else (self.en or self.zh)

    def __str__(self) -> str:
        return self.render()


class Clauses(_Frozen):
    """Sentences joined as clauses of one ("line 2: …; line 5: …"), each worded when shown."""

    __slots__ = FIELDS = ("parts",)
    parts: tuple[object, ...]

    def __init__(self, parts: tuple[object, ...]) -> None:
        object.__setattr__(self, "parts", parts)

    def render(self, lang: str | None = None) -> str:
        sep = "；" if (lang or _lang) == "zh" else "; "
        return sep.join(str(shown(p, lang)) for p in self.parts)

    def __str__(self) -> str:
        return self.render()


def msg(key: str, **args: object) -> Message:
    """`Message(key, args)`, written the way `t` is called."""
    return Message(key, args)


def render(key: str, args: Mapping[str, object], lang: str | None = None) -> str:
    """The label `key` in `lang` (default: the active one) filled with `args`.

    A key missing from the catalog is taken as the sentence itself, so text that was
    never given a key still shows (tests/unit/test_catalog.py finds every such raise).
    """
    entry = CATALOG.get(key)
    if entry is None:
        return key.format(**args) if args and "{" in key else key
    zh = (lang or _lang) == "zh"
    return fill(entry[1] if zh else entry[0], {k: shown(v, lang) for k, v in args.items()})


def shown(value: object, lang: str | None = None) -> object:
    """An argument as it is written into a sentence: a `Message` worded, a list or
    tuple joined the way the language lists things ("a, b" or "a、b"), else as is."""
    if isinstance(value, Message | Pair | Clauses):
        return value.render(lang)
    if isinstance(value, list | tuple):
        sep = "、" if (lang or _lang) == "zh" else ", "
        return sep.join(str(shown(v, lang)) for v in value)
    return value


def relative_day(day: dt.date, today: dt.date) -> str:
    """`today`, `tomorrow`, `in 3 days`, `2 weeks ago`, `in 2 months` (localised)."""
    humanize: Any = _humanize()
    delta = (day - today).days
    if delta == 0:
        return t("rel.today")
    if delta == 1:
        return t("rel.tomorrow")
    if delta == -1:
        return t("rel.yesterday")
    days = abs(delta)
    if days < 14:
        amount = humanize.naturaldelta(dt.timedelta(days=days))
    elif days < 60:
        amount = t("rel.weeks", n=days // 7)
    else:
        amount = humanize.naturaldelta(dt.timedelta(days=days))
    return t("rel.future", d=amount) if delta > 0 else t("rel.past", d=amount)


def relative_time(moment: dt.datetime, now: dt.datetime) -> str:
    """`3 hours ago`, `yesterday`, `2 weeks ago`: relative_day past the first day."""
    humanize: Any = _humanize()
    seconds = (now - moment).total_seconds()
    if 0 <= seconds < 86400:
        if seconds < 60:
            return t("rel.today")
        return t("rel.past", d=humanize.naturaldelta(dt.timedelta(seconds=seconds)))
    return relative_day(moment.astimezone(now.tzinfo).date(), now.date())


def short_age(moment: dt.datetime, now: dt.datetime) -> str:
    """Compact age for dense lists: `45m`, `5h`, `3d`, `2w` (localised units)."""
    minutes = max(int((now - moment).total_seconds() // 60), 0)
    if minutes < 60:
        return t("age.minutes", n=minutes)
    if minutes < 24 * 60:
        return t("age.hours", n=minutes // 60)
    days = minutes // (24 * 60)
    if days < 14:
        return t("age.days", n=days)
    return t("age.weeks", n=days // 7)
