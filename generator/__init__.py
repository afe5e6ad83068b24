"""Briefing: turns a developing story's facts, kept as YAML, into a briefing site.

The stages, in the order data flows: ``load`` (files to located nodes), ``validate`` (nodes to the typed
``model``), then rendering and the MkDocs plugin.
"""

from __future__ import annotations

from generator.errors import BriefingError, Location, Problem
from generator.model import Briefing
from generator.validate import load_briefing

__all__ = ["Briefing", "BriefingError", "Location", "Problem", "load_briefing"]
