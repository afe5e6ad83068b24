"""How the briefing's pages meet MkDocs.

Their links are rewritten and checked as MkDocs checks a hand-written page's, their tables of contents are
given as the toc extension reports them, and the search is given a word separator.
"""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.addresses import url_of
from generator.dialect import Heading
from generator.findable import Findable

log = logging.getLogger("mkdocs.plugins.briefing")


class SiteLinks:
    """Rewrites a briefing page's links (``../claims.md#id``) as the built site needs them from the page.

    It checks them as MkDocs checks a hand-written page's: a missing page is reported at the level of
    ``validation: links: not_found``, and each anchor is left for MkDocs to look for after the build.
    """

    def __init__(self, page: Page, files: Files, config: MkDocsConfig) -> None:
        self.page, self.files, self.config = page, files, config
        self.to_anchors: dict[File, dict[str, str]] = {}
        """The anchors linked to, by the file they are in (MkDocs' ``Page.links_to_anchors``)."""
        self.missing: list[tuple[int, str]] = []
        """The links to missing pages, as reported: each warning's level and message."""
        self._found: dict[str, tuple[str, File | None, str]] = {}
        """Each page linked to, by the link's path: its file's path, the file, and its address from here."""

    def __call__(self, url: str) -> str:
        """The link as the built page needs it; a missing page is reported, an anchor noted."""
        path, _, anchor = url.partition("#")
        if not path:
            if anchor:
                self.to_anchors.setdefault(self.page.file, {}).setdefault(anchor, url)
            return url
        if not path.endswith(".md"):
            return url
        here = self.page.file.src_uri
        found = self._found.get(path)
        if found is None:
            wanted = posixpath.normpath(posixpath.join(posixpath.dirname(here), path))
            target = self.files.src_uris.get(wanted)
            found = self._found[path] = (
                wanted,
                target,
                target.url_relative_to(self.page.file) if target else "",
            )
        wanted, target, relative = found
        if target is None:
            level = self.config.validation.links.not_found
            message = (
                f"Doc file '{here}' contains a link '{url}', but the target '{wanted}' is not found among "
                "documentation files."
            )
            log.log(level, message)
            self.missing.append((level, message))
            return url
        if anchor:
            self.to_anchors.setdefault(target, {}).setdefault(anchor, url)
        return relative + (f"#{anchor}" if anchor else "")


def toc_tokens(headings: list[Heading], levels: range) -> list[Any]:
    """The headings as Python-Markdown's toc extension reports them to MkDocs.

    Only those of the levels given (its ``toc_depth``), each nested under the nearest higher one.
    """
    flat = []
    stack = list(reversed(headings))
    while stack:
        heading = stack.pop()
        stack.extend(reversed(heading.children))
        if heading.level in levels:
            name = re.sub(r"<[^>]+>", "", heading.html)
            flat.append({"level": heading.level, "id": heading.id, "name": name, "children": []})
    nested: list[Any] = []
    parents: list[Any] = []
    for token in flat:
        while parents and parents[-1]["level"] >= token["level"]:
            parents.pop()
        (parents[-1]["children"] if parents else nested).append(token)
        parents.append(token)
    return nested


SEARCH_SEPARATOR = r'[\s\-,;:!?/()\[\]{}"“”„«»]+|\.(?!\d)'
"""What separates words for the search, unless ``mkdocs.yml`` sets it: spaces, hyphens and punctuation, so
that a name in parentheses or after a comma is found by itself; but not the point or comma inside a figure
(``1.5``, ``10,000``), nor an apostrophe."""


def separate_search_words(config: MkDocsConfig) -> None:
    """Set the search's word separator to ``SEARCH_SEPARATOR`` where ``mkdocs.yml`` leaves the theme's."""
    for name in ("search", "material/search"):
        search = config.plugins.get(name)
        if search is not None and search.config.get("separator") in (None, r"[\s\-]+"):
            search.config["separator"] = SEARCH_SEPARATOR


def search_mismatch(config: MkDocsConfig) -> str | None:
    """Why the site's search would not work: the theme ``briefing`` with MkDocs' own search, or None.

    MkDocs gives ``search`` the theme's namespace only for ``material``, so under ``briefing`` it is MkDocs'
    own search, whose index Material's search box cannot read: the site's search would find nothing.
    """
    if config.theme.name == "briefing" and "search" in config.plugins:
        return (
            "the theme 'briefing' searches with Material's search: under plugins in mkdocs.yml, write "
            "'material/search' in place of 'search'"
        )
    return None


def material_search(config: MkDocsConfig) -> bool:
    """Whether the site is searched with Material's search, which a page's ``search: exclude`` leaves out."""
    search = config.plugins.get("material/search") or config.plugins.get("search")
    return search is not None and type(search).__module__.startswith("material.")


def add_findables(
    site_dir: str,
    findables: Iterable[Findable],
    directory_urls: bool,
    titles: dict[str, str],
    boosts: dict[str, int],
) -> None:
    """Add each entity to the search index the search wrote, by its name and its own words.

    Each page's entry (its ``titles``, by path) comes before its entities': Material's search shows an entity
    under its page, which must come first. ``boosts``: how much higher a page's entities rank (by its path),
    as a page's ``search: boost`` ranks its sections.
    """
    path = Path(site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    by_page: dict[str, list[Findable]] = {}
    for found in findables:
        by_page.setdefault(found.page, []).append(found)
    for page, found_there in by_page.items():
        address = url_of(page, directory_urls)
        title = html.escape(titles.get(page, page), quote=False)
        entries: list[dict[str, Any]] = [{"location": address, "title": title, "text": ""}]
        entries += [
            {
                "location": f"{address}#{found.id}",
                "title": html.escape(found.title, quote=False),
                "text": html.escape(found.text, quote=False),
            }
            for found in found_there
        ]
        if page in boosts:
            for entry in entries:
                entry["boost"] = boosts[page]
        index["docs"] += entries
    path.write_text(json.dumps(index, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")


def toc_levels(options: dict[str, Any]) -> range:
    """The heading levels the toc extension's ``toc_depth`` keeps: 6, or "2-4" (MkDocs refuses others)."""
    top, _, bottom = str(options.get("toc_depth", 6)).partition("-")
    return range(int(top), int(bottom) + 1) if bottom else range(1, int(top) + 1)
