"""``briefing new`` writes only a new file, where it belongs: never through a link, never over anything."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from generator import cli

from conftest import ROOT, Result
from fingerprint import fingerprint


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A folder holding a copy of the briefing's content, made the current folder."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "outside.yml").write_text("kept: true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def new(capsys):
    def run(category: str = "event", id: str = "late") -> Result:
        capsys.readouterr()
        code = cli.main(["new", category, id, "--content", "content"])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


WROTE = "wrote content/events/late.yml: fill in its empty values, then run briefing check\n"


@pytest.mark.parametrize("target", ["../../nowhere.yml", "../../outside.yml", "timeline.yml"])
def test_a_link_at_the_new_file_s_path_is_refused_and_not_written_through(folder, new, target):
    (folder / "content/events/late.yml").symlink_to(target)
    before = fingerprint(folder)
    assert new() == Result(
        1,
        "",
        f"briefing new: content/events/late.yml already exists, as a link to '{target}'; a new file is never "
        "written through it\n",
    )
    assert fingerprint(folder) == before


def test_a_folder_at_the_new_file_s_path_is_refused(folder, new):
    (folder / "content/events/late.yml").mkdir()
    before = fingerprint(folder)
    assert new() == Result(1, "", "briefing new: content/events/late.yml already exists, as a folder\n")
    assert fingerprint(folder) == before


def test_a_category_folder_linked_from_outside_the_content_folder_is_refused(folder, new):
    (folder / "content/events").rename(folder / "elsewhere")
    (folder / "content/events").symlink_to("../elsewhere")
    before = fingerprint(folder)
    assert new() == Result(
        1,
        "",
        f"briefing new: content/events is a link leading out of the content folder ('{folder}/elsewhere'); "
        "content must be inside it: move the folder in instead of linking to it\n",
    )
    assert fingerprint(folder) == before


def test_a_category_folder_linked_to_nothing_is_refused(folder, new):
    shutil.rmtree(folder / "content/events")
    (folder / "content/events").symlink_to("../nowhere")
    before = fingerprint(folder)
    assert new() == Result(
        1, "", "briefing new: content/events is a link to nothing ('../nowhere'); fix it or remove it\n"
    )
    assert fingerprint(folder) == before


def test_a_category_folder_linked_inside_the_content_folder_is_written_into(folder, new):
    (folder / "content/events").rename(folder / "content/all-events")
    (folder / "content/events").symlink_to("all-events")
    assert new() == Result(0, WROTE, "")
    assert (folder / "content/all-events/late.yml").read_text(encoding="utf-8").startswith("# A new event.")


@pytest.mark.parametrize(("made", "what"), [("file", "a file"), ("link", "a link to a file")])
def test_a_file_where_the_category_folder_goes_is_refused(folder, new, made, what):
    shutil.rmtree(folder / "content/events")
    if made == "file":
        (folder / "content/events").write_text("notes\n", encoding="utf-8")
    else:
        (folder / "content/events").symlink_to("briefing.yml")
    before = fingerprint(folder)
    assert new() == Result(
        1, "", f"briefing new: content/events is {what}, where the events folder goes; move it away\n"
    )
    assert fingerprint(folder) == before


def test_a_template_the_disk_has_no_room_for_is_not_left_half_written(folder, new, monkeypatch):
    opened = Path.open

    class FullDisk:
        def __init__(self, file) -> None:
            self.file = file

        def write(self, text: str) -> int:
            self.file.write(text[:10])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc_info: object) -> None:
            self.file.close()

    def open_on_a_full_disk(path: Path, mode: str = "r", *arguments, **keywords):
        file = opened(path, mode, *arguments, **keywords)
        return FullDisk(file) if mode == "x" else file

    monkeypatch.setattr(Path, "open", open_on_a_full_disk)
    before = fingerprint(folder)
    assert new() == Result(74, "", "briefing: No space left on device\n")
    assert fingerprint(folder) == before
