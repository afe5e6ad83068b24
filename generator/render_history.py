"""The briefing's history as Markdown: the Changes page, the latest edition's marks, each claim's history.

The Changes page lists each recorded edition with what it changed; the claims the latest edition added or
changed are marked where they are listed; each claim's status and stances over the editions go with it.
Every change names its entity with a link while the briefing still holds it, and by its id once it is gone.
No MkDocs here: the page is one of ``render.render_pages``'s.
"""

from __future__ import annotations

from generator import render_text as md
from generator.dates import Date, DateError
from generator.dialect import bullet, emphasis, heading, span, strong
from generator.editions import ClaimAt, Edition, History
from generator.history import (
    NOUNS,
    Added,
    AssessmentChanged,
    Change,
    CitationsAdded,
    FieldsChanged,
    Removed,
    StanceChanged,
    StatusChanged,
    judgment,
)
from generator.render_links import Links
from generator.render_terms import POSITION_WORDS, term_badge
from generator.vocabulary import ClaimStatus

PAGE = ("changes.md", "Changes")
"""The Changes page's path and title; it is in the navigation, after the overview, once an edition is
recorded."""


def anchor(edition: Edition) -> str:
    """The anchor of an edition's section on the Changes page (an underscore: no entity id can take it)."""
    return f"edition_{edition.number}"


def edition_title(edition: Edition) -> str:
    """An edition's heading, in words: ``Edition 3, 2 April 2025``."""
    return f"Edition {edition.number}, {when(edition.date)}"


def when(date: str) -> str:
    """A date as written, in words (a date that is none, as written)."""
    try:
        return md.date(Date.parse(date))
    except DateError:
        return md.plain(date)


def changes_page(links: Links, history: History) -> str:
    """The Changes page: each recorded edition, newest first, with its update and what it changed."""
    texts = {
        edition.number: update.text
        for update, edition in zip(links.info.updates, history.of_updates(links.info.updates), strict=True)
        if edition is not None
    }
    lines = ["What changed in each recorded edition of the briefing, the newest first.", ""]
    for edition in reversed(history.editions):
        lines += [heading(2, md.plain(edition_title(edition)), anchor(edition)), ""]
        lines += [md.prose(texts.get(edition.number, edition.text)), ""]
        lines += [*edition_changes(links, edition), ""]
    return "\n".join(lines)


def edition_changes(links: Links, edition: Edition) -> list[str]:
    """What an edition changed, one item a change; the first edition in a sentence counting what it holds."""
    if edition.number == 1:
        sizes = [(count, folder) for folder, count in edition.sizes if count]
        counted = ", ".join(f"{count:,} {_plural(NOUNS[folder], count)}" for count, folder in sizes)
        return [f"The first recorded edition{': ' + counted if counted else ''}."]
    if not edition.changes:
        return ["Nothing changed in the briefing's facts."]
    by_subject: dict[tuple[str, str | None], list[Change]] = {}
    for change in edition.changes:
        by_subject.setdefault((change.category, change.id), []).append(change)
    return [bullet(changes_item(links, changes)) for changes in by_subject.values()]


def _plural(noun: str, count: int) -> str:
    if count == 1:
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


def changes_item(links: Links, changes: list[Change]) -> str:
    """An entity's changes in an edition, in words (Markdown); the entity linked while the briefing has it."""
    first = changes[0]
    subject = _subject(links, first)
    if isinstance(first, Added):
        return f"New {first.category}: {subject}."
    if isinstance(first, Removed):
        return f"{md.capitalised(first.category)} removed: {subject}."
    what = "; ".join(_what(links, change) for change in changes)
    if first.id is None:
        return f"The briefing: {what}."
    return f"{md.capitalised(first.category)} {subject}: {what}."


def _what(links: Links, change: Change) -> str:
    if isinstance(change, StatusChanged):
        return f"status {_status(change.old)} → {_status(change.new)}"
    if isinstance(change, StanceChanged):
        actor = _entity(links, "actor", change.actor, None)
        since = f" ({when(change.date)})" if change.date else ""
        if change.old is None:
            return f"new stance of {actor}: {_position(change.new)}{since}"
        if change.new is None:
            return f"stance of {actor} dropped (it {_position(change.old)})"
        return f"{actor} {_position(change.old)} → {_position(change.new)}{since}"
    if isinstance(change, AssessmentChanged):
        old, new = judgment(change.old), judgment(change.new)
        if old == new:
            return "the rationale of our assessment changed"
        return f"our assessment {md.plain(old.replace('-', ' '))} → {md.plain(new.replace('-', ' '))}"
    if isinstance(change, CitationsAdded):
        sources = dict.fromkeys(str(citation.get("source")) for citation in change.citations)
        cited = ", ".join(_entity(links, "source", source, None) for source in sources)
        return f"newly cited {cited}"
    assert isinstance(change, FieldsChanged)
    return "changed " + ", ".join(md.plain(field.replace("_", " ")) for field in change.fields)


def _subject(links: Links, change: Change) -> str:
    if change.id is None:
        return ""
    known = change.name if isinstance(change, (Added, Removed)) else None
    return _entity(links, change.category, change.id, known)


def _entity(links: Links, category: str, id: str, known: str | None) -> str:
    """An entity's link while the briefing holds it; else its name (if known) and id, as text."""
    entity = links.find(id)
    if entity is not None and entity.CATEGORY.value == category:  # an id may be reused for another kind
        return links.to(id)
    label = f"“{md.plain(known)}” " if known else ""
    return f"{label}({md.code(id)})" if label else md.code(id)


def _status(status: str | None) -> str:
    return strong(md.plain(status)) if status else emphasis("none")


def _position(position: str | None) -> str:
    words = {member.value: words for member, words in POSITION_WORDS.items()}
    return strong(words.get(position or "", md.plain(position or "none")))


def changed_mark(links: Links, history: History, claim: str) -> str:
    """The mark of a claim the latest edition added or changed (Markdown, after its link), or nothing.

    ``new in edition 3`` or ``changed in edition 3``, linked to the edition on the Changes page.
    """
    kind = history.changed_claims.get(claim)
    latest = history.latest
    if kind is None or latest is None:
        return ""
    link = md.link(f"{kind} in edition {latest.number}", f"{links.page_url(PAGE[0])}#{anchor(latest)}")
    return " " + span("briefing-latest-edition", link)


def claim_history(links: Links, history: History, claim: str) -> str:
    """A claim's history over the recorded editions (Markdown, for the claim's section); nothing if none.

    Newest first: its status and each actor's current stance in each edition that added, changed or removed
    it, each edition linked to its section of the Changes page.
    """
    found = history.claims.get(claim, ())
    if not found:
        return ""
    changes = links.page_url(PAGE[0])
    lines = [strong("History"), ""]
    for state in reversed(found):
        edition = state.edition
        title = md.link(md.plain(edition_title(edition)), f"{changes}#{anchor(edition)}")
        lines.append(bullet(f"{title}: {_claim_state(links, state)}."))
    return "\n".join(lines)


def _claim_state(links: Links, state: ClaimAt) -> str:
    if state.status is None:
        return "removed"
    stances = []
    for stance in state.stances:
        actor = _entity(links, "actor", str(stance.get("actor")), None)
        date = stance.get("date")
        stances.append(f"{actor} {_position(stance.get('position'))}" + (f" ({when(date)})" if date else ""))
    status = term_badge(links, ClaimStatus(state.status))
    return status + (f"; {', '.join(stances)}" if stances else "")
