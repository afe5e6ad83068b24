"""Keep ``mkdocs serve`` watching the content folder after the folder is moved away and back.

MkDocs watches a folder with watchdog's polling observer, which stops watching the folder for good once the
folder is gone: renamed, moved away for a moment, replaced by a checkout. The folder's parent is watched as
well, only its own listing (not recursively: one listing a poll, whatever else the parent holds). Whenever
the content folder goes or comes back, the site is rebuilt, so that it shows the folder missing, then the
briefing again; and once the folder is back, it is watched again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from watchdog.events import FileModifiedEvent, FileSystemEvent, FileSystemEventHandler
from watchdog.observers.api import ObservedWatch


def keep_watching(server: Any, folder: Path) -> None:
    """Have MkDocs' server rebuild on any change in the folder (an absolute path), even after it moved."""
    path = str(folder)
    if folder.is_dir():  # a folder missing now is watched once it is made
        server.watch(path)
    observer = getattr(server, "observer", None)
    if observer is not None:  # MkDocs' LiveReloadServer: its watchdog observer
        observer.schedule(_Rewatch(server, path), str(folder.parent))


class _Rewatch(FileSystemEventHandler):
    """Watches a folder's parent: rebuilds when the folder goes or comes, and watches it again once back."""

    def __init__(self, server: Any, path: str) -> None:
        self.server = server
        """MkDocs' server, whose ``watch`` and ``unwatch`` are used as MkDocs itself uses them."""
        self.path = path
        """The folder kept watched."""

    def on_any_event(self, event: FileSystemEvent) -> None:
        """Any change in the parent's listing: look whether the folder went, came, or is watched no more."""
        named = self.path in (event.src_path, event.dest_path)
        if Path(self.path).is_dir() and not self._watched():
            self._watch_again()
        elif not named:
            return
        self._rebuild()

    def _watched(self) -> bool:
        """Whether the folder's watch is still polling (the observer stops it once the folder is gone)."""
        observer = self.server.observer
        return any(emitter.watch.path == self.path and emitter.is_alive() for emitter in observer.emitters)

    def _watch_again(self) -> None:
        """Replace the folder's stopped watch by a new one, counted as often as before (MkDocs counts)."""
        times = 0
        while True:
            try:
                self.server.unwatch(self.path)
            except KeyError:  # watched no more
                break
            times += 1
        for _ in range(max(times, 1)):
            self.server.watch(self.path)

    def _rebuild(self) -> None:
        """Have the server rebuild, as a change of a file in the folder does."""
        watch = ObservedWatch(self.path, recursive=True)  # the watch MkDocs made: watches are equal by path
        self.server.observer.event_queue.put((FileModifiedEvent(self.path, is_synthetic=True), watch))
