"""A folder's whole state, to show that a command changed nothing it may not change."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def fingerprint(root: Path, *, times: bool = False) -> dict[str, tuple[object, ...]]:
    """Every path under the folder, links not followed: its type, a link's target, a file's bytes and mode.

    With ``times``, each file's modification time and inode too, to show that it was not rewritten.
    """
    found: dict[str, tuple[object, ...]] = {}
    for folder, folders, files in os.walk(root):
        for name in [*folders, *files]:
            path = Path(folder, name)
            status = path.lstat()
            key = path.relative_to(root).as_posix()
            if stat.S_ISLNK(status.st_mode):
                found[key] = ("link", str(path.readlink()))
            elif stat.S_ISDIR(status.st_mode):
                found[key] = ("folder", stat.S_IMODE(status.st_mode))
            elif stat.S_ISREG(status.st_mode):
                found[key] = ("file", path.read_bytes(), stat.S_IMODE(status.st_mode))
                if times:
                    found[key] += (status.st_mtime_ns, status.st_ino)
            else:
                found[key] = ("special", stat.S_IFMT(status.st_mode))
    return found
