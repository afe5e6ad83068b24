"""Names of and links to the briefing's entities, and the small pieces every page is built from."""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar, cast

from generator import dialect, render_reads
from generator import render_text as md
from generator.addresses import relative, share_path, url_of
from generator.errors import Location
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
from generator.render_reads import Citing, Reads, Referrers
from generator.vocabulary import (
    ClaimStatus,
)

T = TypeVar("T")
E = TypeVar("E", Source, Actor, Claim, Treaty, Question, Event)

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
PER_PAGE: dict[str, int] = {
    "claims": 60,
    "claims.md": 2000,
    "actors.md": 90,
    "treaties.md": 50,
    "questions.md": 200,
    "timeline.md": 250,
    "sources.md": 40,
}
"""How many entities one page shows at most (``claims``: a topic's page), so that a page's HTML stays under
about 400 KB however large the briefing: beyond, they are shown over several pages, the first at the page's
own address and the others after it (``actors/2.md``). A treaty is shown with its terms. ``claims.md``: the
claims listed by status on the claims page, when claims have a page per topic (further pages under
``STATUS_PAGES``)."""
STATUS_PAGES = "claims/by-status"
"""Where the claims page's further pages are, when it lists too many claims by status for one page."""


NO_TOPIC = "other"
"""The last part of the path of the claims without a topic: no topic's page takes it."""
NO_TOPIC_PAGE = f"claims/{NO_TOPIC}.md"
"""The page of the claims without a topic."""
NO_TOPIC_NAME = "Without a topic"
"""How the claims page and the stance matrix page list the claims without a topic."""
TOPIC_HASH_LENGTH = 8
"""How many hexadecimal digits of a topic's hash follow its words, when its words alone do not spell it."""
_MAX_WORDS = 48  # characters of a topic's words in its path: at most 192 bytes, well inside a name's 255
_WINDOWS_DEVICES = [
    "con",
    "prn",
    "aux",
    "nul",
    *(f"{name}{n}" for name in ("com", "lpt") for n in range(1, 10)),
]
_RESERVED = frozenset(["index", "readme", STATUS_PAGES.removeprefix("claims/"), *_WINDOWS_DEVICES])
"""Words no topic's page may be named by alone: MkDocs makes index and readme the claims folder's own page
(``claims/``, the claims page's address), the claims page's further pages take ``by-status``, and Windows can
create no file or folder of a device's name."""


class Layout:
    """Which page each entity is on: one page a category, and a page a topic for many claims.

    Topics are told apart exactly as written: "Water flow", "water flow" and "water-flow" are three topics
    with three pages. A page's title shows its topic as written, so merging them would have to choose one
    spelling by the order of the files; and the claims page lists all three, where the author sees the
    difference and can write them alike.
    """

    def __init__(self, briefing: Briefing, edit: EditUrl | None = None, directory_urls: bool = True) -> None:
        self._briefing = briefing
        self.edit = edit
        """Where each entity's file can be edited, when the site knows its repository."""
        self.directory_urls = directory_urls
        """Whether ``claims.md`` is served at ``claims/`` (or at ``claims.html``): for links in raw HTML."""
        self.topics: dict[str, tuple[str, list[Claim]]] = {}
        """The topic pages, by path: each topic's name and claims (empty while claims fit on one page)."""
        if len(briefing.claims) > CLAIMS_PER_PAGE:
            paths = topic_paths({claim.topic for claim in briefing.claims})
            for claim in briefing.claims:
                name = NO_TOPIC_NAME if claim.topic is None else claim.topic
                self.topics.setdefault(paths[claim.topic], (name, []))[1].append(claim)
        self.page_of = {claim.id: path for path, (_, claims) in self.topics.items() for claim in claims}
        self.parts: dict[str, list[str]] = {}
        """The pages a page's entities are spread over, when too many for one, by the first page's path."""
        self.shown: dict[str, Sequence[AnyEntity]] = {}
        """The entities each of those pages shows, by its path."""
        self._part: dict[str, tuple[str, int, int]] = {}
        """Each of those pages' first page, number and count (``part``), by its path."""
        self.events = sorted(briefing.events, key=lambda event: event.date.span)
        """The events in date order, as the timeline lists them."""
        spread: dict[str, Sequence[AnyEntity]] = {
            "actors.md": briefing.actors,
            "treaties.md": briefing.treaties,
            "questions.md": briefing.questions,
            "timeline.md": self.events,
            "sources.md": briefing.sources,
        }
        for path, entities in spread.items():
            self._spread(path, entities, PER_PAGE[path])
        for path, (_, claims) in self.topics.items():
            self._spread(path, claims, PER_PAGE["claims"])
        self.status_page: dict[ClaimStatus, str] = {}
        """Where each status's claims begin on the claims page, when claims have a page per topic: on
        ``claims.md`` or, for very many claims, on one of its further pages."""
        if self.topics:
            by_status = sorted(briefing.claims, key=lambda claim: list(ClaimStatus).index(claim.status))
            self._spread("claims.md", by_status, PER_PAGE["claims.md"], STATUS_PAGES, placed=False)
            for part in self.parts.get("claims.md", ["claims.md"]):
                for listed in self.shown.get(part, by_status):
                    assert isinstance(listed, Claim)
                    self.status_page.setdefault(listed.status, part)

    def _spread(
        self, path: str, entities: Sequence[AnyEntity], most: int, folder: str = "", placed: bool = True
    ) -> None:
        """Spread a page's entities over pages of at most ``most``, when they are more.

        The further pages are in ``folder`` (the page's own name by default); ``placed``: the entities are
        shown on those pages, not only listed.
        """
        if len(entities) <= most:
            return
        chunks = [entities[start : start + most] for start in range(0, len(entities), most)]
        folder = folder or path.removesuffix(".md")
        paths = [path] + [f"{folder}/{number}.md" for number in range(2, len(chunks) + 1)]
        self.parts[path] = paths
        for number, (part, chunk) in enumerate(zip(paths, chunks, strict=True), start=1):
            self.shown[part] = chunk
            self._part[part] = (path, number, len(paths))
            for entity in chunk if placed else ():
                self.page_of[entity.id] = part
                for term in entity.terms if isinstance(entity, Treaty) else ():
                    self.page_of[term.id] = part

    def page(self, entity: AnyEntity) -> str:
        """The page an entity is on."""
        return self.page_of.get(entity.id) or PAGE_OF[type(entity)]

    def part(self, path: str) -> tuple[str, int, int]:
        """The first page of the pages a page is one of, its number among them and their count."""
        return self._part.get(path, (path, 1, 1))

    @functools.cached_property
    def referrers(self) -> Referrers:
        """What refers to each entity: worked out once, for the pages that show it."""
        return Referrers(self._briefing, self)


def topic_paths(topics: Iterable[str | None]) -> dict[str | None, str]:
    """The page of each topic (None: no topic): ``claims/`` and its ``topic_slug``, never another topic's.

    Should two topics' hashes ever begin alike (a chance of one in four billion for two topics of the same
    words), both take their whole hash instead.
    """
    slugs = {topic: topic_slug(topic) for topic in topics}
    taken = Counter(slugs.values())
    for topic, slug in slugs.items():
        if taken[slug] > 1 and topic is not None:
            slugs[topic] = f"{_words(topic) or 'topic'}--{_digest(topic)}"
    return {topic: f"claims/{slug}.md" for topic, slug in slugs.items()}


def topic_slug(topic: str | None) -> str:
    """A topic as the last part of its page's path: the same whatever other topics the briefing has.

    Its words, in lower case and in any script, joined by hyphens (``water-flow``, ``вода``). When those
    words alone do not spell the topic exactly (capitals, spaces, punctuation, emoji, a long topic cut
    short), two hyphens and the start of a hash of the topic follow (``water-flow--3f1a9c2e``): no topic's
    words hold two hyphens together, so the two kinds of path never meet, and different topics of the same
    words get different hashes. Claims without a topic are on ``NO_TOPIC``'s page.
    """
    if topic is None:
        return NO_TOPIC
    words = _words(topic)
    if words == topic and words != NO_TOPIC and words not in _RESERVED:
        return words
    return f"{words or 'topic'}--{_digest(topic)[:TOPIC_HASH_LENGTH]}"


def _words(topic: str) -> str:
    """A topic's letters, marks and digits, in lower case, each run of anything else one hyphen."""
    folded = unicodedata.normalize("NFKC", topic).casefold()
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else "-" for c in folded)
    words = "-".join(part for part in kept.split("-") if part)
    return unicodedata.normalize("NFC", words[:_MAX_WORDS].strip("-"))


def _digest(topic: str) -> str:
    return hashlib.sha256(topic.encode("utf-8", "surrogatepass")).hexdigest()


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
        return self._read(render_reads.place, actor)

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
