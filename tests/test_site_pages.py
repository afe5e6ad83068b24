"""What the build makes of the briefing's pages beyond their text: the search index, tables of contents and
permalinks as mkdocs.yml asks, links checked as MkDocs checks a hand-written page's, the site's description,
and what a shared link previews."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from generator import load_briefing, render
from generator.cli import main

from conftest import BRIEFINGS, ROOT


def build(tmp_path: Path, *options: str, config: str | None = None) -> Path:
    site = tmp_path / "site"
    configured = ["--config", config] if config else []
    assert main(["build", *configured, *options, "--site-dir", str(site)]) == 0
    return site


@pytest.fixture(scope="module")
def kursk(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("kursk"))


def config_with(tmp_path: Path, old: str, new: str) -> str:
    """The project's mkdocs.yml with one change, written in a temporary folder; its path."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert old in config
    config = config.replace(old, new, 1).replace(
        "custom_dir: site_theme", f"custom_dir: {ROOT / 'site_theme'}"
    )
    config = config.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    return str(tmp_path / "mkdocs.yml")


def search_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_no_section_of_the_search_index_holds_a_note(kursk):
    sections = search_index(kursk)["docs"]
    quote = "refrained from confirming or denying"  # a quote that only a note of the claims page holds
    assert quote in (kursk / "claims" / "index.html").read_text(encoding="utf-8")
    assert not [s["location"] for s in sections if quote in s["text"] and s["location"].startswith("claims/")]
    assert not [s["location"] for s in sections if "↩" in s["text"] or "&#8617;" in s["text"]]
    combat = next(section for section in sections if section["location"] == "claims/#nk-troops-in-combat")
    assert "<sup>" not in combat["text"]  # nor the notes' numbers after the words


def test_punctuation_separates_words_for_the_search(kursk):
    separator = re.compile(search_index(kursk)["config"]["separator"])
    assert separator.split("(Анна Ковач)") == ["", "Анна", "Ковач", ""]
    assert separator.split("Moscow, Pyongyang; Seoul") == ["Moscow", "Pyongyang", "Seoul"]
    assert separator.split("10,000 troops, 1.5 km.") == ["10", "000", "troops", "1.5", "km", ""]


def test_a_separator_set_in_mkdocs_yml_is_kept(tmp_path):
    config = config_with(
        tmp_path, "  - material/search", "  - material/search:\n      separator: '[\\s]+'\n #"
    )
    site = build(tmp_path, "--content", str(ROOT / "content"), config=config)
    assert search_index(site)["config"]["separator"] == "[\\s]+"


def test_the_page_title_leads_the_table_of_contents_so_the_skip_link_finds_it(kursk):
    for path, _ in render.PAGES:
        page = kursk / re.sub(r"(^|/)index$", "", path.removesuffix(".md")) / "index.html"
        skip = re.search(r'<a href="([^"]*)" class="md-skip">', page.read_text(encoding="utf-8"))
        assert skip is not None, path
        assert skip.group(1) == "#" + render._page_anchor(path), path


def with_toc(tmp_path: Path, options: str) -> Path:
    config = config_with(tmp_path, "  - toc:\n      permalink: true\n", f"  - toc:\n{options}")
    return build(tmp_path, "--content", str(ROOT / "content"), config=config)


def test_the_toc_options_of_mkdocs_yml_shape_the_briefing_pages_permalinks(tmp_path):
    site = with_toc(tmp_path, '      permalink: "#"\n      permalink_title: Link here\n')
    claims = (site / "claims" / "index.html").read_text(encoding="utf-8")
    assert (
        '<h2 id="nk-troops-in-combat">North Korean troops fighting Ukrainian forces alongside Russian troops'
        '<a class="headerlink" href="#nk-troops-in-combat" title="Link here">#</a></h2>'
    ) in claims


def test_without_permalink_in_mkdocs_yml_headings_have_none(tmp_path):
    site = with_toc(tmp_path, "      toc_depth: 1\n")
    claims = (site / "claims" / "index.html").read_text(encoding="utf-8")
    assert 'class="headerlink"' not in claims
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', claims, re.S)
    assert toc is None or 'href="#nk-troops-in-combat"' not in toc.group(0)  # toc_depth 1: titles only


def test_the_briefing_pages_links_are_checked_as_a_hand_written_page_s(tmp_path, monkeypatch, capsys):
    pages = render._pages  # what render_site and render_pages both write the pages with

    def with_broken_links(*args, **kwargs):
        made = pages(*args, **kwargs)
        broken = "\n\n[a claim](claims.md#no-such-claim) and [a page](no-such-page.md)\n"
        return [
            render.Page(page.path, page.title, page.heading, page.markdown + broken)
            if page.path == "treaties.md"
            else page
            for page in made
        ]

    monkeypatch.setattr("generator.render._pages", with_broken_links)
    assert main(["build", "--site-dir", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert (
        "Doc file 'treaties.md' contains a link 'claims.md#no-such-claim', but the doc 'claims.md' does not "
        "contain an anchor '#no-such-claim'."
    ) in err
    assert (
        "Doc file 'treaties.md' contains a link 'no-such-page.md', but the target 'no-such-page.md' is not "
        "found among documentation files."
    ) in err


def meta(page: Path) -> dict[str, str]:
    text = page.read_text(encoding="utf-8")
    found = re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', text)
    return dict(found)


def test_another_briefing_takes_its_description_from_its_own_content(tmp_path):
    site = build(tmp_path, "--content", str(BRIEFINGS / "other"))
    described = meta(site / "index.html")
    assert described["description"] == described["og:description"]
    assert "Kursk" not in described["description"] and "North Korea" not in described["description"]
    assert described["description"]


def test_each_page_says_what_a_shared_link_previews(kursk):
    described = meta(kursk / "claims" / "index.html")
    assert described["og:title"] == "Claims"
    assert described["og:site_name"] == "North Korean troops in Russia&#39;s Kursk region"
    assert described["og:description"] == described["description"] != ""
    assert described["twitter:card"] == "summary"


def test_each_claim_has_an_address_whose_preview_is_the_claim(kursk):
    page = kursk / "claim" / "nk-troops-in-combat" / "index.html"
    described = meta(page)
    assert described["og:title"] == "North Korean troops fighting Ukrainian forces alongside Russian troops"
    assert described["og:description"] == (
        "Unverified: North Korean troops are actively participating in combat operations against "
        "Ukrainian forces, alongside Russian troops."
    )
    assert '<meta http-equiv="refresh" content="0; url=../../claims/#nk-troops-in-combat">' in (
        page.read_text(encoding="utf-8")
    )


def test_a_claim_s_own_address_is_absolute_in_its_preview_when_the_site_has_one(tmp_path, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.github.io/briefing/")
    site = build(tmp_path)
    described = meta(site / "claim" / "nk-troops-in-combat" / "index.html")
    assert described["og:url"] == "https://example.github.io/briefing/claim/nk-troops-in-combat/"
    assert meta(site / "claims" / "index.html")["og:url"] == "https://example.github.io/briefing/claims/"


def test_each_claim_on_its_page_ends_with_the_link_to_its_own_address(kursk):
    claims = (kursk / "claims" / "index.html").read_text(encoding="utf-8")
    section = claims.split('<h2 id="nk-troops-in-combat">', 1)[1].split("<h2 ", 1)[0]
    assert section.endswith(
        '\n<p><a class="briefing-share" href="../claim/nk-troops-in-combat/" data-search-exclude="">'
        "Link to share this claim</a></p>\n"
    )
    assert claims.count('class="briefing-share"') == len(load_briefing(ROOT / "content").claims)
