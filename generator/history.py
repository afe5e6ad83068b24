"""What changed between two versions of a briefing: typed changes, each said in words and given as data.

The comparison works on the export's data form (``export.briefing_data``: records keyed as in the YAML,
dates as written), keyed by id (``State``), so that it needs no valid model on either side: ``briefing
diff`` compares two content folders with it, and the editions (``generator.editions``) compare the states
they record. Entities are compared as wholes, treaty terms as entities of their own; the briefing's
``updates`` are left out, being the editions' own notes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from generator.dates import Date, DateError
from generator.fields import Category
from generator.model import CATEGORY_TYPES

Record = dict[str, Any]
"""One entity (or the briefing itself) in the export's data form."""

FOLDERS = tuple(CATEGORY_TYPES)
"""The categories a briefing's data holds, in the contract's order."""
NOUNS = {category.plural.split()[-1]: category.value for category in Category}
"""Each category's noun, as changes name it (the terms are compared apart from their treaties)."""
BRIEFING = "briefing"
"""The noun of the briefing's own record (``briefing.yml``), which has no id."""
LEFT_OUT = ("updates",)
"""Keys of the briefing's record never compared: the updates are the editions' own notes."""
ORDER = ("sources", "actors", "claims", "treaties", "terms", "questions", "events")
"""The categories in the order changes are given, treaty terms after their treaties."""
_EXPLAINED = ("id", "status", "assessment")
"""Keys whose change is told by a change of its own kind, never as a field changed."""


@dataclass(frozen=True)
class State:
    """A briefing's data, keyed for comparison: the briefing's record and each category's records by id."""

    info: Record = field(default_factory=dict)
    """The briefing's own record, without its updates."""
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    """Each category's records by id (treaties with their terms, as the export holds them)."""

    @classmethod
    def of(cls, document: dict[str, Any]) -> State:
        """The state of an exported briefing (``export.briefing_data``)."""
        info = {key: value for key, value in document[BRIEFING].items() if key not in LEFT_OUT}
        records = {folder: {record["id"]: record for record in document[folder]} for folder in FOLDERS}
        return cls(info, records)

    def flat(self, folder: str) -> dict[str, Record]:
        """A category's records by id; ``terms`` gives every treaty's terms, and treaties their terms' ids."""
        if folder == "terms":
            return {
                term["id"]: term
                for treaty in self.records.get("treaties", {}).values()
                for term in _terms(treaty)
            }
        found = self.records.get(folder, {})
        if folder != "treaties":
            return found
        return {
            id: {**treaty, "terms": [term["id"] for term in _terms(treaty)]} for id, treaty in found.items()
        }

    def count(self, folder: str) -> int:
        """How many records a category holds."""
        return len(self.flat(folder))


def _terms(treaty: Record) -> list[Record]:
    terms = treaty.get("terms")
    return [term for term in terms if isinstance(term, dict)] if isinstance(terms, list) else []


@dataclass(frozen=True)
class Change:
    """One thing that changed in the briefing, about one entity (or the briefing itself)."""

    KIND: ClassVar[str]
    category: str
    """The entity's noun (``claim``, ``treaty term``), or ``briefing`` for the briefing itself."""
    id: str | None
    """The entity's id; None for the briefing itself."""

    @property
    def subject(self) -> str:
        """Whom the change is about, in words: ``claim 'x'``, or ``briefing``."""
        return self.category if self.id is None else f"{self.category} '{self.id}'"

    def words(self) -> str:
        """The change in one line, with ids."""
        return f"{self.subject}: {self._what()}"

    def _what(self) -> str:
        """What changed, after whom it is about."""
        raise NotImplementedError

    def data(self) -> dict[str, Any]:
        """The change as JSON data: its kind, category, id and words, and what is particular to its kind."""
        return {
            "change": self.KIND,
            "category": self.category,
            "id": self.id,
            "text": self.words(),
            **self._details(),
        }

    def _details(self) -> dict[str, Any]:
        """What is particular to the kind of change, as JSON data."""
        return {}


@dataclass(frozen=True)
class Added(Change):
    """An entity that is new."""

    KIND = "added"
    name: str
    """What it is called."""

    def _what(self) -> str:
        return f'added ("{self.name}")'

    def _details(self) -> dict[str, Any]:
        return {"name": self.name}


@dataclass(frozen=True)
class Removed(Change):
    """An entity that is gone."""

    KIND = "removed"
    name: str
    """What it was called."""

    def _what(self) -> str:
        return f'removed ("{self.name}")'

    def _details(self) -> dict[str, Any]:
        return {"name": self.name}


@dataclass(frozen=True)
class StatusChanged(Change):
    """A claim's, question's or treaty's status that changed."""

    KIND = "status"
    old: str | None
    """The status before (None: none given)."""
    new: str | None
    """The status after."""

    def _what(self) -> str:
        return f"status {self.old or 'none'} → {self.new or 'none'}"

    def _details(self) -> dict[str, Any]:
        return {"from": self.old, "to": self.new}


@dataclass(frozen=True)
class StanceChanged(Change):
    """An actor's current position on a claim that changed, appeared or went."""

    KIND = "stance"
    actor: str
    """Id of the actor."""
    old: str | None
    """Its current position before (None: it took none)."""
    new: str | None
    """Its current position after (None: it takes none any more)."""
    date: str | None
    """When it took the new position, as written, if given."""

    def _what(self) -> str:
        when = f" ({self.date})" if self.date else ""
        if self.old is None:
            return f"stance of '{self.actor}' added: {self.new}{when}"
        if self.new is None:
            return f"stance of '{self.actor}' dropped: {self.old}"
        return f"stance of '{self.actor}' {self.old} → {self.new}{when}"

    def _details(self) -> dict[str, Any]:
        return {"actor": self.actor, "from": self.old, "to": self.new, "date": self.date}


@dataclass(frozen=True)
class AssessmentChanged(Change):
    """The briefing's own judgment of a claim that changed."""

    KIND = "assessment"
    old: Record | None
    """The assessment before (None: there was none)."""
    new: Record | None
    """The assessment after."""

    def _what(self) -> str:
        old, new = judgment(self.old), judgment(self.new)
        return f"assessment {old} → {new}" if old != new else "assessment: rationale changed"

    def _details(self) -> dict[str, Any]:
        return {"from": self.old, "to": self.new}


def judgment(assessment: Record | None) -> str:
    """An assessment's likelihood and confidence in words (``likely, high confidence``)."""
    if not assessment:
        return "none"
    parts = [str(assessment["likelihood"])] if assessment.get("likelihood") else []
    if assessment.get("confidence"):
        parts.append(f"{assessment['confidence']} confidence")
    return ", ".join(parts) or "rationale only"


@dataclass(frozen=True)
class CitationsAdded(Change):
    """Citations an entity carries that it did not before."""

    KIND = "citations"
    citations: tuple[Record, ...]
    """The new citations (mappings of source, and any quote, locator and url)."""

    def _what(self) -> str:
        cited = dict.fromkeys(cited_as(citation) for citation in self.citations)
        return f"new citation{'s' * (len(cited) != 1)}: {', '.join(cited)}"

    def _details(self) -> dict[str, Any]:
        return {"citations": list(self.citations)}


def cited_as(citation: Record) -> str:
    """A citation in a few words: its source's id, and where in it when said (``'report' (p. 4)``)."""
    locator = f" ({citation['locator']})" if citation.get("locator") else ""
    return f"'{citation.get('source')}'{locator}"


@dataclass(frozen=True)
class FieldsChanged(Change):
    """Other fields of an entity (or of the briefing) that changed."""

    KIND = "fields"
    fields: tuple[str, ...]
    """The keys whose values changed, as in the YAML."""

    def _what(self) -> str:
        return f"changed: {', '.join(self.fields)}"

    def _details(self) -> dict[str, Any]:
        return {"fields": list(self.fields)}


def compare(old: State, new: State, only: dict[str, set[str]] | None = None) -> list[Change]:
    """Every change from one state to another: the briefing's first, then each category's, by id.

    With ``only``, just the records of those ids in each category (``treaties`` standing for their terms
    too): the records an edition recorded.
    """
    changes = compare_info(old.info, new.info)
    for folder in ORDER:
        before, after = old.flat(folder), new.flat(folder)
        ids = before.keys() | after.keys()
        if only is not None:
            touched = only.get("treaties" if folder == "terms" else folder, set())
            if folder == "terms":
                touched = {id for id in ids if _treaty_of(id, old, new) in touched}
            ids &= touched
        for id in sorted(ids):
            changes += compare_record(folder, id, before.get(id), after.get(id))
    return changes


def _treaty_of(term: str, old: State, new: State) -> str | None:
    for state in (new, old):
        for id, treaty in state.records.get("treaties", {}).items():
            if any(found.get("id") == term for found in _terms(treaty)):
                return id
    return None


def compare_info(old: Record, new: Record) -> list[Change]:
    """The briefing's own fields that changed (title, summary...); its updates are never in a state.

    Nothing, when there was no briefing before (the first edition): it is not changed but begun.
    """
    if not old:
        return []
    keys = [key for key in _keys(old, new) if old.get(key) != new.get(key)]
    return [FieldsChanged(BRIEFING, None, tuple(keys))] if keys else []


def compare_record(folder: str, id: str, old: Record | None, new: Record | None) -> list[Change]:
    """The changes of one entity: added, removed, or what changed in it."""
    noun = NOUNS[folder]
    if old is None or new is None:
        if new is not None:
            return [Added(noun, id, name(new))]
        return [] if old is None else [Removed(noun, id, name(old))]
    if old == new:
        return []
    changes: list[Change] = []
    if old.get("status") != new.get("status"):
        changes.append(StatusChanged(noun, id, _text(old.get("status")), _text(new.get("status"))))
    stances = _stance_changes(noun, id, old, new) if folder == "claims" else []
    changes += stances
    if old.get("assessment") != new.get("assessment"):
        changes.append(
            AssessmentChanged(noun, id, _record(old.get("assessment")), _record(new.get("assessment")))
        )
    added = _new_citations(old, new)
    if added:
        changes.append(CitationsAdded(noun, id, added))
    fields = [key for key in _keys(old, new) if _field_changed(folder, key, old, new, bool(stances))]
    if fields:
        changes.append(FieldsChanged(noun, id, tuple(fields)))
    return changes


def _field_changed(folder: str, key: str, old: Record, new: Record, stances_told: bool) -> bool:
    """Whether a key changed in a way no other change of the entity tells."""
    before, after = old.get(key), new.get(key)
    if before == after or key in _EXPLAINED or (folder == "treaties" and key == "terms"):
        return False
    if key == "stances" and stances_told:
        return False
    before, after = {key: before}, {key: after}  # so that a ``sources`` key is seen as citations
    only_citations_added = _uncited(before) == _uncited(after) and _citation_keys(before) <= _citation_keys(
        after
    )
    return not only_citations_added


def _keys(old: Record, new: Record) -> list[str]:
    """The keys of either record, in the newer's order first."""
    return list(dict.fromkeys([*new, *old]))


def name(record: Record) -> str:
    """What an entity is called: its title, name or question (a term: its title, article or id)."""
    for key in ("title", "name", "question", "article", "id"):
        if record.get(key) is not None:
            return str(record[key])
    return ""


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _record(value: Any) -> Record | None:
    return value if isinstance(value, dict) else None


def current_stances(claim: Record) -> dict[str, Record]:
    """Each actor's current stance on a claim: its latest by date (its only one, most often)."""
    current: dict[str, Record] = {}
    stances = claim.get("stances")
    for stance in stances if isinstance(stances, list) else []:
        if not isinstance(stance, dict) or not isinstance(stance.get("actor"), str):
            continue
        actor = stance["actor"]
        if actor not in current or moment(stance.get("date")) >= moment(current[actor].get("date")):
            current[actor] = stance
    return current


def _stance_changes(noun: str, id: str, old: Record, new: Record) -> list[Change]:
    before, after = current_stances(old), current_stances(new)
    changes: list[Change] = []
    for actor in dict.fromkeys([*after, *before]):
        was, now = before.get(actor), after.get(actor)
        old_position = _text(was.get("position")) if was else None
        new_position = _text(now.get("position")) if now else None
        if old_position != new_position:
            date = _text(now.get("date")) if now else None
            changes.append(StanceChanged(noun, id, actor, old_position, new_position, date))
    return changes


def moment(date: Any) -> tuple[int, int]:
    """A date as written (``2024-08``, ``2024-08-19T03:24+08:00``), as a key that orders dates in time.

    Dates sort by the span of time they mean (``Date.span``), as a claim's stances do; no date, or text
    that is not one, comes before every date.
    """
    try:
        return Date.parse(date).span if isinstance(date, str) else (0, 0)
    except DateError:
        return (0, 0)


def citations(value: Any) -> Iterator[Record]:
    """Every citation in a record, at any depth (the mappings in each ``sources`` list)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "sources" and isinstance(item, list):
                yield from (citation for citation in item if isinstance(citation, dict))
            else:
                yield from citations(item)
    elif isinstance(value, list):
        for item in value:
            yield from citations(item)


def _citation_key(citation: Record) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((str(key), str(value)) for key, value in citation.items()))


def _citation_keys(value: Any) -> set[tuple[tuple[str, str], ...]]:
    return {_citation_key(citation) for citation in citations(value)}


def _new_citations(old: Record, new: Record) -> tuple[Record, ...]:
    before = _citation_keys(old)
    added: dict[tuple[tuple[str, str], ...], Record] = {}
    for citation in citations(new):
        key = _citation_key(citation)
        if key not in before:
            added.setdefault(key, citation)
    return tuple(added.values())


def _uncited(value: Any) -> Any:
    """A value with every ``sources`` list emptied: what is left when citations are set aside."""
    if isinstance(value, dict):
        return {key: [] if key == "sources" else _uncited(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_uncited(item) for item in value]
    return value
