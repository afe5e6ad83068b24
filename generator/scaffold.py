"""New content files for ``briefing new``: a commented template of one entity, written from the model.

Every required key is written with an empty value, which ``briefing check`` refuses until it is filled in;
each optional key is a comment, to uncomment when needed. The comments are the model's own field
docstrings, so the template says what the contract says.
"""

from __future__ import annotations

import enum
import os
import re
from collections.abc import Callable
from pathlib import Path

from generator import model
from generator.dates import FORMS, TIMES
from generator.errors import Location, Problem, with_article
from generator.fields import Choice, DateValue, Id, Kind, ListOf, Record, Ref, Text, Url, field_docs, specs
from generator.files import write_new
from generator.load import Mapping, Node, Sequence, find_files, read_file
from generator.validate import ID_RULE, is_id

CATEGORIES = {type_.CATEGORY.value: folder for folder, type_ in model.CATEGORY_TYPES.items()}
"""The category nouns ``briefing new`` takes (``claim``), and the folder each one's files go in."""


class ScaffoldError(Exception):
    """The file cannot be written: the message says why."""


class InvalidId(ScaffoldError):
    """The id given is not an id at all."""


def new_entity(content: Path, category: str, id: str) -> Path:
    """Write the template of a new entity to ``<content>/<folder>/<id>.yml``; return its path.

    Refuses an id that is not well formed, one the briefing already uses, anything already at the path (a
    link included, even one leading nowhere), and a category folder that is not a folder or is a link leading
    out of the content folder. A template the machine fails to write whole is not left behind.
    """
    folder = CATEGORIES[category]
    if not is_id(id):
        raise InvalidId(f"'{id}' is not an id: an id is {ID_RULE}")
    used = used_ids(content)
    if id in used:
        raise ScaffoldError(f"the id '{id}' is already used at {used[id]}: ids are unique in a briefing")
    path = content / folder / f"{id}.yml"
    _check_folder(content, path.parent)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_new(path, template(model.CATEGORY_TYPES[folder], id))
    return path


def _check_folder(content: Path, folder: Path) -> None:
    """Refuse a category folder that is not a folder, or is a link that does not lead inside the content."""
    if folder.is_symlink():
        try:
            target = folder.resolve(strict=True)
        except (OSError, RuntimeError):  # leading nowhere, or round in a circle
            raise ScaffoldError(
                f"{folder} is a link to nothing ('{folder.readlink()}'); fix it or remove it"
            ) from None
        if not target.is_relative_to(content.resolve()):
            raise ScaffoldError(
                f"{folder} is a link leading out of the content folder ('{target}'); content must be inside "
                "it: move the folder in instead of linking to it"
            )
    if os.path.lexists(folder) and not folder.is_dir():
        what = "a link to a file" if folder.is_symlink() else "a file"
        raise ScaffoldError(f"{folder} is {what}, where the {folder.name} folder goes; move it away")


def _already_there(path: Path) -> str:
    """The refusal of a path something already holds, saying what."""
    if path.is_symlink():
        return (
            f"{path} already exists, as a link to '{path.readlink()}'; a new file is never written through it"
        )
    if path.is_dir():
        return f"{path} already exists, as a folder"
    return f"{path} already exists"


def _write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet; if the machine fails to write it whole, remove what it began."""
    try:
        write_new(path, text)
    except FileExistsError:
        raise ScaffoldError(_already_there(path)) from None


def used_ids(content: Path) -> dict[str, Location]:
    """Every id the briefing's files give, wherever it stands, with where it is.

    Files that cannot be read are skipped: ``briefing check`` reports them.
    """
    found: dict[str, Location] = {}
    ignored: list[Problem] = []
    for file in find_files(content, ignored):
        node = read_file(file, ignored)
        if node is not None:
            _collect_ids(node, found)
    return found


def _collect_ids(node: Node, found: dict[str, Location]) -> None:
    pending = [node]
    while pending:
        node = pending.pop()
        if isinstance(node, Mapping):
            for key, value in node.items:
                if key.value == "id" and not isinstance(value, (Mapping, Sequence)):
                    found.setdefault(value.value, value.at)
                pending.append(value)
        elif isinstance(node, Sequence):
            pending.extend(node.items)


def template(type_: type[model.Entity], id: str) -> str:
    """The commented YAML of a new entity of the type, with its id given and every other value empty."""
    noun = type_.CATEGORY.value
    lines = [
        f"# A new {noun}. {_first_line(type_.__doc__)}",
        "# Fill in each empty value; uncomment the optional keys you need (delete the rest).",
        "# `briefing check` lists every value still missing.",
        f"id: {id}",
        *_hints_above(_record(type_, "", skip="id")),
    ]
    return "\n".join(lines) + "\n"


def briefing_template() -> str:
    """The commented YAML of a new briefing file: title, as_of and summary to fill in, the rest commented."""
    lines = [
        "# The briefing: what the story is, and when its information stops.",
        "# Fill in title, as_of and summary; uncomment the optional keys you need (delete the rest).",
        "# `briefing check` lists every value still missing.",
        *_hints_above(_record(model.BriefingInfo, "")),
    ]
    return "\n".join(lines) + "\n"


HINTED = re.compile(r"^(\s*(?:#\s+)?)((?:- )?[a-z_]+:)  # (.*)$")
"""A key with its hint after it on the line: ``summary:  # The bottom line up front.``"""


def _hints_above(lines: list[str]) -> list[str]:
    """Each key's hint moved to a line of its own above it.

    A value written after the key is then never followed by a comment on its line, which ``briefing check``
    refuses after unquoted text (the text after `` #`` would be lost).
    """
    moved = []
    for line in lines:
        hinted = HINTED.match(line)
        if hinted is None:
            moved.append(line)
            continue
        prefix, key, hint = hinted.groups()
        moved.extend([f"{prefix}# {hint}", f"{prefix}{key}"])
    return moved


def _record(type_: type, indent: str, skip: str | None = None) -> list[str]:
    docs = field_docs(type_)
    required = [spec for spec in specs(type_) if spec.required and spec.key != skip]
    optional = [spec for spec in specs(type_) if not spec.required and spec.key != skip]
    lines = []
    for spec in required:
        lines.append(f"{indent}{spec.key}:  # {_hint(spec.kind, docs.get(spec.key, ''))}")
        lines.extend(_skeleton(spec.kind, indent))
    if optional:
        lines.append(f"{indent}# Optional:")
    for spec in optional:
        block = [f"{indent}{spec.key}:  # {_hint(spec.kind, docs.get(spec.key, ''))}"]
        if _is_nested(spec.kind):
            block.extend(_skeleton(spec.kind, indent, _every_key))
        lines.extend(f"{indent}# {line[len(indent) :]}" for line in block)
    return lines


def _every_key(type_: type, indent: str) -> list[str]:
    """Every key of a nested part, each with its hint, as one block to uncomment whole and fill in.

    Its empty optional values are passed over by ``briefing check``, so only what is filled in counts.
    """
    docs = field_docs(type_)
    lines = []
    for spec in sorted(specs(type_), key=lambda spec: not spec.required):
        lines.append(f"{indent}{spec.key}:  # {_hint(spec.kind, docs.get(spec.key, ''))}")
        if _is_nested(spec.kind):
            lines.extend(_skeleton(spec.kind, indent, _every_key))
    return lines


def _is_nested(kind: Kind) -> bool:
    """Whether the value is a part with keys of its own, or a list of them."""
    return isinstance(kind, Record) or (isinstance(kind, ListOf) and isinstance(kind.item, Record))


def _skeleton(kind: Kind, indent: str, keys: Callable[[type, str], list[str]] = _record) -> list[str]:
    """What a value needs below its key: a list's first items, or a mapping's own keys."""
    if isinstance(kind, Record):
        return keys(kind.type, indent + "  ")
    if not isinstance(kind, ListOf):
        return []
    if not isinstance(kind.item, Record):
        return [f"{indent}  -"] * max(kind.min_items, 1)
    item = keys(kind.item.type, indent + "    ")
    return [f"{indent}  - " + item[0].lstrip(), *item[1:]]


def _hint(kind: Kind, doc: str) -> str:
    hint = _first_line(doc)
    if isinstance(kind, ListOf):
        return f"{hint} A list{f' of at least {kind.min_items}' if kind.min_items > 1 else ''}."
    if isinstance(kind, Choice):
        return f"{hint} One of: {', '.join(_values(kind.enum))}."
    if isinstance(kind, DateValue):
        return f"{hint} {FORMS[0].upper()}{FORMS[1:]}; {TIMES}."
    if isinstance(kind, Ref) and not kind.or_text and "id" not in hint.lower():
        return f"{hint} The id of {with_article(kind.category.value)}."
    if isinstance(kind, Url):
        return f"{hint} An http or https URL."
    if isinstance(kind, Text) and kind.prose:
        return f"{hint} Markdown: *emphasis*, **strong**, `code` and [links](https://...)."
    if isinstance(kind, Id):
        return f"{hint} {ID_RULE[0].upper()}{ID_RULE[1:]}."
    return hint


def _values(enumeration: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enumeration]


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().split("\n")[0].replace("``", "")
