"""The evidence in place: sources named in words where they are listed, each note's marker after what it
backs, every source listing what cites it, the Data page, and ClaimReviews that claim nothing untrue."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from generator import export, load_briefing
from generator import render_text as md
from generator.cli import main
from generator.dates import Date
from generator.editions import with_history
from generator.render import render_pages

from built_site import Site
from conftest import BRIEFINGS, ROOT

GOLDEN = ROOT / "tests" / "golden" / "small" / "content"

CITED = {
    "briefing.yml": """\
        title: Ferry dispute
        as_of: 2025-03
        summary: The ferries stopped.
        """,
    "sources/sources.yml": """\
        - id: report
          title: Harbour report
          kind: news-report
          url: https://example.org/report
        - id: statement
          title: Ministry statement
          kind: official-statement
        - id: wire
          title: Wire story
          kind: news-report
          url: https://example.org/wire
        - id: radio
          title: Radio bulletin
          kind: news-report
        - id: unread
          title: A source nobody cites
          kind: other
        """,
    "actors/actors.yml": """\
        - {id: ministry, name: The Ministry, kind: government}
        - {id: union, name: Ferry union, kind: organization}
        - {id: observer, name: An observer, kind: person}
        """,
    "claims/claims.yml": """\
        - id: ferries-stopped
          title: The ferries stopped
          statement: The ferries stopped on 1 March.
          status: corroborated
          stances:
            - actor: ministry
              position: asserts
              sources:
                - source: statement
                  locator: paragraph 1
                  quote: The ferries have stopped.
                  url: https://example.org/statement#1
            - actor: union
              position: supports
              date: 2025-03-02
              sources:
                - report
                - {source: wire, url: "https://example.org/wire#update"}
                - {source: statement, url: "https://example.org/statement#1"}
            - actor: observer
              position: neither
              sources: [wire, report, radio]
            - actor: union
              position: neither
              date: 2025-03-01
              sources: [report]
        """,
    "treaties/accord.yml": """\
        id: accord
        name: Ferry accord
        parties: [ministry, union]
        terms:
          - id: sailings
            title: Sailings
            sources: [report]
            interpretations:
              - {actor: union, note: Says it covers strikes., sources: [report]}
              - {actor: observer, note: Says it does not., sources: [report]}
              - {actor: union, note: Repeats it., sources: [report]}
        """,
    "events/events.yml": """\
        - id: strike
          title: Ferry strike
          date: 2025-03-01
          sources:
            - {source: report, locator: paragraph 2, quote: The strike began at dawn.}
            - {source: report, locator: paragraph 5, quote: Crews stayed ashore.}
            - {source: report, locator: paragraph 5, quote: Crews stayed ashore.}
            - {source: statement, locator: paragraph 3}
            - wire
            - {source: wire, url: "https://example.org/wire#strike"}
        """,
}
"""A small briefing whose statements cite sources in every way: a quote, a locator, a link, or the source
alone."""


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def pages(content: Path) -> dict[str, str]:
    return {page.path: page.markdown for page in render_pages(load_briefing(content))}


def test_a_list_of_sources_names_each_source_once_with_where_in_it_and_a_note_for_each_quote(tmp_path):
    timeline = pages(write(tmp_path, CITED))["timeline.md"]
    (sources,) = [line for line in timeline.splitlines() if line.startswith("- **Sources:**")]
    assert sources == (
        "- **Sources:** [Harbour report](sources.md#report), paragraph 2[^1], paragraph 5[^2]; "
        "[Ministry statement](sources.md#statement), paragraph 3; [Wire story](sources.md#wire)[^3]"
    )
    assert timeline.endswith(
        "[^1]: [Harbour report](sources.md#report), paragraph 2: “The strike began at dawn.”\n"
        "[^2]: [Harbour report](sources.md#report), paragraph 5: “Crews stayed ashore.”\n"
        "[^3]: [Wire story](sources.md#wire) ([link](https://example.org/wire#strike))\n"
    )


def test_a_statement_is_followed_by_its_notes_markers_and_each_note_holds_the_quote(tmp_path):
    claims = pages(write(tmp_path, CITED))["claims.md"]
    assert "- [The Ministry](actors.md#ministry) **asserts**{ #ferries-stopped--ministry }.[^1]\n" in claims
    assert (
        "- [Ferry union](actors.md#union) **supports**{ #ferries-stopped--union } (2 March 2025).[^2][^3][^4]\n"
    ) in claims
    assert claims.endswith(
        "[^1]: [Ministry statement](sources.md#statement), paragraph 1: “The ferries have stopped.” "
        "([link](https://example.org/statement#1))\n"
        "[^2]: [Harbour report](sources.md#report)\n"
        "[^3]: [Wire story](sources.md#wire) ([link](https://example.org/wire#update))\n"
        "[^4]: [Ministry statement](sources.md#statement) ([link](https://example.org/statement#1))\n"
        "[^5]: [Wire story](sources.md#wire)\n"
        "[^6]: [Radio bulletin](sources.md#radio)\n"
    )


def cited_by(sources_page: str, source: str) -> str:
    section = sources_page.split(f"{{#{source}}}", 1)[1].split("\n## ", 1)[0]
    return section[section.index("Cited by") :].strip() if "Cited by" in section else section.strip()


def test_each_source_lists_what_cites_it_linked_to_the_very_stance():
    sources = pages(GOLDEN)["sources.md"]
    strike = md.date_range(Date(2025, 2, 20), Date(2025, 2, 27))  # as the timeline writes it
    assert cited_by(sources, "authority-notice") == textwrap.dedent("""\
        Cited by 2 claims, 1 treaty, 2 treaty terms, 1 open question and 2 events.

        **Claims**

        - [The harbour is closed to ferries](claims.md#harbour-closed): stance of [Port authority](claims.md#harbour-closed--port-authority)
        - [The harbour will reopen in April](claims.md#harbour-reopening): stance of [City of Vell](claims.md#harbour-reopening--city)

        **Treaties**

        - [Ferry accord](treaties.md#ferry-accord): signing; ratification by [City of Vell](actors.md#city)

        **Treaty terms**

        - [Notice period](treaties.md#notice-period)
        - [Article 5](treaties.md#article-5)

        **Open questions**

        - [Who ordered the closure?](questions.md#who-closed-it)

        **Events**

        - [The port is founded](timeline.md#founding) (around 1850)
        - [Authority issues closure notice](timeline.md#closure-notice) (1 March 2025)""")
    assert cited_by(sources, "union-post") == textwrap.dedent("""\
        Cited by 1 claim, 1 treaty term and 1 event.

        **Claims**

        - [The harbour is closed to ferries](claims.md#harbour-closed): stance of [Ferry union (Синдикат)](claims.md#harbour-closed--ferry-union); evidence

        **Treaty terms**

        - [Notice period](treaties.md#notice-period): interpretation by [Ferry union (Синдикат)](actors.md#ferry-union)

        **Events**

        - [Ferry strike](timeline.md#strike) (STRIKE)""").replace("STRIKE", strike)


def test_a_source_names_each_actor_once_at_its_latest_stance_citing_it_and_says_when_nothing_does(tmp_path):
    sources = pages(write(tmp_path, CITED))["sources.md"]
    assert cited_by(sources, "report").splitlines()[4] == (
        "- [The ferries stopped](claims.md#ferries-stopped): stances of "
        "[Ferry union](claims.md#ferries-stopped--union), [An observer](claims.md#ferries-stopped--observer)"
    )
    assert cited_by(sources, "report").splitlines()[8] == (
        "- [Sailings](treaties.md#sailings): the term itself; interpretations by "
        "[Ferry union](actors.md#union), [An observer](actors.md#observer)"
    )
    assert cited_by(sources, "unread").endswith("*Other*.\n\nNothing in this briefing cites it yet.")


def test_the_data_page_links_each_export_with_what_it_holds_and_the_links_reach_them(tmp_path):
    data = pages(GOLDEN)["data/index.md"]
    links = re.findall(r"^\[([^\]]+)\]\(([^)]+)\): (.*)$", data, re.MULTILINE)
    assert links == [
        ("briefing.json", "../briefing.json", "JSON, in UTF-8."),
        ("stances.csv", "../stances.csv", "CSV, in UTF-8, comma-separated, with a header row."),
        ("feed.xml", "../feed.xml", "an Atom feed, in XML."),
    ]
    assert "then its 2 sources, 3 actors, 2 claims, 1 treaty, 2 open questions and 3 events" in data
    assert "It has 2 rows and 3 actor columns." in data
    assert "It holds 2 updates." in data
    site = Site(tmp_path / "site")
    assert main(["build", "--content", str(GOLDEN), "--site-dir", str(site.root)]) == 0
    page = (site.root / "data" / "index.html").read_text(encoding="utf-8")
    for name, url, _ in links:
        assert f'href="{url}"' in page
        assert (site.root / "data" / url).resolve() == (site.root / name).resolve()
        assert (site.root / name).is_file()
    assert 'href="../data/"' in (site.root / "sources" / "index.html").read_text(encoding="utf-8")  # the nav


def test_with_recorded_editions_the_data_page_says_the_json_and_the_feed_hold_what_each_changed():
    briefing, history = with_history(BRIEFINGS / "harbor", load_briefing)
    (data,) = [
        page.markdown for page in render_pages(briefing, history=history) if page.path == "data/index.md"
    ]
    assert "`history` holds the 3 recorded editions, newest first, with what each changed.\n" in data
    assert (
        "with its date and text, and for each recorded edition what it changed, linked to the site." in data
    )
    assert "`history`" not in pages(GOLDEN)["data/index.md"]


def test_a_claim_review_names_no_author_the_briefing_does_not_name(tmp_path):
    briefing = load_briefing(write(tmp_path, CITED))
    (claim,) = briefing.claims
    assert "author" not in export.claim_review(claim, briefing, "https://example.org/claims/#ferries-stopped")
    golden = load_briefing(GOLDEN)
    review = export.claim_review(golden.claims[0], golden, None)
    assert review["author"] == [
        {"@type": "Person", "name": "Desk A"},
        {"@type": "Person", "name": "Ana Núñez"},
    ]


def test_a_claim_review_gives_each_other_work_the_claim_appears_in_that_has_an_address(tmp_path):
    briefing = load_briefing(write(tmp_path, CITED))
    (claim,) = briefing.claims
    item = export.claim_review(claim, briefing, None)["itemReviewed"]
    assert item["author"] == [{"@type": "Organization", "name": "The Ministry"}]
    assert item["firstAppearance"] == {
        "@type": "CreativeWork",
        "name": "Ministry statement",
        "url": "https://example.org/statement#1",
    }
    assert item["appearance"] == [
        {"@type": "CreativeWork", "name": "Harbour report", "url": "https://example.org/report"},
        {"@type": "CreativeWork", "name": "Wire story", "url": "https://example.org/wire#update"},
        {"@type": "CreativeWork", "name": "Wire story", "url": "https://example.org/wire"},
    ]


def test_a_page_without_an_absolute_address_carries_no_claim_review(tmp_path):
    briefing = load_briefing(write(tmp_path, CITED))
    assert not any("claim_reviews" in page.meta for page in render_pages(briefing))
    pages = render_pages(briefing, site_url="https://example.org/briefing/")
    assert [page.path for page in pages if "claim_reviews" in page.meta] == ["claims.md"]
    (review,) = next(page for page in pages if page.path == "claims.md").meta["claim_reviews"]
    assert review["url"] == "https://example.org/briefing/claims/#ferries-stopped"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Corroborated"}
