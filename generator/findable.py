"""What a reader's search finds each entity by: its name or title, and a few words of its own.

A site's search answers only once the reader's browser has its whole index, so the index holds each entity
once, where it is shown, with what a reader types to find it: a claim by its title, figures, status and
topic, an actor by its name, aliases and country, a source by its title and publisher, and so on; and, while
they add up to no more than ``OWN_WORDS``, by each entity's own prose (a claim's statement, an actor's
description). Never by the stances, notes and quotes a claim's section repeats from elsewhere, nor by the
lists that only name entities shown on other pages. The text is plain: no Markdown, no HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.export import prose_text
from generator.model import Actor, AnyEntity, Briefing, Claim, Event, Quantity, Question, Source, Treaty
from generator.render_layout import Layout
from generator.render_links import name
from generator.render_text import date_range

OWN_WORDS = 400_000
"""How many characters of the entities' own prose the search may hold: a reader's browser builds the index
from all of it before the first answer, about a second a megabyte. Beyond, a briefing is found by its names,
aliases, figures, statuses, topics and dates alone."""


@dataclass(frozen=True)
class Findable:
    """An entity as the search finds it."""

    page: str
    """The page it is shown on (``actors/2.md``)."""
    id: str
    """Its anchor on that page."""
    title: str
    """Its name or title, as its heading shows it."""
    text: str
    """The words it is also found by, plain."""


def findables(briefing: Briefing, layout: Layout) -> list[Findable]:
    """Every entity of the briefing, with its terms after each treaty, in the order of the categories."""
    entities: list[AnyEntity] = []
    for category in (
        briefing.claims,
        briefing.actors,
        briefing.treaties,
        briefing.questions,
        briefing.events,
        briefing.sources,
    ):
        for entity in category:
            entities += [entity, *(entity.terms if isinstance(entity, Treaty) else ())]
    with_prose = sum(len(_prose(entity)) for entity in entities) <= OWN_WORDS
    return [
        Findable(
            layout.page(entity),
            entity.id,
            name(entity),
            _joined([*_found_by(entity, briefing), words(_prose(entity)) if with_prose else ""]),
        )
        for entity in entities
    ]


def _joined(parts: list[str]) -> str:
    return " · ".join(part for part in parts if part)


def _found_by(entity: AnyEntity, briefing: Briefing) -> list[str]:
    """The words beside its name an entity is always found by: aliases, figures, status, topic, dates."""
    if isinstance(entity, Claim):
        figure = _figure(entity.quantity) if entity.quantity else ""
        return [figure, entity.status.value, entity.topic or ""]
    if isinstance(entity, Actor):
        return [", ".join(entity.aliases), entity.country or ""]
    if isinstance(entity, Source):
        named = [_named(briefing, written) for written in (entity.publisher or "", *entity.contributors)]
        return [*named, entity.kind.value.replace("-", " ")]
    if isinstance(entity, Treaty | Question):
        return [entity.status.value if entity.status else ""]
    if isinstance(entity, Event):
        return [date_range(entity.date, entity.end_date), entity.location or ""]
    return [entity.article or ""]  # a treaty's term


def _named(briefing: Briefing, written: str) -> str:
    """A publisher or contributor as a reader knows it: an actor's name for its id, else the text written."""
    actor = briefing.index.get(written)
    return actor.name if isinstance(actor, Actor) else written


def _prose(entity: AnyEntity) -> str:
    """An entity's own prose, as written, which it is also found by while a briefing is small enough."""
    if isinstance(entity, Claim):
        return entity.statement
    if isinstance(entity, Actor | Treaty | Event):
        return entity.description or ""
    if isinstance(entity, Question):
        return entity.why_it_matters or ""
    if isinstance(entity, Source):
        return entity.notes or ""
    return entity.summary or ""  # a treaty's term


def _figure(quantity: Quantity) -> str:
    """A quantity's numbers, each as written with and without separators (``10,000 10000``), and its unit."""
    numbers = [value for value in (quantity.value, quantity.lower, quantity.upper) if value is not None]
    shown = []
    for number in numbers:
        whole = int(number) if float(number).is_integer() else number
        shown += [f"{whole:,}", str(whole)] if isinstance(whole, int) and whole >= 1000 else [str(whole)]
    return " ".join([*shown, quantity.unit or ""]).strip()


def words(text: str) -> str:
    """Prose as plain words: its text, emphasis and links' labels, without markup or link targets."""
    return prose_text(text).replace("\n\n", " ")  # a paragraph holds no blank line
