"""While ``serve`` runs, the content folder costs nothing until it changes, and every change rebuilds at once.

Each test runs the server of ProperDocs, or of MkDocs, in this process, with the briefing's watch, and
counts the rebuilds its own build loop starts.
"""

from __future__ import annotations

import errno
import importlib
import logging
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from generator import watch
from generator.watch import keep_watching
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

AN_HOUR = 3600.0
"""A polling interval that no test waits for: what it sees at once, it is told of."""


class Serving:
    """A server of an engine, as ``serve`` starts it, watching a project's docs and content folders."""

    def __init__(self, folder: Path, engine: str, polling_interval: float = AN_HOUR) -> None:
        self.folder = folder
        self.content = folder / "content"
        write(self.content / "briefing.yml", "title: A briefing\n")
        write(self.content / "claims" / "claim.yml", "id: claim\n")
        write(self.content / "claims" / "nested" / "deep.yml", "id: deep\n")
        write(folder / "docs" / "index.md", "# Home\n")
        livereload = importlib.import_module(f"{engine}.livereload")
        self.builds: list[float] = []
        """When each rebuild started."""
        self.server: Any = livereload.LiveReloadServer(
            builder=lambda: self.builds.append(time.monotonic()), host="127.0.0.1", port=0,
            root=str(folder), polling_interval=polling_interval,
        )  # fmt: skip
        self.server.watch(str(folder / "docs"))
        keep_watching(self.server, self.content)
        self.thread = threading.Thread(target=self.server.serve)

    def __enter__(self) -> Serving:
        self.thread.start()
        time.sleep(0.3)  # the observers started
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown(wait=True)
        self.thread.join()

    def rebuilt_after(self, change: Callable[[], object], what: str = "the change") -> float:
        """Make a change; return how long until the server started a rebuild, or fail after 5 s."""
        count = len(self.builds)
        changed = time.monotonic()
        change()
        while len(self.builds) == count:
            assert time.monotonic() - changed < 5, f"no rebuild within 5 s after {what}"
            time.sleep(0.01)
        time.sleep(0.8)  # the change's last events handled
        return self.builds[count] - changed

    def rebuilds_nothing_after(self, change: Callable[[], object]) -> None:
        count = len(self.builds)
        change()
        time.sleep(1.5)
        assert len(self.builds) == count


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture(params=["properdocs", "mkdocs"])
def engine(request) -> str:
    return request.param


@pytest.fixture
def serving(tmp_path, engine) -> Iterator[Serving]:
    with Serving(tmp_path / "project", engine) as served:
        yield served


def test_every_change_under_the_content_folder_rebuilds_at_once_while_polling_would_take_an_hour(
    serving, tmp_path
):
    content = serving.content
    changes = {
        "an edit": lambda: write(content / "claims" / "nested" / "deep.yml", "id: deeper\n"),
        "a new file in a new folder": lambda: write(content / "claims" / "new" / "added.yml", "id: added\n"),
        "a deleted file": lambda: (content / "claims" / "claim.yml").unlink(),
        "a renamed file": lambda: (content / "briefing.yml").rename(content / "renamed.yml"),
        "a renamed folder": lambda: (content / "claims" / "new").rename(content / "claims" / "old"),
        "a folder moved out": lambda: shutil.move(content / "claims" / "nested", tmp_path / "elsewhere"),
    }
    for what, change in changes.items():
        assert serving.rebuilt_after(change, what) < 1.5, what
    polled = {Path(emitter.watch.path) for emitter in serving.server.observer.emitters}
    assert polled == {serving.folder / "docs"}  # the server polls the docs, not the briefing


def test_a_burst_of_changes_is_one_rebuild_once_the_servers_build_delay_has_passed(serving):
    serving.server.build_delay = 1.0

    def burst() -> None:
        for n in range(5):
            write(serving.content / "claims" / f"burst-{n}.yml", f"id: burst-{n}\n")
            time.sleep(0.1)

    assert serving.rebuilt_after(burst) >= 0.4 + 1.0
    time.sleep(1.5)
    assert len(serving.builds) == 1


def test_reading_the_briefing_rebuilds_nothing(serving):
    serving.rebuilds_nothing_after(lambda: [file.read_bytes() for file in serving.content.rglob("*.yml")])


def test_changes_beside_the_content_folder_rebuild_nothing(serving):
    def beside() -> None:
        write(serving.folder / "notes.txt", "an unrelated file\n")
        write(serving.folder / "content-old" / "briefing.yml", "title: Another\n")
        (serving.folder / "notes.txt").unlink()

    serving.rebuilds_nothing_after(beside)


def test_the_folder_moved_away_and_back_or_replaced_is_followed(serving):
    followed_through_moves_and_a_checkout(serving)


def followed_through_moves_and_a_checkout(serving: Serving) -> None:
    content, away = serving.content, serving.folder / "content-away"
    serving.rebuilt_after(lambda: content.rename(away))
    serving.rebuilt_after(lambda: away.rename(content))
    serving.rebuilt_after(lambda: write(content / "claims" / "claim.yml", "id: after-the-move\n"))

    def checkout() -> None:
        shutil.copytree(content, away)
        shutil.rmtree(content)
        away.rename(content)

    serving.rebuilt_after(checkout)
    serving.rebuilt_after(lambda: write(content / "claims" / "nested" / "deep.yml", "id: after-checkout\n"))
    serving.rebuilt_after(lambda: shutil.rmtree(content))
    serving.rebuilt_after(lambda: write(content / "briefing.yml", "title: Made again\n"))
    serving.rebuilt_after(lambda: write(content / "claims" / "claim.yml", "id: in-the-new-folder\n"))


def said(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str]]:
    """What the briefing's plugin logged, at which level."""
    return [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "mkdocs.plugins.briefing"]


def limit_reached() -> BaseObserver:
    raise OSError(errno.ENOSPC, "inotify watch limit reached")


@pytest.mark.parametrize(
    ("native", "reason"),
    [
        (limit_reached, "[Errno 28] inotify watch limit reached"),
        (PollingObserver, "this platform has no native file watcher"),
    ],
    ids=["watch-limit-reached", "no-native-watcher"],
)
def test_without_a_native_watcher_the_server_polls_the_folder_and_says_so_only_when_asked(
    tmp_path, engine, monkeypatch, caplog, native, reason
):
    monkeypatch.setattr(watch, "native_observer", native)
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.briefing")
    with Serving(tmp_path / "project", engine, polling_interval=0.5) as serving:
        assert said(caplog) == [
            (
                "DEBUG",
                f"briefing: '{serving.content}' is polled for changes, as it cannot be watched natively: {reason}",
            )
        ]
        serving.rebuilt_after(lambda: write(serving.content / "claims" / "claim.yml", "id: polled\n"))


def test_a_polled_folder_is_followed_too(tmp_path, engine, monkeypatch):
    monkeypatch.setattr(watch, "native_observer", limit_reached)
    with Serving(tmp_path / "project", engine, polling_interval=0.5) as serving:
        followed_through_moves_and_a_checkout(serving)


class _LimitReachedOnceRunning(Observer):
    """A native observer that can watch no more folders once it runs, as when the system's limit is reached."""

    def schedule(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_alive():
            limit_reached()
        return super().schedule(*args, **kwargs)


def test_a_folder_back_when_no_more_can_be_watched_natively_is_polled(tmp_path, engine, monkeypatch, caplog):
    monkeypatch.setattr(watch, "native_observer", _LimitReachedOnceRunning)
    caplog.set_level(logging.DEBUG, logger="mkdocs.plugins.briefing")
    with Serving(tmp_path / "project", engine, polling_interval=0.5) as serving:
        assert said(caplog) == []
        followed_through_moves_and_a_checkout(serving)
        assert said(caplog)[0] == (
            "DEBUG",
            f"briefing: '{serving.content}' is polled for changes, as it cannot be watched natively: "
            "[Errno 28] inotify watch limit reached",
        )


def test_no_thread_is_left_once_the_server_shuts_down(tmp_path, engine):
    before = set(threading.enumerate())
    with Serving(tmp_path / "project", engine) as serving:
        serving.rebuilt_after(lambda: write(serving.content / "briefing.yml", "title: Edited\n"))
        assert len(set(threading.enumerate()) - before) > 2  # the server's, and the native observer's
    deadline = time.monotonic() + 5
    while set(threading.enumerate()) - before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert set(threading.enumerate()) - before == set()
