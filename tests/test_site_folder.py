"""The site folder: a build replaces only a folder that a build made, keeps the folder's own entries, and
leaves nothing else changed, whatever the target and whatever the machine does."""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from generator.cli import main
from generator.site_folder import MARK

from fingerprint import fingerprint
from served import copy_project

BRIEFING = Path(sys.executable).parent / "briefing"
MKDOCS = Path(sys.executable).parent / "mkdocs"
PROPERDOCS = Path(sys.executable).parent / "properdocs"


def quiet() -> dict[str, str]:
    """The environment as it is now, without the engines' banners."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


as_root = pytest.mark.skipif(os.geteuid() != 0, reason="mounting a file system needs root")


@pytest.fixture
def project(tmp_path, monkeypatch, capsys):
    """A copy of the project in a temporary folder, the current folder, with a home folder of its own."""
    copy_project(tmp_path / "project")
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "settings").write_text("a dotfile")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path / "project")
    capsys.readouterr()
    return tmp_path


def build(capsys, *arguments: str) -> tuple[int, str]:
    code = main(["build", *arguments])
    return code, capsys.readouterr().err


def refusal(project: Path, capsys, target: str) -> str:
    """The one line a refused build says; nothing under the temporary folder changed."""
    before = fingerprint(project)
    code, err = build(capsys, "--site-dir", target)
    assert code == 2, err
    assert fingerprint(project) == before
    assert err.count("\n") == 1, err
    return err.removeprefix("briefing build: will not build the site into ").rstrip("\n")


# What a build must never replace.


def test_the_project_its_sources_and_the_places_around_it_are_refused(project, capsys):
    root = project / "project"
    assert refusal(project, capsys, ".") == "'.': it is the current folder"
    assert refusal(project, capsys, "content") == "'content': it is the briefing's content folder"
    assert refusal(project, capsys, "docs") == "'docs': it is the docs folder"
    assert refusal(project, capsys, "site_theme") == "'site_theme': it is the theme's custom_dir"
    assert refusal(project, capsys, "..") == (
        f"'..': it contains the briefing's content folder ({root / 'content'})"
    )
    assert refusal(project, capsys, "/") == "'/': it is the root folder"
    assert refusal(project, capsys, str(project / "home")) == f"'{project / 'home'}': it is the home folder"
    assert (
        refusal(project, capsys, "docs/site")
        == f"'docs/site': it lies inside the docs folder ({root / 'docs'})"
    )
    assert refusal(project, capsys, "content/claims") == (
        f"'content/claims': it lies inside the briefing's content folder ({root / 'content'})"
    )
    assert refusal(project, capsys, "mkdocs.yml") == "'mkdocs.yml': it is a file, not a folder"


def test_the_folder_of_the_configuration_is_refused_from_elsewhere(project, capsys, monkeypatch):
    monkeypatch.chdir(project)
    before = fingerprint(project)
    code, err = build(
        capsys, "--config", "project/mkdocs.yml", "--content", "project/content", "--site-dir", "project"
    )
    assert (code, err) == (
        2,
        "briefing build: will not build the site into 'project': it is the folder of the configuration\n",
    )
    assert fingerprint(project) == before


def test_links_are_resolved_before_every_check(project, capsys):
    (project / "to-content").symlink_to(project / "project" / "content")
    (project / "to-docs-site").symlink_to(project / "project" / "docs" / "site")
    assert refusal(project, capsys, str(project / "to-content")) == (
        f"'{project / 'to-content'}' ({project / 'project' / 'content'}): it is the briefing's content folder"
    )
    assert refusal(project, capsys, str(project / "to-docs-site")) == (
        f"'{project / 'to-docs-site'}' ({project / 'project' / 'docs' / 'site'}): it lies inside the docs folder "
        f"({project / 'project' / 'docs'})"
    )


def test_a_folder_of_someone_else_s_is_refused_unless_forced(project, capsys):
    photos = project / "photos"
    photos.mkdir()
    (photos / "holiday.jpg").write_bytes(b"\xff\xd8 a photo")
    (photos / ".album").write_text("kept")
    assert refusal(project, capsys, str(photos)) == (
        f"'{photos}': it is not empty and holds no site built by briefing (no .briefing-site in it); choose a "
        "new or empty folder, or give --force to replace everything in it except its dot-entries"
    )
    assert build(capsys, "--site-dir", str(photos), "--force")[0] == 0
    assert not (photos / "holiday.jpg").exists()
    assert (photos / ".album").read_text() == "kept"
    assert (photos / MARK).is_file() and (photos / "claims" / "index.html").is_file()
    assert build(capsys, "--site-dir", str(photos))[0] == 0  # marked: the next build needs no --force


def test_force_never_replaces_the_project(project, capsys):
    before = fingerprint(project)
    code, err = build(capsys, "--site-dir", "content", "--force")
    assert (code, err) == (
        2,
        "briefing build: will not build the site into 'content': it is the briefing's content folder\n",
    )
    assert fingerprint(project) == before


def test_a_folder_of_dot_entries_only_or_a_site_built_before_marks_is_replaced(project, capsys):
    checkout = project / "gh-pages"
    (checkout / ".git").mkdir(parents=True)
    (checkout / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    assert build(capsys, "--site-dir", str(checkout))[0] == 0
    assert (checkout / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    older = project / "older"
    shutil.copytree(checkout, older)
    (older / MARK).unlink()  # as sites were built before they were marked: briefing.json says whose it is
    assert build(capsys, "--site-dir", str(older))[0] == 0


# What `mkdocs build` and `properdocs build` do with the same targets.


@pytest.mark.parametrize("engine", [MKDOCS, PROPERDOCS], ids=["mkdocs", "properdocs"])
def test_the_engines_refuse_the_same_folders(project, engine):
    before = fingerprint(project)
    for target, why in [  # MkDocs' own check refuses a folder that is or holds the docs folder first
        ("content", "it is the briefing's content folder"),
        ("site_theme", "it is the theme's custom_dir"),
        (str(project / "home"), "it is the home folder"),
    ]:
        result = subprocess.run(
            [str(engine), "build", "-d", target], capture_output=True, text=True, env=quiet(), check=False
        )
        assert result.returncode == 1
        line = f"briefing: will not build the site into '{(project / 'project' / target).resolve()}': {why}"
        assert line in result.stderr
    assert fingerprint(project) == before


def test_site_dir_in_the_configuration_is_checked_too(project):
    config = project / "project" / "mkdocs.yml"
    config.write_text(config.read_text() + "site_dir: content/built\n")
    before = fingerprint(project)
    result = subprocess.run([str(MKDOCS), "build"], capture_output=True, text=True, env=quiet(), check=False)
    assert result.returncode == 1
    assert (
        f"briefing: will not build the site into '{project / 'project' / 'content' / 'built'}': it lies inside "
        f"the briefing's content folder ({project / 'project' / 'content'})"
    ) in result.stderr
    assert fingerprint(project) == before


def test_mkdocs_refuses_a_folder_of_someone_else_s_and_marks_its_own(project):
    notes = project / "notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("mine")
    result = subprocess.run(
        [str(MKDOCS), "build", "-d", str(notes)], capture_output=True, text=True, env=quiet(), check=False
    )
    assert result.returncode == 1
    assert "or replace it with 'briefing build --force', which keeps its dot-entries" in result.stderr
    assert (notes / "todo.txt").read_text() == "mine"
    fresh = project / "fresh"
    subprocess.run([str(MKDOCS), "build", "-q", "-d", str(fresh)], env=quiet(), check=True)
    assert (fresh / MARK).is_file()


# A rebuild keeps the folder's own entries.


def test_the_site_folder_s_own_entries_survive_a_rebuild(project, capsys):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (site / ".nojekyll").write_text("")
    (site / "CNAME").write_text("briefing.example.org\n")
    (site / "stale.html").write_text("from an older build")
    assert build(capsys)[0] == 0
    assert (site / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (site / ".nojekyll").is_file()
    assert (site / "CNAME").read_text() == "briefing.example.org\n"
    assert not (site / "stale.html").exists()
    assert sorted(path.name for path in site.iterdir() if path.name.startswith(".")) == [
        MARK,
        ".git",
        ".nojekyll",
    ]


def test_a_site_folder_that_is_a_link_stays_a_link(project, capsys):
    real = project / "www"
    real.mkdir()
    (project / "project" / "site").symlink_to(real)
    assert build(capsys)[0] == 0
    assert build(capsys)[0] == 0
    assert (project / "project" / "site").readlink() == real
    assert (real / "claims" / "index.html").is_file()


# Builds that are killed, or that another build is writing.


def start_build(site: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(BRIEFING), "build", "--site-dir", str(site)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=quiet(),
    )


def wait_for_staging(site: Path, build: subprocess.Popen[str]) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and build.poll() is None:
        staged = [path for path in site.glob(".briefing-building-*") if any(path.iterdir())]
        if staged:
            return staged[0]
        time.sleep(0.01)
    raise AssertionError("the build never wrote into a staging folder")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_build_leaves_the_site_as_it_was_and_the_next_build_clears_its_leftovers(
    project, capsys, how
):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    before = fingerprint(site)
    running = start_build(site)
    staging = wait_for_staging(site, running)
    running.send_signal(how)
    _, err = running.communicate(timeout=60)
    assert "Traceback" not in err
    if how == signal.SIGTERM:
        assert running.returncode == 143
        assert err.endswith("briefing: stopped by SIGTERM\n")
        assert not staging.exists()  # removed on the way out
    else:
        assert staging.exists()  # nothing runs after SIGKILL: the next build clears it
    assert {
        path: print for path, print in fingerprint(site).items() if not path.startswith(staging.name)
    } == before
    assert build(capsys)[0] == 0
    assert not list(site.glob(".briefing-*-*"))


def before_the_command_runs() -> float:
    """How long, on this machine now, ``briefing`` takes to reach its own code, twice over for the load.

    Until then Python starts and imports the package's first module, as the command's launcher does, and
    Ctrl-C stops that with Python's own traceback: there is no code of the command yet to say it in a line.
    """
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "import generator.__main__"], check=True, env=quiet())
    return 2 * (time.monotonic() - started)


def test_ctrl_c_at_any_moment_prints_no_traceback_and_leaves_a_whole_site(project, capsys):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    pages = {path for path, (kind, *_) in fingerprint(site).items() if kind == "file"}
    startup = before_the_command_runs()
    for delay in (startup, startup + 0.05, 0.2, 0.4, 0.8, 1.2, 1.6):
        running = start_build(site)
        time.sleep(delay)
        running.send_signal(signal.SIGINT)
        _, err = running.communicate(timeout=60)
        assert "Traceback" not in err, (delay, err)
        # 0: done before the signal; 130: stopped; -SIGINT: stopped while the interpreter was exiting
        assert running.returncode in (0, 130, -signal.SIGINT), (delay, running.returncode, err)
        if running.returncode == 130:
            assert err.endswith("briefing: stopped by Ctrl-C\n")
        shown = {
            path
            for path, (kind, *_) in fingerprint(site).items()
            if kind == "file" and not path.startswith((".briefing-building-", ".briefing-previous-"))
        }
        assert shown == pages, delay  # the old site or the new, never a mixture of pages missing


def test_a_second_build_of_the_same_folder_waits_its_turn(project, capsys):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    before = fingerprint(site)
    descriptor = os.open(site, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        code, err = build(capsys)
    finally:
        os.close(descriptor)
    assert (code, err.splitlines()[-1]) == (
        1,
        f"briefing build: another build is writing the site folder {site}; wait for it to finish",
    )
    assert fingerprint(site) == before


# Mount points, full disks, read-only and busy folders, made for real.


@contextlib.contextmanager
def mounted(folder: Path, *options: str):
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", *options, str(folder)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount here: {result.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@as_root
def test_a_mount_point_is_filled_in_place(project, capsys):
    site = project / "project" / "site"
    with mounted(site, "-t", "tmpfs", "-o", "size=64m", "tmpfs"):
        assert build(capsys)[0] == 0
        (site / "stale.html").write_text("from an older build")
        assert build(capsys)[0] == 0
        assert os.path.ismount(site)
        assert not (site / "stale.html").exists()
        assert (site / "claims" / "index.html").is_file()


@as_root
def test_a_full_disk_is_one_line_and_the_previous_site_stays(project, capsys):
    site = project / "project" / "site"
    assert build(capsys, "--site-dir", str(project / "measure"))[0] == 0
    size = sum(path.stat().st_size for path in (project / "measure").rglob("*") if path.is_file())
    with mounted(site, "-t", "tmpfs", "-o", f"size={size * 3 // 2}", "tmpfs"):  # one site fits, not two
        assert build(capsys)[0] == 0
        before = fingerprint(site)
        code, err = build(capsys)
        assert code == 74, err
        assert err.splitlines()[-1].startswith("briefing: ")
        assert err.splitlines()[-1].endswith(": No space left on device")
        assert "Traceback" not in err
        assert fingerprint(site) == before


@as_root
def test_a_read_only_site_folder_is_one_line_and_unchanged(project, capsys):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    before = fingerprint(site)
    with mounted(site, "--bind", str(site)):
        subprocess.run(["mount", "-o", "remount,bind,ro", str(site)], check=True)
        code, err = build(capsys)
    assert (code, err.splitlines()[-1]) == (74, f"briefing: {site}: Read-only file system")
    assert fingerprint(site) == before


@as_root
def test_a_busy_entry_in_the_site_folder_is_one_line_and_the_site_is_put_back(project, capsys):
    site = project / "project" / "site"
    assert build(capsys)[0] == 0
    with mounted(site / "assets", "-t", "tmpfs", "-o", "size=8m", "tmpfs"):
        (site / "assets" / "own.css").write_text("on the mount")
        before = fingerprint(site)
        code, err = build(capsys)
        last = err.splitlines()[-1]
        assert code == 74, err
        assert last.startswith(f"briefing: {site / 'assets'} -> {site}/.briefing-previous-"), last
        assert last.endswith("/assets: Device or resource busy"), last
        assert fingerprint(site) == before
        assert (site / "assets" / "own.css").read_text() == "on the mount"
