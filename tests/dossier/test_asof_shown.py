"""As-of queries for a calendar date count changes by their dates as displayed, as the
timeline's date filters do; a query with a time of day and a zone compares instants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.core.dates import Precision
from tests.support.dossiers import make_small
from tests.support.strategies import moments, times_near

REF = "us-28#12"
WEST = "2025-11-30T23:30-05:00"  # shown on 30 Nov; 1 Dec, 04:30 in UTC
EAST = "2025-12-01T01:00 Asia/Tokyo"  # shown on 1 Dec; 30 Nov, 16:00 in UTC
RULES = ("settled", "possible")


def _one(on: str, status: str = "disputed") -> nt.Dossier:
    d = make_small()
    d.set_status(REF, status, on=on, source="s1")
    return d


@pytest.mark.parametrize("rule", RULES)
def test_a_late_time_west_of_utc_counts_on_the_day_it_is_shown(rule: str) -> None:
    """ "30 Nov, 23:30 UTC-05:00" is a change of 30 November (and of November), under
    either rule, though it is 1 Dec in UTC; it is not one of 29 November."""
    d = _one(WEST)
    for day in ("2025-11-30", "2025-11", "30 Nov 2025", "2025-Q4"):
        assert d.status_of(REF, as_of=day, rule=rule) is nt.Status.DISPUTED  # type: ignore[arg-type]
        assert [c.on for c in d.history(REF, day, rule=rule)][1:] == [nt.Moment.of(WEST)]  # type: ignore[arg-type]
        assert d.status_report(REF, day, rule=rule).certain  # type: ignore[arg-type]
    assert d.status_of(REF, as_of="2025-11-29", rule=rule) is nt.Status.PROPOSED  # type: ignore[arg-type]


@pytest.mark.parametrize("rule", RULES)
def test_an_early_time_east_of_utc_waits_for_the_day_it_is_shown(rule: str) -> None:
    """ "1 Dec, 01:00 JST" is a change of 1 December, under either rule, though it is
    30 Nov in UTC: not counted as of 30 November or of November, counted as of 1 Dec."""
    d = _one(EAST)
    for day in ("2025-11-30", "2025-11"):
        report = d.status_report(REF, day, rule=rule)  # type: ignore[arg-type]
        assert (report.status, report.certain) == (nt.Status.PROPOSED, True)
        assert len(d.history(REF, day, rule=rule)) == 1  # type: ignore[arg-type]
    assert d.status_of(REF, as_of="2025-12-01", rule=rule) is nt.Status.DISPUTED  # type: ignore[arg-type]


def test_positions_follow_the_same_calendar() -> None:
    """A party's position dated late in New York is its position as of that day."""
    d = make_small()
    d.set_position(REF, "zakharova", "rejects", on=WEST, source="s1")
    d.set_position(REF, "umerov", "supports", on=EAST, source="s1")
    assert set(d.positions(REF, as_of="2025-11-30")) == {"zakharova"}
    assert set(d.positions(REF, as_of="2025-12-01")) == {"zakharova", "umerov"}


def test_a_query_with_a_time_and_a_zone_compares_instants() -> None:
    """As of 1 Dec, 00:00 UTC, the Tokyo change (30 Nov, 16:00 UTC) is over and the New
    York one (1 Dec, 04:30 UTC) is still to come; as of 23:59 in New York both are."""
    d = _one(EAST, "agreed")
    d.set_status(REF, "disputed", on=WEST, source="s1")
    assert d.status_of(REF, as_of="2025-12-01T00:00Z") is nt.Status.AGREED
    assert d.status_of(REF, as_of="2025-12-01T00:00 Asia/Tokyo") is nt.Status.PROPOSED
    assert d.status_of(REF, as_of="2025-11-30T23:59-05:00") is nt.Status.DISPUTED
    # By the calendar, 30 Nov has the New York change only; by 1 Dec, both, and the New
    # York one happened last.
    assert d.status_of(REF, as_of="2025-11-30") is nt.Status.DISPUTED
    assert d.status_of(REF, as_of="2025-12-01") is nt.Status.DISPUTED


def test_a_time_without_a_zone_is_refused() -> None:
    """A time of day with no offset or zone names no instant: the query is refused with
    how to write one, never read in some zone."""
    d = _one(WEST)
    with pytest.raises(nt.DateError, match="no time zone"):
        d.status_of(REF, as_of="2025-11-30T14:00")


def test_floating_dates_count_as_before() -> None:
    """Dates without a time are their own calendar: a day counts on that day, a month
    once the month is over, and straddles a day within it."""
    d = _one("2025-11-30")
    d.set_status(REF, "agreed", on="2025-12", source="s1")
    assert d.status_of(REF, as_of="2025-11-30") is nt.Status.DISPUTED
    assert d.status_of(REF, as_of="2025-11-29") is nt.Status.PROPOSED
    report = d.status_report(REF, "2025-12-10")
    assert (report.status, [c.status for c in report.pending]) == (
        nt.Status.DISPUTED,
        [nt.Status.AGREED],
    )
    assert d.status_of(REF, as_of="2025-12-31") is nt.Status.AGREED


@pytest.mark.parametrize(
    "span",
    [
        "2025-11-30T22:00 America/New_York/2025-12-01T01:00 America/New_York",  # UTC: 1 Dec
        "2025-11-30T23:00+09:00/2025-12-01T02:00+09:00",  # UTC: 30 Nov, 14:00-17:00
    ],
)
def test_a_span_across_midnight_as_displayed_is_pending(span: str) -> None:
    """A change between 22:00 and 01:00 on its own clock may or may not have happened by the
    end of the day it starts on, wherever UTC's midnight falls: pending under both rules
    (under "possible" it is also the answer)."""
    d = _one(span, "deleted")
    settled = d.status_report(REF, "2025-11-30")
    assert settled.status is nt.Status.PROPOSED
    assert [c.status for c in settled.pending] == [nt.Status.DELETED]
    possible = d.status_report(REF, "2025-11-30", rule="possible")
    assert possible.status is nt.Status.DELETED
    assert [c.status for c in possible.pending] == [nt.Status.DELETED]
    assert d.status_report(REF, "2025-12-01").certain
    assert d.status_report(REF, "2025-11-29", rule="possible").certain


def test_changes_counted_by_the_calendar_are_ordered_by_their_instants() -> None:
    """ "agreed on 30 Nov" (a day on UTC's calendar) and "disputed, 30 Nov 18:00-20:00
    UTC-05:00" (23:00-01:00 UTC) both count by 30 Nov as displayed; their instants overlap,
    so the answer says the order is unknown (it called the second one pending before)."""
    d = _one("2025-11-30", "agreed")
    d.set_status(REF, "disputed", on="2025-11-30T18:00-05:00/2025-11-30T20:00-05:00", source="s1")
    report = d.status_report(REF, "2025-11-30")
    assert report.status is nt.Status.DISPUTED
    assert [c.status for c in report.unordered] == [nt.Status.AGREED]
    assert report.pending == ()


def _in_filter(
    on: nt.Moment, since: nt.Moment | None = None, until: nt.Moment | None = None
) -> bool:
    d = nt.Dossier(title="One event", events=[nt.Event(id="e", when=on, title="E")])
    return bool(d.filter_events(since=since, until=until))


_calendar = moments().filter(lambda m: m.value.tzinfo is None)


@settings(max_examples=200, deadline=None)
@given(st.data(), _calendar)
def test_as_of_a_calendar_date_agrees_with_the_timeline_filter(
    data: st.DataObject, day: nt.Moment
) -> None:
    """For any change date (any zone) and any calendar query date, "possible" counts the
    change exactly when the timeline's ``until`` filter keeps an event of that date, and
    "settled" when it also leaves the event out of ``since`` the day after."""
    on = data.draw(moments() | times_near(day.end.replace(tzinfo=None)))
    d = nt.Dossier(
        title="One change",
        sources=[nt.Source(id="s1", title="A report")],
        plans=[
            nt.Plan(
                id="p",
                title="A plan",
                versions=[
                    nt.PlanVersion(
                        id="v", label="V", date="1900", points=[nt.Point(number="1", text="T")]
                    )
                ],
            )
        ],
    )
    d.set_status("v#1", "disputed", on=on, source="s1")
    after = nt.Moment(day.local_end, Precision.DAY)  # the day after the query date
    shown_by = _in_filter(on, until=day)
    over_by = shown_by and not _in_filter(on, since=after)
    assert (d.status_of("v#1", day, rule="possible") is nt.Status.DISPUTED) is shown_by
    assert (d.status_of("v#1", day) is nt.Status.DISPUTED) is over_by
