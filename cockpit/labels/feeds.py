"""Labels of the feeds area: (English, Chinese) per key."""

LABELS: dict[str, tuple[str, str]] = {}
