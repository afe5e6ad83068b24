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
_EN_DASH = "\N{EN DASH}"  # joins the ends of a span of dates
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
    """A date, or the span from one date to another, naming once what both ends share.

    As in "4–5 February 2031", "30 January – 2 February 2031", "November 2024 – January 2025" and
    "2016–2023". Both ends approximate: "around 4–5 February 2031"; only one: "from around 4 to
    5 February 2031", so that "around" qualifies only the end it belongs to. With a time of day, the
    ends are joined by "to", and a span within one day names the day once: "19 August 2024, 03:24 to
    around 05:00".
    """  # noqa: RUF002 (the en dash is the point)
    if end is None:
        return date(start)
    if start.hour is not None or end.hour is not None:
        return _timed_range(start, end)
    first, last = _date_words(start), _date_words(end)
    if first == last:
        return date(start) if start.approximate == end.approximate else f"from {date(start)} to {date(end)}"
    shared = _shared_words(start, end)
    first = first[: len(first) - shared]
    if start.approximate != end.approximate:
        return f"from {'around ' * start.approximate}{' '.join(first)} to {date(end)}"
    dash = _EN_DASH if len(first) == 1 and len(last) - shared == 1 else f" {_EN_DASH} "
    return f"{'around ' * start.approximate}{' '.join(first)}{dash}{' '.join(last)}"


def _timed_range(start: Date, end: Date) -> str:
    """A span with a time of day at either end: its day named once when both times fall on it.

    Only its start approximate, it opens with "from", so that "around" cannot be read as the whole span's.
    """
    opening = "from " if start.approximate and not end.approximate else ""
    same_day = (start.year, start.month, start.day) == (end.year, end.month, end.day)
    if same_day and start.hour is not None and end.hour is not None:
        return f"{opening}{date(start)} to {'around ' * end.approximate}{_time(end)}"
    return f"{opening}{date(start)} to {date(end)}"


def _date_words(value: Date) -> list[str]:
    """A date's day, month and year, as far as it has them, in words (without "around" or a time)."""
    words = [str(value.year)]
    if value.month is not None:
        words.insert(0, _MONTHS[value.month - 1])
    if value.day is not None:
        words.insert(0, str(value.day))
    return words


def _shared_words(start: Date, end: Date) -> int:
    """How many of the last words two dates can share: the year, then the month too (0, 1 or 2).

    Only between dates that both name a month: a span from the year 2024 to March 2024 names both years.
    """
    if start.month is None or end.month is None or start.year != end.year:
        return 0
    if start.day is None or end.day is None or start.month != end.month:
        return 1
    return 2


def capitalised(text: str) -> str:
    """The text with its first letter made upper case."""
    return text[:1].upper() + text[1:]
