"""While the briefing is served, a page is written again only when what it shows changed, and never stale.

Each briefing is edited step by step as an author saves it, and read through one file cache as the server
reads it. At each step, the pages rendered with those the step before wrote must equal the pages rendered
afresh; and an edit of one entity must write again only some of them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from generator import render_layout, render_reads
from generator.editions import History, with_history
from generator.errors import Location
from generator.load import FileCache
from generator.model import Actor
from generator.render import Page, render_pages
from generator.render_reads import Written, same
from generator.validate import load_briefing
from generator.vocabulary import ActorKind

from conftest import BRIEFINGS, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import synthetic

Step = Callable[[Path], None]
"""An edit of the content folder."""


def _edit(at: Location) -> tuple[str, str]:
    return f"https://example.org/edit/{at.path}", at.path


def sub(path: str, pattern: str, replacement: str) -> Step:
    """Replace the first match of a pattern in a content file."""

    def step(content: Path) -> None:
        file = content / path
        text, count = re.subn(pattern, replacement, file.read_text(encoding="utf-8"), count=1, flags=re.M)
        assert count == 1, (path, pattern)
        file.write_text(text, encoding="utf-8")

    return step


def write(path: str, text: str) -> Step:
    """Write a content file whole."""
    return lambda content: (content / path).write_text(text, encoding="utf-8")


def remove(path: str) -> Step:
    return lambda content: (content / path).unlink()


def both(first: Step, then: Step) -> Step:
    """Two edits, saved together."""
    return lambda content: (first(content), then(content))[-1]


def nothing(content: Path) -> None:
    """Save nothing."""


class Served:
    """A briefing rendered as the server renders it: one file cache, and the pages written the last time."""

    def __init__(self, content: Path, site_url: str | None) -> None:
        self.content, self.site_url = content, site_url
        self.cache = FileCache()
        self.written: Written[Page] = Written()

    def render(self) -> list[Page]:
        with self.cache.one_pass():
            briefing, history = with_history(self.content, lambda folder: load_briefing(folder, self.cache))
        return render_pages(briefing, _edit, history, site_url=self.site_url, written=self.written)

    def afresh(self) -> list[Page]:
        briefing, history = with_history(self.content, load_briefing)
        return render_pages(briefing, _edit, history, site_url=self.site_url)


def follow(content: Path, steps: dict[str, Step], site_url: str | None = None) -> dict[str, list[str]]:
    """Make each step, checking the pages against fresh ones; the pages each step wrote again, by step.

    Under ``every page``, the paths of the pages after the last step.
    """
    served = Served(content, site_url)
    assert served.render() == served.afresh()
    assert served.written.rewritten, "the first render writes every page"
    rewritten = {}
    for name, step in steps.items():
        step(content)
        pages = served.render()
        assert pages == served.afresh(), name
        rewritten[name] = served.written.rewritten
    rewritten["every page"] = [page.path for page in pages]
    return rewritten


def test_the_kursk_briefing_edited_step_by_step(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    new_claim = (
        "id: new-claim\ntitle: A new claim\nstatement: Something new.\nstatus: unverified\nstances:\n"
        "  - actor: north-korean-government\n    position: denies\n    sources: [kursk-report]\n"
    )
    rewritten = follow(
        content,
        {
            "nothing saved": nothing,
            "a line above a file's claims": sub("claims/1-deployment.yml", r"\A", "# moved down a line\n"),
            "a claim's title": sub("claims/1-deployment.yml", r"^  title: .*$", "  title: A title edited"),
            "a stance's position": sub("claims/2-combat.yml", r"position: \w+", "position: disputes"),
            "an actor's name": sub("actors/russia.yml", r"^  name: .*$", "  name: Renamed"),
            "a source's title": sub("sources/kursk-report.yml", r"^title: .*$", "title: Renamed"),
            "an event's date": sub("events/timeline.yml", r"date: [0-9~-]+", "date: 2024-10-01"),
            "the as-of date": sub("briefing.yml", r"^as_of: .*$", "as_of: 2024-12-01"),
            "a claim added": write("claims/5-new.yml", new_claim),
            "the claim removed": remove("claims/5-new.yml"),
        },
    )
    assert rewritten["nothing saved"] == []
    assert rewritten["an event's date"] == ["timeline.md", "sources.md"]
    assert {"index.md", "questions.md", "timeline.md"}.isdisjoint(rewritten["an actor's name"])


def test_a_briefing_spread_over_many_pages_edited_step_by_step(tmp_path, monkeypatch):
    monkeypatch.setattr(render_layout, "CLAIMS_PER_PAGE", 20)
    for page, most in {
        "claims": 8,
        "claims.md": 40,
        "actors.md": 10,
        "sources.md": 5,
        "timeline.md": 10,
    }.items():
        monkeypatch.setitem(render_layout.PER_PAGE, page, most)
    content = tmp_path / "content"
    synthetic.write(content, 300)
    actor = "id: actor-99\nname: A new actor\nkind: agency\n"
    stance = "stances:\n  - actor: actor-99\n    position: asserts\n    sources: [source-1]\n"
    rewritten = follow(
        content,
        {
            "nothing saved": nothing,
            "a claim's title": sub("claims/claim-1.yml", r"^title: .*$", "title: A title edited"),
            "a claim's topic": sub("claims/claim-2.yml", r"^topic: .*$", "topic: a topic of its own"),
            "a claim superseded": sub(
                "claims/claim-3.yml", r"^status: .*$", "status: superseded\nsuperseded_by: claim-4"
            ),
            "a stance's position": sub("claims/claim-5.yml", r"position: \w+", "position: denies"),
            "a claim's status": sub("claims/claim-6.yml", r"^status: .*$", "status: refuted"),
            "an actor's name": sub("actors/actor-3.yml", r"^name: .*$", "name: Renamed"),
            "an actor made part of another": sub("actors/actor-30.yml", r"^part_of: .*$", "part_of: actor-2"),
            "a source's title": sub("sources/source-2.yml", r"^title: .*$", "title: Renamed"),
            "an event's date": sub("events/event-1.yml", r"^date: .*$", "date: 2025-01-01"),
            "an actor added": write("actors/actor-99.yml", actor),
            "a stance by that actor": sub("claims/claim-7.yml", r"^stances:\n", stance),
            "that actor and its stance removed": both(
                sub("claims/claim-7.yml", re.escape(stance), "stances:\n"), remove("actors/actor-99.yml")
            ),
            "an actor added first": write(
                "actors/actor-0.yml", "id: actor-0\nname: The first\nkind: agency\n"
            ),
            "an event removed": remove("events/event-30.yml"),
            "a term's title": sub("treaties/treaty-1.yml", r"title: .*$", "title: A term renamed"),
        },
    )
    assert rewritten["nothing saved"] == []
    titled = rewritten["a claim's title"]  # claim-1's topic page, and where it is listed or linked
    assert {"claims.md", "stances.md", "treaties.md", "timeline.md", "data/index.md"}.isdisjoint(titled)
    topics = {
        path for path in rewritten["every page"] if path.startswith("claims/") and "by-status" not in path
    }
    assert len(topics.intersection(titled)) == 1
    renamed = topics.intersection(rewritten["an actor's name"])  # those showing the actor's stances
    assert renamed and len(renamed) < len(topics) / 2


def test_a_briefing_with_editions_and_its_sites_address(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(BRIEFINGS / "harbor", content)
    rewritten = follow(
        content,
        {
            "nothing saved": nothing,
            "a claim's title": sub("claims/leak.yml", r"^title: .*$", "title: A title edited"),
            "a source's title": sub("sources/sources.yml", r"^  title: .*$", "  title: Renamed"),
            "the latest edition's record removed": remove("editions/2025-03-10.json"),
        },
        site_url="https://example.org/b/",
    )
    assert rewritten["nothing saved"] == []


def test_an_entity_is_the_same_only_at_the_same_place():
    actor = Actor(id="a", name="A", kind=ActorKind.AGENCY, origin=Location("a.yml", 1, 1))
    moved = dataclasses.replace(actor, origin=Location("a.yml", 2, 1))
    assert actor == moved  # equal, as the model compares entities: but its edit link shows another line
    assert not same(actor, moved)
    assert same(actor, dataclasses.replace(actor))
    assert not same(actor, dataclasses.replace(actor, name="B"))
    assert same((actor, [actor], {"a": actor}), (actor, [actor], {"a": actor}))
    assert not same([actor], [moved])
    assert not same({"a": actor}, {"a": moved})
    assert not same([actor], [actor, actor])


def test_records_functions_and_plain_values_are_the_same_when_their_parts_are():
    assert same(History(), History())
    assert same(functools.partial(sorted, key=len), functools.partial(sorted, key=len))
    assert not same(functools.partial(sorted, key=len), functools.partial(sorted, key=str))
    assert not same(functools.partial(sorted, key=len), functools.partial(min, key=len))
    assert same(Path("a") / "b", Path("a/b"))
    assert not same(1, 1.5)
    assert not same(1, "1")
    assert not same(lambda: 1, lambda: 1)  # a function only as itself


def test_a_read_of_what_is_gone_tells_a_change_rather_than_fail():
    briefing = load_briefing(ROOT / "content")
    layout = render_layout.Layout(briefing)
    actor = next(actor.id for actor in briefing.actors if layout.referrers.stances.get(actor.id))
    claim, page = briefing.claims[0].id, "claims.md"
    reads: dict[tuple[Callable[..., object], tuple[str, ...]], object] = {
        (render_reads.place, (actor,)): layout.referrers.places[actor],
        (render_reads.found, (claim,)): briefing.claims[0],
        (render_reads.page_of, (claim,)): page,
        (render_reads.stances, (actor,)): layout.referrers.stances[actor],
    }
    assert render_reads.unchanged(reads, briefing, layout)
    for (read, arguments), value in reads.items():
        gone = {(read, tuple(f"{argument}-gone" for argument in arguments)): value}
        assert not render_reads.unchanged(gone, briefing, layout), read.__name__
