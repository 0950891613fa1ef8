"""The one label catalog, kept as one module per area so areas can grow independently
(and `vocab`, the words of the domain's closed vocabularies, read from it).

`CATALOG` maps a key to (English, Chinese); `cockpit.core.i18n.t` reads it. A key defined
twice is a mistake, caught at import (and by the tests).
"""

from cockpit.core.labels import (
    accounts,
    calendar,
    cli,
    core,
    customers,
    doctor,
    errors,
    feeds,
    help,
    inputs,
    items,
    keys,
    metrics,
    report,
)

CATALOG: dict[str, tuple[str, str]] = {}
for _area in (
    core, feeds, calendar, customers, metrics, report, doctor, keys, errors, cli, accounts, items,
    inputs, help,
):  # fmt: skip
    _clash = CATALOG.keys() & _area.LABELS.keys()
    if _clash:
        raise ValueError(f"label keys defined twice: {sorted(_clash)}")
    CATALOG.update(_area.LABELS)
