"""While serving, a rebuild reuses what did not change, and the site it writes is the one a fresh build writes.

Each test edits a served project step by step, rebuilding as ``serve`` does (one process, the plugin kept),
and after every step compares the whole site with a fresh ``mkdocs build`` of the same files: every page,
the search index and the data files, byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from edits import Edit, apply
from large_briefing import many_actors
from served import copy_project

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic

pytestmark = pytest.mark.serve

SERVING = """
import json, logging, shutil, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from edits import apply
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, steps, out = Path(sys.argv[1]), json.loads(sys.argv[2]), Path(sys.argv[3])
logging.disable(logging.WARNING)
site = out / "serving"
counts = []
for number, edits in enumerate(steps):
    apply(project, edits)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    if number == 0:
        config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    counts.append(len(config.plugins["briefing"].rebuilds.unchanged))
    shutil.copytree(site, out / f"step-{number}")
print(json.dumps(counts))
"""
"""Builds the project as ``serve`` does after each step's edits (``edits.apply``), copying the site after each;
prints how many pages each build wrote as before."""


def serve_steps(project: Path, steps: list[list[Edit]], out: Path) -> list[int]:
    """Build the project as ``serve`` does, step by step; the sites are out/step-N."""
    result = subprocess.run(
        [sys.executable, "-c", SERVING, str(project), json.dumps(steps), str(out), str(Path(__file__).parent)],
        capture_output=True, text=True, check=False, cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    counts: list[int] = json.loads(result.stdout.strip().splitlines()[-1])
    return counts


def fresh_build(project: Path, site: Path) -> None:
    """A plain ``mkdocs build`` of the project as it is now."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        capture_output=True, text=True, check=False, cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]


def same_bytes(built: Path, fresh: Path) -> list[str]:
    """The files whose bytes differ between two sites, or that one lacks (the dated sitemap gzip aside)."""
    paths = {p.relative_to(built) for p in built.rglob("*") if p.is_file()}
    paths |= {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    return sorted(
        str(path)
        for path in paths
        if path.name != "sitemap.xml.gz"
        and (
            not (built / path).is_file()
            or not (fresh / path).is_file()
            or (built / path).read_bytes() != (fresh / path).read_bytes()
        )
    )


def check_steps(
    tmp_path: Path, content: Path | None, steps: list[list[Edit]], invalid: frozenset[int] = frozenset()
) -> list[int]:
    """Serve and edit one copy of the project, apply the same edits to another and build it fresh each step;
    every step's sites must be alike, but for the steps that leave the briefing invalid. Returns how many pages
    each served build wrote as before."""
    served = tmp_path / "served"
    copy_project(served, content)
    counts = serve_steps(served, steps, tmp_path / "sites")
    fresh = tmp_path / "fresh"
    copy_project(fresh, content)
    for number, edits in enumerate(steps):
        apply(fresh, edits)
        if number in invalid:  # no fresh build: the served pages show the last valid briefing, and why
            assert "The briefing has" in (tmp_path / "sites" / f"step-{number}" / "index.html").read_text()
            continue
        fresh_build(fresh, tmp_path / f"fresh-{number}")
        assert same_bytes(tmp_path / "sites" / f"step-{number}", tmp_path / f"fresh-{number}") == [], (
            f"after step {number}"
        )
    return counts


CLAIM = "content/claims/2-combat.yml"
TITLE = "title: North Korean troops fighting Ukrainian forces alongside Russian troops"


def test_each_rebuild_writes_the_site_a_fresh_build_writes(tmp_path):
    actor = next((ROOT / "content" / "actors").glob("*.yml")).relative_to(ROOT).as_posix()
    name = next(
        line for line in (ROOT / actor).read_text().splitlines() if line.lstrip("- ").startswith("name:")
    )
    steps: list[list[Edit]] = [
        [],
        [(CLAIM, TITLE, "title: Troops seen at the front, as edited")],
        [(actor, name, name.replace("name:", "name: Renamed"))],  # a name shown on many pages
        [
            (
                "content/actors/observer.yml",
                None,
                "id: observer-zeta\nname: Observer Zeta\nkind: organization\n",
            )
        ],
        [
            ("docs/notes.md", None, "# Notes\n\nA page of the author's own.\n"),
            ("mkdocs.yml", "docs_dir: docs\n", "docs_dir: docs\nnav: [index.md, claims.md, notes.md]\n"),
        ],
        [(CLAIM, "title: Troops seen", "titel: Troops seen")],  # invalid: the last valid briefing is shown
        [(CLAIM, "titel: Troops seen", "title: Troops seen")],
        [
            ("content/actors/observer.yml", "", None),
            ("docs/notes.md", "", None),
            ("mkdocs.yml", "nav: [index.md, claims.md, notes.md]\n", ""),
        ],
        [],
    ]
    counts = check_steps(tmp_path, None, steps, invalid=frozenset({5}))
    assert counts[0] == 0, "the first build has nothing to reuse"
    assert counts[-1] > 0 and counts[1] > 0, f"pages written as before, by build: {counts}"


def test_rebuilds_of_a_briefing_with_a_page_a_topic_write_the_site_a_fresh_build_writes(tmp_path):
    content = tmp_path / "content"
    many_actors(content, actors=30, claims=160, stances=4)
    steps: list[list[Edit]] = [
        [],
        [("content/claims/claim-07.yml", "title: Claim 7 says", "title: Claim seven says")],
        [("content/claims/claim-08.yml", "status:", "topic: Ports\nstatus:")],  # a new topic: a new page
        [("content/actors/actors.yml", "Country 3,", "Country Three,")],
        [("site_theme/partials/copyright.html", None, "<p>The author's own footer</p>\n")],  # an override
        [("site_theme/partials/copyright.html", "own footer", "footer, edited")],  # compiled again
    ]
    counts = check_steps(tmp_path, content, steps)
    assert all(count > 0 for count in counts[1:4]), f"pages written as before, by build: {counts}"


FIRST_REBUILD = """
import json, logging, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from edits import apply
from generator.rebuilds import Rebuilds
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, site = Path(sys.argv[1]), sys.argv[3]
logging.disable(logging.WARNING)
made = []
conversion = Rebuilds.conversion
Rebuilds.conversion = lambda self, key, make: conversion(self, key, lambda: made.append(key) or make())
config = load_config(str(project / "mkdocs.yml"), site_dir=site)
config.plugins.on_startup(command="serve", dirty=False)
build(config)
converted = len(made)
config.plugins["briefing"].claim_pages_served = True  # as the server, once serving, has it
apply(project, [("content/claims/claim-1.yml", "title: ", "title: Edited ")])
made.clear()
build(load_config(str(project / "mkdocs.yml"), site_dir=site))
print(json.dumps([converted, len(made)]))
"""
"""Builds the project as ``serve`` does, then again after a claim's title is edited; prints how many pages
each build converted. In a process of its own: MkDocs keeps a plugin that serves for the whole process."""


def test_the_first_rebuild_converts_again_only_the_pages_that_changed(tmp_path):
    """From the second build on, the claims' own pages are answered from memory, not among the site's files:
    the pages' conversions, which depend on the site's files, are reused all the same."""
    content = tmp_path / "content"
    synthetic.write(content, 400)  # claims on a page a topic: many pages, few showing one claim
    project = tmp_path / "project"
    copy_project(project, content)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_REBUILD, str(project), str(Path(__file__).parent), str(tmp_path / "site")],
        capture_output=True, text=True, check=False, cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    converted, again = json.loads(result.stdout.strip().splitlines()[-1])
    assert 0 < again < converted / 4, (again, converted)
