"""The evidence in place, in Chromium as a reader sees it: a note's quote on hovering its marker, markers
large enough to hit, a note opened where the reader is on a phone, every source listing what cites it with
links that land, and the Data page's files downloading.

Debian's `chromium` is driven by Playwright (never a downloaded browser): see the fixtures in conftest.py.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urldefrag, urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from generator import export, load_briefing

from browser import DESKTOP, PHONE, Visit
from conftest import ROOT

SCREENS = {"desktop": DESKTOP, "phone": PHONE}
SCHEMES = ["light", "dark"]


def quote_of(visit: Visit, marker) -> str:
    """The quoted words of the note a marker leads to, as its note at the foot of the page shows them."""
    note = visit.page.locator(f"[id='{marker.get_attribute('href').removeprefix('#')}']")
    text = note.inner_text()
    return text[text.index("“") + 1 : text.index("”")]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_hovering_a_note_marker_shows_the_quote_it_cites(browser, kursk, scheme):
    visit = Visit(browser, kursk + "claims/", color_scheme=scheme, **DESKTOP)
    marker = visit.page.locator("article a.footnote-ref").nth(2)
    quote = quote_of(visit, marker)
    marker.hover()
    tooltip = visit.page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert quote in tooltip.inner_text()
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= DESKTOP["viewport"]["height"]
    colours = tooltip.locator(".md-tooltip2__inner").evaluate(
        "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]"
    )
    assert colours[0] != colours[1]
    assert visit.errors == []


TARGETS = """() => [...document.querySelectorAll('article a.footnote-ref')].map(a => {
    a.scrollIntoView({block: 'center'});
    const box = a.getBoundingClientRect();
    const x = box.x + box.width / 2, y = box.y + box.height / 2;
    const corners = [[-11.5, -11.5], [11.5, -11.5], [-11.5, 11.5], [11.5, 11.5]].map(
        ([dx, dy]) => a.contains(document.elementFromPoint(x + dx, y + dy)));
    const block = a.closest('li, p');
    const lines = block.getBoundingClientRect().height / parseFloat(getComputedStyle(block).lineHeight);
    return {note: a.getAttribute('href'), width: box.width, height: box.height, corners,
            lines: block.querySelector('ul, ol') ? null : lines};
})"""
"""Each marker's box, whether a 24x24 square about its centre hits it, and how many lines its paragraph or
list item takes, measured in its line height (none for an item holding a list)."""


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", ["claims/", "timeline/", "treaties/"])
def test_every_note_marker_is_a_target_of_24_by_24_px_that_leaves_the_line_s_height_alone(
    browser, kursk, path, screen
):
    targets = Visit(browser, kursk + path, **SCREENS[screen]).page.evaluate(TARGETS)
    assert targets
    for target in targets:
        assert target["width"] >= 24 and target["height"] >= 24, target
        assert all(target["corners"]), target
        if target["lines"] is not None:
            assert abs(target["lines"] - round(target["lines"])) < 0.05, target


@pytest.mark.parametrize("scheme", SCHEMES)
def test_on_a_phone_tapping_a_marker_opens_its_note_where_the_reader_is_and_back_closes_it(
    browser, kursk, scheme
):
    visit = Visit(browser, kursk + "claims/", color_scheme=scheme, **PHONE)
    page = visit.page
    marker = page.locator("article a.footnote-ref").nth(4)
    quote = quote_of(visit, marker)
    marker.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    marker.tap()
    page.wait_for_url("**/claims/#fn:*")
    note = page.locator(".footnote li:target")
    assert page.evaluate("scrollY") == before
    assert quote in note.inner_text()
    box = note.bounding_box()
    height = PHONE["viewport"]["height"]
    assert box is not None and box["y"] > height / 2 and abs(box["y"] + box["height"] - height) < 1
    assert page.locator(".md-tooltip2--active").filter(visible=True).count() == 0  # the note once, not twice
    page.go_back()
    page.wait_for_function("!location.hash")
    assert page.locator(".footnote li:target").count() == 0
    assert page.evaluate("scrollY") == before
    assert visit.errors == []


def landed(visit: Visit, url: str) -> None:
    """Follow a link by its address and check that the element it names is there and scrolled into view."""
    visit.page.goto(url)
    target = visit.page.locator(f"[id='{urldefrag(url).fragment}']")
    assert target.count() == 1, url
    box = target.bounding_box()
    height = visit.page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, url


CITED_BY = """section => {
    const links = [];
    for (let e = document.getElementById(section).nextElementSibling; e && e.tagName !== 'H2';
         e = e.nextElementSibling) {
        if (e.tagName === 'UL') links.push(...[...e.querySelectorAll('a')].map(a => [a.innerText, a.href]));
    }
    return links;
}"""
"""The links under a source's heading, in its lists of what cites it: their text and address."""


@pytest.mark.parametrize("screen", SCREENS)
def test_the_sources_page_lists_every_claim_citing_the_kursk_report_and_each_link_lands(
    browser, kursk, screen
):
    visit = Visit(browser, kursk + "sources/", **SCREENS[screen])
    links = visit.page.evaluate(CITED_BY, "kursk-report")
    briefing = load_briefing(ROOT / "content")
    claims = [text for text, url in links if urldefrag(url).fragment in briefing.index]
    assert claims[: len(briefing.claims)] == [claim.title for claim in briefing.claims]
    assert "Cited by 11 claims, " in visit.page.locator("article").inner_text()
    (first_claim,) = [url for text, url in links if text == briefing.claims[0].title]
    stance = next(url for text, url in links if "--" in urldefrag(url).fragment)
    for url in (first_claim, stance):
        landed(visit, url)


@pytest.mark.parametrize("site", ["kursk", "other"])
def test_every_link_to_what_cites_a_source_leads_to_an_element_of_its_page(browser, site, request):
    url = request.getfixturevalue(site)
    visit = Visit(browser, url + "sources/", **DESKTOP)
    sections = visit.page.locator("article h2").evaluate_all("hs => hs.map(h => h.id)")
    text = visit.page.locator("article").inner_text()
    assert text.count("Cited by ") + text.count("Nothing in this briefing cites it yet.") == len(sections)
    links = [url for section in sections for _, url in visit.page.evaluate(CITED_BY, section)]
    assert links
    ids: dict[str, set[str]] = {}
    for link in links:
        page, fragment = urldefrag(link)
        if page not in ids:
            target = Visit(browser, page, **DESKTOP).page
            ids[page] = set(target.locator("[id]").evaluate_all("es => es.map(e => e.id)"))
        assert fragment in ids[page], link


TYPES = {"json": ("application/json",), "csv": ("text/csv",), "atom": ("application/xml", "text/xml")}
"""The content types a host gives each export, by its file's suffix."""


@pytest.mark.parametrize("screen", SCREENS)
def test_the_data_page_links_each_export_and_each_downloads_as_what_it_is(browser, kursk, screen):
    visit = Visit(browser, kursk, **SCREENS[screen])
    data_page = visit.page.locator("a.md-nav__link", has_text="Data").first.get_attribute("href")
    visit = Visit(browser, urljoin(kursk, data_page), **SCREENS[screen])
    assert visit.page.url == kursk + "data/"
    for kind, name in export.FILES.items():
        link = visit.page.locator("article a", has_text=name)
        assert link.is_visible()
        url = link.evaluate("a => a.href")
        assert url == kursk + name
        response = visit.page.request.get(url)
        assert response.status == 200
        assert response.headers["content-type"].split(";")[0] in TYPES[kind]
        body = response.body().decode("utf-8")
        if kind == "json":
            assert json.loads(body)["format"] == "briefing"
        elif kind == "csv":
            assert next(csv.reader(io.StringIO(body)))[:3] == ["claim", "title", "status"]
        else:
            assert ET.fromstring(body).tag == "{http://www.w3.org/2005/Atom}feed"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", ["data/", "sources/"])
def test_axe_finds_no_serious_violation_on_the_data_and_sources_pages(browser, kursk, path, scheme):
    visit = Visit(browser, kursk + path, color_scheme=scheme, **DESKTOP)
    violations = Axe().run(visit.page).response["violations"]
    serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert serious == []
