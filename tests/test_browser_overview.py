"""The overview in Chromium, as a reader first sees it: the as-of date, the claims counted by status and the
latest update before any prose, at a desk and on a phone, in both colour schemes; each count leads to its
claims.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from generator import load_briefing
from generator.cli import main

from browser import DESKTOP, PHONE, Visit, serve
from conftest import BRIEFINGS

SCHEMES = ["light", "dark"]
GLANCE = "article ul:has(> li > .briefing-glance)"


@pytest.fixture(scope="module")
def harbour(tmp_path_factory) -> Iterator[str]:
    """The harbour briefing, recorded in three editions, built and served."""
    site = tmp_path_factory.mktemp("harbour") / "site"
    assert main(["build", "--content", str(BRIEFINGS / "harbor"), "--site-dir", str(site)]) == 0
    yield from serve(site)


def boxes(visit: Visit, selector: str) -> list[dict[str, float]]:
    """Where the elements lie on the page, in CSS pixels from its top left."""
    return visit.page.locator(selector).evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect();"
        " return {top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right}; })"
    )


def top_of_prose(visit: Visit) -> float:
    return boxes(visit, "article h2#bottom_line")[0]["top"]


def channels(colour: str) -> list[float]:
    """A computed colour's red, green, blue (0 to 1) and alpha."""
    parts = [float(part) for part in colour[colour.index("(") + 1 : colour.index(")")].split(",")]
    return [part / 255 for part in parts[:3]] + [parts[3] if len(parts) == 4 else 1.0]


def luminance(red: float, green: float, blue: float) -> float:
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(text: str, background: str) -> float:
    """The contrast ratio of text on an opaque background, the text's own transparency laid over it."""
    *under, _ = channels(background)
    *over, alpha = channels(text)
    seen = [alpha * top + (1 - alpha) * bottom for top, bottom in zip(over, under, strict=True)]
    lighter, darker = sorted((luminance(*seen), luminance(*under)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("which", ["kursk", "other"])
def test_at_a_desk_the_counts_lie_above_the_fold_before_the_prose(browser, kursk, other, which, scheme):
    visit = Visit(browser, {"kursk": kursk, "other": other}[which], color_scheme=scheme, **DESKTOP)
    counts = boxes(visit, f"{GLANCE} .briefing-count")
    assert len(counts) == {"kursk": 2, "other": 7}[which]
    glance = boxes(visit, GLANCE)[0]
    assert glance["bottom"] <= 900
    assert all(box["bottom"] <= glance["bottom"] for box in counts)
    assert glance["bottom"] < top_of_prose(visit)
    text = visit.page.locator(GLANCE).inner_text()
    assert text.startswith("Information as of ")
    assert "LATEST UPDATE" in text  # the label, upper case as shown
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= 1280
    visit.page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_count_and_label_is_readable_in_both_schemes(browser, other, scheme):
    visit = Visit(browser, other, color_scheme=scheme, **DESKTOP)
    background = visit.page.locator(GLANCE).evaluate("e => getComputedStyle(e).backgroundColor")
    assert channels(background)[3] == 1.0  # opaque: the page does not show through
    colours = visit.page.locator(f"{GLANCE} :is(.briefing-count, .briefing-glance)").evaluate_all(
        "els => els.map(e => [e.textContent, getComputedStyle(e).color])"
    )
    assert len(colours) == 7 + 2
    for text, colour in colours:
        assert contrast(colour, background) >= 4.5, (text, colour, background)
    visit.page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_count_lands_on_the_claims_of_its_status(browser, other, scheme):
    briefing = load_briefing(BRIEFINGS / "other")
    visit = Visit(browser, other, color_scheme=scheme, **DESKTOP)
    counts = visit.page.locator(f"{GLANCE} a:has(.briefing-count)")
    assert counts.count() == 7
    for index in range(counts.count()):
        visit.page.evaluate("scrollTo(0, 0)")
        count = counts.nth(index)
        number, status = count.inner_text().split()
        count.click()
        visit.page.wait_for_function(f"location.hash === '#claims_{status}'")
        target = visit.page.locator(f"#claims_{status}")
        top, bottom = target.evaluate(
            "e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
        )
        assert top >= 48 and bottom <= 900, (status, top)  # in view, below the header
        listed = target.evaluate(
            "e => [...e.closest('p').nextElementSibling.querySelectorAll('a')]"
            ".map(a => new URL(a.href).hash.slice(1))"
        )
        assert listed == [claim.id for claim in briefing.claims if claim.status.value == status]
        assert len(listed) == int(number)
    visit.page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("which", ["kursk", "other"])
def test_on_a_phone_the_counts_come_within_a_screen_and_a_half(browser, kursk, other, which, scheme):
    visit = Visit(browser, {"kursk": kursk, "other": other}[which], color_scheme=scheme, **PHONE)
    counts = boxes(visit, f"{GLANCE} .briefing-count")
    assert counts
    assert max(box["bottom"] for box in counts) <= 1.5 * 844
    assert all(box["left"] >= 0 and box["right"] <= 390 for box in counts)
    assert visit.page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing to scroll sideways
    visit.page.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_with_editions_the_latest_change_is_above_the_fold_and_leads_to_the_changes_page(
    browser, harbour, scheme
):
    visit = Visit(browser, harbour, color_scheme=scheme, **DESKTOP)
    latest = visit.page.locator(f"{GLANCE} li:has(> .briefing-glance)", has_text="Latest update")
    assert latest.inner_text().startswith("LATEST UPDATE 10 March 2025: The laboratory confirms the leak;")
    link = latest.get_by_role("link", name="what changed")
    assert link.count() == 1
    assert link.evaluate("e => e.getBoundingClientRect().bottom") <= 900
    assert link.get_attribute("href") == "changes/#edition_3"
    link.click()
    visit.page.wait_for_url(f"{harbour}changes/#edition_3")
    heading = visit.page.locator("h2#edition_3")
    assert heading.inner_text().startswith("Edition 3, 10 March 2025")
    assert 0 <= heading.evaluate("e => e.getBoundingClientRect().top") < 900
    visit.page.close()


def test_the_glance_is_printed_with_the_briefing(browser, kursk):
    visit = Visit(browser, kursk, **DESKTOP)
    visit.page.emulate_media(media="print")
    assert visit.page.locator(GLANCE).is_visible()
    counts = visit.page.locator(f"{GLANCE} .briefing-count").all_inner_texts()
    assert counts == ["10 unverified", "1 corroborated"]
    visit.page.close()
