"""``briefing render --out DIR`` replaces and removes only the files it wrote there, and never through a link.

It writes the whole site's sources: the pages and the files beside them under ``docs/``, the theme under
``theme/`` and ``zensical.toml``; every one of them is kept as safely as the others.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
from pathlib import Path, PurePosixPath

import pytest
from generator import cli, pages_folder, render_layout
from generator.editions import with_history
from generator.validate import load_briefing
from generator.zensical import site_sources

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
    monkeypatch.delenv("SITE_URL", raising=False)  # the site's address is in the files written
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
    """Every file rendering the briefing in the current folder writes, by its path in the folder."""
    return site_sources(*with_history(Path("content"), load_briefing), None)


def files(count: int) -> str:
    """A count of files, as the summary says it."""
    return f"{count} file{'s' * (count != 1)}"


def folders_of(paths: list[str]) -> set[str]:
    """Every folder on the way to the paths (``docs``, ``docs/claim``, ...)."""
    return {parent.as_posix() for path in paths for parent in PurePosixPath(path).parents if parent.parts}


def files_in(out: Path) -> list[str]:
    """The files in the folder, by path there, sorted."""
    return sorted(path.relative_to(out).as_posix() for path in out.rglob("*") if not path.is_dir())


def manifest(out: Path) -> dict[str, str]:
    return dict(json.loads((out / ".briefing-render").read_text(encoding="utf-8"))["pages"])


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_pages_are_written_and_listed_with_their_hashes(folder, render):
    before = fingerprint(folder)
    expected = pages()
    assert {"zensical.toml", "docs/claims.md", "docs/briefing.json", "theme/main.html"} <= expected.keys()
    assert render() == Result(0, f"wrote {len(expected)} files to pages\n", "")
    for path, text in expected.items():  # byte for byte: stances.csv ends its lines in CRLF
        assert (folder / "pages" / path).read_bytes() == text.encode("utf-8")
    assert manifest(folder / "pages") == {path: sha256(text) for path, text in expected.items()}
    added = fingerprint(folder).keys() - before.keys()
    folders = folders_of(list(expected))  # docs, docs/claim/<id>, theme/assets/stylesheets, ...
    assert added == {"pages", "pages/.briefing-render", *(f"pages/{path}" for path in [*folders, *expected])}


def test_files_of_its_own_beside_the_pages_are_kept(folder, render):
    (folder / "site/docs/assets/stylesheets").mkdir(parents=True)
    (folder / "site/docs/assets/stylesheets/extra.css").write_text("a { color: red }\n", encoding="utf-8")
    (folder / "site/overrides").mkdir()
    (folder / "site/overrides/x.html").write_text("{% extends 'main.html' %}\n", encoding="utf-8")
    (folder / "site/notes.md").write_text("mine\n", encoding="utf-8")
    before = fingerprint(folder / "site")
    assert render("site") == Result(0, f"wrote {len(pages())} files to site\n", "")
    after = fingerprint(folder / "site")
    assert {path: after[path] for path in before} == before
    assert files_in(folder / "site") == sorted(
        [".briefing-render", *pages(), "docs/assets/stylesheets/extra.css", "overrides/x.html", "notes.md"]
    )


def test_a_site_configuration_of_its_own_is_refused_not_replaced(folder, render):
    (folder / "site").mkdir()
    (folder / "site/zensical.toml").write_text('[project]\nsite_name = "Mine"\n', encoding="utf-8")
    before = fingerprint(folder)
    assert render("site") == Result(
        2,
        "",
        "briefing render: site/zensical.toml: not written by briefing render (not in site/.briefing-render); "
        f"{MOVE}\n",
    )
    assert fingerprint(folder) == before


def test_re_rendering_unchanged_content_rewrites_nothing(folder, render):
    assert render().code == 0
    for path in (folder / "pages").rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = fingerprint(folder, times=True)
    assert render() == Result(0, f"wrote 0 files to pages; {len(pages())} unchanged\n", "")
    assert fingerprint(folder, times=True) == before


def test_only_the_pages_whose_content_changed_are_rewritten(folder, render):
    assert render().code == 0
    old = pages()
    change_a_claim(folder)
    new = pages()
    changed = sorted(path for path in new if new[path] != old[path])
    assert "docs/claims.md" in changed and "theme/main.html" not in changed and len(changed) < len(new)
    for path in (folder / "pages").rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = fingerprint(folder / "pages", times=True)
    assert render() == Result(
        0, f"wrote {files(len(changed))} to pages; {len(new) - len(changed)} unchanged\n", ""
    )
    after = fingerprint(folder / "pages", times=True)
    assert sorted(path for path in before if after[path] != before[path]) == sorted(
        [".briefing-render", *changed]
    )
    assert manifest(folder / "pages") == {path: sha256(text) for path, text in new.items()}


def change_a_claim(folder: Path) -> None:
    claim = folder / "content/claims/2-combat.yml"
    text = claim.read_text(encoding="utf-8")
    assert "status: unverified" in text
    claim.write_text(text.replace("status: unverified", "status: disputed"), encoding="utf-8")


def with_topic_pages(monkeypatch, on: bool) -> None:
    """Split the claims into a page per topic (the briefing's 11 claims are then "many"), or not."""
    monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", 5 if on else 150)


def test_pages_no_longer_in_the_briefing_are_removed_with_the_folder_made_for_them(
    folder, render, monkeypatch
):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    split = pages()
    topics = sorted(path for path in split if path.startswith("docs/claims/"))
    assert len(topics) == 6
    with_topic_pages(monkeypatch, False)
    whole = pages()
    changed = [path for path in whole if whole[path] != split[path]]
    assert render() == Result(
        0,
        f"wrote {files(len(changed))} to pages; {len(whole) - len(changed)} unchanged; "
        "removed 6 files no longer in the briefing\n",
        "",
    )
    assert not (folder / "pages/docs/claims").exists()
    assert files_in(folder / "pages") == sorted([".briefing-render", *whole])
    assert sorted(manifest(folder / "pages")) == sorted(whole)


def test_a_folder_made_for_pages_stays_while_it_holds_a_file_of_someone_else(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    (folder / "pages/docs/claims/notes.txt").write_text("mine\n", encoding="utf-8")
    with_topic_pages(monkeypatch, False)
    assert render().code == 0
    assert [path.name for path in (folder / "pages/docs/claims").iterdir()] == ["notes.txt"]


def test_a_page_no_longer_in_the_briefing_but_changed_since_is_refused(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    topic = min(path for path in pages() if path.startswith("docs/claims/"))
    with (folder / "pages" / topic).open("a", encoding="utf-8") as page:
        page.write("My own note.\n")
    with_topic_pages(monkeypatch, False)
    before = fingerprint(folder)
    assert render() == Result(
        2,
        "",
        f"briefing render: pages/{topic}: a file no longer in the briefing, changed since briefing "
        f"render wrote it; {MOVE}\n",
    )
    assert fingerprint(folder) == before


def test_a_file_it_did_not_write_is_not_replaced(folder, render):
    (folder / "pages/docs").mkdir(parents=True)
    (folder / "pages/docs/claims.md").write_text("# My claims\n", encoding="utf-8")
    before = fingerprint(folder)
    assert render() == Result(
        2,
        "",
        "briefing render: pages/docs/claims.md: not written by briefing render "
        f"(not in pages/.briefing-render); {MOVE}\n",
    )
    assert fingerprint(folder) == before


def test_a_page_changed_since_it_was_written_is_not_replaced(folder, render):
    assert render().code == 0
    with (folder / "pages/docs/claims.md").open("a", encoding="utf-8") as page:
        page.write("My own note.\n")
    change_a_claim(folder)
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/docs/claims.md: changed since briefing render wrote it; {MOVE}\n"
    )
    assert fingerprint(folder) == before


def test_pages_left_without_a_list_are_taken_back_when_they_are_what_would_be_written(folder, render):
    assert render().code == 0
    listed = (folder / "pages/.briefing-render").read_bytes()
    (folder / "pages/.briefing-render").unlink()
    assert render() == Result(0, f"wrote 0 files to pages; {len(pages())} unchanged\n", "")
    taken_back = json.loads((folder / "pages/.briefing-render").read_bytes())
    assert taken_back == {**json.loads(listed), "folders": []}  # it cannot know it made docs/


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
    assert files_in(folder / "pages") == sorted([*listed, *first])
    if not lasting:
        assert manifest(folder / "pages") == {path: sha256(expected[path]) for path in first}
    assert render() == Result(0, f"wrote {len(expected) - 3} files to pages; 3 unchanged\n", "")
    assert manifest(folder / "pages") == {path: sha256(text) for path, text in expected.items()}


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
        (
            "pages/docs/claims.md",
            "../../outside.md",
            f"pages/docs/claims.md: {LINKS}, where one of its files goes; {MOVE}",
        ),
        (
            "pages/docs/claims.md",
            "../nowhere.md",
            f"pages/docs/claims.md: {LINKS}, where one of its files goes; {MOVE}",
        ),
        (
            "pages/zensical.toml",
            "../outside.md",
            f"pages/zensical.toml: {LINKS}, where one of its files goes; {MOVE}",
        ),
        (
            "pages/docs/claims",
            "../../elsewhere",
            f"pages/docs/claims: {LINKS}, where a folder of its files goes; {MOVE}",
        ),
        ("pages/docs", "../elsewhere", f"pages/docs: {LINKS}, where a folder of its files goes; {MOVE}"),
        (
            "pages/.briefing-render",
            "../outside.md",
            f"pages/.briefing-render: {LINKS}, where the list of files written goes; {MOVE}",
        ),
    ],
)
def test_a_link_in_the_folder_is_never_written_through(folder, render, monkeypatch, link, target, message):
    with_topic_pages(monkeypatch, True)
    (folder / "pages").mkdir()
    if link.startswith("pages/docs/"):
        (folder / "pages/docs").mkdir()
    (folder / "elsewhere").mkdir()
    (folder / "outside.md").write_text("kept\n", encoding="utf-8")
    (folder / link).symlink_to(target)
    before = fingerprint(folder)
    assert render() == Result(2, "", f"briefing render: {message}\n")
    assert fingerprint(folder) == before


def test_a_link_put_in_place_of_a_folder_of_pages_is_not_followed_to_remove_them(folder, render, monkeypatch):
    with_topic_pages(monkeypatch, True)
    assert render().code == 0
    (folder / "pages/docs/claims").rename(folder / "elsewhere")
    (folder / "pages/docs/claims").symlink_to("../../elsewhere")
    with_topic_pages(monkeypatch, False)
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/docs/claims: {LINKS}, where a folder of its files was; {MOVE}\n"
    )
    assert fingerprint(folder) == before


def test_a_special_file_where_a_page_goes_is_refused_without_being_read(folder, render):
    (folder / "pages/docs").mkdir(parents=True)
    os.mkfifo(folder / "pages/docs/claims.md")
    before = fingerprint(folder)
    assert render() == Result(
        2, "", f"briefing render: pages/docs/claims.md: a special file, where one of its files goes; {MOVE}\n"
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
        f"briefing render: pages/.briefing-render: not a list of the files briefing render wrote ({why}); "
        "delete it and run again: no file then replaces one that differs from it\n",
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
        f"briefing render: will not write the site's files into '{out}': {why.format(folder=folder)}; {GIVE}\n",
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
        f"briefing render: will not write the site's files into '{folder / 'users'}': it contains the home folder "
        f"({folder}/users/me); {GIVE}\n",
    )
    assert fingerprint(folder) == before
