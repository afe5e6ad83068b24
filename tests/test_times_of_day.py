"""A date may carry a time of day, with an offset or not: shown with it, ordered by it, refused when malformed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from generator import load_briefing
from generator.dates import Date
from generator.render import render_pages
from generator.render_text import date, date_range

from conftest import MINIMAL
from test_schema import errors

EVENTS = "content/events/events.yml"


@pytest.mark.parametrize(
    "written, words",
    [
        ("2024-08-19T03:24", "19 August 2024, 03:24"),
        ("2024-08-19T03:24Z", "19 August 2024, 03:24 UTC"),
        ("2024-08-19T03:24+08:00", "19 August 2024, 03:24 UTC+08:00"),
        ("2024-08-19T23:05-05:30~", "around 19 August 2024, 23:05 UTC-05:30"),
    ],
)
def test_a_time_is_shown_after_its_day_with_its_offset(written, words):
    assert date(Date.parse(written)) == words
    assert str(Date.parse(written)) == written  # the export writes dates as written


def test_a_span_within_one_day_names_the_day_once():
    start, end = Date.parse("2024-08-19T03:24"), Date.parse("2024-08-19T05:00~")
    assert date_range(start, end) == "19 August 2024, 03:24 to around 05:00"
    assert (
        date_range(start, Date.parse("2024-08-20T01:00")) == "19 August 2024, 03:24 to 20 August 2024, 01:00"
    )


def test_dates_order_by_the_moment_they_start_an_offset_placing_a_time_in_utc():
    written = [
        "2024-08-19T09:00Z",
        "2024-08-19",
        "2024-08-19T03:24+08:00",  # 18 August, 19:24 UTC
        "2024-08",
        "2024-08-19T08:59",  # read as UTC
        "2024-08-19T00:00Z",
    ]
    ordered = sorted((Date.parse(text) for text in written), key=lambda value: value.span)
    assert [str(value) for value in ordered] == [
        "2024-08",  # the month starts first
        "2024-08-19T03:24+08:00",
        "2024-08-19T00:00Z",  # a minute that starts with its day comes before it, being shorter
        "2024-08-19",
        "2024-08-19T08:59",
        "2024-08-19T09:00Z",
    ]


def test_the_feed_timestamp_keeps_the_time_and_its_offset():
    assert Date.parse("2024-08-19T03:24+08:00").timestamp == "2024-08-19T03:24:00+08:00"
    assert Date.parse("2024-08-19T03:24~").timestamp == "2024-08-19T03:24:00Z"
    assert Date.parse("2024-11~").timestamp == "2024-11-01T00:00:00Z"


def test_every_malformed_time_is_reported_in_one_run_with_how_to_write_it(briefing):
    result = briefing(
        {
            "events/events.yml": """\
            - {id: a, title: A, date: 2024-08-19T03:24:10, sources: [src]}
            - {id: b, title: B, date: 2024-08-19T03:24:10.5+08:00~, sources: [src]}
            - {id: c, title: C, date: 2024-08T03:24, sources: [src]}
            - {id: d, title: D, date: "03:24", sources: [src]}
            - {id: e, title: E, date: 2024-08-19 03:24, sources: [src]}
            - {id: f, title: F, date: 2024-08-19T24:00, sources: [src]}
            - {id: g, title: G, date: 2024-08-19T12:60Z, sources: [src]}
            - {id: h, title: H, date: 2024-08-19T12:00+24:00, sources: [src]}
            - {id: i, title: I, date: 2024-08-19T12:00+0800, sources: [src]}
            """
        }
    )
    assert result.code == 1
    assert result.lines == [
        f"{EVENTS}:1:27: event 'a', date: '2024-08-19T03:24:10' is not a date: a time of day is written to the "
        "minute, without seconds; write 2024-08-19T03:24",
        f"{EVENTS}:2:27: event 'b', date: '2024-08-19T03:24:10.5+08:00~' is not a date: a time of day is written "
        "to the minute, without seconds; write 2024-08-19T03:24+08:00~",
        f"{EVENTS}:3:27: event 'c', date: '2024-08T03:24' is not a date: a time of day needs its day, as in "
        "2024-08-19T03:24",
        f"{EVENTS}:4:27: event 'd', date: '03:24' is not a date: a time of day needs its day, as in 2024-08-19T03:24",
        f"{EVENTS}:5:27: event 'e', date: expected a day and time such as 2024-08-19T03:24, optionally followed by "
        "Z or an offset such as +08:00, then optionally by ~ (approximately), found '2024-08-19 03:24'",
        f"{EVENTS}:6:27: event 'f', date: '2024-08-19T24:00' is not a date: there is no hour 24 in a day, whose "
        "hours run from 00 to 23; write 00:00 of the next day",
        f"{EVENTS}:7:27: event 'g', date: '2024-08-19T12:60Z' is not a date: there is no minute 60 in an hour, "
        "whose minutes run from 00 to 59",
        f"{EVENTS}:8:27: event 'h', date: '2024-08-19T12:00+24:00' is not a date: there is no offset +24:00 from "
        "UTC: offsets run from -23:59 to +23:59",
        f"{EVENTS}:9:27: event 'i', date: expected a day and time such as 2024-08-19T03:24, optionally followed by "
        "Z or an offset such as +08:00, then optionally by ~ (approximately), found '2024-08-19T12:00+0800'",
    ]


def test_an_end_before_the_start_is_found_across_offsets(briefing):
    result = briefing(
        {
            "events/events.yml": """\
            - {id: a, title: A, date: 2024-08-19T10:00+03:00, end_date: 2024-08-19T06:59Z, sources: [src]}
            - {id: b, title: B, date: 2024-08-19T10:00+03:00, end_date: 2024-08-19T07:00Z, sources: [src]}
            - {id: c, title: C, date: 2024-08-19T10:00, end_date: 2024-08-19, sources: [src]}
            - {id: d, title: D, date: 2024-08-19T10:00, end_date: 2024-08-18, sources: [src]}
            """
        }
    )
    assert result.lines == [
        f"{EVENTS}:1:61: event 'a': end_date 2024-08-19T06:59Z is before date 2024-08-19T10:00+03:00",
        f"{EVENTS}:4:55: event 'd': end_date 2024-08-18 is before date 2024-08-19T10:00",
    ]


def test_times_are_shown_where_dates_are(tmp_path):
    content = tmp_path / "content"
    files = {
        **MINIMAL,
        "briefing.yml": "title: T\nas_of: 2025-04-20T18:00Z\nsummary: S.\n",
        "events/events.yml": "- {id: e, title: News, date: 2025-04-02T07:00Z, end_date: 2025-04-02T08:15Z, "
        "sources: [src]}\n",
    }
    for name, text in files.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text(textwrap.dedent(text), encoding="utf-8")
    pages = {page.path: page.markdown for page in render_pages(load_briefing(content))}
    assert "Information as of **20 April 2025, 18:00 UTC**." in pages["index.md"]
    assert "## 2 April 2025, 07:00 UTC to 08:15 UTC: News {#e}" in pages["timeline.md"]


def test_the_editors_schemas_accept_a_time_and_refuse_seconds():
    path = Path("events/events.yml")
    event = "- {id: e, title: E, date: %s, sources: [src]}\n"
    assert errors(path, event % "2024-08-19T03:24+08:00~") == []
    assert errors(path, event % "2024-08-19T03:24Z") == []
    assert errors(path, event % "2024-08-19T03:24:10") != []
    assert errors(path, event % "2024-08T03:24") != []
