"""A second line of defence: the briefing pages' HTML, checked by a maintained sanitizer (nh3, Ammonia).

The renderer escapes every content character that could become markup, so the HTML that Markdown makes of
the pages holds only what the generator wrote. The sanitizer is given exactly that vocabulary; if it ever
has to remove anything, the escaping has a hole, and the build fails naming what was removed, rather than
publishing a page that was silently altered.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

import nh3

_HEADINGS = ("h1", "h2", "h3")
TAGS = {*_HEADINGS, "p", "ul", "ol", "li", "a", "em", "strong", "code", "span", "blockquote", "br"}
TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}  # the stance matrix
TAGS |= {"sup", "div", "hr"}  # numbered notes
"""The elements the pages are made of: what Markdown makes of the renderer's output, and nothing more, so
that a new kind of element on a page is a deliberate change here too."""
ATTRIBUTES = {
    **{heading: {"id"} for heading in _HEADINGS},
    "a": {"href", "title", "class"},
    "span": {"class"},
    "strong": {"id"},  # a stance's anchor
    "sup": {"id"},
    "li": {"id"},
    "div": {"class"},
}
"""The attributes those elements may carry."""
URL_SCHEMES = {"http", "https", "mailto"}
"""The schemes links may use; relative links within the site pass too."""

Element = tuple[str, tuple[tuple[str, str], ...]]


def removed(html: str) -> list[str]:
    """Everything the sanitizer would remove from the HTML, described (an empty list when nothing)."""
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    lost = _elements(html) - _elements(clean)
    return [_describe(element) for element in sorted(lost.elements())]


def _elements(html: str) -> Counter[Element]:
    collector = _Elements()
    collector.feed(html)
    collector.close()
    return collector.found


def _describe(element: Element) -> str:
    tag, attributes = element
    written = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{written}>"


class _Elements(HTMLParser):
    """Counts the elements of an HTML fragment, with their attributes, and its comments."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[Element] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found[(tag, tuple(sorted((name, value or "") for name, value in attrs)))] += 1

    def handle_comment(self, data: str) -> None:
        self.found[("!--", (("text", data),))] += 1
