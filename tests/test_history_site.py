"""The history on the site: the Changes page, the marks of the latest edition, the feed and briefing.json."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from generator import export, load_briefing, schema
from generator.cli import main
from generator.editions import History, read_history, with_history
from generator.history_schema import history_schema
from generator.render import render_pages
from generator.render_history import claim_history
from generator.render_links import Links
from generator.render_terms import term_badge
from generator.vocabulary import ClaimStatus

from built_site import Site
from conftest import BRIEFINGS, ROOT
from fingerprint import fingerprint
from test_editions import SECOND, STORY, THIRD, write
from test_render_html import assert_same

SITE_URL = "https://example.org/harbour/"
ATOM = "{http://www.w3.org/2005/Atom}"


def record(content: Path, date: str, text: str) -> None:
    assert main(["edition", "--date", date, "--text", text, "--content", str(content)]) == 0


def build(content: Path, site: Path, monkeypatch) -> Site:
    monkeypatch.setenv("SITE_URL", SITE_URL)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1743465600")
    arguments = ["--config", str(ROOT / "mkdocs.yml"), "--content", str(content), "--site-dir", str(site)]
    assert main(["build", *arguments]) == 0
    return Site(site)


def tell(content: Path) -> None:
    """The story in four editions: the last changes a claim's status."""
    write(content, STORY)
    record(content, "2025-04-01", "First recorded edition.")
    write(content, SECOND)
    record(content, "2025-04-02", "The seizure is confirmed; the crews are detained.")
    write(content, THIRD)
    record(content, "2025-04-03", "The port reopened.")
    write(content, {"claims/crew.yml": SECOND["claims/crew.yml"].replace("unverified", "corroborated")})
    record(content, "2025-04-05", "The crews' detention is *corroborated*.")


@pytest.fixture(scope="module")
def told(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("story") / "content"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.chdir(content.parent)
        tell(Path("content"))
    return content


@pytest.fixture(scope="module")
def site(told, tmp_path_factory) -> Site:
    with pytest.MonkeyPatch.context() as monkeypatch:
        return build(told, tmp_path_factory.mktemp("site"), monkeypatch)


def test_the_changes_page_lists_each_edition_newest_first_with_what_it_changed(site):
    text = site.text("changes/")
    article = text.split("Information as of April 2025 ", 1)[1].split(" Back to top", 1)[0]
    assert article == (
        "Changes What changed in each recorded edition of the briefing, the newest first. "
        "Edition 4, 5 April 2025 The crews' detention is corroborated. "
        "Claim The crews were detained: status unverified → corroborated. "
        "Edition 3, 3 April 2025 The port reopened. "
        "Claim removed: “The port is closed” (port-closed). "
        "Edition 2, 2 April 2025 The seizure is confirmed; the crews are detained. "
        "New claim: The crews were detained. "
        "Claim Ships were seized: status unverified → confirmed; The Ministry neither confirms nor denies → "
        "asserts (2 April 2025); newly cited The ministry's statement. "
        "Edition 1, 1 April 2025 First recorded edition. "
        "The first recorded edition: 2 sources, 2 actors, 2 claims."
    )


def test_every_change_links_to_its_entity_and_every_link_leads_somewhere(site):
    links = [href for href in site.page("changes/").hrefs if "#" in href and not href.startswith("#")]
    assert links == [
        "../claims/#crew-detained",
        "../claims/#crew-detained",
        "../claims/#ships-seized",
        "../actors/#ministry",
        "../sources/#statement",
    ]
    assert site.broken_links("changes/") == []
    assert site.broken_links("") == []


def test_the_changes_page_follows_the_overview_in_the_navigation(site):
    navigation = re.findall(r'href="([^"#]*)" class="md-nav__link', site.html(""))
    assert navigation[:3] == [".", "changes/", "claims/"]


def test_the_overview_marks_the_claims_the_latest_edition_changed_and_links_each_update(site):
    text = site.text("")
    assert (
        "Status: corroborated 1 claim The crews were detained changed in edition 4 Status: confirmed 1 claim "
        "Ships were seized" in (text)
    )
    assert (
        "Updates 5 April 2025: The crews' detention is corroborated. (what changed) 3 April 2025: The port reopened. "
        "(what changed) 2 April 2025: The seizure is confirmed; the crews are detained. (what changed) "
        "1 April 2025: First recorded edition. (what changed) March 2025: Written by hand, before editions were "
        "recorded."
    ) in text
    assert (
        '<span class="briefing-latest-edition"><a href="changes/#edition_4">changed in edition 4</a></span>'
        in site.html("")
    )


def test_the_feed_has_an_entry_per_edition_listing_its_changes(site):
    feed = ET.fromstring((site.root / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "Update of 5 April 2025",
        "Update of 3 April 2025",
        "Update of 2 April 2025",
        "Update of 1 April 2025",
        "Update of March 2025",
    ]
    assert [entry.find(f"{ATOM}link").get("href") for entry in entries] == [  # type: ignore[union-attr]
        f"{SITE_URL}changes/#edition_4",
        f"{SITE_URL}changes/#edition_3",
        f"{SITE_URL}changes/#edition_2",
        f"{SITE_URL}changes/#edition_1",
        f"{SITE_URL}#briefing_updates",
    ]
    assert entries[0].findtext(f"{ATOM}content") == (
        "<p>The crews' detention is <em>corroborated</em>.</p>\n"
        f'<ul>\n<li>Claim <a href="{SITE_URL}claims/#crew-detained">The crews were detained</a>: status '
        "<strong>unverified</strong> → <strong>corroborated</strong>.</li>\n</ul>"
    )
    assert entries[4].findtext(f"{ATOM}content") == "<p>Written by hand, before editions were recorded.</p>"


def test_briefing_json_carries_the_history_and_validates(site):
    document = json.loads((site.root / "briefing.json").read_text(encoding="utf-8"))
    history = document["history"]
    assert [(edition["edition"], edition["date"], edition["text"]) for edition in history] == [
        (4, "2025-04-05", "The crews' detention is *corroborated*."),
        (3, "2025-04-03", "The port reopened."),
        (2, "2025-04-02", "The seizure is confirmed; the crews are detained."),
        (1, "2025-04-01", "First recorded edition."),
    ]
    assert history[1]["changes"] == [
        {
            "change": "removed",
            "category": "claim",
            "id": "port-closed",
            "text": "claim 'port-closed': removed (\"The port is closed\")",
            "name": "The port is closed",
        }
    ]
    assert [change["text"] for change in history[3]["changes"]] == [
        "source 'statement': added (\"The ministry's statement\")",
        "source 'wire': added (\"A wire report\")",
        "actor 'ministry': added (\"The Ministry\")",
        "actor 'observer': added (\"An Observer\")",
        "claim 'port-closed': added (\"The port is closed\")",
        "claim 'ships-seized': added (\"Ships were seized\")",
    ]
    export_schema = json.loads((schema.SCHEMAS / schema.EXPORT_SCHEMA).read_text(encoding="utf-8"))
    key, definitions = history_schema()
    export_schema["properties"]["history"] = key
    export_schema["definitions"].update(definitions)
    validator = jsonschema.Draft7Validator(export_schema)
    jsonschema.Draft7Validator.check_schema(export_schema)
    assert [error.message for error in validator.iter_errors(document)] == []
    document["history"][0]["changes"][0]["change"] = "renamed"
    assert [error.message for error in validator.iter_errors(document)] != []


def test_the_export_prints_what_the_site_holds(site, told, capsys):
    capsys.readouterr()
    assert main(["export", "--content", str(told)]) == 0
    assert capsys.readouterr().out == (site.root / "briefing.json").read_text(encoding="utf-8")
    assert main(["export", "--format", "atom", "--site-url", SITE_URL, "--content", str(told)]) == 0
    assert capsys.readouterr().out == (site.root / "feed.xml").read_text(encoding="utf-8")


def test_a_claim_s_history_gives_its_status_and_stances_in_each_edition_that_changed_it(told):
    briefing, history = with_history(told, load_briefing)
    links = Links(briefing, page="claims.md")
    confirmed, unverified = (term_badge(links, s) for s in (ClaimStatus.CONFIRMED, ClaimStatus.UNVERIFIED))
    assert claim_history(links, history, "ships-seized") == (
        "**History**\n\n"
        "- [Edition 2, 2 April 2025](changes.md#edition_2): "
        f"{confirmed}; "
        "[The Ministry](actors.md#ministry) **asserts** (2 April 2025).\n"
        "- [Edition 1, 1 April 2025](changes.md#edition_1): "
        f"{unverified}; "
        "[The Ministry](actors.md#ministry) **neither confirms nor denies** (1 March 2025)."
    )
    assert claim_history(links, history, "port-closed").splitlines()[2] == (
        "- [Edition 3, 3 April 2025](changes.md#edition_3): removed."
    )
    assert claim_history(links, history, "no-such-claim") == ""


def test_the_pages_with_a_history_convert_as_python_markdown_does(told):
    briefing, history = with_history(told, load_briefing)
    for page in render_pages(briefing, history=history):
        assert_same(page.markdown)
    assert_same(claim_history(Links(briefing, page="claims.md"), history, "ships-seized"))


def test_a_briefing_without_editions_has_no_changes_page_and_no_history(tmp_path):
    briefing = load_briefing(BRIEFINGS / "other")
    problems: list = []
    assert read_history(BRIEFINGS / "other", problems) == History()
    assert problems == []
    assert [page.path for page in render_pages(briefing)] == [
        page.path for page in render_pages(briefing, history=History())
    ]
    assert "changes.md" not in [page.path for page in render_pages(briefing)]
    assert "history" not in export.briefing_data(briefing)


def test_a_copy_without_git_history_builds_the_same_site_byte_for_byte(told, tmp_path, monkeypatch):
    """A shallow clone, or no clone at all: the editions' files are the whole history."""
    repository = tmp_path / "repository"
    shutil.copytree(told, repository / "content")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "The story"]):
        subprocess.run(
            [
                "git",
                "-C",
                str(repository),
                "-c",
                "user.name=Desk",
                "-c",
                "user.email=desk@example.org",
                *command,
            ],
            check=True,
            capture_output=True,
        )
    copy = tmp_path / "copy"
    shutil.copytree(repository / "content", copy / "content")
    assert not (copy / ".git").exists()
    first = build(repository / "content", tmp_path / "from-repository", monkeypatch)
    second = build(copy / "content", tmp_path / "from-copy", monkeypatch)
    assert fingerprint(first.root) == fingerprint(second.root)
    assert (first.root / "changes" / "index.html").is_file()


def test_the_exports_give_each_actor_s_current_position_and_each_claimant_once(tmp_path):
    write(tmp_path, STORY)
    stances = """\
        id: ships-seized
        title: Ships were seized
        statement: Two ships were seized.
        status: confirmed
        stances:
          - {actor: ministry, position: asserts, date: 2025-04-02, sources: [statement]}
          - {actor: observer, position: asserts, date: 2025-04-01, sources: [wire]}
          - {actor: ministry, position: neither, date: 2025-03-01, sources: [wire]}
          - {actor: observer, position: asserts, date: 2025-04-03, sources: [statement]}
        """
    write(tmp_path, {"claims/ships.yml": stances})
    briefing = load_briefing(tmp_path)
    rows = export.stance_csv(briefing).splitlines()
    assert rows[0] == "claim,title,status,observer,ministry"
    assert rows[2] == "ships-seized,Ships were seized,confirmed,asserts,asserts"
    (claim,) = [claim for claim in briefing.claims if claim.id == "ships-seized"]
    review = export.claim_review(claim, briefing, None)
    assert review["itemReviewed"]["author"] == [
        {"@type": "Organization", "name": "The Ministry"},
        {"@type": "Organization", "name": "An Observer"},
    ]
    assert review["itemReviewed"]["firstAppearance"]["name"] == "The ministry's statement"
