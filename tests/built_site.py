"""Reading a built site as a reader's browser would: the text shown, the anchors, the links."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_BLOCKS = {
    "p",
    "li",
    "tr",
    "th",
    "td",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "blockquote",
    "figure",
    "table",
}
"""Elements a browser shows apart from their neighbours: the text on each side of one is two words."""
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.article_text: list[str] = []
        """The text shown inside the page's article."""
        self.hidden = 0
        self.article = 0
        self.in_article: list[tuple[str, dict[str, str]]] = []
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        """The text of each script the browser runs."""
        self.data_blocks: list[str] = []
        """The text of each JSON-LD block: data, never run."""
        self.script_type = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.hrefs.append(attributes["href"])
        if tag in ("script", "style"):
            self.hidden += 1
            self.script_type = attributes.get("type") or ""
        if self.article:
            self.in_article.append((tag, attributes))
            if tag in _BLOCKS:
                self.article_text.append(" ")
            self.article += tag not in _VOID
        elif tag == "article":
            self.article = 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1
        if self.article:
            self.article -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.text.append(data)
            if self.article:
                self.article_text.append(data)
        elif self.lasttag == "script" and self.script_type == "application/ld+json":
            self.data_blocks.append(data)
        elif self.lasttag == "script":
            self.scripts.append(data)


class Site:
    """A built site in a folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[str, _Reader] = {}

    def page(self, path: str) -> _Reader:
        """A page by its URL path (``claims/``)."""
        if path not in self._pages:
            reader = _Reader()
            reader.feed((self.root / path / "index.html").read_text(encoding="utf-8"))
            self._pages[path] = reader
        return self._pages[path]

    def html(self, path: str) -> str:
        """The page's HTML as served."""
        return (self.root / path / "index.html").read_text(encoding="utf-8")

    def article_elements(self, path: str) -> list[tuple[str, dict[str, str]]]:
        """The elements inside the page's article (its content, without the theme around it)."""
        return self.page(path).in_article

    def text(self, path: str) -> str:
        """The page's visible text, white space folded, without the headings' permalink signs."""
        return " ".join("".join(self.page(path).text).replace("¶", "").split())

    def article_text(self, path: str) -> str:
        """The text of the page's article (its content, without the theme around it), white space folded."""
        return " ".join("".join(self.page(path).article_text).replace("¶", "").split())

    def broken_links(self, path: str) -> list[str]:
        """Links on the page to another page of the site, or an anchor in one, that lead nowhere."""
        broken = []
        for href in self.page(path).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            target = posixpath.normpath(posixpath.join(path or ".", unquote(parts.path) or "."))
            target = "" if target == "." else target.strip("/") + "/"
            if not (self.root / target / "index.html").is_file():
                if not (self.root / target.rstrip("/")).is_file():
                    broken.append(href)
                continue
            if parts.fragment and parts.fragment not in self.page(target).ids:
                broken.append(href)
        return broken
