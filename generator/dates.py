"""Dates at the precision they are known: a year, a month, a day or a minute, possibly approximate.

A date is a span of time: ``2024`` is the whole year, ``2024-11-05`` the whole day, ``2024-08-19T03:24`` one
minute. Dates are ordered by their spans: first by the moment each starts, then by the moment each ends (so
a day comes before the month that starts with it). A time with an offset (``+08:00``, ``Z``) is placed at
the moment it names; every date and time without one is read as if in UTC. An approximate date (``~``) has
the span it is written with.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

_FORM = re.compile(  # ASCII digits only
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?(~?)"
)
_WITH_SECONDS = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}):[0-9]{2}(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?(~?)"
)
_TIME_WITHOUT_DAY = re.compile(r"(?:[0-9]{4}(?:-[0-9]{2})?)?T?[0-9]{1,2}:[0-9]{2}.*")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_MARK = re.compile(r"[0-9][Tt][0-9]")  # a day and a time, the time written wrongly
_MINUTES_A_DAY = 24 * 60

FORMS = "a date such as 2024, 2024-08 or 2024-08-06, optionally followed by ~ (approximately)"
"""How a date is written, as error messages say it."""
TIME_FORMS = (
    "a day and time such as 2024-08-19T03:24, optionally followed by Z or an offset such as +08:00, "
    "then optionally by ~ (approximately)"
)
"""How a date with a time of day is written, as error messages say it."""
TIMES = "a day may carry a time of day, as in 2024-08-06T14:30 or 2024-08-06T14:30+03:00"
"""That a date may have a time, in a few words, for those who write dates without one."""


class DateError(ValueError):
    """Text that is not a date, with the reason in words."""

    def __init__(self, reason: str, *, malformed: bool = False) -> None:
        super().__init__(reason)
        self.malformed = malformed
        """Whether the text is not in any of the date forms (rather than a form naming no real day).

        The reason of a malformed date says what was expected ("expected a date such as ...")."""


@dataclass(frozen=True)
class Date:
    """A date at year, month, day or minute precision; never padded to a precision it does not have."""

    year: int
    """The year, 1 to 9999."""
    month: int | None = None
    """The month, 1 to 12, when known."""
    day: int | None = None
    """The day of the month, when known (only with a month)."""
    approximate: bool = False
    """Whether the date is approximate (written with a trailing ``~``)."""
    hour: int | None = None
    """The hour, 0 to 23, when the time of day is known (only with a day)."""
    minute: int | None = None
    """The minute, 0 to 59 (given with the hour, and only with it)."""
    offset: str | None = None
    """The time's offset from UTC as written, ``Z`` or ``+08:00``, when given (only with a time)."""

    @classmethod
    def parse(cls, text: str) -> Date:
        """Read a date written in one of the contract's forms; raise DateError otherwise."""
        text = text.strip()
        match = _FORM.fullmatch(text)
        if not match:
            raise _malformed(text)
        year = int(match.group(1))
        month, day, hour, minute = (int(part) if part else None for part in match.group(2, 3, 4, 5))
        if year == 0:
            raise DateError("there is no year 0")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"there is no month {month}")
        if month is not None and day is not None:
            days = calendar.monthrange(year, month)[1]
            if not 1 <= day <= days:
                name = calendar.month_name[month]
                raise DateError(f"there is no day {day} in {name} {year}, which has {days} days")
        offset = match.group(6)
        if hour is not None:
            _check_time(hour, minute or 0, offset)
        return cls(year, month, day, bool(match.group(7)), hour, minute, offset)

    @property
    def first_day(self) -> datetime.date:
        """The earliest day the date can mean (the day as written, for a date with a time)."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The latest day the date can mean (the day as written, for a date with a time)."""
        month = self.month or 12
        return datetime.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    @property
    def span(self) -> tuple[int, int]:
        """The moments the date can mean: its first, then the one just after its last.

        In minutes from the start of year 1, UTC. Dates sort by their spans; two dates overlap when their
        spans do.
        """
        start = self.first_day.toordinal() * _MINUTES_A_DAY
        if self.hour is None:
            return start, (self.last_day.toordinal() + 1) * _MINUTES_A_DAY
        start += self.hour * 60 + (self.minute or 0) - _offset_minutes(self.offset)
        return start, start + 1

    def overlaps(self, other: Date) -> bool:
        """Whether the two dates may mean the same moment, so that neither is surely before the other."""
        (start, end), (other_start, other_end) = self.span, other.span
        return start < other_end and other_start < end

    @property
    def timestamp(self) -> str:
        """The first moment the date can mean as an RFC 3339 timestamp (``2024-08-19T03:24:00+08:00``).

        A date without an offset is read as UTC (``Z``), as everywhere else; "approximately" is lost.
        """
        time = f"{self.hour or 0:02d}:{self.minute or 0:02d}:00"
        zone = self.offset if self.offset is not None else "Z"
        return f"{self.first_day.isoformat()}T{time}{zone}"

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}:{self.minute or 0:02d}{self.offset or ''}"
        return text + "~" * self.approximate


def _malformed(text: str) -> DateError:
    """Why text in none of the forms is not a date: a time written wrongly, or not a date at all."""
    seconds = _WITH_SECONDS.fullmatch(text)
    if seconds:
        shorter = "".join(part or "" for part in seconds.groups())
        return DateError(f"a time of day is written to the minute, without seconds; write {shorter}")
    if _TIME_WITHOUT_DAY.fullmatch(text) and not _DAY.match(text):
        return DateError("a time of day needs its day, as in 2024-08-19T03:24")
    if ":" in text or _TIME_MARK.search(text):
        return DateError(f"expected {TIME_FORMS}", malformed=True)
    return DateError(f"expected {FORMS}", malformed=True)


def _check_time(hour: int, minute: int, offset: str | None) -> None:
    """Raise DateError for a time of day or an offset that no clock shows."""
    if hour > 23:
        advice = "; write 00:00 of the next day" if hour == 24 and minute == 0 else ""
        raise DateError(f"there is no hour {hour} in a day, whose hours run from 00 to 23{advice}")
    if minute > 59:
        raise DateError(f"there is no minute {minute} in an hour, whose minutes run from 00 to 59")
    if offset is not None and offset != "Z" and (int(offset[1:3]) > 23 or int(offset[4:6]) > 59):
        raise DateError(f"there is no offset {offset} from UTC: offsets run from -23:59 to +23:59")


def _offset_minutes(offset: str | None) -> int:
    """How far ahead of UTC an offset is, in minutes (none and ``Z``: 0)."""
    if offset is None or offset == "Z":
        return 0
    minutes = int(offset[1:3]) * 60 + int(offset[4:6])
    return -minutes if offset[0] == "-" else minutes
