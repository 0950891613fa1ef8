"""Labels of the calendar area: (English, Chinese) per key."""

LABELS: dict[str, tuple[str, str]] = {}
