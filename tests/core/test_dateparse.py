"""Dates as analysts write them: every accepted form, its bounds, its stored and shown text."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from hypothesis import given

import negotrack as nt
from negotrack.core.dateparse import DATE_FORMS, DATE_PATTERN
from tests.support.strategies import moments, phrases


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


# text, canonical stored form, display, start, end (exclusive)
FORMS = [
    ("2025-10-13/2025-10-15", "2025-10-13/2025-10-15", "13–15 Oct 2025",
     _utc(2025, 10, 13), _utc(2025, 10, 16)),
    ("2025-10~", "2025-10~", "c. Oct 2025", _utc(2025, 10, 1), _utc(2025, 11, 1)),
    ("2025-10?", "2025-10?", "Oct 2025?", _utc(2025, 10, 1), _utc(2025, 11, 1)),
    ("2025-10%", "2025-10%", "c. Oct 2025?", _utc(2025, 10, 1), _utc(2025, 11, 1)),
    ("2025-Q4", "2025-10/2025-12", "Q4 2025", _utc(2025, 10, 1), _utc(2026, 1, 1)),
    ("Q1 2026", "2026-01/2026-03", "Q1 2026", _utc(2026, 1, 1), _utc(2026, 4, 1)),
    ("2025-36", "2025-10/2025-12", "Q4 2025", _utc(2025, 10, 1), _utc(2026, 1, 1)),
    ("2025-40", "2025-01/2025-06", "H1 2025", _utc(2025, 1, 1), _utc(2025, 7, 1)),
    ("Oct 2025", "2025-10", "Oct 2025", _utc(2025, 10, 1), _utc(2025, 11, 1)),
    ("October 2025", "2025-10", "Oct 2025", _utc(2025, 10, 1), _utc(2025, 11, 1)),
    ("sept. 2025", "2025-09", "Sep 2025", _utc(2025, 9, 1), _utc(2025, 10, 1)),
    ("13 Oct 2025", "2025-10-13", "13 Oct 2025", _utc(2025, 10, 13), _utc(2025, 10, 14)),
    ("Oct 13, 2025", "2025-10-13", "13 Oct 2025", _utc(2025, 10, 13), _utc(2025, 10, 14)),
    ("October 13th 2025", "2025-10-13", "13 Oct 2025", _utc(2025, 10, 13), _utc(2025, 10, 14)),
    ("early October 2025", "2025-10-01/2025-10-10", "early Oct 2025",
     _utc(2025, 10, 1), _utc(2025, 10, 11)),
    ("mid-October 2025", "2025-10-11/2025-10-20", "mid-Oct 2025",
     _utc(2025, 10, 11), _utc(2025, 10, 21)),
    ("late October 2025", "2025-10-21/2025-10-31", "late Oct 2025",
     _utc(2025, 10, 21), _utc(2025, 11, 1)),
    ("late Feb 2024", "2024-02-21/2024-02-29", "late Feb 2024",
     _utc(2024, 2, 21), _utc(2024, 3, 1)),
    ("early Dec 2025", "2025-12-01/2025-12-10", "early Dec 2025",
     _utc(2025, 12, 1), _utc(2025, 12, 11)),
    ("late 2024", "2024-09/2024-12", "late 2024", _utc(2024, 9, 1), _utc(2025, 1, 1)),
    ("early 2025", "2025-01/2025-04", "early 2025", _utc(2025, 1, 1), _utc(2025, 5, 1)),
    ("mid-2025", "2025-05/2025-08", "mid-2025", _utc(2025, 5, 1), _utc(2025, 9, 1)),
    ("c. mid-Oct 2025", "2025-10-11~/2025-10-20~", "c. mid-Oct 2025",
     _utc(2025, 10, 11), _utc(2025, 10, 21)),
    ("2025-10/2025-11-15", "2025-10/2025-11-15", "Oct 2025 – 15 Nov 2025",
     _utc(2025, 10, 1), _utc(2025, 11, 16)),
    ("2024-12-28/2025-01-03", "2024-12-28/2025-01-03", "28 Dec 2024 – 3 Jan 2025",
     _utc(2024, 12, 28), _utc(2025, 1, 4)),
    ("2025-11-23T14:00 Europe/Kyiv/2025-11-23T16:00 Europe/Kyiv",
     "2025-11-23T14:00 Europe/Kyiv/2025-11-23T16:00 Europe/Kyiv",
     "23 Nov 2025, 14:00–16:00 EET", _utc(2025, 11, 23, 12), _utc(2025, 11, 23, 14, 1)),
    ("2025-10-13/2025-10-13", "2025-10-13", "13 Oct 2025", _utc(2025, 10, 13), _utc(2025, 10, 14)),
    ("~2025-11-20", "2025-11-20~", "c. 20 Nov 2025", _utc(2025, 11, 20), _utc(2025, 11, 21)),
    ("c. 2025-11", "2025-11~", "c. Nov 2025", _utc(2025, 11, 1), _utc(2025, 12, 1)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "stored", "shown", "start", "end"), FORMS)
def test_each_form_has_honest_bounds_one_stored_form_and_a_natural_display(
    text: str, stored: str, shown: str, start: datetime, end: datetime
) -> None:
    """Each written form gives the bounds a reader would agree with, its canonical text
    (which reads back equal) and its display."""
    m = nt.Moment.parse(text)
    assert (m.start, m.end) == (start, end)
    assert m.isoformat() == stored
    assert nt.Moment.parse(stored) == m
    assert m.display() == shown
    assert re.fullmatch(DATE_PATTERN, text)
    assert re.fullmatch(DATE_PATTERN, stored)


def test_every_documented_example_parses_and_matches_the_pattern() -> None:
    """DATE_FORMS (what help texts and the schema show) are all accepted and all match."""
    for text in DATE_FORMS:
        nt.Moment.parse(text)
        assert re.fullmatch(DATE_PATTERN, text), text


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("13-15 Oct 2025", "not a date"),
        ("2025-10-15/2025-10-13", "ends"),
        ("2025-21", "seasons"),
        ("2025-10/..", "open-ended"),
        ("early 13 Oct 2025", "with a day"),
        ("Octember 2025", "not a month"),
        ("30 Feb 2025", "impossible"),
        ("2025-10-13/2025-10-15T10:00Z", "both ends"),
        ("0001-01-01T00:30+01:00", "outside the years"),
    ],
)
def test_refused_dates_name_the_accepted_forms_and_how_to_write_a_span(bad: str, why: str) -> None:
    """A refused date says why, lists the accepted forms and suggests an interval or an
    event's when/until for a span."""
    with pytest.raises(nt.DateError, match=why) as info:
        nt.Moment.parse(bad)
    hint = info.value.problems[0].hint or ""
    assert "mid-October 2025" in hint
    assert "2025-Q4" in hint
    assert "2025-10-13/2025-10-15" in hint
    assert "when:" in hint
    assert "until:" in hint


@pytest.mark.parametrize("bad", ["2025-21", "2025-32", "2025-13", "30 Feb 2025"])
def test_a_refused_date_reads_its_reason_once(bad: str) -> None:
    """A refused date's message is the reason and the text, once; the accepted forms are its
    hint, not repeated inside the message (a season read "impossible date (seasons ...)")."""
    with pytest.raises(nt.DateError) as info:
        nt.Moment.parse(bad)
    problem = info.value.problems[0]
    assert "write it like" not in problem.message
    assert "impossible date (seasons" not in problem.message
    assert str(info.value).count("write it like") == 1


@pytest.mark.parametrize(
    ("bad", "meant"),
    [("2023-22-03", "2023-03-22"), ("2025-26-12T10:00Z", "2025-12-26T10:00Z")],
)
def test_day_and_month_the_other_way_round_are_named(bad: str, meant: str) -> None:
    """A month above 12 with a day that could be a month reads as day and month written
    the other way round (as much of the world writes them): the hint gives the date meant,
    not the list of forms."""
    with pytest.raises(nt.DateError) as info:
        nt.Moment.parse(bad)
    problem = info.value.problems[0]
    assert problem.message.startswith("impossible date (month must be in 1..12)")
    assert problem.hint == f"dates are year-month-day: did you mean {meant!r}?"
    assert nt.Moment.parse(meant)


def test_the_last_day_of_the_calendar_has_an_end() -> None:
    """9999-12-31 and the year 9999 have bounds instead of overflowing."""
    assert nt.Moment.parse("9999-12-31").end > nt.Moment.parse("9999-12-31").start
    assert nt.Moment.parse("late Dec 9999").end > nt.Moment.parse("9999-12-21").start
    for text in ("late 9999", "9999-Q4", "9999-12-30/9999-12-31"):
        m = nt.Moment.parse(text)
        assert m.start < m.end
        assert nt.Moment.parse(m.isoformat()) == m


def test_zone_names_are_not_taken_for_interval_slashes() -> None:
    """ "America/New_York" and "Indian/Mayotte" are zones, not the ends of an interval."""
    m = nt.Moment.parse("2025-11-23T14:00 America/New_York")
    assert m.zone == "America/New_York"
    assert not m.is_span
    assert nt.Moment.parse("2025-11-23T14:00 Indian/Mayotte").zone == "Indian/Mayotte"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "23/11/2025",
            "(a slash separates the two ends of an interval): '23/11/2025' "
            "(did you mean '2025-11-23'?)",
        ),
        ("12/26/2025", "(did you mean '2025-12-26'?)"),
        ("2025/12/26", "(did you mean '2025-12-26'?)"),
        ("26.12.2025", "dates are written YYYY-MM-DD: '26.12.2025' (did you mean '2025-12-26'?)"),
        ("03/04/2025", "(did you mean '2025-04-03' (day/month) or '2025-03-04' (month/day)?)"),
        ("05/05/2025", "(did you mean '2025-05-05'?)"),
    ],
)
def test_a_numeric_day_in_another_order_is_given_in_iso_form(text: str, said: str) -> None:
    """A day/month/year date says how dates are written, with the ISO date it can mean (both
    when day and month can swap), not that an interval has two ends."""
    with pytest.raises(nt.DateError) as info:
        nt.Moment.parse(text)
    assert str(info.value).startswith("dates are written YYYY-MM-DD")
    assert str(info.value).endswith(said)


@given(moments())
def test_every_moment_reads_back_equal_and_starts_before_it_ends(m: nt.Moment) -> None:
    """parse(format(m)) == m for every generated moment, and start < end."""
    assert nt.Moment.parse(m.isoformat()) == m
    assert m.start < m.end
    assert re.fullmatch(DATE_PATTERN, m.isoformat())


@given(moments(), moments())
def test_the_order_is_total(a: nt.Moment, b: nt.Moment) -> None:
    """Two moments are ordered one way or equal; equal keys mean equal moments."""
    assert (a < b) + (b < a) + (a == b) == 1
    assert (a.sort_key == b.sort_key) == (a == b)


@given(phrases())
def test_english_phrases_parse_inside_their_month_or_year(text: str) -> None:
    """Every English phrase and quarter parses to bounds inside the year it names."""
    m = nt.Moment.parse(text)
    year = int(text[-4:]) if text[-4:].isdigit() else int(text[:4])
    assert _utc(year, 1, 1) <= m.start < m.end <= _utc(year + 1, 1, 1)
    assert re.fullmatch(DATE_PATTERN, text)


def test_longer_stretches_sort_first_at_equal_starts() -> None:
    """The year, then its first quarter, its first month, its first day: longest first."""
    given_order = ["2025-01-01", "2025-01", "Q1 2025", "2025", "early 2025"]
    ordered = sorted(nt.Moment.parse(t) for t in given_order)
    assert [m.display() for m in ordered] == [
        "2025",
        "early 2025",
        "Q1 2025",
        "Jan 2025",
        "1 Jan 2025",
    ]


def test_overlap_is_the_test_of_unknown_order() -> None:
    """ "Oct 2025" and "c. 12 Oct 2025" overlap (neither surely first); Oct and Nov do not."""
    october = nt.Moment.parse("Oct 2025")
    assert october.overlaps("c. 12 Oct 2025")
    assert not october.overlaps("Nov 2025")
    assert nt.Moment.parse("mid-Oct 2025").settled_by("2025-10-20")
    assert not nt.Moment.parse("mid-Oct 2025").settled_by("2025-10-19")
