"""Helpers to write small briefings into a temporary folder and check them as the command does."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from generator.cli import main

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
