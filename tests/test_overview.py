"""The overview answers at a glance; spans of dates read as people write them; actor pages say when a claim
they backed fell; and the Kursk briefing says exactly what its report says."""

# ruff: noqa: RUF001
# (the en dash in the expected text is what a span of dates is written with)

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from generator import load_briefing
from generator.dates import Date
from generator.editions import with_history
from generator.model import Briefing
from generator.render import Page, render_pages
from generator.render_links import Links
from generator.render_terms import term_badge
from generator.render_text import date_range
from generator.vocabulary import ClaimStatus

from conftest import BRIEFINGS, MINIMAL, ROOT


def write(folder: Path, files: dict[str, str | None]) -> Path:
    """A content folder: MINIMAL with the given files replaced, or left out when None."""
    for name, text in {**MINIMAL, **files}.items():
        if text is not None:
            path = folder / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder / "content"


def page(briefing: Briefing, path: str = "index.md", **options) -> Page:
    return next(page for page in render_pages(briefing, **options) if page.path == path)


def glance(markdown: str) -> list[str]:
    """The overview's lines between its heading and its first section (subtitle, byline and the glance)."""
    return markdown.split("\n## ", 1)[0].split("\n")[2:]


# Spans of dates


@pytest.mark.parametrize(
    "start, end, words",
    [
        ("2031-02-04", "2031-02-05", "4–5 February 2031"),
        ("2031-01-30", "2031-02-02", "30 January – 2 February 2031"),
        ("2030-12-30", "2031-01-02", "30 December 2030 – 2 January 2031"),
        ("2024-11", "2025-01", "November 2024 – January 2025"),
        ("2024-09", "2024-11", "September–November 2024"),
        ("2024", "2025", "2024–2025"),
        ("2024-08", "2024-09-05", "August – 5 September 2024"),
        ("2024-08-06", "2024-09", "6 August – September 2024"),
        ("2023", "2024-03", "2023 – March 2024"),
        ("2024", "2024-03", "2024 – March 2024"),  # a year and a month of it: both years named
        ("2023-06-01", "2024", "1 June 2023 – 2024"),
        ("2024-08-06", "2024-08-06", "6 August 2024"),
    ],
)
def test_a_span_names_once_what_its_ends_share(start, end, words):
    assert date_range(Date.parse(start), Date.parse(end)) == words


@pytest.mark.parametrize(
    "start, end, words",
    [
        ("2031-02-04~", "2031-02-05~", "around 4–5 February 2031"),
        ("2024-11~", "2025-01~", "around November 2024 – January 2025"),
        ("2016~", "2023~", "around 2016–2023"),
        ("2031-02-04~", "2031-02-05", "from around 4 to 5 February 2031"),
        ("2031-02-04", "2031-02-05~", "from 4 to around 5 February 2031"),
        ("2016~", "2023", "from around 2016 to 2023"),
        ("2023-10-12~", "2023-12", "from around 12 October to December 2023"),
        ("2024-11", "2025-01~", "from November 2024 to around January 2025"),
        ("2024-08-06~", "2024-08-06", "from around 6 August 2024 to 6 August 2024"),
    ],
)
def test_around_qualifies_only_the_ends_it_belongs_to(start, end, words):
    assert date_range(Date.parse(start), Date.parse(end)) == words


@pytest.mark.parametrize(
    "start, end, words",
    [
        ("2024-08-19T03:24", "2024-08-19T05:00", "19 August 2024, 03:24 to 05:00"),
        ("2024-08-19T03:24", "2024-08-19T05:00~", "19 August 2024, 03:24 to around 05:00"),
        ("2024-08-19T03:24~", "2024-08-19T05:00~", "around 19 August 2024, 03:24 to around 05:00"),
        ("2024-08-19T03:24~", "2024-08-19T05:00", "from around 19 August 2024, 03:24 to 05:00"),
        ("2024-08-19T03:24Z", "2024-08-19T05:00Z", "19 August 2024, 03:24 UTC to 05:00 UTC"),
        ("2024-08-19T03:24", "2024-08-20T01:00", "19 August 2024, 03:24 to 20 August 2024, 01:00"),
        ("2024-08-19T03:24", "2024-08-20", "19 August 2024, 03:24 to 20 August 2024"),
        ("2024-08-19", "2024-08-19T05:00", "19 August 2024 to 19 August 2024, 05:00"),
        ("2024-08-19T22:00~", "2024-08-20", "from around 19 August 2024, 22:00 to 20 August 2024"),
    ],
)
def test_a_span_with_a_time_of_day_is_joined_by_to(start, end, words):
    assert date_range(Date.parse(start), Date.parse(end)) == words


def test_the_timeline_heads_each_span_as_it_reads():
    headings = page(load_briefing(BRIEFINGS / "other"), "timeline.md").markdown.split("\n")
    assert (
        "## 10–14 July 2023: Emergency session of the Ostra Basin Commission {#obc-emergency-session}"
        in headings
    )
    assert (
        "## From around 12 October to December 2023: Varosia reports Qaddaran armour near the border "
        "{#armour-reported-near-border}"
    ) in headings


# The overview at a glance


def test_the_overview_opens_with_the_as_of_date_the_counts_and_the_latest_update():
    assert glance(page(load_briefing(ROOT / "content")).markdown) == [
        "*Who claims what about the deployment, and the Russia–North Korea mutual defence treaty*",
        "",
        "- Information as of **around November 2024**.",
        '- <span class="briefing-glance">Claims by status</span>',
        '    - [<span class="briefing-count briefing-count--unverified">10 unverified</span>](#claims_unverified)',
        '    - [<span class="briefing-count briefing-count--corroborated">1 corroborated</span>](#claims_corroborated)',
        '- <span class="briefing-glance">Latest update</span> **24 November 2026**: First edition, built from a '
        "single undated news report of around November 2024.",
        "",
    ]


def test_each_count_links_to_exactly_the_claims_of_its_status():
    briefing = load_briefing(BRIEFINGS / "other")
    markdown = page(briefing).markdown
    statuses = {claim.status for claim in briefing.claims}
    assert len(statuses) == len(ClaimStatus)  # every status is counted and listed here
    for status in ClaimStatus:
        expected = [claim.id for claim in briefing.claims if claim.status is status]
        count = re.search(rf">([\d,]+) {status.value}</span>\]\(#claims_{status.value}\)", markdown)
        assert count is not None and int(count.group(1)) == len(expected), status
        listed = markdown.split(f"{{ #claims_{status.value} }}\n\n", 1)[1].split("\n\n", 1)[0]
        assert re.findall(r"\]\(claims\.md#([a-z0-9-]+)\)", listed) == expected, status


def test_a_briefing_without_claims_or_updates_says_so_at_a_glance(tmp_path):
    briefing = load_briefing(write(tmp_path, {"claims/claim.yml": None}))
    markdown = page(briefing).markdown
    assert glance(markdown) == [
        "- Information as of **2024**.",
        '- <span class="briefing-glance">Claims</span> none yet',
        "",
    ]
    assert "Claims by status" not in markdown
    assert "{#briefing_updates}" not in markdown


UPDATES = """\
    title: A minimal briefing
    as_of: 2024-05
    summary: Nothing much.
    updates:
      - date: 2024-05-02
        text: Third edition, *written* above the second.
      - date: 2024-03
        text: Second edition.
      - date: 2024-01
        text: First edition.
    """


def test_the_latest_update_is_the_newest_by_date_and_leads_to_all_of_them(tmp_path):
    markdown = page(load_briefing(write(tmp_path, {"briefing.yml": UPDATES}))).markdown
    assert glance(markdown)[-2] == (
        '- <span class="briefing-glance">Latest update</span> **2 May 2024**: Third edition, <em>written</em> '
        "above the second.<br>[All 3 updates](#briefing_updates)"
    )
    assert (
        "## Updates {#briefing_updates}\n\n- **2 May 2024**: Third edition, <em>written</em> above the second.\n"
        "- **March 2024**: Second edition."
    ) in markdown


def test_with_editions_the_latest_update_links_to_what_it_changed():
    briefing, history = with_history(BRIEFINGS / "harbor", load_briefing)
    assert glance(page(briefing, history=history).markdown)[-2] == (
        '- <span class="briefing-glance">Latest update</span> **10 March 2025**: The laboratory confirms the '
        "leak; the operator acknowledges it; the fish-kill report is withdrawn. "
        "([what changed](changes.md#edition_3))<br>[All 3 updates](#briefing_updates)"
    )


def many_claims(folder: Path, count: int) -> Path:
    """A briefing of ``count`` claims in three topics, their statuses in turn."""
    statuses = ["unverified", "corroborated", "refuted", "unverified"]
    claims = "".join(
        f"- id: claim-{n}\n  title: Claim {n}\n  statement: Claim {n}.\n  topic: topic-{n % 3}\n"
        f"  status: {statuses[n % 4]}\n  stances: [{{actor: alpha, position: asserts, sources: [src]}}]\n"
        for n in range(count)
    )
    return write(folder, {"claims/claim.yml": claims})


def test_two_thousand_claims_are_counted_on_the_overview_and_listed_by_status_on_the_claims_page(tmp_path):
    briefing = load_briefing(many_claims(tmp_path, 2000))
    pages = {page.path: page.markdown for page in render_pages(briefing)}
    overview, index = pages["index.md"], pages["claims.md"]
    assert glance(overview)[1:5] == [
        '- <span class="briefing-glance">Claims by status</span>',
        '    - [<span class="briefing-count briefing-count--unverified">1,000 unverified</span>](claims.md#claims_unverified)',
        '    - [<span class="briefing-count briefing-count--corroborated">500 corroborated</span>](claims.md#claims_corroborated)',
        '    - [<span class="briefing-count briefing-count--refuted">500 refuted</span>](claims.md#claims_refuted)',
    ]
    assert "claim-" not in overview  # the counts, not the lists
    assert (
        "The 2,000 claims are listed by status on the [claims page](claims.md#claims_by_status)." in overview
    )
    for status, number in (
        ("unverified", "1,000 claims"),
        ("corroborated", "500 claims"),
        ("refuted", "500 claims"),
    ):
        listed = (
            index.split(f"**{number}**{{ #claims_{status} }}\n\n", 1)[1]
            .split("\n\n", 1)[0]
            .strip()
            .split("\n")
        )
        wanted = [claim for claim in briefing.claims if claim.status.value == status]
        assert len(listed) == len(wanted)
        first = wanted[0]
        topic = f"topic-{int(first.id.removeprefix('claim-')) % 3}"
        assert listed[0] == f"- [{first.title}](claims/{topic}.md#{first.id}){{ #{first.id} }} · {topic}"
    assert "- [topic-0](claims/topic-0.md){ #topic_topic_0 } (667 claims)" in index


# Actor pages


def status_on_actors_page(briefing, status: ClaimStatus) -> str:
    """A status's badge as the actors page writes it."""
    return term_badge(Links(briefing, page="actors.md"), status)


def test_an_actor_page_says_when_a_claim_the_actor_backed_was_refuted_or_superseded():
    briefing = load_briefing(BRIEFINGS / "other")
    lines = page(briefing, "actors.md").markdown.split("\n")
    refuted, superseded = (
        status_on_actors_page(briefing, s) for s in (ClaimStatus.REFUTED, ClaimStatus.SUPERSEDED)
    )
    assert (
        "- **asserts**: [A structural crack has opened in the dam's spillway](claims.md#spillway-crack); "
        f"the claim is {refuted}"
    ) in lines
    assert (
        "- **asserts**: [Ostra flow fell by more than 60% in the first weeks of filling]"
        f"(claims.md#flow-reduction-60-percent); the claim is {superseded} by "
        "[Ostra flow at the Qaddaran border gauge fell by about 40%](claims.md#downstream-flow-reduced)"
    ) in lines
    # those who denied the crack are not told it was refuted: they were right
    assert (
        "- **denies**: [A structural crack has opened in the dam's spillway](claims.md#spillway-crack)"
        in lines
    )


def test_an_actor_that_backed_a_claim_before_it_changed_its_position_is_still_told(tmp_path):
    claim = """\
        id: claim-one
        title: A claim
        statement: Something happened.
        status: refuted
        stances:
          - {actor: alpha, position: supports, date: 2024-01, sources: [src]}
          - {actor: alpha, position: neither, date: 2024-03, sources: [src]}
          - {actor: beta, position: hints, sources: [src]}
        """
    briefing = load_briefing(write(tmp_path, {"claims/claim.yml": claim}))
    markdown = page(briefing, "actors.md").markdown
    refuted = status_on_actors_page(briefing, ClaimStatus.REFUTED)
    assert (
        "- **neither confirms nor denies**: [A claim](claims.md#claim-one), [changed](claims.md#claim-one--alpha): "
        f"supports (January 2024) → neither confirms nor denies (March 2024); the claim is {refuted}"
    ) in markdown
    assert "- **hints at**: [A claim](claims.md#claim-one)\n" in markdown + "\n"


# The Kursk briefing says what its report says


@pytest.fixture(scope="module")
def kursk() -> Briefing:
    return load_briefing(ROOT / "content")


def test_the_bottom_line_attributes_what_the_briefing_rates_unverified(kursk):
    summary = " ".join(kursk.info.summary.split())
    assert (
        "The report says, in its own voice and without naming a source, that Russia has recaptured" in summary
    )
    assert kursk.entity("russia-recaptured-most-territory").status is ClaimStatus.UNVERIFIED
    assert "significant casualties" in summary
    assert "heavy" not in summary


def test_the_treaty_is_signed_and_its_ratification_only_reported(kursk):
    treaty = kursk.entity("russia-north-korea-mutual-defence-treaty")
    assert treaty.status.value == "signed"
    (ratification,) = treaty.ratifications
    assert "North Korean state media reported" in ratification.note
    partnership = kursk.entity("strategic-partnership")
    assert partnership.title == "Described as a strategic partnership"
    assert partnership.summary.startswith("The treaty was described as a strategic partnership")
    assert not any(term.interpretations for term in treaty.terms)  # Kim spoke of the treaty as a whole
    assert "the peaceful nature of the treaty as a whole" in " ".join(treaty.description.split())


def test_every_inferred_date_says_it_is_one(kursk):
    for event in kursk.events:
        assert event.date.approximate
        assert "inference" in event.description, event.id
    assert "this briefing's inference, not the report's" in " ".join(
        kursk.entity("kursk-report").notes.split()
    )
