"""Names of and links to the briefing's entities, and the small pieces every page is built from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, cast

from generator import dialect, render_reads
from generator import render_text as md
from generator.addresses import relative, share_path, url_of
from generator.model import (
    Actor,
    AnyEntity,
    Briefing,
    BriefingInfo,
    Citation,
    Claim,
    Event,
    Question,
    Source,
    Stance,
    Term,
    Treaty,
)
from generator.render_layout import Citing, Layout
from generator.render_reads import Reads
from generator.vocabulary import (
    ClaimStatus,
)

T = TypeVar("T")
E = TypeVar("E", Source, Actor, Claim, Treaty, Question, Event)

SHARE = "Link to share this claim"
"""The words of the link to a claim's own page, which previews it where the link is shared."""


class Links:
    """Names and links for the briefing's entities, as seen from one page; and the briefing, as it reads it.

    A page reads the briefing and its layout only through these, each read recorded in ``reads``, so that
    the page need not be written again while they give the same (``render_reads``).
    """

    def __init__(self, briefing: Briefing, layout: Layout | None = None, page: str = "index.md") -> None:
        self._briefing = briefing
        self._layout = layout or Layout(briefing)
        self.up = "../" * page.count("/")  # the page's links are relative to the page, for any engine
        self.address = url_of(page, self._layout.directory_urls)
        """The page's address on the built site, for links written as raw HTML, which no engine rewrites."""
        self.path = page
        """The page's path among the site's pages."""
        self.reads: Reads = {}
        """What the page read of the briefing and its layout, with what each read gave."""
        self._notes: dict[Citation, int] = {}

    def _read(self, read: Callable[..., T], *arguments: str) -> T:
        value = read(self._briefing, self._layout, *arguments)
        self.reads[read, arguments] = value
        return value

    @property
    def info(self) -> BriefingInfo:
        """The briefing's own facts: title, as-of date, bottom line, authors, updates..."""
        return self._read(render_reads.info)

    @property
    def sources(self) -> Sequence[Source]:
        """The briefing's sources, in the order written."""
        return cast("Sequence[Source]", self._read(render_reads.every, "sources"))

    @property
    def actors(self) -> Sequence[Actor]:
        """The briefing's actors, in the order written."""
        return cast("Sequence[Actor]", self._read(render_reads.every, "actors"))

    @property
    def claims(self) -> Sequence[Claim]:
        """The briefing's claims, in the order written."""
        return cast("Sequence[Claim]", self._read(render_reads.every, "claims"))

    @property
    def treaties(self) -> Sequence[Treaty]:
        """The briefing's treaties, in the order written."""
        return cast("Sequence[Treaty]", self._read(render_reads.every, "treaties"))

    @property
    def questions(self) -> Sequence[Question]:
        """The briefing's questions, in the order written."""
        return cast("Sequence[Question]", self._read(render_reads.every, "questions"))

    @property
    def events(self) -> Sequence[Event]:
        """The events in date order, as the timeline lists them."""
        return self._read(render_reads.events)

    def has(self, category: str) -> bool:
        """Whether a category (``claims``) has any entities."""
        return self._read(render_reads.has, category)

    def count(self, category: str) -> int:
        """How many entities a category (``claims``) has."""
        return self._read(render_reads.count, category)

    def entity(self, id: str) -> AnyEntity:
        """The entity with that id."""
        entity = self.find(id)
        if entity is None:
            raise KeyError(id)
        return entity

    def find(self, id: str) -> AnyEntity | None:
        """The entity with that id, or None when the briefing has none."""
        return self._read(render_reads.found, id)

    @property
    def topics(self) -> dict[str, tuple[str, list[Claim]]]:
        """The topics' pages, by path: each topic's name and claims (none while claims fit on one page)."""
        return self._read(render_reads.topics)

    @property
    def status_page(self) -> dict[ClaimStatus, str]:
        """Where each status's claims begin on the claims page, when claims have a page per topic."""
        return self._read(render_reads.status_page)

    def part(self, path: str) -> tuple[str, int, int]:
        """The first page of the pages a page is one of, its number among them and their count."""
        return self._read(render_reads.part, path)

    def parts(self, path: str) -> list[str]:
        """The pages a page's entities are spread over (itself alone, when they fit), by the first's path."""
        return self._read(render_reads.parts, path) or [path]

    def stances(self, actor: str) -> list[tuple[Claim, tuple[Stance, ...]]]:
        """Each claim an actor takes a stance on, with its stances over time."""
        return self._read(render_reads.stances, actor)

    def supersedes(self, claim: str) -> list[str]:
        """The claims a claim supersedes."""
        return self._read(render_reads.supersedes, claim)

    def citing(self, source: str) -> list[Citing]:
        """Everything citing a source, by what part of it, in the order the Sources page lists them."""
        return self._read(render_reads.citing, source)

    def claims_here(self) -> list[Claim]:
        """The claims this page shows."""
        return self._read(render_reads.claims_on, self.path)

    def members(self, actor: str) -> list[str]:
        """The actors part of an actor."""
        return self._read(render_reads.members, actor)

    def place(self, actor: str) -> int:
        """An actor's place among the actors, as written."""
        place = self._read(render_reads.place, actor)
        if place is None:
            raise KeyError(actor)
        return place

    def stance_takers(self) -> int:
        """How many actors take a stance on any claim."""
        return self._read(render_reads.stance_takers)

    def status_counts(self) -> Counter[ClaimStatus]:
        """How many claims each status has."""
        return self._read(render_reads.status_counts)

    def topic_sizes(self) -> list[tuple[str, str, int]]:
        """Each topic's page, name and number of claims (none while claims fit on one page)."""
        return self._read(render_reads.topic_sizes)

    def shown_of(self, kind: type[E]) -> Sequence[E]:
        """Those entities of a kind (``Claim``) this page shows: all, unless spread over several pages."""
        shown = self._read(render_reads.shown, self.path)
        if shown is None:
            shown = self.events if kind is Event else self._read(render_reads.every, kind.CATEGORY.plural)
        return cast("Sequence[E]", shown)

    def shown(self, entities: Sequence[T]) -> Sequence[T]:
        """Those of a category's entities this page shows: all, unless they are spread over several pages."""
        shown = self._read(render_reads.shown, self.path)
        return entities if shown is None else cast("Sequence[T]", shown)

    @property
    def first_part(self) -> bool:
        """Whether the page is the first (or only) page of its entities: what is said once goes there."""
        return self.part(self.path)[1] == 1

    def _page_of(self, id: str) -> str:
        page: str | None = self._read(render_reads.page_of, id)
        if page is None:
            raise KeyError(id)
        return page

    def url(self, id: str) -> str:
        """Where an entity is, from this page."""
        return f"{self.up}{self._page_of(id)}#{id}"

    def raw_url(self, id: str) -> str:
        """Where an entity is, from this page, as raw HTML needs it: by its address on the built site."""
        page = self._page_of(id)
        if page == self.path:
            return f"#{id}"
        return f"{relative(url_of(page, self._layout.directory_urls), self.address)}#{id}"

    def page_url(self, path: str) -> str:
        """Where a page is, from this page."""
        return f"{self.up}{path}"

    def heading(self, level: int, text: str, entity: AnyEntity) -> str:
        """An entity's heading (its text already Markdown), then a link to edit its file, if it has one."""
        written = dialect.heading(level, text, entity.id)
        found = self._layout.edit(entity.origin) if self._layout.edit else None
        if found is None:
            return written
        url, path = found
        where = f"{path}, line {entity.origin.line}"
        return f"{written}\n\n" + dialect.action(
            "briefing-edit", md.attribute(url), "Edit", f"Edit {md.attribute(where)}"
        )

    def share(self, claim: Claim) -> str:
        """The link to a claim's own address, which previews the claim where the link is shared."""
        href = relative(url_of(share_path(claim.id)), self.address)
        return dialect.action("briefing-share", md.attribute(href), SHARE)

    def stance_url(self, claim: str, anchor: str) -> str:
        """Where one of a claim's stances is, by its anchor."""
        return f"{self.url(claim).split('#')[0]}#{anchor}"

    def to(self, id: str, label: str | None = None) -> str:
        """A link to an entity, labelled with its name unless given a label (Markdown)."""
        shown = label if label is not None else md.plain(name(self.entity(id)))
        return dialect.link(shown, self.url(id))

    def all(self, ids: Iterable[str]) -> str:
        """Links to several entities, separated by commas."""
        return ", ".join(self.to(id) for id in ids)

    def name_or_link(self, text: str) -> str:
        """An actor's link when the text is an actor's id, otherwise the text itself."""
        entity = self.find(text)
        return self.to(text) if isinstance(entity, Actor) else md.plain(text)

    def citations(self, citations: Iterable[Citation]) -> str:
        """Citations in words, for a list of sources (Markdown): each source linked by its title.

        Each source once, followed by each of its citations' locators; a citation whose note shows more
        (a quote or a link to the passage) carries its note's marker. Sources are separated by semicolons:
        "[Report](sources.md#report), paragraph 2[^1], paragraph 5[^2]; [Statement](sources.md#statement)".
        """
        by_source: dict[str, list[Citation]] = {}
        for citation in dict.fromkeys(citations):
            by_source.setdefault(citation.source, []).append(citation)
        return "; ".join(
            self.to(source) + "".join(self._cited_at(citation) for citation in cited)
            for source, cited in by_source.items()
        )

    def _cited_at(self, citation: Citation) -> str:
        """A citation's locator after its source's title, and its note's marker when the note shows more."""
        locator = f", {md.plain(citation.locator)}" if citation.locator else ""
        return locator + (self.markers([citation]) if citation.quote or citation.url else "")

    def markers(self, citations: Iterable[Citation]) -> str:
        """Note markers for citations (``[^1][^2]``); the same citation on a page is the same note."""
        return "".join(
            dialect.note_marker(self._notes.setdefault(citation, len(self._notes) + 1))
            for citation in citations
        )

    def notes(self) -> str:
        """The page's notes, in the order first cited (Markdown footnote definitions)."""
        return "\n".join(
            dialect.note(number, self.citation(citation)) for citation, number in self._notes.items()
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


def sourced(text: str, links: Links, citations: Iterable[Citation]) -> str:
    """Text followed by the note markers of its sources: each note names the source, with any quote."""
    return text + links.markers(citations)
