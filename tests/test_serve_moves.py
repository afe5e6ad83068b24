"""``mkdocs serve`` keeps rebuilding when the content folder is moved away and back, as a checkout may do."""

from __future__ import annotations

import time
from html import unescape
from pathlib import Path

from served import Served

TITLE = "title: North Korean troops fighting Ukrainian forces alongside Russian troops"


def shows(text: str):
    return lambda html: html is not None and text in unescape(html)


def edit_title(content: Path, title: str) -> None:
    claim = content / "claims" / "2-combat.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace(TITLE, f"title: {title}"), encoding="utf-8")


def test_the_site_follows_the_content_folder_moved_away_and_back(tmp_path):
    served = Served(tmp_path / "project", log_path=tmp_path / "serve.log")  # nothing beside content changes
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
