"""The pages' own Markdown dialect converted to HTML: the same elements and text as Python-Markdown makes."""

from __future__ import annotations

import html
import re
import sys

import markdown
import pytest
from generator import load_briefing, render_links
from generator.render import render_pages
from generator.render_html import convert
from generator.sanitize import _elements
from hypothesis import given

from conftest import BRIEFINGS, ROOT
from test_properties import ANY, briefings

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic


def python_markdown(text: str) -> str:
    engine = markdown.Markdown(
        extensions=["attr_list", "footnotes", "tables", "toc"], extension_configs={"toc": {"permalink": True}}
    )
    return engine.convert(text)


def visible(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def assert_same(markdown_text: str) -> None:
    theirs, ours = python_markdown(markdown_text), convert(markdown_text).html
    assert _elements(ours) == _elements(theirs)
    assert visible(ours) == visible(theirs)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    from test_hostile import hostile_briefing

    folder = tmp_path_factory.mktemp("hostile") / "content"
    hostile_briefing(folder)
    return folder


@pytest.mark.parametrize("which", ["golden", "kursk", "other", "hostile", "synthetic, claims by topic"])
def test_the_same_html_as_python_markdown(which, hostile, tmp_path, monkeypatch):
    folders = {"golden": ROOT / "tests/golden/small/content", "kursk": ROOT / "content",
               "other": BRIEFINGS / "other", "hostile": hostile}  # fmt: skip
    if which.startswith("synthetic"):
        monkeypatch.setattr(render_links, "CLAIMS_PER_PAGE", 20)
        synthetic.write(tmp_path, 120)
        folders[which] = tmp_path
    edit = (
        (lambda at: (f"https://example.org/e?f={at.path}&x=<'\"_*>", at.path))
        if which in ("other", "hostile")
        else None
    )
    pages = render_pages(load_briefing(folders[which]), edit)
    assert len(pages) >= 8
    assert ('class="briefing-edit"' in pages[1].markdown) is (edit is not None)
    for page in pages:
        assert_same(page.markdown)


@ANY
@given(briefings())
def test_the_same_html_for_any_text(case):
    briefing, _ = case
    for page in render_pages(briefing):
        assert_same(page.markdown)


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
