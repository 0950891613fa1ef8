"""Reusable widgets: the line-API panel lists every screen shows."""
