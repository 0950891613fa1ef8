"""Importers from other tools: taskwarrior, CSV."""
