"""How a plan's points' statuses moved over time: the status board's chart.

At each date that changed something (a version tabled, a status change recorded) the chart
counts the points of every version that existed by then, by their status on that date. A
point whose version has been followed by a newer one and that was never decided on reads as
"superseded", not "proposed". The chart is drawn as stacked bars in an inline SVG; the same
numbers form the table that is its text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from negotrack.core.dates import Moment, SortKey
from negotrack.core.kinds import Status
from negotrack.core.refs import PointRef
from negotrack.views.i18n import ENGLISH, Interface

if TYPE_CHECKING:
    from negotrack.core.model import Plan, PlanVersion
    from negotrack.dossier.dossier import Dossier

__all__ = [
    "STATUS_ORDER",
    "SUPERSEDED",
    "UNKNOWN",
    "Bar",
    "Segment",
    "StatusChart",
    "build_chart",
    "by_status_order",
    "superseded_by",
]

SUPERSEDED = "superseded"
"""The status a board shows for an undecided point of a version a newer one followed."""

UNKNOWN = "unknown"
"""The status a board shows for a point whose status is not known on its date."""

STATUS_ORDER: tuple[str, ...] = (*(s.value for s in Status), SUPERSEDED, UNKNOWN)
"""The order every page lists statuses in (the board's legend and chart, the site home's
counts): :class:`~negotrack.core.kinds.Status`'s own, which follows a point's life
(proposed, kept, amended, agreed, disputed, deferred, deleted), then the two a board adds,
superseded and unknown. Not the English alphabet, which reads as random in translation."""

_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}


def by_status_order(status: str) -> tuple[int, str]:
    """A sort key that puts statuses in :data:`STATUS_ORDER` (any other after, by name)."""
    return _RANK.get(status, len(_RANK)), status


_MAX_DATES = 24
_HEIGHT = 150.0
_TOP = 18.0  # room above the tallest bar for its total


class Segment(NamedTuple):
    """One status's share of a bar: its count and where it sits in the SVG."""

    status: str
    label: str
    points: int
    y: str
    height: str


class Bar(NamedTuple):
    """The points' statuses at one date."""

    date: str
    x: str
    total: int
    top: str
    """Where its total is written, above the bar."""
    segments: tuple[Segment, ...]
    counts: tuple[int, ...]
    """One count per status of :attr:`StatusChart.statuses`, for the table."""


@attrs.frozen
class StatusChart:
    """Stacked bars of the points' statuses by date, and the same as a table."""

    statuses: tuple[tuple[str, str], ...]
    """(status, label) of every status that occurs, in a fixed order."""
    bars: tuple[Bar, ...]
    width: int
    height: int
    bar_width: int


def superseded_by(dossier: Dossier, plan: Plan, as_of: Moment | None) -> dict[str, Moment]:
    """For each version a newer one of the plan follows (as of ``as_of``), the newer one's
    date: from then on its undecided points are superseded."""
    from negotrack.views.timeline import predecessor

    out: dict[str, Moment] = {}
    for v in plan.versions:
        if as_of is not None and not v.date.settled_by(as_of):
            continue
        old = predecessor(dossier, v)
        if old is not None and (old.id not in out or v.date < out[old.id]):
            out[old.id] = v.date
    return out


def status_at(
    dossier: Dossier, version: PlanVersion, number: str, at: Moment | None, later: dict[str, Moment]
) -> str | None:
    """The status a board shows for a point on ``at`` (None: its version was not yet
    tabled)."""
    return status_cell(dossier, version, number, at, later)[0]


def status_cell(
    dossier: Dossier, version: PlanVersion, number: str, at: Moment | None, later: dict[str, Moment]
) -> tuple[str | None, bool]:
    """:func:`status_at`, and whether the recorded dates settle it (False when changes of
    unknown order, or a date still running on ``at``, leave it open; see
    :meth:`Dossier.status_report`)."""
    report = dossier.status_report(PointRef.format(version.id, number), at)
    status = report.status
    if status is None:
        return None, True
    newer = later.get(version.id)
    if status is Status.PROPOSED and newer is not None and (at is None or newer.settled_by(at)):
        return SUPERSEDED, report.certain
    return status.value, report.certain


def build_chart(
    dossier: Dossier, plan: Plan, as_of: Moment | None, lang: Interface = ENGLISH
) -> StatusChart | None:
    """The chart of ``plan``'s statuses up to ``as_of``, or None with fewer than two dates;
    labels and dates in ``lang``."""
    refs = {PointRef.format(v.id, p.number) for v in plan.versions for p in v.points}
    moments: dict[SortKey, Moment] = {}
    for v in plan.versions:
        moments.setdefault(v.date.sort_key, v.date)
    for c in dossier.status_log:
        if c.ref in refs:
            moments.setdefault(c.on.sort_key, c.on)
    dates = sorted(moments.values(), key=lambda m: m.end)
    if as_of is not None:
        dates = [m for m in dates if m.settled_by(as_of)]
    dates = dates[-_MAX_DATES:]
    if len(dates) < 2:
        return None
    later = superseded_by(dossier, plan, as_of)
    table: list[dict[str, int]] = []
    for at in dates:
        query = at
        counts: dict[str, int] = {}
        for v in plan.versions:
            for p in v.points:
                s = status_at(dossier, v, p.number, query, later)
                if s is not None:
                    counts[s] = counts.get(s, 0) + 1
        table.append(counts)
    present = [s for s in STATUS_ORDER if any(s in row for row in table)]
    top = max(sum(row.values()) for row in table) or 1
    step, bar_width = 96, 64
    bars = []
    for i, (at, row) in enumerate(zip(dates, table, strict=True)):
        y = _TOP + _HEIGHT
        segments = []
        for s in present:
            n = row.get(s, 0)
            if not n:
                continue
            h = n * _HEIGHT / top
            y -= h
            segments.append(Segment(s, lang.term("status", s), n, f"{y:.1f}", f"{h:.1f}"))
        bars.append(
            Bar(
                lang.plain_date(at),
                str(16 + i * step),
                sum(row.values()),
                f"{y - 4:.1f}",
                tuple(segments),
                tuple(row.get(s, 0) for s in present),
            )
        )
    return StatusChart(
        statuses=tuple((s, lang.term("status", s)) for s in present),
        bars=tuple(bars),
        width=32 + len(bars) * step,
        height=int(_TOP + _HEIGHT),
        bar_width=bar_width,
    )


def dates_text(bars: Sequence[Bar]) -> str:
    """The chart's first and last dates, for its accessible name."""
    return f"{bars[0].date} – {bars[-1].date}" if bars else ""
