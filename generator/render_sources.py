"""The Sources page: each source, and where it is cited: the claims, treaties, terms, questions and events.

The page lists what cites each source under it, each linked, with what in it cites the source (a stance, an
item of evidence, a ratification...), so that a reader weighing a source sees everything that depends on it.
"""

from __future__ import annotations

from generator import render_text as md
from generator.dialect import bullet, emphasis, strong
from generator.model import Event, Source
from generator.render_entities import stance_anchor
from generator.render_layout import Citing
from generator.render_links import Links, name, sections
from generator.render_terms import term_link

GROUPS = {
    "claims": ("claim", "claims"),
    "treaties": ("treaty", "treaties"),
    "terms": ("treaty term", "treaty terms"),
    "questions": ("open question", "open questions"),
    "events": ("event", "events"),
}
"""The kinds of what cites a source, in the order listed, each named in the singular and the plural."""

_PARTS = {
    "term": ("the term itself", "the term itself"),
    "stance": ("stance of", "stances of"),
    "evidence": ("evidence", "evidence"),
    "signing": ("signing", "signing"),
    "ratification": ("ratification by", "ratifications by"),
    "interpretation": ("interpretation by", "interpretations by"),
}
"""What within a claim or treaty can cite a source, as words before the links to who took part in it."""

Parts = dict[str, dict[str, str]]
"""What within one entity cites a source: each kind of part, with the actors taking part in it (none for
evidence or a signing), each once, with where its link leads."""


def cited_by(links: Links, source: str) -> str:
    """What cites a source (Markdown): a count by kind, then each kind's entities, linked.

    A claim's stances and evidence, a treaty's signing and ratifications, each of its terms with their
    interpretations, questions and events (``render_layout.Referrers``).
    """
    groups = _groups(links, source)
    if not groups:
        return "Nothing in this briefing cites it yet."
    counts = [counted(len(groups[group]), *GROUPS[group]) for group in GROUPS if group in groups]
    lines = [f"Cited by {_joined(counts)}.", ""]
    for group, (_, plural) in GROUPS.items():
        if group in groups:
            lines += [strong(md.capitalised(plural)), ""]
            lines += [bullet(_entity(links, id, parts)) for id, parts in groups[group].items()] + [""]
    return "\n".join(lines).rstrip()


def _groups(links: Links, source: str) -> dict[str, dict[str, Parts]]:
    """By group (``GROUPS``), the id of each entity citing the source and the parts of it that do.

    An actor is linked to its latest stance that cites the source, and once for each part: its first link
    stays.
    """
    groups: dict[str, dict[str, Parts]] = {}
    for citing in links.citing(source):
        parts = groups.setdefault(citing.group, {}).setdefault(citing.id, {})
        if citing.part:
            actors = parts.setdefault(citing.part, {})
            if citing.actor and citing.actor not in actors:
                actors[citing.actor] = _url(links, citing)
    return groups


def _url(links: Links, citing: Citing) -> str:
    """Where an actor's part in what cites a source is: its stance, or the actor."""
    if citing.stance is None:
        return links.url(citing.actor)
    return links.stance_url(citing.id, stance_anchor(citing.id, citing.stance, citing.current))


def _entity(links: Links, id: str, parts: Parts) -> str:
    """An entity that cites the source, linked, followed by the parts of it that do."""
    words = []
    for part, actors in parts.items():
        if part == "term" and len(parts) == 1:
            continue  # the term alone cites the source: its link says so
        singular, plural = _PARTS[part]
        named = [f"[{md.plain(name(links.entity(a)))}]({url})" for a, url in actors.items()]
        phrase = plural if len(named) > 1 else singular
        words.append(f"{phrase} {', '.join(named)}" if named else phrase)
    entity = links.entity(id)
    when = f" ({md.date_range(entity.date, entity.end_date)})" if isinstance(entity, Event) else ""
    return links.to(id) + when + (f": {'; '.join(words)}" if words else "")


def counted(number: int, singular: str, plural: str) -> str:
    """A number of things in words: "1 claim", "1,204 claims"."""
    return f"{number:,} {singular if number == 1 else plural}"


def _joined(items: list[str]) -> str:
    """Items in words: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def page(links: Links) -> str:
    """Every source: its kind, publisher, date, reliability and links, and everything that cites it."""
    return sections(links.shown_of(Source), lambda source: _source(source, links), "sources")


def _source(source: Source, links: Links) -> str:
    facts = [emphasis(md.capitalised(source.kind.value.replace("-", " ")))]
    if source.publisher:
        facts.append(f"published by {links.name_or_link(source.publisher)}")
    if source.contributors:
        facts.append("with " + ", ".join(links.name_or_link(name) for name in source.contributors))
    if source.published:
        facts.append(md.date(source.published))
    lines = [links.heading(2, md.plain(source.title), source), "", ", ".join(facts) + ".", ""]
    if source.reliability:
        grade = source.reliability
        label = md.plain(f"{grade.value}, {grade.words}")
        lines += [f"{strong('Reliability:')} {term_link(links, grade, label, grade.definition)}.", ""]
    web = [
        md.link(label, url)
        for label, url in (("Read it", source.url), ("Archived copy", source.archive_url))
        if url
    ]
    if web:
        lines += [" · ".join(web), ""]
    if source.notes:
        lines += [md.prose(source.notes), ""]
    lines += [cited_by(links, source.id), ""]
    return "\n".join(lines)
