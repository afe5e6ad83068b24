"""The page "How to read this briefing": what each status, position, likelihood, confidence and grade means.

Each term is anchored at its kind and value (``status_corroborated``, ``position_asserts``, ``grade_B``:
``render_terms.term_anchor``), so that every badge and linked term on the other pages leads to its
definition. The definitions are the vocabulary's (``generator.vocabulary``), positions' the stance matrix's
(``render_matrix.MEANINGS``): the words a reader hovers over and the words here are the same.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import render_text as md
from generator.dialect import anchored, bullet, heading, span, strong
from generator.render_entities import ASSESSMENT_LABEL
from generator.render_links import Links
from generator.render_matrix import MEANINGS, position_label
from generator.render_terms import GuideTerm, term_anchor, term_words
from generator.vocabulary import (
    ClaimStatus,
    Confidence,
    Likelihood,
    Position,
    QuestionStatus,
    Reliability,
    TreatyStatus,
)

SECTIONS = {
    "how_claims_are_verified": "How claims are verified",
    "status_and_assessment": "Status and assessment",
    "claim_statuses": "Claim statuses",
    "stance_positions": "Positions",
    "assessment_likelihood": "Likelihood",
    "assessment_confidence": "Confidence",
    "source_grades": "Source reliability",
    "treaty_statuses": "Treaty statuses",
    "question_statuses": "Question statuses",
    "dates_and_notes": "Dates and notes",
}
"""The guide's sections, by anchor, in order."""


def guide(links: Links) -> str:
    """The guide: how claims are verified, status against assessment, then every term, defined."""
    stances, sources = links.page_url("stances.md"), links.page_url("sources.md")
    parts = [
        "The pages of this briefing use a few terms with a fixed meaning, defined here. Wherever one "
        "appears, hover over it or reach it with the keyboard to read its definition, and follow it (or tap "
        "it) to come here.",
        _section("how_claims_are_verified", _verification(links)),
        _section("status_and_assessment", STATUS_AND_ASSESSMENT),
        _section("claim_statuses", _statuses(ClaimStatus)),
        _section("stance_positions", POSITIONS.format(stances=stances) + "\n\n" + _positions()),
        _section("assessment_likelihood", LIKELIHOOD + "\n\n" + _likelihoods()),
        _section("assessment_confidence", CONFIDENCE + "\n\n" + _confidences()),
        _section("source_grades", GRADES.format(sources=sources) + "\n\n" + _grades()),
        _section("treaty_statuses", _statuses(TreatyStatus)),
        _section("question_statuses", _statuses(QuestionStatus)),
        _section("dates_and_notes", DATES_AND_NOTES),
    ]
    return "\n\n".join(parts)


def _section(anchor: str, body: str) -> str:
    return f"{heading(2, SECTIONS[anchor], anchor)}\n\n{body}"


def _verification(links: Links) -> str:
    """How a status is set, and by whom: the briefing's authors, named when the briefing names them."""
    authors = links.info.authors
    who = f"the briefing's authors ({md.plain(', '.join(authors))})" if authors else "the briefing's authors"
    return (
        "A claim is something reported about the story, stated neutrally, with the sources that report it. "
        f"Its status is set by {who}, from the sources and evidence cited with it: how far independent "
        "sources and evidence bear the claim out, whoever makes it. Where they say why, the claim's "
        "“Why” note gives their reasons.\n\n"
        "What the actors say is kept apart from the status: each actor's public position on a claim is its "
        f"stance, shown with the claim and in the [stance matrix]({links.page_url('stances.md')}). A status "
        "weighs those statements as evidence among the rest: the actors' positions are not a vote. A status "
        "changes when the sources do; the as-of date says how recent they are."
    )


STATUS_AND_ASSESSMENT = (
    "A claim's **status** and the briefing's **assessment** answer two different questions.\n\n"
    "- The status says how far the reported claim is verified by the sources cited: a matter of record, "
    "shown as a badge beside the claim.\n"
    "- The assessment, which some claims have, is the briefing's own judgment: how likely its authors "
    "think the claim is to be true (its likelihood), how much confidence they have in that judgment, and "
    f"why. It is headed “{ASSESSMENT_LABEL.rstrip(':')}” and set apart from the reported material.\n\n"
    "So a claim can be unverified and still be judged likely, when the sources do not yet establish it but "
    "what is known points that way. Likelihood and confidence are separate too: a judgment of "
    "“likely” made on thin information is held with low confidence."
)
"""What tells a claim's status from the briefing's assessment of it (Markdown)."""

POSITIONS = (
    "A stance is an actor's public position on a claim, as its sources report it. Each position has a "
    "symbol of its own shape, so the [stance matrix]({stances}) reads in greyscale and in print."
)
"""What a stance is (Markdown, given the stance matrix's address)."""

LIKELIHOOD = (
    "The briefing's assessment of a claim says in words how likely it is to be true, on a fixed scale of "
    "estimative language, each word standing for a range of probability."
)
"""What a likelihood is (Markdown)."""

CONFIDENCE = (
    "Confidence is how much the briefing trusts its own judgment, given the quality and amount of "
    "information behind it. It is not a probability: a judgment can be “likely” with low confidence."
)
"""What a confidence is (Markdown)."""

GRADES = (
    "The [sources]({sources}) may be graded for reliability on the Admiralty scale, from A to F. The grade "
    "judges the source as a whole, from its record and its access, not each thing it says: a usually "
    "reliable source can still be wrong, and an unreliable one right."
)
"""What a source's grade is (Markdown, given the Sources page's address)."""

DATES_AND_NOTES = (
    "Dates are shown at the precision known: “August 2024” is some day in that month, and "
    "“around” marks a date known only approximately. A span is written from one date to another. "
    "A small raised number leads to a note at the foot of the page, which names the source of what it "
    "follows, with the passage cited where there is one."
)
"""How dates and notes read (Markdown)."""


def _item(term: GuideTerm, shown: str, definition: str) -> str:
    """One term: as the pages show it (Markdown), anchored where its links lead, then its definition."""
    return bullet(f"{anchored(strong(shown), term_anchor(term))}: {md.plain(definition)}")


def _badge(status: ClaimStatus | TreatyStatus | QuestionStatus) -> str:
    """A status as its badge shows it, without the link: the link leads here."""
    words = md.plain(term_words(status))
    return span(f"briefing-status briefing-status--{status.value}", words)


def _statuses(statuses: Iterable[ClaimStatus | TreatyStatus | QuestionStatus]) -> str:
    """Each status with its badge, anchored, and its definition."""
    return "\n".join(_item(status, _badge(status), status.definition) for status in statuses)


def _positions() -> str:
    """Each position with its symbol and word, as the stance matrix shows it, and its meaning."""
    return "\n".join(
        _item(position, position_label(position), md.capitalised(MEANINGS[position]) + ".")
        for position in Position
    )


def _likelihoods() -> str:
    return "\n".join(_item(value, md.plain(term_words(value)), value.definition) for value in Likelihood)


def _confidences() -> str:
    return "\n".join(
        _item(value, md.plain(f"{term_words(value)} confidence"), value.definition) for value in Confidence
    )


def _grades() -> str:
    return "\n".join(
        _item(grade, md.plain(f"{grade.value}, {grade.words}"), grade.definition) for grade in Reliability
    )
