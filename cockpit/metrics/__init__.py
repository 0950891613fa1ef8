"""Monthly metric tables (seed 000/001): column specs, rows, CSV import/export and trends."""
