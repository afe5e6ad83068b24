"""The content format's rules that concern more than one field of a record.

Each rule looks at a record's values once every field has been read, and yields, for each problem, where it
is, the field it concerns (or None for the record as a whole) and a message; the validator reports them in the
usual form.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from generator import model
from generator.errors import Location
from generator.load import Mapping
from generator.vocabulary import ClaimStatus, QuestionStatus

LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")

Values = dict[str, Any]
Broken = Iterator[tuple[Location, str | None, str]]


def check_rules(type_: type, values: Values, node: Mapping) -> Broken:
    """Every problem the rules for this kind of record find in its values."""
    rule = RULES.get(type_)
    return rule(values, node) if rule is not None else iter(())


def _at(node: Mapping, key: str) -> Location:
    return next((value.at for name, value in node.items if name.value == key), node.at)


def _claim(values: Values, node: Mapping) -> Broken:
    if values["status"] is ClaimStatus.SUPERSEDED and "superseded_by" not in values:
        message = "status is 'superseded', so 'superseded_by' (the id of the newer claim) is required"
        yield _at(node, "status"), None, message
    if values.get("superseded_by") == values["id"]:
        yield _at(node, "superseded_by"), None, "a claim cannot supersede itself"


def _quantity(values: Values, node: Mapping) -> Broken:
    value, lower, upper = (values.get(key) for key in ("value", "lower", "upper"))
    if value is None and lower is None and upper is None:
        yield node.at, None, "a quantity needs at least one of value, lower and upper"
    elif lower is not None and upper is not None and lower > upper:
        yield _at(node, "lower"), None, f"lower ({lower}) is greater than upper ({upper})"
    elif value is not None and (
        (lower is not None and value < lower) or (upper is not None and value > upper)
    ):
        yield _at(node, "value"), None, f"value ({value}) is outside lower and upper"


def _event(values: Values, node: Mapping) -> Broken:
    start, end = values["date"], values.get("end_date")
    if end is not None and end.last_day < start.first_day:
        yield _at(node, "end_date"), None, f"end_date {end} is before date {start}"


def _treaty(values: Values, node: Mapping) -> Broken:
    parties = values["parties"]
    twice = sorted({party for party in parties if parties.count(party) > 1})
    if twice:
        yield _at(node, "parties"), "parties", f"party '{twice[0]}' is listed twice"


def _question(values: Values, node: Mapping) -> Broken:
    if values["status"] is QuestionStatus.ANSWERED and "answer" not in values:
        yield _at(node, "status"), None, "status is 'answered', so 'answer' is required"


def _briefing(values: Values, node: Mapping) -> Broken:
    language = values.get("language")
    if language is not None and not LANGUAGE_PATTERN.fullmatch(language):
        message = f"expected a language code such as en, fr or pt-BR, found '{language}'"
        yield _at(node, "language"), "language", message


RULES: dict[type, Callable[[Values, Mapping], Broken]] = {
    model.Claim: _claim,
    model.Quantity: _quantity,
    model.Event: _event,
    model.Treaty: _treaty,
    model.Question: _question,
    model.BriefingInfo: _briefing,
}
"""The rules, by the model class they apply to."""
