"""The briefing theme's folder, which the ``mkdocs.themes`` entry point ``briefing`` gives MkDocs and others.

``generator/theme/`` holds the theme: Material for MkDocs (``mkdocs_theme.yml`` extends ``material``) with
the briefing's templates and stylesheet, loaded by ``theme: name: briefing``. Engines take a theme's folder
from the ``__file__`` of what its entry point loads; that is ``THEME`` here rather than a module inside the
folder, because Zensical copies every file of a theme's folder but its templates into the built site.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

FOLDER = Path(__file__).resolve().parent / "theme"
"""The theme's template (``main.html``), stylesheet (``assets/``) and ``mkdocs_theme.yml``."""
THEME = SimpleNamespace(__file__=str(FOLDER / "mkdocs_theme.yml"))
"""What the entry point loads: its ``__file__`` lies in the theme's folder."""
