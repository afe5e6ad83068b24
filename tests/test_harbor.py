"""The Velmar harbour briefing: a story told in three recorded editions, as its readers see it."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from generator.cli import main

from built_site import Site
from conftest import BRIEFINGS, ROOT
from harbor_story import EDITIONS, write_edition

HARBOR = BRIEFINGS / "harbor"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("harbor-site")
    arguments = ["--config", str(ROOT / "mkdocs.yml"), "--content", str(HARBOR), "--site-dir", str(folder)]
    assert main(["build", *arguments]) == 0
    return Site(folder)


def test_the_committed_editions_are_what_recording_the_story_writes(tmp_path, monkeypatch, capsys):
    content = tmp_path / "content"
    for number, (date, text) in enumerate(EDITIONS, start=1):
        write_edition(content, number)
        assert main(["edition", "--date", date, "--text", text, "--content", str(content)]) == 0
    written = {path.relative_to(content): path.read_bytes() for path in content.rglob("*") if path.is_file()}
    committed = {path.relative_to(HARBOR): path.read_bytes() for path in HARBOR.rglob("*") if path.is_file()}
    assert written == committed
    assert sorted(str(path) for path in committed if path.parts[0] == "editions") == [
        "editions/2025-03-03.json",
        "editions/2025-03-05.json",
        "editions/2025-03-10.json",
    ]


def test_the_changes_page_tells_each_edition_newest_first(site):
    text = site.text("changes/")
    editions = [
        text.index(f"Edition {number}, {day} March 2025") for number, day in ((3, 10), (2, 5), (1, 3))
    ]
    assert editions == sorted(editions)
    assert (
        "Claim Chemicals leaked into the harbour from quay 4: status unverified → corroborated; Velmar Port "
        "Services denies → neither confirms nor denies (4 March 2025)"
    ) in text
    assert (
        "status corroborated → confirmed; Velmar Port Services neither confirms nor denies → asserts" in text
    )
    assert "New claim: The ministry is inspecting quay 4." in text
    assert "Claim removed: “Dead fish found near quay 4” (fish-kill)." in text
    assert site.broken_links("changes/") == []


def test_the_claim_shows_the_operator_s_positions_over_time_and_its_history(site):
    text = site.text("claims/")
    assert (
        "Position over time: denies (2 March 2025) → neither confirms nor denies (4 March 2025) → asserts "
        "(9 March 2025)."
    ) in text
    assert "2 March 2025: denies. Said that no tank on quay 4 had lost product." in text
    assert "changed in edition 3" in text
    assert "Edition 1, 3 March 2025: Status: unverified; City of Velmar hints at (3 March 2025)" in text
    ids = site.page("claims/").ids
    assert {"chemical-leak--velmar-port", "chemical-leak--velmar-port--2025-03-02"} <= ids
    assert "fish-kill" not in ids


def test_the_matrix_gives_the_operator_s_current_position_and_what_it_was(site):
    text = site.text("stances/")
    matrix = text.split("ClaimStatusCity of Velmar", 1)[1]
    leak = matrix.split("Chemicals leaked into the harbour from quay 4", 1)[1]
    assert "City of Velmar: △ hints Velmar Port Services: ■ asserts (was ○ neither, 4 March 2025)" in leak
    assert "✕" not in matrix and "denies" not in matrix  # the first position is on the claim, not here


def test_the_feed_has_an_entry_per_edition_listing_its_changes(site):
    feed = ET.fromstring((site.root / "feed.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}updated") for entry in entries] == [
        "2025-03-10T00:00:00Z",
        "2025-03-05T00:00:00Z",
        "2025-03-03T00:00:00Z",
    ]
    assert "Claim removed" in "".join(entries[0].itertext())


def test_the_diff_between_the_first_and_the_last_edition_in_words_and_json(tmp_path, capsys):
    first = tmp_path / "first"
    write_edition(first, 1)
    capsys.readouterr()
    assert main(["diff", str(first), str(HARBOR)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "claim 'chemical-leak': status unverified → confirmed" in lines
    assert "claim 'fish-kill': removed (\"Dead fish found near quay 4\")" in lines
    assert any(line.startswith("claim 'ministry-inspection': added") for line in lines)
    assert main(["diff", "--format", "json", str(first), str(HARBOR)]) == 0
    changes = json.loads(capsys.readouterr().out)["changes"]
    statuses = [change for change in changes if change["change"] == "status"]
    assert statuses and statuses[0]["id"] == "chemical-leak"
