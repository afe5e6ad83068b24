"""``briefing rename``: an id and every reference to it change, and not one other byte of the files."""

from __future__ import annotations

import re
import shutil

import pytest
from generator import cli

from conftest import ROOT

PENTAGON_PLACES = {
    "actors/united-states.yml": [16],
    "events/timeline.yml": [46],
    "claims/1-deployment.yml": [93],
    "claims/2-combat.yml": [33],
}
"""The lines where the Kursk briefing writes the id ``pentagon`` (``pentagon-hints-...`` is another id)."""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    return folder


def snapshot(content):
    return {
        path.relative_to(content).as_posix(): path.read_bytes()
        for path in content.rglob("*")
        if path.is_file()
    }


def rename(content, old, new):
    return cli.main(["rename", old, new, "--content", str(content)])


def replaced_on_lines(data: bytes, lines: list[int], old: str, new: str) -> bytes:
    """The bytes with the whole word ``old`` replaced on the given lines only."""
    text = data.decode("utf-8").split("\n")
    for line in lines:
        text[line - 1], count = re.subn(rf"(?<![\w-]){re.escape(old)}(?![\w-])", new, text[line - 1])
        assert count == 1, (line, text[line - 1])
    return "\n".join(text).encode("utf-8")


def test_every_file_is_byte_identical_except_the_renamed_ids(content, capsys):
    prose = content / "claims/2-combat.yml"
    prose.write_bytes(prose.read_bytes() + b"# the pentagon: a comment stays as it is\n")
    before = snapshot(content)
    assert rename(content, "pentagon", "us-defense-department") == cli.EXIT_OK
    after = snapshot(content)
    expected = dict(before)
    for path, lines in PENTAGON_PLACES.items():
        expected[path] = replaced_on_lines(before[path], lines, "pentagon", "us-defense-department")
    assert after == expected
    assert cli.main(["check", "--content", str(content)]) == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[-2:-1] == [
        "renamed 'pentagon' to 'us-defense-department': 4 places in 4 files; ids written in prose are left "
        "as they are"
    ]


def test_each_place_changed_is_printed(content, capsys):
    assert rename(content, "pentagon", "dod") == cli.EXIT_OK
    assert capsys.readouterr().out.splitlines()[:2] == [
        f"{content}/actors/united-states.yml:16:7: pentagon -> dod",
        f"{content}/claims/1-deployment.yml:93:14: pentagon -> dod",
    ]


def test_quoting_comments_and_line_endings_are_kept(content):
    actors = content / "actors/extra.yml"
    actors.write_bytes(
        b"- id: 'navy'  # quoted\r\n  name: Navy\r\n  kind: military\r\n  part_of: \"pentagon\"\r\n"
    )
    before = actors.read_bytes()
    assert rename(content, "navy", "fleet") == cli.EXIT_OK
    assert rename(content, "pentagon", "dod") == cli.EXIT_OK
    assert actors.read_bytes() == before.replace(b"'navy'", b"'fleet'").replace(b'"pentagon"', b'"dod"')


def test_a_taken_id_is_refused_and_nothing_changes(content, capsys):
    before = snapshot(content)
    assert rename(content, "pentagon", "russia") == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing rename: the id 'russia' is already used at {content}/actors/russia.yml:1:7: ids are "
        "unique in a briefing\n"
    )
    assert snapshot(content) == before


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "Pentagon",
            "dod",
            "'Pentagon' is not an id: an id is 1 to 64 characters of a-z, 0-9 and single inner hyphens",
        ),
        (
            "pentagon",
            "dod two",
            "'dod two' is not an id: an id is 1 to 64 characters of a-z, 0-9 and single inner hyphens",
        ),
        ("pentagone", "dod", "no entity has the id 'pentagone'; briefing list shows the ids"),
    ],
)
def test_an_invalid_or_unknown_id_is_refused(content, capsys, old, new, message):
    assert rename(content, old, new) == cli.EXIT_USAGE
    assert capsys.readouterr().err == f"briefing rename: {message}\n"


def test_a_file_that_cannot_be_read_stops_the_rename(content, capsys):
    broken = content / "events/timeline.yml"
    broken.write_text("- id: x\n  title: [unclosed\n", encoding="utf-8")
    before = snapshot(content)
    assert rename(content, "pentagon", "dod") == cli.EXIT_INVALID
    assert capsys.readouterr().err.splitlines()[-1] == (
        "briefing rename: not renamed: references to 'pentagon' cannot all be found while a file cannot be "
        "read; fix the problems above, then rename"
    )
    assert snapshot(content) == before


def test_an_id_written_so_that_it_cannot_be_changed_in_place_is_refused(content, capsys):
    escaped = content / "actors/escaped.yml"
    escaped.write_text('id: navy\nname: Navy\nkind: military\npart_of: "penta\\x67on"\n', encoding="utf-8")
    before = snapshot(content)
    assert rename(content, "pentagon", "dod") == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing rename: {escaped}:4:10: 'pentagon' is written here in a way rename cannot change safely; "
        "write it plainly (pentagon), then rename\n"
    )
    assert snapshot(content) == before


def test_a_source_cited_many_times_a_file_is_renamed_in_every_citation_short_or_long(content, capsys):
    before = snapshot(content)
    assert rename(content, "kursk-report", "washington-claims-report") == cli.EXIT_OK
    word = re.compile(rb"(?<![\w-])kursk-report(?![\w-])")  # written nowhere but as its id and references
    assert snapshot(content) == {
        path: word.sub(b"washington-claims-report", data) for path, data in before.items()
    }
    assert (
        capsys.readouterr()
        .out.splitlines()[-1]
        .startswith("renamed 'kursk-report' to 'washington-claims-report': 41 places in 8 files")
    )


def test_lines_ended_by_a_lone_carriage_return_are_counted_as_yaml_counts_them(content):
    actors = content / "actors/extra.yml"
    actors.write_bytes(b"- id: navy\r  name: Navy\r  kind: military\r  part_of: pentagon\r")
    assert rename(content, "pentagon", "dod") == cli.EXIT_OK
    assert actors.read_bytes() == b"- id: navy\r  name: Navy\r  kind: military\r  part_of: dod\r"


def test_no_content_folder_is_a_usage_error(tmp_path, capsys):
    assert rename(tmp_path / "nowhere", "pentagon", "dod") == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing rename: no content folder at '{tmp_path / 'nowhere'}'; give one with --content DIR\n"
    )
