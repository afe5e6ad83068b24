"""Publishing: the Pages workflow, the site under a project path, and the exports built with the site."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from generator import export, load_briefing, schema
from generator.cli import main
from generator.dates import Date
from generator.model import CATEGORY_TYPES, Update
from generator.render_layout import Layout
from hypothesis import example, given
from jinja2.utils import htmlsafe_json_dumps
from pyld import jsonld

from built_site import Site
from conftest import BRIEFINGS, ROOT
from test_properties import ANY, TEXT, _briefing, briefings

SITE_URL = "https://example.github.io/briefing/"
ATOM = "{http://www.w3.org/2005/Atom}"
BRIEFINGS_BUILT = {"kursk": ROOT / "content", "other": BRIEFINGS / "other"}


def build(content: Path, site_dir: Path, monkeypatch, site_url: str | None = SITE_URL) -> Site:
    if site_url:
        monkeypatch.setenv("SITE_URL", site_url)
    else:
        monkeypatch.delenv("SITE_URL", raising=False)
    arguments = ["--config", str(ROOT / "mkdocs.yml"), "--content", str(content), "--site-dir", str(site_dir)]
    assert main(["build", *arguments]) == 0
    return Site(site_dir)


@pytest.fixture(scope="module", params=list(BRIEFINGS_BUILT))
def built(request, tmp_path_factory) -> tuple[str, Site]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        site = build(BRIEFINGS_BUILT[request.param], tmp_path_factory.mktemp("published"), monkeypatch)
    return request.param, site


def test_the_workflow_builds_strictly_and_deploys_with_the_pages_actions():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as true
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build_steps]
    assert uses[:3] == ["actions/checkout", "actions/setup-python", "actions/configure-pages"]
    assert "actions/upload-pages-artifact" in uses
    (run,) = [step for step in build_steps if "run" in step]
    assert 'SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"' in run["run"]
    assert ".venv/bin/briefing build --site-dir site" in run["run"]  # briefing build is always strict
    assert run["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert (
        next(step for step in build_steps if "upload-pages" in step.get("uses", ""))["with"]["path"] == "site"
    )
    assert workflow["jobs"]["deploy"]["needs"] == "build"
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_under_a_project_path_the_sitemap_canonical_links_and_404_page_use_it(built):
    _, site = built
    sitemap = ET.fromstring((site.root / "sitemap.xml").read_bytes())
    locations = [element.text for element in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(location.startswith(SITE_URL) for location in locations)
    assert f'<link rel="canonical" href="{SITE_URL}claims/">' in site.html("claims/")
    not_found = (site.root / "404.html").read_text(encoding="utf-8")
    assets = re.findall(r'(?:href|src)="([^"]*assets/[^"]*)"', not_found)
    assert assets and all(asset.startswith("/briefing/assets/") for asset in assets)


def test_briefing_json_holds_every_entity_and_validates(built):
    name, site = built
    document = json.loads((site.root / "briefing.json").read_text(encoding="utf-8"))
    briefing = load_briefing(BRIEFINGS_BUILT[name])
    assert (document["format"], document["version"]) == ("briefing", export.VERSION)
    ids = {entity["id"] for folder in CATEGORY_TYPES for entity in document[folder]}
    ids |= {term["id"] for treaty in document["treaties"] for term in treaty["terms"]}
    assert ids == set(briefing.index)
    validator = jsonschema.Draft7Validator(json.loads((schema.SCHEMAS / schema.EXPORT_SCHEMA).read_text()))
    assert [error.message for error in validator.iter_errors(document)] == []


@pytest.mark.parametrize("name", list(BRIEFINGS_BUILT))
def test_briefing_json_loses_nothing(name, tmp_path):
    """Written back as content files (JSON is YAML), the export reads as the very same briefing."""
    briefing = load_briefing(BRIEFINGS_BUILT[name])
    document = export.briefing_data(briefing)
    content = tmp_path / "content"
    content.mkdir()
    (content / "briefing.yml").write_text(json.dumps(document["briefing"]), encoding="utf-8")
    for folder in CATEGORY_TYPES:
        if document[folder]:
            (content / folder).mkdir()
            (content / folder / "all.yml").write_text(json.dumps(document[folder]), encoding="utf-8")
    assert load_briefing(content) == briefing


def test_briefing_export_prints_what_the_site_holds(built, capsys):
    name, site = built
    assert main(["export", "--content", str(BRIEFINGS_BUILT[name])]) == 0
    assert capsys.readouterr().out == (site.root / "briefing.json").read_text(encoding="utf-8")
    assert main(["export", "--format", "csv", "--content", str(BRIEFINGS_BUILT[name])]) == 0
    assert capsys.readouterr().out == (site.root / "stances.csv").read_bytes().decode("utf-8")


def offline_schema_org(url, options=None):
    """schema.org's context, as far as these blocks need it, without a request."""
    assert url.rstrip("/") == "https://schema.org"
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": "https://schema.org/"}},
    }


def claim_reviews(site: Site, path: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', site.html(path), re.DOTALL)
    return [json.loads(block) for block in blocks]


def test_each_claim_has_a_claim_review_that_parses_as_json_ld(built):
    name, site = built
    briefing = load_briefing(BRIEFINGS_BUILT[name])
    layout = Layout(briefing)
    reviewed = 0
    for page in {layout.page(claim) for claim in briefing.claims}:
        path = page.removesuffix(".md") + "/"
        reviews = claim_reviews(site, path)
        on_page = [claim for claim in briefing.claims if layout.page(claim) == page]
        assert [review["url"] for review in reviews] == [f"{SITE_URL}{path}#{claim.id}" for claim in on_page]
        for review, claim in zip(reviews, on_page, strict=True):
            (expanded,) = jsonld.expand(review, {"documentLoader": offline_schema_org})
            assert expanded["@type"] == ["https://schema.org/ClaimReview"]
            rating = expanded["https://schema.org/reviewRating"][0]
            assert rating["https://schema.org/alternateName"] == [{"@value": export.RATINGS[claim.status]}]
            assert review["claimReviewed"] == export.prose_text(claim.statement)
            claimants = [stance.actor for stance in claim.stances if stance.position.value == "asserts"]
            names = [author["name"] for author in review["itemReviewed"].get("author", [])]
            assert names == [briefing.entity(actor).name for actor in claimants]  # type: ignore[union-attr]
            reviewed += 1
    assert reviewed == len(briefing.claims)
    assert claim_reviews(site, "actors/") == []


def test_the_kursk_claim_review_names_who_claims_it_and_where_it_first_appeared(tmp_path, monkeypatch):
    site = build(ROOT / "content", tmp_path / "site", monkeypatch)
    (review,) = [
        review for review in claim_reviews(site, "claims/") if review["url"].endswith("#nk-troops-in-combat")
    ]
    assert review["itemReviewed"]["author"] == [{"@type": "Organization", "name": "U.S. State Department"}]
    assert review["itemReviewed"]["firstAppearance"]["@type"] == "CreativeWork"
    assert review["reviewRating"]["alternateName"] == "Unverified"


def test_the_feed_parses_and_gives_every_update(built):
    name, site = built
    briefing = load_briefing(BRIEFINGS_BUILT[name])
    feed = ET.fromstring((site.root / "feed.xml").read_bytes())
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.findtext(f"{ATOM}id") == SITE_URL
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(briefing.info.updates)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry, update in zip(entries, briefing.info.updates, strict=True):
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{ATOM}updated") or "")
        assert entry.find(f"{ATOM}content").get("type") == "html"  # type: ignore[union-attr]
        assert export.prose_text(update.text).split()[0] in (entry.findtext(f"{ATOM}content") or "")
    head = site.html("")
    assert '<link rel="alternate" type="application/atom+xml" href="feed.xml"' in head


def test_the_feed_without_a_site_url_has_stable_ids_and_relative_links():
    briefing = load_briefing(BRIEFINGS / "other")
    first, second = export.atom_feed(briefing, None), export.atom_feed(briefing, None)
    assert first == second
    feed = ET.fromstring(first)
    assert (feed.findtext(f"{ATOM}id") or "").startswith("urn:uuid:")
    assert {link.get("href") for link in feed.iter(f"{ATOM}link")} <= {
        "./",
        "feed.xml",
        "./#briefing_updates",
    }


def test_the_stance_matrix_as_csv(built):
    name, site = built
    briefing = load_briefing(BRIEFINGS_BUILT[name])
    rows = list(csv.reader(io.StringIO((site.root / "stances.csv").read_bytes().decode("utf-8"))))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["claim", "title", "status"]
    assert set(header[3:]) == {stance.actor for claim in briefing.claims for stance in claim.stances}
    assert [row[0] for row in body] == [claim.id for claim in briefing.claims]
    for row, claim in zip(body, briefing.claims, strict=True):
        positions = {stance.actor: stance.position.value for stance in claim.stances}
        assert dict(zip(header[3:], row[3:], strict=True)) == {a: positions.get(a, "") for a in header[3:]}


def test_a_title_a_spreadsheet_would_run_is_written_to_be_shown(briefing, tmp_path, capsys):
    result = briefing(
        {
            "claims/claim.yml": 'id: c\ntitle: =HYPERLINK("http://x")\nstatement: s\nstatus: unverified\nstances:\n  - actor: alpha\n    position: asserts\n    sources: [src]\n'
        }
    )
    assert result.code == 0, result.err
    assert main(["export", "--format", "csv"]) == 0
    (row,) = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    assert row[1] == '\'=HYPERLINK("http://x")'


def test_a_local_build_has_no_site_url(tmp_path, monkeypatch):
    site = build(ROOT / "content", tmp_path / "site", monkeypatch, site_url=None)
    assert '<link rel="canonical"' not in site.html("claims/")
    assert claim_reviews(site, "claims/") == []  # a review needs its absolute url
    assert "example.github.io" not in (site.root / "feed.xml").read_text(encoding="utf-8")


def as_yaml(data: object) -> str:
    """JSON data as a content file (JSON is YAML), with the two characters YAML takes only escaped."""
    return json.dumps(data, ensure_ascii=False).replace("\uffff", "\\uffff").replace("\ufffe", "\\ufffe")


@ANY
@given(briefings(), TEXT)
@example(case=_briefing(["x"] * 24), text="U+FFFF: \uffff")
def test_any_briefing_s_exports_lose_nothing_and_parse(tmp_path_factory, case, text):
    briefing, _ = case
    info = dataclasses.replace(briefing.info, updates=(Update(date=Date(2024, 11), text=text),))
    briefing = dataclasses.replace(briefing, info=info)
    document = export.briefing_data(briefing)
    content = tmp_path_factory.mktemp("round-trip")
    (content / "briefing.yml").write_text(as_yaml(document["briefing"]), encoding="utf-8")
    for folder in CATEGORY_TYPES:
        (content / folder).mkdir()
        (content / folder / "all.yml").write_text(as_yaml(document[folder]), encoding="utf-8")
    assert load_briefing(content) == briefing
    feed = ET.fromstring(export.atom_feed(briefing, SITE_URL))
    assert feed.findtext(f"{ATOM}title") == briefing.info.title.replace("\uffff", "\ufffd").replace(
        "\ufffe", "\ufffd"
    )
    (claim,) = briefing.claims
    block = htmlsafe_json_dumps(export.claim_review(claim, briefing, None))  # the theme's tojson filter
    assert "</" not in block
    review = json.loads(block)
    assert review["name"] == claim.title
