"""A small briefing that uses every construct the pages are written with, and two recorded editions.

Headings at each level with their ids and edit links, badges of every status, linked terms, stances in every
position and over time (dates with times of day and offsets), the stance matrix, notes with quotes, locators
and links, assessments with a rationale of several paragraphs, quantities, evidence, related and superseded
claims, treaties with their signing, ratifications and terms, questions in every status, events over ranges,
around a date and at a time of day, prose with emphasis, strong, code and links, actors in a tree with their
aliases, every source grade, and the history of two editions (the Changes page, the marks of the latest
edition, each claim's history). ``every_construct(folder)`` writes it; the tests check it uses each one.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from generator import load_briefing
from generator.recording import record_edition

BRIEFING = """\
    title: Every construct
    subtitle: A briefing that uses each part of the pages' Markdown
    as_of: 2025-03-05
    authors: [Desk A, "Ana Núñez"]
    summary: |
      The bridge at *Lakeside* was **damaged**; the `river-accord` still holds,
      say [the observers](https://example.org/mission) and [the desk](mailto:desk@example.org).

      A second paragraph, with a literal <b>tag</b>, a | pipe and [^1] as written.
    key_takeaways:
      - text: The bridge was *damaged*, by whom is **disputed**.
        claims: [bridge-damaged, convoy-attacked]
      - text: A takeaway without claims.
    updates:
      - date: 2025-02-20
        text: A note from before editions were recorded.
    """

SOURCES = """\
    - id: wire-report
      title: Bridge at Lakeside damaged overnight
      kind: news-report
      publisher: daily-wire
      contributors: [analyst, A local stringer]
      published: 2025-02-27
      url: https://example.org/wire/bridge
      archive_url: https://archive.example.org/wire/bridge
      reliability: A
      notes: |
        Filed from *Lakeside*, with **photographs**.

        A second paragraph of notes, with `code` and [a link](https://example.org/notes).
    - id: ministry-statement
      title: Interior ministry statement on the convoy
      kind: official-statement
      publisher: interior-ministry
      published: 2025-02-28T09:30+02:00
      reliability: C
    - id: rebel-channel
      title: Posts on the rebels' channel
      kind: social-media
      publisher: The rebels' channel
      reliability: E
    - id: satellite-images
      title: Satellite images of the bridge
      kind: imagery
      published: 2025-02~
      reliability: B
    - id: mission-report
      title: Report of the observer mission
      kind: document
      publisher: observer-mission
      reliability: F
    - id: state-tv
      title: State television bulletin
      kind: state-media
      reliability: D
    - id: intel-summary
      title: An intelligence summary
      kind: intelligence-assessment
    """

ACTORS = """\
    - id: republic
      name: The Republic
      kind: state
      country: Republic
      aliases: [The capital, "The state (formally)"]
      description: |
        A *state* with a **long** river, and [a website](https://example.org/republic).
    - id: republic-government
      name: Government of the Republic
      kind: government
      part_of: republic
    - id: interior-ministry
      name: Interior ministry
      kind: agency
      part_of: republic-government
    - id: rebels
      name: River rebels
      kind: group
      aliases: [The rebels]
    - id: observer-mission
      name: Observer mission
      kind: organization
      country: Elsewhere
    - id: daily-wire
      name: Daily Wire
      kind: media
    - id: analyst
      name: An analyst
      kind: person
    """

INFRASTRUCTURE = """\
    - id: bridge-damaged
      title: The Lakeside bridge was damaged by a blast
      statement: |
        A blast damaged the *Lakeside* bridge.

        Its **second** span fell, say [the observers](https://example.org/mission).
      topic: infrastructure
      status: {status}
      status_note: Imagery and a *named* witness agree.
      quantity: {{value: 40, lower: 30, upper: 55, unit: metres of span, qualifier: about}}
      location: Lakeside
      first_reported: 2025-02-27
      stances:
        - actor: republic-government
          position: asserts
          note: Blamed the rebels, in `a statement`.
          sources:
            - source: wire-report
              quote: The government said the bridge was "deliberately" damaged.
              locator: paragraph 2
              url: https://example.org/wire/bridge#p2
            - state-tv
        - actor: rebels
          position: denies
          date: 2025-02-26T03:24+02:00
          sources:
            - source: rebel-channel
              locator: the first post
        - actor: rebels
          position: neither
          date: 2025-02-28~
          note: Would neither confirm nor deny.
          sources:
            - source: rebel-channel
              locator: 03:10 into the video
        - actor: observer-mission
          position: supports
          sources: [mission-report]{later}
      evidence:
        - kind: satellite-imagery
          description: Images of the fallen *span*.
          released_by: observer-mission
          date: 2025-02-27
          independently_verified: true
          sources: [satellite-images]
        - kind: photo
          independently_verified: false
          sources: [wire-report]
        - kind: video
          sources: [rebel-channel]
      assessment:
        likelihood: {likelihood}
        confidence: moderate
        rationale: |
          The imagery shows the span *down*.

          The **cause** is less clear: see [the report](https://example.org/report).
      related: [convoy-attacked]
    - id: water-cut
      title: Water was cut to the east bank
      statement: The east bank had no water for a day.
      topic: infrastructure
      status: unverifiable
      stances:
        - actor: analyst
          position: neither
          sources: [intel-summary]
    """

LATER_STANCE = """
        - actor: rebels
          position: hints
          date: 2025-03-04T18:00Z
          sources: [rebel-channel]"""

SECURITY = """\
    - id: convoy-attacked
      title: A convoy was attacked on the river road
      statement: A convoy was attacked.
      topic: security
      status: disputed
      quantity: {lower: 10, upper: 20, unit: vehicles}
      stances:
        - actor: interior-ministry
          position: asserts
          sources: [ministry-statement]
        - actor: rebels
          position: disputes
          sources: [rebel-channel]
        - actor: daily-wire
          position: hints
          sources: [wire-report]
        - actor: analyst
          position: declines
          sources: [intel-summary]
      assessment:
        confidence: low
    - id: early-casualty-count
      title: Three people were hurt
      statement: Three people were hurt.
      topic: security
      status: superseded
      superseded_by: casualty-count
      stances:
        - actor: interior-ministry
          position: asserts
          sources: [ministry-statement]
    - id: casualty-count
      title: At least twelve people were hurt
      statement: At least twelve people were hurt.
      topic: security
      status: confirmed
      quantity: {value: 12, qualifier: at-least, unit: people}
      stances:
        - actor: interior-ministry
          position: asserts
          sources: [ministry-statement]
        - actor: observer-mission
          position: supports
          sources: [mission-report]
    """

UNSORTED = """\
    - id: sabotage-plot
      title: A sabotage plot was foiled
      statement: A plot against the dam was foiled.
      status: refuted
      stances:
        - actor: rebels
          position: asserts
          sources: [rebel-channel]
        - actor: republic-government
          position: denies
          sources: [state-tv]
      assessment:
        likelihood: almost-no-chance
        confidence: high
        rationale: Nothing supports it.
    """

FERRY = """\
    id: ferry-halted
    title: The ferry stopped running
    statement: The ferry stopped.
    status: unverified
    stances:
      - actor: daily-wire
        position: asserts
        sources: [wire-report]
    """

CURFEW = """\
    id: curfew-declared
    title: A curfew was declared
    statement: A curfew was declared in *Lakeside*.
    status: unverified
    stances:
      - actor: interior-ministry
        position: asserts
        date: 2025-03-04
        sources: [ministry-statement]
    """

TREATIES = """\
    - id: river-accord
      name: The River Accord
      parties: [republic, rebels]
      status: in-force
      description: An accord on the *river*, with [its text](https://example.org/accord).
      signed:
        date: 2024-06-01
        place: Lakeside
        by: [republic-government, rebels]
        sources: [wire-report]
      ratifications:
        - party: republic
          date: 2024-07~
          note: By a **narrow** vote.
          sources: [state-tv]
        - party: rebels
          sources: [rebel-channel]
      terms:
        - id: accord-ceasefire
          title: A ceasefire on the river
          article: Article 1
          summary: Neither side fires on the *river*.
          quote: The Parties shall cease all fire on the river.
          sources:
            - source: mission-report
              locator: page 4
              quote: The ceasefire holds.
          interpretations:
            - actor: observer-mission
              note: Holds it to cover the banks too.
              sources: [mission-report]
        - id: accord-article-2
          article: Article 2
          summary: The bridge is rebuilt jointly.
          sources: [wire-report]
    - id: mission-mandate
      name: The mission's mandate
      parties: [republic-government, observer-mission]
      status: suspended
      terms:
        - id: mandate-access
          title: Access to the river
          sources: [mission-report]
    """

QUESTIONS = """\
    - id: who-hit-the-bridge
      question: Who damaged the bridge?
      status: open
      opened: 2025-02-27
      why_it_matters: The accord *stands or falls* on it.
      claims: [bridge-damaged]
      indicators:
        - Debris analysis by the **mission**.
        - A claim of responsibility.
      sources: [wire-report]
    - id: how-many-hurt
      question: How many people were hurt?
      status: partly-answered
      claims: [casualty-count]
    - id: was-there-a-plot
      question: Was there a plot against the dam?
      status: answered
      answer: No; see [the mission](https://example.org/mission).
      sources:
        - source: mission-report
          quote: No plot was found.
    """

EVENTS = """\
    - id: bridge-blast
      title: A blast at the bridge
      date: 2025-02-26T03:24+02:00
      location: Lakeside
      description: A *loud* blast, heard across the **river**.
      actors: [rebels, republic-government]
      claims: [bridge-damaged]
      sources:
        - source: wire-report
          quote: Residents heard a blast at 3 a.m.
    - id: talks-week
      title: A week of talks
      date: 2025-02-10
      end_date: 2025-02-14
      sources: [state-tv]
    - id: unrest-began
      title: Unrest began
      date: 2024-11~
      sources: [intel-summary]
    - id: accord-signed
      title: The accord is signed
      date: 2024-06-01
      sources: [wire-report]
    - id: tension
      title: A year of tension
      date: 2023
      end_date: 2024-05
      sources: [intel-summary]
    - id: curfew-night
      title: The first night of curfew
      date: 2025-03-04T21:00Z
      end_date: 2025-03-05T05:00Z
      sources: [ministry-statement]
    """

EDITIONS = (
    ("2025-03-01", "First edition: the bridge, the convoy and the accord."),
    ("2025-03-05", "The bridge is *corroborated*; a curfew; the ferry report withdrawn."),
)
"""The two recorded editions' dates and updates."""


def every_construct(folder: Path) -> Path:
    """Write the briefing into ``folder`` and record its two editions; return the folder."""
    _write(folder, _first_edition())
    record_edition(folder, *EDITIONS[0], load_briefing)
    (folder / "claims/ferry.yml").unlink()
    _write(folder, _second_edition())
    record_edition(folder, *EDITIONS[1], load_briefing)
    return folder


def _first_edition() -> dict[str, str]:
    """Every file as the first edition has it."""
    return {
        "briefing.yml": BRIEFING,
        "sources/sources.yml": SOURCES,
        "actors/actors.yml": ACTORS,
        "claims/infrastructure.yml": INFRASTRUCTURE.format(
            status="unverified", likelihood="roughly-even", later=""
        ),
        "claims/security.yml": SECURITY,
        "claims/unsorted.yml": UNSORTED,
        "claims/ferry.yml": FERRY,
        "treaties/treaties.yml": TREATIES,
        "questions/questions.yml": QUESTIONS,
        "events/events.yml": EVENTS,
    }


def _second_edition() -> dict[str, str]:
    """What the second edition changes: a status, a stance, an assessment, a claim added (one removed)."""
    return {
        "claims/infrastructure.yml": INFRASTRUCTURE.format(
            status="corroborated", likelihood="likely", later=LATER_STANCE
        ),
        "claims/curfew.yml": CURFEW,
    }


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
