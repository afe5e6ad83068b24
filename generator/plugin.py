"""The MkDocs plugin ``briefing``: a thin adapter that hands the rendered briefing pages to MkDocs.

The briefing is read and validated in ``on_config``, before MkDocs touches the site folder, so that an invalid
briefing fails the build with every problem listed and the previous site left as it was. The pages are added
as generated files in ``on_files``; nothing is written into the docs folder.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from generator.errors import BriefingError
from generator.model import Briefing
from generator.render import Page, render_pages
from generator.render_text import date
from generator.validate import load_briefing

log = logging.getLogger("mkdocs.plugins.briefing")


class BriefingConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    content_dir = c.Type(str, default="content")
    """The folder holding the briefing's YAML, relative to ``mkdocs.yml``."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's pages to the site, and its as-of date to the theme."""

    def __init__(self) -> None:
        self.briefing: Briefing | None = None
        self.pages: list[Page] = []

    def content_dir(self, config: MkDocsConfig) -> Path:
        """The content folder as messages show it."""
        return Path(_shown(Path(config.config_file_path or ".").parent / self.config.content_dir))

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read and validate the briefing; abort the build, listing every problem, when it is invalid."""
        try:
            self.briefing = load_briefing(self.content_dir(config))
        except BriefingError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(f"briefing: {error.summary()}") from None
        self.pages = render_pages(self.briefing)
        for page in self.pages:
            mine = Path(config.docs_dir) / page.path
            if mine.exists():
                raise PluginError(
                    f"briefing: {_shown(mine)} would be replaced by the briefing's '{page.title}' page; "
                    "rename or remove it"
                )
        if config.nav is None:
            config.nav = [{page.title: page.path} for page in self.pages]
        config.extra["briefing"] = {"as_of": date(self.briefing.info.as_of), "home": self.pages[0].path}
        self._set_language(config, self.briefing.info.language)
        return config

    def _set_language(self, config: MkDocsConfig, language: str | None) -> None:
        if language is None or config.theme.name != "material":
            return
        if any(
            (Path(folder) / "partials" / "languages" / f"{language}.html").is_file()
            for folder in config.theme.dirs
        ):
            config.theme["language"] = language
        else:
            log.info(
                f"briefing: the theme has no translation for '{language}'; its own labels stay in English"
            )

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Add the briefing's pages (``on_config`` made sure that none replaces a page of the docs)."""
        for page in self.pages:
            files.append(File.generated(config, page.path, content=page.markdown))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything in the content folder changes."""
        server.watch(str(self.content_dir(config).resolve()))
        return server


def _shown(path: Path) -> str:
    """A path as messages show it: relative to where the build runs, when inside it."""
    relative = os.path.relpath(path.resolve())
    return relative if not relative.startswith("..") else str(path.resolve())
