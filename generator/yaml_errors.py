"""YAML syntax errors in plain words: the likely mistake, where it is, and how to fix it.

The parser says where it gave up ("mapping values are not allowed in this context"); an author needs to know
what they wrote wrong. Each recogniser below looks at the lines the parser stopped on for one common mistake
(a tab, a ``: `` inside text, a value opening with a quote that closes early, an unclosed quote or bracket,
a stray list item, a key without its space) and, when it is the one, says so at the character itself. The
parser's own words are kept only when no recogniser knows the mistake. Every message ends with the line
itself and a caret under the place.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

Found = tuple[int, int, str]
"""A mistake's 0-based line and column, and what to say about it (without the line shown)."""

CUT_BY_COMMENT = (
    "the text after ' #' is lost: YAML reads it as a comment; to keep it, put the whole value in quotes "
    "(or write it on the lines below a '|'); a comment is written '# ' with a space after the '#'"
)
"""Said of a comment after unquoted text on the same line, at the ``#``."""

_EXCERPT_WIDTH = 100
"""How many characters of a long line are shown around the mistake."""
_KEY = re.compile(r"[ \t]*(?:-[ \t]+)*(?:[^\s\"'#\[\]{}:-][^#:]*?:[ \t]+)?")
"""The start of a line up to where a value begins: list dashes, then a key and its ': ', if any."""
_INNER_KEY = re.compile(r"[ \t]*(?:-[ \t]+)*[^\s\"'#:-][^#:]*?:[ \t]+\S")
"""A line whose first ': ' is followed by a value: the ``key: value`` a second ': ' would be inside."""
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_CLOSERS = {'"': '"', "'": "'", "[": "]", "{": "}"}
_OPENERS_READ_AS = {'"': "quote", "'": "quote", "[": "list", "{": "mapping"}
_CANNOT_START = "@`*&%!|>"
_COLON = "mapping values are not allowed"
_KEY_EXPECTED = "did not find expected key"
_ITEM_EXPECTED = "did not find expected '-' indicator"
_COLON_EXPECTED = "could not find expected ':'"
_NO_SPACE_AFTER_DASH = "a list item needs a space after its '-': write '- ' and then the item"


def lines_of(text: str) -> list[str]:
    """The text's lines as YAML counts them: it breaks lines at CR, LF, CR LF, NEL, LS and PS alike."""
    return _LINE_BREAK.split(text)


def describe(text: str, error: yaml.MarkedYAMLError) -> Found:
    """Where the mistake behind a parser error is, and what to say about it in plain words."""
    lines = lines_of(text)
    for recognise in _RECOGNISERS:
        found = recognise(lines, error)
        if found is not None:
            return found
    mark = error.problem_mark or error.context_mark
    detail = f"{error.problem} ({error.context})" if error.context else str(error.problem)
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    return line, column, f"YAML syntax error: {detail}; check this line and the one above it"


def with_excerpt(message: str, text: str, line: int, column: int) -> str:
    """The message, then the line it is about and a caret under the column (both 0-based), indented."""
    lines = lines_of(text)
    shown = lines[line] if line < len(lines) else ""
    start = max(0, min(column - _EXCERPT_WIDTH // 2, len(shown) - _EXCERPT_WIDTH))
    visible = shown[start : start + _EXCERPT_WIDTH].replace("\t", "→")
    before, after = "…" * (start > 0), "…" * (start + _EXCERPT_WIDTH < len(shown))
    caret = " " * (len(before) + column - start) + "^"
    return f"{message}\n    {before}{visible}{after}\n    {caret}"


def _kind(error: yaml.MarkedYAMLError) -> str:
    """The parser's complaint, spelt alike by libyaml and by PyYAML's own parser."""
    problem, context = error.problem or "", error.context or ""
    if problem.startswith("mapping values are not allowed"):
        return _COLON
    if problem == "did not find expected key" or (
        problem.startswith("expected <block end>") and "mapping" in context
    ):
        return _KEY_EXPECTED
    if problem == "did not find expected '-' indicator" or problem.startswith("expected <block end>"):
        return _ITEM_EXPECTED
    return problem


def _line(lines: list[str], number: int) -> str:
    """The line of this 0-based number, or nothing past the end."""
    return lines[number] if 0 <= number < len(lines) else ""


def _indent(line: str) -> int:
    """How many spaces and tabs a line starts with."""
    return len(line) - len(line.lstrip(" \t"))


def _problem_line(error: yaml.MarkedYAMLError) -> int:
    """The 0-based line the parser stopped on."""
    mark = error.problem_mark or error.context_mark
    return mark.line if mark is not None else 0


def _tab(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A tab in the indentation of the line the parser stopped on."""
    line = _problem_line(error)
    leading = _line(lines, line)[: _indent(_line(lines, line))]
    if "\t" not in leading:
        return None
    return (
        line,
        leading.index("\t"),
        "a tab indents this line, and YAML allows only spaces there: indent with spaces",
    )


def _closes_early(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A value opening with a quote (or a bracket) that closes before the value ends."""
    line = _problem_line(error)
    text = _line(lines, line)
    opening = _KEY.match(text)
    start = opening.end() if opening else 0
    if start >= len(text) or text[start] not in _CLOSERS:
        return None
    close = _closing(text, start)
    if close is None:
        return None
    rest = text[close + 1 :].strip()
    if not rest or rest.startswith(("#", ":", ",")):
        return None
    kind = _OPENERS_READ_AS[text[start]]
    if kind == "quote":
        message = (
            "the quote closes before the end of the value: put the whole value in quotes "
            "(and double any ' inside '…') or start it without a quote"
        )
    else:
        message = (
            f"a value starting with '{text[start]}' is read as a {kind}, which ends before the value does: "
            "put the whole value in quotes"
        )
    return line, close, message


def _closing(text: str, start: int) -> int | None:
    """Where the quote or bracket opened at ``start`` closes on the same line, if it does."""
    opener = text[start]
    closer = _CLOSERS[opener]
    index = start + 1
    while index < len(text):
        character = text[index]
        if opener == '"' and character == "\\":
            index += 2
            continue
        if opener == "'" and text.startswith("''", index):
            index += 2
            continue
        if character == closer:
            return index
        index += 1
    return None


def _unclosed(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A quote or a bracket that is never closed."""
    mark, context = error.context_mark, error.context or ""
    if mark is None:
        return None
    if "quoted scalar" in context:
        quote = _line(lines, mark.line)[mark.column : mark.column + 1] or '"'
        other = "'" if quote == '"' else '"'
        message = (
            f"this {quote} is never closed: end the value with {quote}, "
            f"or put the value in {other}…{other} if it holds a {quote}"
        )
        return mark.line, mark.column, message
    if "flow" in context:
        line, column = _last_opened(lines, mark.line) if "flow node" in context else (mark.line, mark.column)
        opener = _line(lines, line)[column : column + 1]
        if opener not in ("[", "{"):
            return None
        message = (
            f"this '{opener}' is never closed: a value starting with '{opener}' is read as a "
            f"{_OPENERS_READ_AS[opener]}; if the value is text, put it in quotes, else close it with "
            f"'{_CLOSERS[opener]}'"
        )
        return line, column, message
    return None


def _last_opened(lines: list[str], line: int) -> tuple[int, int]:
    """The last '[' or '{' on this line or above it: where a list or mapping left open began."""
    for number in range(min(line, len(lines) - 1), -1, -1):
        column = max(lines[number].rfind("["), lines[number].rfind("{"))
        if column >= 0:
            return number, column
    return line, 0


def _cannot_start(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A value opening with a character YAML reserves (``@``, a backtick, ``*``, ``&``, ``|`` with text)."""
    mark = error.context_mark if "scanning" in (error.context or "") else None
    mark = mark or error.problem_mark
    if mark is None:
        return None
    character = _line(lines, mark.line)[mark.column : mark.column + 1]
    if not character or character not in _CANNOT_START:
        return None
    if character in "|>":
        message = f"text cannot follow '{character}' on its line: start the text on the next line, indented"
    else:
        message = f"a value cannot start with '{character}' in YAML: put the whole value in quotes"
    return mark.line, mark.column, message


def _colon_in_text(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A second ': ' on a ``key: value`` line: the value is text holding a colon."""
    if _kind(error) != _COLON or error.problem_mark is None:
        return None
    line, column = error.problem_mark.line, error.problem_mark.column
    if not _INNER_KEY.match(_line(lines, line)[:column]):
        return None
    return (
        line,
        column,
        "': ' inside an unquoted value starts a new key in YAML: put the whole value in quotes",
    )


def _misaligned(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A line indented differently from the key on the line above it."""
    if _kind(error) not in (_COLON, _KEY_EXPECTED):
        return None
    line = _problem_line(error)
    text = _line(lines, line)
    if not text.strip() or text.lstrip().startswith("-"):
        return None
    above = _previous_content(lines, line)
    if above is None or _indent(lines[above]) == _indent(text):
        return None
    if re.match(r"[ \t]*-[^\s-]", lines[above]):
        return above, _indent(lines[above]), _NO_SPACE_AFTER_DASH
    key = lines[above].strip().lstrip("- ").split(":", 1)[0]
    message = (
        f"this line is indented by {_spaces(_indent(text))} and '{key}' on line {above + 1} by "
        f"{_spaces(_indent(lines[above]))}: indent it to line up with '{key}'"
    )
    return line, _indent(text), message


def _spaces(count: int) -> str:
    """A count of spaces, in words."""
    return f"{count} space{'s' * (count != 1)}"


def _previous_content(lines: list[str], line: int) -> int | None:
    """The nearest line above this one that holds more than a comment."""
    for number in range(line - 1, -1, -1):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
    return None


def _stray_item(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A list item among a mapping's keys, or a key among a list's items."""
    line = _problem_line(error)
    text = _line(lines, line)
    column = _indent(text)
    if _kind(error) == _KEY_EXPECTED and text[column:].startswith("-"):
        message = (
            "a list item ('- ') among the keys of a mapping: remove the '- ', "
            "or indent the item under the key whose list it belongs to"
        )
        return line, column, message
    if _kind(error) == _ITEM_EXPECTED:
        if re.match(r"-[^\s-]", text[column:]):
            return line, column, _NO_SPACE_AFTER_DASH
        message = (
            "a 'key: value' line among the items of a list: start it with '- ' if it begins a new item, "
            "or indent it to line up with the keys of the item above"
        )
        return line, column, message
    return None


def _no_space(lines: list[str], error: yaml.MarkedYAMLError) -> Found | None:
    """A key without ': ' after it, often ``key:value``."""
    if _kind(error) != _COLON_EXPECTED or error.context_mark is None:
        return None
    line = error.context_mark.line
    text = _line(lines, line)
    colon = re.search(r":(?=\S)", text)
    if colon is not None:
        key = text[: colon.start()].strip()
        message = f"a key needs a space after its ':': write '{key}: ' and then the value"
        return line, colon.start(), message
    message = (
        "this line has no ': ' after its key: write it as 'key: value' "
        "(if it continues the text above, put that text in quotes)"
    )
    return line, _indent(text), message


_RECOGNISERS: tuple[Callable[[list[str], yaml.MarkedYAMLError], Found | None], ...] = (
    _tab,
    _closes_early,
    _unclosed,
    _cannot_start,
    _colon_in_text,
    _stray_item,
    _misaligned,
    _no_space,
)
"""Tried in order; the first that knows the mistake describes it."""
