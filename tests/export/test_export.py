"""Exports: TimelineJS JSON, iCalendar (parsed back with ``icalendar``), CSV and DataFrames."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from unittest.mock import ANY

import icalendar
import pytest

import negotrack as nt
from negotrack.export import formats as export
from negotrack.export import frames
from tests.support.dossiers import SEEDS, make_small, zoned_dossier

STAMP = datetime(2026, 1, 1, tzinfo=UTC)


def zoned() -> nt.Dossier:
    """The small dossier plus rounds at a time in a named zone and with a fixed offset."""
    d = make_small()
    d.add_source(nt.Source(id="bad", title="Bad <link>", url="javascript:alert(1)"))
    d.add_event(
        nt.Event(
            id="kyiv",
            when="2025-07-23T19:00 Europe/Kyiv",
            until="2025-07-23T21:30 Europe/Kyiv",
            title="Talks in Kyiv, again; long title " + "x" * 80,
            kind="round",
            location="Kyiv, Ukraine",
            sources=["s1", "bad"],
            summary="Line one\nline two, with; punctuation",
        )
    )
    d.add_event(
        nt.Event(
            id="abu-dhabi",
            when="2026-01-23T10:00+04:00",
            title="Abu Dhabi <b>round</b>",
            kind="round",
            sources=["bad"],
        )
    )
    return d


# -- TimelineJS ------------------------------------------------------------------------


def test_timelinejs_has_a_slide_per_event_and_a_title_slide() -> None:
    """Every event becomes one slide, in time order, under a title slide."""
    d = zoned()
    data = json.loads(export.to_timelinejs(d))
    assert data["title"]["text"]["headline"] == d.title
    ids = [s["unique_id"] for s in data["events"]]
    assert sorted(ids) == sorted(e.id for e in d.events)
    assert ids == [e.id for e in d.filter_events()]


def test_timelinejs_dates_keep_their_precision() -> None:
    """A month-precision event has no day; a timed one has hour and minute; spans end."""
    slides = {s["unique_id"]: s for s in json.loads(export.to_timelinejs(zoned()))["events"]}
    assert slides["press"]["start_date"] == {"year": 2025, "month": 12, "display_date": "Dec 2025"}
    assert slides["strike"]["start_date"]["display_date"] == "c. 20 Nov 2025"
    kyiv = slides["kyiv"]
    assert (kyiv["start_date"]["hour"], kyiv["start_date"]["minute"]) == (19, 0)
    assert (kyiv["end_date"]["hour"], kyiv["end_date"]["minute"]) == (21, 30)
    assert slides["geneva"]["end_date"]["day"] == 24


def test_timelinejs_spans_end_where_their_dates_end() -> None:
    """An interval in `when` ends on its last day, not as a one-day slide; an `until` known
    to a quarter ends in the quarter's last month, not its first."""
    d = nt.Dossier(
        title="Spans",
        events=[
            nt.Event(id="talks", when="2022-10-25/2022-11-02", title="Talks in Pretoria"),
            nt.Event(id="troops", when="late 2022", until="2023-Q1", title="Troops stay"),
        ],
    )
    slides = {s["unique_id"]: s for s in json.loads(export.to_timelinejs(d))["events"]}
    talks = slides["talks"]
    assert talks["end_date"] == {"year": 2022, "month": 11, "day": 2, "display_date": ANY}
    assert talks["display_date"] == "25 Oct – 2 Nov 2022"
    troops = slides["troops"]
    assert troops["start_date"] == {"year": 2022, "month": 9, "display_date": "late 2022"}
    assert troops["end_date"] == {"year": 2023, "month": 3, "display_date": "Q1 2023"}


def test_timelinejs_escapes_text_and_refuses_unsafe_links() -> None:
    """User text is HTML-escaped and a javascript: URL never becomes a link or media."""
    slides = {s["unique_id"]: s for s in json.loads(export.to_timelinejs(zoned()))["events"]}
    ad = slides["abu-dhabi"]
    assert ad["text"]["headline"] == "Abu Dhabi &lt;b&gt;round&lt;/b&gt;"
    assert "javascript:" not in json.dumps(ad)
    assert "media" not in ad
    kyiv = slides["kyiv"]
    assert kyiv["media"]["url"] == "https://example.org/r"
    assert '<a href="https://example.org/r">A report</a>' in kyiv["text"]["text"]
    assert "Bad &lt;link&gt;" in kyiv["text"]["text"]


# -- iCalendar -------------------------------------------------------------------------


def _calendar(text: str) -> Any:
    return icalendar.Calendar.from_ical(text)


def test_ics_lists_rounds_by_default_and_every_event_on_request() -> None:
    """Only rounds unless asked; ``all_events`` gives every event; ``kinds`` selects."""
    d = zoned()
    rounds = list(_calendar(export.to_ics(d, stamp=STAMP)).walk("VEVENT"))
    assert sorted(str(c["UID"]).split("@")[0] for c in rounds) == ["abu-dhabi", "geneva", "kyiv"]
    everything = _calendar(export.to_ics(d, all_events=True, stamp=STAMP)).walk("VEVENT")
    assert len(everything) == len(d.events)
    military = _calendar(export.to_ics(d, kinds=["military"], stamp=STAMP)).walk("VEVENT")
    assert [str(c["UID"]).split("@")[0] for c in military] == ["strike"]


def test_ics_day_dates_are_all_day_and_times_keep_their_zone() -> None:
    """Day precision is a DATE span; a zoned time has TZID and a VTIMEZONE; offsets go UTC."""
    cal = _calendar(export.to_ics(zoned(), all_events=True, stamp=STAMP))
    events = {str(c["UID"]).split("@")[0]: c for c in cal.walk("VEVENT")}
    geneva = events["geneva"]
    assert geneva.decoded("DTSTART") == date(2025, 11, 23)
    assert geneva.decoded("DTEND") == date(2025, 11, 25)  # until 24 Nov, exclusive end
    assert events["press"].decoded("DTSTART") == date(2025, 12, 1)
    assert events["press"].decoded("DTEND") == date(2025, 12, 2)  # a month: its first day
    kyiv = events["kyiv"]
    start = kyiv.decoded("DTSTART")
    assert kyiv["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert start.utcoffset() == timedelta(hours=3)  # summer time in Kyiv
    assert start.astimezone(UTC) == datetime(2025, 7, 23, 16, 0, tzinfo=UTC)
    assert kyiv.decoded("DTEND").astimezone(UTC) == datetime(2025, 7, 23, 18, 30, tzinfo=UTC)
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Kyiv"]
    ad = events["abu-dhabi"].decoded("DTSTART")
    assert ad == datetime(2026, 1, 23, 6, 0, tzinfo=UTC)


def test_ics_vtimezone_describes_the_real_transitions() -> None:
    """The generated VTIMEZONE has Kyiv's 2025 spring and autumn changes with offsets."""
    cal = _calendar(export.to_ics(zoned(), stamp=STAMP))
    (tz,) = cal.walk("VTIMEZONE")
    changes = [
        (c.name, c.decoded("DTSTART"), c.decoded("TZOFFSETTO"))
        for c in tz.subcomponents
        if c.decoded("TZOFFSETFROM") != c.decoded("TZOFFSETTO")
    ]
    assert ("DAYLIGHT", datetime(2025, 3, 30, 3, 0), timedelta(hours=3)) in changes
    assert ("STANDARD", datetime(2025, 10, 26, 4, 0), timedelta(hours=2)) in changes


def test_ics_text_is_escaped_and_folded() -> None:
    """Commas, semicolons and newlines are escaped; no line exceeds 75 octets."""
    text = export.to_ics(zoned(), stamp=STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert text.endswith("END:VCALENDAR\r\n")
    kyiv = next(c for c in _calendar(text).walk("VEVENT") if str(c["UID"]).startswith("kyiv@"))
    assert str(kyiv["SUMMARY"]).startswith("Talks in Kyiv, again; long title xxx")
    assert "Line one\nline two, with; punctuation" in str(kyiv["DESCRIPTION"])
    assert str(kyiv["URL"]) == "https://example.org/r"
    assert str(kyiv["LOCATION"]) == "Kyiv, Ukraine"


def test_ics_text_has_no_control_characters() -> None:
    """RFC 5545 allows no control character in TEXT but the tab: an escape sequence in a
    title reaches the calendar as U+FFFD, never raw, and the tab stays."""
    d = make_small()
    d.add_event(nt.Event(id="esc", when="2025-07-24", title="Talks\x1b[31m red\x85", kind="round"))
    text = export.to_ics(d, stamp=STAMP)
    assert not any(ch in text for ch in "\x1b\x85\x7f")
    event = next(c for c in _calendar(text).walk("VEVENT") if str(c["UID"]).startswith("esc@"))
    assert str(event["SUMMARY"]) == "Talks\ufffd[31m red\ufffd"


def test_ics_of_the_seed_parses() -> None:
    """Every seed dossier exports to a calendar icalendar reads, one entry per event."""
    for path in sorted(SEEDS.glob("*.y*ml")) + sorted(SEEDS.glob("*.json")):
        d = nt.load(path)
        cal = _calendar(export.to_ics(d, all_events=True, stamp=STAMP))
        assert len(cal.walk("VEVENT")) == len(d.events)


# -- CSV -------------------------------------------------------------------------------


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_events_points_and_status() -> None:
    """The three tables hold one row per event, per point, per status entry."""
    d = make_small()
    d.set_status("us-28#12", "disputed", on="2025-12-26", source="s2", note="=1+1")
    events = _rows(export.to_csv(d, "events"))
    assert [r["id"] for r in events] == [e.id for e in d.filter_events()]
    assert [r["approximate"] for r in events] == ["true", "false", "false"]
    points = _rows(export.to_csv(d, "points"))
    assert [r["ref"] for r in points] == d.refs()
    assert next(r for r in points if r["ref"] == "us-28#12")["status"] == "disputed"
    status = _rows(export.to_csv(d, "status"))
    assert len(status) == len(d.refs()) + 1
    assert status[-1]["status"] == "disputed"
    assert status[-1]["note"] == "'=1+1"  # defused: a spreadsheet would run =1+1


def test_csv_unknown_table_is_a_negotrack_error() -> None:
    """Asking for a table that does not exist names the choices."""
    with pytest.raises(nt.DossierError, match="expected one of events, points, status, positions"):
        export.to_csv(make_small(), "people")


# -- DataFrames ------------------------------------------------------------------------


def test_dataframes_have_typed_columns() -> None:
    """Events, points and status history come back as DataFrames with UTC start times."""
    d = make_small()
    ev = frames.to_dataframe(d, "events")
    assert list(ev.index) == [e.id for e in d.filter_events()]
    assert ev.loc["geneva", "start"] == datetime(2025, 11, 23, tzinfo=UTC)
    assert ev.loc["geneva", "end"] == datetime(2025, 11, 25, tzinfo=UTC)
    pts = frames.to_dataframe(d, "points")
    assert list(pts.index) == d.refs()
    st = frames.to_dataframe(d, "status")
    assert set(st["ref"]) == set(d.refs())


def test_dataframes_without_pandas_say_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas the helpers raise a NegotrackError that names the extra."""
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(nt.MissingDependency, match="pandas is not installed") as info:
        frames.to_dataframe(make_small())
    assert isinstance(info.value, nt.NegotrackError)
    assert "negotrack[pandas]" in str(info.value)


def test_csv_and_dataframes_share_their_rows() -> None:
    """CSV cells are the DataFrame's values as text: one table source feeds both."""
    d = make_small()
    d.set_position("us-28#12", "zakharova", "rejects", on="2025-12-01", source="s2")
    for table in export.TABLES:
        frame = frames.to_dataframe(d, table)
        if table in ("events", "points"):  # indexed by id and ref
            frame = frame.reset_index()
        text = _rows(export.to_csv(d, table, defuse=False))
        assert set(frame.columns) == set(text[0])
        assert len(frame) == len(text)
    events = _rows(export.to_csv(d, "events"))
    assert events[1]["start"] == "2025-11-23T00:00:00+00:00"
    assert events[1]["participants"] == "witkoff;umerov"


def test_positions_table_in_csv_and_dataframe() -> None:
    """Each recorded position is one row with the party's name and side, in time order."""
    d = make_small()
    d.set_position("us-28#12", "zakharova", "rejects", on="2025-12-01", source="s2", note="no")
    d.set_position("us-28#1", "Steve Witkoff", "supports", on="2025-11-21", source="s1")
    rows = _rows(export.to_csv(d, "positions"))
    assert [(r["ref"], r["party"], r["party_name"], r["side"], r["stance"]) for r in rows] == [
        ("us-28#1", "witkoff", "Steve Witkoff", "US", "supports"),
        ("us-28#12", "zakharova", "Maria Zakharova", "Russia", "rejects"),
    ]
    frame = frames.to_dataframe(d, "positions")
    assert list(frame["stance"]) == ["supports", "rejects"]
    assert frame.loc[1, "start"] == datetime(2025, 12, 1, tzinfo=UTC)


def test_tables_as_of_keep_what_was_known_by_then() -> None:
    """``as_of`` drops later events, changes and positions, and dates the points' status."""
    d = make_small()
    d.set_status("us-28#12", "disputed", on="2025-12-26", source="s2")
    d.set_position("us-28#12", "zakharova", "rejects", on="2025-12-01", source="s2")
    ev = frames.to_dataframe(d, "events", as_of="2025-11-30")
    assert list(ev.index) == ["strike", "geneva"]
    pts = frames.to_dataframe(d, "points", as_of="2025-12-01")
    assert pts.loc["us-28#12", "status"] == "proposed"
    assert pts.loc["geneva-19#9", "status"] == "proposed"
    assert frames.to_dataframe(d, "positions", as_of="2025-11-30").empty
    status = _rows(export.to_csv(d, "status", as_of="2025-12-25"))
    assert "disputed" not in {r["status"] for r in status}
    assert len(_rows(export.to_csv(d, "status"))) == len(status) + 1


def test_tables_as_of_a_day_count_times_on_the_day_they_are_shown() -> None:
    """As of 30 Nov, the events and changes shown as 30 Nov (1 Dec in UTC) are kept and
    those shown as 1 Dec (30 Nov in UTC) are not, as the timeline files them."""
    d = zoned_dossier()
    kept = {r["id"] for r in _rows(export.to_csv(d, "events", as_of="2025-11-30"))}
    assert {"ny-late", "ny-sunday", "day"} <= kept
    assert not {"tokyo", "ny-eve"} & kept
    small = make_small()
    small.set_status("us-28#12", "disputed", on="2025-11-30T23:30-05:00", source="s1")
    small.set_status("us-28#1", "deleted", on="2025-12-01T01:00 Asia/Tokyo", source="s1")
    pts = frames.to_dataframe(small, "points", as_of="2025-11-30")
    assert pts.loc["us-28#12", "status"] == "disputed"
    assert pts.loc["us-28#1", "status"] == "proposed"


def test_ics_vague_spans_are_one_day_described_and_not_blocking() -> None:
    """ "c. Dec 2025 – 2026" is one transparent all-day entry on 1 Dec, its span described."""
    d = nt.Dossier(
        title="t",
        events=[nt.Event(id="e", when="~2025-12", until="2026", title="Talks", kind="round")],
    )
    (event,) = _calendar(export.to_ics(d, stamp=STAMP)).walk("VEVENT")
    assert event.decoded("DTSTART") == date(2025, 12, 1)
    assert event.decoded("DTEND") == date(2025, 12, 2)
    assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "Date as known: c. Dec 2025 – 2026" in str(event["DESCRIPTION"])


def test_ics_uids_are_unique_across_dossiers_and_stable() -> None:
    """The same event id in two dossiers gets two UIDs; the same dossier, the same UID."""

    def uid(title: str) -> str:
        d = nt.Dossier(title=title, events=[nt.Event(id="g", when="2025-11-23", title="x")])
        (event,) = _calendar(export.to_ics(d, all_events=True, stamp=STAMP)).walk("VEVENT")
        return str(event["UID"])

    assert uid("Talks A") == uid("Talks A")
    assert uid("Talks A") != uid("Talks B")
    assert uid("Talks A").startswith("g@")
