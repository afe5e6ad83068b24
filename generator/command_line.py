"""What every ``briefing`` command shares: the ``--content`` option and its check, and the exit codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_BUG, EXIT_IO = 0, 1, 2, 70, 74
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


def content_option(command: argparse.ArgumentParser) -> None:
    """Give a command the ``--content DIR`` option."""
    command.add_argument(
        "--content", default="content", metavar="DIR", help="the content folder (default: content)"
    )


def no_content_folder(command: str, content: Path) -> bool:
    """Whether the content folder is missing, said if so."""
    if content.is_dir():
        return False
    print(
        f"briefing {command}: no content folder at '{content}'; give one with --content DIR", file=sys.stderr
    )
    return True
