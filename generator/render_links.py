"""Names of and links to the briefing's entities, and the small pieces every page is built from."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from generator import render_text as md
from generator.errors import Location
from generator.model import (
    Actor,
    AnyEntity,
    Briefing,
    Citation,
    Claim,
    Event,
    Question,
    Source,
    Term,
    Treaty,
)

T = TypeVar("T")

PAGE_OF: dict[type, str] = {
    Claim: "claims.md",
    Actor: "actors.md",
    Treaty: "treaties.md",
    Term: "treaties.md",
    Question: "questions.md",
    Event: "timeline.md",
    Source: "sources.md",
}
"""The page each kind of entity is shown on, while its category fits on one page."""

EditUrl = Callable[[Location], tuple[str, str] | None]
"""Gives where the file of a place in the content is edited, and its path in the repository, if it has one."""
CLAIMS_PER_PAGE = 150
"""Above this many claims, claims move to a page per topic and the claims page becomes their index."""


class Layout:
    """Which page each entity is on: one page a category, and a page a topic for many claims."""

    def __init__(self, briefing: Briefing, edit: EditUrl | None = None) -> None:
        self.edit = edit
        """Where each entity's file can be edited, when the site knows its repository."""
        self.topics: dict[str, tuple[str, list[Claim]]] = {}
        """The topic pages, by path: each topic's name and claims (empty while claims fit on one page)."""
        if len(briefing.claims) > CLAIMS_PER_PAGE:
            for claim in briefing.claims:
                path = f"claims/{topic_slug(claim.topic)}.md"
                self.topics.setdefault(path, (claim.topic or "Other claims", []))[1].append(claim)
        self.page_of = {claim.id: path for path, (_, claims) in self.topics.items() for claim in claims}

    def page(self, entity: AnyEntity) -> str:
        """The page an entity is on."""
        return self.page_of.get(entity.id) or PAGE_OF[type(entity)]


def topic_slug(topic: str | None) -> str:
    """A topic as part of a page's path: its words in lower-case ASCII letters and digits, hyphenated."""
    slug = re.sub(r"[^a-z0-9]+", "-", (topic or "").lower()).strip("-")
    return slug or "other"


class Links:
    """Names and links for the briefing's entities, as seen from one page."""

    def __init__(self, briefing: Briefing, layout: Layout | None = None, page: str = "index.md") -> None:
        self.briefing = briefing
        self.layout = layout or Layout(briefing)
        self.up = "../" * page.count("/")  # the page's links are relative to the page, for any engine
        self._notes: dict[Citation, int] = {}

    def url(self, id: str) -> str:
        """Where an entity is, from this page."""
        return f"{self.up}{self.layout.page(self.briefing.entity(id))}#{id}"

    def page_url(self, path: str) -> str:
        """Where a page is, from this page."""
        return f"{self.up}{path}"

    def heading(self, level: int, text: str, entity: AnyEntity) -> str:
        """An entity's heading (its text already Markdown), then a link to edit its file, if it has one."""
        written = heading(level, text, entity.id)
        found = self.layout.edit(entity.origin) if self.layout.edit else None
        if found is None:
            return written
        url, path = found
        where = f"{path}, line {entity.origin.line}"
        return (
            f'{written}\n\n<a class="briefing-edit" href="{md.attribute(url)}" '
            f'title="Edit {md.attribute(where)}" data-search-exclude="">Edit</a>'
        )

    def stance_url(self, claim: str, anchor: str) -> str:
        """Where one of a claim's stances is, by its anchor."""
        return f"{self.url(claim).split('#')[0]}#{anchor}"

    def to(self, id: str, label: str | None = None) -> str:
        """A link to an entity, labelled with its name unless given a label (Markdown)."""
        return f"[{label if label is not None else md.plain(name(self.briefing.entity(id)))}]({self.url(id)})"

    def all(self, ids: Iterable[str]) -> str:
        """Links to several entities, separated by commas."""
        return ", ".join(self.to(id) for id in ids)

    def name_or_link(self, text: str) -> str:
        """An actor's link when the text is an actor's id, otherwise the text itself."""
        entity = self.briefing.index.get(text)
        return self.to(text) if isinstance(entity, Actor) else md.plain(text)

    def citations(self, citations: Iterable[Citation]) -> str:
        """Note markers for citations (``[^1][^2]``); the same citation on a page is the same note."""
        return "".join(
            f"[^{self._notes.setdefault(citation, len(self._notes) + 1)}]" for citation in citations
        )

    def notes(self) -> str:
        """The page's notes, in the order first cited (Markdown footnote definitions)."""
        return "\n".join(
            f"[^{number}]: {self.citation(citation)}" for citation, number in self._notes.items()
        )

    def citation(self, citation: Citation) -> str:
        """One citation in words (Markdown): the source linked, with any locator, quote and link."""
        parts = [self.to(citation.source)]
        if citation.locator:
            parts.append(f", {md.plain(citation.locator)}")
        if citation.quote:
            parts.append(f": “{md.plain(citation.quote)}”")
        if citation.url:
            parts.append(f" ({md.link('link', citation.url)})")
        return "".join(parts)


def name(entity: AnyEntity) -> str:
    """What an entity is called (plain text)."""
    if isinstance(entity, Actor | Treaty):
        return entity.name
    if isinstance(entity, Question):
        return entity.question
    if isinstance(entity, Term):
        return entity.title or entity.article or entity.id
    return entity.title


def sections(items: Sequence[T], write: Callable[[T], str], none: str) -> str:
    """Each item's section, one after another, or a line saying that the briefing has none."""
    return "\n".join(write(item) for item in items) if items else f"This briefing has no {none} yet."


def heading(level: int, text: str, id: str) -> str:
    """A heading (its text already Markdown) anchored at an id."""
    return f"{'#' * level} {text} {{#{id}}}"


def status_badge(status: str, label: str) -> str:
    """A status shown as a badge, readable without its colour."""
    return f'<span class="briefing-status briefing-status--{status}">{md.plain(label)}</span>'


def sourced(text: str, links: Links, citations: Iterable[Citation]) -> str:
    """Text followed by the note markers of its sources."""
    return text + links.citations(citations)
