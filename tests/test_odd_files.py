"""Odd things in the content folder: each is reported where it lies, never a hang, a crash or a silent skip."""

from __future__ import annotations

import os
import pathlib
import signal
import socket
import stat
import textwrap

import pytest
from generator import load, load_briefing
from generator.cli import main

from conftest import MINIMAL, ROOT
from served import copy_project

SOURCE = "id: extra\ntitle: Extra\nkind: other\n"
MARKER = "leaked-secret-marker"
ROOT_READS_ALL = "this user reads and lists anything whatever its mode (root)"


def without(*names: str) -> dict[str, str]:
    """The minimal briefing without some of its files, for a test to put something else in their place."""
    return {name: text for name, text in MINIMAL.items() if name not in names}


class Hung(BaseException):
    """A check that did not end in time (a BaseException, so that the command cannot catch it)."""


@pytest.fixture
def no_hang():
    """Fail, rather than wait for ever, a check that takes more than 20 s."""

    def hung(signum, frame):
        raise Hung("the check hung")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.setitimer(signal.ITIMER_REAL, 20)
    yield
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)


def make_socket(path: str) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(path)
    server.close()  # the socket file stays


def make_device(kind: int, device: int):
    def make(path: str) -> None:
        try:
            os.mknod(path, kind | 0o600, device)
        except PermissionError:
            pytest.skip("making a device needs root")

    return make


KINDS = {
    "a FIFO": os.mkfifo,
    "a socket": make_socket,
    "a character device": make_device(stat.S_IFCHR, os.makedev(1, 5)),  # /dev/zero's numbers
    "a block device": make_device(stat.S_IFBLK, os.makedev(7, 0)),
}


@pytest.mark.parametrize("kind", KINDS)
def test_what_is_not_an_ordinary_file_is_refused_unopened(kind, briefing, no_hang):
    briefing()
    KINDS[kind]("content/claims/x.yml")
    result = briefing()
    assert (result.code, result.lines) == (
        1,
        [f"content/claims/x.yml:1:1: not a regular file ({kind}); content files must be ordinary files"],
    )


def test_a_link_to_a_fifo_in_the_content_folder_is_refused_too(briefing, no_hang):
    briefing()
    os.mkfifo("content/.pipe")
    pathlib.Path("content/claims/x.yml").symlink_to("../.pipe")
    assert briefing().lines == [
        "content/claims/x.yml:1:1: not a regular file (a FIFO); content files must be ordinary files"
    ]


@pytest.mark.parametrize("name", ["claims/leak.yml", "briefing.yml"])
def test_a_link_to_a_file_outside_the_content_folder_is_refused_unread(name, briefing, tmp_path, capsys):
    outside = tmp_path / "elsewhere" / "secret.yml"
    outside.parent.mkdir()
    outside.write_text(f"{MARKER}: {MARKER}\n", encoding="utf-8")
    briefing(base=without(name))
    pathlib.Path(f"content/{name}").symlink_to(outside)
    result = briefing(base=without(name))
    assert (result.code, result.lines) == (
        1,
        [
            f"content/{name}:1:1: a link to a file outside the content folder ('{outside}'); "
            "the briefing's files must be inside it: copy the file in instead of linking to it"
        ],
    )
    assert MARKER not in result.out + result.err.replace(str(outside), "")


def test_a_link_to_a_device_is_refused_unread(briefing, no_hang):
    briefing()
    pathlib.Path("content/claims/zero.yml").symlink_to("/dev/zero")
    assert briefing().lines == [
        "content/claims/zero.yml:1:1: a link to a file outside the content folder ('/dev/zero'); "
        "the briefing's files must be inside it: copy the file in instead of linking to it"
    ]


def test_a_link_within_the_content_folder_is_read(briefing):
    briefing({".drafts/second.yml": MINIMAL["claims/claim.yml"].replace("claim-one", "claim-two")})
    pathlib.Path("content/claims/second.yml").symlink_to("../.drafts/second.yml")
    result = briefing()
    assert (result.code, result.err) == (0, "")
    assert "2 claims" in result.out


def test_links_to_nothing_are_reported(briefing):
    briefing()
    pathlib.Path("content/claims/gone.yml").symlink_to("missing.yml")
    pathlib.Path("content/claims/more").symlink_to("gone-folder")  # no ending: a folder's, perhaps
    pathlib.Path("content/claims/circle.yml").symlink_to("circle.yml")
    pathlib.Path("content/claims/notes.txt").symlink_to(
        "missing.txt"
    )  # never read were it there: passed over
    assert briefing().lines == [
        "content/claims/circle.yml:1:1: a link that leads round in a circle; fix the link or remove it",
        "content/claims/gone.yml:1:1: a link to nothing ('missing.yml'); fix the link or remove it",
        "content/claims/more:1:1: a link to nothing ('gone-folder'); fix the link or remove it",
    ]


def test_a_linked_category_folder_inside_the_content_folder_is_read(briefing):
    briefing({".kept/claims/claim.yml": MINIMAL["claims/claim.yml"], ".kept/more/extra.yml": SOURCE})
    pathlib.Path("content/claims/claim.yml").unlink()
    pathlib.Path("content/claims").rmdir()
    pathlib.Path("content/claims").symlink_to(".kept/claims")
    pathlib.Path("content/sources/more").symlink_to("../.kept/more")
    result = briefing(base=without("claims/claim.yml"))
    assert (result.code, result.err) == (0, "")
    assert result.out.startswith("content: valid: 2 sources, 2 actors, 1 claim,")


def test_a_linked_folder_outside_the_content_folder_is_refused(briefing, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "claims"
    elsewhere.mkdir(parents=True)
    (elsewhere / "claim.yml").write_text(textwrap.dedent(MINIMAL["claims/claim.yml"]), encoding="utf-8")
    briefing(base=without("claims/claim.yml"))
    pathlib.Path("content/claims").symlink_to(elsewhere)
    result = briefing(base=without("claims/claim.yml"))
    assert (result.code, result.lines) == (
        1,
        [
            f"content/claims:1:1: a link to a folder outside the content folder ('{elsewhere}'); "
            "the briefing's files must be inside it: move the folder in instead of linking to it"
        ],
    )


def refuse(monkeypatch, module, function: str, refused: str) -> None:
    """Make a function of the os module raise PermissionError for one path, as a file's mode would."""
    original = getattr(os, function)

    def refusing(path, *args, **kwargs):
        if os.fspath(path) == refused:
            raise PermissionError(13, "Permission denied", refused)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(module.os, function, refusing)


def test_a_file_that_cannot_be_read_is_reported(briefing, monkeypatch):
    briefing()
    refuse(monkeypatch, load, "open", "content/claims/claim.yml")
    assert briefing().lines == ["content/claims/claim.yml:1:1: cannot read the file: Permission denied"]


def test_a_folder_that_cannot_be_listed_is_reported(briefing, monkeypatch):
    from generator import find

    briefing(base=without("claims/claim.yml"))  # the one file that needs a source
    refuse(monkeypatch, find, "scandir", "content/sources")
    result = briefing(base=without("claims/claim.yml"))
    assert (result.code, result.lines) == (
        1,
        ["content/sources:1:1: cannot list the folder: Permission denied; make it readable"],
    )


def test_a_file_and_a_folder_without_permission_are_reported(briefing):
    briefing({"claims/claim.yml": None, "sources/more/extra.yml": SOURCE})
    file, folder = pathlib.Path("content/actors/actors.yml"), pathlib.Path("content/sources/more")
    file.chmod(0)
    folder.chmod(0)
    try:
        if os.access(file, os.R_OK):
            pytest.skip(ROOT_READS_ALL)
        result = briefing(base=without("claims/claim.yml", "actors/actors.yml"))
    finally:
        folder.chmod(0o755)
    assert (result.code, result.lines) == (
        1,
        [
            "content/actors/actors.yml:1:1: cannot read the file: Permission denied",
            "content/sources/more:1:1: cannot list the folder: Permission denied; make it readable",
        ],
    )


def test_a_name_that_is_not_utf8_is_reported_and_the_rest_still_checked(briefing):
    briefing()
    pathlib.Path(os.fsdecode(b"content/claims/\xff.yml")).write_text(SOURCE, encoding="utf-8")
    pathlib.Path(os.fsdecode(b"content/caf\xe9")).mkdir()
    result = briefing({"sources/source.yml": "id: src\ntitle: A source\nkind: otter\n"})
    assert result.code == 1
    assert result.lines == [
        "content/caf\\xe9:1:1: the folder's name is not UTF-8, which messages and links cannot show; rename it",
        "content/claims/\\xff.yml:1:1: the file's name is not UTF-8, which messages and links cannot show; "
        "rename it",
        "content/sources/source.yml:3:7: source 'src', kind: expected one of news-report, official-statement, "
        "intelligence-assessment, state-media, imagery, document, social-media, other; found 'otter'; "
        "did you mean 'other'?",
    ]


def test_a_build_with_edit_links_reports_a_name_that_is_not_utf8(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    config = copy_project(
        tmp_path, ROOT / "content", "repo_url: https://github.com/o/r\nedit_uri: edit/main/docs/\n"
    )
    pathlib.Path(os.fsdecode(b"content/actors/\xff.yml")).write_text(
        "id: oddly-named\nname: Oddly named\nkind: person\n", encoding="utf-8"
    )
    code = main(["build", "--config", str(config), "--site-dir", str(tmp_path / "site")])
    err = capsys.readouterr().err
    assert code == 1
    assert (
        "content/actors/\\xff.yml:1:1: the file's name is not UTF-8, which messages and links cannot show; "
        "rename it\n"
    ) in err
    assert "Traceback" not in err


def test_a_file_is_read_no_further_than_the_limit_whatever_size_it_reports(briefing, monkeypatch):
    big = pathlib.Path("content/sources/big.yml")
    monkeypatch.setattr(load, "MAX_FILE_BYTES", 1000)
    stat_of = pathlib.Path.stat

    def reports_no_size(path, *args, **kwargs):  # as files in /proc do, or one that grows meanwhile
        status = stat_of(path, *args, **kwargs)
        if path != big:
            return status
        return os.stat_result((*status[:6], 0, *status[7:10]))

    read = []
    read_of = os.read

    def counted(descriptor, size):
        data = read_of(descriptor, size)
        if pathlib.Path(f"/proc/self/fd/{descriptor}").readlink().name == "big.yml":
            read.append(len(data))
        return data

    monkeypatch.setattr(pathlib.Path, "stat", reports_no_size)
    monkeypatch.setattr(load.os, "read", counted)
    result = briefing({"sources/big.yml": "- {id: big, title: " + "x" * 2000 + ", kind: other}\n"})
    assert result.lines == [
        "content/sources/big.yml:1:1: the file holds more than 1,000 bytes, more than a content file may "
        "have; split it"
    ]
    assert sum(read) == 1001


def test_a_file_rewritten_at_the_same_size_and_time_is_read_again(briefing, tmp_path):
    briefing()
    content = tmp_path / "content"
    claim = content / "claims" / "claim.yml"
    cache = load.FileCache()
    assert load_briefing(content, cache).entity("claim-one").title == "A claim"
    status = claim.stat()
    claim.write_text(claim.read_text(encoding="utf-8").replace("A claim", "B claim"), encoding="utf-8")
    os.utime(claim, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert (claim.stat().st_mtime_ns, claim.stat().st_size) == (status.st_mtime_ns, status.st_size)
    assert load_briefing(content, cache).entity("claim-one").title == "B claim"
    assert cache.reads == 5
    assert load_briefing(content, cache).entity("claim-one").title == "B claim"
    assert cache.reads == 5  # unchanged files are not parsed again
