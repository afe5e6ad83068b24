"""The ``briefing`` command: a thin adapter over load, model and validate.

Exit codes: 0 success, 1 the briefing is invalid, 2 the command was used wrongly.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import BriefingError
from generator.model import Briefing
from generator.validate import load_briefing

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; never lets a traceback reach the user."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    try:
        return int(arguments.run(arguments, parser))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug of ours: say so in one line rather than with a traceback
        print(
            f"briefing: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr
        )
        return EXIT_BUG


def build_parser() -> argparse.ArgumentParser:
    """The command line: one subcommand a task."""
    parser = argparse.ArgumentParser(
        prog="briefing", description="Check and build a briefing site from its YAML content."
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="validate the briefing and report every problem as path:line:column: message",
        description="Validate the briefing; report every problem found, each with its place in the files.",
    )
    check.add_argument(
        "--content", default="content", metavar="DIR", help="the content folder (default: content)"
    )
    check.set_defaults(run=_check)
    return parser


def _check(arguments: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    content = Path(arguments.content)
    if not content.is_dir():
        print(
            f"briefing check: no content folder at '{content}'; give one with --content DIR", file=sys.stderr
        )
        return EXIT_USAGE
    try:
        briefing = load_briefing(content)
    except BriefingError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"briefing check: {error.summary()}", file=sys.stderr)
        return EXIT_INVALID
    print(f"{content.as_posix()}: valid: {counts(briefing)}")
    return EXIT_OK


def counts(briefing: Briefing) -> str:
    """Count the briefing's entities per category, in words."""
    found = [
        (len(briefing.sources), "source", "sources"),
        (len(briefing.actors), "actor", "actors"),
        (len(briefing.claims), "claim", "claims"),
        (len(briefing.treaties), "treaty", "treaties"),
        (len(briefing.terms), "treaty term", "treaty terms"),
        (len(briefing.questions), "question", "questions"),
        (len(briefing.events), "event", "events"),
    ]
    return ", ".join(f"{number} {one if number == 1 else many}" for number, one, many in found)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
