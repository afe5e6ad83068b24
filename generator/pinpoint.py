"""Where in its file one character of a value was written, for a message that points at the character.

Nodes keep where each value starts, not where each of its characters is: a problem with one character (an
invisible one, in a long line or deep in a block) is worth reading the file again to find it, which is done
only then. What cannot be told (the file changed or went meanwhile, the character was written as an escape
in double quotes) gives the start of the value, where the problem would be located otherwise.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import Location
from generator.find import ContentFile
from generator.load import read_bytes

try:  # the same parser as the loader's, so that positions agree
    _SCANNER: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _SCANNER = yaml.SafeLoader


def character_location(start: Location, character: str) -> Location:
    """Where the first ``character`` of the scalar written at ``start`` is; else ``start`` itself."""
    try:
        status = Path(start.path).stat()
    except (OSError, ValueError):
        return start
    scalars = _scalars(start.path, status.st_mtime_ns, status.st_size)
    extent = scalars.extents.get((start.line, start.column)) if scalars is not None else None
    if scalars is None or extent is None:
        return start
    index = scalars.text.find(character, *extent)
    if index < 0:
        return start
    line_start = scalars.text.rfind("\n", 0, index) + 1
    return Location(start.path, scalars.text.count("\n", 0, index) + 1, index - line_start + 1)


@dataclass(frozen=True)
class _Scalars:
    """A file's text and where each of its scalars is in it."""

    text: str
    """The file's text, as the loader reads it."""
    extents: dict[tuple[int, int], tuple[int, int]]
    """By the line and column where each scalar starts (1-based): its first and just-after-last indexes."""


@functools.lru_cache(maxsize=4)
def _scalars(path: str, modified: int, size: int) -> _Scalars | None:
    """The scalars of a file as it is at the modification time and size given (which key the cache)."""
    read = read_bytes(ContentFile("", Path(path), path), [])
    if read is None:
        return None
    try:
        text = read[0].decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    extents = {}
    scanner = _SCANNER(text)
    try:
        while not scanner.check_token(yaml.StreamEndToken):
            token = scanner.get_token()
            if isinstance(token, yaml.ScalarToken):
                mark = token.start_mark
                extents[mark.line + 1, mark.column + 1] = (mark.index, token.end_mark.index)
    except yaml.YAMLError:  # the file changed meanwhile and is no longer YAML
        return None
    finally:
        scanner.dispose()
    return _Scalars(text, extents)
