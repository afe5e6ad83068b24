"""Briefing: turns a developing story's facts, kept as YAML, into a briefing site.

The stages, in the order data flows: ``load`` (files to located nodes), ``validate`` (nodes to the typed
``model``), then rendering and the MkDocs plugin.

The names below are imported when first used, so that importing a part of the package (the ``briefing``
command's launcher above all) costs only that part.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.errors import BriefingError, Location, Problem
    from generator.model import Briefing
    from generator.validate import load_briefing

_HOME = {
    "Briefing": "generator.model",
    "BriefingError": "generator.errors",
    "Location": "generator.errors",
    "Problem": "generator.errors",
    "load_briefing": "generator.validate",
}
"""The module each of the package's own names comes from."""

__all__ = ["Briefing", "BriefingError", "Location", "Problem", "load_briefing"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'generator' has no attribute {name!r}")
    return getattr(importlib.import_module(_HOME[name]), name)
