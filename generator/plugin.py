"""The MkDocs plugin ``briefing``: a thin adapter that hands the rendered briefing pages to MkDocs.

The briefing is read and validated in ``on_config``, before MkDocs touches the site folder, so that an invalid
briefing fails the build with every problem listed and the previous site left as it was. The pages are added
as generated files in ``on_files``; nothing is written into the docs folder.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator import drafts, editor_schemas, export, placeholder, share, site_folder
from generator.dialect import Permalinks, convert
from generator.edit_links import EditLinks
from generator.editions import History, with_history
from generator.errors import BriefingError
from generator.findable import Findable
from generator.load import FileCache
from generator.mkdocs_pages import (
    SiteLinks,
    add_findables,
    material_search,
    search_mismatch,
    separate_search_words,
    toc_levels,
    toc_tokens,
)
from generator.model import Briefing
from generator.rebuilds import Conversion, Rebuilds
from generator.render import SEARCHED_WHOLE, problem_pages, render_site
from generator.render import Page as BriefingPage
from generator.render_reads import Written
from generator.render_text import date
from generator.sanitize import removed
from generator.site_folder import KeepClear
from generator.validate import load_briefing

log = logging.getLogger("mkdocs.plugins.briefing")
SERVE_LOG = logging.getLogger("briefing.serve")
"""Where ``mkdocs serve`` reports an invalid briefing: outside the ``mkdocs`` logger, whose errors fail a
strict build, with a handler of its own that prints as MkDocs does."""
SERVE_LOG.propagate = False
SERVE_LOG.addHandler(logging.StreamHandler())
SERVE_LOG.handlers[0].setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))

_NOTES = '<div class="footnote">'
_NOTES_NOT_SEARCHED = '<div class="footnote" data-search-exclude="">'
_MARKER = '<sup id="fnref'
_MARKER_NOT_SEARCHED = '<sup data-search-exclude="" id="fnref'
"""A page's numbered notes, and the markers of them, left out of the search index: the notes would make a
page's last section match every word of its sources' quotes and titles, the markers add numbers to words."""
REQUIRED_EXTENSIONS = ("attr_list", "footnotes", "tables", "toc")
"""The Markdown extensions the briefing's pages are written for: anchors, notes, the matrix, headings."""


class BriefingConfig(base.Config):
    """The plugin's options in ``mkdocs.yml``."""

    content_dir = c.Type(str, default="content")
    """The folder holding the briefing's YAML, relative to ``mkdocs.yml``."""
    title_as_site_name = c.Type(bool, default=True)
    """Whether the briefing's title replaces ``site_name`` (in the header and the browser's title bar)."""
    edit_uri = c.Optional(c.Type(str))
    """Where the repository's files are edited, relative to ``repo_url`` (``edit/main/``).

    Left out, it is MkDocs' ``edit_uri`` without the docs folder: ``edit/main/docs/`` gives ``edit/main/``.
    """


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Adds the briefing's pages to the site, and its as-of date to the theme."""

    def __init__(self) -> None:
        self.cache = FileCache()
        self.briefing: Briefing | None = None
        self.history = History()
        """The recorded editions (none for a briefing that has recorded none)."""
        self.pages: dict[str, BriefingPage] = {}
        self.serving = False
        self.edit: EditLinks | None = None
        self.exports: dict[str, str] = {}
        """The data files written beside the pages (``briefing.json``...), by path."""
        self.claim_pages: dict[str, str] = {}
        """Each claim's own page (``claim/<id>/index.html``), by its path."""
        self.claim_pages_served = False
        """While serving: whether the server answers for the claims' own pages from memory."""
        self.findables: list[Findable] = []
        """Each entity as the search finds it: Material's index holds these, not the pages showing them."""
        self.as_of: str | None = None
        """The briefing's as-of date in words, which the theme shows above hand-written pages too."""
        self.permalinks = Permalinks()
        """How headings link to themselves, from the toc extension's options."""
        self.toc_levels = range(1, 7)
        """The levels of the headings in a page's table of contents (the toc extension's ``toc_depth``)."""
        self.valid_at: str | None = None
        """While serving: when (HH:MM) the briefing was last valid, or None when it never was."""
        self.rebuilds = Rebuilds()
        """While serving: what each build remembers of the last, so that unchanged pages cost little."""
        self.written: Written[BriefingPage] = Written()
        """While serving: the briefing's pages as the last build wrote them, with what each read of it."""

    def content_dir(self, config: MkDocsConfig) -> Path:
        """The content folder as messages show it."""
        return Path(_shown(Path(config.config_file_path or ".").parent / self.config.content_dir))

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Note whether the site is served.

        Defining this also makes MkDocs keep the plugin, and its cache of files read, across serve's rebuilds.
        """
        self.serving = command == "serve"

    def _refresh_schemas(self, config: MkDocsConfig) -> None:
        """Keep the editor's schemas beside mkdocs.yml naming the briefing's ids, as ``check`` does."""
        project = Path(config.config_file_path or ".").parent
        warning = editor_schemas.refresh_or_warning(self.content_dir(config), project, self.cache)
        if warning is not None:
            log.warning(f"briefing: {warning}")

    @event_priority(50)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Check the site folder; read and validate the briefing, listing every problem when it is invalid.

        This runs before MkDocs empties the site folder, so a folder it must not replace is refused in time;
        and before the search's, which takes its word separator from it.
        """
        try:
            site_folder.check(
                Path(config.site_dir),
                KeepClear.of(config, self.content_dir(config)),
                how_to_force="replace it with 'briefing build --force', which keeps its dot-entries",
            )
        except site_folder.UnsafeSiteFolder as error:
            raise PluginError(f"briefing: {error}") from None
        mismatch = search_mismatch(config)
        if mismatch is not None:
            raise PluginError(f"briefing: {mismatch}")
        separate_search_words(config)
        if self.serving:
            self.rebuilds.next_build()
        reads = self.cache.reads
        try:
            # serving, the schemas and the briefing read each file once; a build reads them once anyway
            with self.cache.one_pass() if self.serving else contextlib.nullcontext():
                if self.serving:
                    self._refresh_schemas(config)
                self.briefing, self.history = with_history(
                    self.content_dir(config), lambda content: load_briefing(content, self.cache)
                )
        except BriefingError as error:
            if not self.serving:
                for problem in error.problems:
                    log.error(str(problem))
                raise PluginError(f"briefing: {error.summary()}") from None
            self._show_problems(error, config)
            self._check_docs(config)
            self._prepare(config)
            return config
        read = self.cache.reads - reads
        log.debug(f"briefing: read {read} new or changed content file{'s' * (read != 1)}")
        self.edit = EditLinks.of(config, self.config.edit_uri)
        site = render_site(
            self.briefing,
            self.edit.url if self.edit else None,
            self.history,
            site_url=config.site_url,
            directory_urls=config.use_directory_urls,
            language=config.theme.get("language") or "en",
            written=self.written if self.serving else None,
        )
        self.pages = {page.path: page for page in site.pages}
        self.exports, self.claim_pages = site.exports, site.claim_pages
        self.findables = site.findables if material_search(config) else []
        self._check_docs(config)
        self._prepare(config)
        self.valid_at = datetime.now().strftime("%H:%M")
        self._show_briefing(config, self.briefing)
        return config

    def _show_briefing(self, config: MkDocsConfig, briefing: Briefing) -> None:
        """Give the site the briefing's title, description and language."""
        self.as_of = date(briefing.info.as_of)
        if self.config.title_as_site_name:  # escaped once here: the theme writes site_name as it is
            config.site_name = markupsafe.escape(briefing.info.title)
        if not config.site_description:  # the same: the theme writes it as it is
            config.site_description = markupsafe.escape(share.description(briefing))
        self._set_language(config, briefing.info.language)

    def _show_problems(self, error: BriefingError, config: MkDocsConfig) -> None:
        """While serving: list the problems in the terminal, and show them in the site.

        The pages keep showing the briefing as it was when last valid, with the problems in a banner above
        every page; a briefing never valid while served shows the list of problems at every page's address.
        The build goes on, so that the server stays up and the browser reloads; the problems are logged
        outside MkDocs' own logger, which ``--strict`` would count as a failed build.
        """
        for problem in error.problems:
            SERVE_LOG.error(str(problem))
        if self.briefing is None or self.valid_at is None:
            SERVE_LOG.error(f"briefing: {error.summary()}; the site shows them until they are fixed")
            self.pages = {page.path: page for page in problem_pages(error, self.pages)}
            self.exports, self.claim_pages, self.as_of, self.findables = {}, {}, None, []
            return
        SERVE_LOG.error(
            f"briefing: {error.summary()}; the pages show the briefing as it was at {self.valid_at}, "
            "with the problems above them, until they are fixed"
        )
        self._show_briefing(config, self.briefing)
        edit = EditLinks.of(config, self.config.edit_uri)
        banner = drafts.banner(
            error, self.valid_at, lambda location: edit.file_url(Path(location.path)) if edit else None
        )
        config.extra["briefing"] = {"problems": banner}

    def _check_docs(self, config: MkDocsConfig) -> None:
        made = {page.path: f"the briefing's '{page.title}' page" for page in self.pages.values()}
        made |= {path: "the briefing's export" for path in self.exports}
        made |= {path: "a claim's own page" for path in self.claim_pages}
        docs = Path(config.docs_dir)
        folders: dict[str, bool] = {}  # whether the docs have each folder the briefing writes into
        for path, what in made.items():
            folder = path.partition("/")[0] if "/" in path else ""
            if folder and not folders.setdefault(folder, (docs / folder).exists()):
                continue
            mine = docs / path
            if path == placeholder.PATH and placeholder.is_placeholder(mine):
                continue  # on_files puts the overview in its place
            if mine.exists():
                raise PluginError(
                    f"briefing: {_shown(mine)} would be replaced by {what}; rename or remove it"
                )

    def _prepare(self, config: MkDocsConfig) -> None:
        for extension in REQUIRED_EXTENSIONS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        toc = config.mdx_configs.get("toc", {})
        self.permalinks = Permalinks.of(toc)
        self.toc_levels = toc_levels(toc)
        if config.nav is None:
            config.nav = [{page.title: page.path} for page in self.pages.values() if page.in_nav]

    def _set_language(self, config: MkDocsConfig, language: str | None) -> None:
        if language is None or config.theme.name not in ("material", "briefing"):
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
        """Add the briefing's pages (``on_config`` made sure that none replaces a page of the docs).

        The placeholder page, which engines without the plugin show, gives way to the overview.
        """
        standing_in = files.get_file_from_path(placeholder.PATH)
        if standing_in is not None and placeholder.is_placeholder(Path(standing_in.abs_src_path or "")):
            files.remove(standing_in)
        for page in self.pages.values():
            inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.markdown, inclusion=inclusion))
        written = self.exports if self.claim_pages_served else self.exports | self.claim_pages
        for path, content in written.items():
            files.append(File.generated(config, path, content=content))
        if self.serving:
            self.rebuilds.note_files(files, unlinked=self.claim_pages)  # linked to only in raw HTML
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        """While serving: note what every page shows of the site, to tell which pages are as before."""
        if self.serving:
            self.rebuilds.note_site(config, nav)
        return nav

    def on_env(self, env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """While serving: add the template of pages written as before, and compile no template twice."""
        return self.rebuilds.template_environment(env) if self.serving else env

    def on_pre_build(self, config: MkDocsConfig) -> None:
        """While serving: have the search take an unchanged page's entries from the build before."""
        if self.serving:
            self.rebuilds.search_entries(config.plugins)

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give a briefing page its metadata, and MkDocs only its heading to convert.

        ``on_page_content`` gives the rest. A hand-written page gets the briefing's as-of date and feed, as
        the briefing's pages have them.

        Titles are escaped once here, as the theme writes page titles as they are.
        """
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            if self.as_of is not None and "briefing" not in page.meta:
                shown = {} if page.is_homepage else {"as_of": self.as_of}
                page.meta["briefing"] = {**shown, "feed": export.FILES["atom"]}
            return markdown
        page.meta.update(generated.meta)
        if self.findables and generated.path not in SEARCHED_WHOLE:
            page.meta["search"] = {"exclude": True}  # its entities are found by themselves
        if "title" in page.meta:
            page.meta["title"] = markupsafe.escape(page.meta["title"])
        if self.edit is not None:
            page.edit_url = self.edit.page_url(generated.path, self.content_dir(config))
        return markdown.split("\n", 1)[0] + "\n"

    @event_priority(50)
    def _content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Give a briefing page its HTML, headings and anchors, checked by the sanitizer.

        ``dialect`` converts the pages' own Markdown dialect, many times faster than a general engine,
        to the same HTML; links are rewritten to the built site's addresses as MkDocs would rewrite them.
        While serving, a page whose Markdown and site are as before takes its conversion from the last build.
        """
        generated = self.pages.get(page.file.src_uri)
        if generated is None:
            return html
        make = lambda: self._convert(generated.markdown, page, files, config)  # noqa: E731
        if self.serving:
            key = (page.file.src_uri, generated.markdown, self.permalinks, self.toc_levels)
            converted = self.rebuilds.conversion((key, config.validation.links.not_found), make)
        else:
            converted = make()
        page.toc = get_toc(converted.toc)
        page.present_anchor_ids = set(converted.anchors)
        page.links_to_anchors = {
            target: dict(anchors)
            for path, anchors in converted.to_anchors.items()
            if (target := files.get_file_from_path(path)) is not None
        }
        return converted.html

    def _convert(self, markdown: str, page: Page, files: Files, config: MkDocsConfig) -> Conversion:
        """Convert a briefing page, and check it with the sanitizer."""
        links = SiteLinks(page, files, config)
        converted = convert(markdown, links, self.permalinks)
        html = converted.html.replace(_NOTES, _NOTES_NOT_SEARCHED, 1).replace(_MARKER, _MARKER_NOT_SEARCHED)
        lost = removed(html)
        if lost:
            shown = ", ".join(lost[:5]) + (f" and {len(lost) - 5} more" if len(lost) > 5 else "")
            raise PluginError(
                f"briefing: the sanitizer would remove {shown} from the page "
                f"{page.file.src_uri}: content got past the escaping; please report this as a bug"
            )
        return Conversion(
            html=html,
            toc=toc_tokens(converted.headings, self.toc_levels),
            anchors=frozenset(converted.anchors),
            to_anchors={file.src_uri: anchors for file, anchors in links.to_anchors.items()},
            missing=tuple(links.missing),
        )

    @event_priority(-100)
    def _written_before(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """While serving, once every plugin has given the page its content: see if the last build had it."""
        page.content = html
        if self.serving:
            self.rebuilds.choose_template(page)
        return html

    on_page_content = CombinedEvent(_content, _written_before)

    @event_priority(100)
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        """While serving: an unchanged page is written as before; a page templated now is kept."""
        return self.rebuilds.written(output, page) if self.serving else output

    @event_priority(-100)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """Add the entities to the index Material's search wrote; mark the site as built by the briefing.

        The mark lets the next build replace the site.
        """
        if self.findables:
            boosts = {
                path: page.meta["search"]["boost"]
                for path, page in self.pages.items()
                if "boost" in page.meta.get("search", {})
            }
            titles = {path: page.heading for path, page in self.pages.items()}
            add_findables(config.site_dir, self.findables, config.use_directory_urls, titles, boosts)
        site_folder.mark(Path(config.site_dir))

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild when anything in the content folder changes, even after it was moved away and back.

        From the next build on, the claims' own pages are answered from memory rather than written. What the
        first build left that lives on (the modules, the theme, the caches) is set aside from the garbage
        collector, which would otherwise go through it again at each rebuild: a tenth of a rebuild's time at
        2,000 entities. What it left to be collected is collected first, so that nothing is kept for good.
        """
        from generator.served_pages import answer_from_memory  # only serving needs these
        from generator.watch import keep_watching

        keep_watching(server, self.content_dir(config).resolve())
        self.claim_pages_served = answer_from_memory(server, lambda: self.claim_pages)
        gc.collect()
        gc.freeze()
        return server


def _shown(path: Path) -> str:
    """A path as messages show it: relative to where the build runs, when inside it."""
    relative = os.path.relpath(path.resolve())
    return relative if not relative.startswith("..") else str(path.resolve())
