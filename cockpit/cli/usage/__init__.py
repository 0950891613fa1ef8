"""The parser's own words in the user's language: its help (`helptext`: every help
text is a catalog key, worded when help is printed) and its refusals (`refusals`:
argparse's sentences reworded). Both look the language up only when they write.
"""

from cockpit.cli.usage.helptext import Help, RawHelp, resolve
from cockpit.cli.usage.refusals import Parser, expect, reworded, speak

__all__ = ["Help", "Parser", "RawHelp", "expect", "resolve", "reworded", "speak"]
