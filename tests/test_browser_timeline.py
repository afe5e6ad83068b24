"""The timeline drawn, as a reader sees it in Chromium: on a laptop, on a phone, printed, light and dark.

Every event is a mark named by its date and title and linking to its entry; the drawing fits the page's
width, its labels do not overlap, and its marks and text stand out from the page in both colour schemes.
"""

from __future__ import annotations

import itertools
import json
import re
import urllib.request

import pytest

from browser import DESKTOP, PHONE, Visit

SIZES = {"laptop": DESKTOP, "phone": PHONE}
FIGURE = "article figure.briefing-timeline"

BOXES = """figure => {
    const box = element => { const r = element.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
    return {
        figure: box(figure),
        svg: box(figure.querySelector("svg")),
        marks: [...figure.querySelectorAll("a")].map(link => ({
            id: link.getAttribute("href"),
            shape: box(link.querySelector("rect, circle")),
            label: [...link.querySelectorAll("text")].map(box),
        })),
        ticks: [...figure.querySelectorAll("g text")].map(box),
        scroller: [figure.firstElementChild.scrollWidth, figure.firstElementChild.clientWidth],
        page: [document.documentElement.scrollWidth, window.innerWidth],
    };
}"""


def entries(visit: Visit) -> dict[str, str]:
    """Each event's id and its heading's text, as the list below the drawing shows them."""
    headings = visit.page.locator("article h2[id]").evaluate_all(
        "els => els.map(e => [e.id, e.firstChild.textContent.trim()])"
    )
    return dict(headings)


def overlap(one: list[float], other: list[float]) -> bool:
    return one[0] < other[2] and other[0] < one[2] and one[1] < other[3] and other[1] < one[3]


def inside(inner: list[float], outer: list[float], slack: float = 0.5) -> bool:
    return all(inner[i] >= outer[i] - slack for i in (0, 1)) and all(
        inner[i] <= outer[i] + slack for i in (2, 3)
    )


@pytest.mark.parametrize("site", ["kursk", "other"])
def test_every_event_is_a_mark_named_by_its_date_and_title(browser, request, site):
    visit = Visit(browser, request.getfixturevalue(site) + "timeline/", **DESKTOP)
    listed = entries(visit)
    assert len(listed) == {"kursk": 5, "other": 13}[site]
    figure = visit.page.locator(FIGURE)
    assert figure.locator("a").count() == len(listed)
    for id, heading in listed.items():
        mark = figure.get_by_role("link", name=heading, exact=True)
        assert mark.count() == 1, heading
        assert mark.get_attribute("href") == f"#{id}"
    named = {
        "kursk": "Around August 2024: Ukrainian forces launch a cross-border offensive into Kursk",
        "other": "From around 12 October to December 2023: Varosia reports Qaddaran armour near the border",
    }
    assert figure.get_by_role("link", name=named[site], exact=True).count() == 1


def test_a_mark_clicked_goes_to_its_entry(browser, kursk):
    visit = Visit(browser, kursk + "timeline/", **DESKTOP)
    visit.page.locator(f'{FIGURE} a[href="#pentagon-hints-at-nk-troops-in-kursk"] rect').click()
    visit.page.wait_for_url("**/timeline/#pentagon-hints-at-nk-troops-in-kursk")
    heading = visit.page.locator("#pentagon-hints-at-nk-troops-in-kursk")
    top = heading.bounding_box()["y"]
    assert 0 <= top < 900 / 2, top  # scrolled to, near the top of the screen
    assert heading.inner_text().startswith("Around November 2024: The Pentagon hints at 10,000")


def test_a_mark_is_reached_and_followed_by_keyboard(browser, kursk):
    visit = Visit(browser, kursk + "timeline/", **DESKTOP)
    first = visit.page.locator(f"{FIGURE} a").first
    first.focus()
    assert (
        visit.page.evaluate("document.activeElement.getAttribute('href')")
        == "#ukrainian-offensive-into-kursk"
    )
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/timeline/#ukrainian-offensive-into-kursk")


def check_fits(visit: Visit, width: int) -> dict:
    """The drawing shown within the page's width, its labels inside it and apart; its layout, for more."""
    figure = visit.page.locator(FIGURE)
    assert figure.is_visible()
    boxes = figure.evaluate(BOXES)
    page_width, screen = boxes["page"]
    assert page_width <= screen == width  # no sideways scrolling of the page
    assert boxes["svg"][0] >= 0 and boxes["svg"][2] <= width
    assert boxes["scroller"][0] <= boxes["scroller"][1]  # nor of the drawing: it fits
    assert boxes["svg"][3] - boxes["svg"][1] > 50
    labels = []
    for mark in boxes["marks"]:
        left, top, right, bottom = mark["shape"]
        assert right - left >= 6 and bottom - top >= 6, mark  # a bar or a dot big enough to see and tap
        assert inside(mark["shape"], boxes["svg"]), mark
        for box in mark["label"]:
            assert inside(box, boxes["svg"]), mark
            labels.append((mark["id"], box))
    for (one, box), (other, other_box) in itertools.combinations(labels, 2):
        assert one == other or not overlap(box, other_box), (one, other)
    for tick in boxes["ticks"]:
        assert inside(tick, boxes["svg"]), tick
    for one, other in itertools.pairwise(boxes["ticks"]):
        assert not overlap(one, other)
    return boxes


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("site", ["kursk", "other"])
def test_the_drawing_is_shown_within_the_width_with_labels_apart(browser, request, site, size):
    options = SIZES[size]
    visit = Visit(browser, request.getfixturevalue(site) + "timeline/", **options)
    boxes = check_fits(visit, options["viewport"]["width"])
    assert len(boxes["marks"]) == len(entries(visit))
    first_entry = visit.page.locator("article h2[id]").first.bounding_box()["y"]
    assert boxes["figure"][3] <= first_entry  # above the list, which stays


@pytest.mark.parametrize("site", ["kursk", "other"])
def test_the_drawing_prints_whole(browser, request, site):
    visit = Visit(
        browser, request.getfixturevalue(site) + "timeline/", viewport={"width": 794, "height": 1123}
    )
    visit.page.emulate_media(media="print")
    check_fits(visit, 794)
    assert visit.page.locator(".md-sidebar").first.is_hidden()  # the print layout is in force
    assert len(visit.page.pdf(format="A4")) > 10_000


def luminance(rgb: tuple[float, float, float]) -> float:
    channels = [c / 255 for c in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def colour(css: str, background: tuple[float, float, float] = (0, 0, 0)) -> tuple[float, float, float]:
    """A computed CSS colour, blended over a background when it is translucent."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    alpha = numbers[3] if len(numbers) == 4 else 1.0
    return tuple(alpha * c + (1 - alpha) * b for c, b in zip(numbers[:3], background, strict=True))  # type: ignore[return-value]


def contrast(one: tuple[float, float, float], other: tuple[float, float, float]) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


COLOURS = """figure => {
    const style = selector => getComputedStyle(figure.querySelector(selector));
    return {
        body: getComputedStyle(document.body).backgroundColor,
        scheme: document.body.getAttribute("data-md-color-scheme"),
        mark: style("a .mark:not(.mark--around)").fill,
        around: style("a .mark--around").stroke,
        title: style("a text:not(.when)").fill,
        when: style("a text.when").fill,
        tick: style("g text").fill,
    };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_marks_and_labels_stand_out_in_both_colour_schemes(browser, other, scheme):
    visit = Visit(browser, other + "timeline/", color_scheme=scheme, **DESKTOP)
    colours = visit.page.locator(FIGURE).evaluate(COLOURS)
    assert colours["scheme"] == {"light": "default", "dark": "slate"}[scheme]
    background = colour(colours["body"])
    assert contrast(colour(colours["mark"], background), background) >= 3  # a graphic: 3:1
    assert contrast(colour(colours["around"], background), background) >= 3  # its dashed outline
    for text in ("title", "when", "tick"):
        assert contrast(colour(colours[text], background), background) >= 4.5, text


def test_the_drawing_adds_nothing_to_the_search_index(kursk):
    with urllib.request.urlopen(kursk + "search/search_index.json") as response:
        index = json.load(response)
    entries = [entry for entry in index["docs"] if entry["location"].startswith("timeline/")]
    text = " ".join(f"{entry['title']} {entry['text']}" for entry in entries)
    assert "cross-border offensive into Kursk" in text  # the list is searched
    for drawn in ("Each mark covers all the time", "Aug 2024", "offensive into…"):  # caption, tick, label
        assert drawn not in text, drawn
