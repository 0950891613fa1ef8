"""Watch words on screen: a matching entry is marked in every list, its words bold.

The words come from `[feeds] watch` (`cockpit.feeds.watch`); this module only styles
`Text` (never markup), so an entry's title stays inert however it is written.
"""

from __future__ import annotations

from rich.text import Text

from cockpit.feeds.watch import Watch

MARK = "◆ "
MARK_STYLE = "bold magenta"
WORD_STYLE = "bold magenta underline"


def highlight(text: Text, watch: Watch) -> Text:
    """`text` with every watch word in it styled (in place; returned for chaining)."""
    for start, end in watch.spans(text.plain):
        text.stylize(WORD_STYLE, start, end)
    return text


def marked(title: Text, watch: Watch, matched: bool) -> Text:
    """A list row's title: the watch mark first when the entry names a watch word
    (in its title, summary or full text), and the words of the title highlighted."""
    if not matched:
        return title
    # Not `Text(MARK, style) + title`: a sum takes the first part's style as the base
    # of the whole line, which would colour the title as the mark.
    out = Text(style=title.style)
    out.append(MARK, style=MARK_STYLE)
    out.append_text(highlight(title, watch))
    return out
