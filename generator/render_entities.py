"""The pages of claims, actors, treaties and open questions."""

from __future__ import annotations

from generator import render_history
from generator import render_text as md
from generator.dates import Date
from generator.dialect import anchored, bullet, emphasis, heading, quote, span, strong
from generator.editions import History
from generator.model import Actor, Assessment, Claim, Evidence, Quantity, Question, Stance, Term, Treaty
from generator.render_links import Links, sections, sourced
from generator.render_terms import POSITION_WORDS, term_badge, term_link, term_words
from generator.vocabulary import ClaimStatus, Position, Qualifier

_QUALIFIER_WORDS = {
    Qualifier.EXACTLY: "exactly",
    Qualifier.ABOUT: "about",
    Qualifier.MORE_THAN: "more than",
    Qualifier.LESS_THAN: "less than",
    Qualifier.UP_TO: "up to",
    Qualifier.AT_LEAST: "at least",
}


def claims(links: Links, claims: list[Claim] | None = None, editions: History | None = None) -> str:
    """Claims (all, unless given some): status, quantity, stances, evidence, assessment, related claims.

    With the recorded ``editions``, each claim the latest edition changed is marked, and each claim ends with
    its history over the editions.
    """
    if not links.has("claims"):
        return "This briefing has no claims yet."
    shown = links.claims if claims is None else claims
    return "\n".join(_claim(claim, links.supersedes(claim.id), links, editions) for claim in shown)


def _claim(claim: Claim, supersedes: list[str], links: Links, editions: History | None = None) -> str:
    facts = [term_badge(links, claim.status)]
    if claim.topic:
        facts.append(f"topic: {md.plain(claim.topic)}")
    if claim.location:
        facts.append(md.plain(claim.location))
    if claim.first_reported:
        facts.append(f"first reported {md.date(claim.first_reported)}")
    lines = [
        links.heading(2, md.plain(claim.title), claim),
        "",
        " · ".join(facts) + (render_history.changed_mark(links, editions, claim.id) if editions else ""),
        "",
        md.prose(claim.statement),
        "",
    ]
    if claim.quantity:
        lines += [f"{strong('Quantity:')} {quantity(claim.quantity)}", ""]
    if claim.status_note:
        lines += [f"{strong(f'Why {claim.status.value}:')} {md.prose(claim.status_note)}", ""]
    lines += [strong("Stances"), ""]
    lines += [_stances(claim.id, history, links) for history in claim.stances_over_time]
    lines.append("")
    if claim.evidence:
        lines += [strong("Evidence"), ""] + [_evidence(item, links) for item in claim.evidence] + [""]
    if claim.assessment:
        lines += [_assessment(claim.assessment, links), ""]
    if claim.related:
        lines += [f"{strong('Related claims:')} {links.all(claim.related)}", ""]
    if claim.superseded_by:
        lines += [f"{strong('Superseded by:')} {links.to(claim.superseded_by)}", ""]
    if supersedes:
        lines += [f"{strong('Supersedes:')} {links.all(supersedes)}", ""]
    told = render_history.claim_history(links, editions, claim.id) if editions else ""
    if told:
        lines += [told, ""]
    lines += [links.share(claim), ""]
    return "\n".join(lines)


ASSESSMENT_LABEL = "The briefing's assessment:"
"""What heads a claim's assessment: the briefing's own judgment, not reported material."""


def _assessment(assessment: Assessment, links: Links) -> str:
    """The briefing's judgment, set apart from what is reported and headed as its own.

    As in "The briefing's assessment: likely (moderate confidence).", each term linked to its definition,
    then the rationale. Each paragraph carries the class that sets the assessment apart on the page.
    """
    likelihood, confidence = assessment.likelihood, assessment.confidence
    words = []
    if likelihood:
        words.append(term_link(links, likelihood, md.plain(term_words(likelihood)), likelihood.definition))
    if confidence:
        label = md.plain(f"{term_words(confidence)} confidence")
        linked = term_link(links, confidence, label, confidence.definition)
        words.append(f"({linked})" if likelihood else f"held with {linked}")
    judgment = " ".join(words) + "." if words else ""
    rationale = md.prose(assessment.rationale).split("\n\n") if assessment.rationale else []
    first = " ".join(filter(None, [judgment, *rationale[:1]]))
    paragraphs = [f"{span('briefing-assessment', md.plain(ASSESSMENT_LABEL))} {first}"]
    more = span("briefing-assessment briefing-assessment--more", "")
    paragraphs += [more + paragraph for paragraph in rationale[1:]]
    return "\n\n".join(paragraphs)


def stance_anchors(claim: Claim) -> list[str]:
    """An anchor for each of a claim's stances, in the order of ``claim.stances``.

    An actor's current stance is at ``claim--actor``; each of its earlier ones adds its date
    (``claim--actor--2024-11``, ``claim--actor--2024-08-19t0324p0800``). The double hyphen keeps them apart
    from entity ids, which have single hyphens only.
    """
    current = {id(stance) for stance in claim.current_stances}
    return [stance_anchor(claim.id, stance, id(stance) in current) for stance in claim.stances]


def stance_anchor(claim: str, stance: Stance, current: bool) -> str:
    """The anchor of a stance on a claim: ``claim--actor`` for the actor's current one."""
    anchor = f"{claim}--{stance.actor}"
    return anchor if current or stance.date is None else f"{anchor}--{_date_anchor(stance.date)}"


def _date_anchor(date: Date) -> str:
    """A date as part of an anchor: ``2024-11``, ``2024-08-19t0324``, ``2024-08-19t0324p0800``.

    As written, with its time as ``t0324`` and its offset as ``z``, ``p0800`` or ``m0500``. "Approximately"
    is left out: no two stances of an actor on a claim have the same date.
    """
    text = str(Date(date.year, date.month, date.day))
    if date.hour is not None:
        text += f"t{date.hour:02d}{date.minute or 0:02d}"
    if date.offset is not None:
        sign = {"Z": "z", "+": "p", "-": "m"}[date.offset[0]]
        text += sign + date.offset[1:].replace(":", "")
    return text


def _stances(claim: str, history: tuple[Stance, ...], links: Links) -> str:
    """An actor's current stance on a claim; under it, when it had others, its positions over time."""
    current = history[-1]
    text = _stance(current, stance_anchor(claim, current, True), links)
    if len(history) == 1:
        return text
    lines = [text, f"    - Position over time: {trajectory(history)}."]
    for stance in history[:-1]:
        when = md.capitalised(md.date(stance.date)) if stance.date else "Undated"
        verb = anchored(strong(POSITION_WORDS[stance.position]), stance_anchor(claim, stance, False))
        note = f" {md.prose_inline(stance.note)}" if stance.note else ""
        lines.append(sourced(f"    - {when}: {verb}.{note}", links, stance.sources))
    return "\n".join(lines)


def trajectory(history: tuple[Stance, ...]) -> str:
    """An actor's positions on a claim in date order.

    As in "neither confirms nor denies (November 2024) → asserts (April 2025)".
    """
    return " → ".join(
        POSITION_WORDS[stance.position] + (f" ({md.date(stance.date)})" if stance.date else "")
        for stance in history
    )


def _stance(stance: Stance, anchor: str, links: Links) -> str:
    text = bullet(f"{links.to(stance.actor)} {anchored(strong(POSITION_WORDS[stance.position]), anchor)}")
    if stance.date:
        text += f" ({md.date(stance.date)})"
    text += "."
    if stance.note:
        text += f" {md.prose_inline(stance.note)}"
    return sourced(text, links, stance.sources)


def _evidence(item: Evidence, links: Links) -> str:
    text = bullet(emphasis(md.capitalised(item.kind.value.replace("-", " "))))
    if item.released_by:
        text += f", released by {links.to(item.released_by)}"
    if item.date:
        text += f", {md.date(item.date)}"
    text += "."
    if item.description:
        text += f" {md.prose_inline(item.description)}"
    verified = {True: "yes", False: "no", None: "not known"}[item.independently_verified]
    return sourced(f"{text} Independently verified: {verified}.", links, item.sources)


def quantity(value: Quantity) -> str:
    """A quantity in words: "more than 10,000 soldiers", "between 9,000 and 12,000"."""
    qualifier = _QUALIFIER_WORDS[value.qualifier] + " " if value.qualifier else ""
    unit = f" {md.plain(value.unit)}" if value.unit else ""
    if value.value is not None:
        words = f"{qualifier}{_number(value.value)}{unit}"
        if value.lower is not None or value.upper is not None:
            words += f" (range: {_bounds(value)})"
        return words
    if value.lower is not None and value.upper is not None:
        return f"{qualifier}between {_number(value.lower)} and {_number(value.upper)}{unit}"
    if value.lower is not None:
        return f"{qualifier or 'at least '}{_number(value.lower)}{unit}"
    return f"{qualifier or 'up to '}{_number(value.upper or 0)}{unit}"


def _bounds(value: Quantity) -> str:
    lower = _number(value.lower) if value.lower is not None else "no lower bound"
    upper = _number(value.upper) if value.upper is not None else "no upper bound"
    return f"{lower} to {upper}"


def _number(number: float) -> str:
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    return f"{number:,}"


def actors(links: Links) -> str:
    """Every actor: kind, affiliation, aliases, and every claim it takes a stance on."""
    if not links.has("actors"):
        return "This briefing has no actors yet."
    sections = [_relations(links)] if links.first_part else []
    sections += [
        _actor(actor, links.members(actor.id), links.stances(actor.id), links)
        for actor in links.shown_of(Actor)
    ]
    return "\n".join(sections)


def _relations(links: Links) -> str:
    """How the actors relate: a tree of what is part of what, then each treaty's parties."""
    lines = [heading(2, "How the actors relate", "actor_relations"), ""]

    def branch(id: str, depth: int) -> None:
        lines.append(f"{'    ' * depth}- {links.to(id)}")
        for member in links.members(id):
            branch(member, depth + 1)

    for actor in links.actors:
        if actor.part_of is None:
            branch(actor.id, 0)
    lines.append("")
    for treaty in links.treaties:
        lines += [f"{links.to(treaty.id)}: between {links.all(treaty.parties)}.", ""]
    return "\n".join(lines)


def _actor(
    actor: Actor, members: list[str], stances: list[tuple[Claim, tuple[Stance, ...]]], links: Links
) -> str:
    facts = [emphasis(md.capitalised(actor.kind.value))]
    if actor.part_of:
        facts.append(f"part of {links.to(actor.part_of)}")
    if actor.country:
        facts.append(md.plain(actor.country))
    lines = [links.heading(2, md.plain(actor.name), actor), "", " · ".join(facts), ""]
    if actor.aliases:
        lines += [f"{strong('Also known as:')} {md.plain(', '.join(actor.aliases))}", ""]
    if actor.description:
        lines += [md.prose(actor.description), ""]
    if members:
        lines += [f"{strong('Includes:')} {links.all(members)}", ""]
    if stances:
        lines += [strong("Stances"), ""]
        lines += [_actor_stance(claim, history, links) for claim, history in stances]
        lines.append("")
    return "\n".join(lines)


def _actor_stance(claim: Claim, history: tuple[Stance, ...], links: Links) -> str:
    """An actor's current position on a claim; when it changed, a link to its stances and their trajectory.

    When the actor asserted or supported a claim that is now refuted or superseded, the item says so.
    """
    current = history[-1]
    text = bullet(f"{strong(POSITION_WORDS[current.position])}: {links.to(claim.id)}")
    if len(history) > 1:
        changed = md.link("changed", links.stance_url(claim.id, stance_anchor(claim.id, current, True)))
        text = f"{text}, {changed}: {trajectory(history)}"
    return text + _overturned(claim, history, links)


_BACKING = (Position.ASSERTS, Position.SUPPORTS)
_OVERTURNED = (ClaimStatus.REFUTED, ClaimStatus.SUPERSEDED)


def _overturned(claim: Claim, history: tuple[Stance, ...], links: Links) -> str:
    """That a claim the actor asserted or supported, then or now, is refuted or superseded; or nothing."""
    if claim.status not in _OVERTURNED or not any(stance.position in _BACKING for stance in history):
        return ""
    by = f" by {links.to(claim.superseded_by)}" if claim.superseded_by else ""
    return f"; the claim is {term_badge(links, claim.status)}{by}"


def treaties(links: Links) -> str:
    """Every treaty with its parties, signing, ratifications and status, and each of its terms."""
    return sections(links.shown_of(Treaty), lambda treaty: _treaty(treaty, links), "treaties")


def _treaty(treaty: Treaty, links: Links) -> str:
    facts = [term_badge(links, treaty.status)] if treaty.status else []
    facts.append(f"parties: {links.all(treaty.parties)}")
    lines = [links.heading(2, md.plain(treaty.name), treaty), "", " · ".join(facts), ""]
    if treaty.description:
        lines += [md.prose(treaty.description), ""]
    if treaty.signed:
        signed = treaty.signed
        details = [md.date(signed.date)] if signed.date else []
        if signed.place:
            details.append(f"in {md.plain(signed.place)}")
        if signed.by:
            details.append(f"by {links.all(signed.by)}")
        lines += [
            sourced(f"{strong('Signed')} {' '.join(details)}.".replace(" .", "."), links, signed.sources),
            "",
        ]
    if treaty.ratifications:
        lines += [strong("Ratifications"), ""]
        for ratification in treaty.ratifications:
            text = bullet(links.to(ratification.party))
            text += f", {md.date(ratification.date)}." if ratification.date else "."
            if ratification.note:
                text += f" {md.prose_inline(ratification.note)}"
            lines.append(sourced(text, links, ratification.sources))
        lines.append("")
    lines += [_term(term, links) for term in treaty.terms]
    return "\n".join(lines)


def _term(term: Term, links: Links) -> str:
    title = term.title or term.article or term.id
    lines = [links.heading(3, md.plain(title), term), ""]
    if term.article and term.title:
        lines += [emphasis(md.plain(term.article)), ""]
    if term.summary:
        lines += [md.prose(term.summary), ""]
    if term.quote:
        lines += [quote(md.plain(term.quote)), ""]
    lines += [f"{emphasis('Sources:')} {links.citations(term.sources)}", ""]
    if term.interpretations:
        lines += [strong("Interpretations"), ""]
        for interpretation in term.interpretations:
            text = bullet(f"{links.to(interpretation.actor)}: {md.prose_inline(interpretation.note)}")
            lines.append(sourced(text, links, interpretation.sources))
        lines.append("")
    return "\n".join(lines)


def questions(links: Links) -> str:
    """Every open question: status, why it matters, the claims it bears on, indicators and any answer."""
    shown = links.shown_of(Question)
    return sections(shown, lambda question: _question(question, links), "open questions")


def _question(question: Question, links: Links) -> str:
    facts = [term_badge(links, question.status)]
    if question.opened:
        facts.append(f"opened {md.date(question.opened)}")
    lines = [links.heading(2, md.plain(question.question), question), "", " · ".join(facts), ""]
    if question.why_it_matters:
        lines += [f"{strong('Why it matters:')} {md.prose(question.why_it_matters)}", ""]
    if question.claims:
        lines += [f"{strong('Bears on:')} {links.all(question.claims)}", ""]
    if question.indicators:
        lines += [strong("What would answer it"), ""]
        lines += [bullet(md.prose_inline(indicator)) for indicator in question.indicators] + [""]
    if question.answer:
        lines += [f"{strong('Answer:')} {md.prose(question.answer)}", ""]
    if question.sources:
        lines += [f"{emphasis('Sources:')} {links.citations(question.sources)}", ""]
    return "\n".join(lines)
