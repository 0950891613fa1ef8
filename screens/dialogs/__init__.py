"""Modal screens shared by every area: the form base, finder, help and Monday review."""
