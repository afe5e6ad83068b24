"""Recording an edition (``briefing edition``): its file in ``content/editions/`` and its entry in updates.

An edition's file holds its number, date and text, and the briefing's data that changed since the edition
before, entity by entity: each entity added or changed whole, each removed by its id (the first edition
holds the whole briefing). It is indented JSON (``generator.edition_files``), keys in the model's order and
entities in order of id, so the same briefing gives the same bytes, and a review of the commit reads what
changed. Its entry in ``updates`` is written into ``briefing.yml`` itself, at the top of the list, leaving
every other character of the file, comments included, as the author wrote it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator import export
from generator.dates import Date, DateError
from generator.edition_files import FORMAT, KEYS, VERSION, dump
from generator.editions import History, editions_folder, read_history, with_history
from generator.errors import BriefingError, Problem
from generator.files import write_atomically, write_new
from generator.find import BRIEFING_FILES, EDITION_SUFFIX
from generator.history import FOLDERS, Change, Record, State, compare, moment
from generator.load import MAX_FILE_BYTES
from generator.model import Briefing

_WIDE = 1_000_000
"""The width PyYAML may fill: an update's lines are never folded."""


class Refused(Exception):
    """The edition cannot be recorded as asked; the message says why and what to do."""


@dataclass(frozen=True)
class Delta:
    """What changed in the briefing's data between two states, entity by entity."""

    info: Record | None = None
    """The briefing's own record, when it changed."""
    added: dict[str, list[Record]] = field(default_factory=dict)
    """The entities added, whole, by category folder."""
    changed: dict[str, list[Record]] = field(default_factory=dict)
    """The entities changed, whole as they are now, by category folder."""
    removed: dict[str, list[str]] = field(default_factory=dict)
    """The ids of the entities removed, by category folder."""

    @classmethod
    def between(cls, old: State, new: State) -> Delta:
        """What changed from one state to the next; each category's entities in order of id."""
        delta = cls(new.info if new.info != old.info else None)
        for folder in FOLDERS:
            before, after = old.records.get(folder, {}), new.records.get(folder, {})
            added = [after[id] for id in sorted(after.keys() - before.keys())]
            changed = [after[id] for id in sorted(after.keys() & before.keys()) if after[id] != before[id]]
            removed = sorted(before.keys() - after.keys())
            for kept, found in ((delta.added, added), (delta.changed, changed), (delta.removed, removed)):
                if found:
                    kept[folder] = found  # type: ignore[assignment]
        return delta

    @property
    def empty(self) -> bool:
        """Whether nothing changed."""
        return self.info is None and not (self.added or self.changed or self.removed)

    def touched(self) -> dict[str, set[str]]:
        """The ids of the entities added, changed or removed, by category folder."""
        found: dict[str, set[str]] = {}
        for records in (self.added, self.changed):
            for folder, items in records.items():
                found.setdefault(folder, set()).update(record["id"] for record in items)
        for folder, ids in self.removed.items():
            found.setdefault(folder, set()).update(ids)
        return found


def edition_text(number: int, date: str, text: str, delta: Delta) -> str:
    """The text of an edition's file."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "edition": number, "date": date}
    document["text"] = text
    if delta.info is not None:
        document["briefing"] = delta.info
    for key in KEYS[6:]:
        if getattr(delta, key):
            document[key] = getattr(delta, key)
    return dump(document)


class _Dumper(yaml.SafeDumper):
    """PyYAML's safe writer, with text of several lines as a block, as an author writes it."""


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_Dumper.add_representer(str, _text)


@dataclass(frozen=True)
class Recorded:
    """An edition just recorded."""

    path: Path
    """Its file."""
    number: int
    """Its number."""
    changes: tuple[Change, ...]
    """What changed since the edition before."""
    briefing_file: Path | None
    """The briefing file its update was added to; None if the update was there already."""


def record_edition(
    content: Path, date: str, text: str, load: Callable[[Path], Briefing], *, allow_empty: bool = False
) -> Recorded:
    """Record the briefing as it is now as a new edition; its update goes at the top of the updates.

    Raises Refused for a date or text that will not do, a date before the last edition's, or (unless
    ``allow_empty``) nothing changed since the last edition; BriefingError if the briefing or its editions
    are invalid, or the update's text makes the briefing invalid (the briefing file is then left as it was).
    """
    when, text = _date(date), text.strip()
    if not text:
        raise Refused("--text is empty: say in a sentence what changed in this edition")
    briefing, history = with_history(content, load)
    now = State.of(export.briefing_data(briefing))
    delta = _delta(history, now, when, allow_empty)
    number = (history.latest.number if history.latest else 0) + 1
    folder = editions_folder(content)
    if os.path.lexists(folder) and not folder.is_dir():
        raise Refused(f"{folder.as_posix()} is not a folder, where the editions go; move it away")
    path = folder / _file_name(folder, when)
    recorded = _readable(edition_text(number, when, text, delta))
    briefing_file = add_update(content, briefing, when, text, load)
    written = False
    try:
        folder.mkdir(exist_ok=True)
        write_new(path, recorded)
        written = True
        _check_recorded(content, now, number)
    except BaseException:
        if written:
            path.unlink()
        if briefing_file is not None:
            briefing_file.restore()
        raise
    changes = tuple(compare(history.state, now, only=delta.touched()))
    return Recorded(path, number, changes, briefing_file.path if briefing_file else None)


def _delta(history: History, now: State, when: str, allow_empty: bool) -> Delta:
    """What changed since the last edition; Refused for a date before its date, or for nothing changed."""
    latest = history.latest
    if latest is not None and moment(when) < moment(latest.date):
        raise Refused(
            f"--date {when} is before the last edition's date ({latest.date}, {latest.file}); an edition is "
            "dated no earlier than the one before it"
        )
    delta = Delta.between(history.state, now)
    if delta.empty and not allow_empty:
        since = f"edition {latest.number} ({latest.date})" if latest else "the last edition"
        raise Refused(f"nothing changed since {since}; to record an edition all the same, add --allow-empty")
    return delta


def _readable(text: str) -> str:
    """An edition's text, if it is not too large to be read back; Refused otherwise."""
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise Refused(
            f"the edition's file would hold {size:,} bytes, more than a content file may "
            f"({MAX_FILE_BYTES:,}): the briefing is too large to record whole"
        )
    return text


def _date(text: str) -> str:
    try:
        return str(Date.parse(text))
    except DateError as error:
        raise Refused(f"--date '{text}' is not a date: {error}") from None


def _file_name(folder: Path, date: str) -> str:
    """A name for an edition's file from its date (``2025-04-02.json``), numbered if the day has one."""
    stem = date.replace(":", "").rstrip("~")  # a colon is no part of a file name on Windows
    count = 1
    while True:
        name = stem if count == 1 else f"{stem}-{count}"
        if not os.path.lexists(folder / f"{name}{EDITION_SUFFIX}"):
            return f"{name}{EDITION_SUFFIX}"
        count += 1


def _check_recorded(content: Path, now: State, number: int) -> None:
    """Read the editions back: the last must leave the briefing as it is (otherwise, a bug of ours)."""
    problems: list[Problem] = []
    history = read_history(content, problems)
    if problems or history.state != now or history.latest is None or history.latest.number != number:
        details = "; ".join(str(problem) for problem in problems) or "the replayed briefing differs"
        raise RuntimeError(f"edition {number} does not read back as written: {details}")


@dataclass(frozen=True)
class _Rewritten:
    """A briefing file rewritten with a new update, and how to put it back as it was."""

    path: Path
    """The briefing file (as found in the content folder)."""
    real: Path
    """The file written (the briefing file, or the file it links to inside the content folder)."""
    original: bytes
    """Its bytes before."""

    def restore(self) -> None:
        """Put the file back as it was."""
        write_atomically(self.real, self.original, _mode(self.real))


def add_update(
    content: Path, briefing: Briefing, date: str, text: str, load: Callable[[Path], Briefing]
) -> _Rewritten | None:
    """Put an update at the top of the briefing file's updates, unless it is there already.

    The briefing is read again with it; if the text makes it invalid, the file is put back as it was and
    BriefingError raised.
    """
    if any(str(update.date) == date and update.text == text for update in briefing.info.updates):
        return None
    path = next(content / name for name in BRIEFING_FILES if (content / name).is_file())
    real = Path(os.path.realpath(path))
    original = real.read_bytes()
    source = original.decode("utf-8")
    bom = "\ufeff" if source.startswith("\ufeff") else ""
    rewritten = _Rewritten(path, real, original)
    updated = bom + insert_update(source.removeprefix(bom), date, text)
    write_atomically(real, updated.encode("utf-8"), _mode(real))
    try:
        load(content)
    except BaseException:
        rewritten.restore()
        raise
    return rewritten


def insert_update(source: str, date: str, text: str) -> str:
    """The briefing file's text with an update at the top of its updates (the list made if missing).

    Only the update's own lines are added: every other character stays as written.
    """
    newline = "\r\n" if "\r\n" in source else "\n"
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise BriefingError([])  # pragma: no cover - the briefing was read as valid just before
    found = [(key, value) for key, value in root.value if key.value == "updates"]
    if root.flow_style:
        changed = _in_flow(source, root, found, date, text)
    elif not found:
        block = _block(root.start_mark.column, date, text, newline)
        changed = (
            source + ("" if source.endswith("\n") or not source else newline) + f"updates:{newline}{block}"
        )
    else:
        key, value = found[0]
        changed = _in_block(source, key, value, date, text, newline)
    if _first_update(changed) != (date, text):  # pragma: no cover - a bug of ours
        raise RuntimeError("the update was not written where it belongs in the briefing file")
    return changed


def _first_update(source: str) -> tuple[object, object] | None:
    """The date and text of the first update of a briefing file's text, as written."""
    root = yaml.compose(source, Loader=yaml.SafeLoader)
    updates = [value for key, value in getattr(root, "value", []) if key.value == "updates"]
    if not updates or not isinstance(updates[0], yaml.SequenceNode) or not updates[0].value:
        return None
    first = {key.value: value.value for key, value in updates[0].value[0].value}
    return first.get("date"), first.get("text")


def _in_block(source: str, key: yaml.Node, value: yaml.Node, date: str, text: str, newline: str) -> str:
    """The update put into a block mapping's updates: before its first item, or as its new list."""
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        return _into_flow_list(source, value, date, text)
    if isinstance(value, yaml.SequenceNode) and value.value:
        line_start = value.start_mark.index - value.start_mark.column
        block = _block(value.start_mark.column, date, text, newline)
        return source[:line_start] + block + source[line_start:]
    start, end = value.start_mark.index, value.end_mark.index  # nothing, ~ or null: the list replaces it
    source = source[:start] + source[end:]
    next_line = source.find("\n", key.start_mark.index)
    at = len(source) if next_line < 0 else next_line + 1
    prefix = "" if next_line >= 0 else newline
    return source[:at] + prefix + _block(key.start_mark.column + 2, date, text, newline) + source[at:]


def _in_flow(source: str, root: yaml.MappingNode, found: list[Any], date: str, text: str) -> str:
    """The update put into a flow mapping (``{...}``, as JSON is written)."""
    entry = _flow_entry(date, text)
    if not found:
        end = root.end_mark.index - 1  # the closing brace
        return source[:end] + f", updates: [{entry}]" + source[end:]
    value = found[0][1]
    if isinstance(value, yaml.SequenceNode):
        return _into_flow_list(source, value, date, text)
    return source[: value.start_mark.index] + f"[{entry}]" + source[value.end_mark.index :]


def _into_flow_list(source: str, value: yaml.SequenceNode, date: str, text: str) -> str:
    after = value.start_mark.index + 1  # the opening bracket
    separator = ", " if value.value else ""
    return source[:after] + _flow_entry(date, text) + separator + source[after:]


def _flow_entry(date: str, text: str) -> str:
    quoted = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=_WIDE).rstrip("\n")
    return f'{{date: "{date}", text: {quoted}}}'


def _block(indent: int, date: str, text: str, newline: str) -> str:
    """The update as a block list item, its lines indented."""
    written = yaml.dump({"text": text}, Dumper=_Dumper, allow_unicode=True, width=_WIDE)
    lines = [f"- date: {date}", *(f"  {line}" if line else "" for line in written.splitlines())]
    return "".join((" " * indent + line if line else "") + newline for line in lines)


def _mode(path: Path) -> int:
    """A file's permissions, for the file that replaces it."""
    return path.stat().st_mode & 0o7777
