"""The stance matrix in Chromium, as a reader sees it: every column in view on a laptop, a block per claim on
a phone, its header row and claim column in view while a large matrix scrolls, every column in print, in
the light and the dark scheme.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from generator import render_layout
from generator.cli import main

from browser import DESKTOP, PHONE, Visit, serve
from large_briefing import many_actors

SCHEMES = ["light", "dark"]
KURSK_COLUMNS = [
    "Claim",
    "Status",
    "North Korean government",
    "Russian government",
    "U.S. State Department",
    "Unnamed reporting outlet",
    "Russian defence ministry",
    "South Korea's national intelligence agency",
    "The Pentagon",
    "Kim Jong Un",
    "South Korea",
]
"""The Kursk matrix's columns: the actors with the most stances first, ties in the briefing's order."""
A4_WIDTH = 718
"""The width an A4 page prints at, in CSS pixels, inside margins of 1 cm: 190 mm at 96 pixels an inch."""


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Iterator[str]:
    """The address of a briefing of 30 actors and 60 claims, its matrix on the stances page."""
    folder = tmp_path_factory.mktemp("large")
    many_actors(folder / "content")
    assert main(["build", "--content", str(folder / "content"), "--site-dir", str(folder / "site")]) == 0
    yield from serve(folder / "site")


@pytest.fixture(scope="module")
def large_by_topic(tmp_path_factory) -> Iterator[str]:
    """The same briefing with its claims on a topic's page, where the table of contents takes width too."""
    folder = tmp_path_factory.mktemp("large-by-topic")
    many_actors(folder / "content")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(render_layout, "CLAIMS_PER_PAGE", 50)
        assert main(["build", "--content", str(folder / "content"), "--site-dir", str(folder / "site")]) == 0
    yield from serve(folder / "site")


def _boxes(visit: Visit, selector: str) -> list[dict[str, float]]:
    return visit.page.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width}; })"
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_laptop_every_column_of_the_kursk_matrix_is_in_view(browser, kursk, scheme):
    visit = Visit(browser, kursk + "stances/", color_scheme=scheme, **DESKTOP)
    headers = visit.page.locator("article thead th")
    assert headers.all_inner_texts() == KURSK_COLUMNS
    boxes = _boxes(visit, "article thead th")
    assert [box for box in boxes if box["left"] < 0 or box["right"] > 1280 or box["width"] == 0] == []
    sideways = "e => e.scrollWidth - e.clientWidth"
    assert visit.page.locator(".md-typeset__scrollwrap").evaluate(sideways) == 0
    assert visit.page.evaluate(f"({sideways})(document.scrollingElement)") == 0


def test_each_actor_header_is_the_actor_s_full_name_linking_to_the_actor(browser, kursk):
    visit = Visit(browser, kursk + "stances/", **DESKTOP)
    link = visit.page.locator("article thead").get_by_role(
        "link", name="South Korea's national intelligence agency", exact=True
    )
    assert link.count() == 1
    assert link.get_attribute("href") == "../actors/#south-korean-intelligence"
    assert link.is_visible()


def test_the_claim_s_status_is_the_column_after_the_claim(browser, kursk):
    visit = Visit(browser, kursk + "stances/", **DESKTOP)
    row = visit.page.locator("article tbody tr").nth(2)
    assert row.locator("td").nth(0).inner_text() == "North Korean troops present in Russia's Kursk region"
    assert row.locator("td").nth(1).locator(".briefing-status--corroborated").is_visible()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_phone_each_claim_is_a_block_naming_each_actor_s_position(browser, kursk, scheme):
    visit = Visit(browser, kursk + "stances/", color_scheme=scheme, **PHONE)
    assert visit.page.evaluate("document.scrollingElement.scrollWidth") <= 390
    table = visit.page.locator("article table")
    assert table.evaluate("e => e.scrollWidth <= e.clientWidth && e.getBoundingClientRect().right <= 390")
    claim = table.locator("tbody tr").nth(4)
    positions = claim.locator("td a:has(.briefing-position)")
    assert positions.all_inner_texts() == [
        "North Korean government: ○ neither",
        "Russian government: ○ neither",
        "U.S. State Department: ■ asserts",
        "South Korea's national intelligence agency: ▲ supports",
        "The Pentagon: ◇ declines",
    ]
    assert [box for box in _boxes(visit, "article tbody td") if box["right"] > 390] == []
    shown = "els => els.filter(e => e.getClientRects().length > 0).length"
    assert claim.locator("td:empty").evaluate_all(shown) == 0  # the actors who take no stance are left out
    assert not visit.page.locator("article thead").is_visible()


@pytest.mark.parametrize("path", ["stances/", "claims/other/"])
def test_a_large_matrix_keeps_its_header_row_and_claim_column_in_view_while_it_scrolls(
    browser, large, large_by_topic, path
):
    url = (large if path == "stances/" else large_by_topic) + path
    visit = Visit(browser, url, **DESKTOP)
    box = visit.page.locator(".md-typeset__scrollwrap:has(.briefing-matrix)")
    box.evaluate("e => window.scrollBy(0, e.getBoundingClientRect().top - 60)")  # its top under the header
    scrolled = box.evaluate(
        "e => { e.scrollLeft = e.scrollWidth; e.scrollTop = e.scrollHeight / 2; return [e.scrollLeft, e.scrollTop]; }"
    )
    assert scrolled[0] > 0 and scrolled[1] > 0  # it did scroll both ways
    frame = box.bounding_box()
    assert frame and frame["y"] >= 0 and frame["y"] + frame["height"] <= 900
    under = "([x, y]) => document.elementFromPoint(x, y).closest('th, td')?.cellIndex ?? -1"
    header_row = "([x, y]) => document.elementFromPoint(x, y).closest('thead') !== null"
    left, top = frame["x"] + 8, frame["y"] + 8
    right = frame["x"] + frame["width"] - 30
    assert visit.page.evaluate(header_row, [left, top]) and visit.page.evaluate(under, [left, top]) == 0
    assert visit.page.evaluate(header_row, [right, top])  # the header row stays at the top of the box
    middle = frame["y"] + frame["height"] / 2
    assert not visit.page.evaluate(header_row, [left, middle])
    assert visit.page.evaluate(under, [left, middle]) == 0  # a row's claim stays at the left of the box


def test_a_large_matrix_scrolls_inside_its_box_and_never_stretches_the_page(browser, large):
    visit = Visit(browser, large + "stances/", **DESKTOP)
    page = visit.page.evaluate(
        "[document.scrollingElement.scrollWidth, document.scrollingElement.scrollHeight]"
    )
    box = visit.page.locator(".md-typeset__scrollwrap:has(.briefing-matrix)")
    matrix = box.evaluate("e => [e.scrollWidth, e.scrollHeight, e.clientHeight]")
    assert page[0] <= 1280
    assert matrix[1] > 5 * matrix[2]  # the matrix is many screens long...
    assert page[1] < matrix[1]  # ...but the page is not: no part of the matrix reaches out of its box


@pytest.mark.parametrize("site", ["kursk", "large"])
def test_printing_keeps_every_column_and_row_of_the_matrix_on_the_page(browser, kursk, large, site):
    url = {"kursk": kursk, "large": large}[site] + "stances/"
    visit = Visit(browser, url, viewport={"width": A4_WIDTH, "height": 1000})
    visit.page.emulate_media(media="print")
    boxes = _boxes(visit, "article thead th")
    assert len(boxes) == (11 if site == "kursk" else 15)
    assert [box for box in boxes if box["left"] < 0 or box["right"] > A4_WIDTH or box["width"] == 0] == []
    assert visit.page.evaluate("document.scrollingElement.scrollWidth") <= A4_WIDTH
    hidden = "e => [e.scrollWidth - e.clientWidth, e.scrollHeight - e.clientHeight]"
    assert visit.page.locator(".md-typeset__scrollwrap:has(.briefing-matrix)").evaluate(hidden) == [0, 0]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", ["phone", "large"])
def test_axe_finds_no_serious_violation_in_the_matrix_s_other_layouts(browser, kursk, large, width, scheme):
    url, options = (kursk, PHONE) if width == "phone" else (large, DESKTOP)
    visit = Visit(browser, url + "stances/", color_scheme=scheme, **options)
    result = Axe().run(visit.page)
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]
               if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert serious == []
