"""Above CLAIMS_PER_PAGE claims, every topic has a page of its own, at a path that never moves."""

from __future__ import annotations

import json
import posixpath
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest
from generator import load_briefing, render_layout
from generator.cli import main
from generator.render import render_pages
from generator.render_layout import CLAIMS_PER_PAGE, NO_TOPIC_PAGE, Layout, topic_paths, topic_slug
from hypothesis import example, given
from hypothesis import strategies as st

from built_site import Site
from conftest import ROOT
from served import Served

TOPICS = [
    "Кремль",
    "кремль",
    "물 흐름",
    "수도",
    "🔥",
    "🌊💧",
    "Other",
    "other",
    None,
    "Water flow",
    "water-flow",
    "water flow",
    "index",
    "README",
    "con",
    "access",
    "A topic far longer than any path needs, which the path cuts short and a hash tells from its like",
]
"""Topics that a slug of ASCII words alone would send to one page, or to no page a site can have."""


def write_briefing(content: Path, topics: list[str | None], claims: int = CLAIMS_PER_PAGE + 10) -> None:
    """A briefing of this many claims, each with the next topic in turn (None: no topic)."""
    files = {
        "briefing.yml": "title: Many claims\nas_of: 2024\nsummary: Many claims.\n",
        "sources/source.yml": "id: src\ntitle: A source\nkind: other\n",
        "actors/actor.yml": "id: alpha\nname: Alpha\nkind: state\n",
    }
    entries = []
    for number in range(claims):
        topic = topics[number % len(topics)]
        entries.append(
            f"- id: claim-{number}\n  title: Claim {number}\n  statement: Something happened.\n"
            + (f"  topic: {json.dumps(topic, ensure_ascii=False)}\n" if topic is not None else "")
            + "  status: unverified\n  stances: [{actor: alpha, position: asserts, sources: [src]}]\n"
        )
    files["claims/claims.yml"] = "".join(entries)
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(text, encoding="utf-8")


@pytest.fixture
def many_claims(tmp_path):
    content = tmp_path / "content"
    write_briefing(content, TOPICS)
    return load_briefing(content)


def title(topic: str | None) -> str:
    return "Claims without a topic" if topic is None else f"Claims: {topic}"


def test_every_topic_has_a_page_of_its_own_titled_by_it(many_claims):
    pages = {page.path: page for page in render_pages(many_claims) if page.path.startswith("claims/")}
    assert sorted(page.title for page in pages.values()) == sorted(title(topic) for topic in TOPICS)
    layout = Layout(many_claims)
    for claim in many_claims.claims:
        page = pages[layout.page(claim)]
        assert page.title == title(claim.topic)
        assert f"{{#{claim.id}}}" in page.markdown


def test_readable_paths_where_the_words_spell_the_topic_and_a_hash_where_they_do_not():
    paths = topic_paths(TOPICS)
    assert len(set(paths.values())) == len(TOPICS)
    assert paths[None] == NO_TOPIC_PAGE == "claims/other.md"
    assert paths["кремль"] == "claims/кремль.md"
    assert paths["수도"] == "claims/수도.md"
    assert paths["water-flow"] == "claims/water-flow.md"
    assert paths["access"] == "claims/access.md"
    hashed = {
        "Кремль": "кремль",
        "물 흐름": "물-흐름",
        "🔥": "topic",
        "🌊💧": "topic",
        "Other": "other",
        "other": "other",
        "Water flow": "water-flow",
        "water flow": "water-flow",
        "index": "index",
        "README": "readme",
        "con": "con",
        TOPICS[-1]: "a-topic-far-longer-than-any-path-needs-which-the",
    }
    for topic, words in hashed.items():
        assert paths[topic].startswith(f"claims/{words}--"), topic
        assert len(paths[topic]) == len(f"claims/{words}--12345678.md"), topic


def test_a_topic_keeps_its_path_when_other_topics_come_and_go(tmp_path):
    write_briefing(tmp_path / "before", TOPICS)
    added = ["Кремль!", "КРЕМЛЬ", "Water  flow", "🔥🔥", "other-claims"]
    kept = [topic for topic in TOPICS if topic not in ("water-flow", "Other", None)]
    write_briefing(tmp_path / "after", kept + added)
    paths = {}
    for name in ("before", "after"):
        briefing = load_briefing(tmp_path / name)
        layout = Layout(briefing)
        paths[name] = {claim.topic: layout.page(claim) for claim in briefing.claims}
    assert len(set(paths["after"].values())) == len(kept + added)
    for topic in kept:
        assert paths["after"][topic] == paths["before"][topic] == f"claims/{topic_slug(topic)}.md"


@given(st.text(min_size=1), st.text(min_size=1))
@example("other", "Other")
@example("Water flow", "water-flow")
@example("index", "README")
def test_different_topics_never_share_a_slug_and_no_topic_takes_the_page_of_none(one, other):
    if one != other:
        assert topic_slug(one) != topic_slug(other)
    for slug in (topic_slug(one), topic_slug(other)):
        assert slug != topic_slug(None)
        assert slug and "/" not in slug and "\\" not in slug and not slug.startswith(".")
        assert len(f"{slug}.md".encode()) <= 255


def test_topics_whose_hashes_begin_alike_take_their_whole_hash(monkeypatch):
    monkeypatch.setattr(render_layout, "TOPIC_HASH_LENGTH", 1)  # sixteen possible slugs for the same words
    topics = [f"Water{' ' * spaces}flow" for spaces in range(1, 40)]
    paths = topic_paths(topics)
    assert len(set(paths.values())) == len(topics)
    assert any(len(path) == len("claims/water-flow--.md") + 64 for path in paths.values())


def test_a_strict_build_gives_each_topic_a_page_that_every_link_reaches(tmp_path, capsys):
    write_briefing(tmp_path / "content", TOPICS)
    site_dir = tmp_path / "site"
    arguments = ["--config", str(ROOT / "mkdocs.yml"), "--content", str(tmp_path / "content")]
    assert main(["build", *arguments, "--site-dir", str(site_dir)]) == 0, capsys.readouterr().err
    site = Site(site_dir)
    briefing = load_briefing(tmp_path / "content")
    layout = Layout(briefing)
    pages = sorted({layout.page(claim).removesuffix(".md") + "/" for claim in briefing.claims})
    assert len(pages) == len(TOPICS)
    for page in ["", "claims/", "stances/", *pages]:
        assert site.broken_links(page) == [], page
    for claim in briefing.claims:
        page = site.page(layout.page(claim).removesuffix(".md") + "/")
        assert claim.id in page.ids
        assert title(claim.topic) in site.text(layout.page(claim).removesuffix(".md") + "/")
    linked = {
        posixpath.normpath(posixpath.join("claims", unquote(urlsplit(href).path))) + "/"
        for href in site.page("claims/").hrefs
        if not urlsplit(href).scheme
    }
    assert set(pages) <= linked  # the claims page leads to every topic's page


def test_mkdocs_serve_serves_each_topic_s_page_at_its_address(tmp_path):
    write_briefing(tmp_path / "content", TOPICS)
    served = Served(tmp_path / "project", tmp_path / "content")
    try:
        for topic, path in topic_paths(TOPICS).items():
            html = served.fetch(quote(path.removesuffix(".md") + "/"))
            assert html is not None and title(topic) in unescape(html), topic
    finally:
        served.stop()
