"""Labels of the customers area: (English, Chinese) per key."""

LABELS: dict[str, tuple[str, str]] = {}
