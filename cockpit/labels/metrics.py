"""Labels of the metrics area: (English, Chinese) per key."""

LABELS: dict[str, tuple[str, str]] = {}
