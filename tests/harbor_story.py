"""A fictional developing story told in three editions: a chemical leak in the harbour of Velmar.

Each edition is the content folder as it stood when that edition was recorded. Between them: a claim's status
changes twice, the port operator moves from denying the leak to acknowledging it (a stance over time), a claim
is added and a claim is withdrawn. ``write_edition`` lays an edition's files into a content folder;
``python tests/harbor_story.py DIR`` records all three with ``briefing edition`` into ``DIR``.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

EDITIONS = [
    ("2025-03-03", "First edition: the leak reported, the evacuation of the quay."),
    ("2025-03-05", "The port operator no longer denies the leak; the ministry opens an inspection."),
    (
        "2025-03-10",
        "The laboratory confirms the leak; the operator acknowledges it; the fish-kill report is withdrawn.",
    ),
]
"""Each edition's date and text, oldest first."""

SOURCES = """\
- id: velmar-courier-0303
  title: Chemical smell over Velmar harbour; quay 4 evacuated
  kind: news-report
  publisher: The Velmar Courier
  published: 2025-03-03
  reliability: B
- id: port-statement-0302
  title: Statement by Velmar Port Services on quay 4
  kind: official-statement
  publisher: velmar-port
  published: 2025-03-02
  reliability: C
- id: greenwater-post-0303
  title: Greenwater volunteers report dead fish near quay 4
  kind: social-media
  publisher: greenwater
  published: 2025-03-03
  reliability: E
"""

LATER_SOURCES = """\
- id: port-statement-0304
  title: Second statement by Velmar Port Services
  kind: official-statement
  publisher: velmar-port
  published: 2025-03-04
  reliability: C
- id: ministry-notice-0305
  title: Ministry of Environment opens an inspection of quay 4
  kind: official-statement
  publisher: ministry-environment
  published: 2025-03-05
  reliability: B
"""

LAST_SOURCES = """\
- id: lab-report-0309
  title: Water samples from quay 4, laboratory report
  kind: document
  publisher: coastal-lab
  published: 2025-03-09
  reliability: A
- id: port-statement-0309
  title: Velmar Port Services acknowledges a leak from tank 12
  kind: official-statement
  publisher: velmar-port
  published: 2025-03-09
  reliability: C
- id: greenwater-post-0310
  title: Greenwater withdraws its report of dead fish
  kind: social-media
  publisher: greenwater
  published: 2025-03-10
  reliability: E
"""

ACTORS = """\
- id: velmar-city
  name: City of Velmar
  kind: government
- id: velmar-port
  name: Velmar Port Services
  kind: organization
  aliases: [the port operator]
- id: greenwater
  name: Greenwater
  kind: group
  description: A volunteer group that monitors the harbour's water.
- id: ministry-environment
  name: Ministry of Environment
  kind: agency
- id: coastal-lab
  name: Coastal Water Laboratory
  kind: organization
"""

OPERATOR_DENIES = """\
  - actor: velmar-port
    position: denies
    date: 2025-03-02
    note: Said that no tank on quay 4 had lost product.
    sources:
      - source: port-statement-0302
        quote: No tank on quay 4 has lost product.
"""

OPERATOR_NEITHER = """\
  - actor: velmar-port
    position: neither
    date: 2025-03-04
    note: Said that it was checking every tank and would report.
    sources:
      - source: port-statement-0304
        quote: We are checking every tank on quay 4 and will report our findings.
"""

OPERATOR_ACKNOWLEDGES = """\
  - actor: velmar-port
    position: asserts
    date: 2025-03-09
    note: Acknowledged a leak from tank 12.
    sources:
      - source: port-statement-0309
        quote: A valve on tank 12 failed and product entered the harbour.
"""


def leak(status: str, note: str, operator: str, lab: str = "") -> str:
    """The central claim, as it stood in one edition."""
    return f"""\
id: chemical-leak
title: Chemicals leaked into the harbour from quay 4
statement: A storage tank on quay 4 leaked chemicals into Velmar harbour.
topic: leak
status: {status}
status_note: {note}
first_reported: 2025-03-03
stances:
  - actor: velmar-city
    position: hints
    date: 2025-03-03
    note: Evacuated quay 4 "as a precaution".
    sources:
      - source: velmar-courier-0303
        quote: The city evacuated quay 4 as a precaution.
{operator}{lab}"""


LAB_SUPPORTS = """\
  - actor: coastal-lab
    position: supports
    date: 2025-03-09
    sources:
      - source: lab-report-0309
        quote: Samples from quay 4 contain the tank's product at forty times the usual level.
"""

EVACUATION = """\
id: quay-evacuated
title: The city evacuated quay 4
statement: The City of Velmar evacuated quay 4 on 3 March 2025.
topic: response
status: confirmed
stances:
  - actor: velmar-city
    position: asserts
    sources:
      - source: velmar-courier-0303
        quote: The city evacuated quay 4.
"""

FISH_KILL = """\
id: fish-kill
title: Dead fish found near quay 4
statement: Dead fish were found in the water near quay 4.
topic: harm
status: unverified
stances:
  - actor: greenwater
    position: asserts
    sources: [greenwater-post-0303]
"""

INSPECTION = """\
id: ministry-inspection
title: The ministry is inspecting quay 4
statement: The Ministry of Environment opened an inspection of quay 4.
topic: response
status: confirmed
stances:
  - actor: ministry-environment
    position: asserts
    date: 2025-03-05
    sources: [ministry-notice-0305]
"""


def briefing(as_of: str, summary: str) -> str:
    """The briefing file of one edition."""
    return f"""\
title: Chemical leak in Velmar harbour
as_of: {as_of}
summary: {summary}
"""


def files(edition: int) -> dict[str, str | None]:
    """The content folder's files in an edition (1 to 3); None: the file is gone."""
    if edition == 1:
        return {
            "briefing.yml": briefing("2025-03-03", "A leak from quay 4 is reported; the operator denies it."),
            "sources/sources.yml": SOURCES,
            "actors/actors.yml": ACTORS,
            "claims/leak.yml": leak("unverified", "Only the evacuation is confirmed.", OPERATOR_DENIES),
            "claims/evacuation.yml": EVACUATION,
            "claims/fish-kill.yml": FISH_KILL,
        }
    if edition == 2:
        return {
            **files(1),
            "briefing.yml": briefing("2025-03-05", "The operator no longer denies the leak."),
            "sources/later.yml": LATER_SOURCES,
            "claims/leak.yml": leak(
                "corroborated", "The operator no longer denies it.", OPERATOR_DENIES + OPERATOR_NEITHER
            ),
            "claims/inspection.yml": INSPECTION,
        }
    return {
        **files(2),
        "briefing.yml": briefing("2025-03-10", "The leak is confirmed by a laboratory and by the operator."),
        "sources/last.yml": LAST_SOURCES,
        "claims/leak.yml": leak(
            "confirmed",
            "A laboratory found the tank's product in the water.",
            OPERATOR_DENIES + OPERATOR_NEITHER + OPERATOR_ACKNOWLEDGES,
            LAB_SUPPORTS,
        ),
        "claims/fish-kill.yml": None,
    }


def write_edition(content: Path, edition: int) -> None:
    """Lay an edition's files into a content folder, keeping what the tool wrote (``editions/``)."""
    for name, text in files(edition).items():
        path = content / name
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        updates = _updates(path) if name == "briefing.yml" else ""
        path.write_text(textwrap.dedent(text) + updates, encoding="utf-8")


def _updates(path: Path) -> str:
    """The ``updates`` the tool added to an existing briefing file, kept across editions."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    return text[text.index("updates:") :] if "updates:" in text else ""


def record(content: Path, briefing_command: Path) -> None:
    """Record the three editions into a content folder, one after another."""
    for number, (date, text) in enumerate(EDITIONS, start=1):
        write_edition(content, number)
        subprocess.run(
            [str(briefing_command), "edition", "--date", date, "--text", text, "--content", str(content)],
            check=True,
        )


if __name__ == "__main__":
    record(Path(sys.argv[1]), Path(sys.executable).parent / "briefing")
