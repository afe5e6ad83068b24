"""While an author drafts, ``mkdocs serve`` keeps showing the briefing: a save that makes it invalid leaves the
pages as they were when it was last valid, with the problems in a banner above every page, until they are
fixed; a briefing never valid while served shows the list of problems, as before.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from html import unescape

import pytest

from browser import Visit
from conftest import ROOT
from served import Served

CLAIM = "content/claims/2-combat.yml"
TITLE = "title: North Korean troops fighting Ukrainian forces alongside Russian troops"
TYPO = "titel: North Korean troops fighting Ukrainian forces alongside Russian troops"
PROBLEMS = [
    f"{CLAIM}:1:1: claim 'nk-troops-in-combat': missing required key 'title'",
    f"{CLAIM}:2:1: claim 'nk-troops-in-combat': unknown key 'titel'; did you mean 'title'?",
]
PAGE = """() => {
  if (document.readyState === 'loading') return null;
  const banner = document.querySelector('.briefing-problems');
  const problems = document.querySelector('h1#problems');
  return {
    heading: banner && banner.querySelector('p').innerText,
    problems: banner ? [...banner.querySelectorAll('li')].map(item => item.innerText) : [],
    links: banner ? banner.querySelectorAll('a').length : 0,
    list: problems && problems.firstChild.textContent,
    article: document.querySelector('article').innerText,
    claim: document.getElementById('nk-troops-in-combat') !== null,
  };
}"""
"""What a page shows, read at one moment once it is parsed: a reload between two reads would mix two pages."""


@pytest.fixture
def served(tmp_path) -> Iterator[Served]:
    server = Served(tmp_path / "project")
    yield server
    server.stop()


def edit(served: Served, path: str, old: str, new: str) -> None:
    file = served.folder / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def shown(visit: Visit, until: str) -> dict:
    """What the open page shows once a condition on it holds (a JavaScript expression on ``page``)."""
    return visit.page.wait_for_function(
        f"() => {{ const page = ({PAGE})(); return page && ({until}) ? page : null; }}", timeout=30_000
    ).json_value()


def minutes_since(start: datetime) -> set[str]:
    """Every HH:MM from a moment until now: when the briefing shown may have been last valid."""
    times, moment = set(), start.replace(second=0, microsecond=0)
    while moment <= datetime.now():
        times.add(moment.strftime("%H:%M"))
        moment += timedelta(minutes=1)
    return times


def test_an_invalid_save_keeps_the_claims_on_view_with_the_problems_above_them(browser, tmp_path):
    start = datetime.now()
    served = Served(tmp_path / "project")
    try:
        visit = Visit(browser, served.url + "claims/", wait_until="load")  # live reload polls: never idle
        assert shown(visit, "page.claim")["heading"] is None
        edit(served, CLAIM, TITLE, TYPO)
        page = shown(visit, "page.heading")
        assert page["heading"] in {
            f"The briefing has 2 problems; the pages show it as it was at {at}" for at in minutes_since(start)
        }
        assert page["problems"] == PROBLEMS
        assert page["links"] == 0  # no repository: nowhere to edit the file
        assert "North Korean troops fighting Ukrainian forces alongside Russian troops" in page["article"]
        assert page["claim"]
        assert page["list"] is None

        edit(served, CLAIM, TYPO, "title: Redrafted North Korean troops in combat")
        page = shown(visit, "page.article.includes('Redrafted North Korean troops in combat')")
        assert page["heading"] is None
        assert page["problems"] == []
        assert visit.errors == []
    finally:
        served.stop()


def test_a_briefing_invalid_from_the_start_shows_the_list_of_problems(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    claim = content / "claims/2-combat.yml"
    claim.write_text(claim.read_text(encoding="utf-8").replace(TITLE, TYPO, 1), encoding="utf-8")
    served = Served(tmp_path / "project", content=content)
    try:
        visit = Visit(browser, served.url + "claims/", wait_until="load")
        page = shown(visit, "page.list")
        assert page["list"] == "The briefing has 2 problems"
        assert "unknown key 'titel'; did you mean 'title'?" in page["article"]
        assert page["heading"] is None
        assert not page["claim"]
    finally:
        served.stop()


def test_the_banner_is_on_every_page_and_leaves_once_the_briefing_is_valid_again(served):
    start = datetime.now()
    edit(served, "content/briefing.yml", "as_of:", "as_at:")
    served.wait_for("", lambda html: html is not None and 'class="briefing-problems"' in html)
    for path in ("", "claims/", "actors/", "sources/", "timeline/", "guide/"):
        html = served.fetch(path) or ""
        assert "The briefing has 2 problems; the pages show it as it was at " in html, path
        assert "unknown key 'as_at'; did you mean 'as_of'?" in unescape(html), path
    assert 'href="claims/#nk-troops-in-combat"' in (served.fetch("") or "")
    said = [line for line in served.log().splitlines() if "the pages show the briefing" in line]
    assert said in [
        [
            "ERROR   -  briefing: 2 problems in 1 file; the pages show the briefing as it was at "
            f"{at}, with the problems above them, until they are fixed"
        ]
        for at in minutes_since(start - timedelta(minutes=2))  # the server started before
    ]

    edit(served, "content/briefing.yml", "as_at:", "as_of:")
    html = served.wait_for("actors/", lambda html: html is not None and "briefing-problems" not in html)
    assert "Information as of" in (html or "")


def test_each_problem_links_to_where_its_file_is_edited_and_its_words_stay_text(served):
    config = served.folder / "mkdocs.yml"
    with config.open("a", encoding="utf-8") as settings:
        settings.write("repo_url: https://github.com/example/briefing\nedit_uri: edit/main/docs/\n")
    served.wait_for("claims/", lambda html: html is not None and "github.com/example/briefing" in html)
    time.sleep(1)  # a save within the same second as the settings' may be taken as theirs
    edit(served, CLAIM, TITLE, "titel: <b>Bold</b> troops")
    html = served.wait_for("claims/", lambda html: html is not None and "briefing-problems" in html) or ""
    edit_url = "https://github.com/example/briefing/edit/main/content/claims/2-combat.yml"
    assert f'<a href="{edit_url}"><code>{CLAIM}:2:1</code></a>' in html
    assert "<b>Bold</b>" not in html
    assert "unknown key &#39;titel&#39;; did you mean &#39;title&#39;?" in html
