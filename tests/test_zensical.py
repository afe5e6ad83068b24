"""Zensical, which runs no MkDocs plugin, builds from what ``briefing render`` writes the site MkDocs builds.

The same briefings, published at the same address, built both ways: every page says the same (the as-of line,
the notes, the matrix and the links to share each claim included), each page's head carries the same feed
link and ClaimReviews, and the data files and the claims' own pages are the same bytes.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from generator.cli import main

from built_site import Site
from conftest import BRIEFINGS, ROOT

SITE_URL = "https://example.github.io/briefing/"
ZENSICAL = Path(sys.executable).parent / "zensical"
BRIEFINGS_BUILT = {"kursk": ROOT / "content", "harbour": BRIEFINGS / "harbor"}


def zensical_build(folder: Path) -> subprocess.CompletedProcess[str]:
    """``zensical build --clean --strict`` run in the folder, as its README says."""
    environment = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    return subprocess.run(
        [str(ZENSICAL), "build", "--clean", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        env=environment,
        timeout=300,
    )


@pytest.fixture(scope="module", params=list(BRIEFINGS_BUILT))
def built(request, tmp_path_factory) -> tuple[Site, Site]:
    """The briefing built by MkDocs with the plugin, and by Zensical from ``briefing render``."""
    if not ZENSICAL.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"zensical is not installed at {ZENSICAL}; the test extra installs it")
        pytest.skip(f"zensical is not installed at {ZENSICAL}: pip install -e '.[test]' installs it")
    content, folder = BRIEFINGS_BUILT[request.param], tmp_path_factory.mktemp(request.param)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SITE_URL", SITE_URL)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        arguments = ["--config", str(ROOT / "mkdocs.yml"), "--content", str(content)]
        assert main(["build", *arguments, "--site-dir", str(folder / "mkdocs")]) == 0
        rendered = folder / "rendered"
        assert main(["render", "--content", str(content), "--out", str(rendered)]) == 0
    done = zensical_build(rendered)
    assert done.returncode == 0, done.stdout + done.stderr
    return Site(folder / "mkdocs"), Site(rendered / "site")


def pages(site: Site) -> list[str]:
    """Every page of the site by its address (``claims/``), but the claims' own pages and the 404 page."""
    found = [path.parent.relative_to(site.root).as_posix() for path in site.root.rglob("index.html")]
    return sorted("" if path == "." else f"{path}/" for path in found if not path.startswith("claim/"))


def head(site: Site, path: str) -> tuple[list[dict], list[str]]:
    """The page's ClaimReviews, read as JSON, and the addresses its feed links lead to."""
    reader = site.page(path)
    reviews = [json.loads(block) for block in reader.data_blocks]
    feeds = [
        posixpath.normpath(posixpath.join(path, attributes["href"]))
        for tag, attributes in reader.elements
        if tag == "link" and attributes.get("type") == "application/atom+xml"
    ]
    return reviews, feeds


def test_zensical_builds_every_page_mkdocs_builds(built):
    mkdocs, zensical = built
    assert pages(zensical) == pages(mkdocs)
    assert len(pages(mkdocs)) >= 10


def test_every_page_shows_the_same_text_as_the_mkdocs_build(built):
    mkdocs, zensical = built
    for path in pages(mkdocs):
        assert zensical.article_text(path) == mkdocs.article_text(path), path
        if path:  # the overview says its as-of date in its own panel
            assert zensical.article_text(path).startswith("Information as of "), path


def test_every_page_s_head_carries_the_same_claim_reviews_and_feed_link(built):
    mkdocs, zensical = built
    reviewed = 0
    for path in pages(mkdocs):
        assert head(zensical, path) == head(mkdocs, path), path
        reviewed += len(head(mkdocs, path)[0])
    claims = json.loads((mkdocs.root / "briefing.json").read_text(encoding="utf-8"))["claims"]
    assert reviewed == len(claims)  # every claim has its review, on the page it is on


def test_the_data_files_and_the_claims_own_pages_are_the_same_bytes(built):
    mkdocs, zensical = built
    files = ["briefing.json", "stances.csv", "feed.xml"]
    files += [path.relative_to(mkdocs.root).as_posix() for path in (mkdocs.root / "claim").rglob("*.html")]
    assert len(files) > 3
    for name in files:
        assert (zensical.root / name).read_bytes() == (mkdocs.root / name).read_bytes(), name


def test_the_site_holds_no_file_of_the_theme_s_own(built):
    _, zensical = built
    assert (zensical.root / "assets/stylesheets/briefing.css").read_bytes() == (
        ROOT / "generator/theme/assets/stylesheets/briefing.css"
    ).read_bytes()
    strays = [path.name for path in zensical.root.rglob("*") if path.suffix in (".yml", ".py", ".md")]
    assert strays == []


def test_zensical_loads_the_theme_by_name_from_the_installed_package(tmp_path):
    if not ZENSICAL.is_file():
        pytest.skip(f"zensical is not installed at {ZENSICAL}")
    rendered = tmp_path / "rendered"
    assert main(["render", "--content", str(ROOT / "content"), "--out", str(rendered)]) == 0
    shutil.rmtree(rendered / "theme")
    config = (rendered / "zensical.toml").read_text(encoding="utf-8")
    config = config.replace('name = "material"\ncustom_dir = "theme"', 'name = "briefing"\n#', 1)
    (rendered / "zensical.toml").write_text(config, encoding="utf-8")
    done = zensical_build(rendered)
    assert done.returncode == 0, done.stdout + done.stderr
    claims = Site(rendered / "site").html("claims/")
    assert '<p class="briefing-as-of">Information as of <strong>around November 2024</strong></p>' in claims
    assert "assets/stylesheets/briefing.css" in claims


def test_zensical_pointed_at_mkdocs_yml_builds_a_page_saying_what_to_run_instead(tmp_path):
    if not ZENSICAL.is_file():
        pytest.skip(f"zensical is not installed at {ZENSICAL}")
    for name in ("content", "docs", "site_theme"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    done = zensical_build(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr  # it reports success: the page says what is wrong
    site = Site(tmp_path / "site")
    assert pages(site) == [""]
    said = site.article_text("")
    assert said.startswith("This site is built by the briefing plugin ")
    assert "briefing render --out rendered, then zensical build in the folder rendered" in said


def test_the_configuration_lists_every_page_in_navigation_order_with_the_pages_extensions():
    from generator import zensical
    from generator.editions import History
    from generator.render import PAGES, render_pages
    from generator.validate import load_briefing

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10: the parser Zensical itself installs there
        import tomli as tomllib

    briefing = load_briefing(ROOT / "content")
    written = zensical.config(briefing, render_pages(briefing, history=History()), SITE_URL)
    project = tomllib.loads(written)["project"]
    assert [next(iter(entry.items())) for entry in project["nav"]] == [(title, path) for path, title in PAGES]
    assert project["markdown_extensions"] == {
        "attr_list": {}, "footnotes": {}, "tables": {}, "toc": {"permalink": True}
    }  # fmt: skip
    assert (project["site_name"], project["site_url"]) == (briefing.info.title, SITE_URL)
    assert project["theme"]["custom_dir"] == "theme"
