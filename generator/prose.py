"""Prose: paragraphs of inline Markdown (emphasis, strong, code, links), everything else literal text.

One parser serves both the validator, which checks every link's target, and the renderer, which writes the
parsed prose back out as Markdown that can mean nothing more than these few things. What the parser does not
recognise stays text, so raw HTML, headings, lists, tables and attribute lists are shown as written.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

LINK_SCHEMES = ("http://", "https://", "mailto:")
"""The link targets prose may use, as a target must start."""

_PUNCTUATION = frozenset(string.punctuation)
_AUTOLINK = re.compile(r"<((?:[hH][tT][tT][pP][sS]?://|[mM][aA][iI][lL][tT][oO]:)[^<>\s]+)>")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_MARKUP = re.compile(r"[`*_\[<\\]")  # what could begin a code span, emphasis, a link or an escape


@dataclass(frozen=True)
class Text:
    """Literal text."""

    text: str


@dataclass(frozen=True)
class Code:
    """A code span: literal text shown as code."""

    text: str


@dataclass(frozen=True)
class Emphasis:
    """Emphasised (or, when strong, strongly emphasised) inline content."""

    strong: bool
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    """A link; its label is inline content."""

    target: str
    children: tuple[Inline, ...]


Inline = Text | Code | Emphasis | Link
Paragraph = tuple[Inline, ...]


def parse(prose: str) -> list[Paragraph]:
    """Split prose into paragraphs (at blank lines) of inline content; lines within one are joined."""
    paragraphs: list[Paragraph] = []
    for block in _PARAGRAPH_BREAK.split(prose.strip()):
        line = " ".join(part.strip() for part in block.splitlines() if part.strip())
        if not line:
            continue
        if _MARKUP.search(line) is None:  # the common case: nothing to parse
            paragraphs.append((Text(line),))
        else:
            paragraphs.append(tuple(_Parser(line).inlines(len(line))))
    return paragraphs


def link_targets(prose: str) -> list[str]:
    """Return the target of every link in the prose, in order."""
    if "](" not in prose and "<" not in prose:
        return []
    targets: list[str] = []

    def collect(inlines: tuple[Inline, ...]) -> None:
        for inline in inlines:
            if isinstance(inline, Link):
                targets.append(inline.target)
            if isinstance(inline, (Link, Emphasis)):
                collect(inline.children)

    for paragraph in parse(prose):
        collect(paragraph)
    return targets


def allowed_target(target: str) -> bool:
    """Whether a link target is one prose may use."""
    lowered = target.lower()
    return any(lowered.startswith(scheme) and len(lowered) > len(scheme) for scheme in LINK_SCHEMES)


MAX_NESTING = 32
"""How deeply emphasis and links may nest; deeper markup stays text, so no prose can exhaust the stack."""


class _Parser:
    """Reads one paragraph's inline Markdown, left to right; what is not recognised stays text."""

    def __init__(self, text: str, depth: int = 0) -> None:
        self.text = text
        self.at = 0
        self.depth = depth
        """How many emphases and links this parser's text lies inside."""

    def inlines(self, end: int) -> list[Inline]:
        found: list[Inline] = []
        literal: list[str] = []
        while self.at < end:
            start = self.at
            inline = self.markup(end)
            if inline is None:
                self.at = start
                literal.append(self.character())
                continue
            if literal:
                found.append(Text("".join(literal)))
                literal = []
            found.append(inline)
        if literal:
            found.append(Text("".join(literal)))
        return found

    def character(self) -> str:
        """One literal character, taking a backslash escape as the character it escapes."""
        character = self.text[self.at]
        if character == "\\" and self.at + 1 < len(self.text) and self.text[self.at + 1] in _PUNCTUATION:
            self.at += 1
            character = self.text[self.at]
        self.at += 1
        return character

    def markup(self, end: int) -> Inline | None:
        character = self.text[self.at]
        if character == "`":
            return self.code(end)
        if character in "*_" and self.depth < MAX_NESTING:
            return self.emphasis(end)
        if character == "[" and self.depth < MAX_NESTING:
            return self.link(end)
        if character == "<":
            match = _AUTOLINK.match(self.text, self.at, end)
            if match:
                self.at = match.end()
                return Link(match.group(1), (Text(match.group(1)),))
        return None

    def code(self, end: int) -> Code | None:
        fence = re.match(r"`+", self.text[self.at : end]).group(0)  # type: ignore[union-attr]
        closing = re.compile(rf"(?<!`){fence}(?!`)")
        match = closing.search(self.text, self.at + len(fence), end)
        if not match:
            return None
        content = self.text[self.at + len(fence) : match.start()]
        self.at = match.end()
        return Code(content.strip() or content)

    def emphasis(self, end: int) -> Emphasis | None:
        marker = self.text[self.at]
        run = len(re.match(rf"\{marker}+", self.text[self.at : end]).group(0))  # type: ignore[union-attr]
        if run > 2:
            return None
        opening_end = self.at + run
        if opening_end >= end or self.text[opening_end].isspace():
            return None
        if marker == "_" and self.at > 0 and self.text[self.at - 1].isalnum():
            return None  # snake_case is text
        closer = re.compile(rf"(?<![\s\\{marker}]){re.escape(marker * run)}(?!\{marker})")
        match = closer.search(self.text, opening_end + 1 if run == 1 else opening_end, end)
        while match and marker == "_" and match.end() < end and self.text[match.end()].isalnum():
            match = closer.search(self.text, match.end(), end)
        if not match:
            return None
        inner = _Parser(self.text, self.depth + 1)
        inner.at = opening_end
        children = tuple(inner.inlines(match.start()))
        self.at = match.end()
        return Emphasis(run == 2, children)

    def link(self, end: int) -> Link | None:
        label_end = self._closing_bracket(end)
        if label_end is None or self.text[label_end + 1 : label_end + 2] != "(":
            return None
        target = re.compile(r"\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)\s*\)")
        match = target.match(self.text, label_end + 1, end)
        if not match:
            return None
        inner = _Parser(self.text, self.depth + 1)
        inner.at = self.at + 1
        children = tuple(inner.inlines(label_end))
        self.at = match.end()
        return Link(match.group(1).removeprefix("<").removesuffix(">"), children)

    def _closing_bracket(self, end: int) -> int | None:
        depth = 0
        index = self.at
        while index < end:
            character = self.text[index]
            if character == "\\":
                index += 2
                continue
            if character == "`":  # a code span inside the label hides its brackets
                fence = re.match(r"`+", self.text[index:end]).group(0)  # type: ignore[union-attr]
                closing = self.text.find(fence, index + len(fence), end)
                if closing != -1:
                    index = closing + len(fence)
                    continue
            depth += {"[": 1, "]": -1}.get(character, 0)
            if depth == 0:
                return index
            index += 1
        return None
