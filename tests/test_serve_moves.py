"""``properdocs serve`` and ``mkdocs serve`` keep rebuilding when the content folder is moved away and back, or
replaced, as a checkout may do."""

from __future__ import annotations

import shutil
import time
from html import unescape
from pathlib import Path

import pytest

from served import Served

TITLE = "North Korean troops fighting Ukrainian forces alongside Russian troops"


def shows(text: str):
    return lambda html: html is not None and text in unescape(html)


def edit_title(content: Path, title: str, was: str = TITLE) -> None:
    claim = content / "claims" / "2-combat.yml"
    text = claim.read_text(encoding="utf-8")
    assert f"title: {was}" in text
    claim.write_text(text.replace(f"title: {was}", f"title: {title}"), encoding="utf-8")


@pytest.fixture(params=["properdocs", "mkdocs"])
def engine(request) -> str:
    return request.param


def test_the_site_follows_the_content_folder_moved_away_and_back(tmp_path, engine):
    log = tmp_path / "serve.log"  # beside the project: nothing beside the content folder changes
    served = Served(tmp_path / "project", log_path=log, engine=engine)
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


def test_the_site_follows_the_content_folder_replaced_as_a_checkout_does(tmp_path, engine):
    served = Served(tmp_path / "project", log_path=tmp_path / "serve.log", engine=engine)
    try:
        content, checked_out = served.folder / "content", tmp_path / "checked-out"
        shutil.copytree(content, checked_out)
        edit_title(checked_out, "Troops seen at the front in the checkout")
        shutil.rmtree(content)
        checked_out.rename(content)
        served.wait_for("claims/", shows("Troops seen at the front in the checkout"))
        edit_title(content, "Troops seen after the checkout", was="Troops seen at the front in the checkout")
        served.wait_for("claims/", shows("Troops seen after the checkout"))  # the new folder is watched
    finally:
        served.stop()


def test_changes_beside_the_content_folder_rebuild_nothing(tmp_path, engine):
    served = Served(tmp_path, engine=engine)  # its log is beside the content folder, and grows as it works
    try:
        content = served.folder / "content"
        content.rename(served.folder / "content-away")
        served.wait_for("claims/", shows("content:1:1"))
        (served.folder / "content-away").rename(content)
        served.wait_for("claims/", shows("North Korean troops fighting Ukrainian forces"))
        time.sleep(1)  # the last rebuild's own lines written
        builds = served.log().count("Building documentation")
        (served.folder / "notes.txt").write_text("an unrelated file\n", encoding="utf-8")
        time.sleep(3)  # six polls, where the parent is polled
        assert served.log().count("Building documentation") == builds
        edit_title(content, "Still watched")
        served.wait_for("claims/", shows("Still watched"))
    finally:
        served.stop()
