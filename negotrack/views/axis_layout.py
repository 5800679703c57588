"""Where the time axis draws a date: its extent in percent of the axis, its shape (a point,
a range, an approximate stretch faded at its uncertain edges) and its row in a lane.

Kept apart from :mod:`negotrack.views.axis`, which builds the axis's view from the dossier.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from negotrack.core.dates import Moment, Precision
from negotrack.views.formatting import iso_instant

if TYPE_CHECKING:
    from negotrack.core.model import Event

__all__ = ["ROWS", "Geometry", "drawn", "extent", "geometry", "place"]

ROWS = 4  # rows per lane at most; more overlapping marks share the last one
_GAP = 1.3  # percent: a mark's least drawn width (8 px) on the narrowest axis (40rem)
_WIDEN = {
    Precision.YEAR: timedelta(days=120),
    Precision.MONTH: timedelta(days=15),
    Precision.DAY: timedelta(days=3),
    Precision.MINUTE: timedelta(hours=12),
}
"""How much wider an approximate date is drawn, on each side, by its precision."""


def extent(when: Moment, until: Moment | None) -> tuple[datetime, datetime]:
    """The earliest start and the latest end an event's date allows, in UTC."""
    end = until.end if until is not None else when.end
    return when.start, max(end, when.end)


class Geometry(NamedTuple):
    """Where a date (an event's ``when`` and ``until``) is drawn; events share dates."""

    start: datetime
    end: datetime
    left: float
    right: float
    start_iso: str
    end_iso: str
    shape: str
    fade: str
    left_text: str
    width_text: str


def geometry(
    when: Moment,
    until: Moment | None,
    s: datetime,
    t: datetime,
    ds: datetime,
    dt: datetime,
    pct: Callable[[datetime], float],
) -> Geometry:
    approx = when.approximate or (until is not None and until.approximate)
    left, right = max(pct(ds), 0.0), min(pct(dt), 100.0)
    fade = ""
    if approx and right > left:
        a = (pct(s) - left) * 100 / (right - left)
        b = (pct(t) - left) * 100 / (right - left)
        fade = f";--a:{max(a, 0.0):.1f}%;--b:{min(b, 100.0):.1f}%"
    if approx:
        shape = "approx"
    elif until is not None or when.is_span or when.precision < Precision.DAY:
        # An interval in ``when`` ("2022-10-25/2022-11-02", "mid-November 2022") is the
        # same span as a ``when`` with an ``until``, and is drawn as one.
        shape = "range"
    else:
        shape = "point"
    return Geometry(
        s,
        t,
        left,
        right,
        iso_instant(s),
        iso_instant(t),
        shape,
        fade,
        f"{left:.3f}",
        f"{right - left:.3f}",
    )


def drawn(e: Event, start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The stretch a mark covers: its date's bounds, wider on a side that is approximate."""
    if e.when.approximate:
        start -= _WIDEN[e.when.precision]
    last = e.until or e.when
    if last.approximate:
        end += _WIDEN[last.precision]
    return start, end


def place(ends: list[float], left: float, right: float) -> int:
    """The first row of a lane free at ``left`` (rows fill in time order); the mark's right
    edge is recorded there."""
    if right < left + _GAP:
        right = left + _GAP
    row = 0
    for edge in ends:
        if edge <= left:
            ends[row] = right
            return row
        row += 1
    if row < ROWS:
        ends.append(right)
        return row
    least = min(ends)
    row = ends.index(least)
    ends[row] = right if right > least else least
    return row
