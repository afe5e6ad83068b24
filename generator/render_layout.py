"""Which page each entity is on, and what refers to each: worked out once a build, for every page.

One page a category, and a page a topic for many claims; a category with too many entities for one page is
spread over several (``PER_PAGE``).
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

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
    Stance,
    Term,
    Treaty,
)
from generator.vocabulary import ClaimStatus

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


class Citing(NamedTuple):
    """Something citing a source."""

    group: str
    """What kind of entity cites it (``render_sources.GROUPS``)."""
    id: str
    """The id of the entity citing it."""
    part: str = ""
    """The part of that entity that cites it (a stance, evidence...), or nothing."""
    actor: str = ""
    """The actor taking that part, or nothing."""
    stance: Stance | None = None
    """The stance that cites it, when it is one."""
    current: bool = False
    """Whether that stance is its actor's current one on the claim."""


class Referrers:
    """What refers to each entity, gathered once a build for all its pages.

    So that the page of an actor or a source reads only the claims that refer to it, and is written again
    only when one of those changes.
    """

    def __init__(self, briefing: Briefing, layout: Layout) -> None:
        self.stances: dict[str, list[tuple[Claim, tuple[Stance, ...]]]] = {}
        """By actor: each claim it takes a stance on, with its stances over time, in the claims' order."""
        self.supersedes: dict[str, list[str]] = {}
        """By claim: the claims it supersedes."""
        self.citing: dict[str, list[Citing]] = {}
        """By source: everything citing it, in the order the Sources page lists them."""
        self.claims_on: dict[str, list[Claim]] = {}
        """By page: the claims shown on it."""
        self.members: dict[str, list[str]] = {}
        """By actor: the actors part of it."""
        self.places = {actor.id: place for place, actor in enumerate(briefing.actors)}
        """Each actor's place among the actors, as written."""
        self.status_counts = Counter(claim.status for claim in briefing.claims)
        """How many claims each status has."""
        self.topic_sizes = [(path, topic, len(claims)) for path, (topic, claims) in layout.topics.items()]
        """Each topic's page, name and number of claims."""
        for actor in briefing.actors:
            if actor.part_of:
                self.members.setdefault(actor.part_of, []).append(actor.id)
        for claim in briefing.claims:
            self.claims_on.setdefault(layout.page(claim), []).append(claim)
            if claim.superseded_by:
                self.supersedes.setdefault(claim.superseded_by, []).append(claim.id)
            self._claim(claim)
        for treaty in briefing.treaties:
            self._treaty(treaty)
        for question in briefing.questions:
            self._cite(question.sources, Citing("questions", question.id))
        for event in layout.events:
            self._cite(event.sources, Citing("events", event.id))

    def _claim(self, claim: Claim) -> None:
        """A claim's stances, each actor's latest first, and its evidence."""
        for history in claim.stances_over_time:
            self.stances.setdefault(history[0].actor, []).append((claim, history))
            for stance in reversed(history):
                citing = Citing("claims", claim.id, "stance", stance.actor, stance, stance is history[-1])
                self._cite(stance.sources, citing)
        for item in claim.evidence:
            self._cite(item.sources, Citing("claims", claim.id, "evidence"))

    def _treaty(self, treaty: Treaty) -> None:
        """A treaty's signing and ratifications, then each of its terms with their interpretations."""
        if treaty.signed:
            self._cite(treaty.signed.sources, Citing("treaties", treaty.id, "signing"))
        for ratification in treaty.ratifications:
            self._cite(
                ratification.sources, Citing("treaties", treaty.id, "ratification", ratification.party)
            )
        for term in treaty.terms:
            self._cite(term.sources, Citing("terms", term.id, "term"))
            for interpretation in term.interpretations:
                citing = Citing("terms", term.id, "interpretation", interpretation.actor)
                self._cite(interpretation.sources, citing)

    def _cite(self, citations: Iterable[Citation], citing: Citing) -> None:
        for source in dict.fromkeys(citation.source for citation in citations):
            self.citing.setdefault(source, []).append(citing)
