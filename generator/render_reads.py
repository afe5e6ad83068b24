"""What a page reads of the briefing and its layout, and whether a later build would read the same.

Each read is a function of the briefing and the layout, with arguments (``found``, ``page_of``...). ``Links``
records each one a page makes, with the value it gave: while the briefing is served, a page is written again
only when one of its reads gives something else (``unchanged``). The loader keeps an unchanged file's
entities from one build to the next, so that most reads give the very same objects again.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from enum import Enum
from pathlib import PurePath
from typing import Any, Generic, TypeVar

from generator.model import AnyEntity, Briefing, BriefingInfo, Claim, Event, Stance
from generator.render_layout import Citing, Layout
from generator.vocabulary import ClaimStatus

P = TypeVar("P")
Read = Callable[..., Any]
"""A read: a function of the briefing and the layout, and of its arguments."""
Reads = dict[tuple[Read, tuple[str, ...]], Any]
"""What a page read: each read with its arguments, and the value it gave."""

PLAIN = (str, int, float, Enum, types.NoneType, PurePath, datetime.date)
"""Values the same when equal."""


class Remembered:
    """Values by key, kept from one build to the next: what a build used or made is all the next one finds."""

    def __init__(self) -> None:
        self._last: dict[Hashable, Any] = {}
        self._now: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any:
        """The value the last build had for the key (kept for the next build), or None."""
        value = self._last.get(key)
        if value is not None:
            self._now[key] = value
        return value

    def put(self, key: Hashable, value: Any) -> None:
        """Keep a value made by this build."""
        self._now[key] = value

    def next_build(self) -> None:
        """Forget what this build did not use."""
        self._last, self._now = self._now, {}


class Written(Generic[P]):
    """The pages as the last render wrote them, each with what it read of the briefing (``Links.reads``).

    While the briefing is served: a page whose every read gives the same again, from the same writer, is
    the same page, and is not written again.
    """

    def __init__(self) -> None:
        self._pages = Remembered()
        """Each page with its key and what it read, by path."""
        self.rewritten: list[str] = []
        """The pages the last render wrote again, by path."""

    def page(
        self, path: str, key: Any, reads: Reads, write: Callable[[], P], briefing: Briefing, layout: Layout
    ) -> P:
        """The page at a path: as written before, when its ``key`` and what it read are the same.

        Otherwise written, and kept with its key and what it read (``reads``, filled by ``write``).
        """
        kept: tuple[Any, Reads, P] | None = self._pages.get(path)
        if kept is not None and same(kept[0], key) and unchanged(kept[1], briefing, layout):
            return kept[2]
        page = write()
        self._pages.put(path, (key, reads, page))
        self.rewritten.append(path)
        return page

    def start(self) -> None:
        """Begin a render: the pages kept from the last that this one does not give are then forgotten."""
        self.rewritten = []
        self._pages.next_build()


def info(briefing: Briefing, layout: Layout) -> BriefingInfo:
    """The briefing's own facts."""
    return briefing.info


def every(briefing: Briefing, layout: Layout, category: str) -> Sequence[AnyEntity]:
    """The entities of a category (``claims``), in the order written."""
    entities: Sequence[AnyEntity] = getattr(briefing, category)
    return entities


def count(briefing: Briefing, layout: Layout, category: str) -> int:
    """How many entities a category has."""
    return len(getattr(briefing, category))


def has(briefing: Briefing, layout: Layout, category: str) -> bool:
    """Whether a category has any entities."""
    return bool(getattr(briefing, category))


def found(briefing: Briefing, layout: Layout, id: str) -> AnyEntity | None:
    """The entity of an id, or None: a page read in an earlier build may name one gone since."""
    return briefing.index.get(id)


def page_of(briefing: Briefing, layout: Layout, id: str) -> str | None:
    """The page an entity is on, or None when the briefing has none of that id."""
    entity = briefing.index.get(id)
    return None if entity is None else layout.page(entity)


def shown(briefing: Briefing, layout: Layout, path: str) -> Sequence[AnyEntity] | None:
    """The entities a page shows, when its category is spread over several pages."""
    return layout.shown.get(path)


def part(briefing: Briefing, layout: Layout, path: str) -> tuple[str, int, int]:
    """The first page of a page's pages, its number among them and their count."""
    return layout.part(path)


def parts(briefing: Briefing, layout: Layout, path: str) -> list[str] | None:
    """The pages a page's entities are spread over, when too many for one."""
    return layout.parts.get(path)


def topics(briefing: Briefing, layout: Layout) -> dict[str, tuple[str, list[Claim]]]:
    """The topics' pages: each topic's name and claims."""
    return layout.topics


def status_page(briefing: Briefing, layout: Layout) -> dict[ClaimStatus, str]:
    """Where each status's claims begin on the claims page."""
    return layout.status_page


def events(briefing: Briefing, layout: Layout) -> list[Event]:
    """The events in date order."""
    return layout.events


def stances(briefing: Briefing, layout: Layout, actor: str) -> list[tuple[Claim, tuple[Stance, ...]]]:
    """Each claim an actor takes a stance on, with its stances over time."""
    return layout.referrers.stances.get(actor, [])


def supersedes(briefing: Briefing, layout: Layout, claim: str) -> list[str]:
    """The claims a claim supersedes."""
    return layout.referrers.supersedes.get(claim, [])


def citing(briefing: Briefing, layout: Layout, source: str) -> list[Citing]:
    """Everything citing a source."""
    return layout.referrers.citing.get(source, [])


def members(briefing: Briefing, layout: Layout, actor: str) -> list[str]:
    """The actors part of an actor."""
    return layout.referrers.members.get(actor, [])


def place(briefing: Briefing, layout: Layout, actor: str) -> int | None:
    """An actor's place among the actors, as written; None when the briefing has no such actor."""
    return layout.referrers.places.get(actor)


def stance_takers(briefing: Briefing, layout: Layout) -> int:
    """How many actors take a stance on any claim."""
    return len(layout.referrers.stances)


def status_counts(briefing: Briefing, layout: Layout) -> Counter[ClaimStatus]:
    """How many claims each status has."""
    return layout.referrers.status_counts


def topic_sizes(briefing: Briefing, layout: Layout) -> list[tuple[str, str, int]]:
    """Each topic's page, name and number of claims."""
    return layout.referrers.topic_sizes


def claims_on(briefing: Briefing, layout: Layout, path: str) -> list[Claim]:
    """The claims a page shows."""
    return layout.referrers.claims_on.get(path, [])


def unchanged(reads: Reads, briefing: Briefing, layout: Layout) -> bool:
    """Whether every read gives what it gave: then the page that made them would be written the same."""
    return all(same(value, read(briefing, layout, *arguments)) for (read, arguments), value in reads.items())


def same(old: Any, new: Any) -> bool:
    """Whether a value read or given in an earlier build is the same now.

    Containers, records and partial functions are the same when their parts are; any other value when equal.
    A record's parts are all its fields: an entity's place in its file too, which the model's equality leaves
    out, and which the pages' edit links show.
    """
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, tuple | list):
        return len(old) == len(new) and all(map(same, old, new))
    if isinstance(old, dict):
        return old.keys() == new.keys() and all(same(value, new[key]) for key, value in old.items())
    if isinstance(old, functools.partial):
        return old.func is new.func and same(old.args, new.args) and same(old.keywords, new.keywords)
    if isinstance(old, types.MethodType):
        return old.__func__ is new.__func__ and same(old.__self__, new.__self__)
    if dataclasses.is_dataclass(old):
        return all(same(getattr(old, f.name), getattr(new, f.name)) for f in dataclasses.fields(old))
    if isinstance(old, PLAIN):
        return bool(old == new)
    if hasattr(old, "__dict__") and not callable(old):  # an object of attributes (``EditLinks``)
        return same(vars(old), vars(new))
    return False  # a function, or anything else: only itself
