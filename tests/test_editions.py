"""Recording editions: one file each, holding what changed; its update in briefing.yml; refusals; read back."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from generator import load, load_briefing
from generator.cli import main
from generator.edition_files import read_edition
from generator.editions import read_history
from generator.find import ContentFile
from generator.history import State
from generator.recording import Delta, edition_text, insert_update

from fingerprint import fingerprint

STORY = {
    "briefing.yml": """\
        # The harbour story, kept by the desk.
        title: Harbour watch
        as_of: 2025-04
        summary: The harbour story.
        updates:
          # newest first
          - date: 2025-03
            text: Written by hand, before editions were recorded.
        """,
    "sources/sources.yml": """\
        - {id: wire, title: A wire report, kind: news-report}
        - {id: statement, title: The ministry's statement, kind: official-statement}
        """,
    "actors/actors.yml": """\
        - {id: ministry, name: The Ministry, kind: agency}
        - {id: observer, name: An Observer, kind: organization}
        """,
    "claims/ships.yml": """\
        id: ships-seized
        title: Ships were seized
        statement: Two ships were seized.
        status: unverified
        stances:
          - actor: ministry
            position: neither
            date: 2025-03-01
            sources: [wire]
        """,
    "claims/port.yml": """\
        id: port-closed
        title: The port is closed
        statement: The port is closed.
        status: disputed
        stances:
          - {actor: observer, position: asserts, sources: [wire]}
        """,
}
"""A small briefing, as it stands at its first recorded edition."""

SECOND = {
    "claims/ships.yml": """\
        id: ships-seized
        title: Ships were seized
        statement: Two ships were seized.
        status: confirmed
        stances:
          - actor: ministry
            position: neither
            date: 2025-03-01
            sources: [wire]
          - actor: ministry
            position: asserts
            date: 2025-04-02
            sources: [statement]
        """,
    "claims/crew.yml": """\
        id: crew-detained
        title: The crews were detained
        statement: The crews of both ships were detained.
        status: unverified
        stances:
          - {actor: observer, position: asserts, sources: [wire]}
        """,
}
"""Its second edition: a status confirmed, the ministry's new position in a new dated stance, a claim added."""

THIRD = {"claims/port.yml": None}
"""Its third edition: a claim removed."""


def write(content: Path, files: dict[str, str | None]) -> None:
    """Write content files (None: remove the file)."""
    for name, text in files.items():
        path = content / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def edition(content: Path, date: str, text: str, capsys, *more: str) -> tuple[int, str, str]:
    """Run ``briefing edition``; its exit code, output and errors."""
    capsys.readouterr()
    code = main(["edition", "--date", date, "--text", text, "--content", str(content), *more])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def story(tmp_path, monkeypatch, capsys) -> Path:
    """The story with its three editions recorded, in a content folder of the current folder."""
    monkeypatch.chdir(tmp_path)
    content = Path("content")
    write(content, STORY)
    assert edition(content, "2025-04-01", "First recorded edition.", capsys)[0] == 0
    write(content, SECOND)
    assert edition(content, "2025-04-02", "The seizure is confirmed; the crews are detained.", capsys)[0] == 0
    write(content, THIRD)
    assert edition(content, "2025-04-03", "The port reopened.", capsys)[0] == 0
    return content


FIRST_FILE = """\
{
  "format": "briefing edition",
  "version": 1,
  "edition": 1,
  "date": "2025-04-01",
  "text": "First recorded edition.",
  "briefing": {
    "title": "Harbour watch",
    "as_of": "2025-04",
    "summary": "The harbour story."
  },
  "added": {
    "sources": [
      {
        "id": "statement",
        "title": "The ministry's statement",
        "kind": "official-statement"
      },
      {
        "id": "wire",
        "title": "A wire report",
        "kind": "news-report"
      }
    ],
    "actors": [
      {
        "id": "ministry",
        "name": "The Ministry",
        "kind": "agency"
      },
      {
        "id": "observer",
        "name": "An Observer",
        "kind": "organization"
      }
    ],
    "claims": [
      {
        "id": "port-closed",
        "title": "The port is closed",
        "statement": "The port is closed.",
        "status": "disputed",
        "stances": [
          {
            "actor": "observer",
            "position": "asserts",
            "sources": [
              {
                "source": "wire"
              }
            ]
          }
        ]
      },
      {
        "id": "ships-seized",
        "title": "Ships were seized",
        "statement": "Two ships were seized.",
        "status": "unverified",
        "stances": [
          {
            "actor": "ministry",
            "position": "neither",
            "date": "2025-03-01",
            "sources": [
              {
                "source": "wire"
              }
            ]
          }
        ]
      }
    ]
  }
}
"""

SECOND_FILE = """\
{
  "format": "briefing edition",
  "version": 1,
  "edition": 2,
  "date": "2025-04-02",
  "text": "The seizure is confirmed; the crews are detained.",
  "added": {
    "claims": [
      {
        "id": "crew-detained",
        "title": "The crews were detained",
        "statement": "The crews of both ships were detained.",
        "status": "unverified",
        "stances": [
          {
            "actor": "observer",
            "position": "asserts",
            "sources": [
              {
                "source": "wire"
              }
            ]
          }
        ]
      }
    ]
  },
  "changed": {
    "claims": [
      {
        "id": "ships-seized",
        "title": "Ships were seized",
        "statement": "Two ships were seized.",
        "status": "confirmed",
        "stances": [
          {
            "actor": "ministry",
            "position": "neither",
            "date": "2025-03-01",
            "sources": [
              {
                "source": "wire"
              }
            ]
          },
          {
            "actor": "ministry",
            "position": "asserts",
            "date": "2025-04-02",
            "sources": [
              {
                "source": "statement"
              }
            ]
          }
        ]
      }
    ]
  }
}
"""

THIRD_FILE = """\
{
  "format": "briefing edition",
  "version": 1,
  "edition": 3,
  "date": "2025-04-03",
  "text": "The port reopened.",
  "removed": {
    "claims": [
      "port-closed"
    ]
  }
}
"""


def test_the_first_edition_holds_the_whole_briefing_and_each_later_one_only_what_changed(story):
    files = sorted(path.name for path in (story / "editions").iterdir())
    assert files == ["2025-04-01.json", "2025-04-02.json", "2025-04-03.json"]
    assert (story / "editions" / "2025-04-01.json").read_text(encoding="utf-8") == FIRST_FILE
    assert (story / "editions" / "2025-04-02.json").read_text(encoding="utf-8") == SECOND_FILE
    assert (story / "editions" / "2025-04-03.json").read_text(encoding="utf-8") == THIRD_FILE


def test_recording_says_where_and_what_changed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    content = Path("content")
    write(content, STORY)
    assert edition(content, "2025-04-01", "First recorded edition.", capsys) == (
        0,
        "recorded edition 1 in content/editions/2025-04-01.json, the whole briefing as it is; "
        "its update is at the top of the updates in content/briefing.yml\n",
        "",
    )
    write(content, SECOND)
    assert edition(content, "2025-04-02", "The seizure is confirmed.", capsys) == (
        0,
        "recorded edition 2 in content/editions/2025-04-02.json; "
        "its update is at the top of the updates in content/briefing.yml\n"
        "claim 'crew-detained': added (\"The crews were detained\")\n"
        "claim 'ships-seized': status unverified → confirmed\n"
        "claim 'ships-seized': stance of 'ministry' neither → asserts (2025-04-02)\n"
        "claim 'ships-seized': new citation: 'statement'\n",
        "",
    )


def test_the_update_goes_at_the_top_of_the_updates_and_the_rest_of_the_file_stays_as_written(story):
    assert (story / "briefing.yml").read_text(encoding="utf-8") == textwrap.dedent(
        """\
        # The harbour story, kept by the desk.
        title: Harbour watch
        as_of: 2025-04
        summary: The harbour story.
        updates:
          # newest first
          - date: 2025-04-03
            text: The port reopened.
          - date: 2025-04-02
            text: The seizure is confirmed; the crews are detained.
          - date: 2025-04-01
            text: First recorded edition.
          - date: 2025-03
            text: Written by hand, before editions were recorded.
        """
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        pytest.param(
            "title: T\nsummary: S\n",
            "title: T\nsummary: S\nupdates:\n- date: 2025-04-02\n  text: New.\n",
            id="no updates: the list is made at the end",
        ),
        pytest.param(
            "title: T\nupdates:\nsummary: S\n",
            "title: T\nupdates:\n  - date: 2025-04-02\n    text: New.\nsummary: S\n",
            id="updates left empty",
        ),
        pytest.param(
            "title: T\nupdates: ~  # none yet\n",
            "title: T\nupdates:   # none yet\n  - date: 2025-04-02\n    text: New.\n",
            id="updates null, with a comment",
        ),
        pytest.param(
            "title: T\nupdates:\n- date: 2024\n  text: Old.\n",
            "title: T\nupdates:\n- date: 2025-04-02\n  text: New.\n- date: 2024\n  text: Old.\n",
            id="a list not indented",
        ),
        pytest.param(
            "title: T\nupdates: [{date: 2024, text: Old.}]\n",
            'title: T\nupdates: [{date: "2025-04-02", text: "New."}, {date: 2024, text: Old.}]\n',
            id="a flow list",
        ),
        pytest.param(
            '{"title": "T", "summary": "S"}',
            '{"title": "T", "summary": "S", updates: [{date: "2025-04-02", text: "New."}]}',
            id="JSON",
        ),
        pytest.param(
            "title: T\r\nupdates:\r\n  - date: 2024\r\n    text: Old.\r\n",
            "title: T\r\nupdates:\r\n  - date: 2025-04-02\r\n    text: New.\r\n  - date: 2024\r\n    text: Old.\r\n",
            id="Windows line ends",
        ),
    ],
)
def test_the_update_is_put_into_the_briefing_file_however_it_is_written(written, expected):
    assert insert_update(written, "2025-04-02", "New.") == expected


def test_an_update_of_several_paragraphs_is_written_as_a_block():
    written = "title: T\nupdates:\n  - date: 2024\n    text: Old.\n"
    assert insert_update(written, "2025-04-02", "One: *new*.\n\nTwo.") == (
        "title: T\nupdates:\n  - date: 2025-04-02\n    text: |-\n      One: *new*.\n\n      Two.\n"
        "  - date: 2024\n    text: Old.\n"
    )


def test_an_edition_dated_before_the_last_is_refused_and_nothing_is_written(story, capsys):
    write(story, {"claims/port.yml": STORY["claims/port.yml"]})
    before = fingerprint(story)
    assert edition(story, "2025-04-02", "Back again.", capsys) == (
        2,
        "",
        "briefing edition: --date 2025-04-02 is before the last edition's date (2025-04-03, "
        "content/editions/2025-04-03.json); an edition is dated no earlier than the one before it\n",
    )
    assert fingerprint(story) == before


def test_an_edition_in_which_nothing_changed_is_refused_unless_asked_for(story, capsys):
    before = fingerprint(story)
    assert edition(story, "2025-04-04", "Nothing new.", capsys) == (
        2,
        "",
        "briefing edition: nothing changed since edition 3 (2025-04-03); to record an edition all the same, "
        "add --allow-empty\n",
    )
    assert fingerprint(story) == before
    code, out, _ = edition(story, "2025-04-03", "Still nothing new.", capsys, "--allow-empty")
    assert (code, out) == (
        0,
        "recorded edition 4 in content/editions/2025-04-03-2.json; "
        "its update is at the top of the updates in content/briefing.yml\n",
    )
    assert (story / "editions" / "2025-04-03-2.json").read_text(encoding="utf-8") == (
        '{\n  "format": "briefing edition",\n  "version": 1,\n  "edition": 4,\n  "date": "2025-04-03",\n'
        '  "text": "Still nothing new."\n}\n'
    )


@pytest.mark.parametrize(
    ("date", "text", "said"),
    [
        ("2025-13-01", "x", "--date '2025-13-01' is not a date: there is no month 13"),
        ("yesterday", "x", "--date 'yesterday' is not a date: expected a date such as 2024, 2024-08 or "
         "2024-08-06, optionally followed by ~ (approximately)"),
        ("2025-04-04", "  ", "--text is empty: say in a sentence what changed in this edition"),
    ],
)  # fmt: skip
def test_a_date_that_is_none_and_an_empty_text_are_refused(story, capsys, date, text, said):
    before = fingerprint(story)
    assert edition(story, date, text, capsys) == (2, "", f"briefing edition: {said}\n")
    assert fingerprint(story) == before


def test_an_update_the_briefing_cannot_take_leaves_every_file_as_it_was(story, capsys):
    write(story, {"claims/port.yml": STORY["claims/port.yml"]})
    before = fingerprint(story)
    code, out, err = edition(story, "2025-04-04", "See [this](javascript:alert(1)).", capsys)
    assert (code, out) == (1, "")
    assert err == (
        "content/briefing.yml:8:11: update 1, text: link target 'javascript:alert(1)' is not allowed; "
        "a link must start with http://, https://, mailto:\n"
        "briefing edition: 1 problem in 1 file\n"
    )
    assert fingerprint(story) == before


def test_an_edition_s_update_already_written_is_not_written_twice(story, capsys):
    (story / "editions" / "2025-04-03.json").unlink()
    before = (story / "briefing.yml").read_bytes()
    code, out, _ = edition(story, "2025-04-03", "The port reopened.", capsys)
    assert (code, out) == (
        0,
        "recorded edition 3 in content/editions/2025-04-03.json; its update was in the updates already\n"
        "claim 'port-closed': removed (\"The port is closed\")\n",
    )
    assert (story / "briefing.yml").read_bytes() == before
    assert (story / "editions" / "2025-04-03.json").read_text(encoding="utf-8") == THIRD_FILE


def test_the_same_briefing_gives_the_same_bytes_wherever_it_is_recorded(tmp_path, monkeypatch, capsys):
    for place in ("one", "two"):
        write(tmp_path / place, STORY)
        assert edition(tmp_path / place, "2025-04-01", "First.", capsys)[0] == 0
        write(tmp_path / place, SECOND)
        assert edition(tmp_path / place, "2025-04-02T18:30+02:00", "Second.", capsys)[0] == 0
    assert fingerprint(tmp_path / "one") == fingerprint(tmp_path / "two")
    names = sorted(path.name for path in (tmp_path / "one" / "editions").iterdir())
    assert names == ["2025-04-01.json", "2025-04-02T1830+0200.json"]


def test_the_editions_replayed_give_the_briefing_as_it_is(story):
    problems: list = []
    history = read_history(story, problems)
    assert problems == []
    from generator.export import briefing_data

    assert history.state == State.of(briefing_data(load_briefing(story)))
    assert [(each.number, each.date, each.file) for each in history.editions] == [
        (1, "2025-04-01", "content/editions/2025-04-01.json"),
        (2, "2025-04-02", "content/editions/2025-04-02.json"),
        (3, "2025-04-03", "content/editions/2025-04-03.json"),
    ]


TRICKY = ["yes", "1:30", "0x10", "2024-08-06", "~", "null", "", " x ", "a: b", "#", "'", '"', "\\", "é\u200d",
          "line\nbreak", "trailing \n", "\uffff\ufffe", "\u2028\u2029", "<<", "true", "12", "\t"]  # fmt: skip


def test_an_edition_s_file_reads_back_exactly_as_it_was_written(tmp_path):
    records = [{"id": f"s{index}", "title": text, "kind": "other"} for index, text in enumerate(TRICKY)]
    records.append({"id": "numbers", "title": "n", "quantity": {"value": 10, "lower": 1.5, "upper": 1e300}})
    records.append({"id": "flags", "title": "f", "independently_verified": False})
    delta = Delta(info={"title": "T", "summary": "A\n\nB"}, added={"sources": records})
    text = edition_text(1, "2025-04-01", "First.", delta)
    path = tmp_path / "2025-04-01.json"
    path.write_text(text, encoding="utf-8")
    problems: list = []
    read = read_edition(ContentFile("editions", path, "e.json"), problems)
    assert problems == []
    assert read is not None
    assert read.info == delta.info
    assert [record for _, record, _ in read.added] == records
    again = Delta(info=read.info, added={"sources": [record for _, record, _ in read.added]})
    assert edition_text(read.number, read.date, read.text, again) == text
    assert load.parse(text, "e.json", problems) is not None  # problems in it can be located, as YAML
    assert problems == []


def test_an_edition_that_would_not_read_back_as_the_briefing_is_not_left_behind(story, capsys, monkeypatch):
    from generator import recording

    write(story, {"claims/port.yml": STORY["claims/port.yml"]})
    before = fingerprint(story)

    def losing_the_changes(number: int, date: str, text: str, delta: Delta) -> str:
        return edition_text(number, date, text, Delta())

    monkeypatch.setattr(recording, "edition_text", losing_the_changes)
    code, out, err = edition(story, "2025-04-04", "The port is closed again.", capsys)
    assert (code, out) == (70, "")
    assert err == (
        "briefing: internal error (RuntimeError: edition 4 does not read back as written: the replayed briefing "
        "differs); please report it, with the traceback that --traceback (or BRIEFING_TRACEBACK=1) shows\n"
    )
    assert fingerprint(story) == before


def test_an_edition_too_large_to_read_back_is_refused_and_nothing_is_written(story, capsys, monkeypatch):
    from generator import recording

    write(story, {"claims/port.yml": STORY["claims/port.yml"]})
    before = fingerprint(story)
    monkeypatch.setattr(recording, "MAX_FILE_BYTES", 400)
    code, out, err = edition(story, "2025-04-04", "The port is closed again.", capsys)
    assert (code, out) == (2, "")
    assert err == (
        "briefing edition: the edition's file would hold 555 bytes, more than a content file may (400): the "
        "briefing is too large to record whole\n"
    )
    assert fingerprint(story) == before
