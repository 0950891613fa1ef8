"""The routines screen (the weekly cadence) and its form."""
