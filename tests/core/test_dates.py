"""Moment: parsing, precision, display, order and the as-of rule."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pendulum
import pytest
from hypothesis import given

import negotrack as nt
from tests.support.strategies import moments, zoned_datetimes


@pytest.mark.parametrize(
    ("text", "precision", "display"),
    [
        ("2025", nt.Precision.YEAR, "2025"),
        ("2025-11", nt.Precision.MONTH, "Nov 2025"),
        ("2025-11-23", nt.Precision.DAY, "23 Nov 2025"),
        ("~2025-11-20", nt.Precision.DAY, "c. 20 Nov 2025"),
        ("2025-11~", nt.Precision.MONTH, "c. Nov 2025"),
        ("c. 2025-11-20", nt.Precision.DAY, "c. 20 Nov 2025"),
        ("2025-11-23T14:00+01:00", nt.Precision.MINUTE, "23 Nov 2025, 14:00 UTC+01:00"),
        ("2025-11-23T14:00 Europe/Kyiv", nt.Precision.MINUTE, "23 Nov 2025, 14:00 EET"),
        ("2025-11-23T14:00Z", nt.Precision.MINUTE, "23 Nov 2025, 14:00 UTC"),
        ("2025-07-01T09:30 America/New_York", nt.Precision.MINUTE, "1 Jul 2025, 09:30 EDT"),
    ],
)
def test_parse_keeps_precision_and_displays_by_it(
    text: str, precision: nt.Precision, display: str
) -> None:
    """Each documented text form parses to its precision and displays at that precision."""
    m = nt.Moment.of(text)
    assert m.precision is precision
    assert m.display() == display
    assert nt.Moment.parse(m.isoformat()) == m


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "Novembre 2025",
        "2025-10-15/2025-10-13",
        "2025-21",
        "2025-10/..",
        "early 13 Oct 2025",
        "2025-13",
        "2025-02-30",
        "2025-11-23T14:00",
        "2025-11-23T25:00Z",
        "2025-11-23T14:00 Mars/Olympus",
        "2025-11-23T14:00+03:00 Europe/Kyiv",
        "0000",
    ],
)
def test_bad_dates_raise_date_error_with_a_hint(bad: str) -> None:
    """Impossible dates, naive times and unknown zones raise DateError saying how to write one."""
    with pytest.raises(nt.DateError) as info:
        nt.Moment.of(bad)
    assert info.value.problems[0].hint


def test_naive_datetime_is_refused() -> None:
    """A time of day without a zone means nothing, so a naive datetime is refused."""
    with pytest.raises(nt.DateError, match="no time zone"):
        nt.Moment.of(datetime(2025, 11, 23, 14, 0))


def test_objects_are_accepted() -> None:
    """Dates, aware datetimes, pendulum values and int years become moments."""
    assert nt.Moment.of(date(2025, 11, 23)) == nt.Moment.of("2025-11-23")
    assert nt.Moment.of(2025) == nt.Moment.of("2025")
    kyiv = nt.Moment.of(pendulum.datetime(2025, 11, 23, 14, tz="Europe/Kyiv"))
    assert kyiv == nt.Moment.of("2025-11-23T14:00 Europe/Kyiv")
    fixed = nt.Moment.of(datetime(2025, 11, 23, 14, tzinfo=UTC))
    assert fixed.isoformat() == "2025-11-23T14:00+00:00"
    assert kyiv.to_pendulum().timezone_name == "Europe/Kyiv"


def test_sort_rule_puts_coarser_first_then_exact_before_approximate() -> None:
    """At equal starts, coarser moments come first and exact ones before approximate ones."""
    given_order = ["2025-11-01T09:00Z", "~2025-11-01", "2025-11-01", "2025-11", "2025"]
    ordered = sorted(nt.Moment.of(t) for t in given_order)
    assert [m.isoformat() for m in ordered] == [
        "2025",
        "2025-11",
        "2025-11-01",
        "2025-11-01~",
        "2025-11-01T09:00+00:00",
    ]


def test_zones_compare_by_instant() -> None:
    """14:00 in Kyiv (UTC+2 in winter) is before 13:00 in Geneva (UTC+1)."""
    assert nt.Moment.of("2025-11-23T14:00 Europe/Kyiv") < nt.Moment.of(
        "2025-11-23T13:30 Europe/Zurich"
    )


def test_settled_rule_for_imprecise_dates() -> None:
    """A change "in December" is settled by the end of December, not on 10 December."""
    december = nt.Moment.of("2025-12")
    assert not december.settled_by("2025-12-10")
    assert december.settled_by("2025-12-31")
    assert december.settled_by("2025-12")
    assert december.possibly_by("2025-12-10")
    assert not december.possibly_by("2025-11-30")
    assert nt.Moment.of("2025-12-10").settled_by("2025-12-10")


def test_a_calendar_date_compares_times_as_displayed() -> None:
    """By a date without a time of day, a time counts on the day its own clock shows (as
    the timeline files it); by a time with a zone, it counts by its instant."""
    west = nt.Moment.of("2025-11-30T23:30-05:00")  # 1 Dec, 04:30 UTC
    east = nt.Moment.of("2025-12-01T01:00 Asia/Tokyo")  # 30 Nov, 16:00 UTC
    assert west.settled_by("2025-11-30")
    assert west.possibly_by("Nov 2025")
    assert not east.settled_by("2025-11-30")
    assert not east.possibly_by("Nov 2025")
    assert east.settled_by("2025-12-01T00:00Z")
    assert not west.possibly_by("2025-12-01T00:00Z")


@given(moments())
def test_round_trip_through_text(m: nt.Moment) -> None:
    """Every moment survives its canonical text form."""
    assert nt.Moment.parse(m.isoformat()) == m


@given(moments(), moments())
def test_order_is_total_and_consistent(a: nt.Moment, b: nt.Moment) -> None:
    """The order is the documented sort key, and its start never exceeds its end."""
    assert (a < b) == (a.sort_key < b.sort_key)
    assert (a <= b) or (b < a)
    assert a.start < a.end


@given(zoned_datetimes())
def test_zoned_datetimes_keep_their_zone(value: datetime) -> None:
    """An aware datetime in an IANA zone keeps the zone's name and its instant."""
    m = nt.Moment.of(value)
    assert m.zone is not None
    # Compared as UTC instants: Python never finds two aware datetimes of different zones
    # equal when one falls in a repeated hour (PEP 495), whatever instants they name.
    assert m.start == value.astimezone(UTC)
