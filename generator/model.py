"""The briefing as typed, validated, immutable entities: the content format read straight off the code.

Each field declares what the YAML holds there (``generator.fields``), with values from
``generator.vocabulary``; references are kept as ids and resolved through ``Briefing.entity``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from generator.dates import Date
from generator.errors import Location
from generator.fields import (
    PLAIN,
    PROSE,
    Boolean,
    Category,
    Choice,
    DateValue,
    Id,
    ListOf,
    Number,
    Record,
    Ref,
    Url,
    optional,
    required,
)
from generator.vocabulary import (
    ActorKind,
    ClaimStatus,
    Confidence,
    EvidenceKind,
    Likelihood,
    Position,
    Qualifier,
    QuestionStatus,
    Reliability,
    SourceKind,
    TreatyStatus,
)

NOWHERE = Location("", 0, 0)


@dataclass(frozen=True, kw_only=True)
class Citation:
    """Where a statement comes from: a source, and optionally the words and place in it."""

    source: str = required(Ref(Category.SOURCE))
    """Id of the source."""
    quote: str | None = optional(PLAIN)
    """The source's own words."""
    locator: str | None = optional(PLAIN)
    """A page, paragraph or timestamp in the source."""
    url: str | None = optional(Url())
    """A link to the cited passage."""


CITATIONS = ListOf(Record(Citation, shorthand="source"), "citation", min_items=1)
"""Citations a statement must carry: at least one."""
OPTIONAL_CITATIONS = ListOf(Record(Citation, shorthand="source"), "citation")


@dataclass(frozen=True, kw_only=True)
class Entity:
    """Anything with an id: it has a page anchor and can be referred to."""

    CATEGORY: ClassVar[Category]

    id: str = required(Id())
    """Unique across the whole briefing; used in URLs and anchors, never changed once published."""
    origin: Location = field(default=NOWHERE, compare=False, repr=False)
    """Where the entity is written."""


@dataclass(frozen=True, kw_only=True)
class Source(Entity):
    """Where information comes from."""

    CATEGORY = Category.SOURCE

    title: str = required(PLAIN)
    """The source's title."""
    kind: SourceKind = required(Choice(SourceKind))
    """What kind of source it is."""
    publisher: str | None = optional(Ref(Category.ACTOR, or_text=True))
    """Who published it: a name, or the id of an actor."""
    contributors: tuple[str, ...] = optional(ListOf(Ref(Category.ACTOR, or_text=True), "contributor"))
    """Who contributed: names or actor ids (a wire agency, say)."""
    published: Date | None = optional(DateValue())
    """When it was published."""
    url: str | None = optional(Url())
    """Where it can be read."""
    archive_url: str | None = optional(Url())
    """An archived copy."""
    reliability: Reliability | None = optional(Choice(Reliability))
    """Admiralty source grade, A (completely reliable) to F (cannot be judged)."""
    notes: str | None = optional(PROSE)
    """Anything a reader should know about the source."""


@dataclass(frozen=True, kw_only=True)
class Actor(Entity):
    """Who says or does things."""

    CATEGORY = Category.ACTOR

    name: str = required(PLAIN)
    """The actor's name."""
    kind: ActorKind = required(Choice(ActorKind))
    """What kind of actor it is."""
    part_of: str | None = optional(Ref(Category.ACTOR))
    """Id of the actor it is part of (a ministry is part of a government)."""
    country: str | None = optional(PLAIN)
    """The country it belongs to."""
    aliases: tuple[str, ...] = optional(ListOf(PLAIN, "alias"))
    """Other names it goes by (a capital's name for its government)."""
    description: str | None = optional(PROSE)
    """Who or what the actor is."""


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A number stated in a claim, with its bounds and how exact it is."""

    value: int | float | None = optional(Number())
    """The number stated."""
    lower: int | float | None = optional(Number())
    """The lowest figure given."""
    upper: int | float | None = optional(Number())
    """The highest figure given."""
    unit: str | None = optional(PLAIN)
    """What is counted (``soldiers``)."""
    qualifier: Qualifier | None = optional(Choice(Qualifier))
    """How the number is meant: exactly, about, more than..."""


@dataclass(frozen=True, kw_only=True)
class Stance:
    """One actor's public position on a claim."""

    actor: str = required(Ref(Category.ACTOR))
    """Id of the actor."""
    position: Position = required(Choice(Position))
    """Its position on the claim."""
    date: Date | None = optional(DateValue())
    """When it took the position; needed when the actor takes several stances on the claim."""
    note: str | None = optional(PROSE)
    """What exactly it said or did."""
    sources: tuple[Citation, ...] = required(CITATIONS)
    """Where the position is reported."""


@dataclass(frozen=True, kw_only=True)
class Evidence:
    """An item of evidence bearing on a claim."""

    kind: EvidenceKind = required(Choice(EvidenceKind))
    """What kind of evidence it is."""
    description: str | None = optional(PROSE)
    """What it shows."""
    released_by: str | None = optional(Ref(Category.ACTOR))
    """Id of the actor who released it."""
    date: Date | None = optional(DateValue())
    """When it was released."""
    sources: tuple[Citation, ...] = optional(OPTIONAL_CITATIONS)
    """Where it is reported."""
    independently_verified: bool | None = optional(Boolean())
    """Whether anyone independent of its releaser has verified it (unknown when left out)."""


@dataclass(frozen=True, kw_only=True)
class Assessment:
    """The briefing's own judgment of a claim."""

    likelihood: Likelihood | None = optional(Choice(Likelihood))
    """How likely the claim is to be true, in estimative language."""
    confidence: Confidence | None = optional(Choice(Confidence))
    """How confident the briefing is in that judgment."""
    rationale: str | None = optional(PROSE)
    """Why."""


@dataclass(frozen=True, kw_only=True)
class Claim(Entity):
    """What is claimed, by whom, and who stands where."""

    CATEGORY = Category.CLAIM

    title: str = required(PLAIN)
    """A short label, about 75 characters."""
    statement: str = required(PROSE)
    """The claim itself, stated neutrally."""
    topic: str | None = optional(PLAIN)
    """A grouping label, such as ``deployment`` or ``casualties``."""
    status: ClaimStatus = required(Choice(ClaimStatus))
    """How far the claim has been verified."""
    status_note: str | None = optional(PROSE)
    """Why the status is what it is."""
    quantity: Quantity | None = optional(Record(Quantity))
    """A number the claim states."""
    location: str | None = optional(PLAIN)
    """Where the claim is about."""
    first_reported: Date | None = optional(DateValue())
    """When the claim was first reported."""
    stances: tuple[Stance, ...] = required(ListOf(Record(Stance), "stance", min_items=1))
    """Each actor's public positions on the claim, once per change of position; its latest is current."""
    evidence: tuple[Evidence, ...] = optional(ListOf(Record(Evidence), "evidence item"))
    """Evidence bearing on the claim."""
    assessment: Assessment | None = optional(Record(Assessment))
    """The briefing's own judgment."""
    related: tuple[str, ...] = optional(ListOf(Ref(Category.CLAIM), "related claim"))
    """Ids of related claims."""
    superseded_by: str | None = optional(Ref(Category.CLAIM))
    """Id of the claim that supersedes this one (required when the status is ``superseded``)."""

    @property
    def stances_over_time(self) -> tuple[tuple[Stance, ...], ...]:
        """Each actor's stances on the claim in date order, its current one last.

        Actors come in the order they first appear in ``stances``. An actor with several stances dates each
        of them, never two alike or overlapping (the validator sees to it), so the order is the dates'.
        """
        by_actor: dict[str, list[Stance]] = {}
        for stance in self.stances:
            by_actor.setdefault(stance.actor, []).append(stance)
        return tuple(tuple(sorted(stances, key=_stance_order)) for stances in by_actor.values())

    @property
    def current_stances(self) -> tuple[Stance, ...]:
        """Each actor's current stance on the claim, its latest; actors in the order they first appear."""
        return tuple(history[-1] for history in self.stances_over_time)


def _stance_order(stance: Stance) -> tuple[int, int]:
    """Where a stance comes among its actor's stances on a claim: by its date (an undated one first)."""
    return stance.date.span if stance.date is not None else (0, 0)


@dataclass(frozen=True, kw_only=True)
class Signing:
    """When, where and by whom a treaty was signed."""

    date: Date | None = optional(DateValue())
    """When it was signed."""
    place: str | None = optional(PLAIN)
    """Where it was signed."""
    by: tuple[str, ...] = optional(ListOf(Ref(Category.ACTOR), "signatory"))
    """Ids of the actors who signed it."""
    sources: tuple[Citation, ...] = optional(OPTIONAL_CITATIONS)
    """Where the signing is reported."""


@dataclass(frozen=True, kw_only=True)
class Ratification:
    """One party's ratification of a treaty."""

    party: str = required(Ref(Category.ACTOR))
    """Id of the ratifying party."""
    date: Date | None = optional(DateValue())
    """When it ratified."""
    note: str | None = optional(PROSE)
    """How the ratification came about or was reported."""
    sources: tuple[Citation, ...] = required(CITATIONS)
    """Where the ratification is reported."""


@dataclass(frozen=True, kw_only=True)
class Interpretation:
    """How a party or observer characterises a treaty term."""

    actor: str = required(Ref(Category.ACTOR))
    """Id of the actor."""
    note: str = required(PROSE)
    """Its characterisation."""
    sources: tuple[Citation, ...] = optional(OPTIONAL_CITATIONS)
    """Where the characterisation is reported."""


@dataclass(frozen=True, kw_only=True)
class Term(Entity):
    """A term of a treaty."""

    CATEGORY = Category.TERM

    title: str | None = optional(PLAIN)
    """A short label for the term."""
    summary: str | None = optional(PROSE)
    """What the term provides."""
    article: str | None = optional(PLAIN)
    """Where it stands in the treaty (``Article 4``)."""
    quote: str | None = optional(PLAIN)
    """The treaty's own words."""
    sources: tuple[Citation, ...] = required(CITATIONS)
    """Where the term is reported."""
    interpretations: tuple[Interpretation, ...] = optional(ListOf(Record(Interpretation), "interpretation"))
    """How parties and observers characterise it."""


@dataclass(frozen=True, kw_only=True)
class Treaty(Entity):
    """An agreement and its terms."""

    CATEGORY = Category.TREATY

    name: str = required(PLAIN)
    """The treaty's name."""
    parties: tuple[str, ...] = required(ListOf(Ref(Category.ACTOR), "party", min_items=2))
    """Ids of the parties, at least two."""
    signed: Signing | None = optional(Record(Signing))
    """Its signing."""
    ratifications: tuple[Ratification, ...] = optional(ListOf(Record(Ratification), "ratification"))
    """The parties' ratifications."""
    status: TreatyStatus | None = optional(Choice(TreatyStatus))
    """Where the treaty stands."""
    description: str | None = optional(PROSE)
    """What the treaty is."""
    terms: tuple[Term, ...] = required(ListOf(Record(Term), "term", min_items=1))
    """Its terms."""


@dataclass(frozen=True, kw_only=True)
class Question(Entity):
    """What is still open."""

    CATEGORY = Category.QUESTION

    question: str = required(PLAIN)
    """The question."""
    status: QuestionStatus = required(Choice(QuestionStatus))
    """How far it has been answered."""
    why_it_matters: str | None = optional(PROSE)
    """Why the answer matters."""
    claims: tuple[str, ...] = optional(ListOf(Ref(Category.CLAIM), "claim"))
    """Ids of the claims the answer bears on."""
    indicators: tuple[str, ...] = optional(ListOf(PROSE, "indicator"))
    """What would answer it."""
    answer: str | None = optional(PROSE)
    """The answer (required when the status is ``answered``)."""
    sources: tuple[Citation, ...] = optional(OPTIONAL_CITATIONS)
    """Where the question or its answer comes from."""
    opened: Date | None = optional(DateValue())
    """When the question was opened."""


@dataclass(frozen=True, kw_only=True)
class Event(Entity):
    """A dated happening, for the timeline."""

    CATEGORY = Category.EVENT

    title: str = required(PLAIN)
    """What happened, briefly."""
    date: Date = required(DateValue())
    """When it happened (or began)."""
    end_date: Date | None = optional(DateValue())
    """When it ended, not before ``date``."""
    description: str | None = optional(PROSE)
    """What happened, in full."""
    actors: tuple[str, ...] = optional(ListOf(Ref(Category.ACTOR), "actor"))
    """Ids of the actors involved."""
    claims: tuple[str, ...] = optional(ListOf(Ref(Category.CLAIM), "claim"))
    """Ids of the claims it bears on."""
    location: str | None = optional(PLAIN)
    """Where it happened."""
    sources: tuple[Citation, ...] = required(CITATIONS)
    """Where it is reported."""


@dataclass(frozen=True, kw_only=True)
class Takeaway:
    """A key takeaway of the briefing."""

    text: str = required(PROSE)
    """The takeaway."""
    claims: tuple[str, ...] = optional(ListOf(Ref(Category.CLAIM), "claim"))
    """Ids of the claims it rests on."""


@dataclass(frozen=True, kw_only=True)
class Update:
    """What changed in one edition of the briefing."""

    date: Date = required(DateValue())
    """When the edition was made."""
    text: str = required(PROSE)
    """What changed."""


@dataclass(frozen=True, kw_only=True)
class BriefingInfo:
    """The briefing itself: ``briefing.yml``."""

    title: str = required(PLAIN)
    """The briefing's title."""
    subtitle: str | None = optional(PLAIN)
    """A subtitle."""
    as_of: Date = required(DateValue())
    """The information cut-off."""
    summary: str = required(PROSE)
    """The bottom line up front."""
    key_takeaways: tuple[Takeaway, ...] = optional(ListOf(Record(Takeaway), "key takeaway"))
    """The key takeaways, each linked to the claims it rests on."""
    authors: tuple[str, ...] = optional(ListOf(PLAIN, "author"))
    """Who wrote the briefing."""
    language: str | None = optional(PLAIN)
    """The site's language code (``en`` when left out)."""
    updates: tuple[Update, ...] = optional(ListOf(Record(Update), "update"))
    """What changed in each edition, newest first."""


AnyEntity = Source | Actor | Claim | Treaty | Term | Question | Event

CATEGORY_TYPES: dict[str, type[Source | Actor | Claim | Treaty | Question | Event]] = {
    type_.CATEGORY.plural: type_ for type_ in (Source, Actor, Claim, Treaty, Question, Event)
}
"""Which entity each category folder holds, by the folder's name (the category's plural), in the contract's
order (treaty terms are written inside their treaties)."""


@dataclass(frozen=True)
class Briefing:
    """A whole, valid briefing: every reference in it resolves."""

    info: BriefingInfo
    """The briefing file."""
    sources: tuple[Source, ...] = ()
    actors: tuple[Actor, ...] = ()
    claims: tuple[Claim, ...] = ()
    treaties: tuple[Treaty, ...] = ()
    questions: tuple[Question, ...] = ()
    events: tuple[Event, ...] = ()
    index: dict[str, AnyEntity] = field(default_factory=dict, compare=False, repr=False)
    """Every entity, treaty terms included, by id."""

    def entity(self, id: str) -> AnyEntity:
        """The entity with that id."""
        return self.index[id]

    @property
    def terms(self) -> tuple[Term, ...]:
        """Every treaty's terms, in order."""
        return tuple(term for treaty in self.treaties for term in treaty.terms)

    def of(self, category: Category) -> tuple[AnyEntity, ...]:
        """The entities of a category, in the order written (treaty terms in their treaties' order)."""
        return self.terms if category is Category.TERM else tuple(getattr(self, category.plural))
