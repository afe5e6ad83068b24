"""The stance matrix's Markdown and stances.csv: the same columns in the same order, the actors with the most
stances first; the claim's status beside it; each cell naming its actor and linking its stance."""

from __future__ import annotations

import csv
import io
import re
import textwrap

import pytest
from generator import export, load_briefing
from generator.render import render_pages
from generator.render_layout import Layout
from generator.render_links import Links
from generator.render_matrix import MAX_COLUMNS
from generator.render_terms import term_badge
from generator.vocabulary import ClaimStatus

from conftest import BRIEFINGS, MINIMAL, ROOT
from large_briefing import many_actors

TIES = {
    **MINIMAL,
    "actors/actors.yml": """\
        - {id: alpha, name: Alpha, kind: state}
        - {id: beta, name: Beta, kind: state}
        - {id: gamma, name: Gamma, kind: state}
        - {id: delta, name: Delta, kind: state}
        """,
    "claims/claim.yml": """\
        - id: first
          title: The first claim
          statement: S.
          status: confirmed
          stances:
            - {actor: delta, position: asserts, sources: [src]}
            - {actor: alpha, position: denies, sources: [src]}
        - id: second
          title: The second claim
          statement: S.
          status: disputed
          stances:
            - {actor: delta, position: hints, sources: [src]}
            - {actor: gamma, position: supports, sources: [src]}
        - id: third
          title: The third claim
          statement: S.
          status: unverified
          stances:
            - {actor: gamma, position: neither, sources: [src]}
        """,
}
"""Delta and gamma take two stances each, alpha one, beta none: delta is named first in the claims and
comes first by its id, but gamma comes first in the briefing's actors."""


def write(folder, files):
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_briefing(folder)


def table(briefing) -> list[list[str]]:
    """The stance matrix's rows as written in the Markdown of the stances page, split into cells."""
    (page,) = [page for page in render_pages(briefing) if page.path == "stances.md"]
    lines = [line for line in page.markdown.splitlines() if line.startswith("|")]
    return [line.removeprefix("| ").removesuffix(" |").split(" | ") for line in lines]


def matrix_columns(briefing) -> list[str]:
    """The ids of the actors the matrix's header gives a column, in order."""
    return [
        re.search(r"actors\.md#([^)]+)\)", cell).group(1) for cell in table(briefing)[0][2:] if "#" in cell
    ]


def csv_columns(briefing) -> list[str]:
    return next(csv.reader(io.StringIO(export.stance_csv(briefing))))[3:]


def test_the_actors_with_the_most_stances_come_first_ties_in_the_briefing_s_order(tmp_path):
    briefing = write(tmp_path, TIES)
    assert matrix_columns(briefing) == ["gamma", "delta", "alpha"]
    assert csv_columns(briefing) == ["gamma", "delta", "alpha"]


def badge(briefing, status: str) -> str:
    """A status's badge as the stances page writes it."""
    return term_badge(Links(briefing, Layout(briefing), "stances.md"), ClaimStatus(status))


def test_the_claim_s_status_is_the_column_after_the_claim(tmp_path):
    briefing = write(tmp_path, TIES)
    rows = table(briefing)
    assert rows[0][:2] == ['<span class="briefing-matrix">Claim</span>', "Status"]
    assert [row[1] for row in rows[2:]] == [
        badge(briefing, "confirmed"),
        badge(briefing, "disputed"),
        badge(briefing, "unverified"),
    ]


def test_each_cell_names_its_actor_links_its_stance_and_gives_the_symbol_and_word(tmp_path):
    briefing = write(tmp_path, TIES)
    first = table(briefing)[2]
    assert first == [
        "[The first claim](claims.md#first)",
        badge(briefing, "confirmed"),
        "",
        '[<span class="briefing-matrix-who">Delta: </span><span class="briefing-position '
        'briefing-position--asserts">■ <span class="briefing-matrix-word">asserts</span></span>]'
        "(claims.md#first--delta)",
        '[<span class="briefing-matrix-who">Alpha: </span><span class="briefing-position '
        'briefing-position--denies">✕ <span class="briefing-matrix-word">denies</span></span>]'
        "(claims.md#first--alpha)",
    ]


def test_the_matrix_is_one_plain_table_of_as_many_cells_a_row_as_it_has_columns():
    rows = table(load_briefing(ROOT / "content"))
    assert len(rows) == 2 + 11  # the header, its rule, a row per claim
    assert {len(row) for row in rows} == {2 + 9}
    assert rows[1] == ["---"] * 11


@pytest.mark.parametrize(
    "content", [ROOT / "content", BRIEFINGS / "other", ROOT / "tests/golden/small/content"]
)
def test_stances_csv_has_the_matrix_s_columns_in_the_same_order(content):
    briefing = load_briefing(content)
    shown, every = matrix_columns(briefing), csv_columns(briefing)
    assert len(shown) == min(len(every), MAX_COLUMNS)  # the others share the matrix's last column
    assert every[: len(shown)] == shown


def test_with_more_actors_than_columns_the_csv_begins_with_the_matrix_s_and_the_others_share_one(tmp_path):
    many_actors(tmp_path, actors=30, claims=20)
    briefing = load_briefing(tmp_path)
    shown, every = matrix_columns(briefing), csv_columns(briefing)
    assert len(shown) == MAX_COLUMNS
    assert every[:MAX_COLUMNS] == shown
    assert table(briefing)[0][-1] == '<span class="briefing-matrix-others">Other actors</span>'
