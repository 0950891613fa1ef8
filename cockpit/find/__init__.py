"""Fuzzy find over everything: the index behind `/` (items, customers, entries, planning)."""
