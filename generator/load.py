"""Find a briefing's files and read each into located nodes.

Nodes keep the text exactly as written and where it was written; deciding what the text means (a date, a
number, an id) is the model's job. Reading is done from parser events rather than PyYAML's constructors, so
that no YAML 1.1 conversion (``yes`` to ``True``), no anchor expansion and no tag ever takes effect.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import Location, Problem, did_you_mean

try:  # libyaml's parser is about ten times faster; positions are the same.
    _PARSER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _PARSER = yaml.SafeLoader

BRIEFING_FILES = ("briefing.yml", "briefing.yaml")
"""The file holding the briefing itself, under either ending."""
CATEGORY_FOLDERS = ("sources", "actors", "claims", "treaties", "questions", "events")
"""The folders of entities, in the order the contract lists them."""
YAML_SUFFIXES = (".yml", ".yaml")
MAX_DEPTH = 64
"""How deeply collections may nest; a briefing needs fewer than ten levels."""
MAX_FILE_BYTES = 8 * 1024 * 1024
"""How large one content file may be; checked before it is read. Thousands of entities fit in far less."""

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


@dataclass(frozen=True)
class ContentFile:
    """One YAML file of a briefing."""

    folder: str
    """The category folder it lies in, or ``""`` for the briefing file."""
    path: Path
    """Where it is on disk."""
    shown: str
    """The path as messages show it."""


def find_files(content: Path, problems: list[Problem]) -> list[ContentFile]:
    """List a briefing's YAML files: the briefing file first, then each category's in sorted path order.

    YAML files outside the known places are reported rather than silently skipped, since their facts would
    never reach the site. Hidden files and folders (editor and VCS state) are passed over.
    """
    files = []
    briefing = [name for name in BRIEFING_FILES if (content / name).is_file()]
    if not briefing:
        at = Location(_shown(content / BRIEFING_FILES[0]), 1, 1)
        problems.append(Problem(at, "file not found: a briefing needs briefing.yml (title, as_of, summary)"))
    elif len(briefing) > 1:
        at = Location(_shown(content / briefing[1]), 1, 1)
        problems.append(Problem(at, "a second briefing file: keep either briefing.yml or briefing.yaml"))
    else:
        files.append(ContentFile("", content / briefing[0], _shown(content / briefing[0])))
    for path in sorted(_yaml_files(content)):
        relative = path.relative_to(content)
        if len(relative.parts) > 1 and relative.parts[0] in CATEGORY_FOLDERS:
            files.append(ContentFile(relative.parts[0], path, _shown(path)))
        elif relative.name not in BRIEFING_FILES:
            problems.append(Problem(Location(_shown(path), 1, 1), _stray_file_message(relative)))
    return files


def _yaml_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue
        if path.is_dir():
            if not path.is_symlink():  # a linked folder could lead back here
                found.extend(_yaml_files(path))
        elif path.suffix in YAML_SUFFIXES:
            found.append(path)
    return found


def _stray_file_message(relative: Path) -> str:
    if len(relative.parts) == 1:
        return (
            "a YAML file outside the category folders is never read; "
            f"move it into one of {', '.join(CATEGORY_FOLDERS)}"
        )
    folder = relative.parts[0]
    return f"unknown folder '{folder}'{did_you_mean(folder, CATEGORY_FOLDERS)}; the category folders are " + (
        ", ".join(CATEGORY_FOLDERS)
    )


def _shown(path: Path) -> str:
    return path.as_posix()


class FileCache:
    """Files already read, with their problems, kept while each file's modification time and size stay.

    ``mkdocs serve`` rebuilds on every change; with a cache, only the files that changed are read again.
    """

    def __init__(self) -> None:
        self._files: dict[Path, tuple[tuple[int, int], Node | None, list[Problem]]] = {}
        self.reads = 0
        """How many files were read from disk rather than taken from the cache."""

    def read(self, file: ContentFile, problems: list[Problem]) -> Node | None:
        """The file's nodes, read again only if it changed since it was last read."""
        try:
            status = file.path.stat()
        except OSError:
            return read_file(file, problems)
        stamp = (status.st_mtime_ns, status.st_size)
        cached = self._files.get(file.path)
        if cached is None or cached[0] != stamp:
            found: list[Problem] = []
            self.reads += 1
            cached = (stamp, read_file(file, found), found)
            self._files[file.path] = cached
        problems.extend(cached[2])
        return cached[1]

    def keep(self, paths: set[Path]) -> None:
        """Forget every file but these: the files of the briefing just read."""
        for path in self._files.keys() - paths:
            del self._files[path]


def read_file(file: ContentFile, problems: list[Problem]) -> Node | None:
    """Read one file into nodes, or report why it cannot be read and return None."""
    try:
        size = file.path.stat().st_size
        if size > MAX_FILE_BYTES:
            limit = f"{MAX_FILE_BYTES:,}"
            message = f"the file is {size:,} bytes, more than a content file may have ({limit}); split it"
            problems.append(Problem(Location(file.shown, 1, 1), message))
            return None
        data = file.path.read_bytes()
    except OSError as error:
        problems.append(Problem(Location(file.shown, 1, 1), f"cannot read the file: {error.strerror}"))
        return None
    text = _decode(data, file.shown, problems)
    if text is None:
        return None
    return parse(text, file.shown, problems)


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
    builder = _Builder(shown, problems)
    parser = _PARSER(text)
    try:
        builder.run(parser.get_event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        detail = f"{error.problem} ({error.context})" if error.context else str(error.problem)
        problems.append(Problem(Location(shown, line, column), f"YAML syntax error: {detail}"))
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

    def __init__(self, shown: str, problems: list[Problem]) -> None:
        self.shown = shown
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
                node: Node = Scalar(event.value, event.style in _PLAIN_STYLES, at)
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
