"""A second line of defence: the briefing pages' HTML, checked by a maintained sanitizer (nh3, Ammonia).

The renderer escapes every content character that could become markup, so the HTML that Markdown makes of
the pages holds only what the generator wrote. The sanitizer is given exactly that vocabulary; if it ever
has to remove anything, the escaping has a hole, and the build fails naming what was removed, rather than
publishing a page that was silently altered.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape

import nh3

_HEADINGS = ("h1", "h2", "h3")
TAGS = {*_HEADINGS, "p", "ul", "ol", "li", "a", "em", "strong", "code", "span", "blockquote", "br"}
TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}  # the stance matrix
TAGS |= {"sup", "div", "hr"}  # numbered notes
TAGS |= {"figure", "figcaption", "svg", "g", "title", "rect", "circle", "line", "text"}  # the timeline drawn
"""The elements the pages are made of: what Markdown makes of the renderer's output, and nothing more, so
that a new kind of element on a page is a deliberate change here too."""
_DRAWING = {
    "figure": {"class", "data-search-exclude"},
    "svg": {"class", "role", "width", "height", "font-size", "fill"},
    "g": {"class", "aria-hidden"},
    "rect": {"class", "x", "y", "width", "height"},
    "circle": {"class", "cx", "cy", "r"},
    "line": {"class", "x1", "y1", "x2", "y2"},
    "text": {"class", "x", "y", "text-anchor"},
}  # the timeline's drawing (generator.render_timeline): its links are the "a" above, named by a <title>
ATTRIBUTES = {
    **{heading: {"id"} for heading in _HEADINGS},
    "a": {"href", "title", "class", "id", "data-search-exclude"},  # id: a claim's anchor on the claims index
    "span": {"class", "title"},  # title: a term's definition (render_terms.term_link and term_badge)
    "strong": {"id"},  # a stance's anchor
    "sup": {"id", "data-search-exclude"},  # a note's marker, not searched
    "li": {"id"},
    "div": {"class", "data-search-exclude"},  # the notes, not searched
    **_DRAWING,
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
    if _intact(html, clean):
        return []
    lost = _elements(html) - _elements(clean)
    return [_describe(element) for element in sorted(lost.elements())]


def _intact(html: str, clean: str) -> bool:
    """Whether the sanitizer kept every element and attribute, told by counting: True only when it did.

    Counting costs a quarter of comparing every element (``_elements``), which runs when this cannot tell.
    It can when every ``<`` of the page opens or closes a tag whose attributes are all written
    ``name="value"``, and no ``=`` or ``"`` next to one is spelled as a character reference (which the
    sanitizer's output writes out): then the same start tags, by name and in order, and as many ``="`` in the
    output, mean nothing went. The sanitizer writes each attribute it keeps ``name="value"`` and escapes
    ``"`` and ``<`` inside values, so nothing inside a value is taken for a tag or an attribute.
    """
    names = _START.findall(html)
    if len(names) != html.count("<") - html.count("</") or _SPELLED.search(html):
        return False
    return html.count('="') == clean.count('="') and names == _START.findall(clean)


def _elements(html: str) -> Counter[Element]:
    """Every start tag with its attributes, and every comment, counted.

    A regular expression serves, and is many times faster than a parser: the pages are HTML that Markdown
    wrote, and every content character that could open a tag reaches it escaped.
    """
    found: Counter[Element] = Counter()
    for comment, tag, attributes in _TAG.findall(html):
        if tag:
            pairs = (
                (name.lower(), unescape(a or b or c)) for name, a, b, c in _ATTRIBUTE.findall(attributes)
            )
            found[(tag.lower(), tuple(sorted(pairs)))] += 1
        else:
            found[("!--", (("text", comment),))] += 1
    return found


def _describe(element: Element) -> str:
    tag, attributes = element
    written = "".join(f' {name}="{value}"' for name, value in attributes)
    return f"<{tag}{written}>"


_START = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*)(?:\s+[^\s=>/"\']+="[^"]*")*\s*/?>')
"""A start tag whose attributes are all written ``name="value"``: its name."""
_SPELLED = re.compile(
    r"&(?:#0*61(?![0-9])|#[xX]0*3[dD](?![0-9a-fA-F])|equals)|=&(?:quot|QUOT|#0*34|#[xX]0*22)"
)
"""An ``=`` written as a character reference, or an ``=`` before a ``"`` written as one."""
_TAG = re.compile(
    r"<!--(.*?)-->"
    r"|<([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s/>=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>",
    re.DOTALL,
)
_ATTRIBUTE = re.compile(r"([^\s/>=]+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
