"""Feed subscriptions, fetching, parsing, sanitising and entry retention.

Never imports textual: the TUI and the CLI both drive it.
"""
