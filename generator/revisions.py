"""A content folder as a git revision holds it, for ``briefing diff`` to compare with another.

The folder is taken from the repository the content folder is in (``git archive``) into a temporary
folder, read like any other, and removed afterwards. Only this needs git: a build never does.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SHALLOW = (
    "this clone is shallow and may lack it: fetch the history with 'git fetch --unshallow' "
    "(in GitHub Actions, check out with fetch-depth: 0)"
)
"""What to do when a revision is missing from a shallow clone, as a message says it."""


class RevisionError(Exception):
    """The content cannot be had at that revision; the message says why and what to do."""


@contextmanager
def content_at(revision: str, content: Path) -> Iterator[tuple[Path, str]]:
    """The content folder as the revision holds it, in a temporary folder; and how messages name it.

    ``content`` is the content folder now: the repository it is in is the one read, and its path in the
    repository the folder taken. The name is ``revision:path`` (``HEAD~1:content``), as git writes it.
    """
    if revision.startswith("-"):
        raise RevisionError(f"'{revision}' is neither a folder nor a git revision")
    prefix = _git(content, revision, "rev-parse", "--show-prefix").decode("utf-8", "replace").strip()
    if _run(content, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        shallow = _run(content, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        raise RevisionError(
            f"'{revision}' is neither a folder nor a revision of the git repository of '{content.as_posix()}'"
            + (f"; {SHALLOW}" if shallow else "")
        )
    inside = prefix.rstrip("/")
    name = f"{revision}:{inside}"
    if inside and _run(content, "cat-file", "-e", name).returncode != 0:
        raise RevisionError(
            f"revision '{revision}' has no folder '{inside}': the content folder is not in it"
        )
    archive = _git(content, revision, "archive", "--format=tar", revision)  # run inside: just the folder
    with tempfile.TemporaryDirectory(prefix="briefing-diff-") as temporary:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temporary, filter="data")
        yield Path(temporary), name


def _run(folder: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, check=False)
    except FileNotFoundError:
        raise RevisionError(
            "git is not installed, and a revision is read with it; give two folders"
        ) from None


def _git(folder: Path, revision: str, *arguments: str) -> bytes:
    """What a git command prints; RevisionError with git's own reason if it fails."""
    done = _run(folder, *arguments)
    if done.returncode == 0:
        return done.stdout
    said = done.stderr.decode("utf-8", "replace").strip().splitlines()
    reason = said[-1].removeprefix("fatal: ") if said else f"git {arguments[0]} failed"
    if "not a git repository" in reason:
        raise RevisionError(
            f"'{revision}' is neither a folder nor a git revision: "
            f"'{folder.as_posix()}' is not in a git repository"
        )
    raise RevisionError(f"cannot read revision '{revision}': {reason}")
