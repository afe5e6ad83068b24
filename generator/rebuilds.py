"""While serving: a rebuild does the costly work again only for the pages whose inputs changed.

Every save rebuilds the whole site, as MkDocs always does, but most pages come out exactly as before. For
those, three results are taken from the build before, each keyed on everything it is made from, so that a
page is never served stale:

- a briefing page's conversion and the sanitizer's check, keyed on its Markdown and the site's files;
- Material's search entries of a page, keyed on its address, title, content, headings and metadata;
- the page as the theme wrote it, keyed on all that it shows: its content, headings and metadata, the
  navigation, and the site's configuration. Only when no plugin other than the briefing's and the search is
  at work, since another's hooks could show anything on a page.

The theme's templates are compiled once: MkDocs makes a new template environment for each build, which would
compile them all again. Jinja checks each kept compilation against its template's source.

Each build keeps what it used or made, so the caches hold one build's worth, whatever happens over a day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Container, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.render_reads import Remembered

log = logging.getLogger("mkdocs.plugins.briefing")

UNCHANGED_TEMPLATE = "briefing/unchanged.html"
"""The template a page written as before is given: it renders nothing, and the page as written before
replaces that nothing once the theme is done."""
KNOWN_PLUGINS = frozenset({"briefing", "search", "material/search"})
"""The plugins whose effect on a written page is known: with any other at work, every page is templated."""


@dataclass(frozen=True)
class Conversion:
    """A briefing page's HTML, checked, and what MkDocs learns from converting it."""

    html: str
    toc: list[Any]
    """The headings, as the toc extension reports them."""
    anchors: frozenset[str]
    """The ids the page holds."""
    to_anchors: dict[str, dict[str, str]]
    """The anchors linked to, by the path of the file they are in."""
    missing: tuple[tuple[int, str], ...]
    """The warnings of links to missing pages (level, message), told again whenever the page is reused."""


class Rebuilds:
    """What the builds of one ``serve`` remember of each other."""

    def __init__(self) -> None:
        self.conversions = Remembered()
        self.searches = Remembered()
        self.outputs = Remembered()
        self.files_key = ""
        """The site's files, by path, as this build has them."""
        self.site_key = ""
        """The configuration and navigation every written page shows, as this build has them."""
        self.pending: dict[str, Hashable] = {}
        """The key of each page to template this build, by its path; None for a page never kept."""
        self.unchanged: dict[str, str] = {}
        """The pages written as before, by path: what the theme wrote for them last time."""
        self.compiled: dict[Hashable, CompiledTemplates] = {}
        """The theme's templates as compiled, for each kind of template environment."""

    def next_build(self) -> None:
        """Start a build: what the last one did not use is forgotten."""
        for remembered in (self.conversions, self.searches, self.outputs):
            remembered.next_build()
        self.pending, self.unchanged = {}, {}

    def note_files(self, files: Files, unlinked: Container[str] = ()) -> None:
        """Note the site's files, on which every page's links depend; but those no page's Markdown links to.

        The claims' own pages are written by the first build and answered from memory after it: left out,
        the first rebuild converts again only the pages that changed, like any other.
        """
        self.files_key = "\n".join(sorted(file.src_uri for file in files if file.src_uri not in unlinked))

    def conversion(self, key: Hashable, make: Callable[[], Conversion]) -> Conversion:
        """The page's conversion as the last build made it for the same Markdown and files, or made now."""
        key = (key, self.files_key)
        kept: Conversion | None = self.conversions.get(key)
        if kept is None:
            kept = make()
            self.conversions.put(key, kept)
        else:
            for level, message in kept.missing:
                log.log(level, message)
        return kept

    def note_site(self, config: MkDocsConfig, nav: Navigation) -> None:
        """Note what every page shows besides its own content: the configuration and the navigation.

        Left empty, no page is written from memory: when a plugin other than the known ones is at work.
        """
        if not set(config.plugins) <= KNOWN_PLUGINS:
            self.site_key = ""
            return
        settings = repr([(name, value) for name, value in config.items() if name not in ("plugins", "nav")])
        self.site_key = "\n".join([settings, _nav_key(nav.items), *_overrides(config)])

    def choose_template(self, page: Page) -> None:
        """Give a page written as before the template that writes nothing, its output kept to replace it."""
        if not self.site_key:
            return
        key = (
            page.file.src_uri,
            page.title,
            page.content,
            _toc_key(page.toc),
            repr(page.meta),
            page.edit_url,
            page.canonical_url,
            self.site_key,
        )
        self.pending[page.file.src_uri] = key
        kept = self.outputs.get(key)
        if kept is not None:
            self.unchanged[page.file.src_uri] = kept
            page.meta["template"] = UNCHANGED_TEMPLATE

    def written(self, output: str, page: Page) -> str:
        """The page as the theme writes it: as before when unchanged, and kept for the next build."""
        path = page.file.src_uri
        kept = self.unchanged.get(path)
        if kept is not None:
            return kept
        key = self.pending.get(path)
        if key is not None:
            self.outputs.put(key, output)
        return output

    def search_entries(self, plugins: Any) -> None:
        """Have Material's search index take an unchanged page's entries from the last build."""
        search = plugins.get("material/search") or plugins.get("search")
        index: Any = getattr(search, "search_index", None)
        if not isinstance(getattr(index, "entries", None), list):
            return  # not Material's search, whose index is a list of entries
        add = index.add_entry_from_context
        searches = self.searches

        def add_remembered(page: Page) -> None:
            meta = {name: value for name, value in page.meta.items() if name != "template"}
            key = (page.url, page.title, page.content, _toc_key(page.toc), repr(meta))
            entries = searches.get(key)
            if entries is None:
                first = len(index.entries)
                add(page)
                entries = index.entries[first:]
                searches.put(key, entries)
            else:
                index.entries.extend(entries)

        index.add_entry_from_context = add_remembered

    def template_environment(self, env: jinja2.Environment) -> jinja2.Environment:
        """The theme's templates, compiled as in the last build, and the one for pages written as before."""
        unchanged = jinja2.DictLoader({UNCHANGED_TEMPLATE: ""})
        env.loader = jinja2.ChoiceLoader([unchanged, env.loader] if env.loader else [unchanged])
        kind = (  # whatever Jinja compiles differently
            tuple(sorted(env.extensions)),
            *(getattr(env, name, None) for name in _COMPILING),
            repr(env.autoescape),
        )
        env.bytecode_cache = self.compiled.setdefault(kind, CompiledTemplates())
        return env


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates as compiled, by name and file, kept while their source is the same."""

    def __init__(self) -> None:
        self._kept: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give the bucket the template as compiled before, if from the same source."""
        checksum, code = self._kept.get(bucket.key, ("", None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the template as just compiled."""
        self._kept[bucket.key] = (bucket.checksum, bucket.code)


_COMPILING = (
    *("block_start_string", "block_end_string", "variable_start_string", "variable_end_string"),
    *("comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix"),
    *("trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized"),
    "newstyle_gettext",
)
"""The settings of a template environment that its compiled templates depend on."""


def _toc_key(toc: Iterable[Any]) -> str:
    """A table of contents as text: each entry's title, address and level, nested."""
    return repr([(item.title, item.url, item.level, _toc_key(item.children)) for item in toc])


def _nav_key(items: Iterable[Any]) -> str:
    """The navigation as text: each item's kind, title and address, nested."""
    return repr(
        [
            (type(item).__name__, item.title, getattr(item, "url", None), _nav_key(item.children or []))
            for item in items
        ]
    )


def _overrides(config: MkDocsConfig) -> list[str]:
    """The theme files of the project's own ``custom_dir``, each with its size and time of change."""
    custom = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
    if not custom or not Path(custom).is_dir():
        return []
    shown = []
    for path in sorted(Path(custom).rglob("*")):
        facts = path.stat()
        shown.append(f"{path} {facts.st_size} {facts.st_mtime_ns}")
    return shown
