"""The Friday reading screen: feeds, entries, preview, and filing an entry for the report."""
