"""``mkdocs serve`` keeps rebuilding when the content folder is moved away and back, as a checkout may do."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from html import unescape
from pathlib import Path

from served import Served, copy_project, free_port

TITLE = "title: North Korean troops fighting Ukrainian forces alongside Russian troops"


class QuietServed(Served):
    """``Served``, with its log written outside the project: nothing beside the content folder changes."""

    def __init__(self, folder: Path) -> None:
        copy_project(folder)
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = folder.parent / "serve.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{self.port}"],
                cwd=folder, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )  # fmt: skip
        self.wait_for("", lambda html: html is not None, timeout=60)


def shows(text: str):
    return lambda html: html is not None and text in unescape(html)


def edit_title(content: Path, title: str) -> None:
    claim = content / "claims" / "2-combat.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace(TITLE, f"title: {title}"), encoding="utf-8")


def test_the_site_follows_the_content_folder_moved_away_and_back(tmp_path):
    served = QuietServed(tmp_path / "project")
    try:
        content = served.folder / "content"
        away = served.folder / "content-away"
        content.rename(away)
        served.wait_for("claims/", shows("content:1:1"))
        assert "content:1:1: cannot list the folder: No such file or directory" in served.log()

        away.rename(content)
        served.wait_for("claims/", shows("North Korean troops fighting Ukrainian forces"))
        edit_title(content, "Troops seen at the front after the move")
        served.wait_for("claims/", shows("Troops seen at the front after the move"))
        assert served.process.poll() is None
    finally:
        served.stop()


def test_changes_beside_the_content_folder_rebuild_nothing(tmp_path):
    served = Served(tmp_path)  # its log is beside the content folder, and grows as the server works
    try:
        content = served.folder / "content"
        content.rename(served.folder / "content-away")
        served.wait_for("claims/", shows("content:1:1"))
        (served.folder / "content-away").rename(content)
        served.wait_for("claims/", shows("North Korean troops fighting Ukrainian forces"))
        time.sleep(1)  # the last rebuild's own lines written
        builds = served.log().count("Building documentation")
        (served.folder / "notes.txt").write_text("an unrelated file\n", encoding="utf-8")
        time.sleep(3)  # six polls of the watcher
        assert served.log().count("Building documentation") == builds
        edit_title(content, "Still watched")
        served.wait_for("claims/", shows("Still watched"))
    finally:
        served.stop()
