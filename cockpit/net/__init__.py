"""The one bounded HTTP downloader (scheme check, redirect limit, size cap,
decompression) that feeds and calendar subscriptions share.
"""
