"""The recorded editions (``content/editions/``), read back into the briefing's history.

``briefing edition`` writes one file per edition (``generator.recording``): its number, date and text, and
what changed in the briefing's data since the edition before, entity by entity (the first holds the whole
briefing). Replaying the files in order gives the briefing's data as each edition left it, and comparing
each with the one before (``generator.history``) what changed. Nothing here needs version control: the
files are the history. They are written by the tool, but a merge can break them, so each is checked as it
is read and every problem located, as in the rest of the content.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.edition_files import RESTORE, Recorded, read_edition
from generator.errors import BriefingError, Problem
from generator.find import EDITIONS_FOLDER, find_editions
from generator.history import FOLDERS, NOUNS, ORDER, Change, Record, State, compare, current_stances, moment
from generator.model import Briefing, Update


@dataclass(frozen=True)
class Edition:
    """One recorded edition: when, what its update says, and what changed since the edition before."""

    number: int
    """Its place among the editions, from 1."""
    date: str
    """Its date, as written."""
    text: str
    """What its update says (prose)."""
    file: str
    """Its file, as messages show it."""
    changes: tuple[Change, ...]
    """What changed since the edition before (for the first: everything, as added)."""
    sizes: tuple[tuple[str, int], ...]
    """How many entities of each category the briefing had in it, by folder."""

    def data(self) -> dict[str, Any]:
        """The edition as JSON data, as ``briefing.json``'s ``history`` holds it."""
        changes = [change.data() for change in self.changes]
        return {"edition": self.number, "date": self.date, "text": self.text, "changes": changes}


@dataclass(frozen=True)
class ClaimAt:
    """A claim as one edition left it, in an edition that added, changed or removed it."""

    edition: Edition
    """The edition."""
    status: str | None
    """Its status then; None once removed."""
    stances: tuple[Record, ...]
    """Each actor's current stance then (actor, position, and date when given), in the order written."""


@dataclass(frozen=True)
class History:
    """The recorded editions, oldest first, and the briefing's data as the last of them left it."""

    editions: tuple[Edition, ...] = ()
    state: State = field(default_factory=State)
    """The briefing's data as the last edition recorded it."""
    claims: dict[str, tuple[ClaimAt, ...]] = field(default_factory=dict)
    """Each claim's state in each edition that added, changed or removed it, oldest first."""

    @property
    def latest(self) -> Edition | None:
        """The last edition recorded, if any."""
        return self.editions[-1] if self.editions else None

    @functools.cached_property
    def changed_claims(self) -> dict[str, str]:
        """The claims the latest edition added (``new``) or changed (``changed``), by id.

        None when the latest edition is the first: it brought everything.
        """
        latest = self.latest
        if latest is None or latest.number == 1:
            return {}
        found: dict[str, str] = {}
        for change in latest.changes:
            if change.category == NOUNS["claims"] and change.id is not None and change.KIND != "removed":
                found[change.id] = "new" if change.KIND == "added" else found.get(change.id, "changed")
        return found

    def data(self) -> list[dict[str, Any]]:
        """Every edition as JSON data, newest first as the updates are."""
        return [edition.data() for edition in reversed(self.editions)]

    def of_updates(self, updates: Sequence[Update]) -> list[Edition | None]:
        """The edition each update is the entry of (None for an update written by hand).

        Each edition takes an update of its date: the one of its text if there is one, or else the oldest
        left of that date.
        """
        found: list[Edition | None] = [None] * len(updates)
        by_date: dict[str, list[int]] = {}
        for index in reversed(range(len(updates))):  # updates are newest first
            by_date.setdefault(str(updates[index].date), []).append(index)
        for edition in self.editions:
            left = by_date.get(edition.date, [])
            same = [index for index in left if updates[index].text == edition.text]
            chosen = same[0] if same else left[0] if left else None
            if chosen is not None:
                left.remove(chosen)
                found[chosen] = edition
        return found


def with_history(content: Path, load: Callable[[Path], Briefing]) -> tuple[Briefing, History]:
    """The briefing (read by ``load``) and its recorded history; BriefingError with every problem of both."""
    problems: list[Problem] = []
    briefing = None
    try:
        briefing = load(content)
    except BriefingError as error:
        problems.extend(error.problems)
    history = read_history(content, problems, briefing.info.updates if briefing is not None else None)
    if problems or briefing is None:
        raise BriefingError(dict.fromkeys(problems))  # a folder that cannot be listed is said once
    return briefing, history


def read_history(content: Path, problems: list[Problem], updates: Sequence[Update] | None = None) -> History:
    """Read and replay the recorded editions, reporting each problem found in their files.

    With the briefing's ``updates``, each edition without its own among them is reported too.
    """
    files = find_editions(content, problems)
    before = len(problems)
    recorded = [found for file in files if (found := read_edition(file, problems)) is not None]
    if len(problems) > before:  # an edition unread: the others' numbers and changes cannot be checked
        return History()
    ordered = _in_order(recorded, problems)
    if len(problems) > before:
        return History()
    history = _replay(ordered, problems)
    if len(problems) > before:
        return History()
    if updates is not None:
        _check_updates(history, ordered, updates, problems)
    return history


def _check_updates(
    history: History, recorded: list[Recorded], updates: Sequence[Update], problems: list[Problem]
) -> None:
    """Report each edition without its entry in the briefing's updates."""
    matched = {edition.number for edition in history.of_updates(updates) if edition}
    for edition, found in zip(history.editions, recorded, strict=True):
        if edition.number not in matched:
            message = (
                f"edition {edition.number} has no entry in the briefing's updates: add one of its date to "
                f"updates in briefing.yml (- date: {edition.date}, text: what changed)"
            )
            problems.append(Problem(found.at(("date",)), message))


def _in_order(recorded: Iterable[Recorded], problems: list[Problem]) -> list[Recorded]:
    """The editions in order of number, each number once and none missing, their dates in order."""
    ordered = sorted(recorded, key=lambda found: (found.number, found.file))
    for place, found in enumerate(ordered, 1):
        if found.number < place:
            other = next(earlier for earlier in ordered if earlier.number == found.number)
            message = (
                f"edition {found.number} again ({other.file} is edition {found.number} too): two editions "
                "were recorded apart, on two branches say; remove this file, then record its edition again "
                "with briefing edition"
            )
            problems.append(Problem(found.at(("edition",)), message))
            return ordered
        if found.number > place:
            message = (
                f"edition {place} is missing: editions are numbered from 1 without a gap; restore its file"
            )
            problems.append(Problem(found.at(("edition",)), message))
            return ordered
        if place > 1 and moment(found.date) < moment(ordered[place - 2].date):
            earlier = ordered[place - 2]
            message = (
                f"date: {found.date} is before the date of edition {earlier.number} ({earlier.date}, in "
                f"{earlier.file}): editions are recorded in order of date; {RESTORE}"
            )
            problems.append(Problem(found.at(("date",)), message))
    return ordered


def _replay(ordered: list[Recorded], problems: list[Problem]) -> History:
    """Apply each edition's changes in turn, keeping what each changed and how each claim stood."""
    state = State()
    editions: list[Edition] = []
    claims: dict[str, list[ClaimAt]] = {}
    for found in ordered:
        after = _apply(state, found, problems)
        touched: dict[str, set[str]] = {}
        for folder, record, _ in (*found.added, *found.changed):
            touched.setdefault(folder, set()).add(record["id"])
        for folder, id, _ in found.removed:
            touched.setdefault(folder, set()).add(id)
        changes = compare(state, after, only=touched)
        sizes = tuple((folder, after.count(folder)) for folder in ORDER)
        edition = Edition(found.number, found.date, found.text, found.file, tuple(changes), sizes)
        editions.append(edition)
        for id in sorted(touched.get("claims", set())):
            claim = after.records["claims"].get(id)
            claims.setdefault(id, []).append(_claim_at(edition, claim))
        state = after
    return History(tuple(editions), state, {id: tuple(found) for id, found in claims.items()})


def _apply(state: State, found: Recorded, problems: list[Problem]) -> State:
    """The state an edition leaves: the one before with the edition's records added, changed and removed."""
    records = {folder: dict(state.records.get(folder, {})) for folder in FOLDERS}
    if found.number == 1 and found.info is None:
        problems.append(
            Problem(
                found.at(("edition",)),
                f"the first edition holds the whole briefing: 'briefing' is missing; {RESTORE}",
            )
        )
    for folder, record, path in found.added:
        if record["id"] in records[folder]:
            problems.append(
                Problem(
                    found.at(path),
                    f"added {NOUNS[folder]} '{record['id']}', which an earlier edition added; {RESTORE}",
                )
            )
        records[folder][record["id"]] = record
    for folder, record, path in found.changed:
        if record["id"] not in records[folder]:
            problems.append(
                Problem(
                    found.at(path),
                    f"changed {NOUNS[folder]} '{record['id']}', which no earlier edition added; {RESTORE}",
                )
            )
        records[folder][record["id"]] = record
    for folder, id, path in found.removed:
        if records[folder].pop(id, None) is None:
            problems.append(
                Problem(
                    found.at(path),
                    f"removed {NOUNS[folder]} '{id}', which no earlier edition added; {RESTORE}",
                )
            )
    return State(found.info if found.info is not None else state.info, records)


def _claim_at(edition: Edition, claim: Record | None) -> ClaimAt:
    if claim is None:
        return ClaimAt(edition, None, ())
    stances = current_stances(claim)
    ordered = tuple(
        stance for stance in claim.get("stances", []) if any(stance is kept for kept in stances.values())
    )
    status = claim.get("status")
    return ClaimAt(edition, str(status) if status is not None else None, ordered)


def editions_folder(content: Path) -> Path:
    """Where a briefing's editions are recorded."""
    return content / EDITIONS_FOLDER
