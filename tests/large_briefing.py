"""A briefing whose stance matrix is larger than a screen: many actors, each claim with several stances."""

from __future__ import annotations

import random
from pathlib import Path

_OFFICES = ["Ministry of Foreign Affairs", "Defence Ministry", "Border Guard Service", "State News Agency",
            "Office of the President", "Joint Chiefs of Staff", "Regional Governor", "United Nations Mission"]  # fmt: skip
_POSITIONS = ["asserts", "supports", "hints", "neither", "declines", "disputes", "denies"]
_STATUSES = ["unverified", "unverifiable", "corroborated", "confirmed", "disputed", "refuted"]


def many_actors(folder: Path, actors: int = 30, claims: int = 60, stances: int = 8) -> None:
    """Write a briefing larger than a screen: many actors, each claim with stances by several of them."""
    rng = random.Random(7)
    for name in ("actors", "sources", "claims"):
        (folder / name).mkdir(parents=True)
    (folder / "briefing.yml").write_text("title: Many actors\nas_of: 2025-06\nsummary: Many stances.\n")
    (folder / "sources" / "source.yml").write_text("id: src\ntitle: A source\nkind: other\n")
    entries = [
        f"- {{id: actor-{n}, name: {_OFFICES[n % len(_OFFICES)]} of Country {n}, kind: agency}}\n"
        for n in range(1, actors + 1)
    ]
    (folder / "actors" / "actors.yml").write_text("".join(entries))
    for n in range(1, claims + 1):
        written = "".join(
            f"  - {{actor: actor-{actor}, position: {rng.choice(_POSITIONS)}, sources: [src]}}\n"
            for actor in rng.sample(range(1, actors + 1), stances)
        )
        (folder / "claims" / f"claim-{n:02}.yml").write_text(
            f"id: claim-{n}\ntitle: Claim {n} says that something happened at the border crossing\n"
            f"statement: Something happened.\nstatus: {rng.choice(_STATUSES)}\nstances:\n{written}"
        )
