"""The briefing's own Markdown, turned into HTML without a general Markdown engine.

The renderer writes a small dialect: headings with ids, paragraphs, bullet lists (nested by four spaces),
quotes, one kind of table, numbered notes, and inline links, strong and emphasis, code spans, note markers,
the badge spans it writes itself and character references; and the timeline's drawing, a ``<figure>`` with no
blank line inside, which passes through as raw HTML. Every content character that could be markup
arrives escaped, so each of these is recognised from a few characters, many times faster than a general
engine, for the same HTML that Python-Markdown (with attr_list, footnotes, tables and toc) makes of it; a test
holds the two to the same elements and text. ``briefing render`` still writes the Markdown, for any engine.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

_HEADING = re.compile(r"(#{1,6}) (.*) \{#([^}\s]+)\}")
_NOTE = re.compile(r"\[\^(\d+)\]: (.*)")
_INLINE = re.compile(
    r"\[\^(?P<note>\d+)\]"
    r"|\[(?P<label>[^\]]*)\]\((?P<url>[^)\s]*)\)(?:\{ #(?P<link_id>[^ }]+) \})?"
    r"|(?P<strong>\*\*)(?:\{ #(?P<strong_id>[^ }]+) \})?"
    r"|(?P<em>\*)"
    r"|(?P<code>`+)"
    r"|(?P<html></?(?:span|br|em|strong)\b[^>]*>)"
    r"|(?P<text>[^\[*`<]+|[\[<])"
)


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


class _Converter:
    def __init__(self, link: Callable[[str], str], permalinks: Permalinks) -> None:
        self.link = link
        self.permalinks = permalinks
        self.headings: list[Heading] = []
        self.anchors: set[str] = set()
        self.notes: dict[str, str] = {}
        self.references: dict[str, int] = {}
        self.out: list[str] = []

    def page(self, markdown: str) -> Converted:
        blocks = markdown.strip("\n").split("\n\n")
        for block in blocks:
            self.block(block)
        if self.notes:
            self.out.append(self.footnotes())
        return Converted("\n".join(self.out), self.headings, self.anchors)

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
            self.out.append(
                f"<blockquote>\n<p>{self.inline(' '.join(line[2:] for line in lines))}</p>\n</blockquote>"
            )
        elif first.startswith("| "):
            self.out.append(self.table(lines))
        else:
            self.out.append(f"<p>{self.inline(' '.join(lines))}</p>")

    def heading(self, level: int, text: str, id: str) -> None:
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
        for indent, text in items:
            level = indent // 4
            if level > depth:
                out.append("\n<ul>\n<li>" if out else "<ul>\n<li>")
            else:
                while depth > level:
                    out.append("</li>\n</ul>\n")
                    depth -= 1
                out.append("</li>\n<li>")
            depth = level
            out.append(self.inline(text))
        while depth >= 0:
            out.append("</li>\n</ul>" + ("\n" if depth else ""))
            depth -= 1
        return "".join(out)

    def table(self, lines: list[str]) -> str:
        cells = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]
        head = "".join(f"<th>{self.inline(cell)}</th>" for cell in cells[0])
        rows = "\n".join(
            "<tr>\n" + "\n".join(f"<td>{self.inline(c)}</td>" for c in row) + "\n</tr>" for row in cells[2:]
        )
        return f"<table>\n<thead>\n<tr>\n{head}\n</tr>\n</thead>\n<tbody>\n{rows}\n</tbody>\n</table>"

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
        count = self.references.get(number, 0) + 1
        self.references[number] = count
        ref_id = f"fnref:{number}" if count == 1 else f"fnref{count}:{number}"
        return f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{number}">{number}</a></sup>'

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
