"""Helpers to write small briefings into a temporary folder and check them as the command does."""

from __future__ import annotations

import os
import shutil
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from generator.cli import main

if TYPE_CHECKING:
    from playwright.sync_api import Browser

ROOT = Path(__file__).resolve().parent.parent
BRIEFINGS = Path(__file__).resolve().parent / "briefings"

MINIMAL = {
    "briefing.yml": """\
        title: A minimal briefing
        as_of: 2024
        summary: Nothing much.
        """,
    "sources/source.yml": """\
        id: src
        title: A source
        kind: other
        """,
    "actors/actors.yml": """\
        - id: alpha
          name: Alpha
          kind: state
        - id: beta
          name: Beta
          kind: state
        """,
    "claims/claim.yml": """\
        id: claim-one
        title: A claim
        statement: Something happened.
        status: unverified
        stances:
          - actor: alpha
            position: asserts
            sources: [src]
        """,
}
"""A valid briefing small enough to read at a glance; tests replace or add files."""


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def lines(self) -> list[str]:
        """The problems reported, without the closing count."""
        return self.err.splitlines()[:-1]


@pytest.fixture
def briefing(tmp_path, monkeypatch, capsys):
    """Write a briefing (MINIMAL with the given files replaced, or removed when None) and check it."""
    monkeypatch.chdir(tmp_path)

    def write_and_check(files: dict[str, str | bytes | None] | None = None, *, base=MINIMAL) -> Result:
        for name, text in {**base, **(files or {})}.items():
            path = tmp_path / "content" / name
            if text is None:
                path.unlink(missing_ok=True)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(textwrap.dedent(text), encoding="utf-8")
        capsys.readouterr()
        code = main(["check"])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return write_and_check


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's Chromium, which Playwright drives for the browser tests (never a downloaded browser)."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Chromium. Without it a test skips, except under CI, where `.ci/run` installs it and its absence fails."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing; .ci/run installs Debian's chromium package", pytrace=False)
        pytest.skip("needs Debian's chromium package (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    from browser import FLAGS

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


def _served_site(tmp_path_factory: pytest.TempPathFactory, name: str, *options: str) -> Iterator[str]:
    from browser import serve

    site = tmp_path_factory.mktemp(name) / "site"
    assert main(["build", *options, "--site-dir", str(site)]) == 0
    yield from serve(site)


@pytest.fixture(scope="module")
def kursk(tmp_path_factory) -> Iterator[str]:
    """The address of the Kursk briefing's site, built as the README builds it, served on loopback."""
    yield from _served_site(tmp_path_factory, "kursk")


@pytest.fixture(scope="module")
def other(tmp_path_factory) -> Iterator[str]:
    """The address of the contract-only briefing's site (tests/briefings/other), served on loopback."""
    yield from _served_site(tmp_path_factory, "other", "--content", str(BRIEFINGS / "other"))


SLOW = {
    "test_package.py": {"dist"},  # builds the sdist and the wheel: 8 s
    "test_installed_theme.py": {"installed"},  # builds the wheel, installs it in a new environment: 19 s
}
"""By test file, the fixtures that make a test slow: each test that uses one is marked ``slow``."""
SLOW_TESTS = {
    "test_properties.py::test_every_page_shows_every_text_and_only_the_generator_s_markup",  # 300 briefings: 17 s
    "test_render_html.py::test_the_same_html_for_any_text",  # 300 briefings through two converters: 17 s
}
"""Tests marked ``slow`` by name (file::function): each takes more than 10 s on a 2-core machine."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that need Chromium (``browser``), start a server (``serve``) or take long (``slow``).

    ``pytest -n 2 -m "not browser and not serve and not slow"`` then runs everything else in under a minute on
    two cores; plain ``pytest`` still runs every test.
    """
    for item in items:
        if not isinstance(item, pytest.Function):
            continue
        file = item.path.name
        if "browser" in item.fixturenames:
            item.add_marker(pytest.mark.browser)
        if file.startswith("test_serve") or "Served" in item.function.__code__.co_names:
            item.add_marker(pytest.mark.serve)
        if SLOW.get(file, set()) & set(item.fixturenames) or f"{file}::{item.originalname}" in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)
