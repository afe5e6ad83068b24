"""The editions' files as read back: whatever a merge or a hand broke in them is a located problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from generator.cli import main

from test_editions import story  # noqa: F401 - the fixture

RESTORE = "restore the file as 'briefing edition' wrote it"


def check(capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["check"])
    out, err = capsys.readouterr()
    return code, out, err


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_check_counts_the_recorded_editions(story, capsys):  # noqa: F811
    assert check(capsys) == (
        0,
        "content: valid: 2 sources, 2 actors, 2 claims, 0 treaties, 0 treaty terms, 0 questions, 0 events, "
        "3 recorded editions\n",
        "",
    )


def test_a_merge_conflict_left_in_an_edition_is_located(story, capsys):  # noqa: F811
    edit(
        story / "editions" / "2025-04-02.json",
        '        "status": "confirmed",\n',
        '<<<<<<< HEAD\n        "status": "confirmed",\n=======\n        "status": "refuted",\n>>>>>>> other\n',
    )
    assert check(capsys) == (
        1,
        "",
        "content/editions/2025-04-02.json:34:1: not JSON as 'briefing edition' writes it: Expecting property "
        f"name enclosed in double quotes; {RESTORE}\n"
        "briefing check: 1 problem in 1 file\n",
    )


def test_two_editions_recorded_apart_are_told_to_be_recorded_again(story, capsys):  # noqa: F811
    third = (story / "editions" / "2025-04-03.json").read_text(encoding="utf-8")
    (story / "editions" / "2025-04-04.json").write_text(
        third.replace("2025-04-03", "2025-04-04"), encoding="utf-8"
    )
    assert check(capsys) == (
        1,
        "",
        "content/editions/2025-04-04.json:4:14: edition 3 again (content/editions/2025-04-03.json is edition 3 "
        "too): two editions were recorded apart, on two branches say; remove this file, then record its edition "
        "again with briefing edition\n"
        "briefing check: 1 problem in 1 file\n",
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "said"),
    [
        pytest.param(
            "2025-04-03.json",
            '"edition": 3',
            '"edition": 4',
            "content/editions/2025-04-03.json:4:14: edition 3 is missing: editions are numbered from 1 without a "
            "gap; restore its file",
            id="a number skipped",
        ),
        pytest.param(
            "2025-04-03.json",
            '"port-closed"',
            '"port-opened"',
            f"content/editions/2025-04-03.json:9:7: removed claim 'port-opened', which no earlier edition added; "
            f"{RESTORE}",
            id="an entity removed that was never added",
        ),
        pytest.param(
            "2025-04-02.json",
            '"changed": {',
            '"added": {',
            "content/editions/2025-04-02.json:28:3: duplicate key 'added'; it is already given at line 7; "
            f"{RESTORE}",
            id="a key twice",
        ),
        pytest.param(
            "2025-04-03.json",
            '"date": "2025-04-03"',
            '"date": "2025-03-30"',
            "content/editions/2025-04-03.json:5:11: date: 2025-03-30 is before the date of edition 2 (2025-04-02, "
            f"in content/editions/2025-04-02.json): editions are recorded in order of date; {RESTORE}",
            id="dates out of order",
        ),
        pytest.param(
            "2025-04-03.json",
            '"edition": 3',
            '"edtion": 3',
            f"content/editions/2025-04-03.json:1:1: missing required key 'edition'; {RESTORE}\n"
            f"content/editions/2025-04-03.json:4:3: unknown key 'edtion'; did you mean 'edition'?; {RESTORE}",
            id="a key misspelt",
        ),
        pytest.param(
            "2025-04-03.json",
            '"date": "2025-04-03"',
            '"date": "2025-02-30"',
            "content/editions/2025-04-03.json:5:11: date: '2025-02-30' is not a date: there is no day 30 in "
            f"February 2025, which has 28 days; {RESTORE}",
            id="a date that is none",
        ),
        pytest.param(
            "2025-04-02.json",
            '"claims": [\n      {\n        "id": "ships-seized"',
            '"claim": [\n      {\n        "id": "ships-seized"',
            "content/editions/2025-04-02.json:29:5: changed: unknown category folder 'claim'; did you mean "
            f"'claims'?; {RESTORE}",
            id="a category misspelt",
        ),
        pytest.param(
            "2025-04-03.json",
            '"text": "The port reopened."',
            '"text": ["The port reopened."]',
            f"content/editions/2025-04-03.json:6:11: text: expected text, found a list; {RESTORE}",
            id="a text that is a list",
        ),
        pytest.param(
            "2025-04-03.json",
            '"edition": 3',
            '"edition": true',
            f"content/editions/2025-04-03.json:4:14: edition: expected the edition's number (1, 2...), found true; "
            f"{RESTORE}",
            id="a number that is none",
        ),
        pytest.param(
            "2025-04-03.json",
            '"version": 1',
            '"version": 2',
            "content/editions/2025-04-03.json:3:14: an edition of format 'briefing edition', version 2, which this "
            f"briefing does not read ('briefing edition', version 1): update briefing, or {RESTORE}",
            id="a later version",
        ),
    ],
)
def test_an_edition_s_file_not_as_the_tool_wrote_it_is_a_located_problem(story, capsys, file, old, new, said):  # noqa: F811
    edit(story / "editions" / file, old, new)
    count = said.count("\n") + 1
    assert check(capsys) == (1, "", f"{said}\nbriefing check: {count} problem{'s' * (count > 1)} in 1 file\n")


def test_an_edition_s_file_not_utf_8_is_located(story, capsys):  # noqa: F811
    with (story / "editions" / "2025-04-03.json").open("ab") as file:
        file.write(b"\xff")
    assert check(capsys) == (
        1,
        "",
        "content/editions/2025-04-03.json:13:1: the file is not UTF-8 (byte 0xFF here); save it as UTF-8\n"
        "briefing check: 1 problem in 1 file\n",
    )


def test_each_recorded_edition_needs_its_update(story, capsys):  # noqa: F811
    edit(
        story / "briefing.yml",
        "  - date: 2025-04-02\n    text: The seizure is confirmed; the crews are detained.\n",
        "",
    )
    assert check(capsys) == (
        1,
        "",
        "content/editions/2025-04-02.json:5:11: edition 2 has no entry in the briefing's updates: add one of its "
        "date to updates in briefing.yml (- date: 2025-04-02, text: what changed)\n"
        "briefing check: 1 problem in 1 file\n",
    )


def test_the_editions_folder_holds_no_entities_and_no_folders(story, capsys):  # noqa: F811
    (story / "editions" / "old").mkdir()
    shutil.copy(story / "editions" / "2025-04-01.json", story / "editions" / "old")
    shutil.copy(story / "claims" / "ships.yml", story / "editions")
    (story / "editions" / "README.md").write_text("Notes are passed over.", encoding="utf-8")
    assert check(capsys) == (
        1,
        "",
        "content/editions/old/2025-04-01.json:1:1: a folder inside editions/ is never read: the editions folder "
        "holds only the files 'briefing edition' writes (.json); move the file out\n"
        "content/editions/ships.yml:1:1: a YAML file in editions/ is never read: the editions folder holds only "
        "the files 'briefing edition' writes (.json); move the file out\n"
        "briefing check: 2 problems in 2 files\n",
    )


def test_other_unknown_folders_are_still_errors(story, capsys):  # noqa: F811
    (story / "editons").mkdir()
    shutil.copy(story / "claims" / "ships.yml", story / "editons")
    code, _, err = check(capsys)
    assert code == 1
    assert err.splitlines()[0] == (
        "content/editons/ships.yml:1:1: unknown folder 'editons'; did you mean 'editions'?; the category "
        "folders are sources, actors, claims, treaties, questions, events"
    )


def test_an_edition_that_is_not_a_mapping_is_a_located_problem(story, capsys):  # noqa: F811
    (story / "editions" / "2025-04-05.json").write_text('[{"edition": 4}]\n', encoding="utf-8")
    assert check(capsys) == (
        1,
        "",
        "content/editions/2025-04-05.json:1:1: expected the object of an edition (format, version, edition...), "
        f"found a list; {RESTORE}\n"
        "briefing check: 1 problem in 1 file\n",
    )


def test_an_invalid_briefing_and_a_broken_edition_are_reported_together(story, capsys):  # noqa: F811
    edit(story / "claims" / "ships.yml", "status: confirmed", "status: confimed")
    edit(story / "editions" / "2025-04-03.json", '"port-closed"', '"port-opened"')
    code, _, err = check(capsys)
    assert code == 1
    assert [line.split(": ")[0] for line in err.splitlines()] == [
        "content/claims/ships.yml:4:9",
        "content/editions/2025-04-03.json:9:7",
        "briefing check",
    ]
