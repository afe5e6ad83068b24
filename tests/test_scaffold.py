"""``briefing new``: a template for each category that fails the check until filled in, then passes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from generator import cli
from generator.scaffold import CATEGORIES

from conftest import ROOT

FILLED = {
    "title": "A title",
    "statement": "A statement, stated neutrally.",
    "question": "What is not known yet?",
    "name": "A name",
    "actor": "pentagon",
    "position": "asserts",
    "source": "kursk-report",
    "date": "2024-11~",
}
"""Values an author would write, by key; the keys whose values depend on the category are below."""
BY_CATEGORY = {
    "source": {"kind": "news-report"},
    "actor": {"kind": "government"},
    "claim": {"status": "unverified"},
    "question": {"status": "open"},
    "treaty": {"id": "new-treaty-article-1"},
    "event": {},
}
PARTIES = iter(["russia", "north-korea"] * 10)
EMPTY_KEY = re.compile(r"^(\s*(?:- )?)(\w+):(\s+#.*)?$")
EMPTY_ITEM = re.compile(r"^(\s*)-$")


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def new(content: Path, *arguments: str) -> int:
    return cli.main(["new", *arguments, "--content", str(content)])


def fill(template: str, category: str) -> str:
    """The template with every empty value filled in, as an author does it."""
    values = {**FILLED, **BY_CATEGORY[category]}
    lines = []
    for line in template.splitlines():
        key = EMPTY_KEY.match(line)
        item = EMPTY_ITEM.match(line)
        if key and key.group(2) in values:
            line = f"{key.group(1)}{key.group(2)}: {values[key.group(2)]}{key.group(3) or ''}"
        elif item:
            line = f"{item.group(1)}- {next(PARTIES)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("category", list(CATEGORIES))
def test_a_template_fails_the_check_until_filled_in_then_passes(content, category, capsys):
    assert new(content, category, f"the-new-{category}") == cli.EXIT_OK
    written = content / CATEGORIES[category] / f"the-new-{category}.yml"
    assert f"wrote {written.as_posix()}" in capsys.readouterr().out
    template = written.read_text(encoding="utf-8")
    assert yaml.safe_load(template)["id"] == f"the-new-{category}"

    assert cli.main(["check", "--content", str(content)]) == cli.EXIT_INVALID
    problems = capsys.readouterr().err.splitlines()[:-1]
    assert problems
    assert all(problem.startswith(f"{written}:") for problem in problems)
    assert all(problem.endswith("found nothing") for problem in problems)

    written.write_text(fill(template, category), encoding="utf-8")
    assert cli.main(["check", "--content", str(content)]) == cli.EXIT_OK, capsys.readouterr().err


def test_the_template_comments_every_key_of_the_contract(content):
    assert new(content, "claim", "commented") == cli.EXIT_OK
    template = (content / "claims/commented.yml").read_text(encoding="utf-8")
    for key in ("title", "statement", "status", "stances", "actor", "position", "sources", "source"):
        assert re.search(rf"^\s*# .+\n\s*(- )?{key}:$", template, re.MULTILINE), key
    for key in ("topic", "quantity", "evidence", "assessment", "superseded_by", "date", "note", "quote"):
        assert re.search(rf"^\s*# # .+\n\s*# {key}:$", template, re.MULTILINE), key
    assert (
        "One of: unverified, unverifiable, corroborated, confirmed, disputed, refuted, superseded."
        in template
    )


def test_an_id_in_use_anywhere_is_refused(content, capsys):
    for used, where in (
        ("pentagon", "actors/united-states.yml"),
        ("mutual-military-assistance", "treaties/"),
    ):
        assert new(content, "event", used) == cli.EXIT_INVALID
        error = capsys.readouterr().err
        assert f"the id '{used}' is already used at {content / where}" in error
    assert not list((content / "events").glob("[pm]*.yml"))


def test_an_invalid_id_is_refused(content, capsys):
    assert new(content, "actor", "Kim_Yo_Jong") == cli.EXIT_USAGE
    assert "'Kim_Yo_Jong' is not an id: an id is 1 to 64 characters" in capsys.readouterr().err
    assert sorted(path.name for path in (content / "actors").iterdir()) == sorted(
        path.name for path in (ROOT / "content/actors").iterdir()
    )


def test_an_existing_file_is_not_overwritten(content, capsys):
    (content / "events/late.yml").write_text("# notes kept here\n", encoding="utf-8")
    assert new(content, "event", "late") == cli.EXIT_INVALID
    assert "already exists" in capsys.readouterr().err
    assert (content / "events/late.yml").read_text(encoding="utf-8") == "# notes kept here\n"


def test_a_missing_category_folder_is_made(content):
    shutil.rmtree(content / "events")
    assert new(content, "event", "first-event") == cli.EXIT_OK
    assert (content / "events/first-event.yml").is_file()


def test_no_content_folder_is_a_usage_error(tmp_path, capsys):
    assert new(tmp_path / "nowhere", "claim", "x") == cli.EXIT_USAGE
    assert "no content folder" in capsys.readouterr().err
