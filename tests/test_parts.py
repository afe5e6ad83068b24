"""A category with more entities than a page holds is shown over several pages, each small, all linked.

The limits are lowered here so that a small briefing is spread as a large one would be: every entity is on
exactly one page, where every link to it leads; the pages link each other; only the first is in the
navigation; what is said once for a category (the actors' relations, the timeline's drawing, the list of
topics) is on the first.
"""

from __future__ import annotations

import posixpath
import re

import pytest
from generator import load_briefing, render_layout
from generator.cli import main
from generator.render import render_pages
from generator.render_layout import Layout, topic_slug
from generator.vocabulary import ClaimStatus

from built_site import Site
from conftest import BRIEFINGS, ROOT

LIMITS = {"claims": 2, "claims.md": 4, "actors.md": 4, "treaties.md": 2, "questions.md": 2, "timeline.md": 5}
"""Few enough that the other briefing's categories are spread over two to five pages each."""
CATEGORIES = {"actors": "actors", "treaties": "treaties", "questions": "questions", "events": "timeline"}
"""Each category spread here, and its page."""


@pytest.fixture
def spread(monkeypatch):
    """Lower the limits of a page: many claims get a page per topic, and every category is spread."""
    monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", 5)
    monkeypatch.setattr(render_layout, "PER_PAGE", {**render_layout.PER_PAGE, **LIMITS, "sources.md": 3})


@pytest.fixture
def site(spread, tmp_path) -> Site:
    config = str(ROOT / "mkdocs.yml")
    content = str(BRIEFINGS / "other")
    assert main(["build", "--config", config, "--content", content, "--site-dir", str(tmp_path)]) == 0
    return Site(tmp_path)


def pages_of(site: Site, page: str) -> list[str]:
    """The addresses of a category's pages: its own, then ``2/``, ``3/``... as built."""
    found = [f"{page}/"]
    while (site.root / page / str(len(found) + 1) / "index.html").is_file():
        found.append(f"{page}/{len(found) + 1}/")
    return found


def test_every_entity_is_on_exactly_one_of_its_category_s_pages_where_links_lead(site):
    briefing = load_briefing(BRIEFINGS / "other")
    every_page = [
        path.parent.relative_to(site.root).as_posix() + "/"
        for path in site.root.rglob("index.html")
        if not path.is_relative_to(site.root / "claim")
    ]
    for page in every_page:
        assert site.broken_links(page.removeprefix("./")) == [], page
    for folder, page in {**CATEGORIES, "sources": "sources"}.items():
        pages = pages_of(site, page)
        assert len(pages) >= 2, page
        for entity in getattr(briefing, folder):
            holding = [shown for shown in pages if entity.id in site.page(shown).ids]
            assert len(holding) == 1, (entity.id, holding)


def test_the_pages_of_a_category_link_each_other_and_only_the_first_is_in_the_navigation(site):
    pages = pages_of(site, "actors")
    assert len(pages) == 5  # 19 actors, 4 a page
    for number, page in enumerate(pages, start=1):
        text = site.article_text(page)
        assert f"Page {number} of 5:" in text
        assert text.count(f"Page {number} of 5:") == 2  # above the actors and below them
        targets = {
            posixpath.normpath(posixpath.join(page, href.split("#")[0])) + "/"
            for href in site.page(page).hrefs
            if "://" not in href
        }
        assert set(pages) - {page} <= targets, page
    assert "Actors (2 of 5) Page 2 of 5:" in site.article_text("actors/2/")
    for page in ("", "actors/", "questions/"):  # the navigation of any page would list it
        assert "Actors (2 of 5)" not in site.html(page)
    assert "Actors" in site.html("").split("md-nav--primary", 1)[1]


def test_what_a_category_says_once_is_on_its_first_page(site):
    assert "How the actors relate" in site.article_text("actors/")
    assert "How the actors relate" not in site.article_text("actors/2/")
    assert any(tag == "svg" for tag, _ in site.article_elements("timeline/"))
    assert not any(tag == "svg" for tag, _ in site.article_elements("timeline/2/"))
    assert "claims_topics" in site.page("claims/").ids
    assert "claims_topics" not in site.page("claims/by-status/2/").ids


def test_every_claim_is_listed_once_by_status_and_each_status_count_leads_to_its_start(site):
    briefing = load_briefing(BRIEFINGS / "other")
    pages = ["claims/", *(f"claims/by-status/{n}/" for n in range(2, 5))]
    for claim in briefing.claims:
        listed = [page for page in pages if claim.id in site.page(page).ids]
        assert len(listed) == 1, (claim.id, listed)
        topic = f"claims/{topic_slug(claim.topic)}/"
        on_topic = [page for page in pages_of(site, topic.rstrip("/")) if claim.id in site.page(page).ids]
        assert len(on_topic) == 1, (claim.id, on_topic)
    statuses = "|".join(status.value for status in ClaimStatus)
    chips = [href for href in site.page("").hrefs if re.search(rf"#claims_({statuses})$", href)]
    assert len(chips) == len({claim.status for claim in briefing.claims})
    assert any("by-status" in href for href in chips)  # a status whose claims begin on a further page
    assert "continued" in " ".join(site.article_text(page) for page in pages)


def test_a_topic_named_like_the_claims_page_s_further_pages_keeps_a_page_of_its_own(spread):
    layout = Layout(load_briefing(BRIEFINGS / "other"))
    assert not any(path.startswith("claims/by-status.md") for path in layout.topics)
    assert topic_slug("by-status") != "by-status"


def test_the_pages_after_the_first_rank_in_search_as_the_first_does(spread):
    pages = {page.path: page for page in render_pages(load_briefing(BRIEFINGS / "other"))}
    assert pages["actors/2.md"].meta["search"] == pages["actors.md"].meta["search"] == {"boost": 3}
    assert pages["actors/2.md"].in_nav is False and pages["actors.md"].in_nav is True


def test_render_writes_each_page_with_links_relative_to_it(spread, tmp_path):
    out = tmp_path / "rendered"
    assert main(["render", "--content", str(BRIEFINGS / "other"), "--out", str(out)]) == 0
    written = list((out / "docs").rglob("*.md"))
    assert (out / "docs" / "actors" / "2.md").is_file()
    assert (out / "docs" / "claims" / "by-status" / "2.md").is_file()
    for page in written:
        for target in re.findall(r"\]\(([^)#]+\.md)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), (page, target)


def test_a_briefing_within_the_limits_keeps_one_page_a_category():
    pages = [page.path for page in render_pages(load_briefing(BRIEFINGS / "other"))]
    assert not any(re.search(r"/\d+\.md$", path) for path in pages)
