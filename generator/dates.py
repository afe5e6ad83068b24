"""Dates at the precision they are known: a year, a month or a day, possibly approximate."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_FORM = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(~?)")  # ASCII digits only
FORMS = "a date such as 2024, 2024-08 or 2024-08-06, optionally followed by ~ (approximately)"
"""How a date is written, as error messages say it."""


class DateError(ValueError):
    """Text that is not a date, with the reason in words."""

    def __init__(self, reason: str, *, malformed: bool = False) -> None:
        super().__init__(reason)
        self.malformed = malformed
        """Whether the text is not in any of the date forms (rather than a form naming no real day)."""


@dataclass(frozen=True)
class Date:
    """A date at year, month or day precision; never padded to a precision it does not have."""

    year: int
    """The year, 1 to 9999."""
    month: int | None = None
    """The month, 1 to 12, when known."""
    day: int | None = None
    """The day of the month, when known (only with a month)."""
    approximate: bool = False
    """Whether the date is approximate (written with a trailing ``~``)."""

    @classmethod
    def parse(cls, text: str) -> Date:
        """Read a date written in one of the contract's forms; raise DateError otherwise."""
        match = _FORM.fullmatch(text.strip())
        if not match:
            raise DateError(f"expected {FORMS}", malformed=True)
        year = int(match.group(1))
        month, day = (int(part) if part else None for part in match.group(2, 3))
        if year == 0:
            raise DateError("there is no year 0")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"there is no month {month}")
        if month is not None and day is not None:
            days = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days:
                name = calendar.month_name[month]
                raise DateError(f"there is no day {day} in {name} {year}, which has {days} days")
        return cls(year, month, day, bool(match.group(4)))

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The latest day the date can mean."""
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text + "~" * self.approximate
