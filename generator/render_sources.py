"""The Sources page: each source, and where it is cited: the claims, treaties, terms, questions and events.

The page lists what cites each source under it, each linked, with what in it cites the source (a stance, an
item of evidence, a ratification...), so that a reader weighing a source sees everything that depends on it.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator import render_text as md
from generator.dialect import bullet, emphasis, strong
from generator.model import Citation, Claim, Event, Source, Treaty
from generator.render_entities import stance_anchor
from generator.render_links import Links, name, sections, term_link

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


class CitedBy:
    """Everything in the briefing that cites each source, as seen from one page."""

    def __init__(self, links: Links) -> None:
        self.links = links
        self.by_source: dict[str, dict[str, dict[str, Parts]]] = {}
        """By source id: by group (``GROUPS``), the id of each entity citing it and the parts that do."""
        briefing = links.briefing
        for claim in briefing.claims:
            self._claim(claim)
        for treaty in briefing.treaties:
            self._treaty(treaty)
        for question in briefing.questions:
            self._note(question.sources, "questions", question.id)
        for event in links.layout.events:
            self._note(event.sources, "events", event.id)

    def _claim(self, claim: Claim) -> None:
        """A claim's stances and evidence; an actor is linked to its latest stance that cites the source."""
        for history in claim.stances_over_time:
            for stance in reversed(history):
                url = self.links.stance_url(claim.id, stance_anchor(claim.id, stance, stance is history[-1]))
                self._note(stance.sources, "claims", claim.id, "stance", stance.actor, url)
        for item in claim.evidence:
            self._note(item.sources, "claims", claim.id, "evidence")

    def _treaty(self, treaty: Treaty) -> None:
        """A treaty's signing and ratifications, then each of its terms with their interpretations."""
        if treaty.signed:
            self._note(treaty.signed.sources, "treaties", treaty.id, "signing")
        for ratification in treaty.ratifications:
            url = self.links.url(ratification.party)
            self._note(ratification.sources, "treaties", treaty.id, "ratification", ratification.party, url)
        for term in treaty.terms:
            self._note(term.sources, "terms", term.id, "term")
            for interpretation in term.interpretations:
                actor = interpretation.actor
                url = self.links.url(actor)
                self._note(interpretation.sources, "terms", term.id, "interpretation", actor, url)

    def _note(
        self,
        citations: Iterable[Citation],
        group: str,
        entity: str,
        part: str = "",
        actor: str = "",
        url: str = "",
    ) -> None:
        """Record that an entity, or a part of it (by an actor, linked to ``url``), cites these sources.

        An actor is recorded once for each part: its first link stays.
        """
        for source in dict.fromkeys(citation.source for citation in citations):
            parts = self.by_source.setdefault(source, {}).setdefault(group, {}).setdefault(entity, {})
            if part:
                actors = parts.setdefault(part, {})
                if actor:
                    actors.setdefault(actor, url)

    def of(self, source: str) -> str:
        """What cites a source (Markdown): a count by kind, then each kind's entities, linked."""
        groups = self.by_source.get(source)
        if not groups:
            return "Nothing in this briefing cites it yet."
        counts = [counted(len(groups[group]), *GROUPS[group]) for group in GROUPS if group in groups]
        lines = [f"Cited by {_joined(counts)}.", ""]
        for group, (_, plural) in GROUPS.items():
            if group in groups:
                lines += [strong(md.capitalised(plural)), ""]
                lines += [bullet(self._entity(id, parts)) for id, parts in groups[group].items()] + [""]
        return "\n".join(lines).rstrip()

    def _entity(self, id: str, parts: Parts) -> str:
        """An entity that cites the source, linked, followed by the parts of it that do."""
        words = []
        for part, actors in parts.items():
            if part == "term" and len(parts) == 1:
                continue  # the term alone cites the source: its link says so
            singular, plural = _PARTS[part]
            links = [f"[{md.plain(name(self.links.briefing.entity(a)))}]({url})" for a, url in actors.items()]
            phrase = plural if len(links) > 1 else singular
            words.append(f"{phrase} {', '.join(links)}" if links else phrase)
        entity = self.links.briefing.entity(id)
        when = f" ({md.date_range(entity.date, entity.end_date)})" if isinstance(entity, Event) else ""
        return self.links.to(id) + when + (f": {'; '.join(words)}" if words else "")


def counted(number: int, singular: str, plural: str) -> str:
    """A number of things in words: "1 claim", "1,204 claims"."""
    return f"{number:,} {singular if number == 1 else plural}"


def _joined(items: list[str]) -> str:
    """Items in words: "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def page(links: Links) -> str:
    """Every source: its kind, publisher, date, reliability and links, and everything that cites it."""
    cited_by = CitedBy(links)
    shown = links.shown(links.briefing.sources)
    return sections(shown, lambda source: _source(source, links, cited_by), "sources")


def _source(source: Source, links: Links, cited_by: CitedBy) -> str:
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
    lines += [cited_by.of(source.id), ""]
    return "\n".join(lines)
