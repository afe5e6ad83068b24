"""An edition's file (``content/editions/*.json``): written as JSON, read back and checked, problems located.

The files are written by ``briefing edition`` (``generator.recording``) as indented JSON, which a review reads
line by line and which reads back in a fraction of the time YAML would (the first edition holds the whole
briefing). A merge can still break one, so each is checked as it is read; what is wrong is said at its line
and column, found by reading the file again as located nodes (JSON is YAML) only when something is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from generator.dates import Date, DateError
from generator.errors import Location, Problem, did_you_mean
from generator.find import ContentFile
from generator.history import FOLDERS, NOUNS, Record
from generator.load import Mapping, Node, Scalar, Sequence, parse_bytes, read_bytes

FORMAT, VERSION = "briefing edition", 1
"""What an edition's file says it is, and the version of its layout."""
KEYS = ("format", "version", "edition", "date", "text", "briefing", "added", "changed", "removed")
"""The keys of an edition's file, in the order they are written; the first five are required."""
RESTORE = "restore the file as 'briefing edition' wrote it"
"""How to mend an edition's file that is not as the tool wrote it (a merge gone wrong)."""
_ESCAPED = str.maketrans({0x2028: "\\u2028", 0x2029: "\\u2029", 0xFFFE: "\\ufffe", 0xFFFF: "\\uffff"})
"""Characters JSON may hold as they are but YAML, and so the files read as located nodes, may not."""

Place = tuple[str | int | None, ...]
"""Where a value is in an edition's data: keys and list indexes (``("removed", "claims", 0)``); a last None
stands for the key before it rather than its value."""


def dump(document: dict[str, Any]) -> str:
    """An edition's data as the text of its file."""
    return json.dumps(document, ensure_ascii=False, indent=2).translate(_ESCAPED) + "\n"


@dataclass
class Recorded:
    """One edition's file as read, before it is replayed."""

    file: str
    """The file, as messages show it."""
    source: bytes = field(default=b"", repr=False)
    """Its bytes, to locate a problem found later."""
    number: int = 0
    """The edition's number."""
    date: str = ""
    """Its date, as written."""
    text: str = ""
    """What its update says."""
    info: Record | None = None
    """The briefing's own record, when the edition changed it (the first always does)."""
    added: list[tuple[str, Record, Place]] = field(default_factory=list)
    """Each entity added: its category folder, its record, and where it is in the file."""
    changed: list[tuple[str, Record, Place]] = field(default_factory=list)
    """Each entity changed, as ``added``."""
    removed: list[tuple[str, str, Place]] = field(default_factory=list)
    """Each entity removed: its category folder, its id, and where it is in the file."""
    _node: Node | None = field(default=None, repr=False)
    """The file read as located nodes, once a problem needs locating."""

    def at(self, path: Place) -> Location:
        """Where a value is written in the file (its innermost part there is, if it is not)."""
        if self._node is None:
            self._node = parse_bytes(self.source, self.file, []) or Scalar(
                "", True, Location(self.file, 1, 1)
            )
        return locate(self._node, path)


def read_edition(file: ContentFile, problems: list[Problem]) -> Recorded | None:
    """An edition's file read and checked, or None when it cannot be (each problem reported)."""
    read = read_bytes(file, problems)
    if read is None:
        return None
    source = read[0]
    try:
        data = json.loads(source.decode("utf-8").removeprefix("\ufeff"), object_pairs_hook=_unique)
    except json.JSONDecodeError as error:
        message = f"not JSON as 'briefing edition' writes it: {error.msg}; {RESTORE}"
        problems.append(Problem(Location(file.shown, error.lineno, error.colno), message))
        return None
    except (UnicodeDecodeError, _Duplicate):
        _node_problems(source, file.shown, problems)  # said where they are
        return None
    recorded = Recorded(file.shown, source)
    foreign = _foreign(data)
    if foreign is not None:
        problems.append(Problem(recorded.at(("version",)), foreign))
        return None
    found = list(_check(data, recorded))
    for path, message in found:
        problems.append(Problem(recorded.at(path), f"{message}; {RESTORE}"))
    return None if found else recorded


def _foreign(data: Any) -> str | None:
    """Why a file is of a format or version of editions this generator does not read; None if it reads it."""
    if not isinstance(data, dict):
        return None
    written = (data.get("format", FORMAT), data.get("version", VERSION))
    if written == (FORMAT, VERSION):
        return None
    return (
        f"an edition of format '{written[0]}', version {written[1]}, which this briefing does not read "
        f"('{FORMAT}', version {VERSION}): update briefing, or {RESTORE}"
    )


class _Duplicate(ValueError):
    """A key given twice in an object."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise _Duplicate
    return found


def _check(data: Any, recorded: Recorded) -> Iterator[tuple[Place, str]]:
    """What is not as the tool writes it, where; the record filled in with what is."""
    if not isinstance(data, dict):
        yield (
            (),
            f"expected the object of an edition (format, version, edition...), found {_kind(data)}",
        )
        return
    for key in data:
        if key not in KEYS:
            yield (key, None), f"unknown key '{key}'{did_you_mean(key, KEYS)}"
    for key in KEYS[:5]:
        if key not in data:
            yield (), f"missing required key '{key}'"
    yield from _scalars(data, recorded)
    if "briefing" in data:
        if isinstance(data["briefing"], dict):
            recorded.info = data["briefing"]
        else:
            yield ("briefing",), f"briefing: expected the briefing's object, found {_kind(data['briefing'])}"
    for key in KEYS[6:]:
        if key in data:
            yield from _entities(data[key], key, recorded)


def _scalars(data: dict[str, Any], recorded: Recorded) -> Iterator[tuple[Place, str]]:
    """Check the edition's number, date and text."""
    number = data.get("edition", 1)
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        yield ("edition",), f"edition: expected the edition's number (1, 2...), found {_kind(number)}"
    else:
        recorded.number = number
    for key in ("date", "text"):
        value = data.get(key, "-")
        if not isinstance(value, str) or not value.strip():
            yield (key,), f"{key}: expected text, found {_kind(value)}"
        elif key == "text":
            recorded.text = value.strip()
        else:
            try:
                recorded.date = str(Date.parse(value))
            except DateError as error:
                yield (key,), f"date: '{value}' is not a date: {error}"


def _entities(value: Any, key: str, recorded: Recorded) -> Iterator[tuple[Place, str]]:
    """Check ``added``, ``changed`` or ``removed``: lists of records (or of ids) by category folder."""
    if not isinstance(value, dict):
        yield (key,), f"{key}: expected an object of category folders, found {_kind(value)}"
        return
    for folder, items in value.items():
        if folder not in FOLDERS:
            yield (
                (key, folder, None),
                f"{key}: unknown category folder '{folder}'{did_you_mean(folder, FOLDERS)}",
            )
        elif not isinstance(items, list):
            yield (key, folder), f"{key}, {folder}: expected a list, found {_kind(items)}"
        else:
            for index, item in enumerate(items):
                path = (key, folder, index)
                if key == "removed" and isinstance(item, str) and item:
                    recorded.removed.append((folder, item, path))
                elif key != "removed" and isinstance(item, dict) and isinstance(item.get("id"), str):
                    getattr(recorded, key).append((folder, item, path))
                else:
                    wanted = "an id" if key == "removed" else f"{_a(folder)} with its id"
                    yield path, f"{key}, {folder}: expected {wanted}, found {_kind(item)}"


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if value is None or value == "":
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    return f"{text if len(text) <= 60 else text[:57] + '...'}"


def _a(folder: str) -> str:
    noun = NOUNS[folder]
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def locate(node: Node, path: Place) -> Location:
    """Where a value (or key) is among a file's located nodes: its innermost part there is."""
    at = key_at = node.at
    for step in path:
        if step is None:
            return key_at
        found = _step(node, step)
        if found is None:
            break
        key_at, node = found
        at = node.at
    return at


def _step(node: Node, step: str | int) -> tuple[Location, Node] | None:
    """Where the step's key (or item) is, and the node it leads to; None if there is none."""
    if isinstance(node, Mapping) and isinstance(step, str):
        return next(((key.at, value) for key, value in reversed(node.items) if key.value == step), None)
    if isinstance(node, Sequence) and isinstance(step, int) and step < len(node.items):
        return node.items[step].at, node.items[step]
    return None


def _node_problems(source: bytes, shown: str, problems: list[Problem]) -> None:
    """Report, where they are, what JSON's reader only noticed: a key given twice, bytes not UTF-8."""
    node = parse_bytes(source, shown, problems)
    pending = [node] if node is not None else []
    while pending:
        node = pending.pop()
        if isinstance(node, Mapping):
            seen: dict[str, int] = {}
            for key, value in node.items:
                if key.value in seen:
                    first = seen[key.value]
                    message = f"duplicate key '{key.value}'; it is already given at line {first}; {RESTORE}"
                    problems.append(Problem(key.at, message))
                seen.setdefault(key.value, key.at.line)
                pending.append(value)
        elif isinstance(node, Sequence):
            pending.extend(node.items)
    if not any(problem.location.path == shown for problem in problems):  # pragma: no cover - never seen
        problems.append(Problem(Location(shown, 1, 1), f"the file cannot be read; {RESTORE}"))
