"""The pages' own Markdown dialect converted to HTML: the same document tree as Python-Markdown makes."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from generator import load_briefing, render_layout, render_matrix
from generator.dialect import convert
from generator.editions import with_history
from generator.errors import Location
from generator.render import Page, render_pages
from hypothesis import given

from conftest import BRIEFINGS, ROOT
from every_construct import every_construct
from test_properties import ANY, briefings

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic

VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
)
"""Elements that have no end tag: their start tag is the whole element."""
BLOCKS = frozenset(
    {"address", "article", "aside", "blockquote", "details", "dd", "div", "dl", "dt", "fieldset", "figcaption",
     "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
     "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)  # fmt: skip
"""Block-level elements: whitespace between them is not shown."""
_WHITESPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace: a no-break space is text


@dataclass(frozen=True)
class Element:
    """An element of a parsed page: its tag, its attributes (sorted, unescaped) and what it holds."""

    tag: str
    attributes: tuple[tuple[str, str], ...]
    children: tuple[Element | str, ...]
    """Its child elements, and its text as strings."""


class _Tree(HTMLParser):
    """HTML parsed into ``Element``s; character references are read as the characters they stand for."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, tuple[tuple[str, str], ...], list[Element | str]]] = [("", (), [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = tuple(sorted((name, value or "") for name, value in attrs))  # `x` is `x=""`
        if tag in VOID:
            self.open[-1][2].append(Element(tag, attributes, ()))
        else:
            self.open.append((tag, attributes, []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag not in (opened[0] for opened in self.open[1:]):
            self.open[-1][2].append(Element(f"/{tag}", (), ()))  # a stray end tag stays visible
            return
        while True:
            name, attributes, children = self.open.pop()
            self.open[-1][2].append(Element(name, attributes, tuple(children)))
            if name == tag:
                return

    def handle_data(self, data: str) -> None:
        self.open[-1][2].append(data)

    def handle_comment(self, data: str) -> None:
        self.open[-1][2].append(Element("!--", (), (data,)))


def tree(page: str) -> Element:
    """A page's HTML as a tree, normalised where a browser shows no difference and nothing else.

    - Character references are read as their characters (``&#35;`` is ``#``), in text and attributes alike;
      an attribute written without a value has the empty value.
    - Each run of HTML whitespace (space, tab, line feed, form feed, carriage return) in text is one space;
      a no-break space is text like any other.
    - Within a block-level element (``BLOCKS``), a space that begins a text right after the start of the
      block or a block-level child, or ends a text right before the end of the block or a block-level
      child, is dropped, and so is a text left empty: a browser removes white space at the start and end
      of a line (``<li>\n<p>``, ``</a>\n<ul>``). A space between two inline elements (``</em> <strong>``)
      is kept.

    Tags, every attribute and its value, and all other text are kept exactly.
    """
    parser = _Tree()
    parser.feed(page)
    parser.close()
    while len(parser.open) > 1:
        parser.handle_endtag(parser.open[-1][0])  # an element left open ends with the page
    return _normalised(Element("page", (), tuple(parser.open[0][2])))


def _normalised(element: Element) -> Element:
    """An element with its text folded and merged, and whitespace between blocks dropped (see ``tree``)."""
    merged: list[Element | str] = []
    for child in element.children:
        if isinstance(child, str) and merged and isinstance(merged[-1], str):
            merged[-1] += child
        else:
            merged.append(_normalised(child) if isinstance(child, Element) else child)
    inside_block = element.tag in BLOCKS or element.tag == "page"
    kept: list[Element | str] = []
    for index, child in enumerate(merged):
        if isinstance(child, str):
            child = _WHITESPACE.sub(" ", child)
            if inside_block and _block_edge(merged, index - 1):
                child = child.removeprefix(" ")
            if inside_block and _block_edge(merged, index + 1):
                child = child.removesuffix(" ")
            if not child:
                continue
        kept.append(child)
    return Element(element.tag, element.attributes, tuple(kept))


def _block_edge(children: list[Element | str], index: int) -> bool:
    """Whether a block-level element, or the edge of its parent, is at this place among the children."""
    return not 0 <= index < len(children) or (
        isinstance(children[index], Element) and children[index].tag in BLOCKS  # type: ignore[union-attr]
    )


def first_difference(ours: Element | str, theirs: Element | str, path: str = "page") -> str | None:
    """Where two trees first differ and how, in a line or three; None when they are the same."""
    if isinstance(ours, str) or isinstance(theirs, str) or ours.tag != theirs.tag:
        return None if ours == theirs else _differ(path, ours, theirs)
    if ours.attributes != theirs.attributes:
        return _differ(path, ours, theirs)
    for index, (mine, other) in enumerate(zip(ours.children, theirs.children, strict=False)):
        found = first_difference(mine, other, f"{path} > {_step(mine, index)}")
        if found:
            return found
    common = min(len(ours.children), len(theirs.children))
    if len(ours.children) == len(theirs.children):
        return None
    longer = ours.children if len(ours.children) > common else theirs.children
    return _differ(f"{path} > {_step(longer[common], common)}", _at(ours, common), _at(theirs, common))


def _at(element: Element, index: int) -> Element | str | None:
    return element.children[index] if index < len(element.children) else None


def _differ(path: str, ours: Element | str | None, theirs: Element | str | None) -> str:
    return f"at {path}:\n  converter:       {_shown(ours)}\n  Python-Markdown: {_shown(theirs)}"


def _step(node: Element | str, index: int) -> str:
    """A node as a step of a path: ``li[2]#fn:1``, its tag, its place among its siblings, and any id."""
    if isinstance(node, str):
        return f"text[{index}]"
    id = dict(node.attributes).get("id")
    return f"{node.tag}[{index}]" + (f"#{id}" if id else "")


def _shown(node: Element | str | None, length: int = 160) -> str:
    """A node written short: its start tag with its attributes, and the start of what it holds."""
    if node is None:
        return "(nothing)"
    text = repr(node) if isinstance(node, str) else _written(node)
    return text if len(text) <= length else text[: length - 1] + "…"


def _written(node: Element | str) -> str:
    if isinstance(node, str):
        return node
    attributes = "".join(f' {name}="{value}"' for name, value in node.attributes)
    return f"<{node.tag}{attributes}>" + "".join(_written(child) for child in node.children)


def python_markdown(text: str) -> str:
    """The page as Python-Markdown converts it, with the extensions a briefing's site uses."""
    engine = markdown.Markdown(
        extensions=["attr_list", "footnotes", "tables", "toc"], extension_configs={"toc": {"permalink": True}}
    )
    return engine.convert(text)


def assert_same(markdown_text: str) -> None:
    """The converter makes the same tree of the page as Python-Markdown (see ``tree``)."""
    theirs, ours = python_markdown(markdown_text), convert(markdown_text).html
    difference = first_difference(tree(ours), tree(theirs))
    if difference is not None:
        pytest.fail(difference, pytrace=False)


def _edit(at: Location) -> tuple[str, str]:
    """Where a file is edited: an address with characters that must be escaped in an attribute."""
    return f"https://example.org/e?f={at.path}&x=<'\"_*>", at.path


def _hostile(folder: Path) -> Path:
    from test_hostile import hostile_briefing

    hostile_briefing(folder)
    return folder


def _synthetic(folder: Path) -> Path:
    synthetic.write(folder, 120)
    return folder


@dataclass(frozen=True)
class Case:
    """A briefing whose every page is converted both ways, and how its pages are rendered."""

    write: Callable[[Path], Path]
    """Gives the briefing's folder, written into the empty folder given if it is generated."""
    edit: bool = False
    """Whether its entities link to where their files are edited."""
    site_url: str | None = None
    claims_per_page: int | None = None
    """Fewer claims per page than the generator's, for a page and a stance matrix per topic."""
    max_columns: int | None = None
    """Fewer actors with a column of their own in the stance matrix, for the column the others share."""


CASES = {
    "golden": Case(lambda _: ROOT / "tests/golden/small/content"),
    "kursk": Case(lambda _: ROOT / "content"),
    "other, with edit links": Case(lambda _: BRIEFINGS / "other", edit=True),
    "hostile, with edit links": Case(_hostile, edit=True),
    "synthetic, claims by topic": Case(_synthetic, claims_per_page=20),
    "harbour, with its editions and its site's address": Case(
        lambda _: BRIEFINGS / "harbor", site_url="https://example.org/b/"
    ),
    "every construct, with edit links": Case(every_construct, edit=True),
    "every construct, claims by topic": Case(every_construct, claims_per_page=3, max_columns=2),
}
"""Every briefing compared: each is loaded with its recorded editions, if it has any."""


def rendered(which: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> list[Page]:
    """A case's pages, rendered with its recorded editions, edit links and site address as it asks."""
    case = CASES[which]
    if case.claims_per_page is not None:
        monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", case.claims_per_page)
    if case.max_columns is not None:
        monkeypatch.setattr(render_matrix, "MAX_COLUMNS", case.max_columns)
    briefing, history = with_history(case.write(folder), load_briefing)
    return render_pages(briefing, _edit if case.edit else None, history, site_url=case.site_url)


@pytest.mark.parametrize("which", CASES)
def test_every_page_is_the_same_tree_as_python_markdown_makes(which, tmp_path, monkeypatch):
    pages = rendered(which, tmp_path / "content", monkeypatch)
    assert len(pages) >= 10
    assert any('class="briefing-edit"' in page.markdown for page in pages) is CASES[which].edit
    for page in pages:
        assert_same(page.markdown)


@ANY
@given(briefings())
def test_the_same_html_for_any_text(case):
    briefing, _ = case
    for page in render_pages(briefing):
        assert_same(page.markdown)


CONSTRUCTS = {
    "index.md": [
        "*A briefing",
        "<strong>damaged</strong>",
        "<em>Lakeside</em>",
        "`river-accord`",
        "](https://",
        "](mailto:",
        "<br>[All ",
        '    - [<span class="briefing-count',
        "{ #claims_",
        'class="briefing-latest-edition"',
    ],
    "changes.md": ["## Edition 2, 5 March 2025 {#edition_2}", "Claim removed:", "New claim:", " → "],
    "claims.md": [
        "## A curfew was declared {#curfew-declared}",
        '<a class="briefing-edit" ',
        'class="briefing-status briefing-status--',
        '<a class="briefing-share" ',
        "{ #bridge-damaged--",
        "{ #bridge-damaged--rebels--2025-02-26t0324p0200 }",
        "    - Position over time:",
        "[^",
        "**Quantity:**",
        "**Evidence**",
        "**Related claims:**",
        "**Superseded by:**",
        "**Supersedes:**",
        'class="briefing-assessment briefing-assessment--more"',
        "**History**",
        ", paragraph 2: \u201cThe government said",
        "`a statement`",
        ": “The government said",
        "([link](https://example.org/wire/bridge#p2))",
    ],
    "stances.md": [
        '| <span class="briefing-matrix">Claim</span> |',
        "| --- |",
        'class="briefing-matrix-who"',
        'class="briefing-changed"',
    ],
    "actors.md": [
        "{#actor_relations}",
        "        - [Interior ministry]",
        "**Also known as:**",
        "**Includes:**",
        "[changed](",
        "; the claim is [",
    ],
    "treaties.md": [
        "### A ceasefire on the river {#accord-ceasefire}",
        "### Article 2 {#accord-article-2}",
        "> The Parties shall",
        "**Signed** 1 June 2024 in Lakeside",
        "**Ratifications**",
        "*Sources:* [Report of the observer mission](sources.md#mission-report), page 4[^",
        "**Interpretations**",
        "briefing-status--in-force",
        "briefing-status--suspended",
    ],
    "questions.md": [
        "briefing-status--open",
        "briefing-status--partly-answered",
        "briefing-status--answered",
        "**Why it matters:**",
        "**What would answer it**",
        "**Answer:**",
        "*Sources:*",
    ],
    "timeline.md": [
        '<figure class="briefing-timeline"',
        "</figure>",
        "## Around November 2024",
        "## 10\u201314 February 2025",
        "03:24 UTC+02:00",
        "## 2023 \u2013 May 2024",
    ],
    "sources.md": [f"(guide.md#grade_{grade})" for grade in "ABCDEF"] + ["Archived copy", "**Claims**"],
    "guide.md": ["{#claim_statuses}", 'class="briefing-position'],
    "data/index.md": ["](../briefing.json)", "](../stances.csv)", "](../feed.xml)"],
}
"""What each page of the briefing of every construct holds: a marker of each construct it shows."""


def test_the_briefing_of_every_construct_uses_every_construct(tmp_path, monkeypatch):
    pages = {
        page.path: page.markdown
        for page in rendered("every construct, with edit links", tmp_path, monkeypatch)
    }
    missing = {
        path: [mark for mark in marks if mark not in pages[path]] for path, marks in CONSTRUCTS.items()
    }
    assert {path: marks for path, marks in missing.items() if marks} == {}


def test_the_briefing_of_every_construct_has_a_page_and_a_stance_matrix_for_each_topic(tmp_path, monkeypatch):
    pages = {
        page.path: page.markdown
        for page in rendered("every construct, claims by topic", tmp_path, monkeypatch)
    }
    assert sorted(path for path in pages if path.startswith("claims/")) == [
        "claims/infrastructure.md", "claims/other.md", "claims/security.md"
    ]  # fmt: skip
    for path in ("claims/infrastructure.md", "claims/security.md"):
        assert "## Stance matrix {#stance_matrix}" in pages[path]
        assert '<span class="briefing-matrix-others">Other actors</span>' in pages[path]
    assert "{ #topic_infrastructure }" in pages["claims.md"]


def test_headings_and_anchors_are_reported_as_mkdocs_would_learn_them():
    converted = convert("# Title {#top_page}\n\n## A {#a}\n\n### B {#b}\n\n- **x**{ #a--b }\n\n## C {#c}\n")
    (title,) = converted.headings  # the page's title leads, as Python-Markdown's toc_tokens have it
    assert (title.level, title.id) == (1, "top_page")
    assert [(h.level, h.id, [c.id for c in h.children]) for h in title.children] == [
        (2, "a", ["b"]),
        (2, "c", []),
    ]
    assert converted.anchors == {"top_page", "a", "b", "a--b", "c"}  # a stance's anchor too


def test_links_are_rewritten_by_the_function_given():
    converted = convert(
        "# T {#t}\n\nSee [x](claims.md#x).\n", link=lambda url: "../" + url.replace(".md", "/")
    )
    assert '<a href="../claims/#x">x</a>' in converted.html


@pytest.mark.parametrize("folder", [ROOT / "content", BRIEFINGS / "other"])
def test_the_timeline_drawing_passes_through_unchanged_as_python_markdown_passes_raw_html(folder):
    page = next(page for page in render_pages(load_briefing(folder)) if page.path == "timeline.md").markdown
    figure = page[page.index("<figure") : page.index("</figure>") + len("</figure>")]
    assert "<svg " in figure
    assert figure in python_markdown(page)
    assert figure in convert(page).html
    assert_same(page)


def test_a_note_cited_in_a_nested_item_and_later_is_numbered_as_python_markdown_numbers_it():
    """Python-Markdown converts elements' texts breadth first: the later paragraph's reference comes first."""
    page = "# T {#t}\n\n- a\n    - b[^1]\n\n| x | y |\n| --- | --- |\n| c[^1] | d |\n\nLater[^1].\n\n[^1]: A note.\n"
    assert_same(page)
    converted = convert(page).html
    assert (
        '<p>Later<sup id="fnref:1">' in converted
    )  # the page's own paragraph, then the list, then the table
    assert '<li>b<sup id="fnref2:1">' in converted and '<td>c<sup id="fnref3:1">' in converted


def test_the_comparison_ignores_only_what_a_browser_does_not_show():
    assert first_difference(tree('<p title="&#35;">a&#35;  b</p>'), tree('<p title="#">a#\nb</p>')) is None
    nested = "<ul>\n<li>a <em>b</em>\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>"
    assert first_difference(tree(nested), tree(nested.replace("\n", ""))) is None
    assert first_difference(tree("<p>a&#160;b</p>"), tree("<p>a b</p>")) == (
        "at page > p[0] > text[0]:\n  converter:       'a\\xa0b'\n  Python-Markdown: 'a b'"
    )
    assert first_difference(tree("<p><em>a</em> <b>c</b></p>"), tree("<p><em>a</em><b>c</b></p>")) == (
        "at page > p[0] > text[1]:\n  converter:       ' '\n  Python-Markdown: <b>c"
    )


def test_a_difference_is_shown_with_its_path_and_both_sides():
    ours = '<h1 id="t">T</h1>\n<h2 id="b">A</h2>\n<h2 id="c">B</h2>'
    theirs = '<h1 id="t">T</h1>\n<h2 id="a">A</h2>\n<h2 id="b">B</h2>'
    assert first_difference(tree(ours), tree(theirs)) == (
        'at page > h2[1]#b:\n  converter:       <h2 id="b">A\n  Python-Markdown: <h2 id="a">A'
    )
    assert first_difference(tree("<ol><li>1</li></ol>"), tree("<ol><li>1</li><li>2</li></ol>")) == (
        "at page > ol[0] > li[1]:\n  converter:       (nothing)\n  Python-Markdown: <li>2"
    )
