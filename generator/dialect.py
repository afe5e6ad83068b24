"""The pages' Markdown dialect: each construct's writer beside the converter that reads it back as HTML.

The ``render_*`` modules write every page with the writers here, and with ``render_text``, which escapes all
content text; ``convert`` turns the result into HTML without a general Markdown engine, for the HTML that
Python-Markdown (with attr_list, footnotes, tables and toc) makes of it, many times faster. Change a
construct here, both halves together; ``tests/test_render_html.py`` holds the two engines' HTML to the same
trees. The constructs:

- ``heading``: ``## Title {#id}``, a heading anchored at an id (``_HEADING``);
- ``strong``, ``emphasis``, ``code`` spans, and ``anchored``: ``**asserts**{ #claim--actor }``, an id on a
  strong text or a link (``_INLINE``);
- ``link``: ``[label](page.md#id)``, rewritten to the built site's address by the ``link`` given to
  ``convert``;
- ``note_marker`` and ``note``: ``[^1]`` and ``[^1]: text``, the numbered notes and their list (``_NOTE``);
- ``bullet``: ``- item``, nested by four spaces a level;
- ``table``: the stance matrix's one kind of table;
- ``quote``: ``> text``;
- raw HTML the pages write themselves: the badges' and terms' ``<span>`` (``span``), ``<br>``, the edit and
  share links (``<a class=...>``), and the timeline's drawing, a ``<figure>`` with no blank line inside,
  which passes through as every Markdown engine passes it.

Every content character that could be markup arrives escaped, so each construct is recognised from a few
characters. ``briefing render`` writes the same Markdown, for any engine.
"""

from __future__ import annotations

import collections
import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

_HEADING = re.compile(r"(#{1,6}) (.*) \{#([^}\s]+)\}")
"""A heading: ``heading`` writes it."""
_NOTE = re.compile(r"\[\^(\d+)\]: (.*)")
"""A numbered note in the page's list of notes: ``note`` writes it."""
_INLINE = re.compile(
    r"\[\^(?P<note>\d+)\]"
    r"|\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]*)\)(?:\{ #(?P<link_id>[^ }]+) \})?"
    r"|(?P<strong>\*\*)(?:\{ #(?P<strong_id>[^ }]+) \})?"
    r"|(?P<em>\*)"
    r"|(?P<code>`+)"
    r"|(?P<html></?(?:span|br|em|strong)\b[^>]*>)"
    r"|(?P<text>[^\[*`<]+|[\[<])"
)
"""What a paragraph, list item or table cell holds: note markers, links (with an id), strong (with an id),
emphasis, code spans, the page's own ``<span>``, ``<em>``, ``<strong>`` and ``<br>``, and text."""


def heading(level: int, text: str, id: str) -> str:
    """A heading (its text already Markdown) anchored at an id."""
    return f"{'#' * level} {text} {{#{id}}}"


def strong(text: str) -> str:
    """Strong text (already Markdown)."""
    return f"**{text}**"


def emphasis(text: str) -> str:
    """Emphasised text (already Markdown)."""
    return f"*{text}*"


def anchored(markdown: str, id: str) -> str:
    """A strong text or a link (``strong``, ``link``) given an id, which a link can lead to."""
    return f"{markdown}{{ #{id} }}"


def link(label: str, url: str) -> str:
    """A link: its label already Markdown, its target a page's source path or an outside address."""
    return f"[{label}]({url})"


def note_marker(number: int) -> str:
    """The marker of a numbered note, where what it sources is."""
    return f"[^{number}]"


def note(number: int, text: str) -> str:
    """A numbered note, in the list at the page's foot."""
    return f"[^{number}]: {text}"


def bullet(text: str, depth: int = 0) -> str:
    """An item of a bullet list, nested ``depth`` levels below the list's first."""
    return f"{'    ' * depth}- {text}"


def quote(text: str) -> str:
    """A quoted paragraph."""
    return f"> {text}"


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A table's lines: its header row, the rule under it, then a line a row (each cell already Markdown)."""
    return [_row(header), "|" + " --- |" * len(header), *(_row(row) for row in rows)]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def action(classes: str, href: str, text: str, title: str | None = None) -> str:
    """A link of the page's own (to edit a file, to share a claim), kept out of the search.

    Raw HTML, which no engine rewrites; ``href`` and ``title`` are already attributes' values.
    """
    titled = f' title="{title}"' if title is not None else ""
    return f'<a class="{classes}" href="{href}"{titled} data-search-exclude="">{text}</a>'


def span(classes: str, text: str, title: str | None = None) -> str:
    """A ``<span>`` of the page's own: its text already Markdown, its title already an attribute's value."""
    titled = f' title="{title}"' if title is not None else ""
    return f'<span class="{classes}"{titled}>{text}</span>'


@dataclass
class Heading:
    """A heading, for the page's table of contents."""

    level: int
    id: str
    html: str
    """Its content as HTML, without the permalink."""
    children: list[Heading] = field(default_factory=list)


@dataclass
class Converted:
    """A page's HTML, and what MkDocs would have learnt from converting it: headings and anchors."""

    html: str
    headings: list[Heading]
    anchors: set[str]


@dataclass(frozen=True)
class Permalinks:
    """How headings link to themselves: the options of Python-Markdown's toc extension that MkDocs users set.

    ``mkdocs.yml`` sets them under ``markdown_extensions: - toc:``; ``of`` reads them from there.
    """

    permalink: str | None = "&para;"
    """The permalink's text as HTML (``&para;`` for the toc extension's ``permalink: true``), or None."""
    permalink_class: str = "headerlink"
    permalink_title: str = "Permanent link"
    permalink_leading: bool = False
    """Whether the permalink comes before the heading's text rather than after it."""
    anchorlink: bool = False
    """Whether the heading's text is itself a link to the heading."""
    anchorlink_class: str = "toclink"

    @classmethod
    def of(cls, options: dict[str, object]) -> Permalinks:
        """The toc extension's options as ``mkdocs.yml`` gives them (others are not about permalinks)."""
        permalink = options.get("permalink", False)
        text = None if not permalink else "&para;" if permalink is True else html.escape(str(permalink))
        return cls(
            permalink=text,
            permalink_class=str(options.get("permalink_class", "headerlink")),
            permalink_title=str(options.get("permalink_title", "Permanent link")),
            permalink_leading=bool(options.get("permalink_leading", False)),
            anchorlink=bool(options.get("anchorlink", False)),
            anchorlink_class=str(options.get("anchorlink_class", "toclink")),
        )


def convert(
    markdown: str, link: Callable[[str], str] = lambda url: url, permalinks: Permalinks = Permalinks()
) -> Converted:
    """Convert the renderer's Markdown; ``link`` rewrites each link target (to the built site's URLs)."""
    return _Converter(link, permalinks).page(markdown)


@dataclass
class _Element:
    """An element as Python-Markdown's tree holds it: the note references in its own text, and its children.

    Python-Markdown numbers a note's references (``fnref:1``, ``fnref2:1``...) in the order it converts the
    elements' texts: breadth first, so a list item's text after every paragraph beside its list. The
    converter keeps the same tree to number them alike.
    """

    references: list[int] = field(default_factory=list)
    """The references in the element's text, by their place in ``_Converter.cited``."""
    children: list[_Element] = field(default_factory=list)

    def child(self) -> _Element:
        """A new last child."""
        self.children.append(_Element())
        return self.children[-1]


_REFERENCE = re.compile("\x02(\\d+)\x03")
"""Where a note reference's id goes, once every reference is numbered (the characters content never holds)."""


class _Converter:
    def __init__(self, link: Callable[[str], str], permalinks: Permalinks) -> None:
        self.link = link
        self.permalinks = permalinks
        self.headings: list[Heading] = []
        self.anchors: set[str] = set()
        self.notes: dict[str, str] = {}
        self.references: dict[str, int] = {}
        self.cited: list[str] = []
        """Each note reference's number, in the order met."""
        self.tree = _Element()
        self.element = self.tree
        """The element whose text is being converted."""
        self.out: list[str] = []

    def page(self, markdown: str) -> Converted:
        blocks = markdown.strip("\n").split("\n\n")
        for block in blocks:
            self.block(block)
        ids = self.reference_ids()
        if self.notes:
            self.element = _Element()  # the notes' own texts cite nothing
            self.out.append(self.footnotes())
        converted = _REFERENCE.sub(lambda found: ids[int(found.group(1))], "\n".join(self.out))
        return Converted(converted, self.headings, self.anchors)

    def reference_ids(self) -> list[str]:
        """Each reference's id, counted in the order Python-Markdown converts the elements' texts."""
        ids = [""] * len(self.cited)
        queue = collections.deque([self.tree])
        while queue:
            for child in queue.popleft().children:
                for place in child.references:
                    number = self.cited[place]
                    count = self.references[number] = self.references.get(number, 0) + 1
                    ids[place] = f"fnref:{number}" if count == 1 else f"fnref{count}:{number}"
                if child.children:
                    queue.append(child)
        return ids

    def text(self, parent: _Element) -> _Element:
        """A new element under ``parent`` whose text comes next."""
        self.element = parent.child()
        return self.element

    def block(self, block: str) -> None:
        lines = block.split("\n")
        first = lines[0]
        if first.startswith("<figure"):  # a drawing: raw HTML, passed through as Markdown engines do
            self.out.append(block)
        elif all(_NOTE.fullmatch(line) for line in lines):
            for line in lines:
                number, text = _NOTE.fullmatch(line).groups()  # type: ignore[union-attr]
                self.notes[number] = text
        elif heading := _HEADING.fullmatch(first):
            self.heading(len(heading.group(1)), heading.group(2), heading.group(3))
        elif first.startswith("- "):
            self.out.append(self.bullets(lines))
        elif first.startswith("> "):
            self.text(self.tree.child())
            self.out.append(
                f"<blockquote>\n<p>{self.inline(' '.join(line[2:] for line in lines))}</p>\n</blockquote>"
            )
        elif first.startswith("| "):
            self.out.append(self.table(lines))
        else:
            self.text(self.tree)
            self.out.append(f"<p>{self.inline(' '.join(lines))}</p>")

    def heading(self, level: int, text: str, id: str) -> None:
        self.text(self.tree)
        content = self.inline(text)
        self.anchors.add(id)
        self.out.append(f'<h{level} id="{id}">{self._linked(content, id)}</h{level}>')
        entry = Heading(level, id, content)
        parents = self.headings
        while parents and parents[-1].level < level:
            parents = parents[-1].children
        parents.append(entry)

    def _linked(self, content: str, id: str) -> str:
        """A heading's content with the links to itself that the toc options ask for."""
        options = self.permalinks
        if options.anchorlink:
            content = f'<a class="{html.escape(options.anchorlink_class)}" href="#{id}">{content}</a>'
        if options.permalink is None:
            return content
        title = f' title="{html.escape(options.permalink_title)}"' if options.permalink_title else ""
        klass = html.escape(options.permalink_class)
        permalink = f'<a class="{klass}" href="#{id}"{title}>{options.permalink}</a>'
        return permalink + content if options.permalink_leading else content + permalink

    def bullets(self, lines: list[str]) -> str:
        """A bullet list, nested by four spaces a level."""
        items: list[tuple[int, str]] = [
            (len(line) - len(line.lstrip(" ")), line.lstrip(" ")[2:]) for line in lines
        ]
        out: list[str] = []
        depth = -1
        lists = [self.tree.child()]  # the list at each level open, its items the elements of its children
        for indent, text in items:
            level = indent // 4
            if level > depth:
                out.append("\n<ul>\n<li>" if out else "<ul>\n<li>")
                if level:
                    lists[level:] = [lists[level - 1].children[-1].child()]
            else:
                while depth > level:
                    out.append("</li>\n</ul>\n")
                    depth -= 1
                out.append("</li>\n<li>")
            depth = level
            self.text(lists[level])
            out.append(self.inline(text))
        while depth >= 0:
            out.append("</li>\n</ul>" + ("\n" if depth else ""))
            depth -= 1
        return "".join(out)

    def table(self, lines: list[str]) -> str:
        cells = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]
        table = self.tree.child()
        head, body = table.child().child(), table.child()  # thead's one row, and tbody
        header = "".join(f"<th>{self._cell(head, cell)}</th>" for cell in cells[0])
        rows = []
        for row in cells[2:]:
            element = body.child()
            rows.append("<tr>\n" + "\n".join(f"<td>{self._cell(element, c)}</td>" for c in row) + "\n</tr>")
        body_rows = "\n".join(rows)
        return f"<table>\n<thead>\n<tr>\n{header}\n</tr>\n</thead>\n<tbody>\n{body_rows}\n</tbody>\n</table>"

    def _cell(self, row: _Element, text: str) -> str:
        """A table cell's text, converted as its own element of the row."""
        self.text(row)
        return self.inline(text)

    def inline(self, text: str) -> str:
        out: list[str] = []
        open_tags: list[tuple[str, int]] = []
        position = 0
        while position < len(text):
            match = _INLINE.match(text, position)
            assert match is not None
            position = match.end()
            if match.group("note"):
                out.append(self.reference(match.group("note")))
            elif match.group("url") is not None:
                url = html.escape(self.link(match.group("url")), quote=True)
                id = f' id="{match.group("link_id")}"' if match.group("link_id") else ""
                if id:
                    self.anchors.add(match.group("link_id"))
                out.append(f'<a href="{url}"{id}>{self.inline(match.group("label"))}</a>')
            elif match.group("strong"):
                self.toggle("strong", out, open_tags, match.group("strong_id"))
            elif match.group("em"):
                self.toggle("em", out, open_tags, None)
            elif match.group("code"):
                fence = match.group("code")
                end = text.index(fence, position)
                code = text[position:end].strip(" ") or text[position:end]
                out.append(f"<code>{html.escape(code, quote=False)}</code>")
                position = end + len(fence)
            elif match.group("html"):
                out.append(match.group("html"))
            else:
                out.append(match.group("text"))
        return "".join(out)

    def toggle(self, tag: str, out: list[str], open_tags: list[tuple[str, int]], id: str | None) -> None:
        """Open or close the generator's own ``*`` or ``**``.

        An attribute list after the closing one (attr_list's ``**word**{ #id }``) gives the element its id.
        """
        if open_tags and open_tags[-1][0] == tag:
            _, opened = open_tags.pop()
            if id:
                out[opened] = f'<{tag} id="{id}">'
                self.anchors.add(id)
            out.append(f"</{tag}>")
        else:
            open_tags.append((tag, len(out)))
            out.append(f"<{tag}>")

    def reference(self, number: str) -> str:
        """A note's reference; its id (``fnref2:1`` for the second of note 1) is set once all are met."""
        self.element.references.append(len(self.cited))
        self.cited.append(number)
        place = f"\x02{len(self.cited) - 1}\x03"  # _REFERENCE
        return f'<sup id="{place}"><a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'

    def footnotes(self) -> str:
        items = []
        for number, text in self.notes.items():
            backs = "".join(
                f'<a class="footnote-backref" href="#{"fnref" if count == 1 else f"fnref{count}"}:{number}" '
                f'title="Jump back to footnote {number} in the text">&#8617;</a>'
                for count in range(1, self.references.get(number, 0) + 1)
            )
            items.append(f'<li id="fn:{number}">\n<p>{self.inline(text)}&#160;{backs}</p>\n</li>')
        return '<div class="footnote">\n<hr />\n<ol>\n' + "\n".join(items) + "\n</ol>\n</div>"
