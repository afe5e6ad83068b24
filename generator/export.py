"""The briefing as data for other programs: JSON, ClaimReviews, an Atom feed and the stance matrix as CSV.

``briefing.json`` holds the whole briefing; each claim's page carries a schema.org ClaimReview of it; the
feed gives the briefing's updates; ``stances.csv`` is the stance matrix for spreadsheets. No MkDocs here:
the plugin writes these beside the pages, and ``briefing export`` prints them.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import json
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any, Protocol

from generator import prose, render_history, render_matrix
from generator import render_text as md
from generator.dates import Date
from generator.dialect import convert
from generator.editions import Edition, History
from generator.fields import specs
from generator.model import CATEGORY_TYPES, Actor, AnyEntity, Briefing, BriefingInfo, Citation, Claim, Source
from generator.render_links import Links
from generator.vocabulary import ActorKind, ClaimStatus, Position

FORMAT = "briefing"
VERSION = 1
"""The version of ``briefing.json``'s layout; it changes only when a key's meaning changes or one goes."""
FILES = {"json": "briefing.json", "csv": "stances.csv", "atom": "feed.xml"}
"""Each export's file in the built site."""

RATINGS = {
    ClaimStatus.UNVERIFIED: "Unverified",
    ClaimStatus.UNVERIFIABLE: "Unverifiable",
    ClaimStatus.CORROBORATED: "Corroborated",
    ClaimStatus.CONFIRMED: "Confirmed",
    ClaimStatus.DISPUTED: "Disputed",
    ClaimStatus.REFUTED: "Refuted",
    ClaimStatus.SUPERSEDED: "Superseded",
}
"""A claim's status as ClaimReview's textual rating."""
_CLAIMANTS = (Position.ASSERTS,)
"""The positions of those who make a claim, rather than back or deny it."""
_ATOM = "http://www.w3.org/2005/Atom"
_NOT_XML = {0xFFFE: "\ufffd", 0xFFFF: "\ufffd"}
"""The characters text may hold that XML cannot (the rest are refused in content): shown as U+FFFD."""
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula."""


def data(value: Any) -> Any:
    """A model value as JSON data: records by their YAML keys (empty ones left out), dates as written."""
    if isinstance(value, Date):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple):
        return [data(item) for item in value]
    if dataclasses.is_dataclass(value):
        return {
            spec.key: data(getattr(value, spec.key))
            for spec in specs(type(value))  # type: ignore[arg-type]
            if getattr(value, spec.key) not in (None, ())
        }
    return value


def briefing_data(briefing: Briefing, history: History | None = None) -> dict[str, Any]:
    """The whole briefing as one JSON document (schema: ``generator/schemas/briefing-export.schema.json``).

    With a history of recorded editions, ``history`` holds them, newest first: each one's number, date, text
    and changes (``generator.history``).
    """
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION, "briefing": data(briefing.info)}
    for folder in CATEGORY_TYPES:
        document[folder] = data(getattr(briefing, folder))
    if history is not None and history.editions:
        document["history"] = history.data()
    return document


def files(briefing: Briefing, site_url: str | None, history: History | None = None) -> dict[str, str]:
    """Every data file written beside the pages, by its path: the briefing, the stance matrix, the feed."""
    return {
        FILES["json"]: briefing_json(briefing, history),
        FILES["csv"]: stance_csv(briefing),
        FILES["atom"]: atom_feed(briefing, site_url, history),
    }


def briefing_json(briefing: Briefing, history: History | None = None) -> str:
    """``briefing.json``, compact (a third smaller, and written four times faster, than indented)."""
    return json.dumps(briefing_data(briefing, history), ensure_ascii=False, separators=(",", ":")) + "\n"


class Known(Protocol):
    """What a ClaimReview reads besides its claim: the briefing's own facts and entities.

    A ``Briefing``, or a page's ``Links``, which records what the page read.
    """

    @property
    def info(self) -> BriefingInfo:
        """The briefing's own facts."""

    def entity(self, id: str) -> AnyEntity:
        """The entity with that id."""


def claim_review(claim: Claim, briefing: Known, url: str | None) -> dict[str, Any]:
    """A schema.org ClaimReview of a claim, at ``url``: the claim's absolute address on the site.

    What is claimed, by whom, where it first appeared and where else it appears, and the briefing's verdict
    in words: the claim's status. The review's authors are the briefing's; a briefing that names none
    leaves the author out rather than name anyone who did not write it. Without ``url`` the review lacks
    what Google requires of one: the pages carry none without the site's address.
    """
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": RATINGS[claim.status]}
    if claim.status_note:
        rating["ratingExplanation"] = prose_text(claim.status_note)
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "name": claim.title,
        "claimReviewed": prose_text(claim.statement),
        "itemReviewed": _claim(claim, briefing),
        "reviewRating": rating,
        "datePublished": _iso(briefing.info.as_of),
    }
    if briefing.info.authors:
        review["author"] = [{"@type": "Person", "name": name} for name in briefing.info.authors]
    if url:
        review["url"] = url
    return review


def _claim(claim: Claim, briefing: Known) -> dict[str, Any]:
    """The claim reviewed: who makes it, where it first appeared and each other work it appears in."""
    item: dict[str, Any] = {"@type": "Claim"}
    claimants = [  # each actor that asserts the claim, or did: once, by its first such stance
        next(stance for stance in history if stance.position in _CLAIMANTS)
        for history in claim.stances_over_time
        if any(stance.position in _CLAIMANTS for stance in history)
    ]
    first: dict[str, Any] | None = None
    if claimants:
        item["author"] = [_party(briefing.entity(stance.actor)) for stance in claimants]  # type: ignore[arg-type]
        first = item["firstAppearance"] = _work(claimants[0].sources[0], briefing)
    appearances = {
        work["url"]: work
        for stance in claim.stances
        for work in (_work(citation, briefing) for citation in stance.sources)
        if "url" in work and work != first
    }
    if appearances:
        item["appearance"] = list(appearances.values())
    if claim.first_reported:
        item["datePublished"] = _iso(claim.first_reported)
    return item


def _work(citation: Citation, briefing: Known) -> dict[str, Any]:
    """A cited source as a schema.org CreativeWork: its title, and its address and date where known."""
    source = briefing.entity(citation.source)
    assert isinstance(source, Source)
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source.title}
    if citation.url or source.url:
        work["url"] = citation.url or source.url
    if source.published:
        work["datePublished"] = _iso(source.published)
    return work


def atom_feed(briefing: Briefing, site_url: str | None, history: History | None = None) -> str:
    """An Atom feed of the briefing's updates (its editions), newest first as written.

    Entry ids are stable: derived from the site's address (or the briefing's title) and each update's date and
    place among the updates of that date. Without ``site_url``, links are relative to the feed. The entry of
    a recorded edition lists what the edition changed, and links to it on the Changes page.
    """
    info = briefing.info
    base = site_url.rstrip("/") + "/" if site_url else ""
    feed_id = base or uuid.uuid5(uuid.NAMESPACE_URL, "briefing:" + info.title).urn
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    if info.language:
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", info.language)
    _child(feed, "id", feed_id)
    _child(feed, "title", info.title)
    if info.subtitle:
        _child(feed, "subtitle", info.subtitle)
    newest = max((update.date for update in info.updates), key=lambda date: date.span, default=info.as_of)
    _child(feed, "updated", newest.timestamp)
    author = ET.SubElement(feed, f"{{{_ATOM}}}author")
    _child(author, "name", ", ".join(info.authors) or info.title)
    _link(feed, base or "./", "alternate", "text/html")
    _link(feed, f"{base}{FILES['atom']}", "self", "application/atom+xml")
    seen: Counter[str] = Counter()
    editions = history.of_updates(info.updates) if history else [None] * len(info.updates)
    for update, edition in zip(info.updates, editions, strict=True):
        day = str(update.date)
        seen[day] += 1
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        place = f"{day}-{seen[day]}"
        entry_id = (
            f"{base}#update-{place}"
            if base
            else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, feed_id + place)}"
        )
        _child(entry, "id", entry_id)
        _child(entry, "title", f"Update of {md.date(update.date)}")
        _child(entry, "updated", update.date.timestamp)
        _entry_content(entry, briefing, update.text, edition, base)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry_content(
    entry: ET.Element, briefing: Briefing, text: str, edition: Edition | None, base: str
) -> None:
    """An entry's link and content: the update's text, and for a recorded edition what it changed."""
    html = convert(md.prose(text)).html
    if edition is None:
        _link(entry, f"{base or './'}#briefing_updates", "alternate", "text/html")
    else:
        _link(
            entry, _site_link(f"changes.md#{render_history.anchor(edition)}", base), "alternate", "text/html"
        )
        html += "\n" + _changes_html(briefing, edition, base)
    _child(entry, "content", html).set("type", "html")


def _changes_html(briefing: Briefing, edition: Edition, base: str) -> str:
    """What an edition changed, as HTML for its feed entry, linked to the site's pages."""
    markdown = "\n".join(render_history.edition_changes(Links(briefing), edition))
    return convert(markdown, lambda url: _site_link(url, base)).html


def _site_link(url: str, base: str) -> str:
    """A link of the pages' Markdown (``claims.md#id``) as the built site has it, from the feed."""
    path, _, fragment = url.partition("#")
    if path.endswith(".md"):
        path = "" if path == "index.md" else path.removesuffix(".md") + "/"
    return f"{base or './'}{path}" + (f"#{fragment}" if fragment else "")


def stance_csv(briefing: Briefing) -> str:
    """The stance matrix as CSV: a row per claim, a column per actor that takes a stance.

    Each cell is the actor's current position on the claim (its latest), empty when it takes none. The
    actors' columns are in the site's matrix's order: most stances first, ties in the briefing's order.
    """
    places = {actor.id: place for place, actor in enumerate(briefing.actors)}
    actors = render_matrix.columns(places.__getitem__, briefing.claims)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["claim", "title", "status", *actors])
    for claim in briefing.claims:
        positions = {stance.actor: stance.position.value for stance in claim.current_stances}
        row = [claim.id, _cell(claim.title), claim.status.value]
        writer.writerow(row + [positions.get(actor, "") for actor in actors])
    return out.getvalue()


def prose_text(text: str) -> str:
    """Prose as plain text: its markup dropped, its paragraphs joined by blank lines."""
    return "\n\n".join("".join(_text(inline) for inline in paragraph) for paragraph in prose.parse(text))


def _text(inline: prose.Inline) -> str:
    if isinstance(inline, (prose.Text, prose.Code)):
        return inline.text
    return "".join(_text(child) for child in inline.children)


def _party(actor: Actor) -> dict[str, str]:
    return {"@type": "Person" if actor.kind is ActorKind.PERSON else "Organization", "name": actor.name}


def _iso(date: Date) -> str:
    """A date in ISO 8601 at its own precision (2024, 2024-11, 2024-11-05); "approximately" is lost."""
    return str(date).rstrip("~")


def _cell(text: str) -> str:
    """A cell's text that a spreadsheet shows rather than runs."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _child(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    element.text = text.translate(_NOT_XML)
    return element


def _link(parent: ET.Element, href: str, rel: str, type: str) -> None:
    ET.SubElement(parent, f"{{{_ATOM}}}link", {"href": href, "rel": rel, "type": type})
