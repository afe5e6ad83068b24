"""The content format's rules that concern more than one field of a record.

Each rule looks at a record's values once every field has been read, and yields, for each problem, where it
is, the field it concerns (or None for the record as a whole) and a message; the validator reports them in the
usual form. A rule runs whenever the fields it reads could be read, whatever else is wrong in the record, so
that one run reports every problem: ``values`` holds the fields read, ``unread`` names those given but not
readable (already reported), which a rule must not take for absent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from generator import model
from generator.dates import Date
from generator.errors import Location
from generator.load import Mapping, Node, Sequence
from generator.model import NOWHERE
from generator.vocabulary import ClaimStatus, QuestionStatus

LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

Values = dict[str, Any]
Broken = Iterator[tuple[Location, str | None, str]]
Rule = Callable[[Values, Mapping, frozenset[str]], Broken]


def check_rules(type_: type, values: Values, node: Mapping, unread: frozenset[str] = frozenset()) -> Broken:
    """Every problem the rules for this kind of record find in the values that could be read.

    ``unread``: the keys given whose values could not be read; the rules that read them do not run.
    """
    rule = RULES.get(type_)
    return rule(values, node, unread) if rule is not None else iter(())


def _given(key: str, values: Values, unread: frozenset[str]) -> bool:
    """Whether the record gives a value for the key, readable or not."""
    return key in values or key in unread


def _at(node: Mapping, key: str) -> Location:
    return next((value.at for name, value in node.items if name.value == key), node.at)


def _value(node: Mapping, key: str) -> Node | None:
    return next((value for name, value in node.items if name.value == key), None)


def _claim(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    if values.get("status") is ClaimStatus.SUPERSEDED and not _given("superseded_by", values, unread):
        message = "status is 'superseded', so 'superseded_by' (the id of the newer claim) is required"
        yield _at(node, "status"), None, message
    if "id" in values and values.get("superseded_by") == values["id"]:
        yield _at(node, "superseded_by"), None, "a claim cannot supersede itself"
    if "stances" in values:
        yield from _stances_over_time(values["stances"], _value(node, "stances"))


def _stances_over_time(stances: tuple[model.Stance, ...], node: Node | None) -> Broken:
    """An actor with several stances on a claim dates each of them, so that its latest, current one is known.

    No two of an actor's stances may have the same date, nor overlapping dates (2024-11 and 2024-11-05):
    which of them came first could not be told.
    """
    items = node.items if isinstance(node, Sequence) else ()
    by_actor: dict[str, list[int]] = defaultdict(list)
    for index, stance in enumerate(stances):
        by_actor[stance.actor].append(index)
    for actor, indexes in by_actor.items():
        if len(indexes) > 1:
            yield from _one_actor_over_time(actor, indexes, stances, items)


def _one_actor_over_time(
    actor: str, indexes: list[int], stances: tuple[model.Stance, ...], items: tuple[Node, ...]
) -> Broken:
    numbers = _and([str(index + 1) for index in indexes])
    dated: list[tuple[int, Date]] = []
    for index in indexes:
        item = items[index] if index < len(items) else None
        date = stances[index].date
        if date is None:
            message = (
                f"actor '{actor}' takes several stances on this claim (stances {numbers}), so each needs a "
                "date, the latest being its current position"
            )
            yield (item.at if item else NOWHERE), f"stance {index + 1}", message
            continue
        clash = next(((other, when) for other, when in dated if when.overlaps(date)), None)
        if clash is not None:
            at = _at(item, "date") if isinstance(item, Mapping) else NOWHERE
            yield at, f"stance {index + 1}, date", _clash(date, *clash, actor)
        dated.append((index, date))


def _clash(date: Date, index: int, other: Date, actor: str) -> str:
    """Why a stance's date cannot follow or precede another of the same actor's on the claim."""
    stance = f"stance {index + 1}, by the same actor '{actor}'"
    if date.span == other.span:
        written = "" if str(date) == str(other) else "written "
        same = f"{stance}, has the same date, {written}{other}"
        return f"{same}; an actor's stances on one claim need different dates"
    return (
        f"{date} and {other} (the date of {stance}) overlap, so which came first cannot be told; write both "
        "to the same precision, such as the day"
    )


def _and(words: list[str]) -> str:
    """Words joined by commas and a last "and"."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _quantity(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    value, lower, upper = (values.get(key) for key in ("value", "lower", "upper"))
    if not any(_given(key, values, unread) for key in ("value", "lower", "upper")):
        yield node.at, None, "a quantity needs at least one of value, lower and upper"
    elif lower is not None and upper is not None and lower > upper:
        yield _at(node, "lower"), None, f"lower ({lower}) is greater than upper ({upper})"
    elif value is not None and (
        (lower is not None and value < lower) or (upper is not None and value > upper)
    ):
        yield _at(node, "value"), None, f"value ({value}) is outside lower and upper"


def _event(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    start, end = values.get("date"), values.get("end_date")
    if start is None or end is None:
        return
    if end.span[1] <= start.span[0]:  # ends before the first moment the event can start
        yield _at(node, "end_date"), None, f"end_date {end} is before date {start}"


def _treaty(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    parties = values.get("parties", ())
    twice = sorted({party for party in parties if parties.count(party) > 1})
    if twice:
        yield _at(node, "parties"), "parties", f"party '{twice[0]}' is listed twice"


def _question(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    if values.get("status") is QuestionStatus.ANSWERED and not _given("answer", values, unread):
        yield _at(node, "status"), None, "status is 'answered', so 'answer' is required"


def _briefing(values: Values, node: Mapping, unread: frozenset[str]) -> Broken:
    language = values.get("language")
    if language is not None and not LANGUAGE_PATTERN.fullmatch(language):
        message = f"expected a language code such as en, fr or pt-BR, found '{language}'"
        yield _at(node, "language"), "language", message
    if "updates" in values:
        yield from _newest_first(values["updates"], _value(node, "updates"))


def _newest_first(updates: tuple[model.Update, ...], node: Node | None) -> Broken:
    """The updates are written newest first (the contract's order, which the site and editions keep).

    Updates of the same or overlapping dates (2024-11 and 2024-11-05) may stand in either order.
    """
    items = node.items if isinstance(node, Sequence) else ()
    for index in range(1, len(updates)):
        before, date = updates[index - 1].date, updates[index].date
        if date.span[0] >= before.span[1]:  # surely later than the update above it
            item = items[index] if index < len(items) else None
            at = _at(item, "date") if isinstance(item, Mapping) else NOWHERE
            message = (
                f"{date} is later than {before}, the date of update {index}: updates are written newest "
                "first; move this one above it"
            )
            yield at, f"update {index + 1}, date", message


RULES: dict[type, Rule] = {
    model.Claim: _claim,
    model.Quantity: _quantity,
    model.Event: _event,
    model.Treaty: _treaty,
    model.Question: _question,
    model.BriefingInfo: _briefing,
}
"""The rules, by the model class they apply to."""
