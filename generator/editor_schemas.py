"""JSON Schemas specialised to one briefing, so that an editor completes and checks the ids it may name.

``briefing schema --out DIR`` writes them; ``briefing check`` and the served site (``properdocs serve`` or
``mkdocs serve``) keep them fresh in ``.briefing/schemas/`` beside ``mkdocs.yml``, where the editor settings
point. Each reference field is an enumeration of the ids of its category, described by their titles or names.
A file is written only when its text changes (a new id, a title changed), so an unchanged briefing never
touches them; an invalid briefing still gives the ids that could be read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from generator import model, schema
from generator.command_line import EXIT_OK, EXIT_USAGE, content_option, no_content_folder
from generator.errors import Problem
from generator.fields import Category
from generator.files import write_atomically
from generator.find import find_files
from generator.load import FileCache, Mapping, Node, Scalar, Sequence, read_file
from generator.schema import Ids, content_schema_names, content_schemas, render
from generator.validate import ID_PATTERN

SCHEMA_FOLDER = Path(".briefing", "schemas")
"""Where a briefing project keeps its schemas, beside ``mkdocs.yml``; the editor settings point here."""
STAMP = ".stamp"
"""The file in the schema folder that records what the schemas there were made from."""
PROJECT_FILE = "mkdocs.yml"
"""The file that makes a folder a briefing project, in which ``check`` keeps the schemas fresh."""
_LABELS = ("title", "name", "question")
"""The keys that describe an entity, the first one present being its description."""


def briefing_ids(content: Path, cache: FileCache | None = None) -> dict[Category, list[tuple[str, str]]]:
    """Each category's ids with their titles, as far as the files can be read; problems are check's to say."""
    problems: list[Problem] = []
    found: dict[Category, list[tuple[str, str]]] = {}
    seen: set[str] = set()
    for file in cache.find(content, problems) if cache is not None else find_files(content, problems):
        if not file.folder:
            continue
        if cache is not None:
            named = cache.derived(file, problems, _entities, _entities) or []
        else:
            named = _entities(read_file(file, problems))
        category = model.CATEGORY_TYPES[file.folder].CATEGORY
        for id_, title in named:
            if id_ not in seen:  # a duplicate is check's to report; the editor offers the first
                seen.add(id_)
                found.setdefault(category, []).append((id_, title))
    return found


def _entities(node: Node | None) -> list[tuple[str, str]]:
    """The id and title of each entity a category file holds that has a well-formed id."""
    items = node.items if isinstance(node, Sequence) else (node,)
    named = []
    for item in items:
        if not isinstance(item, Mapping):
            continue
        values = {key.value: value for key, value in item.items if isinstance(value, Scalar)}
        id_ = values.get("id")
        if id_ is None or len(id_.value) > 64 or not ID_PATTERN.fullmatch(id_.value):
            continue
        titles = [values[key].value for key in _LABELS if key in values and not values[key].is_null]
        named.append((id_.value, " ".join(titles[0].split()) if titles else ""))
    return named


def write_schemas(folder: Path, ids: Ids) -> list[Path]:
    """Write the schemas for these ids into the folder; return the files whose text changed, written whole."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, made in content_schemas(ids).items():
        target = folder / name
        text = render(made)
        if _text_of(target) != text:
            write_atomically(target, text.encode("utf-8"), 0o644)
            written.append(target)
    return written


def _text_of(path: Path) -> str | None:
    """A file's text, or None where there is none to read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def refresh(content: Path, project: Path, cache: FileCache | None = None) -> list[Path]:
    """Rewrite the project's schemas where the briefing's ids changed; nothing outside a briefing project.

    A project is a folder with ``mkdocs.yml``; the schemas go into its ``.briefing/schemas``. A stamp of
    the ids and of the schemas' making spares making them again while neither changed.
    """
    if not (project / PROJECT_FILE).is_file() or not content.is_dir():
        return []
    folder = project / SCHEMA_FOLDER
    ids = briefing_ids(content, cache)
    stamp = _stamp(ids)
    names = content_schema_names()
    if _text_of(folder / STAMP) == stamp and all((folder / name).is_file() for name in names):
        return []
    written = write_schemas(folder, ids)
    write_atomically(folder / STAMP, stamp.encode("utf-8"), 0o644)
    return written


def _stamp(ids: Ids) -> str:
    """A digest of the ids with their titles and of what makes the schemas from them."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([[category.value, list(named)] for category, named in ids.items()]).encode())
    makers = [Path(schema.__file__), Path(__file__), *sorted(schema.SCHEMAS.glob("*.json"))]
    for path in makers:  # the shipped schemas change with the model
        digest.update(path.read_bytes())
    return digest.hexdigest() + "\n"


def refresh_for_check(content: Path) -> None:
    """Keep the schemas of the project holding the content folder fresh, warning if they cannot be written."""
    warning = refresh_or_warning(content, content.absolute().parent)
    if warning is not None:
        print(f"briefing check: warning: {warning}", file=sys.stderr)


def refresh_or_warning(content: Path, project: Path, cache: FileCache | None = None) -> str | None:
    """Refresh the project's schemas; what went wrong, if they could not be written, for a warning.

    The briefing's verdict does not depend on them, so a refusal to write is a warning, never a failure.
    """
    try:
        refresh(content, project, cache)
    except OSError as error:
        folder = (project / SCHEMA_FOLDER).as_posix()
        return (
            f"the editor's schemas in {folder} were not updated ({error.strerror or error}); "
            f"make {folder} a writable folder, or remove what is in its place"
        )
    return None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``briefing schema``."""
    command = commands.add_parser(
        "schema",
        help="write JSON Schemas that know the briefing's ids, for an editor's completion and checks",
        description=(
            "Write a JSON Schema for each kind of content file into a folder, with every reference "
            "(actor, source, claim...) an enumeration of the briefing's ids of that category, described by "
            "their titles. Only files whose text changes are written. briefing check keeps them fresh in "
            f"{SCHEMA_FOLDER.as_posix()}/ beside {PROJECT_FILE}."
        ),
    )
    command.add_argument("--out", required=True, metavar="DIR", help="the folder to write the schemas into")
    content_option(command)
    command.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Write the schemas and say how many ids they name."""
    content, out = Path(arguments.content), Path(arguments.out)
    if no_content_folder("schema", content):
        return EXIT_USAGE
    ids = briefing_ids(content)
    written = write_schemas(out, ids)
    count = sum(len(named) for named in ids.values())
    total = len(content_schema_names())
    print(
        f"{out.as_posix()}: {total} schemas naming {count} id{'s' * (count != 1)} "
        f"({len(written)} written, {total - len(written)} already current)"
    )
    return EXIT_OK
