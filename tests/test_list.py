"""``briefing list``: the ids an author may use, with their titles and where each is defined."""

from __future__ import annotations

import shutil

import pytest
from generator import cli

from conftest import ROOT


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def test_one_category_lists_each_id_with_its_title_and_place(content, capsys):
    assert cli.main(["list", "source", "--content", str(content)]) == cli.EXIT_OK
    assert capsys.readouterr().out == (
        "sources (1)\n"
        "  kursk-report  Washington Claims North Korean Troops Engaged in Combat Against Ukrainian Forces in "
        f"Russia\u2019s Kursk  ({content}/sources/kursk-report.yml:1)\n"
    )


def test_treaty_terms_are_listed_by_their_own_name(content, capsys):
    assert cli.main(["list", "term", "--content", str(content)]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "treaty terms (2)"
    assert f"  strategic-partnership       Described as a strategic partnership  ({content}/treaties/" in out


def test_every_category_is_listed_without_one(content, capsys):
    assert cli.main(["list", "--content", str(content)]) == cli.EXIT_OK
    headings = [line for line in capsys.readouterr().out.splitlines() if line and not line.startswith(" ")]
    assert headings == [
        "sources (1)",
        "actors (19)",
        "claims (11)",
        "treaties (1)",
        "treaty terms (2)",
        "questions (6)",
        "events (5)",
    ]


def test_an_invalid_briefing_is_listed_as_far_as_it_can_be_read(content, capsys):
    (content / "sources/kursk-report.yml").write_text(
        "id: kursk-report\ntitle: [unclosed\n", encoding="utf-8"
    )
    actor = content / "actors/ukraine.yml"
    actor.write_text(actor.read_text(encoding="utf-8").replace("kind: government", "kind: govt"), "utf-8")
    assert cli.main(["list", "--content", str(content)]) == cli.EXIT_OK
    captured = capsys.readouterr()
    assert "sources (0)\n  (none)\n" in captured.out
    assert "  ukraine                    Ukraine  (" in captured.out
    assert captured.err.splitlines()[-1] == (
        f"briefing list: not listed: the ids in {content}/sources/kursk-report.yml, which could not be "
        "read; fix the problems above (briefing check lists them)"
    )


def test_no_content_folder_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["list", "--content", str(tmp_path / "nowhere")]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing list: no content folder at '{tmp_path / 'nowhere'}'; give one with --content DIR\n"
    )


def test_a_question_is_listed_by_its_question(content, capsys):
    assert cli.main(["list", "question", "--content", str(content)]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == (
        "  are-nk-troops-in-combat           Are North Korean troops fighting Ukrainian forces?  "
        f"({content}/questions/open.yml:1)"
    )
