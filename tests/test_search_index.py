"""What the site's search holds: each entity once, where it is shown, by its name and what a reader types.

The pages that show entities are not searched whole, since they repeat each other (a claim's title on the
actors' and the sources' pages, a stance's quote under its source): each entity is an entry of its own.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

import pytest
from generator import findable, load_briefing
from generator.cli import main
from generator.render_layout import Layout
from generator.render_links import name

from conftest import BRIEFINGS, ROOT


def built_index(content: Path, site: Path) -> list[dict]:
    config = str(ROOT / "mkdocs.yml")
    assert main(["build", "--config", config, "--content", str(content), "--site-dir", str(site)]) == 0
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def other_index(tmp_path_factory) -> list[dict]:
    return built_index(BRIEFINGS / "other", tmp_path_factory.mktemp("other-site"))


def test_each_entity_is_one_entry_at_its_place_titled_by_its_name(other_index):
    briefing = load_briefing(BRIEFINGS / "other")
    layout = Layout(briefing)
    locations = Counter(entry["location"] for entry in other_index)
    for id, entity in briefing.index.items():
        page = layout.page(entity).removesuffix(".md") + "/"
        entry = [item for item in other_index if item["location"] == f"{page}#{id}"]
        assert len(entry) == 1, id
        assert locations[f"{page}#{id}"] == 1
        assert entry[0]["title"] == name(entity).replace("&", "&amp;").replace("<", "&lt;").replace(
            ">", "&gt;"
        )


def test_each_page_s_entry_comes_before_its_entities_as_the_search_needs(other_index):
    seen: set[str] = set()
    for entry in other_index:
        page, _, anchor = entry["location"].partition("#")
        if not anchor:
            seen.add(page)
        assert page in seen, entry["location"]  # else the search drops the entity's results


def test_the_pages_showing_entities_are_not_searched_whole(other_index):
    briefing = load_briefing(BRIEFINGS / "other")
    claim = briefing.claims[0]
    holding = [
        entry["location"]
        for entry in other_index
        if claim.title in entry["title"] + entry["text"] and not entry["location"].startswith("#")
    ]  # the overview, searched whole, lists the claims by status
    assert holding == [f"claims/#{claim.id}"], holding  # not the actors', the sources' or the topics' pages
    for entry in other_index:
        page, _, anchor = entry["location"].partition("#")
        if page in ("actors/", "sources/", "claims/", "timeline/", "questions/", "treaties/"):
            assert not anchor or anchor in briefing.index, entry["location"]  # no section but an entity's
    assert any(entry["location"].startswith("guide/#") for entry in other_index)  # the guide, whole


def test_an_entity_is_found_by_its_aliases_figures_and_words(tmp_path):
    index = built_index(ROOT / "content", tmp_path)
    text = {entry["location"]: entry["title"] + " " + entry["text"] for entry in index}
    assert "Pyongyang" in text["actors/#north-korean-government"]  # an alias
    assert "10,000" in text["claims/#nk-troops-deployed-to-eastern-russia"]  # a figure, as written
    assert "10000" in text["claims/#nk-troops-deployed-to-eastern-russia"]  # and as typed
    assert (
        "deployed to eastern Russia" in text["claims/#nk-troops-deployed-to-eastern-russia"]
    )  # its statement


def test_a_briefing_with_too_many_words_is_found_by_names_aliases_and_figures(monkeypatch):
    monkeypatch.setattr(findable, "OWN_WORDS", 100)
    briefing = load_briefing(ROOT / "content")
    found = {item.id: item for item in findable.findables(briefing, Layout(briefing))}
    deployed = found["nk-troops-deployed-to-eastern-russia"]
    assert "10,000" in deployed.text and "deployed to eastern Russia" not in deployed.text
    assert "Pyongyang" in found["north-korean-government"].text


def test_prose_is_searched_as_plain_words():
    assert (
        findable.words("Seen *by* [the agency](https://example.org/a) in `code`.")
        == "Seen by the agency in code."
    )


def test_a_source_is_found_by_its_publisher_s_name_when_the_publisher_is_an_actor(other_index):
    briefing = load_briefing(BRIEFINGS / "other")
    publisher = briefing.index["ostra-basin-commission"]
    entry = next(item for item in other_index if item["location"] == "sources/#ostra-treaty-text")
    assert html.escape(name(publisher), quote=False) in entry["text"]
    assert "ostra-basin-commission" not in entry["text"]
