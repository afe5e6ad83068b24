"""``properdocs serve`` (the README's) and ``mkdocs serve`` as an author uses them: edits are served, mistakes
are shown and the server stays up."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape

import pytest

from conftest import ROOT
from served import Served

CLAIM = "content/claims/2-combat.yml"
TITLE = "title: North Korean troops fighting Ukrainian forces alongside Russian troops"


@pytest.fixture(params=["properdocs", "mkdocs"])
def served(tmp_path, request) -> Iterator[Served]:
    """The project served by the README's ProperDocs, and by MkDocs, which keeps working."""
    server = Served(tmp_path, engine=request.param)
    yield server
    server.stop()


def edit(served: Served, path: str, old: str, new: str) -> None:
    file = served.folder / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def shows(text: str):
    return lambda html: html is not None and text in html


def test_live_reload_is_on(served):
    html = served.fetch("claims/")
    assert html is not None
    assert re.search(r"livereload\([0-9]+, [0-9]+\)", html), "the page has no live reload script"
    assert "Watching paths for changes" in served.log()
    assert "'content'" in served.log()


def test_an_edit_is_served(served):
    edit(served, CLAIM, TITLE, "title: Troops seen at the front, as edited")
    served.wait_for("claims/", shows("Troops seen at the front, as edited"))
    assert "Reloading browsers" in served.log()


def test_added_and_removed_files_are_served(served):
    added = served.folder / "content/actors/added-for-the-test.yml"
    added.write_text(
        "id: observer-mission\nname: Observer Mission Zeta\nkind: organization\n", encoding="utf-8"
    )
    served.wait_for("actors/", shows("Observer Mission Zeta"))
    added.unlink()
    served.wait_for("actors/", lambda html: html is not None and "Observer Mission Zeta" not in html)


def test_a_mistake_is_shown_while_the_server_stays_up_until_it_is_fixed(served):
    edit(served, CLAIM, TITLE, "titel: <b>Bold</b> troops")
    html = served.wait_for("claims/", shows("The briefing has"))
    assert "<b>Bold</b>" not in html
    problem = f"{CLAIM}:2:1: claim 'nk-troops-in-combat': unknown key 'titel'; did you mean 'title'?"
    assert problem in served.log()
    assert f"<code>{CLAIM}:2:1</code>" in html
    assert "unknown key 'titel'; did you mean 'title'?" in unescape(html)
    assert f"{CLAIM}:1:1: claim 'nk-troops-in-combat': missing required key 'title'" in served.log()
    for page in ("", "actors/", "sources/"):  # wherever the author is, the page lists the problems
        assert "The briefing has 2 problems" in (served.fetch(page) or "")

    edit(served, CLAIM, "titel: <b>Bold</b> troops", "title: [unclosed")
    html = served.wait_for("claims/", shows("is never closed"))
    assert re.search(rf"{re.escape(CLAIM)}:\d+:\d+: this '\[' is never closed", served.log())

    edit(served, CLAIM, "title: [unclosed", TITLE)
    html = served.wait_for("claims/", lambda html: html is not None and "The briefing has" not in html)
    assert "North Korean troops fighting Ukrainian forces" in html
    assert served.process.poll() is None


def test_serving_starts_on_a_broken_briefing_and_recovers(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    briefing_file = content / "briefing.yml"
    good = briefing_file.read_text(encoding="utf-8")
    briefing_file.write_text(good.replace("as_of:", "as_at:", 1), encoding="utf-8")
    served = Served(tmp_path / "project", content=content)
    try:
        html = served.wait_for("", shows("The briefing has"))
        assert "unknown key 'as_at'; did you mean 'as_of'?" in unescape(html)
        assert "content/briefing.yml:" in served.log()
        (served.folder / "content/briefing.yml").write_text(good, encoding="utf-8")
        html = served.wait_for("", lambda html: html is not None and "The briefing has" not in html)
        assert 'href="claims/#nk-troops-in-combat"' in html
    finally:
        served.stop()


def test_a_claim_s_own_page_is_served_as_built_and_follows_edits(served, tmp_path):
    own = "claim/nk-troops-in-combat/"
    assert "<title>North Korean troops fighting" in (served.fetch(own) or "")
    edit(served, CLAIM, TITLE, "title: Troops seen at the front, as edited")  # a rebuild: pages from memory
    served.wait_for("claims/", shows("Troops seen at the front, as edited"))
    built = tmp_path / "built"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(built)],
        cwd=served.folder, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )  # fmt: skip
    assert 'href="../claim/nk-troops-in-combat/"' in (served.fetch("claims/") or "")
    address = f'<meta property="og:url" content="{served.url}{own}">\n'  # the server's address is the site's
    page = (built / own / "index.html").read_text(encoding="utf-8")
    assert "<title>Troops seen at the front, as edited - " in page
    assert (served.fetch(own) or "").replace(address, "") == page
    assert served.fetch(own + "index.html") == served.fetch(own)
    assert served.fetch(own.rstrip("/")) == served.fetch(own)  # sent on to the address with its slash
    assert served.fetch("claim/no-such-claim/") is None
    [site] = [folder for folder in served.temporary.iterdir() if (folder / "claims" / "index.html").is_file()]
    assert not (site / "claim").exists()  # answered from memory, not written at each rebuild
