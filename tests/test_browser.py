"""The built site in headless Chromium, as a reader uses it: search, no outside requests, no errors,
accessible pages, print, and hostile content inert.

Debian's `chromium` is driven by Playwright (never a downloaded browser): see the fixtures in conftest.py.
"""

from __future__ import annotations

import itertools
import textwrap
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from generator.cli import main
from playwright.sync_api import expect  # its assertions retry while a page reloads

from browser import DESKTOP, PAGES, PHONE, Visit, serve
from conftest import MINIMAL, ROOT
from served import Served, copy_project


@pytest.mark.parametrize("query, entry", [
    ("Pyongyang", "north-korean-government"),  # an alias finds the government it stands for
    ("Moscow", "russian-government"),
    ("Washington", "us-government"),
    ("10,000", "nk-troops-deployed-to-eastern-russia"),  # a figure
    ("김정은", "kim-jong-un"),  # Hangul
    ("Путин", "vladimir-putin"),  # Cyrillic
    ("Kim Jong Un", "kim-jong-un"),
])  # fmt: skip
def test_search_finds_what_readers_type(browser, kursk, query, entry):
    found = Visit(browser, kursk).search(query)
    assert entry in found, found


@pytest.mark.parametrize("query", ["Анна", "Ковач", "Анна Ковач"])
def test_search_finds_a_name_inside_parentheses_by_either_word(browser, other, query):
    assert "anna-kovac" in Visit(browser, other).search(query)  # written "(Анна Ковач)"


def test_search_finds_words_that_punctuation_touches(browser, tmp_path):
    content = tmp_path / "content"
    for name, text in MINIMAL.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(textwrap.dedent(text), encoding="utf-8")
    statement = 'Something happened (Zyxwort Quillon), said "Brindlemoor"; then [Oskarvale].'
    claim = content / "claims" / "claim.yml"
    claim.write_text(claim.read_text().replace("Something happened.", statement), encoding="utf-8")
    site = tmp_path / "site"
    assert main(["build", "--content", str(content), "--site-dir", str(site)]) == 0
    for url in serve(site):
        visit = Visit(browser, url)
        for word in ("Zyxwort", "Quillon", "Brindlemoor", "Oskarvale"):
            assert "claim-one" in visit.search(word), word


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_without_error_and_asks_no_other_host(browser, kursk, path):
    visit = Visit(browser, kursk + path)
    assert visit.errors == []
    hosts = {urlsplit(url).netloc for url in visit.requests}
    assert hosts == {urlsplit(kursk).netloc}, visit.requests


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_violation(browser, kursk, path, scheme):
    visit = Visit(browser, kursk + path, color_scheme=scheme)
    result = Axe().run(visit.page)
    serious = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result.response["violations"]
               if v["impact"] in ("serious", "critical")]  # fmt: skip
    assert serious == []


def test_headings_are_in_order(browser, kursk):
    for path in PAGES:
        levels = (
            Visit(browser, kursk + path)
            .page.locator("article h1, article h2, article h3")
            .evaluate_all("els => els.map(e => Number(e.tagName[1]))")
        )
        assert levels[0] == 1, path
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels)), (path, levels)


def test_the_stance_matrix_reads_without_colour_and_links_to_each_stance(browser, kursk):
    visit = Visit(browser, kursk + "stances/")
    table = visit.page.locator("article table")
    assert table.locator("th").count() >= 5
    cell = table.get_by_role("link", name="The Pentagon: ◇ declines")
    assert cell.locator(".briefing-position").inner_text() == "◇\ndeclines"  # the word under its symbol
    cell.click()
    visit.page.wait_for_url("**/claims/#nk-troops-in-combat--pentagon")
    target = visit.page.locator("#nk-troops-in-combat--pentagon")
    assert target.inner_text() == "declines to confirm"
    assert target.is_visible()


def test_citations_are_numbered_notes_linking_to_the_sources_page(browser, kursk):
    visit = Visit(browser, kursk + "claims/")
    notes = visit.page.locator(".footnote li")
    assert notes.count() >= 5
    first = notes.first
    assert first.locator("a[href*='sources/#kursk-report']").count() == 1
    assert "paragraph" in first.inner_text()


def test_printing_gives_a_clean_document(browser, kursk, tmp_path):
    visit = Visit(browser, kursk + "sources/")
    visit.page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not visit.page.locator(chrome).first.is_visible(), chrome
    visit.page.goto(kursk + "claims/")
    pdf = visit.page.pdf(path=str(tmp_path / "claims.pdf"))
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_printing_writes_out_the_address_of_outside_links(browser, tmp_path):
    site = tmp_path / "site"
    assert (
        main(["build", "--content", str(ROOT / "tests/golden/small/content"), "--site-dir", str(site)]) == 0
    )
    for url in serve(site):
        visit = Visit(browser, url + "sources/")
        visit.page.emulate_media(media="print")
        after = visit.page.locator("article a[href^='https://example.org']").first.evaluate(
            "e => getComputedStyle(e, '::after').content"
        )
        assert after == '" <https://example.org/notice?id=12&lang=en>"'


def test_hostile_content_is_inert_in_the_browser(browser, tmp_path):
    from test_hostile import hostile_briefing

    hostile_briefing(tmp_path / "content")
    site = tmp_path / "site"
    assert main(["build", "--content", str(tmp_path / "content"), "--site-dir", str(site)]) == 0
    for url in serve(site):
        for path in PAGES:
            visit = Visit(browser, url + path)
            assert visit.dialogs == [], path
            assert visit.errors == [], path
            assert {urlsplit(request).netloc for request in visit.requests} == {urlsplit(url).netloc}


def test_with_a_repository_the_page_asks_its_host_nothing_and_the_search_dialog_is_named(browser, tmp_path):
    config = copy_project(tmp_path / "project", settings="repo_url: https://github.com/example/briefing\n")
    site = tmp_path / "site"
    assert (
        main(["build", "--config", str(config), "--content", str(ROOT / "content"), "--site-dir", str(site)])
        == 0
    )
    for url in serve(site):
        visit = Visit(browser, url + "claims/")
        assert visit.page.locator("a.md-source").count() >= 1  # the repository is linked...
        assert visit.page.locator("[data-md-component=source]").count() == 0  # ...not asked for its facts
        assert visit.page.locator("a.md-source .md-source__facts").count() == 0
        assert {urlsplit(request).netloc for request in visit.requests} == {urlsplit(url).netloc}
        assert visit.page.locator(".md-search[role=dialog]").get_attribute("aria-label") == "Search"
        assert visit.errors == []


def test_an_open_page_reloads_itself_on_an_edit_and_on_a_mistake(browser, tmp_path):
    served = Served(tmp_path)
    try:
        visit = Visit(browser, served.url + "claims/", wait_until="load")  # live reload polls: never idle
        claim = served.folder / "content/claims/2-combat.yml"
        good = claim.read_text(encoding="utf-8")
        claim.write_text(
            good.replace("title: North Korean", "title: Reloaded North Korean", 1), encoding="utf-8"
        )
        shown = "text => document.querySelector('article')?.innerText.includes(text)"
        visit.page.wait_for_function(shown, arg="Reloaded North Korean troops", timeout=30_000)
        claim.write_text(good.replace("title:", "titel:", 1), encoding="utf-8")
        problems = visit.page.locator(".briefing-problems")
        expect(problems).to_contain_text("unknown key 'titel'", timeout=30_000)  # waits out each reload
        claim.write_text(good, encoding="utf-8")
        mended = (
            "() => !document.querySelector('.briefing-problems')"
            " && !!document.querySelector('#nk-troops-in-combat')"
        )
        visit.page.wait_for_function(mended, timeout=30_000)  # the good build's page, not one mid-reload
        expect(problems).to_have_count(0)
        expect(visit.page.locator("#nk-troops-in-combat")).to_be_visible()
        assert visit.errors == []
    finally:
        served.stop()


def test_the_404_page_works_under_a_project_path(browser, tmp_path, monkeypatch):
    """As GitHub Pages serves a project site: under /<repository>/, with 404.html for any missing address."""
    monkeypatch.setenv("SITE_URL", "https://example.github.io/briefing/")
    site = tmp_path / "root" / "briefing"
    assert main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(site)]) == 0
    for url in serve(tmp_path / "root", not_found=site / "404.html"):
        visit = Visit(browser, url + "briefing/no/such/page/")
        missing = "Failed to load resource: the server responded with a status of 404 (Not Found)"
        assert visit.errors == [missing]  # the page's own address, and nothing it loads
        assert visit.page.locator("h1").inner_text().startswith("404")
        stylesheets = [request for request in visit.requests if request.endswith(".css")]
        assert stylesheets and all("/briefing/assets/" in request for request in stylesheets)
        header = visit.page.locator(".md-header").evaluate("element => getComputedStyle(element).position")
        assert header == "sticky"  # Material's stylesheet has loaded


def asked_for_index(visit: Visit) -> bool:
    return any(urlsplit(url).path.endswith("/search/search_index.json") for url in visit.requests)


@pytest.mark.parametrize("turn", ["click", "hover", "key"])
def test_a_page_asks_for_the_search_index_only_once_the_reader_turns_to_the_search(browser, kursk, turn):
    visit = Visit(browser, kursk + "claims/", **DESKTOP)
    visit.page.wait_for_timeout(1000)
    assert not asked_for_index(visit), "the index was fetched with the page"
    if turn == "click":
        visit.page.locator(".md-search__input").click()
    elif turn == "hover":
        visit.page.locator(".md-search__input").hover()
    else:
        visit.page.keyboard.press("/")  # the theme's key for the search
    expect(visit.page.locator(".md-search__form")).to_be_attached()
    visit.page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))"
    )
    assert asked_for_index(visit)
    assert visit.errors == []


def test_on_a_phone_opening_the_search_asks_for_the_index(browser, kursk):
    visit = Visit(browser, kursk + "claims/", **PHONE)
    visit.page.wait_for_timeout(1000)
    assert not asked_for_index(visit)
    visit.page.locator("label[for=__search]").first.tap()
    visit.page.wait_for_function(
        "performance.getEntriesByType('resource').some(e => e.name.endsWith('/search/search_index.json'))"
    )
    assert "north-korean-government" in visit.search("Pyongyang")
