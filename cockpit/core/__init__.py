"""The bottom of the domain: errors, the undoable-change record, records, weeks, dates,
text (sanitising and cell widths), the clock, paths, config and the label catalog.

Imports nothing of ours but `cockpit.storage`; never textual.
"""
