"""The site folder: which folders a build may replace, and replacing one whole or not at all.

A build replaces everything in its site folder, so a folder is replaced only if a build of this tool made it:
never the project, its sources, the current or home folder, nor a folder holding things of someone else's. The
new site is built into a staging folder inside the site folder and moved into place only when the build
succeeded; the site folder itself is never renamed or removed, so it may be a mount point (a Docker volume) or
a link, and its own dot-entries (``.git``, ``.nojekyll``) and ``CNAME`` stay as they are (``mkdocs build``
keeps dot-entries too).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARK = ".briefing-site"
"""The file every site built by this tool holds: a folder with it may be replaced by the next build."""
MARK_TEXT = (
    "This folder is a site built by briefing. Each build replaces everything in it except its dot-entries\n"
    "(.git, .nojekyll and the like). Delete this file and the next build will refuse to replace the folder.\n"
)
_STAGING = ".briefing-building-"
"""The prefix of the folder a site is built in, inside the site folder: left over only by a killed build."""
_PREVIOUS = ".briefing-previous-"
"""The prefix of the folder the previous site is moved into while the new one is moved in."""
KEPT = frozenset({"CNAME"})
"""Entries of a site folder, besides its dot-entries, that a build keeps unless the new site has its own: a
GitHub Pages checkout's custom domain."""
_EXPORT_SIGNATURE = b'{"format":"briefing"'
"""How ``briefing.json`` starts: a site built before sites were marked is recognised by it."""


class UnsafeSiteFolder(Exception):
    """A folder a build must not replace; the message names the folder and says why."""


class SiteFolderBusy(Exception):
    """Another build is writing the same site folder."""


@dataclass(frozen=True)
class KeepClear:
    """The folders a site folder must keep clear of, each with the name messages give it."""

    sources: dict[str, Path]
    """Folders the site may not be, contain or lie inside: what the site is built from."""
    places: dict[str, Path]
    """Folders the site may not be or contain: the project's, the current, the home folder and ``/``."""

    @classmethod
    def of(cls, config: Any, content: Path) -> KeepClear:
        """The folders an MkDocs configuration and a content folder name."""
        sources = {"the briefing's content folder": content, "the docs folder": Path(config.docs_dir)}
        custom = config.theme.custom_dir
        if custom:
            sources["the theme's custom_dir"] = Path(custom)
        config_folder = Path(config.config_file_path or "mkdocs.yml").parent
        return cls(sources, _places({"the folder of the configuration": config_folder}))

    @classmethod
    def around(cls, content: Path) -> KeepClear:
        """The folders to keep clear of where only the content folder is known."""
        return cls({"the briefing's content folder": content}, _places({}))


def _places(more: dict[str, Path]) -> dict[str, Path]:
    """The current folder, the given ones, the root and the home folder, in the order messages prefer."""
    places = {"the current folder": Path.cwd(), **more, "the root folder": Path("/")}
    with contextlib.suppress(RuntimeError):  # no home folder is known
        places["the home folder"] = Path.home()
    return places


FORCE = "give --force to replace everything in it except its dot-entries"
"""How ``briefing build`` replaces a folder that holds things no build of this tool made."""


def check(target: Path, clear: KeepClear, *, force: bool = False, how_to_force: str = FORCE) -> Path:
    """The site folder with every link resolved; raise UnsafeSiteFolder if a build must not replace it.

    ``force`` allows a folder that holds things no build of this tool made, never one of ``clear``'s;
    ``how_to_force`` says how the user asks for that.
    """
    resolved = target.resolve()
    why = overlap(resolved, clear)
    if why is None and (resolved.exists() or resolved.is_symlink()) and not resolved.is_dir():
        why = "it is a file, not a folder"
    if why is None and not force and _holds_others(resolved):
        why = (
            f"it is not empty and holds no site built by briefing (no {MARK} in it); choose a new or empty "
            f"folder, or {how_to_force}"
        )
    if why is not None:
        linked = str(resolved) != os.path.normpath(target.absolute())
        shown = f"'{target}'" + (f" ({resolved})" if linked else "")
        raise UnsafeSiteFolder(f"will not build the site into {shown}: {why}")
    return resolved


def overlap(resolved: Path, clear: KeepClear) -> str | None:
    """Why a folder (links resolved) overlaps one it must keep clear of, if it does: the closest first."""
    folders = [(what, folder.resolve()) for what, folder in [*clear.places.items(), *clear.sources.items()]]
    for what, folder in folders:
        if resolved == folder:
            return f"it is {what}"
    for what, folder in folders[len(clear.places) :] + folders[: len(clear.places)]:
        if folder.is_relative_to(resolved):
            return f"it contains {what} ({folder})"
    for what, folder in folders[len(clear.places) :]:
        if resolved.is_relative_to(folder):
            return f"it lies inside {what} ({folder})"
    return None


def _holds_others(folder: Path) -> bool:
    """Whether the folder holds something other than dot-entries, and no mark of a build of this tool."""
    if not folder.is_dir():
        return False
    with os.scandir(folder) as entries:
        if all(_kept(entry.name) for entry in entries):
            return False
    if (folder / MARK).is_file():
        return False
    try:
        with (folder / "briefing.json").open("rb") as export:
            return export.read(len(_EXPORT_SIGNATURE)) != _EXPORT_SIGNATURE
    except OSError:
        return True


def mark(site: Path) -> None:
    """Mark a built site as this tool's, so that the next build may replace it."""
    (site / MARK).write_text(MARK_TEXT, encoding="utf-8")


class SiteFolder:
    """A checked site folder, locked against other builds while a new site is staged and published in it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        """The folder, links resolved."""
        self.created = False
        """Whether this build made the folder (and so removes it again if it fails)."""
        self._lock: int | None = None

    def __enter__(self) -> SiteFolder:
        if not self.path.is_dir():
            self.path.mkdir(parents=True)
            self.created = True
        self._lock = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY)
        try:
            _lock(self._lock)
        except BlockingIOError:
            os.close(self._lock)
            busy = f"another build is writing the site folder {self.path}; wait for it to finish"
            raise SiteFolderBusy(busy) from None
        self._recover()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._lock is not None:
            os.close(self._lock)

    def stage(self) -> Path:
        """A new, empty folder to build the site in."""
        try:
            staging = Path(tempfile.mkdtemp(prefix=_STAGING, dir=self.path))
        except OSError as error:  # named after the site folder, not the random name it tried
            raise OSError(error.errno, error.strerror, str(self.path)) from None
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # a temporary folder is private; a site is not
        return staging

    def discard(self, staging: Path) -> None:
        """Remove a failed build's staging folder, and the site folder if this build made it for nothing."""
        shutil.rmtree(staging, ignore_errors=True)
        if self.created:
            with contextlib.suppress(OSError):
                self.path.rmdir()

    def publish(self, staging: Path) -> None:
        """Replace the site with the staged one: its entries moved out, the new ones in, undone on failure.

        Every step is a rename inside one folder; Ctrl-C and SIGTERM wait until the last one is done.
        """
        with _signals_held():
            previous = Path(tempfile.mkdtemp(prefix=_PREVIOUS, dir=self.path))
            new = _names(staging)
            out = [name for name in _names(self.path) if name in new or not _kept(name)]
            moved_out: list[str] = []
            moved_in: list[str] = []
            try:
                for name in out:
                    (self.path / name).rename(previous / name)
                    moved_out.append(name)
                for name in sorted(new, key=lambda name: name == MARK):  # the mark last
                    (staging / name).rename(self.path / name)
                    moved_in.append(name)
            except OSError:
                for name in reversed(moved_in):
                    with contextlib.suppress(OSError):
                        (self.path / name).rename(staging / name)
                for name in reversed(moved_out):
                    with contextlib.suppress(OSError):
                        (previous / name).rename(self.path / name)
                with contextlib.suppress(OSError):  # not empty: the next build moves the rest back
                    previous.rmdir()
                raise
            shutil.rmtree(previous)
            staging.rmdir()

    def _recover(self) -> None:
        """Clear what a killed build left: its staging folder, and a previous site half moved out."""
        for name in _names(self.path):
            left = self.path / name
            if name.startswith(_STAGING) and left.is_dir() and not left.is_symlink():
                shutil.rmtree(left)
            elif name.startswith(_PREVIOUS) and left.is_dir() and not left.is_symlink():
                for entry in _names(left):  # what the new site did not replace comes back
                    if not os.path.lexists(self.path / entry):
                        (left / entry).rename(self.path / entry)
                shutil.rmtree(left)


def _kept(name: str) -> bool:
    """Whether an entry belongs to the site folder rather than to the site: a dot-entry, or one of KEPT."""
    return name.startswith(".") or name in KEPT


def _names(folder: Path) -> list[str]:
    with os.scandir(folder) as entries:
        return sorted(entry.name for entry in entries)


def _lock(descriptor: int) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock, as before
        return
    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while the block runs; they take effect after it."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # pragma: no cover - not POSIX, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
