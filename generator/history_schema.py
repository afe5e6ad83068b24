"""The JSON Schema of ``briefing.json``'s ``history``: the recorded editions and what each changed."""

from __future__ import annotations

from typing import Any

from generator.history import NOUNS

_CHANGE_DETAILS = {
    "added": ["name"],
    "removed": ["name"],
    "status": ["from", "to"],
    "stance": ["actor", "from", "to", "date"],
    "assessment": ["from", "to"],
    "citations": ["citations"],
    "fields": ["fields"],
}
"""The keys particular to each kind of change (``generator.history``), in its JSON data."""


def history_schema() -> tuple[dict[str, Any], dict[str, Any]]:
    """The JSON Schema of ``briefing.json``'s ``history`` (a key given only when editions are recorded).

    The key's schema, and the definitions it refers to, for ``generator.schema`` to add to the export's.
    """
    history = {
        "type": "array",
        "items": {"$ref": "#/definitions/Edition"},
        "description": "The recorded editions (content/editions/), newest first; left out when none is.",
    }
    return history, {"Change": _change(), "Edition": _edition()}


def _change() -> dict[str, Any]:
    text_or_none = {"type": ["string", "null"]}
    return {
        "type": "object",
        "description": "One change, about one entity (or the briefing itself), in words and as data.",
        "properties": {
            "change": {"enum": list(_CHANGE_DETAILS), "description": "The kind of change."},
            "category": {
                "enum": ["briefing", *NOUNS.values()],
                "description": "The entity's category as a noun ('treaty term'), or 'briefing' itself.",
            },
            "id": {**text_or_none, "description": "The entity's id; null for the briefing itself."},
            "text": {"type": "string", "description": "The change in one line, with ids."},
            "name": {"type": "string", "description": "What the entity added or removed is called."},
            "from": {"description": "The status, position or assessment before (null: none)."},
            "to": {"description": "The status, position or assessment after (null: none)."},
            "actor": {"type": "string", "description": "Id of the actor whose stance changed."},
            "date": {**text_or_none, "description": "When the actor took its new position, if dated."},
            "citations": {
                "type": "array",
                "items": {"type": "object"},
                "description": "The new citations, each a mapping of source, quote, locator and url.",
            },
            "fields": {
                "type": "array",
                "items": {"type": "string"},
                "description": "The keys whose values changed, as in the YAML.",
            },
        },
        "required": ["change", "category", "id", "text"],
        "additionalProperties": False,
        "allOf": [
            {"if": {"properties": {"change": {"const": kind}}}, "then": {"required": keys}}
            for kind, keys in _CHANGE_DETAILS.items()
        ],
    }


def _edition() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "A recorded edition: its number, date and update, and what changed since the last.",
        "properties": {
            "edition": {
                "type": "integer",
                "minimum": 1,
                "description": "Its place among the editions, from 1.",
            },
            "date": {"type": "string", "description": "Its date, as written."},
            "text": {"type": "string", "description": "What its update says (prose)."},
            "changes": {
                "type": "array",
                "items": {"$ref": "#/definitions/Change"},
                "description": "What changed since the edition before; for the first, every entity, added.",
            },
        },
        "required": ["edition", "date", "text", "changes"],
        "additionalProperties": False,
    }
