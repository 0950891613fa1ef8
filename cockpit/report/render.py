"""The report's two written forms: Markdown (as pasted into a wiki or rendered mail)
and plain text for chat (DingTalk, WeCom, most mail), built from the same lines.

Plain text has no Markdown syntax: parts are numbered 一、二、… (I. II. … in English),
sub-headings stand on their own line in 【】 (or end with a colon), points are numbered
within their part, a link is its bare URL after the text, and a line under a point
(a touch under its customer, a comment under an article) is indented with "·".
"""

from __future__ import annotations

from dataclasses import dataclass

from cockpit.core.i18n import CATALOG, fill
from cockpit.core.labels.report import LABELS

FORMATS = ("md", "text")
ZH_NUMBERS = "一二三四五六七八九十"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Line:
    """One line of a block: a point (level 0), a line under the point above (level 1),
    or the PM's own prose (thoughts), kept as written."""

    text: str
    url: str = ""
    level: int = 0
    prose: bool = False
    after: str = ""
    """Text after the link (an article's feed): not part of the link's text."""


Block = tuple[str, list[Line]]
"""A sub-heading (a label key, or text as is) and its lines."""
Part = tuple[str, list[Block]]
"""A part's name (`report.part.<name>`) and its blocks."""


def label(lang: str, key: str, **kwargs: object) -> str:
    """A label of the catalog in `lang` (the report's), whatever language the UI is in."""
    en, zh = CATALOG[key]
    return fill(zh if lang == "zh" else en, kwargs)


def _heading(heading: str, lang: str) -> str:
    return label(lang, heading) if heading in LABELS else heading


def shown_parts(parts: list[Part]) -> list[Part]:
    """The parts with something to say, each without its empty blocks."""
    out = []
    for name, blocks in parts:
        kept = [(h, lines) for h, lines in blocks if lines]
        if kept:
            out.append((name, kept))
    return out


def markdown(title: str, parts: list[Part], lang: str) -> str:
    """`# title`, `## 1. part`, `**sub-heading**`, `- point` with `[text](url)` links."""
    out = [f"# {title}", ""]
    shown = shown_parts(parts)
    for n, (name, blocks) in enumerate(shown, 1):
        out += [f"## {n}. {label(lang, f'report.part.{name}')}", ""]
        for heading, lines in blocks:
            out += [f"**{_heading(heading, lang)}**", ""]
            out += _markdown_lines(lines)
            out.append("")
    if not shown:
        out += [label(lang, "report.empty_week"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_lines(lines: list[Line]) -> list[str]:
    out: list[str] = []
    prose: list[str] = []
    for line in lines:
        if line.prose:
            prose.append(line.text)
            continue
        if prose:
            out += _paragraphs(prose)
            prose = []
        text = md_link(line.text, line.url) + line.after
        out.append(f"{'  ' * line.level}- {text}")
    if prose:
        out += _paragraphs(prose)
    return out


def _paragraphs(lines: list[str]) -> list[str]:
    # Two trailing spaces make a Markdown line break: the PM's lines stay as typed.
    out: list[str] = []
    for n, line in enumerate(lines):
        following = lines[n + 1] if n + 1 < len(lines) else ""
        out.append(line + ("  " if line and following else ""))
    return out


def md_link(text: str, url: str) -> str:
    """`[text](url)`, or the text alone without a URL (brackets escaped in link text)."""
    if not url:
        return text
    shown = text.replace("[", "\\[").replace("]", "\\]")
    target = f"<{url}>" if any(c in url for c in " ()<>") else url
    return f"[{shown}]({target})"


def plain(title: str, parts: list[Part], lang: str) -> str:
    """The same report as plain text for chat (see the module docstring)."""
    out = [title, ""]
    shown = shown_parts(parts)
    for n, (name, blocks) in enumerate(shown, 1):
        number = f"{ZH_NUMBERS[n - 1]}、" if lang == "zh" else f"{ROMAN[n - 1]}. "
        out.append(f"{number}{label(lang, f'report.part.{name}')}")
        point = 0
        for heading, lines in blocks:
            sub = _heading(heading, lang)
            out.append(f"【{sub}】" if lang == "zh" else f"{sub}:")
            for line in lines:
                text = line.text + line.after + (f" {line.url}" if line.url else "")
                if line.prose:
                    out.append(text)
                elif line.level:
                    out.append(f"   · {text}")
                else:
                    point += 1
                    out.append(f"{point}. {text}")
        out.append("")
    if not shown:
        out += [label(lang, "report.empty_week"), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def written(title: str, parts: list[Part], lang: str, form: str) -> str:
    """The report in `form` ("md" or "text")."""
    return plain(title, parts, lang) if form == "text" else markdown(title, parts, lang)
