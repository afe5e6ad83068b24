"""Edits of a project's files, as an author saves them, given as data so that another process can make them."""

from __future__ import annotations

from pathlib import Path

Edit = tuple[str, str | None, str | None]
"""A file's path in the project, the text to replace and its replacement: no replacement deletes the file,
no text to replace writes the file whole."""


def apply(project: Path, edits: list[Edit]) -> None:
    """Make the edits in the project's files, in order."""
    for path, old, new in edits:
        file = project / path
        if new is None:
            file.unlink()
        elif old is None:
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(new, encoding="utf-8")
        else:
            text = file.read_text(encoding="utf-8")
            assert old in text, (path, old)
            file.write_text(text.replace(old, new, 1), encoding="utf-8")
