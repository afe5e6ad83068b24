"""The stance matrix: every claim against every actor that takes a stance on one, with a legend.

Each position has a symbol of its own shape as well as its word and colour, so the matrix reads in
greyscale, in print and to a screen reader alike. Each cell links to the stance it summarises.
"""

from __future__ import annotations

from collections import Counter

from generator import render_text as md
from generator.model import Claim, Stance
from generator.render_entities import stance_anchor
from generator.render_links import Links
from generator.vocabulary import Position

SYMBOLS = {
    Position.ASSERTS: "■",
    Position.SUPPORTS: "▲",
    Position.HINTS: "△",
    Position.NEITHER: "○",
    Position.DECLINES: "◇",
    Position.DISPUTES: "▽",
    Position.DENIES: "✕",
}
"""A distinct shape for each position."""

MEANINGS = {
    Position.ASSERTS: "makes the claim",
    Position.SUPPORTS: "backs it",
    Position.HINTS: "suggests it without confirming it",
    Position.NEITHER: "neither confirms nor denies it",
    Position.DECLINES: "declines to confirm a part of it",
    Position.DISPUTES: "contests it or a detail of it",
    Position.DENIES: "denies it",
}
"""What each position means, in the content format's words."""


def position_label(position: Position) -> str:
    """A position as the matrix shows it: symbol and word, coloured by its class (generator HTML)."""
    return (
        f'<span class="briefing-position briefing-position--{position.value}">'
        f"{SYMBOLS[position]} {position.value}</span>"
    )


MAX_COLUMNS = 12
"""How many actors get a column of their own: those with the most stances. The others' stances share one
column, so that the matrix grows with the claims and their stances, never with claims times actors."""


def matrix_index(links: Links) -> str:
    """The stance matrix page when claims have a page per topic: each topic's page has its own matrix."""
    lines = ["With this many claims, each topic's page opens with the stance matrix of its claims.", ""]
    for path, (topic, claims) in links.layout.topics.items():
        number = f"{len(claims):,} claim{'s' * (len(claims) != 1)}"
        lines.append(f"- [{md.plain(topic)}]({links.page_url(path)}#{TOPIC_MATRIX}) ({number})")
    return "\n".join(lines)


TOPIC_MATRIX = "stance_matrix"
"""The anchor of a topic page's stance matrix (an underscore: no entity id can take it)."""


def matrix(links: Links, claims: list[Claim] | None = None) -> str:
    """A legend, then a table of claims (all, unless given some) by the actors who take stances on them."""
    briefing = links.briefing
    shown = briefing.claims if claims is None else claims
    stance_counts = Counter(stance.actor for claim in shown for stance in claim.current_stances)
    if not stance_counts:
        return "This briefing has no stances yet."
    ranked = sorted(
        stance_counts, key=lambda id: -stance_counts[id]
    )  # stable: ties keep the briefing's order
    chosen = set(ranked[:MAX_COLUMNS])
    actors = [actor.id for actor in briefing.actors if actor.id in chosen]
    others = len(stance_counts) > len(actors)
    intro = "Each cell gives an actor's public position on a claim, and links to it."
    if any(len(history) > 1 for claim in shown for history in claim.stances_over_time):
        intro += " " + CHANGED_NOTE
    lines = [intro, ""]
    lines += [f"- {position_label(position)}: {MEANINGS[position]}" for position in Position] + [""]
    header = ["Claim", *(links.to(id) for id in actors)] + (["Other actors"] if others else [])
    lines += ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for claim in shown:
        lines.append("| " + " | ".join(_row(claim, actors, chosen, others, links)) + " |")
    note = "Actors who take no stance on any claim are left out."
    if others:
        shared = (
            f"The {len(actors)} actors with the most stances have a column each; the others share the last."
        )
        note = f"{shared} {note}"
    return "\n".join(lines) + "\n\n" + md.plain(note)


def _row(claim: Claim, actors: list[str], chosen: set[str], others: bool, links: Links) -> list[str]:
    cells: dict[str, str] = {}
    rest = []
    for history in claim.stances_over_time:
        current = history[-1]
        anchor = stance_anchor(claim.id, current, True)
        label = f"[{position_label(current.position)}]({links.stance_url(claim.id, anchor)})"
        label += _was(history)
        if current.actor in chosen:
            cells[current.actor] = label
        else:
            rest.append(f"{links.to(current.actor)} {label}")
    row = [links.to(claim.id)] + [cells.get(id, "") for id in actors]
    return [*row, "<br>".join(rest)] if others else row


CHANGED_NOTE = "A position that changed says what it was before; its link leads to the actor's stances."
"""What the matrix says of changed positions, when it shows any."""


def _was(history: tuple[Stance, ...]) -> str:
    """After an actor's current position, the one before it if it had one: (was ○ neither, November 2024)."""
    if len(history) == 1:
        return ""
    before = history[-2]
    when = f", {md.date(before.date)}" if before.date else ""
    was = f"was {SYMBOLS[before.position]} {before.position.value}{when}"
    return f' <span class="briefing-changed">({was})</span>'
