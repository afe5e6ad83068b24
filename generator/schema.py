"""JSON Schemas of the content files, for editors with a YAML language server.

They are written from the model's field declarations and docstrings, and shipped in ``generator/schemas``;
``python -m generator.schema`` writes them anew after the model changes (a test fails until it has). A
schema checks what an editor can check as one types: keys, types, enumerations, id and date syntax. Whether
references resolve, ids are unique and dates exist is for ``briefing check``.
"""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Any

from generator import export, model
from generator.dates import FORMS, TIME_FORMS
from generator.fields import (
    Boolean,
    Choice,
    DateValue,
    Id,
    Kind,
    ListOf,
    Number,
    Ref,
    Text,
    Url,
    field_docs,
    specs,
)
from generator.history_schema import history_schema
from generator.load import BRIEFING_FILES

SCHEMAS = Path(__file__).parent / "schemas"
"""Where the schemas are shipped."""
DRAFT = "http://json-schema.org/draft-07/schema#"

_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "maxLength": 64}
_TEXT = {"type": ["string", "number", "boolean"]}
_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?~?$"
"""A date's form: a year, a month or a day, a day's time of day and offset, and "approximately"."""
_CONDITIONS: dict[type, list[dict[str, Any]]] = {
    model.Claim: [
        {
            "if": {"properties": {"status": {"const": "superseded"}}, "required": ["status"]},
            "then": {"required": ["superseded_by"]},
        }
    ],
    model.Question: [
        {
            "if": {"properties": {"status": {"const": "answered"}}, "required": ["status"]},
            "then": {"required": ["answer"]},
        }
    ],
}
"""The contract's conditional rules, where a schema can state them."""


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by file name."""
    found = {f"{Path(BRIEFING_FILES[0]).stem}.schema.json": file_schema(model.BriefingInfo, single_only=True)}
    for folder, type_ in model.CATEGORY_TYPES.items():
        found[f"{folder}.schema.json"] = file_schema(type_)
    found[EXPORT_SCHEMA] = export_schema()
    return found


EXPORT_SCHEMA = "briefing-export.schema.json"
"""The schema of ``briefing.json``, the export; not of a content file."""


def export_schema() -> dict[str, Any]:
    """The schema of ``briefing.json``: the briefing and every category's entities, keyed as in the YAML.

    Empty optional keys are left out; dates are strings as written (``2024-11~``), citations mappings.
    """
    definitions: dict[str, Any] = {}
    properties: dict[str, Any] = {
        "format": {"const": export.FORMAT, "description": "Always 'briefing'."},
        "version": {
            "const": export.VERSION,
            "description": "The layout's version; it changes only when a key's "
            "meaning changes or a key goes.",
        },
        "briefing": {**_record(model.BriefingInfo, definitions), "description": _doc(model.BriefingInfo)},
    }
    for folder, type_ in model.CATEGORY_TYPES.items():
        properties[folder] = {
            "type": "array",
            "items": _record(type_, definitions),
            "description": f"Every {type_.CATEGORY.value}.",
        }
    required = list(properties)  # all but the history, given only once editions are recorded
    properties["history"], history_definitions = history_schema()
    definitions.update(history_definitions)
    return {
        "$schema": DRAFT,
        "title": "A briefing exported as JSON (briefing.json, or briefing export --format json)",
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
        "definitions": dict(sorted(definitions.items())),
    }


def file_schema(type_: type, *, single_only: bool = False) -> dict[str, Any]:
    """The schema of a file holding one entity of the type or, unless ``single_only``, a list of them."""
    definitions: dict[str, Any] = {}
    entity = _record(type_, definitions)
    schema: dict[str, Any] = {"$schema": DRAFT, "title": _doc(type_)}
    if single_only:
        schema.update(entity)
    else:
        schema["anyOf"] = [entity, {"type": "array", "items": entity}]
    schema["definitions"] = dict(sorted(definitions.items()))
    return schema


def _record(type_: type, definitions: dict[str, Any]) -> dict[str, Any]:
    name = type_.__name__
    if name not in definitions:
        definitions[name] = {}  # claimed first, so that a record may contain itself
        docs = field_docs(type_)
        properties = {}
        for spec in specs(type_):
            value = _kind(spec.kind, definitions)
            if not spec.required:  # an optional key may be left empty
                value = {"anyOf": [value, {"type": "null"}]}
            properties[spec.key] = {**value, "description": docs.get(spec.key, "")}
        definition: dict[str, Any] = {
            "type": "object",
            "description": _doc(type_),
            "properties": properties,
            "required": [spec.key for spec in specs(type_) if spec.required],
            "additionalProperties": False,
        }
        if type_ in _CONDITIONS:
            definition["allOf"] = _CONDITIONS[type_]
        definitions[name] = definition
    return {"$ref": f"#/definitions/{name}"}


def _kind(kind: Kind, definitions: dict[str, Any]) -> dict[str, Any]:
    if isinstance(kind, Text):
        return dict(_TEXT)
    if isinstance(kind, (Id, Ref)):
        ids = {"anyOf": [_ID, {"type": "integer", "minimum": 0}]}
        return dict(_TEXT) if isinstance(kind, Ref) and kind.or_text else ids
    if isinstance(kind, DateValue):
        pattern = {"type": "string", "pattern": _DATE}
        year = {"type": "integer", "minimum": 1, "maximum": 9999}
        return {"anyOf": [year, pattern], "$comment": f"{FORMS}, or {TIME_FORMS}"}
    if isinstance(kind, Number):
        return {"type": "number"}
    if isinstance(kind, Boolean):
        return {"type": "boolean"}
    if isinstance(kind, Url):
        return {"type": "string", "pattern": r"^[hH][tT][tT][pP][sS]?://\S+$"}
    if isinstance(kind, Choice):
        return {"enum": [member.value for member in kind.enum]}
    if isinstance(kind, ListOf):
        items: dict[str, Any] = {"type": "array", "items": _kind(kind.item, definitions)}
        if kind.min_items:
            items["minItems"] = kind.min_items
        if isinstance(kind.item, Ref) and kind.min_items > 1:
            items["uniqueItems"] = True
        return items
    record = _record(kind.type, definitions)
    if kind.shorthand is None:
        return record
    shorthand = next(spec for spec in specs(kind.type) if spec.key == kind.shorthand)
    return {"anyOf": [_kind(shorthand.kind, definitions), record]}


def _doc(type_: type) -> str:
    return inspect.getdoc(type_) or ""


def render(schema: dict[str, Any]) -> str:
    """A schema as the text of its file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    """Write every schema into the package's ``schemas`` folder."""
    SCHEMAS.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        (SCHEMAS / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote {SCHEMAS / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
