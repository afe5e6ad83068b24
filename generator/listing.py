"""``briefing list``: the briefing's ids, with their titles and where each is defined, by category.

Works on a briefing being written: every file that can be read is listed, whatever its values; a file that
cannot be read is reported, and its ids are not listed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.command_line import EXIT_OK, EXIT_USAGE, content_option, no_content_folder
from generator.errors import Problem
from generator.fields import Category
from generator.references import Mention, read_mentions

CHOICES = {category.value.split()[-1]: category for category in Category}
"""The category nouns ``briefing list`` takes (``term`` for treaty terms)."""
HEADINGS = {category: category.plural for category in Category}
"""Each category's heading in the list, in the order listed."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``briefing list`` to the command line."""
    listing = commands.add_parser(
        "list",
        help="list the briefing's ids with their titles, and where each is defined",
        description=(
            "List the ids of the briefing's entities, by category, each with its title or name and the "
            "place (path:line) it is defined. Works on an invalid briefing too, as far as its files can be "
            "read."
        ),
    )
    listing.add_argument("category", nargs="?", choices=list(CHOICES), help="list only this category")
    content_option(listing)
    listing.set_defaults(run=run)


def run(arguments: argparse.Namespace) -> int:
    """List the ids; 0 even when some files cannot be read (named on stderr), 2 without a content folder."""
    content = Path(arguments.content)
    if no_content_folder("list", content):
        return EXIT_USAGE
    problems: list[Problem] = []
    files = read_mentions(content, problems)
    defined = [mention for read in files for mention in read.mentions or () if mention.defines]
    wanted = [CHOICES[arguments.category]] if arguments.category else list(HEADINGS)
    print("\n\n".join(_group(category, defined) for category in wanted))
    unread = [read.file.shown for read in files if read.mentions is None]
    for problem in problems:
        print(problem, file=sys.stderr)
    if unread:
        print(
            f"briefing list: not listed: the ids in {', '.join(unread)}, which could not be read; "
            "fix the problems above (briefing check lists them)",
            file=sys.stderr,
        )
    return EXIT_OK


def _group(category: Category, defined: list[Mention]) -> str:
    """One category's heading and its ids, one a line: ``id  title  (path:line)``."""
    mentions = [mention for mention in defined if mention.category is category]
    heading = f"{HEADINGS[category]} ({len(mentions)})"
    if not mentions:
        return f"{heading}\n  (none)"
    width = max(len(mention.id) for mention in mentions)
    lines = [
        f"  {mention.id:<{width}}  {mention.label or '(untitled)'}  "
        f"({mention.node.at.path}:{mention.node.at.line})"
        for mention in mentions
    ]
    return "\n".join([heading, *lines])
