"""``briefing rename OLD NEW``: change an id, and every reference to it, in every file of the briefing.

Only the characters of the id change: each is replaced at the place the loader located it, so the files'
layout, comments and quoting are kept byte for byte. Ids written in prose are text, not references, and are
left as they are; so are the recorded editions, which keep the briefing as it was.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.command_line import EXIT_INVALID, EXIT_OK, EXIT_USAGE, content_option, no_content_folder
from generator.errors import Location, Problem
from generator.files import write_atomically
from generator.references import Mention, read_mentions
from generator.validate import ID_RULE, is_id

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as the end of a line."""


class Refused(Exception):
    """The rename cannot be done: the message says why and what to do."""


@dataclass(frozen=True)
class Renamed:
    """What a rename changed."""

    places: tuple[Location, ...]
    """Every place the id was replaced, in file order."""
    files: int
    """How many files were rewritten."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``briefing rename`` to the command line."""
    rename = commands.add_parser(
        "rename",
        help="change an id and every reference to it, in every file, changing nothing else",
        description=(
            "Change an entity's id, and every reference to it in every file of the briefing, changing "
            "nothing else in the files (layout, comments and quoting are kept). Ids in prose are text and "
            "are left alone; so are the recorded editions."
        ),
    )
    rename.add_argument("old", metavar="OLD", help="the id to change")
    rename.add_argument("new", metavar="NEW", help="the id it becomes, not yet used in the briefing")
    content_option(rename)
    rename.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """Rename, saying where; 2 when refused (each reason on a line), 1 when the files cannot be read."""
    content = Path(arguments.content)
    if no_content_folder("rename", content):
        return EXIT_USAGE
    problems: list[Problem] = []
    try:
        renamed = rename_id(content, arguments.old, arguments.new, problems)
    except Refused as refused:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"briefing rename: {refused}", file=sys.stderr)
        return EXIT_INVALID if problems else EXIT_USAGE
    for place in renamed.places:
        print(f"{place}: {arguments.old} -> {arguments.new}")
    count = len(renamed.places)
    print(
        f"renamed '{arguments.old}' to '{arguments.new}': {count} place{'s' * (count != 1)} in "
        f"{renamed.files} file{'s' * (renamed.files != 1)}; ids written in prose are left as they are"
    )
    return EXIT_OK


def rename_id(content: Path, old: str, new: str, problems: list[Problem]) -> Renamed:
    """Replace the id and its references in the files; raise Refused (problems say why files are unread)."""
    for given in (old, new):
        if not is_id(given):
            raise Refused(f"'{given}' is not an id: an id is {ID_RULE}")
    files = read_mentions(content, problems)
    if problems:
        raise Refused(
            f"not renamed: references to '{old}' cannot all be found while a file cannot be read; fix the "
            "problems above, then rename"
        )
    mentions = [(read, mention) for read in files for mention in read.mentions or ()]
    defined = {mention.id: mention for _, mention in mentions if mention.defines}
    if old not in defined:
        raise Refused(f"no entity has the id '{old}'; briefing list shows the ids")
    if new in defined:
        taken = defined[new].node.at
        raise Refused(f"the id '{new}' is already used at {taken}: ids are unique in a briefing")
    edits = [(read, mention) for read, mention in mentions if mention.id == old]
    changed = sorted({read.file.path for read, _ in edits})
    texts = {path: _edited(path, [m for r, m in edits if r.file.path == path], old, new) for path in changed}
    for path, text in texts.items():
        target = path.resolve()  # a file reached by a link inside the content folder: the link stays
        write_atomically(target, text.encode("utf-8"), target.stat().st_mode & 0o7777)
    return Renamed(tuple(mention.node.at for _, mention in edits), len(texts))


def _edited(path: Path, mentions: list[Mention], old: str, new: str) -> str:
    """The file's text with the id replaced at each place, from the last place back."""
    raw = path.read_bytes().decode("utf-8")
    mark = "\ufeff" if raw.startswith("\ufeff") else ""
    text = raw.removeprefix(mark)
    starts = _line_starts(text)
    for mention in sorted(mentions, key=lambda mention: mention.node.at[1:], reverse=True):
        at = mention.node.at
        index = starts[at.line - 1] + at.column - 1
        if not mention.node.plain and text[index : index + 1] in ("'", '"'):
            index += 1
        if text[index : index + len(old)] != old or _continues(text, index + len(old)):
            raise Refused(
                f"{at}: '{old}' is written here in a way rename cannot change safely; write it "
                f"plainly ({old}), then rename"
            )
        text = text[:index] + new + text[index + len(old) :]
    return mark + text


def _continues(text: str, index: int) -> bool:
    """Whether the id's characters go on past the index (so what was found is not the whole id)."""
    return text[index : index + 1].isalnum() or text[index : index + 1] == "-"


def _line_starts(text: str) -> list[int]:
    """Where each line begins, counted as YAML counts lines."""
    return [0, *(match.end() for match in LINE_BREAK.finditer(text))]
