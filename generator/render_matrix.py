"""The stance matrix: every claim against every actor that takes a stance on one, with a legend.

Each position has a symbol of its own shape as well as its word and colour, so the matrix reads in
greyscale, in print and to a screen reader alike. Each cell links to the stance it summarises.
"""

from __future__ import annotations

from generator import render_text as md
from generator.render_entities import stance_anchors
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


def matrix(links: Links) -> str:
    """The stance matrix page: a legend, then a table of claims by actors."""
    briefing = links.briefing
    taking = {stance.actor for claim in briefing.claims for stance in claim.stances}
    actors = [actor for actor in briefing.actors if actor.id in taking]
    if not actors:
        return "This briefing has no stances yet."
    lines = ["Each cell gives an actor's public position on a claim, and links to it.", ""]
    lines += [f"- {position_label(position)}: {MEANINGS[position]}" for position in Position]
    lines.append("")
    lines.append("| Claim | " + " | ".join(links.to(actor.id) for actor in actors) + " |")
    lines.append("| --- |" + " --- |" * len(actors))
    for claim in briefing.claims:
        cells: dict[str, list[str]] = {}
        for stance, anchor in zip(claim.stances, stance_anchors(claim), strict=True):
            cells.setdefault(stance.actor, []).append(
                f"[{position_label(stance.position)}](claims.md#{anchor})"
            )
        row = [links.to(claim.id)] + ["<br>".join(cells.get(actor.id, [])) for actor in actors]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines) + "\n\n" + md.plain("Actors who take no stance on any claim are left out.")
