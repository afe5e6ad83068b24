"""Keep ``mkdocs serve`` watching the content folder: told of every change by the system, and after moves.

MkDocs' server (and ProperDocs') polls whatever it watches every half second, reading the state of every
file under it: with one entity a file, thousands of files twice a second, a few percent of a core while
nothing changes, and up to half a second added to every edit. The content folder is watched instead by
watchdog's native observer (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows): the
system tells it of each change, so it costs nothing while nothing changes and sees an edit at once. Each
change goes to the server's own handler for the folder, which sets the server's rebuild flag as the
server's own watch does, so that the server's build delay applies. The docs folder and mkdocs.yml stay
polled by the server: they are few files. Where no native observer can be started or given the folder (none
on the platform, or the system's limit of watches reached), the server's observer polls the folder, as
before; that is logged at debug level only (``serve -v``).

A watch stops for good once its folder is gone: renamed, moved away for a moment, replaced by a checkout. So
the folder's parent is watched as well, only its own listing (not recursively). Whenever the content folder
goes or comes back, the site is rebuilt, so that it shows the folder missing, then the briefing again; and
once the folder is back, it is watched again.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.briefing")

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileAttribEvent, FileMovedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]  # fmt: skip
"""The events that change the briefing: a file opened, read and closed changes nothing (every build reads
them all), and a folder's own modification only repeats the change of an entry in it."""

COMINGS_AND_GOINGS: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileDeletedEvent, FileMovedEvent, DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]  # fmt: skip
"""The events of the parent's listing that may concern the content folder; not the writes to the files
beside it, such as the server's own log."""


def keep_watching(server: Any, folder: Path) -> None:
    """Have MkDocs' server rebuild on any change in the folder (an absolute path), even after it moved."""
    handler = _servers_handler(server, str(folder))
    if handler is None:  # the server watches the folder already, as the docs folder or a path it was given
        return
    if not _natively(server, folder, handler):
        _Follower(server, folder, handler, server.observer).start()


def native_observer() -> BaseObserver:
    """The platform's native observer (watchdog's choice), not started; raises OSError if none can be made."""
    return Observer()


def _servers_handler(server: Any, path: str) -> FileSystemEventHandler | None:
    """The server's own handler for the folder, which sets its rebuild flag.

    The server watches the folder as ever: it counts it, and lists it among the paths it watches. Only its
    observer is stood in for meanwhile, so that the folder is not polled.
    """
    observer, stand_in = server.observer, _StandIn()
    server.observer = stand_in
    try:
        server.watch(path)
    finally:
        server.observer = observer
    return stand_in.handler


class _StandIn:
    """Stands in for the server's observer while the server watches the folder: keeps the handler given."""

    def __init__(self) -> None:
        self.handler: FileSystemEventHandler | None = None
        """The server's handler for the folder, once the server scheduled it."""

    def schedule(self, handler: FileSystemEventHandler, path: str, *, recursive: bool) -> ObservedWatch:
        """Keep the handler; the folder is watched by whoever follows it."""
        self.handler = handler
        return ObservedWatch(path, recursive=recursive)


def _natively(server: Any, folder: Path, handler: FileSystemEventHandler) -> bool:
    """Whether a native observer follows the folder, started now and stopped with the server's observer."""
    try:
        observer = native_observer()
    except OSError as error:
        return _polled(folder, error)
    if isinstance(observer, PollingObserver):
        return _polled(folder, "this platform has no native file watcher")
    try:
        _Follower(server, folder, handler, observer).start()
        observer.start()
    except OSError as error:
        observer.stop()
        return _polled(folder, error)
    stopping = threading.Thread(target=_stop_with, args=(server.observer, observer), name="briefing-watch")
    stopping.daemon = True  # never keeps the process running: it only waits
    stopping.start()
    return True


def _polled(folder: Path, reason: object) -> bool:
    """Log, at debug level only, why the server's observer is to poll the folder; False (not native)."""
    log.debug(f"briefing: '{folder}' is polled for changes, as it cannot be watched natively: {reason}")
    return False


def _stop_with(server_observer: BaseObserver, observer: BaseObserver) -> None:
    """Once the server's observer is stopped (the server shuts down), stop the native one and wait for it."""
    server_observer.stopped_event.wait()
    observer.stop()
    observer.join()


class _Follower(FileSystemEventHandler):
    """Watches a folder's parent listing and keeps the folder watched, whatever becomes of it."""

    def __init__(
        self, server: Any, folder: Path, handler: FileSystemEventHandler, observer: BaseObserver
    ) -> None:
        self.server = server
        """MkDocs' server, whose observer polls the folder where the native observer cannot watch it."""
        self.folder = folder
        """The folder kept watched."""
        self.path = str(folder)
        """The folder's path, as events name it."""
        self.relay = _Relay(handler)
        """Gives the server's handler the changes in the folder."""
        self.observer = observer
        """The observer watching the parent's listing, and the folder where it can."""
        self.watched: tuple[BaseObserver, ObservedWatch] | None = None
        """The folder's watch and its observer, while the folder is watched."""

    def start(self) -> None:
        """Watch the parent's listing, and the folder if it is there now (the observer starts the watches)."""
        self.observer.schedule(self, str(self.folder.parent), event_filter=COMINGS_AND_GOINGS)
        if self.folder.is_dir():
            self.watched = self.observer, self._schedule(self.observer)

    def on_any_event(self, event: FileSystemEvent) -> None:
        """A change in the parent's listing: follow the folder if it went, came, or is watched no more."""
        named = self.path in (event.src_path, event.dest_path)
        if not named and not self._lost():
            return
        self._follow()
        self.relay.dispatch(FileModifiedEvent(self.path, is_synthetic=True))  # shows it missing, or back

    def _lost(self) -> bool:
        """Whether the folder is there but its watch stopped: a polling watch stops when the folder goes."""
        if not self.folder.is_dir():
            return False
        if self.watched is None:
            return True
        observer, watch = self.watched
        return not any(emitter.watch == watch and emitter.is_alive() for emitter in observer.emitters)

    def _follow(self) -> None:
        """Drop the watch of the folder that was, and watch the folder there now, if any."""
        if self.watched is not None:
            observer, watch = self.watched
            observer.unschedule(watch)
            self.watched = None
        if not self.folder.is_dir():
            return
        try:
            self.watched = self.observer, self._schedule(self.observer)
        except OSError as error:  # the system's limit of watches reached meanwhile
            _polled(self.folder, error)
            self.watched = self.server.observer, self._schedule(self.server.observer)

    def _schedule(self, observer: BaseObserver) -> ObservedWatch:
        """Watch the folder and everything in it with an observer."""
        return observer.schedule(self.relay, self.path, recursive=True, event_filter=CHANGES)


class _Relay(FileSystemEventHandler):
    """Gives the server's handler the changes in the folder, those of its folders included."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        self.handler = handler
        """The server's handler, which sets its rebuild flag for any change but a folder's."""

    def on_any_event(self, event: FileSystemEvent) -> None:
        """A change in the folder: the server rebuilds, also when a folder in it came, went or was renamed."""
        if event.is_directory:  # passed over by the server's handler, while files may have gone with it
            event = FileModifiedEvent(event.src_path, is_synthetic=True)
        self.handler.dispatch(event)
