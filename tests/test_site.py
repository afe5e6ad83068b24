"""Whole sites built strictly, in temporary folders, read as a reader would read them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from generator import load_briefing, placeholder, render_layout
from generator.cli import main
from generator.render import PAGES, render_pages
from generator.render_layout import PAGE_OF
from generator.render_text import date

from built_site import Site
from conftest import BRIEFINGS, ROOT

PAGE_PATHS = [
    "", "claims/", "stances/", "actors/", "treaties/", "questions/", "timeline/", "sources/", "guide/", "data/"
]  # fmt: skip


def build(content: Path, site_dir: Path, capsys) -> tuple[int, str]:
    code = main(
        [
            "build",
            "--config",
            str(ROOT / "mkdocs.yml"),
            "--content",
            str(content),
            "--site-dir",
            str(site_dir),
        ]
    )
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def kursk(tmp_path_factory):
    site_dir = tmp_path_factory.mktemp("kursk-site")
    assert main(["build", "--config", str(ROOT / "mkdocs.yml"), "--site-dir", str(site_dir)]) == 0
    return Site(site_dir)


def test_every_page_is_built_and_every_link_leads_somewhere(kursk):
    for path in PAGE_PATHS:
        assert kursk.page(path).ids
        assert kursk.broken_links(path) == [], path


def test_every_entity_is_on_its_page_at_its_id(kursk):
    briefing = load_briefing(ROOT / "content")
    for id, entity in briefing.index.items():
        page = PAGE_OF[type(entity)].removesuffix(".md") + "/"
        assert id in kursk.page(page).ids, id


def test_a_reader_sees_the_claim_as_the_briefing_states_it(kursk):
    text = kursk.text("claims/")
    assert "Information as of around November 2024" in text
    assert (
        "More than 10,000 North Korean soldiers deployed to eastern Russia Status: unverified · topic: deployment · "
        "Eastern Russia More than 10,000 North Korean soldiers have been deployed to eastern Russia. "
        "Quantity: more than 10,000 soldiers"
    ) in text
    assert "The Pentagon declines to confirm. Hinted at the troops' presence in Kursk" in text
    assert "Russian government neither confirms nor denies." in text


def test_the_overview_gives_the_bottom_line_and_counts_claims(kursk):
    text = kursk.text("")
    assert text.count("Information as of") == 1  # the overview says it once, in its own words
    assert "Bottom line The U.S. State Department says more than 10,000" in text
    assert "unverified 10 claims" in text
    assert "corroborated 1 claim" in text
    assert "24 November 2026: First edition" in text


def test_dates_show_at_the_precision_known(kursk):
    text = kursk.text("timeline/")
    assert "Around August 2024: Ukrainian forces launch a cross-border offensive into Kursk" in text
    assert "2024-08" not in text


def test_the_search_index_holds_the_entities(kursk):
    index = json.loads((kursk.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(entry["title"] + " " + entry["text"] for entry in index["docs"])
    for words in ("Pyongyang", "Moscow", "10,000", "Kim Jong Un", "mutual defence treaty"):
        assert words in text, words


def test_another_subject_builds_strictly_with_every_entity_present(tmp_path, capsys):
    code, err = build(BRIEFINGS / "other", tmp_path, capsys)
    assert code == 0, err
    site = Site(tmp_path)
    briefing = load_briefing(BRIEFINGS / "other")
    for id, entity in briefing.index.items():
        assert id in site.page(PAGE_OF[type(entity)].removesuffix(".md") + "/").ids, id
    for path in PAGE_PATHS:
        assert site.broken_links(path) == [], path
    assert "Anna Kovač (Анна Ковач)" in site.text("actors/")


def test_an_invalid_briefing_fails_with_located_errors_and_leaves_the_site_alone(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    combat = content / "claims" / "2-combat.yml"
    combat.write_text(combat.read_text(encoding="utf-8").replace("status: unverified", "status: confimed"))
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / ".briefing-site").write_text("built before")
    (site_dir / "index.html").write_text("the previous site")
    code, err = build(content, site_dir, capsys)
    assert code == 1
    assert f"{content}/claims/2-combat.yml:7:9: claim 'nk-troops-in-combat', status: expected one of" in err
    assert "briefing: 1 problem in 1 file" in err
    assert sorted(path.name for path in site_dir.iterdir()) == [".briefing-site", "index.html"]
    assert (site_dir / "index.html").read_text() == "the previous site"


def test_nothing_is_written_into_the_docs_folder(tmp_path, capsys):
    before = sorted(path.name for path in (ROOT / "docs").iterdir())
    assert build(ROOT / "content", tmp_path, capsys)[0] == 0
    assert sorted(path.name for path in (ROOT / "docs").iterdir()) == before


REPLACED = {
    "claims.md": "the briefing's 'Claims' page",
    "claim/CLAIM/index.html": "a claim's own page",
    "feed.xml": "the briefing's export",
}


@pytest.mark.parametrize("path", REPLACED)
def test_a_docs_page_the_briefing_would_replace_is_an_error(tmp_path, capsys, path):
    claim = load_briefing(ROOT / "content").claims[0].id  # the content the command builds
    mine = tmp_path / "docs" / path.replace("CLAIM", claim)
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own page\n")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme: material\nplugins:\n  - briefing:\n      content_dir: {BRIEFINGS / 'other'}\n"
    )
    code = main(["build", "--config", str(tmp_path / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")])
    assert code == 1
    assert (
        f"briefing: {mine} would be replaced by {REPLACED[path]}; rename or remove it"
        in capsys.readouterr().err
    )


def test_mkdocs_itself_builds_the_site_strictly(tmp_path):
    mkdocs = Path(sys.executable).parent / "mkdocs"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # Material's end-of-life notice says "WARNING"
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "claims" / "index.html").is_file()


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    """ProperDocs, the maintained fork of MkDocs 1.6, loads the plugin and builds the same site.

    Only the generator tag differs: MkDocs' version there is ProperDocs' own. Each tool runs in a process of
    its own, since ProperDocs makes ``mkdocs`` an alias of itself in the process that imports it.
    """
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    commands = Path(sys.executable).parent
    for tool in ("mkdocs", "properdocs"):
        result = subprocess.run(
            [str(commands / tool), "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(tmp_path / tool)],
            cwd=ROOT, capture_output=True, text=True, check=False, env=env,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
    built = {tool: sorted(p.relative_to(tmp_path / tool) for p in (tmp_path / tool).rglob("*") if p.is_file())
             for tool in ("mkdocs", "properdocs")}  # fmt: skip
    assert built["properdocs"] == built["mkdocs"]
    assert Path("claims/index.html") in built["mkdocs"]
    assert Path("briefing.json") in built["mkdocs"]
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')
    for path in built["mkdocs"]:
        ours, theirs = ((tmp_path / tool / path).read_bytes() for tool in ("mkdocs", "properdocs"))
        assert generator.sub(b"", ours) == generator.sub(b"", theirs), path


def test_render_writes_the_same_pages_to_disk_with_their_metadata(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    assert main(["render", "--out", str(tmp_path / "out")]) == 0
    briefing = load_briefing(ROOT / "content")
    files = (
        len(PAGES) + 3 + len(briefing.claims) + 3
    )  # the exports, the claims' own pages, the theme and config
    assert capsys.readouterr().out == f"wrote {files} files to {(tmp_path / 'out').as_posix()}\n"
    for page in render_pages(briefing):
        written = (tmp_path / "out" / "docs" / page.path).read_text(encoding="utf-8")
        assert written == page.source
        assert written.startswith("---\nbriefing:\n")


def test_many_claims_get_a_page_per_topic_and_every_link_still_leads_somewhere(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", 5)
    code, err = build(BRIEFINGS / "other", tmp_path, capsys)
    assert code == 0, err
    site = Site(tmp_path)
    briefing = load_briefing(BRIEFINGS / "other")
    topics = sorted(path.parent.name for path in (tmp_path / "claims").glob("*/index.html"))
    assert len(topics) > 2
    for path in [*PAGE_PATHS, *(f"claims/{topic}/" for topic in topics)]:
        assert site.broken_links(path) == [], path
    for claim in briefing.claims:
        assert claim.id in site.page("claims/").ids  # links to claims/#id, made before the split, still land
        page = f"claims/{render_layout.topic_slug(claim.topic)}/"
        assert claim.id in site.page(page).ids
    for topic in topics:  # each topic's page opens with the stance matrix of its claims
        assert "stance_matrix" in site.page(f"claims/{topic}/").ids
        assert any(tag == "table" for tag, _ in site.article_elements(f"claims/{topic}/"))
    assert not any(tag == "table" for tag, _ in site.article_elements("stances/"))
    nav = " ".join(site.text("").split("Overview", 1)[1].split("Bottom line", 1)[:1])
    assert (
        "Claims:" not in nav
    )  # the topic pages are reached from the claims page, not listed in the navigation


def test_render_writes_the_topic_pages_with_links_relative_to_each(tmp_path, monkeypatch):
    import re

    monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", 5)
    out = tmp_path / "pages"
    assert main(["render", "--content", str(BRIEFINGS / "other"), "--out", str(out)]) == 0
    pages = list(out.rglob("*.md"))
    assert any(page.parent.name == "claims" for page in pages)
    for page in pages:
        for target in re.findall(r"\]\(([^)#]+\.md)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).resolve().is_file(), (page, target)


def test_the_plugin_reads_again_only_changed_files_across_serve_s_rebuilds(tmp_path):
    import os

    from generator.plugin import BriefingPlugin
    from mkdocs.config import load_config

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    assert hasattr(plugin, "on_startup")  # what makes MkDocs keep the plugin, and its cache, between rebuilds
    plugin.config.content_dir = str(content)
    before = plugin.cache.reads  # MkDocs keeps such a plugin for the whole process: it may have read before
    plugin.on_config(config)
    files = plugin.cache.reads
    assert files - before == len(list(content.rglob("*.yml")))
    plugin.on_config(config)
    assert plugin.cache.reads == files
    claim = content / "claims" / "2-combat.yml"
    os.utime(claim, ns=(claim.stat().st_atime_ns, claim.stat().st_mtime_ns + 1_000_000))
    plugin.on_config(config)
    assert plugin.cache.reads == files + 1


def test_the_placeholder_home_page_gives_way_to_the_overview_but_a_hand_written_one_is_refused(
    tmp_path, capsys
):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(placeholder.PAGE, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme: material\nplugins:\n  - briefing:\n      content_dir: {BRIEFINGS / 'other'}\n"
    )
    arguments = ["build", "--config", str(tmp_path / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")]
    assert main(arguments) == 0
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="index_page"' in home and "briefing plugin" not in home
    capsys.readouterr()

    (tmp_path / "docs" / "index.md").write_text("# Welcome\n", encoding="utf-8")
    assert main(arguments) == 1
    assert (
        f"briefing: {tmp_path / 'docs' / 'index.md'} would be replaced by the briefing's 'Overview' page; "
        "rename or remove it"
    ) in capsys.readouterr().err


def test_the_project_s_docs_folder_holds_the_placeholder_as_briefing_init_writes_it():
    assert sorted(path.name for path in (ROOT / "docs").iterdir()) == ["index.md"]
    assert (ROOT / "docs" / "index.md").read_text(encoding="utf-8") == placeholder.PAGE


def test_a_hand_written_page_shows_the_as_of_date_and_links_the_feed_as_the_briefing_s_pages_do(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About this briefing\n\nWho writes it.\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ntheme: briefing\nplugins:\n  - material/search\n  - briefing:\n"
        f"      content_dir: {BRIEFINGS / 'other'}\n"
    )
    arguments = ["--config", str(tmp_path / "mkdocs.yml"), "--content", str(BRIEFINGS / "other")]
    assert main(["build", *arguments, "--site-dir", str(tmp_path / "site")]) == 0
    about, home = (Site(tmp_path / "site").html(path) for path in ("about/", ""))
    as_of = date(load_briefing(BRIEFINGS / "other").info.as_of)
    assert f'<p class="briefing-as-of">Information as of <strong>{as_of}</strong></p>' in about
    assert '<link rel="alternate" type="application/atom+xml" href="../feed.xml"' in about
    assert "briefing-as-of" not in home  # the overview says it in its own panel
