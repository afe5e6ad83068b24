"""The MkDocs plugin ``briefing``: a thin adapter that hands the rendered briefing pages to MkDocs.

The briefing is read and validated in ``on_config``, before MkDocs touches the site folder, so that an invalid
briefing fails the build with every problem listed and the previous site left as it was. The pages are added
as generated files in ``on_files``; nothing is written into the docs folder.
"""

from __future__ import annotations

import logging
import os
import posixpath
import re
from pathlib import Path
from typing import Any

import markupsafe
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.errors import BriefingError
from generator.load import FileCache
from generator.model import Briefing
from generator.render import Page as BriefingPage
from generator.render import render_pages
from generator.render_html import Heading, convert
from generator.render_text import date
from generator.sanitize import removed
from generator.validate import load_briefing

log = logging.getLogger("mkdocs.plugins.briefing")

SEARCH_BOOSTS = {"actors.md": 3}
"""Pages whose sections a search ranks higher: a name or alias typed most often seeks an actor."""
NOT_SEARCHED = {"stances.md"}
"""Pages left out of the search index: the matrix only repeats claims' titles and actors' names."""
REQUIRED_EXTENSIONS = ("attr_list", "footnotes", "tables", "toc")
"""The Markdown extensions the briefing's pages are written for: anchors, notes, the matrix, headings."""


class BriefingConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    content_dir = c.Type(str, default="content")
    """The folder holding the briefing's YAML, relative to ``mkdocs.yml``."""
    title_as_site_name = c.Type(bool, default=True)
    """Whether the briefing's title replaces ``site_name`` (in the header and the browser's title bar)."""


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's pages to the site, and its as-of date to the theme."""

    def __init__(self) -> None:
        self.cache = FileCache()
        self.briefing: Briefing | None = None
        self.pages: dict[str, BriefingPage] = {}

    def content_dir(self, config: MkDocsConfig) -> Path:
        """The content folder as messages show it."""
        return Path(_shown(Path(config.config_file_path or ".").parent / self.config.content_dir))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin, and its cache of files read, across serve's rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Read and validate the briefing; abort the build, listing every problem, when it is invalid."""
        reads = self.cache.reads
        try:
            self.briefing = load_briefing(self.content_dir(config), self.cache)
        except BriefingError as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(f"briefing: {error.summary()}") from None
        read = self.cache.reads - reads
        log.debug(f"briefing: read {read} new or changed content file{'s' * (read != 1)}")
        self.pages = {page.path: page for page in render_pages(self.briefing)}
        for page in self.pages.values():
            mine = Path(config.docs_dir) / page.path
            if mine.exists():
                raise PluginError(
                    f"briefing: {_shown(mine)} would be replaced by the briefing's '{page.title}' page; "
                    "rename or remove it"
                )
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        if config.nav is None:
            config.nav = [{page.title: page.path} for page in self.pages.values() if page.in_nav]
        config.extra["briefing"] = {"as_of": date(self.briefing.info.as_of), "home": next(iter(self.pages))}
        if self.config.title_as_site_name:  # escaped once here: the theme writes site_name as it is
            config.site_name = markupsafe.escape(self.briefing.info.title)
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
        for page in self.pages.values():
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.markdown, inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand MkDocs only a briefing page's heading to convert; ``on_page_content`` gives the rest.

        Titles are escaped once here, as the theme writes page titles as they are.
        """
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        if not page.is_homepage:  # the home page is titled by site_name
            page.meta["title"] = markupsafe.escape(generated.heading)
        if generated.path in SEARCH_BOOSTS:
            page.meta["search"] = {"boost": SEARCH_BOOSTS[generated.path]}
        if generated.path in NOT_SEARCHED:
            page.meta["search"] = {"exclude": True}
        return markdown.split("\n", 1)[0] + "\n"

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give a briefing page its HTML, headings and anchors, checked by the sanitizer.

        ``render_html`` converts the pages' own Markdown dialect, many times faster than a general engine,
        to the same HTML; links are rewritten to the built site's addresses as MkDocs would rewrite them.
        """
        generated = self.pages.get(page.file.src_uri)
        if generated is not None:
            converted = convert(generated.markdown, lambda url: _site_url(url, page, files))
            page.toc = get_toc([_toc_token(heading) for heading in converted.headings])
            page.present_anchor_ids = converted.anchors
            html = converted.html
            lost = removed(html)
            if lost:
                shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
                raise PluginError(
                    f"briefing: the sanitizer would remove {shown} from the page "
                    f"{page.file.src_uri}: content got past the escaping; please report this as a bug"
                )
        return html

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything in the content folder changes."""
        server.watch(str(self.content_dir(config).resolve()))
        return server


def _shown(path: Path) -> str:
    """A path as messages show it: relative to where the build runs, when inside it."""
    relative = os.path.relpath(path.resolve())
    return relative if not relative.startswith("..") else str(path.resolve())


def _site_url(url: str, page: Page, files: Files) -> str:
    """A link of the pages' Markdown (``../claims.md#id``) as the built site needs it from this page."""
    path, _, anchor = url.partition("#")
    if not path.endswith(".md"):
        return url
    target = files.get_file_from_path(
        posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
    )
    if target is None:
        return url
    return target.url_relative_to(page.file) + (f"#{anchor}" if anchor else "")


def _toc_token(heading: Heading) -> Any:
    """A heading as Python-Markdown's toc extension reports it to MkDocs."""
    name = re.sub(r"<[^>]+>", "", heading.html)
    children = [_toc_token(child) for child in heading.children]
    return {"level": heading.level, "id": heading.id, "name": name, "children": children}
