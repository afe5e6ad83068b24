"""What each field of the content format holds, declared once beside the model's fields.

The model's dataclasses say ``status: ClaimStatus = required(Choice(ClaimStatus))``; the validator reads
YAML by these declarations and the JSON Schemas for editors are written from them, so the three cannot
drift apart.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import inspect
import textwrap
from dataclasses import dataclass
from typing import Any


class Category(enum.Enum):
    """The kinds of entity that have ids; the value is the noun messages use.

    A category is declared here (its noun, and ``plural``, which names its folder of content files) and by
    its entity's class in ``generator.model`` (listed in ``model.CATEGORY_TYPES``); the loader's folders, the
    validator, the JSON Schemas, the scaffold, the list and the export follow from those two. Its page is
    declared in ``generator.render`` (``PAGES``, and the writer of that page) and ``render_layout.PAGE_OF``.
    """

    SOURCE = "source"
    ACTOR = "actor"
    CLAIM = "claim"
    TREATY = "treaty"
    TERM = "treaty term"
    QUESTION = "question"
    EVENT = "event"

    @property
    def plural(self) -> str:
        """The noun in the plural: the name of the category's folder (``treaties``), if it has one."""
        return "treaties" if self is Category.TREATY else f"{self.value}s"


@dataclass(frozen=True)
class Text:
    """Text shown as written (plain), or paragraphs of inline Markdown (prose)."""

    prose: bool = False


@dataclass(frozen=True)
class Id:
    """An entity's own id."""


@dataclass(frozen=True)
class DateValue:
    """A date at its own precision: a year, a month, a day, or a day's time of day."""


@dataclass(frozen=True)
class Number:
    """An integer or a decimal number."""


@dataclass(frozen=True)
class Boolean:
    """``true`` or ``false``."""


@dataclass(frozen=True)
class Url:
    """An ``http`` or ``https`` URL."""


@dataclass(frozen=True)
class Choice:
    """One of an enumeration's values, spelt as in YAML."""

    enum: type[enum.Enum]


@dataclass(frozen=True)
class Ref:
    """The id of another entity of the given category, or (with ``or_text``) a plain name instead."""

    category: Category
    or_text: bool = False


@dataclass(frozen=True)
class ListOf:
    """A list of items of one kind; ``noun`` names one item in messages."""

    item: Kind
    noun: str
    min_items: int = 0


@dataclass(frozen=True)
class Record:
    """A mapping read into a dataclass; with ``shorthand``, a lone scalar stands for that one field."""

    type: type
    shorthand: str | None = None


Kind = Text | Id | DateValue | Number | Boolean | Url | Choice | Ref | ListOf | Record

PLAIN = Text()
PROSE = Text(prose=True)


def required(kind: Kind) -> Any:
    """Declare a field the YAML must give."""
    return dataclasses.field(metadata={"kind": kind, "required": True})


def optional(kind: Kind) -> Any:
    """Declare a field the YAML may leave out (an empty list when it is a list)."""
    default: Any = () if isinstance(kind, ListOf) else None
    return dataclasses.field(default=default, metadata={"kind": kind, "required": False})


@dataclass(frozen=True)
class Spec:
    """One YAML key of a record, as the model declares it."""

    key: str
    kind: Kind
    required: bool


@functools.cache
def declared(record: type) -> dict[str, Spec]:
    """The YAML keys of a model class, by key (the same dict every time: do not change it)."""
    return {spec.key: spec for spec in specs(record)}


@functools.cache
def specs(record: type) -> tuple[Spec, ...]:
    """The YAML keys of a model class, in declaration order."""
    return tuple(
        Spec(field.name, field.metadata["kind"], field.metadata["required"])
        for field in dataclasses.fields(record)
        if "kind" in field.metadata
    )


@functools.cache
def field_docs(record: type) -> dict[str, str]:
    """The docstrings written under a model class's fields, its bases' included, by field name."""
    docs: dict[str, str] = {}
    for cls in reversed(record.__mro__):
        if not dataclasses.is_dataclass(cls):
            continue
        body = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
        assert isinstance(body, ast.ClassDef)
        for statement, following in zip(body.body, body.body[1:], strict=False):
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs
