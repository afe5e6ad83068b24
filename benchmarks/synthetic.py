"""A synthetic, valid briefing of any size, one entity a file, in the proportions of a long-running story.

10% actors, 5% sources, 55% claims with three stances each, 5% treaty terms (five to a treaty), 15% open
questions and 10% events. The text is made of plausible words, seeded, so every run writes the same briefing.
The claims fall evenly into the topics of a mix: "many" (44 topics, one for each of the story's words) or
"few" (a realistic handful of 5), which puts about nine times as many claims on each topic's page.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "troops", "border", "ministry", "officials", "report", "satellite", "images", "deployment", "region",
    "forces", "talks", "agreement", "statement", "defence", "agency", "reported", "confirmed", "denied",
    "according", "sources", "movement", "supplies", "artillery", "drones", "ceasefire", "negotiations",
    "envoy", "capital", "province", "villages", "offensive", "withdrawal", "casualties", "equipment",
    "convoy", "airfield", "port", "exercise", "sanctions", "treaty", "partnership", "assistance", "attack",
    "security",
]  # fmt: skip
"""The story's own words: the actors' names, and the many-topic mix's topics."""
POSITIONS = ("asserts", "supports", "hints", "neither", "declines", "disputes", "denies")
STATUSES = ("unverified", "unverifiable", "corroborated", "confirmed", "disputed", "refuted")
TOPICS = {"many": tuple(WORDS), "few": ("deployment", "combat", "casualties", "territory", "diplomacy")}
"""The topic mixes, by name: the topics a claim is given, each as likely as the others."""


_SYLLABLES = [
    "ka", "lo", "mi", "ne", "sa", "tu", "ri", "vo", "de", "ga", "pi", "ru", "ze", "ha", "no", "bi", "ta",
    "le", "mo", "su",
]  # fmt: skip
VOCABULARY = sorted({"".join(random.Random(n).choices(_SYLLABLES, k=2 + n % 3)) for n in range(4000)}) + WORDS
"""About 3,000 made-up words beside the story's own, used with falling frequency, as words in prose are."""
_WEIGHTS = [1 / rank for rank in range(1, len(VOCABULARY) + 1)]


def _words(rng: random.Random, count: int) -> str:
    text = " ".join(rng.choices(VOCABULARY, _WEIGHTS, k=count))
    return text[:1].upper() + text[1:] + "."


def write(folder: Path, size: int, seed: int = 1, topics: str = "many") -> dict[str, int]:
    """Write a briefing of about ``size`` entities into ``folder``, its claims in the ``topics`` mix.

    Return how many of each kind were written.
    """
    rng = random.Random(seed)
    counts = {
        "actors": max(2, size // 10),
        "sources": max(1, size // 20),
        "claims": max(1, size * 55 // 100),
        "terms": max(5, size // 20),
        "questions": max(1, size * 15 // 100),
        "events": max(1, size // 10),
    }
    for name in ("sources", "actors", "claims", "treaties", "questions", "events"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    (folder / "briefing.yml").write_text(
        f"title: A synthetic briefing of {size} entities\nas_of: 2025-06~\nsummary: {_words(rng, 60)}\n"
        "key_takeaways:\n  - text: The first claim matters most.\n    claims: [claim-1]\n",
        encoding="utf-8",
    )
    for i in range(1, counts["sources"] + 1):
        _file(folder / "sources" / f"source-{i}.yml", [
            f"id: source-{i}", f"title: {_words(rng, 8)}", "kind: news-report",
            f"published: 2025-0{rng.randint(1, 6)}", f"url: https://news.example/{i}",
            f"reliability: {rng.choice('ABCDEF')}", f"notes: {_words(rng, 20)}",
        ])  # fmt: skip
    for i in range(1, counts["actors"] + 1):
        part_of = f"\npart_of: actor-{rng.randint(1, i - 1)}" if i > 10 else ""
        _file(folder / "actors" / f"actor-{i}.yml", [
            f"id: actor-{i}", f"name: Actor {i} {rng.choice(WORDS).title()}", "kind: agency" + part_of,
            f"aliases: [Alias {i}]", f"description: {_words(rng, 30)}",
        ])  # fmt: skip
    for i in range(1, counts["claims"] + 1):
        stances = []
        for actor in rng.sample(range(1, counts["actors"] + 1), 3):
            stances += [
                f"  - actor: actor-{actor}", f"    position: {rng.choice(POSITIONS)}",
                f"    note: {_words(rng, 12)}",
                "    sources:", f"      - source: source-{rng.randint(1, counts['sources'])}",
                f"        quote: {_words(rng, 10)}", f"        locator: paragraph {rng.randint(1, 9)}",
            ]  # fmt: skip
        _file(folder / "claims" / f"claim-{i}.yml", [
            f"id: claim-{i}", f"title: {_words(rng, 9)}", f"statement: {_words(rng, 35)}",
            f"topic: {rng.choice(TOPICS[topics])}", f"status: {rng.choice(STATUSES)}",
            f"status_note: {_words(rng, 25)}",
            f"quantity: {{value: {rng.randint(10, 20000)}, unit: soldiers, qualifier: about}}",
            "stances:", *stances,
        ])  # fmt: skip
    for t in range(1, counts["terms"] // 5 + 1):
        terms = []
        for k in range(1, 6):
            terms += [
                f"  - id: term-{t}-{k}", f"    title: {_words(rng, 5)}", f"    article: Article {k}",
                f"    summary: {_words(rng, 30)}",
                f"    sources: [source-{rng.randint(1, counts['sources'])}]",
            ]  # fmt: skip
        _file(folder / "treaties" / f"treaty-{t}.yml", [
            f"id: treaty-{t}", f"name: Treaty {t}", "parties: [actor-1, actor-2]", "status: signed",
            "terms:", *terms,
        ])  # fmt: skip
    for i in range(1, counts["questions"] + 1):
        _file(folder / "questions" / f"question-{i}.yml", [
            f"id: question-{i}", f"question: {_words(rng, 10)[:-1]}?", "status: open",
            f"why_it_matters: {_words(rng, 25)}", f"claims: [claim-{rng.randint(1, counts['claims'])}]",
            "indicators:", f"  - {_words(rng, 10)}", f"  - {_words(rng, 10)}",
        ])  # fmt: skip
    for i in range(1, counts["events"] + 1):
        _file(folder / "events" / f"event-{i}.yml", [
            f"id: event-{i}", f"title: {_words(rng, 8)}",
            f"date: 2025-0{rng.randint(1, 6)}-{rng.randint(10, 28)}",
            f"description: {_words(rng, 25)}", f"actors: [actor-{rng.randint(1, counts['actors'])}]",
            f"sources: [source-{rng.randint(1, counts['sources'])}]",
        ])  # fmt: skip
    return counts


def _file(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
