"""The bundled feed categories (feeds/*.opml), named in the reader's language.

A feed's category is free text, stored as written. The bundled lists use five English
ids; those are shown in the active language (`competitor` is 竞品 in Chinese) and read
back from either spelling where a category is typed (`feeds add --category 竞品`, the
feed form), so one category never splits in two. A user's own names pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable

from cockpit.core.i18n import CATALOG, t

KNOWN = ("community", "planet", "newsletter", "competitor", "ecosystem")
"""The bundled categories, in the order the reading screen lists them."""


def shown(category: str) -> str:
    """`category` as the reader sees it: a bundled one in the active language."""
    key = f"feeds.category.{category}"
    return t(key) if category in KNOWN else category


def canonical(category: str) -> str:
    """A typed category as it is stored: a bundled one by its id, in either language
    and any case (`竞品`, `Competitor`); anything else as typed."""
    folded = category.strip().casefold()
    for known in KNOWN:
        en, zh = CATALOG[f"feeds.category.{known}"]
        if folded in (known, en.casefold(), zh):
            return known
    return category


def in_order(categories: Iterable[str]) -> list[str]:
    """The bundled categories in their order, then a user's own alphabetically."""
    seen = set(categories)
    return [c for c in KNOWN if c in seen] + sorted(seen - set(KNOWN))
