"""The Markdown pages: golden output for a small briefing, and the rules every page follows."""

from __future__ import annotations

import html as entities
import os
import re

import markdown
import pytest
from generator import load_briefing
from generator.dates import Date
from generator.render import PAGES, render_pages
from generator.render_text import date, plain, prose

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "small"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"


def test_golden_pages_of_a_small_briefing():
    """Any change to what the pages say shows here; rerun with BRIEFING_UPDATE_GOLDEN=1 to accept it."""
    pages = {page.path: page.source for page in render_pages(load_briefing(GOLDEN / "content"))}
    if UPDATE:
        for path, text in pages.items():
            (GOLDEN / "pages" / path).parent.mkdir(exist_ok=True)
            (GOLDEN / "pages" / path).write_text(text, encoding="utf-8")
    expected = {
        path.relative_to(GOLDEN / "pages").as_posix(): path.read_text(encoding="utf-8")
        for path in (GOLDEN / "pages").rglob("*.md")
    }
    assert pages == expected


def test_the_pages_follow_the_navigation_order():
    pages = render_pages(load_briefing(GOLDEN / "content"))
    assert [(page.path, page.title) for page in pages] == list(PAGES)
    assert [page.title for page in pages] == [
        "Overview",
        "Claims",
        "Stance matrix",
        "Actors",
        "Treaty terms",
        "Open questions",
        "Timeline",
        "Sources",
        "How to read this briefing",
        "Data",
    ]


@pytest.mark.parametrize(
    "written, words",
    [
        ("2024", "2024"),
        ("2024-08", "August 2024"),
        ("2024-08-06", "6 August 2024"),
        ("2024~", "around 2024"),
        ("2024-08~", "around August 2024"),
        ("2024-08-06~", "around 6 August 2024"),
    ],
)
def test_dates_show_at_their_precision(written, words):
    assert date(Date.parse(written)) == words


def test_the_timeline_is_in_date_order_and_shows_spans():
    timeline = next(
        page for page in render_pages(load_briefing(GOLDEN / "content")) if page.path == "timeline.md"
    )
    headings = re.findall(r"^## (.*) \{#", timeline.markdown, re.MULTILINE)
    assert headings == [
        "Around 1850: The port is founded",
        "20–27 February 2025: Ferry strike",  # noqa: RUF001 (an en dash joins a range)
        "1 March 2025: Authority issues closure notice",
    ]


def test_every_entity_has_an_anchor_equal_to_its_id():
    briefing = load_briefing(GOLDEN / "content")
    text = "".join(page.markdown for page in render_pages(briefing))
    assert sorted(re.findall(r"\{#([a-z0-9-]+)\}", text)) == sorted(briefing.index)


CONVERT = markdown.Markdown(extensions=["attr_list", "tables", "toc"])


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "{: onclick=alert(1) }",
        "--8<-- 'secret.txt'",
        "[^1]: a footnote",
        "# a heading",
        "1. a list",
        "- a list",
        "| a | table |",
        "{{ config.site_name }}",
        "*not emphasis*",
        "AT&amp;T",
        ":smile:",
        "line one\\nline two",
    ],
)
def test_plain_text_shows_as_written(text):
    html = CONVERT.reset().convert(plain(text))
    assert html.startswith("<p>") and html.endswith("</p>")
    visible = re.sub(r"<[^>]+>", "", html)
    assert entities.unescape(visible) == text


def test_prose_keeps_its_inline_markdown_and_nothing_else():
    html = CONVERT.reset().convert(prose("*a* **b** `<c>` [d](https://e.example/f) <i>g</i>\n\n# h"))
    assert html == (
        '<p><em>a</em> <strong>b</strong> <code>&lt;c&gt;</code> <a href="https://e.example/f">d</a> '
        "&lt;i&gt;g&lt;/i&gt;</p>\n<p>&#35; h</p>"
    )


def test_the_renderer_knows_nothing_of_mkdocs():
    modules = list((ROOT / "generator").glob("render*.py"))
    assert len(modules) >= 3
    for path in modules:
        imports = re.findall(r"^\s*(?:from|import) (\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)
        assert imports and not [name for name in imports if name.startswith("mkdocs")], path.name
