"""Every term explained: "How to read this briefing" defines each term, and each badge says what it means."""

from __future__ import annotations

import re

import pytest
from generator import load_briefing
from generator.dialect import convert
from generator.render import PAGES, render_pages
from generator.render_layout import Layout
from generator.render_links import Links
from generator.render_matrix import MEANINGS
from generator.render_terms import term_badge, term_link, term_url
from generator.vocabulary import (
    ClaimStatus,
    Confidence,
    Likelihood,
    Position,
    QuestionStatus,
    Reliability,
    TreatyStatus,
)

from conftest import BRIEFINGS, ROOT

GOLDEN = ROOT / "tests" / "golden" / "small" / "content"
KINDS = {
    "status": ClaimStatus,
    "position": Position,
    "likelihood": Likelihood,
    "confidence": Confidence,
    "grade": Reliability,
    "treaty-status": TreatyStatus,
    "question-status": QuestionStatus,
}


def pages_of(folder):
    return {page.path: page.markdown for page in render_pages(load_briefing(folder))}


def definition(value):
    return (
        MEANINGS[value][:1].upper() + MEANINGS[value][1:] + "."
        if isinstance(value, Position)
        else value.definition
    )


def test_the_guide_follows_the_sources_page_in_the_navigation():
    paths = [path for path, _ in PAGES]
    assert paths.index("guide.md") == paths.index("sources.md") + 1
    assert dict(PAGES)["guide.md"] == "How to read this briefing"


@pytest.mark.parametrize("kind", KINDS)
def test_the_guide_defines_every_value_at_its_anchor(kind):
    converted = convert(pages_of(GOLDEN)["guide.md"])
    items = dict(re.findall(r'<li><strong id="([^"]+)">.*?</strong>: (.*?)</li>', converted.html))
    for value in KINDS[kind]:
        assert items.pop(f"{kind}_{value.value}") == definition(value)
    assert not [anchor for anchor in items if anchor.startswith(f"{kind}_")]


def test_the_guide_explains_who_sets_a_status_and_how_it_differs_from_the_assessment():
    guide = pages_of(GOLDEN)["guide.md"]
    assert (
        "Its status is set by the briefing's authors (Desk A, Ana Núñez), from the sources and evidence "
        in guide
    )
    headings = re.findall(r"^## (.*) \{#(\w+)\}$", guide, re.MULTILINE)
    assert headings[:2] == [
        ("How claims are verified", "how_claims_are_verified"),
        ("Status and assessment", "status_and_assessment"),
    ]
    assert "- The status says how far the reported claim is verified by the sources cited" in guide
    assert "- The assessment, which some claims have, is the briefing's own judgment" in guide


def test_a_status_badge_is_its_words_linked_to_its_definition():
    links = Links(load_briefing(GOLDEN), page="claims.md")
    assert term_badge(links, ClaimStatus.CORROBORATED) == (
        '[<span class="briefing-status briefing-status--corroborated briefing-term" title="Independent sources '
        'or evidence back it, though not enough to establish it beyond doubt."><span class="briefing-term__kind">'
        "Status: </span>corroborated</span>](guide.md#status_corroborated)"
    )
    assert term_badge(links, TreatyStatus.IN_FORCE) == (
        '[<span class="briefing-status briefing-status--in-force briefing-term" title="It binds its parties: '
        'ratified, and past the date or condition on which it takes effect."><span class="briefing-term__kind">'
        "Treaty status: </span>in force</span>](guide.md#treaty-status_in-force)"
    )
    assert "Question status: </span>partly answered</span>](guide.md#question-status_partly-answered)" in (
        term_badge(links, QuestionStatus.PARTLY_ANSWERED)
    )


def test_a_term_links_to_the_guide_from_any_page():
    briefing = load_briefing(GOLDEN)
    topic_page = Links(briefing, Layout(briefing), "claims/access.md")
    assert term_url(topic_page, Position.ASSERTS) == "../guide.md#position_asserts"
    assert term_url(topic_page, Reliability.B) == "../guide.md#grade_B"
    assert term_link(topic_page, Position.DENIES, "✕ denies", MEANINGS[Position.DENIES]) == (
        '[<span class="briefing-term" title="denies it">✕ denies</span>](../guide.md#position_denies)'
    )


def test_each_badge_on_the_claims_treaties_and_questions_pages_links_to_its_definition():
    pages = pages_of(BRIEFINGS / "other")
    for path, kind, values in [
        ("claims.md", "status", ClaimStatus),
        ("treaties.md", "treaty-status", TreatyStatus),
        ("questions.md", "question-status", QuestionStatus),
    ]:
        shown = re.findall(rf"\]\(guide\.md#{kind}_([a-z-]+)\)", pages[path])
        assert shown and set(shown) <= {value.value for value in values}
        assert len(shown) == pages[path].count('class="briefing-status '), path
        assert "-" not in "".join(re.findall(r"</span>([^<]*)</span>\]\(guide", pages[path])), path


def test_the_briefings_assessment_is_set_apart_and_headed_as_its_own(briefing, tmp_path):
    assessed = """\
        id: claim-one
        title: A claim
        statement: Something happened.
        status: unverified
        stances:
          - actor: alpha
            position: asserts
            sources: [src]
        assessment:
          likelihood: likely
          confidence: moderate
          rationale: |
            The first reason.

            The second reason.
        """
    assert briefing({"claims/claim.yml": assessed}).code == 0
    claims = pages_of(tmp_path / "content")["claims.md"]
    likely = Likelihood.LIKELY.definition
    moderate = Confidence.MODERATE.definition
    assert (
        '<span class="briefing-assessment">The briefing\'s assessment:</span> '
        f'[<span class="briefing-term" title="{likely}">likely</span>](guide.md#likelihood_likely) '
        f'([<span class="briefing-term" title="{moderate}">moderate confidence</span>]'
        "(guide.md#confidence_moderate)). The first reason.\n\n"
        '<span class="briefing-assessment briefing-assessment--more"></span>The second reason.\n'
    ) in claims
    assert "Our assessment" not in claims


def test_an_assessment_with_confidence_alone_says_so(briefing, tmp_path):
    assessed = """\
        id: claim-one
        title: A claim
        statement: Something happened.
        status: unverified
        stances:
          - actor: alpha
            position: asserts
            sources: [src]
        assessment:
          confidence: high
        """
    assert briefing({"claims/claim.yml": assessed}).code == 0
    claims = pages_of(tmp_path / "content")["claims.md"]
    assert re.search(
        r"assessment:</span> held with \[.*>high confidence</span>\]\(guide\.md#confidence_high\)\.\n", claims
    )
