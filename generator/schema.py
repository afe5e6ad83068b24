"""JSON Schemas of the content files, for editors with a YAML language server.

They are written from the model's field declarations and docstrings, and shipped in ``generator/schemas``;
``python -m generator.schema`` writes them anew after the model changes (a test fails until it has). A
schema checks what an editor can check as one types: keys, types, enumerations, id and date syntax. Whether
references resolve, ids are unique and dates exist is for ``briefing check``; the schemas made for one
briefing (``content_schemas(ids)``, see ``generator.editor_schemas``) also name the ids a reference may take.
"""

from __future__ import annotations

import inspect
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from generator import export, model
from generator.dates import FORMS, TIME_FORMS
from generator.fields import (
    Boolean,
    Category,
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
from generator.validate import ID_PATTERN

SCHEMAS = Path(__file__).parent / "schemas"
"""Where the schemas are shipped."""
DRAFT = "http://json-schema.org/draft-07/schema#"

_ID = {"type": "string", "pattern": f"^{ID_PATTERN.pattern}$", "maxLength": 64}
_TEXT = {"type": ["string", "number", "boolean"]}
_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?~?$"
"""A date's form: a year, a month or a day, a day's time of day and offset, and "approximately"."""
DATE_MESSAGE = f"expected {FORMS}, or {TIME_FORMS}"
"""What an editor says of a date in none of the forms: what ``briefing check`` says it expected."""
Ids = Mapping[Category, Sequence[tuple[str, str]]]
"""A briefing's ids by category, each with the title or name that describes it, in the order written."""
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
    found = content_schemas()
    found[EXPORT_SCHEMA] = export_schema()
    return found


def content_schemas(ids: Ids | None = None) -> dict[str, dict[str, Any]]:
    """The schema of each content file, by file name; with ids, a reference names one of them."""
    types = [model.BriefingInfo, *model.CATEGORY_TYPES.values()]
    return {
        name: file_schema(type_, single_only=type_ is model.BriefingInfo, ids=ids)
        for name, type_ in zip(content_schema_names(), types, strict=True)
    }


def content_schema_names() -> list[str]:
    """The file name of each content file's schema: the briefing file's, then each category's."""
    return [
        f"{Path(BRIEFING_FILES[0]).stem}.schema.json",
        *(f"{f}.schema.json" for f in model.CATEGORY_TYPES),
    ]


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


def file_schema(type_: type, *, single_only: bool = False, ids: Ids | None = None) -> dict[str, Any]:
    """The schema of a file holding one entity of the type or, unless ``single_only``, a list of them.

    With ids, each reference is an enumeration of the ids of its category, described by their titles.
    """
    definitions: dict[str, Any] = {}
    entity = _record(type_, definitions, ids)
    schema: dict[str, Any] = {"$schema": DRAFT, "title": _doc(type_)}
    if single_only:
        schema.update(entity)
    else:
        schema["anyOf"] = [entity, {"type": "array", "items": entity}]
    schema["definitions"] = dict(sorted(definitions.items()))
    return schema


def _record(type_: type, definitions: dict[str, Any], ids: Ids | None = None) -> dict[str, Any]:
    name = type_.__name__
    if name not in definitions:
        definitions[name] = {}  # claimed first, so that a record may contain itself
        docs = field_docs(type_)
        properties = {}
        for spec in specs(type_):
            value = _kind(spec.kind, definitions, ids)
            if not spec.required:  # an optional key may be left empty
                value = _or_empty(value)
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


def _or_empty(value: dict[str, Any]) -> dict[str, Any]:
    """An optional key's value: its one schema with null allowed, so an editor says what it expects."""
    if "type" in value and "enum" not in value:
        types = value["type"] if isinstance(value["type"], list) else [value["type"]]
        return {**value, "type": [*types, "null"]}
    return {"anyOf": [value, {"type": "null"}]}


def _kind(kind: Kind, definitions: dict[str, Any], ids: Ids | None) -> dict[str, Any]:
    if isinstance(kind, Text):
        return dict(_TEXT)
    if isinstance(kind, Id):
        return {"anyOf": [_ID, {"type": "integer", "minimum": 0}]}
    if isinstance(kind, Ref):
        return _reference(kind, ids)
    if isinstance(kind, DateValue):  # one schema, not a choice of two: the editor shows its message
        return {
            "type": ["string", "integer"],
            "pattern": _DATE,
            "minimum": 1,
            "maximum": 9999,
            "patternErrorMessage": DATE_MESSAGE,
        }
    if isinstance(kind, Number):
        return {"type": "number"}
    if isinstance(kind, Boolean):
        return {"type": "boolean"}
    if isinstance(kind, Url):
        return {"type": "string", "pattern": r"^[hH][tT][tT][pP][sS]?://\S+$"}
    if isinstance(kind, Choice):
        return {"enum": [member.value for member in kind.enum]}
    if isinstance(kind, ListOf):
        items: dict[str, Any] = {"type": "array", "items": _kind(kind.item, definitions, ids)}
        if kind.min_items:
            items["minItems"] = kind.min_items
        if isinstance(kind.item, Ref) and kind.min_items > 1:
            items["uniqueItems"] = True
        return items
    record = _record(kind.type, definitions, ids)
    if kind.shorthand is None:
        return record
    shorthand = next(spec for spec in specs(kind.type) if spec.key == kind.shorthand)
    return {"anyOf": [_kind(shorthand.kind, definitions, ids), record]}


def _reference(kind: Ref, ids: Ids | None) -> dict[str, Any]:
    """A reference: any id by its form or, once the briefing's ids are known, one of its category's ids.

    The ids are an enumeration with their titles as ``enumDescriptions``, which the YAML language server
    offers in completion and shows on hover. An id of digits alone is listed as a number too, as YAML
    reads it.
    """
    named = ids.get(kind.category, ()) if ids is not None else ()
    if not named:  # no ids known (yet): any id by its form
        return dict(_TEXT) if kind.or_text else {"anyOf": [_ID, {"type": "integer", "minimum": 0}]}
    values: list[str | int] = []
    descriptions: list[str] = []
    for id_, title in named:
        for value in (id_, int(id_)) if id_.isdigit() else (id_,):
            values.append(value)
            descriptions.append(title)
    choice = {"enum": values, "enumDescriptions": descriptions}
    return {"anyOf": [choice, _TEXT]} if kind.or_text else choice


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
