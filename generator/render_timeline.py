"""The timeline drawn: an inline SVG placing every event at the precision its date is known.

Drawn at build time, with no script and nothing fetched: a figure the Markdown carries as one raw HTML block
(no blank line inside), which Python-Markdown, CommonMark engines and ``generator.dialect`` all pass
through unchanged. Each date is a span (``generator.dates``): a year or a month is drawn as a bar over all of
it, a range from its first moment to its last, a day as a short bar or, when too short to see, a dot, and an
approximate date faded and dashed, with "around" in its label. Every mark is a link to its entry below,
named by a ``<title>`` (its date and title, as its heading reads) for screen readers and on hover.

The drawing has no ``viewBox`` and is never scaled: positions in time are percentages of its width and
everything else (lanes, text) is in pixels, so its text stays at reading size at any width. Events share a
lane while their marks and labels do not meet at ``WIDTH``, the narrowest width it is laid out for; drawn
wider, the same lanes only have more room. Too many events to label in ``MAX_LABELLED_LANES`` lanes are drawn
as marks only, each still named and linked.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from generator import render_text as md
from generator.dialect import bullet, emphasis, strong
from generator.model import Event
from generator.render_links import Links, sections

WIDTH = 320
"""The narrowest width, in pixels, the drawing is laid out for: a phone's column. Wider, it stretches."""
LABEL_WIDTH = 220
"""How wide a label may be, in pixels: its title is broken into lines of at most this, then shortened."""
TITLE_LINES = 2
"""How many lines of its title a label shows at most."""
MAX_LABELLED_LANES = 16
"""Above this many lanes of labelled events, the events are drawn as marks only, in lanes of their own."""
MAX_LANES = 60
"""At most this many lanes of unlabelled marks; more events than that share lanes and may overlap."""
FONT_SIZE = 12
"""The labels' font size in pixels, written on the drawing so that it holds without the stylesheet."""
SMALL_FONT_SIZE = 11
"""The font size of the dates in labels and on the axis, in pixels, as the stylesheet sets it."""
_AXIS = 26  # pixels above the first lane: the ticks' labels and the axis line
_BAR = 8  # a bar's height
_DOT = 4.5  # a dot's radius
_LINE = 14  # a label's line height
_GAP = 10  # pixels between two marks or labels in a lane, and below each lane
_COMPACT_LANE = 12  # a lane's height when events are drawn as marks only
_COMPACT_GAP = 2  # pixels between two marks in a lane, when events are drawn as marks only
_MIN_BAR = 6  # a span narrower than this (at WIDTH) is drawn as a dot
_MINUTES_A_DAY = 24 * 60
_MIN_EXTENT = _MINUTES_A_DAY  # the shortest time the axis shows: a day
_CALENDAR = (_MINUTES_A_DAY, (datetime.date.max.toordinal() + 1) * _MINUTES_A_DAY - 1)  # 1 January 1 to 9999
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CAPTION = (
    "Each mark covers all the time its date can mean: a bar for a year, a month or a range, a dot for a day "
    "or a moment too short to draw; dashed and faded, an approximate date (&#8220;around&#8221;). Each mark "
    "links to its entry below."
)
_WHEN = ' class="when"'  # a line of a label's date
_UNLABELLED = " There are too many events to name each in the drawing: a mark shows its name on hover."


@dataclass(frozen=True)
class _Label:
    """The visible label of an event: its date in words, then its title, each broken into lines."""

    when: tuple[str, ...]
    """The date's lines (plain text), in ``SMALL_FONT_SIZE``."""
    title: tuple[str, ...]
    """The title's lines (plain text), shortened with an ellipsis when too long, in ``FONT_SIZE``."""

    @property
    def lines(self) -> list[tuple[str, bool]]:
        """Each line, and whether it is a line of the date."""
        return [(line, True) for line in self.when] + [(line, False) for line in self.title]

    @property
    def width(self) -> float:
        """How wide the label is, in pixels: as wide as its widest line."""
        return max(_text_width(line, SMALL_FONT_SIZE if when else FONT_SIZE) for line, when in self.lines)


@dataclass(frozen=True)
class _Mark:
    """One event placed: its mark and label, in fractions of the width, and its extent at ``WIDTH``."""

    event: Event
    start: float
    """Where its first moment is, as a fraction of the width."""
    end: float
    """Where the moment after its last is, as a fraction of the width."""
    label: _Label | None = None
    """Its visible label; none when the events are too many to label."""
    anchor: str = "start"
    """Which end of its label's lines is at ``label_at``: SVG's ``start``, ``middle`` or ``end``."""
    label_at: float = 0.0
    """Where its label is anchored, as a fraction of the width."""
    left: float = 0.0
    """Where, at ``WIDTH``, the mark and its label begin, in pixels."""
    right: float = 0.0
    """Where, at ``WIDTH``, the mark and its label end, in pixels, with the gap to the next one."""

    @property
    def dot(self) -> bool:
        """Whether the mark is too short to draw as a bar at ``WIDTH``, and is drawn as a dot."""
        return _is_dot(self.start, self.end)


def drawing(events: Sequence[Event], url: Callable[[str], str] = lambda id: f"#{id}") -> str:
    """The timeline of the events (in date order) as a figure holding an inline SVG; nothing for none.

    Each event's mark links to its section, at ``url`` of its id (raw HTML: an address on the built site).
    """
    if not events:
        return ""
    first, last = _extent(events)
    marks = [_placed(event, first, last, labelled=True) for event in events]
    lanes, fit = _lanes(marks, MAX_LABELLED_LANES)
    if not fit:
        marks = [_placed(event, first, last, labelled=False) for event in events]
        lanes, _ = _lanes(marks, MAX_LANES)
    tops, height = _lane_tops(marks, lanes)
    caption = _CAPTION + ("" if marks[0].label is not None else _UNLABELLED)
    return "\n".join(
        [
            '<figure class="briefing-timeline" data-search-exclude="">',
            '<div class="briefing-timeline__scroll">',
            f'<svg class="briefing-timeline__drawing" role="group" width="100%" height="{height}" '
            f'font-size="{FONT_SIZE}" fill="currentColor">',
            _axis(first, last, height),
            *(_drawn(mark, tops[lane], url) for mark, lane in zip(marks, lanes, strict=True)),
            "</svg>",
            "</div>",
            f"<figcaption>{caption}</figcaption>",
            "</figure>",
        ]
    )


def _lane_tops(marks: Sequence[_Mark], lanes: Sequence[int]) -> tuple[list[int], int]:
    """Where each lane begins, in pixels from the top, each as high as its longest label; and the height."""
    lines = [0] * (max(lanes) + 1)
    for mark, lane in zip(marks, lanes, strict=True):
        lines[lane] = max(lines[lane], len(mark.label.lines) if mark.label else 0)
    tops = []
    top = _AXIS
    for count in lines:
        tops.append(top)
        top += _BAR + _GAP + count * _LINE if count else _COMPACT_LANE
    return tops, top


def _extent(events: Sequence[Event]) -> tuple[int, int]:
    """The moments the axis runs between, in minutes: every event's span, with a little room each side."""
    first = min(event.date.span[0] for event in events)
    last = max((event.end_date or event.date).span[1] for event in events)
    if last - first < _MIN_EXTENT:
        middle = (first + last) // 2
        first, last = middle - _MIN_EXTENT // 2, middle + _MIN_EXTENT // 2
    room = (last - first) // 25
    return first - room, last + room


def _is_dot(start: float, end: float) -> bool:
    return (end - start) * WIDTH < _MIN_BAR


def _placed(event: Event, first: int, last: int, *, labelled: bool) -> _Mark:
    """Where an event's mark and label go, before it is given a lane.

    Its label starts where its mark does, or ends where it ends, or is centred under it, whichever fits in
    ``WIDTH``; a label that fits none of these ways is broken into narrower lines, centred.
    """
    start, end = event.date.span[0], (event.end_date or event.date).span[1]
    start_at, end_at = (start - first) / (last - first), (end - first) / (last - first)
    begins, ends = start_at, end_at
    if _is_dot(start_at, end_at):
        begins = ends = (start_at + end_at) / 2
        left, right = begins * WIDTH - _DOT, ends * WIDTH + _DOT
    else:
        left, right = start_at * WIDTH, end_at * WIDTH
    if not labelled:
        return _Mark(event, start_at, end_at, left=left, right=right + _COMPACT_GAP)
    label = _label(event, LABEL_WIDTH)
    width = label.width
    if begins * WIDTH + width <= WIDTH:
        anchor, at, label_left = "start", begins, begins * WIDTH
    elif ends * WIDTH >= width:
        anchor, at, label_left = "end", ends, ends * WIDTH - width
    else:
        anchor, at = "middle", (begins + ends) / 2
        label = _label(event, 2 * min(at, 1 - at) * WIDTH)
        width = label.width
        label_left = at * WIDTH - width / 2
    right = max(right, label_left + width) + _GAP
    return _Mark(event, start_at, end_at, label, anchor, at, min(left, label_left), right)


def _label(event: Event, width: float) -> _Label:
    """An event's label in lines at most ``width`` wide: its date (in two if need be), then its title."""
    when = _fitted(md.date_range(event.date, event.end_date).split(), 2, width, SMALL_FONT_SIZE)
    return _Label(tuple(when), tuple(_fitted(event.title.split(), TITLE_LINES, width, FONT_SIZE)))


def _fitted(words: list[str], most: int, width: float, size: int) -> list[str]:
    """Words broken into lines at most ``width`` wide; past ``most`` lines, shortened with an ellipsis."""
    lines: list[str] = []
    for word in words:
        if lines and _text_width(f"{lines[-1]} {word}", size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    if len(lines) > most or any(_text_width(line, size) > width for line in lines):
        lines = lines[:most]
        lines[-1] = _shortened(lines[-1], width, size)
    return lines


def _shortened(line: str, width: float, size: int) -> str:
    """A line cut to fit ``width`` with an ellipsis at its end."""
    while line and _text_width(line + " …", size) > width:
        line = line[:-1]
    return line.rstrip() + "…"


def _text_width(text: str, size: int = FONT_SIZE) -> float:
    """A generous estimate of the text's width in pixels at a font size, in any of the usual sans fonts."""
    return size * sum(_character_width(character) for character in text)


@functools.cache
def _character_width(character: str) -> float:
    """A character's width in ems, a little more than most fonts give it."""
    if unicodedata.east_asian_width(character) in "WF":
        return 1.0
    if unicodedata.combining(character):
        return 0.0
    if character == " ":
        return 0.33
    return 0.72 if character.isupper() or character.isdigit() or not character.isascii() else 0.58


def _lanes(marks: Sequence[_Mark], most: int) -> tuple[list[int], bool]:
    """Each mark's lane, the first whose marks all end before it begins; and whether ``most`` lanes sufficed.

    Past ``most`` lanes, a mark goes in the lane whose marks end first, overlapping the fewest.
    """
    ends: list[float] = []
    lanes = []
    crowded = False
    for mark in marks:
        lane = next((index for index, end in enumerate(ends) if end <= mark.left), len(ends))
        if lane == most:
            crowded = True
            lane = min(range(most), key=ends.__getitem__)
        if lane == len(ends):
            ends.append(mark.right)
        ends[lane] = max(ends[lane], mark.right)
        lanes.append(lane)
    return lanes, not crowded


def _drawn(mark: _Mark, top: int, url: Callable[[str], str]) -> str:
    """An event's link: its name (as its heading reads), its mark and its label."""
    event = mark.event
    name = f"{md.capitalised(md.date_range(event.date, event.end_date))}: {event.title}"
    kind = "mark mark--around" if _approximate(event) else "mark"
    if mark.dot:
        middle, y = _percent((mark.start + mark.end) / 2), _number(top + _BAR / 2)
        shape = f'<circle class="{kind}" cx="{middle}" cy="{y}" r="{_number(_DOT)}"/>'
    else:
        x, width = _percent(mark.start), _percent(mark.end - mark.start)
        shape = f'<rect class="{kind}" x="{x}" y="{top}" width="{width}" height="{_BAR}"/>'
    label = _texts(mark, top)
    page, _, anchor = url(event.id).partition("#")
    href = f"{md.attribute(page)}#{md.attribute(anchor)}"
    return f'<a href="{href}"><title>{md.attribute(name)}</title>{shape}{label}</a>'


def _texts(mark: _Mark, top: int) -> str:
    """A mark's label as SVG text, a line under another below the mark."""
    if mark.label is None:
        return ""
    at = f'x="{_percent(mark.label_at)}"' + f' text-anchor="{mark.anchor}"' * (mark.anchor != "start")
    return "".join(
        f'<text{_WHEN * when} {at} y="{top + _BAR + _LINE * number}">{md.attribute(text)}</text>'
        for number, (text, when) in enumerate(mark.label.lines, 1)
    )


def _approximate(event: Event) -> bool:
    """Whether either of the event's dates is approximate."""
    return event.date.approximate or (event.end_date is not None and event.end_date.approximate)


def _axis(first: int, last: int, height: int) -> str:
    """The time axis: a line, and a tick at each year, month, day or hour of the finest step that fits.

    Each tick is labelled where its label fits beside the one before.
    """
    parts = [f'<line class="axis" x1="0" y1="{_AXIS - 6}" x2="100%" y2="{_AXIS - 6}"/>']
    free = 0.0  # where, at WIDTH, the last label drawn ends
    unit, moments = _ticks(first, last)
    for index, moment in enumerate(moments):
        at = (moment - first) / (last - first)
        x = _percent(at)
        parts.append(f'<line class="tick" x1="{x}" y1="{_AXIS - 10}" x2="{x}" y2="{height}"/>')
        words = _tick_words(moment, unit, index == 0)
        width = _text_width(words)
        if at * WIDTH >= free and at * WIDTH + width <= WIDTH:
            parts.append(f'<text x="{x}" y="{_AXIS - 12}">{md.attribute(words)}</text>')
            free = at * WIDTH + width + _GAP
    return '<g class="briefing-timeline__axis" aria-hidden="true">' + "".join(parts) + "</g>"


_STEPS = (
    ("hour", (1, 2, 3, 6, 12)),
    ("day", (1, 2, 7, 14)),
    ("month", (1, 2, 3, 6)),
    ("year", (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)),
)
_MAX_TICKS = WIDTH // 50  # labels that would touch are left out: every tick keeps its line


def _ticks(first: int, last: int) -> tuple[str, list[int]]:
    """The unit and moments (in minutes) to mark on the axis: the finest step giving few enough ticks.

    Only moments of the calendar's years, 1 to 9999, are marked, though a time's offset may place an event
    just outside them.
    """
    first, last = max(first, _CALENDAR[0]), min(last, _CALENDAR[1])
    for unit, steps in _STEPS:
        for step in steps:
            ticks = list(itertools.islice(_moments(unit, step, first, last), _MAX_TICKS + 1))
            if len(ticks) <= _MAX_TICKS:
                return unit, ticks
    return "year", []


def _moments(unit: str, step: int, first: int, last: int) -> Iterator[int]:
    """Every ``step`` hours, days, months or years from one moment to another, in minutes."""
    if unit in ("hour", "day"):
        size = step * (60 if unit == "hour" else _MINUTES_A_DAY)
        yield from range(-(-first // size) * size, last + 1, size)
        return
    months = step * (12 if unit == "year" else 1)
    day = datetime.date.fromordinal(max(first // _MINUTES_A_DAY, 1))
    index = -(-(day.year * 12 + day.month - 1) // months) * months
    while index // 12 <= datetime.MAXYEAR:
        moment = datetime.date(index // 12, index % 12 + 1, 1).toordinal() * _MINUTES_A_DAY
        if moment > last:
            return
        if moment >= first:
            yield moment
        index += months


def _tick_words(moment: int, unit: str, first_tick: bool) -> str:
    """A tick's label: its hour, day, month or year, with the larger unit where it starts or changes."""
    day = datetime.date.fromordinal(moment // _MINUTES_A_DAY)
    minutes = moment % _MINUTES_A_DAY
    month = _MONTHS[day.month - 1]
    if unit == "hour":
        time = f"{minutes // 60:02d}:{minutes % 60:02d}"
        if first_tick:
            return f"{day.day} {month}, {time} UTC"
        return time if minutes else f"{day.day} {month}"
    if unit == "day":
        new_year = day.month == 1 and day.day == 1
        return f"{day.day} {month} {day.year}" if first_tick or new_year else f"{day.day} {month}"
    if unit == "month":
        return f"{month} {day.year}" if first_tick or day.month == 1 else month
    return str(day.year)


def _percent(fraction: float) -> str:
    """A fraction of the drawing's width as an SVG length: ``12.5%``."""
    return f"{_number(fraction * 100)}%"


def _number(value: float) -> str:
    """A number with at most two decimals and none it does not need."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def page(links: Links) -> str:
    """The events drawn on a time axis, then in date order, each with its actors, claims and sources."""
    listed = sections(links.shown_of(Event), lambda event: _event(event, links), "events")
    drawn = drawing(links.events, links.raw_url) if links.first_part else ""
    return "\n\n".join(part for part in (drawn, listed) if part)


def _event(event: Event, links: Links) -> str:
    when = md.capitalised(md.date_range(event.date, event.end_date))
    lines = [links.heading(2, f"{when}: {md.plain(event.title)}", event), ""]
    if event.location:
        lines += [emphasis(md.plain(event.location)), ""]
    if event.description:
        lines += [md.prose(event.description), ""]
    if event.actors:
        lines.append(bullet(f"{strong('Actors:')} {links.all(event.actors)}"))
    if event.claims:
        lines.append(bullet(f"{strong('Claims:')} {links.all(event.claims)}"))
    lines += [bullet(f"{strong('Sources:')} {links.citations(event.sources)}"), ""]
    return "\n".join(lines)
