"""Find a briefing's YAML files in its content folder, reporting whatever there the briefing cannot use.

A content folder may hold more than ordinary files and folders: links, links to nothing, links that lead out
of it, names that are not UTF-8. Each is either read as an author would expect or reported where it lies;
none is silently passed over, and nothing outside the content folder is ever read. Whether a file found is an
ordinary file (not a named pipe or a device) is checked when it is read (``generator.load``).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Location, Problem, did_you_mean
from generator.fields import Category

BRIEFING_FILES = ("briefing.yml", "briefing.yaml")
"""The file holding the briefing itself, under either ending."""
CATEGORY_FOLDERS = tuple(
    category.plural
    for category in Category
    if category is not Category.TERM  # terms are in their treaties
)
"""The folders of entities, in the order the contract lists them."""
EDITIONS_FOLDER = "editions"
"""The folder of what ``briefing edition`` records (read by ``generator.editions``), not of entities."""
YAML_SUFFIXES = (".yml", ".yaml")
"""The endings of the files read; other files (notes, images) are passed over."""
EDITION_SUFFIX = ".json"
"""The ending of the editions' files."""


@dataclass(frozen=True)
class ContentFile:
    """One YAML file of a briefing."""

    folder: str
    """The category folder it lies in, or ``""`` for the briefing file."""
    path: Path
    """Where it is on disk."""
    shown: str
    """The path as messages show it."""


def find_files(content: Path, problems: list[Problem]) -> list[ContentFile]:
    """List a briefing's YAML files: the briefing file first, then each category's in sorted path order.

    YAML files outside the known places are reported rather than silently skipped, since their facts would
    never reach the site. Hidden files and folders (editor and VCS state) are passed over, and so is the
    editions folder: ``find_editions`` lists it.
    """
    walk = _Walk(content, problems, lambda name: name != EDITIONS_FOLDER, YAML_SUFFIXES)
    if not walk.folder(content, (walk.root,)):
        return []  # the content folder itself cannot be listed: said once, nothing more to say
    files = []
    briefing = [name for name in BRIEFING_FILES if _is_there(content / name)]
    if not briefing:
        at = Location(shown(content / BRIEFING_FILES[0]), 1, 1)
        problems.append(Problem(at, "file not found: a briefing needs briefing.yml (title, as_of, summary)"))
    elif len(briefing) > 1:
        at = Location(shown(content / briefing[1]), 1, 1)
        problems.append(Problem(at, "a second briefing file: keep either briefing.yml or briefing.yaml"))
    for path in sorted(walk.found):
        relative = path.relative_to(content)
        if len(relative.parts) > 1 and relative.parts[0] in CATEGORY_FOLDERS:
            files.append(ContentFile(relative.parts[0], path, shown(path)))
        elif relative.name not in BRIEFING_FILES or len(relative.parts) > 1:
            problems.append(Problem(Location(shown(path), 1, 1), _stray_file_message(relative)))
        elif len(briefing) == 1:
            files.insert(0, ContentFile("", path, shown(path)))
    return files


def find_editions(content: Path, problems: list[Problem]) -> list[ContentFile]:
    """List the editions' files (``editions/*.json``), in sorted path order, reporting what else is there.

    Links and names are taken as in the rest of the content folder; the files must lie in the folder itself,
    where ``briefing edition`` writes them. A YAML file there is reported: its facts would never be read.
    """
    walk = _Walk(content, problems, lambda name: name == EDITIONS_FOLDER, (EDITION_SUFFIX, *YAML_SUFFIXES))
    if not os.path.lexists(content / EDITIONS_FOLDER) or not walk.folder(content, (walk.root,)):
        return []
    files = []
    for path in sorted(walk.found):
        relative = path.relative_to(content)
        if len(relative.parts) == 2 and path.suffix == EDITION_SUFFIX:
            files.append(ContentFile(EDITIONS_FOLDER, path, shown(path)))
            continue
        where = "a folder inside editions/" if len(relative.parts) > 2 else "a YAML file in editions/"
        message = (
            f"{where} is never read: the editions folder holds only the files 'briefing edition' writes "
            f"({EDITION_SUFFIX}); move the file out"
        )
        problems.append(Problem(Location(shown(path), 1, 1), message))
    return files


def _is_there(path: Path) -> bool:
    """Whether something other than a folder has the name (a link to nothing counts: it is reported)."""
    return os.path.lexists(path) and not path.is_dir()


class _Walk:
    """One walk through the content folder: the YAML files found, and a problem for each odd thing met."""

    def __init__(
        self, content: Path, problems: list[Problem], top: Callable[[str], bool], suffixes: tuple[str, ...]
    ) -> None:
        self.content = content
        self.top = top
        """Which names of the content folder itself the walk takes in."""
        self.suffixes = suffixes
        """The endings of the files it takes in."""
        self.root = Path(os.path.realpath(content))
        """The content folder with every link resolved: whatever a link leads to must be inside it."""
        self.problems = problems
        self.found: list[Path] = []
        """The YAML files, in the order listed (sorted later); each is inside the content folder."""

    def folder(self, folder: Path, chain: tuple[Path, ...]) -> bool:
        """Take in a folder's files and folders; ``chain``: the resolved folders down to it, to tell a loop.

        Returns False if the folder cannot be listed (said as a problem).
        """
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            fix = "; make it readable" if isinstance(error, PermissionError) else ""
            self.report(folder, f"cannot list the folder: {_reason(error)}{fix}")
            return False
        for entry in entries:
            if not entry.name.startswith(".") and (folder != self.content or self.top(entry.name)):
                self.entry(entry, folder / entry.name, chain)
        return True

    def entry(self, entry: os.DirEntry[str], path: Path, chain: tuple[Path, ...]) -> None:
        """Take in one thing of a folder: follow a folder, keep a YAML file, report what cannot be used."""
        try:
            linked = entry.is_symlink()
            is_folder = path.is_dir() if linked else entry.is_dir()  # False for a link to nothing
        except OSError as error:
            self.report(path, f"cannot tell what this is: {_reason(error)}")
            return
        if not is_folder and not entry.name.endswith(self.suffixes):
            if linked and "." not in entry.name and not path.exists():  # perhaps a folder, once
                self.link_target(path, is_folder=True)
            elif entry.name.lower().endswith(YAML_SUFFIXES):  # extra.YML: meant to be read, surely
                self.report(path, _ending_message(entry.name))
            return  # not a file to read: notes, images...
        if not _is_utf8(entry.name):
            what = "folder" if is_folder else "file"
            self.report(
                path, f"the {what}'s name is not UTF-8, which messages and links cannot show; rename it"
            )
            return
        resolved = self.link_target(path, is_folder) if linked else chain[-1] / entry.name
        if resolved is None:
            return
        if not is_folder:
            self.found.append(path)
        elif resolved not in chain:  # a link back to a folder being read (a loop) holds nothing new
            self.folder(path, (*chain, resolved))

    def link_target(self, path: Path, is_folder: bool) -> Path | None:
        """Where a link leads, if it leads to something inside the content folder; else None, said why.

        A linked folder inside the content folder is read as if it were there: the author put the link, and
        the files it shows are the briefing's own. A link leading outside is refused, a file or a folder
        alike: the briefing would then depend on files that are not in its folder (nor in its repository,
        for the edit links), and a stray link could publish any file of the machine.
        """
        try:
            target = Path(os.path.realpath(path, strict=True))
        except OSError as error:
            if error.errno == errno.ELOOP:
                self.report(path, "a link that leads round in a circle; fix the link or remove it")
            else:
                self.report(path, f"a link to nothing ('{_link_text(path)}'); fix the link or remove it")
            return None
        if not target.is_relative_to(self.root):
            what, move = ("folder", "move the folder") if is_folder else ("file", "copy the file")
            self.report(
                path,
                f"a link to a {what} outside the content folder ('{escaped(str(target))}'); "
                f"the briefing's files must be inside it: {move} in instead of linking to it",
            )
            return None
        return target

    def report(self, path: Path, message: str) -> None:
        """Record a problem with a file or folder, located at its start."""
        self.problems.append(Problem(Location(shown(path), 1, 1), message))


def _ending_message(name: str) -> str:
    """Why a file whose YAML ending is written in capitals (``extra.YML``) is not read, and how to fix it."""
    stem, dot, ending = name.rpartition(".")
    return (
        f"a file ending in '.{escaped(ending)}' is never read: only files ending in .yml or .yaml, in small "
        f"letters, are; rename it to '{escaped(stem)}{dot}{ending.lower()}'"
    )


def _stray_file_message(relative: Path) -> str:
    if len(relative.parts) == 1:
        return (
            "a YAML file outside the category folders is never read; "
            f"move it into one of {', '.join(CATEGORY_FOLDERS)}"
        )
    folder = relative.parts[0]
    known = (*CATEGORY_FOLDERS, EDITIONS_FOLDER)
    return f"unknown folder '{folder}'{did_you_mean(folder, known)}; the category folders are " + (
        ", ".join(CATEGORY_FOLDERS)
    )


def _link_text(path: Path) -> str:
    """What a link says it leads to, as written in it."""
    try:
        return escaped(str(path.readlink()))
    except OSError:  # gone meanwhile
        return "?"


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _is_utf8(name: str) -> bool:
    """Whether a name listed is UTF-8 (Python keeps the bytes of one that is not as lone surrogates)."""
    if name.isascii():
        return True
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def escaped(name: str) -> str:
    """A name as text, bytes that are not UTF-8 written as escapes (a backslash, ``x`` and two digits)."""
    return name if _is_utf8(name) else os.fsencode(name).decode("utf-8", "backslashreplace")


def shown(path: Path) -> str:
    """A path as messages show it."""
    return escaped(path.as_posix())
