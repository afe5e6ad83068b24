"""YAML mistakes in plain words at the character itself; a broken file causing no false errors elsewhere; no
text silently cut at a ' #'."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml
from generator import load
from generator.errors import BriefingError
from generator.validate import load_briefing

from conftest import MINIMAL

QUOTE_EARLY = (
    "the quote closes before the end of the value: put the whole value in quotes (and double any ' inside '…') "
    "or start it without a quote"
)
MISTAKES = {
    "a tab used to indent": (
        "id: a\ntitle: A source\n\tkind: other\n",
        "c.yml:3:1: a tab indents this line, and YAML allows only spaces there: indent with spaces\n"
        "    →kind: other\n"
        "    ^",
    ),
    "a tab after spaces": (
        "id: a\nquantity:\n  value: 3\n  \tunit: km\n",
        "c.yml:4:3: a tab indents this line, and YAML allows only spaces there: indent with spaces\n"
        "      →unit: km\n"
        "      ^",
    ),
    "': ' inside unquoted text": (
        "id: a\nstatement: Malaya said: video of the collision\n",
        "c.yml:2:23: ': ' inside an unquoted value starts a new key in YAML: put the whole value in quotes\n"
        "    statement: Malaya said: video of the collision\n"
        "                          ^",
    ),
    "': ' inside text, on a line begun by a Unicode line separator": (
        "id: a\u2028statement: Malaya said: video\n",
        "c.yml:2:23: ': ' inside an unquoted value starts a new key in YAML: put the whole value in quotes\n"
        "    statement: Malaya said: video\n"
        "                          ^",
    ),
    "a line indented more than its sibling": (
        "id: a\nquantity:\n  value: 3\n   unit: km\n",
        "c.yml:4:4: this line is indented by 3 spaces and 'value' on line 3 by 2 spaces: indent it to line up "
        "with 'value'\n"
        "       unit: km\n"
        "       ^",
    ),
    "a line indented less than its sibling": (
        "id: a\nquantity:\n    value: 3\n  unit: km\n",
        "c.yml:4:3: this line is indented by 2 spaces and 'value' on line 3 by 4 spaces: indent it to line up "
        "with 'value'\n"
        "      unit: km\n"
        "      ^",
    ),
    "a value opening with a quote that closes early": (
        'id: a\nnote: "Dangerous actions" of the coast guard\n',
        f"c.yml:2:25: {QUOTE_EARLY}\n"
        '    note: "Dangerous actions" of the coast guard\n'
        "                            ^",
    ),
    "a list item opening with a quote that closes early": (
        "indicators:\n  - 'Troops' seen near the border\n",
        f"c.yml:2:12: {QUOTE_EARLY}\n      - 'Troops' seen near the border\n               ^",
    ),
    "a quote never closed": (
        'id: a\ntitle: "A source\nkind: other\n',
        'c.yml:2:8: this " is never closed: end the value with ", or put the value in \'…\' if it holds a "\n'
        '    title: "A source\n'
        "           ^",
    ),
    "a bracket never closed": (
        "id: a\nsources: [src, other\nkind: other\n",
        "c.yml:2:10: this '[' is never closed: a value starting with '[' is read as a list; if the value is "
        "text, put it in quotes, else close it with ']'\n"
        "    sources: [src, other\n"
        "             ^",
    ),
    "a bracket never closed at the end of the file": (
        "id: a\ntitle: A source\nsources: [src,\n",
        "c.yml:3:10: this '[' is never closed: a value starting with '[' is read as a list; if the value is "
        "text, put it in quotes, else close it with ']'\n"
        "    sources: [src,\n"
        "             ^",
    ),
    "text opening with a bracket": (
        "id: a\nnote: [sic] the minister said\n",
        "c.yml:2:11: a value starting with '[' is read as a list, which ends before the value does: put the "
        "whole value in quotes\n"
        "    note: [sic] the minister said\n"
        "              ^",
    ),
    "a list item among a mapping's keys": (
        "id: a\ntitle: A source\n- kind: other\n",
        "c.yml:3:1: a list item ('- ') among the keys of a mapping: remove the '- ', or indent the item under "
        "the key whose list it belongs to\n"
        "    - kind: other\n"
        "    ^",
    ),
    "a key among a list's items": (
        "- id: a\n  title: A source\nkind: other\n",
        "c.yml:3:1: a 'key: value' line among the items of a list: start it with '- ' if it begins a new item, "
        "or indent it to line up with the keys of the item above\n"
        "    kind: other\n"
        "    ^",
    ),
    "a list item without a space after its dash": (
        "- id: a\n-id: b\n",
        "c.yml:2:1: a list item needs a space after its '-': write '- ' and then the item\n    -id: b\n    ^",
    ),
    "a key without a space after its colon": (
        "id: a\nkind:other\ntitle: A source\n",
        "c.yml:2:5: a key needs a space after its ':': write 'kind: ' and then the value\n"
        "    kind:other\n"
        "        ^",
    ),
    "a line without a colon": (
        "id: a\nkind other\ntitle: A source\n",
        "c.yml:2:1: this line has no ': ' after its key: write it as 'key: value' (if it continues the text "
        "above, put that text in quotes)\n"
        "    kind other\n"
        "    ^",
    ),
    "a value opening with @": (
        "id: a\ntitle: @navy said so\n",
        "c.yml:2:8: a value cannot start with '@' in YAML: put the whole value in quotes\n"
        "    title: @navy said so\n"
        "           ^",
    ),
    "text on the line of a |": (
        "id: a\nstatement: | Troops crossed.\n",
        "c.yml:2:12: text cannot follow '|' on its line: start the text on the next line, indented\n"
        "    statement: | Troops crossed.\n"
        "               ^",
    ),
}


@pytest.mark.parametrize("parser", [yaml.CSafeLoader, yaml.SafeLoader], ids=["libyaml", "python"])
@pytest.mark.parametrize("text, expected", MISTAKES.values(), ids=MISTAKES.keys())
def test_a_yaml_mistake_is_said_in_plain_words_at_the_character_with_the_line_shown(
    monkeypatch, parser, text, expected
):
    monkeypatch.setattr(load, "_PARSER", parser)
    problems: list = []
    assert load.parse(text, "c.yml", problems) is None
    assert [f"{problem.location}: {problem.message}" for problem in problems] == [expected]


def test_a_mistake_no_one_foresaw_keeps_the_parsers_words():
    problems: list = []
    load.parse("id: a\n...\ntitle\n", "c.yml", problems)
    assert [f"{problem.location}: {problem.message}" for problem in problems] == [
        "c.yml:3:1: YAML syntax error: did not find expected <document start>; check this line and the one "
        "above it\n"
        "    title\n"
        "    ^"
    ]


def test_a_long_line_is_shown_around_the_mistake():
    line = "statement: " + "word " * 40 + "said: " + "more " * 40
    problems: list = []
    load.parse(f"id: a\n{line}\n", "c.yml", problems)
    shown, caret = problems[0].message.split("\n")[1:]
    assert shown == "    …" + line[165:265] + "…"
    assert caret == "    " + " " * 51 + "^"
    assert shown[len(caret) - 1 : len(caret) + 1] == ": "


def write(folder: Path, files: dict[str, str | None]) -> Path:
    """A content folder: MINIMAL with these files added or (None) removed."""
    content = folder / "content"
    for name, text in {**MINIMAL, **files}.items():
        if text is not None:
            (content / name).parent.mkdir(parents=True, exist_ok=True)
            (content / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return content


def problems_of(content: Path) -> list[str]:
    """Every problem of the briefing, as check prints each one's first line."""
    with pytest.raises(BriefingError) as raised:
        load_briefing(content)
    return [f"{problem.location}: {problem.message.splitlines()[0]}" for problem in raised.value.problems]


REFERRING = {
    "claims/claim.yml": MINIMAL["claims/claim.yml"] + "related: [tanker-fire]\n",
    "questions/question.yml": "id: q-one\nquestion: Who fired?\nstatus: open\nclaims: [tanker-fire]\n",
    "events/event.yml": "id: e-one\ntitle: Fire\ndate: 2024\nclaims: [tanker-fire]\nactors: [nobody]\n"
    "sources: [src]\n",
}
BROKEN = 'id: tanker-fire\ntitle: "Tanker" on fire\nstatement: S\n'


def test_a_file_that_cannot_be_read_causes_no_false_unknown_ids_elsewhere(tmp_path):
    content = write(tmp_path, {**REFERRING, "claims/broken.yml": BROKEN})
    broken = str(content / "claims/broken.yml")
    assert problems_of(content) == [
        f"{broken}:1:1: references to claim ids were not checked, as this file could not be read; "
        "fix it to check them",
        f"{broken}:2:15: {QUOTE_EARLY}",
        f"{content / 'events/event.yml'}:5:10: event 'e-one', actor 1: unknown actor 'nobody'",
    ]


def test_once_the_file_is_read_its_references_are_checked_again(tmp_path):
    content = write(tmp_path, {**REFERRING, "claims/broken.yml": None})
    unknown = "unknown claim 'tanker-fire'"
    assert problems_of(content) == [
        f"{content / 'claims/claim.yml'}:9:11: claim 'claim-one', related claim 1: {unknown}",
        f"{content / 'events/event.yml'}:4:10: event 'e-one', claim 1: {unknown}",
        f"{content / 'events/event.yml'}:5:10: event 'e-one', actor 1: unknown actor 'nobody'",
        f"{content / 'questions/question.yml'}:4:10: question 'q-one', claim 1: {unknown}",
    ]


CUT = (
    "the text after ' #' is lost: YAML reads it as a comment; to keep it, put the whole value in quotes (or "
    "write it on the lines below a '|'); a comment is written '# ' with a space after the '#'"
)


def test_text_cut_short_by_a_comment_is_a_problem_at_the_hash(tmp_path):
    claim = MINIMAL["claims/claim.yml"].replace(
        "title: A claim", "title: Malaya said video #WestPhilippineSea and photographs"
    )
    content = write(tmp_path, {"claims/claim.yml": claim})
    assert problems_of(content) == [f"{content / 'claims/claim.yml'}:2:26: claim 'claim-one', title: {CUT}"]


def test_text_cut_short_on_its_last_line_is_a_problem_too(tmp_path):
    claim = MINIMAL["claims/claim.yml"].replace(
        "statement: Something happened.", "statement: Something\n          happened on the #5th"
    )
    content = write(tmp_path, {"claims/claim.yml": claim})
    assert problems_of(content) == [
        f"{content / 'claims/claim.yml'}:4:19: claim 'claim-one', statement: {CUT}"
    ]


def test_comments_that_cut_no_text_stay_allowed(tmp_path):
    claim = """\
        # A claim, checked on 5 November
        id: claim-one  # the id stays
        title: A claim  # a comment, written with a space after its '#', is the author's
        statement: |
          Something #happened, said in a block.
        status: unverified  # checked 5 Nov
        first_reported: 2024-11-05  # a date
        quantity:
          value: 3  # a number
          unit: 'ships #1 to #3'
        stances:
          - actor: alpha  # an id
            position: asserts
            sources: [src]  # a list of ids
        """
    briefing = load_briefing(write(tmp_path, {"claims/claim.yml": claim}))
    assert briefing.claims[0].title == "A claim"
    assert briefing.claims[0].statement == "Something #happened, said in a block."


def test_check_shows_the_line_and_a_caret_under_the_mistake(briefing):
    result = briefing({"sources/extra.yml": "id: extra\n\ttitle: A source\n"})
    assert result.lines == [
        "content/sources/extra.yml:2:1: a tab indents this line, and YAML allows only spaces there: indent "
        "with spaces",
        "    →title: A source",
        "    ^",
    ]
    assert result.code == 1


def test_a_line_break_inside_a_message_never_starts_a_line_of_its_own(briefing):
    result = briefing(
        {"sources/extra.yml": 'id: extra\ntitle: A source\nkind: other\n"a\\nb.yml:1:1: c": d\n'}
    )
    assert result.lines == [
        "content/sources/extra.yml:4:1: source 'extra': unknown key 'a",
        "    b.yml:1:1: c'; expected one of id, title, kind, publisher, contributors, published, url, archive_url, "
        "reliability, notes",
    ]


def test_the_served_pages_show_a_yaml_error_s_line_as_written(briefing):
    from generator.drafts import banner
    from generator.errors import BriefingError
    from generator.render import problem_pages
    from generator.validate import load_briefing as load

    briefing({"sources/extra.yml": "id: extra\n\ttitle: A source\n"})
    with pytest.raises(BriefingError) as raised:
        load(Path("content"))
    tab = "a tab indents this line, and YAML allows only spaces there: indent with spaces"
    (item,) = [
        line for line in problem_pages(raised.value, [])[0].markdown.splitlines() if line.startswith("- ")
    ]
    assert item == f"- `content/sources/extra.yml:2:1`: {tab} `→title: A source`"
    (shown,) = banner(raised.value, "14:05", lambda location: None)["problems"]
    assert shown == {
        "location": "content/sources/extra.yml:2:1",
        "message": tab,
        "written": "→title: A source",
        "url": None,
    }
