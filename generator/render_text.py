"""Writing the briefing's text as Markdown that shows exactly what the YAML says.

Plain text is escaped so that no character of it can start Markdown, HTML or extension syntax: each such
character is written as an HTML character reference, which every Markdown engine passes through as the
character itself. Prose is parsed (``generator.prose``) and written back as Markdown that can mean only
emphasis, strong, code and links; its text is escaped the same way.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from generator import prose as parsed
from generator.dates import Date

_REFERENCES = {character: f"&#{ord(character)};" for character in "\\`*_[]{}|~^#$="}
_REFERENCES.update({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ESCAPES = str.maketrans(_REFERENCES)
_LINE_START = re.compile(r"([-+:])|(\d+)([.)])")  # a list or definition marker where a line starts
_SHORTCODE_COLON = re.compile(r":(?=[\w+-])")  # a colon that could open an emoji shortcode (:flag:)
_URL_SAFE = ":/?#@!$&'*+,;=%~-._[]"  # all but what could end a Markdown link target: ( ) < > " and spaces
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def plain(text: str) -> str:
    """Plain text, escaped to show as written."""
    return _line_start_safe(_escape(text))


def attribute(text: str) -> str:
    """Text escaped for an HTML attribute's double-quoted value, its Markdown characters too."""
    return _escape(text).replace('"', "&quot;")


def _escape(text: str) -> str:
    return _SHORTCODE_COLON.sub("&#58;", text.translate(_ESCAPES))


def _line_start_safe(written: str) -> str:
    """Markdown that cannot be read as a list item when it starts a line."""
    match = _LINE_START.match(written)
    if match is None:
        return written
    if match.group(1):
        return f"&#{ord(written[0])};" + written[1:]
    return match.group(2) + f"&#{ord(match.group(3))};" + written[match.end() :]


def prose(text: str) -> str:
    """Prose as Markdown paragraphs separated by blank lines."""
    return "\n\n".join(_inlines(paragraph) for paragraph in parsed.parse(text))


def prose_inline(text: str) -> str:
    """Prose on one line (a list item, a table cell): its paragraphs joined by a space."""
    return " ".join(_inlines(paragraph) for paragraph in parsed.parse(text))


def _inlines(inlines: tuple[parsed.Inline, ...]) -> str:
    return _line_start_safe("".join(_inline(inline) for inline in inlines))


def _inline(inline: parsed.Inline) -> str:
    if isinstance(inline, parsed.Text):
        return _escape(inline.text)
    if isinstance(inline, parsed.Code):
        return code(inline.text)
    if isinstance(inline, parsed.Emphasis):  # as tags: nested markers (***) would be read either way
        tag = "strong" if inline.strong else "em"
        return f"<{tag}>" + "".join(_inline(child) for child in inline.children) + f"</{tag}>"
    label = "".join(_inline(child) for child in inline.children)
    return link(label, inline.target)


def code(text: str) -> str:
    """A code span holding the text as written."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def link(label: str, target: str) -> str:
    """A link whose label is already Markdown; the target is written so that no character can end it."""
    return f"[{label}]({quote(target, safe=_URL_SAFE)})"


def date(value: Date) -> str:
    """A date in words at its own precision: 2024, August 2024, 6 August 2024, around August 2024.

    A time of day follows its day, with its offset when written: 19 August 2024, 03:24 UTC+08:00.
    """
    words = str(value.year)
    if value.month is not None:
        words = f"{_MONTHS[value.month - 1]} {words}"
    if value.day is not None:
        words = f"{value.day} {words}"
    if value.hour is not None:
        words += f", {_time(value)}"
    return f"around {words}" if value.approximate else words


def _time(value: Date) -> str:
    """A date's time of day, with its offset: 03:24, 03:24 UTC, 03:24 UTC+08:00."""
    zone = {None: "", "Z": " UTC"}.get(value.offset, f" UTC{value.offset}")
    return f"{value.hour or 0:02d}:{value.minute or 0:02d}{zone}"


def date_range(start: Date, end: Date | None) -> str:
    """A date, or the span from one date to another (a span within one day names the day once)."""
    if end is None:
        return date(start)
    same_day = (start.year, start.month, start.day) == (end.year, end.month, end.day)
    if same_day and start.hour is not None and end.hour is not None:
        return f"{date(start)} to {'around ' * end.approximate}{_time(end)}"
    return f"{date(start)} to {date(end)}"


def capitalised(text: str) -> str:
    """The text with its first letter made upper case."""
    return text[:1].upper() + text[1:]
