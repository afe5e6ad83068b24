"""Read a briefing's located nodes into the model, reporting every problem found in one run.

Each value is read by what the model declares for its field (``generator.fields``); references are
collected as they are met and resolved once every file has been read, so that files may refer to each other
in any order.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import model
from generator.dates import FORMS, Date, DateError
from generator.errors import BriefingError, Location, Problem, did_you_mean, with_article
from generator.fields import (
    Boolean,
    Category,
    Choice,
    DateValue,
    Id,
    Kind,
    ListOf,
    Number,
    Record,
    Ref,
    Text,
    Url,
    specs,
)
from generator.fields import declared as declared_keys
from generator.load import FileCache, Mapping, Node, Scalar, Sequence, find_files, read_file
from generator.pinpoint import character_location
from generator.prose import LINK_SCHEMES, allowed_target, link_targets
from generator.rules import check_rules
from generator.scalars import DECIMAL, NumberTooLarge, http_authority, read_number, url_problem
from generator.yaml_errors import CUT_BY_COMMENT

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ID_RULE = "1 to 64 characters of a-z, 0-9 and single inner hyphens"
_BOOLEANS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_ALLOWED_FORMAT_CHARACTERS = frozenset("\u200c\u200d")  # joiners that scripts and emoji need
_LARGEST = "about 1.8e308 in size"  # LARGEST_NUMBER, as messages say it
_INVALID: Any = object()
"""What a reader returns for a value it has reported a problem with."""

Where = tuple[str, ...]
"""The path to a value in words (``claim 'x'``, ``stance 2``, ``actor``), for messages."""


def load_briefing(content: Path, cache: FileCache | None = None) -> model.Briefing:
    """Read and validate the briefing in a content folder; raise BriefingError with every problem.

    With a cache, files unchanged since the cache last read them are not read again.
    """
    with _collector_waiting():
        return _load_briefing(content, cache)


@contextlib.contextmanager
def _collector_waiting() -> Iterator[None]:
    """Hold off the garbage collector's own runs, which take it up again once they are over.

    Reading makes many small objects that all live on, and hardly any garbage: the collector, set off by
    their number, would look through every one read so far again and again, a cost that grows faster than
    the briefing (it made a briefing four times larger take six times as long to read).
    """
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            gc.enable()


def _load_briefing(content: Path, cache: FileCache | None) -> model.Briefing:
    problems: list[Problem] = []
    reader = _Reader(problems)
    info = None
    entities: dict[str, list[Any]] = {folder: [] for folder in model.CATEGORY_TYPES}
    files = cache.find(content, problems) if cache is not None else find_files(content, problems)
    unread: dict[Category, str] = {}
    if cache is not None:
        cache.keep({file.path for file in files})
    for file in files:
        if file.folder and cache is not None:
            what = (_FileEntities, file.folder)
            read_alone = functools.partial(_FileEntities.read, model.CATEGORY_TYPES[file.folder])
            read = cache.derived(file, problems, what, read_alone)
            if read is not None and reader.takes(read):
                entities[file.folder].extend(read.entities)
                continue
            node = None if read is None else cache.nodes_of(file)
        else:
            node = cache.read(file, problems) if cache is not None else read_file(file, problems)
        if node is None:
            if file.folder:  # its ids cannot be known: references to them are not checked
                unread.setdefault(model.CATEGORY_TYPES[file.folder].CATEGORY, file.shown)
            continue
        if file.folder:
            entities[file.folder].extend(reader.entities(model.CATEGORY_TYPES[file.folder], node))
        else:
            info = reader.info(node)
    reader.resolve(unread)
    problems.extend(part_of_cycles(entities["actors"]))  # among the actors read, whatever else is wrong
    if problems or info is None:
        raise BriefingError(problems)
    return model.Briefing(
        info, **{folder: tuple(found) for folder, found in entities.items()}, index=reader.index
    )


@dataclass(frozen=True)
class _Reference:
    id: str
    category: Category
    at: Location
    where: Where
    or_text: bool


@dataclass(frozen=True)
class _FileEntities:
    """A category file read by itself, kept by a cache while the file is unchanged.

    Whatever the other files hold, reading the file within the whole briefing comes to the same: unless an id
    it defines is defined by a file before it. Then the file is read again among the others, which tells
    which of its entities are left out for that and says so where it happens.
    """

    entities: tuple[Any, ...]
    problems: tuple[Problem, ...]
    references: tuple[_Reference, ...]
    defined: dict[str, tuple[Category, Location]]
    index: dict[str, Any]

    @staticmethod
    def read(type_: type[model.Entity], node: Node) -> _FileEntities:
        """Read a category file's nodes by themselves."""
        reader = _Reader([])
        found = tuple(reader.entities(type_, node))
        return _FileEntities(
            found, tuple(reader.problems), tuple(reader.references), reader.defined, reader.index
        )


class _Reader:
    """Reads nodes by the model's declarations, collecting problems, ids and references."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        self.references: list[_Reference] = []
        self.index: dict[str, Any] = {}
        self.defined: dict[str, tuple[Category, Location]] = {}

    def report(self, at: Location, where: Where, message: str) -> Any:
        """Record a problem; returns the marker of an invalid value, for convenience."""
        prefix = ", ".join(where)
        self.problems.append(Problem(at, f"{prefix}: {message}" if prefix else message))
        return _INVALID

    def info(self, node: Node) -> model.BriefingInfo | None:
        """Read the briefing file."""
        if not isinstance(node, Mapping):
            self.report(node.at, (), f"expected a mapping of title, as_of, summary..., found {_found(node)}")
            return None
        value: model.BriefingInfo = self.record(model.BriefingInfo, node, ())
        return None if value is _INVALID else value

    def entities(self, type_: type[model.Entity], node: Node) -> Iterator[Any]:
        """Read a category file: one entity, or a list of them."""
        noun = type_.CATEGORY.value
        if isinstance(node, Mapping):
            items: list[tuple[Node, Where]] = [(node, (_label(noun, None, node),))]
        elif isinstance(node, Sequence):
            items = [(item, (_label(noun, index, item),)) for index, item in enumerate(node.items, 1)]
        else:
            self.report(
                node.at,
                (),
                f"expected {with_article(noun)} (a mapping) or a list of them, found {_found(node)}",
            )
            return
        for item, where in items:
            value = self.record(type_, item, where)
            if value is not _INVALID:
                yield value

    def value(self, kind: Kind, node: Node, where: Where) -> Any:
        """Read one value of the declared kind."""
        if isinstance(kind, ListOf):
            return self.list_of(kind, node, where)
        if isinstance(kind, Record):
            return self.record_or_shorthand(kind, node, where)
        if not isinstance(node, Scalar):
            return self.report(node.at, where, f"expected {_expected(kind)}, found {_found(node)}")
        return _SCALAR_READERS[type(kind)](self, kind, node, where)

    def text(self, kind: Text, node: Scalar, where: Where) -> Any:
        """Read plain text or prose, refusing invisible characters, unsafe links and text cut by a comment."""
        if node.comment is not None:
            return self.report(node.comment, where, CUT_BY_COMMENT)
        text = node.value.strip() if not kind.prose else node.value.rstrip("\n")
        bad = _forbidden_character(text)
        if bad is not None:
            name = unicodedata.name(bad, "a control character")
            return self.report(
                character_location(node.at, bad),
                where,
                f"the invisible character U+{ord(bad):04X} ({name}) is not allowed in text; remove it",
            )
        if not kind.prose and "\n" in text:
            return self.report(node.at, where, "expected one line of plain text, found a line break")
        if kind.prose:
            return self.prose_links(text, node, where)
        return text

    def prose_links(self, text: str, node: Scalar, where: Where) -> Any:
        """Read prose whose every link target is one prose may use."""
        for target in link_targets(text):
            if not allowed_target(target):
                schemes = ", ".join(LINK_SCHEMES)
                return self.report(
                    node.at, where, f"link target '{target}' is not allowed; a link must start with {schemes}"
                )
        return text

    def id(self, kind: Id, node: Scalar, where: Where) -> Any:
        """Read an id's syntax."""
        if is_id(node.value):
            return node.value
        return self.report(
            node.at, where, f"expected an id ({ID_RULE}), found {_found(node)}{_id_hint(node.value)}"
        )

    def ref(self, kind: Ref, node: Scalar, where: Where) -> Any:
        """Read a reference, to be resolved once every file is read."""
        if kind.or_text and not is_id(node.value):
            return self.text(Text(), node, where)
        value = self.id(Id(), node, where)
        if value is not _INVALID:
            self.references.append(_Reference(value, kind.category, node.at, where, kind.or_text))
        return value

    def date(self, kind: DateValue, node: Scalar, where: Where) -> Any:
        """Read a date at its precision, with its time of day when it has one."""
        try:
            return Date.parse(node.value)
        except DateError as error:
            if error.malformed:  # the error says what was expected
                return self.report(node.at, where, f"{error}, found {_found(node)}")
            return self.report(node.at, where, f"{_found(node)} is not a date: {error}")

    def number(self, kind: Number, node: Scalar, where: Where) -> Any:
        """Read a number written as YAML writes numbers."""
        text = node.value
        try:
            value = read_number(text) if node.plain else None
        except NumberTooLarge:
            return self.report(
                node.at, where, f"expected a number of at most {_LARGEST}, found {_found(node)}"
            )
        if value is not None:
            return value
        digits = text.replace(",", "").replace("_", "").replace(" ", "")
        hint = f"; write {digits} without separators" if digits != text and DECIMAL.fullmatch(digits) else ""
        return self.report(node.at, where, f"expected a number, found {_found(node)}{hint}")

    def boolean(self, kind: Boolean, node: Scalar, where: Where) -> Any:
        """Read true or false (yes, no, on and off are text)."""
        if node.plain and node.value in _BOOLEANS:
            return _BOOLEANS[node.value]
        return self.report(node.at, where, f"expected true or false, found {_found(node)}")

    def url(self, kind: Url, node: Scalar, where: Where) -> Any:
        """Read an http or https URL."""
        text = node.value.strip()
        if " " in text or http_authority(text) is None:
            return self.report(node.at, where, f"expected an http or https URL, found {_found(node)}")
        reason = url_problem(text)
        if reason is not None:
            return self.report(node.at, where, f"{_found(node)} is not a valid URL: {reason}")
        return text

    def choice(self, kind: Choice, node: Scalar, where: Where) -> Any:
        """Read one of an enumeration's values."""
        values = [member.value for member in kind.enum]
        if node.value in values:
            return kind.enum(node.value)
        return self.report(
            node.at,
            where,
            f"expected {_expected(kind)}; found {_found(node)}{_closest_value(node.value, values)}",
        )

    def list_of(self, kind: ListOf, node: Node, where: Where) -> Any:
        """Read a list, every item of it."""
        if not isinstance(node, Sequence):
            return self.report(node.at, where, f"expected {_expected(kind)}, found {_found(node)}")
        if len(node.items) < kind.min_items:
            count = f"{len(node.items)}" if node.items else "an empty list"
            return self.report(
                node.at, where, f"expected at least {_count(kind.min_items, kind.noun)}, found {count}"
            )
        items = []
        for index, item in enumerate(node.items, 1):
            item_where = (*where[:-1], _label(kind.noun, index, item))
            if _is_empty(item):
                value = self.report(item.at, item_where, f"expected {_expected(kind.item)}, found nothing")
            else:
                value = self.value(kind.item, item, item_where)
            items.append(value)
        return _INVALID if _INVALID in items else tuple(items)

    def record_or_shorthand(self, kind: Record, node: Node, where: Where) -> Any:
        """Read a nested mapping, or the lone scalar that stands for it."""
        if kind.shorthand is not None and isinstance(node, Scalar):
            spec = next(spec for spec in specs(kind.type) if spec.key == kind.shorthand)
            value = self.value(spec.kind, node, where)
            return _INVALID if value is _INVALID else kind.type(**{kind.shorthand: value})
        return self.record(kind.type, node, where)

    def record(self, type_: type, node: Node, where: Where) -> Any:
        """Read a mapping into a model class: every key known, none twice, every required one given."""
        if not isinstance(node, Mapping):
            return self.report(node.at, where, f"expected a mapping, found {_found(node)}")
        reported = len(self.problems)
        values = self.keys(type_, node, where)
        if issubclass(type_, model.Entity) and values.get("id", _INVALID) is not _INVALID:
            self.define(values["id"], type_.CATEGORY, node.at, where)
        complete = len(self.problems) == reported
        read = {key: value for key, value in values.items() if value is not _INVALID}
        unread = frozenset(values.keys() - read.keys())
        broken = [
            self.report(at, (*where, field) if field else where, message)
            for at, field, message in check_rules(type_, read, node, unread)
        ]
        if broken or not complete:
            return _INVALID
        if issubclass(type_, model.Entity):
            entity = type_(**values, origin=node.at)
            self.index[entity.id] = entity
            return entity
        return type_(**values)

    def keys(self, type_: type, node: Mapping, where: Where) -> dict[str, Any]:
        """Read a mapping's values by key, reporting unknown, repeated and missing keys."""
        declared = declared_keys(type_)
        values: dict[str, Any] = {}
        seen: dict[str, Scalar] = {}
        for key, value_node in node.items:
            spec = declared.get(key.value)
            if key.value in seen:
                first = seen[key.value].at.line
                self.report(
                    key.at, where, f"duplicate key '{key.value}'; it is already given at line {first}"
                )
                continue
            seen[key.value] = key
            if spec is None:
                self.report(key.at, where, f"unknown key '{key.value}'{_known_keys(key.value, declared)}")
            elif not _is_empty(value_node):
                values[key.value] = self.value(spec.kind, value_node, (*where, key.value))
            elif spec.required:
                message = f"expected {_expected(spec.kind)}, found nothing"
                self.report(value_node.at, (*where, key.value), message)
        for spec in declared.values():
            if spec.required and spec.key not in seen:
                self.report(node.at, where, f"missing required key '{spec.key}'{_why_required(spec)}")
        return values

    def takes(self, read: _FileEntities) -> bool:
        """Take in a file read by itself, unless an id it defines is already defined: then read it again."""
        if not self.defined.keys().isdisjoint(read.defined):
            return False
        self.problems.extend(read.problems)
        self.references.extend(read.references)
        self.defined.update(read.defined)
        self.index.update(read.index)
        return True

    def define(self, id: str, category: Category, at: Location, where: Where) -> None:
        """Register an entity's id, which must be unique across the whole briefing."""
        if id in self.defined:
            other, first = self.defined[id]
            self.report(at, where, f"id '{id}' is already used by the {other.value} at {first}")
        else:
            self.defined[id] = (category, at)

    def resolve(self, unread: dict[Category, str]) -> None:
        """Check that every reference names an entity of the right category.

        An id that may be in a file that could not be read (``unread``: the first such file of each category)
        is not called unknown: the file is said once not to have been checked against instead.
        """
        unchecked: set[Category] = set()
        for ref in self.references:
            found = self.defined.get(ref.id)
            if found is None and not ref.or_text and ref.category in unread:
                unchecked.add(ref.category)
            elif found is None and not ref.or_text:
                same = [id for id, (category, _) in self.defined.items() if category is ref.category]
                message = f"unknown {ref.category.value} '{ref.id}'{did_you_mean(ref.id, same)}"
                self.report(ref.at, ref.where, message)
            elif found is not None and found[0] is not ref.category and not ref.or_text:
                wanted = with_article(ref.category.value)
                message = f"'{ref.id}' is {with_article(found[0].value)}, expected the id of {wanted}"
                self.report(ref.at, ref.where, message)
        for category in sorted(unchecked, key=lambda category: category.value):
            message = f"references to {category.value} ids were not checked, as this file could not be read"
            message = f"{message}; fix it to check them"
            self.problems.append(Problem(Location(unread[category], 1, 1), message))


_SCALAR_READERS: dict[type, Callable[[_Reader, Any, Scalar, Where], Any]] = {
    Text: _Reader.text,
    Id: _Reader.id,
    Ref: _Reader.ref,
    DateValue: _Reader.date,
    Number: _Reader.number,
    Boolean: _Reader.boolean,
    Url: _Reader.url,
    Choice: _Reader.choice,
}
"""The reader of each kind of scalar value: kept apart from the reader itself, which would otherwise hold
itself (through its bound methods), so that what it read could only be let go by the garbage collector."""


def part_of_cycles(actors: list[model.Actor]) -> list[Problem]:
    """A problem for each circle of actors each part of the next (an actor cannot contain itself)."""
    part_of = {actor.id: actor.part_of for actor in actors}
    origin = {actor.id: actor.origin for actor in actors}
    problems, reported = [], set()
    for start in part_of:
        path = [start]
        parent = part_of.get(start)
        while parent is not None and parent not in path:
            path.append(parent)
            parent = part_of.get(parent)
        if parent is None or parent in reported:
            continue
        circle_start = parent
        circle = path[path.index(circle_start) :]
        reported.update(circle)
        first = min(circle)
        turned = circle[circle.index(first) :] + circle[: circle.index(first)]
        chain = " is part of ".join(f"'{id}'" for id in [*turned, first])
        problems.append(Problem(origin[first], f"actor '{first}', part_of: a circle: {chain}"))
    return problems


def is_id(text: str) -> bool:
    """Whether the text is a well-formed id."""
    return len(text) <= 64 and ID_PATTERN.fullmatch(text) is not None


def _is_empty(node: Node) -> bool:
    return isinstance(node, Scalar) and (node.is_null or not node.value.strip())


def _label(noun: str, index: int | None, node: Node) -> str:
    if isinstance(node, Mapping):
        for key, value in node.items:
            if key.value == "id" and isinstance(value, Scalar) and is_id(value.value):
                return f"{noun} '{value.value}'"
    return noun if index is None else f"{noun} {index}"


def _found(node: Node) -> str:
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if _is_empty(node):
        return "nothing"
    text = node.value if len(node.value) <= 60 else node.value[:57] + "..."
    return repr(text) if "\n" in text else f"'{text}'"


def _expected(kind: Kind) -> str:
    if isinstance(kind, Choice):
        return "one of " + ", ".join(member.value for member in kind.enum)
    if isinstance(kind, Ref):
        noun = with_article(kind.category.value)
        return f"a name or the id of {noun}" if kind.or_text else f"the id of {noun}"
    if isinstance(kind, ListOf):
        return f"a list of {_plural(kind.noun)}"
    if isinstance(kind, Record):
        return f"an id or a mapping with '{kind.shorthand}'" if kind.shorthand else "a mapping"
    if isinstance(kind, DateValue):
        return FORMS
    names = {
        Text: "text",
        Id: f"an id ({ID_RULE})",
        Number: "a number",
        Boolean: "true or false",
        Url: "an http or https URL",
    }
    return names[type(kind)]


def _known_keys(key: str, declared: dict[str, Any]) -> str:
    suggestion = did_you_mean(key, declared)
    return suggestion or "; expected one of " + ", ".join(declared)


def _closest_value(found: str, values: list[str]) -> str:
    """Suggest the value meant: the one differing only in case (``b`` for ``B``), else the closest."""
    same = next((value for value in values if value.casefold() == found.casefold()), None)
    return f"; did you mean '{same}'?" if same is not None else did_you_mean(found, values)


def _why_required(spec: Any) -> str:
    if isinstance(spec.kind, ListOf) and spec.kind.noun == "citation":
        return " (every statement must cite at least one source)"
    return ""


def _id_hint(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")
    return f"; did you mean '{slug}'?" if slug and slug != text else ""


def _forbidden_character(text: str) -> str | None:
    """The first control or invisible format character in the text; line breaks are the caller's concern."""
    if text.isprintable():  # the common case: no character of the categories below
        return None
    for character in text:
        if character == "\n" or character in _ALLOWED_FORMAT_CHARACTERS:
            continue
        if unicodedata.category(character) in ("Cc", "Cf", "Zl", "Zp"):
            return character
    return None


def _plural(noun: str) -> str:
    if noun.endswith("y") and not noun.endswith("ey"):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith("s") else "s")


def _count(number: int, noun: str) -> str:
    words = {1: "one", 2: "two"}
    return f"{words.get(number, number)} {noun if number == 1 else _plural(noun)}"
