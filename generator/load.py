"""Read a briefing's files (found by ``generator.find``) into located nodes.

Nodes keep the text exactly as written and where it was written; deciding what the text means (a date, a
number, an id) is the model's job. Reading is done from parser events rather than PyYAML's constructors, so
that no YAML 1.1 conversion (``yes`` to ``True``), no anchor expansion and no tag ever takes effect.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from generator import yaml_errors
from generator.errors import Location, Problem
from generator.find import BRIEFING_FILES as BRIEFING_FILES
from generator.find import ContentFile as ContentFile
from generator.find import find_files as find_files

try:  # libyaml's parser is about ten times faster; positions are the same.
    _PARSER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _PARSER = yaml.SafeLoader

MAX_DEPTH = 64
"""How deeply collections may nest; a briefing needs fewer than ten levels."""
MAX_FILE_BYTES = 8 * 1024 * 1024
"""How large one content file may be; thousands of entities fit in far less.

Checked before a file is read, and again as it is read (one byte more at most), as a file may grow meanwhile
and some report no size at all."""
_CHUNK = 64 * 1024
"""How much is asked for at a time past a file's reported size."""
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
"""A file is opened without waiting: a named pipe put in its place meanwhile cannot hang the read."""
_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}
"""What a content file might be instead of an ordinary file, in words."""

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_PLAIN_STYLES = ("", None)  # libyaml's and the pure-Python parser's spelling of a plain scalar


@dataclass(slots=True)
class Scalar:
    """A scalar exactly as written."""

    value: str
    """The text, after YAML's own quoting and folding rules."""
    plain: bool
    """Whether it was written without quotes or block style (only plain scalars can be null)."""
    at: Location
    """Where it starts."""
    comment: Location | None = None
    """Where a comment starts on the line a plain scalar ends on, right after it: YAML cut the text there."""

    @property
    def is_null(self) -> bool:
        """Whether it is YAML's null: nothing, ``~`` or ``null``."""
        return self.plain and self.value in _NULLS


@dataclass(slots=True)
class Mapping:
    """A mapping, its keys in the order written."""

    items: tuple[tuple[Scalar, Node], ...]
    """The key and value pairs, duplicates included (the model reports them)."""
    at: Location
    """Where it starts."""


@dataclass(slots=True)
class Sequence:
    """A list."""

    items: tuple[Node, ...]
    """The items in order."""
    at: Location
    """Where it starts."""


Node = Scalar | Mapping | Sequence
"""Nodes are the parser's output, never changed; not frozen, since frozen dataclasses are slow to make."""


T = TypeVar("T")


class FileCache:
    """Files already parsed, with their problems; each parsed again once its bytes or modified time change.

    ``mkdocs serve`` rebuilds on every change; with a cache, only the files that changed are parsed again.
    Every file is read at each rebuild (cheap beside parsing it) and its bytes compared, by their hash, with
    the bytes last parsed: a file rewritten at the same size within the clock's granularity is not mistaken
    for the version before. A file touched (its modification time changed) is parsed again too.

    What is made from a file's nodes (its entities, read and checked) can be kept with it (``derived``), so
    that an unchanged file costs neither parsing nor reading again. The nodes themselves are kept only until
    the end of a pass (``one_pass``), where more may be made of them, and outside one not at all: kept, they
    would be most of what the garbage collector has to look through at every rebuild.
    """

    def __init__(self) -> None:
        self._files: dict[Path, _Kept] = {}
        self.reads = 0
        """How many files were parsed anew rather than taken from the cache."""
        self._pass: dict[Path, tuple[_Kept | None, list[Problem]]] | None = None
        """Within ``one_pass``: each file as read in it, with the problems of reading it."""
        self._listed: dict[Path, tuple[list[ContentFile], list[Problem]]] = {}
        """Within ``one_pass``: each folder's files as listed in it, with the problems of listing them."""

    def read(self, file: ContentFile, problems: list[Problem]) -> Node | None:
        """The file's nodes, parsed again only if it changed since it was last parsed."""
        kept = self._kept(file, problems)
        if kept is None:
            return None
        node = kept.nodes()
        self._used(kept)
        return node

    def derived(
        self, file: ContentFile, problems: list[Problem], what: Hashable, make: Callable[[Node], T]
    ) -> T | None:
        """What ``make`` makes of the file's nodes, made again only if the file changed; None if unread."""
        kept = self._kept(file, problems)
        if kept is None:
            return None
        if what not in kept.derived:
            node = kept.nodes()
            kept.derived[what] = None if node is None else make(node)
            self._used(kept)
        made: T | None = kept.derived[what]
        return made

    def nodes_of(self, file: ContentFile) -> Node | None:
        """The nodes of a file as last read, without reading it again."""
        kept = self._files.get(file.path)
        return None if kept is None else kept.nodes()

    @contextlib.contextmanager
    def one_pass(self) -> Iterator[None]:
        """Within it, each file is read once and each folder listed once: whoever asks again gets the same."""
        self._pass, self._listed = {}, {}
        try:
            yield
        finally:
            self._pass, self._listed = None, {}
            self.let_go()

    def find(self, content: Path, problems: list[Problem]) -> list[ContentFile]:
        """The content folder's files (``find_files``), listed once within a pass."""
        if self._pass is None:
            return find_files(content, problems)
        if content not in self._listed:
            found: list[Problem] = []
            self._listed[content] = (find_files(content, found), found)
        files, found = self._listed[content]
        problems.extend(found)
        return files

    def let_go(self) -> None:
        """Forget the files' nodes, keeping what was made of them; they are parsed again if asked for."""
        for kept in self._files.values():
            kept.node, kept.released = None, True

    def _used(self, kept: _Kept) -> None:
        """Let a file's nodes go once used, unless within a pass."""
        if self._pass is None:
            kept.node, kept.released = None, True

    def keep(self, paths: set[Path]) -> None:
        """Forget every file but these: the files of the briefing just read."""
        for path in self._files.keys() - paths:
            del self._files[path]

    def _kept(self, file: ContentFile, problems: list[Problem]) -> _Kept | None:
        if self._pass is not None and file.path in self._pass:
            kept, found = self._pass[file.path]
            problems.extend(found)
            return kept
        found = []
        kept = self._read(file, found)
        if self._pass is not None:
            self._pass[file.path] = (kept, found)
        problems.extend(found)
        return kept

    def _read(self, file: ContentFile, problems: list[Problem]) -> _Kept | None:
        read = read_bytes(file, problems)
        if read is None:
            return None
        data, status = read
        stamp = (status.st_mtime_ns, hashlib.blake2b(data, digest_size=16).digest())
        kept = self._files.get(file.path)
        if kept is None or kept.stamp != stamp:
            self.reads += 1
            kept = _Kept(stamp, data, file.shown)
            self._files[file.path] = kept
        problems.extend(kept.problems)
        return kept


class _Kept:
    """A file as the cache keeps it: its bytes, their problems, and what was made of them."""

    def __init__(self, stamp: tuple[int, bytes], data: bytes, shown: str) -> None:
        self.stamp = stamp
        self.data = data
        self.shown = shown
        self.problems: list[Problem] = []
        self.node = parse_bytes(data, shown, self.problems)
        self.released = False
        self.derived: dict[Hashable, Any] = {}

    def nodes(self) -> Node | None:
        """The file's nodes, parsed again from its bytes if they were let go: the same nodes and problems."""
        if self.released:
            self.node, self.released = parse_bytes(self.data, self.shown, []), False
        return self.node


def read_file(file: ContentFile, problems: list[Problem]) -> Node | None:
    """Read one file into nodes, or report why it cannot be read and return None."""
    read = read_bytes(file, problems)
    return None if read is None else parse_bytes(read[0], file.shown, problems)


def read_bytes(file: ContentFile, problems: list[Problem]) -> tuple[bytes, os.stat_result] | None:
    """The bytes of an ordinary file of at most MAX_FILE_BYTES, and its status; or None, said why.

    Anything else named like a content file is refused before it is opened: a named pipe would wait for a
    writer for ever, and a device such as ``/dev/zero`` would never end.
    """
    at = Location(file.shown, 1, 1)
    limit = f"{MAX_FILE_BYTES:,}"
    try:
        status = file.path.stat()
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "an unusual kind of file")
            problems.append(Problem(at, f"not a regular file ({kind}); content files must be ordinary files"))
            return None
        if status.st_size > MAX_FILE_BYTES:
            size = f"{status.st_size:,}"
            message = f"the file is {size} bytes, more than a content file may have ({limit}); split it"
            problems.append(Problem(at, message))
            return None
        data = _read_at_most(file.path, MAX_FILE_BYTES + 1, status.st_size)
    except OSError as error:
        problems.append(Problem(at, f"cannot read the file: {error.strerror or error}"))
        return None
    if len(data) > MAX_FILE_BYTES:
        message = f"the file holds more than {limit} bytes, more than a content file may have; split it"
        problems.append(Problem(at, message))
        return None
    return data, status


def _read_at_most(path: Path, limit: int, size: int) -> bytes:
    """Up to ``limit`` bytes of a file, whatever size it reported (``size``)."""
    descriptor = os.open(path, _OPEN_FLAGS)
    try:
        chunks = []
        read = 0
        while read < limit:
            chunk = os.read(descriptor, min(limit - read, max(size + 1 - read, _CHUNK)))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def parse_bytes(data: bytes, shown: str, problems: list[Problem]) -> Node | None:
    """Parse a file's bytes into nodes, or report why they cannot be and return None."""
    text = _decode(data, shown, problems)
    return None if text is None else parse(text, shown, problems)


def _decode(data: bytes, shown: str, problems: list[Problem]) -> str | None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        message = f"the file is not UTF-8 (byte 0x{byte:02X} here); save it as UTF-8"
        problems.append(Problem(Location(shown, line, column), message))
        return None
    return text.removeprefix("\ufeff")


def parse(text: str, shown: str, problems: list[Problem]) -> Node | None:
    """Parse one YAML document into nodes, reporting what the content format does not allow."""
    builder = _Builder(shown, problems, text)
    parser = _PARSER(text)
    try:
        builder.run(parser.get_event)
    except yaml.MarkedYAMLError as error:
        line, column, message = yaml_errors.describe(text, error)
        message = yaml_errors.with_excerpt(message, text, line, column)
        problems.append(Problem(Location(shown, line + 1, column + 1), message))
        return None
    except yaml.reader.ReaderError as error:
        problems.append(Problem(_index_location(text, shown, error.position), _reader_message(error)))
        return None
    finally:
        parser.dispose()
    if builder.failed:
        return None
    if builder.root is None:
        problems.append(Problem(Location(shown, 1, 1), "the file is empty: expected an entity or a list"))
    return builder.root


def _reader_message(error: yaml.reader.ReaderError) -> str:
    character = error.character
    code = character if isinstance(character, int) else ord(character)
    return f"the character U+{code:04X} is not allowed in YAML; remove it"


def _index_location(text: str, shown: str, index: int) -> Location:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return Location(shown, line, column)


class _Builder:
    """Turns parser events into nodes, one document, refusing what data files have no need of."""

    def __init__(self, shown: str, problems: list[Problem], text: str) -> None:
        self.shown = shown
        self.lines = yaml_errors.lines_of(text)
        self.commented = {number for number, line in enumerate(self.lines) if "#" in line}
        """The lines a comment may be on (0-based): those with a '#'."""
        self.problems = problems
        self.root: Node | None = None
        self.documents = 0
        self.failed = False
        self.stack: list[tuple[Location, list[Node], bool]] = []

    def run(self, next_event: Callable[[], yaml.Event]) -> None:
        """Take every event of the stream, stopping at the first the content format refuses."""
        shown, stack, location = self.shown, self.stack, tuple.__new__
        while True:
            event = next_event()
            if type(event) is yaml.ScalarEvent and event.anchor is None and event.tag is None:  # most events
                mark = event.start_mark
                at = location(Location, (shown, mark.line + 1, mark.column + 1))  # type: ignore[union-attr]
                scalar = Scalar(event.value, event.style in _PLAIN_STYLES, at)
                end = event.end_mark
                if scalar.plain and end is not None and end.line in self.commented:
                    scalar.comment = self._comment_after(end.line, end.column)
                node: Node = scalar
                if stack:
                    stack[-1][1].append(node)
                else:
                    self.root = node
            elif type(event) is yaml.StreamEndEvent:
                return
            elif not self.add(event):
                self.failed = True
                return

    def add(self, event: yaml.Event) -> bool:
        """Take one event other than a plain scalar; return False once the file cannot be read further."""
        mark = event.start_mark
        at = Location(self.shown, mark.line + 1, mark.column + 1) if mark else Location(self.shown, 1, 1)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problems.append(Problem(at, "a second YAML document ('---'): keep one document a file"))
                return False
            return True
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(Problem(at, f"an alias ('*{event.anchor}'): write the value out in full"))
            return False
        if isinstance(event, yaml.NodeEvent) and not self._plain_node(event, at):
            return False
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self.problems.append(Problem(at, f"nested more than {MAX_DEPTH} levels deep"))
                return False
            self.stack.append((at, [], isinstance(event, yaml.MappingStartEvent)))
        elif isinstance(event, yaml.ScalarEvent):
            self._finish(Scalar(event.value, event.style in _PLAIN_STYLES, at))
        elif isinstance(event, yaml.CollectionEndEvent):
            start, items, is_mapping = self.stack.pop()
            node = self._mapping(start, items) if is_mapping else Sequence(tuple(items), start)
            if node is None:
                return False
            self._finish(node)
        return True

    def _comment_after(self, line: int, column: int) -> Location | None:
        """Where a '#' that reads as part of the text cut a plain scalar ending at this line and column.

        That is a '#' followed by a letter or digit, as in a hashtag or "#3" (line and column are 0-based).
        A comment, written '# ...', is the author's and stays allowed.
        """
        rest = self.lines[line][column:]
        after = rest.lstrip(" \t")
        if not after.startswith("#") or after[1:2].isspace() or after[1:] == "":
            return None
        return Location(self.shown, line + 1, column + len(rest) - len(after) + 1)

    def _plain_node(self, event: yaml.NodeEvent, at: Location) -> bool:
        if event.anchor is not None:
            self.problems.append(Problem(at, f"an anchor ('&{event.anchor}'): write each value out in full"))
            return False
        tag = getattr(event, "tag", None)
        if tag is not None:
            self.problems.append(Problem(at, f"a YAML tag ('{tag}'): content is plain data; remove the tag"))
            return False
        return True

    def _mapping(self, start: Location, items: list[Node]) -> Mapping | None:
        pairs = []
        for key, value in zip(items[0::2], items[1::2], strict=True):
            if not isinstance(key, Scalar):
                self.problems.append(Problem(key.at, "a key must be text, not a mapping or a list"))
                return None
            pairs.append((key, value))
        return Mapping(tuple(pairs), start)

    def _finish(self, node: Node) -> None:
        if self.stack:
            self.stack[-1][1].append(node)
        else:
            self.root = node
