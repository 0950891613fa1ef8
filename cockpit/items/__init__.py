"""The workspace and its items: the hub every book hangs on (files, clock, config, undo
log) and the rules that put items in the daily panels.
"""
