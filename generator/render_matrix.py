"""The stance matrix: every claim against every actor that takes a stance on one, with a legend.

Each position has a symbol of its own shape as well as its word and colour, so the matrix reads in
greyscale, in print and to a screen reader alike. Each cell links to the stance it summarises, and names its
actor as well as its position: where the matrix is laid out as a block per claim (on a phone), the column
headers are out of sight.

The columns: the claim, its status, then the actors, those with the most stances first; ``stances.csv``
orders its columns the same way (``columns``). The HTML in the cells is spans only, marked by class for the
site's stylesheet, so the Markdown stays one plain table that any engine shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from generator import render_text as md
from generator.dialect import bullet, link, span, table
from generator.model import Claim, Stance
from generator.render_entities import stance_anchor
from generator.render_links import Links, name
from generator.render_terms import term_badge, term_link
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

MATRIX = "briefing-matrix"
"""The class of the span in the matrix's first header cell: the stylesheet finds the table by it."""
ACTOR = "briefing-matrix-actor"
"""The class of the span around an actor's name in its column's header (shown turned on its side)."""
WHO = "briefing-matrix-who"
"""The class of a cell's actor name: read by screen readers, seen only where the headers are not."""
WORD = "briefing-matrix-word"
"""The class of a cell's position word, set small under its symbol."""
OTHERS = "briefing-matrix-others"
"""The class of the span in the header of the column the actors without one of their own share."""


def position_label(position: Position) -> str:
    """A position as the legend shows it: symbol and word, coloured by its class (generator HTML)."""
    return span(
        f"briefing-position briefing-position--{position.value}", f"{SYMBOLS[position]} {position.value}"
    )


def _cell_label(position: Position, actor: str) -> str:
    """A position in an actor's column: its actor's name (escaped), its symbol, its word (generator HTML).

    The name is for those who cannot see the column's header; the word is set under the symbol.
    """
    symbol = f"{SYMBOLS[position]} {span(WORD, position.value)}"
    return span(WHO, f"{actor}: ") + span(f"briefing-position briefing-position--{position.value}", symbol)


MAX_COLUMNS = 12
"""How many actors get a column of their own: those with the most stances. The others' stances share one
column, so that the matrix grows with the claims and their stances, never with claims times actors."""


def columns(place: Callable[[str], int], claims: Iterable[Claim]) -> list[str]:
    """The actors who take a current stance on any of the claims: most stances first, ties in file order.

    ``place`` gives an actor's place among the actors, as written. The matrix gives the first
    ``MAX_COLUMNS`` a column each, and ``stances.csv`` all, in this order.
    """
    counts = Counter(stance.actor for claim in claims for stance in claim.current_stances)
    return sorted(counts, key=lambda id: (-counts[id], place(id)))


def matrix_index(links: Links) -> str:
    """The stance matrix page when claims have a page per topic: each topic's page has its own matrix."""
    lines = ["With this many claims, each topic's page opens with the stance matrix of its claims.", ""]
    for path, topic, count in links.topic_sizes():
        number = f"{count:,} claim{'s' * (count != 1)}"
        lines.append(bullet(f"{link(md.plain(topic), f'{links.page_url(path)}#{TOPIC_MATRIX}')} ({number})"))
    return "\n".join(lines)


TOPIC_MATRIX = "stance_matrix"
"""The anchor of a topic page's stance matrix (an underscore: no entity id can take it)."""


def matrix(links: Links, claims: list[Claim] | None = None) -> str:
    """A legend, then a table of claims (all, unless given some) by the actors who take stances on them."""
    shown = links.claims if claims is None else claims
    ranked = columns(links.place, shown)
    if not ranked:
        return "This briefing has no stances yet."
    actors = ranked[:MAX_COLUMNS]
    others = len(ranked) > len(actors)
    intro = "Each cell gives an actor's public position on a claim, and links to it."
    if any(len(history) > 1 for claim in shown for history in claim.stances_over_time):
        intro += " " + CHANGED_NOTE
    lines = [intro, ""]
    for position in Position:
        term = term_link(links, position, position_label(position), MEANINGS[position])
        lines.append(bullet(f"{term}: {MEANINGS[position]}"))
    lines.append("")
    lines += table(_header(links, actors, others), (_row(claim, actors, others, links) for claim in shown))
    note = "Actors who take no stance on any claim are left out."
    if others:
        shared = (
            f"The {len(actors)} actors with the most stances have a column each; the others share the last."
        )
        note = f"{shared} {note}"
    return "\n".join(lines) + "\n\n" + md.plain(note)


def _header(links: Links, actors: list[str], others: bool) -> list[str]:
    """The table's header cells: claim, status, each actor (linked), then the others if any."""
    names = [span(ACTOR, links.to(id)) for id in actors]
    header = [span(MATRIX, "Claim"), "Status", *names]
    header += [span(OTHERS, "Other actors")] if others else []
    return header


def _row(claim: Claim, actors: list[str], others: bool, links: Links) -> list[str]:
    """A claim's row: its link, its status, its actors' current positions, the others' positions if any."""
    chosen = set(actors)
    cells: dict[str, str] = {}
    rest = []
    for history in claim.stances_over_time:
        current = history[-1]
        url = links.stance_url(claim.id, stance_anchor(claim.id, current, True))
        if current.actor in chosen:
            actor = md.plain(name(links.entity(current.actor)))
            cells[current.actor] = link(_cell_label(current.position, actor), url) + _was(history)
        else:
            label = link(position_label(current.position), url) + _was(history)
            rest.append(f"{links.to(current.actor)} {label}")
    status = term_badge(links, claim.status)
    row = [links.to(claim.id), status] + [cells.get(id, "") for id in actors]
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
    return " " + span("briefing-changed", f"({was})")
