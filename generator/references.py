"""Where a briefing's ids stand in its files: each entity's own id, and every reference to one.

Read from the located nodes by the model's declarations, as the validator reads them, but without validating:
a briefing whose values are wrong still shows where its ids are, so that ``briefing list`` and
``briefing rename`` work on a briefing being written. Prose is not read: an id in prose is only text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from generator import model
from generator.errors import Problem
from generator.fields import Category, Kind, ListOf, Record, Ref, declared
from generator.load import ContentFile, Mapping, Node, Scalar, Sequence, find_files, read_file
from generator.validate import is_id

LABELS = ("title", "name", "question")
"""The keys that name an entity, in the order looked for."""


@dataclass(frozen=True)
class Mention:
    """One place an id is written: where an entity gives its own id, or where a value refers to one."""

    id: str
    """The id as written."""
    category: Category
    """The category of the entity it is, or the category a reference must name."""
    node: Scalar
    """The scalar that holds it, with its place."""
    defines: bool
    """Whether this is the entity's own id rather than a reference to it."""
    label: str = ""
    """The entity's title or name, for an entity's own id."""


@dataclass(frozen=True)
class ReadFile:
    """A content file as read: its mentions of ids, or None when it could not be read."""

    file: ContentFile
    """The file."""
    mentions: tuple[Mention, ...] | None
    """Every id written in it, in file order; None if the file could not be read or parsed."""


def read_mentions(content: Path, problems: list[Problem]) -> list[ReadFile]:
    """Every file of the briefing with the ids written in it; why a file cannot be read goes to problems."""
    found = []
    for file in find_files(content, problems):
        node = read_file(file, problems)
        mentions = None if node is None else tuple(file_mentions(file, node))
        found.append(ReadFile(file, mentions))
    return found


def file_mentions(file: ContentFile, node: Node) -> Iterator[Mention]:
    """The ids written in one file's nodes."""
    if not file.folder:
        yield from _record(model.BriefingInfo, node)
        return
    type_ = model.CATEGORY_TYPES[file.folder]
    items = node.items if isinstance(node, Sequence) else (node,)
    for item in items:
        yield from _record(type_, item)


def _record(type_: type, node: Node) -> Iterator[Mention]:
    if not isinstance(node, Mapping):
        return
    keys = declared(type_)
    if issubclass(type_, model.Entity):
        values = {key.value: value for key, value in reversed(node.items)}  # the first of repeated keys
        own = values.get("id")
        if isinstance(own, Scalar) and is_id(own.value):
            label = next((values[key] for key in LABELS if isinstance(values.get(key), Scalar)), None)
            text = " ".join(label.value.split()) if isinstance(label, Scalar) else ""
            yield Mention(own.value, type_.CATEGORY, own, defines=True, label=text)
    for key, value in node.items:
        spec = keys.get(key.value)
        if spec is not None and spec.key != "id":
            yield from _value(spec.kind, value)


def _value(kind: Kind, node: Node) -> Iterator[Mention]:
    if isinstance(kind, ListOf) and isinstance(node, Sequence):
        for item in node.items:
            yield from _value(kind.item, item)
    elif isinstance(kind, Record):
        if kind.shorthand is not None and isinstance(node, Scalar):
            yield from _value(declared(kind.type)[kind.shorthand].kind, node)
        else:
            yield from _record(kind.type, node)
    elif isinstance(kind, Ref) and isinstance(node, Scalar) and is_id(node.value):
        yield Mention(node.value, kind.category, node, defines=False)
