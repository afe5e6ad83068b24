"""The benchmark measures what it says: valid briefings in both topic mixes, the right pages, honest verdicts.

Run with ``.venv/bin/pytest -p no:cacheprovider benchmarks/test_benchmarks.py``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import builds
import pytest
import reader
import report
import scale
import serving
import synthetic
from generator import load_briefing


def topics(content: Path) -> set[str]:
    """The topics the briefing's claims are given."""
    claims = (content / "claims").glob("*.yml")
    return {re.search(r"^topic: (.+)$", path.read_text(), re.M).group(1) for path in claims}  # type: ignore[union-attr]


@pytest.mark.parametrize("mix", ["many", "few"])
def test_a_synthetic_briefing_is_valid_in_either_topic_mix(tmp_path: Path, mix: str) -> None:
    """The briefing loads without a problem, its claims given the mix's topics."""
    counts = synthetic.write(tmp_path, 400, topics=mix)
    briefing = load_briefing(tmp_path)
    assert len(briefing.claims) == counts["claims"] == 220
    assert topics(tmp_path) <= set(synthetic.TOPICS[mix])


def test_the_few_topic_mix_is_a_handful_and_the_many_topic_mix_the_default(tmp_path: Path) -> None:
    """Five topics in the few-topic mix; without a mix, the many-topic one: 43 of its 44 topics at 400."""
    synthetic.write(tmp_path / "default", 400)
    synthetic.write(tmp_path / "few", 400, topics="few")
    assert topics(tmp_path / "few") == {"deployment", "combat", "casualties", "territory", "diplomacy"}
    assert len(topics(tmp_path / "default")) == 43
    assert len(synthetic.TOPICS["many"]) == 44


def test_the_edit_rewrites_the_first_entitys_own_line_in_either_file_shape(tmp_path: Path) -> None:
    """A file of one entity, and a file of a list of them: only the first entity's line changes."""
    single, listed = tmp_path / "single.yml", tmp_path / "listed.yml"
    single.write_text("id: one\ntitle: Old\nstances:\n  - title: Kept\n", encoding="utf-8")
    listed.write_text("- id: one\n  title: Old\n- id: two\n  title: Kept\n", encoding="utf-8")
    serving.rewrite(single, "title", "New title")
    serving.rewrite(listed, "title", "New title")
    assert single.read_text() == "id: one\ntitle: New title\nstances:\n  - title: Kept\n"
    assert listed.read_text() == "- id: one\n  title: New title\n- id: two\n  title: Kept\n"
    assert serving.first_entity(listed, "title") == ("one", 1, "  ")


def test_the_edit_refuses_a_value_it_cannot_rewrite_whole(tmp_path: Path) -> None:
    """A folded title spans lines: rewriting one of them would break the file, so the benchmark says so."""
    folded = tmp_path / "folded.yml"
    folded.write_text("- id: one\n  title: >-\n    Old\n- id: two\n  title: Plain\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        serving.rewrite(folded, "title", "New")
    refused = f"{folded}: its first entity has no one-line 'title:' the benchmark can rewrite"
    assert str(stopped.value) == refused


class Claims:
    """A server whose claims page links a claim's anchor as the site does."""

    def __init__(self, html: str) -> None:
        self.html = html

    def fetch(self, path: str) -> str:
        """The claims page."""
        assert path == "claims/"
        return self.html

    def output(self) -> str:
        """What the server printed."""
        return "(the server's output)"


@pytest.mark.parametrize(
    ("link", "page"),
    [("#claim-5", "claims/"), ("./#claim-5", "claims/"), ("agency/#claim-5", "claims/agency/")],
)
def test_the_edited_claim_is_looked_for_where_the_claims_page_links_it(link: str, page: str) -> None:
    """On the claims page itself (a small briefing), or on its topic's page (a large one)."""
    html = f'<a href="agency/#claim-50">50</a><a href="{link}">5</a>'
    assert serving.claim_page(Claims(html), "claim-5") == page  # type: ignore[arg-type]


def test_the_largest_page_is_named_by_its_address(tmp_path: Path) -> None:
    """The address a reader opens, the overview by name."""
    (tmp_path / "claims" / "combat").mkdir(parents=True)
    (tmp_path / "index.html").write_text("x" * 10)
    (tmp_path / "claims" / "combat" / "index.html").write_text("x" * 20)
    assert builds.largest_page(tmp_path) == ("claims/combat/", 20)
    (tmp_path / "index.html").write_text("x" * 30)
    assert builds.largest_page(tmp_path) == ("(overview)", 30)


def test_the_reader_opens_the_largest_topic_page_beside_the_top_level_pages(tmp_path: Path) -> None:
    """The topic page with the most claims is the one a page view is measured on."""
    for topic, size in (("combat", 5), ("deployment", 9), ("casualties", 7)):
        (tmp_path / "claims" / topic).mkdir(parents=True)
        (tmp_path / "claims" / topic / "index.html").write_text("x" * size)
    pages = reader.pages(tmp_path)
    assert pages["largest topic"] == "claims/deployment/"
    assert pages["overview"] == "" and pages["claims"] == "claims/" and pages["data"] == "data/"
    assert "largest claim" not in pages


def test_a_goal_is_met_up_to_its_limit_or_strictly_under_it() -> None:
    """1 MB is within "at most 1 MB"; 2% of a core is not "under 2%"; no figure meets no goal."""
    assert report.PAGE_VIEW.verdict(1_000_000) == "(goal <= 1 MB at 2,000: met)"
    assert report.PAGE_VIEW.verdict(1_000_001) == "(goal <= 1 MB at 2,000: NOT met)"
    assert report.IDLE.verdict(0.02) == "(goal < 2% of a core: NOT met)"
    assert report.IDLE.verdict(0.019) == "(goal < 2% of a core: met)"
    assert report.search_ready_goal(8000).verdict(None) == "(goal <= 2 s up to 8,000: NOT met)"  # type: ignore[union-attr]


def test_an_unknown_part_is_refused_with_the_known_ones() -> None:
    """The parts are named as the report names them."""
    assert scale.parts("serve, build") == ["serve", "build"]
    with pytest.raises(argparse.ArgumentTypeError) as refused:
        scale.parts("build,readers")
    assert str(refused.value) == "unknown part 'readers': choose among build,reader,serve"


def test_a_missing_chromium_ends_the_benchmark_saying_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No Chromium on the PATH nor where Debian puts it: the message names both and the way out."""
    monkeypatch.setattr("shutil.which", lambda name: None)
    monkeypatch.setattr(reader, "DEBIAN_CHROMIUM", tmp_path / "chromium")
    with pytest.raises(SystemExit) as stopped:
        reader.chromium()
    assert str(stopped.value) == (
        f"Chromium is not installed (looked for 'chromium' on the PATH and {tmp_path}/chromium): install "
        "Debian's package (apt-get install chromium), or measure without a browser (--no-browser)."
    )
