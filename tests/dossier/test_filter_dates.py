"""Date filters compare the dates as displayed: a bound without a time of day is a stretch
of the calendar, and a time is on it where its own clock puts it."""

from __future__ import annotations

import negotrack as nt
from tests.support.dossiers import zoned_dossier


def _ids(d: nt.Dossier, **dates: str) -> list[str]:
    return sorted(e.id for e in d.filter_events(**dates) if e.when.precision is nt.Precision.MINUTE)


def test_a_time_is_in_the_month_it_is_shown_in() -> None:
    """ "30 Nov 2025, 23:30 UTC-05:00" (1 Dec in UTC) is in ``until 2025-11``, not in
    ``since 2025-12``; "1 Dec 2025, 01:00 JST" (30 Nov in UTC) the other way round."""
    d = zoned_dossier()
    assert _ids(d, until="2025-11") == ["ny-late", "ny-sunday"]
    assert _ids(d, since="2025-12") == ["ny-eve", "tokyo"]
    assert _ids(d, since="2025-11-30", until="2025-11-30") == ["ny-late"]
    assert _ids(d, since="2025-12-31") == ["ny-eve"]  # 1 Jan 2026 in UTC


def test_a_bound_with_a_time_is_an_instant() -> None:
    """A bound given to the minute compares instants: 1 Dec 00:00 UTC comes after the Tokyo
    meeting (30 Nov, 16:00 UTC) and before the New York call (1 Dec, 04:30 UTC)."""
    d = zoned_dossier()
    assert _ids(d, since="2025-12-01T00:00Z") == ["ny-eve", "ny-late"]
    assert _ids(d, until="2025-11-30T23:59Z") == ["ny-sunday", "tokyo"]


def test_dates_without_a_time_are_filtered_as_before() -> None:
    """Floating dates keep the overlap rule: a quarter overlaps December, a day in November
    does not."""
    d = zoned_dossier()
    kept = {e.id for e in d.filter_events(since="2025-12")}
    assert {"year", "late", "quarter"} <= kept
    assert not {"day", "month"} & kept
