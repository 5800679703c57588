"""The timeline's time axis as a view-model: extents, lanes, ticks, clusters, status changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import negotrack as nt
from negotrack.views.axis import AxisView, Mark
from negotrack.views.ticks import gridlines
from negotrack.views.timeline import TimelineView
from tests.support.dossiers import SEED, big_dossier, small_dossier


def _axis(d: nt.Dossier) -> AxisView:
    axis = TimelineView.build(d).axis
    assert axis is not None
    return axis


def _seed_marks() -> dict[str, Mark]:
    axis = _axis(nt.load(SEED))
    return {m.anchor.removeprefix("ev-"): m for m in axis.marks}


def test_each_event_has_one_mark_spanning_what_its_date_may_mean() -> None:
    """data-start/data-end are the earliest start and latest end the date (and until) allow."""
    d = small_dossier()
    axis = _axis(d)
    assert [m.anchor for m in axis.marks] == [e.anchor for e in TimelineView.build(d).events]
    for m in axis.marks:
        event = next(e for e in d.events if "ev-" + e.id == m.anchor)
        last = event.until or event.when
        assert m.start == event.when.start.strftime("%Y-%m-%dT%H:%M:%SZ")
        assert m.end == max(last.end, event.when.end).strftime("%Y-%m-%dT%H:%M:%SZ")


def test_a_month_covers_the_month_and_a_span_runs_to_its_until() -> None:
    """A month-precision date is drawn over its whole month; a span over when..until."""
    marks = _seed_marks()
    strike = marks["strike-temryuk"]
    assert (strike.start, strike.end, strike.shape) == (
        "2025-12-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        "range",
    )


def test_in_recent_months_is_drawn_as_the_stretch_it_is() -> None:
    """The seed's "in recent months" (c. Oct 2025 – Dec 2025) runs from October to the end
    of December, faded and drawn wider at its approximate start."""
    m = _seed_marks()["balloons-vilnius"]
    assert (m.start, m.end, m.shape) == (
        "2025-10-01T00:00:00Z",
        "2026-01-01T00:00:00Z",
        "approx",
    )
    assert float(m.width) > 60
    assert "--a:" in m.fade
    a = float(m.fade.split("--a:")[1].split("%")[0])
    assert a > 0  # the faded lead-in before October


def test_talks_and_strikes_have_lanes_of_their_own() -> None:
    """Lanes follow tracks: the seed's talks and its strikes sit on different lanes."""
    marks = _seed_marks()
    axis = _axis(nt.load(SEED))
    lane = {name.label: name for name in axis.lanes}
    assert {"diplomacy", "strikes-on-energy", "nato-eastern-flank"} <= set(lane)
    talks, strike = marks["talks-envoys"], marks["strike-temryuk"]
    assert talks.lane_key == "diplomacy"
    assert strike.lane_key == "strikes-on-energy"
    for m, name in ((talks, "diplomacy"), (strike, "strikes-on-energy")):
        first = lane[name].row
        assert first <= m.row < first + lane[name].rows


def test_positions_are_proportional_to_time() -> None:
    """Marks of day-precision dates sit in the order and at the spacing of their dates."""
    axis = _axis(small_dossier())
    lo = datetime.fromisoformat(axis.start)
    hi = datetime.fromisoformat(axis.end)
    for m in axis.marks:
        if m.shape != "point":
            continue
        at = datetime.fromisoformat(m.start)
        expected = (at - lo) / (hi - lo) * 100
        assert float(m.left) == pytest.approx(expected, abs=0.01)


def test_overlapping_marks_stack_in_rows_of_their_lane() -> None:
    """Three December strikes on one track take three rows, not one spot."""
    marks = _seed_marks()
    rows = {marks[k].row for k in ("strike-temryuk", "strike-orenburg", "strike-novoshakhtinsk")}
    assert len(rows) == 3


def test_status_changes_are_marked_on_their_own_lane() -> None:
    """Each recorded status change of a plan point becomes a marker after the tracks."""
    d = nt.load(SEED)
    axis = _axis(d)
    assert len(axis.changes) == len(d.status_log)
    assert {c.status for c in axis.changes} == {"deleted", "kept", "amended"}
    assert any("us-28 #21a: deleted" in c.label for c in axis.changes)


def test_dense_stretches_cluster_with_a_count() -> None:
    """At the overview of 2,000 events, crowded stretches are counted; each clustered mark
    names its cluster and the counts add up."""
    axis = _axis(big_dossier(2000))
    assert axis.clusters
    for c in axis.clusters:
        members = [m for m in axis.marks if m.cluster == c.number]
        assert len(members) == c.events >= 4
        assert all(m.row >= c.row for m in members)
        assert c.label.startswith(f"{c.events} events, ")


def test_rounds_and_plan_versions_stand_out() -> None:
    """A round is emphasised as one; an event that tables a plan version as a version."""
    axis = _axis(small_dossier())
    by = {m.anchor: m.emphasis for m in axis.marks}
    assert by["ev-geneva"] == "round"
    assert by["ev-us-draft"] == "version"
    assert by["ev-strikes"] == ""


@pytest.mark.parametrize(
    ("days", "unit"),
    [(10, "day"), (60, "week"), (300, "month"), (3 * 365, "month"), (20 * 365, "year")],
)
def test_ticks_follow_the_range(days: int, unit: str) -> None:
    """Days for a fortnight, weeks for two months, months for up to four years, then years."""
    lo = datetime(2025, 1, 1, tzinfo=UTC)
    found, ticks = gridlines(lo, lo + timedelta(days=days))
    assert found == unit
    assert 2 <= len(ticks) <= 16


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2090, 1, 1)),
    seconds=st.integers(min_value=3600, max_value=150 * 365 * 86400),
)
def test_ticks_lie_inside_the_range_in_order(start: datetime, seconds: int) -> None:
    """Whatever the range, the ticks are inside it, increasing, and not too many."""
    lo = start.replace(tzinfo=UTC)
    hi = lo + timedelta(seconds=seconds)
    _, ticks = gridlines(lo, hi)
    assert all(lo <= t <= hi for t in ticks)
    assert ticks == sorted(ticks)
    assert len(ticks) <= 20


def test_no_events_no_axis() -> None:
    """A filter that keeps nothing leaves no axis to draw."""
    assert TimelineView.build(small_dossier(), kind="personnel").axis is None


def test_an_interval_in_when_is_drawn_as_the_span_it_is() -> None:
    """A round dated "2022-10-25/2022-11-02" or "mid-November 2022" is a span like a `when`
    with an `until`, drawn as a range (the legend's bar), not as a day's short mark."""
    d = nt.Dossier(
        title="Spans",
        events=[
            nt.Event(id="interval", when="2022-10-25/2022-11-02", title="Talks in Pretoria"),
            nt.Event(id="part", when="mid-November 2022", title="Convoys arrive"),
            nt.Event(id="until", when="2022-11-07", until="2022-11-12", title="Nairobi"),
            nt.Event(id="day", when="2022-12-06", title="Power restored"),
        ],
    )
    shapes = {m.anchor.removeprefix("ev-"): m.shape for m in _axis(d).marks}
    assert shapes == {"interval": "range", "part": "range", "until": "range", "day": "point"}
    assert _axis(d).legend_range
