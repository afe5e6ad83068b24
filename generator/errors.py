"""Located problems, and the one error type the generator raises for bad input."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple


class Location(NamedTuple):
    """A place in a content file, as an editor counts it (a tuple: made for every node, it must be cheap)."""

    path: str
    """The file, as the user named it (relative to where the command ran, when given so)."""
    line: int
    """1-based line number."""
    column: int
    """1-based column, counted in characters."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a briefing, where it is, and what to do about it."""

    location: Location
    """Where the problem is."""
    message: str
    """What is wrong: the field, what was expected and what was found."""

    def __str__(self) -> str:
        """The located message; any further lines of it (the line written and a caret) indented below it."""
        lines = f"{self.location}: {self.message}".split("\n")
        return "\n    ".join(_printable(line.removeprefix("    ")) for line in lines)


def _printable(text: str) -> str:
    """The text with every character a terminal would act on, or hide, written as an escape."""
    if text.isprintable():
        return text
    return "".join(
        character if character.isprintable() or character == " " else f"\\u{ord(character):04x}"
        for character in text
    )


class BriefingError(Exception):
    """A briefing could not be read: carries every problem found in the run."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__("\n".join(str(problem) for problem in self.problems))

    def summary(self) -> str:
        """Say how many problems there are and in how many files."""
        files = len({problem.location.path for problem in self.problems})
        count = len(self.problems)
        return f"{count} problem{'s' * (count != 1)} in {files} file{'s' * (files != 1)}"


def with_article(noun: str) -> str:
    """The noun after "a" or "an", for messages: an actor, a claim."""
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def did_you_mean(wrong: str, candidates: Iterable[str]) -> str:
    """Suggest the closest candidate to a misspelt word, as text to append to a message."""
    matches = difflib.get_close_matches(wrong, list(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{matches[0]}'?" if matches else ""
