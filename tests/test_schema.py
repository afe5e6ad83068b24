"""The JSON Schemas shipped for editors: current, accepting valid briefings, rejecting what check rejects."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import jsonschema
import pytest
from generator import load, schema
from generator.load import Mapping, Scalar, Sequence

from conftest import BRIEFINGS, MINIMAL, ROOT

_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")


def as_editor_reads(node):
    """The JSON data a YAML 1.2 language server sees in the file (core schema: yes/no are strings)."""
    if isinstance(node, Mapping):
        return {key.value: as_editor_reads(value) for key, value in node.items}
    if isinstance(node, Sequence):
        return [as_editor_reads(item) for item in node.items]
    assert isinstance(node, Scalar)
    if not node.plain:
        return node.value
    if node.is_null:
        return None
    if node.value in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return node.value.lower() == "true"
    if _INT.fullmatch(node.value):
        return int(node.value, 0)
    if _FLOAT.fullmatch(node.value):
        return float(node.value)
    return node.value


def schema_for(relative: Path) -> dict:
    name = "briefing" if len(relative.parts) == 1 else relative.parts[0]
    return json.loads((schema.SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))


def errors(relative: Path, text: str) -> list[str]:
    problems: list = []
    node = load.parse(text.removeprefix("\ufeff"), str(relative), problems)
    assert problems == []
    validator = jsonschema.Draft7Validator(schema_for(relative))
    return [error.message for error in validator.iter_errors(as_editor_reads(node))]


def test_the_shipped_schemas_are_current():
    """Fails when the model changed and `python -m generator.schema` was not run."""
    written = {path.name: path.read_text(encoding="utf-8") for path in schema.SCHEMAS.glob("*.json")}
    assert written == {name: schema.render(value) for name, value in schema.schemas().items()}


@pytest.mark.parametrize("name", sorted(schema.schemas()))
def test_each_schema_is_a_valid_draft_7_schema(name):
    jsonschema.Draft7Validator.check_schema(schema.schemas()[name])


@pytest.mark.parametrize("folder", [ROOT / "content", BRIEFINGS / "other"], ids=["kursk", "other"])
def test_the_schemas_accept_valid_briefings(folder):
    files = sorted(path for path in folder.rglob("*") if path.suffix in (".yml", ".yaml"))
    assert len(files) > 5
    for path in files:
        relative = path.relative_to(folder)
        assert errors(relative, path.read_text(encoding="utf-8")) == [], relative


def test_the_schemas_describe_each_field():
    claim = schema.schemas()["claims.schema.json"]["definitions"]["Claim"]
    assert claim["properties"]["status_note"]["description"] == "Why the status is what it is."
    assert claim["required"] == ["id", "title", "statement", "status", "stances"]


CLAIM = textwrap.dedent(MINIMAL["claims/claim.yml"])
REJECTED = {
    "unknown key": ("claims/claim.yml", CLAIM + "staus: confirmed\n"),
    "missing required key": ("sources/source.yml", "id: src\ntitle: A source\n"),
    "value outside the enumeration": ("sources/source.yml", "id: src\ntitle: A source\nkind: rumour\n"),
    "malformed id": ("sources/source.yml", "id: Bad_Id\ntitle: A source\nkind: other\n"),
    "date in another form": ("briefing.yml", "title: T\nas_of: August 2024\nsummary: S\n"),
    "text where a list belongs": (
        "actors/actors.yml",
        "- {id: alpha, name: Alpha, kind: state, aliases: Moscow}\n",
    ),
    "no stances": ("claims/claim.yml", "id: c\ntitle: C\nstatement: S\nstatus: unverified\nstances: []\n"),
    "superseded without successor": (
        "claims/claim.yml",
        "id: c\ntitle: C\nstatement: S\nstatus: superseded\n"
        "stances: [{actor: alpha, position: asserts, sources: [src]}]\n",
    ),
    "answered without answer": ("questions/q.yml", "id: q\nquestion: Why?\nstatus: answered\n"),
    "one party": ("treaties/t.yml", "id: t\nname: T\nparties: [alpha]\nterms: [{id: x, sources: [src]}]\n"),
    "a party twice": (
        "treaties/t.yml",
        "id: t\nname: T\nparties: [alpha, alpha]\nterms: [{id: x, sources: [src]}]\n",
    ),
    "yes for true": (
        "claims/claim.yml",
        CLAIM + "evidence:\n  - {kind: photo, independently_verified: yes}\n",
    ),
    "non-web URL": ("sources/source.yml", "id: src\ntitle: A source\nkind: other\nurl: ftp://a.example/x\n"),
    "number with separators": (
        "claims/claim.yml",
        CLAIM + "quantity: {value: '10,000'}\n",
    ),
    "stance without citations": (
        "claims/claim.yml",
        "id: c\ntitle: C\nstatement: S\nstatus: unverified\nstances: [{actor: alpha, position: asserts}]\n",
    ),
}


@pytest.mark.parametrize("file, text", REJECTED.values(), ids=REJECTED.keys())
def test_the_schemas_reject_what_check_rejects(briefing, file, text):
    result = briefing({file: text})
    assert result.code == 1
    assert "YAML syntax error" not in result.err
    assert errors(Path(file), text) != []
