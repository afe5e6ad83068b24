"""``briefing render --out DIR`` replaces and removes only the pages it wrote there, and never through a link."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest
from generator import cli, pages_folder, render_links
from generator.render import render_pages
from generator.validate import load_briefing

from conftest import ROOT, Result
from fingerprint import fingerprint

MOVE = "move it away, or render into another folder"
GIVE = "give another folder with --out DIR"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A folder with a copy of the briefing's content, made the current and the home folder's parent."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return tmp_path


@pytest.fixture
def render(capsys):
    def run(out: str = "pages", *more: str) -> Result:
        capsys.readouterr()
        code = cli.main(["render", "--out", out, *more])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def pages() -> dict[str, str]:
    """The pages of the briefing in the current folder, by path."""
    return {page.path: page.markdown for page in render_pages(load_briefing(Path("content")))}


def manifest(out: Path) -> dict[str, str]:
    return dict(json.loads((out / ".briefing-render").read_text(encoding="utf-8"))["pages"])


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_pages_are_written_and_listed_with_their_hashes(folder, render):
    before = fingerprint(folder)
    expected = pages()
    assert render() == Result(0, f"wrote {len(expected)} pages to pages\n", "")
    for path, markdown in expected.items():
        assert (folder / "pages" / path).read_text(encoding="utf-8") == markdown
    assert manifest(folder / "pages") == {path: sha256(markdown) for path, markdown in expected.items()}
    added = fingerprint(folder).keys() - before.keys()
    folders = {f"pages/{path.rsplit('/', 1)[0]}" for path in expected if "/" in path}  # data/
    assert added == {"pages", "pages/.briefing-render", *folders, *(f"pages/{path}" for path in expected)}


def test_files_of_its_own_beside_the_pages_are_kept(folder, render):
    (folder / "site/docs/assets/stylesheets").mkdir(parents=True)
    (folder / "site/docs/assets/stylesheets/briefing.css").write_text("a { color: red }\n", encoding="utf-8")
    (folder / "site/docs/zensical.toml").write_text("[project]\n", encoding="utf-8")
    before = fingerprint(folder / "site/docs")
    assert render("site/docs").code == 0
    after = fingerprint(folder / "site/docs")
    assert {path: after[path] for path in before} == before


def test_re_rendering_unchanged_content_rewrites_nothing(folder, render):
    assert render().code == 0
    for path in (folder / "pages").rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = fingerprint(folder, times=True)
    assert render() == Result(0, f"wrote 0 pages to pages; {len(pages())} unchanged\n", "")
    assert fingerprint(folder, times=True) == before


def test_only_the_pages_whose_content_changed_are_rewritten(folder, render):
    assert render().code == 0
    old = pages()
    change_a_claim(folder)
    new = pages()
    changed = sorted(path for path in new if new[path] != old[path])
    assert changed and len(changed) < len(new)
    for path in (folder / "pages").rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = fingerprint(folder / "pages", times=True)
    assert render() == Result(
        0, f"wrote {len(changed)} pages to pages; {len(new) - len(changed)} unchanged\n", ""
    )
    after = fingerprint(folder / "pages", times=True)
    assert sorted(path for path in before if after[path] != before[path]) == sorted(
        [".briefing-render", *changed]
    )
    assert manifest(folder / "pages") == {path: sha256(markdown) for path, markdown in new.items()}


def change_a_claim(folder: Path) -> None:
    claim = folder / "content/claims/2-combat.yml"
    text = claim.read_text(encoding="utf-8")
    assert "status: unverified" in text
    claim.write_text(text.replace("status: unverified", "status: disputed"), encoding="utf-8")


def with_topic_pages(monkeypatch, on: bool) -> None:
    """Split the claims into a page per topic (the briefing's 11 claims are then "many"), or not."""
    monkeypatch.setattr(render_links, "CLAIMS_PER_PAGE", 5 if on else 150)


def test_pages_no_longer_in_the_briefing_are_removed_with_the_folder_made_for_them(
    folder, render, monkeypatch
):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    split = pages()
    topics = sorted(path for path in split if path.startswith("claims/"))
    assert len(topics) == 6
    with_topic_pages(monkeypatch, False)
    whole = pages()
    changed = [path for path in whole if whole[path] != split[path]]
    assert render() == Result(
        0,
        f"wrote {len(changed)} pages to pages; {len(whole) - len(changed)} unchanged; "
        "removed 6 pages no longer in the briefing\n",
        "",
    )
    assert not (folder / "pages/claims").exists()
    assert sorted(manifest(folder / "pages")) == sorted(whole)


def test_a_folder_made_for_pages_stays_while_it_holds_a_file_of_someone_else(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    (folder / "pages/claims/notes.txt").write_text("mine\n", encoding="utf-8")
    with_topic_pages(monkeypatch, False)
    assert render().code == 0
    assert [path.name for path in (folder / "pages/claims").iterdir()] == ["notes.txt"]


def test_a_page_no_longer_in_the_briefing_but_changed_since_is_refused(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    topic = min(path for path in pages() if path.startswith("claims/"))
    with (folder / "pages" / topic).open("a", encoding="utf-8") as page:
        page.write("My own note.\n")
    with_topic_pages(monkeypatch, False)
    before = fingerprint(folder)
    assert render() == Result(
        2,
        "",
        f"briefing render: pages/{topic}: a page no longer in the briefing, changed since briefing "
        f"render wrote it; {MOVE}\n",
    )
    assert fingerprint(folder) == before


def test_a_file_it_did_not_write_is_not_replaced(folder, render):
    (folder / "pages").mkdir()
    (folder / "pages/claims.md").write_text("# My claims\n", encoding="utf-8")
    before = fingerprint(folder)
    assert render() == Result(
        2,
        "",
        "briefing render: pages/claims.md: not written by briefing render (not in pages/.briefing-render); "
        f"{MOVE}\n",
    )
    assert fingerprint(folder) == before


def test_a_page_changed_since_it_was_written_is_not_replaced(folder, render):
    assert render().code == 0
    with (folder / "pages/claims.md").open("a", encoding="utf-8") as page:
        page.write("My own note.\n")
    change_a_claim(folder)
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/claims.md: changed since briefing render wrote it; {MOVE}\n"
    )
    assert fingerprint(folder) == before


def test_pages_left_without_a_list_are_taken_back_when_they_are_what_would_be_written(folder, render):
    assert render().code == 0
    listed = (folder / "pages/.briefing-render").read_bytes()
    (folder / "pages/.briefing-render").unlink()
    assert render() == Result(0, f"wrote 0 pages to pages; {len(pages())} unchanged\n", "")
    taken_back = json.loads((folder / "pages/.briefing-render").read_bytes())
    assert taken_back == {**json.loads(listed), "folders": []}  # it cannot know it made data/


@pytest.mark.parametrize("lasting", [False, True])
def test_a_write_the_machine_refuses_leaves_no_half_written_page_and_the_list_says_what_was_written(
    folder, render, monkeypatch, lasting
):
    real_fsync = os.fsync
    calls = []

    def fsync_until_the_disk_is_full(descriptor: int) -> None:
        calls.append(descriptor)
        if len(calls) == 4 or (lasting and len(calls) > 4):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync_until_the_disk_is_full)
    assert render() == Result(74, "", "briefing: No space left on device\n")
    monkeypatch.setattr(os, "fsync", real_fsync)
    expected = pages()
    first = list(expected)[:3]
    listed = [] if lasting else [".briefing-render"]  # a full disk takes the list too
    assert sorted(path.name for path in (folder / "pages").iterdir()) == sorted([*listed, *first])
    if not lasting:
        assert manifest(folder / "pages") == {path: sha256(expected[path]) for path in first}
    assert render() == Result(0, f"wrote {len(expected) - 3} pages to pages; 3 unchanged\n", "")
    assert manifest(folder / "pages") == {path: sha256(markdown) for path, markdown in expected.items()}


def test_a_failed_replacement_leaves_the_old_page(folder, render, monkeypatch):
    assert render().code == 0
    change_a_claim(folder)
    before = fingerprint(folder / "pages")

    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert render() == Result(74, "", "briefing: No space left on device\n")
    assert fingerprint(folder / "pages") == before


LINKS = "a link, which briefing render never writes through"


@pytest.mark.parametrize(
    ("link", "target", "message"),
    [
        ("pages/claims.md", "../outside.md", f"pages/claims.md: {LINKS}, where a page goes; {MOVE}"),
        ("pages/claims.md", "../nowhere.md", f"pages/claims.md: {LINKS}, where a page goes; {MOVE}"),
        ("pages/claims", "../elsewhere", f"pages/claims: {LINKS}, where a folder of pages goes; {MOVE}"),
        (
            "pages/.briefing-render",
            "../outside.md",
            f"pages/.briefing-render: {LINKS}, where the list of pages written goes; {MOVE}",
        ),
    ],
)
def test_a_link_in_the_folder_is_never_written_through(folder, render, monkeypatch, link, target, message):
    with_topic_pages(monkeypatch, True)
    (folder / "pages").mkdir()
    (folder / "elsewhere").mkdir()
    (folder / "outside.md").write_text("kept\n", encoding="utf-8")
    (folder / link).symlink_to(target)
    before = fingerprint(folder)
    assert render() == Result(2, "", f"briefing render: {message}\n")
    assert fingerprint(folder) == before


def test_a_link_put_in_place_of_a_folder_of_pages_is_not_followed_to_remove_them(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    (folder / "pages/claims").rename(folder / "elsewhere")
    (folder / "pages/claims").symlink_to("../elsewhere")
    with_topic_pages(monkeypatch, False)
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/claims: {LINKS}, where a folder of pages was; {MOVE}\n"
    )
    assert fingerprint(folder) == before


def test_a_special_file_where_a_page_goes_is_refused_without_being_read(folder, render):
    (folder / "pages").mkdir()
    os.mkfifo(folder / "pages/claims.md")
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/claims.md: a special file, where a page goes; {MOVE}\n"
    )
    assert fingerprint(folder) == before


OUTSIDE = hashlib.sha256(b"kept\n").hexdigest()


@pytest.mark.parametrize(
    ("listed", "why"),
    [
        ("{", "Expecting property name enclosed in double quotes: line 2 column 1 (char 2)"),
        ("[]", "no 'pages' mapping"),
        (
            json.dumps({"pages": {"../outside.md": OUTSIDE}}),
            "'../outside.md' is not a path inside the folder",
        ),
        (json.dumps({"pages": {"/tmp/x.md": OUTSIDE}}), "'/tmp/x.md' is not a path inside the folder"),
        (json.dumps({"pages": {}, "folders": [".."]}), "'..' is not a path inside the folder"),
        (json.dumps({"pages": {"index.md": "abc"}}), "'abc' is not a SHA-256"),
    ],
)
def test_a_list_that_is_not_one_briefing_render_wrote_is_refused(folder, render, listed, why):
    (folder / "pages").mkdir()
    (folder / "outside.md").write_text("kept\n", encoding="utf-8")
    (folder / "pages/.briefing-render").write_text(listed + "\n", encoding="utf-8")
    before = fingerprint(folder)
    assert render() == Result(
        2,
        "",
        f"briefing render: pages/.briefing-render: not a list of the pages briefing render wrote ({why}); "
        "delete it and run again: no page then replaces a file that differs from it\n",
    )
    assert fingerprint(folder) == before


@pytest.mark.parametrize(
    ("out", "why"),
    [
        ("notes.txt", "it is a file, not a folder"),
        ("notes.txt/pages", "it lies under the file 'notes.txt'"),
        ("gone", "it is a link to 'nowhere', which leads to no folder"),
        ("gone/pages", "it lies under 'gone', a link to 'nowhere', which leads to no folder"),
        (".", "it is the current folder"),
        ("content", "it is the briefing's content folder"),
        ("content/claims/..", "it is the briefing's content folder"),
        ("home", "it is the home folder"),
        ("/", "it is the root folder"),
        ("..", "it contains the briefing's content folder ({folder}/content)"),
        ("home/..", "it is the current folder"),
    ],
)
def test_a_folder_the_pages_must_not_go_in_is_refused(folder, render, monkeypatch, out, why):
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    (folder / "gone").symlink_to("nowhere")
    (folder / "home").mkdir()

    def never(*arguments: object) -> None:
        raise AssertionError("nothing may be written")

    monkeypatch.setattr(pages_folder, "write_pages", never)
    before = fingerprint(folder)
    assert render(out) == Result(
        2,
        "",
        f"briefing render: will not write the pages into '{out}': {why.format(folder=folder)}; {GIVE}\n",
    )
    assert fingerprint(folder) == before


def test_the_home_folder_is_refused_when_the_pages_would_hold_it(folder, render, monkeypatch):
    (folder / "work").mkdir()
    monkeypatch.chdir(folder / "work")
    monkeypatch.setenv("HOME", str(folder / "users/me"))
    before = fingerprint(folder)
    assert render(str(folder / "users"), "--content", str(folder / "content")) == Result(
        2,
        "",
        f"briefing render: will not write the pages into '{folder / 'users'}': it contains the home folder "
        f"({folder}/users/me); {GIVE}\n",
    )
    assert fingerprint(folder) == before
