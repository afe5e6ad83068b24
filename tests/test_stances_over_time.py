"""An actor's stances on a claim over time: each dated, its latest its current position, its history shown."""

from __future__ import annotations

import re
import textwrap
from collections import Counter

import pytest
from generator import load_briefing
from generator.cli import main
from generator.dates import Date
from generator.model import Claim, Stance
from generator.render import render_pages
from generator.render_entities import stance_anchors
from generator.vocabulary import ClaimStatus, Position

from built_site import Site
from conftest import ROOT
from test_render_html import assert_same

CLAIM = "content/claims/claim.yml"
HARBOUR = {
    "briefing.yml": "title: Harbour watch\nas_of: 2025-04-20\nsummary: The harbour story.\n",
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
        status: disputed
        stances:
          - actor: ministry
            position: asserts
            date: 2025-04-02T09:30+03:00
            note: Said it *now* confirms.
            sources: [statement]
          - actor: observer
            position: supports
            sources: [wire]
          - actor: ministry
            position: neither
            date: 2024-11
            note: Would not comment.
            sources: [wire]
          - actor: ministry
            position: hints
            date: 2025-01-15
            sources: [{source: wire, locator: paragraph 3}]
        """,
}
"""A briefing whose ministry changes its position on a claim twice, its stances written out of date order."""


def stances(*lines: str) -> dict[str, str]:
    """The minimal briefing, its claim holding these stances (flow mappings, one a line)."""
    body = "".join(f"  - {line}\n" for line in lines)
    return {
        "claims/claim.yml": f"id: claim-one\ntitle: A claim\nstatement: S.\nstatus: unverified\nstances:\n{body}"
    }


def test_an_actor_with_several_stances_dates_each_of_them(briefing):
    result = briefing(
        stances(
            "{actor: alpha, position: neither, sources: [src]}",
            "{actor: beta, position: asserts, sources: [src]}",
            "{actor: alpha, position: asserts, date: 2025-04, sources: [src]}",
            "{actor: alpha, position: denies, sources: [src]}",
        )
    )
    assert result.code == 1
    assert result.lines == [
        f"{CLAIM}:6:5: claim 'claim-one', stance 1: actor 'alpha' takes several stances on this claim "
        "(stances 1, 3 and 4), so each needs a date, the latest being its current position",
        f"{CLAIM}:9:5: claim 'claim-one', stance 4: actor 'alpha' takes several stances on this claim "
        "(stances 1, 3 and 4), so each needs a date, the latest being its current position",
    ]


def test_no_two_stances_of_an_actor_have_the_same_date_or_dates_whose_order_is_unknowable(briefing):
    result = briefing(
        stances(
            "{actor: alpha, position: neither, date: 2024-11-05, sources: [src]}",
            "{actor: alpha, position: asserts, date: 2024-11-05, sources: [src]}",
            "{actor: beta, position: hints, date: 2024-11, sources: [src]}",
            "{actor: beta, position: asserts, date: 2024-11-20, sources: [src]}",
            "{actor: alpha, position: denies, date: 2024-12-01T10:00+03:00, sources: [src]}",
            "{actor: alpha, position: supports, date: 2024-12-01T07:00Z, sources: [src]}",
            "{actor: alpha, position: hints, date: 2024-12-02T23:30-05:00, sources: [src]}",
            "{actor: alpha, position: disputes, date: 2024-12-03, sources: [src]}",
        )
    )
    assert result.code == 1
    assert result.lines == [
        f"{CLAIM}:7:45: claim 'claim-one', stance 2, date: stance 1, by the same actor 'alpha', has the same "
        "date, 2024-11-05; an actor's stances on one claim need different dates",
        f"{CLAIM}:9:44: claim 'claim-one', stance 4, date: 2024-11-20 and 2024-11 (the date of stance 3, by the "
        "same actor 'beta') overlap, so which came first cannot be told; write both to the same precision, "
        "such as the day",
        f"{CLAIM}:11:46: claim 'claim-one', stance 6, date: stance 5, by the same actor 'alpha', has the same "
        "date, written 2024-12-01T10:00+03:00; an actor's stances on one claim need different dates",
        f"{CLAIM}:13:46: claim 'claim-one', stance 8, date: 2024-12-03 and 2024-12-02T23:30-05:00 (the date of "
        "stance 7, by the same actor 'alpha') overlap, so which came first cannot be told; write both to the "
        "same precision, such as the day",
    ]


def test_stance_dates_are_checked_in_the_same_run_as_the_claim_s_other_problems(briefing):
    result = briefing(
        {
            "claims/claim.yml": """\
            id: claim-one
            title: A claim
            statement: S.
            status: unverified
            first_reported: 2024-11-04T09:12:30
            stances:
              - {actor: alpha, position: neither, sources: [src]}
              - {actor: alpha, position: asserts, date: 2024-11, sources: [src]}
            """
        }
    )
    assert result.lines == [
        f"{CLAIM}:5:17: claim 'claim-one', first_reported: '2024-11-04T09:12:30' is not a date: a time of day is "
        "written to the minute, without seconds; write 2024-11-04T09:12",
        f"{CLAIM}:7:5: claim 'claim-one', stance 1: actor 'alpha' takes several stances on this claim (stances 1 "
        "and 2), so each needs a date, the latest being its current position",
    ]


def test_dates_of_different_precision_that_cannot_overlap_are_accepted(briefing):
    result = briefing(
        stances(
            "{actor: alpha, position: asserts, date: 2024-12-01, sources: [src]}",
            "{actor: alpha, position: neither, date: 2024-11, sources: [src]}",
            "{actor: alpha, position: hints, date: 2023, sources: [src]}",
        )
    )
    assert result.code == 0, result.err


def test_the_latest_stance_is_the_current_one_whatever_the_order_written():
    def stance(position: Position, date: str) -> Stance:
        return Stance(actor="alpha", position=position, date=Date.parse(date), sources=())

    asserts, neither, hints = (
        stance(Position.ASSERTS, "2025-04-02T09:30+03:00"),
        stance(Position.NEITHER, "2024-11"),
        stance(Position.HINTS, "2025-04-02T07:00Z"),
    )
    other = Stance(actor="beta", position=Position.DENIES, sources=())
    claim = Claim(
        id="c",
        title="C",
        statement="S.",
        status=ClaimStatus.UNVERIFIED,
        stances=(asserts, other, neither, hints),
    )
    assert claim.stances_over_time == ((neither, asserts, hints), (other,))  # 09:30+03:00 is 06:30 UTC
    assert claim.current_stances == (hints, other)
    assert stance_anchors(claim) == [
        "c--alpha--2025-04-02t0930p0300",
        "c--beta",
        "c--alpha--2024-11",
        "c--alpha",
    ]


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("harbour")
    for name, text in HARBOUR.items():
        path = folder / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    site = folder / "site"
    config = ["--config", str(ROOT / "mkdocs.yml")]
    assert main(["build", *config, "--content", str(folder / "content"), "--site-dir", str(site)]) == 0
    return Site(site)


def test_the_matrix_shows_the_current_position_marked_with_the_one_before(harbour):
    text = harbour.text("stances/")
    assert "A position that changed says what it was before; its link leads to the actor's stances." in text
    assert "The Ministry: ■ asserts (was △ hints, 15 January 2025) An Observer: ▲ supports" in text
    cell = re.search(r'<td><a href="([^"]+)"><span [^>]*>The Ministry: .*?</td>', harbour.html("stances/"))
    assert cell and cell.group(1) == "../claims/#ships-seized--ministry"
    assert 'class="briefing-changed"' in cell.group(0)


def test_the_actor_page_shows_the_current_position_and_how_it_changed(harbour):
    text = harbour.text("actors/")
    assert (
        "Stances asserts: Ships were seized, changed: neither confirms nor denies (November 2024) → hints at "
        "(15 January 2025) → asserts (2 April 2025, 09:30 UTC+03:00) An Observer"
    ) in text
    assert '<a href="../claims/#ships-seized--ministry">changed</a>' in harbour.html("actors/")


def test_the_claim_shows_the_current_stance_then_each_earlier_one_with_its_note_and_sources(harbour):
    text = harbour.text("claims/")
    assert (
        "Stances The Ministry asserts (2 April 2025, 09:30 UTC+03:00). Said it now confirms.1 "
        "Position over time: neither confirms nor denies (November 2024) → hints at (15 January 2025) → "
        "asserts (2 April 2025, 09:30 UTC+03:00). "
        "November 2024: neither confirms nor denies. Would not comment.2 "
        "15 January 2025: hints at.3 "
        "An Observer supports.2"
    ) in text
    assert "A wire report, paragraph 3" in text


def test_stance_anchors_are_unique_and_the_current_one_keeps_claim_actor(harbour):
    ids = Counter(
        attributes["id"] for _, attributes in harbour.page("claims/").elements if "id" in attributes
    )
    assert [id for id, count in ids.items() if count > 1] == []
    assert {
        "ships-seized--ministry",
        "ships-seized--ministry--2024-11",
        "ships-seized--ministry--2025-01-15",
        "ships-seized--observer",
    } <= set(ids)
    assert re.search(r'<strong id="ships-seized--ministry">asserts</strong>', harbour.html("claims/"))
    for path in ("", "claims/", "stances/", "actors/"):
        assert harbour.broken_links(path) == [], path


def test_the_pages_of_stances_over_time_convert_to_the_html_python_markdown_makes(tmp_path):
    for name, text in HARBOUR.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    pages = render_pages(load_briefing(tmp_path))
    assert any("Position over time" in page.markdown for page in pages)
    for page in pages:
        assert_same(page.markdown)


def test_briefings_without_several_stances_of_an_actor_keep_their_anchors_and_stances():
    kursk = load_briefing(ROOT / "content")
    for claim in kursk.claims:
        assert claim.current_stances == claim.stances
        assert stance_anchors(claim) == [f"{claim.id}--{stance.actor}" for stance in claim.stances]
