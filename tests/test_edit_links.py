"""With ``repo_url`` set, each entity links to where its YAML file is edited, and each page's edit button too."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml
from generator.cli import main

from built_site import Site
from conftest import ROOT
from served import copy_project

REPOSITORY = "https://github.com/example/briefing"
PAGES = ["", "claims/", "actors/", "treaties/", "questions/", "timeline/", "sources/"]
FOLDERS = {"claims/": "claims", "actors/": "actors", "treaties/": "treaties", "questions/": "questions"}
FOLDERS |= {"timeline/": "events", "sources/": "sources"}


def build(folder: Path, content: Path, settings: str) -> Site:
    config = copy_project(folder, content, settings)
    arguments = [
        "--config",
        str(config),
        "--content",
        str(folder / "content"),
        "--site-dir",
        str(folder / "site"),
    ]
    assert main(["build", *arguments]) == 0
    return Site(folder / "site")


def edit_links(site: Site, path: str) -> list[dict[str, str]]:
    return [
        attributes
        for tag, attributes in site.article_elements(path)
        if "briefing-edit" in attributes.get("class", "")
    ]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("edit")
    return build(folder, ROOT / "content", f"repo_url: {REPOSITORY}\nedit_uri: edit/main/docs/\n")


def test_each_entity_links_to_the_file_it_is_written_in(site):
    base = f"{REPOSITORY}/edit/main/"
    checked = 0
    for path in PAGES[1:]:
        entity_ids = [
            attributes["id"] for tag, attributes in site.article_elements(path) if tag in ("h2", "h3")
        ]
        links = edit_links(site, path)
        assert links, path
        for link in links:
            assert link["href"].startswith(base + "content/")
            file = ROOT / unquote(link["href"].removeprefix(base))
            line = int(re.fullmatch(r"Edit content/.+\.ya?ml, line (\d+)", link["title"]).group(1))
            assert "data-search-exclude" in link
            written = file.read_text(encoding="utf-8").splitlines()[line - 1]
            assert re.match(r"\s*(- )?id: ", written), (link, written)
            assert written.split("id: ")[1] in entity_ids
            checked += 1
    assert checked == 19 + 11 + 1 + 2 + 6 + 5 + 1  # actors, claims, treaty, terms, questions, events, source


def test_each_page_s_edit_button_leads_to_its_file_or_folder(site):
    html = site.html("")
    assert f'href="{REPOSITORY}/edit/main/content/briefing.yml" title="Edit this page"' in html
    for path, folder in FOLDERS.items():
        assert f'href="{REPOSITORY}/tree/main/content/{folder}" title="Edit this page"' in site.html(path)


def test_the_search_index_leaves_the_edit_links_out(site):
    index = (site.root / "search" / "search_index.json").read_text(encoding="utf-8")
    assert ">Edit<" not in index
    assert "briefing-edit" not in index


def test_the_plugin_s_edit_uri_wins_and_any_host_works(tmp_path):
    settings = (
        "repo_url: https://git.example.org/team/briefing\n"
        "plugins:\n  - material/search\n  - briefing:\n      edit_uri: _edit/trunk/\n"
    )
    site = build(tmp_path, ROOT / "content", settings)
    (link, *_) = edit_links(site, "claims/")
    assert link["href"] == "https://git.example.org/team/briefing/_edit/trunk/content/claims/1-deployment.yml"
    assert 'title="Edit this page"' not in site.html("claims/")  # no folder view known on this host


def test_without_repo_url_there_are_no_edit_links(tmp_path):
    site = build(tmp_path, ROOT / "content", "")
    for path in PAGES:
        assert edit_links(site, path) == []
        assert 'title="Edit this page"' not in site.html(path)


def test_a_hostile_file_name_is_escaped_in_the_link(tmp_path):
    content = tmp_path / "hostile-content"
    shutil.copytree(ROOT / "content", content)
    actor = {"id": "file-named-oddly", "name": "Oddly filed", "kind": "person"}
    name = 'x" onmouseover="alert(1)<b>&amp;{#no}.yml'
    (content / "actors" / name).write_text(yaml.safe_dump(actor), encoding="utf-8")
    site = build(tmp_path / "project", content, f"repo_url: {REPOSITORY}\n")
    (link,) = [link for link in edit_links(site, "actors/") if "onmouseover" in link["title"]]
    assert link["title"] == f"Edit content/actors/{name}, line 1"
    assert "onmouseover" not in {key for key, _ in link.items() if key != "title"}
    assert (
        link["href"]
        == f"{REPOSITORY}/edit/master/content/actors/x%22%20onmouseover%3D%22alert%281%29%3Cb%3E%26amp%3B%7B%23no%7D.yml"
    )
