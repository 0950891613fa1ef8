"""The command line: `main` builds the parser, one module per command group; turns
domain errors into one sentence and an exit status. Imports textual only to start the TUI.
"""
