"""The customer book: customers, tiers, pipeline stages, follow-ups and the touch log."""
