"""The timeline drawn: every event placed at its date's precision, named, linked, and small for many events."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree

import pytest
from generator import load_briefing, model
from generator.dates import Date
from generator.dialect import convert
from generator.render import render_pages
from generator.render_timeline import drawing
from generator.sanitize import removed

from conftest import ROOT

SVG = "{http://www.w3.org/2000/svg}"


def event(id: str, date: str, end: str | None = None, title: str | None = None) -> model.Event:
    return model.Event(
        id=id,
        title=title or f"Event {id}",
        date=Date.parse(date),
        end_date=Date.parse(end) if end else None,
        sources=(model.Citation(source="src"),),
    )


class Drawn:
    """A drawing read back: its marks by event id, its axis labels and its caption."""

    def __init__(self, figure: str) -> None:
        self.figure = figure
        root = ElementTree.fromstring(figure.replace("<svg ", f'<svg xmlns="{SVG[1:-1]}" ', 1))
        self.svg = root.find(f".//{SVG}svg")
        self.caption = "".join(root.find("figcaption").itertext())
        self.marks = {link.get("href").removeprefix("#"): link for link in self.svg.iter(f"{SVG}a")}
        axis = self.svg.find(f"{SVG}g")
        self.ticks = [text.text for text in axis.iter(f"{SVG}text")]
        self.height = int(self.svg.get("height"))

    def name(self, id: str) -> str:
        return self.marks[id].find(f"{SVG}title").text

    def shape(self, id: str) -> ElementTree.Element:
        return next(child for child in self.marks[id] if child.tag in (f"{SVG}rect", f"{SVG}circle"))

    def span(self, id: str) -> tuple[float, float]:
        """Where a bar starts and ends, as fractions of the width."""
        bar = self.shape(id)
        assert bar.tag == f"{SVG}rect", f"{id} is drawn as a dot"
        start, width = (float(bar.get(name).removesuffix("%")) / 100 for name in ("x", "width"))
        return start, start + width

    def middle(self, id: str) -> float:
        dot = self.shape(id)
        assert dot.tag == f"{SVG}circle", f"{id} is drawn as a bar"
        return float(dot.get("cx").removesuffix("%")) / 100

    def lane(self, id: str) -> float:
        shape = self.shape(id)
        return float(shape.get("y") or shape.get("cy"))

    def label(self, id: str) -> list[str]:
        return [text.text for text in self.marks[id].iter(f"{SVG}text")]

    def when(self, id: str) -> str:
        """The date a mark's label gives, in words."""
        return " ".join(
            text.text for text in self.marks[id].iter(f"{SVG}text") if text.get("class") == "when"
        )


def drawn(events: list[model.Event]) -> Drawn:
    return Drawn(drawing(events))


def timeline_page(folder) -> str:
    return next(page.markdown for page in render_pages(load_briefing(folder)) if page.path == "timeline.md")


def test_every_event_is_a_mark_linking_to_its_entry_named_as_its_heading_reads():
    page = timeline_page(ROOT / "content")
    headings = dict(
        (id, html.unescape(text)) for text, id in re.findall(r"^## (.*) \{#([^}]+)\}$", page, re.MULTILINE)
    )
    figure = page[page.index("<figure") : page.index("</figure>") + len("</figure>")]
    assert page.index("</figure>") < page.index("\n## ")  # the drawing comes first, the list below it
    drawing_ = Drawn(figure)
    assert sorted(drawing_.marks) == sorted(headings)
    for id, heading in headings.items():
        assert drawing_.name(id) == heading
    assert drawing_.name("ukrainian-offensive-into-kursk") == (
        "Around August 2024: Ukrainian forces launch a cross-border offensive into Kursk"
    )


def test_a_year_a_month_and_a_range_are_bars_over_all_the_time_they_can_mean():
    drawing_ = drawn(
        [event("year", "2023"), event("july", "2023-07"), event("range", "2023-07-10", "2023-08-20")]
    )
    year, july, range_ = drawing_.span("year"), drawing_.span("july"), drawing_.span("range")
    per_day = (year[1] - year[0]) / 365
    assert abs((july[0] - year[0]) / per_day - 181) < 0.5  # July starts after 181 days of 2023
    assert abs((july[1] - july[0]) / per_day - 31) < 0.5
    assert abs((range_[0] - july[0]) / per_day - 9) < 0.5  # from the start of 10 July
    assert abs((range_[1] - range_[0]) / per_day - 42) < 0.5  # to the end of 20 August
    assert drawing_.when("range") == "10 July \N{EN DASH} 20 August 2023"
    assert drawing_.ticks == ["Jan 2023", "Apr", "Jul", "Oct"]


def test_a_time_of_day_is_a_dot_at_its_minute_and_the_axis_shows_hours():
    drawing_ = drawn(
        [
            event("night", "2024-08-19T03:00Z"),
            event("day", "2024-08-19T15:00+02:00"),
            event("next", "2024-08-20"),
        ]
    )
    night, day = drawing_.middle("night"), drawing_.middle("day")
    whole_day = drawing_.span("next")
    assert abs((day - night) / (whole_day[1] - whole_day[0]) - 10 / 24) < 0.002  # 13:00 UTC is 10 hours later
    assert abs((whole_day[0] - night) / (whole_day[1] - whole_day[0]) - 21 / 24) < 0.002
    assert drawing_.when("day") == "19 August 2024, 15:00 UTC+02:00"
    assert drawing_.ticks == ["19 Aug, 12:00 UTC", "12:00"]  # every 12 hours; "20 Aug" has no room


def test_a_day_among_years_is_a_dot_and_the_axis_counts_years():
    drawing_ = drawn([event("treaty", "1998-03-22"), event("dam", "2016~", "2023")])
    assert drawing_.shape("treaty").tag == f"{SVG}circle"
    assert drawing_.shape("dam").tag == f"{SVG}rect"
    assert drawing_.ticks == ["2000", "2005", "2010", "2015", "2020"]


def test_an_approximate_date_is_faded_and_dashed_and_its_label_says_around():
    drawing_ = drawn(
        [event("around", "2024-08~"), event("known", "2024-10-02"), event("half", "2024-09", "2024-10~")]
    )
    assert drawing_.shape("around").get("class") == "mark mark--around"
    assert drawing_.when("around") == "around August 2024"
    assert drawing_.shape("half").get("class") == "mark mark--around"  # either end approximate
    assert drawing_.when("half") == "from September to around October 2024"
    assert drawing_.shape("known").get("class") == "mark"
    assert drawing_.when("known") == "2 October 2024"


def test_events_at_the_same_time_are_drawn_in_lanes_of_their_own():
    page = timeline_page(ROOT / "content")
    drawing_ = Drawn(page[page.index("<figure") : page.index("</figure>") + len("</figure>")])
    november = [
        "state-department-says-nk-troops-in-combat",
        "south-korea-supports-us-assertion",
        "pentagon-hints-at-nk-troops-in-kursk",
        "treaty-ratification-reported",
    ]
    assert len({drawing_.lane(id) for id in november}) == 4
    assert drawing_.ticks[:2] == ["Aug 2024", "Sep"]


def test_a_label_too_long_for_its_lines_is_shortened_and_the_mark_keeps_the_whole_title():
    title = "North Korean state media report the ratification of the mutual defence treaty in Pyongyang"
    drawing_ = drawn([event("long", "2024-11~", title=title)])
    assert drawing_.label("long") == [
        "around November 2024",
        "North Korean state media report",
        "the ratification of the mutual…",
    ]
    assert drawing_.name("long") == f"Around November 2024: {title}"


def test_one_event_draws_one_mark_on_an_axis_around_it():
    drawing_ = drawn([event("only", "2024-08-06")])
    assert list(drawing_.marks) == ["only"]
    start, end = drawing_.span("only")
    assert 0 < start < end < 1
    assert drawing_.ticks == ["6 Aug, 00:00 UTC", "12:00", "18:00"]
    assert drawing_.height < 100


def test_a_briefing_without_events_says_so_and_draws_nothing(briefing, tmp_path):
    assert briefing().code == 0
    page = timeline_page(tmp_path / "content")
    assert "<figure" not in page
    assert "This briefing has no events yet." in page


def test_hundreds_of_events_are_drawn_as_named_marks_only_and_stay_small():
    events = [
        event(f"e{n}", f"2025-{1 + n % 6:02d}-{10 + n % 19:02d}", title=f"Event number {n} of many")
        for n in range(500)
    ]
    figure = drawing(events)
    drawing_ = Drawn(figure)
    assert len(drawing_.marks) == 500
    assert drawing_.label("e7") == []
    assert drawing_.name("e7") == "17 February 2025: Event number 7 of many"
    assert "There are too many events to name each in the drawing" in drawing_.caption
    assert len(figure.encode()) < 500 * 170  # about 150 bytes an event
    assert drawing_.height <= 26 + 60 * 12  # at most 60 lanes of 12 pixels under the axis


def test_every_text_is_escaped_and_the_sanitizer_keeps_the_drawing_whole():
    title = '<script>alert(1)</script> & "quotes" *not emphasis* [x](javascript:y) {#id} :smile:'
    figure = drawing([event("hostile", "2024", title=title), event("plain", "2024-06-01")])
    assert "<script>" not in figure
    drawing_ = Drawn(figure)
    assert drawing_.name("hostile") == f"2024: {title}"
    assert " ".join(drawing_.label("hostile")[1:]).startswith("<script>alert(1)</script>")
    page = convert(f"# Timeline {{#timeline_page}}\n\n{figure}\n")
    assert removed(page.html) == []
    assert figure in page.html


@pytest.mark.parametrize(
    "dates",
    [
        ["0001-01-01"],
        ["0001-01-01T00:00+05:00"],  # 31 December of the year before 1, in UTC
        ["9999-12-31"],
        ["9999-12-31T23:59-12:00"],  # 1 January 10000, in UTC
        ["0001", "9999"],
    ],
)
def test_dates_at_the_ends_of_the_calendar_are_drawn(dates):
    drawing_ = drawn([event(f"e{n}", date) for n, date in enumerate(dates)])
    assert len(drawing_.marks) == len(dates)  # the axis marks only years 1 to 9999 of the calendar
    assert drawing_.ticks or dates == ["9999-12-31T23:59-12:00"]
