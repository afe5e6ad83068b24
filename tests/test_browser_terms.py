"""Every term explained, as a reader meets it in Chromium: each badge says what it means on hover and on
keyboard focus and leads to its definition, which "How to read this briefing" gives for every value.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from generator.render_matrix import MEANINGS
from generator.vocabulary import (
    ClaimStatus,
    Confidence,
    Likelihood,
    Position,
    QuestionStatus,
    Reliability,
    TreatyStatus,
)

from browser import DESKTOP, PHONE, Visit

KINDS = {
    "status": ClaimStatus,
    "position": Position,
    "likelihood": Likelihood,
    "confidence": Confidence,
    "grade": Reliability,
    "treaty-status": TreatyStatus,
    "question-status": QuestionStatus,
}
DEFINED = {kind: {value.value: value for value in values} for kind, values in KINDS.items()}
BADGES = "article a:has(> .briefing-status)"
TOOLTIP = "el => getComputedStyle(el.querySelector('.briefing-term'), '::after').content"


def definition(value):
    if isinstance(value, Position):
        return MEANINGS[value][:1].upper() + MEANINGS[value][1:] + "."
    return value.definition


def badges(visit):
    """Each badge on the page: its kind and value (from where it leads), title, visible words, their case,
    and its whole text (what a screen reader names it) with the area its hidden part takes."""
    return visit.page.locator(BADGES).evaluate_all(
        """links => links.map(link => {
            const badge = link.querySelector('.briefing-status');
            const [kind, value] = decodeURIComponent(link.hash.slice(1)).split('_');
            const words = [...badge.childNodes].filter(node => node.nodeType === Node.TEXT_NODE);
            const kindBox = badge.querySelector('.briefing-term__kind').getBoundingClientRect();
            return {kind, value, path: link.pathname, title: badge.title, name: badge.textContent,
                    words: words.map(node => node.textContent).join(''), hidden: kindBox.width * kindBox.height,
                    transform: getComputedStyle(badge).textTransform};
        })"""
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_status_badge_on_the_claims_page_says_what_it_means_on_hover_and_on_focus(
    browser, kursk, scheme
):
    visit = Visit(browser, kursk + "claims/", color_scheme=scheme, **DESKTOP)
    shown = badges(visit)
    assert len(shown) == visit.page.locator("article h2").count() >= 10
    for badge in shown:
        status = ClaimStatus(badge["value"])
        assert (badge["kind"], badge["path"]) == ("status", "/guide/")
        assert badge["title"] == status.definition
        assert badge["words"] == status.value and badge["transform"] == "none"
        assert badge["name"] == f"Status: {status.value}" and badge["hidden"] <= 1
    first = visit.page.locator(BADGES).first
    assert first.evaluate(TOOLTIP) == "none"
    for index in range(len(shown)):
        link = visit.page.locator(BADGES).nth(index)
        link.focus()
        assert link.evaluate("el => el.matches(':focus-visible')")
        assert link.evaluate(TOOLTIP) == f'"{shown[index]["title"]}"'
    assert visit.page.get_by_role("link", name="Status: unverified").count() >= 1


@pytest.mark.parametrize(
    "site, status",
    [("kursk", "unverified"), ("kursk", "corroborated"), ("other", "disputed"), ("other", "refuted")],
)
def test_following_a_badge_lands_on_its_definition(browser, site, status, request):
    visit = Visit(browser, request.getfixturevalue(site) + "claims/", **DESKTOP)
    visit.page.get_by_role("link", name=f"Status: {status}").first.click()
    visit.page.wait_for_url(f"**/guide/#status_{status}")
    target = visit.page.locator(f"#status_{status}")
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < DESKTOP["viewport"]["height"]
    item = visit.page.locator(f"li:has(> #status_{status})")
    assert item.inner_text() == f"{status}: {ClaimStatus(status).definition}"
    assert item.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("site", ["kursk", "other"])
def test_the_guide_defines_every_value_of_the_vocabulary(browser, site, request):
    visit = Visit(browser, request.getfixturevalue(site) + "guide/", **PHONE)
    defined = visit.page.locator("article li:has(> strong[id])").evaluate_all(
        "items => items.map(item => [item.firstElementChild.id, item.innerText])"
    )
    expected = {
        f"{kind}_{value.value}": definition(value) for kind, values in KINDS.items() for value in values
    }
    assert {anchor: text.split(": ", 1)[1] for anchor, text in defined} == expected
    headings = visit.page.locator("article :is(h1, h2)").evaluate_all(
        "els => els.map(e => e.firstChild.textContent)"
    )
    assert headings[:3] == ["How to read this briefing", "How claims are verified", "Status and assessment"]
    width = visit.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["viewport"]["width"]


@pytest.mark.parametrize(
    "path, kind, words",
    [
        (
            "treaties/",
            "treaty-status",
            ["in force", "negotiated", "ratified", "signed", "suspended", "terminated"],
        ),
        ("questions/", "question-status", ["answered", "open", "partly answered"]),
    ],
)
def test_treaty_and_question_badges_read_as_words_and_lead_to_their_definitions(
    browser, other, path, kind, words
):
    visit = Visit(browser, other + path, **PHONE)
    shown = badges(visit)
    assert sorted({badge["words"] for badge in shown}) == words
    for badge in shown:
        value = DEFINED[kind][badge["value"]]
        assert (badge["kind"], badge["title"], badge["transform"]) == (kind, value.definition, "none")
        assert badge["words"] == badge["value"].replace("-", " ")


def test_badges_differ_in_shape_not_only_in_colour(browser, other):
    """In greyscale, each status of a kind keeps an outline, fill or stroke of its own."""
    visit = Visit(browser, other + "guide/", **DESKTOP)
    shapes = visit.page.locator("article li > strong[id] > .briefing-status").evaluate_all(
        r"""badges => badges.map(badge => {
            const style = getComputedStyle(badge);
            const opaque = style.backgroundColor.startsWith('rgb(');
            const alpha = opaque ? 1 : Number(style.backgroundColor.match(/[,/] *([\d.]+)\)$/)[1]);
            const fill = style.backgroundImage !== 'none' ? 'half' : alpha === 0 ? 'none' : alpha < 1 ? 'tint' : 'filled';
            return [badge.parentElement.id.split('_')[0], style.borderTopStyle, fill, style.textDecorationLine];
        })"""
    )
    for kind in ("status", "treaty-status", "question-status"):
        of_kind = [tuple(shape[1:]) for shape in shapes if shape[0] == kind]
        assert len(of_kind) == len(KINDS[kind]) == len(set(of_kind)), of_kind


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_briefings_assessment_is_set_apart_from_the_reported_material(browser, other, scheme):
    visit = Visit(browser, other + "claims/", color_scheme=scheme, **DESKTOP)
    assessment = visit.page.locator("article p:has(> .briefing-assessment)").first
    assert assessment.inner_text().startswith("The briefing's assessment: roughly even (low confidence). ")
    style = assessment.evaluate(
        "el => [getComputedStyle(el).borderLeftStyle, getComputedStyle(el).backgroundColor,"
        " getComputedStyle(el.closest('article')).backgroundColor]"
    )
    assert style[0] == "solid" and style[1] not in ("rgba(0, 0, 0, 0)", style[2])
    likelihood = assessment.get_by_role("link", name="roughly even")
    assert likelihood.get_attribute("href") == "../guide/#likelihood_roughly-even"
    assert likelihood.locator(".briefing-term").get_attribute("title") == Likelihood.ROUGHLY_EVEN.definition
    likelihood.focus()
    assert likelihood.evaluate(TOOLTIP) == f'"{Likelihood.ROUGHLY_EVEN.definition}"'


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["guide/", "claims/", "treaties/", "questions/"])
def test_badges_and_terms_are_readable_in_both_schemes(browser, other, path, scheme):
    visit = Visit(browser, other + path, color_scheme=scheme, **DESKTOP)
    result = Axe().run(visit.page, options={"runOnly": ["color-contrast", "link-name", "link-in-text-block"]})
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]] == []
