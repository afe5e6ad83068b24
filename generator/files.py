"""Writing files whole: a new file that must not exist yet, or a file replaced by a rename, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_new(path: Path, text: str) -> None:
    """Write a file that must not exist yet, never through a link; if it cannot be written whole, remove it.

    Raises FileExistsError for anything at the path, a link even to nothing.
    """
    file = path.open("x", encoding="utf-8", newline="\n")
    try:
        with file:
            file.write(text)
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def write_atomically(target: Path, data: bytes, mode: int) -> None:
    """Write the bytes to a temporary file beside the target, then rename it in place of the target."""
    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        temporary.chmod(mode)
        temporary.replace(target)  # a rename: it replaces a link put there meanwhile, never follows it
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
