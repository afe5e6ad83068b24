"""Small promises an author meets: where an invisible character is, files whose ending is in capitals, the
order of updates, values written in the wrong case, and the traceback of an internal error when asked for."""

from __future__ import annotations

import pytest
from generator import cli

SOURCE = "content/sources/source.yml"
ZERO_WIDTH = "the invisible character U+200B (ZERO WIDTH SPACE) is not allowed in text; remove it"


def test_an_invisible_character_in_a_long_line_is_located_at_the_character(briefing):
    title = "The ministry's statement on the harbour, the ships and the crews," + "\u200b" + " as reported"
    result = briefing({"sources/source.yml": f"id: src\ntitle: {title}\nkind: other\n"})
    assert result.lines == [f"{SOURCE}:2:73: source 'src', title: {ZERO_WIDTH}"]


def test_an_invisible_character_in_a_block_is_located_at_the_character(briefing):
    summary = "summary: |\n  The first line.\n\n  The second paragraph, with an invisible\u200b space.\n"
    result = briefing({"briefing.yml": f"title: A briefing\nas_of: 2024\n{summary}"})
    assert result.lines == [f"content/briefing.yml:6:42: summary: {ZERO_WIDTH}"]


def test_an_invisible_character_written_as_an_escape_is_located_at_its_value(briefing):
    source = 'id: src\ntitle: "A \\u200b title"\nkind: other\nnotes: Another\u200b one.\n'
    assert briefing({"sources/source.yml": source}).lines == [
        f"{SOURCE}:2:8: source 'src', title: {ZERO_WIDTH}",
        f"{SOURCE}:4:15: source 'src', notes: {ZERO_WIDTH}",
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "extra.YML",
            "a file ending in '.YML' is never read: only files ending in .yml or .yaml, in small letters, are; "
            "rename it to 'extra.yml'",
        ),
        (
            "extra.Yml",
            "a file ending in '.Yml' is never read: only files ending in .yml or .yaml, in small letters, are; "
            "rename it to 'extra.yml'",
        ),
        (
            "more.facts.YAML",
            "a file ending in '.YAML' is never read: only files ending in .yml or .yaml, in small letters, are; "
            "rename it to 'more.facts.yaml'",
        ),
    ],
)
def test_a_file_whose_yaml_ending_is_in_capitals_is_reported_not_skipped(briefing, name, message):
    result = briefing({f"claims/{name}": "id: claim-two\n"})
    assert result.lines == [f"content/claims/{name}:1:1: {message}"]


def test_other_files_are_still_passed_over(briefing):
    result = briefing({"claims/notes.txt": "a note", "claims/map.PNG": "not an image"})
    assert (result.code, result.lines) == (0, [])


UPDATES = "title: A briefing\nas_of: {as_of}\nsummary: Nothing much.\nupdates:\n{updates}"


def test_updates_written_oldest_first_are_reported(briefing):
    updates = "  - {date: 2024-05-02, text: Second.}\n  - {date: 2024-05-09, text: Third.}\n"
    result = briefing({"briefing.yml": UPDATES.format(as_of="2024-05", updates=updates)})
    assert result.lines == [
        "content/briefing.yml:6:12: update 2, date: 2024-05-09 is later than 2024-05-02, the date of update 1: "
        "updates are written newest first; move this one above it"
    ]


def test_updates_of_the_same_or_overlapping_dates_stand_in_either_order(briefing):
    updates = (
        "  - {date: 2024-05, text: The month.}\n"
        "  - {date: 2024-05-09, text: A day of it.}\n"
        "  - {date: 2024-05-09, text: The same day.}\n"
        "  - {date: 2024-04-30T23:00, text: The evening before.}\n"
    )
    result = briefing({"briefing.yml": UPDATES.format(as_of="2024-05", updates=updates)})
    assert (result.code, result.lines) == (0, [])


def test_an_update_later_than_as_of_is_allowed(briefing):
    """as_of is the information cut-off; an edition may be published, and its update dated, after it."""
    updates = "  - {date: 2024-06-02, text: Published a month after the cut-off.}\n"
    result = briefing({"briefing.yml": UPDATES.format(as_of="2024-05", updates=updates)})
    assert (result.code, result.lines) == (0, [])


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        (
            "sources/source.yml",
            "id: src\ntitle: A source\nkind: other\nreliability: b\n",
            f"{SOURCE}:4:14: source 'src', reliability: expected one of A, B, C, D, E, F; found 'b'; "
            "did you mean 'B'?",
        ),
        (
            "sources/source.yml",
            "id: src\ntitle: A source\nkind: OTHER\n",
            f"{SOURCE}:3:7: source 'src', kind: expected one of news-report, official-statement, "
            "intelligence-assessment, state-media, imagery, document, social-media, other; found 'OTHER'; "
            "did you mean 'other'?",
        ),
    ],
    ids=["a grade in small letters", "a kind in capitals"],
)
def test_a_value_in_the_wrong_case_gets_the_right_one_suggested(briefing, file, line, message):
    assert briefing({file: line}).lines == [message]


def _broken(monkeypatch):
    def broken(content):
        raise RuntimeError("something unforeseen")

    monkeypatch.setattr(cli, "load_briefing", broken)


def test_an_internal_error_says_how_to_see_its_traceback(briefing, monkeypatch, capsys):
    briefing()
    _broken(monkeypatch)
    monkeypatch.delenv("BRIEFING_TRACEBACK", raising=False)
    assert cli.main(["check"]) == cli.EXIT_BUG
    assert capsys.readouterr().err == (
        "briefing: internal error (RuntimeError: something unforeseen); please report it, with the traceback "
        "that --traceback (or BRIEFING_TRACEBACK=1) shows\n"
    )


@pytest.mark.parametrize("how", ["--traceback", "BRIEFING_TRACEBACK=1"])
def test_an_internal_error_shows_its_traceback_when_asked(briefing, monkeypatch, capsys, how):
    briefing()
    _broken(monkeypatch)
    monkeypatch.delenv("BRIEFING_TRACEBACK", raising=False)
    if how.startswith("--"):
        argv = [how, "check"]
    else:
        monkeypatch.setenv(*how.split("="))
        argv = ["check"]
    assert cli.main(argv) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):\n")
    assert '    raise RuntimeError("something unforeseen")\nRuntimeError: something unforeseen\n' in err
    assert err.endswith(
        "briefing: internal error (RuntimeError: something unforeseen); please report it, with the traceback "
        "above\n"
    )
