"""The terms a reader meets (statuses, positions, grades...), each linked to its definition on the guide."""

from __future__ import annotations

from generator import dialect
from generator import render_text as md
from generator.render_links import Links
from generator.vocabulary import (
    ClaimStatus,
    Confidence,
    Likelihood,
    Position,
    QuestionStatus,
    Reliability,
    TreatyStatus,
)

POSITION_WORDS = {
    Position.ASSERTS: "asserts",
    Position.SUPPORTS: "supports",
    Position.HINTS: "hints at",
    Position.NEITHER: "neither confirms nor denies",
    Position.DECLINES: "declines to confirm",
    Position.DISPUTES: "disputes",
    Position.DENIES: "denies",
}
"""Each position as a verb phrase: "the ministry *hints at* the claim"."""


GUIDE_PAGE = "guide.md"
"""The page that defines each term a reader meets: statuses, positions, likelihood, confidence, grades."""

GuideTerm = ClaimStatus | Position | Likelihood | Confidence | Reliability | TreatyStatus | QuestionStatus
"""A value of the vocabulary that the guide defines."""

TERM_KINDS: dict[type[GuideTerm], tuple[str, str]] = {
    ClaimStatus: ("status", "Status"),
    Position: ("position", "Position"),
    Likelihood: ("likelihood", "Likelihood"),
    Confidence: ("confidence", "Confidence"),
    Reliability: ("grade", "Reliability"),
    TreatyStatus: ("treaty-status", "Treaty status"),
    QuestionStatus: ("question-status", "Question status"),
}
"""Each kind of term: the first part of its anchors on the guide (``status_corroborated``), and its name."""


def term_anchor(term: GuideTerm) -> str:
    """Where the guide defines a term: its kind and value (``status_corroborated``, ``grade_B``)."""
    return f"{TERM_KINDS[type(term)][0]}_{term.value}"


def term_url(links: Links, term: GuideTerm) -> str:
    """Where a term is defined, from the page of ``links`` (``guide.md#position_asserts``)."""
    return f"{links.page_url(GUIDE_PAGE)}#{term_anchor(term)}"


def term_words(term: GuideTerm) -> str:
    """A term as a reader reads it: "in force", "partly answered", "almost no chance", "B"."""
    return str(term.value).replace("-", " ")


def term_link(links: Links, term: GuideTerm, label: str, definition: str) -> str:
    """A term's label (Markdown) linked to its definition on the guide, which its title gives on hover.

    Positions are defined in the stance matrix's words (``render_matrix.MEANINGS``); every other kind of
    term has its ``definition`` in the vocabulary.
    """
    return dialect.link(dialect.span("briefing-term", label, md.attribute(definition)), term_url(links, term))


def term_badge(links: Links, term: ClaimStatus | TreatyStatus | QuestionStatus) -> str:
    """A status as a badge: its words, linked to its definition, which shows on hover and keyboard focus.

    A screen reader names it with its kind ("Status: corroborated"); colour and outline only repeat the words.
    """
    name = TERM_KINDS[type(term)][1]
    kind = dialect.span("briefing-term__kind", f"{name}: ")
    classes = f"briefing-status briefing-status--{term.value} briefing-term"
    badge = dialect.span(classes, kind + md.plain(term_words(term)), md.attribute(term.definition))
    return dialect.link(badge, term_url(links, term))
