"""The sanitizer's check tells what it would remove, whether counting decides or every element is compared.

Counting (``sanitize._intact``) is a shortcut: it may only ever say "nothing removed" when nothing was. Each
case here hides a removal behind what could fool a count, and the property holds the shortcut to the full
comparison on the generator's pages with anything spliced into them.
"""

from __future__ import annotations

import nh3
import pytest
from generator import load_briefing, sanitize
from generator.dialect import convert
from generator.render import render_pages
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import BRIEFINGS, ROOT


def clean(html: str) -> str:
    return nh3.clean(
        html,
        tags=sanitize.TAGS,
        attributes=sanitize.ATTRIBUTES,
        url_schemes=sanitize.URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def precise(html: str) -> bool:
    """Whether anything is removed, by comparing every element with its attributes."""
    return bool(sanitize._elements(html) - sanitize._elements(clean(html)))


PAGES = [
    convert(page.markdown).html
    for folder in (ROOT / "content", BRIEFINGS / "other")
    for page in render_pages(load_briefing(folder))
]


def test_the_generator_s_pages_are_told_intact_by_counting():
    assert all(sanitize._intact(page, clean(page)) for page in PAGES)
    assert all(sanitize.removed(page) == [] for page in PAGES)


@pytest.mark.parametrize(
    "hidden",
    [
        '<p>a&#61;"b" <span onclick="x">c</span></p>',  # text's "=" gains a '="' as an attribute goes
        '<p>a&equals;"b" <span onclick="">c</span></p>',
        '<p><span data-search-exclude onclick="">c</span></p>',  # a bare attribute becomes '=""' as one goes
        '<p><span title="&lt;script">a</span><script>b</script></p>',  # a "<script" inside a value
        "<p>a</p><!-- b -->",
        "<p><span class=x onclick=y>a</span></p>",
        '<p>a=&quot;b" <span onclick="x">c</span></p>',  # text's '="', spelled, gains one as an attribute goes
        "<p><span class='x' onclick='y'>a</span></p>",
        '<p><img src="x" onerror="y"></p>',
    ],
)
def test_a_removal_hidden_from_counting_is_still_found(hidden):
    assert precise(hidden)
    assert not sanitize._intact(hidden, clean(hidden))
    assert sanitize.removed(hidden) != []


SPLICES = st.sampled_from(
    [
        '<span onclick="x">',
        "<script>",
        '<a href="javascript:x">',
        "<!-- c -->",
        '&#61;"',
        "&lt;b",
        '="',
        "<span data-search-exclude>",
        '<span title="&lt;script">',
        "<img src=x>",
        ' onclick="y"',
        "=",
        "<",
        '<em id="x">',
        "</p>",
        "<br>",
        "&#x3D;",
        '<code class="x">',
        '<svg><circle r="1"/></svg>',
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PAGES), st.lists(st.tuples(st.floats(0, 1), SPLICES), max_size=4))
def test_counting_never_says_intact_when_the_full_comparison_finds_a_removal(page, splices):
    for where, text in splices:
        at = int(where * len(page))
        page = page[:at] + text + page[at:]
    if sanitize._intact(page, clean(page)):
        assert not precise(page)
    assert bool(sanitize.removed(page)) is precise(page)
