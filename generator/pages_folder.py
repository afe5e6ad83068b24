"""The folder ``briefing render`` writes the site's files into: only its own are replaced or removed there.

The folder may hold files of its own, such as stylesheets or a site built there. The files written (pages,
data files, the theme, the engine's configuration) are listed, each with its SHA-256, in the folder's
``.briefing-render``; a file replaces or removes only a file listed there and unchanged since, and no link is
ever followed. Everything is checked before anything is written, so a refusal changes nothing. Each file is
written to a temporary file beside it and renamed into place, so a crash leaves the old file or the new one,
never half of one; a file whose bytes are the same is not touched, so an engine watching the folder sees only
the files that changed. A file no longer in the briefing is removed, and so is a folder made for files once
it is empty.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.files import write_atomically
from generator.site_folder import KeepClear, overlap

MANIFEST = ".briefing-render"
"""The file, in the folder, listing the pages written there and the folders made for them."""
ABOUT = (
    "The files briefing render wrote into this folder, with their SHA-256, and the folders it made. "
    "It replaces or removes only these files, and only while they are unchanged."
)
"""What the manifest says of itself, for whoever opens it."""
MOVE = "move it away, or render into another folder"
"""The way out of every refusal of a file in the folder."""
ELSEWHERE = "give another folder with --out DIR"
"""The way out of a refused folder."""


class Kind(enum.Enum):
    """What may lie at a path, a link not followed; the value is how messages name it."""

    NOTHING = "nothing"
    LINK = "a link"
    FOLDER = "a folder"
    FILE = "a file"
    SPECIAL = "a special file"


class Refused(Exception):
    """The pages must not be written there: one reason a line, each naming the file and the way out."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("\n".join(reasons))
        self.reasons = reasons
        """Why, one file a line."""


@dataclass(frozen=True)
class Written:
    """What writing the pages did, each page named by its path in the folder."""

    written: tuple[str, ...]
    """The pages written, new or changed."""
    unchanged: tuple[str, ...]
    """The pages already there with the same bytes, left untouched."""
    removed: tuple[str, ...]
    """The pages written before that are no longer in the briefing."""

    def summary(self, folder: str) -> str:
        """What was done, in one line: ``wrote 2 files to out; 6 unchanged; removed 1 file ...``."""
        said = [f"wrote {_files(len(self.written))} to {folder}"]
        if self.unchanged:
            said.append(f"{len(self.unchanged)} unchanged")
        if self.removed:
            said.append(f"removed {_files(len(self.removed))} no longer in the briefing")
        return "; ".join(said)


@dataclass
class Manifest:
    """The pages written into the folder and the folders made for them, as its manifest lists them."""

    pages: dict[str, str] = field(default_factory=dict)
    """Each page's path in the folder (``claims/drones.md``), with the SHA-256 of the bytes written."""
    folders: set[str] = field(default_factory=set)
    """The folders made for pages (``claims``): each is removed once it is empty."""


@dataclass
class _Plan:
    """What writing the pages will do, or why it must not."""

    writes: dict[str, bytes] = field(default_factory=dict)
    """The pages to write, new or changed, with their bytes."""
    same: dict[str, str] = field(default_factory=dict)
    """The pages already there with the same bytes, with their SHA-256."""
    stale: list[str] = field(default_factory=list)
    """The pages written before, unchanged since, that are no longer in the briefing: to remove."""
    gone: list[str] = field(default_factory=list)
    """The pages written before that are no longer there: to forget."""
    refused: list[str] = field(default_factory=list)
    """Why the pages must not be written, one file a line."""


def check_folder(out: Path, content: Path) -> None:
    """Refuse a folder the pages cannot go in, and one they must not fill.

    A folder (or a link to one) that exists or can be made is fine unless it is or contains the content
    folder, the current folder, the home folder or ``/``.
    """
    why = _not_a_folder(out) or overlap(out.resolve(), KeepClear.around(content))
    if why is not None:
        raise Refused([f"will not write the site's files into '{out}': {why}; {ELSEWHERE}"])


def write_pages(out: Path, pages: Mapping[str, str]) -> Written:
    """Write the pages (path in the folder → Markdown) into a folder ``check_folder`` accepts.

    Raise Refused, having changed nothing, when a page would replace a file not written here or one changed
    since, when a page no longer in the briefing was changed since, and when a link lies on the way.
    """
    before = read_manifest(out)
    plan = _plan(out, before, {path: text.encode("utf-8") for path, text in pages.items()})
    if plan.refused:
        raise Refused(list(dict.fromkeys(plan.refused)))  # a folder in the way of many pages is said once
    return _carry_out(out, before, plan)


def read_manifest(out: Path) -> Manifest:
    """The folder's manifest, empty if there is none; Refused if it is not one this module wrote."""
    path = out / MANIFEST
    kind = _kind(path)
    if kind is Kind.NOTHING:
        return Manifest()
    if kind is not Kind.FILE:
        raise Refused([f"{path.as_posix()}: {_named(kind)}, where the list of files written goes; {MOVE}"])
    try:
        return _parse_manifest(json.loads(path.read_bytes()))
    except ValueError as error:
        raise Refused(
            [
                f"{path.as_posix()}: not a list of the files briefing render wrote ({error}); delete it and "
                "run again: no file then replaces one that differs from it"
            ]
        ) from None


def _parse_manifest(data: object) -> Manifest:
    """The manifest the JSON gives; ValueError, saying what is wrong, if it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("pages"), dict):
        raise ValueError("no 'pages' mapping")
    pages, folders = data["pages"], data.get("folders", [])
    if not isinstance(folders, list):
        raise ValueError("'folders' is not a list")
    for path in [*pages, *folders]:
        if not _is_inside(path):
            raise ValueError(f"{path!r} is not a path inside the folder")
    for digest in pages.values():
        if not (isinstance(digest, str) and len(digest) == 64 and set(digest) <= set("0123456789abcdef")):
            raise ValueError(f"{digest!r} is not a SHA-256")
    return Manifest(dict(pages), set(folders))


def _is_inside(path: object) -> bool:
    """Whether the path, as the manifest gives it, names a file or folder inside the folder, plainly."""
    if not isinstance(path, str) or "\\" in path or "\0" in path:
        return False
    parts = PurePosixPath(path).parts
    return (
        PurePosixPath(path).as_posix() == path
        and bool(parts)
        and not PurePosixPath(path).is_absolute()
        and ".." not in parts
        and parts[0] != MANIFEST
    )


def _plan(out: Path, before: Manifest, pages: dict[str, bytes]) -> _Plan:
    plan = _Plan()
    for path, data in pages.items():
        _plan_page(out, before, path, data, plan)
    for path in sorted(before.pages.keys() - pages.keys()):
        _plan_removal(out, before, path, plan)
    return plan


def _plan_page(out: Path, before: Manifest, path: str, data: bytes, plan: _Plan) -> None:
    """Plan to write the page, to leave it as it is, or refuse to replace what is there."""
    blocked = _first_not_a_folder(out, PurePosixPath(path).parent)
    if blocked is not None and blocked[1] is not Kind.NOTHING:
        folder, kind = blocked
        plan.refused.append(f"{folder.as_posix()}: {_named(kind)}, where a folder of its files goes; {MOVE}")
        return
    target = out / path
    kind = Kind.NOTHING if blocked is not None else _kind(target)
    if kind is Kind.NOTHING:
        plan.writes[path] = data
    elif kind is not Kind.FILE:
        plan.refused.append(f"{target.as_posix()}: {_named(kind)}, where one of its files goes; {MOVE}")
    elif (found := _file_digest(target)) == _digest(data):
        plan.same[path] = found
    elif before.pages.get(path) == found:
        plan.writes[path] = data
    elif path in before.pages:
        plan.refused.append(f"{target.as_posix()}: changed since briefing render wrote it; {MOVE}")
    else:
        shown = (out / MANIFEST).as_posix()
        plan.refused.append(f"{target.as_posix()}: not written by briefing render (not in {shown}); {MOVE}")


def _plan_removal(out: Path, before: Manifest, path: str, plan: _Plan) -> None:
    """Plan to remove a file no longer in the briefing, to forget it if it is gone, or refuse."""
    blocked = _first_not_a_folder(out, PurePosixPath(path).parent)
    if blocked is not None and blocked[1] in (Kind.LINK, Kind.SPECIAL):
        folder, kind = blocked
        plan.refused.append(f"{folder.as_posix()}: {_named(kind)}, where a folder of its files was; {MOVE}")
        return
    target = out / path
    kind = Kind.NOTHING if blocked is not None else _kind(target)
    if kind is Kind.NOTHING:
        plan.gone.append(path)
    elif kind is Kind.FILE and _file_digest(target) == before.pages[path]:
        plan.stale.append(path)
    else:
        changed = "changed since briefing render wrote it" if kind is Kind.FILE else f"now {kind.value}"
        plan.refused.append(f"{target.as_posix()}: a file no longer in the briefing, {changed}; {MOVE}")


def _carry_out(out: Path, before: Manifest, plan: _Plan) -> Written:
    """Write, then remove, as planned; list in the manifest what was done, even if not all of it was."""
    after = Manifest({**before.pages, **plan.same}, set(before.folders))
    for path in plan.gone:
        del after.pages[path]
    mode = _file_mode()
    try:
        out.mkdir(parents=True, exist_ok=True)
        for path, data in plan.writes.items():
            _make_folders(out, PurePosixPath(path).parent, after.folders)
            write_atomically(out / path, data, mode)
            after.pages[path] = _digest(data)
        for path in plan.stale:
            (out / path).unlink(missing_ok=True)
            del after.pages[path]
        _remove_empty_folders(out, after.folders)
    except BaseException:
        with contextlib.suppress(OSError):  # the error that stopped the writing is the one to tell
            _save_manifest(out, before, after, mode=mode)
        raise
    _save_manifest(out, before, after, mode=mode)
    return Written(tuple(plan.writes), tuple(plan.same), tuple(plan.stale))


def _save_manifest(out: Path, before: Manifest, after: Manifest, *, mode: int) -> None:
    """Write the manifest if it changed."""
    if after == before:
        return
    listed = {
        "about": ABOUT,
        "pages": dict(sorted(after.pages.items())),
        "folders": sorted(after.folders),
    }
    write_atomically(out / MANIFEST, (json.dumps(listed, indent=2) + "\n").encode("utf-8"), mode)


def _make_folders(out: Path, folders: PurePosixPath, made: set[str]) -> None:
    """Make the folders on the way to a page, noting those made."""
    for depth in range(1, len(folders.parts) + 1):
        folder = PurePosixPath(*folders.parts[:depth])
        try:
            (out / folder).mkdir()
        except FileExistsError:
            continue
        made.add(folder.as_posix())


def _remove_empty_folders(out: Path, made: set[str]) -> None:
    """Remove the folders made for pages that are empty, deepest first, and forget those no longer there."""
    for folder in sorted(made, key=lambda folder: folder.count("/"), reverse=True):
        path = out / folder
        if _first_not_a_folder(out, PurePosixPath(folder)) is not None:
            made.discard(folder)  # gone, or replaced by something that is not ours
            continue
        with os.scandir(path) as entries:
            empty = next(entries, None) is None
        if empty:
            path.rmdir()
            made.discard(folder)


def _first_not_a_folder(out: Path, folders: PurePosixPath) -> tuple[Path, Kind] | None:
    """The first of the folders on the way, from the top, that is not a folder (links not followed)."""
    for depth in range(1, len(folders.parts) + 1):
        path = out.joinpath(*folders.parts[:depth])
        kind = _kind(path)
        if kind is not Kind.FOLDER:
            return path, kind
    return None


def _kind(path: Path) -> Kind:
    """What lies at the path, a link not followed."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return Kind.NOTHING
    if stat.S_ISLNK(mode):
        return Kind.LINK
    if stat.S_ISDIR(mode):
        return Kind.FOLDER
    return Kind.FILE if stat.S_ISREG(mode) else Kind.SPECIAL


def _named(kind: Kind) -> str:
    """The kind, as a refusal names it: a link with the reason it is refused."""
    return f"{kind.value}, which briefing render never writes through" if kind is Kind.LINK else kind.value


def _not_a_folder(out: Path) -> str | None:
    """Why the pages cannot go in the folder, if they cannot: it, or a folder above it, is not a folder."""
    if out.is_dir():
        return None
    if out.is_symlink():
        return f"it is a link to '{out.readlink()}', which leads to no folder"
    if out.exists():
        return "it is a file, not a folder"
    for above in reversed(out.parents):
        if above.is_dir():
            continue
        if above.is_symlink():
            return f"it lies under '{above}', a link to '{above.readlink()}', which leads to no folder"
        if above.exists():
            return f"it lies under the file '{above}'"
        break
    return None


def _file_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a piece at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while piece := file.read(1 << 16):
            digest.update(piece)
    return digest.hexdigest()


def _files(count: int) -> str:
    return f"{count} file{'s' * (count != 1)}"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_mode() -> int:
    """The mode a new file gets here: readable by all, as pages are, less what the umask takes away."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
