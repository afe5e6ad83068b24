"""While the briefing is served and a save made it invalid: the banner over the pages that still show it.

The pages keep showing the briefing as it was when it was last valid, so that a half-written entity or a typo
does not blank the preview; the banner on every page says so, and lists the problems where they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypedDict

from generator.errors import BriefingError, Location, Problem


class ShownProblem(TypedDict):
    """One problem as the banner lists it."""

    location: str
    """Where it is: ``path:line:column``."""
    message: str
    """What is wrong and how to fix it."""
    written: str | None
    """The line it is on, as written, for a YAML syntax error (its column is in ``location``)."""
    url: str | None
    """Where its file is edited (in the site's repository), or None when it has no such place."""


class Banner(TypedDict):
    """What the theme shows above every page while the briefing it shows is not the one saved."""

    heading: str
    """How many problems there are, and when the briefing shown was last valid."""
    problems: list[ShownProblem]
    """Every problem, in the order ``briefing check`` lists them."""


def banner(error: BriefingError, shown_at: str, edit_url: Callable[[Location], str | None]) -> Banner:
    """The banner for the problems of a briefing whose pages show it as it was at ``shown_at`` (HH:MM)."""
    count = len(error.problems)
    heading = (
        f"The briefing has {count:,} problem{'s' * (count != 1)}; the pages show it as it was at {shown_at}"
    )
    return {"heading": heading, "problems": [_shown(problem, edit_url) for problem in error.problems]}


def with_line(message: str) -> tuple[str, str | None]:
    """A problem's message, and the line it shows below it as written (a YAML syntax error's), if any."""
    first, *shown = message.split("\n")
    return first, shown[0].removeprefix("    ") if shown else None


def _shown(problem: Problem, edit_url: Callable[[Location], str | None]) -> ShownProblem:
    """A problem split into its place and its message, each written as ``briefing check`` prints it."""
    where = str(Problem(problem.location, "")).removesuffix(": ")
    what, written = with_line(str(problem).removeprefix(f"{where}: "))
    return {"location": where, "message": what, "written": written, "url": edit_url(problem.location)}
